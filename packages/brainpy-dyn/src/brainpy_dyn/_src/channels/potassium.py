r"""Voltage-gated potassium channels.

* delayed rectifiers ``I = g_max p⁴ (E - V)`` with kinetic gates: ``IK_HH1952``,
  ``IK_TM1991``, ``IKDR_Ba2002``;
* the A-current of Huguenard & McCormick (1992), ``I = g_max p⁴ q (E - V)``:
  ``IKA1_HM1992``, ``IKA2_HM1992``;
* the slowly inactivating K2 current of Huguenard & McCormick (1992),
  ``I = g_max p q (E - V)``: ``IKK2A_HM1992``, ``IKK2B_HM1992``;
* the slow non-inactivating (M-type) current of Yamada, Koch & Adams (1989),
  ``I = g_max p (E - V)``: ``IKNI_Ya1989``.

Steady-state gates follow ``dx/dt = φ_x (x∞(V) - x) / τ_x(V)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.channels.gates import Gated, check_temperature, temperature_factor, vtrap
from brainpy_dyn._src.channels.ions import PotassiumChannel
from brainpy_dyn._src.neurons.base import as_value

__all__ = [
    "IK_HH1952",
    "IK_TM1991",
    "IKDR_Ba2002",
    "IKA1_HM1992",
    "IKA2_HM1992",
    "IKK2A_HM1992",
    "IKK2B_HM1992",
    "IKNI_Ya1989",
]

_COMMON_ARGS = """
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      E: reversal potential (mV).
      g_max: maximal conductance (mS/cm²)."""


class _KBase(Gated, PotassiumChannel):
    """A potassium channel ``g_max Π gates (E - V)`` with shift ``V_sh``."""

    _powers: tuple[int, ...] = (4,)

    def _setup(
        self, size: Any, keep_size: bool, E: Any, g_max: Any, V_sh: Any, name: Any, mode: Any
    ) -> None:
        PotassiumChannel.__init__(self, size, name=name, keep_size=keep_size, mode=mode)
        self.E = self._param(E, "E")
        self.g_max = self._param(g_max, "g_max")
        self.V_sh = self._param(V_sh, "V_sh")

    def _v(self, V: Any, offset: float) -> Any:
        """``V - (V_sh + offset)``."""
        return V - (as_value(self.V_sh) + offset)

    def update(self, tdi: Any, V: Any) -> None:
        """Advance the gates by one step at ``V``."""
        self._advance(tdi, V)

    def current(self, V: Any) -> jax.Array:
        """``g_max Π gates (E - V)``."""
        g = as_value(self.g_max)
        for gate, power in zip(self._gates, self._powers, strict=True):
            x = getattr(self, gate).value
            g = g * (x if power == 1 else x**power)
        return g * (as_value(self.E) - V)

    def reset_state(self, V: Any, batch_size: Any = None) -> None:
        """Set the gates to their steady states at ``V``."""
        self._reset_gates(V, batch_size)


class _IKP4(_KBase):
    _gates = ("p",)
    _form = "markov"
    _powers = (4,)

    def _init(self, size, keep_size, E, g_max, phi, V_sh, method, name, mode) -> None:
        self._setup(size, keep_size, E, g_max, V_sh, name, mode)
        self.phi = self._param(phi, "phi")
        self._init_gates(method)


class IK_HH1952(_IKP4):
    r"""The potassium current of Hodgkin & Huxley (1952).

    BrainPy implementation of ``brainpy.channels.IK_HH1952`` (2.3.5):
    ``I = g_max p⁴ (E - V)`` with
    ``α_p = 0.01 (V - V_sh + 10) / (1 - exp(-(V - V_sh + 10)/10))`` and
    ``β_p = 0.125 exp(-(V - V_sh + 20)/80)``; with ``V_sh = -45`` these are the classical
    ``n`` rates of :class:`~brainpy_dyn.neurons.HH`.

    Args:{common}
      phi: temperature factor of the rates.
      V_sh: voltage shift (mV).
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> round(float(bd.channels.IK_HH1952(1).steady_state('p', -65.)), 4)
      0.3177
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E: Any = -90.0,
        g_max: Any = 10.0,
        phi: Any = 1.0,
        V_sh: Any = -45.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        self._init(size, keep_size, E, g_max, phi, V_sh, method, name, mode)

    def f_p_alpha(self, V: Any) -> jax.Array:
        """``α_p(V)``."""
        return 0.01 * vtrap(self._v(V, -10.0), 10.0)

    def f_p_beta(self, V: Any) -> jax.Array:
        """``β_p(V)``."""
        return 0.125 * jnp.exp(-self._v(V, -20.0) / 80.0)


class _IKTraub(_IKP4):
    def f_p_alpha(self, V: Any) -> jax.Array:
        """``α_p(V) = 0.032 (V - V_sh - 15) / (1 - exp(-(V - V_sh - 15)/5))``."""
        return 0.032 * vtrap(self._v(V, 15.0), 5.0)

    def f_p_beta(self, V: Any) -> jax.Array:
        """``β_p(V) = 0.5 exp(-(V - V_sh - 10)/40)``."""
        return 0.5 * jnp.exp(-self._v(V, 10.0) / 40.0)


class IK_TM1991(_IKTraub):
    r"""The delayed-rectifier potassium current of Traub & Miles (1991).

    BrainPy implementation of ``brainpy.channels.IK_TM1991`` (2.3.5):
    ``I = g_max p⁴ (E - V)``, ``dp/dt = φ (α_p (1 - p) - β_p p)`` with
    ``α_p = 0.032 (V - V_sh - 15) / (1 - exp(-(V - V_sh - 15)/5))`` and
    ``β_p = 0.5 exp(-(V - V_sh - 10)/40)``.

    Args:{common}
      phi: temperature factor of the rates.
      V_sh: voltage shift (mV); Traub & Miles' ``V_T``.
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.channels.IK_TM1991(4).p.shape
      (4,)
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E: Any = -90.0,
        g_max: Any = 10.0,
        phi: Any = 1.0,
        V_sh: Any = -60.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        self._init(size, keep_size, E, g_max, phi, V_sh, method, name, mode)


class IKDR_Ba2002(_IKTraub):
    r"""The delayed-rectifier potassium current of Bazhenov et al. (2002).

    BrainPy implementation of ``brainpy.channels.IKDR_Ba2002`` (2.3.5): the rates of
    :class:`IK_TM1991` scaled by ``φ = T_base^{(T - 36)/10}`` (unless ``phi`` is given).

    Args:{common}
      V_sh: voltage shift (mV).
      T_base: the Q10 of the rates.
      T: temperature (°C).
      phi: temperature factor; ``None`` computes it from ``T`` and ``T_base``.
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.channels.IKDR_Ba2002(1, T=46.).phi
      3.0
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E: Any = -90.0,
        g_max: Any = 10.0,
        V_sh: Any = -50.0,
        T_base: Any = 3.0,
        T: Any = 36.0,
        phi: Any = None,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        check_temperature(type(self).__name__, T, T_base=T_base)
        phi = temperature_factor(T_base, T, 36.0) if phi is None else phi
        self._init(size, keep_size, E, g_max, phi, V_sh, method, name, mode)
        self.T = T
        self.T_base = T_base


class _IKSS(_KBase):
    """Steady-state gates ``p`` and ``q`` with factors ``phi_p`` and ``phi_q``."""

    _gates = ("p", "q")
    _form = "ss"

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E: Any = -90.0,
        g_max: Any = 10.0,
        V_sh: Any = 0.0,
        phi_p: Any = 1.0,
        phi_q: Any = 1.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        self._setup(size, keep_size, E, g_max, V_sh, name, mode)
        self.phi_p = self._param(phi_p, "phi_p")
        self.phi_q = self._param(phi_q, "phi_q")
        self._init_gates(method)


class _IKA(_IKSS):
    _powers = (4, 1)
    _q_switch = -63.0
    _q_plateau = 19.0

    def f_p_tau(self, V: Any) -> jax.Array:
        """``τ_p = 0.37 + 1 / (exp((V - V_sh + 35.8)/19.7) + exp(-(V - V_sh + 79.7)/12.7))``."""
        return 0.37 + 1.0 / (jnp.exp(self._v(V, -35.8) / 19.7) + jnp.exp(-self._v(V, -79.7) / 12.7))

    def f_q_inf(self, V: Any) -> jax.Array:
        """``q∞ = 1 / (1 + exp((V - V_sh + 78)/6))``."""
        return 1.0 / (1.0 + jnp.exp(self._v(V, -78.0) / 6.0))

    def f_q_tau(self, V: Any) -> jax.Array:
        """``τ_q(V)``: a bell curve below the switch potential, a plateau above.

        ``1/(exp((V - V_sh + 46)/5) + exp(-(V - V_sh + 238)/37.5))`` below it.
        """
        low = 1.0 / (jnp.exp(self._v(V, -46.0) / 5.0) + jnp.exp(-self._v(V, -238.0) / 37.5))
        return jnp.where(self._v(V, self._q_switch) < 0.0, low, self._q_plateau)


class IKA1_HM1992(_IKA):
    r"""The first component of the A-current of Huguenard & McCormick (1992).

    BrainPy implementation of ``brainpy.channels.IKA1_HM1992`` (2.3.5):
    ``I = g_max p⁴ q (E - V)`` with ``p∞ = 1/(1 + exp(-(V - V_sh + 60)/8.5))``,
    ``τ_p = 0.37 + 1/(exp((V - V_sh + 35.8)/19.7) + exp(-(V - V_sh + 79.7)/12.7))``,
    ``q∞ = 1/(1 + exp((V - V_sh + 78)/6))`` and
    ``τ_q = 1/(exp((V - V_sh + 46)/5) + exp(-(V - V_sh + 238)/37.5))`` for
    ``V < V_sh - 63`` mV, ``19`` ms above.

    Args:{common}
      V_sh: voltage shift (mV).
      phi_p: temperature factor of ``p``.
      phi_q: temperature factor of ``q``.
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> float(bd.channels.IKA1_HM1992(1).f_q_tau(-50.))
      19.0
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E: Any = -90.0,
        g_max: Any = 30.0,
        V_sh: Any = 0.0,
        phi_p: Any = 1.0,
        phi_q: Any = 1.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size, E, g_max, V_sh, phi_p, phi_q, method, name, mode)

    def f_p_inf(self, V: Any) -> jax.Array:
        """``p∞ = 1 / (1 + exp(-(V - V_sh + 60)/8.5))``."""
        return 1.0 / (1.0 + jnp.exp(-self._v(V, -60.0) / 8.5))


class IKA2_HM1992(_IKA):
    r"""The second component of the A-current of Huguenard & McCormick (1992).

    BrainPy implementation of ``brainpy.channels.IKA2_HM1992`` (2.3.5): as
    :class:`IKA1_HM1992` but ``p∞ = 1/(1 + exp(-(V - V_sh + 36)/20))`` and
    ``τ_q = 60`` ms for ``V >= V_sh - 73`` mV.

    Args:{common}
      V_sh: voltage shift (mV).
      phi_p: temperature factor of ``p``.
      phi_q: temperature factor of ``q``.
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> float(bd.channels.IKA2_HM1992(1).f_q_tau(-50.))
      60.0
    """

    _q_switch = -73.0
    _q_plateau = 60.0

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E: Any = -90.0,
        g_max: Any = 20.0,
        V_sh: Any = 0.0,
        phi_p: Any = 1.0,
        phi_q: Any = 1.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size, E, g_max, V_sh, phi_p, phi_q, method, name, mode)

    def f_p_inf(self, V: Any) -> jax.Array:
        """``p∞ = 1 / (1 + exp(-(V - V_sh + 36)/20))``."""
        return 1.0 / (1.0 + jnp.exp(-self._v(V, -36.0) / 20.0))


class _IKK2(_IKSS):
    _powers = (1, 1)
    _q_offset = 120.0

    def f_p_inf(self, V: Any) -> jax.Array:
        """``p∞ = (1 / (1 + exp(-(V - V_sh + 43)/17)))⁴``."""
        return (1.0 / (1.0 + jnp.exp(-self._v(V, -43.0) / 17.0))) ** 4

    def f_p_tau(self, V: Any) -> jax.Array:
        """``τ_p = 9.9 + 1 / (exp((V - V_sh - 81)/25.6) + exp(-(V - V_sh + 132)/18))``."""
        return 9.9 + 1.0 / (jnp.exp(self._v(V, 81.0) / 25.6) + jnp.exp(-self._v(V, -132.0) / 18.0))

    def f_q_inf(self, V: Any) -> jax.Array:
        """``q∞ = 1 / (1 + exp((V - V_sh + 58)/10.6))``."""
        return 1.0 / (1.0 + jnp.exp(self._v(V, -58.0) / 10.6))

    def f_q_tau(self, V: Any) -> jax.Array:
        """``τ_q = offset + 1 / (exp((V - V_sh - 1329)/200) + exp(-(V - V_sh + 130)/7.1))``."""
        return self._q_offset + 1.0 / (
            jnp.exp(self._v(V, 1329.0) / 200.0) + jnp.exp(-self._v(V, -130.0) / 7.1)
        )


class IKK2A_HM1992(_IKK2):
    r"""The slowly inactivating K2 current of Huguenard & McCormick (1992), component a.

    BrainPy implementation of ``brainpy.channels.IKK2A_HM1992`` (2.3.5):
    ``I = g_max p q (E - V)`` with ``p∞ = (1/(1 + exp(-(V - V_sh + 43)/17)))⁴``,
    ``τ_p = 9.9 + 1/(exp((V - V_sh - 81)/25.6) + exp(-(V - V_sh + 132)/18))``,
    ``q∞ = 1/(1 + exp((V - V_sh + 58)/10.6))`` and
    ``τ_q = 120 + 1/(exp((V - V_sh - 1329)/200) + exp(-(V - V_sh + 130)/7.1))``.

    Args:{common}
      V_sh: voltage shift (mV).
      phi_p: temperature factor of ``p``.
      phi_q: temperature factor of ``q``.
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ch = bd.channels.IKK2A_HM1992(1)
      >>> float(ch.f_q_tau(-60.)) > 1000.
      True
    """


class IKK2B_HM1992(_IKK2):
    r"""The slowly inactivating K2 current of Huguenard & McCormick (1992), component b.

    BrainPy implementation of ``brainpy.channels.IKK2B_HM1992`` (2.3.5): as
    :class:`IKK2A_HM1992` with the faster inactivation
    ``τ_q = 8.9 + 1/(exp((V - V_sh - 1329)/200) + exp(-(V - V_sh + 130)/7.1))``.

    Args:{common}
      V_sh: voltage shift (mV).
      phi_p: temperature factor of ``p``.
      phi_q: temperature factor of ``q``.
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ka, kb = bd.channels.IKK2A_HM1992(1), bd.channels.IKK2B_HM1992(1)
      >>> round(float(ka.f_q_tau(-60.) - kb.f_q_tau(-60.)), 1)
      111.1
    """

    _q_offset = 8.9


class IKNI_Ya1989(_KBase):
    r"""The slow non-inactivating potassium (M) current of Yamada, Koch & Adams (1989).

    BrainPy implementation of ``brainpy.channels.IKNI_Ya1989`` (2.3.5):
    ``I = g_max p (E - V)``, ``dp/dt = φ_p (p∞ - p)/τ_p`` with
    ``p∞ = 1/(1 + exp(-(V - V_sh + 35)/10))`` and
    ``τ_p = τ_max / (3.3 exp((V - V_sh + 35)/20) + exp(-(V - V_sh + 35)/20))``.

    Args:{common}
      phi_p: temperature factor of ``p``.
      phi_q: unused (kept for 2.3.5 compatibility).
      tau_max: the time-constant scale ``τ_max`` (ms).
      V_sh: voltage shift (mV).
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ch = bd.channels.IKNI_Ya1989(1)
      >>> round(float(ch.f_p_inf(-35.)), 2)
      0.5
    """

    _gates = ("p",)
    _form = "ss"
    _powers = (1,)

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E: Any = -90.0,
        g_max: Any = 0.004,
        phi_p: Any = 1.0,
        phi_q: Any = 1.0,
        tau_max: Any = 4000.0,
        V_sh: Any = 0.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        self._setup(size, keep_size, E, g_max, V_sh, name, mode)
        self.phi_p = self._param(phi_p, "phi_p")
        self.phi_q = self._param(phi_q, "phi_q")
        self.tau_max = self._param(tau_max, "tau_max", positive=True)
        self._init_gates(method)

    def dp(self, p: Any, t: Any, V: Any) -> Any:
        """``dp/dt = φ_p (p∞(V) - p) / τ_p(V)``."""
        return self._rate("p", p, V)

    def f_p_inf(self, V: Any) -> jax.Array:
        """``p∞(V)``."""
        return 1.0 / (1.0 + jnp.exp(-self._v(V, -35.0) / 10.0))

    def f_p_tau(self, V: Any) -> jax.Array:
        """``τ_p(V)``."""
        x = self._v(V, -35.0) / 20.0
        return as_value(self.tau_max) / (3.3 * jnp.exp(x) + jnp.exp(-x))


for _cls in (
    IK_HH1952,
    IK_TM1991,
    IKDR_Ba2002,
    IKA1_HM1992,
    IKA2_HM1992,
    IKK2A_HM1992,
    IKK2B_HM1992,
    IKNI_Ya1989,
):
    if _cls.__doc__:
        _cls.__doc__ = _cls.__doc__.replace("{common}", _COMMON_ARGS)
del _cls

r"""Sodium channels: ``INa_HH1952``, ``INa_TM1991`` and ``INa_Ba2002``.

All three are the transient sodium current

.. math::

   I_{Na} = g_{max}\, p^3 q\, (E - V), \qquad
   \frac{dx}{dt} = \phi\,(\alpha_x(V)(1 - x) - \beta_x(V)\,x), \quad x \in \{p, q\}

(``p`` activation, ``q`` inactivation), with the rates of the cited papers written
relative to a voltage shift ``V_sh``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.channels.gates import Gated, check_temperature, temperature_factor, vtrap
from brainpy_dyn._src.channels.ions import SodiumChannel
from brainpy_dyn._src.neurons.base import as_value

__all__ = ["INa_HH1952", "INa_TM1991", "INa_Ba2002"]


class _INaP3Q(Gated, SodiumChannel):
    """The ``p³q`` sodium current with kinetic gates."""

    _gates = ("p", "q")
    _form = "markov"

    p: bm.Variable
    q: bm.Variable

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool,
        E: Any,
        g_max: Any,
        phi: Any,
        V_sh: Any,
        method: str,
        name: str | None,
        mode: bm.Mode | None,
    ):
        SodiumChannel.__init__(self, size, name=name, keep_size=keep_size, mode=mode)
        self.E = self._param(E, "E")
        self.g_max = self._param(g_max, "g_max")
        self.phi = self._param(phi, "phi")
        self.V_sh = self._param(V_sh, "V_sh")
        self._init_gates(method)

    def update(self, tdi: Any, V: Any) -> None:
        """Advance ``p`` and ``q`` by one step at ``V``."""
        self._advance(tdi, V)

    def current(self, V: Any) -> jax.Array:
        """``g_max p³ q (E - V)``."""
        p = self.p.value
        return as_value(self.g_max) * p**3 * self.q.value * (as_value(self.E) - V)

    def reset_state(self, V: Any, batch_size: Any = None) -> None:
        """Set ``p`` and ``q`` to their steady states at ``V``."""
        self._reset_gates(V, batch_size)

    def _v(self, V: Any, offset: float) -> Any:
        """``V - (V_sh + offset)``: the shift is summed first, so ``V_sh = -45`` rounds like HH."""
        return V - (as_value(self.V_sh) + offset)


class INa_HH1952(_INaP3Q):
    r"""The sodium current of Hodgkin & Huxley (1952).

    BrainPy implementation of ``brainpy.channels.INa_HH1952`` (2.3.5):
    ``I = g_max p³ q (E - V)`` with

    .. math::

       \alpha_p = \frac{0.1 (V - V_{sh} - 5)}{1 - e^{-(V - V_{sh} - 5)/10}}, \quad
       \beta_p = 4 e^{-(V - V_{sh} + 20)/18}, \quad
       \alpha_q = 0.07 e^{-(V - V_{sh} + 20)/20}, \quad
       \beta_q = \frac{1}{1 + e^{-(V - V_{sh} - 10)/10}}

    With ``V_sh = -45`` these are the classical rates of :class:`~brainpy_dyn.neurons.HH`.

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      E: reversal potential (mV).
      g_max: maximal conductance (mS/cm²).
      phi: temperature factor of the rates.
      V_sh: voltage shift of the rates (mV).
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ch = bd.channels.INa_HH1952(1)
      >>> round(float(ch.steady_state('q', -65.)), 4)
      0.5961
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E: Any = 50.0,
        g_max: Any = 120.0,
        phi: Any = 1.0,
        V_sh: Any = -45.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size, E, g_max, phi, V_sh, method, name, mode)

    def f_p_alpha(self, V: Any) -> jax.Array:
        """``α_p(V)``."""
        return 0.1 * vtrap(self._v(V, 5.0), 10.0)

    def f_p_beta(self, V: Any) -> jax.Array:
        """``β_p(V)``."""
        return 4.0 * jnp.exp(-self._v(V, -20.0) / 18.0)

    def f_q_alpha(self, V: Any) -> jax.Array:
        """``α_q(V)``."""
        return 0.07 * jnp.exp(-self._v(V, -20.0) / 20.0)

    def f_q_beta(self, V: Any) -> jax.Array:
        """``β_q(V)``."""
        return 1.0 / (1.0 + jnp.exp(-self._v(V, 10.0) / 10.0))


class _INaTraub(_INaP3Q):
    """The Traub–Miles sodium rates (shared by ``INa_TM1991`` and ``INa_Ba2002``)."""

    def f_p_alpha(self, V: Any) -> jax.Array:
        """``α_p(V) = 0.32 (V - V_sh - 13) / (1 - exp(-(V - V_sh - 13)/4))``."""
        return 0.32 * vtrap(self._v(V, 13.0), 4.0)

    def f_p_beta(self, V: Any) -> jax.Array:
        """``β_p(V) = 0.28 (V - V_sh - 40) / (exp((V - V_sh - 40)/5) - 1)``."""
        return 0.28 * vtrap(-self._v(V, 40.0), 5.0)

    def f_q_alpha(self, V: Any) -> jax.Array:
        """``α_q(V) = 0.128 exp(-(V - V_sh - 17)/18)``."""
        return 0.128 * jnp.exp(-self._v(V, 17.0) / 18.0)

    def f_q_beta(self, V: Any) -> jax.Array:
        """``β_q(V) = 4 / (1 + exp(-(V - V_sh - 40)/5))``."""
        return 4.0 / (1.0 + jnp.exp(-self._v(V, 40.0) / 5.0))


class INa_TM1991(_INaTraub):
    r"""The sodium current of Traub & Miles (1991).

    BrainPy implementation of ``brainpy.channels.INa_TM1991`` (2.3.5):
    ``I = g_max p³ q (E - V)`` with

    .. math::

       \alpha_p = \frac{0.32 (V - V_{sh} - 13)}{1 - e^{-(V - V_{sh} - 13)/4}}, \quad
       \beta_p = \frac{0.28 (V - V_{sh} - 40)}{e^{(V - V_{sh} - 40)/5} - 1}, \\
       \alpha_q = 0.128 e^{-(V - V_{sh} - 17)/18}, \quad
       \beta_q = \frac{4}{1 + e^{-(V - V_{sh} - 40)/5}}

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      E: reversal potential (mV).
      g_max: maximal conductance (mS/cm²).
      phi: temperature factor of the rates.
      V_sh: voltage shift (mV); Traub & Miles' ``V_T``.
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ch = bd.channels.INa_TM1991(3, g_max=100.)
      >>> ch.p.shape
      (3,)
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E: Any = 50.0,
        g_max: Any = 120.0,
        phi: Any = 1.0,
        V_sh: Any = -63.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size, E, g_max, phi, V_sh, method, name, mode)


class INa_Ba2002(_INaTraub):
    r"""The sodium current of Bazhenov et al. (2002) (Traub–Miles rates at temperature ``T``).

    BrainPy implementation of ``brainpy.channels.INa_Ba2002`` (2.3.5): the rates of
    :class:`INa_TM1991` scaled by ``φ = 3^{(T - 36)/10}``.

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      T: temperature (°C).
      E: reversal potential (mV).
      g_max: maximal conductance (mS/cm²).
      V_sh: voltage shift (mV).
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.channels.INa_Ba2002(1, T=46.).phi
      3.0
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        T: Any = 36.0,
        E: Any = 50.0,
        g_max: Any = 90.0,
        V_sh: Any = -50.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        check_temperature(type(self).__name__, T)
        phi = temperature_factor(3.0, T, 36.0)
        super().__init__(size, keep_size, E, g_max, phi, V_sh, method, name, mode)
        self.T = T

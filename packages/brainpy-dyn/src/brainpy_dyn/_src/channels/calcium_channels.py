r"""Calcium channels: the T-, high-threshold T- and L-type currents and ``ICaN_IS2008``.

The calcium currents are ``I = g_max p² q (E_Ca - V)`` with steady-state gates
``dx/dt = φ_x (x∞(V) - x) / τ_x(V)``; the temperature factors default to
``φ_x = T_base_x^{(T - 24)/10}`` (kinetics measured at 24 °C). They live in a calcium ion
(:class:`~brainpy_dyn.channels.CalciumFixed`, :class:`~brainpy_dyn.channels.CalciumDetailed`
…), which gives them ``E_Ca``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.channels.base import shared_time
from brainpy_dyn._src.channels.calcium import CalciumDyna
from brainpy_dyn._src.channels.gates import Gated, check_temperature, temperature_factor
from brainpy_dyn._src.channels.ions import CalciumChannel
from brainpy_dyn._src.neurons.base import as_value

__all__ = ["ICaT_HM1992", "ICaT_HP1992", "ICaHT_HM1992", "ICaL_IS2008", "ICaN_IS2008"]


class _ICaP2Q(Gated, CalciumChannel):
    """The ``p²q`` calcium current with steady-state gates."""

    _gates = ("p", "q")
    _form = "ss"

    p: bm.Variable
    q: bm.Variable

    def _setup(
        self, size, keep_size, T, T_base_p, T_base_q, g_max, V_sh, phi_p, phi_q, method, name, mode
    ) -> None:
        CalciumChannel.__init__(self, size, name=name, keep_size=keep_size, mode=mode)
        check_temperature(type(self).__name__, T, T_base_p=T_base_p, T_base_q=T_base_q)
        self.T = T
        self.T_base_p = T_base_p
        self.T_base_q = T_base_q
        phi_p = temperature_factor(T_base_p, T, 24.0) if phi_p is None else phi_p
        phi_q = temperature_factor(T_base_q, T, 24.0) if phi_q is None else phi_q
        self.phi_p = self._param(phi_p, "phi_p")
        self.phi_q = self._param(phi_q, "phi_q")
        self.g_max = self._param(g_max, "g_max")
        self.V_sh = self._param(V_sh, "V_sh")
        self._init_gates(method)

    def _v(self, V: Any, offset: float) -> Any:
        """``V - (V_sh + offset)``."""
        return V - (as_value(self.V_sh) + offset)

    def update(self, tdi: Any, V: Any, C_Ca: Any, E_Ca: Any) -> None:
        """Advance ``p`` and ``q`` by one step at ``V``."""
        self._advance(tdi, V)

    def current(self, V: Any, C_Ca: Any, E_Ca: Any) -> jax.Array:
        """``g_max p² q (E_Ca - V)``."""
        p = self.p.value
        return as_value(self.g_max) * p * p * self.q.value * (E_Ca - V)

    def reset_state(self, V: Any, C_Ca: Any, E_Ca: Any, batch_size: Any = None) -> None:
        """Set ``p`` and ``q`` to their steady states at ``V``."""
        self._reset_gates(V, batch_size)


class _ICaTHM(_ICaP2Q):
    """The T-current rates of Huguenard & McCormick (1992)."""

    def f_p_inf(self, V: Any) -> jax.Array:
        """``p∞ = 1 / (1 + exp(-(V - V_sh + 59)/6.2))``."""
        return 1.0 / (1.0 + jnp.exp(-self._v(V, -59.0) / 6.2))

    def f_p_tau(self, V: Any) -> jax.Array:
        """``τ_p = 0.612 + 1 / (exp(-(V - V_sh + 132)/16.7) + exp((V - V_sh + 16.8)/18.2))``."""
        return 0.612 + 1.0 / (
            jnp.exp(-self._v(V, -132.0) / 16.7) + jnp.exp(self._v(V, -16.8) / 18.2)
        )

    def f_q_inf(self, V: Any) -> jax.Array:
        """``q∞ = 1 / (1 + exp((V - V_sh + 83)/4))``."""
        return 1.0 / (1.0 + jnp.exp(self._v(V, -83.0) / 4.0))

    def f_q_tau(self, V: Any) -> jax.Array:
        """``τ_q(V)``, in two pieces on either side of ``V_sh - 80`` mV.

        ``exp((V - V_sh + 467)/66.6)`` below, ``28 + exp(-(V - V_sh + 22)/10.5)`` above.
        """
        return jnp.where(
            self._v(V, -80.0) < 0.0,
            jnp.exp(self._v(V, -467.0) / 66.6),
            jnp.exp(-self._v(V, -22.0) / 10.5) + 28.0,
        )


class ICaT_HM1992(_ICaTHM):
    r"""The low-threshold T-type calcium current of Huguenard & McCormick (1992).

    BrainPy implementation of ``brainpy.channels.ICaT_HM1992`` (2.3.5):
    ``I = g_max p² q (E_Ca - V)`` with

    .. math::

       p_\infty = \frac{1}{1 + e^{-(V - V_{sh} + 59)/6.2}}, \quad
       \tau_p = 0.612 + \frac{1}{e^{-(V - V_{sh} + 132)/16.7} + e^{(V - V_{sh} + 16.8)/18.2}} \\
       q_\infty = \frac{1}{1 + e^{(V - V_{sh} + 83)/4}}, \quad
       \tau_q = \begin{cases} e^{(V - V_{sh} + 467)/66.6} & V < V_{sh} - 80 \\
                 28 + e^{-(V - V_{sh} + 22)/10.5} & \text{otherwise} \end{cases}

    and ``φ_p = T_base_p^{(T-24)/10}``, ``φ_q = T_base_q^{(T-24)/10}`` unless given.

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      T: temperature (°C).
      T_base_p: the Q10 of ``p``.
      T_base_q: the Q10 of ``q``.
      g_max: maximal conductance (mS/cm²).
      V_sh: voltage shift (mV).
      phi_p: temperature factor of ``p`` (``None``: from ``T``).
      phi_q: temperature factor of ``q`` (``None``: from ``T``).
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> round(bd.channels.ICaT_HM1992(1).phi_q, 4)  # 3 ** 1.2
      3.7372
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        T: Any = 36.0,
        T_base_p: Any = 3.55,
        T_base_q: Any = 3.0,
        g_max: Any = 2.0,
        V_sh: Any = -3.0,
        phi_p: Any = None,
        phi_q: Any = None,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        self._setup(
            size, keep_size, T, T_base_p, T_base_q, g_max, V_sh, phi_p, phi_q, method, name, mode
        )


class ICaHT_HM1992(_ICaTHM):
    r"""The high-threshold T-type calcium current of Huguenard & McCormick (1992).

    BrainPy implementation of ``brainpy.channels.ICaHT_HM1992`` (2.3.5): the rates of
    :class:`ICaT_HM1992`, shifted by ``V_sh = 25`` mV by default.

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      T: temperature (°C).
      T_base_p: the Q10 of ``p``.
      T_base_q: the Q10 of ``q``.
      g_max: maximal conductance (mS/cm²).
      V_sh: voltage shift (mV).
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ht, t = bd.channels.ICaHT_HM1992(1), bd.channels.ICaT_HM1992(1, V_sh=25.)
      >>> bool(ht.f_p_inf(-30.) == t.f_p_inf(-30.))
      True
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        T: Any = 36.0,
        T_base_p: Any = 3.55,
        T_base_q: Any = 3.0,
        g_max: Any = 2.0,
        V_sh: Any = 25.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        self._setup(
            size, keep_size, T, T_base_p, T_base_q, g_max, V_sh, None, None, method, name, mode
        )


class ICaT_HP1992(_ICaP2Q):
    r"""The T-type calcium current of reticular neurons, Huguenard & Prince (1992).

    BrainPy implementation of ``brainpy.channels.ICaT_HP1992`` (2.3.5):
    ``I = g_max p² q (E_Ca - V)`` with
    ``p∞ = 1/(1 + exp(-(V - V_sh + 52)/7.4))``,
    ``τ_p = 3 + 1/(exp((V - V_sh + 27)/10) + exp(-(V - V_sh + 102)/15))``,
    ``q∞ = 1/(1 + exp((V - V_sh + 80)/5))`` and
    ``τ_q = 85 + 1/(exp((V - V_sh + 48)/4) + exp(-(V - V_sh + 407)/50))``.

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      T: temperature (°C).
      T_base_p: the Q10 of ``p``.
      T_base_q: the Q10 of ``q``.
      g_max: maximal conductance (mS/cm²).
      V_sh: voltage shift (mV).
      phi_p: temperature factor of ``p`` (``None``: from ``T``).
      phi_q: temperature factor of ``q`` (``None``: from ``T``).
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> round(float(bd.channels.ICaT_HP1992(1).f_q_inf(-83.)), 2)
      0.5
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        T: Any = 36.0,
        T_base_p: Any = 5.0,
        T_base_q: Any = 3.0,
        g_max: Any = 1.75,
        V_sh: Any = -3.0,
        phi_p: Any = None,
        phi_q: Any = None,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        self._setup(
            size, keep_size, T, T_base_p, T_base_q, g_max, V_sh, phi_p, phi_q, method, name, mode
        )

    def f_p_inf(self, V: Any) -> jax.Array:
        """``p∞(V)``."""
        return 1.0 / (1.0 + jnp.exp(-self._v(V, -52.0) / 7.4))

    def f_p_tau(self, V: Any) -> jax.Array:
        """``τ_p(V)``."""
        return 3.0 + 1.0 / (jnp.exp(self._v(V, -27.0) / 10.0) + jnp.exp(-self._v(V, -102.0) / 15.0))

    def f_q_inf(self, V: Any) -> jax.Array:
        """``q∞(V)``."""
        return 1.0 / (1.0 + jnp.exp(self._v(V, -80.0) / 5.0))

    def f_q_tau(self, V: Any) -> jax.Array:
        """``τ_q(V)``."""
        return 85.0 + 1.0 / (jnp.exp(self._v(V, -48.0) / 4.0) + jnp.exp(-self._v(V, -407.0) / 50.0))


class ICaL_IS2008(_ICaP2Q):
    r"""The L-type calcium current of Inoue & Strowbridge (2008).

    BrainPy implementation of ``brainpy.channels.ICaL_IS2008`` (2.3.5):
    ``I = g_max p² q (E_Ca - V)`` with
    ``p∞ = 1/(1 + exp(-(V - V_sh + 10)/4))``,
    ``τ_p = 0.4 + 0.7/(exp(-(V - V_sh + 5)/15) + exp((V - V_sh + 5)/15))``,
    ``q∞ = 1/(1 + exp((V - V_sh + 25)/2))`` and
    ``τ_q = 300 + 100/(exp(-(V - V_sh + 40)/9.5) + exp((V - V_sh + 40)/9.5))``.

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      T: temperature (°C).
      T_base_p: the Q10 of ``p``.
      T_base_q: the Q10 of ``q``.
      g_max: maximal conductance (mS/cm²).
      V_sh: voltage shift (mV).
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> round(float(bd.channels.ICaL_IS2008(1).f_p_inf(-10.)), 2)
      0.5
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        T: Any = 36.0,
        T_base_p: Any = 3.55,
        T_base_q: Any = 3.0,
        g_max: Any = 1.0,
        V_sh: Any = 0.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        self._setup(
            size, keep_size, T, T_base_p, T_base_q, g_max, V_sh, None, None, method, name, mode
        )

    def f_p_inf(self, V: Any) -> jax.Array:
        """``p∞(V)``."""
        return 1.0 / (1.0 + jnp.exp(-self._v(V, -10.0) / 4.0))

    def f_p_tau(self, V: Any) -> jax.Array:
        """``τ_p(V)``."""
        x = self._v(V, -5.0) / 15.0
        return 0.4 + 0.7 / (jnp.exp(-x) + jnp.exp(x))

    def f_q_inf(self, V: Any) -> jax.Array:
        """``q∞(V)``."""
        return 1.0 / (1.0 + jnp.exp(self._v(V, -25.0) / 2.0))

    def f_q_tau(self, V: Any) -> jax.Array:
        """``τ_q(V)``."""
        x = self._v(V, -40.0) / 9.5
        return 300.0 + 100.0 / (jnp.exp(-x) + jnp.exp(x))


class ICaN_IS2008(CalciumChannel):
    r"""The calcium-activated non-selective cation current of Inoue & Strowbridge (2008).

    BrainPy implementation of ``brainpy.channels.ICaN_IS2008`` (2.3.5):

    .. math::

       I = g_{max}\, M(C)\, p\, (E - V), \quad M(C) = \frac{C}{0.2 + C}, \quad
       \frac{dp}{dt} = \phi\,\frac{p_\infty - p}{\tau_p} \\
       p_\infty = \frac{1}{1 + e^{-(V + 43)/5.2}}, \quad
       \tau_p = 1.6 + \frac{2.7}{e^{-(V + 55)/15} + e^{(V + 55)/15}}

    It needs a calcium ion whose concentration changes (``CalciumDyna``).

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      E: reversal potential (mV).
      g_max: maximal conductance (mS/cm²).
      phi: temperature factor.
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ca = bd.channels.CalciumDetailed(1, CAN=bd.channels.ICaN_IS2008(1))
      >>> ca.CAN.p.shape
      (1,)
    """

    master_type = CalciumDyna
    carries_calcium = False  # a non-selective cation current

    p: bm.Variable

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E: Any = 10.0,
        g_max: Any = 1.0,
        phi: Any = 1.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, name=name, keep_size=keep_size, mode=mode)
        self.E = self._param(E, "E")
        self.g_max = self._param(g_max, "g_max")
        self.phi = self._param(phi, "phi")
        self._gate("p")
        self.integral = self._integral(self.derivative, method)

    def f_p_inf(self, V: Any) -> jax.Array:
        """``p∞(V)``."""
        return 1.0 / (1.0 + jnp.exp(-(jnp.asarray(V) + 43.0) / 5.2))

    def f_p_tau(self, V: Any) -> jax.Array:
        """``τ_p(V)``."""
        x = (jnp.asarray(V) + 55.0) / 15.0
        return 2.7 / (jnp.exp(-x) + jnp.exp(x)) + 1.6

    def derivative(self, p: Any, t: Any, V: Any) -> Any:
        """``dp/dt = φ (p∞ - p) / τ_p``."""
        return as_value(self.phi) * (self.f_p_inf(V) - p) / self.f_p_tau(V)

    def update(self, tdi: Any, V: Any, C_Ca: Any, E_Ca: Any) -> None:
        """Advance ``p`` by one step at ``V``."""
        t, dt = shared_time(tdi)
        self.p.value = self.integral(self.p.value, t, bm.as_jax(V), dt=dt)

    def current(self, V: Any, C_Ca: Any, E_Ca: Any) -> jax.Array:
        """``g_max M(C) p (E - V)``."""
        M = C_Ca / (C_Ca + 0.2)
        return as_value(self.g_max) * M * self.p.value * (as_value(self.E) - V)

    def reset_state(self, V: Any, C_Ca: Any, E_Ca: Any, batch_size: Any = None) -> None:
        """Set ``p`` to ``p∞(V)``."""
        self._set_state("p", self.f_p_inf(bm.as_jax(V)), batch_size)

r"""Hyperpolarization-activated cation currents: ``Ih_HM1992`` and ``Ih_De1996``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.channels.base import shared_time
from brainpy_dyn._src.channels.gates import check_temperature, temperature_factor
from brainpy_dyn._src.channels.ions import Calcium, CalciumChannel, IhChannel
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.neurons.base import as_value

__all__ = ["Ih_HM1992", "Ih_De1996"]


class Ih_HM1992(IhChannel):
    r"""The hyperpolarization-activated current of Huguenard & McCormick (1992).

    BrainPy implementation of ``brainpy.channels.Ih_HM1992`` (2.3.5):

    .. math::

       I_h = g_{max}\, p\, (E - V), \quad \frac{dp}{dt} = \phi\,\frac{p_\infty - p}{\tau_p},
       \quad p_\infty = \frac{1}{1 + e^{(V + 75)/5.5}}, \quad
       \tau_p = \frac{1}{e^{-0.086 V - 14.59} + e^{0.0701 V - 1.87}}

    The default ``E = 43`` is 2.3.5's; the paper's reversal potential of ``I_h`` is
    -43 mV (pass ``E=-43.`` for it).

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      g_max: maximal conductance (mS/cm²).
      E: reversal potential (mV).
      phi: temperature factor.
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> round(float(bd.channels.Ih_HM1992(1).f_p_inf(-75.)), 2)
      0.5
    """

    p: bm.Variable

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        g_max: Any = 10.0,
        E: Any = 43.0,
        phi: Any = 1.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, name=name, keep_size=keep_size, mode=mode)
        self.g_max = self._param(g_max, "g_max")
        self.E = self._param(E, "E")
        self.phi = self._param(phi, "phi")
        self._gate("p")
        self.integral = self._integral(self.derivative, method)

    def f_p_inf(self, V: Any) -> jax.Array:
        """``p∞(V)``."""
        return 1.0 / (1.0 + jnp.exp((jnp.asarray(V) + 75.0) / 5.5))

    def f_p_tau(self, V: Any) -> jax.Array:
        """``τ_p(V)`` (ms)."""
        V = jnp.asarray(V)
        return 1.0 / (jnp.exp(-0.086 * V - 14.59) + jnp.exp(0.0701 * V - 1.87))

    def derivative(self, p: Any, t: Any, V: Any) -> Any:
        """``dp/dt = φ (p∞ - p) / τ_p``."""
        return as_value(self.phi) * (self.f_p_inf(V) - p) / self.f_p_tau(V)

    def update(self, tdi: Any, V: Any) -> None:
        """Advance ``p`` by one step at ``V``."""
        t, dt = shared_time(tdi)
        self.p.value = self.integral(self.p.value, t, bm.as_jax(V), dt=dt)

    def current(self, V: Any) -> jax.Array:
        """``g_max p (E - V)``."""
        return as_value(self.g_max) * self.p.value * (as_value(self.E) - V)

    def reset_state(self, V: Any, batch_size: Any = None) -> None:
        """Set ``p`` to ``p∞(V)``."""
        self._set_state("p", self.f_p_inf(bm.as_jax(V)), batch_size)


class Ih_De1996(IhChannel, CalciumChannel):
    r"""The calcium-upregulated ``I_h`` of Destexhe et al. (1996).

    BrainPy implementation of ``brainpy.channels.Ih_De1996`` (2.3.5). Channels open
    (``C → O``) with the voltage-dependent rates ``α = h∞/τ``, ``β = (1 - h∞)/τ``;
    calcium binds a regulating factor (``P0 + 4 Ca ⇌ P1``) that locks open channels in a
    high-conductance state ``O_L``:

    .. math::

       \frac{dP_1}{dt} &= k_1 C^4 (1 - P_1) - k_2 P_1 \\
       \frac{dO}{dt} &= \alpha (1 - O - O_L) - \beta O - k_3 P_1 O + k_4 O_L \\
       \frac{dO_L}{dt} &= k_3 P_1 O - k_4 O_L \\
       I_h &= g_{max} (O + g_{inc} O_L) (E - V)

    with ``h∞ = 1/(1 + exp((V - V_sh + 75)/5.5))``,
    ``τ = (20 + 1000/(exp((V - V_sh + 71.5)/14.2) + exp(-(V - V_sh + 89)/11.6))) / φ``,
    ``k_1 = k_2 / Ca_half⁴``, ``k_3 = k_4 / 0.01`` and ``φ = T_base^{(T - 36)/10}``.
    (2.3.5's ``dO`` left out the locking terms ``- k_3 P_1 O + k_4 O_L``; they are here.)

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      E: reversal potential (mV).
      k2: unbinding rate of calcium (1/ms).
      k4: unlocking rate (1/ms).
      V_sh: voltage shift (mV).
      g_max: maximal conductance (mS/cm²).
      g_inc: conductance increase of the locked state.
      Ca_half: the calcium concentration of half activation of the factor (mM).
      T: temperature (°C).
      T_base: the Q10 of the rates.
      phi: temperature factor (``None``: from ``T``).
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ca = bd.channels.CalciumDetailed(1, Ih=bd.channels.Ih_De1996(1))
      >>> sorted(v for v in ('O', 'OL', 'P1') if hasattr(ca.Ih, v))
      ['O', 'OL', 'P1']
    """

    master_type = Calcium
    carries_calcium = False  # a mixed cation current regulated by calcium

    O: bm.Variable
    OL: bm.Variable
    P1: bm.Variable

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E: Any = -40.0,
        k2: Any = 4e-4,
        k4: Any = 1e-3,
        V_sh: Any = 0.0,
        g_max: Any = 0.02,
        g_inc: Any = 2.0,
        Ca_half: Any = 2e-3,
        T: Any = 36.0,
        T_base: Any = 3.0,
        phi: Any = None,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        IhChannel.__init__(self, size, name=name, keep_size=keep_size, mode=mode)
        check_temperature(type(self).__name__, T, T_base=T_base)
        self.T = T
        self.T_base = T_base
        phi = temperature_factor(T_base, T, 36.0) if phi is None else phi
        self.phi = self._param(phi, "phi")
        self.E = self._param(E, "E")
        self.k2 = self._param(k2, "k2")
        self.k4 = self._param(k4, "k4")
        self.V_sh = self._param(V_sh, "V_sh")
        self.g_max = self._param(g_max, "g_max")
        self.g_inc = self._param(g_inc, "g_inc")
        self.Ca_half = self._param(Ca_half, "Ca_half", positive=True)
        self.k1 = as_value(self.k2) / as_value(self.Ca_half) ** 4
        self.k3 = as_value(self.k4) / 0.01
        for var in ("O", "OL", "P1"):
            self._gate(var)
        self.integral = self._integral(JointEq(self.dO, self.dOL, self.dP1), method)

    def f_inf(self, V: Any) -> jax.Array:
        """``h∞(V)``."""
        return 1.0 / (1.0 + jnp.exp((V - as_value(self.V_sh) + 75.0) / 5.5))

    def f_tau(self, V: Any) -> jax.Array:
        """``τ(V)`` (ms), ``φ`` included."""
        x = V - as_value(self.V_sh)
        tau = 20.0 + 1000.0 / (jnp.exp((x + 71.5) / 14.2) + jnp.exp(-(x + 89.0) / 11.6))
        return tau / as_value(self.phi)

    def dO(self, O: Any, t: Any, OL: Any, V: Any) -> Any:
        """``dO/dt`` (``P1`` is read from the channel: it is held over the step)."""
        inf, tau = self.f_inf(V), self.f_tau(V)
        alpha, beta = inf / tau, (1.0 - inf) / tau
        P1 = self.P1.value
        return alpha * (1.0 - O - OL) - beta * O - self.k3 * P1 * O + as_value(self.k4) * OL

    def dOL(self, OL: Any, t: Any, O: Any, P1: Any) -> Any:
        """``dO_L/dt = k_3 P_1 O - k_4 O_L``."""
        return self.k3 * P1 * O - as_value(self.k4) * OL

    def dP1(self, P1: Any, t: Any, C_Ca: Any) -> Any:
        """``dP_1/dt = k_1 C⁴ (1 - P_1) - k_2 P_1``."""
        return self.k1 * C_Ca**4 * (1.0 - P1) - as_value(self.k2) * P1

    def update(self, tdi: Any, V: Any, C_Ca: Any, E_Ca: Any) -> None:
        """Advance ``O``, ``O_L`` and ``P_1`` by one step."""
        t, dt = shared_time(tdi)
        O, OL, P1 = self.integral(
            self.O.value, self.OL.value, self.P1.value, t, bm.as_jax(V), bm.as_jax(C_Ca), dt=dt
        )
        self.O.value, self.OL.value, self.P1.value = O, OL, P1

    def current(self, V: Any, C_Ca: Any, E_Ca: Any) -> jax.Array:
        """``g_max (O + g_inc O_L) (E - V)``."""
        g = as_value(self.g_max) * (self.O.value + as_value(self.g_inc) * self.OL.value)
        return g * (as_value(self.E) - V)

    def reset_state(self, V: Any, C_Ca: Any, E_Ca: Any, batch_size: Any = None) -> None:
        """Set ``P_1``, ``O`` and ``O_L`` to their steady states at ``V`` and ``C_Ca``."""
        V = jnp.asarray(bm.as_jax(V))
        C4 = jnp.asarray(bm.as_jax(C_Ca)) ** 4
        P1 = self.k1 * C4 / (self.k1 * C4 + as_value(self.k2))
        inf, tau = self.f_inf(V), self.f_tau(V)
        alpha, beta = inf / tau, (1.0 - inf) / tau
        O = alpha / (alpha + beta + alpha * self.k3 * P1 / as_value(self.k4))
        OL = self.k3 * P1 * O / as_value(self.k4)
        shape = jnp.broadcast_shapes(jnp.shape(P1), jnp.shape(O))
        self._set_state("P1", jnp.broadcast_to(P1, shape), batch_size)
        self._set_state("O", jnp.broadcast_to(O, shape), batch_size)
        self._set_state("OL", jnp.broadcast_to(OL, shape), batch_size)

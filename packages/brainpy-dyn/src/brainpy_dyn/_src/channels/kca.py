"""Calcium-activated potassium current: ``IAHP_De1994``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax

import brainpy_math as bm
from brainpy_dyn._src.channels.base import shared_time
from brainpy_dyn._src.channels.ions import Calcium, CalciumChannel, PotassiumChannel
from brainpy_dyn._src.neurons.base import as_value

__all__ = ["IAHP_De1994"]


class IAHP_De1994(CalciumChannel, PotassiumChannel):
    r"""The calcium-dependent potassium (after-hyperpolarization) current of Destexhe et al. (1994).

    BrainPy implementation of ``brainpy.channels.IAHP_De1994`` (2.3.5):

    .. math::

       I_{AHP} = g_{max}\, p^2 (E - V), \quad
       \frac{dp}{dt} = \phi \left(\alpha C^n (1 - p) - \beta p\right)

    with ``C`` the intracellular calcium concentration (mM) of the calcium ion holding it;
    ``p`` starts at ``α Cⁿ / (α Cⁿ + β)``. It carries potassium, not calcium.

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      E: the potassium reversal potential (mV).
      n: the number of calcium ions binding a channel.
      g_max: maximal conductance (mS/cm²).
      alpha: binding rate (1/(ms mMⁿ)).
      beta: unbinding rate (1/ms).
      phi: temperature factor.
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ca = bd.channels.CalciumDetailed(1, AHP=bd.channels.IAHP_De1994(1))
      >>> cell = bd.CondNeuGroup(1, Ca=ca)  # joining a group resets the channels
      >>> c = 2.4e-4
      >>> abs(float(ca.AHP.p.value[0]) - 48 * c**2 / (48 * c**2 + 0.09)) < 1e-9
      True
    """

    master_type = Calcium
    carries_calcium = False  # a potassium current

    p: bm.Variable

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E: Any = -95.0,
        n: Any = 2,
        g_max: Any = 10.0,
        alpha: Any = 48.0,
        beta: Any = 0.09,
        phi: Any = 1.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        CalciumChannel.__init__(self, size, name=name, keep_size=keep_size, mode=mode)
        self.E = self._param(E, "E")
        self.n = self._param(n, "n")
        self.g_max = self._param(g_max, "g_max")
        self.alpha = self._param(alpha, "alpha")
        self.beta = self._param(beta, "beta")
        self.phi = self._param(phi, "phi")
        self._gate("p")
        self.integral = self._integral(self.dp, method)

    def dp(self, p: Any, t: Any, C_Ca: Any) -> Any:
        """``dp/dt = φ (α Cⁿ (1 - p) - β p)``."""
        C_n = as_value(self.alpha) * C_Ca ** as_value(self.n)
        return as_value(self.phi) * (C_n * (1.0 - p) - as_value(self.beta) * p)

    def update(self, tdi: Any, V: Any, C_Ca: Any, E_Ca: Any) -> None:
        """Advance ``p`` by one step at calcium concentration ``C_Ca``."""
        t, dt = shared_time(tdi)
        self.p.value = self.integral(self.p.value, t, bm.as_jax(C_Ca), dt=dt)

    def current(self, V: Any, C_Ca: Any, E_Ca: Any) -> jax.Array:
        """``g_max p² (E - V)``."""
        p = self.p.value
        return as_value(self.g_max) * p * p * (as_value(self.E) - V)

    def reset_state(self, V: Any, C_Ca: Any, E_Ca: Any, batch_size: Any = None) -> None:
        """Set ``p`` to its steady state at ``C_Ca``."""
        C_n = as_value(self.alpha) * bm.as_jax(C_Ca) ** as_value(self.n)
        self._set_state("p", C_n / (C_n + as_value(self.beta)), batch_size)

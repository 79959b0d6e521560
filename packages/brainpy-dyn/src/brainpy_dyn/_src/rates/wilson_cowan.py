"""The Wilson–Cowan model of coupled excitatory and inhibitory populations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.neurons.base import as_value
from brainpy_dyn._src.rates.base import UNIFORM_005, TwoVariableRate

__all__ = ["WilsonCowanModel"]


class WilsonCowanModel(TwoVariableRate):
    r"""The Wilson–Cowan model (Wilson & Cowan, 1972).

    BrainPy implementation of ``brainpy.rates.WilsonCowanModel`` (2.3.5): ``x`` is the
    excitatory activity ``E``, ``y`` the inhibitory activity ``I``:

    .. math::

       \tau_E \frac{dE}{dt} &= -E + (1 - r E)\, F_E(w_{EE} E - w_{IE} I + I_x(t)) \\
       \tau_I \frac{dI}{dt} &= -I + (1 - r I)\, F_I(w_{EI} E - w_{II} I + I_y(t)) \\
       F(u; a, \theta) &= \frac{1}{1 + e^{-a (u - \theta)}} - \frac{1}{1 + e^{a \theta}}

    (2.3.5 overwrote ``E`` with the total input inside ``dx``, so its leak term used
    the input instead of ``E``; the published equations are used here.)

    Args:
      size: the number of E–I pairs, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      E_tau: excitatory time constant (``> 0``).
      E_a: excitatory gain.
      E_theta: excitatory threshold.
      I_tau: inhibitory time constant (``> 0``).
      I_a: inhibitory gain.
      I_theta: inhibitory threshold.
      wEE: E → E coupling.
      wIE: I → E coupling.
      wEI: E → I coupling.
      wII: I → I coupling.
      r: refractory parameter.
      x_ou_mean: mean of the OU noise added to ``E``'s input.
      x_ou_sigma: amplitude of that noise.
      x_ou_tau: its time constant (ms).
      y_ou_mean: mean of the OU noise added to ``I``'s input.
      y_ou_sigma: amplitude of that noise.
      y_ou_tau: its time constant (ms).
      x_initializer: initial ``E`` (default: uniform in [0, 0.05)).
      y_initializer: initial ``I`` (default: uniform in [0, 0.05)).
      method: the integration method (``'exp_euler_auto'`` is ``'exp_auto'``).
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> wc = bd.rates.WilsonCowanModel(1)
      >>> float(wc.F(0., 1.2, 2.8))  # F(0) = 0
      0.0
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E_tau: Any = 1.0,
        E_a: Any = 1.2,
        E_theta: Any = 2.8,
        I_tau: Any = 1.0,
        I_a: Any = 1.0,
        I_theta: Any = 4.0,
        wEE: Any = 12.0,
        wIE: Any = 4.0,
        wEI: Any = 13.0,
        wII: Any = 11.0,
        r: Any = 1.0,
        x_ou_mean: Any = 0.0,
        x_ou_sigma: Any = 0.0,
        x_ou_tau: Any = 5.0,
        y_ou_mean: Any = 0.0,
        y_ou_sigma: Any = 0.0,
        y_ou_tau: Any = 5.0,
        x_initializer: Any = UNIFORM_005,
        y_initializer: Any = UNIFORM_005,
        method: str = "exp_euler_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size=keep_size, name=name, mode=mode)
        self.E_tau = self._param(E_tau, "E_tau", positive=True)
        self.E_a = self._param(E_a, "E_a")
        self.E_theta = self._param(E_theta, "E_theta")
        self.I_tau = self._param(I_tau, "I_tau", positive=True)
        self.I_a = self._param(I_a, "I_a")
        self.I_theta = self._param(I_theta, "I_theta")
        self.wEE = self._param(wEE, "wEE")
        self.wIE = self._param(wIE, "wIE")
        self.wEI = self._param(wEI, "wEI")
        self.wII = self._param(wII, "wII")
        self.r = self._param(r, "r")
        noise = (x_ou_mean, x_ou_sigma, x_ou_tau, y_ou_mean, y_ou_sigma, y_ou_tau)
        self._setup(noise, x_initializer, y_initializer, method)

    def F(self, x: Any, a: Any, theta: Any) -> jax.Array:
        """The sigmoid ``1/(1 + exp(-a (x - θ))) - 1/(1 + exp(a θ))`` (zero at ``x = 0``)."""
        x, a, theta = (jnp.asarray(bm.as_jax(v)) for v in (x, a, theta))
        return jax.nn.sigmoid(a * (x - theta)) - jax.nn.sigmoid(-a * theta)

    def dx(self, x: Any, t: Any, y: Any, x_ext: Any) -> Any:
        """``dE/dt = (-E + (1 - r E) F_E(wEE E - wIE I + x_ext)) / τ_E``."""
        u = as_value(self.wEE) * x - as_value(self.wIE) * y + x_ext
        gain = self.F(u, as_value(self.E_a), as_value(self.E_theta))
        return (-x + (1.0 - as_value(self.r) * x) * gain) / as_value(self.E_tau)

    def dy(self, y: Any, t: Any, x: Any, y_ext: Any) -> Any:
        """``dI/dt = (-I + (1 - r I) F_I(wEI E - wII I + y_ext)) / τ_I``."""
        u = as_value(self.wEI) * x - as_value(self.wII) * y + y_ext
        gain = self.F(u, as_value(self.I_a), as_value(self.I_theta))
        return (-y + (1.0 - as_value(self.r) * y) * gain) / as_value(self.I_tau)

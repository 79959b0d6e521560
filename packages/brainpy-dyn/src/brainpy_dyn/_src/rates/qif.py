"""The mean-field model of quadratic integrate-and-fire neurons, ``QIF``."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.neurons.base import as_value
from brainpy_dyn._src.rates.base import UNIFORM_005, TwoVariableRate

__all__ = ["QIF"]


class QIF(TwoVariableRate):
    r"""The exact mean field of a population of quadratic integrate-and-fire neurons.

    BrainPy implementation of ``brainpy.rates.QIF`` (2.3.5), after Montbrió, Pazó &
    Roxin (2015): ``x`` is the mean membrane potential ``v``, ``y`` the firing rate ``r``:

    .. math::

       \tau \frac{dv}{dt} = v^2 + \bar\eta + I_x(t) + J r \tau - (\pi r \tau)^2, \qquad
       \tau \frac{dr}{dt} = \frac{\Delta}{\pi \tau} + 2 r v + I_y(t)

    Args:
      size: the number of populations, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      tau: the neurons' time constant (ms, ``> 0``).
      eta: the centre ``η̄`` of the Lorentzian distribution of excitabilities.
      delta: its half width ``Δ``.
      J: the recurrent coupling.
      x_ou_mean: mean of the OU noise added to ``x``'s input.
      x_ou_sigma: amplitude of that noise.
      x_ou_tau: its time constant (ms).
      y_ou_mean: mean of the OU noise added to ``y``'s input.
      y_ou_sigma: amplitude of that noise.
      y_ou_tau: its time constant (ms).
      x_initializer: initial ``v`` (default: uniform in [0, 0.05)).
      y_initializer: initial ``r`` (default: uniform in [0, 0.05)).
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> qif = bd.rates.QIF(1, x_initializer=bd.init.ZeroInit(), y_initializer=bd.init.ZeroInit())
      >>> round(float(qif.dy(0., 0., 0., 0.)), 4)  # Δ / (π τ²)
      0.3183
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        tau: Any = 1.0,
        eta: Any = -5.0,
        delta: Any = 1.0,
        J: Any = 15.0,
        x_ou_mean: Any = 0.0,
        x_ou_sigma: Any = 0.0,
        x_ou_tau: Any = 5.0,
        y_ou_mean: Any = 0.0,
        y_ou_sigma: Any = 0.0,
        y_ou_tau: Any = 5.0,
        x_initializer: Any = UNIFORM_005,
        y_initializer: Any = UNIFORM_005,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size=keep_size, name=name, mode=mode)
        self.tau = self._param(tau, "tau", positive=True)
        self.eta = self._param(eta, "eta")
        self.delta = self._param(delta, "delta")
        self.J = self._param(J, "J")
        noise = (x_ou_mean, x_ou_sigma, x_ou_tau, y_ou_mean, y_ou_sigma, y_ou_tau)
        self._setup(noise, x_initializer, y_initializer, method)

    def dx(self, x: Any, t: Any, y: Any, x_ext: Any) -> Any:
        """``dv/dt = (v² + η̄ + x_ext + J r τ - (π r τ)²) / τ``."""
        tau = as_value(self.tau)
        rt = math.pi * y * tau
        return (x * x + as_value(self.eta) + x_ext + as_value(self.J) * y * tau - rt * rt) / tau

    def dy(self, y: Any, t: Any, x: Any, y_ext: Any) -> Any:
        """``dr/dt = (Δ / (π τ) + 2 r v + y_ext) / τ``."""
        tau = as_value(self.tau)
        return (as_value(self.delta) / (math.pi * tau) + 2.0 * x * y + y_ext) / tau

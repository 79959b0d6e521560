"""The Stuart–Landau oscillator, the normal form of a Hopf bifurcation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.neurons.base import as_value
from brainpy_dyn._src.rates.base import UNIFORM_05, TwoVariableRate

__all__ = ["StuartLandauOscillator"]


class StuartLandauOscillator(TwoVariableRate):
    r"""Stuart–Landau oscillators (the normal form of a supercritical Hopf bifurcation).

    BrainPy implementation of ``brainpy.rates.StuartLandauOscillator`` (2.3.5):

    .. math::

       \frac{dx}{dt} = (a - x^2 - y^2)\,x - w y + I_x(t), \qquad
       \frac{dy}{dt} = (a - x^2 - y^2)\,y + w x + I_y(t)

    For ``a > 0`` the oscillation has amplitude ``√a`` and angular frequency ``w``.

    Args:
      size: the number of oscillators, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      a: the bifurcation parameter.
      w: the angular frequency (rad/ms).
      x_ou_mean: mean of the OU noise added to ``x``'s input.
      x_ou_sigma: amplitude of that noise.
      x_ou_tau: its time constant (ms).
      y_ou_mean: mean of the OU noise added to ``y``'s input.
      y_ou_sigma: amplitude of that noise.
      y_ou_tau: its time constant (ms).
      x_initializer: initial ``x`` (default: uniform in [0, 0.5)).
      y_initializer: initial ``y`` (default: uniform in [0, 0.5)).
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> sl = bd.rates.StuartLandauOscillator(1, a=0.25, w=0.2)
      >>> float(sl.dx(0.5, 0., 0., 0., 0.25, 0.2))  # on the limit cycle: pure rotation
      0.0
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        a: Any = 0.25,
        w: Any = 0.2,
        x_ou_mean: Any = 0.0,
        x_ou_sigma: Any = 0.0,
        x_ou_tau: Any = 5.0,
        y_ou_mean: Any = 0.0,
        y_ou_sigma: Any = 0.0,
        y_ou_tau: Any = 5.0,
        x_initializer: Any = UNIFORM_05,
        y_initializer: Any = UNIFORM_05,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size=keep_size, name=name, mode=mode)
        self.a = self._param(a, "a")
        self.w = self._param(w, "w")
        noise = (x_ou_mean, x_ou_sigma, x_ou_tau, y_ou_mean, y_ou_sigma, y_ou_tau)
        self._setup(noise, x_initializer, y_initializer, method)

    def dx(self, x: Any, t: Any, y: Any, x_ext: Any, a: Any, w: Any) -> Any:
        """``dx/dt = (a - x² - y²) x - w y + x_ext``."""
        return (a - x * x - y * y) * x - w * y + x_ext

    def dy(self, y: Any, t: Any, x: Any, y_ext: Any, a: Any, w: Any) -> Any:
        """``dy/dt = (a - x² - y²) y + w x + y_ext``."""
        return (a - x * x - y * y) * y + w * x + y_ext

    def _extra_args(self) -> dict[str, Any]:
        return {"a": as_value(self.a), "w": as_value(self.w)}

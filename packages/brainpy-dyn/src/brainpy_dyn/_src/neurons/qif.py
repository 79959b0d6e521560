"""The quadratic integrate-and-fire neuron, ``QuaIF``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax

import brainpy_math as bm
from brainpy_dyn._src.initialize.regular import ZeroInit
from brainpy_dyn._src.neurons.base import (
    IntegrateAndFire,
    as_value,
    build_integral,
    check_initializer,
)
from brainpy_math.surrogate import inv_square_grad

_ZERO = ZeroInit()  # the default initializer (one shared, stateless instance)

__all__ = ["QuaIF"]


class QuaIF(IntegrateAndFire):
    r"""Quadratic integrate-and-fire neurons (Latham et al., 2000).

    BrainPy implementation of ``brainpy.neurons.QuaIF`` (2.3.5).

    .. math::

       \tau \frac{dV}{dt} = c\,(V - V_{rest})(V - V_c) + R\,I(t), \qquad
       V \ge V_{th} \Rightarrow \text{spike},\; V \leftarrow V_{reset}

    Without input, ``V_rest`` is a stable and ``V_c`` an unstable fixed point; above
    ``V_c`` the potential runs away. A constant input makes the neuron fire repetitively
    once ``R I > c (V_c - V_rest)^2 / 4`` (``3.9375`` with the defaults), when the two
    fixed points merge. Defaults are 2.3.5's: ``V_rest=-65``, ``V_reset=-68``,
    ``V_th=-30``, ``V_c=-50``, ``c=0.07``, ``R=1``, ``tau=10``, no refractory period.

    Args:
      size: the number of neurons, or the group's shape.
      V_rest: resting potential (mV).
      V_reset: reset potential (mV).
      V_th: spike threshold (mV).
      V_c: the critical potential of spike initiation (mV, above ``V_rest``).
      c: the curvature of the quadratic (``> 0``).
      R: membrane resistance.
      tau: membrane time constant (ms, ``> 0``).
      tau_ref: refractory period (ms, ``>= 0``), counted in steps; ``None`` for none.
      V_initializer: initial ``V``.
      noise: additive white noise on ``V`` (see :class:`~brainpy_dyn.neurons.LIF`).
      keep_size: keep ``size`` as the Variables' shape.
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode``.
      method: the integration method (``'exp_auto'``: exponential Euler).
      name: the group's name.
      ref_var: keep a boolean ``refractory`` Variable (needs ``tau_ref``).
      spike_fun: the surrogate spike function used in ``TrainingMode``.

    Raises:
      ValueError: ``tau``/``c <= 0``, ``tau_ref < 0``, or an unknown ``method``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.QuaIF(1, V_initializer=lambda s: bd.init.OneInit(-65.)(s))
      >>> bd.share.save(t=0.)
      >>> group(10.), group.V.value
      (Array([False], dtype=bool), Array([-64.90052], dtype=float32))
      >>> bd.share.clear_shargs()
    """

    def __init__(
        self,
        size: int | tuple[int, ...],
        V_rest: Any = -65.0,
        V_reset: Any = -68.0,
        V_th: Any = -30.0,
        V_c: Any = -50.0,
        c: Any = 0.07,
        R: Any = 1.0,
        tau: Any = 10.0,
        tau_ref: Any = None,
        V_initializer: Any = _ZERO,
        noise: Any = None,
        keep_size: bool = False,
        input_var: bool = True,
        mode: bm.Mode | None = None,
        method: str = "exp_auto",
        name: str | None = None,
        ref_var: bool = False,
        spike_fun: Callable[..., Any] = inv_square_grad,
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.V_rest = self._param(V_rest, "V_rest")
        self.V_reset = self._param(V_reset, "V_reset")
        self.V_th = self._param(V_th, "V_th")
        self.V_c = self._param(V_c, "V_c")
        self.c = self._param(c, "c", positive=True)
        self.R = self._param(R, "R")
        self.tau = self._param(tau, "tau", positive=True)
        self._options(tau_ref, noise, spike_fun, input_var, ref_var)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self.integral = build_integral(self.derivative, method, who)
        self.reset_state(self.mode)

    def derivative(self, V: jax.Array, t: Any, I_ext: Any) -> jax.Array:
        """``dV/dt = (c (V - V_rest)(V - V_c) + R I_ext) / tau``."""
        quad = as_value(self.c) * (V - as_value(self.V_rest)) * (V - as_value(self.V_c))
        return (quad + as_value(self.R) * I_ext) / as_value(self.tau)

"""The adaptive exponential integrate-and-fire neuron, ``AdExIF``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.initialize.regular import ZeroInit
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.neurons.base import (
    SpikingGroup,
    as_value,
    build_integral,
    check_initializer,
)
from brainpy_math.surrogate import inv_square_grad

_ZERO = ZeroInit()  # the default initializer (one shared, stateless instance)

__all__ = ["AdExIF"]


class AdExIF(SpikingGroup):
    r"""Adaptive exponential integrate-and-fire neurons (Brette & Gerstner, 2005).

    BrainPy implementation of ``brainpy.neurons.AdExIF`` (2.3.5).

    .. math::

       \tau \frac{dV}{dt} &= -(V - V_{rest}) + \Delta_T e^{(V - V_T)/\Delta_T}
           - R\,w + R\,I(t) \\
       \tau_w \frac{dw}{dt} &= a\,(V - V_{rest}) - w

    and when ``V >= V_th``: a spike, ``V ← V_reset`` and ``w ← w + b``. Each spike
    increments the adaptation current ``w``, so under a constant input the
    inter-spike intervals lengthen until they settle. The two equations are
    integrated together (:class:`~brainpy_dyn.integrators.JointEq`). Defaults are
    2.3.5's: ``V_rest=-65``, ``V_reset=-68``, ``V_th=-30``, ``V_T=-59.9``,
    ``delta_T=3.48``, ``a=1``, ``b=1``, ``tau=10``, ``tau_w=30``, ``R=1``.

    Args:
      size: the number of neurons, or the group's shape.
      V_rest: resting potential (mV).
      V_reset: reset potential (mV).
      V_th: numerical spike threshold (mV).
      V_T: the threshold of the exponential upswing (mV).
      delta_T: the spike slope factor (mV, ``> 0``).
      a: subthreshold adaptation (coupling of ``w`` to ``V``).
      b: spike-triggered adaptation (increment of ``w`` per spike).
      tau: membrane time constant (ms, ``> 0``).
      tau_w: adaptation time constant (ms, ``> 0``).
      tau_ref: refractory period (ms, ``>= 0``), counted in steps; ``None`` for none.
        During it ``V`` is held and ``w`` keeps evolving.
      R: membrane resistance.
      V_initializer: initial ``V``.
      w_initializer: initial ``w``.
      noise: additive white noise on ``V`` (see :class:`~brainpy_dyn.neurons.LIF`).
      method: the integration method (``'exp_auto'``: exponential Euler).
      keep_size: keep ``size`` as the Variables' shape.
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode``.
      name: the group's name.
      ref_var: keep a boolean ``refractory`` Variable (needs ``tau_ref``).
      spike_fun: the surrogate spike function used in ``TrainingMode``.

    Raises:
      ValueError: ``tau``/``tau_w``/``delta_T <= 0``, ``tau_ref < 0``, or an unknown
        ``method``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.AdExIF(2, V_initializer=lambda s: bd.init.OneInit(-65.)(s))
      >>> sorted(group.vars(method='relative'))
      ['V', 'input', 'spike', 'w']
    """

    w: bm.Variable

    def __init__(
        self,
        size: int | tuple[int, ...],
        V_rest: Any = -65.0,
        V_reset: Any = -68.0,
        V_th: Any = -30.0,
        V_T: Any = -59.9,
        delta_T: Any = 3.48,
        a: Any = 1.0,
        b: Any = 1.0,
        tau: Any = 10.0,
        tau_w: Any = 30.0,
        tau_ref: Any = None,
        R: Any = 1.0,
        V_initializer: Any = _ZERO,
        w_initializer: Any = _ZERO,
        noise: Any = None,
        method: str = "exp_auto",
        keep_size: bool = False,
        input_var: bool = True,
        mode: bm.Mode | None = None,
        name: str | None = None,
        ref_var: bool = False,
        spike_fun: Callable[..., Any] = inv_square_grad,
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.V_rest = self._param(V_rest, "V_rest")
        self.V_reset = self._param(V_reset, "V_reset")
        self.V_th = self._param(V_th, "V_th")
        self.V_T = self._param(V_T, "V_T")
        self.delta_T = self._param(delta_T, "delta_T", positive=True)
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.tau = self._param(tau, "tau", positive=True)
        self.tau_w = self._param(tau_w, "tau_w", positive=True)
        self.R = self._param(R, "R")
        self._options(tau_ref, noise, spike_fun, input_var, ref_var)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self._w_initializer = check_initializer(w_initializer, who, "w_initializer")
        self.integral = build_integral(JointEq(self.dV, self.dw), method, who)
        self.reset_state(self.mode)

    def dV(self, V: jax.Array, t: Any, w: jax.Array, I_ext: Any) -> jax.Array:
        """``dV/dt = (-(V - V_rest) + delta_T exp((V - V_T)/delta_T) - R w + R I_ext) / tau``."""
        dT = as_value(self.delta_T)
        spike_current = dT * jnp.exp((V - as_value(self.V_T)) / dT)
        R = as_value(self.R)
        drive = -(V - as_value(self.V_rest)) + spike_current - R * w + R * I_ext
        return drive / as_value(self.tau)

    def dw(self, w: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``dw/dt = (a (V - V_rest) - w) / tau_w``."""
        return (as_value(self.a) * (V - as_value(self.V_rest)) - w) / as_value(self.tau_w)

    @property
    def derivative(self) -> JointEq:
        """The joint system ``(dV, dw)``."""
        return JointEq(self.dV, self.dw)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-initialise every Variable (``batch_size=None``: the mode's own layout)."""
        batch = self._batch(batch_size)
        self._state("V", self._V_initializer, batch)
        self._state("w", self._w_initializer, batch)
        self._reset_common(batch)

    def update(self, x: Any = None) -> jax.Array:
        """Advance one step with input current ``x`` and return the spikes."""
        t, dt = self._time()
        I = self._take_input(x)
        V_old, w_old = self.V.value, self.w.value
        V, w = self.integral(V_old, w_old, t, I, dt=dt)
        V = self._add_noise(V, (V_old, w_old, t, I), dt)
        V, spike, s = self._fire(V, V_old, t, dt, self.V_reset)
        self.V.value = V
        self.w.value = w + as_value(self.b) * s
        self.spike.value = spike
        return spike

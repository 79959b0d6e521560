"""The adaptive quadratic integrate-and-fire neuron, ``AdQuaIF``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax

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

__all__ = ["AdQuaIF"]


class AdQuaIF(SpikingGroup):
    r"""Adaptive quadratic integrate-and-fire neurons (Izhikevich, 2004; Touboul, 2008).

    BrainPy implementation of ``brainpy.neurons.AdQuaIF`` (2.3.5).

    .. math::

       \tau \frac{dV}{dt} &= c\,(V - V_{rest})(V - V_c) - w + I(t) \\
       \tau_w \frac{dw}{dt} &= a\,(V - V_{rest}) - w

    and when ``V >= V_th``: a spike, ``V ← V_reset`` and ``w ← w + b``. It is
    :class:`~brainpy_dyn.neurons.QuaIF` plus an adaptation current ``w`` that the
    potential drives (``a``) and that each spike increments (``b``); as in 2.3.5 the
    input enters without a resistance factor. The two equations are integrated
    together (:class:`~brainpy_dyn.integrators.JointEq`). Defaults are 2.3.5's:
    ``V_rest=-65``, ``V_reset=-68``, ``V_th=-30``, ``V_c=-50``, ``a=1``, ``b=0.1``,
    ``c=0.07``, ``tau=10``, ``tau_w=10``, ``V`` and ``w`` starting at 0. Note that
    ``V = 0`` lies above ``V_c``, so with the default ``V_initializer`` the neuron
    fires at once; start it at ``V_rest`` to see it rest. ``V_rest`` (with ``w = 0``)
    is then a stable rest, and a constant input above the rheobase
    ``(c (V_c - V_rest) + a)^2 / (4 c)`` (about 15 with the defaults) makes it fire
    repetitively (``I = 30`` in 2.3.5's example).

    Args:
      size: the number of neurons, or the group's shape.
      V_rest: resting potential (mV).
      V_reset: reset potential (mV).
      V_th: spike threshold (mV).
      V_c: the critical potential of spike initiation (mV, above ``V_rest``).
      a: coupling of ``w`` to the subthreshold potential.
      b: the increment of ``w`` per spike.
      c: the curvature of the quadratic (``> 0``).
      tau: membrane time constant (ms, ``> 0``).
      tau_w: adaptation time constant (ms, ``> 0``).
      V_initializer: initial ``V``.
      w_initializer: initial ``w``.
      noise: additive white noise on ``V`` (see :class:`~brainpy_dyn.neurons.LIF`).
      method: the integration method (``'exp_auto'``: exponential Euler).
      keep_size: keep ``size`` as the Variables' shape.
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode``.
      name: the group's name.
      tau_ref: refractory period (ms, ``>= 0``), counted in steps as in
        :class:`~brainpy_dyn.neurons.LIF`; ``None`` (the default) for none. During it
        ``V`` is held and ``w`` keeps evolving. Not in 2.3.5, which had no refractory
        period for this model.
      ref_var: keep a boolean ``refractory`` Variable (needs ``tau_ref``; not in 2.3.5).
      spike_fun: the surrogate spike function used in ``TrainingMode`` (not in 2.3.5,
        whose ``AdQuaIF`` had boolean spikes in every mode).

    Attributes:
      V: membrane potential.
      w: adaptation current.
      input: the accumulated input current (if ``input_var``).
      spike: whether each neuron fired in the last step (bool; float in ``TrainingMode``).

    Raises:
      ValueError: ``tau``/``tau_w``/``c <= 0``, ``tau_ref < 0``, or an unknown ``method``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.AdQuaIF(1, V_initializer=lambda s: bd.init.OneInit(-65.)(s))
      >>> sorted(group.vars(method='relative'))
      ['V', 'input', 'spike', 'w']
      >>> bd.share.save(t=0., dt=0.1)
      >>> group(10.), group.V.value, group.w.value
      (Array([False], dtype=bool), Array([-64.90052], dtype=float32), Array([0.], dtype=float32))
      >>> bd.share.clear_shargs()
    """

    w: bm.Variable

    def __init__(
        self,
        size: int | tuple[int, ...],
        V_rest: Any = -65.0,
        V_reset: Any = -68.0,
        V_th: Any = -30.0,
        V_c: Any = -50.0,
        a: Any = 1.0,
        b: Any = 0.1,
        c: Any = 0.07,
        tau: Any = 10.0,
        tau_w: Any = 10.0,
        V_initializer: Any = _ZERO,
        w_initializer: Any = _ZERO,
        noise: Any = None,
        method: str = "exp_auto",
        keep_size: bool = False,
        input_var: bool = True,
        mode: bm.Mode | None = None,
        name: str | None = None,
        tau_ref: Any = None,
        ref_var: bool = False,
        spike_fun: Callable[..., Any] = inv_square_grad,
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.V_rest = self._param(V_rest, "V_rest")
        self.V_reset = self._param(V_reset, "V_reset")
        self.V_th = self._param(V_th, "V_th")
        self.V_c = self._param(V_c, "V_c")
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.c = self._param(c, "c", positive=True)
        self.tau = self._param(tau, "tau", positive=True)
        self.tau_w = self._param(tau_w, "tau_w", positive=True)
        self._options(tau_ref, noise, spike_fun, input_var, ref_var)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self._w_initializer = check_initializer(w_initializer, who, "w_initializer")
        self.integral = build_integral(self.derivative, method, who)
        self.reset_state(self.mode)

    def dV(self, V: jax.Array, t: Any, w: jax.Array, I_ext: Any) -> jax.Array:
        """``dV/dt = (c (V - V_rest)(V - V_c) - w + I_ext) / tau``."""
        quad = as_value(self.c) * (V - as_value(self.V_rest)) * (V - as_value(self.V_c))
        return (quad - w + I_ext) / as_value(self.tau)

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

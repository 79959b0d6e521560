"""The leaky integrate-and-fire neuron, ``LIF``."""

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

__all__ = ["LIF"]


class LIF(IntegrateAndFire):
    r"""Leaky integrate-and-fire neurons.

    BrainPy implementation of ``brainpy.neurons.LIF`` (2.3.5).

    .. math::

       \tau \frac{dV}{dt} = -(V - V_{rest}) + R\,I(t), \qquad
       V \ge V_{th} \Rightarrow \text{spike},\; V \leftarrow V_{reset}

    and ``V`` is held during the refractory period ``tau_ref`` after a spike. With the
    default ``method='exp_auto'`` each step is the exact solution for the step's input,
    ``V' = V∞ + (V − V∞) e^{−dt/τ}`` with ``V∞ = V_rest + R I``.

    Each step (:meth:`update`) reads ``t = share.load('t')`` and ``dt = share.load('dt')``,
    takes the input (``input += x`` and ``I = input`` when ``input_var``, else ``I = x``),
    integrates, keeps the old ``V`` of refractory neurons, emits ``spike = V >= V_th``,
    resets spiking neurons to ``V_reset`` and records ``t_last_spike = t``.

    Args:
      size: the number of neurons, or the group's shape.
      keep_size: keep ``size`` as the Variables' shape (else they are flat).
      V_rest: resting potential (mV).
      V_reset: reset potential after a spike (mV).
      V_th: spike threshold (mV).
      R: membrane resistance.
      tau: membrane time constant (ms, ``> 0``).
      tau_ref: refractory period (ms, ``>= 0``); ``None`` for none. It lasts
        ``round(tau_ref / dt)`` steps after the spike step (see Note).
      V_initializer: initial ``V``: an initializer, a callable ``init(shape)`` or an array.
      noise: the standard deviation of additive white noise on ``V`` (a number, an
        array, an initializer, or a callable ``g(V, t, I)``); integrated with
        Euler–Maruyama on top of the deterministic step. ``None`` for none.
      mode: the computing mode: ``NonBatchingMode``, ``BatchingMode`` or
        ``TrainingMode`` (``None``: the global mode).
      spike_fun: in ``TrainingMode``, the surrogate spike function applied to
        ``V - V_th``.
      input_var: keep an ``input`` Variable that accumulates inputs within a step and is
        zeroed by :meth:`clear_input`.
      ref_var: keep a boolean ``refractory`` Variable (needs ``tau_ref``).
      method: the integration method of :func:`~brainpy_dyn.integrators.odeint`.
      name: the group's name.

    Attributes:
      V: membrane potential.
      input: the accumulated input current (if ``input_var``).
      spike: whether each neuron fired in the last step (bool; float in ``TrainingMode``).
      t_last_spike: time of the last spike, ``-1e7`` before any (if ``tau_ref``).
      ref_left: refractory steps left, an int32 counter (if ``tau_ref``).
      refractory: whether each neuron was refractory in, or fired at, the last step (if
        ``tau_ref`` and ``ref_var``).

    Raises:
      NeuGroupSizeError: ``size`` is not a positive int or tuple of them.
      ValueError: ``tau <= 0``, ``tau_ref < 0``, a parameter of the wrong shape, or an
        unknown ``method``.
      ModeSupportError: ``mode`` is not one of the supported modes.

    Note:
      Refractoriness is counted in integer steps (``ref_left``), so the period has the
      same length late in a long run as at its start; 2.3.5 compares
      ``t - t_last_spike <= tau_ref`` in floating point instead. In TrainingMode the
      reset is ``V += (V_reset - V) * stop_gradient(spike)``, as in 2.3.5. BatchingMode
      without training is also accepted here (2.3.5 rejected it).

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> lif = bd.neurons.LIF(2, V_rest=-60., V_reset=-60., V_th=-50., tau=20., tau_ref=5.,
      ...                      V_initializer=lambda s: bm.full(s, -55.))
      >>> bd.share.save(t=0., dt=0.1)
      >>> lif(bm.array([20., 2000.]))
      Array([False,  True], dtype=bool)
      >>> lif.V.value, lif.ref_left.value
      (Array([-54.925186, -60.      ], dtype=float32), Array([ 0, 50], dtype=int32))
      >>> bd.share.clear_shargs()
    """

    def __init__(
        self,
        size: int | tuple[int, ...],
        keep_size: bool = False,
        V_rest: Any = 0.0,
        V_reset: Any = -5.0,
        V_th: Any = 20.0,
        R: Any = 1.0,
        tau: Any = 10.0,
        tau_ref: Any = None,
        V_initializer: Any = _ZERO,
        noise: Any = None,
        mode: bm.Mode | None = None,
        spike_fun: Callable[..., Any] = inv_square_grad,
        input_var: bool = True,
        ref_var: bool = False,
        method: str = "exp_auto",
        name: str | None = None,
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.V_rest = self._param(V_rest, "V_rest")
        self.V_reset = self._param(V_reset, "V_reset")
        self.V_th = self._param(V_th, "V_th")
        self.R = self._param(R, "R")
        self.tau = self._param(tau, "tau", positive=True)
        self._options(tau_ref, noise, spike_fun, input_var, ref_var)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self.integral = build_integral(self.derivative, method, who)
        self.reset_state(self.mode)

    def derivative(self, V: jax.Array, t: Any, I_ext: Any) -> jax.Array:
        """``dV/dt = (-V + V_rest + R I_ext) / tau``."""
        return (-V + as_value(self.V_rest) + as_value(self.R) * I_ext) / as_value(self.tau)

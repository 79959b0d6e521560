"""The exponential integrate-and-fire neuron, ``ExpIF``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

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

__all__ = ["ExpIF"]


class ExpIF(IntegrateAndFire):
    r"""Exponential integrate-and-fire neurons (Fourcaud-Trocmé et al., 2003).

    BrainPy implementation of ``brainpy.neurons.ExpIF`` (2.3.5).

    .. math::

       \tau \frac{dV}{dt} = -(V - V_{rest}) + \Delta_T\, e^{(V - V_T)/\Delta_T} + R\,I(t),
       \qquad V \ge V_{th} \Rightarrow \text{spike},\; V \leftarrow V_{reset}

    The exponential term makes ``V`` run away once it passes ``V_T``; ``V_th`` only
    marks where the upswing is cut and counted as a spike. Defaults are 2.3.5's
    (``V_rest=-65``, ``V_reset=-68``, ``V_th=-30``, ``V_T=-59.9``, ``delta_T=3.48``,
    ``R=1``, ``tau=10``; no refractory period unless ``tau_ref`` is given — 2.3.5's
    documentation table quotes ``tau_ref=1.7`` ms as a typical value). A constant input
    makes it fire repetitively once ``I`` exceeds the rheobase
    ``(V_T - V_rest - delta_T) / R`` (about 1.62 with the defaults).

    Args:
      size: the number of neurons, or the group's shape.
      V_rest: resting potential (mV).
      V_reset: reset potential (mV).
      V_th: numerical spike threshold (mV).
      V_T: the threshold of the exponential upswing (mV).
      delta_T: the spike slope factor (mV, ``> 0``).
      R: membrane resistance.
      tau: membrane time constant (ms, ``> 0``).
      tau_ref: refractory period (ms, ``>= 0``), counted in steps as in
        :class:`~brainpy_dyn.neurons.LIF`; ``None`` for none.
      V_initializer: initial ``V``.
      noise: additive white noise on ``V`` (see :class:`~brainpy_dyn.neurons.LIF`).
      keep_size: keep ``size`` as the Variables' shape.
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      ref_var: keep a boolean ``refractory`` Variable (needs ``tau_ref``).
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode``.
      method: the integration method (``'exp_auto'``: exponential Euler).
      name: the group's name.
      spike_fun: the surrogate spike function used in ``TrainingMode``.

    Raises:
      ValueError: ``tau``/``delta_T <= 0``, ``tau_ref < 0``, or an unknown ``method``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.ExpIF(1, V_initializer=lambda s: bd.init.OneInit(-65.)(s))
      >>> bd.share.save(t=0.)
      >>> group(20.), group.V.value
      (Array([False], dtype=bool), Array([-64.79276], dtype=float32))
      >>> bd.share.clear_shargs()
    """

    def __init__(
        self,
        size: int | tuple[int, ...],
        V_rest: Any = -65.0,
        V_reset: Any = -68.0,
        V_th: Any = -30.0,
        V_T: Any = -59.9,
        delta_T: Any = 3.48,
        R: Any = 1.0,
        tau: Any = 10.0,
        tau_ref: Any = None,
        V_initializer: Any = _ZERO,
        noise: Any = None,
        keep_size: bool = False,
        input_var: bool = True,
        ref_var: bool = False,
        mode: bm.Mode | None = None,
        method: str = "exp_auto",
        name: str | None = None,
        spike_fun: Callable[..., Any] = inv_square_grad,
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.V_rest = self._param(V_rest, "V_rest")
        self.V_reset = self._param(V_reset, "V_reset")
        self.V_th = self._param(V_th, "V_th")
        self.V_T = self._param(V_T, "V_T")
        self.delta_T = self._param(delta_T, "delta_T", positive=True)
        self.R = self._param(R, "R")
        self.tau = self._param(tau, "tau", positive=True)
        self._options(tau_ref, noise, spike_fun, input_var, ref_var)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self.integral = build_integral(self.derivative, method, who)
        self.reset_state(self.mode)

    def derivative(self, V: jax.Array, t: Any, I_ext: Any) -> jax.Array:
        """``dV/dt = (-(V - V_rest) + delta_T exp((V - V_T)/delta_T) + R I_ext) / tau``."""
        dT = as_value(self.delta_T)
        spike_current = dT * jnp.exp((V - as_value(self.V_T)) / dT)
        drive = -(V - as_value(self.V_rest)) + spike_current + as_value(self.R) * I_ext
        return drive / as_value(self.tau)

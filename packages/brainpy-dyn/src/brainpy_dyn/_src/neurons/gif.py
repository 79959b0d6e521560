"""The generalized integrate-and-fire neuron, ``GIF`` (Mihalaş & Niebur, 2009)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.initialize.regular import OneInit, ZeroInit
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.neurons.base import (
    SpikingGroup,
    as_value,
    build_integral,
    check_initializer,
    check_positive,
)
from brainpy_math.surrogate import sigmoid

# The default initializers (shared, stateless instances).
_ZERO = ZeroInit()
_V_INIT = OneInit(-70.0)
_VTH_INIT = OneInit(-50.0)

__all__ = ["GIF"]


class GIF(SpikingGroup):
    r"""Generalized integrate-and-fire neurons (Mihalaş & Niebur, 2009).

    BrainPy implementation of ``brainpy.neurons.GIF`` (2.3.5): a leaky membrane with
    two spike-induced internal currents and a moving threshold.

    .. math::

       \frac{dI_1}{dt} &= -k_1 I_1, \qquad \frac{dI_2}{dt} = -k_2 I_2 \\
       \tau \frac{dV}{dt} &= -(V - V_{rest}) + R\,(I_1 + I_2 + I(t)) \\
       \frac{dV_{th}}{dt} &= a\,(V - V_{rest}) - b\,(V_{th} - V_{th\infty})

    and when ``V`` reaches the threshold ``V_th``: a spike, ``V ← V_reset``,
    ``I_1 ← R_1 I_1 + A_1``, ``I_2 ← R_2 I_2 + A_2`` and
    ``V_th ← max(V_th_reset, V_th)``. As in 2.3.5 the spike test compares the new
    ``V`` with the threshold at the start of the step, and the four equations are
    integrated together (:class:`~brainpy_dyn.integrators.JointEq`). Defaults are
    2.3.5's: ``V_rest=-70``, ``V_reset=-70``, ``V_th_inf=-50``, ``V_th_reset=-60``,
    ``R=20``, ``tau=20``, ``a=0``, ``b=0.01``, ``k1=0.2``, ``k2=0.02``, ``R1=0``,
    ``R2=1``, ``A1=0``, ``A2=0``, ``V`` starting at -70 and ``V_th`` at -50. With them
    the threshold stays at ``V_th_inf`` and a constant input above
    ``(V_th_inf - V_rest) / R = 1`` makes the neuron fire repetitively; other
    parameters give the paper's tonic, adapting, bursting and other patterns.

    Args:
      size: the number of neurons, or the group's shape.
      V_rest: resting potential (mV).
      V_reset: reset potential (mV).
      V_th_inf: the value the threshold relaxes to (mV).
      V_th_reset: the lowest threshold after a spike (mV).
      R: membrane resistance.
      tau: membrane time constant (ms, ``> 0``).
      a: dependence of the threshold on the membrane potential.
      b: the rate at which the threshold relaxes to ``V_th_inf`` (1/ms, ``>= 0``).
      k1: the decay rate of ``I1`` (1/ms, ``>= 0``).
      k2: the decay rate of ``I2`` (1/ms, ``>= 0``).
      R1: the fraction of ``I1`` kept at a spike.
      R2: the fraction of ``I2`` kept at a spike.
      A1: the increment of ``I1`` at a spike.
      A2: the increment of ``I2`` at a spike.
      V_initializer: initial ``V``.
      I1_initializer: initial ``I1``.
      I2_initializer: initial ``I2``.
      Vth_initializer: initial ``V_th``.
      noise: additive white noise on ``V`` (see :class:`~brainpy_dyn.neurons.LIF`);
        2.3.5 also accepted noise on the other variables.
      method: the integration method (``'exp_auto'``: exponential Euler).
      keep_size: keep ``size`` as the Variables' shape.
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      name: the group's name.
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode``.
      spike_fun: the surrogate spike function used in ``TrainingMode`` (applied to
        ``V - V_th``).

    Attributes:
      V: membrane potential.
      I1: internal current 1.
      I2: internal current 2.
      V_th: the (moving) spike threshold.
      input: the accumulated input current (if ``input_var``).
      spike: whether each neuron fired in the last step (bool; float in ``TrainingMode``).

    Raises:
      ValueError: ``tau <= 0``, ``b``/``k1``/``k2 < 0``, or an unknown ``method``.

    Note:
      There is no refractory period and no ``t_last_spike`` (2.3.5's variable table
      lists one, but its ``GIF`` did not create it). In ``TrainingMode`` the resets of
      ``V``, ``I1``, ``I2`` and ``V_th`` are applied where the surrogate spike is
      positive and carry no gradient.

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.GIF(1)
      >>> sorted(group.vars(method='relative'))
      ['I1', 'I2', 'V', 'V_th', 'input', 'spike']
      >>> bd.share.save(t=0., dt=0.1)
      >>> group(1.5), group.V.value
      (Array([False], dtype=bool), Array([-69.85037], dtype=float32))
      >>> bd.share.clear_shargs()
    """

    I1: bm.Variable
    I2: bm.Variable

    def __init__(
        self,
        size: int | tuple[int, ...],
        V_rest: Any = -70.0,
        V_reset: Any = -70.0,
        V_th_inf: Any = -50.0,
        V_th_reset: Any = -60.0,
        R: Any = 20.0,
        tau: Any = 20.0,
        a: Any = 0.0,
        b: Any = 0.01,
        k1: Any = 0.2,
        k2: Any = 0.02,
        R1: Any = 0.0,
        R2: Any = 1.0,
        A1: Any = 0.0,
        A2: Any = 0.0,
        V_initializer: Any = _V_INIT,
        I1_initializer: Any = _ZERO,
        I2_initializer: Any = _ZERO,
        Vth_initializer: Any = _VTH_INIT,
        noise: Any = None,
        method: str = "exp_auto",
        keep_size: bool = False,
        input_var: bool = True,
        name: str | None = None,
        mode: bm.Mode | None = None,
        spike_fun: Callable[..., Any] = sigmoid,
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.V_rest = self._param(V_rest, "V_rest")
        self.V_reset = self._param(V_reset, "V_reset")
        self.V_th_inf = self._param(V_th_inf, "V_th_inf")
        self.V_th_reset = self._param(V_th_reset, "V_th_reset")
        self.R = self._param(R, "R")
        self.tau = self._param(tau, "tau", positive=True)
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.k1 = self._param(k1, "k1")
        self.k2 = self._param(k2, "k2")
        for rate in ("b", "k1", "k2"):
            check_positive(getattr(self, rate), who, rate, strict=False)
        self.R1 = self._param(R1, "R1")
        self.R2 = self._param(R2, "R2")
        self.A1 = self._param(A1, "A1")
        self.A2 = self._param(A2, "A2")
        self._options(None, noise, spike_fun, input_var, False)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self._I1_initializer = check_initializer(I1_initializer, who, "I1_initializer")
        self._I2_initializer = check_initializer(I2_initializer, who, "I2_initializer")
        self._Vth_initializer = check_initializer(Vth_initializer, who, "Vth_initializer")
        self.integral = build_integral(self.derivative, method, who)
        self.reset_state(self.mode)

    def dI1(self, I1: jax.Array, t: Any) -> jax.Array:
        """``dI1/dt = -k1 I1``."""
        return -as_value(self.k1) * I1

    def dI2(self, I2: jax.Array, t: Any) -> jax.Array:
        """``dI2/dt = -k2 I2``."""
        return -as_value(self.k2) * I2

    def dVth(self, V_th: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``dV_th/dt = a (V - V_rest) - b (V_th - V_th_inf)``."""
        drive = as_value(self.a) * (V - as_value(self.V_rest))
        return drive - as_value(self.b) * (V_th - as_value(self.V_th_inf))

    def dV(self, V: jax.Array, t: Any, I1: jax.Array, I2: jax.Array, I_ext: Any) -> jax.Array:
        """``dV/dt = (-(V - V_rest) + R (I1 + I2 + I_ext)) / tau``."""
        drive = -(V - as_value(self.V_rest)) + as_value(self.R) * (I1 + I2 + I_ext)
        return drive / as_value(self.tau)

    @property
    def derivative(self) -> JointEq:
        """The joint system ``(dI1, dI2, dVth, dV)``."""
        return JointEq(self.dI1, self.dI2, self.dVth, self.dV)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-initialise every Variable (``batch_size=None``: the mode's own layout)."""
        batch = self._batch(batch_size)
        self._state("V", self._V_initializer, batch)
        self._state("I1", self._I1_initializer, batch)
        self._state("I2", self._I2_initializer, batch)
        self._state("V_th", self._Vth_initializer, batch)
        self._reset_common(batch)

    def update(self, x: Any = None) -> jax.Array:
        """Advance one step with input current ``x`` and return the spikes."""
        t, dt = self._time()
        I = self._take_input(x)
        old = (self.I1.value, self.I2.value, self.V_th.value, self.V.value)
        I1, I2, V_th, V = self.integral(*old, t, I, dt=dt)
        V = self._add_noise(V, (*old, t, I), dt)
        # ``_fire`` compares V with ``self.V_th``, still the threshold of the step's start.
        V, spike, s = self._fire(V, old[3], t, dt, self.V_reset)
        fired = s > 0
        I1 = jnp.where(fired, as_value(self.R1) * I1 + as_value(self.A1), I1)
        I2 = jnp.where(fired, as_value(self.R2) * I2 + as_value(self.A2), I2)
        V_th = jnp.where(fired, jnp.maximum(as_value(self.V_th_reset), V_th), V_th)
        self.V.value = V
        self.I1.value = I1
        self.I2.value = I2
        self.V_th.value = V_th
        self.spike.value = spike
        return spike

"""The Morris–Lecar neuron, ``MorrisLecar``."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.initialize.random_inits import Uniform
from brainpy_dyn._src.initialize.regular import OneInit
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.neurons.base import (
    SpikingGroup,
    as_value,
    build_integral,
    check_initializer,
)

# 2.3.5's default initial state; the V draw uses brainpy_math.random.DEFAULT at each call.
_W_INIT = OneInit(0.02)
_UNIFORM_V = Uniform(-70.0, -60.0)

__all__ = ["MorrisLecar"]


class MorrisLecar(SpikingGroup):
    r"""Morris–Lecar neurons (Morris & Lecar, 1981): a two-variable conductance model.

    BrainPy implementation of ``brainpy.neurons.MorrisLecar`` (2.3.5).

    .. math::

       C \frac{dV}{dt} &= -g_{Ca} M_\infty(V)\,(V - V_{Ca}) - g_K W (V - V_K)
           - g_{leak} (V - V_{leak}) + I(t) \\
       \frac{dW}{dt} &= \frac{W_\infty(V) - W}{\tau_W(V)}

    with ``M∞(V) = (1 + tanh((V - V1)/V2)) / 2``, ``W∞(V) = (1 + tanh((V - V3)/V4)) / 2``
    and ``τ_W(V) = 1 / (phi cosh((V - V3) / (2 V4)))``. The calcium current is
    instantaneous; ``W`` is the fraction of open potassium channels. A spike is an
    upward crossing of ``V_th`` (``V_old < V_th <= V``); there is no reset. Defaults
    are 2.3.5's: ``V_Ca=130``, ``g_Ca=4.4``, ``V_K=-84``, ``g_K=8``, ``V_leak=-60``,
    ``g_leak=2``, ``C=20``, ``V1=-1.2``, ``V2=18``, ``V3=2``, ``V4=30``, ``phi=0.04``,
    ``V_th=10`` (mV, mS/cm², µF/cm², 1/ms; ``I`` in µA/cm²), ``W`` starting at 0.02 and
    ``V`` uniform in [-70, -60). With them the neuron rests without input and fires
    periodically under a constant input between about 84 and 190 µA/cm² (about 12 Hz
    at ``I = 100``).

    Args:
      size: the number of neurons, or the group's shape.
      keep_size: keep ``size`` as the Variables' shape.
      V_Ca: calcium reversal potential (mV).
      g_Ca: maximal calcium conductance.
      V_K: potassium reversal potential (mV).
      g_K: maximal potassium conductance.
      V_leak: leak reversal potential (mV).
      g_leak: leak conductance.
      C: membrane capacitance (``> 0``).
      V1: the potential at which ``M∞ = 1/2`` (mV).
      V2: the voltage scale of ``M∞`` (mV, ``> 0``).
      V3: the potential at which ``W∞ = 1/2`` (mV).
      V4: the voltage scale of ``W∞`` (mV, ``> 0``).
      phi: the rate (temperature) factor of ``W`` (``> 0``).
      V_th: the potential whose upward crossing counts as a spike (mV).
      W_initializer: initial ``W``.
      V_initializer: initial ``V`` (default: uniform in [-70, -60) from
        ``brainpy_math.random``).
      noise: additive white noise on ``V`` (see :class:`~brainpy_dyn.neurons.LIF`).
      method: the integration method (``'exp_auto'``: exponential Euler).
      name: the group's name.
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode`` (spikes stay
        boolean: the model has no surrogate spike function).

    Attributes:
      V: membrane potential.
      W: the fraction of open potassium channels.
      input: the accumulated input current (if ``input_var``).
      spike: whether ``V`` crossed ``V_th`` upwards in the last step.

    Raises:
      ValueError: ``C``/``V2``/``V4``/``phi <= 0`` or an unknown ``method``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.MorrisLecar(1, V_initializer=bd.init.OneInit(-60.))
      >>> sorted(group.vars(method='relative'))
      ['V', 'W', 'input', 'spike']
      >>> bd.share.save(t=0., dt=0.1)
      >>> group(100.), group.V.value
      (Array([False], dtype=bool), Array([-59.515594], dtype=float32))
      >>> bd.share.clear_shargs()
    """

    W: bm.Variable

    def __init__(
        self,
        size: int | tuple[int, ...],
        keep_size: bool = False,
        V_Ca: Any = 130.0,
        g_Ca: Any = 4.4,
        V_K: Any = -84.0,
        g_K: Any = 8.0,
        V_leak: Any = -60.0,
        g_leak: Any = 2.0,
        C: Any = 20.0,
        V1: Any = -1.2,
        V2: Any = 18.0,
        V3: Any = 2.0,
        V4: Any = 30.0,
        phi: Any = 0.04,
        V_th: Any = 10.0,
        W_initializer: Any = _W_INIT,
        V_initializer: Any = _UNIFORM_V,
        noise: Any = None,
        method: str = "exp_auto",
        name: str | None = None,
        input_var: bool = True,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.V_Ca = self._param(V_Ca, "V_Ca")
        self.g_Ca = self._param(g_Ca, "g_Ca")
        self.V_K = self._param(V_K, "V_K")
        self.g_K = self._param(g_K, "g_K")
        self.V_leak = self._param(V_leak, "V_leak")
        self.g_leak = self._param(g_leak, "g_leak")
        self.C = self._param(C, "C", positive=True)
        self.V1 = self._param(V1, "V1")
        self.V2 = self._param(V2, "V2", positive=True)
        self.V3 = self._param(V3, "V3")
        self.V4 = self._param(V4, "V4", positive=True)
        self.phi = self._param(phi, "phi", positive=True)
        self.V_th = self._param(V_th, "V_th")
        self.tau_ref = None
        self.ref_var = False
        self.noise = self._noise(noise)
        self.input_var = bool(input_var)
        self._W_initializer = check_initializer(W_initializer, who, "W_initializer")
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self.integral = build_integral(self.derivative, method, who)
        self.reset_state(self.mode)

    def dV(self, V: jax.Array, t: Any, W: jax.Array, I_ext: Any) -> jax.Array:
        """``dV/dt = (-I_Ca - I_K - I_leak + I_ext) / C``."""
        M_inf = 0.5 * (1.0 + jnp.tanh((V - as_value(self.V1)) / as_value(self.V2)))
        I_Ca = as_value(self.g_Ca) * M_inf * (V - as_value(self.V_Ca))
        I_K = as_value(self.g_K) * W * (V - as_value(self.V_K))
        I_leak = as_value(self.g_leak) * (V - as_value(self.V_leak))
        return (-I_Ca - I_K - I_leak + I_ext) / as_value(self.C)

    def dW(self, W: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``dW/dt = (W∞(V) - W) phi cosh((V - V3) / (2 V4))``."""
        x = (V - as_value(self.V3)) / as_value(self.V4)
        W_inf = 0.5 * (1.0 + jnp.tanh(x))
        return (W_inf - W) * as_value(self.phi) * jnp.cosh(x / 2.0)

    @property
    def derivative(self) -> JointEq:
        """The joint system ``(dV, dW)``."""
        return JointEq(self.dV, self.dW)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-initialise every Variable (``batch_size=None``: the mode's own layout)."""
        batch = self._batch(batch_size)
        self._state("W", self._W_initializer, batch)
        self._state("V", self._V_initializer, batch)
        self._state("spike", lambda s: np.zeros(s, bool), batch)
        if self.input_var:
            fdtype = bm.get_float()
            self._state("input", lambda s: np.zeros(s, fdtype), batch)

    def update(self, x: Any = None) -> jax.Array:
        """Advance one step with input current ``x`` and return the spikes."""
        t, dt = self._time()
        I = self._take_input(x)
        V_old, W_old = self.V.value, self.W.value
        V, W = self.integral(V_old, W_old, t, I, dt=dt)
        V = self._add_noise(V, (V_old, W_old, t, I), dt)
        V_th = as_value(self.V_th)
        spike = jnp.logical_and(V_old < V_th, V >= V_th)
        self.V.value = V
        self.W.value = W
        self.spike.value = spike
        return spike

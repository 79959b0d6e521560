"""The Hindmarsh–Rose neuron, ``HindmarshRose``."""

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
from brainpy_math.surrogate import inv_square_grad

# The default initializers (shared, stateless instances).
_ZERO = ZeroInit()
_Y_INIT = OneInit(-10.0)

__all__ = ["HindmarshRose"]


class HindmarshRose(SpikingGroup):
    r"""Hindmarsh–Rose neurons (Hindmarsh & Rose, 1984): spiking and bursting.

    BrainPy implementation of ``brainpy.neurons.HindmarshRose`` (2.3.5).

    .. math::

       \frac{dV}{dt} &= y - a V^3 + b V^2 - z + I(t) \\
       \frac{dy}{dt} &= c - d V^2 - y \\
       \frac{dz}{dt} &= r\,(s\,(V - V_{rest}) - z)

    in dimensionless units. ``V`` and the fast recovery variable ``y`` make spikes;
    the slow adaptation current ``z`` (rate ``r``) switches them on and off, which
    gives bursts. A spike is an upward crossing of ``V_th`` (``V_old < V_th <= V``);
    there is no reset. Defaults are 2.3.5's: ``a=1``, ``b=3``, ``c=1``, ``d=5``,
    ``r=0.01``, ``s=4``, ``V_rest=-1.6``, ``V_th=1``, ``V`` and ``z`` starting at 0
    and ``y`` at -10. ``b`` and the input choose the pattern (2.3.5's example):
    quiescence (``b=1, I=2``), tonic spiking (``b=3.5, I=5``), bursting
    (``b=2.5, I=3``: bursts of about ten spikes, each followed by a long silence) and
    irregular spiking or bursting (``b=2.95, I=3.3``; ``b=2.8, I=3.7``).

    Args:
      size: the number of neurons, or the group's shape.
      a: the cubic coefficient of the fast subsystem.
      b: the quadratic coefficient; it switches between bursting and spiking.
      c: the constant term of ``dy/dt``.
      d: the quadratic coefficient of ``dy/dt``.
      r: the rate of the slow variable ``z`` (``>= 0``).
      s: the coupling of ``z`` to ``V`` (adaptation).
      V_rest: the resting value of ``V`` in ``dz/dt``.
      V_th: the value whose upward crossing counts as a spike.
      V_initializer: initial ``V``.
      y_initializer: initial ``y``.
      z_initializer: initial ``z``.
      noise: additive white noise on ``V`` (see :class:`~brainpy_dyn.neurons.LIF`).
      method: the integration method (``'exp_auto'``: exponential Euler).
      keep_size: keep ``size`` as the Variables' shape.
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      name: the group's name.
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode``.
      spike_fun: the surrogate spike function used in ``TrainingMode``.

    Attributes:
      V: membrane potential.
      y: the fast recovery variable.
      z: the slow adaptation variable.
      input: the accumulated input current (if ``input_var``).
      spike: whether ``V`` crossed ``V_th`` upwards in the last step (bool; float in
        ``TrainingMode``).

    Raises:
      ValueError: ``r < 0``, a parameter of the wrong shape, or an unknown ``method``.

    Note:
      In ``TrainingMode`` the spike is ``spike_fun(V - V_th)`` times the (gradient-free)
      indicator ``V_old < V_th``, so only upward crossings count, as in the other
      modes. (2.3.5 passed ``V_old - V_th`` as the surrogate's second argument, its
      sharpness, instead.)

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.HindmarshRose(1)
      >>> sorted(group.vars(method='relative'))
      ['V', 'input', 'spike', 'y', 'z']
      >>> bd.share.save(t=0., dt=0.01)
      >>> group(2.), group.V.value, group.y.value
      (Array([False], dtype=bool), Array([-0.08], dtype=float32), Array([-9.890548], dtype=float32))
      >>> bd.share.clear_shargs()
    """

    y: bm.Variable
    z: bm.Variable

    def __init__(
        self,
        size: int | tuple[int, ...],
        a: Any = 1.0,
        b: Any = 3.0,
        c: Any = 1.0,
        d: Any = 5.0,
        r: Any = 0.01,
        s: Any = 4.0,
        V_rest: Any = -1.6,
        V_th: Any = 1.0,
        V_initializer: Any = _ZERO,
        y_initializer: Any = _Y_INIT,
        z_initializer: Any = _ZERO,
        noise: Any = None,
        method: str = "exp_auto",
        keep_size: bool = False,
        input_var: bool = True,
        name: str | None = None,
        mode: bm.Mode | None = None,
        spike_fun: Callable[..., Any] = inv_square_grad,
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.c = self._param(c, "c")
        self.d = self._param(d, "d")
        self.r = self._param(r, "r")
        check_positive(self.r, who, "r", strict=False)
        self.s = self._param(s, "s")
        self.V_rest = self._param(V_rest, "V_rest")
        self.V_th = self._param(V_th, "V_th")
        self._options(None, noise, spike_fun, input_var, False)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self._y_initializer = check_initializer(y_initializer, who, "y_initializer")
        self._z_initializer = check_initializer(z_initializer, who, "z_initializer")
        self.integral = build_integral(self.derivative, method, who)
        self.reset_state(self.mode)

    def dV(self, V: jax.Array, t: Any, y: jax.Array, z: jax.Array, I_ext: Any) -> jax.Array:
        """``dV/dt = y - a V^3 + b V^2 - z + I_ext``."""
        V2 = V * V
        return y - as_value(self.a) * V2 * V + as_value(self.b) * V2 - z + I_ext

    def dy(self, y: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``dy/dt = c - d V^2 - y``."""
        return as_value(self.c) - as_value(self.d) * V * V - y

    def dz(self, z: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``dz/dt = r (s (V - V_rest) - z)``."""
        return as_value(self.r) * (as_value(self.s) * (V - as_value(self.V_rest)) - z)

    @property
    def derivative(self) -> JointEq:
        """The joint system ``(dV, dy, dz)``."""
        return JointEq(self.dV, self.dy, self.dz)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-initialise every Variable (``batch_size=None``: the mode's own layout)."""
        batch = self._batch(batch_size)
        self._state("V", self._V_initializer, batch)
        self._state("y", self._y_initializer, batch)
        self._state("z", self._z_initializer, batch)
        self._reset_common(batch)

    def update(self, x: Any = None) -> jax.Array:
        """Advance one step with input current ``x`` and return the spikes."""
        t, dt = self._time()
        I = self._take_input(x)
        V_old, y_old, z_old = self.V.value, self.y.value, self.z.value
        V, y, z = self.integral(V_old, y_old, z_old, t, I, dt=dt)
        V = self._add_noise(V, (V_old, y_old, z_old, t, I), dt)
        V_th = as_value(self.V_th)
        below = V_old < V_th
        if self._training:
            spike = self.spike_fun(V - V_th) * jax.lax.stop_gradient(below.astype(V.dtype))
        else:
            spike = jnp.logical_and(below, V >= V_th)
        self.V.value = V
        self.y.value = y
        self.z.value = z
        self.spike.value = spike
        return spike

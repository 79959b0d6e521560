"""The Izhikevich neuron, ``Izhikevich``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.neurons.base import (
    SpikingGroup,
    as_value,
    build_integral,
    check_initializer,
)
from brainpy_math.surrogate import inv_square_grad

__all__ = ["Izhikevich"]


class Izhikevich(SpikingGroup):
    r"""Izhikevich neurons (Izhikevich, 2003).

    BrainPy implementation of ``brainpy.neurons.Izhikevich`` (2.3.5).

    .. math::

       \frac{dV}{dt} &= 0.04 V^2 + 5 V + 140 - u + I(t) \\
       \frac{du}{dt} &= a\,(b V - u)

    and when ``V >= V_th``: a spike, ``V ← c`` and ``u ← u + d``. The defaults
    ``a=0.02, b=0.2, c=-65, d=8`` are the published *regular spiking* cortical cell;
    other ``(a, b, c, d)`` give the paper's other firing patterns (e.g. fast spiking
    ``a=0.1, d=2``; chattering ``c=-50, d=2``). ``V_th=30``.

    Args:
      size: the number of neurons, or the group's shape.
      a: the time scale of the recovery variable ``u``.
      b: the sensitivity of ``u`` to the subthreshold ``V``.
      c: the reset potential after a spike (mV).
      d: the increment of ``u`` after a spike.
      V_th: spike threshold (mV).
      tau_ref: refractory period (ms, ``>= 0``), counted in steps; ``None`` for none.
      V_initializer: initial ``V``; ``None`` (2.3.5's default) means ``-70``.
      u_initializer: initial ``u``; ``None`` means ``b * V``.
      noise: additive white noise on ``V`` (see :class:`~brainpy_dyn.neurons.LIF`).
      method: the integration method (``'exp_auto'``: exponential Euler).
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode``.
      spike_fun: the surrogate spike function used in ``TrainingMode``.
      keep_size: keep ``size`` as the Variables' shape.
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      ref_var: keep a boolean ``refractory`` Variable (needs ``tau_ref``).
      name: the group's name.

    Raises:
      ValueError: ``tau_ref < 0``, a parameter of the wrong shape, or an unknown
        ``method``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.Izhikevich(1)
      >>> group.V.value, group.u.value
      (Array([-70.], dtype=float32), Array([-14.], dtype=float32))
    """

    u: bm.Variable

    def __init__(
        self,
        size: int | tuple[int, ...],
        a: Any = 0.02,
        b: Any = 0.20,
        c: Any = -65.0,
        d: Any = 8.0,
        V_th: Any = 30.0,
        tau_ref: Any = None,
        V_initializer: Any = None,
        u_initializer: Any = None,
        noise: Any = None,
        method: str = "exp_auto",
        mode: bm.Mode | None = None,
        spike_fun: Callable[..., Any] = inv_square_grad,
        keep_size: bool = False,
        input_var: bool = True,
        ref_var: bool = False,
        name: str | None = None,
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.c = self._param(c, "c")
        self.d = self._param(d, "d")
        self.V_th = self._param(V_th, "V_th")
        self._options(tau_ref, noise, spike_fun, input_var, ref_var)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer", True)
        self._u_initializer = check_initializer(u_initializer, who, "u_initializer", True)
        self.integral = build_integral(JointEq(self.dV, self.du), method, who)
        self.reset_state(self.mode)

    def dV(self, V: jax.Array, t: Any, u: jax.Array, I_ext: Any) -> jax.Array:
        """``dV/dt = 0.04 V^2 + 5 V + 140 - u + I_ext``."""
        return 0.04 * V * V + 5.0 * V + 140.0 - u + I_ext

    def du(self, u: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``du/dt = a (b V - u)``."""
        return as_value(self.a) * (as_value(self.b) * V - u)

    @property
    def derivative(self) -> JointEq:
        """The joint system ``(dV, du)``."""
        return JointEq(self.dV, self.du)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-initialise every Variable (``batch_size=None``: the mode's own layout)."""
        batch = self._batch(batch_size)
        v_init = self._V_initializer
        if v_init is None:

            def v_init(shape: Any) -> jax.Array:
                return jnp.full(shape, -70.0, bm.get_float())

        self._state("V", v_init, batch)
        u_init = self._u_initializer
        if u_init is None:
            V = self.V.value

            def u_init(shape: Any) -> jax.Array:
                return jnp.broadcast_to(as_value(self.b) * V, shape).astype(V.dtype)

        self._state("u", u_init, batch)
        self._reset_common(batch)

    def update(self, x: Any = None) -> jax.Array:
        """Advance one step with input current ``x`` and return the spikes."""
        t, dt = self._time()
        I = self._take_input(x)
        V_old, u_old = self.V.value, self.u.value
        V, u = self.integral(V_old, u_old, t, I, dt=dt)
        V = self._add_noise(V, (V_old, u_old, t, I), dt)
        V, spike, s = self._fire(V, V_old, t, dt, self.c)
        self.V.value = V
        self.u.value = u + as_value(self.d) * s
        self.spike.value = spike
        return spike

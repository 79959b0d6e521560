r"""Fractional-order neurons: ``FractionalNeuron``, ``FractionalFHR``, ``FractionalIzhikevich``.

Their variables obey Caputo fractional differential equations ``D^α x = f(x, t)``
integrated by :class:`~brainpy_dyn.integrators.fde.CaputoL1Schema`: each step depends on
the last ``num_memory`` steps (power-law memory), and ``α = 1`` gives back the ordinary
models.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.context import share
from brainpy_dyn._src.dynsys import NeuGroup
from brainpy_dyn._src.errors import DynError
from brainpy_dyn._src.initialize.helpers import parameter, variable_
from brainpy_dyn._src.initialize.regular import OneInit, ZeroInit
from brainpy_dyn._src.integrators.fde.caputo import CaputoL1Schema
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.neurons.base import as_value, check_initializer

__all__ = ["FractionalNeuron", "FractionalFHR", "FractionalIzhikevich"]

# 2.3.5's default initializers (shared, stateless instances).
_ZERO = ZeroInit()
_V_FHR = OneInit(2.5)
_V_IZH = OneInit(-65.0)
_U_IZH = OneInit(0.20 * -65.0)


class FractionalNeuron(NeuGroup):
    """The base of fractional-order neuron groups.

    BrainPy implementation of ``brainpy.neurons.FractionalNeuron`` (2.3.5). Subclasses keep
    their state in Variables and integrate it with a fractional-order integrator
    (:mod:`brainpy_dyn.integrators.fde`); their memory holds one row per remembered step.

    Args:
      size: the number of neurons, or the group's shape.
      keep_size: keep ``size`` as the Variables' shape.
      name: the group's name.
      mode: the computing mode (``NonBatchingMode``; a batch axis is added by
        ``reset_state(batch_size)``).

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.FractionalIzhikevich(2, alpha=0.9, num_memory=50)
      >>> isinstance(group, bd.neurons.FractionalNeuron), group.num
      (True, 2)
    """

    supported_modes = (bm.NonBatchingMode,)

    def __init__(
        self,
        size: Any,
        keep_size: bool = False,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size=keep_size, name=name, mode=mode)

    def _param(self, value: Any, name: str) -> Any:
        return parameter(value, self.varshape, allow_none=False, name=name)

    def _check_memory(self, num_memory: Any) -> int:
        if isinstance(num_memory, bool) or not isinstance(num_memory, (int, np.integer)):
            raise DynError(
                f"{type(self).__name__}: num_memory must be a positive int, got {num_memory!r}."
            )
        if num_memory < 1:
            raise DynError(
                f"{type(self).__name__}: num_memory must be a positive int, got {num_memory!r}."
            )
        return int(num_memory)

    def _state(self, name: str, init: Any, batch_size: Any) -> None:
        new = variable_(init, self.varshape, batch_size)
        cur = self.__dict__.get(name)
        if isinstance(cur, bm.Variable) and cur.shape == new.shape and cur.dtype == new.dtype:
            cur.value = new.value
            return
        if cur is not None:
            object.__delattr__(self, name)
        setattr(self, name, new)

    def clear_input(self) -> None:
        """Set the accumulated ``input`` to zero (when ``input_var``)."""
        if getattr(self, "input_var", False):
            self.input.value = jnp.zeros_like(self.input.value)

    def _take_input(self, x: Any) -> Any:
        if self.input_var:
            if x is not None:
                self.input.value = self.input.value + bm.as_jax(x)
            return self.input.value
        return 0.0 if x is None else bm.as_jax(x)


class FractionalFHR(FractionalNeuron):
    r"""The fractional-order FitzHugh–Rinzel bursting neuron (Mondal et al., 2019).

    BrainPy implementation of ``brainpy.neurons.FractionalFHR`` (2.3.5):

    .. math::

       D^\alpha V &= V - V^3/3 - w + y + I \\
       D^\alpha w &= \delta\,(a + V - b w) \\
       D^\alpha y &= \mu\,(c - V - d y)

    ``V`` the membrane voltage, ``w`` the recovery variable and ``y`` the slow modulation
    of the current (``μ`` small: ``y`` drives the bursts); ``0 < α ≤ 1`` (``α = 1`` is the
    classical FitzHugh–Rinzel model). A spike is an upward crossing of ``Vth``. Integrated
    by :class:`~brainpy_dyn.integrators.fde.CaputoL1Schema` with a memory of ``num_memory``
    steps. ``update(tdi, x)`` takes the shared data first (2.3.5's calling style).

    Args:
      size: the number of neurons, or the group's shape.
      alpha: the fractional order(s), in ``(0, 1]``; one for all variables or one per
        variable ``(V, w, y)``.
      num_memory: the number of past steps kept.
      a, b, c, d, delta, mu: the model parameters.
      Vth: the spike threshold.
      V_initializer, w_initializer, y_initializer: initial values.
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      name: the group's name.
      keep_size: keep ``size`` as the Variables' shape.

    References:
      A. Mondal, S. K. Sharma, R. K. Upadhyay et al., "Firing activities of a
      fractional-order FitzHugh-Rinzel bursting neuron model and its coupled dynamics",
      Sci. Rep. 9, 15721 (2019).

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.FractionalFHR(2, alpha=0.9, num_memory=100)
      >>> runner = bd.DSRunner(group, monitors=['V'], inputs=('input', 0.5),
      ...                      progress_bar=False)
      >>> _ = runner.run(1.)
      >>> runner.mon.V.shape
      (10, 2)
    """

    def __init__(
        self,
        size: Any,
        alpha: Any,
        num_memory: int = 1000,
        a: Any = 0.7,
        b: Any = 0.8,
        c: Any = -0.775,
        d: Any = 1.0,
        delta: Any = 0.08,
        mu: Any = 0.0001,
        Vth: Any = 1.8,
        V_initializer: Any = _V_FHR,
        w_initializer: Any = _ZERO,
        y_initializer: Any = _ZERO,
        input_var: bool = True,
        name: str | None = None,
        keep_size: bool = False,
    ):
        super().__init__(size, keep_size=keep_size, name=name)
        who = type(self).__name__
        self.alpha = alpha
        self.num_memory = self._check_memory(num_memory)
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.c = self._param(c, "c")
        self.d = self._param(d, "d")
        self.delta = self._param(delta, "delta")
        self.mu = self._param(mu, "mu")
        self.Vth = self._param(Vth, "Vth")
        self.input_var = bool(input_var)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self._w_initializer = check_initializer(w_initializer, who, "w_initializer")
        self._y_initializer = check_initializer(y_initializer, who, "y_initializer")
        self._make_state(None)
        self.integral = CaputoL1Schema(
            f=self.derivative,
            alpha=alpha,
            num_memory=self.num_memory,
            inits=[self.V, self.w, self.y],
        )

    def _make_state(self, batch_size: Any) -> None:
        self._state("V", self._V_initializer, batch_size)
        self._state("w", self._w_initializer, batch_size)
        self._state("y", self._y_initializer, batch_size)
        self._state("spike", lambda s: np.zeros(s, bool), batch_size)
        if self.input_var:
            self._state("input", lambda s: np.zeros(s, bm.get_float()), batch_size)

    def reset_state(self, batch_size: int | None = None) -> None:
        """Re-initialise the Variables and forget the integrator's memory."""
        self._make_state(batch_size)
        self.integral.reset([self.V, self.w, self.y])

    def dV(self, V: jax.Array, t: Any, w: jax.Array, y: jax.Array, I: Any) -> jax.Array:
        """``D^α V = V - V^3 / 3 - w + y + I``."""
        return V - V * V * V / 3.0 - w + y + I

    def dw(self, w: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``D^α w = δ (a + V - b w)``."""
        return as_value(self.delta) * (as_value(self.a) + V - as_value(self.b) * w)

    def dy(self, y: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``D^α y = μ (c - V - d y)``."""
        return as_value(self.mu) * (as_value(self.c) - V - as_value(self.d) * y)

    @property
    def derivative(self) -> JointEq:
        """The joint system ``(dV, dw, dy)``."""
        return JointEq(self.dV, self.dw, self.dy)

    def update(self, tdi: Any, x: Any = None) -> jax.Array:
        """Advance one step (``tdi``: the shared data with ``t`` and ``dt``); return spikes."""
        t, dt = tdi["t"], tdi["dt"]
        I = self._take_input(x)
        V_old = self.V.value
        V, w, y = self.integral(V_old, self.w.value, self.y.value, t, I=I, dt=dt)
        Vth = as_value(self.Vth)
        spike = jnp.logical_and(V >= Vth, V_old < Vth)
        self.spike.value = spike
        self.V.value = V
        self.w.value = w
        self.y.value = y
        return spike


class FractionalIzhikevich(FractionalNeuron):
    r"""The fractional-order Izhikevich neuron (Teka, Upadhyay and Mondal, 2018).

    BrainPy implementation of ``brainpy.neurons.FractionalIzhikevich`` (2.3.5):

    .. math::

       \tau\, D^\alpha V &= f V^2 + g V + h - u + R I \\
       \tau\, D^\alpha u &= a\,(b V - u)

    and when ``V >= V_th``: a spike, ``V ← c`` and ``u ← u + d``. ``0 < α ≤ 1``
    (``α = 1`` is the classical model). Integrated by
    :class:`~brainpy_dyn.integrators.fde.CaputoL1Schema` with a memory of ``num_memory``
    steps; a reset enters the memory as a jump of the state.

    Args:
      size: the number of neurons, or the group's shape.
      alpha: the fractional order(s), in ``(0, 1]``.
      num_memory: the number of past steps kept.
      a, b, c, d: the recovery time scale, sensitivity, reset potential and reset jump.
      f, g, h: the quadratic voltage coefficients.
      R: the membrane resistance.
      tau: the time constant.
      V_th: the spike peak (mV).
      V_initializer, u_initializer: initial values.
      keep_size: keep ``size`` as the Variables' shape.
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      name: the group's name.

    References:
      W. W. Teka, R. K. Upadhyay, A. Mondal, "Spiking and bursting patterns of
      fractional-order Izhikevich model", Commun. Nonlinear Sci. Numer. Simul. 56,
      161–176 (2018).

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.FractionalIzhikevich(3, alpha=0.95, num_memory=200)
      >>> runner = bd.DSRunner(group, monitors=['spike'], inputs=('input', 10.),
      ...                      progress_bar=False)
      >>> _ = runner.run(20.)
      >>> bool(runner.mon.spike.any())
      True
    """

    pass_shared = False

    def __init__(
        self,
        size: Any,
        alpha: Any,
        num_memory: int,
        a: Any = 0.02,
        b: Any = 0.20,
        c: Any = -65.0,
        d: Any = 8.0,
        f: Any = 0.04,
        g: Any = 5.0,
        h: Any = 140.0,
        R: Any = 1.0,
        tau: Any = 1.0,
        V_th: Any = 30.0,
        V_initializer: Any = _V_IZH,
        u_initializer: Any = _U_IZH,
        keep_size: bool = False,
        input_var: bool = True,
        name: str | None = None,
    ):
        super().__init__(size, keep_size=keep_size, name=name)
        who = type(self).__name__
        self.alpha = alpha
        self.num_memory = self._check_memory(num_memory)
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.c = self._param(c, "c")
        self.d = self._param(d, "d")
        self.f = self._param(f, "f")
        self.g = self._param(g, "g")
        self.h = self._param(h, "h")
        self.R = self._param(R, "R")
        self.tau = self._param(tau, "tau")
        self.V_th = self._param(V_th, "V_th")
        self.input_var = bool(input_var)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self._u_initializer = check_initializer(u_initializer, who, "u_initializer")
        self._make_state(None)
        self.integral = CaputoL1Schema(
            f=self.derivative,
            alpha=alpha,
            num_memory=self.num_memory,
            inits=[self.V, self.u],
        )

    def _make_state(self, batch_size: Any) -> None:
        self._state("V", self._V_initializer, batch_size)
        self._state("u", self._u_initializer, batch_size)
        self._state("spike", lambda s: np.zeros(s, bool), batch_size)
        if self.input_var:
            self._state("input", lambda s: np.zeros(s, bm.get_float()), batch_size)

    def reset_state(self, batch_size: int | None = None) -> None:
        """Re-initialise the Variables and forget the integrator's memory."""
        self._make_state(batch_size)
        self.integral.reset([self.V, self.u])

    def dV(self, V: jax.Array, t: Any, u: jax.Array, I_ext: Any) -> jax.Array:
        """``τ D^α V = f V^2 + g V + h - u + R I``."""
        dVdt = (
            as_value(self.f) * V * V
            + as_value(self.g) * V
            + as_value(self.h)
            - u
            + as_value(self.R) * I_ext
        )
        return dVdt / as_value(self.tau)

    def du(self, u: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``τ D^α u = a (b V - u)``."""
        return as_value(self.a) * (as_value(self.b) * V - u) / as_value(self.tau)

    @property
    def derivative(self) -> JointEq:
        """The joint system ``(dV, du)``."""
        return JointEq(self.dV, self.du)

    def update(self, x: Any = None) -> jax.Array:
        """Advance one step with input current ``x``; return the spikes."""
        t, dt = share.load("t"), share.load("dt")
        I = self._take_input(x)
        V, u = self.integral(self.V.value, self.u.value, t, I_ext=I, dt=dt)
        spike = V >= as_value(self.V_th)
        self.V.value = jnp.where(spike, as_value(self.c), V)
        self.u.value = jnp.where(spike, u + as_value(self.d), u)
        self.spike.value = spike
        return spike

r"""Caputo fractional differential equations: the fractional Euler and the L1 schemes.

For ``0 < α ≤ 1`` the Caputo derivative of ``x`` is
``D^α x(t) = Γ(1−α)^{-1} ∫_0^t x'(u) (t − u)^{-α} du``; the equation ``D^α x = f(x, t)``
with ``x(0) = x₀`` is equivalent to the Volterra equation
``x(t) = x₀ + Γ(α)^{-1} ∫_0^t (t − u)^{α−1} f(x(u), u) du``. For the linear equation
``D^α x = λ x`` the solution is the Mittag-Leffler function ``x₀ E_α(λ t^α)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.integrators.fde.base import FDEIntegrator, check_inits, refill, ring_index

__all__ = ["CaputoEuler", "CaputoL1Schema"]


class CaputoEuler(FDEIntegrator):
    r"""The fractional (rectangle-rule) Euler method for Caputo equations.

    BrainPy implementation of ``brainpy.fde.CaputoEuler`` (2.3.5), ``fdeint(method='euler')``.
    The Volterra form of ``D^α x = f(x, t)`` is discretised with ``f`` held constant over
    each step:

    .. math::

       x_{n+1} = x_0 + \frac{h^\alpha}{\Gamma(\alpha + 1)} \sum_{j=0}^{n}
                 \big[(n + 1 - j)^\alpha - (n - j)^\alpha\big] f(x_j, t_j),

    first order in ``h`` (Li & Zeng 2013; the predictor of Diethelm's fractional Adams
    method). The last ``num_memory`` values of ``f`` are kept (``f_states``; ``idx`` is the
    next slot); use ``num_memory`` at least the number of steps for the full memory.

    Note:
      BrainPy 2.3.5 multiplied ``x₀`` by ``h^α/α`` along with the sum, so its solution did
      not start from ``x₀``; here ``x₀`` is added as the formula says.

    Args:
      f: the right-hand side (see :class:`~brainpy_dyn.integrators.fde.FDEIntegrator`).
      alpha: the order(s), in ``(0, 1)``.
      num_memory: the number of past values of ``f`` kept.
      inits: the initial values ``x₀`` (a sequence in the order of the variables, or a dict).
      dt: the default step.
      name: the integrator's name.
      state_delays: variable name -> delay variable updated with each new state.

    Examples:
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.fde.CaputoEuler(lambda x, t: -x, alpha=0.9, num_memory=10,
      ...                                      inits=[1.])
      >>> x = itg(1., 0., dt=0.1)
      >>> x.shape
      (1,)
    """

    alpha_range = (0.0, 1.0, False)

    def __init__(
        self,
        f: Callable[..., Any],
        alpha: Any,
        num_memory: int,
        inits: Any,
        dt: float | None = None,
        name: str | None = None,
        state_delays: dict[str, Any] | None = None,
    ):
        super().__init__(
            f, alpha=alpha, num_memory=num_memory, dt=dt, name=name, state_delays=state_delays
        )
        values = check_inits(inits, self.variables, type(self).__name__)
        m = self.num_memory
        lags = np.arange(m + 1, dtype=np.float64)[:, None]
        weights = np.diff(lags**self.alpha, axis=0)  # row k: (k + 1)^α − k^α
        gamma = np.array([math.gamma(a + 1) for a in self.alpha])
        self.coef = bm.asarray(np.flip(weights / gamma, axis=0), dtype=bm.get_float())
        self.inits = {v: bm.Variable(val) for v, val in values.items()}
        self.f_states = {
            v: bm.Variable(jnp.zeros((m, *val.shape), val.dtype)) for v, val in values.items()
        }
        self.idx = bm.Variable(jnp.zeros(1, dtype=bm.get_int()))
        self.set_integral(self._integral_func)

    def reset(self, inits: Any) -> None:
        """Forget the memory and restart from ``inits``."""
        values = check_inits(inits, self.variables, type(self).__name__)
        self.idx.value = jnp.zeros(1, dtype=self.idx.dtype)
        for v, val in values.items():
            refill(self.inits, v, val)
            refill(self.f_states, v, jnp.zeros((self.num_memory, *val.shape), val.dtype))

    def _integral_func(self, **kwargs: Any) -> Any:
        xs, t, dt, rhs = self._prepare(kwargs)
        devs = rhs(xs, t)
        slot = self.idx.value[0]
        rows = ring_index(slot, self.num_memory)
        coef = bm.as_jax(self.coef)
        new = []
        for i, (v, x, dev) in enumerate(zip(self.variables, xs, devs)):
            memory = self.f_states[v]
            x = self._match(v, x, memory)
            states = memory.value.at[slot].set(jnp.broadcast_to(dev, x.shape).astype(x.dtype))
            memory.value = states
            total = jnp.tensordot(coef[rows, i].astype(x.dtype), states, axes=1)
            new.append(self.inits[v].value + dt ** self.alpha[i] * total)
        self.idx.value = (self.idx.value + 1) % self.num_memory
        return self._finish(new, xs)


class CaputoL1Schema(FDEIntegrator):
    r"""The L1 scheme for Caputo equations.

    BrainPy implementation of ``brainpy.fde.CaputoL1Schema`` (2.3.5),
    ``fdeint(method='l1')``. The L1 approximation of the Caputo derivative,

    .. math::

       D^\alpha x(t_{n+1}) \approx \frac{h^{-\alpha}}{\Gamma(2-\alpha)}
       \sum_{k=0}^{n} b_{n-k}\,(x_{k+1} - x_k), \qquad b_j = (j + 1)^{1-\alpha} - j^{1-\alpha},

    set equal to ``f(x_n, t_n)`` gives the explicit step

    .. math::

       x_{n+1} = x_n + h^\alpha\,\Gamma(2-\alpha)\,f(x_n, t_n)
                 - \sum_{k=0}^{n-1} b_{n-k}\,(x_{k+1} - x_k)

    (a *Markov term* minus a *memory trace*). The integrator keeps the last ``num_memory``
    differences ``x_{k+1} − x_k`` (``diff_states['<var>_diff']``, ring slot ``idx``), the
    previous state (``inits``), and the weights ``coef`` (row ``j`` holds
    ``b_{num_memory − j}``, one column per variable). The state given at each call is
    taken as ``x_n``, so a model may change it between steps (a spike reset).

    Args:
      f: the right-hand side.
      alpha: the order(s), in ``(0, 1]``.
      num_memory: the number of past differences kept.
      inits: the initial values ``x₀`` (a sequence in the order of the variables, or a dict).
      dt: the default step.
      name: the integrator's name.
      state_delays: variable name -> delay variable updated with each new state.

    Examples:
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.fde.CaputoL1Schema(lambda x, t: -x, alpha=0.9, num_memory=10,
      ...                                         inits=[1.])
      >>> x = itg(1., 0., dt=0.1)
      >>> x.shape
      (1,)
    """

    alpha_range = (0.0, 1.0, True)

    def __init__(
        self,
        f: Callable[..., Any],
        alpha: Any,
        num_memory: int,
        inits: Any,
        dt: float | None = None,
        name: str | None = None,
        state_delays: dict[str, Any] | None = None,
    ):
        super().__init__(
            f, alpha=alpha, num_memory=num_memory, dt=dt, name=name, state_delays=state_delays
        )
        values = check_inits(inits, self.variables, type(self).__name__)
        m = self.num_memory
        steps = np.arange(1, m + 2, dtype=np.float64)[:, None]
        weights = np.diff(steps ** (1 - self.alpha), axis=0)  # row k: b_{k+1}
        self.coef = bm.asarray(np.flip(weights, axis=0), dtype=bm.get_float())
        self.gamma_alpha = np.array([math.gamma(2 - a) for a in self.alpha])
        self.inits = {v: bm.Variable(val) for v, val in values.items()}
        self.diff_states = {
            f"{v}_diff": bm.Variable(jnp.zeros((m, *val.shape), val.dtype))
            for v, val in values.items()
        }
        self.idx = bm.Variable(jnp.full(1, m - 1, dtype=bm.get_int()))
        self.set_integral(self._integral_func)

    def reset(self, inits: Any) -> None:
        """Forget the memory and restart from ``inits``."""
        values = check_inits(inits, self.variables, type(self).__name__)
        self.idx.value = jnp.full(1, self.num_memory - 1, dtype=self.idx.dtype)
        for v, val in values.items():
            refill(self.inits, v, val)
            memory = jnp.zeros((self.num_memory, *val.shape), val.dtype)
            refill(self.diff_states, f"{v}_diff", memory)

    def hists(self, var: str | None = None, numpy: bool = True) -> Any:
        """The remembered states, oldest first: ``num_memory + 1`` rows, the last one ``x_n``.

        Rows older than the first step repeat the initial value.

        Args:
          var: one variable's name; ``None``: a dict of every variable's history.
          numpy: return NumPy arrays (else JAX arrays).

        Raises:
          ValueError: ``var`` is not a variable of the equation.
        """
        if var is not None and var not in self.variables:
            raise ValueError(
                f"{self._name}.hists: var must be one of the variables {self.variables}, "
                f"got {var!r}."
            )
        order = (int(np.asarray(self.idx.value)[0]) + np.arange(self.num_memory)) % (
            self.num_memory
        )
        out = {}
        for v in self.variables if var is None else [var]:
            diffs = bm.as_jax(self.diff_states[f"{v}_diff"].value)[order]
            last = bm.as_jax(self.inits[v].value)
            first = last - jnp.sum(diffs, axis=0)
            states = jnp.concatenate([first[None], first[None] + jnp.cumsum(diffs, axis=0)])
            out[v] = np.asarray(states) if numpy else states
        return out if var is None else out[var]

    def _integral_func(self, **kwargs: Any) -> Any:
        xs, t, dt, rhs = self._prepare(kwargs)
        devs = rhs(xs, t)
        slot = self.idx.value[0]
        rows = ring_index(slot, self.num_memory)
        coef = bm.as_jax(self.coef)
        new = []
        for i, (v, x, dev) in enumerate(zip(self.variables, xs, devs)):
            memory = self.diff_states[f"{v}_diff"]
            x = self._match(v, x, memory)
            previous = self.inits[v]
            diffs = memory.value.at[slot].set(x - previous.value)
            memory.value = diffs
            previous.value = x
            trace = jnp.tensordot(coef[rows, i].astype(x.dtype), diffs, axes=1)
            markov = x + dt ** self.alpha[i] * self.gamma_alpha[i] * dev
            new.append(markov - trace)
        self.idx.value = (self.idx.value + 1) % self.num_memory
        return self._finish(new, xs)

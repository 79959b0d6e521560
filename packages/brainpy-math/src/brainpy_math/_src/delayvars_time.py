"""``TimeDelay``: the recent history of an array, read at any past time.

The history is a ring buffer of ``num_delay_step = ceil(delay_len / dt) + 1`` rows, on the
grid ``current_time - k * dt``. ``idx[0]`` points at the oldest row; ``update(value)`` writes
``value`` there (it becomes the newest row) and advances time by ``dt``. A request between two
grid times is interpolated linearly (``interp_method='linear_interp'``) or answered by the
nearest row (``'round'``). Before ``t0`` the history is ``before_t0``: a number, an array of
rows (oldest first), or a function of time evaluated exactly.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from brainpy_math._src import environment
from brainpy_math._src.array import Array, _return, as_jax
from brainpy_math._src.delayvars import (
    AbstractDelay,
    fill_rows,
    is_tracer,
    real_number,
    target_array,
)
from brainpy_math._src.public_path import set_module

__all__ = ["NeuTimeDelay", "TimeDelay"]

_INTERP_METHODS = ("linear_interp", "round")


def num_grid_steps(delay_len: float, dt: float) -> int:
    """``ceil(delay_len / dt)``, read as a whole number when the ratio is one up to rounding."""
    ratio = delay_len / dt
    nearest = round(ratio)
    return int(nearest) if abs(ratio - nearest) <= 1e-6 * max(1.0, ratio) else math.ceil(ratio)


class TimeDelay(AbstractDelay):
    """The recent history of an array, read at any past time with interpolation.

    For delay differential equations: ``delay(t - tau)`` returns the value the target had at
    time ``t - tau``, for any ``t - tau`` in ``[current_time - delay_len, current_time]``.
    The state (``data``, ``idx``, ``current_time``) lives in Variables, so a delay works
    inside ``bm.jit`` and ``bm.for_loop``.

    Args:
      delay_target: the array whose history is kept; its value is the history at ``t0``.
      delay_len: the longest delay, in time units (``>= 0``).
      before_t0: the history before ``t0``: ``None`` (zeros), a number, an array of the
        ``num_delay_step - 1`` rows before ``t0`` (oldest first, at times
        ``t0 - (num_delay_step - 1) * dt, ..., t0 - dt``; anything that broadcasts to
        ``(num_delay_step - 1, *target.shape)``), or a function ``f(t)`` evaluated exactly
        for every request before ``t0``.
      t0: the time of the current value.
      dt: the time step between two updates; the global ``bm.get_dt()`` by default.
      name: the object name.
      interp_method: ``'linear_interp'`` (linear between grid times) or ``'round'`` (the
        nearest grid time).

    Requests later than ``current_time`` or earlier than ``current_time - delay_len - dt``
    raise :class:`ValueError` when the time is concrete; a traced request (inside ``jit``)
    is clipped to the stored window instead.

    Examples:
      >>> import brainpy_math as bm
      >>> delay = bm.TimeDelay(bm.zeros(2), delay_len=1., dt=0.5, before_t0=lambda t: t)
      >>> delay(-0.25)
      Array([-0.25, -0.25], dtype=float32)
      >>> delay.update(bm.ones(2))
      >>> delay(0.25)
      Array([0.5, 0.5], dtype=float32)
    """

    def __init__(
        self,
        delay_target: Any,
        delay_len: float | int,
        before_t0: Callable | Array | jax.Array | float | int | None = None,
        t0: float | int = 0.0,
        dt: float | int | None = None,
        name: str | None = None,
        interp_method: str = "linear_interp",
    ):
        super().__init__(name=name)
        owner = type(self).__name__
        if interp_method not in _INTERP_METHODS:
            raise ValueError(
                f"{owner}: interp_method must be one of {_INTERP_METHODS}, got {interp_method!r}."
            )
        self.interp_method = interp_method
        self.dt = real_number(owner, "dt", environment.get_dt() if dt is None else dt, True)
        self.data = None
        self.idx = None
        self.current_time = None
        self.reset(delay_target, delay_len, t0, before_t0)

    # ------------------------------------------------------------------ setup
    def reset(
        self,
        delay_target: Any,
        delay_len: float | int,
        t0: float | int = 0.0,
        before_t0: Callable | Array | jax.Array | float | int | None = None,
    ) -> None:
        """Start a new history: ``delay_target`` at ``t0``, ``before_t0`` before it.

        Args:
          delay_target: the array at time ``t0``.
          delay_len: the longest delay, in time units.
          t0: the time of ``delay_target``.
          before_t0: the history before ``t0`` (see the class arguments).
        """
        owner = self.name
        target = target_array(owner, delay_target)
        self.delay_len = real_number(owner, "delay_len", delay_len)
        if is_tracer(t0) or isinstance(t0, bool):
            raise ValueError(f"{owner}: t0 must be a concrete number, got {t0!r}.")
        try:
            self.t0 = float(as_jax(t0))
        except (TypeError, ValueError):
            raise ValueError(f"{owner}: t0 must be a number, got {t0!r}.") from None
        self.num_delay_step = num_grid_steps(self.delay_len, self.dt) + 1
        self.shape = tuple(target.shape)
        dtype = target.dtype
        n_before = self.num_delay_step - 1
        if before_t0 is None:
            self._before_fn = None
            history = jnp.zeros((n_before, *self.shape), dtype)
        elif callable(before_t0) and not isinstance(before_t0, (Array, jax.Array, np.ndarray)):
            self._before_fn = before_t0
            times = self.t0 + self.dt * np.arange(-n_before, 0)
            history = self._evaluate_history(times, dtype)
        elif isinstance(before_t0, (Array, jax.Array, np.ndarray, np.generic, int, float, bool)):
            self._before_fn = None
            history = fill_rows(owner, "before_t0", before_t0, (n_before, *self.shape), dtype)
        else:
            raise TypeError(
                f"{owner}: before_t0 must be None, a number, an array or a function of time, "
                f"got {type(before_t0).__name__}: {before_t0!r}."
            )
        self._put_variable("data", jnp.concatenate([history, target[None]], axis=0))
        self._put_variable("idx", jnp.zeros((1,), jnp.int32))
        self._put_variable("current_time", jnp.asarray([self.t0], environment.get_float()))

    def _before(self, time: jax.Array, dtype: Any) -> jax.Array:
        value = jnp.asarray(as_jax(self._before_fn(time)))
        try:
            return jnp.broadcast_to(value, self.shape).astype(dtype)
        except ValueError:
            raise ValueError(
                f"{self.name}: before_t0(t) must return a number or an array that broadcasts "
                f"to the target shape {self.shape}, got shape {tuple(value.shape)}."
            ) from None

    def _evaluate_history(self, times: np.ndarray, dtype: Any) -> jax.Array:
        if times.size == 0:
            return jnp.zeros((0, *self.shape), dtype)
        ts = jnp.asarray(times, environment.get_float())
        try:
            return jax.vmap(lambda t: self._before(t, dtype))(ts)
        except (jax.errors.JAXTypeError, TypeError):  # a function that wants concrete floats
            return jnp.stack([self._before(float(t), dtype) for t in times])

    # ------------------------------------------------------------------ state
    @property
    def delay_shape(self) -> tuple[int, ...]:
        """The shape of the history buffer, ``(num_delay_step, *target shape)``."""
        return tuple(self.data.shape)

    @property
    def delay_target_shape(self) -> tuple[int, ...]:
        """The shape of the delayed array."""
        return self.shape

    @property
    def latest(self) -> Array:
        """The newest value, the one at ``current_time``."""
        row = (self.idx.value[0] - 1) % self.num_delay_step
        return _return(lax.dynamic_index_in_dim(self.data.value, row, 0, keepdims=False))

    def update(self, value: Any) -> None:
        """Append ``value`` as the history at ``current_time + dt`` (dropping the oldest row).

        Args:
          value: the new value, of the target's shape (or broadcastable to it).
        """
        data = self.data.value
        new = jnp.asarray(as_jax(value))
        try:
            new = jnp.broadcast_to(new, self.shape).astype(data.dtype)
        except ValueError:
            raise ValueError(
                f"{self.name}: update() needs a value of the target shape {self.shape}, got "
                f"shape {tuple(new.shape)}."
            ) from None
        i = self.idx.value[0]
        self.data.value = lax.dynamic_update_index_in_dim(data, new, i, 0)
        self.idx.value = jnp.reshape((i + 1) % self.num_delay_step, (1,)).astype(jnp.int32)
        # t0 + k * dt from the step count, so that float rounding does not pile up over a run.
        now = self.current_time.value
        steps = jnp.round((now - self.t0) / self.dt) + 1
        self.current_time.value = (self.t0 + steps * self.dt).astype(now.dtype)

    # ------------------------------------------------------------------- read
    def __call__(self, time: Any, indices: Any = None) -> Array:
        """The value at ``time`` (``indices`` select elements of it)."""
        value = self._at(time)
        if indices is not None:
            value = value[as_jax(indices) if not isinstance(indices, tuple) else indices]
        return _return(value)

    def retrieve(self, time: Any, *indices: Any) -> Array:
        """The value at ``time``, indexed by ``indices`` (``retrieve(t, i)`` is ``delay(t)[i]``)."""
        value = self._at(time)
        return _return(value[tuple(as_jax(i) for i in indices)] if indices else value)

    def _at(self, time: Any) -> jax.Array:
        t = jnp.asarray(as_jax(time))
        if t.ndim != 0:
            raise ValueError(f"{self.name}: time must be a scalar, got shape {tuple(t.shape)}.")
        now = self.current_time.value[0]
        self._check_window(time, now)
        data = self.data.value
        out_dtype = data.dtype if jnp.issubdtype(data.dtype, jnp.inexact) else now.dtype
        t = t.astype(now.dtype)

        def after(t):
            return self._interpolate(data, t, now, out_dtype)

        if self._before_fn is None:
            return after(t)
        return lax.cond(t < self.t0, lambda t: self._before(t, out_dtype), after, t)

    def _check_window(self, time: Any, now: Any) -> None:
        if is_tracer(time) or is_tracer(now):
            return
        t, c = float(as_jax(time)), float(now)
        tol = 1e-3 * self.dt + 8 * float(np.finfo(np.asarray(now).dtype).eps) * max(abs(c), 1.0)
        if t > c + tol:
            raise ValueError(
                f"{self.name}: the requested time must not be later than the current time "
                f"{c}, got {t}."
            )
        if t < c - self.delay_len - self.dt - tol:
            raise ValueError(
                f"{self.name}: the requested time must lie in [current_time - delay_len, "
                f"current_time] = [{c - self.delay_len}, {c}], got {t}."
            )

    def _interpolate(self, data: jax.Array, t: jax.Array, now: jax.Array, dtype: Any) -> Any:
        n = self.num_delay_step
        oldest = self.idx.value[0]
        # Position on the grid, 0 = the oldest row, n - 1 = the newest (current_time).
        pos = jnp.clip((t - now) / self.dt + (n - 1), 0, n - 1)

        def row(k: jax.Array) -> jax.Array:
            r = (oldest + k.astype(jnp.int32)) % n
            return lax.dynamic_index_in_dim(data, r, 0, keepdims=False).astype(dtype)

        if self.interp_method == "round":
            return row(jnp.round(pos))
        lo = jnp.clip(jnp.floor(pos), 0, max(n - 2, 0))
        frac = (pos - lo).astype(dtype)
        below, above = row(lo), row(jnp.minimum(lo + 1, n - 1))
        return jnp.where(frac == 0, below, below + (above - below) * frac)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(name={self.name!r}, delay_len={self.delay_len}, "
            f"dt={self.dt}, num_delay_step={self.num_delay_step}, shape={self.shape}, "
            f"interp_method={self.interp_method!r})"
        )


class NeuTimeDelay(TimeDelay):
    """A :class:`TimeDelay` for the neutral terms of a delay differential equation.

    It stores and reads its history exactly as :class:`TimeDelay` does; the integrators
    (``bp.odeint(..., neutral_delays={...})``) tell it apart from a state delay.

    Examples:
      >>> import brainpy_math as bm
      >>> delay = bm.NeuTimeDelay(bm.zeros(1), delay_len=1., before_t0=2.)
      >>> delay(-0.5)
      Array([2.], dtype=float32)
    """


set_module("brainpy_math", TimeDelay, NeuTimeDelay)

# ``__module__`` is the public one, so pytest's doctest finder needs to be told.
__test__ = {"TimeDelay": TimeDelay, "NeuTimeDelay": NeuTimeDelay}

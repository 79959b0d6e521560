"""``LengthDelay``: the last ``delay_len`` values of an array, read by a number of steps.

The buffer has ``num_delay_step = delay_len + 1`` rows. ``delay(0)`` is the newest value (the
target at construction, then the last value pushed by ``update``), ``delay(k)`` the value
pushed ``k`` updates before it. Two layouts:

* ``'rotation'`` (:data:`ROTATE_UPDATE`): the newest value sits at row ``idx[0]`` and older
  ones follow, wrapping around (``delay(k)`` is row ``(idx[0] + k) % num_delay_step``); an
  update moves ``idx`` one row back and overwrites that row: O(1) per step.
* ``'concat'`` (:data:`CONCAT_UPDATE`): the newest value is row 0 and ``delay(k)`` is row
  ``k``; an update shifts every row down by one.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from brainpy_math._src.array import Array, _return, as_jax
from brainpy_math._src.delayvars import (
    CONCAT_UPDATE,
    ROTATE_UPDATE,
    AbstractDelay,
    fill_rows,
    is_tracer,
    target_array,
)
from brainpy_math._src.public_path import set_module
from brainpy_math._src.variable import Variable

__all__ = ["LengthDelay", "NeuLenDelay"]


class LengthDelay(AbstractDelay):
    """The last ``delay_len`` values of an array, read by a number of steps.

    The state (``data``, and ``idx`` for the rotation layout) lives in Variables, so a delay
    works inside ``bm.jit`` and ``bm.for_loop``.

    Args:
      delay_target: the array whose past values are kept; it is the newest value at first.
      delay_len: how many past values are kept (an int ``>= 0``).
      initial_delay_data: the ``delay_len`` older values at first: ``None`` (zeros), a
        number, an array that broadcasts to ``(delay_len, *target.shape)`` (row 0 is one step
        old), or a function ``f(shape, dtype=...)`` that returns such an array.
      name: the object name.
      batch_axis: the batch axis of the buffer; by default the target Variable's batch axis
        plus one.
      update_method: ``'rotation'`` (:data:`ROTATE_UPDATE`) or ``'concat'``
        (:data:`CONCAT_UPDATE`); both give the same values.

    Examples:
      >>> import brainpy_math as bm
      >>> delay = bm.LengthDelay(bm.zeros(2), 3, initial_delay_data=bm.asarray([[1.], [2.], [3.]]))
      >>> delay(2)
      Array([2., 2.], dtype=float32)
      >>> delay.update(bm.ones(2) * 9.)
      >>> delay(0), delay(3)
      (Array([9., 9.], dtype=float32), Array([2., 2.], dtype=float32))
    """

    def __init__(
        self,
        delay_target: Array | jax.Array,
        delay_len: int,
        initial_delay_data: float | int | bool | Array | jax.Array | Callable | None = None,
        name: str | None = None,
        batch_axis: int | None = None,
        update_method: str = ROTATE_UPDATE,
    ):
        super().__init__(name=name)
        if update_method not in (ROTATE_UPDATE, CONCAT_UPDATE):
            raise ValueError(
                f"{type(self).__name__}: update_method must be {ROTATE_UPDATE!r} or "
                f"{CONCAT_UPDATE!r}, got {update_method!r}."
            )
        self.update_method = update_method
        self.data = None
        self.idx = None
        self.num_delay_step = None
        self.reset(delay_target, delay_len, initial_delay_data, batch_axis)

    def reset(
        self,
        delay_target: Any,
        delay_len: int | None = None,
        initial_delay_data: float | int | bool | Array | jax.Array | Callable | None = None,
        batch_axis: int | None = None,
    ) -> None:
        """Start again from ``delay_target`` (the newest value) and ``initial_delay_data``.

        Args:
          delay_target: the newest value.
          delay_len: the number of past values kept; the current one when ``None``.
          initial_delay_data: the older values (see the class arguments).
          batch_axis: the batch axis of the buffer.
        """
        owner = self.name
        target = target_array(owner, delay_target)
        if delay_len is None:
            if self.num_delay_step is None:
                raise ValueError(f"{owner}: delay_len must be an int >= 0, got None.")
            delay_len = self.num_delay_step - 1
        if isinstance(delay_len, (bool, np.bool_)) or not isinstance(delay_len, numbers.Integral):
            raise ValueError(
                f"{owner}: delay_len must be an int >= 0 (a number of steps), got "
                f"{type(delay_len).__name__}: {delay_len!r}."
            )
        delay_len = int(delay_len)
        if delay_len < 0:
            raise ValueError(f"{owner}: delay_len must be an int >= 0, got {delay_len}.")
        if batch_axis is None and isinstance(delay_target, Variable):
            if delay_target.batch_axis is not None:
                batch_axis = delay_target.batch_axis + 1
        self.num_delay_step = delay_len + 1
        rows = (delay_len, *target.shape)
        if initial_delay_data is None:
            history = jnp.zeros(rows, target.dtype)
        elif isinstance(initial_delay_data, (Array, jax.Array, np.ndarray, np.generic)) or (
            isinstance(initial_delay_data, (int, float, bool))
        ):
            history = fill_rows(owner, "initial_delay_data", initial_delay_data, rows, target.dtype)
        elif callable(initial_delay_data):
            made = initial_delay_data(rows, dtype=target.dtype)
            history = fill_rows(owner, "initial_delay_data(shape)", made, rows, target.dtype)
        else:
            raise TypeError(
                f"{owner}: initial_delay_data must be None, a number, an array or a function "
                f"f(shape, dtype), got {type(initial_delay_data).__name__}: "
                f"{initial_delay_data!r}."
            )
        self._put_variable("data", jnp.concatenate([target[None], history]), batch_axis)
        if self.update_method == ROTATE_UPDATE:
            self._put_variable("idx", jnp.zeros((1,), jnp.int32))

    # ------------------------------------------------------------------ state
    @property
    def delay_shape(self) -> tuple[int, ...]:
        """The shape of the buffer, ``(num_delay_step, *target shape)``."""
        return tuple(self.data.shape)

    @property
    def delay_target_shape(self) -> tuple[int, ...]:
        """The shape of the delayed array."""
        return tuple(self.data.shape[1:])

    @property
    def latest(self) -> Array:
        """The newest value (``delay(0)``)."""
        return self.retrieve(0)

    def update(self, value: float | int | bool | Array | jax.Array) -> None:
        """Push ``value`` as the newest value; the oldest one is dropped.

        Args:
          value: the new value, of the target's shape (or broadcastable to it).
        """
        data = self.data.value
        new = jnp.asarray(as_jax(value))
        try:
            new = jnp.broadcast_to(new, data.shape[1:]).astype(data.dtype)
        except ValueError:
            raise ValueError(
                f"{self.name}: update() needs a value of the target shape "
                f"{tuple(data.shape[1:])}, got shape {tuple(new.shape)}."
            ) from None
        if self.update_method == ROTATE_UPDATE:
            row = (self.idx.value[0] - 1) % self.num_delay_step
            self.data.value = lax.dynamic_update_index_in_dim(data, new, row, 0)
            self.idx.value = jnp.reshape(row, (1,)).astype(jnp.int32)
        else:
            self.data.value = jnp.concatenate([new[None], data[:-1]])

    # ------------------------------------------------------------------- read
    def __call__(self, delay_len: Any, *indices: Any) -> Array:
        """The value ``delay_len`` updates old (see :meth:`retrieve`)."""
        return self.retrieve(delay_len, *indices)

    def retrieve(self, delay_len: Any, *indices: Any) -> Array:
        """The value pushed ``delay_len`` updates before the newest one.

        Args:
          delay_len: an int in ``[0, delay_len]``, or an integer array (one step per element
            of the first index).
          *indices: indices into the target (``delay(steps, jnp.arange(n))`` reads neuron
            ``i`` at its own step ``steps[i]``).

        Raises:
          ValueError: a non-integer step, or a concrete step outside ``[0, num_delay_step)``.
        """
        if isinstance(delay_len, (bool, np.bool_)):
            raise ValueError(f"{self.name}: delay_len must be an integer, got {delay_len!r}.")
        raw = as_jax(delay_len)
        step = raw if is_tracer(raw) else np.asarray(raw)
        if not jnp.issubdtype(step.dtype, jnp.integer):
            raise ValueError(
                f"{self.name}: delay_len must be an integer or an integer array, got "
                f"{delay_len!r} of dtype {step.dtype}."
            )
        if not is_tracer(step):
            concrete = step
            if np.any(concrete < 0) or np.any(concrete >= self.num_delay_step):
                raise ValueError(
                    f"{self.name}: delay_len must lie in [0, {self.num_delay_step - 1}] (the "
                    f"number of kept steps), got {delay_len!r}."
                )
        if self.update_method == ROTATE_UPDATE:
            row = lax.stop_gradient((self.idx.value[0] + step) % self.num_delay_step)
        else:
            row = jnp.asarray(step)
        data = self.data.value
        if row.ndim == 0 and not indices:
            return _return(lax.dynamic_index_in_dim(data, row, 0, keepdims=False))
        return _return(data[(row, *(as_jax(i) for i in indices))])

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(name={self.name!r}, num_delay_step={self.num_delay_step}, "
            f"delay_target_shape={self.delay_target_shape}, "
            f"update_method={self.update_method!r})"
        )


class NeuLenDelay(LengthDelay):
    """A :class:`LengthDelay` for the neutral terms of a delay differential equation.

    It stores and reads its values exactly as :class:`LengthDelay` does; the integrators
    (``bp.odeint(..., neutral_delays={...})``) tell it apart from a state delay.

    Examples:
      >>> import brainpy_math as bm
      >>> delay = bm.NeuLenDelay(bm.zeros(1), 2, initial_delay_data=5.)
      >>> delay(2)
      Array([5.], dtype=float32)
    """


set_module("brainpy_math", LengthDelay, NeuLenDelay)

# ``__module__`` is the public one, so pytest's doctest finder needs to be told.
__test__ = {"LengthDelay": LengthDelay, "NeuLenDelay": NeuLenDelay}

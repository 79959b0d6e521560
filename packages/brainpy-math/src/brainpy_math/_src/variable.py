"""``Variable`` and ``TrainVar``: the mutable state of models."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from brainpy_math._src.array import Array, _unflatten_for, as_jax, to_jax
from brainpy_math._src.errors import VariableDtypeError, VariableShapeError
from brainpy_math._src.public_path import set_module
from brainpy_math._src.state_trace import TRACE_STACK

__all__ = ["Variable", "TrainVar", "Parameter"]


def assignable(new_value: Any) -> jax.Array:
    """``new_value`` as the JAX array a Variable stores, with a strong dtype.

    A weakly typed value would change the compiled signature: its dtype is made fixed.
    """
    new_value = to_jax(as_jax(new_value))
    if getattr(new_value, "weak_type", False):
        new_value = lax.convert_element_type(new_value, new_value.dtype)
    return new_value


class Variable(Array):
    """A mutable array whose value the transformations carry in and out.

    Inside ``bm.jit``, ``bm.for_loop`` and the other transformations, reading or
    assigning ``.value`` is recorded, so the Variable's value goes into the compiled
    function as an input and comes back as an output: you never list them. An
    assignment must keep the shape (except along ``batch_axis``) and the dtype.

    Args:
      value_or_size: the initial value, or an int/tuple of ints for a zero array of
        that shape.
      dtype: optional dtype of the value.
      batch_axis: the axis whose size may change between assignments (the batch).

    Examples:
      >>> import brainpy_math as bm
      >>> v = bm.Variable(bm.zeros(3))
      >>> v += 1.
      >>> v.value
      Array([1., 1., 1.], dtype=float32)
      >>> v.value = bm.zeros(4)
      Traceback (most recent call last):
      ...
      brainpy_math.errors.VariableShapeError: Variable: cannot assign a value of shape (4,) to a Variable of shape (3,).
    """

    __slots__ = ("_batch_axis", "__weakref__")

    def __init__(self, value_or_size: Any, dtype: Any = None, batch_axis: int | None = None):
        if isinstance(value_or_size, int) and not isinstance(value_or_size, bool):
            value_or_size = jnp.zeros((value_or_size,), dtype=dtype)
        elif isinstance(value_or_size, tuple) and all(
            isinstance(s, int) and not isinstance(s, bool) for s in value_or_size
        ):
            value_or_size = jnp.zeros(value_or_size, dtype=dtype)
        super().__init__(value_or_size, dtype=dtype)
        if batch_axis is not None:
            ndim = self._value.ndim
            if not -ndim <= batch_axis < max(ndim, 1):
                raise ValueError(
                    f"Variable: batch_axis must lie in [-{ndim}, {ndim}) for a value of shape "
                    f"{tuple(self._value.shape)}, got batch_axis={batch_axis}."
                )
            batch_axis = batch_axis % ndim
        self._batch_axis = batch_axis
        if TRACE_STACK:
            TRACE_STACK[-1].created(self)

    # ------------------------------------------------------------------ value
    @property
    def value(self) -> jax.Array:
        """The current value; reading it inside a transformation is recorded."""
        if TRACE_STACK:
            TRACE_STACK[-1].read(self)
        return self._value

    @value.setter
    def value(self, new_value: Any) -> None:
        new_value = assignable(new_value)
        self._check(new_value)
        if TRACE_STACK:
            TRACE_STACK[-1].write(self)
        self._value = new_value

    def _check(self, new: jax.Array) -> None:
        old = self._value
        if new.shape != old.shape:
            same_but_batch = (
                self._batch_axis is not None
                and new.ndim == old.ndim
                and all(
                    a == b
                    for i, (a, b) in enumerate(zip(new.shape, old.shape))
                    if i != self._batch_axis
                )
            )
            if not same_but_batch:
                free = "" if self._batch_axis is None else f" (axis {self._batch_axis} may vary)"
                raise VariableShapeError(
                    f"{type(self).__name__}: cannot assign a value of shape {tuple(new.shape)} "
                    f"to a Variable of shape {tuple(old.shape)}{free}."
                )
        if new.dtype != old.dtype:
            raise VariableDtypeError(
                f"{type(self).__name__}: cannot assign a value of dtype {new.dtype} to a "
                f"Variable of dtype {old.dtype}; cast it first with .astype({old.dtype})."
            )

    # ------------------------------------------------------------ batch axis
    @property
    def batch_axis(self) -> int | None:
        """The axis along which the size may change, or ``None``."""
        return self._batch_axis

    @property
    def batch_size(self) -> int | None:
        """The size of the batch axis, or ``None`` without one."""
        return None if self._batch_axis is None else self._value.shape[self._batch_axis]

    @property
    def nobatch_shape(self) -> tuple[int, ...]:
        """The shape without the batch axis."""
        shape = tuple(self._value.shape)
        if self._batch_axis is None:
            return shape
        return shape[: self._batch_axis] + shape[self._batch_axis + 1 :]

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return super().__array__(dtype, copy)


class TrainVar(Variable):
    """A trainable :class:`Variable`: what ``train_vars()`` and optimisers collect.

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.TrainVar(bm.ones((2, 2)))
      >>> isinstance(w, bm.Variable)
      True
    """

    __slots__ = ()


class Parameter(Variable):
    """A :class:`Variable` that holds a fixed (non-trainable) model parameter.

    Examples:
      >>> import brainpy_math as bm
      >>> p = bm.Parameter(bm.ones(2))
      >>> isinstance(p, bm.Variable), isinstance(p, bm.TrainVar)
      (True, False)
    """

    __slots__ = ()


def _flatten_var(x: Variable):
    return (x._value,), x._batch_axis


def _unflatten_var_for(cls):
    base = _unflatten_for(cls)

    def unflatten(aux, children):
        obj = base(None, children)
        obj._batch_axis = aux
        return obj

    return unflatten


for _cls in (Variable, TrainVar, Parameter):
    jax.tree_util.register_pytree_node(_cls, _flatten_var, _unflatten_var_for(_cls))
set_module("brainpy_math", Variable, TrainVar, Parameter)

"""``VariableView``: a part of a Variable that reads and writes through to it."""

from __future__ import annotations

from typing import Any

import jax
import numpy as np

from brainpy_math._src.array import as_jax
from brainpy_math._src.public_path import set_module
from brainpy_math._src.variable import Variable, assignable

__all__ = ["VariableView"]


def _as_index(index: Any) -> Any:
    """``index`` with brainpy Arrays replaced by their JAX arrays (tuples kept)."""
    if isinstance(index, tuple):
        return tuple(_as_index(i) for i in index)
    return as_jax(index) if hasattr(index, "_value") else index


def _host_index(index: Any) -> Any:
    """``index`` with JAX arrays as NumPy arrays, for a bounds check on the host."""
    if isinstance(index, tuple):
        return tuple(_host_index(i) for i in index)
    return np.asarray(index) if isinstance(index, jax.Array) else index


class VariableView(Variable):
    """A view of ``variable[index]`` that reads and writes through to the Variable.

    BrainPy implementation of ``brainpy.math.VariableView`` (2.3.5). Reading ``.value``
    returns ``variable.value[index]``; assigning it writes that part of the Variable,
    which keeps its other entries. Inside ``bm.jit``, ``bm.for_loop`` and the other
    transformations the reads and writes are recorded on the viewed Variable, so a
    view can stand wherever a Variable is read or assigned. An assignment must keep the
    view's shape and dtype.

    Args:
      value: the Variable to view.
      index: any NumPy-style index: an int, a slice, an integer or boolean array, or a
        tuple of those.

    Raises:
      TypeError: ``value`` is not a Variable.
      IndexError: ``index`` does not fit the Variable's shape.

    Examples:
      >>> import brainpy_math as bm
      >>> v = bm.Variable(bm.zeros(5))
      >>> head = bm.VariableView(v, slice(0, 2))
      >>> head.value = bm.ones(2)
      >>> v.value
      Array([1., 1., 0., 0., 0.], dtype=float32)
      >>> head += 1.
      >>> head.value
      Array([2., 2.], dtype=float32)
    """

    __slots__ = ("_origin", "_index")

    def __init__(self, value: Variable, index: Any):
        if not isinstance(value, Variable):
            raise TypeError(
                f"VariableView: value must be a brainpy_math.Variable, got {type(value).__name__}."
            )
        index = _as_index(index)
        try:  # NumPy checks bounds (JAX clamps); a zero-strided array costs no memory
            np.broadcast_to(np.False_, value.shape)[_host_index(index)]
        except (IndexError, TypeError, ValueError) as err:
            raise IndexError(
                f"VariableView: index {index!r} does not fit a Variable of shape "
                f"{tuple(value.shape)}: {err}"
            ) from err
        self._origin = value
        self._index = index
        self._batch_axis = None

    @property
    def origin(self) -> Variable:
        """The viewed Variable."""
        return self._origin

    @property
    def index(self) -> Any:
        """The index of this view into :attr:`origin`."""
        return self._index

    # Array's methods and the transformations read ``_value``: route it through ``value``
    # so that reads are recorded on the viewed Variable.
    @property  # type: ignore[override]
    def _value(self) -> jax.Array:
        return self._origin.value[self._index]

    @_value.setter
    def _value(self, new_value: Any) -> None:
        self.value = new_value

    @property
    def value(self) -> jax.Array:
        """The viewed part, ``origin.value[index]``."""
        return self._origin.value[self._index]

    @value.setter
    def value(self, new_value: Any) -> None:
        new_value = assignable(new_value)
        self._check(new_value)
        origin = self._origin.value
        self._origin.value = origin.at[self._index].set(new_value)

    def __reduce__(self) -> tuple[Any, ...]:
        return (VariableView, (self._origin, self._index))


set_module("brainpy_math", VariableView)

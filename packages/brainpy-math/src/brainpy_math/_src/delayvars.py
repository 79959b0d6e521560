"""The base of delay variables and the checks that both kinds share.

A delay variable keeps a ring buffer of the past values of an array in
:class:`~brainpy_math.Variable` s, so ``bm.jit``, ``bm.for_loop`` and the other
transformations carry its state in and out like any model state. Two kinds build on
:class:`AbstractDelay`: :class:`~brainpy_math.TimeDelay` (read by time, with interpolation
between steps) and :class:`~brainpy_math.LengthDelay` (read by a number of steps).
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy_math._src.array import Array, as_jax
from brainpy_math._src.object_base import BrainPyObject
from brainpy_math._src.variable import Variable

__all__ = ["AbstractDelay", "CONCAT_UPDATE", "ROTATE_UPDATE"]

#: ``LengthDelay(update_method=...)``: a ring buffer whose write position moves (O(1) per step).
ROTATE_UPDATE = "rotation"
#: ``LengthDelay(update_method=...)``: the newest value is put in front, the oldest dropped.
CONCAT_UPDATE = "concat"


class AbstractDelay(BrainPyObject):
    """Base class of delay variables: an object whose state lives in Variables.

    Subclasses store the past values of a target array and define :meth:`update` (push the
    newest value) and ``__call__`` (read a past value).
    """

    def update(self, *args: Any, **kwargs: Any) -> None:
        """Push the newest value of the delayed array."""
        raise NotImplementedError(f"{type(self).__name__} must implement update().")

    def _put_variable(self, key: str, value: jax.Array, batch_axis: int | None = None) -> None:
        """Store ``value`` in the Variable ``self.<key>``, in place when the shape allows.

        A Variable of the same shape and dtype keeps its identity (compiled functions that
        captured it stay valid); otherwise a new Variable replaces it (a reset to another
        length).
        """
        current = self.__dict__.get(key)
        if (
            isinstance(current, Variable)
            and current.shape == value.shape
            and current.dtype == value.dtype
        ):
            current.value = value
        else:
            object.__setattr__(self, key, Variable(value, batch_axis=batch_axis))


def is_tracer(x: Any) -> bool:
    """Whether ``x`` (or the array inside a brainpy Array) is a JAX tracer."""
    if isinstance(x, Array):
        x = x._value
    return isinstance(x, jax.core.Tracer)


def target_array(owner: str, delay_target: Any) -> jax.Array:
    """``delay_target`` as a JAX array, or a clear error for something that is not an array."""
    if isinstance(delay_target, (Array, jax.Array, np.ndarray, np.generic)):
        return jnp.asarray(as_jax(delay_target))
    if isinstance(delay_target, (numbers.Number, bool)):
        return jnp.asarray(delay_target)
    raise TypeError(
        f"{owner}: delay_target must be an array (brainpy Array, jax.Array or numpy.ndarray), "
        f"got {type(delay_target).__name__}: {delay_target!r}."
    )


def real_number(owner: str, name: str, value: Any, positive: bool = False) -> float:
    """A concrete, finite real number (``> 0`` when ``positive``, else ``>= 0``) as a float."""
    bad = isinstance(value, bool) or is_tracer(value)
    try:
        out = float(as_jax(value)) if not bad else math.nan
    except (TypeError, ValueError):
        bad = True
        out = math.nan
    if bad or not math.isfinite(out) or out < 0 or (positive and out == 0):
        expected = "a positive" if positive else "a non-negative"
        raise ValueError(
            f"{owner}: {name} must be {expected} finite number, got "
            f"{type(value).__name__}: {value!r}."
        )
    return out


def fill_rows(owner: str, name: str, value: Any, shape: tuple[int, ...], dtype: Any) -> jax.Array:
    """Broadcast an initial history (a number or an array) to ``shape`` rows of ``dtype``."""
    arr = jnp.asarray(as_jax(value))
    try:
        return jnp.broadcast_to(arr, shape).astype(dtype)
    except ValueError:
        raise ValueError(
            f"{owner}: {name} must broadcast to the history shape {shape} (steps, *target "
            f"shape), got shape {tuple(arr.shape)}."
        ) from None


_SUBCLASSES = {
    "TimeDelay": "delayvars_time",
    "NeuTimeDelay": "delayvars_time",
    "LengthDelay": "delayvars_length",
    "NeuLenDelay": "delayvars_length",
}


def __getattr__(name: str) -> Any:
    """The delay classes under this module too (BrainPy 2.3.5 defined them all in one)."""
    if name in _SUBCLASSES:
        import importlib

        return getattr(importlib.import_module(f"brainpy_math._src.{_SUBCLASSES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

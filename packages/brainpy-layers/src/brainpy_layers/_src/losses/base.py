"""What every loss function shares: input checks, reductions and pytree inputs.

Conventions of :mod:`brainpy_layers.losses`:

* inputs are brainpy Arrays (Variables included), JAX or NumPy arrays, or nested lists of
  numbers; the result is a :class:`jax.Array`;
* a ``targets`` array must broadcast to the shape of the predictions without changing it
  (a scalar target is fine, ``(3, 1)`` against ``(3,)`` is not);
* as in BrainPy 2.3.5, predictions and targets may also be matching pytrees (dicts, lists or
  tuples of arrays): the loss is computed leaf by leaf and the results are added;
* bad input raises an error from :mod:`brainpy_layers.errors` that names the function, the
  argument, what was expected and what came.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_layers._src.errors import (
    LayerArgumentError,
    LayerArgumentTypeError,
    LayerInputShapeError,
)

__all__ = [
    "REDUCTIONS",
    "public",
    "as_array",
    "as_float",
    "check_reduction",
    "check_broadcast",
    "check_class_indices",
    "pick_classes",
    "reduce",
    "map_sum",
]

REDUCTIONS = ("mean", "sum", "none")


#: Show a function as a member of :mod:`brainpy_layers.losses` in reprs, docs and pickles.
public = bm.set_module("brainpy_layers.losses")


def as_array(x: Any, fn: str, arg: str) -> jax.Array:
    """The JAX array behind ``x``; a :class:`LayerArgumentTypeError` if there is none."""
    try:
        return jnp.asarray(bm.as_jax(x))
    except (TypeError, ValueError) as err:
        raise LayerArgumentTypeError(
            f"{fn}: {arg} must be an array (a brainpy Array, a JAX or NumPy array or a list "
            f"of numbers), got {type(x).__name__}: {err}"
        ) from err


def as_float(x: Any, fn: str, arg: str) -> jax.Array:
    """Like :func:`as_array`; integer and boolean arrays become the default float type."""
    arr = as_array(x, fn, arg)
    if not jnp.issubdtype(arr.dtype, jnp.inexact):
        arr = arr.astype(bm.dftype())
    return arr


def check_reduction(reduction: Any, fn: str) -> None:
    """Raise unless ``reduction`` is ``'mean'``, ``'sum'`` or ``'none'``."""
    if not isinstance(reduction, str) or reduction not in REDUCTIONS:
        raise LayerArgumentError(
            f"{fn}: reduction must be 'mean', 'sum' or 'none', got {reduction!r}."
        )


def check_broadcast(
    predicts: jax.Array, targets: jax.Array, fn: str, names: tuple[str, str]
) -> None:
    """Raise unless ``targets`` broadcasts to the shape of ``predicts`` unchanged."""
    try:
        shape = jnp.broadcast_shapes(predicts.shape, targets.shape)
    except ValueError:
        shape = None
    if shape != predicts.shape:
        raise LayerInputShapeError(
            f"{fn}: {names[1]} must have the shape of {names[0]}, {predicts.shape} (or one "
            f"that broadcasts to it), got shape {targets.shape}."
        )


def check_class_indices(
    targets: jax.Array,
    batch_shape: tuple[int, ...],
    num_classes: int,
    fn: str,
    arg: str,
) -> None:
    """Check integer class indices: dtype, shape and (outside ``jit``) range."""
    if not jnp.issubdtype(targets.dtype, jnp.integer):
        raise LayerArgumentTypeError(
            f"{fn}: {arg} of shape {targets.shape} are class indices and must be integers, "
            f"got dtype {targets.dtype}."
        )
    if targets.shape != batch_shape:
        raise LayerInputShapeError(
            f"{fn}: {arg} (class indices) must have shape {batch_shape} (the predictions' "
            f"shape without the class axis), got shape {targets.shape}."
        )
    if isinstance(targets, jax.core.Tracer) or targets.size == 0:
        return  # under jit, out-of-range indices give NaN losses instead (see pick_classes)
    low, high = int(np.min(targets)), int(np.max(targets))
    if low < 0 or high >= num_classes:
        bad = low if low < 0 else high
        raise LayerArgumentError(
            f"{fn}: {arg} must be class indices in [0, {num_classes - 1}], got {bad}."
        )


def pick_classes(values: jax.Array, indices: jax.Array) -> jax.Array:
    """``values[..., indices]`` along the last axis; NaN where an index is out of range."""
    num = values.shape[-1]
    valid = (indices >= 0) & (indices < num)
    safe = jnp.where(valid, indices, 0)
    picked = jnp.take_along_axis(values, safe[..., None], axis=-1)[..., 0]
    return jnp.where(valid, picked, jnp.nan)


def reduce(loss: jax.Array, reduction: str, axis: Any = None) -> jax.Array:
    """Apply a checked ``reduction`` (over ``axis``; ``'none'`` ignores it)."""
    if reduction == "mean":
        return jnp.mean(loss, axis=axis)
    if reduction == "sum":
        return jnp.sum(loss, axis=axis)
    return loss


def _is_array(x: Any) -> bool:
    return isinstance(x, bm.Array) or hasattr(x, "shape")


def _is_tree(x: Any) -> bool:
    """A dict, or a list/tuple holding arrays or containers (lists of numbers are arrays)."""
    if isinstance(x, dict):
        return True
    if isinstance(x, (list, tuple)):
        return any(_is_array(v) or _is_tree(v) for v in x)
    return False


def _leaves(x: Any) -> tuple[list[Any], Any]:
    return jax.tree_util.tree_flatten(x, is_leaf=lambda v: isinstance(v, bm.Array))


def map_sum(
    compute: Callable[..., jax.Array], fn: str, names: Sequence[str], *args: Any
) -> jax.Array:
    """``compute(*args)``, or, for pytree inputs, the sum of ``compute`` over their leaves.

    The first argument decides: if it is a pytree, every other argument must be a pytree of
    the same structure.
    """
    if not _is_tree(args[0]):
        for arg, name in zip(args[1:], names[1:]):
            if _is_tree(arg):
                raise LayerArgumentTypeError(
                    f"{fn}: {name} is a pytree ({type(arg).__name__}) but {names[0]} is an "
                    f"array; give both as arrays or both as pytrees of the same structure."
                )
        return compute(*args)
    leaves, treedef = _leaves(args[0])
    if not leaves:
        raise LayerArgumentError(f"{fn}: {names[0]} is an empty pytree; there is nothing to score.")
    columns = [leaves]
    for arg, name in zip(args[1:], names[1:]):
        other, other_def = _leaves(arg)
        if other_def != treedef:
            raise LayerInputShapeError(
                f"{fn}: {name} must have the pytree structure of {names[0]}, {treedef}, got "
                f"{other_def}."
            )
        columns.append(other)
    total: jax.Array = functools.reduce(operator.add, (compute(*row) for row in zip(*columns)))
    return total

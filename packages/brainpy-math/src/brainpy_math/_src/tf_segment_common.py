"""Argument checks and shared pieces of the TensorFlow-compatible segment operators.

:func:`prepare` validates ``data``, ``segment_ids`` and ``num_segments`` the way
:mod:`brainpy_math._src.tf_segments` documents (and computes ``max(segment_ids) + 1`` for the
sorted ops when ``num_segments`` is omitted); the helpers below it are used inside the compiled
kernels of the sorted and unsorted ops.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from brainpy_math._src.array import Array
from brainpy_math._src.compat_utils import as_array, concrete, public

__all__ = ["doc", "prepare", "sorted_counts", "unsorted_counts", "per_row", "mean_of"]


_SORTED_ARGS = """data: the array whose rows (first dimension) are reduced.
      segment_ids: 1-D integer array, one sorted, non-negative id per row of ``data``.
      num_segments: optional number of output rows (a Python int, static under ``jit``); by
        default ``max(segment_ids) + 1``, which needs a concrete ``segment_ids``.
      name: ignored (TensorFlow's operation name).
      indices_are_sorted: tell XLA the ids are sorted (default ``True``, the contract of these
        ops); pass ``False`` if traced ids might not be.
      unique_indices: tell XLA no id repeats (a performance hint, as in ``jax.ops``).
      bucket_size: ``jax.ops`` performance hint.
      out: optional brainpy ``Array`` or ``Variable`` for the result (returns ``None``)."""

_UNSORTED_ARGS = """data: the array to reduce.
      segment_ids: integer array whose shape is a prefix of ``data.shape``; any order;
        negative ids are dropped.
      num_segments: the number of output rows (a Python int, static under ``jit``).
      name: ignored (TensorFlow's operation name).
      out: optional brainpy ``Array`` or ``Variable`` for the result (returns ``None``)."""

_RAISES = """TypeError: if ``segment_ids`` is not integer, ``num_segments`` is not an integer, or
        ``num_segments`` is missing while ``segment_ids`` is traced.
      ValueError: if the shapes of ``data`` and ``segment_ids`` do not match, or a concrete
        id is out of range{sorted_note}."""


def doc(fun: Any) -> Any:
    sorted_op = not fun.__name__.startswith("unsorted")
    note = " (negative, or decreasing)" if sorted_op else ""
    fun.__doc__ = fun.__doc__.replace(
        "{ARGS}", _SORTED_ARGS if sorted_op else _UNSORTED_ARGS
    ).replace("{RAISES}", _RAISES.format(sorted_note=note))
    return public(fun)


def _num_segments(value: Any, fname: str) -> int | None:
    if value is None:
        return None
    n = value
    if isinstance(n, (Array, jax.Array, np.ndarray, np.generic)):
        c = concrete(n)
        if c is None:
            raise TypeError(
                f"{fname}: num_segments fixes the output shape, so it must be a concrete "
                "integer; got a traced value. Pass a Python int (static under jit)."
            )
        if c.ndim != 0 or not np.issubdtype(c.dtype, np.integer):
            raise TypeError(
                f"{fname}: num_segments must be an integer scalar, got an array of shape "
                f"{c.shape} and dtype {c.dtype}."
            )
        n = int(c)
    elif isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(
            f"{fname}: num_segments must be an integer, got num_segments={value!r} "
            f"({type(value).__name__})."
        )
    if n < 0:
        raise ValueError(f"{fname}: num_segments must be >= 0, got num_segments={n}.")
    return n


def _where(bad: np.ndarray, shape: tuple[int, ...]) -> str:
    flat = int(np.flatnonzero(bad)[0])
    index = np.unravel_index(flat, shape)
    return ", ".join(str(int(i)) for i in index)


def prepare(
    data: Any, segment_ids: Any, num_segments: Any, fname: str, *, sorted_op: bool
) -> tuple[jax.Array, jax.Array, int]:
    d = as_array(data)
    ids = as_array(segment_ids)
    if not jnp.issubdtype(ids.dtype, jnp.integer):
        raise TypeError(f"{fname}: segment_ids must have an integer dtype, got {ids.dtype}.")
    if sorted_op:
        if ids.ndim != 1 or d.ndim == 0 or ids.shape[0] != d.shape[0]:
            raise ValueError(
                f"{fname}: segment_ids must be 1-D with one id per row of data; got "
                f"segment_ids of shape {tuple(ids.shape)} for data of shape {tuple(d.shape)}."
            )
    elif ids.ndim > d.ndim or tuple(d.shape[: ids.ndim]) != tuple(ids.shape):
        raise ValueError(
            f"{fname}: the shape of segment_ids, {tuple(ids.shape)}, must be a prefix of the "
            f"shape of data, {tuple(d.shape)}."
        )
    n = _num_segments(num_segments, fname)
    if not sorted_op and n is None:
        raise TypeError(f"{fname}: num_segments is required (an int).")
    values = concrete(ids)
    if values is None:
        if n is None:
            raise TypeError(
                f"{fname}: segment_ids is traced (inside jit, vmap or grad), so the number of "
                "segments, max(segment_ids) + 1, cannot be computed; pass num_segments=<int> "
                "to fix the output shape."
            )
    else:
        shape = tuple(ids.shape)
        if sorted_op and values.size:
            if (values < 0).any():
                i = _where(values < 0, shape)
                raise ValueError(
                    f"{fname}: segment_ids must be non-negative; segment_ids[{i}] = "
                    f"{values[values < 0][0]}."
                )
            down = np.flatnonzero(np.diff(values) < 0)
            if down.size:
                j = int(down[0])
                raise ValueError(
                    f"{fname}: segment_ids must be sorted; segment_ids[{j + 1}] = "
                    f"{values[j + 1]} comes after segment_ids[{j}] = {values[j]}."
                )
        if n is None:
            n = int(values.max()) + 1 if values.size else 0
        elif values.size and (values >= n).any():
            bad = values >= n
            i = _where(bad, shape)
            raise ValueError(
                f"{fname}: segment_ids[{i}] = {values[bad].flat[0]} is out of range for "
                f"num_segments={n}; ids must lie in [0, {n})."
            )
    if ids.ndim != 1:
        d = d.reshape((ids.size,) + tuple(d.shape[ids.ndim :]))
        ids = ids.reshape(-1)
    return d, ids, n


def sorted_counts(ids: jax.Array, n: int) -> jax.Array:
    """Occurrences of each id in ``range(n)`` in sorted ``ids`` (binary search, no scatter)."""
    seg = jnp.arange(n, dtype=ids.dtype)
    return jnp.searchsorted(ids, seg, side="right") - jnp.searchsorted(ids, seg, side="left")


def unsorted_counts(ids: jax.Array, n: int) -> jax.Array:
    return jax.ops.segment_sum(jnp.ones(ids.shape, jnp.int32), ids, n)


def per_row(v: jax.Array, ndim: int) -> jax.Array:
    """Reshape per-segment values ``(n,)`` to broadcast against ``(n, ...)`` results."""
    return v.reshape(v.shape + (1,) * (ndim - 1))


def mean_of(total: jax.Array, counts: jax.Array, *, truncate_ints: bool) -> jax.Array:
    counts = per_row(jnp.maximum(counts, 1), total.ndim)
    if truncate_ints and jnp.issubdtype(total.dtype, jnp.integer):
        return lax.div(total, counts.astype(total.dtype))
    if not jnp.issubdtype(total.dtype, jnp.inexact):
        total = total.astype(jnp.result_type(float))
    return total / counts.astype(total.dtype)

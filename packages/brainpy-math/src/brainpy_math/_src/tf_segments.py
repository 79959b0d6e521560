"""TensorFlow-compatible sorted segment reductions (``segment_*``).

Shared rules, TensorFlow's (``tf.math`` "Segmentation"):

* ``segment_*``: ``segment_ids`` is 1-D, one id per row of ``data``, sorted and non-negative.
  The output has ``max(segment_ids) + 1`` rows, or ``num_segments`` rows when given (an
  addition: TensorFlow's ``segment_*`` have no ``num_segments``; it is what makes them usable
  under ``jax.jit``, where ``max(segment_ids)`` is unknown while tracing).
  Empty segments give 0 (sum, max, min, mean) or 1 (prod).
* ``unsorted_segment_*``: ``segment_ids`` has any order and a shape that is a prefix of
  ``data.shape``; ``num_segments`` is required; negative ids are dropped. Empty segments give
  0 (sum, mean, sqrt_n), 1 (prod), the lowest finite value (max) or the highest (min).
* When ``segment_ids`` is concrete (not traced), ids ``>= num_segments`` raise ``ValueError``
  (TensorFlow raises on CPU), as do negative or decreasing ids for the sorted ops. Under
  ``jit``/``vmap`` they cannot be checked: out-of-range ids are then dropped, and unsorted ids
  given to a sorted op give an unspecified result (TensorFlow on GPU behaves the same way).

The ``unsorted_segment_*`` functions live in :mod:`brainpy_math._src.tf_unsorted_segments`,
the argument checks shared by both in :mod:`brainpy_math._src.tf_segment_common`.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.compat_utils import finish
from brainpy_math._src.tf_segment_common import doc, mean_of, per_row, prepare, sorted_counts

__all__ = [
    "segment_sum",
    "segment_prod",
    "segment_max",
    "segment_min",
    "segment_mean",
]


def _hints(indices_are_sorted: bool | None, unique_indices: bool, bucket_size: Any) -> dict:
    return dict(
        indices_are_sorted=True if indices_are_sorted is None else bool(indices_are_sorted),
        unique_indices=bool(unique_indices),
        bucket_size=bucket_size,
    )


_SEGMENT_OPS = {
    "sum": jax.ops.segment_sum,
    "prod": jax.ops.segment_prod,
    "max": jax.ops.segment_max,
    "min": jax.ops.segment_min,
}


def _segment_op(
    kind: str, data: Any, segment_ids: Any, num_segments: Any, hints: dict, out: Any
) -> Any:
    """The body of every ``segment_<kind>``: check, reduce the sorted segments, finish."""
    fname = f"segment_{kind}"
    d, ids, n = prepare(data, segment_ids, num_segments, fname, sorted_op=True)
    return finish(_sorted_kernel(d, ids, kind=kind, n=n, **hints), out, fname, always_array=True)


@partial(
    jax.jit,
    static_argnames=("kind", "n", "indices_are_sorted", "unique_indices", "bucket_size"),
)
def _sorted_kernel(
    d: jax.Array,
    ids: jax.Array,
    *,
    kind: str,
    n: int,
    indices_are_sorted: bool,
    unique_indices: bool,
    bucket_size: Any,
) -> jax.Array:
    """One compiled program per call: the ``jax.ops`` scatter plus TensorFlow's empty fill."""
    hints = dict(
        indices_are_sorted=indices_are_sorted,
        unique_indices=unique_indices,
        bucket_size=bucket_size,
    )
    if kind == "mean":
        total = jax.ops.segment_sum(d, ids, n, **hints)
        return mean_of(total, sorted_counts(ids, n), truncate_ints=True)
    result = _SEGMENT_OPS[kind](d, ids, n, **hints)
    if kind in ("max", "min"):
        present = per_row(sorted_counts(ids, n) > 0, result.ndim)
        result = jnp.where(present, result, jnp.zeros((), result.dtype))
    return result


@doc
def segment_sum(
    data: Any,
    segment_ids: Any,
    num_segments: Any = None,
    name: str | None = None,
    *,
    indices_are_sorted: bool | None = None,
    unique_indices: bool = False,
    bucket_size: int | None = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.segment_sum`.

    ``output[i] = sum(data[j] for j where segment_ids[j] == i)``; empty segments give 0.

    Args:
      {ARGS}

    Returns:
      A brainpy ``Array`` of shape ``(num_segments,) + data.shape[1:]``.

    Raises:
      {RAISES}

    Examples:
      >>> import brainpy_math as bm
      >>> bm.segment_sum(bm.Array([1, 2, 3, 4, 5]), bm.Array([0, 0, 1, 3, 3]))
      Array([3, 3, 0, 9], dtype=int32)
    """
    del name
    hints = _hints(indices_are_sorted, unique_indices, bucket_size)
    return _segment_op("sum", data, segment_ids, num_segments, hints, out)


@doc
def segment_prod(
    data: Any,
    segment_ids: Any,
    num_segments: Any = None,
    name: str | None = None,
    *,
    indices_are_sorted: bool | None = None,
    unique_indices: bool = False,
    bucket_size: int | None = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.segment_prod`.

    ``output[i] = prod(data[j] for j where segment_ids[j] == i)``; empty segments give 1.

    Args:
      {ARGS}

    Returns:
      A brainpy ``Array`` of shape ``(num_segments,) + data.shape[1:]``.

    Raises:
      {RAISES}

    Note:
      Not differentiable: JAX has no gradient for a scatter-multiply whose ids repeat
      (TensorFlow's ``segment_prod`` has one).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.segment_prod(bm.Array([1., 2., 3., 4.]), bm.Array([0, 0, 2, 2]))
      Array([ 2.,  1., 12.], dtype=float32)
    """
    del name
    hints = _hints(indices_are_sorted, unique_indices, bucket_size)
    return _segment_op("prod", data, segment_ids, num_segments, hints, out)


@doc
def segment_max(
    data: Any,
    segment_ids: Any,
    num_segments: Any = None,
    name: str | None = None,
    *,
    indices_are_sorted: bool | None = None,
    unique_indices: bool = False,
    bucket_size: int | None = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.segment_max`.

    ``output[i] = max(data[j] for j where segment_ids[j] == i)``; empty segments give 0, as
    TensorFlow documents.

    Args:
      {ARGS}

    Returns:
      A brainpy ``Array`` of shape ``(num_segments,) + data.shape[1:]``.

    Raises:
      {RAISES}

    Note:
      BrainPy 2.3.5 (``jax.ops.segment_max``) gave ``-inf`` for empty segments.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.segment_max(bm.Array([1., 5., 3., -4.]), bm.Array([0, 0, 2, 2]))
      Array([5., 0., 3.], dtype=float32)
    """
    del name
    hints = _hints(indices_are_sorted, unique_indices, bucket_size)
    return _segment_op("max", data, segment_ids, num_segments, hints, out)


@doc
def segment_min(
    data: Any,
    segment_ids: Any,
    num_segments: Any = None,
    name: str | None = None,
    *,
    indices_are_sorted: bool | None = None,
    unique_indices: bool = False,
    bucket_size: int | None = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.segment_min`.

    ``output[i] = min(data[j] for j where segment_ids[j] == i)``; empty segments give 0, as
    TensorFlow documents.

    Args:
      {ARGS}

    Returns:
      A brainpy ``Array`` of shape ``(num_segments,) + data.shape[1:]``.

    Raises:
      {RAISES}

    Note:
      BrainPy 2.3.5 (``jax.ops.segment_min``) gave ``+inf`` for empty segments.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.segment_min(bm.Array([1., 5., 3., -4.]), bm.Array([0, 0, 2, 2]))
      Array([ 1.,  0., -4.], dtype=float32)
    """
    del name
    hints = _hints(indices_are_sorted, unique_indices, bucket_size)
    return _segment_op("min", data, segment_ids, num_segments, hints, out)


@doc
def segment_mean(
    data: Any,
    segment_ids: Any,
    num_segments: Any = None,
    name: str | None = None,
    *,
    indices_are_sorted: bool | None = None,
    unique_indices: bool = False,
    bucket_size: int | None = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.segment_mean`.

    ``output[i] = sum(data[j] ...) / N_i`` with ``N_i`` the number of ids equal to ``i``;
    empty segments give 0.

    Args:
      {ARGS}

    Returns:
      A brainpy ``Array`` of shape ``(num_segments,) + data.shape[1:]`` with ``data``'s dtype:
      integer means are truncated toward zero, as TensorFlow's integer kernels do.

    Raises:
      {RAISES}

    Note:
      BrainPy 2.3.5's ``segment_mean(data, segment_ids)`` had no ``num_segments`` and so
      could not be compiled.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.segment_mean(bm.Array([[1., 2.], [3., 4.], [5., 6.]]), bm.Array([0, 0, 2]))
      Array([[2., 3.],
             [0., 0.],
             [5., 6.]], dtype=float32)
    """
    del name
    hints = _hints(indices_are_sorted, unique_indices, bucket_size)
    return _segment_op("mean", data, segment_ids, num_segments, hints, out)

"""TensorFlow-compatible unsorted segment reductions (``unsorted_segment_*``).

See :mod:`brainpy_math._src.tf_segments` for the rules shared with the sorted ops: any id order,
``segment_ids`` shaped like a prefix of ``data.shape``, ``num_segments`` required, negative ids
dropped, ids ``>= num_segments`` rejected when concrete. Unsorted ids are never passed to XLA
as sorted.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.compat_utils import finish
from brainpy_math._src.tf_reductions import highest, lowest
from brainpy_math._src.tf_segment_common import doc, mean_of, per_row, prepare, unsorted_counts


def _unsorted_segment_op(
    kind: str, data: Any, segment_ids: Any, num_segments: Any, out: Any
) -> Any:
    """The body of every ``unsorted_segment_<kind>``: check, reduce, finish."""
    fname = f"unsorted_segment_{kind}"
    d, ids, n = prepare(data, segment_ids, num_segments, fname, sorted_op=False)
    return finish(_unsorted_kernel(d, ids, kind=kind, n=n), out, fname, always_array=True)


@partial(jax.jit, static_argnames=("kind", "n"))
def _unsorted_kernel(d: jax.Array, ids: jax.Array, *, kind: str, n: int) -> jax.Array:
    """One compiled program per call; the ids are never declared sorted."""
    if kind == "sum":
        return jax.ops.segment_sum(d, ids, n)
    if kind == "prod":
        return jax.ops.segment_prod(d, ids, n)
    if kind == "max":
        result = jax.ops.segment_max(d, ids, n)
        if jnp.issubdtype(result.dtype, jnp.floating):  # TF starts from the lowest finite value
            result = jnp.maximum(result, jnp.asarray(lowest(result.dtype), result.dtype))
        return result
    if kind == "min":
        result = jax.ops.segment_min(d, ids, n)
        if jnp.issubdtype(result.dtype, jnp.floating):
            result = jnp.minimum(result, jnp.asarray(highest(result.dtype), result.dtype))
        return result
    total = jax.ops.segment_sum(d, ids, n)
    if kind == "mean":
        return mean_of(total, unsorted_counts(ids, n), truncate_ints=False)
    # sqrt_n
    if not jnp.issubdtype(total.dtype, jnp.inexact):
        total = total.astype(jnp.result_type(float))
    counts = per_row(jnp.maximum(unsorted_counts(ids, n), 1), total.ndim)
    return total / jnp.sqrt(counts.astype(total.dtype))


__all__ = [
    "unsorted_segment_sum",
    "unsorted_segment_prod",
    "unsorted_segment_max",
    "unsorted_segment_min",
    "unsorted_segment_mean",
    "unsorted_segment_sqrt_n",
]


@doc
def unsorted_segment_sum(
    data: Any, segment_ids: Any, num_segments: Any, name: str | None = None, *, out: Any = None
) -> Any:
    """BrainPy implementation of :func:`tf.math.unsorted_segment_sum`.

    ``output[i] = sum(data[j...] for j... where segment_ids[j...] == i)``; empty segments
    give 0.

    Args:
      {ARGS}

    Returns:
      A brainpy ``Array`` of shape ``(num_segments,) + data.shape[segment_ids.ndim:]``.

    Raises:
      {RAISES}

    Note:
      BrainPy 2.3.5 told XLA these unsorted ids were sorted, which may give wrong results on
      GPU/TPU; they are never passed as sorted here.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.unsorted_segment_sum(bm.Array([1, 2, 3, 4, 5]), bm.Array([3, 0, 1, 0, 3]), 5)
      Array([6, 3, 0, 6, 0], dtype=int32)
    """
    del name
    return _unsorted_segment_op("sum", data, segment_ids, num_segments, out)


@doc
def unsorted_segment_prod(
    data: Any, segment_ids: Any, num_segments: Any, name: str | None = None, *, out: Any = None
) -> Any:
    """BrainPy implementation of :func:`tf.math.unsorted_segment_prod`.

    ``output[i] = prod(data[j...] for j... where segment_ids[j...] == i)``; empty segments
    give 1.

    Args:
      {ARGS}

    Returns:
      A brainpy ``Array`` of shape ``(num_segments,) + data.shape[segment_ids.ndim:]``.

    Raises:
      {RAISES}

    Note:
      Not differentiable: JAX has no gradient for a scatter-multiply whose ids repeat
      (TensorFlow's ``unsorted_segment_prod`` has one).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.unsorted_segment_prod(bm.Array([1, 2, 3, 4, 5]), bm.Array([3, 0, 1, 0, 3]), 5)
      Array([8, 3, 1, 5, 1], dtype=int32)
    """
    del name
    return _unsorted_segment_op("prod", data, segment_ids, num_segments, out)


@doc
def unsorted_segment_max(
    data: Any, segment_ids: Any, num_segments: Any, name: str | None = None, *, out: Any = None
) -> Any:
    """BrainPy implementation of :func:`tf.math.unsorted_segment_max`.

    ``output[i] = max(data[j...] for j... where segment_ids[j...] == i)``; an empty segment
    gives the lowest finite value of the dtype (``numeric_limits<T>::lowest()``).

    Args:
      {ARGS}

    Returns:
      A brainpy ``Array`` of shape ``(num_segments,) + data.shape[segment_ids.ndim:]``.

    Raises:
      {RAISES}

    Note:
      As in TensorFlow, whose maximum starts from the lowest finite value, a segment holding
      only ``-inf`` also gives the lowest finite value. BrainPy 2.3.5 gave ``-inf`` for empty
      float segments.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.unsorted_segment_max(bm.Array([1., 2., 3.]), bm.Array([2, 0, 2]), 3)
      Array([ 2.0000000e+00, -3.4028235e+38,  3.0000000e+00], dtype=float32)
    """
    del name
    return _unsorted_segment_op("max", data, segment_ids, num_segments, out)


@doc
def unsorted_segment_min(
    data: Any, segment_ids: Any, num_segments: Any, name: str | None = None, *, out: Any = None
) -> Any:
    """BrainPy implementation of :func:`tf.math.unsorted_segment_min`.

    ``output[i] = min(data[j...] for j... where segment_ids[j...] == i)``; an empty segment
    gives the highest finite value of the dtype (``numeric_limits<T>::max()``).

    Args:
      {ARGS}

    Returns:
      A brainpy ``Array`` of shape ``(num_segments,) + data.shape[segment_ids.ndim:]``.

    Raises:
      {RAISES}

    Note:
      As in TensorFlow, a segment holding only ``+inf`` also gives the highest finite value.
      BrainPy 2.3.5 gave ``+inf`` for empty float segments.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.unsorted_segment_min(bm.Array([1, 2, 3]), bm.Array([2, 0, 2]), 3)
      Array([         2, 2147483647,          1], dtype=int32)
    """
    del name
    return _unsorted_segment_op("min", data, segment_ids, num_segments, out)


@doc
def unsorted_segment_mean(
    data: Any, segment_ids: Any, num_segments: Any, name: str | None = None, *, out: Any = None
) -> Any:
    """BrainPy implementation of :func:`tf.math.unsorted_segment_mean`.

    ``output[i] = sum(data[j...] ...) / N_i`` with ``N_i`` the number of ids equal to ``i``;
    empty segments give 0.

    Args:
      {ARGS}

    Returns:
      A brainpy ``Array`` of shape ``(num_segments,) + data.shape[segment_ids.ndim:]``.

    Raises:
      {RAISES}

    Note:
      TensorFlow accepts only float and complex ``data``; integer data is divided as a true
      division here and gives the default float dtype.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.unsorted_segment_mean(bm.Array([1., 2., 3., 4., 5.]), bm.Array([3, 0, 1, 0, 3]), 5)
      Array([3., 3., 0., 3., 0.], dtype=float32)
    """
    del name
    return _unsorted_segment_op("mean", data, segment_ids, num_segments, out)


@doc
def unsorted_segment_sqrt_n(
    data: Any, segment_ids: Any, num_segments: Any, name: str | None = None, *, out: Any = None
) -> Any:
    """BrainPy implementation of :func:`tf.math.unsorted_segment_sqrt_n`.

    ``output[i] = sum(data[j...] ...) / sqrt(N_i)`` with ``N_i`` the number of ids equal to
    ``i``; empty segments give 0.

    Args:
      {ARGS}

    Returns:
      A brainpy ``Array`` of shape ``(num_segments,) + data.shape[segment_ids.ndim:]``.

    Raises:
      {RAISES}

    Note:
      TensorFlow accepts only float and complex ``data``; integer data gives the default
      float dtype here.

    Examples:
      >>> import brainpy_math as bm
      >>> x = bm.Array([1., 2., 3., 4., 5.])
      >>> bm.unsorted_segment_sqrt_n(x, bm.Array([0, 0, 0, 0, 2]), 3)
      Array([5., 0., 5.], dtype=float32)
    """
    del name
    return _unsorted_segment_op("sqrt_n", data, segment_ids, num_segments, out)

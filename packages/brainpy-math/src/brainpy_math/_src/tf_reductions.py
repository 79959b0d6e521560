"""TensorFlow-compatible reductions: ``reduce_sum``/``prod``/``max``/``min``/``mean``/``all``/``any``.

All share TensorFlow's signature ``(input_tensor, axis=None, keepdims=False, name=None)``.
BrainPy 2.3.5's versions were mostly NumPy wrappers (``(a, axis, dtype, out, keepdims)``), so a
third positional argument meant ``dtype`` there and means ``keepdims`` here; the keywords of
2.3.5 that do no harm (``keep_dims``, ``dtype`` for ``reduce_sum``/``reduce_prod``, ``ddof`` for
``reduce_std``/``reduce_variance``, ``out``) are still accepted, keyword only.

``axis`` is ``None`` (all dimensions), an int, a list/tuple of ints or a concrete integer array;
an empty list reduces nothing. Out-of-range axes raise :class:`numpy.exceptions.AxisError`.
The statistical reductions (``reduce_logsumexp``, ``reduce_variance``, ``reduce_std``,
``reduce_euclidean_norm``) live in :mod:`brainpy_math._src.tf_statistics`.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import jax
import jax.numpy as jnp
from jax import lax

from brainpy_math._src.compat_utils import (
    as_array,
    finish,
    normalize_axes,
    public,
    resolve_keepdims,
)

__all__ = [
    "reduce_sum",
    "reduce_prod",
    "reduce_max",
    "reduce_min",
    "reduce_mean",
    "reduce_all",
    "reduce_any",
]

_ARGS_DOC = """input_tensor: the array to reduce.
      axis: the dimensions to reduce: ``None`` (all), an int or a list of ints, each in
        ``[-rank, rank)``.
      keepdims: keep the reduced dimensions with length 1. It is the third positional
        argument, as in TensorFlow; BrainPy 2.3.5's NumPy-style versions took ``dtype`` (or
        ``out``) there.
      name: ignored (TensorFlow's operation name)."""


def _doc(fun: Any) -> Any:
    fun.__doc__ = fun.__doc__.replace("{ARGS}", _ARGS_DOC)
    return public(fun)


def _prepare(input_tensor: Any, axis: Any, fname: str) -> tuple[jax.Array, Any, int]:
    x = as_array(input_tensor)
    axes = None if axis is None else normalize_axes(axis, x.ndim, fname)
    dims = range(x.ndim) if axes is None else axes
    count = 1
    for d in dims:
        count *= x.shape[d]
    return x, axes, count


def _is_int(dtype: Any) -> bool:
    return bool(jnp.issubdtype(dtype, jnp.integer))


def lowest(dtype: Any) -> Any:
    """The lowest finite value of ``dtype`` (``False`` for bool)."""
    if dtype == jnp.bool_:
        return False
    return jnp.iinfo(dtype).min if _is_int(dtype) else jnp.finfo(dtype).min


def highest(dtype: Any) -> Any:
    """The highest finite value of ``dtype`` (``True`` for bool)."""
    if dtype == jnp.bool_:
        return True
    return jnp.iinfo(dtype).max if _is_int(dtype) else jnp.finfo(dtype).max


def _extreme(x: jax.Array, axes: Any, keepdims: bool, count: int, largest: bool) -> jax.Array:
    """max/min giving TensorFlow's identity (the lowest/highest finite value) when empty."""
    fun = jnp.max if largest else jnp.min
    if count:
        return fun(x, axis=axes, keepdims=keepdims)
    initial = lowest(x.dtype) if largest else highest(x.dtype)
    return fun(x, axis=axes, keepdims=keepdims, initial=initial)


@_doc
def reduce_sum(
    input_tensor: Any,
    axis: Any = None,
    keepdims: bool = False,
    name: str | None = None,
    *,
    keep_dims: bool | None = None,
    dtype: Any = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.reduce_sum`.

    Args:
      {ARGS}
      keep_dims: TensorFlow 1's name for ``keepdims``.
      dtype: optional accumulation and result dtype (BrainPy 2.3.5's NumPy argument).
      out: optional brainpy ``Array`` or ``Variable`` for the result (returns ``None``).

    Returns:
      The sums, with ``input_tensor``'s dtype (integer sums wrap around on overflow, as in
      TensorFlow). A 0-d result is a JAX scalar.

    Note:
      TensorFlow rejects boolean input; here booleans are counted, giving the default integer
      dtype, as NumPy does.

    Examples:
      >>> import brainpy_math as bm
      >>> x = bm.Array([[1, 1, 1], [1, 1, 1]])
      >>> bm.reduce_sum(x, 0)
      Array([2, 2, 2], dtype=int32)
      >>> bm.reduce_sum(x, 1, keepdims=True)
      Array([[3],
             [3]], dtype=int32)
    """
    del name
    keepdims = resolve_keepdims(keepdims, keep_dims, "reduce_sum")
    x, axes, _ = _prepare(input_tensor, axis, "reduce_sum")
    if dtype is None and _is_int(x.dtype):
        dtype = x.dtype
    return finish(jnp.sum(x, axis=axes, keepdims=keepdims, dtype=dtype), out, "reduce_sum")


@_doc
def reduce_prod(
    input_tensor: Any,
    axis: Any = None,
    keepdims: bool = False,
    name: str | None = None,
    *,
    keep_dims: bool | None = None,
    dtype: Any = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.reduce_prod`.

    Args:
      {ARGS}
      keep_dims: TensorFlow 1's name for ``keepdims``.
      dtype: optional accumulation and result dtype (BrainPy 2.3.5's NumPy argument).
      out: optional brainpy ``Array`` or ``Variable`` for the result (returns ``None``).

    Returns:
      The products, with ``input_tensor``'s dtype; an empty product is 1.

    Note:
      TensorFlow rejects boolean input; here booleans multiply as integers (default integer
      dtype).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.reduce_prod(bm.Array([[1., 2.], [3., 4.]]), axis=1)
      Array([ 2., 12.], dtype=float32)
    """
    del name
    keepdims = resolve_keepdims(keepdims, keep_dims, "reduce_prod")
    x, axes, _ = _prepare(input_tensor, axis, "reduce_prod")
    if dtype is None and _is_int(x.dtype):
        dtype = x.dtype
    return finish(jnp.prod(x, axis=axes, keepdims=keepdims, dtype=dtype), out, "reduce_prod")


@_doc
def reduce_max(
    input_tensor: Any,
    axis: Any = None,
    keepdims: bool = False,
    name: str | None = None,
    *,
    keep_dims: bool | None = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.reduce_max`.

    Args:
      {ARGS}
      keep_dims: TensorFlow 1's name for ``keepdims``.
      out: optional brainpy ``Array`` or ``Variable`` for the result (returns ``None``).

    Returns:
      The maxima. Reducing an empty dimension gives the lowest finite value of the dtype
      (``-3.4028235e+38`` for ``float32``), TensorFlow's identity for ``max``; NumPy and
      ``jax.numpy`` raise instead.

    Note:
      A ``nan`` propagates to the result.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.reduce_max(bm.Array([[-5., 2.], [0., 3.]]), axis=0)
      Array([0., 3.], dtype=float32)
    """
    del name
    keepdims = resolve_keepdims(keepdims, keep_dims, "reduce_max")
    x, axes, count = _prepare(input_tensor, axis, "reduce_max")
    return finish(_extreme(x, axes, keepdims, count, True), out, "reduce_max")


@_doc
def reduce_min(
    input_tensor: Any,
    axis: Any = None,
    keepdims: bool = False,
    name: str | None = None,
    *,
    keep_dims: bool | None = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.reduce_min`.

    Args:
      {ARGS}
      keep_dims: TensorFlow 1's name for ``keepdims``.
      out: optional brainpy ``Array`` or ``Variable`` for the result (returns ``None``).

    Returns:
      The minima. Reducing an empty dimension gives the highest finite value of the dtype,
      TensorFlow's identity for ``min``.

    Note:
      A ``nan`` propagates to the result.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.reduce_min(bm.Array([[-5., 2.], [0., 3.]]), axis=1)
      Array([-5.,  0.], dtype=float32)
    """
    del name
    keepdims = resolve_keepdims(keepdims, keep_dims, "reduce_min")
    x, axes, count = _prepare(input_tensor, axis, "reduce_min")
    return finish(_extreme(x, axes, keepdims, count, False), out, "reduce_min")


@partial(jax.jit, static_argnames=("axes", "keepdims", "count"))
def _int_mean(x: jax.Array, *, axes: Any, keepdims: bool, count: int) -> jax.Array:
    total = jnp.sum(x, axis=axes, keepdims=keepdims)  # narrow ints accumulate in int32
    return lax.div(total, jnp.asarray(count, total.dtype)).astype(x.dtype)  # toward zero


@_doc
def reduce_mean(
    input_tensor: Any,
    axis: Any = None,
    keepdims: bool = False,
    name: str | None = None,
    *,
    keep_dims: bool | None = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.reduce_mean`.

    Args:
      {ARGS}
      keep_dims: TensorFlow 1's name for ``keepdims``.
      out: optional brainpy ``Array`` or ``Variable`` for the result (returns ``None``).

    Returns:
      The means. For integer input, as in TensorFlow, the result keeps the integer dtype: the
      sum divided by the count with truncation toward zero (``[1, 2]`` gives ``1``,
      ``[-1, -2]`` gives ``-1``). The mean over an empty dimension is ``nan`` for floats
      and 0 for integers.

    Note:
      Integers narrower than the default integer are summed in the default integer (``int32``)
      and so do not overflow; ``int32`` sums wrap around as in TensorFlow. TensorFlow rejects
      boolean input; here booleans give the fraction of ``True`` as a float, as NumPy does.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.reduce_mean(bm.Array([[1., 1.], [2., 2.]]), axis=0)
      Array([1.5, 1.5], dtype=float32)
      >>> bm.reduce_mean(bm.Array([[1, 1], [2, 2]]), axis=0)
      Array([1, 1], dtype=int32)
    """
    del name
    keepdims = resolve_keepdims(keepdims, keep_dims, "reduce_mean")
    x, axes, count = _prepare(input_tensor, axis, "reduce_mean")
    if _is_int(x.dtype):
        result = _int_mean(x, axes=axes, keepdims=keepdims, count=max(count, 1))
    else:
        result = jnp.mean(x, axis=axes, keepdims=keepdims)
    return finish(result, out, "reduce_mean")


@_doc
def reduce_all(
    input_tensor: Any,
    axis: Any = None,
    keepdims: bool = False,
    name: str | None = None,
    *,
    keep_dims: bool | None = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.reduce_all` (logical and).

    Args:
      {ARGS}
      keep_dims: TensorFlow 1's name for ``keepdims``.
      out: optional brainpy ``Array`` or ``Variable`` for the result (returns ``None``).

    Returns:
      Booleans; ``True`` over an empty dimension.

    Note:
      TensorFlow requires boolean input; other dtypes are tested for non-zero values here.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.reduce_all(bm.Array([[True, True], [False, False]]), axis=1)
      Array([ True, False], dtype=bool)
    """
    del name
    keepdims = resolve_keepdims(keepdims, keep_dims, "reduce_all")
    x, axes, _ = _prepare(input_tensor, axis, "reduce_all")
    return finish(jnp.all(x, axis=axes, keepdims=keepdims), out, "reduce_all")


@_doc
def reduce_any(
    input_tensor: Any,
    axis: Any = None,
    keepdims: bool = False,
    name: str | None = None,
    *,
    keep_dims: bool | None = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.reduce_any` (logical or).

    Args:
      {ARGS}
      keep_dims: TensorFlow 1's name for ``keepdims``.
      out: optional brainpy ``Array`` or ``Variable`` for the result (returns ``None``).

    Returns:
      Booleans; ``False`` over an empty dimension.

    Note:
      TensorFlow requires boolean input; other dtypes are tested for non-zero values here.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.reduce_any(bm.Array([[True, True], [False, False]]), axis=1)
      Array([ True, False], dtype=bool)
    """
    del name
    keepdims = resolve_keepdims(keepdims, keep_dims, "reduce_any")
    x, axes, _ = _prepare(input_tensor, axis, "reduce_any")
    return finish(jnp.any(x, axis=axes, keepdims=keepdims), out, "reduce_any")

"""TensorFlow-compatible statistical reductions.

``reduce_logsumexp``, ``reduce_variance``, ``reduce_std`` and ``reduce_euclidean_norm``, with
the conventions of :mod:`brainpy_math._src.tf_reductions` (TensorFlow's signature
``(input_tensor, axis=None, keepdims=False, name=None)``, 2.3.5's harmless keywords kept).
"""

from __future__ import annotations

from functools import partial
from typing import Any

import jax
import jax.numpy as jnp
from jax import lax

from brainpy_math._src.compat_utils import finish, resolve_keepdims
from brainpy_math._src.tf_reductions import _doc, _extreme, _is_int, _prepare

__all__ = ["reduce_logsumexp", "reduce_variance", "reduce_std", "reduce_euclidean_norm"]


def _float_input(x: jax.Array, fname: str) -> jax.Array:
    if jnp.issubdtype(x.dtype, jnp.complexfloating):
        raise TypeError(f"{fname}: input_tensor must be real, got dtype {x.dtype}.")
    if not jnp.issubdtype(x.dtype, jnp.floating):
        x = x.astype(jnp.result_type(float))
    return x


@partial(jax.jit, static_argnames=("axes", "keepdims", "count"))
def _logsumexp(x: jax.Array, *, axes: Any, keepdims: bool, count: int) -> jax.Array:
    peak = _extreme(x, axes, True, count, True)
    shift = lax.stop_gradient(jnp.where(jnp.isfinite(peak), peak, jnp.zeros((), x.dtype)))
    total = jnp.sum(jnp.exp(x - shift), axis=axes, keepdims=keepdims)
    if not keepdims:
        shift = jnp.squeeze(shift, axis=axes)
    return jnp.log(total) + shift


@_doc
def reduce_logsumexp(
    input_tensor: Any,
    axis: Any = None,
    keepdims: bool = False,
    name: str | None = None,
    *,
    keep_dims: bool | None = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.reduce_logsumexp`.

    Computes ``log(sum(exp(input_tensor)))`` along ``axis`` without overflow: the maximum is
    subtracted before ``exp`` and added back after ``log`` (a non-finite maximum is replaced
    by 0, as in TensorFlow), so ``+inf`` inputs give ``+inf``, all ``-inf`` give ``-inf`` and
    ``nan`` gives ``nan``. The gradient is the softmax.

    Args:
      {ARGS}
      keep_dims: TensorFlow 1's name for ``keepdims``.
      out: optional brainpy ``Array`` or ``Variable`` for the result (returns ``None``).

    Returns:
      The log-sum-exp values; an empty reduction gives ``-inf``.

    Raises:
      TypeError: for complex input.

    Note:
      BrainPy 2.3.5 computed the naive ``log(sum(exp(x)))``, which overflows (``[1000, 1000]``
      gave ``inf``). Integer and boolean inputs are converted to the default float dtype
      (TensorFlow requires a float input).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.reduce_logsumexp(bm.Array([1000., 1000.]))
      Array(1000.6932, dtype=float32)
    """
    del name
    keepdims = resolve_keepdims(keepdims, keep_dims, "reduce_logsumexp")
    x, axes, count = _prepare(input_tensor, axis, "reduce_logsumexp")
    x = _float_input(x, "reduce_logsumexp")
    result = _logsumexp(x, axes=axes, keepdims=keepdims, count=count)
    return finish(result, out, "reduce_logsumexp")


@_doc
def reduce_variance(
    input_tensor: Any,
    axis: Any = None,
    keepdims: bool = False,
    name: str | None = None,
    *,
    keep_dims: bool | None = None,
    ddof: int = 0,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.reduce_variance`.

    Computes the population variance ``mean(abs(x - mean(x)) ** 2)`` along ``axis``.

    Args:
      {ARGS}
      keep_dims: TensorFlow 1's name for ``keepdims``.
      ddof: delta degrees of freedom (BrainPy 2.3.5's NumPy argument; TensorFlow has none and
        always uses 0).
      out: optional brainpy ``Array`` or ``Variable`` for the result (returns ``None``).

    Returns:
      The variances, with a real dtype (complex input gives its real counterpart).

    Note:
      TensorFlow raises for integer input; here integers give the default float dtype, as in
      NumPy.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.reduce_variance(bm.Array([[1., 2.], [3., 4.]]))
      Array(1.25, dtype=float32)
    """
    del name
    keepdims = resolve_keepdims(keepdims, keep_dims, "reduce_variance")
    x, axes, _ = _prepare(input_tensor, axis, "reduce_variance")
    return finish(jnp.var(x, axis=axes, keepdims=keepdims, ddof=ddof), out, "reduce_variance")


@_doc
def reduce_std(
    input_tensor: Any,
    axis: Any = None,
    keepdims: bool = False,
    name: str | None = None,
    *,
    keep_dims: bool | None = None,
    ddof: int = 0,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.reduce_std`.

    Computes the population standard deviation, the square root of :func:`reduce_variance`.

    Args:
      {ARGS}
      keep_dims: TensorFlow 1's name for ``keepdims``.
      ddof: delta degrees of freedom (BrainPy 2.3.5's NumPy argument; TensorFlow has none and
        always uses 0).
      out: optional brainpy ``Array`` or ``Variable`` for the result (returns ``None``).

    Returns:
      The standard deviations, with a real dtype.

    Note:
      TensorFlow raises for integer input; here integers give the default float dtype.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.reduce_std(bm.Array([[1., 2.], [3., 4.]]), axis=0)
      Array([1., 1.], dtype=float32)
    """
    del name
    keepdims = resolve_keepdims(keepdims, keep_dims, "reduce_std")
    x, axes, _ = _prepare(input_tensor, axis, "reduce_std")
    return finish(jnp.std(x, axis=axes, keepdims=keepdims, ddof=ddof), out, "reduce_std")


def _int_sqrt(s: jax.Array) -> jax.Array:
    """``floor(sqrt(s))`` for non-negative integers, exact (float estimate, then corrected)."""
    r = jnp.floor(jnp.sqrt(s.astype(jnp.result_type(float)))).astype(s.dtype)
    r = jnp.where((r > 0) & (r > s // jnp.maximum(r, 1)), r - 1, r)  # r*r > s
    r1 = r + 1
    return jnp.where(r1 <= s // r1, r1, r)  # (r+1)^2 <= s


@partial(jax.jit, static_argnames=("axes", "keepdims"))
def _euclidean_norm(x: jax.Array, *, axes: Any, keepdims: bool) -> jax.Array:
    if jnp.issubdtype(x.dtype, jnp.complexfloating):
        sq = jnp.sum(jnp.real(x * jnp.conj(x)), axis=axes, keepdims=keepdims)
        return jnp.sqrt(sq).astype(x.dtype)
    if _is_int(x.dtype):
        return _int_sqrt(jnp.sum(x * x, axis=axes, keepdims=keepdims, dtype=x.dtype))
    return jnp.sqrt(jnp.sum(x * x, axis=axes, keepdims=keepdims))


@_doc
def reduce_euclidean_norm(
    input_tensor: Any,
    axis: Any = None,
    keepdims: bool = False,
    name: str | None = None,
    *,
    keep_dims: bool | None = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.math.reduce_euclidean_norm`.

    Computes ``sqrt(sum(x * conj(x)))`` along ``axis``.

    Args:
      {ARGS}
      keep_dims: TensorFlow 1's name for ``keepdims``.
      out: optional brainpy ``Array`` or ``Variable`` for the result (returns ``None``).

    Returns:
      The norms, with ``input_tensor``'s dtype, as in TensorFlow: an integer input gives the
      integer part of the norm (``[[1, 2, 3], [1, 1, 1]]`` gives ``4``, not ``sqrt(17)``) and
      a complex input a complex result with zero imaginary part.

    Note:
      Like TensorFlow, the sum of squares is not rescaled, so it can overflow (``float32``
      above about ``1.8e19``; integer sums of squares wrap around). BrainPy 2.3.5 used
      ``jnp.linalg.norm``, which returned a float for integers. Booleans are treated as
      integers of the default integer dtype.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.reduce_euclidean_norm(bm.Array([[1, 2, 3], [1, 1, 1]]))
      Array(4, dtype=int32)
      >>> bm.reduce_euclidean_norm(bm.Array([[1., 2., 3.], [1., 1., 1.]]), 1)
      Array([3.7416575, 1.7320508], dtype=float32)
    """
    del name
    keepdims = resolve_keepdims(keepdims, keep_dims, "reduce_euclidean_norm")
    x, axes, _ = _prepare(input_tensor, axis, "reduce_euclidean_norm")
    if x.dtype == jnp.bool_:
        x = x.astype(jnp.result_type(int))
    result = _euclidean_norm(x, axes=axes, keepdims=keepdims)
    return finish(result, out, "reduce_euclidean_norm")

"""TensorFlow-compatible ``concat``, ``clip_by_value`` and ``cast``.

The reductions live in :mod:`brainpy_math._src.tf_reductions` and the segment operators in
:mod:`brainpy_math._src.tf_segments`.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.compat_utils import (
    as_array,
    as_operand,
    concat_arrays,
    finish,
    is_float_scalar,
    public,
)

__all__ = ["concat", "clip_by_value", "cast"]


@public
def concat(
    values: Any,
    axis: int = 0,
    name: str | None = None,
    *,
    dtype: Any = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.concat`.

    Concatenates a list of arrays along dimension ``axis``.

    Args:
      values: a list or tuple of arrays with the same rank and the same shape except in
        ``axis``.
      axis: the dimension to concatenate along, in ``[-rank, rank)``. TensorFlow requires it;
        here it defaults to 0, as in BrainPy 2.3.5.
      name: ignored (TensorFlow's operation name).
      dtype: optional dtype of the result (BrainPy 2.3.5's NumPy-style argument, keyword only).
      out: optional brainpy ``Array`` or ``Variable`` that receives the result; the call then
        returns ``None``.

    Returns:
      A brainpy ``Array``.

    Raises:
      TypeError: if ``values`` is not a sequence.
      ValueError: if ``values`` is empty, holds a 0-d array, or the shapes do not match.
      numpy.exceptions.AxisError: if ``axis`` is out of range.

    Note:
      TensorFlow requires all ``values`` to have one dtype; here mixed dtypes are promoted as
      in ``jax.numpy``. BrainPy 2.3.5's third positional argument was ``dtype``; it is
      TensorFlow's ``name`` here, so pass ``dtype`` by keyword.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.concat([bm.Array([[1, 2]]), bm.Array([[3, 4]])], axis=-1)
      Array([[1, 2, 3, 4]], dtype=int32)
    """
    del name
    result = concat_arrays(values, axis, "concat", "values", "axis", torch_empty=False)
    if dtype is not None:
        result = result.astype(dtype)
    return finish(result, out, "concat", always_array=True)


def _bound(value: Any, argname: str, t: jax.Array) -> jax.Array:
    v = as_operand(value)
    if not jnp.issubdtype(t.dtype, jnp.inexact) and is_float_scalar(v):
        raise TypeError(
            f"clip_by_value: {argname}={value!r} is a float but t has the integer dtype "
            f"{t.dtype}; TensorFlow rejects this too. Cast t to a float dtype first."
        )
    v = jnp.asarray(v)
    if jnp.issubdtype(v.dtype, jnp.complexfloating):
        raise TypeError(f"clip_by_value: {argname} must be real, got dtype {v.dtype}.")
    return v.astype(t.dtype)


@jax.jit
def _clip(x: jax.Array, lo: jax.Array, hi: jax.Array) -> jax.Array:
    return jnp.maximum(jnp.minimum(x, hi), lo)  # TensorFlow's order: min first, then max


@public
def clip_by_value(
    t: Any,
    clip_value_min: Any,
    clip_value_max: Any,
    name: str | None = None,
    *,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`tf.clip_by_value`.

    Clips every element of ``t`` to ``[clip_value_min, clip_value_max]``.

    Args:
      t: the array to clip (real dtype).
      clip_value_min: the lower bound: a scalar or an array that broadcasts to ``t.shape``.
      clip_value_max: the upper bound, likewise.
      name: ignored (TensorFlow's operation name).
      out: optional brainpy ``Array`` or ``Variable`` that receives the result; the call then
        returns ``None``.

    Returns:
      An array with the shape and dtype of ``t``: ``maximum(minimum(t, clip_value_max),
      clip_value_min)``. As in TensorFlow, if ``clip_value_min > clip_value_max`` the result
      is ``clip_value_min`` (``jnp.clip`` would give ``clip_value_max``).

    Raises:
      TypeError: if ``t`` is integer and a bound is a float (TensorFlow raises too), or ``t``
        or a bound is complex.
      ValueError: if a bound would broadcast ``t`` to a larger shape.

    Note:
      The bounds are cast to ``t``'s dtype. BrainPy 2.3.5 wrapped ``numpy.clip``
      (``a, a_min, a_max``); the TensorFlow names are used here.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.clip_by_value(bm.Array([-2., 0.5, 3.]), -1., 1.)
      Array([-1. ,  0.5,  1. ], dtype=float32)
    """
    del name
    x = as_array(t)
    if jnp.issubdtype(x.dtype, jnp.complexfloating):
        raise TypeError(f"clip_by_value: t must be real, got dtype {x.dtype}.")
    lo = _bound(clip_value_min, "clip_value_min", x)
    hi = _bound(clip_value_max, "clip_value_max", x)
    for argname, bound in (("clip_value_min", lo), ("clip_value_max", hi)):
        try:
            shape = jnp.broadcast_shapes(x.shape, bound.shape)
        except ValueError:
            shape = None
        if shape != x.shape:
            raise ValueError(
                f"clip_by_value: {argname} of shape {tuple(bound.shape)} does not broadcast to "
                f"the shape of t, {tuple(x.shape)}, without enlarging it."
            )
    return finish(_clip(x, lo, hi), out, "clip_by_value")


@public
def cast(x: Any, dtype: Any, name: str | None = None, *, out: Any = None) -> Any:
    """BrainPy implementation of :func:`tf.cast`.

    Converts ``x`` to ``dtype``.

    Args:
      x: the array (or scalar) to convert.
      dtype: the target dtype: a NumPy/JAX dtype, its name (``"int32"``) or a type.
      name: ignored (TensorFlow's operation name).
      out: optional brainpy ``Array`` or ``Variable`` that receives the result; the call then
        returns ``None``.

    Returns:
      A brainpy ``Array``, also for 0-d results (as in BrainPy 2.3.5).

    Raises:
      TypeError: if ``dtype`` is ``None`` or not a dtype.

    Note:
      The conversion rules are TensorFlow's: floats become integers by truncation toward zero;
      any non-zero value (``nan`` included) becomes ``True`` and ``True``/``False`` become
      ``1``/``0``; a complex value loses its imaginary part when cast to a real type (and is
      ``True`` as a boolean if either part is non-zero). Where TensorFlow leaves the result
      undefined, XLA's conversion applies: ``nan`` becomes 0 and out-of-range floats saturate
      to the integer type's limits. 64-bit dtypes need ``jax_enable_x64``, as everywhere in
      JAX.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.cast(bm.Array([-1.7, 0.2, 2.9]), bm.int32)
      Array([-1,  0,  2], dtype=int32)
      >>> bm.cast(bm.Array([0., 0.5]), bool)
      Array([False,  True], dtype=bool)
    """
    del name
    if dtype is None:
        raise TypeError("cast: dtype is required (a dtype, its name or a type), got None.")
    v = as_array(x)
    target = jnp.dtype(dtype)
    if jnp.issubdtype(v.dtype, jnp.complexfloating) and not jnp.issubdtype(
        target, jnp.complexfloating
    ):
        v = (v != 0) if target == jnp.bool_ else jnp.real(v)
    return finish(v.astype(target), out, "cast", always_array=True)

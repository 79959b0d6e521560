"""Helpers shared by the PyTorch- and TensorFlow-compatible operators.

Every compat operator follows the same conventions (BrainPy 2.3.5's, section 5 of the spec):

* inputs may be brainpy ``Array``/``Variable``, JAX or NumPy arrays, Python scalars and (where a
  tensor is expected) nested lists; :func:`as_array` turns them into JAX values;
* a result with ``ndim > 0`` comes back as a brainpy ``Array``, a 0-d result as a raw JAX
  scalar (:func:`finish`);
* ``out=`` must be a brainpy ``Array`` or ``Variable``: it receives the result and the call
  returns ``None``;
* an out-of-range dimension raises :class:`numpy.exceptions.AxisError`, which is both an
  ``IndexError`` (what PyTorch raises) and a ``ValueError`` (what BrainPy 2.3.5 raised), with a
  message naming the function, the argument and its value.

The work is done in plain ``jax.numpy``/``lax`` calls on the unwrapped values, so nothing of the
wrapping survives ``jax.jit``: the compiled program is the bare expression.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy_math._src.array import Array, _return
from brainpy_math._src.public_path import set_module
from brainpy_math._src.wrapping import assign_out

__all__ = [
    "AxisError",
    "as_array",
    "as_operand",
    "concat_arrays",
    "concrete",
    "finish",
    "is_float_scalar",
    "normalize_axes",
    "normalize_dim",
    "public",
    "resolve_keepdims",
]

AxisError = np.exceptions.AxisError


#: Give a function its public home, so reprs and docs show ``brainpy_math.<name>``.
public = set_module("brainpy_math")


def as_operand(x: Any) -> Any:
    """The JAX value behind ``x``; Python scalars stay scalars (weakly typed in ``jnp``)."""
    if isinstance(x, Array):
        return x.value
    if isinstance(x, (list, tuple, np.ndarray, np.generic)):
        return jnp.asarray(x)
    return x


def as_array(x: Any) -> jax.Array:
    """``x`` as a JAX array (Python scalars become weakly typed 0-d arrays)."""
    x = as_operand(x)
    return x if isinstance(x, jax.Array) else jnp.asarray(x)


def finish(result: Any, out: Any, name: str, *, always_array: bool = False) -> Any:
    """Store ``result`` into ``out`` (returning ``None``) or wrap it for the caller."""
    if out is not None:
        assign_out(out, result, name)
        return None
    if always_array:
        return Array(result)
    return _return(result)


def is_float_scalar(value: Any) -> bool:
    """Whether ``value`` is a non-integral real-or-complex number (Python or array)."""
    if isinstance(value, (bool, np.bool_, int, np.integer)):
        return False
    if isinstance(value, (float, complex, np.floating, np.complexfloating)):
        return True
    value = as_operand(value)
    if isinstance(value, jax.Array):
        return bool(jnp.issubdtype(value.dtype, jnp.inexact))
    return False


def concrete(x: Any) -> np.ndarray | None:
    """The NumPy value of ``x``, or ``None`` when ``x`` is traced (under jit/vmap/grad)."""
    try:
        return np.asarray(as_operand(x))
    except (
        jax.errors.TracerArrayConversionError,
        jax.errors.ConcretizationTypeError,
        jax.errors.TracerIntegerConversionError,
    ):
        return None


def _as_index(value: Any, fname: str, argname: str) -> int:
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(
            f"{fname}: {argname} must be an integer, got {argname}={value!r} "
            f"({type(value).__name__})."
        ) from None


def normalize_dim(dim: Any, ndim: int, fname: str, argname: str) -> int:
    """Check ``-ndim <= dim < ndim`` and return ``dim`` in ``[0, ndim)``."""
    d = _as_index(dim, fname, argname)
    if not -ndim <= d < ndim:
        lo, hi = -ndim, ndim - 1
        raise AxisError(
            f"{fname}: {argname}={d} is out of range for this input; expected a value in "
            f"[{lo}, {hi}]."
        )
    return d % ndim


def normalize_axes(axis: Any, ndim: int, fname: str, argname: str = "axis") -> tuple[int, ...]:
    """Turn an int, a sequence of ints or a concrete integer array into sorted axes."""
    if isinstance(axis, (Array, jax.Array, np.ndarray)):
        value = concrete(axis)
        if value is None:
            raise TypeError(
                f"{fname}: {argname} must be known when the function is traced (a Python int "
                "or a sequence of ints), got a traced array."
            )
        if not np.issubdtype(value.dtype, np.integer):
            raise TypeError(f"{fname}: {argname} must hold integers, got dtype {value.dtype}.")
        axis = value.tolist()
    if isinstance(axis, Sequence) and not isinstance(axis, str):
        items = list(axis)
    else:
        items = [axis]
    axes = [normalize_dim(a, ndim, fname, argname) for a in items]
    if len(set(axes)) != len(axes):
        raise ValueError(f"{fname}: {argname}={axis!r} names a dimension more than once.")
    return tuple(sorted(axes))


def resolve_keepdims(keepdims: Any, keep_dims: Any, fname: str) -> bool:
    """Merge TensorFlow's ``keepdims`` and its deprecated spelling ``keep_dims``."""
    if keep_dims is None:
        return bool(keepdims)
    if keepdims:
        raise TypeError(f"{fname}: pass keepdims or keep_dims (its old name), not both.")
    return bool(keep_dims)


def concat_arrays(
    tensors: Any, axis: Any, fname: str, seqname: str, axisname: str, *, torch_empty: bool
) -> jax.Array:
    """Concatenate with checked arguments; the dtype is the promotion of all inputs.

    With ``torch_empty``, 1-D tensors of shape ``(0,)`` are skipped whatever the others' shape,
    as :func:`torch.cat` documents (they still take part in the dtype promotion).
    """
    if isinstance(tensors, (Array, jax.Array, np.ndarray)) or not isinstance(tensors, Sequence):
        raise TypeError(
            f"{fname}: {seqname} must be a sequence (list or tuple) of arrays, got "
            f"{type(tensors).__name__}."
        )
    arrays = [as_array(t) for t in tensors]
    if not arrays:
        raise ValueError(f"{fname}: {seqname} must hold at least one array, got an empty sequence.")
    dtype = jnp.result_type(*arrays)
    kept = [(i, a) for i, a in enumerate(arrays) if not (torch_empty and a.shape == (0,))]
    if not kept:
        return jnp.zeros((0,), dtype)
    for i, a in kept:
        if a.ndim == 0:
            raise ValueError(
                f"{fname}: {seqname}[{i}] is 0-d; only arrays with at least one dimension can be "
                "concatenated (stack them instead)."
            )
    i0, first = kept[0]
    d = normalize_dim(axis, first.ndim, fname, axisname)
    for i, a in kept[1:]:
        if a.ndim != first.ndim or any(
            s != t for k, (s, t) in enumerate(zip(a.shape, first.shape)) if k != d
        ):
            raise ValueError(
                f"{fname}: {seqname}[{i}] has shape {tuple(a.shape)} but {seqname}[{i0}] has "
                f"shape {tuple(first.shape)}; they must match except in {axisname}={axis}."
            )
    if len(kept) == 1:
        return kept[0][1].astype(dtype)
    return jnp.concatenate([a for _, a in kept], axis=d, dtype=dtype)

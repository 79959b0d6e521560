"""PyTorch-compatible shape operators: ``flatten``, ``unsqueeze`` and ``cat``."""

from __future__ import annotations

import math
from typing import Any

import jax.numpy as jnp

from brainpy_math._src.compat_utils import (
    as_array,
    concat_arrays,
    finish,
    normalize_dim,
    public,
)

__all__ = ["flatten", "unsqueeze", "cat"]


@public
def flatten(
    input: Any,
    start_dim: int | None = None,
    end_dim: int | None = None,
    *,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`torch.flatten`.

    Merges the dimensions ``start_dim`` to ``end_dim`` (both included) into one.

    Args:
      input: the array to flatten.
      start_dim: the first dimension to merge; ``None`` means 0. Negative values count from
        the end.
      end_dim: the last dimension to merge; ``None`` means the last one.
      out: optional brainpy ``Array`` or ``Variable`` that receives the result; the call then
        returns ``None``.

    Returns:
      A brainpy ``Array``. A 0-d input gives shape ``(1,)``, as in PyTorch.

    Raises:
      numpy.exceptions.AxisError: (an ``IndexError`` and a ``ValueError``) if ``start_dim`` or
        ``end_dim`` is out of range.
      ValueError: if ``start_dim`` comes after ``end_dim``.

    Note:
      BrainPy 2.3.5 returned a raw ``jax.Array``; this returns a brainpy ``Array``, like every
      other operator.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.flatten(bm.zeros((2, 3, 4)), 1).shape
      (2, 12)
      >>> bm.flatten(bm.zeros(()))
      Array([0.], dtype=float32)
    """
    x = as_array(input)
    ndim = max(x.ndim, 1)  # PyTorch treats a 0-d tensor like a 1-d one here
    s = normalize_dim(0 if start_dim is None else start_dim, ndim, "flatten", "start_dim")
    e = normalize_dim(-1 if end_dim is None else end_dim, ndim, "flatten", "end_dim")
    if s > e:
        raise ValueError(
            f"flatten: start_dim={start_dim} comes after end_dim={end_dim} for a "
            f"{x.ndim}-d input; start_dim must not come after end_dim."
        )
    if x.ndim == 0:
        result = x.reshape(1)
    else:
        shape = tuple(x.shape)
        result = x.reshape(shape[:s] + (math.prod(shape[s : e + 1]),) + shape[e + 1 :])
    return finish(result, out, "flatten", always_array=True)


@public
def unsqueeze(input: Any, dim: int, *, out: Any = None) -> Any:
    """BrainPy implementation of :func:`torch.unsqueeze`.

    Inserts a dimension of size one at position ``dim``.

    Args:
      input: the array.
      dim: where the new dimension goes, in ``[-input.ndim - 1, input.ndim]``.
      out: optional brainpy ``Array`` or ``Variable`` that receives the result; the call then
        returns ``None``.

    Returns:
      A brainpy ``Array`` with one more dimension.

    Raises:
      numpy.exceptions.AxisError: if ``dim`` is out of range.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.unsqueeze(bm.Array([1, 2, 3]), -1).shape
      (3, 1)
    """
    x = as_array(input)
    d = normalize_dim(dim, x.ndim + 1, "unsqueeze", "dim")
    return finish(jnp.expand_dims(x, d), out, "unsqueeze", always_array=True)


@public
def cat(
    tensors: Any,
    dim: int = 0,
    *,
    axis: int | None = None,
    dtype: Any = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`torch.cat`.

    Concatenates a sequence of arrays along an existing dimension.

    Args:
      tensors: a list or tuple of arrays with the same shape except in ``dim``. 1-D arrays of
        shape ``(0,)`` are skipped whatever the shape of the others, as PyTorch documents.
      dim: the dimension to concatenate along (may be negative).
      axis: NumPy's name for ``dim`` (BrainPy 2.3.5's ``cat`` was ``concatenate``); give one of
        them.
      dtype: optional dtype of the result (NumPy's ``concatenate`` argument).
      out: optional brainpy ``Array`` or ``Variable`` that receives the result; the call then
        returns ``None``.

    Returns:
      A brainpy ``Array`` whose dtype is the promotion of all inputs' dtypes, as in PyTorch.

    Raises:
      TypeError: if ``tensors`` is not a sequence, or both ``dim`` and ``axis`` are given.
      ValueError: if ``tensors`` is empty, holds a 0-d array, or the shapes do not match.
      numpy.exceptions.AxisError: if ``dim`` is out of range.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.cat([bm.Array([[1, 2]]), bm.Array([[3., 4.]])], dim=0)
      Array([[1., 2.],
             [3., 4.]], dtype=float32)
    """
    argname = "dim"
    if axis is not None:
        if dim != 0:
            raise TypeError(f"cat: pass dim or axis, not both (got dim={dim}, axis={axis}).")
        dim, argname = axis, "axis"
    result = concat_arrays(tensors, dim, "cat", "tensors", argname, torch_empty=True)
    if dtype is not None:
        result = result.astype(dtype)
    return finish(result, out, "cat", always_array=True)

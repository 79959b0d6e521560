"""Sparse (non-event) matrix products: ``csr_matvec``, ``cusparse_csr_matvec``, ``sparse_matmul``.

BrainPy 2.3.5 names. 2.3.5 ran ``cusparse_csr_matvec`` through cuSPARSE on GPUs and a
Numba kernel on CPUs; here both are one pure-JAX segment sum, which XLA compiles for
any device and which supports ``jit``, ``grad`` and ``vmap``. Unlike
:func:`brainpy_math.event.csr_matvec`, the vector's values are used (not only whether
they are non-zero).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import jax
import jax.numpy as jnp

from brainpy_math._src.array import Array, _return, as_jax
from brainpy_math._src.public_path import set_module

__all__ = ["csr_matvec", "cusparse_csr_matvec", "sparse_matmul", "values_alias"]

_F = TypeVar("_F", bound=Callable[..., Any])


def _check_csr(data, indices, indptr, vector, shape, transpose, who):
    if not isinstance(shape, (tuple, list)) or len(shape) != 2:
        raise ValueError(f"{who}: shape must be (rows, cols), got {shape!r}.")
    rows, cols = (int(s) for s in shape)
    data, indices, indptr, vector = (
        jnp.asarray(as_jax(x)) for x in (data, indices, indptr, vector)
    )
    for name, x in (("indices", indices), ("indptr", indptr)):
        if x.ndim != 1 or not jnp.issubdtype(x.dtype, jnp.integer):
            raise ValueError(
                f"{who}: {name} must be a 1-D integer array, got shape {x.shape} and dtype "
                f"{x.dtype}."
            )
    if indptr.shape[0] != rows + 1:
        raise ValueError(
            f"{who}: indptr must have shape ({rows + 1},) for shape={shape}, got {indptr.shape}."
        )
    if data.ndim > 1 or (data.ndim == 1 and data.shape[0] not in (1, indices.shape[0])):
        raise ValueError(
            f"{who}: data must be a scalar or have one value per stored entry "
            f"({indices.shape[0]}), got shape {data.shape}."
        )
    need = rows if transpose else cols
    if vector.ndim != 1 or vector.shape[0] != need:
        raise ValueError(
            f"{who}: vector must have shape ({need},) for shape={shape} and "
            f"transpose={transpose}, got {vector.shape}."
        )
    return data, indices, indptr, vector, rows, cols


def values_alias(func: _F) -> _F:
    """Let ``func``'s first parameter ``values`` also be given as the keyword ``data``.

    ``data`` was this library's name for it before it took 2.3.5's name ``values``; the
    signature shown stays ``func``'s own.
    """

    @functools.wraps(func)
    def call(*args: Any, **kwargs: Any) -> Any:
        if "data" in kwargs:
            if args or "values" in kwargs:
                raise TypeError(
                    f"{func.__name__}: values was given twice (data is another name for it)."
                )
            kwargs["values"] = kwargs.pop("data")
        return func(*args, **kwargs)

    return call  # type: ignore[return-value]


@values_alias
def csr_matvec(
    values: Any,
    indices: Any,
    indptr: Any,
    vector: Any,
    shape: tuple[int, int],
    transpose: bool = False,
    method: str | None = None,
) -> Array:
    """Product of a CSR sparse matrix ``A`` with a dense vector.

    Computes ``A @ vector``, or ``vector @ A`` (that is ``A.T @ vector``) with
    ``transpose=True``.

    Args:
      values: a scalar or one value per stored entry (``nnz``); ``data=`` is also accepted.
      indices: the column of each stored entry (``nnz`` ints).
      indptr: row pointers, ``shape[0] + 1`` ints.
      vector: length ``shape[1]`` (or ``shape[0]`` with ``transpose=True``).
      shape: ``(rows, cols)`` of ``A``.
      transpose: multiply by ``A.T``.
      method: accepted for BrainPy 2.3.5 compatibility (it chose a GPU kernel) and ignored.

    Returns:
      An Array of length ``shape[0]`` (``shape[1]`` with ``transpose=True``).

    Examples:
      >>> import brainpy_math as bm
      >>> import numpy as np
      >>> # A = [[0, 2, 3], [4, 0, 0]]
      >>> data, indices, indptr = np.array([2., 3., 4.]), np.array([1, 2, 0]), np.array([0, 2, 3])
      >>> bm.csr_matvec(data, indices, indptr, np.array([1., 1., 2.]), shape=(2, 3))
      Array([8., 4.], dtype=float32)
      >>> bm.csr_matvec(data, indices, indptr, np.array([1., 2.]), shape=(2, 3), transpose=True)
      Array([8., 2., 3.], dtype=float32)
    """
    del method
    data, indices, indptr, vector, rows, cols = _check_csr(
        values, indices, indptr, vector, shape, transpose, "csr_matvec"
    )
    nnz = indices.shape[0]
    row_of = jnp.searchsorted(indptr, jnp.arange(nnz), side="right") - 1
    dtype = jnp.result_type(data, vector)
    w = jnp.broadcast_to(data.reshape(-1) if data.ndim else data, (nnz,)).astype(dtype)
    if transpose:
        return _return(jax.ops.segment_sum(w * vector[row_of], indices, cols))
    return _return(jax.ops.segment_sum(w * vector[indices], row_of, rows))


def cusparse_csr_matvec(
    data: Any,
    indices: Any,
    indptr: Any,
    vector: Any,
    *,
    shape: tuple[int, int],
    transpose: bool = False,
) -> Array:
    """Same as :func:`csr_matvec` (2.3.5 used cuSPARSE on GPUs; here XLA compiles it).

    Examples:
      >>> import brainpy_math as bm
      >>> import numpy as np
      >>> bm.cusparse_csr_matvec(1., np.array([1, 0]), np.array([0, 1, 2]), np.array([3., 4.]),
      ...                        shape=(2, 2))
      Array([4., 3.], dtype=float32)
    """
    return csr_matvec(data, indices, indptr, vector, shape=shape, transpose=transpose)


def _coo(sparse: Mapping, who: str):
    try:
        values, (rows, cols), shape = sparse["data"], sparse["index"], sparse["shape"]
    except (KeyError, TypeError, ValueError):
        raise ValueError(
            f"{who}: a sparse matrix is a dict {{'data': values, 'index': (rows, cols), "
            f"'shape': (n, m)}}, got keys {sorted(sparse)}."
        ) from None
    if len(shape) != 2:
        raise ValueError(f"{who}: the sparse matrix must be 2-D, got shape {shape!r}.")
    values, rows, cols = (jnp.asarray(as_jax(x)) for x in (values, rows, cols))
    return values, rows, cols, (int(shape[0]), int(shape[1]))


def sparse_matmul(A: Any, B: Any) -> Array:
    """Matrix product ``A @ B`` where one side is a COO sparse matrix given as a dict.

    The sparse matrix is ``{'data': values, 'index': (rows, cols), 'shape': (n, m)}``;
    the dense side is 1-D or 2-D.

    Raises:
      ValueError: both sides are sparse, or both dense, or the dense side is not 1-D/2-D.

    Examples:
      >>> import brainpy_math as bm
      >>> # [[0, 2, 0, 4], [1, 0, 0, 0], [0, 3, 0, 2]]
      >>> sp = {'data': bm.array([2, 4, 1, 3, 2]), 'index': (bm.array([0, 0, 1, 2, 2]),
      ...       bm.array([1, 3, 0, 1, 3])), 'shape': (3, 4)}
      >>> bm.sparse_matmul(sp, bm.arange(4))
      Array([14,  0,  9], dtype=int32)
      >>> bm.sparse_matmul(bm.arange(3), sp)
      Array([1, 6, 0, 4], dtype=int32)
    """
    left, right = isinstance(A, Mapping), isinstance(B, Mapping)
    if left == right:
        kind = "sparse" if left else "dense"
        raise ValueError(
            f"sparse_matmul: exactly one of A and B must be a sparse dict, got both {kind}."
        )
    if left:
        values, rows, cols, (n, _) = _coo(A, "sparse_matmul")
        dense = jnp.asarray(as_jax(B))
        if dense.ndim not in (1, 2):
            raise ValueError(f"sparse_matmul: B must be 1-D or 2-D, got shape {dense.shape}.")
        picked = dense[cols]
        w = values.reshape((-1,) + (1,) * (picked.ndim - 1))
        return _return(jax.ops.segment_sum(picked * w, rows, n))
    values, rows, cols, (_, m) = _coo(B, "sparse_matmul")
    dense = jnp.asarray(as_jax(A))
    if dense.ndim not in (1, 2):
        raise ValueError(f"sparse_matmul: A must be 1-D or 2-D, got shape {dense.shape}.")
    if dense.ndim == 1:
        return _return(jax.ops.segment_sum(dense[rows] * values, cols, m))
    prod = (dense[:, rows] * values).T
    return _return(jax.ops.segment_sum(prod, cols, m).T)


set_module("brainpy_math", csr_matvec, cusparse_csr_matvec, sparse_matmul)

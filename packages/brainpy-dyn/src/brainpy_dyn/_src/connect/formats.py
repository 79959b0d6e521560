"""Conversions between the connection formats: dense matrix, COO, CSR and CSC.

Conventions (NumPy in, NumPy out):

* dense: a ``(pre_num, post_num)`` boolean matrix, ``True`` where ``pre → post``;
* COO: ``(pre_ids, post_ids)``, one entry per synapse;
* CSR: ``(indices, indptr)``, the post ids of pre ``i`` are ``indices[indptr[i]:indptr[i+1]]``;
* CSC: ``(indices, indptr)``, the pre ids of post ``j`` are ``indices[indptr[j]:indptr[j+1]]``.

The synapse order of connectors is the CSR order (by pre, then post); COO follows it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

import brainpy_math as bm

__all__ = [
    "mat2coo",
    "mat2csr",
    "mat2csc",
    "csr2coo",
    "csr2csc",
    "csr2mat",
    "coo2csr",
    "coo2csc",
    "coo2mat",
]

IDX = np.int64  # index dtype of intermediate results; outputs of require() are int32.


_public = bm.set_module("brainpy_dyn.conn")


def _indptr(counts: np.ndarray) -> np.ndarray:
    indptr = np.zeros(counts.size + 1, dtype=IDX)
    np.cumsum(counts, out=indptr[1:])
    return indptr


def keep_connections(
    indptr: np.ndarray, indices: np.ndarray, keep: np.ndarray, rows: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """A CSR chunk ``(indptr, indices)`` with only the connections where ``keep`` is true.

    ``rows`` (the chunk's row of every connection, from 0) may be given when the caller
    already made it. Returns the new ``(indptr, indices)``; ``indptr`` keeps its dtype.
    """
    lengths = np.diff(indptr)
    if rows is None:
        rows = np.repeat(np.arange(lengths.size), lengths)
    cut = np.zeros(lengths.size + 1, dtype=indptr.dtype)
    np.cumsum(np.bincount(rows[keep], minlength=lengths.size), out=cut[1:])
    return cut, indices[keep]


@_public
def mat2coo(dense: Any) -> tuple[np.ndarray, np.ndarray]:
    """COO ``(pre_ids, post_ids)`` of a dense connection matrix (non-zero = connected).

    Examples:
      >>> import numpy as np
      >>> from brainpy_dyn.conn import mat2coo
      >>> [a.tolist() for a in mat2coo(np.array([[0, 1], [1, 1]]))]
      [[0, 1, 1], [1, 0, 1]]
    """
    pre, post = np.nonzero(np.asarray(dense))
    return pre.astype(IDX), post.astype(IDX)


@_public
def mat2csr(dense: Any) -> tuple[np.ndarray, np.ndarray]:
    """CSR ``(indices, indptr)`` of a dense connection matrix.

    Examples:
      >>> import numpy as np
      >>> from brainpy_dyn.conn import mat2csr
      >>> [a.tolist() for a in mat2csr(np.array([[0, 1], [1, 1]]))]
      [[1, 0, 1], [0, 1, 3]]
    """
    dense = np.asarray(dense)
    if dense.ndim != 2:
        raise ValueError(f"mat2csr: dense must be a 2-D matrix, got shape {dense.shape}.")
    pre, post = np.nonzero(dense)
    return post.astype(IDX), _indptr(np.bincount(pre, minlength=dense.shape[0]))


@_public
def mat2csc(dense: Any) -> tuple[np.ndarray, np.ndarray]:
    """CSC ``(indices, indptr)`` (pre ids per post) of a dense connection matrix.

    Examples:
      >>> import numpy as np
      >>> from brainpy_dyn.conn import mat2csc
      >>> [a.tolist() for a in mat2csc(np.array([[0, 1], [1, 1]]))]
      [[1, 0, 1], [0, 1, 3]]
    """
    return mat2csr(np.asarray(dense).T)


@_public
def csr2coo(csr: tuple[Any, Any]) -> tuple[np.ndarray, np.ndarray]:
    """COO ``(pre_ids, post_ids)`` of a CSR structure, in CSR order.

    Examples:
      >>> from brainpy_dyn.conn import csr2coo
      >>> [a.tolist() for a in csr2coo(([1, 0, 1], [0, 1, 3]))]
      [[0, 1, 1], [1, 0, 1]]
    """
    indices, indptr = (np.asarray(a) for a in csr)
    pre = np.repeat(np.arange(indptr.size - 1, dtype=IDX), np.diff(indptr))
    return pre, indices.astype(IDX)


@_public
def csr2csc(csr: tuple[Any, Any], post_num: int, data: Any = None) -> Any:
    """CSC ``(indices, indptr)`` of a CSR structure; with ``data``, also ``data`` reordered.

    Within each post the pre ids are sorted. With ``data`` (one value per synapse in CSR
    order) the result is ``((indices, indptr), data_in_csc_order)``.

    Examples:
      >>> from brainpy_dyn.conn import csr2csc
      >>> [a.tolist() for a in csr2csc(([1, 0, 1], [0, 1, 3]), post_num=2)]
      [[1, 0, 1], [0, 1, 3]]
    """
    indices, indptr = (np.asarray(a) for a in csr)
    pre = np.repeat(np.arange(indptr.size - 1, dtype=IDX), np.diff(indptr))
    order = np.argsort(indices, kind="stable")
    csc = (pre[order], _indptr(np.bincount(indices, minlength=post_num)))
    if data is None:
        return csc
    return csc, np.asarray(data)[order]


@_public
def csr2mat(csr: tuple[Any, Any], num_pre: int, num_post: int) -> np.ndarray:
    """Dense boolean ``(num_pre, num_post)`` matrix of a CSR structure.

    Examples:
      >>> from brainpy_dyn.conn import csr2mat
      >>> csr2mat(([1, 0, 1], [0, 1, 3]), num_pre=2, num_post=2).tolist()
      [[False, True], [True, True]]
    """
    pre, post = csr2coo(csr)
    return coo2mat((pre, post), num_pre, num_post)


@_public
def coo2csr(coo: tuple[Any, Any], num_pre: int) -> tuple[np.ndarray, np.ndarray]:
    """CSR ``(indices, indptr)`` of a COO structure; synapses sorted by pre, then post.

    Examples:
      >>> from brainpy_dyn.conn import coo2csr
      >>> [a.tolist() for a in coo2csr(([1, 0, 1], [1, 1, 0]), num_pre=2)]
      [[1, 0, 1], [0, 1, 3]]
    """
    pre, post = (np.asarray(a, dtype=IDX) for a in coo)
    order = np.lexsort((post, pre))
    return post[order], _indptr(np.bincount(pre, minlength=num_pre))


@_public
def coo2csc(coo: tuple[Any, Any], post_num: int, data: Any = None) -> Any:
    """CSC ``(indices, indptr)`` of a COO structure; pre ids sorted within each post.

    With ``data`` (one value per synapse in COO order) the result is
    ``(indices, indptr, data_in_csc_order)``, as in 2.3.5.

    Examples:
      >>> from brainpy_dyn.conn import coo2csc
      >>> [a.tolist() for a in coo2csc(([0, 1, 1], [1, 0, 1]), post_num=2)]
      [[1, 0, 1], [0, 1, 3]]
      >>> coo2csc(([0, 1, 1], [1, 0, 1]), 2, data=[10., 20., 30.])[2].tolist()
      [20.0, 10.0, 30.0]
    """
    pre, post = (np.asarray(a, dtype=IDX) for a in coo)
    order = np.lexsort((pre, post))
    csc = pre[order], _indptr(np.bincount(post, minlength=post_num))
    if data is None:
        return csc
    return (*csc, np.asarray(data)[order])


@_public
def coo2mat(ij: tuple[Any, Any], num_pre: int, num_post: int) -> np.ndarray:
    """Dense boolean ``(num_pre, num_post)`` matrix of a COO structure.

    Examples:
      >>> from brainpy_dyn.conn import coo2mat
      >>> coo2mat(([0, 1, 1], [1, 0, 1]), num_pre=2, num_post=3).astype(int).tolist()
      [[0, 1, 0], [1, 1, 0]]
    """
    pre, post = (np.asarray(a, dtype=IDX) for a in ij)
    mat = np.zeros((num_pre, num_post), dtype=bool)
    mat[pre, post] = True
    return mat

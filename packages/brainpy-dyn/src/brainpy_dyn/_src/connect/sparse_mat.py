"""``SparseMatConn``: a network given as a sparse matrix (SciPy or any CSR-like object).

SciPy is not a dependency: the matrix is read through its ``tocsr()`` method, or through
``indices``/``indptr``/``shape`` attributes, and SciPy is never imported here.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from brainpy_dyn._src.connect.base import Size, public
from brainpy_dyn._src.connect.custom import CSRConn
from brainpy_dyn._src.connect.errors import ConnectorSizeError
from brainpy_dyn._src.connect.formats import IDX

__all__ = ["SparseMatConn"]


def _csr_parts(csr_mat: Any) -> tuple[np.ndarray, np.ndarray, tuple[int, int]]:
    """Canonical ``(indices, indptr, shape)`` of the non-zero entries of a sparse matrix."""
    mat = csr_mat.tocsr() if callable(getattr(csr_mat, "tocsr", None)) else csr_mat
    try:
        indices, indptr, shape = mat.indices, mat.indptr, mat.shape
    except AttributeError:
        raise ValueError(
            "SparseMatConn: csr_mat must be a sparse matrix with a tocsr() method (such as "
            "scipy.sparse.csr_matrix) or an object with indices, indptr and shape, got "
            f"{type(csr_mat).__name__}."
        ) from None
    indices, indptr = np.asarray(indices), np.asarray(indptr)
    if len(shape) != 2 or any(not isinstance(s, int | np.integer) or s < 0 for s in shape):
        raise ValueError(f"SparseMatConn: csr_mat must be a 2-D matrix, got shape {shape!r}.")
    rows, cols = (int(s) for s in shape)
    ints = all(a.size == 0 or np.issubdtype(a.dtype, np.integer) for a in (indices, indptr))
    if (
        not ints
        or indices.ndim != 1
        or indptr.shape != (rows + 1,)
        or indptr[0] != 0
        or indptr[-1] != indices.size
        or np.any(np.diff(indptr) < 0)
        or (indices.size and (indices.min() < 0 or indices.max() >= cols))
    ):
        raise ValueError(
            f"SparseMatConn: csr_mat is not a valid CSR matrix of shape {(rows, cols)} "
            f"(indptr of length {indptr.size}, {indices.size} indices)."
        )
    pre = np.repeat(np.arange(rows, dtype=IDX), np.diff(indptr))
    keys, where = np.unique(pre * cols + indices.astype(IDX), return_inverse=True)
    data = getattr(mat, "data", None)
    if data is not None and np.shape(data) == indices.shape:
        # A pair stored several times holds the sum of its entries; zeros are no synapse.
        values = np.zeros(keys.size, dtype=np.asarray(data).dtype)
        np.add.at(values, where, np.asarray(data))
        keys = keys[values != 0]
    pre, post = np.divmod(keys, cols) if cols else (keys, keys)
    counts = np.zeros(rows + 1, dtype=IDX)
    np.cumsum(np.bincount(pre, minlength=rows), out=counts[1:])
    return post, counts, (rows, cols)


@public
class SparseMatConn(CSRConn):
    """A network given as a sparse matrix: the non-zero entry ``(i, j)`` is the synapse ``i → j``.

    BrainPy implementation of ``brainpy.conn.SparseMatConn`` (2.3.5). ``csr_mat`` is a
    SciPy sparse matrix or array in any format (read with its ``tocsr()`` method), or any
    object with CSR ``indices``, ``indptr`` and ``shape`` attributes (and optionally
    ``data``). The sizes default to the matrix shape; sizes given must have the same
    numbers of neurons. SciPy is not needed to use the class.

    Note:
      Entries stored with the value 0 are no synapse, and a pair stored several times is
      one synapse (if its entries do not sum to 0), as in the matrix the object
      represents; 2.3.5 kept the stored structure as it was and accepted only
      ``scipy.sparse.csr_matrix``.

    Args:
      csr_mat: the sparse ``(pre_num, post_num)`` connection matrix.
      pre: the size of the pre-synaptic group (optional, defaults to ``csr_mat.shape[0]``).
      post: the size of the post-synaptic group (defaults to ``csr_mat.shape[1]``).

    Raises:
      ValueError: ``csr_mat`` is not a sparse matrix or not a valid 2-D CSR structure.
      ConnectorError: sizes that do not match the matrix shape.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> class CSR:  # any object with CSR attributes (scipy.sparse matrices work as is)
      ...     indices, indptr, shape = np.array([2, 0, 1]), np.array([0, 1, 3]), (2, 3)
      >>> conn = bd.conn.SparseMatConn(CSR())
      >>> np.asarray(conn.require('conn_mat')).astype(int).tolist()
      [[0, 0, 1], [1, 1, 0]]
    """

    def __init__(self, csr_mat: Any, pre: Size | None = None, post: Size | None = None):
        indices, indptr, shape = _csr_parts(csr_mat)
        self.csr_mat = csr_mat
        self.shape: tuple[int, int] = shape
        super().__init__(
            indices,
            indptr,
            pre=shape[0] if pre is None else pre,
            post=shape[1] if post is None else post,
        )

    def _check_sizes(self, pre_size: tuple[int, ...], post_size: tuple[int, ...]) -> None:
        if (math.prod(pre_size), math.prod(post_size)) != self.shape:
            raise ConnectorSizeError(
                f"SparseMatConn: csr_mat has shape {self.shape}, which does not match "
                f"pre_size={pre_size}, post_size={post_size}."
            )

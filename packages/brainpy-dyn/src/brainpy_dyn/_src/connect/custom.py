"""User-given networks: ``MatConn``, ``IJConn`` and ``CSRConn``."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from brainpy_dyn._src.connect.base import Size, TwoEndConnector, public
from brainpy_dyn._src.connect.errors import ConnectorError, ConnectorSizeError
from brainpy_dyn._src.connect.formats import IDX, coo2csr, mat2csr

__all__ = ["MatConn", "IJConn", "CSRConn"]


def _int_vector(who: str, arg: str, x: Any) -> np.ndarray:
    a = np.asarray(x)
    if a.ndim != 1 or (a.size and not np.issubdtype(a.dtype, np.integer)):
        raise ValueError(
            f"{who}: {arg} must be a 1-D array of ints, got shape {a.shape}, dtype {a.dtype}."
        )
    if a.size and a.min() < 0:
        raise ValueError(f"{who}: {arg} must not contain negative ids, got min {a.min()}.")
    return a.astype(IDX)


@public
class MatConn(TwoEndConnector):
    """A network given as a dense ``(pre_num, post_num)`` matrix (non-zero = connected).

    BrainPy implementation of ``brainpy.conn.MatConn`` (2.3.5). The sizes default to the
    matrix shape; sizes given later must have the same numbers of neurons.

    Args:
      conn_mat: the 2-D connection matrix.
      pre: the size of the pre-synaptic group (optional, defaults to ``conn_mat.shape[0]``).
      post: the size of the post-synaptic group (defaults to ``conn_mat.shape[1]``).

    Raises:
      ValueError: ``conn_mat`` is not 2-D.
      ConnectorError: sizes that do not match the matrix.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> indices, indptr = bd.conn.MatConn(np.array([[0, 1], [1, 1]])).require('csr')
      >>> indices.tolist(), indptr.tolist()
      ([1, 0, 1], [0, 1, 3])
    """

    def __init__(self, conn_mat: Any, pre: Size | None = None, post: Size | None = None):
        mat = np.asarray(conn_mat)
        if mat.ndim != 2:
            raise ValueError(f"MatConn: conn_mat must be a 2-D matrix, got shape {mat.shape}.")
        self.conn_mat: np.ndarray = np.asarray(mat != 0)
        rows, cols = mat.shape
        super().__init__(rows if pre is None else pre, cols if post is None else post)

    def _check_sizes(self, pre_size: tuple[int, ...], post_size: tuple[int, ...]) -> None:
        if (math.prod(pre_size), math.prod(post_size)) != self.conn_mat.shape:
            raise ConnectorSizeError(
                f"MatConn: conn_mat has shape {self.conn_mat.shape}, which does not match "
                f"pre_size={pre_size}, post_size={post_size}."
            )

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        return mat2csr(self.conn_mat)

    def build_mat(self) -> np.ndarray:
        return self.conn_mat.copy()


@public
class IJConn(TwoEndConnector):
    """A network given as lists of pre ids ``i`` and post ids ``j`` (synapse ``i[k] → j[k]``).

    BrainPy implementation of ``brainpy.conn.IJConn`` (2.3.5). The sizes must be given
    (``pre=``/``post=`` or by calling the connector) and cover the largest ids.

    Note:
      Synapses are renumbered in the common order of all connectors (by pre id, then post
      id), so the COO arrays returned by ``require`` are ``(i, j)`` sorted that way.
      Repeated pairs are kept (several synapses between the same neurons).

    Args:
      i: pre-synaptic ids.
      j: post-synaptic ids, the same length as ``i``.
      pre: the size of the pre-synaptic group (optional).
      post: the size of the post-synaptic group (optional).

    Raises:
      ValueError: ``i``/``j`` are not 1-D int arrays of the same length.
      ConnectorError: ids outside the group sizes.

    Examples:
      >>> import brainpy_dyn as bd
      >>> pre_ids, post_ids = bd.conn.IJConn([2, 0, 0], [1, 1, 0], pre=3, post=2).require('coo')
      >>> pre_ids.tolist(), post_ids.tolist()
      ([0, 0, 2], [0, 1, 1])
    """

    def __init__(self, i: Any, j: Any, pre: Size | None = None, post: Size | None = None):
        self.i = _int_vector("IJConn", "i", i)
        self.j = _int_vector("IJConn", "j", j)
        if self.i.size != self.j.size:
            raise ValueError(
                f"IJConn: i and j must have the same length, got {self.i.size} and {self.j.size}."
            )
        super().__init__(pre, post)

    def _check_sizes(self, pre_size: tuple[int, ...], post_size: tuple[int, ...]) -> None:
        for arg, ids, size in (("i", self.i, pre_size), ("j", self.j, post_size)):
            if ids.size and ids.max() >= math.prod(size):
                raise ConnectorError(
                    f"IJConn: {arg} contains id {ids.max()}, outside a group of size {size}."
                )

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        pre_num, _ = self._require_sizes()
        return coo2csr((self.i, self.j), pre_num)


@public
class CSRConn(TwoEndConnector):
    """A network given in CSR form: the post ids of pre ``k`` are ``indices[inptr[k]:inptr[k+1]]``.

    BrainPy implementation of ``brainpy.conn.CSRConn`` (2.3.5). The pre size defaults to
    ``len(inptr) - 1``; the post size must be given and cover ``max(indices)``. Post ids
    are sorted within each row (synapses are renumbered in that order).

    Args:
      indices: post-synaptic ids.
      inptr: row pointers, ``len(inptr) = pre_num + 1``.
      pre: the size of the pre-synaptic group (optional).
      post: the size of the post-synaptic group (optional).

    Raises:
      ValueError: malformed ``indices``/``inptr``.
      ConnectorError: sizes that do not match them.

    Examples:
      >>> import brainpy_dyn as bd
      >>> conn = bd.conn.CSRConn([1, 0, 1], [0, 1, 3], post=2)
      >>> conn.require('conn_mat').astype(int).tolist()
      [[0, 1], [1, 1]]
    """

    def __init__(self, indices: Any, inptr: Any, pre: Size | None = None, post: Size | None = None):
        self.indices = _int_vector("CSRConn", "indices", indices)
        self.inptr = _int_vector("CSRConn", "inptr", inptr)
        if (
            self.inptr.size == 0
            or self.inptr[0] != 0
            or self.inptr[-1] != self.indices.size
            or np.any(np.diff(self.inptr) < 0)
        ):
            raise ValueError(
                "CSRConn: inptr must start at 0, never decrease and end at len(indices) "
                f"({self.indices.size}), got {self.inptr.tolist()[:10]}..."
            )
        if pre is None and post is not None:
            pre = self.inptr.size - 1
        super().__init__(pre, post)

    def _check_sizes(self, pre_size: tuple[int, ...], post_size: tuple[int, ...]) -> None:
        if math.prod(pre_size) != self.inptr.size - 1:
            raise ConnectorSizeError(
                f"CSRConn: inptr describes {self.inptr.size - 1} pre neurons, but "
                f"pre_size={pre_size}."
            )
        if self.indices.size and self.indices.max() >= math.prod(post_size):
            raise ConnectorError(
                f"CSRConn: indices contains id {self.indices.max()}, outside a post group of "
                f"size {post_size}."
            )

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        rows = np.repeat(np.arange(self.inptr.size - 1), np.diff(self.inptr))
        order = np.lexsort((self.indices, rows))
        return self.indices[order], self.inptr.copy()

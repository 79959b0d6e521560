"""Deterministic connectors: ``One2One``, ``All2All`` and the grid connectors."""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np

from brainpy_dyn._src.connect.base import (
    OneEndConnector,
    Size,
    TwoEndConnector,
    is_int,
    public,
)
from brainpy_dyn._src.connect.base import check_bool as _check_bool
from brainpy_dyn._src.connect.errors import ConnectorError
from brainpy_dyn._src.connect.formats import IDX

__all__ = [
    "One2One",
    "one2one",
    "All2All",
    "all2all",
    "GridN",
    "GridFour",
    "GridEight",
    "grid_four",
    "grid_eight",
]


@public
class One2One(TwoEndConnector):
    """Connect neuron ``i`` of the pre group to neuron ``i`` of the post group.

    BrainPy implementation of ``brainpy.conn.One2One`` (2.3.5). Both groups must have the
    same number of neurons.

    Args:
      pre: the size of the pre-synaptic group (optional).
      post: the size of the post-synaptic group (optional).

    Raises:
      ConnectorError: the groups have different numbers of neurons.

    Examples:
      >>> import brainpy_dyn as bd
      >>> pre_ids, post_ids = bd.conn.One2One(pre=3, post=3).require('pre_ids', 'post_ids')
      >>> pre_ids.tolist(), post_ids.tolist()
      ([0, 1, 2], [0, 1, 2])
    """

    def _check_sizes(self, pre_size: tuple[int, ...], post_size: tuple[int, ...]) -> None:
        if math.prod(pre_size) != math.prod(post_size):
            raise ConnectorError(
                f"One2One needs groups with the same number of neurons, got "
                f"pre_size={pre_size}, post_size={post_size}."
            )

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        n, _ = self._require_sizes()
        return np.arange(n, dtype=IDX), np.arange(n + 1, dtype=IDX)

    def build_mat(self) -> np.ndarray:
        n, _ = self._require_sizes()
        return np.eye(n, dtype=bool)


one2one = One2One()
"""A shared :class:`One2One` instance (as in 2.3.5); calling it sets its sizes."""


@public
class All2All(TwoEndConnector):
    """Connect every pre neuron to every post neuron.

    BrainPy implementation of ``brainpy.conn.All2All`` (2.3.5).

    Args:
      include_self: whether neuron ``i`` connects to neuron ``i`` (with
        ``include_self=False`` the diagonal ``i → i`` is left out, for
        ``i < min(pre_num, post_num)``, as in 2.3.5).
      pre: the size of the pre-synaptic group (optional).
      post: the size of the post-synaptic group (optional).

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.conn.All2All(include_self=False, pre=3, post=3).require('conn_mat').astype(int)
      Array([[0, 1, 1],
             [1, 0, 1],
             [1, 1, 0]], dtype=int32)
    """

    def __init__(
        self, include_self: bool = True, pre: Size | None = None, post: Size | None = None
    ):
        self.include_self = _check_bool("All2All", "include_self", include_self)
        super().__init__(pre, post)

    def _arguments(self) -> dict[str, Any]:
        return {"include_self": self.include_self}

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        pre_num, post_num = self._require_sizes()
        if self.include_self:
            indices = np.tile(np.arange(post_num, dtype=IDX), pre_num)
            return indices, np.arange(pre_num + 1, dtype=IDX) * post_num
        mat = self.build_mat()
        indices = np.nonzero(mat)[1].astype(IDX)
        indptr = np.zeros(pre_num + 1, dtype=IDX)
        np.cumsum(mat.sum(axis=1), out=indptr[1:])
        return indices, indptr

    def build_mat(self) -> np.ndarray:
        pre_num, post_num = self._require_sizes()
        mat = np.ones((pre_num, post_num), dtype=bool)
        if not self.include_self:
            np.fill_diagonal(mat, False)
        return mat


all2all = All2All()
"""A shared :class:`All2All` instance (as in 2.3.5); calling it sets its sizes."""


def _grid_csr(
    size: tuple[int, ...],
    offsets: list[tuple[int, ...]],
    include_self: bool,
    periodic: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """CSR of an N-D grid where each neuron connects to the neurons at ``offsets``."""
    n = math.prod(size)
    ids = np.arange(n, dtype=np.int64)
    coords = np.unravel_index(ids, size)  # row-major (C order) neuron ids
    pres, posts = [], []
    for offset in offsets:
        moved = [c + d for c, d in zip(coords, offset, strict=True)]
        if periodic:
            moved = [m % s for m, s in zip(moved, size, strict=True)]
            valid = np.ones(n, dtype=bool)
        else:
            valid = np.ones(n, dtype=bool)
            for m, s in zip(moved, size, strict=True):
                valid &= (m >= 0) & (m < s)
            moved = [np.clip(m, 0, s - 1) for m, s in zip(moved, size, strict=True)]
        target = np.ravel_multi_index(moved, size)
        valid &= target != ids  # a wrap-around onto the neuron itself is not a neighbour
        pres.append(ids[valid])
        posts.append(target[valid])
    if include_self:
        pres.append(ids)
        posts.append(ids)
    # Sort by (pre, post) and drop repeats (tiny periodic grids reach a neighbour twice).
    keys = np.unique(np.concatenate(pres) * n + np.concatenate(posts))
    pre, post = np.divmod(keys, n)
    indptr = np.zeros(n + 1, dtype=IDX)
    np.cumsum(np.bincount(pre, minlength=n), out=indptr[1:])
    return post.astype(IDX), indptr


@public
class GridN(OneEndConnector):
    """Connect each neuron of a grid to the neurons within ``N`` steps along every axis.

    BrainPy implementation of ``brainpy.conn.GridN`` (2.3.5): the ``(2N+1)^d − 1``
    surrounding neurons of a ``d``-dimensional grid (Moore neighbourhood; ``(2N+1)² − 1``
    on a 2-D grid). The group size is the grid's shape, of any number of dimensions;
    neuron ids are row-major (neuron ``(r, c)`` of a ``(height, width)`` grid has id
    ``r·width + c``).

    Args:
      N: the radius of the neighbourhood (``>= 1``).
      include_self: whether each neuron also connects to itself.
      periodic_boundary: whether the grid wraps around (a torus). On grids narrower
        than the neighbourhood a neighbour reached twice is connected once.
      pre: the size of the group (optional; ``post`` defaults to it).
      post: must equal ``pre`` if given.

    Raises:
      ConnectorError: ``pre != post``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> conn = bd.conn.GridN(N=1, pre=(3, 3))
      >>> (conn.require('pre2post')[1][1:] - conn.require('pre2post')[1][:-1]).tolist()
      [3, 5, 3, 5, 8, 5, 3, 5, 3]
    """

    def __init__(
        self,
        N: int = 1,
        include_self: bool = False,
        periodic_boundary: bool = False,
        pre: Size | None = None,
        post: Size | None = None,
    ):
        name = type(self).__name__
        if not is_int(N) or N < 1:
            raise ValueError(f"{name}: N must be an int >= 1, got {N!r}.")
        self.N = N
        self.include_self = _check_bool(name, "include_self", include_self)
        self.periodic_boundary = _check_bool(name, "periodic_boundary", periodic_boundary)
        super().__init__(pre, post)

    def _arguments(self) -> dict[str, Any]:
        return {
            "N": self.N,
            "include_self": self.include_self,
            "periodic_boundary": self.periodic_boundary,
        }

    def _offsets(self, ndim: int) -> list[tuple[int, ...]]:
        span = range(-self.N, self.N + 1)
        return [o for o in itertools.product(span, repeat=ndim) if any(o)]

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        self._require_sizes()
        assert self.pre_size is not None
        offsets = self._offsets(len(self.pre_size))
        return _grid_csr(self.pre_size, offsets, self.include_self, self.periodic_boundary)


@public
class GridEight(GridN):
    """Connect each neuron of a grid to its surrounding neurons (``GridN(N=1)``).

    On a 2-D grid these are the 8 neurons around it; on a ``d``-D grid the ``3^d − 1``.

    BrainPy implementation of ``brainpy.conn.GridEight`` (2.3.5); see :class:`GridN`.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.conn.GridEight(periodic_boundary=True, pre=(4, 4)).require('pre_ids').size
      128
    """

    def __init__(
        self,
        include_self: bool = False,
        periodic_boundary: bool = False,
        pre: Size | None = None,
        post: Size | None = None,
    ):
        super().__init__(1, include_self, periodic_boundary, pre, post)

    def _arguments(self) -> dict[str, Any]:
        return {"include_self": self.include_self, "periodic_boundary": self.periodic_boundary}


@public
class GridFour(GridEight):
    """Connect each neuron of a grid to its nearest neighbours (up, down, left, right on 2-D).

    BrainPy implementation of ``brainpy.conn.GridFour`` (2.3.5); see :class:`GridN` for the
    layout. A neuron connects to the neurons one step away along one axis (4 on a 2-D grid,
    ``2d`` on a ``d``-D grid); without a periodic boundary, corners of a 2-D grid have 2
    neighbours, edges 3, the interior 4.

    Examples:
      >>> import brainpy_dyn as bd
      >>> indices, indptr = bd.conn.GridFour(pre=(3, 3)).require('csr')
      >>> indices[indptr[4]:indptr[5]].tolist()  # the centre of a 3x3 grid
      [1, 3, 5, 7]
    """

    def _offsets(self, ndim: int) -> list[tuple[int, ...]]:
        unit = np.eye(ndim, dtype=int)
        return [tuple(int(v) for v in sign * row) for row in unit for sign in (-1, 1)]


grid_four = GridFour()
"""A shared :class:`GridFour` instance (as in 2.3.5); calling it sets its sizes."""

grid_eight = GridEight()
"""A shared :class:`GridEight` instance (as in 2.3.5); calling it sets its sizes."""

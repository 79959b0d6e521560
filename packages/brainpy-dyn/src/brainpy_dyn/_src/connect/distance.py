"""Distance-dependent random connectors: ``GaussianProb`` and ``ProbDist``.

Neurons sit on the grid of their group size: neuron ``k`` of a group of size
``(d0, d1, ...)`` has the grid coordinates ``numpy.unravel_index(k, size)`` (row-major,
as everywhere in :mod:`brainpy_dyn.conn`). Both connectors draw the network once per sizes
and seed with :func:`numpy.random.default_rng`, pre neuron by pre neuron, and build it block
by block, so no ``pre_num × post_num`` matrix is held in memory beyond a few million
entries at a time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from brainpy_dyn._src.connect.base import (
    OneEndConnector,
    Size,
    TwoEndConnector,
    check_bool,
    is_real,
    public,
)
from brainpy_dyn._src.connect.errors import ConnectorError
from brainpy_dyn._src.connect.formats import IDX
from brainpy_dyn._src.connect.random_conn import _fraction, _seed

__all__ = ["GaussianProb", "ProbDist"]

# Elements (pre rows × candidates) handled at once; bounds the temporary memory.
_BLOCK_ELEMENTS = 1 << 22
# ProbDist enumerates the grid offsets within ``dist`` when there are fewer of them than
# this fraction of the post neurons, and compares every pair of a block otherwise.
_OFFSET_FRACTION = 0.25


def _csr_from_blocks(
    pre_num: int, pres: list[np.ndarray], posts: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """CSR of pairs already sorted by (pre, post) and given block by block."""
    pre = np.concatenate(pres) if pres else np.zeros(0, dtype=IDX)
    post = np.concatenate(posts) if posts else np.zeros(0, dtype=IDX)
    indptr = np.zeros(pre_num + 1, dtype=IDX)
    np.cumsum(np.bincount(pre, minlength=pre_num), out=indptr[1:])
    return post.astype(IDX, copy=False), indptr


def _grid(size: tuple[int, ...]) -> np.ndarray:
    """The ``(prod(size), len(size))`` integer grid coordinates of neurons, row-major."""
    return np.stack(np.unravel_index(np.arange(math.prod(size)), size), axis=1).astype(IDX)


_Range = tuple[float, float]


def _value_ranges(encoding_values: Any) -> tuple[_Range | None, tuple[_Range, ...] | None]:
    """Validate ``encoding_values`` of :class:`GaussianProb`.

    Returns ``(same, per_axis)``: the range shared by every axis, or the ranges of each
    axis (both ``None`` without ``encoding_values``).
    """
    if encoding_values is None:
        return None, None

    def pair(v: Any) -> tuple[float, float] | None:
        if (
            isinstance(v, Sequence | np.ndarray)
            and len(v) == 2
            and all(is_real(x) and math.isfinite(x) for x in v)
            and v[0] < v[1]
        ):
            return float(v[0]), float(v[1])
        return None

    if isinstance(encoding_values, Sequence | np.ndarray) and len(encoding_values) > 0:
        single = pair(encoding_values)
        if single is not None:
            return single, None
        ranges = [pair(v) for v in encoding_values]
        if all(r is not None for r in ranges):
            return None, tuple(r for r in ranges if r is not None)
    raise ValueError(
        "GaussianProb: encoding_values must be None, one (low, high) pair with low < high, or "
        f"one such pair per axis of the group size, got {encoding_values!r}."
    )


@public
class GaussianProb(OneEndConnector):
    r"""Connect neurons of a grid with a probability that decays as a Gaussian of distance.

    BrainPy implementation of ``brainpy.conn.GaussianProb`` (2.3.5). Each neuron encodes
    a position :math:`v^i` on the grid of the group size, and the pair :math:`(i, j)` is
    connected, independently of every other pair, with probability

    .. math::

        p(i, j) = \exp\left(-\frac{\sum_k |v^i_k - v^j_k|^2}{2\sigma^2}\right).

    Without ``encoding_values`` a neuron encodes its grid coordinates
    :math:`(i_0, i_1, \ldots)`. With one ``(low, high)`` range, axis ``k`` (of length
    :math:`n_k`) encodes ``low + (high - low) * c / n_k`` for coordinates ``c = 0 ..
    n_k - 1``; a sequence of ranges gives one range per axis. With ``periodic_boundary``
    each axis wraps around with period ``high - low`` (the axis length by default), so a
    distance :math:`d` along an axis counts as :math:`\min(d, \text{period} - d)`. The pair
    ``(i, i)`` has probability 1: it is connected unless ``include_self=False``.

    Note:
      Neuron ids are row-major over the group size, as in every connector of this
      package; 2.3.5 numbered 2-D groups with the first axis fastest (column-major), so
      for non-square 2-D sizes the same positions carry different ids. ``normalize``
      divides the probabilities by their maximum, which is always ``p(i, i) = 1``; it is
      kept for compatibility and changes nothing (as in 2.3.5). The network for a seed
      differs from 2.3.5's (NumPy's PCG64 generator instead of the legacy one).

    Args:
      sigma: the width :math:`\sigma` of the Gaussian, in encoded units (``> 0``).
      encoding_values: ``None``, one ``(low, high)`` range for every axis, or one range
        per axis of the group size.
      normalize: divide the probabilities by their maximum (no effect, see the note).
      include_self: whether each neuron connects to itself.
      periodic_boundary: whether every axis wraps around (a torus).
      seed: the seed of the network; ``None`` draws one from NumPy's global generator.
      pre: the size of the group (optional; ``post`` defaults to it).
      post: must equal ``pre`` if given.

    Raises:
      ValueError: ``sigma`` not a positive number, malformed ``encoding_values``, a bad
        flag or ``seed``.
      ConnectorError: ``pre != post``, or ``encoding_values`` gives a number of ranges
        other than the number of axes of the group size.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> conn = bd.conn.GaussianProb(sigma=1.0, periodic_boundary=True, seed=0, pre=(20, 20))
      >>> mat = np.asarray(conn.require('conn_mat'))
      >>> bool(mat.diagonal().all()), mat.shape
      (True, (400, 400))
      >>> expected = np.exp(-np.arange(-10, 10) ** 2 / 2).sum() ** 2  # sum of p(i, j) over j
      >>> round(float(expected), 2), round(float(mat.sum(axis=1).mean()), 2)
      (6.28, 6.35)
    """

    def __init__(
        self,
        sigma: float,
        encoding_values: Any = None,
        normalize: bool = True,
        include_self: bool = True,
        periodic_boundary: bool = False,
        seed: int | None = None,
        pre: Size | None = None,
        post: Size | None = None,
    ):
        if not is_real(sigma) or not sigma > 0 or not math.isfinite(sigma):
            raise ValueError(f"GaussianProb: sigma must be a positive number, got {sigma!r}.")
        self.sigma = float(sigma)
        self.encoding_values = encoding_values
        self._same_range, self._axis_ranges = _value_ranges(encoding_values)
        self.normalize: bool = check_bool("GaussianProb", "normalize", normalize)
        self.include_self: bool = check_bool("GaussianProb", "include_self", include_self)
        self.periodic_boundary: bool = check_bool(
            "GaussianProb", "periodic_boundary", periodic_boundary
        )
        self.seed = _seed("GaussianProb", seed)
        super().__init__(pre, post)

    def _arguments(self) -> dict[str, Any]:
        args: dict[str, Any] = {"sigma": self.sigma}
        if self.encoding_values is not None:
            args["encoding_values"] = self.encoding_values
        args.update(
            normalize=self.normalize,
            include_self=self.include_self,
            periodic_boundary=self.periodic_boundary,
            seed=self.seed,
        )
        return args

    def _check_sizes(self, pre_size: tuple[int, ...], post_size: tuple[int, ...]) -> None:
        super()._check_sizes(pre_size, post_size)
        if self._axis_ranges is not None and len(self._axis_ranges) != len(pre_size):
            raise ConnectorError(
                f"GaussianProb: encoding_values has ranges for {len(self._axis_ranges)} axes, "
                f"but the group size {pre_size} has {len(pre_size)} axes."
            )

    def _positions(self, size: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
        """Encoded positions ``(n, ndim)`` and the period of each axis ``(ndim,)``."""
        if self._axis_ranges is not None:
            ranges = list(self._axis_ranges)
        elif self._same_range is not None:
            ranges = [self._same_range] * len(size)
        else:
            ranges = [(0.0, float(s)) for s in size]
        coords = _grid(size)
        low = np.array([r[0] for r in ranges])
        span = np.array([r[1] - r[0] for r in ranges])
        counts = np.array(size, dtype=np.float64)
        return low + span * coords / counts, span

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        n, _ = self._require_sizes()
        assert self.pre_size is not None
        pos, period = self._positions(self.pre_size)
        rng = np.random.default_rng(self.seed)
        scale = 2.0 * self.sigma**2
        step = max(1, _BLOCK_ELEMENTS // max(n * pos.shape[1], 1))
        pres, posts = [], []
        for start in range(0, n, step):
            stop = min(n, start + step)
            d = np.abs(pos[start:stop, None, :] - pos[None, :, :])
            if self.periodic_boundary:
                d = np.minimum(d, period - d)
            prob = np.exp(-np.sum(d * d, axis=-1) / scale)
            # normalize: the maximum probability is p(i, i) = exp(0) = 1, so dividing by
            # it is the identity and is skipped.
            hit = prob >= rng.random(prob.shape)
            if not self.include_self:
                rows = np.arange(stop - start)
                hit[rows, rows + start] = False
            r, c = np.nonzero(hit)
            pres.append(r.astype(IDX) + start)
            posts.append(c.astype(IDX))
        return _csr_from_blocks(n, pres, posts)


@public
class ProbDist(TwoEndConnector):
    """Connect each pre neuron, with probability ``prob``, to the post neurons within ``dist``.

    BrainPy implementation of ``brainpy.conn.ProbDist`` (2.3.5). Both groups are grids
    with the same number of axes; a pre neuron and a post neuron are compared by their
    grid coordinates (row-major ids, see the module docstring), at Euclidean distance
    ``d``. Each pre neuron is kept with probability ``pre_ratio`` (independently); a kept
    pre neuron connects to every post neuron with ``d <= dist`` independently with
    probability ``prob``. With ``include_self=False`` pairs at distance 0 (the same grid
    coordinates) are left out.

    Note:
      The groups may have different sizes; coordinates are compared as they are (not
      rescaled), as in 2.3.5. Any number of axes is supported (2.3.5 stopped at 4).
      The network for a seed differs from 2.3.5's.

    Args:
      dist: the largest distance of a connection (``>= 0``).
      prob: the probability of each connection within ``dist``, in ``[0, 1]``.
      pre_ratio: the probability that a pre neuron has connections at all, in ``[0, 1]``.
      seed: the seed of the network; ``None`` draws one from NumPy's global generator.
      include_self: whether pairs at the same grid coordinates may connect.
      pre: the size of the pre-synaptic group (optional).
      post: the size of the post-synaptic group (optional).

    Raises:
      ValueError: ``dist`` negative or not a number; ``prob`` or ``pre_ratio`` outside
        ``[0, 1]``; a bad ``seed`` or ``include_self``.
      ConnectorError: the two sizes have different numbers of axes.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> conn = bd.conn.ProbDist(dist=1.5, prob=1.0, include_self=False, pre=(5, 5), post=(5, 5))
      >>> indices, indptr = conn.require('csr')
      >>> np.asarray(indices[indptr[12]:indptr[13]]).tolist()  # the centre's 8 neighbours
      [6, 7, 8, 11, 13, 16, 17, 18]
    """

    def __init__(
        self,
        dist: float = 1,
        prob: float = 1.0,
        pre_ratio: float = 1.0,
        seed: int | None = None,
        include_self: bool = True,
        pre: Size | None = None,
        post: Size | None = None,
    ):
        if not is_real(dist) or not dist >= 0 or math.isnan(dist):
            raise ValueError(f"ProbDist: dist must be a number >= 0, got {dist!r}.")
        self.dist = dist
        self.prob = _fraction("ProbDist", "prob", prob)
        self.pre_ratio = _fraction("ProbDist", "pre_ratio", pre_ratio)
        self.seed = _seed("ProbDist", seed)
        self.include_self: bool = check_bool("ProbDist", "include_self", include_self)
        super().__init__(pre, post)

    def _arguments(self) -> dict[str, Any]:
        return {
            "dist": self.dist,
            "prob": self.prob,
            "pre_ratio": self.pre_ratio,
            "seed": self.seed,
            "include_self": self.include_self,
        }

    def _check_sizes(self, pre_size: tuple[int, ...], post_size: tuple[int, ...]) -> None:
        if len(pre_size) != len(post_size):
            raise ConnectorError(
                f"ProbDist compares grid coordinates, so pre_size and post_size need the same "
                f"number of axes, got pre_size={pre_size}, post_size={post_size}."
            )

    def _offsets(self) -> np.ndarray:
        """Integer offsets ``post - pre`` with norm ``<= dist`` that can land on the grid."""
        assert self.pre_size is not None and self.post_size is not None
        reach = math.floor(self.dist) if math.isfinite(self.dist) else math.inf
        axes = []
        for a, b in zip(self.pre_size, self.post_size):
            lo, hi = -(a - 1), b - 1
            axes.append(np.arange(max(lo, -reach), min(hi, reach) + 1, dtype=IDX))
        grids = np.meshgrid(*axes, indexing="ij")
        off = np.stack([g.ravel() for g in grids], axis=1)
        within: np.ndarray = off[self._within(np.sum(off * off, axis=1))]
        return within

    def _within(self, d2: np.ndarray) -> np.ndarray:
        """Which squared distances ``d2`` make a candidate pair."""
        keep: np.ndarray = np.sqrt(d2) <= self.dist
        if not self.include_self:
            keep &= d2 != 0
        return keep

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        pre_num, post_num = self._require_sizes()
        assert self.pre_size is not None and self.post_size is not None
        rng = np.random.default_rng(self.seed)
        kept = np.flatnonzero(rng.random(pre_num) < self.pre_ratio)
        if kept.size == 0 or post_num == 0:
            return np.zeros(0, dtype=IDX), np.zeros(pre_num + 1, dtype=IDX)
        pre_pos, post_pos = _grid(self.pre_size), _grid(self.post_size)
        post_dims = np.array(self.post_size, dtype=IDX)
        side = 2 * math.floor(self.dist) + 1 if math.isfinite(self.dist) else math.inf
        boxes = math.prod(min(a + b - 1, side) for a, b in zip(self.pre_size, self.post_size))
        offsets = self._offsets() if boxes < _OFFSET_FRACTION * post_num else None
        width = post_num if offsets is None else max(offsets.shape[0], 1)
        step = max(1, _BLOCK_ELEMENTS // width)
        pres, posts = [], []
        for start in range(0, kept.size, step):
            rows = kept[start : start + step]
            if offsets is None:  # compare with every post neuron
                diff = pre_pos[rows, None, :] - post_pos[None, :, :]
                r, c = np.nonzero(self._within(np.sum(diff * diff, axis=-1)))
                pre, post = rows[r], c.astype(IDX)
            else:  # only the grid points within reach; row-major order of offsets
                target = pre_pos[rows, None, :] + offsets[None, :, :]
                valid = np.all((target >= 0) & (target < post_dims), axis=-1)
                r, o = np.nonzero(valid)
                pre = rows[r]
                post = np.ravel_multi_index(tuple(target[r, o].T), self.post_size).astype(IDX)
            # Candidates come sorted by (pre, post) in both branches: offsets are enumerated
            # in row-major order, which is the order of the post ids they reach.
            take = rng.random(pre.size) < self.prob if self.prob < 1.0 else slice(None)
            pres.append(pre[take])
            posts.append(post[take])
        return _csr_from_blocks(pre_num, pres, posts)

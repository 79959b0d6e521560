"""Random connectors: ``FixedProb``, ``FixedPreNum``, ``FixedPostNum``, ``FixedTotalNum``.

All of them draw the network once per (sizes, seed) with NumPy's PCG64 generator in CSR
form; every format of ``require`` derives from that one draw. ``FixedPreNum`` and
``FixedTotalNum`` draw from :func:`numpy.random.default_rng`; ``FixedProb`` and
``FixedPostNum`` draw by blocks of targets, each from its own stream of the seed
(:mod:`~brainpy_dyn._src.connect.block_sampling`), so that the targets of one device of a
run of several processes are drawn without the others (``iter_csr_targets``) and are the
same connections whatever the blocks asked for. ``seed=None`` draws a seed from NumPy's global generator when the connector
is created (as 2.3.5 did), so ``brainpy_math.random.seed(s)`` (which seeds NumPy too), or
``numpy.random.seed(s)``, before creating it makes the network reproducible. The seed
actually used is kept in ``conn.seed`` and shown by ``repr``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import numpy as np

from brainpy_dyn._src.connect.base import (
    Size,
    TwoEndConnector,
    check_bool,
    is_int,
    is_real,
    public,
)
from brainpy_dyn._src.connect.block_sampling import iter_block_rows, stream
from brainpy_dyn._src.connect.errors import ConnectorError
from brainpy_dyn._src.connect.formats import IDX, csr2csc, keep_connections
from brainpy_dyn._src.connect.sampling import sample_rows

__all__ = ["FixedProb", "FixedPreNum", "FixedPostNum", "FixedTotalNum", "count_of"]

# FixedProb's streams of one seed (block_sampling.stream): its targets, its source sample.
_TARGETS, _ROWS = 0, 1


def _seed(who: str, seed: Any) -> int:
    if seed is None:
        # NumPy's *global* legacy generator on purpose: np.random.seed / bm.random.seed
        # make the drawn seed, hence the network, reproducible (2.3.5 behaviour).
        return int(np.random.randint(0, 10**7))  # noqa: NPY002
    if is_int(seed) and seed >= 0:
        return int(seed)
    raise ValueError(f"{who}: seed must be None or a non-negative int, got {seed!r}.")


def _fraction(who: str, arg: str, value: Any) -> float:
    if not is_real(value) or not 0 <= value <= 1:
        raise ValueError(f"{who}: {arg} must be a number in [0, 1], got {value!r}.")
    return float(value)


def _number(who: str, num: Any) -> int | float:
    """A ``num`` argument: an int ``>= 0`` (a count) or a float in ``[0, 1]`` (a fraction)."""
    if is_int(num):
        if num < 0:
            raise ValueError(f"{who}: num must be >= 0, got {num!r}.")
        return int(num)
    if is_real(num) and 0 <= num <= 1:
        return float(num)
    raise ValueError(f"{who}: num must be an int >= 0 or a float in [0, 1], got {num!r}.")


def count_of(n: int, fraction: float) -> int:
    """``int(n * fraction)``, except that a product within rounding error of an integer is it.

    2.3.5 truncated ``n * fraction``, so ``100 * 0.29 = 28.999999999999996`` gave 28; here
    it gives 29. Products that are genuinely fractional are still truncated.

    Examples:
      >>> from brainpy_dyn._src.connect.random_conn import count_of
      >>> count_of(100, 0.29), count_of(4000, 0.02), count_of(10, 0.25)
      (29, 80, 2)
    """
    x = n * fraction
    nearest = round(x)
    if abs(x - nearest) <= 1e-9 * max(1.0, abs(x)):
        return int(nearest)
    return math.floor(x)


def _join(pre_num: int, chunks: Iterator[tuple[int, np.ndarray, np.ndarray]]) -> Any:
    """One CSR ``(indices, indptr)`` from CSR chunks of consecutive rows."""
    parts = list(chunks)
    indices = np.concatenate([c[2] for c in parts])
    indptr = np.zeros(pre_num + 1, dtype=IDX)
    np.cumsum(np.concatenate([np.diff(c[1]) for c in parts]), out=indptr[1:])
    return indices, indptr


class _Random(TwoEndConnector):
    """Shared seed handling; the network is drawn from ``np.random.default_rng(seed)``."""

    def __init__(self, seed: int | None, pre: Size | None, post: Size | None):
        self.seed = _seed(type(self).__name__, seed)
        super().__init__(pre, post)

    def _rng(self) -> np.random.Generator:
        return np.random.default_rng(self.seed)

    def _check_sizes(self, pre_size: tuple[int, ...], post_size: tuple[int, ...]) -> None:
        if not getattr(self, "include_self", True) and math.prod(pre_size) != math.prod(post_size):
            raise ConnectorError(
                f"{type(self).__name__}: include_self=False removes the connections i -> i "
                f"and needs groups with the same number of neurons, got pre_size={pre_size}, "
                f"post_size={post_size}."
            )


class _DrawnByTargets(_Random):
    """A connector drawn by blocks of targets: the whole network is its ``iter_csr_targets()``."""

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        return _join(self._require_sizes()[0], self.iter_csr())

    def iter_csr(self) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """The network chunk by chunk, drawn as :meth:`build_csr` draws it (same network)."""
        if self._csr_cache is not None:
            yield from super().iter_csr()
            return
        yield from self.iter_csr_targets()


@public
class FixedProb(_DrawnByTargets):
    """Connect each pre neuron to a fixed fraction ``prob`` of the post neurons.

    BrainPy implementation of ``brainpy.conn.FixedProb`` (2.3.5), with its fixed
    out-degree semantics: each selected pre neuron connects to exactly
    ``k = int(post_num * prob)`` distinct post neurons drawn uniformly without
    replacement (with replacement if ``allow_multi_conn``). With ``pre_ratio < 1`` only
    ``int(pre_num * pre_ratio)`` pre neurons, drawn uniformly, have connections; the
    others have empty rows. With ``include_self=False`` the connection ``i → i`` is
    removed after drawing, so those rows have ``k - 1`` connections.

    Note:
      Unlike 2.3.5, every format is the same network: the dense ``'conn_mat'`` is built
      from the same draw as CSR/CSC/COO (2.3.5 drew an unrelated Bernoulli matrix for it);
      with ``pre_ratio < 1`` ``indptr`` still has ``pre_num + 1`` entries indexed by
      neuron id; ``include_self=False`` works for the dense matrix too. ``int()`` is
      applied up to rounding error (see ``count_of``). The network for a seed differs
      from 2.3.5's (which used numba's or NumPy's legacy generator). With
      ``allow_multi_conn=True`` the dense matrix marks a pair once however many synapses
      join it. Each row's targets are drawn by blocks of consecutive targets (the
      row's count split between the halves of a tree of blocks by hypergeometric draws,
      binomial ones with ``allow_multi_conn``), each block from its own stream of the
      seed: every row is still a uniform ``k``-subset (a multinomial draw), and the
      connections to any range of targets can be drawn alone (:meth:`iter_csr_targets`),
      as a process of a run of several does for the targets its devices hold.

    Args:
      prob: the connection probability, i.e. the fraction of post neurons each selected
        pre neuron connects to, in ``[0, 1]``.
      pre_ratio: the fraction of pre neurons that have connections, in ``[0, 1]``.
      include_self: whether ``i → i`` connections are kept (``False`` needs groups of
        the same size).
      allow_multi_conn: draw post neurons with replacement (a pair may be connected by
        several synapses).
      seed: the seed of the network; ``None`` draws one from NumPy's global generator.
      pre: the size of the pre-synaptic group (optional).
      post: the size of the post-synaptic group (optional).

    Raises:
      ValueError: ``prob`` or ``pre_ratio`` outside ``[0, 1]``, or a bad ``seed``.
      ConnectorError: ``include_self=False`` with groups of different sizes, or
        :meth:`require` before the sizes are known.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> conn = bd.conn.FixedProb(0.02, seed=42, pre=100, post=300)
      >>> indices, indptr = conn.require('pre2post')
      >>> np.unique(np.diff(np.asarray(indptr))).tolist()  # every row has 300 * 0.02
      [6]
      >>> mat = conn.require('conn_mat')  # the same network, dense
      >>> int(mat.sum()), bool(mat[0, indices[0]])
      (600, True)
    """

    def __init__(
        self,
        prob: float,
        pre_ratio: float = 1.0,
        include_self: bool = True,
        allow_multi_conn: bool = False,
        seed: int | None = None,
        pre: Size | None = None,
        post: Size | None = None,
    ):
        self.prob = _fraction("FixedProb", "prob", prob)
        self.pre_ratio = _fraction("FixedProb", "pre_ratio", pre_ratio)
        self.include_self: bool = check_bool("FixedProb", "include_self", include_self)
        self.allow_multi_conn: bool = check_bool("FixedProb", "allow_multi_conn", allow_multi_conn)
        super().__init__(seed, pre, post)

    def _arguments(self) -> dict[str, Any]:
        return {
            "prob": self.prob,
            "pre_ratio": self.pre_ratio,
            "include_self": self.include_self,
            "allow_multi_conn": self.allow_multi_conn,
            "seed": self.seed,
        }

    def _row_counts(self, pre_num: int, k: int) -> np.ndarray:
        """Targets per source: ``k``, or ``k`` for a ``pre_ratio`` sample of them and 0 else."""
        counts = np.full(pre_num, k, dtype=IDX)
        if self.pre_ratio < 1.0:
            chosen = stream(self.seed, _ROWS).choice(
                pre_num, count_of(pre_num, self.pre_ratio), replace=False
            )
            counts[:] = 0
            counts[chosen] = k
        return counts

    def _known_count(self) -> int | None:
        """``k`` for each source that gets targets; unknown with ``include_self=False``."""
        if not self.include_self or self._csr_cache is not None:
            return None if self._csr_cache is None else int(self._csr_cache[0].size)
        pre_num, post_num = self._require_sizes()
        return int(self._row_counts(pre_num, count_of(post_num, self.prob)).sum())

    def iter_csr_targets(
        self, lo: int = 0, hi: int | None = None
    ) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """The connections to targets ``[lo, hi)``, drawn without drawing the others.

        The draw goes block of targets by block of targets (see
        :mod:`~brainpy_dyn._src.connect.block_sampling`), so the targets of one device
        cost about their share of the whole draw, and are the same connections whatever
        the blocks asked for. Chunks as in :meth:`iter_csr`, global target ids.
        """
        pre_num, post_num = self._require_sizes()
        hi = post_num if hi is None else hi
        if self._csr_cache is not None:
            yield from super().iter_csr_targets(lo, hi)
            return
        k = count_of(post_num, self.prob)
        counts = self._row_counts(pre_num, k)
        chunks = iter_block_rows(
            self.seed, _TARGETS, counts, post_num, k, lo, hi, replace=self.allow_multi_conn
        )
        for first, indptr, indices in chunks:
            if not self.include_self:  # drop i -> i after drawing
                rows = np.repeat(np.arange(indptr.size - 1, dtype=IDX), np.diff(indptr))
                keep = indices != rows + first
                if not keep.all():
                    indptr, indices = keep_connections(indptr, indices, keep, rows)
            yield first, indptr, indices


class _FixedNum(_Random):
    """Shared argument handling of the fixed-number connectors."""

    def __init__(
        self,
        num: int | float,
        include_self: bool,
        allow_multi_conn: bool,
        seed: int | None,
        pre: Size | None,
        post: Size | None,
    ):
        name = type(self).__name__
        self.num = _number(name, num)
        self.include_self: bool = check_bool(name, "include_self", include_self)
        self.allow_multi_conn: bool = check_bool(name, "allow_multi_conn", allow_multi_conn)
        super().__init__(seed, pre, post)

    def _arguments(self) -> dict[str, Any]:
        return {
            "num": self.num,
            "include_self": self.include_self,
            "allow_multi_conn": self.allow_multi_conn,
            "seed": self.seed,
        }

    def _count(self, candidates: int, rows: int) -> int:
        """The number per row; checks it can be drawn from ``candidates`` neurons."""
        k = self.num if isinstance(self.num, int) else count_of(candidates, self.num)
        pool = candidates if self.include_self else candidates - 1
        if rows and k and (pool < 1 or (not self.allow_multi_conn and k > pool)):
            raise ConnectorError(
                f"{self!r}: num={self.num} asks for {k} distinct neurons out of {max(pool, 0)} "
                f"available{'' if self.include_self else ' (include_self=False)'}; lower num "
                f"or pass allow_multi_conn=True."
            )
        return k

    def _sample(self, rows: int, candidates: int) -> np.ndarray:
        k = self._count(candidates, rows)
        skip = None if self.include_self else np.arange(rows)
        return sample_rows(
            self._rng(), rows, candidates, k, replace=self.allow_multi_conn, skip=skip
        )


@public
class FixedPostNum(_DrawnByTargets, _FixedNum):
    """Connect each pre neuron to exactly ``num`` post neurons (fixed out-degree).

    BrainPy implementation of ``brainpy.conn.FixedPostNum`` (2.3.5).

    Note:
      The targets are drawn by blocks of targets as :class:`FixedProb` draws them (with
      ``include_self=False`` over the ``post_num - 1`` others of each source), so a
      process of a run of several draws only the connections to its own targets
      (:meth:`iter_csr_targets`). The network for a seed differs from 2.3.5's.

    Args:
      num: the out-degree: an int, or a float in ``[0, 1]`` for a fraction of
        ``post_num`` (see ``count_of``).
      include_self: whether ``i → i`` may be drawn. With ``False`` the post neurons are
        drawn among the other ``post_num - 1``, so the out-degree is still exactly
        ``num`` (groups must have the same size).
      allow_multi_conn: draw with replacement.
      seed: the seed of the network; ``None`` draws one from NumPy's global generator.
      pre: the size of the pre-synaptic group (optional).
      post: the size of the post-synaptic group (optional).

    Raises:
      ValueError: a bad ``num`` or ``seed``.
      ConnectorError: ``num`` is larger than the neurons available without
        ``allow_multi_conn``, or ``include_self=False`` with groups of different sizes.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> _, indptr = bd.conn.FixedPostNum(5, seed=0, pre=4, post=20).require('csr')
      >>> np.diff(np.asarray(indptr)).tolist()
      [5, 5, 5, 5]
    """

    def __init__(
        self,
        num: int | float,
        include_self: bool = True,
        allow_multi_conn: bool = False,
        seed: int | None = None,
        pre: Size | None = None,
        post: Size | None = None,
    ):
        super().__init__(num, include_self, allow_multi_conn, seed, pre, post)

    def _known_count(self) -> int | None:
        """Exactly ``num`` targets for every source."""
        pre_num, post_num = self._require_sizes()
        return pre_num * self._count(post_num, pre_num)

    def iter_csr_targets(
        self, lo: int = 0, hi: int | None = None
    ) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """The connections to targets ``[lo, hi)``, drawn without drawing the others.

        Drawn by blocks of targets as ``FixedProb`` draws them (with ``include_self=False``
        over the ``post_num - 1`` others of each source); chunks as in :meth:`iter_csr`.
        """
        pre_num, post_num = self._require_sizes()
        hi = post_num if hi is None else hi
        if self._csr_cache is not None:
            yield from super().iter_csr_targets(lo, hi)
            return
        k = self._count(post_num, pre_num)
        counts = np.full(pre_num, k, dtype=IDX)
        yield from iter_block_rows(
            self.seed,
            _TARGETS,
            counts,
            post_num,
            k,
            lo,
            hi,
            replace=self.allow_multi_conn,
            skip_self=not self.include_self,
        )


@public
class FixedPreNum(_FixedNum):
    """Connect each post neuron to exactly ``num`` pre neurons (fixed in-degree).

    BrainPy implementation of ``brainpy.conn.FixedPreNum`` (2.3.5). Arguments as in
    :class:`FixedPostNum`, with the roles of pre and post swapped (a float ``num`` is a
    fraction of ``pre_num``).

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> post2pre = bd.conn.FixedPreNum(3, seed=0, pre=10, post=4).require('post2pre')
      >>> np.diff(np.asarray(post2pre[1])).tolist()
      [3, 3, 3, 3]
    """

    def __init__(
        self,
        num: int | float,
        include_self: bool = True,
        allow_multi_conn: bool = False,
        seed: int | None = None,
        pre: Size | None = None,
        post: Size | None = None,
    ):
        super().__init__(num, include_self, allow_multi_conn, seed, pre, post)

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        pre_num, post_num = self._require_sizes()
        pre_ids = self._sample(post_num, pre_num)  # pre ids per post: the CSC form
        csc_indptr = np.arange(post_num + 1, dtype=IDX) * pre_ids.shape[1]
        indices, indptr = csr2csc((pre_ids.ravel(), csc_indptr), pre_num)
        return indices, indptr


@public
class FixedTotalNum(_Random):
    """Draw ``num`` connections uniformly among all ``pre_num × post_num`` pairs.

    BrainPy implementation of ``brainpy.conn.FixedTotalNum``.

    Args:
      num: the number of connections: an int, or a float in ``[0, 1]`` for a fraction of
        ``pre_num * post_num``.
      allow_multi_conn: draw pairs with replacement.
      seed: the seed of the network; ``None`` draws one from NumPy's global generator.
      pre: the size of the pre-synaptic group (optional).
      post: the size of the post-synaptic group (optional).

    Raises:
      ValueError: a bad ``num`` or ``seed``.
      ConnectorError: ``num`` exceeds the number of pairs without ``allow_multi_conn``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.conn.FixedTotalNum(50, seed=0, pre=10, post=20).require('pre_ids').size
      50
    """

    def __init__(
        self,
        num: int | float,
        allow_multi_conn: bool = False,
        seed: int | None = None,
        pre: Size | None = None,
        post: Size | None = None,
    ):
        self.num = _number("FixedTotalNum", num)
        self.allow_multi_conn: bool = check_bool(
            "FixedTotalNum", "allow_multi_conn", allow_multi_conn
        )
        super().__init__(seed, pre, post)

    def _arguments(self) -> dict[str, Any]:
        return {"num": self.num, "allow_multi_conn": self.allow_multi_conn, "seed": self.seed}

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        pre_num, post_num = self._require_sizes()
        pairs = pre_num * post_num
        k = self.num if isinstance(self.num, int) else count_of(pairs, self.num)
        if k > pairs and not self.allow_multi_conn or (k and not pairs):
            raise ConnectorError(
                f"{self!r}: num={self.num} asks for {k} distinct connections out of "
                f"{pairs} pairs; lower num or pass allow_multi_conn=True."
            )
        flat = sample_rows(self._rng(), 1, pairs, k, replace=self.allow_multi_conn)[0]
        pre, post = np.divmod(flat.astype(IDX), post_num)
        indptr = np.zeros(pre_num + 1, dtype=IDX)
        np.cumsum(np.bincount(pre, minlength=pre_num), out=indptr[1:])
        return post, indptr

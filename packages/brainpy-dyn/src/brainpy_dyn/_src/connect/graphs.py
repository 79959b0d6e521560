"""Random graphs over one group: ``SmallWorld``, ``ScaleFreeBA``, ``ScaleFreeBADual``, ``PowerLaw``.

Each connector grows or rewires a graph whose nodes are the neurons of one group (pre and
post must have the same number of neurons), with NumPy only, drawing from
:func:`numpy.random.default_rng` seeded by ``seed``: one seed, one network, in every
format. An undirected graph (``directed=False``, the default) is returned as a symmetric
network: the edge ``{u, v}`` is the two synapses ``u → v`` and ``v → u``.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from brainpy_dyn._src.connect.base import OneEndConnector, Size, check_bool, is_int, public
from brainpy_dyn._src.connect.errors import ConnectorError
from brainpy_dyn._src.connect.formats import IDX
from brainpy_dyn._src.connect.random_conn import _fraction, _seed

__all__ = ["SmallWorld", "ScaleFreeBA", "ScaleFreeBADual", "PowerLaw"]


def _count(who: str, arg: str, value: Any, low: int) -> int:
    if not is_int(value) or value < low:
        raise ValueError(f"{who}: {arg} must be an int >= {low}, got {value!r}.")
    return int(value)


def _csr_from_sets(adj: list[set[int]]) -> tuple[np.ndarray, np.ndarray]:
    """CSR of out-neighbour sets, sorted within rows."""
    counts = np.fromiter((len(s) for s in adj), dtype=IDX, count=len(adj))
    indptr = np.zeros(len(adj) + 1, dtype=IDX)
    np.cumsum(counts, out=indptr[1:])
    indices = np.fromiter((v for s in adj for v in sorted(s)), dtype=IDX, count=int(indptr[-1]))
    return indices, indptr


def _csr_from_edges(
    n: int, src: np.ndarray, dst: np.ndarray, directed: bool
) -> tuple[np.ndarray, np.ndarray]:
    """CSR of the edges ``src → dst`` (both ways unless ``directed``); pairs kept once."""
    if not directed:
        src, dst = np.concatenate([src, dst]), np.concatenate([dst, src])
    keys = np.unique(np.asarray(src, dtype=IDX) * n + np.asarray(dst, dtype=IDX))
    pre, post = np.divmod(keys, n)
    indptr = np.zeros(n + 1, dtype=IDX)
    np.cumsum(np.bincount(pre, minlength=n), out=indptr[1:])
    return post, indptr


def _preferential(rng: np.random.Generator, pool: np.ndarray, m: int) -> list[int]:
    """``m`` distinct nodes of ``pool``, in the order they first come up in uniform draws.

    ``pool`` lists each node once per edge end it has, so a node is drawn with probability
    proportional to its degree (preferential attachment). It must hold ``m`` distinct nodes.
    """
    chosen: list[int] = []
    seen: set[int] = set()
    while len(chosen) < m:
        for x in pool[rng.integers(0, pool.size, 2 * (m - len(chosen)))].tolist():
            if x not in seen:
                seen.add(x)
                chosen.append(x)
                if len(chosen) == m:
                    break
    return chosen


class _Graph(OneEndConnector):
    """Shared seed and size handling: a graph over the neurons of one group."""

    def __init__(self, seed: int | None, pre: Size | None, post: Size | None):
        self.seed = _seed(type(self).__name__, seed)
        super().__init__(pre, post)

    def _check_sizes(self, pre_size: tuple[int, ...], post_size: tuple[int, ...]) -> None:
        n = math.prod(pre_size)
        if n != math.prod(post_size):
            raise ConnectorError(
                f"{type(self).__name__} builds a graph over one group: pre_size and post_size "
                f"must have the same number of neurons, got pre_size={pre_size}, "
                f"post_size={post_size}."
            )
        self._check_nodes(n)

    def _check_nodes(self, n: int) -> None:
        """Raise :class:`ConnectorError` if the graph cannot have ``n`` nodes."""


@public
class SmallWorld(_Graph):
    """A Watts–Strogatz small-world graph: a ring lattice with randomly rewired edges.

    BrainPy implementation of ``brainpy.conn.SmallWorld`` (2.3.5). The neurons (ids
    ``0 .. n-1``) sit on a ring and each is joined to its ``num_neighbor // 2`` nearest
    neighbours on either side (``num_neighbor`` neighbours, ``num_neighbor - 1`` if it is
    odd). Then, for ``j = 1 .. num_neighbor // 2`` and each node ``u`` in order, the edge
    ``(u, u + j)`` is rewired with probability ``prob`` to ``(u, w)``, ``w`` drawn
    uniformly among the nodes not yet joined to ``u`` (``u`` itself only if
    ``include_self``); the edge is kept when there is no such node. Rewiring moves edges,
    so the number of edges is preserved. With ``num_neighbor == n`` the graph is complete.

    Undirected graphs (the default) are symmetric networks. With ``directed=True`` the
    ring holds both ``u → v`` and ``v → u``, and for each ring pair the out-edge
    ``u → u + j`` and the in-edge ``u + j → u`` of ``u`` are rewired independently (to
    ``u → w``, respectively ``w → u``).

    Note:
      Unlike 2.3.5, a group size with several axes is accepted (the ring runs over the
      row-major neuron ids), and the complete graph (``num_neighbor == n``) has
      self-connections only with ``include_self=True``. The network for a seed differs
      from 2.3.5's.

    Args:
      num_neighbor: the number of ring neighbours of each node (``0 <= num_neighbor <= n``).
      prob: the probability of rewiring each edge, in ``[0, 1]``.
      directed: build a directed graph.
      include_self: whether rewiring may join a node to itself.
      seed: the seed of the network; ``None`` draws one from NumPy's global generator.
      pre: the size of the group (optional; ``post`` defaults to it).
      post: the size of the post group; it must have as many neurons as ``pre``.

    Raises:
      ValueError: a bad ``num_neighbor``, ``prob``, flag or ``seed``.
      ConnectorError: ``num_neighbor`` larger than the number of neurons, or groups with
        different numbers of neurons.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> ring = bd.conn.SmallWorld(num_neighbor=2, prob=0.0, pre=5).require('conn_mat')
      >>> np.asarray(ring).astype(int)
      array([[0, 1, 0, 0, 1],
             [1, 0, 1, 0, 0],
             [0, 1, 0, 1, 0],
             [0, 0, 1, 0, 1],
             [1, 0, 0, 1, 0]])
      >>> mat = np.asarray(bd.conn.SmallWorld(4, prob=0.3, seed=0, pre=100).require('conn_mat'))
      >>> int(mat.sum()), bool((mat == mat.T).all())  # 100 * 4 synapses, symmetric
      (400, True)
    """

    def __init__(
        self,
        num_neighbor: int,
        prob: float,
        directed: bool = False,
        include_self: bool = False,
        seed: int | None = None,
        pre: Size | None = None,
        post: Size | None = None,
    ):
        self.num_neighbor = _count("SmallWorld", "num_neighbor", num_neighbor, 0)
        self.prob = _fraction("SmallWorld", "prob", prob)
        self.directed: bool = check_bool("SmallWorld", "directed", directed)
        self.include_self: bool = check_bool("SmallWorld", "include_self", include_self)
        super().__init__(seed, pre, post)

    def _arguments(self) -> dict[str, Any]:
        return {
            "num_neighbor": self.num_neighbor,
            "prob": self.prob,
            "directed": self.directed,
            "include_self": self.include_self,
            "seed": self.seed,
        }

    def _check_nodes(self, n: int) -> None:
        if self.num_neighbor > n:
            raise ConnectorError(
                f"SmallWorld: num_neighbor={self.num_neighbor} is larger than the number of "
                f"neurons ({n}); choose a smaller num_neighbor or a larger group."
            )

    def _pick(self, rng: np.random.Generator, n: int, taken: set[int], u: int) -> int:
        """A node drawn uniformly outside ``taken`` (and not ``u`` unless include_self)."""
        forbid_u = not self.include_self and u not in taken
        free = n - len(taken) - forbid_u
        if free <= 0:
            return -1
        if 4 * free >= n:  # rejection: on average fewer than 4 draws
            while True:
                w = int(rng.integers(0, n))
                if w not in taken and (self.include_self or w != u):
                    return w
        mask = np.ones(n, dtype=bool)
        mask[list(taken)] = False
        if forbid_u:
            mask[u] = False
        candidates = np.flatnonzero(mask)
        return int(candidates[rng.integers(0, candidates.size)])

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        n, _ = self._require_sizes()
        if self.num_neighbor == n and n > 0:
            adj = [set(range(n)) - ({u} if not self.include_self else set()) for u in range(n)]
            return _csr_from_sets(adj)
        half = self.num_neighbor // 2
        out: list[set[int]] = [set() for _ in range(n)]
        inc: list[set[int]] = [set() for _ in range(n)]  # in-neighbours (directed only)
        for u in range(n):
            for j in range(1, half + 1):
                out[u].add((u + j) % n)
                out[u].add((u - j) % n)
        if self.directed:
            inc = [set(s) for s in out]  # the ring is symmetric
        rng = np.random.default_rng(self.seed)
        ways = 2 if self.directed else 1
        rewire = rng.random((half, n, ways)) < self.prob
        for j, u, way in zip(*np.nonzero(rewire)):
            u, v = int(u), (int(u) + int(j) + 1) % n
            if not self.directed:
                w = self._pick(rng, n, out[u], u)
                if w >= 0:
                    out[u].discard(v)
                    out[v].discard(u)
                    out[u].add(w)
                    out[w].add(u)
            elif way == 0:  # out-edge u -> v becomes u -> w
                w = self._pick(rng, n, out[u], u)
                if w >= 0:
                    out[u].discard(v)
                    inc[v].discard(u)
                    out[u].add(w)
                    inc[w].add(u)
            else:  # in-edge v -> u becomes w -> u
                w = self._pick(rng, n, inc[u], u)
                if w >= 0:
                    out[v].discard(u)
                    inc[u].discard(v)
                    out[w].add(u)
                    inc[u].add(w)
        return _csr_from_sets(out)


def _grow(
    rng: np.random.Generator, n: int, first: int, sizes: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Grow a Barabási–Albert graph; node ``first + k`` attaches ``sizes[k]`` edges.

    The nodes ``0 .. first-1`` start without edges; node ``first`` joins nodes
    ``0 .. sizes[0]-1``, and every later node joins ``sizes[k]`` distinct nodes drawn by
    preferential attachment. When fewer nodes than that have edges yet, it joins all of
    them and the rest uniformly among the other existing nodes.

    Returns:
      The edges ``(new node, older node)`` as two arrays.
    """
    pool = np.empty(2 * int(sizes.sum()), dtype=IDX)  # each node once per edge end
    size = 0
    in_pool = np.zeros(n, dtype=bool)
    distinct = 0
    src, dst = [], []
    targets = list(range(int(sizes[0]))) if sizes.size else []
    for k, source in enumerate(range(first, n)):
        m = int(sizes[k])
        src.append(np.full(m, source, dtype=IDX))
        dst.append(np.asarray(targets, dtype=IDX))
        pool[size : size + m] = targets
        pool[size + m : size + 2 * m] = source
        size += 2 * m
        fresh = [t for t in targets if not in_pool[t]] + ([source] if not in_pool[source] else [])
        in_pool[fresh] = True
        distinct += len(fresh)
        if k + 1 == sizes.size:
            break
        m_next = int(sizes[k + 1])
        if distinct >= m_next:
            targets = _preferential(rng, pool[:size], m_next)
        else:
            others = np.flatnonzero(~in_pool[: source + 1])
            extra = rng.choice(others, m_next - distinct, replace=False)
            targets = np.flatnonzero(in_pool).tolist() + sorted(extra.tolist())
    if not src:
        return np.zeros(0, dtype=IDX), np.zeros(0, dtype=IDX)
    return np.concatenate(src), np.concatenate(dst)


@public
class ScaleFreeBA(_Graph):
    """A Barabási–Albert scale-free graph grown by preferential attachment.

    BrainPy implementation of ``brainpy.conn.ScaleFreeBA`` (2.3.5). The nodes
    ``0 .. m-1`` start without edges; node ``m`` joins all of them, and each later node
    ``u`` joins ``m`` distinct older nodes, each drawn with probability proportional to
    its degree. The graph has exactly ``m * (n - m)`` edges. Undirected graphs (the
    default) are symmetric networks; with ``directed=True`` each edge is the one synapse
    ``u → older node``.

    Note:
      The network for a seed differs from 2.3.5's (which drew with numba's or NumPy's
      legacy generator).

    Args:
      m: the number of edges of each new node (``1 <= m < n``).
      directed: keep only the synapses from each new node to the older ones.
      seed: the seed of the network; ``None`` draws one from NumPy's global generator.
      pre: the size of the group (optional; ``post`` defaults to it).
      post: the size of the post group; it must have as many neurons as ``pre``.

    Raises:
      ValueError: ``m`` not an int ``>= 1``, a bad ``directed`` or ``seed``.
      ConnectorError: ``m >= n``, or groups with different numbers of neurons.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> mat = np.asarray(bd.conn.ScaleFreeBA(m=2, seed=0, pre=50).require('conn_mat'))
      >>> int(mat.sum()) // 2, bool((mat == mat.T).all())  # 2 * (50 - 2) edges
      (96, True)
    """

    def __init__(
        self,
        m: int,
        directed: bool = False,
        seed: int | None = None,
        pre: Size | None = None,
        post: Size | None = None,
    ):
        self.m = _count("ScaleFreeBA", "m", m, 1)
        self.directed: bool = check_bool("ScaleFreeBA", "directed", directed)
        super().__init__(seed, pre, post)

    def _arguments(self) -> dict[str, Any]:
        return {"m": self.m, "directed": self.directed, "seed": self.seed}

    def _check_nodes(self, n: int) -> None:
        if self.m >= n:
            raise ConnectorError(
                f"ScaleFreeBA: a Barabási–Albert graph needs m < n, got m={self.m} for "
                f"n={n} neurons."
            )

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        n, _ = self._require_sizes()
        sizes = np.full(n - self.m, self.m, dtype=IDX)
        src, dst = _grow(np.random.default_rng(self.seed), n, self.m, sizes)
        return _csr_from_edges(n, src, dst, self.directed)


@public
class ScaleFreeBADual(_Graph):
    """A dual Barabási–Albert graph: new nodes bring ``m1`` edges (probability ``p``) or ``m2``.

    BrainPy implementation of ``brainpy.conn.ScaleFreeBADual`` (2.3.5). The nodes
    ``0 .. max(m1, m2)-1`` start without edges; each later node draws its number of edges
    ``m`` (``m1`` with probability ``p``, else ``m2``) and joins ``m`` distinct older
    nodes by preferential attachment (the first one joins nodes ``0 .. m-1``). Undirected
    graphs (the default) are symmetric networks.

    Note:
      When fewer older nodes have edges than the ``m`` a new node needs (possible early
      on when ``m1 != m2``), the node joins all of them and the rest uniformly among the
      other older nodes; 2.3.5 kept drawing forever in that case. The network for a seed
      differs from 2.3.5's.

    Args:
      m1: the number of edges of a new node with probability ``p`` (``1 <= m1 < n``).
      m2: the number of edges of a new node with probability ``1 - p`` (``1 <= m2 < n``).
      p: the probability of ``m1`` edges, in ``[0, 1]``.
      directed: keep only the synapses from each new node to the older ones.
      seed: the seed of the network; ``None`` draws one from NumPy's global generator.
      pre: the size of the group (optional; ``post`` defaults to it).
      post: the size of the post group; it must have as many neurons as ``pre``.

    Raises:
      ValueError: ``m1``/``m2`` not ints ``>= 1``, ``p`` outside ``[0, 1]``, a bad flag
        or ``seed``.
      ConnectorError: ``m1`` or ``m2`` ``>= n``, or groups with different numbers of
        neurons.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> conn = bd.conn.ScaleFreeBADual(m1=1, m2=3, p=1.0, directed=True, seed=0, pre=20)
      >>> np.diff(np.asarray(conn.require('csr')[1])).tolist()  # nodes from 3 on: 1 edge
      [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    """

    def __init__(
        self,
        m1: int,
        m2: int,
        p: float,
        directed: bool = False,
        seed: int | None = None,
        pre: Size | None = None,
        post: Size | None = None,
    ):
        self.m1 = _count("ScaleFreeBADual", "m1", m1, 1)
        self.m2 = _count("ScaleFreeBADual", "m2", m2, 1)
        self.p = _fraction("ScaleFreeBADual", "p", p)
        self.directed: bool = check_bool("ScaleFreeBADual", "directed", directed)
        super().__init__(seed, pre, post)

    def _arguments(self) -> dict[str, Any]:
        return {
            "m1": self.m1,
            "m2": self.m2,
            "p": self.p,
            "directed": self.directed,
            "seed": self.seed,
        }

    def _check_nodes(self, n: int) -> None:
        for arg, m in (("m1", self.m1), ("m2", self.m2)):
            if m >= n:
                raise ConnectorError(
                    f"ScaleFreeBADual: a dual Barabási–Albert graph needs {arg} < n, got "
                    f"{arg}={m} for n={n} neurons."
                )

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        n, _ = self._require_sizes()
        first = max(self.m1, self.m2)
        rng = np.random.default_rng(self.seed)
        sizes = np.where(rng.random(n - first) < self.p, self.m1, self.m2).astype(IDX)
        src, dst = _grow(rng, n, first, sizes)
        return _csr_from_edges(n, src, dst, self.directed)


@public
class PowerLaw(_Graph):
    """The Holme–Kim graph: Barabási–Albert growth with triangle closing (tunable clustering).

    BrainPy implementation of ``brainpy.conn.PowerLaw`` (2.3.5). The nodes ``0 .. m-1``
    start without edges. Each new node ``u`` draws ``m`` distinct candidates by
    preferential attachment (the initial nodes count once each) and joins the first; each
    of its ``m - 1`` further edges is, with probability ``p``, a triangle-closing edge to
    a random neighbour of the node ``u`` last joined by preferential attachment (one not
    yet joined to ``u``), and otherwise (or when there is no such neighbour) an edge to
    the next candidate. The degree distribution is a power law, as in
    :class:`ScaleFreeBA`, and the clustering grows with ``p``. The graph has exactly
    ``m * (n - m)`` edges. Undirected graphs (the default) are symmetric networks.

    Note:
      A candidate already joined by a triangle step is skipped, so every new node has
      exactly ``m`` edges; 2.3.5 could join it twice and end with fewer. ``m == n`` is
      allowed (as in 2.3.5) and gives an empty network. The network for a seed differs
      from 2.3.5's.

    Args:
      m: the number of edges of each new node (``1 <= m <= n``).
      p: the probability of a triangle-closing step, in ``[0, 1]``.
      directed: keep only the synapses from each new node to the older ones.
      seed: the seed of the network; ``None`` draws one from NumPy's global generator.
      pre: the size of the group (optional; ``post`` defaults to it).
      post: the size of the post group; it must have as many neurons as ``pre``.

    Raises:
      ValueError: ``m`` not an int ``>= 1``, ``p`` outside ``[0, 1]``, a bad flag or
        ``seed``.
      ConnectorError: ``m > n``, or groups with different numbers of neurons.

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> mat = np.asarray(bd.conn.PowerLaw(m=3, p=0.5, seed=0, pre=100).require('conn_mat'))
      >>> int(mat.sum()) // 2, bool((mat == mat.T).all())  # 3 * (100 - 3) edges
      (291, True)
    """

    def __init__(
        self,
        m: int,
        p: float,
        directed: bool = False,
        seed: int | None = None,
        pre: Size | None = None,
        post: Size | None = None,
    ):
        self.m = _count("PowerLaw", "m", m, 1)
        self.p = _fraction("PowerLaw", "p", p)
        self.directed: bool = check_bool("PowerLaw", "directed", directed)
        super().__init__(seed, pre, post)

    def _arguments(self) -> dict[str, Any]:
        return {"m": self.m, "p": self.p, "directed": self.directed, "seed": self.seed}

    def _check_nodes(self, n: int) -> None:
        if self.m > n:
            raise ConnectorError(
                f"PowerLaw: the Holme–Kim graph needs m <= n, got m={self.m} for n={n} neurons."
            )

    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        n, _ = self._require_sizes()
        m = self.m
        rng = np.random.default_rng(self.seed)
        adj: list[set[int]] = [set() for _ in range(n)]  # rows of the network
        pool = np.empty(m + 2 * m * max(n - m, 0), dtype=IDX)
        pool[:m] = np.arange(m)
        size = m

        def join(source: int, target: int) -> None:
            nonlocal size
            adj[source].add(target)
            if not self.directed:
                adj[target].add(source)
            pool[size] = target
            size += 1

        for source in range(m, n):
            candidates = iter(_preferential(rng, pool[:size], m))
            target = next(candidates)
            join(source, target)
            for _ in range(m - 1):
                if rng.random() < self.p:
                    closing = sorted(x for x in adj[target] if x != source and x not in adj[source])
                    if closing:
                        join(source, closing[int(rng.integers(0, len(closing)))])
                        continue
                # m distinct candidates, at most count < m of them joined: one is left.
                target = next(c for c in candidates if c not in adj[source])
                join(source, target)
            pool[size : size + m] = source
            size += m
        return _csr_from_sets(adj)

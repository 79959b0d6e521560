"""Connector base classes and ``require``: one network, every format."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

import jax
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.connect.errors import ConnectorError
from brainpy_dyn._src.connect.formats import csr2coo, csr2csc, csr2mat, keep_connections

__all__ = [
    "CONN_MAT",
    "PRE_IDS",
    "POST_IDS",
    "PRE2POST",
    "POST2PRE",
    "PRE2SYN",
    "POST2SYN",
    "PRE_SLICE",
    "POST_SLICE",
    "CSR",
    "CSC",
    "COO",
    "SUPPORTED_SYN_STRUCTURE",
    "Connector",
    "TwoEndConnector",
    "OneEndConnector",
    "public",
    "is_int",
    "is_real",
    "check_bool",
    "to_size",
]

CONN_MAT = "conn_mat"
PRE_IDS = "pre_ids"
POST_IDS = "post_ids"
PRE2POST = "pre2post"
POST2PRE = "post2pre"
PRE2SYN = "pre2syn"
POST2SYN = "post2syn"
PRE_SLICE = "pre_slice"
POST_SLICE = "post_slice"
CSR = "csr"
CSC = "csc"
COO = "coo"
SUPPORTED_SYN_STRUCTURE: tuple[str, ...] = (
    CONN_MAT,
    PRE_IDS,
    POST_IDS,
    PRE2POST,
    POST2PRE,
    PRE2SYN,
    POST2SYN,
    PRE_SLICE,
    POST_SLICE,
    CSR,
    CSC,
    COO,
)

Size = int | Sequence[int]
_INT32_MAX = int(np.iinfo(np.int32).max)


#: Show an object as a member of :mod:`brainpy_dyn.conn` in reprs and docs.
public = bm.set_module("brainpy_dyn.conn")


def is_int(x: Any) -> bool:
    """Whether ``x`` is an integer scalar (Python or NumPy), not a bool."""
    return isinstance(x, int | np.integer) and not isinstance(x, bool)


def is_real(x: Any) -> bool:
    """Whether ``x`` is a real scalar (Python or NumPy), not a bool."""
    return isinstance(x, int | float | np.integer | np.floating) and not isinstance(x, bool)


def check_bool(who: str, arg: str, value: Any) -> bool:
    """Check that ``value`` is a bool."""
    if not isinstance(value, bool | np.bool_):
        raise ValueError(f"{who}: {arg} must be True or False, got {value!r}.")
    return bool(value)


def _is_size(x: Any) -> bool:
    return is_int(x) or (isinstance(x, Sequence) and not isinstance(x, str))


def to_size(size: Any, who: str, arg: str) -> tuple[int, ...]:
    """Normalise a group size (an int or a tuple of ints) into a tuple."""
    dims = (size,) if is_int(size) else size
    if not _is_size(size) or len(dims) == 0 or any(not is_int(d) or d < 0 for d in dims):
        raise ValueError(
            f"{who}: {arg} must be a non-negative int or a non-empty tuple of them, got {size!r}."
        )
    return tuple(int(d) for d in dims)


def _int32(x: np.ndarray) -> jax.Array:
    return jax.device_put(np.asarray(x, dtype=np.int32))


@public
class Connector:
    """Base class of all connectors (objects that describe who connects to whom).

    Examples:
      >>> import brainpy_dyn as bd
      >>> isinstance(bd.conn.All2All(), bd.conn.Connector)
      True
    """

    def _arguments(self) -> dict[str, Any]:
        """The constructor arguments shown by ``repr``."""
        return {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self._arguments().items())})"


@public
class TwoEndConnector(Connector):
    """Base class of connectors between a pre- and a post-synaptic group.

    BrainPy implementation of ``brainpy.conn.TwoEndConnector`` (2.3.5). The group sizes
    are given as ``pre=``/``post=``, by calling the connector (``conn(pre_size,
    post_size)``, which returns the connector) or as the first two arguments of
    :meth:`require`. Sizes are ints or tuples (the number of neurons is their product;
    neuron ids are row-major, C order).

    :meth:`require` returns the network in the formats asked for, all describing the
    **same** network: a random connector draws it once per sizes and seed, in CSR form,
    and every other format is derived from that. Synapses are numbered in CSR order
    (by pre id, then post id), which the COO arrays follow too.

    Subclasses implement :meth:`build_csr` (and may override :meth:`build_mat` when the
    dense matrix is cheaper to build directly).

    Args:
      pre: the size of the pre-synaptic group (optional).
      post: the size of the post-synaptic group (optional).

    Examples:
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> class FirstToAll(bd.conn.TwoEndConnector):
      ...     '''Presynaptic neuron 0 connects to every postsynaptic neuron.'''
      ...     def build_csr(self):
      ...         indptr = np.full(self.pre_num + 1, self.post_num)
      ...         indptr[0] = 0
      ...         return np.arange(self.post_num), indptr
      >>> conn = FirstToAll()(pre_size=3, post_size=2)
      >>> conn.require('conn_mat').astype(int).tolist()
      [[1, 1], [0, 0], [0, 0]]
      >>> [a.tolist() for a in conn.require('pre_ids', 'post_ids')]
      [[0, 0], [0, 1]]
    """

    def __init__(self, pre: Size | None = None, post: Size | None = None):
        self.pre_size: tuple[int, ...] | None = None
        self.post_size: tuple[int, ...] | None = None
        self.pre_num: int | None = None
        self.post_num: int | None = None
        self._csr_cache: tuple[np.ndarray, np.ndarray] | None = None
        if pre is None and post is None:
            return
        if pre is None or post is None:
            raise ValueError(
                f"{type(self).__name__}: give both pre= and post= (or neither), got "
                f"pre={pre!r}, post={post!r}."
            )
        self(pre, post)

    # ------------------------------------------------------------- sizes
    def __call__(self, pre_size: Size, post_size: Size) -> TwoEndConnector:
        """Set the sizes of the two groups and return the connector."""
        name = type(self).__name__
        pre = to_size(pre_size, name, "pre_size")
        post = to_size(post_size, name, "post_size")
        self._check_sizes(pre, post)
        if (pre, post) != (self.pre_size, self.post_size):
            self._csr_cache = None
        self.pre_size, self.post_size = pre, post
        self.pre_num, self.post_num = math.prod(pre), math.prod(post)
        return self

    def _check_sizes(self, pre_size: tuple[int, ...], post_size: tuple[int, ...]) -> None:
        """Raise :class:`ConnectorError` if the sizes do not suit the connector."""

    def _require_sizes(self) -> tuple[int, int]:
        if self.pre_num is None or self.post_num is None:
            name = type(self).__name__
            raise ConnectorError(
                f"{self!r} does not know the sizes of the groups it connects. Pass them "
                f"when creating it ({name}(..., pre=pre_size, post=post_size)), call it "
                f"with them (conn(pre_size, post_size)), or give them to require "
                f"(conn.require(pre_size, post_size, 'csr'))."
            )
        return self.pre_num, self.post_num

    def __repr__(self) -> str:
        args = dict(self._arguments())
        for arg, size in (("pre", self.pre_size), ("post", self.post_size)):
            if size is not None:
                args[arg] = size[0] if len(size) == 1 else size
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in args.items())})"

    # ------------------------------------------------------------- building
    def build_csr(self) -> tuple[np.ndarray, np.ndarray]:
        """Build the network as NumPy CSR ``(indices, indptr)``, sorted within rows.

        Called once per sizes; the result is cached. Subclasses implement it.
        """
        raise NotImplementedError(f"{type(self).__name__} does not implement build_csr().")

    def build_mat(self) -> np.ndarray:
        """Build the dense boolean ``(pre_num, post_num)`` matrix (from the CSR network)."""
        pre_num, post_num = self._require_sizes()
        return csr2mat(self.csr(), pre_num, post_num)

    def build_coo(self) -> tuple[np.ndarray, np.ndarray]:
        """Build the network as NumPy COO ``(pre_ids, post_ids)``, in CSR order.

        Examples:
          >>> import brainpy_dyn as bd
          >>> pre_ids, post_ids = bd.conn.GridFour(pre=3).build_coo()
          >>> pre_ids.tolist(), post_ids.tolist()
          ([0, 1, 1, 2], [1, 0, 2, 1])
        """
        return csr2coo(self.csr())

    def csr(self) -> tuple[np.ndarray, np.ndarray]:
        """The (cached) NumPy CSR ``(indices, indptr)`` of the network."""
        pre_num, _ = self._require_sizes()
        if self._csr_cache is None:
            indices, indptr = (np.asarray(a) for a in self.build_csr())
            if indptr.shape != (pre_num + 1,) or indptr[0] != 0 or indptr[-1] != indices.size:
                raise RuntimeError(
                    f"{type(self).__name__}.build_csr() returned an inconsistent CSR "
                    f"(indptr of shape {indptr.shape} for {pre_num} pre neurons, "
                    f"{indices.size} indices)."
                )
            if indices.size > _INT32_MAX:
                raise ConnectorError(
                    f"{self!r} has {indices.size} synapses, more than int32 indices can address."
                )
            self._csr_cache = (indices, indptr)
        return self._csr_cache

    def iter_csr(self) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """The CSR network in chunks of consecutive rows: ``(first_row, indptr, indices)``.

        Each chunk's ``indptr`` starts at 0; joined, the chunks are :meth:`csr`. The
        default yields the whole (cached) network at once. Random connectors that draw
        row by row override it to draw chunk by chunk, without building or caching the
        whole network, so that a process keeping only its own targets (a sharded
        projection) never holds all of it. A seed gives the same network either way.
        """
        indices, indptr = self.csr()
        yield 0, indptr, indices

    def _known_count(self) -> int | None:
        """The number of connections if it is known without building the network, else None.

        A per-synapse weight vector (one value per connection, in CSR order) can then be
        drawn before the table is, as one process would draw it, while each process of a
        run of several builds only its part of the table.
        """
        return None

    def iter_csr_targets(
        self, lo: int = 0, hi: int | None = None
    ) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """The connections to the targets ``[lo, hi)`` only, in chunks as :meth:`iter_csr`.

        What a process of a run of several needs for the targets its devices hold (a
        sharded projection). The default cuts them from :meth:`iter_csr`'s chunks as they
        come: a connector that draws chunk by chunk never holds the whole network, and one
        that builds it at once (``build_csr``) lets it go after the cut instead of caching
        it. ``FixedProb`` overrides it to draw only those targets.

        Examples:
          >>> import brainpy_dyn as bd
          >>> conn = bd.conn.GridFour(pre=3)  # a chain 0 - 1 - 2
          >>> [(first, p.tolist(), i.tolist()) for first, p, i in conn.iter_csr_targets(1, 2)]
          [(0, [0, 1, 1, 2], [1, 1])]
        """
        pre_num, post_num = self._require_sizes()
        hi = post_num if hi is None else int(hi)
        if type(self).iter_csr is TwoEndConnector.iter_csr and self._csr_cache is None:
            indices, indptr = (np.asarray(a) for a in self.build_csr())
            chunks: Any = [(0, indptr, indices)]
        else:
            chunks = self.iter_csr()
        for first, indptr, indices in chunks:
            indptr, indices = np.asarray(indptr), np.asarray(indices)
            yield first, *keep_connections(indptr, indices, (indices >= lo) & (indices < hi))

    # ------------------------------------------------------------- require
    def require(self, *structures: Any) -> Any:
        """Return the network in the structures named.

        ``structures`` are names among ``'conn_mat'`` (boolean ``(pre_num, post_num)``),
        ``'pre_ids'``, ``'post_ids'`` (COO, CSR order), ``'coo'`` (``(pre_ids,
        post_ids)``), ``'pre2post'``/``'csr'`` (``(indices, indptr)``, post ids per pre),
        ``'post2pre'``/``'csc'`` (``(indices, indptr)``, pre ids per post),
        ``'pre2syn'`` (``(syn_ids, indptr)``, synapse ids per pre), ``'post2syn'``
        (``(syn_ids, indptr)``, synapse ids per post), ``'pre_slice'``
        (``(pre_num, 2)``: the synapse range ``[start, end)`` of each pre) and
        ``'post_slice'`` (``(post_num, 2)``: the range ``[start, end)`` of each post in the
        post-sorted order of ``'post2syn'``/``'post2pre'``). Index arrays
        are int32 JAX arrays. The first two arguments may be the group sizes.

        Args:
          *structures: optionally ``pre_size, post_size``, then one or more names.

        Returns:
          The structure for one name, a tuple of them for several.

        Raises:
          ConnectorError: the sizes are not set.
          ValueError: no or unknown structure names.

        Examples:
          >>> import brainpy_dyn as bd
          >>> conn = bd.conn.One2One()
          >>> indices, indptr = conn.require(3, 3, 'pre2post')
          >>> indices.tolist(), indptr.tolist()
          ([0, 1, 2], [0, 1, 2, 3])
        """
        if len(structures) >= 2 and _is_size(structures[0]) and _is_size(structures[1]):
            self(structures[0], structures[1])
            structures = structures[2:]
        if not structures:
            raise ValueError(
                f"{type(self).__name__}.require(): name at least one structure, among "
                f"{SUPPORTED_SYN_STRUCTURE}."
            )
        for s in structures:
            if s not in SUPPORTED_SYN_STRUCTURE:
                raise ValueError(
                    f"{type(self).__name__}.require(): unknown structure {s!r}; supported "
                    f"are {SUPPORTED_SYN_STRUCTURE}."
                )
        self._require_sizes()
        memo: dict[str, Any] = {}
        out = tuple(self._structure(s, memo) for s in structures)
        return out[0] if len(out) == 1 else out

    requires = require

    def _structure(self, name: str, memo: dict[str, Any]) -> Any:
        pre_num, post_num = self._require_sizes()
        if name == CONN_MAT:
            return jax.device_put(np.asarray(self.build_mat(), dtype=bool))
        indices, indptr = self.csr()
        if name in (PRE2POST, CSR):
            return _int32(indices), _int32(indptr)
        if name in (PRE_IDS, POST_IDS, COO):
            pre_ids, post_ids = csr2coo((indices, indptr))
            return {PRE_IDS: _int32(pre_ids), POST_IDS: _int32(post_ids)}.get(
                name, (_int32(pre_ids), _int32(post_ids))
            )
        if name == PRE2SYN:
            return _int32(np.arange(indices.size)), _int32(indptr)
        if name == PRE_SLICE:
            return _int32(np.stack([indptr[:-1], indptr[1:]], axis=1))
        if "csc" not in memo:
            syn_ids = np.arange(indices.size)
            memo["csc"] = csr2csc((indices, indptr), post_num, data=syn_ids)
        (pre_ids_csc, indptr_csc), syn_csc = memo["csc"]
        if name in (POST2PRE, CSC):
            return _int32(pre_ids_csc), _int32(indptr_csc)
        if name == POST_SLICE:
            return _int32(np.stack([indptr_csc[:-1], indptr_csc[1:]], axis=1))
        return _int32(syn_csc), _int32(indptr_csc)  # POST2SYN


@public
class OneEndConnector(TwoEndConnector):
    """Base class of connectors inside one group (``pre`` and ``post`` are the same).

    ``OneEndConnector(pre=size)`` or ``conn(size)`` set both sizes; giving two sizes
    that differ raises :class:`ConnectorError`.

    Examples:
      >>> import brainpy_dyn as bd
      >>> conn = bd.conn.GridFour()(4)
      >>> isinstance(conn, bd.conn.OneEndConnector), conn.pre_num, conn.post_num
      (True, 4, 4)
    """

    def __init__(self, pre: Size | None = None, post: Size | None = None):
        super().__init__(pre, pre if post is None else post)

    def __call__(self, pre_size: Size, post_size: Size | None = None) -> OneEndConnector:
        super().__call__(pre_size, pre_size if post_size is None else post_size)
        return self

    def _check_sizes(self, pre_size: tuple[int, ...], post_size: tuple[int, ...]) -> None:
        if pre_size != post_size:
            raise ConnectorError(
                f"{type(self).__name__} connects a group to itself: pre_size and post_size "
                f"must be equal, got pre_size={pre_size}, post_size={post_size}."
            )

"""A projection's event table split by blocks of targets over a mesh, built where it lives.

Part ``p`` of a table split into ``n`` parts holds, for every source, its targets in
``[p·m, (p+1)·m)`` (``m = n_post / n``) as local indices, in their order in the whole
table, padded with ``m`` (:func:`brainpy_math.event.split_ell_by_target`). The parts form
one global ``(n, n_pre, width)`` array sharded along its first axis.

In a run of several processes (``jax.distributed``) no process can hold, or even see, the
whole array: each builds only the parts its devices hold (:func:`local_table_parts`, from
the connector's ``iter_csr_targets``: ``FixedProb`` and ``FixedPostNum`` draw only those
targets, so their build time and memory per process fall about as ``1/N``; the other
connectors build their network chunk by chunk, or whole, and cut each chunk to those
targets as it comes, keeping no whole table) and :func:`place` assembles the global array
with :func:`jax.make_array_from_callback`. Per-synapse weights, one value per connection in
CSR order, are cut to the parts' connections by :func:`local_weights`. The parts equal
those of splitting the whole table, whatever the number of processes, so a seed gives the
same spikes on 1 or N processes. The width (the longest row of any part) is agreed on by
all processes.

:class:`DeviceTable` keeps the placed arrays in Variables that ``vars()`` does not list: a
compiled loop finds them when the projection reads them and takes them as arguments (a
program may not close over an array that spans other processes' devices), while state
dicts and checkpoints stay those of the unsharded network.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import jax
import numpy as np
from jax.experimental import multihost_utils
from jax.sharding import Mesh, NamedSharding, PartitionSpec

import brainpy_math as bm
from brainpy_dyn._src.connect.base import TwoEndConnector

__all__ = [
    "DeviceTable",
    "agreed_max",
    "by_part",
    "gather",
    "local_part_ids",
    "local_parts",
    "local_table_parts",
    "local_weights",
    "place",
]


class DeviceTable:
    """The parts of a split table on the devices of ``mesh`` (Variables, not in ``vars()``).

    Attributes:
      indices: ``Variable`` of the ``int32 (n_parts, n_pre, width)`` local targets.
      weights: ``Variable`` of the per-connection weights, or ``None``.
      mesh: the mesh.
      axis: the mesh axis the parts are spread along.
    """

    __slots__ = ("indices", "weights", "mesh", "axis")

    def __init__(self, indices: jax.Array, weights: jax.Array | None, mesh: Mesh, axis: str):
        self.indices = bm.Variable(indices)
        self.weights = None if weights is None else bm.Variable(weights)
        self.mesh = mesh
        self.axis = axis


def local_part_ids(sharding: NamedSharding, n_parts: int) -> list[int]:
    """The parts (blocks of targets) that this process's devices hold, sorted."""
    index_map = sharding.addressable_devices_indices_map((n_parts, 1, 1))
    return sorted({range(n_parts)[idx[0]][0] for idx in index_map.values()})


def local_parts(
    chunks: Iterable[tuple[int, np.ndarray, np.ndarray]],
    n_pre: int,
    n_post: int,
    n_parts: int,
    parts: Sequence[int],
) -> dict[int, np.ndarray]:
    """Parts ``parts`` of the split table, from CSR chunks ``(first_row, indptr, indices)``.

    Only the connections to the targets of ``parts`` are kept from each chunk, so the
    whole network never exists at once. Each part comes back as an ``int32 (n_pre, w)``
    array whose width ``w`` is its own longest row (at least 1); padding holds ``m``.
    """
    m = n_post // n_parts
    blocks: dict[int, list[np.ndarray]] = {p: [] for p in parts}
    covered = 0
    for first, indptr, indices in chunks:
        if first != covered:
            raise RuntimeError(f"CSR chunks out of order: expected row {covered}, got {first}.")
        indptr = np.asarray(indptr, dtype=np.int64)
        indices = np.asarray(indices)
        lengths = np.diff(indptr)
        n_rows = lengths.size
        rows = np.repeat(np.arange(n_rows), lengths)
        owner = indices // m
        for p in parts:
            mine = owner == p
            r = rows[mine]
            # entries of a row are contiguous and keep their order: rank within the row
            rank = np.arange(r.size) - np.searchsorted(r, r, side="left")
            width = int(rank.max()) + 1 if r.size else 1
            block = np.full((n_rows, width), m, dtype=np.int32)
            block[r, rank] = indices[mine] - p * m
            blocks[p].append(block)
        covered += n_rows
    if covered != n_pre:
        raise RuntimeError(f"CSR chunks cover {covered} rows, expected {n_pre}.")
    out = {}
    for p, bs in blocks.items():
        width = max([b.shape[1] for b in bs] + [1])
        part = np.full((n_pre, width), m, dtype=np.int32)
        row = 0
        while bs:  # copy the blocks in and let each go: the part exists about once
            b = bs.pop(0)
            part[row : row + b.shape[0], : b.shape[1]] = b
            row += b.shape[0]
        out[p] = part
    return out


def local_table_parts(
    conn: Any, n_pre: int, n_post: int, n_parts: int, parts: Sequence[int]
) -> dict[int, np.ndarray]:
    """Parts ``parts`` of the split table of connector ``conn``, each drawn on its own.

    Part ``p`` comes from ``conn.iter_csr_targets(p·m, (p+1)·m)``: ``FixedProb`` and
    ``FixedPostNum`` draw only those targets; other connectors cut them from their chunks
    as they come (see :meth:`~brainpy_dyn.conn.TwoEndConnector.iter_csr_targets`).
    """
    m = n_post // n_parts
    if not parts:
        return {}
    if type(conn).iter_csr_targets is TwoEndConnector.iter_csr_targets:  # cut in one pass
        chunks = conn.iter_csr_targets(min(parts) * m, (max(parts) + 1) * m)
        return local_parts(chunks, n_pre, n_post, n_parts, parts)
    out = {}
    for p in parts:
        chunks = conn.iter_csr_targets(p * m, (p + 1) * m)
        out[p] = local_parts(chunks, n_pre, n_post, n_parts, [p])[p]
    return out


def local_weights(
    parts: dict[int, np.ndarray], weights: Any, n_pre: int, n_parts: int, pad: int
) -> dict[int, np.ndarray]:
    """The per-connection weights of this process's ``parts``, from the whole CSR vector.

    ``weights`` holds one value per connection in CSR order (sources in order, each one's
    targets sorted), as one process draws it. Connection ``s`` of row ``r`` in part ``p``
    (left-packed, padding ``pad``) sits at ``indptr[r] + (its row's connections in parts
    before p) + s``; the rows' counts in every part come from all processes (each sums
    its own parts; every process must call this, in step). Padding gets weight 0.

    Raises:
      ValueError: the parts hold another number of connections than ``weights``.
    """
    counts = np.zeros((n_parts, n_pre), dtype=np.int64)
    for p, a in parts.items():
        counts[p] = (a != pad).sum(axis=1)
    if jax.process_count() > 1:
        counts = np.asarray(multihost_utils.process_allgather(counts)).sum(axis=0)
    weights = np.asarray(weights)
    if int(counts.sum()) != weights.size:
        raise ValueError(
            f"local_weights: the table holds {int(counts.sum())} connections, but the weights "
            f"have {weights.size} values."
        )
    starts = np.zeros(n_pre, dtype=np.int64)
    np.cumsum(counts.sum(axis=0)[:-1], out=starts[1:])
    before = np.cumsum(counts, axis=0) - counts  # a row's connections in the parts before
    out = {}
    for p, a in parts.items():
        valid = a != pad
        pos = (starts + before[p])[:, None] + np.arange(a.shape[1])
        w = np.zeros(a.shape, dtype=weights.dtype)
        w[valid] = weights[pos[valid]]
        out[p] = w
    return out


def agreed_max(value: int) -> int:
    """The largest ``value`` over all processes (every process must call it, in step)."""
    if jax.process_count() == 1:
        return int(value)
    return int(np.max(multihost_utils.process_allgather(np.asarray(value, np.int64))))


def place(
    parts: dict[int, np.ndarray],
    n_parts: int,
    width: int,
    fill: Any,
    sharding: NamedSharding,
    n_rows: int | None = None,
) -> jax.Array:
    """The global ``(n_parts, n_rows, width)`` array from this process's ``parts``.

    Each part is padded with ``fill`` to ``width``; a device asks only for its own part.
    ``n_rows`` defaults to the parts' row count (give it when this process holds none).
    """
    if n_rows is None:
        n_rows = next(iter(parts.values())).shape[0]
    shape = (n_parts, n_rows, width)

    def part(index: tuple[slice, ...]) -> np.ndarray:
        p = range(n_parts)[index[0]][0]
        a = parts[p]
        if a.shape[1] == width:
            return a[None]
        return np.pad(a, ((0, 0), (0, width - a.shape[1])), constant_values=fill)[None]

    return jax.make_array_from_callback(shape, sharding, part)


def by_part(mesh: Mesh, axis: str) -> NamedSharding:
    """The sharding of a split table: its first axis along ``axis`` of ``mesh``."""
    return NamedSharding(mesh, PartitionSpec(axis))


def gather(array: jax.Array) -> np.ndarray:
    """The whole value of ``array`` on this host (gathered from every process if needed)."""
    if array.is_fully_addressable:
        return np.asarray(array)
    return np.asarray(multihost_utils.process_allgather(array, tiled=True))

"""Uniform ``k``-subsets per row, drawn block of targets by block of targets.

A fixed out-degree connector draws, for each source row, ``k`` of ``n`` targets. To let a
process of a run of several build only the targets its devices hold, and still get the
same network whatever the number of processes, the draw is split along a tree that
depends on ``(n, k)`` only:

* the targets ``[0, n)`` are cut into *leaves* of ``L`` consecutive targets (``L`` from
  ``n`` and ``k``, about 32 connections per leaf and row), and the leaves into a binary
  tree (node ``[a, b)`` of leaves splits at ``(a + b) // 2``);
* at each node the row's count is split between its two halves: hypergeometric (without
  replacement) or binomial (with replacement) in the halves' sizes;
* in a leaf, the row's count is drawn as sorted distinct values (or with replacement) of
  the leaf's targets (:func:`~brainpy_dyn._src.connect.sampling.sample_rows`).

The counts of the halves of a uniform ``k``-subset are hypergeometric, and given them the
halves are independent uniform subsets, so every row is exactly a uniform ``k``-subset
(a multinomial draw with replacement), as if drawn at once. Each node and leaf draws from
its own generator, seeded by ``(seed, stream, row block, node)`` through NumPy's
``SeedSequence`` (rows go in blocks of ``R`` rows, ``R`` again from ``k`` only), so a
process that wants targets ``[lo, hi)`` visits only the nodes above those leaves: its
work and memory fall about as ``1/N`` while the connections it draws are those of the
whole draw. Rows come out sorted.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from brainpy_dyn._src.connect.sampling import redraw_repeats, sample_rows

__all__ = ["block_plan", "iter_block_rows", "stream"]

_PER_LEAF = 32  # expected connections of a row in one leaf
_MIN_LEAF = 64
_ROW_ELEMENTS = 1 << 21  # connections per row block (bounds the temporary memory)
_INT32_MAX = int(np.iinfo(np.int32).max)


def block_plan(n: int, k: int) -> tuple[int, int]:
    """``(leaf size L, rows per block R)`` of the tree for ``k`` of ``n`` targets per row.

    They depend on ``n`` and ``k`` only, never on the number of processes.
    """
    leaf = max(_MIN_LEAF, math.ceil(_PER_LEAF * n / max(k, 1)))
    rows = max(256, _ROW_ELEMENTS // max(k, 1))
    return min(leaf, max(n, 1)), rows


def stream(seed: int, *key: int) -> np.random.Generator:
    """An independent generator for ``(seed, *key)`` (NumPy ``SeedSequence``, PCG64)."""
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, *key])))


def _leaf_draw(
    gen: np.random.Generator,
    counts: np.ndarray,
    size: int,
    replace: bool,
    offset: int,
    pad: int,
    dtype: type[np.signedinteger],
) -> np.ndarray:
    """Per-row sorted draws of ``counts[r]`` values of ``[0, size)``, plus ``offset``.

    Returns an ``(n_rows, max(counts))`` array: row ``r`` holds its values first, then
    ``pad``. Sparse rows (every count at most ``size / 4``) and draws with replacement are
    drawn all at once: values with replacement, sorted within rows, and while a row has a
    repeat the repeated entries are drawn again (exactly uniform, as in
    :mod:`~brainpy_dyn._src.connect.sampling`). Otherwise rows of the same count are drawn
    together by :func:`~brainpy_dyn._src.connect.sampling.sample_rows`, counts in
    increasing order.
    """
    widest = int(counts.max(initial=0))
    if replace or 4 * widest <= size:
        small = np.int32 if size + widest < _INT32_MAX else np.int64
        x = gen.integers(0, size, size=(counts.size, widest), dtype=small)
        # padding past each row's count: distinct values above size, so it sorts to the
        # end and is never a repeat
        np.putmask(x, np.arange(widest) >= counts[:, None], size + np.arange(widest, dtype=small))
        x.sort(axis=1)
        if not replace:
            redraw_repeats(x, lambda k: gen.integers(0, size, size=k, dtype=small))
        return np.where(x < size, x.astype(dtype, copy=False) + dtype(offset), dtype(pad))
    out = np.full((counts.size, widest), pad, dtype=dtype)
    for c in np.unique(counts):
        if c == 0:
            continue
        rows = np.flatnonzero(counts == c)
        block = sample_rows(gen, rows.size, size, int(c), replace=replace)
        out[rows, :c] = block.astype(dtype, copy=False) + dtype(offset)
    return out


def iter_block_rows(
    seed: int,
    tag: int,
    counts: np.ndarray,
    n: int,
    k: int,
    lo: int = 0,
    hi: int | None = None,
    replace: bool = False,
    skip_self: bool = False,
) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """The targets in ``[lo, hi)`` of rows that draw ``counts[r]`` of ``n`` targets each.

    Args:
      seed: the connector's seed.
      tag: a stream number that tells apart the draws of one seed.
      counts: ``(n_rows,)`` targets per row, each ``0`` or ``k`` (``k`` fixes the plan).
      n: the number of targets.
      k: the out-degree that fixes the plan (:func:`block_plan`).
      lo: the first target wanted.
      hi: one past the last target wanted (default ``n``).
      replace: draw with replacement.
      skip_self: row ``i`` draws among the targets other than ``i`` (the tree is then over
        the ``n - 1`` positions of those, mapped to targets row by row).

    Yields:
      ``(first_row, indptr, indices)`` CSR chunks of consecutive rows, covering every row,
      ``indptr`` starting at 0, global target ids sorted within each row.
    """
    hi = n if hi is None else hi
    counts = np.asarray(counts, dtype=np.int64)
    pool = n - 1 if skip_self else n  # the positions drawn from
    leaf, block = block_plan(pool, k)
    index = np.int32 if n < _INT32_MAX else np.int64
    n_leaves = max(1, -(-pool // leaf))
    # position q of row i is target q + (q >= i) with skip_self: [lo, hi) comes from
    # positions in [lo - 1, hi)
    first = max(lo - 1, 0) if skip_self else lo
    first_leaf, stop_leaf = first // leaf, -(-min(hi, pool) // leaf)

    def size(a: int, b: int) -> int:
        return min(b * leaf, pool) - a * leaf

    for r0 in range(0, counts.size, block):
        chunk = counts[r0 : r0 + block]
        pieces: list[np.ndarray] = []  # padded (rows, width) values by leaf, in order
        todo = [(0, n_leaves, chunk)]  # a stack; right child pushed first, so left goes first
        while todo and hi > lo:
            a, b, c = todo.pop()
            if b <= first_leaf or a >= stop_leaf or not c.any():
                continue
            gen = stream(seed, tag, r0 // block, a, b)
            if b - a == 1:
                pieces.append(_leaf_draw(gen, c, size(a, b), replace, a * leaf, n, index))
                continue
            mid = (a + b) // 2
            left, right = size(a, mid), size(mid, b)
            if replace:
                c_left = gen.binomial(c, left / (left + right))
            else:
                c_left = gen.hypergeometric(left, right, c)
            todo.append((mid, b, c - c_left))
            todo.append((a, mid, c_left))
        # Joined leaf after leaf, each row reads its targets in order; the padding (n) and
        # the targets of boundary leaves outside [lo, hi) are left out.
        x = np.concatenate(pieces, axis=1) if pieces else np.zeros((chunk.size, 0), index)
        if skip_self:  # positions to targets, row by row (monotonic: rows stay sorted)
            x += x >= np.arange(r0, r0 + chunk.size, dtype=index)[:, None]
        keep = x < min(hi, n)
        if lo > 0:
            keep &= x >= lo
        indptr = np.zeros(chunk.size + 1, dtype=np.int64)
        np.cumsum(keep.sum(axis=1), out=indptr[1:])
        yield r0, indptr, x[keep]

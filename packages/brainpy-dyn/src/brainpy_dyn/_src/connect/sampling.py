"""Vectorised sampling of ``k`` distinct column indices per row (random connectors).

``sample_rows(rng, n_rows, n, k)`` returns an ``(n_rows, k)`` array whose rows are
independent uniform ``k``-subsets of ``[0, n)``, each row sorted. Rows are processed in
blocks of a few million elements, and when ``k`` is small no ``n_rows × n`` memory is ever
allocated, so 100 000-neuron networks build block by block. Three regimes:

* ``k <= n/4`` (sparse, the usual case): draw ``k`` values per row with replacement and
  sort the row; while a row has repeats, redraw the repeated entries and sort again.
* ``k >= 3n/4``: sample the ``n - k`` excluded values as above, take the complement.
* otherwise: Floyd's algorithm, vectorised across the rows of a block with a boolean
  ``(rows, n)`` mask (``min(k, n - k)`` steps of a few array operations each).

All three give exactly uniform ``k``-subsets. For Floyd's algorithm that is a classical
result. For the redraw loop it follows from symmetry: each round keeps the set of distinct
values drawn so far and draws as many fresh values as are missing, so a relabelling of
``[0, n)`` maps every run of the procedure to an equally likely run. The distribution of
the final set is then invariant under relabelling, i.e. uniform over the ``k``-subsets.
Repeats are rare when ``k <= n/4``, so the loop ends after a few rounds; at
``n = 4000, k = 80`` one 4000-row network takes a few milliseconds.

With replacement the rows are plain ``integers(0, n, k)``, sorted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

__all__ = ["sample_rows", "iter_sample_rows", "redraw_repeats"]

# Elements handled at once (rows × values per row); bounds the temporary memory.
_BLOCK_ELEMENTS = 1 << 22
_MASK_ELEMENTS = 1 << 25


def _index_dtype(n: int) -> type[np.signedinteger]:
    return np.int32 if n <= np.iinfo(np.int32).max else np.int64


def redraw_repeats(x: np.ndarray, draw: Any) -> np.ndarray:
    """Make the sorted rows of ``x`` distinct, in place: each repeated entry is drawn again.

    ``draw(k)`` gives ``k`` new values; rows are sorted again after each round, until no
    row holds a value twice. Drawing again only what repeats keeps every row a uniform
    draw of distinct values.
    """
    while True:
        repeat = x[:, 1:] == x[:, :-1]
        bad = np.flatnonzero(repeat.any(axis=1))
        if bad.size == 0:
            return x
        sub, rep = x[bad], repeat[bad]
        sub[:, 1:][rep] = draw(int(rep.sum()))
        sub.sort(axis=1)
        x[bad] = sub


def _iter_sorted_distinct(rng: np.random.Generator, rows: int, n: int, k: int):
    """Blocks of :func:`_sorted_distinct`'s rows, in order, drawn as it draws them."""
    dtype = _index_dtype(n)
    if k == 0:
        yield 0, np.empty((rows, 0), dtype=dtype)
        return
    step = max(1, _BLOCK_ELEMENTS // k)
    for start in range(0, rows, step):
        x = rng.integers(0, n, size=(min(rows, start + step) - start, k), dtype=dtype)
        x.sort(axis=1)
        yield start, redraw_repeats(x, lambda k: rng.integers(0, n, size=k, dtype=dtype))


def _sorted_distinct(rng: np.random.Generator, rows: int, n: int, k: int) -> np.ndarray:
    """Sorted uniform ``k``-subsets of ``[0, n)`` by redrawing repeats (for ``k <= n/4``)."""
    out = np.empty((rows, k), dtype=_index_dtype(n))
    for start, x in _iter_sorted_distinct(rng, rows, n, k):
        out[start : start + x.shape[0]] = x
    return out


def _complement(rows: int, n: int, k: int, excluded: np.ndarray) -> np.ndarray:
    """The sorted complements in ``[0, n)`` of the rows of ``excluded`` (each of size n-k)."""
    out = np.empty((rows, k), dtype=_index_dtype(n))
    step = max(1, _MASK_ELEMENTS // max(n, 1))
    for start in range(0, rows, step):
        stop = min(rows, start + step)
        mask = np.ones((stop - start, n), dtype=bool)
        np.put_along_axis(mask, excluded[start:stop].astype(np.intp), False, axis=1)
        out[start:stop] = np.nonzero(mask)[1].reshape(-1, k)
    return out


def _iter_floyd(rng: np.random.Generator, rows: int, n: int, k: int):
    """Blocks of sorted uniform ``k``-subsets by Floyd's algorithm on a boolean mask."""
    e = min(k, n - k)  # draw the smaller of the subset and its complement
    step = max(1, _MASK_ELEMENTS // n)
    for start in range(0, rows, step):
        c = min(rows, start + step) - start
        mask = np.zeros(c * n, dtype=bool)
        base = np.arange(c, dtype=np.int64) * n
        for j in range(n - e, n):
            # t uniform in [0, j]; if already taken, take j instead (Floyd, 1987).
            idx = base + (rng.random(c) * (j + 1)).astype(np.int64)
            hit = mask[idx]
            idx[hit] = base[hit] + j
            mask[idx] = True
        block = mask.reshape(c, n)
        if e != k:
            np.logical_not(block, out=block)
        yield start, np.nonzero(block)[1].reshape(c, k).astype(_index_dtype(n))


def sample_rows(
    rng: np.random.Generator,
    n_rows: int,
    n: int,
    k: int,
    *,
    replace: bool = False,
    skip: np.ndarray | None = None,
) -> np.ndarray:
    """Sample ``k`` values of ``[0, n)`` for each of ``n_rows`` rows, each row sorted.

    Args:
      rng: the NumPy generator to draw from.
      n_rows: the number of rows.
      n: the number of candidates per row.
      k: the number of values per row.
      replace: sample with replacement (repeats allowed).
      skip: optional ``(n_rows,)`` ints; row ``r`` never contains ``skip[r]`` (which must
        lie in ``[0, n)``): its values are drawn among the other ``n - 1`` candidates.

    Returns:
      An ``(n_rows, k)`` integer array (int32 when ``n`` fits, else int64).

    Raises:
      ValueError: ``k`` distinct values cannot be drawn from the candidates.
    """
    dtype = _index_dtype(n)
    out = np.empty((n_rows, k), dtype=dtype)
    for start, block in iter_sample_rows(rng, n_rows, n, k, replace=replace, skip=skip):
        out[start : start + block.shape[0]] = block
    return out


def iter_sample_rows(
    rng: np.random.Generator,
    n_rows: int,
    n: int,
    k: int,
    *,
    replace: bool = False,
    skip: np.ndarray | None = None,
) -> Iterator[tuple[int, np.ndarray]]:
    """:func:`sample_rows` block by block: ``(first row, rows)`` pairs, in order.

    The blocks are drawn exactly as :func:`sample_rows` draws them (same generator calls,
    same order), so joining them gives its result; a caller that keeps only part of each
    block (one device's targets) never holds the whole ``(n_rows, k)`` array.
    """
    dtype = _index_dtype(n)
    pool = n - 1 if skip is not None else n
    if k == 0 or n_rows == 0:
        yield 0, np.zeros((n_rows, k), dtype=dtype)
        return
    if pool <= 0 or (not replace and k > pool):
        raise ValueError(f"cannot draw {k} distinct values out of {max(pool, 0)}.")
    if replace:
        out = rng.integers(0, pool, size=(n_rows, k), dtype=dtype)
        out.sort(axis=1)
        blocks: Iterator[tuple[int, np.ndarray]] = iter([(0, out)])
    elif 4 * k <= pool:
        blocks = _iter_sorted_distinct(rng, n_rows, pool, k)
    elif 4 * k >= 3 * pool:
        blocks = (
            (start, _complement(excluded.shape[0], pool, k, excluded))
            for start, excluded in _iter_sorted_distinct(rng, n_rows, pool, pool - k)
        )
    else:
        blocks = _iter_floyd(rng, n_rows, pool, k)
    for start, out in blocks:
        out = out.astype(dtype, copy=False)
        if skip is not None:
            # Map [0, n-1) onto [0, n) without skip[r]; monotonic, so rows stay sorted.
            rows_skip = np.asarray(skip, dtype=dtype)[start : start + out.shape[0]]
            out += out >= rows_skip[:, None]
        yield start, out

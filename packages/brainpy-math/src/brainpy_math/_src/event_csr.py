"""Event-driven sparse operators with a CSR interface (BrainPy 2.3.x names)."""

from __future__ import annotations

import weakref
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy_math._src.array import Array, as_jax, to_jax
from brainpy_math._src.event_ell import csr_to_ell, ell_event_matvec
from brainpy_math._src.sparse_csr import values_alias

__all__ = ["csr_matvec", "event_csr_matvec"]


def _concrete(x: Any) -> np.ndarray | None:
    x = as_jax(x)
    if isinstance(x, jax.core.Tracer):
        return None
    return np.asarray(x)


@values_alias
def csr_matvec(
    values: Any,
    indices: Any,
    indptr: Any,
    events: Any,
    shape: tuple[int, int],
    transpose: bool = False,
) -> Array:
    """Event-driven product of a CSR matrix with a spike vector.

    With ``transpose=True`` it computes ``events @ A`` (rows of ``A`` are sources,
    the usual pre→post layout of ``conn.require('pre2post')``); otherwise ``A @ events``.
    Any non-zero event counts as one spike; its magnitude is ignored (as in BrainPy).

    With ``transpose=True`` and concrete ``indices``/``indptr`` the cost grows with
    spikes × row length (see :mod:`brainpy_math._src.event_ell`); otherwise every
    stored connection is visited once.

    Args:
      values: a scalar weight or one weight per connection (``nnz``); ``data=`` is also
        accepted.
      indices: ``int`` column indices, length ``nnz``.
      indptr: row pointers, length ``shape[0] + 1``.
      events: spikes, length ``shape[0]`` (transpose) or ``shape[1]``.
      shape: ``(rows, cols)`` of ``A``.
      transpose: multiply from the left (``events @ A``).

    Returns:
      The summed input per output element, as an Array.

    Examples:
      >>> import brainpy_math as bm
      >>> import numpy as np
      >>> indices, indptr = np.array([1, 2, 0]), np.array([0, 2, 3])  # 0→1, 0→2, 1→0
      >>> bm.event.csr_matvec(0.5, indices, indptr, np.array([True, False]),
      ...                     shape=(2, 3), transpose=True).value
      Array([0. , 0.5, 0.5], dtype=float32)
    """
    data = values
    rows, cols = (int(s) for s in shape)
    events = as_jax(events)
    n_events = rows if transpose else cols
    if jnp.ndim(events) != 1 or jnp.shape(events)[0] != n_events:
        raise ValueError(
            f"csr_matvec: events must have shape ({n_events},) for a matrix of shape {shape} "
            f"with transpose={transpose}, got {jnp.shape(events)}."
        )
    if transpose:
        cached = _TABLES.get(indices, indptr, data, cols)
        if cached is not None:
            table_indices, weights = cached
            return Array(ell_event_matvec(events, table_indices, weights, cols))
    c_indices, c_indptr, c_data = _concrete(indices), _concrete(indptr), _concrete(data)
    if transpose and c_indices is not None and c_indptr is not None:
        if c_indptr.shape != (rows + 1,):
            raise ValueError(
                f"csr_matvec: indptr must have shape ({rows + 1},), got {c_indptr.shape}."
            )
        table = csr_to_ell(
            c_indices, c_indptr, cols, c_data if c_data is not None and c_data.ndim else None
        )
        if jnp.ndim(as_jax(data)) and table.weights is None:
            raise ValueError("csr_matvec: traced per-connection weights need concrete indices.")
        # Concrete arrays even while a transformation traces: the cache outlives the trace.
        with jax.ensure_compile_time_eval():
            weights = to_jax(table.weights) if table.weights is not None else as_jax(data)
            table_indices = to_jax(table.indices)
        _TABLES.put(indices, indptr, data, cols, (table_indices, weights))
        return Array(ell_event_matvec(events, table_indices, weights, cols))
    return Array(
        _segment_matvec(
            as_jax(data), as_jax(indices), as_jax(indptr), events, rows, cols, transpose
        )
    )


class _TableCache:
    """The ELL tables built for CSR arrays that cannot change: JAX arrays, held weakly.

    Called again and again outside ``jit`` with the same connectivity (the arrays
    ``conn.require('pre2post')`` returns, say), ``csr_matvec`` then skips rebuilding the
    padded table on the host. NumPy arrays can be changed in place, so they are never
    cached; a cached entry goes away when any of its arrays does.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[Any, ...], tuple[tuple[Any, ...], Any]] = {}

    @staticmethod
    def _key(
        indices: Any, indptr: Any, data: Any, cols: int
    ) -> tuple[tuple[Any, ...], tuple[Any, ...]] | None:
        """``(key, arrays the entry depends on)``, or ``None`` when the call cannot be cached."""
        indices, indptr, data = as_jax(indices), as_jax(indptr), as_jax(data)
        arrays = (indices, indptr)
        if not all(isinstance(a, jax.Array) and not isinstance(a, jax.core.Tracer) for a in arrays):
            return None
        if isinstance(data, jax.Array) and jnp.ndim(data):
            if isinstance(data, jax.core.Tracer):
                return None
            return (id(indices), id(indptr), id(data), cols), (indices, indptr, data)
        if isinstance(data, jax.core.Tracer):
            return None
        return (id(indices), id(indptr), None, cols), arrays

    def get(self, indices: Any, indptr: Any, data: Any, cols: int) -> Any:
        found = self._key(indices, indptr, data, cols)
        if found is None:
            return None
        key, arrays = found
        entry = self._entries.get(key)
        if entry is None or any(ref() is not a for ref, a in zip(entry[0], arrays, strict=True)):
            return None
        table_indices, weights = entry[1]
        return table_indices, (weights if key[2] is not None else as_jax(data))

    def put(self, indices: Any, indptr: Any, data: Any, cols: int, value: Any) -> None:
        found = self._key(indices, indptr, data, cols)
        if found is None:
            return
        key, arrays = found

        def forget(_: Any, key: tuple[Any, ...] = key) -> None:
            self._entries.pop(key, None)

        self._entries[key] = (tuple(weakref.ref(a, forget) for a in arrays), value)


_TABLES = _TableCache()


def _segment_matvec(data, indices, indptr, events, rows, cols, transpose):
    nnz = indices.shape[0]
    row_of = jnp.searchsorted(indptr, jnp.arange(nnz), side="right") - 1
    active = events != 0
    dtype = jnp.promote_types(jnp.result_type(data), jnp.float32)
    w = jnp.broadcast_to(jnp.asarray(data, dtype), (nnz,))
    if transpose:
        contrib = jnp.where(active[row_of], w, 0)
        return jax.ops.segment_sum(contrib, indices, num_segments=cols)
    contrib = jnp.where(active[indices], w, 0)
    return jax.ops.segment_sum(contrib, row_of, num_segments=rows)


event_csr_matvec = csr_matvec

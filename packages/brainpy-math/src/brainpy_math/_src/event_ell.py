"""Event-driven propagation through a padded fixed-width connection table.

A sparse projection is stored as an ELL table: row ``i`` lists the targets of
source ``i`` (``indices[i, :]``, padded with the sentinel ``n_post``) and their
weights. Propagating a spike vector then costs one pass over ``ceil(N / 32)``
packed words plus ``spikes × row width`` scalar updates: the cost follows the
activity, not the number of synapses.

The kernel is scatter-free: spikes are packed into ``uint32`` words, the set bits
are visited with ``x & -x`` / count-leading-zeros / ``x & (x - 1)``, and each target
is updated with ``dynamic_slice`` + ``dynamic_update_slice``. XLA:CPU runs such
loops in place; without scatter, sort or custom calls in a loop, XLA can also
compile the loop into one native function (see ``brainpy_math.cpu_loop_kernels``).
That is the CPU kernel. On GPU a loop turn costs a kernel launch and a branch waits for
the host, so there a Pallas kernel compacts the spikes on the device and adds the rows of
the active sources only, with atomics (:mod:`brainpy_math._src.event_gpu`). On TPU and
other accelerators the rows of every source are scatter-added in one parallel kernel,
inactive rows as padding. The program picks its kernel when it is lowered for its device.
"""

from __future__ import annotations

import functools
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from brainpy_math._src.event_gpu import (
    MAX_TABLE_ENTRIES,
    cuda_kernel_wanted,
    gpu_event_rows,
    gpu_kernel_on_cpu_enabled,
)

__all__ = ["EllTable", "csr_to_ell", "ell_event_matvec", "split_ell_by_target"]


class EllTable:
    """A fixed-width connection table built from CSR arrays (host side, NumPy).

    Attributes:
      indices: ``int32 (n_pre, width)`` targets; padding holds ``n_post``.
      weights: ``(n_pre, width)`` weights (padding 0), or ``None`` for one scalar weight.
      n_post: number of targets.

    Examples:
      >>> from brainpy_math.event import csr_to_ell
      >>> table = csr_to_ell(indices=[1, 0, 1], indptr=[0, 1, 3], n_post=2)
      >>> table.indices.tolist(), table.width  # row 0 padded with n_post
      ([[1, 2], [0, 1]], 2)
    """

    __slots__ = ("indices", "weights", "n_post")

    def __init__(self, indices: Any, weights: Any, n_post: int):
        self.indices = indices
        self.weights = weights
        self.n_post = int(n_post)

    @property
    def width(self) -> int:
        return int(self.indices.shape[1])


def csr_to_ell(indices: Any, indptr: Any, n_post: int, data: Any = None) -> EllTable:
    """Convert concrete CSR arrays (rows = sources) into an :class:`EllTable`.

    Args:
      indices: column (target) index of each connection, length ``nnz``.
      indptr: row pointers, length ``n_pre + 1``.
      n_post: number of targets.
      data: a scalar weight, or one weight per connection (length ``nnz``).

    Returns:
      The padded table, with weights per connection when ``data`` is an array.

    Examples:
      >>> from brainpy_math.event import csr_to_ell
      >>> table = csr_to_ell([1, 0, 1], [0, 1, 3], n_post=2, data=[0.5, 1., 2.])
      >>> table.indices.tolist(), table.weights.tolist()
      ([[1, 2], [0, 1]], [[0.5, 0.0], [1.0, 2.0]])
    """
    indices = np.asarray(indices)
    indptr = np.asarray(indptr)
    if indptr.ndim != 1 or indptr.size < 1 or indptr[0] != 0 or np.any(np.diff(indptr) < 0):
        raise ValueError(
            "csr_to_ell: indptr must be a non-decreasing 1-D array starting at 0, got "
            f"shape {indptr.shape} starting at {indptr[:1].tolist()}."
        )
    if indptr[-1] != indices.size:
        raise ValueError(
            f"csr_to_ell: indptr[-1] ({int(indptr[-1])}) must equal len(indices) ({indices.size})."
        )
    if indices.size and (indices.min() < 0 or indices.max() >= n_post):
        raise ValueError(
            f"csr_to_ell: indices must lie in [0, {n_post}), got values in "
            f"[{int(indices.min())}, {int(indices.max())}]."
        )
    n_pre = indptr.size - 1
    lengths = np.diff(indptr)
    width = max(int(lengths.max()) if n_pre else 0, 1)
    rows = np.repeat(np.arange(n_pre), lengths)
    cols = np.arange(indices.size) - np.repeat(indptr[:-1], lengths)
    table = np.full((n_pre, width), n_post, dtype=np.int32)
    table[rows, cols] = indices
    weights = None
    if data is not None and np.ndim(data) > 0:
        data = np.asarray(data)
        if data.shape != indices.shape:
            raise ValueError(
                f"csr_to_ell: data must be a scalar or have one value per connection "
                f"({indices.size}), got shape {data.shape}."
            )
        weights = np.zeros((n_pre, width), dtype=data.dtype)
        weights[rows, cols] = data
    return EllTable(table, weights, n_post)


def split_ell_by_target(table: EllTable, n_parts: int) -> EllTable:
    """Split a table into ``n_parts`` tables over equal, contiguous blocks of targets.

    Part ``p`` owns targets ``[p·m, (p+1)·m)`` with ``m = n_post / n_parts``: row ``i`` of
    part ``p`` lists the targets of source ``i`` in that block, as local indices, in their
    original order (so every target sums its inputs in the same order as the whole table
    does: propagation gives bit-identical results), padded with the local sentinel ``m``.
    This is how a projection is sharded over devices along the neuron axis.

    Args:
      table: the whole table.
      n_parts: the number of blocks; must divide ``table.n_post``.

    Returns:
      A table with ``indices`` of shape ``(n_parts, n_pre, width)`` (weights likewise) and
      ``n_post == m``.

    Raises:
      ValueError: ``n_parts`` is not a positive divisor of ``table.n_post``.

    Examples:
      >>> import numpy as np
      >>> from brainpy_math.event import csr_to_ell, split_ell_by_target
      >>> whole = csr_to_ell(np.array([0, 3, 1]), np.array([0, 2, 3]), n_post=4)
      >>> split_ell_by_target(whole, 2).indices.tolist()
      [[[0], [1]], [[1], [2]]]
    """
    n_post = table.n_post
    if not (isinstance(n_parts, int) and n_parts > 0 and n_post % n_parts == 0):
        raise ValueError(
            f"split_ell_by_target: n_parts must be a positive divisor of the {n_post} targets, "
            f"got {n_parts!r}."
        )
    m = n_post // n_parts
    indices = np.asarray(table.indices)
    owner = indices // m  # padding (n_post) falls in part n_parts: nobody's
    parts, weights = [], []
    for p in range(n_parts):
        mine = owner == p
        order = np.argsort(~mine, axis=1, kind="stable")  # this part's entries first, in order
        count = mine.sum(axis=1)
        width = max(int(count.max()) if count.size else 0, 1)
        keep = np.arange(width) < count[:, None]
        local = np.take_along_axis(indices - p * m, order, axis=1)[:, :width]
        parts.append(np.where(keep, local, m).astype(np.int32))
        if table.weights is not None:
            w = np.take_along_axis(np.asarray(table.weights), order, axis=1)[:, :width]
            weights.append(np.where(keep, w, 0).astype(w.dtype))
    width = max(part.shape[1] for part in parts)

    def stack(arrays: list[np.ndarray], fill: Any) -> np.ndarray:
        return np.stack(
            [np.pad(a, ((0, 0), (0, width - a.shape[1])), constant_values=fill) for a in arrays]
        )

    return EllTable(stack(parts, m), stack(weights, 0) if weights else None, m)


def ell_event_matvec(
    events: jax.Array,
    indices: jax.Array,
    weights: jax.Array,
    n_post: int,
    dtype: Any = None,
    weighted_events: bool = False,
) -> jax.Array:
    """``post[j] = Σ_{i: events[i] ≠ 0} weights[i, k]`` over ``indices[i, k] == j``.

    On CPU the spikes are visited one by one (a scatter-free loop over their set bits, see
    the module's docstring), so a step costs spikes × row width. On GPU (CUDA) a Pallas
    kernel compacts the active sources on the device and adds only their rows, with
    atomics, in one launch: its cost also follows the spikes, with no host round trip
    (see :mod:`brainpy_math._src.event_gpu`). On TPU and other accelerators the targets of
    every active source are scatter-added in one parallel kernel (its cost follows the
    synapses). The choice is made when the program is lowered for its device, by
    :func:`jax.lax.platform_dependent`. GPU atomic adds of floats run in no fixed order,
    so the last bits of a sum can differ from the CPU's and between runs.

    Args:
      events: ``(n_pre,)`` spikes; any non-zero entry is one event. Its size is ignored
        unless ``weighted_events`` (then each connection adds ``weight × events[i]``).
      indices: ``int32 (n_pre, width)`` table; entries equal to ``n_post`` are padding.
      weights: a scalar, or ``(n_pre, width)`` weights.
      n_post: number of targets.
      dtype: result dtype (default: the weights' dtype, at least float32).
      weighted_events: scale each connection by the value of its source event.

    Returns:
      ``(n_post,)`` summed input of each target.

    Examples:
      >>> import jax.numpy as jnp
      >>> from brainpy_math.event import csr_to_ell, ell_event_matvec
      >>> table = csr_to_ell([1, 0, 1], [0, 1, 3], n_post=2, data=[0.5, 1., 2.])
      >>> events = jnp.array([True, True])
      >>> ell_event_matvec(events, jnp.asarray(table.indices), jnp.asarray(table.weights), 2).tolist()
      [1.0, 2.5]
    """
    return _ell_event_matvec(
        events,
        indices,
        weights,
        n_post,
        dtype,
        weighted_events,
        gpu_kernel_on_cpu_enabled(),
        cuda_kernel_wanted(),
    )


# Compiled as its own function so that repeated calls with the same shapes (a model's
# projections, traced once to find its Variables and once to run) reuse one trace.
@functools.partial(
    jax.jit,
    static_argnames=("n_post", "dtype", "weighted_events", "gpu_kernel_on_cpu", "cuda_kernel"),
)
def _ell_event_matvec(
    events: jax.Array,
    indices: jax.Array,
    weights: jax.Array,
    n_post: int,
    dtype: Any,
    weighted_events: bool,
    gpu_kernel_on_cpu: bool,
    cuda_kernel: bool,
) -> jax.Array:
    weights = jnp.asarray(weights)
    if dtype is None:
        dtype = jnp.promote_types(weights.dtype, jnp.float32)
    weights = weights.astype(dtype)
    options = dict(n_post=n_post, weighted_events=weighted_events)
    # The GPU kernel addresses the table with int32 offsets; it is traced only where a
    # program may be lowered for CUDA (see brainpy_math._src.event_gpu).
    use_gpu_kernel = cuda_kernel and indices.size <= MAX_TABLE_ENTRIES
    gpu = gpu_event_rows if use_gpu_kernel else _scatter_rows
    cpu = functools.partial(gpu_event_rows, interpret=True) if gpu_kernel_on_cpu else _bit_loop
    return lax.platform_dependent(
        events,
        indices,
        weights,
        cpu=functools.partial(cpu, **options),
        cuda=functools.partial(gpu, **options),
        default=functools.partial(_scatter_rows, **options),
    )


def _pack_strided(x: jax.Array) -> jax.Array:
    """Pack a 1-D vector into ``m = ceil(n / 32)`` words, bit ``b`` of word ``w`` = element ``b·m + w``.

    The kernel's own layout: each bit plane is a contiguous slice, so packing is 32
    vectorised element-wise steps over ``m`` words. (Packing neighbours, element
    ``32·w + b``, as a sum over 32 neighbours per word, XLA:CPU computes word by word,
    about five times slower; measured on 3,200 sources, the whole propagation of a step
    also ran about 1.3 times slower with neighbours packed.)
    """
    n = x.shape[0]
    m = -(-n // 32)
    bits = jnp.pad(x != 0, (0, 32 * m - n)).astype(jnp.uint32)
    words = bits[:m]
    for b in range(1, 32):
        words = words | (bits[b * m : (b + 1) * m] << b)
    return words


def _bit_loop(
    events: jax.Array, indices: jax.Array, weights: jax.Array, *, n_post: int, weighted_events: bool
) -> jax.Array:
    """CPU kernel: visit the set bits of the packed spikes, then each spike's row."""
    dtype = weights.dtype
    scalar_w = weights.ndim == 0
    words = _pack_strided(events)
    n_words = words.shape[0]
    scale = events.astype(dtype) if weighted_events else None
    width = indices.shape[1]

    def per_word(w, acc):
        def per_spike(carry):
            word, acc = carry
            low = word & (~word + jnp.uint32(1))
            src = (31 - lax.clz(low)).astype(jnp.int32) * n_words + w

            def per_target(k, acc):
                tgt = indices[src, k]
                val = lax.dynamic_slice(acc, (tgt,), (1,))
                inc = weights if scalar_w else weights[src, k]
                if weighted_events:
                    inc = inc * scale[src]
                return lax.dynamic_update_slice(acc, val + inc, (tgt,))

            acc = lax.fori_loop(0, width, per_target, acc, unroll=min(4, width))
            return word & (word - jnp.uint32(1)), acc

        return lax.while_loop(lambda c: c[0] != 0, per_spike, (words[w], acc))[1]

    # A second level of bits marks the non-zero words, so quiet stretches of the
    # population cost one bit test per 32 words rather than one loop turn per word.
    summary = _pack_strided(words)
    n_groups = summary.shape[0]

    def per_group(g, acc):
        def visit(carry):
            bits, acc = carry
            low = bits & (~bits + jnp.uint32(1))
            w = (31 - lax.clz(low)).astype(jnp.int32) * n_groups + g
            return bits & (bits - jnp.uint32(1)), per_word(w, acc)

        return lax.while_loop(lambda c: c[0] != 0, visit, (summary[g], acc))[1]

    # One extra slot absorbs the padding entries.
    acc = lax.fori_loop(0, n_groups, per_group, jnp.zeros(n_post + 1, dtype))
    return acc[:n_post]


def _scatter_rows(
    events: jax.Array, indices: jax.Array, weights: jax.Array, *, n_post: int, weighted_events: bool
) -> jax.Array:
    """TPU (and ROCm) kernel: one parallel scatter-add of every row, inactive rows as padding.

    A step reads the whole table (its cost follows the synapses, bound by memory bandwidth)
    but runs as one kernel with no data-dependent control flow. Padding targets
    (``n_post``) lie out of bounds and are dropped by the scatter itself: sent to one real
    slot, they would all contend for the same address. (Gathering only the active rows
    needs a branch on their count, and on GPU each branch waits for the host: on an H200
    that made the release-notes network seven times slower at scale 1.)
    """
    n_pre, width = indices.shape
    active = events != 0
    values = jnp.broadcast_to(weights, (n_pre, width))
    if weighted_events:
        values = values * events.astype(weights.dtype)[:, None]
    targets = jnp.where(active[:, None], indices, n_post)
    acc = jnp.zeros(n_post, weights.dtype)
    return acc.at[targets.reshape(-1)].add(values.reshape(-1), mode="drop")

"""GPU event propagation whose work follows the spikes: a Pallas (Triton) kernel.

The CPU kernel of :func:`brainpy_math.event.ell_event_matvec` visits the spikes one by
one. On a GPU a data-dependent loop or branch in the XLA program waits for the host at
every turn, and a plain scatter-add of the whole table reads every synapse each step,
although only a few neurons fire. This kernel does neither:

1. the active sources are compacted on the device into a fixed-size list
   (``jnp.nonzero(events, size=n_pre)``) and counted;
2. one Pallas kernel runs on a fixed grid of ``(spike programs × target blocks)``. Program
   ``(p, c)`` reads the count from device memory and walks the spike blocks ``p, p + P,
   p + 2P, …`` that hold active sources (none at all when ``p`` lies past the count: it
   exits at once). For each block it gathers ``BLOCK_SPIKES`` rows of the table, columns
   ``[c·BLOCK_TARGETS, (c+1)·BLOCK_TARGETS)``, and adds their weights to the targets with
   atomic adds.

A step therefore costs ``O(n_pre)`` for the compaction (a prefix sum, far below the
table's ``n_pre × width``), one kernel launch, and work proportional to ``spikes × width``,
with no host round trip. GPU atomics add in no fixed order, so the last bits of a sum can
differ from the CPU kernel's (within float32 summation order) and between runs.

The kernel is lowered through Pallas' Triton backend. Tracing it costs time at every
compilation, so :func:`~brainpy_math.event.ell_event_matvec` traces it only where a
program can be lowered for CUDA: in a process with a CUDA device, or within
:func:`gpu_kernel_for_export` (``jax.export`` for ``'cuda'`` from a machine without one).
Elsewhere the CUDA branch is the scatter kernel, and Pallas is not even imported.

Without a GPU the kernel runs in Pallas' interpret mode (``interpret=True``), the way the
tests check it on the CPU; :func:`gpu_kernel_on_cpu` makes ``ell_event_matvec`` use it
there, so whole models can be checked against the CPU kernel.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator

import jax
import jax.numpy as jnp
from jax import lax

__all__ = [
    "BLOCK_SPIKES",
    "BLOCK_TARGETS",
    "MAX_SPIKE_PROGRAMS",
    "MAX_TABLE_ENTRIES",
    "cuda_kernel_wanted",
    "gpu_event_rows",
    "gpu_kernel_for_export",
    "gpu_kernel_on_cpu",
    "gpu_kernel_on_cpu_enabled",
]

BLOCK_SPIKES = 16
"""Active sources handled together by one program (a power of two)."""
BLOCK_TARGETS = 128
"""Table columns handled by one program (a power of two)."""
MAX_SPIKE_PROGRAMS = 128
"""Programs along the spike axis of the grid; each walks every ``P``-th spike block."""
MAX_TABLE_ENTRIES = 2**31 - 1
"""The kernel addresses the table with ``int32`` offsets: larger tables use the scatter."""
NUM_WARPS = 4

_STATE = {"on_cpu": False, "export": False}


@contextlib.contextmanager
def gpu_kernel_on_cpu() -> Iterator[None]:
    """Within the block, programs lowered for the CPU run the GPU kernel in interpret mode.

    For tests: a model traced inside the block propagates its spikes with the very kernel
    a GPU would run (Pallas' interpreter stands in for Triton), so its results can be
    compared with the CPU kernel's. Slow; only for small models. Programs traced before
    the block keep the kernel they were traced with.

    Examples:
      >>> import numpy as np
      >>> from brainpy_math.event import ell_event_matvec
      >>> from brainpy_math._src.event_gpu import gpu_kernel_on_cpu
      >>> table = np.array([[1, 2], [0, 3]], np.int32)  # 0→1, 0→2, 1→0 (3 pads)
      >>> with gpu_kernel_on_cpu():
      ...     out = ell_event_matvec(np.array([True, True]), table, np.float32(0.5), n_post=3)
      >>> out.tolist()
      [0.5, 0.5, 0.5]
    """
    previous = _STATE["on_cpu"]
    _STATE["on_cpu"] = True
    try:
        yield
    finally:
        _STATE["on_cpu"] = previous


def gpu_kernel_on_cpu_enabled() -> bool:
    """Whether :func:`gpu_kernel_on_cpu` is in effect."""
    return bool(_STATE["on_cpu"])


@contextlib.contextmanager
def gpu_kernel_for_export() -> Iterator[None]:
    """Within the block, programs carry the GPU kernel for CUDA even without a CUDA device.

    A process without a GPU otherwise puts the scatter kernel in the CUDA branch (tracing
    the Pallas kernel at every compilation would only slow CPU users down). Use it around
    ``jax.export.export(..., platforms=['cuda'])`` or ``lower(lowering_platforms=('cuda',))``.
    """
    previous = _STATE["export"]
    _STATE["export"] = True
    try:
        yield
    finally:
        _STATE["export"] = previous


def cuda_kernel_wanted() -> bool:
    """Whether programs traced now should carry the Pallas kernel for CUDA."""
    return bool(_STATE["export"] or _STATE["on_cpu"]) or _has_cuda_device()


@functools.cache
def _has_cuda_device() -> bool:
    try:
        return bool(jax.devices("cuda"))
    except RuntimeError:  # no CUDA backend in this process
        return False


def gpu_event_rows(
    events: jax.Array,
    indices: jax.Array,
    weights: jax.Array,
    *,
    n_post: int,
    weighted_events: bool,
    interpret: bool = False,
) -> jax.Array:
    """``post[j] = Σ_{i: events[i] ≠ 0} weights[i, k]`` over ``indices[i, k] == j``, on a GPU.

    Args:
      events: ``(n_pre,)`` spikes; any non-zero entry is one event.
      indices: ``int32 (n_pre, width)`` table; entries ``>= n_post`` are padding.
      weights: a scalar, or ``(n_pre, width)`` weights, of the result's dtype.
      n_post: number of targets.
      weighted_events: scale each connection by the value of its source event.
      interpret: run in Pallas' interpret mode (any platform, slow) instead of lowering
        to Triton.

    Returns:
      ``(n_post,)`` summed input of each target, of ``weights``' dtype.
    """
    return _rows(events, indices, weights, n_post, weighted_events, interpret)


@functools.partial(jax.custom_jvp, nondiff_argnums=(3, 4, 5))
def _rows(
    events: jax.Array,
    indices: jax.Array,
    weights: jax.Array,
    n_post: int,
    weighted_events: bool,
    interpret: bool,
) -> jax.Array:
    from jax.experimental import pallas as pl  # imported when first traced: it takes time
    from jax.experimental.pallas import triton as plgpu

    n_pre, width = indices.shape
    dtype = weights.dtype
    if n_pre == 0 or n_post == 0:
        return jnp.zeros(n_post, dtype)
    active = events != 0
    count = jnp.sum(active, dtype=jnp.int32).reshape(1)
    (ids,) = jnp.nonzero(active, size=n_pre, fill_value=0)
    scalar_w = weights.ndim == 0
    w = weights.reshape(1) if scalar_w else weights.reshape(-1)
    scale = events.astype(dtype) if weighted_events else jnp.ones(1, dtype)
    n_programs = min(pl.cdiv(n_pre, BLOCK_SPIKES), MAX_SPIKE_PROGRAMS)
    grid = (n_programs, pl.cdiv(width, BLOCK_TARGETS))

    def kernel(count_ref, ids_ref, table_ref, w_ref, scale_ref, zeros_ref, out_ref):
        del zeros_ref  # the same buffer as out_ref
        p, c = pl.program_id(0), pl.program_id(1)
        n_active = count_ref[0]
        # Spike blocks p, p + P, ... that hold an active source; none past the count.
        n_blocks = (n_active + BLOCK_SPIKES - 1) // BLOCK_SPIKES
        trips = jnp.maximum(n_blocks - p + n_programs - 1, 0) // n_programs
        cols = c * BLOCK_TARGETS + jnp.arange(BLOCK_TARGETS, dtype=jnp.int32)
        col_ok = cols < width
        cols = jnp.minimum(cols, width - 1)

        def visit(k, carry):
            slot = (p + k * n_programs) * BLOCK_SPIKES + jnp.arange(BLOCK_SPIKES, dtype=jnp.int32)
            row_ok = slot < n_active
            src = plgpu.load(ids_ref.at[jnp.minimum(slot, n_pre - 1)], mask=row_ok, other=0)
            flat = src[:, None] * width + cols[None, :]
            ok = row_ok[:, None] & col_ok[None, :]
            tgt = plgpu.load(table_ref.at[flat], mask=ok, other=n_post)
            if scalar_w:
                val = jnp.broadcast_to(w_ref[0], (BLOCK_SPIKES, BLOCK_TARGETS))
            else:
                val = plgpu.load(w_ref.at[flat], mask=ok, other=0)
            if weighted_events:
                val = val * plgpu.load(scale_ref.at[src], mask=row_ok, other=0)[:, None]
            hit = ok & (tgt >= 0) & (tgt < n_post)
            if interpret:
                # Triton atomics' interpret rule takes no mask and keeps one of repeated
                # indices; the programs run one after another there, so a masked
                # scatter-add of the whole output computes what the atomics do.
                out_ref[...] = (
                    out_ref[...]
                    .at[jnp.where(hit, tgt, n_post)]
                    .add(jnp.where(hit, val, 0), mode="drop")
                )
            else:
                plgpu.atomic_add(out_ref, (jnp.where(hit, tgt, 0),), val, mask=hit)
            return carry

        lax.fori_loop(0, trips, visit, 0)

    return pl.pallas_call(
        kernel,
        out_shape=jax.ShapeDtypeStruct((n_post,), dtype),
        grid=grid,
        input_output_aliases={5: 0},
        interpret=interpret,
        compiler_params=plgpu.CompilerParams(num_warps=NUM_WARPS, num_stages=1),
        name="ell_event_rows",
    )(count, ids.astype(jnp.int32), indices.reshape(-1), w, scale, jnp.zeros(n_post, dtype))


@_rows.defjvp
def _rows_jvp(n_post, weighted_events, interpret, primals, tangents):
    """Forward-mode derivative, written out: Pallas cannot differentiate an in-place output.

    The sum is linear in the weights, and (with ``weighted_events``) in the values of the
    events that count, the non-zero ones.
    """
    events, indices, weights = primals
    d_events, _, d_weights = tangents
    out = _rows(events, indices, weights, n_post, weighted_events, interpret)
    d_out = _rows(events, indices, d_weights, n_post, weighted_events, interpret)
    if weighted_events and jnp.issubdtype(events.dtype, jnp.inexact):
        # Only active sources count: the events' tangents where they are non-zero.
        d_active = jnp.where(events != 0, d_events, 0)
        d_out = d_out + _rows(d_active, indices, weights, n_post, True, interpret)
    return out, d_out

"""The GPU kernel of ``ell_event_matvec`` (Pallas), checked on the CPU in interpret mode.

No GPU is needed: Pallas' interpreter runs the kernel's program body for every program of
its grid. The results are compared with a NumPy reference and with the CPU kernel, and the
dispatch is checked by lowering one function for each platform. Small tables and small
blocks keep the interpreter fast while still crossing every block boundary.
"""

import functools

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from jax.sharding import NamedSharding, PartitionSpec

from brainpy_math._src import event_ell, event_gpu
from brainpy_math._src.event_gpu import gpu_event_rows, gpu_kernel_for_export, gpu_kernel_on_cpu
from brainpy_math.event import csr_to_ell, ell_event_matvec, split_ell_by_target


@pytest.fixture
def small_blocks(monkeypatch):
    """Blocks of 4 spikes × 8 columns and 3 spike programs: tiny tables span many blocks."""
    monkeypatch.setattr(event_gpu, "BLOCK_SPIKES", 4)
    monkeypatch.setattr(event_gpu, "BLOCK_TARGETS", 8)
    monkeypatch.setattr(event_gpu, "MAX_SPIKE_PROGRAMS", 3)


def reference(events, table, weights, weighted):
    """Dense NumPy sum over the padded table (float64)."""
    out = np.zeros(table.n_post + 1)
    w = np.broadcast_to(np.asarray(weights, np.float64), table.indices.shape)
    for i in np.flatnonzero(events):
        scale = float(events[i]) if weighted else 1.0
        np.add.at(out, table.indices[i], w[i] * scale)
    return out[: table.n_post]


def random_table(rng, n_pre, n_post, p):
    mat = rng.random((n_pre, n_post)) < p
    indptr = np.concatenate([[0], np.cumsum(mat.sum(1))])
    return csr_to_ell(np.nonzero(mat)[1], indptr, n_post)


KERNELS = {"gpu": functools.partial(gpu_event_rows, interpret=True), "cpu": event_ell._bit_loop}


@functools.cache
def _compiled(kernel, n_post, weighted, blocks):
    del blocks  # part of the key: the block sizes are read when the kernel is traced
    return jax.jit(functools.partial(KERNELS[kernel], n_post=n_post, weighted_events=weighted))


def _run(kernel, events, indices, weights, n_post, weighted):
    blocks = (event_gpu.BLOCK_SPIKES, event_gpu.BLOCK_TARGETS, event_gpu.MAX_SPIKE_PROGRAMS)
    run = _compiled(kernel, n_post, weighted, blocks)
    return np.asarray(run(jnp.asarray(events), jnp.asarray(indices), jnp.asarray(weights)))


def interpreted(events, indices, weights, n_post, weighted=False):
    return _run("gpu", events, indices, weights, n_post, weighted)


def cpu_kernel(events, indices, weights, n_post, weighted=False):
    return _run("cpu", events, indices, weights, n_post, weighted)


@pytest.mark.parametrize(
    "n_pre, activity, per_connection, weighted",
    [
        (60, 0.0, False, False),  # no spike
        (60, 1.0, True, True),  # every source fires
        (150, 0.08, True, False),
        (150, 0.5, False, True),
        (150, 0.5, True, True),
        (7, 0.5, False, False),  # fewer sources than one block
    ],
)
def test_matches_numpy_and_the_cpu_kernel(small_blocks, n_pre, activity, per_connection, weighted):
    rng = np.random.default_rng(n_pre + int(activity * 100))
    table = random_table(rng, n_pre, 50, 0.4)  # rows of ~20: three column blocks of 8
    assert table.width > 16
    active = rng.random(n_pre) < activity
    events = np.where(active, rng.uniform(0.5, 2.0, n_pre), 0.0).astype(np.float32)
    weights = jnp.asarray(
        np.where(table.indices < 50, rng.normal(size=table.indices.shape), 0).astype(np.float32)
        if per_connection
        else np.float32(0.3)
    )
    got = interpreted(events, table.indices, weights, 50, weighted)
    assert got.shape == (50,) and got.dtype == np.float32
    np.testing.assert_allclose(got, reference(events, table, weights, weighted), atol=1e-5)
    np.testing.assert_allclose(
        got, cpu_kernel(events, table.indices, weights, 50, weighted), rtol=1e-6, atol=1e-6
    )


def test_exact_sums_equal_the_cpu_kernel_bit_for_bit(small_blocks):
    """Weights whose every partial sum is exact in float32: the order cannot matter."""
    rng = np.random.default_rng(11)
    table = random_table(rng, 120, 40, 0.5)
    weights = jnp.asarray(rng.integers(-8, 9, table.indices.shape).astype(np.float32) / 4)
    for activity in (0.0, 0.1, 0.6, 1.0):
        events = rng.random(120) < activity
        np.testing.assert_array_equal(
            interpreted(events, table.indices, weights, 40),
            cpu_kernel(events, table.indices, weights, 40),
        )


def test_repeated_targets_in_one_row_all_count(small_blocks):
    """A source may reach one target through several connections (padding never counts)."""
    indices = jnp.asarray(np.array([[2, 2, 2, 5], [0, 2, 5, 5], [1, 1, 5, 5]], np.int32))
    weights = jnp.asarray(np.array([[1, 2, 4, 9], [8, 16, 9, 9], [32, 64, 9, 9]], np.float32))
    got = interpreted(np.array([1, 1, 0]), indices, weights, 5)
    np.testing.assert_array_equal(got, [8, 0, 23, 0, 0])


def test_vmap_over_batched_spikes(small_blocks):
    rng = np.random.default_rng(3)
    table = random_table(rng, 90, 30, 0.4)
    levels = np.array([[0.0], [0.05], [0.4], [1.0]])
    batch = (rng.random((4, 90)) < levels).astype(np.float32)
    weights = jnp.asarray(rng.normal(size=table.indices.shape).astype(np.float32))
    run = functools.partial(gpu_event_rows, n_post=30, weighted_events=False, interpret=True)
    got = jax.jit(jax.vmap(run, in_axes=(0, None, None)))(
        jnp.asarray(batch), jnp.asarray(table.indices), weights
    )
    assert got.shape == (4, 30)
    for row, events in zip(np.asarray(got), batch, strict=True):
        np.testing.assert_allclose(row, reference(events, table, weights, False), atol=1e-5)


@pytest.mark.parametrize("weighted", [False, True])
def test_forward_mode_derivative_matches_the_cpu_kernel(small_blocks, weighted):
    rng = np.random.default_rng(9)
    table = random_table(rng, 30, 20, 0.3)
    weights = jnp.asarray(rng.normal(size=table.indices.shape).astype(np.float32))
    events = np.where(rng.random(30) < 0.4, rng.normal(size=30), 0).astype(np.float32)
    tangents = (jnp.asarray(rng.normal(size=30), jnp.float32), jnp.ones_like(weights))

    def f(e, w):
        return ell_event_matvec(e, table.indices, w, n_post=20, weighted_events=weighted)

    primals = (jnp.asarray(events), weights)
    expected = jax.jvp(f, primals, tangents)
    with gpu_kernel_on_cpu():
        got = jax.jvp(f, primals, tangents)
    for g, e in zip(got, expected, strict=True):
        np.testing.assert_allclose(np.asarray(g), np.asarray(e), rtol=1e-6, atol=1e-6)
    # The tangent weights propagate like weights; the events' tangents count where they fire.
    ones = np.ones(table.indices.shape)
    d_events = np.where(events != 0, np.asarray(tangents[0]), 0)
    by_hand = reference(events, table, ones, weighted)
    if weighted:
        by_hand = by_hand + reference(d_events, table, np.asarray(weights), True)
    np.testing.assert_allclose(np.asarray(got[1]), by_hand, rtol=1e-5, atol=1e-5)


def test_no_source_or_no_target():
    assert (
        interpreted(np.zeros(0, bool), np.zeros((0, 1), np.int32), jnp.float32(1), 4).tolist()
        == [0] * 4
    )
    assert interpreted(np.ones(3, bool), np.zeros((3, 2), np.int32), jnp.float32(1), 0).shape == (
        0,
    )


def test_ell_event_matvec_uses_it_inside_the_context_only(small_blocks):
    rng = np.random.default_rng(5)
    table = random_table(rng, 64, 24, 0.3)
    events = rng.random(64) < 0.3
    expected = reference(events, table, 0.25, False)
    with gpu_kernel_on_cpu():
        assert event_gpu.gpu_kernel_on_cpu_enabled()
        text = (
            jax.jit(lambda e: ell_event_matvec(e, table.indices, 0.25, n_post=24))
            .lower(events)
            .as_text()
        )
        got = ell_event_matvec(events, table.indices, 0.25, n_post=24)
    assert not event_gpu.gpu_kernel_on_cpu_enabled()
    assert "stablehlo.while" in text  # the interpreter's loop over the grid
    np.testing.assert_allclose(np.asarray(got), expected, atol=1e-6)
    np.testing.assert_allclose(
        np.asarray(ell_event_matvec(events, table.indices, 0.25, n_post=24)), expected, atol=1e-6
    )


def test_sharded_over_targets_matches_one_device(small_blocks):
    """Each device propagates every spike to its block of targets (as sharded projections do)."""
    n_dev = 4
    if jax.device_count() < n_dev:
        pytest.skip("needs 4 devices (XLA_FLAGS=--xla_force_host_platform_device_count)")
    rng = np.random.default_rng(8)
    mat = rng.random((80, 32)) < 0.4
    data = rng.normal(size=int(mat.sum())).astype(np.float32)
    indptr = np.concatenate([[0], np.cumsum(mat.sum(1))])
    whole = csr_to_ell(np.nonzero(mat)[1], indptr, 32, data)
    parts = split_ell_by_target(whole, n_dev)
    mesh = jax.make_mesh((n_dev,), ("neuron",), devices=jax.devices()[:n_dev])
    by_part = NamedSharding(mesh, PartitionSpec("neuron"))
    table, weights = (jax.device_put(a, by_part) for a in (parts.indices, parts.weights))
    run = functools.partial(gpu_event_rows, n_post=8, weighted_events=False, interpret=True)
    sharded = jax.jit(
        jax.shard_map(
            lambda e, t, w: run(e, t[0], w[0]),
            mesh=mesh,
            in_specs=(PartitionSpec(), PartitionSpec("neuron"), PartitionSpec("neuron")),
            out_specs=PartitionSpec("neuron"),
            check_vma=False,
        )
    )
    for activity in (0.0, 0.2, 1.0):
        events = jnp.asarray(rng.random(80) < activity)
        got = sharded(events, table, weights)
        assert len(got.sharding.device_set) == n_dev
        np.testing.assert_allclose(
            np.asarray(got),
            cpu_kernel(events, whole.indices, jnp.asarray(whole.weights), 32),
            rtol=1e-6,
            atol=1e-6,
        )


TRITON = "__gpu$xla.gpu.triton"


@pytest.mark.parametrize(
    "platform, present, absent",
    [
        ("cpu", ["stablehlo.while"], [TRITON, "scatter"]),
        ("cuda", [TRITON], ["stablehlo.while"]),
        ("tpu", ["scatter"], [TRITON, "stablehlo.while"]),
    ],
)
@pytest.mark.parametrize("per_connection", [False, True])
def test_each_platform_lowers_only_its_kernel(platform, present, absent, per_connection):
    table = random_table(np.random.default_rng(4), 256, 40, 0.1)
    weights = np.ones(table.indices.shape, np.float32) if per_connection else 0.5
    with gpu_kernel_for_export():  # this machine has no GPU
        traced = jax.jit(lambda e: ell_event_matvec(e, table.indices, weights, n_post=40)).trace(
            jnp.zeros(256, bool)
        )
    text = traced.lower(lowering_platforms=(platform,)).as_text()
    for marker in present:
        assert marker in text
    for marker in absent:
        assert marker not in text


def test_exports_for_cuda_under_vmap():
    """``jax.export`` for CUDA on a machine without a GPU: one Triton kernel, batched."""
    table = random_table(np.random.default_rng(6), 128, 40, 0.1)
    f = jax.vmap(lambda e: ell_event_matvec(e, table.indices, 0.5, n_post=40))
    with gpu_kernel_for_export():
        exported = jax.export.export(
            jax.jit(f),
            platforms=["cuda"],
            disabled_checks=[jax.export.DisabledSafetyCheck.custom_call(TRITON)],
        )(jax.ShapeDtypeStruct((3, 128), jnp.bool_))
    text = exported.mlir_module()
    assert text.count(TRITON) == 1
    assert exported.out_avals[0].shape == (3, 40)


def test_tables_past_int32_offsets_use_the_scatter_on_gpu(monkeypatch):
    monkeypatch.setattr(event_ell, "MAX_TABLE_ENTRIES", 100)
    table = random_table(np.random.default_rng(7), 33, 20, 0.3)  # a fresh shape: a fresh trace
    with gpu_kernel_for_export():
        traced = jax.jit(lambda e: ell_event_matvec(e, table.indices, 0.5, n_post=20)).trace(
            jnp.zeros(33, bool)
        )
    text = traced.lower(lowering_platforms=("cuda",)).as_text()
    assert TRITON not in text and "scatter" in text


def test_without_a_gpu_cpu_programs_neither_import_nor_trace_pallas(run_python):
    """Tracing the Pallas kernel costs time: a CPU-only process skips it (and its import)."""
    code = """
import sys
import jax, jax.numpy as jnp, numpy as np
from brainpy_math.event import ell_event_matvec
table = np.array([[1, 2], [0, 3]], np.int32)
f = jax.jit(lambda e: ell_event_matvec(e, table, 0.5, n_post=3))
print(f(jnp.array([True, False])).tolist())
cuda = f.trace(jnp.zeros(2, bool)).lower(lowering_platforms=("cuda",)).as_text()
print("pallas imported:", "jax.experimental.pallas" in sys.modules)
print("triton in cuda branch:", "xla.gpu.triton" in cuda)
"""
    done = run_python(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == [
        "[0.0, 0.5, 0.5]",
        "pallas imported: False",
        "triton in cuda branch: False",
    ]

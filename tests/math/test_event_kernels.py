"""Two kernels of ``ell_event_matvec``: the CPU bit loop and the TPU scatter.

The scatter kernel runs on TPU only (GPUs run the kernel of ``test_event_gpu_kernel.py``);
here it is called directly on the CPU, and the dispatch is checked by lowering the same
function for each platform.
"""

import functools

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from brainpy_math._src.event_ell import _bit_loop, _scatter_rows, csr_to_ell, ell_event_matvec


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


@pytest.mark.parametrize("kernel", [_bit_loop, _scatter_rows], ids=["cpu", "accelerator"])
@pytest.mark.parametrize(
    "n_pre, activity",
    [(400, 0.02), (400, 0.6), (400, 0.0), (12, 0.5), (2500, 0.05)],
)
@pytest.mark.parametrize("per_connection", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
def test_kernel_matches_reference(kernel, n_pre, activity, per_connection, weighted):
    rng = np.random.default_rng(n_pre + int(activity * 100))
    table = random_table(rng, n_pre, 90, 0.1)
    active = rng.random(n_pre) < activity
    events = np.where(active, rng.uniform(0.5, 2.0, n_pre), 0.0).astype(np.float32)
    weights = (
        np.where(table.indices < 90, rng.normal(size=table.indices.shape), 0).astype(np.float32)
        if per_connection
        else np.float32(0.3)
    )
    run = jax.jit(functools.partial(kernel, n_post=90, weighted_events=weighted))
    got = np.asarray(run(jnp.asarray(events), jnp.asarray(table.indices), jnp.asarray(weights)))
    assert got.shape == (90,)
    np.testing.assert_allclose(got, reference(events, table, weights, weighted), atol=1e-5)


def test_accelerator_kernel_under_vmap_matches_each_row():
    rng = np.random.default_rng(3)
    table = random_table(rng, 300, 50, 0.1)
    batch = (rng.random((4, 300)) < np.array([[0.01], [0.1], [0.3], [0.9]])).astype(np.float32)
    run = functools.partial(_scatter_rows, n_post=50, weighted_events=False)
    got = jax.vmap(run, in_axes=(0, None, None))(batch, table.indices, jnp.float32(1.0))
    for row, events in zip(np.asarray(got), batch):
        np.testing.assert_allclose(row, reference(events, table, 1.0, False), atol=1e-5)


@pytest.mark.parametrize(
    "platform, present, absent",
    # CUDA lowers the Pallas kernel instead: tests/math/test_event_gpu_kernel.py.
    [("cpu", "while", "scatter"), ("tpu", "scatter", "while")],
)
def test_each_platform_lowers_only_its_kernel(platform, present, absent):
    table = random_table(np.random.default_rng(4), 256, 40, 0.1)
    traced = jax.jit(lambda e: ell_event_matvec(e, table.indices, 0.5, n_post=40)).trace(
        jnp.zeros(256, bool)
    )
    text = traced.lower(lowering_platforms=(platform,)).as_text()
    assert present in text
    assert absent not in text

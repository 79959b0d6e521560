"""Event-driven CSR operators against a dense NumPy reference."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm


def random_csr(rng, n_pre, n_post, p):
    mat = rng.random((n_pre, n_post)) < p
    indptr = np.concatenate([[0], np.cumsum(mat.sum(1))]).astype(np.int32)
    indices = np.nonzero(mat)[1].astype(np.int32)
    return mat, indices, indptr


@pytest.mark.parametrize(
    "n_pre, n_post, p",
    # 2500 sources: several 32-word groups of the two-level bitmap
    [(1, 1, 1.0), (33, 70, 0.1), (100, 40, 0.5), (64, 64, 0.0), (2500, 30, 0.05)],
)
@pytest.mark.parametrize("transpose", [True, False])
@pytest.mark.parametrize("per_synapse", [False, True])
def test_matches_dense_reference(n_pre, n_post, p, transpose, per_synapse):
    rng = np.random.default_rng(n_pre * 7 + n_post)
    mat, indices, indptr = random_csr(rng, n_pre, n_post, p)
    data = rng.normal(size=indices.size).astype(np.float32) if per_synapse else np.float32(0.7)
    dense = np.zeros((n_pre, n_post), np.float32)
    dense[mat] = data
    n_ev = n_pre if transpose else n_post
    events = rng.random(n_ev) < 0.3
    expected = events.astype(np.float32) @ dense if transpose else dense @ events.astype(np.float32)
    got = bm.event.csr_matvec(
        data, indices, indptr, events, shape=(n_pre, n_post), transpose=transpose
    )
    np.testing.assert_allclose(np.asarray(got), expected, rtol=1e-5, atol=1e-5)


def test_event_magnitude_is_ignored_and_jit_and_traced_paths_agree():
    rng = np.random.default_rng(1)
    mat, indices, indptr = random_csr(rng, 50, 30, 0.2)
    events = np.where(rng.random(50) < 0.4, rng.uniform(0.5, 3.0, 50), 0.0).astype(np.float32)
    ref = (events != 0).astype(np.float32) @ mat.astype(np.float32)
    eager = bm.event.csr_matvec(1.0, indices, indptr, events, shape=(50, 30), transpose=True)
    jitted = jax.jit(
        lambda e: bm.event.csr_matvec(1.0, indices, indptr, e, shape=(50, 30), transpose=True).value
    )(events)
    traced = jax.jit(  # indices traced too: the all-connections path
        lambda i, p, e: bm.event.csr_matvec(1.0, i, p, e, shape=(50, 30), transpose=True).value
    )(indices, indptr, events)
    for got in (eager, jitted, traced):
        np.testing.assert_allclose(np.asarray(got), ref, rtol=1e-6)


def test_inside_for_loop_accumulates_like_reference():
    rng = np.random.default_rng(2)
    mat, indices, indptr = random_csr(rng, 40, 40, 0.1)
    spikes = rng.random((20, 40)) < 0.2
    g = bm.Variable(jnp.zeros(40))

    def step(s):
        g.value = (
            g.value * 0.9
            + bm.event.csr_matvec(0.5, indices, indptr, s, shape=(40, 40), transpose=True).value
        )
        return g.value

    out = np.asarray(bm.for_loop(step, spikes))
    ref, acc = [], np.zeros(40, np.float32)
    for s in spikes:
        acc = acc * np.float32(0.9) + np.float32(0.5) * (s.astype(np.float32) @ mat)
        ref.append(acc)
    np.testing.assert_allclose(out, np.array(ref), rtol=1e-5)


def test_bad_input_is_named():
    indices, indptr = np.array([0, 1]), np.array([0, 1, 2])
    with pytest.raises(ValueError, match="events must have shape"):
        bm.event.csr_matvec(1.0, indices, indptr, np.ones(3), shape=(2, 2), transpose=True)
    with pytest.raises(ValueError, match="indices must lie"):
        bm.event.csr_to_ell(np.array([0, 5]), indptr, 2)
    with pytest.raises(ValueError, match="indptr"):
        bm.event.csr_to_ell(indices, np.array([1, 2]), 2)


def test_csr_matvec_reuses_the_table_of_jax_csr_arrays():
    """Eager calls with the same (immutable) JAX CSR arrays build the padded table once."""
    import gc

    from brainpy_math._src.event_csr import _TABLES

    rng = np.random.default_rng(0)
    dense = rng.random((40, 30)) < 0.2
    indptr_np = np.concatenate([[0], np.cumsum(dense.sum(1))]).astype(np.int32)
    indices_np = np.nonzero(dense)[1].astype(np.int32)
    weights_np = rng.random(indices_np.size).astype(np.float32)
    indices, indptr, weights = (jnp.asarray(a) for a in (indices_np, indptr_np, weights_np))
    events = rng.random(40) < 0.3
    want = events.astype(np.float32) @ (dense * 0.5)
    before = len(_TABLES._entries)
    for _ in range(3):
        got = bm.event.csr_matvec(0.5, indices, indptr, events, shape=(40, 30), transpose=True)
        np.testing.assert_allclose(np.asarray(got.value), want, rtol=1e-5)
    assert len(_TABLES._entries) == before + 1
    # another scalar weight with the same arrays: the cached table, the new weight
    got = bm.event.csr_matvec(2.0, indices, indptr, events, shape=(40, 30), transpose=True)
    np.testing.assert_allclose(np.asarray(got.value), want * 4, rtol=1e-5)
    # per-connection weights are part of the entry
    want_w = np.zeros(30, np.float32)
    for i, j, w in zip(np.repeat(np.arange(40), np.diff(indptr_np)), indices_np, weights_np):
        want_w[j] += w if events[i] else 0.0
    for _ in range(2):
        got = bm.event.csr_matvec(weights, indices, indptr, events, shape=(40, 30), transpose=True)
        np.testing.assert_allclose(np.asarray(got.value), want_w, rtol=1e-5)
    assert len(_TABLES._entries) == before + 2
    # NumPy arrays may change in place: never cached
    bm.event.csr_matvec(0.5, indices_np, indptr_np, events, shape=(40, 30), transpose=True)
    assert len(_TABLES._entries) == before + 2
    del indices, indptr, weights
    gc.collect()
    assert len(_TABLES._entries) == before

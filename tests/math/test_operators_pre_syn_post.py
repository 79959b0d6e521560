"""Synaptic operators (pre2post_*, pre2syn, syn2post_*) and sparse products against NumPy loops."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm

PRE, POST = 7, 6  # neuron 5 of the post group never receives a synapse


def _coo(seed: int = 0, nnz: int = 20):
    rng = np.random.default_rng(seed)
    pre = rng.integers(0, PRE, nnz)
    post = rng.integers(0, POST - 1, nnz)
    return pre, post


def _csr(pre, post):
    order = np.argsort(pre, kind="stable")
    indices = post[order].astype(np.int32)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(pre, minlength=PRE))]).astype(np.int32)
    return indices, indptr, order


def _segments(values, ids, n):
    return [values[ids == j] for j in range(n)]


# ----------------------------------------------------------------------------- syn2post


@pytest.mark.parametrize("jit", [False, True])
def test_syn2post_reductions_match_numpy(jit):
    _, post = _coo()
    values = np.random.default_rng(1).normal(size=post.shape).astype(np.float32)
    segs = _segments(values, post, POST)
    expected = {
        "sum": np.array([s.sum() for s in segs]),
        "prod": np.array([s.prod() for s in segs]),
        "max": np.array([s.max() if s.size else -np.inf for s in segs]),
        "min": np.array([s.min() if s.size else np.inf for s in segs]),
        "mean": np.array([s.mean() if s.size else 0.0 for s in segs]),
    }
    for name, want in expected.items():
        op = getattr(bm, f"syn2post_{name}")
        f = jax.jit(lambda v, i, op=op: op(v, i, POST).value) if jit else op
        got = np.asarray(f(values, post) if jit else op(values, post, POST))
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6, err_msg=name)
    assert bm.syn2post is bm.syn2post_sum


def test_syn2post_sum_is_add_at_and_counts_bools():
    _, post = _coo()
    values = np.arange(post.size, dtype=np.float32)
    want = np.zeros(POST, np.float32)
    np.add.at(want, post, values)
    np.testing.assert_allclose(np.asarray(bm.syn2post_sum(values, post, POST)), want)
    got = bm.syn2post_sum(values > 5, post, POST)
    assert got.dtype == jnp.int32
    np.testing.assert_array_equal(np.asarray(got), np.bincount(post[values > 5], minlength=POST))


def test_syn2post_softmax_matches_per_segment_softmax():
    _, post = _coo()
    values = np.random.default_rng(2).normal(size=post.shape) * 50  # large: needs the max shift
    got = np.asarray(bm.syn2post_softmax(values.astype(np.float32), post, POST))
    want = np.empty_like(values)
    for j in range(POST):
        m = post == j
        if m.any():
            e = np.exp(values[m] - values[m].max())
            want[m] = e / e.sum()
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-6)
    assert np.all(np.isfinite(got))


def test_syn2post_errors_name_the_argument():
    with pytest.raises(ValueError, match="syn_values must have one row per synapse"):
        bm.syn2post_sum(np.ones(3), np.array([0, 1]), 2)
    with pytest.raises(ValueError, match="post_ids must be a 1-D integer array"):
        bm.syn2post_mean(np.ones(2), np.array([0.0, 1.0]), 2)
    with pytest.raises(TypeError, match="post_num must be a Python int"):
        bm.syn2post_max(np.ones(2), np.array([0, 1]), 2.0)
    with pytest.raises(ValueError, match="post_num must be >= 0"):
        bm.syn2post_min(np.ones(2), np.array([0, 1]), -1)


# ----------------------------------------------------------------------------- pre2syn / pre2post


def test_pre2syn():
    pre, _ = _coo()
    pre_values = np.arange(PRE, dtype=np.float32) * 1.5
    np.testing.assert_array_equal(np.asarray(bm.pre2syn(pre_values, pre)), pre_values[pre])
    np.testing.assert_array_equal(np.asarray(bm.pre2syn(2.0, pre)), np.full(pre.shape, 2.0))


@pytest.mark.parametrize("jit", [False, True])
def test_pre2post_reductions_match_numpy_loops(jit):
    pre, post = _coo(3)
    pre_values = np.random.default_rng(4).normal(size=PRE).astype(np.float32)
    syn = pre_values[pre]
    segs = _segments(syn, post, POST)
    expected = {
        "sum": np.array([s.sum() for s in segs]),
        "prod": np.array([s.prod() for s in segs]),  # empty -> 1
        "max": np.array([s.max() if s.size else 0.0 for s in segs]),
        "min": np.array([s.min() if s.size else 0.0 for s in segs]),
        "mean": np.array([s.mean() if s.size else 0.0 for s in segs]),
    }
    for name, want in expected.items():
        op = getattr(bm, f"pre2post_{name}")
        f = jax.jit(lambda v, q, p, op=op: op(v, POST, q, p).value) if jit else op
        got = np.asarray(f(pre_values, post, pre) if jit else op(pre_values, POST, post, pre))
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6, err_msg=name)


def test_pre2post_with_scalar_values():
    _, post = _coo(5)
    counts = np.bincount(post, minlength=POST)
    np.testing.assert_allclose(np.asarray(bm.pre2post_sum(0.5, POST, post)), 0.5 * counts)
    np.testing.assert_allclose(
        np.asarray(bm.pre2post_mean(0.5, POST, post)), np.where(counts > 0, 0.5, 0.0)
    )
    np.testing.assert_allclose(
        np.asarray(bm.pre2post_prod(2.0, POST, post)), 2.0**counts, rtol=1e-6
    )


def test_pre2post_needs_pre_ids_for_array_values():
    with pytest.raises(bm.MathError, match="pre_ids is needed"):
        bm.pre2post_sum(np.ones(PRE), POST, np.array([0, 1]))
    with pytest.raises(ValueError, match="pre_ids and post_ids must have the same length"):
        bm.pre2post_max(np.ones(PRE), POST, np.array([0, 1]), np.array([0]))


# ----------------------------------------------------------------------------- event-driven


def _event_loop(events, indices, indptr, values, n, prod=False):
    out = np.ones(n) if prod else np.zeros(n)
    for i in range(len(indptr) - 1):
        if events[i]:
            for j in range(indptr[i], indptr[i + 1]):
                w = values if np.ndim(values) == 0 else values[j]
                if prod:
                    out[indices[j]] *= w
                else:
                    out[indices[j]] += w
    return out


@pytest.mark.parametrize("scalar", [True, False])
def test_pre2post_event_sum_matches_loop(scalar):
    pre, post = _coo(6)
    indices, indptr, _ = _csr(pre, post)
    rng = np.random.default_rng(7)
    events = rng.random(PRE) < 0.5
    values = np.float32(0.3) if scalar else rng.normal(size=indices.size).astype(np.float32)
    want = _event_loop(events, indices, indptr, values, POST)
    got = bm.pre2post_event_sum(events, (indices, indptr), POST, values)
    np.testing.assert_allclose(np.asarray(got), want, rtol=1e-5, atol=1e-6)
    jitted = jax.jit(lambda e, i, p: bm.pre2post_event_sum(e, (i, p), POST, values).value)
    np.testing.assert_allclose(
        np.asarray(jitted(events, indices, indptr)), want, rtol=1e-5, atol=1e-6
    )


def test_pre2post_coo_event_sum_and_event_prod_match_loops():
    pre, post = _coo(8)
    indices, indptr, order = _csr(pre, post)
    rng = np.random.default_rng(9)
    events = rng.random(PRE) < 0.5
    w = rng.uniform(0.5, 1.5, size=pre.size).astype(np.float32)
    want = _event_loop(events, indices, indptr, w[order], POST)
    got = bm.pre2post_coo_event_sum(events, pre, post, POST, w)
    np.testing.assert_allclose(np.asarray(got), want, rtol=1e-5)
    want_prod = _event_loop(events, indices, indptr, w[order], POST, prod=True)
    got_prod = bm.pre2post_event_prod(events, (indices, indptr), POST, w[order])
    np.testing.assert_allclose(np.asarray(got_prod), want_prod, rtol=1e-5)


def test_pre2post_event_sum_rejects_bad_connection():
    with pytest.raises(TypeError, match="pre2post must be the pair"):
        bm.pre2post_event_sum(np.ones(2, bool), np.array([0, 1]), 3)
    with pytest.raises(ValueError, match="indptr must be a 1-D integer array"):
        bm.pre2post_event_sum(np.ones(2, bool), (np.array([0]), np.array([0.0, 1.0, 1.0])), 3)


# ----------------------------------------------------------------------------- sparse products


def _dense(indices, indptr, data, shape):
    a = np.zeros(shape, np.float32)
    for i in range(shape[0]):
        for j in range(indptr[i], indptr[i + 1]):
            a[i, indices[j]] += data[j]
    return a


@pytest.mark.parametrize("fn", ["csr_matvec", "cusparse_csr_matvec"])
@pytest.mark.parametrize("transpose", [False, True])
def test_csr_matvec_matches_dense(fn, transpose):
    pre, post = _coo(10)
    indices, indptr, _ = _csr(pre, post)
    rng = np.random.default_rng(11)
    data = rng.normal(size=indices.size).astype(np.float32)
    a = _dense(indices, indptr, data, (PRE, POST))
    v = rng.normal(size=PRE if transpose else POST).astype(np.float32)
    want = v @ a if transpose else a @ v
    op = getattr(bm, fn)
    got = op(data, indices, indptr, v, shape=(PRE, POST), transpose=transpose)
    np.testing.assert_allclose(np.asarray(got), want, rtol=1e-4, atol=1e-5)
    f = jax.jit(
        lambda d, x: op(d, indices, indptr, x, shape=(PRE, POST), transpose=transpose).value
    )
    np.testing.assert_allclose(np.asarray(f(data, v)), want, rtol=1e-4, atol=1e-5)
    # Gradients flow to the weights and the vector.
    gd, gv = jax.grad(lambda d, x: f(d, x).sum(), argnums=(0, 1))(data, v)
    ones = np.ones(POST if transpose else PRE, np.float32)
    np.testing.assert_allclose(np.asarray(gv), a @ ones if transpose else ones @ a, rtol=1e-4)
    assert gd.shape == data.shape


def test_csr_matvec_checks_shapes():
    with pytest.raises(ValueError, match=r"vector must have shape \(3,\)"):
        bm.csr_matvec(1.0, np.array([0]), np.array([0, 1, 1]), np.ones(2), shape=(2, 3))
    with pytest.raises(ValueError, match=r"indptr must have shape \(3,\)"):
        bm.csr_matvec(1.0, np.array([0]), np.array([0, 1]), np.ones(3), shape=(2, 3))


@pytest.mark.parametrize("dense_ndim", [1, 2])
def test_sparse_matmul_both_sides(dense_ndim):
    rng = np.random.default_rng(12)
    rows, cols = rng.integers(0, 3, 8), rng.integers(0, 4, 8)
    vals = rng.normal(size=8).astype(np.float32)
    a = np.zeros((3, 4), np.float32)
    np.add.at(a, (rows, cols), vals)
    sp = {"data": vals, "index": (rows, cols), "shape": (3, 4)}
    right = rng.normal(size=(4, 2) if dense_ndim == 2 else 4).astype(np.float32)
    left = rng.normal(size=(2, 3) if dense_ndim == 2 else 3).astype(np.float32)
    np.testing.assert_allclose(np.asarray(bm.sparse_matmul(sp, right)), a @ right, rtol=1e-5)
    np.testing.assert_allclose(np.asarray(bm.sparse_matmul(left, sp)), left @ a, rtol=1e-5)
    with pytest.raises(ValueError, match="exactly one of A and B"):
        bm.sparse_matmul(left, right)


def test_public_names():
    for name in [
        "pre2post_sum",
        "pre2post_prod",
        "pre2post_max",
        "pre2post_min",
        "pre2post_mean",
        "pre2post_event_sum",
        "pre2post_coo_event_sum",
        "pre2post_event_prod",
        "pre2syn",
        "syn2post",
        "syn2post_sum",
        "syn2post_prod",
        "syn2post_max",
        "syn2post_min",
        "syn2post_mean",
        "syn2post_softmax",
        "csr_matvec",
        "cusparse_csr_matvec",
        "sparse_matmul",
    ]:
        assert name in bm.__all__ and getattr(bm, name).__module__ == "brainpy_math", name


def test_event_sum_table_built_under_one_trace_serves_the_next():
    # The CSR -> ELL table made while the first function traces is cached: it must be a
    # concrete array, not a tracer that leaks into the second trace.
    indices = jnp.asarray(np.array([0, 2, 1, 2, 0, 1, 2]))
    indptr = jnp.asarray(np.array([0, 2, 4, 4, 7]))
    spikes = jnp.asarray([True, False, True, True])
    first = bm.jit(lambda s: bm.pre2post_event_sum(s, (indices, indptr), 3, 1.0))(spikes)
    second = bm.jit(lambda s: bm.pre2post_event_sum(s, (indices, indptr), 3, 2.0))(spikes)
    np.testing.assert_allclose(np.asarray(first), [2.0, 1.0, 2.0])
    np.testing.assert_allclose(np.asarray(second), [4.0, 2.0, 4.0])

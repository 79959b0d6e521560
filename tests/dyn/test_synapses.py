"""Exponential, DualExponential and Alpha synapses, outputs and short-term plasticity."""

import math

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bp
import brainpy_math as bm


@pytest.fixture(autouse=True)
def _shared_time():
    bp.share.save(t=0.0, i=0, dt=0.1)
    yield
    bp.share.clear_shargs()


def spikes(*values):
    return jnp.asarray(values, dtype=bool)


def test_exponential_conductance_closed_form():
    syn = bp.experimental.Exponential(bp.conn.All2All(pre=1, post=1), g_max=0.5, tau=5.0)
    g = [float(syn(spikes(True))[0])]
    for _ in range(20):
        g.append(float(syn(spikes(False))[0]))
    expected = 0.5 * np.exp(-0.1 * np.arange(21) / 5.0)
    np.testing.assert_allclose(g, expected, rtol=1e-5)


def test_coba_and_cuba_outputs():
    coba = bp.experimental.Exponential(
        bp.conn.All2All(pre=2, post=1), g_max=0.5, tau=5.0, out=bp.experimental.COBA(E=0.0)
    )
    assert float(coba(spikes(True, False), jnp.array([-60.0]))[0]) == pytest.approx(30.0)
    nxt = float(coba(spikes(False, False), jnp.array([-60.0]))[0])
    assert nxt == pytest.approx(0.5 * math.exp(-0.02) * 60.0, rel=1e-5)
    cuba = bp.experimental.Exponential(
        bp.conn.All2All(pre=2, post=1), g_max=0.5, out=bp.experimental.CUBA()
    )
    assert float(cuba(spikes(True, True))[0]) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="post_v"):
        coba(spikes(True, False))


def test_dt_comes_from_share_not_a_stale_global():
    syn = bp.experimental.Exponential(bp.conn.All2All(pre=1, post=1), g_max=1.0, tau=10.0)
    syn(spikes(True))
    bp.share.save(dt=0.5)
    assert float(syn(spikes(False))[0]) == pytest.approx(math.exp(-0.05), rel=1e-6)


@pytest.mark.parametrize("include_self", [True, False])
def test_all2all_scalar_weight(include_self):
    syn = bp.experimental.Exponential(
        bp.conn.All2All(pre=3, post=3, include_self=include_self), g_max=2.0
    )
    g = np.asarray(syn(spikes(True, False, True)))
    expected = np.array([4.0, 4.0, 4.0]) - (0 if include_self else np.array([2.0, 0.0, 2.0]))
    np.testing.assert_allclose(g, expected)


def test_one2one():
    syn = bp.experimental.Exponential(
        bp.conn.One2One(pre=3, post=3), g_max=jnp.array([1.0, 2.0, 3.0])
    )
    np.testing.assert_allclose(np.asarray(syn(spikes(True, False, True))), [1.0, 0.0, 3.0])


@pytest.mark.parametrize("per_synapse", [False, True])
def test_sparse_and_dense_build_the_same_network(per_synapse):
    conn = bp.conn.FixedProb(0.2, pre=50, post=40, seed=3)
    mat = np.asarray(conn.require("conn_mat"))
    n_syn = int(mat.sum())
    rng = np.random.default_rng(0)
    if per_synapse:
        w_syn = rng.uniform(0.1, 1.0, n_syn).astype(np.float32)
        w_dense = np.zeros(mat.shape, np.float32)
        w_dense[mat] = w_syn  # CSR order is row-major, like boolean indexing
        sparse = bp.experimental.Exponential(conn, g_max=w_syn, comp_method="sparse")
        dense = bp.experimental.Exponential(conn, g_max=w_dense, comp_method="dense")
    else:
        sparse = bp.experimental.Exponential(conn, g_max=0.3, comp_method="sparse")
        dense = bp.experimental.Exponential(conn, g_max=0.3, comp_method="dense")
    for _ in range(5):
        s = jnp.asarray(rng.random(50) < 0.3)
        np.testing.assert_allclose(
            np.asarray(sparse(s)), np.asarray(dense(s)), rtol=1e-5, atol=1e-6
        )


def test_event_magnitude_is_ignored_without_stp():
    syn = bp.experimental.Exponential(bp.conn.All2All(pre=2, post=1), g_max=1.0)
    sparse = bp.experimental.Exponential(bp.conn.FixedProb(1.0, pre=2, post=1, seed=0), g_max=1.0)
    assert float(sparse(jnp.array([0.5, 2.0]))[0]) == pytest.approx(2.0)
    assert float(syn(jnp.array([1.0, 1.0]))[0]) == pytest.approx(2.0)


def test_std_depresses_successive_spikes():
    std = bp.experimental.STD(1, tau=200.0, U=0.5)
    syn = bp.experimental.Exponential(
        bp.conn.FixedProb(1.0, pre=1, post=1, seed=0), g_max=1.0, tau=1e9, stp=std
    )
    first = float(syn(spikes(True))[0])
    second = float(syn(spikes(True))[0]) - first
    assert first == pytest.approx(1.0)
    x_after = 0.5  # one spike used half the resources; then 0.1 ms of recovery
    assert second == pytest.approx(1 - (1 - x_after) * math.exp(-0.1 / 200.0), rel=1e-5)


def test_stp_is_constructible_and_facilitates():
    stp = bp.experimental.STP(1, U=0.1, tau_f=1500.0, tau_d=1e9)
    effs = [float(stp(spikes(True))[0]) for _ in range(3)]
    assert effs[0] == pytest.approx(0.1)
    # u grows with each spike; x falls, but with tau_d huge the product first rises
    assert stp.u.value[0] > 0.1


def test_dual_exponential_matches_analytic_solution():
    tr, td = 1.0, 10.0
    syn = bp.experimental.DualExponential(
        bp.conn.All2All(pre=1, post=1), g_max=1.0, tau_rise=tr, tau_decay=td, A=1.0
    )
    syn(spikes(True))  # h jumps to 1 at t=0; g still 0
    g = [float(syn(spikes(False))[0]) for _ in range(100)]
    t = 0.1 * np.arange(1, 101)
    expected = (np.exp(-t / td) - np.exp(-t / tr)) / (1 / tr - 1 / td)
    np.testing.assert_allclose(g, expected, rtol=1e-4, atol=1e-6)


def test_default_normalisation_peaks_at_the_weight():
    for syn in (
        bp.experimental.DualExponential(bp.conn.All2All(pre=1, post=1), g_max=2.0),
        bp.experimental.Alpha(bp.conn.All2All(pre=1, post=1), g_max=2.0, tau_decay=5.0),
    ):
        syn(spikes(True))
        peak = max(float(syn(spikes(False))[0]) for _ in range(1000))
        assert peak == pytest.approx(2.0, rel=1e-3)


def test_training_mode_weights_are_trainable_and_differentiable():
    with bm.training_environment():
        syn = bp.experimental.Exponential(bp.conn.FixedProb(0.5, pre=6, post=4, seed=1), g_max=0.5)
    assert isinstance(syn.g_max, bm.TrainVar)
    s = jnp.ones((1, 6))

    def loss():
        syn.reset_state(1)
        return jnp.sum(syn(s))

    grads = bm.grad(loss, grad_vars=syn.g_max)()
    assert grads.shape == syn.g_max.shape and bool(jnp.all(jnp.isfinite(grads)))
    # every presynaptic neuron spikes: d(sum g)/d(w) counts the connections
    n_conn = int(np.asarray(syn.conn.require("conn_mat")).sum())
    assert float(grads) == pytest.approx(n_conn)


def test_batching_mode_has_a_batch_axis():
    with bm.batching_environment(batch_size=1):
        syn = bp.experimental.Exponential(bp.conn.FixedProb(0.5, pre=6, post=4, seed=1), g_max=0.5)
    syn.reset_state(3)
    out = syn(jnp.ones((3, 6), bool))
    assert out.shape == (3, 4)


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="sizes|pre="):
        bp.experimental.Exponential(bp.conn.FixedProb(0.1), g_max=1.0)
    with pytest.raises(ValueError, match="comp_method"):
        bp.experimental.Exponential(bp.conn.All2All(pre=2, post=2), comp_method="magic")
    with pytest.raises(ValueError, match="tau"):
        bp.experimental.Exponential(bp.conn.All2All(pre=2, post=2), tau=-1.0)
    with pytest.raises(TypeError, match="out"):
        bp.experimental.Exponential(bp.conn.All2All(pre=2, post=2), out="COBA")
    syn = bp.experimental.Exponential(bp.conn.All2All(pre=2, post=2))
    with pytest.raises(ValueError, match="last axis 2"):
        syn(jnp.ones(3, bool))

"""GapJunction, PoissonInput, BioNMDA and the delayed couplings, against hand computations."""

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm

SHARED = {"t": 0.0, "dt": 0.1}


def _groups(v_pre, v_post):
    pre = bd.neurons.LIF(len(v_pre))
    post = bd.neurons.LIF(len(v_post))
    pre.V.value = bm.asarray(v_pre)
    post.V.value = bm.asarray(v_post)
    return pre, post


@pytest.mark.parametrize("comp_method", ["dense", "sparse"])
def test_gap_junction_one_step_matches_hand_computation(comp_method):
    v_pre, v_post = np.array([-50.0, -60.0, -70.0]), np.array([-65.0, -55.0])
    conn = np.array([[1, 0], [1, 1], [0, 1]], bool)
    pre, post = _groups(v_pre, v_post)
    gj = bd.synapses.GapJunction(pre, post, conn, comp_method=comp_method, g_max=0.3)
    gj(SHARED)
    diff = (v_pre[:, None] - v_post[None, :]) * conn * 0.3
    np.testing.assert_allclose(np.asarray(post.input.value), diff.sum(0), rtol=1e-6)
    np.testing.assert_allclose(np.asarray(pre.input.value), -diff.sum(1), rtol=1e-6)
    # current is conserved: what leaves one side enters the other
    total = float(post.input.value.sum() + pre.input.value.sum())
    assert abs(total) < 1e-5


def test_gap_junction_per_connection_weights_and_errors():
    pre, post = _groups([-50.0, -60.0], [-70.0])
    gj = bd.synapses.GapJunction(
        pre, post, bd.conn.All2All(), comp_method="sparse", g_max=np.array([1.0, 2.0])
    )
    gj(SHARED)
    assert float(post.input.value[0]) == pytest.approx(20.0 + 2 * 10.0)
    with pytest.raises(ValueError, match="comp_method"):
        bd.synapses.GapJunction(pre, post, bd.conn.All2All(), comp_method="csr")
    with pytest.raises(ValueError, match="g_max"):
        bd.synapses.GapJunction(pre, post, bd.conn.All2All(), g_max=np.ones(5))


def test_poisson_input_moments_match_the_binomial():
    n, freq, w, dt = 50, 40.0, 0.5, 0.1
    v = bm.Variable(bm.zeros(40000))
    inp = bd.synapses.PoissonInput(v, num_input=n, freq=freq, weight=w, seed=3)
    inp({"t": 0.0, "dt": dt})
    x = np.asarray(v.value)
    p = freq * dt / 1000.0
    mean, var = w * n * p, w * w * n * p * (1 - p)
    se_mean = np.sqrt(var / x.size)
    assert abs(x.mean() - mean) < 5 * se_mean
    assert x.var() == pytest.approx(var, rel=0.05)
    counts = x / w
    np.testing.assert_allclose(counts, np.round(counts))
    assert counts.min() >= 0 and counts.max() <= n


def test_poisson_input_accumulates_under_jit_and_validates():
    v = bm.Variable(bm.zeros(3))
    inp = bd.synapses.PoissonInput(v, num_input=4, freq=1e4, weight=1.0)  # p = 1
    step = bm.jit(lambda: inp({"t": 0.0, "dt": 0.1}))
    step()
    step()
    assert v.value.tolist() == [8.0, 8.0, 8.0]
    with pytest.raises(TypeError, match="target_var"):
        bd.synapses.PoissonInput(np.zeros(3), 1, 1.0, 1.0)
    with pytest.raises(ValueError, match="num_input"):
        bd.synapses.PoissonInput(v, 0, 1.0, 1.0)
    with pytest.raises(ValueError, match="freq"):
        bd.synapses.PoissonInput(v, 1, -1.0, 1.0)


def test_bio_nmda_matches_numpy_euler():
    pre = bd.neurons.SpikeTimeGroup(1, times=[0.0], indices=[0])
    post = bd.neurons.LIF(1, V_rest=-65.0, V_th=100.0, V_initializer=bd.init.OneInit(-65.0))
    syn = bd.synapses.BioNMDA(pre, post, bd.conn.All2All(), method="euler")
    runner = bd.DSRunner(
        bd.Network(pre, syn, post), monitors={"g": syn.g, "x": syn.x}, progress_bar=False
    )
    runner.run(2.0)
    dt, a1, b1, a2, b2, t0, tdur = 0.1, 2.0, 0.01, 1.0, 0.5, 1.0, 0.5
    g = x = 0.0
    gs, xs = [], []
    for k in range(20):
        # the spike emitted at step 0 arrives at step 1; T stays for ceil(T_dur/dt) steps
        T = t0 if 1 <= k < 1 + round(tdur / dt) else 0.0
        g, x = g + dt * (a1 * x * (1 - g) - b1 * g), x + dt * (a2 * T * (1 - x) - b2 * x)
        gs.append(g)
        xs.append(x)
    np.testing.assert_allclose(np.asarray(runner.mon["x"][:, 0]), xs, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(np.asarray(runner.mon["g"][:, 0]), gs, rtol=1e-5, atol=1e-7)
    assert syn.out.__class__.__name__ == "MgBlock"


def test_diffusive_and_additive_coupling_with_delay_matrix():
    x = bm.Variable(bm.asarray([1.0, 2.0]))
    z = bm.Variable(bm.asarray([0.5, -1.0]))
    y = bm.Variable(bm.zeros(2))
    cmat = np.array([[0.0, 2.0], [3.0, 1.0]])
    dmat = np.array([[0, 2], [1, 0]])
    hist = np.array([[10.0, 20.0], [30.0, 40.0]])  # 1 and 2 updates before the first
    diff = bd.synapses.DiffusiveCoupling(x, z, y, cmat, delay_steps=dmat, initial_delay_data=hist)
    past = [hist[1], hist[0]]
    for _ in range(4):
        y.value = bm.zeros(2)
        diff(SHARED)
        now = np.asarray(x.value)
        seq = [*past, now]
        expected = np.zeros(2)
        for j in range(2):
            for k in range(2):
                xd = seq[-1 - dmat[j, k]][j]
                expected[k] += cmat[j, k] * (xd - float(z.value[k]))
        np.testing.assert_allclose(np.asarray(y.value), expected, rtol=1e-6)
        past = seq[-2:]
        x.value = x.value * 2.0 + 1.0

    a = bm.Variable(bm.asarray([1.0, 2.0, 3.0]))
    out1, out2 = bm.Variable(bm.zeros(2)), bm.Variable(bm.zeros(2))
    add = bd.synapses.AdditiveCoupling(a, [out1, out2], np.ones((3, 2)), delay_steps=1)
    add(SHARED)
    assert out1.value.tolist() == [0.0, 0.0]  # the history starts at zero
    add(SHARED)
    assert out1.value.tolist() == out2.value.tolist() == [6.0, 6.0]


def test_coupling_errors():
    x = bm.Variable(bm.zeros(2))
    with pytest.raises(ValueError, match="conn_mat"):
        bd.synapses.DiffusiveCoupling(x, x, x, np.ones((3, 2)))
    with pytest.raises(ValueError, match="delay_steps"):
        bd.synapses.DiffusiveCoupling(x, x, x, np.ones((2, 2)), delay_steps=-1)
    with pytest.raises(TypeError, match="coupling_var2"):
        bd.synapses.DiffusiveCoupling(x, np.zeros(2), x, np.ones((2, 2)))

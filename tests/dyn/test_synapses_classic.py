"""BrainPy 2.3.5's classic synapses: ``Delta``, ``AMPA``, ``GABAa``, ``NMDA``; ``bp.synplast``."""

from __future__ import annotations

import math

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm

DT = 0.1
EMIT = 10  # SpikeTimeGroup(times=[1.0]) fires in step 10


def one_spike(cls, steps=80, delay_step=None, post_v=-65.0, **kwargs):
    """One presynaptic spike at step 10 through a 1 -> 1 synapse onto a clamped-ish LIF.

    Returns the monitored state (``g``, and ``x`` for NMDA), ``post.input`` and ``post.V``.
    """
    pre = bd.neurons.SpikeTimeGroup(1, times=[EMIT * DT], indices=[0])
    post = bd.neurons.LIF(
        1, V_rest=post_v, V_th=1e9, tau=1e9, V_initializer=bd.init.OneInit(post_v)
    )
    syn = cls(pre, post, bd.conn.All2All(), delay_step=delay_step, **kwargs)
    monitors = {"input": post.input, "V": post.V}
    for state in ("g", "x"):
        if hasattr(syn, state):
            monitors[state] = getattr(syn, state)
    runner = bd.DSRunner(bd.Network(pre, syn, post), monitors=monitors, progress_bar=False, dt=DT)
    runner.run(steps * DT)
    return {k: np.asarray(v)[:, 0] for k, v in runner.mon.items() if k != "ts"}, syn


# ---------------------------------------------------------------- AMPA / GABAa
def ampa_exact(steps, arrival, alpha, beta, T, n_release):
    """Step values of dg/dt = α[T](1-g) - βg, solved exactly with [T] constant per step."""
    g, out = 0.0, []
    for k in range(steps):
        if k >= arrival:
            tt = T if k - arrival < n_release else 0.0
            rate = alpha * tt + beta
            g_inf = alpha * tt / rate
            g = g_inf + (g - g_inf) * math.exp(-rate * DT)
        out.append(g)
    return np.array(out)


def ampa_fine(steps, arrival, alpha, beta, T, t_duration, sub=200):
    """The same ODE by RK4 on a step dt/sub, [T] = T for t_duration ms after the arrival."""
    h = DT / sub
    g, out = 0.0, []

    def f(g, tt):
        return alpha * tt * (1 - g) - beta * g

    for k in range(steps):
        if k >= arrival:
            for j in range(sub):
                s = (k - arrival) * DT + j * h  # time since the arrival step's start
                tt = T if s < t_duration - 1e-9 else 0.0
                k1 = f(g, tt)
                k2 = f(g + h / 2 * k1, tt)
                k3 = f(g + h / 2 * k2, tt)
                k4 = f(g + h * k3, tt)
                g += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        out.append(g)
    return np.array(out)


@pytest.mark.parametrize(
    ("cls", "alpha", "beta", "T", "t_duration"),
    [(bd.synapses.AMPA, 0.98, 0.18, 0.5, 0.5), (bd.synapses.GABAa, 0.53, 0.18, 1.0, 1.0)],
)
def test_ampa_and_gabaa_conductance_after_one_spike(cls, alpha, beta, T, t_duration):
    mon, syn = one_spike(cls)
    assert (syn.alpha, syn.beta, syn.T, syn.T_duration) == (alpha, beta, T, t_duration)
    arrival = EMIT + 1
    n_release = round(t_duration / DT)
    exact = ampa_exact(80, arrival, alpha, beta, T, n_release)
    np.testing.assert_allclose(mon["g"], exact, rtol=2e-5, atol=1e-7)
    # the exponential-Euler step is the exact solution: a fine RK4 integration agrees
    np.testing.assert_allclose(
        mon["g"], ampa_fine(80, arrival, alpha, beta, T, t_duration), atol=1e-6
    )
    assert not mon["g"][:arrival].any() and mon["g"][arrival] > 0
    peak = arrival + n_release - 1  # the last step with transmitter
    assert mon["g"].argmax() == peak


def test_ampa_transmitter_lasts_ceil_t_duration_over_dt_steps():
    mon, _ = one_spike(bd.synapses.AMPA, steps=30, T_duration=0.55)  # 5.5 steps -> 6
    exact = ampa_exact(30, EMIT + 1, 0.98, 0.18, 0.5, 6)
    np.testing.assert_allclose(mon["g"], exact, rtol=2e-5, atol=1e-7)
    assert mon["g"].argmax() == EMIT + 1 + 5


def test_ampa_coba_current_uses_the_weight_and_the_post_potential():
    mon, _ = one_spike(bd.synapses.AMPA, steps=40, g_max=0.42, post_v=-65.0)
    v_before = np.concatenate([[-65.0], mon["V"][:-1]])  # the synapse reads V before the update
    np.testing.assert_allclose(mon["input"], 0.42 * mon["g"] * (0.0 - v_before), rtol=1e-5)
    mon, _ = one_spike(bd.synapses.GABAa, steps=40, post_v=-60.0)
    np.testing.assert_allclose(mon["input"], 0.04 * mon["g"] * (-80.0 + 60.0), rtol=1e-5)
    assert mon["input"].min() < 0  # inhibitory at -60 mV


# ---------------------------------------------------------------- NMDA
def nmda_exp_euler(steps, arrival, tau_decay=100.0, a=0.5, tau_rise=2.0):
    """2.3.5's step, by hand: integrate (g, x) by exponential Euler (x held), then x += spike."""
    g = x = 0.0
    gs, xs = [], []
    for k in range(steps):
        rate = 1 / tau_decay + a * x
        g_inf = a * x / rate
        g = g_inf + (g - g_inf) * math.exp(-rate * DT)
        x = x * math.exp(-DT / tau_rise) + (1.0 if k == arrival else 0.0)
        gs.append(g)
        xs.append(x)
    return np.array(gs), np.array(xs)


def nmda_fine(steps, arrival, tau_decay=100.0, a=0.5, tau_rise=2.0, sub=100):
    """The NMDA ODEs by RK4 on dt/sub; x jumps by 1 at the end of the arrival step."""
    h = DT / sub
    g = x = 0.0
    out = []

    def f(g, x):
        return -g / tau_decay + a * x * (1 - g), -x / tau_rise

    for k in range(steps):
        for _ in range(sub):
            k1 = f(g, x)
            k2 = f(g + h / 2 * k1[0], x + h / 2 * k1[1])
            k3 = f(g + h / 2 * k2[0], x + h / 2 * k2[1])
            k4 = f(g + h * k3[0], x + h * k3[1])
            g += h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0])
            x += h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1])
        x += 1.0 if k == arrival else 0.0
        out.append(g)
    return np.array(out)


def test_nmda_conductance_after_one_spike():
    mon, syn = one_spike(bd.synapses.NMDA, steps=400)
    assert (syn.tau_decay, syn.a, syn.tau_rise) == (100.0, 0.5, 2.0)
    arrival = EMIT + 1
    g, x = nmda_exp_euler(400, arrival)
    np.testing.assert_allclose(mon["x"], x, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(mon["g"], g, rtol=1e-4, atol=1e-7)
    # x arrives at the arrival step; g starts to rise one step later (2.3.5's order)
    assert not mon["x"][:arrival].any() and mon["x"][arrival] == pytest.approx(1.0)
    assert not mon["g"][: arrival + 1].any() and mon["g"][arrival + 1] > 0
    # first-order method: within 3 % of a fine integration at the peak, decays after it
    fine = nmda_fine(400, arrival)
    assert mon["g"].max() == pytest.approx(fine.max(), rel=0.03)
    assert abs(int(mon["g"].argmax()) - int(fine.argmax())) <= 3
    assert mon["g"][-1] < mon["g"].max()


def test_nmda_mgblock_output():
    mon, syn = one_spike(bd.synapses.NMDA, steps=60, post_v=-40.0)
    out = syn.out
    assert (out.E, out.cc_Mg, out.alpha, out.beta) == (0.0, 1.2, 0.062, 3.57)
    v = np.concatenate([[-40.0], mon["V"][:-1]])
    expected = 0.15 * mon["g"] * (0.0 - v) / (1 + 1.2 / 3.57 * np.exp(-0.062 * v))
    np.testing.assert_allclose(mon["input"], expected, rtol=1e-5, atol=1e-9)
    assert mon["input"].max() > 0


# ---------------------------------------------------------------- arrival and delays
@pytest.mark.parametrize(("delay_step", "arrival"), [(None, 11), (0, 11), (4, 15)])
@pytest.mark.parametrize("cls", [bd.synapses.AMPA, bd.synapses.NMDA, bd.synapses.Delta])
def test_a_spike_arrives_one_plus_delay_step_steps_after_it_is_emitted(cls, delay_step, arrival):
    if cls is bd.synapses.Delta:
        mon, _ = one_spike(cls, steps=25, delay_step=delay_step, post_v=0.0, g_max=3.0)
        jump = np.diff(np.concatenate([[0.0], mon["V"]]))
        assert int(np.flatnonzero(jump)[0]) == arrival
        return
    mon, _ = one_spike(cls, steps=25, delay_step=delay_step)
    first = mon["x"] if cls is bd.synapses.NMDA else mon["g"]
    assert int(np.flatnonzero(first)[0]) == arrival


# ---------------------------------------------------------------- Delta
def test_delta_jumps_the_post_potential_by_the_weight():
    mon, syn = one_spike(bd.synapses.Delta, steps=20, post_v=0.0, g_max=2.5)
    assert syn.out.target_var == "V" and syn.comp_method == "sparse"
    expected = np.where(np.arange(20) >= EMIT + 1, 2.5, 0.0)
    np.testing.assert_allclose(mon["V"], expected, rtol=1e-6)


def test_delta_into_the_input_and_blocked_by_refractoriness():
    pre = bd.neurons.SpikeTimeGroup(2, times=[0.0, 0.0], indices=[0, 1])
    post = bd.neurons.LIF(2, V_rest=0.0, V_th=1e9, tau=1e9)
    syn = bd.synapses.Delta(
        pre, post, bd.conn.All2All(), output=bd.synouts.CUBA(target_var="input"), g_max=0.5
    )
    runner = bd.DSRunner(bd.Network(pre, syn, post), monitors={"I": post.input}, progress_bar=False)
    runner.run(0.3)
    np.testing.assert_allclose(runner.mon["I"][1], [1.0, 1.0])  # two spikes x 0.5 each
    # post_ref_key: the jump is dropped where post.refractory is true
    post = bd.neurons.LIF(2, V_rest=0.0, V_th=1e9, tau=1e9, tau_ref=5.0, ref_var=True)
    syn = bd.synapses.Delta(pre, post, bd.conn.All2All(), g_max=0.5, post_ref_key="refractory")
    post.refractory.value = bm.asarray([True, False])
    bd.share.save(t=0.0, i=0, dt=DT)
    try:
        syn.update(pre_spike=bm.asarray([True, True]))
    finally:
        bd.share.clear_shargs()
    np.testing.assert_allclose(post.V.value, [0.0, 1.0])


# ---------------------------------------------------------------- synplast
def test_synplast_is_the_2_3_5_name_of_short_term_plasticity():
    assert bd.synplast.STD is bd.synapses.STD is bd.experimental.STD
    assert bd.synplast.STP is bd.synapses.STP


@pytest.mark.parametrize("cls", [bd.synapses.AMPA, bd.synapses.NMDA, bd.synapses.Exponential])
def test_pre_post_synapses_take_an_stp_without_a_size(cls):
    pre, post = bd.neurons.LIF(5), bd.neurons.LIF(3)
    std = bd.synplast.STD(tau=200.0, U=0.3)
    assert std.pre_size is None
    syn = cls(pre, post, bd.conn.All2All(), stp=std)
    assert syn.stp is std and std.pre_size == (5,) and std.x.shape == (5,)
    stp = bd.synplast.STP(U=0.2)
    bd.synapses.Delta(pre, post, bd.conn.All2All(), stp=stp)
    assert stp.u.shape == stp.x.shape == (5,)


def test_std_scales_the_ampa_conductance():
    mon_plain, _ = one_spike(bd.synapses.AMPA, steps=30, output=bd.synouts.CUBA())
    std = bd.synplast.STD(U=0.5)
    mon_std, syn = one_spike(bd.synapses.AMPA, steps=30, output=bd.synouts.CUBA(), stp=std)
    np.testing.assert_allclose(mon_std["g"], mon_plain["g"], rtol=1e-6)  # g itself unchanged
    arrival = EMIT + 1
    # the spike transmits with x = 1; afterwards the resources are halved and recover slowly
    np.testing.assert_allclose(mon_std["input"][arrival], 0.42 * mon_plain["g"][arrival], rtol=1e-5)
    ratio = mon_std["input"][arrival + 3] / mon_plain["input"][arrival + 3]
    assert ratio == pytest.approx(1 - 0.5 * math.exp(-3 * DT / 200.0), rel=1e-4)
    assert std.x.value[0] < 0.51


def test_stp_size_errors():
    pre, post = bd.neurons.LIF(5), bd.neurons.LIF(3)
    with pytest.raises(ValueError, match=r"pre_size=\(4,\), but the synapse has 5"):
        bd.synapses.AMPA(pre, post, bd.conn.All2All(), stp=bd.synplast.STD(4))
    with pytest.raises(ValueError, match="has no pre_size; give it to a synapse"):
        bd.share.save(t=0.0, dt=DT)
        try:
            bd.synplast.STD()(bm.asarray([True]))
        finally:
            bd.share.clear_shargs()
    with pytest.raises(ValueError, match="pass the parameters by keyword"):
        bd.synplast.STD(100.0)


# ---------------------------------------------------------------- networks
def ei_network(seed=0, n_e=400, n_i=100, prob=0.2):
    bm.random.seed(seed)
    pars = dict(
        V_rest=-60.0,
        V_th=-50.0,
        V_reset=-60.0,
        tau=20.0,
        tau_ref=5.0,
        V_initializer=bd.init.Normal(-55.0, 2.0),
    )
    E, I = bd.neurons.LIF(n_e, **pars), bd.neurons.LIF(n_i, **pars)

    def conn():
        return bd.conn.FixedProb(prob, seed=seed)

    # conductances scaled so that each spike carries about as much charge as the classic
    # COBA network's exponential synapses (0.6 nS x 5 ms and 6.7 nS x 10 ms at 80/20 inputs)
    w_e, w_i = 2.5 * 80 / (n_e * prob), 29.0 * 20 / (n_i * prob)
    net = bd.Network(
        bd.synapses.AMPA(E, E, conn(), g_max=w_e),
        bd.synapses.AMPA(E, I, conn(), g_max=w_e),
        bd.synapses.GABAa(I, E, conn(), g_max=w_i),
        bd.synapses.GABAa(I, I, conn(), g_max=w_i),
        E=E,
        I=I,
    )
    return net, E, I


def test_ampa_gabaa_ei_network_fires_in_a_plausible_band():
    net, E, I = ei_network()
    runner = bd.DSRunner(
        net,
        monitors={"E": E.spike, "I": I.spike},
        inputs=[("E.input", 20.0), ("I.input", 20.0)],
        progress_bar=False,
    )
    runner.run(200.0)
    for key in ("E", "I"):
        rate = runner.mon[key][500:].mean() / (DT / 1000.0)  # after the first 50 ms
        # without the synapses the drive alone gives about 53 Hz; seeds 0-1 give 14-18 Hz
        assert 8.0 <= rate <= 40.0, (key, rate)


def test_jit_and_no_jit_give_the_same_run():
    results = []
    for jit in (True, False):
        bm.random.seed(1)
        pre = bd.neurons.PoissonGroup(20, freqs=200.0, seed=3)
        post = bd.neurons.LIF(6, V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0)
        nmda = bd.synapses.NMDA(pre, post, bd.conn.FixedProb(0.5, seed=2), g_max=0.3, delay_step=2)
        ampa = bd.synapses.AMPA(pre, post, bd.conn.FixedProb(0.5, seed=2), comp_method="sparse")
        net = bd.Network(pre, nmda, ampa, post)
        runner = bd.DSRunner(
            net,
            monitors={"V": post.V, "g": nmda.g, "a": ampa.g},
            jit=jit,
            progress_bar=False,
        )
        runner.run(5.0)
        results.append({k: np.asarray(v) for k, v in runner.mon.items()})
    assert results[0]["g"].max() > 0 and results[0]["a"].max() > 0
    for key in ("V", "g", "a"):
        np.testing.assert_allclose(results[0][key], results[1][key], rtol=1e-5, atol=1e-6)


# ---------------------------------------------------------------- errors
def test_bad_arguments_name_the_argument():
    pre, post = bd.neurons.LIF(2), bd.neurons.LIF(3)
    conn = bd.conn.All2All()
    with pytest.raises(TypeError, match="conn must be a two-end connector"):
        bd.synapses.AMPA(pre, post, np.ones((2, 3)))
    with pytest.raises(TypeError, match="post must be a neuron group"):
        bd.synapses.NMDA(pre, "post", conn)
    with pytest.raises(
        ValueError, match=r"T_duration must be a finite number >= 0, got T_duration=-1\.0"
    ):
        bd.synapses.AMPA(pre, post, conn, T_duration=-1.0)
    with pytest.raises(ValueError, match="T must be a finite number >= 0"):
        bd.synapses.GABAa(pre, post, conn, T="1")
    with pytest.raises(ValueError, match="alpha must be a finite positive number"):
        bd.synapses.AMPA(pre, post, conn, alpha=0.0)
    with pytest.raises(ValueError, match="tau_decay must be a finite positive number"):
        bd.synapses.NMDA(pre, post, conn, tau_decay=-100.0)
    with pytest.raises(ValueError, match="comp_method must be 'sparse' or 'dense'"):
        bd.synapses.AMPA(pre, post, conn, comp_method="csr")
    with pytest.raises(ValueError, match="delay_step must be >= 0"):
        bd.synapses.NMDA(pre, post, conn, delay_step=-2)
    with pytest.raises(ValueError, match="unknown method='bogus'"):
        bd.synapses.AMPA(pre, post, conn, method="bogus")
    with pytest.raises(ValueError, match="post_ref_key='refractory' must name a Variable"):
        bd.synapses.Delta(pre, post, conn, post_ref_key="refractory")
    with pytest.raises(ValueError, match="post must have a Variable 'V'"):
        bd.synapses.Delta(pre, bd.neurons.PoissonGroup(3, freqs=1.0), conn)
    with pytest.raises(ValueError, match="conn connects 4 to 4 neurons, but pre has 2"):
        bd.synapses.GABAa(pre, post, bd.conn.All2All(pre=4, post=4))


def test_defaults_match_brainpy_2_3_5():
    pre, post = bd.neurons.LIF(2), bd.neurons.LIF(3)
    conn = bd.conn.All2All()
    ampa = bd.synapses.AMPA(pre, post, conn)
    assert (ampa.comp_method, float(ampa.g_max), ampa.out.E) == ("dense", 0.42, 0.0)
    gaba = bd.synapses.GABAa(pre, post, conn)
    assert (gaba.alpha, gaba.beta, gaba.T, gaba.T_duration) == (0.53, 0.18, 1.0, 1.0)
    assert (float(gaba.g_max), gaba.out.E) == (0.04, -80.0)
    nmda = bd.synapses.NMDA(pre, post, conn)
    assert (nmda.comp_method, float(nmda.g_max), type(nmda.out)) == (
        "dense",
        0.15,
        bd.synouts.MgBlock,
    )
    delta = bd.synapses.Delta(pre, post, conn)
    assert (delta.comp_method, float(delta.g_max), delta.post_ref_key) == ("sparse", 1.0, None)
    assert ampa.g.shape == nmda.x.shape == (2,)  # state per presynaptic neuron, as in 2.3.5

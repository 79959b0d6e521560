"""brainpy_dyn.channels and CondNeuGroup: HH reproduced, rate equations against NumPy, modes."""

from __future__ import annotations

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm

ch = bd.channels
share = bd.share
V = np.linspace(-99.7, 40.3, 57)  # off the integers, where the rates have 0/0 points


@pytest.fixture(autouse=True)
def _clean_share():
    share.clear_shargs()
    yield
    share.clear_shargs()


def const(values):
    values = np.asarray(values, np.float32)
    return lambda shape: jnp.broadcast_to(jnp.asarray(values), shape)


def x_over(x, y):
    """``x / (1 - exp(-x / y))`` in NumPy."""
    return x / (1.0 - np.exp(-x / y))


def sig(x):
    return 1.0 / (1.0 + np.exp(-x))


# -------------------------------------------------------------- CondNeuGroup versus HH
def _hh_pair(n, V0):
    cond = bd.CondNeuGroup(
        n,
        V_initializer=const(V0),
        V_th=20.0,
        INa=ch.INa_HH1952(n, E=50.0, g_max=120.0),
        IK=ch.IK_HH1952(n, E=-77.0, g_max=36.0),
        IL=ch.IL(n, E=-54.387, g_max=0.03),
    )
    hh = bd.neurons.HH(n, V_initializer=const(V0))
    return cond, hh


def test_cond_neu_group_reproduces_hh_spike_for_spike():
    n = 8
    V0 = np.linspace(-70.0, -60.0, n)
    I = np.linspace(2.0, 20.0, n).astype(np.float32)
    cond, hh = _hh_pair(n, V0)
    for gate, var in (("m", cond.INa.p), ("h", cond.INa.q), ("n", cond.IK.p)):
        np.testing.assert_allclose(var.value, getattr(hh, gate).value, rtol=1e-6)
    mons = []
    for model in (cond, hh):
        runner = bd.DSRunner(
            model, monitors=["V", "spike"], inputs=("input", I), progress_bar=False
        )
        runner.run(150.0)
        mons.append(runner.mon)
    np.testing.assert_array_equal(mons[0]["spike"], mons[1]["spike"])
    assert mons[0]["spike"].sum() > 50  # most neurons fire repetitively
    np.testing.assert_allclose(mons[0]["V"], mons[1]["V"], atol=0.05)


def test_channels_assigned_in_a_subclass_start_at_steady_state():
    class Cell(bd.CondNeuGroup):
        def __init__(self, size):
            super().__init__(size, V_initializer=bd.init.OneInit(-65.0), V_th=20.0)
            self.INa = ch.INa_HH1952(size, E=50.0, g_max=120.0)
            self.IK = ch.IK_HH1952(size, E=-77.0, g_max=36.0)
            self.IL = ch.IL(size, E=-54.387, g_max=0.03)

    cell = Cell(3)
    hh = bd.neurons.HH(3, V_initializer=bd.init.OneInit(-65.0))
    np.testing.assert_allclose(cell.INa.p.value, hh.m.value, rtol=1e-6)
    np.testing.assert_allclose(cell.IK.p.value, hh.n.value, rtol=1e-6)
    spikes = bm.for_loop(
        lambda i: (share.save(t=i * 0.1, dt=0.1), cell.clear_input(), cell({}, 10.0))[-1],
        jnp.arange(300),
    )
    assert 1 <= int(np.asarray(spikes)[:, 0].sum()) <= 3  # ~68 Hz for 30 ms


def test_derivative_is_the_sum_of_currents():
    cond, _ = _hh_pair(2, [-65.0, -30.0])
    cond.input.value = jnp.asarray([4.0, 0.0])
    Vv = cond.V.value
    total = cond.INa.current(Vv) + cond.IK.current(Vv) + cond.IL.current(Vv) + cond.input.value
    np.testing.assert_allclose(cond.derivative(Vv, 0.0), total / 1.0, rtol=1e-6)
    # the input is a density when A = 1e-3 cm², and scales as 1e-3 / A otherwise
    cond2 = bd.CondNeuGroup(2, A=2e-3, V_initializer=const([-65.0, -30.0]))
    cond2.input.value = jnp.asarray([4.0, 2.0])
    np.testing.assert_allclose(cond2.derivative(cond2.V.value, 0.0), [2.0, 1.0], rtol=1e-6)


# ---------------------------------------------------------------- rate equations
def _na_hh(Vm, sh=-45.0):
    u = Vm - sh
    return dict(
        p=(0.1 * x_over(u - 5, 10), 4 * np.exp(-(u + 20) / 18)),
        q=(0.07 * np.exp(-(u + 20) / 20), 1 / (1 + np.exp(-(u - 10) / 10))),
    )


def _na_traub(Vm, sh):
    u = Vm - sh
    return dict(
        p=(0.32 * x_over(u - 13, 4), 0.28 * (u - 40) / (np.exp((u - 40) / 5) - 1)),
        q=(0.128 * np.exp(-(u - 17) / 18), 4 / (1 + np.exp(-(u - 40) / 5))),
    )


def _k_traub(Vm, sh):
    u = Vm - sh
    return dict(p=(0.032 * x_over(u - 15, 5), 0.5 * np.exp(-(u - 10) / 40)))


MARKOV = [
    (lambda: ch.INa_HH1952(1), _na_hh, 1.0),
    (lambda: ch.INa_HH1952(1, V_sh=-50.0, phi=2.0), lambda v: _na_hh(v, -50.0), 2.0),
    (
        lambda: ch.IK_HH1952(1),
        lambda v: dict(p=(0.01 * x_over(v + 55, 10), 0.125 * np.exp(-(v + 65) / 80))),
        1.0,
    ),
    (lambda: ch.INa_TM1991(1), lambda v: _na_traub(v, -63.0), 1.0),
    (lambda: ch.INa_Ba2002(1, T=26.0), lambda v: _na_traub(v, -50.0), 1 / 3),
    (lambda: ch.IK_TM1991(1), lambda v: _k_traub(v, -60.0), 1.0),
    (lambda: ch.IKDR_Ba2002(1, T=46.0), lambda v: _k_traub(v, -50.0), 3.0),
]


@pytest.mark.parametrize("make, rates, phi", MARKOV)
def test_kinetic_gates_against_published_rates(make, rates, phi):
    channel = make()
    for gate, (alpha, beta) in rates(V).items():
        np.testing.assert_allclose(
            channel.steady_state(gate, V), alpha / (alpha + beta), rtol=2e-4, atol=1e-7
        )
        np.testing.assert_allclose(
            channel.time_constant(gate, V), 1 / (phi * (alpha + beta)), rtol=2e-4
        )


def _ka_tau_q(u, switch, plateau):
    low = 1 / (np.exp((u + 46) / 5) + np.exp(-(u + 238) / 37.5))
    return np.where(u < switch, low, plateau)


def _k2_tau_q(u, offset):
    return offset + 1 / (np.exp((u - 1329) / 200) + np.exp(-(u + 130) / 7.1))


def _cat_hm(u):
    return dict(
        p=(
            sig((u + 59) / 6.2),
            0.612 + 1 / (np.exp(-(u + 132) / 16.7) + np.exp((u + 16.8) / 18.2)),
        ),
        q=(
            sig(-(u + 83) / 4),
            np.where(u < -80, np.exp((u + 467) / 66.6), np.exp(-(u + 22) / 10.5) + 28),
        ),
    )


STEADY = [
    # (channel, V_sh, {gate: (inf(u), tau(u))}, {gate: phi})
    (
        lambda: ch.IKA1_HM1992(1, V_sh=3.0, phi_p=2.0),
        3.0,
        lambda u: dict(
            p=(
                sig((u + 60) / 8.5),
                0.37 + 1 / (np.exp((u + 35.8) / 19.7) + np.exp(-(u + 79.7) / 12.7)),
            ),
            q=(sig(-(u + 78) / 6), _ka_tau_q(u, -63, 19.0)),
        ),
        dict(p=2.0, q=1.0),
    ),
    (
        lambda: ch.IKA2_HM1992(1),
        0.0,
        lambda u: dict(
            p=(
                sig((u + 36) / 20),
                0.37 + 1 / (np.exp((u + 35.8) / 19.7) + np.exp(-(u + 79.7) / 12.7)),
            ),
            q=(sig(-(u + 78) / 6), _ka_tau_q(u, -73, 60.0)),
        ),
        dict(p=1.0, q=1.0),
    ),
    (
        lambda: ch.IKK2A_HM1992(1),
        0.0,
        lambda u: dict(
            p=(
                sig((u + 43) / 17) ** 4,
                9.9 + 1 / (np.exp((u - 81) / 25.6) + np.exp(-(u + 132) / 18)),
            ),
            q=(sig(-(u + 58) / 10.6), _k2_tau_q(u, 120.0)),
        ),
        dict(p=1.0, q=1.0),
    ),
    (
        lambda: ch.IKK2B_HM1992(1, phi_q=3.0),
        0.0,
        lambda u: dict(q=(sig(-(u + 58) / 10.6), _k2_tau_q(u, 8.9))),
        dict(p=1.0, q=3.0),
    ),
    (
        lambda: ch.IKNI_Ya1989(1, V_sh=-5.0),
        -5.0,
        lambda u: dict(
            p=(sig((u + 35) / 10), 4000 / (3.3 * np.exp((u + 35) / 20) + np.exp(-(u + 35) / 20)))
        ),
        dict(p=1.0),
    ),
    (lambda: ch.ICaT_HM1992(1, phi_p=1.0, phi_q=1.0), -3.0, _cat_hm, dict(p=1.0, q=1.0)),
    (lambda: ch.ICaHT_HM1992(1, T=24.0), 25.0, _cat_hm, dict(p=1.0, q=1.0)),
    (
        lambda: ch.ICaT_HP1992(1),
        -3.0,
        lambda u: dict(
            p=(sig((u + 52) / 7.4), 3 + 1 / (np.exp((u + 27) / 10) + np.exp(-(u + 102) / 15))),
            q=(sig(-(u + 80) / 5), 85 + 1 / (np.exp((u + 48) / 4) + np.exp(-(u + 407) / 50))),
        ),
        dict(p=5.0**1.2, q=3.0**1.2),
    ),
    (
        lambda: ch.ICaL_IS2008(1),
        0.0,
        lambda u: dict(
            p=(sig((u + 10) / 4), 0.4 + 0.7 / (np.exp(-(u + 5) / 15) + np.exp((u + 5) / 15))),
            q=(sig(-(u + 25) / 2), 300 + 100 / (np.exp(-(u + 40) / 9.5) + np.exp((u + 40) / 9.5))),
        ),
        dict(p=3.55**1.2, q=3.0**1.2),
    ),
]


@pytest.mark.parametrize("make, V_sh, ref, phis", STEADY)
def test_steady_state_gates_against_published_curves(make, V_sh, ref, phis):
    channel = make()
    for gate, (inf, tau) in ref(V - V_sh).items():
        np.testing.assert_allclose(channel.steady_state(gate, V), inf, rtol=2e-4, atol=1e-7)
        np.testing.assert_allclose(channel.time_constant(gate, V), tau / phis[gate], rtol=2e-4)


def test_ih_hm1992_against_its_curves():
    ih = ch.Ih_HM1992(1, phi=2.0)
    np.testing.assert_allclose(ih.f_p_inf(V), 1 / (1 + np.exp((V + 75) / 5.5)), rtol=2e-4)
    tau = 1 / (np.exp(-0.086 * V - 14.59) + np.exp(0.0701 * V - 1.87))
    np.testing.assert_allclose(ih.f_p_tau(V), tau, rtol=2e-4)
    p = 0.3
    np.testing.assert_allclose(
        ih.derivative(p, 0.0, V),
        2.0 * (1 / (1 + np.exp((V + 75) / 5.5)) - p) / tau,
        rtol=5e-4,
        atol=1e-9,
    )


# --------------------------------------------------------------- one step, by hand
def test_gate_step_is_exponential_euler():
    """A gate is linear in itself, so exponential Euler is its exact solution at fixed V."""
    na = ch.INa_HH1952(3, phi=1.5)
    V_fixed = np.array([-70.3, -40.3, 10.3], np.float32)
    na.reset_state(V_fixed - 10.0)  # start away from the steady state
    p0, q0 = np.asarray(na.p.value, np.float64), np.asarray(na.q.value, np.float64)
    na.update({"t": 0.0, "dt": 0.2}, V_fixed)
    rates = _na_hh(V_fixed.astype(np.float64))
    for x0, new, (a, b) in ((p0, na.p.value, rates["p"]), (q0, na.q.value, rates["q"])):
        inf, k = a / (a + b), 1.5 * (a + b)
        np.testing.assert_allclose(new, inf + (x0 - inf) * np.exp(-k * 0.2), rtol=1e-5)


def test_currents():
    k = ch.IK_TM1991(2, g_max=7.0, E=-90.0)
    k.p.value = jnp.asarray([0.5, 0.2])
    np.testing.assert_allclose(
        k.current(jnp.asarray([-60.0, 0.0])),
        7 * np.array([0.5, 0.2]) ** 4 * np.array([-30.0, -90.0]),
        rtol=1e-6,
    )
    ka = ch.IKA1_HM1992(1, g_max=3.0)
    ka.p.value, ka.q.value = jnp.asarray([0.5]), jnp.asarray([0.4])
    np.testing.assert_allclose(ka.current(-50.0), 3 * 0.5**4 * 0.4 * (-40.0), rtol=1e-6)
    k2 = ch.IKK2A_HM1992(1, g_max=3.0)
    k2.p.value, k2.q.value = jnp.asarray([0.5]), jnp.asarray([0.4])
    np.testing.assert_allclose(k2.current(-50.0), 3 * 0.5 * 0.4 * (-40.0), rtol=1e-6)
    cat = ch.ICaT_HM1992(1, g_max=2.0)
    cat.p.value, cat.q.value = jnp.asarray([0.5]), jnp.asarray([0.4])
    np.testing.assert_allclose(cat.current(-50.0, 2.4e-4, 120.0), 2 * 0.25 * 0.4 * 170.0, rtol=1e-6)


# ------------------------------------------------------------------ modes, errors
def test_batching_mode_and_reset_to_another_batch_size():
    cell = bd.CondNeuGroup(
        3,
        mode=bm.BatchingMode(4),
        INa=ch.INa_TM1991(3),
        IK=ch.IK_TM1991(3),
        IL=ch.IL(3),
        Ca=ch.CalciumDetailed(3, ICaT=ch.ICaT_HM1992(3), AHP=ch.IAHP_De1994(3)),
    )
    assert cell.V.shape == cell.INa.p.shape == cell.Ca.C.shape == cell.Ca.ICaT.q.shape == (4, 3)
    cell.reset_state(6)
    assert cell.V.shape == cell.IK.p.shape == cell.Ca.AHP.p.shape == (6, 3)
    runner = bd.DSRunner(cell, monitors=["V"], progress_bar=False)
    runner.run(1.0)
    assert sorted(runner.mon["V"].shape) == [3, 6, 10]  # the runner decides the axis order
    assert np.all(np.isfinite(runner.mon["V"]))


def test_calcium_channel_outside_an_ion_is_an_error():
    with pytest.raises(TypeError, match="must live in a Calcium"):
        bd.CondNeuGroup(2, T=ch.ICaT_HM1992(2))
    with pytest.raises(TypeError, match="must live in a CalciumDyna"):
        ch.CalciumFixed(2, CAN=ch.ICaN_IS2008(2))
    with pytest.raises(TypeError, match="must be a brainpy_dyn.Channel"):
        bd.CondNeuGroup(2, INa=bd.neurons.LIF(2))
    with pytest.raises(ValueError, match="C must be"):
        bd.CondNeuGroup(2, C=0.0)


def test_public_paths_and_signatures():
    import inspect

    assert bd.channels.INa_HH1952.__module__ == "brainpy_dyn.channels"
    assert bd.CondNeuGroup.__module__ == "brainpy_dyn"
    params = list(inspect.signature(bd.CondNeuGroup).parameters)
    assert params == [
        "size",
        "keep_size",
        "C",
        "A",
        "V_th",
        "V_initializer",
        "noise",
        "method",
        "name",
        "mode",
        "channels",
    ]
    assert list(inspect.signature(ch.IK_HH1952.update).parameters) == ["self", "tdi", "V"]
    assert list(inspect.signature(ch.ICaT_HM1992.current).parameters) == [
        "self",
        "V",
        "C_Ca",
        "E_Ca",
    ]
    assert issubclass(bd.CondNeuGroup, bd.NeuGroup) and issubclass(ch.Calcium, bd.Container)


def test_a_channel_of_another_size_is_an_error():
    with pytest.raises(ValueError, match="channel 'IL' has 3 compartments"):
        bd.CondNeuGroup(2, IL=ch.IL(3))
    with pytest.raises(ValueError, match="keep_size=True"):
        bd.CondNeuGroup((2, 3), keep_size=True, IL=ch.IL((2, 3)))
    cell = bd.CondNeuGroup((2, 3), keep_size=True, INa=ch.INa_HH1952((2, 3), keep_size=True))
    assert cell.INa.p.shape == cell.V.shape == (2, 3)


def test_noise_is_euler_maruyama():
    def run(noise):
        bm.random.seed(7)
        cell = bd.CondNeuGroup(
            20000, V_initializer=bd.init.OneInit(-65.0), noise=noise, IL=ch.IL(20000, E=-65.0)
        )
        cell.update({"t": 0.0, "dt": 0.04})
        return np.asarray(cell.V.value)

    V = run(2.0)
    np.testing.assert_allclose(V.std(), 2.0 * np.sqrt(0.04), rtol=0.03)
    np.testing.assert_allclose(V.mean(), -65.0, atol=0.01)
    np.testing.assert_allclose(run(lambda V, t: 2.0 + 0.0 * V), V, rtol=1e-6)  # a function g(V, t)

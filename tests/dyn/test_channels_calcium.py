"""brainpy_dyn.channels: calcium ions, calcium-dependent channels and Ih_De1996."""

from __future__ import annotations

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm

ch = bd.channels
share = bd.share


@pytest.fixture(autouse=True)
def _clean_share():
    share.clear_shargs()
    yield
    share.clear_shargs()


def nernst(C, C0=2.0, T=36.0):
    return 8.31441 * (273.15 + T) / (2 * 96.489) * np.log(C0 / C)


def test_reversal_potential_follows_nernst():
    ca = ch.CalciumDetailed(2, T=30.0, C0=3.0, C_initializer=bd.init.Constant(1e-3))
    np.testing.assert_allclose(ca.E.value, nernst(1e-3, 3.0, 30.0), rtol=1e-5)


def test_calcium_detailed_derivative_by_hand():
    cat = ch.ICaT_HM1992(3, g_max=2.0)
    ahp = ch.IAHP_De1994(3)
    ca = ch.CalciumDetailed(3, d=0.5, tau=4.0, ICaT=cat, AHP=ahp)
    cell = bd.CondNeuGroup(3, V_initializer=bd.init.Constant(-60.0), Ca=ca)
    V = cell.V.value
    C = jnp.asarray([2.4e-4, 5e-4, 1e-3])
    E = nernst(np.asarray(C))
    p, q = np.asarray(cat.p.value), np.asarray(cat.q.value)
    I_ca = 2.0 * p * p * q * (E - (-60.0))  # inward, positive; the K(Ca) current carries none
    drive = np.maximum(10 * I_ca / (2 * 96489.0 * 0.5), 0.0)
    want = drive + (2.4e-4 - np.asarray(C)) / 4.0
    np.testing.assert_allclose(ca.derivative(C, 0.0, V), want, rtol=1e-4)
    assert drive.min() > 0  # the T-current brings calcium in at -60 mV


def test_calcium_first_order_derivative_by_hand():
    cat = ch.ICaT_HM1992(2)
    ca = ch.CalciumFirstOrder(2, alpha=0.1, beta=0.05, ICaT=cat)
    cell = bd.CondNeuGroup(2, V_initializer=bd.init.Constant(-62.0), Ca=ca)
    C = ca.C.value
    I_ca = np.asarray(cat.current(cell.V.value, C, ca.E.value))
    want = 0.1 * np.maximum(I_ca, 0) - 0.05 * np.asarray(C)
    np.testing.assert_allclose(ca.derivative(C, 0.0, cell.V.value), want, rtol=1e-5)


def test_calcium_rises_during_a_burst_and_relaxes():
    class Cell(bd.CondNeuGroup):
        def __init__(self, size):
            super().__init__(size, V_initializer=bd.init.Constant(-75.0))
            self.INa = ch.INa_Ba2002(size)
            self.IK = ch.IKDR_Ba2002(size)
            self.IL = ch.IL(size, g_max=0.05, E=-75.0)
            self.Ca = ch.CalciumDetailed(size, ICaT=ch.ICaT_HM1992(size, g_max=2.0))

    cell = Cell(1)
    C0 = float(cell.Ca.C.value[0])
    runner = bd.DSRunner(cell, monitors=["Ca.C", "V"], inputs=("input", 5.0), progress_bar=False)
    runner.run(100.0)
    C = runner.mon["Ca.C"][:, 0]
    assert C.max() > 2 * C0  # influx through the T-current
    assert np.all(np.isfinite(runner.mon["V"]))


def test_calcium_fixed_gives_its_c_and_e_to_the_channels():
    ahp = ch.IAHP_De1994(2, alpha=48.0, beta=0.09, n=2)
    ca = ch.CalciumFixed(2, E=100.0, C=1e-3, AHP=ahp)
    bd.CondNeuGroup(2, V_initializer=bd.init.Constant(-65.0), Ca=ca)
    c2 = 48 * 1e-3**2
    np.testing.assert_allclose(ahp.p.value, c2 / (c2 + 0.09), rtol=1e-5)
    np.testing.assert_allclose(
        ca.current(-65.0), 10 * (c2 / (c2 + 0.09)) ** 2 * (-95.0 + 65.0), rtol=1e-4
    )


def test_iahp_step_is_exponential_euler():
    ahp = ch.IAHP_De1994(1, phi=2.0)
    ahp.reset_state(-65.0, 1e-4, 120.0)
    p0 = float(ahp.p.value[0])
    ahp.update({"t": 0.0, "dt": 0.5}, -65.0, 5e-3, 120.0)
    a = 48 * 5e-3**2
    inf, k = a / (a + 0.09), 2.0 * (a + 0.09)
    np.testing.assert_allclose(ahp.p.value, inf + (p0 - inf) * np.exp(-k * 0.5), rtol=1e-5)


def test_ican_current_and_steady_state():
    can = ch.ICaN_IS2008(2, g_max=2.0, E=10.0)
    can.reset_state(jnp.asarray([-60.0, -30.0]), 1e-3, 120.0)
    V = np.array([-60.0, -30.0])
    p = 1 / (1 + np.exp(-(V + 43) / 5.2))
    np.testing.assert_allclose(can.p.value, p, rtol=1e-5)
    np.testing.assert_allclose(can.current(V, 0.2, 120.0), 2.0 * 0.5 * p * (10.0 - V), rtol=1e-5)
    tau = 2.7 / (np.exp(-(V + 55) / 15) + np.exp((V + 55) / 15)) + 1.6
    np.testing.assert_allclose(can.f_p_tau(V), tau, rtol=1e-5)


def test_ih_de1996_starts_at_its_steady_state():
    ih = ch.Ih_De1996(3, phi=1.0)
    V = jnp.asarray([-90.0, -70.0, -50.0])
    C = jnp.asarray([2.4e-4, 1e-3, 4e-3])
    ih.reset_state(V, C, 120.0)
    O, OL, P1 = ih.O.value, ih.OL.value, ih.P1.value
    np.testing.assert_allclose(ih.dP1(P1, 0.0, C), 0.0, atol=1e-9)
    np.testing.assert_allclose(ih.dOL(OL, 0.0, O, P1), 0.0, atol=1e-8)
    np.testing.assert_allclose(ih.dO(O, 0.0, OL, V), 0.0, atol=1e-7)
    # more calcium locks more channels open
    assert float(OL[2]) > float(OL[0])
    Vn = np.asarray(V)
    inf = 1 / (1 + np.exp((Vn + 75) / 5.5))
    tau = 20 + 1000 / (np.exp((Vn + 71.5) / 14.2) + np.exp(-(Vn + 89) / 11.6))
    np.testing.assert_allclose(ih.f_inf(V), inf, rtol=1e-5)
    np.testing.assert_allclose(ih.f_tau(V), tau, rtol=1e-5)
    np.testing.assert_allclose(
        ih.current(V, C, 120.0),
        0.02 * (np.asarray(O) + 2 * np.asarray(OL)) * (-40.0 - Vn),
        rtol=1e-5,
    )


def test_calcium_channels_run_in_a_compiled_loop():
    cell = bd.CondNeuGroup(
        2,
        V_initializer=bd.init.Constant(-65.0),
        IL=ch.IL(2),
        Ca=ch.CalciumDetailed(
            2, CAN=ch.ICaN_IS2008(2), Ih=ch.Ih_De1996(2), L=ch.ICaL_IS2008(2), HT=ch.ICaHT_HM1992(2)
        ),
    )

    def step(i):
        share.save(t=i * 0.05, dt=0.05)
        cell.clear_input()
        cell({}, 1.0)
        return cell.Ca.C.value

    out = np.asarray(bm.for_loop(step, jnp.arange(200)))
    assert out.shape == (200, 2) and np.all(np.isfinite(out))


def test_a_user_calcium_channel_feeds_the_concentration():
    class ConstantInflux(ch.CalciumChannel):
        def update(self, tdi, V, C_Ca, E_Ca):
            pass

        def reset_state(self, V, C_Ca, E_Ca, batch_size=None):
            pass

        def current(self, V, C_Ca, E_Ca):
            return jnp.full(self.varshape, 2.0)

    ca = ch.CalciumFirstOrder(2, alpha=0.1, beta=0.0, I=ConstantInflux(2), AHP=ch.IAHP_De1994(2))
    np.testing.assert_allclose(ca.derivative(ca.C.value, 0.0, -65.0), 0.2, rtol=1e-6)

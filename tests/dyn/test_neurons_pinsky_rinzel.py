"""PinskyRinzelModel against a NumPy transcription of Pinsky & Rinzel (1994); LIF_SFA_Bellec2020; HH rates."""

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn import neurons


# --- Pinsky & Rinzel (1994), potentials u relative to -60 mV ------------------------------
def _rates(us, ud, ca):
    am = 0.32 * (13.1 - us) / (np.exp((13.1 - us) / 4) - 1)
    bm_ = 0.28 * (us - 40.1) / (np.exp((us - 40.1) / 5) - 1)
    an = 0.016 * (35.1 - us) / (np.exp((35.1 - us) / 5) - 1)
    bn = 0.25 * np.exp(0.5 - 0.025 * us)
    ah = 0.128 * np.exp((17 - us) / 18)
    bh = 4 / (1 + np.exp((40 - us) / 5))
    as_ = 1.6 / (1 + np.exp(-0.072 * (ud - 65)))
    bs = 0.02 * (ud - 51.1) / (np.exp((ud - 51.1) / 5) - 1)
    if ud <= 50:
        ac = np.exp((ud - 10) / 11 - (ud - 6.5) / 27) / 18.975
        bc = 2 * np.exp((6.5 - ud) / 27) - ac
    else:
        ac, bc = 2 * np.exp((6.5 - ud) / 27), 0.0
    aq, bq = min(0.00002 * ca, 0.01), 0.001
    return dict(m=(am, bm_), n=(an, bn), h=(ah, bh), s=(as_, bs), c=(ac, bc), q=(aq, bq))


def _numpy_step(st, Is, Id, dt):
    """One forward-Euler step of the model, in the paper's relative units."""
    gNa, gK, gCa, gAHP, gC, gL, gc, p, Cm = 30, 15, 10, 0.8, 15, 0.1, 2.1, 0.5, 3.0
    VNa, VK, VCa, VL = 120, -15, 140, 0
    us, ud = st["Vs"] + 60, st["Vd"] + 60
    r = _rates(us, ud, st["Ca"])
    minf = r["m"][0] / sum(r["m"])
    ICa = gCa * st["s"] ** 2 * (ud - VCa)
    dVs = (
        -gL * (us - VL)
        - gNa * minf**2 * st["h"] * (us - VNa)
        - gK * st["n"] * (us - VK)
        + gc / p * (ud - us)
        + Is / p
    ) / Cm
    chi = min(st["Ca"] / 250, 1)
    dVd = (
        -gL * (ud - VL)
        - ICa
        - gAHP * st["q"] * (ud - VK)
        - gC * st["c"] * chi * (ud - VK)
        + gc / (1 - p) * (us - ud)
        + Id / (1 - p)
    ) / Cm
    new = {"Vs": st["Vs"] + dt * dVs, "Vd": st["Vd"] + dt * dVd}
    new["Ca"] = st["Ca"] + dt * (-0.13 * ICa - 0.075 * st["Ca"])
    for g in "hnscq":
        a, b = r[g]
        new[g] = st[g] + dt * (a * (1 - st[g]) - b * st[g])
    return new


def test_pinsky_rinzel_initial_gates_are_steady_states():
    cell = neurons.PinskyRinzelModel(1)
    r = _rates(-64.6 + 60, -64.5 + 60, 0.2)
    for g, v in (("h", cell.h), ("n", cell.n), ("s", cell.s), ("c", cell.c), ("q", cell.q)):
        a, b = r[g]
        assert float(v.value[0]) == pytest.approx(a / (a + b), rel=1e-5)
    assert float(cell.inf_m(-50.0)) == pytest.approx(
        _rates(10.0, 0, 0)["m"][0] / sum(_rates(10.0, 0, 0)["m"]), rel=1e-5
    )


@pytest.mark.parametrize("state", [(-64.6, -64.5, 0.2, 0.0, 0.0), (-30.0, 0.0, 300.0, 1.0, 2.0)])
def test_pinsky_rinzel_euler_steps_match_numpy(state):
    vs, vd, ca, Is, Id = state
    dt = 0.05
    cell = neurons.PinskyRinzelModel(
        1,
        method="euler",
        Vs_initializer=bd.init.OneInit(vs),
        Vd_initializer=bd.init.OneInit(vd),
        Ca_initializer=bd.init.OneInit(ca),
    )
    st = {k: float(getattr(cell, k).value[0]) for k in ("Vs", "Vd", "Ca", "h", "n", "s", "c", "q")}
    for i in range(5):
        bd.share.save(t=i * dt, dt=dt)
        cell.Is.value = bm.asarray([Is])
        cell.Id.value = bm.asarray([Id])
        cell.update()
        st = _numpy_step(st, Is, Id, dt)
        for k, v in st.items():
            assert float(getattr(cell, k).value[0]) == pytest.approx(v, rel=2e-4, abs=1e-5), k
    bd.share.clear_shargs()


def test_pinsky_rinzel_bursts_under_somatic_current_and_clears_input():
    cell = neurons.PinskyRinzelModel(2)
    runner = bd.DSRunner(
        cell, monitors=["spike", "Vs"], inputs=("Is", bm.asarray([-0.5, 0.75])), progress_bar=False
    )
    runner.run(200.0)
    spikes = np.asarray(runner.mon["spike"]).sum(0)
    # the usual hyperpolarising bias -0.5 keeps the cell at rest; 0.75 makes it burst
    assert spikes[0] == 0 and spikes[1] >= 1
    cell.Id.value = bm.ones(2)
    cell.clear_input()
    assert float(np.abs(cell.Is.value).max()) == float(np.abs(cell.Id.value).max()) == 0.0
    with pytest.raises(ValueError, match="p"):
        neurons.PinskyRinzelModel(1, p=1.5)


def test_lif_sfa_bellec2020_is_the_alif_model_with_the_old_signature():
    kw = dict(V_rest=0.0, V_th=1.0, beta=0.5, V_initializer=bd.init.ZeroInit())
    old, new = neurons.LIF_SFA_Bellec2020(3, **kw), neurons.ALIFBellec2020(3, **kw)
    assert isinstance(old, neurons.ALIFBellec2020)
    x = bm.asarray([0.0, 2.0, 30.0])
    for i in range(20):
        bd.share.save(t=i * 1.0, dt=1.0)
        np.testing.assert_array_equal(np.asarray(old(x)), np.asarray(new(x)))
    np.testing.assert_allclose(np.asarray(old.V.value), np.asarray(new.V.value))
    np.testing.assert_allclose(np.asarray(old.a.value), np.asarray(new.a.value))
    bd.share.clear_shargs()
    assert float(old.dV(0.0, 0.0, 20.0)) == pytest.approx(1.0)
    assert float(old.da(1.0, 0.0)) == pytest.approx(-1 / 2000)


def test_hh_rate_methods():
    hh = neurons.HH(1)
    V = np.array([-80.0, -65.0, -40.0, 0.0])
    with np.errstate(invalid="ignore"):
        a = 0.1 * (V + 40) / (1 - np.exp(-(V + 40) / 10))
    a[2] = 1.0  # the limit at V = -40
    b = 4 * np.exp(-(V + 65) / 18)
    np.testing.assert_allclose(np.asarray(hh.m_alpha(V)), a, rtol=1e-5)
    np.testing.assert_allclose(np.asarray(hh.m_beta(V)), b, rtol=1e-5)
    np.testing.assert_allclose(np.asarray(hh.m_inf(V)), a / (a + b), rtol=1e-5)
    for g in "hn":
        al, be = getattr(hh, f"{g}_alpha")(V), getattr(hh, f"{g}_beta")(V)
        np.testing.assert_allclose(
            np.asarray(getattr(hh, f"{g}_inf")(V)), np.asarray(al / (al + be)), rtol=1e-6
        )

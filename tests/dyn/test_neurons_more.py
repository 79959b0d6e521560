"""brainpy_dyn.neurons: LeakyIntegrator, AdQuaIF, GIF, HindmarshRose, FHN, MorrisLecar, WangBuzsaki.

Each model: its Variables and their shapes, one exponential-Euler step against the model's
equations computed here with NumPy, a known behaviour, a jitted DSRunner run, bad arguments.
"""

from __future__ import annotations

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn import neurons

share = bd.share


@pytest.fixture(autouse=True)
def _clean_share():
    share.clear_shargs()
    yield
    share.clear_shargs()


def full(value):
    return lambda shape: jnp.full(shape, value, dtype=jnp.float32)


def simulate(model, n, dt, x=None, record=("V",)):
    """Run ``n`` steps in one compiled loop; return the spikes and the recorded Variables."""

    def step(i):
        share.save(t=i * dt, i=i, dt=dt)
        model.clear_input()
        out = model(x)
        return out, [getattr(model, name).value for name in record]

    outs, recs = bm.for_loop(step, jnp.arange(n))
    return np.asarray(outs), [np.asarray(r) for r in recs]


def one_step(model, x, dt=0.1, t=0.0):
    share.save(t=t, dt=dt)
    return np.asarray(model(x))


def exp_euler(x, f, a, dt):
    """Exponential Euler for ``dx/dt = f`` linearised as ``f + a (x' - x)``: exact when linear."""
    x, f, a = (np.asarray(v, dtype=np.float64) for v in (x, f, a))
    return x + f * np.expm1(a * dt) / a


def spike_steps(spikes, j=0):
    return np.nonzero(spikes[:, j])[0]


def vars_of(group):
    return sorted(group.vars(method="relative"))


# ------------------------------------------------------------------------ LeakyIntegrator
def test_leaky_integrator_variables_and_reset_state():
    group = neurons.LeakyIntegrator((2, 3), keep_size=True, V_initializer=full(-1.0))
    assert vars_of(group) == ["V", "input"]  # no spike: the model never fires
    assert group.V.shape == (2, 3) and group.input.shape == (2, 3)
    np.testing.assert_array_equal(group.V.value, -1.0)
    V = group.V
    group.V.value = jnp.zeros((2, 3))
    group.reset_state()
    assert group.V is V
    np.testing.assert_array_equal(group.V.value, -1.0)
    group.reset_state(4)
    assert group.V.shape == (4, 2, 3) and group.input.shape == (4, 2, 3)
    batched = neurons.LeakyIntegrator(5, mode=bm.BatchingMode(3))
    assert batched.V.shape == (3, 5) and batched.V.batch_axis == 0
    assert not hasattr(neurons.LeakyIntegrator(2, input_var=False), "input")


def test_leaky_integrator_one_step_and_return_value():
    V_rest, R, tau, dt = -60.0, 2.0, 15.0, 0.1
    V0 = np.array([-70.0, -60.0, -50.0])
    I = np.array([0.0, 3.0, -4.0])
    group = neurons.LeakyIntegrator(3, V_rest=V_rest, R=R, tau=tau, V_initializer=lambda s: V0)
    out = one_step(group, jnp.asarray(I), dt)
    expected = exp_euler(V0, (-(V0 - V_rest) + R * I) / tau, -1.0 / tau, dt)
    np.testing.assert_allclose(out, expected, rtol=1e-6)
    np.testing.assert_array_equal(out, group.V.value)  # update returns V


def test_leaky_integrator_relaxes_to_v_rest_plus_r_i_as_the_exponential():
    V_rest, R, tau, dt, n = -65.0, 3.0, 8.0, 0.1, 1000
    I = np.array([0.0, 1.0, 5.0, -2.0], dtype=np.float32)
    group = neurons.LeakyIntegrator(4, V_rest=V_rest, R=R, tau=tau, V_initializer=full(-70.0))
    out, (V,) = simulate(group, n, dt, jnp.asarray(I))
    t = dt * np.arange(1, n + 1)[:, None]
    v_inf = V_rest + R * I
    # float32: near V∞ a step's change falls below half an ulp of |V| ~ 70, so V stalls
    # within about ulp / (2 (1 - e^(-dt/tau))) ~ 3e-4 of the exact value.
    np.testing.assert_allclose(V, v_inf + (-70.0 - v_inf) * np.exp(-t / tau), atol=5e-4)
    np.testing.assert_allclose(V[-1], v_inf, atol=5e-4)
    np.testing.assert_array_equal(out, V)


def test_leaky_integrator_input_var_false_takes_the_argument():
    group = neurons.LeakyIntegrator(1, tau=10.0, input_var=False)
    assert one_step(group, 10.0, 0.1)[0] == pytest.approx(10.0 * -np.expm1(-0.01), rel=1e-6)
    group.clear_input()  # a no-op without an input Variable
    assert one_step(group, None, 0.1)[0] == pytest.approx(
        10.0 * -np.expm1(-0.01) * np.exp(-0.01), rel=1e-6
    )


def test_leaky_integrator_noise_reaches_the_ornstein_uhlenbeck_spread():
    tau, dt = 10.0, 0.1
    group = neurons.LeakyIntegrator(2000, tau=tau, noise=1.0, input_var=False)

    def run(seed):
        bm.random.seed(seed)
        group.reset_state()
        simulate(group, 1000, dt)  # 10 tau: close to stationary
        return np.asarray(group.V.value)

    a, b, c = run(5), run(5), run(6)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    assert abs(a.mean()) < 0.2
    assert 2.0 < a.std() < 2.45  # sigma * sqrt(tau / 2) = 2.24


def test_noise_functions_receive_the_old_state():
    # A callable noise g gets the variables of the joint system, then t and the input.
    seen = []

    def g(I1, I2, V_th, V, t, I):
        seen.append(len((I1, I2, V_th, V, t, I)))
        return jnp.zeros_like(V)

    noisy = neurons.GIF(2, noise=g, V_initializer=full(-60.0))
    plain = neurons.GIF(2, V_initializer=full(-60.0))
    _, (V1,) = simulate(noisy, 50, 0.1, 1.2)
    _, (V0,) = simulate(plain, 50, 0.1, 1.2)
    assert seen and set(seen) == {6}  # called (when traced) with six arguments
    np.testing.assert_allclose(V1, V0)


# --------------------------------------------------------------------------------- AdQuaIF
def test_adquaif_variables_and_reset_state():
    group = neurons.AdQuaIF(4)
    assert vars_of(group) == ["V", "input", "spike", "w"]
    for name in ("V", "w", "input", "spike"):
        assert getattr(group, name).shape == (4,)
    assert group.spike.dtype == jnp.bool_
    np.testing.assert_array_equal(group.V.value, 0.0)  # 2.3.5's ZeroInit defaults
    np.testing.assert_array_equal(group.w.value, 0.0)
    group.reset_state(3)
    for name in ("V", "w", "input", "spike"):
        assert getattr(group, name).shape == (3, 4)
    with_ref = neurons.AdQuaIF(2, tau_ref=1.0, ref_var=True)
    assert vars_of(with_ref) == [
        "V",
        "input",
        "ref_left",
        "refractory",
        "spike",
        "t_last_spike",
        "w",
    ]


def test_adquaif_one_step_matches_the_equations():
    V_rest, V_c, a, c, tau, tau_w, dt = -65.0, -50.0, 0.5, 0.07, 10.0, 20.0, 0.1
    V0, w0, I = np.array([-60.0, -45.0]), np.array([2.0, -1.0]), np.array([5.0, 0.0])
    group = neurons.AdQuaIF(
        2,
        a=a,
        tau_w=tau_w,
        V_initializer=lambda s: V0,
        w_initializer=lambda s: w0,
    )
    spikes = one_step(group, jnp.asarray(I), dt)
    fV = (c * (V0 - V_rest) * (V0 - V_c) - w0 + I) / tau
    aV = c * (2 * V0 - V_rest - V_c) / tau
    fw = (a * (V0 - V_rest) - w0) / tau_w
    assert not spikes.any()
    np.testing.assert_allclose(group.V.value, exp_euler(V0, fV, aV, dt), rtol=1e-6)
    np.testing.assert_allclose(group.w.value, exp_euler(w0, fw, -1.0 / tau_w, dt), rtol=1e-5)


def test_adquaif_spike_resets_v_and_increments_w():
    b, V_reset = 0.7, -68.0
    group = neurons.AdQuaIF(1, b=b, V_initializer=full(-31.0), w_initializer=full(1.0))
    spikes = one_step(group, 100.0, 0.1)
    fV = (0.07 * 34.0 * 19.0 - 1.0 + 100.0) / 10.0
    assert exp_euler(-31.0, fV, 0.07 * (2 * -31.0 + 115.0) / 10.0, 0.1) >= -30.0  # crosses
    assert spikes[0]
    assert float(group.V.value[0]) == V_reset
    w_int = exp_euler(1.0, (34.0 - 1.0) / 10.0, -0.1, 0.1)
    assert float(group.w.value[0]) == pytest.approx(w_int + b, rel=1e-6)


def test_adquaif_fires_repetitively_only_above_rheobase():
    # With w at its steady state a (V - V_rest), a fixed point exists while
    # I <= (c (V_c - V_rest) + a)^2 / (4 c) = 2.05^2 / 0.28 = 15.0.
    I = np.array([0.0, 14.0, 16.0, 30.0], dtype=np.float32)
    group = neurons.AdQuaIF(4, V_initializer=full(-65.0))
    spikes, (V,) = simulate(group, 5000, 0.1, jnp.asarray(I))
    counts = spikes[1000:].sum(axis=0)  # after the onset (w lags the step of input)
    assert counts[0] == 0 and counts[1] == 0
    assert counts[2] > 5 and counts[3] > counts[2]
    for j in (2, 3):
        isis = np.diff(spike_steps(spikes, j))
        assert isis[0] < isis[-1]  # the adaptation current lengthens the intervals ...
        assert isis[-4:].max() - isis[-4:].min() <= 1  # ... until the train is regular
    assert V.max() < -30.0  # every upswing is cut at V_th
    np.testing.assert_array_equal(V[:, 0], -65.0)  # the rest is an exact fixed point


def test_adquaif_tau_ref_holds_v():
    dt, tau_ref = 0.1, 2.0
    group = neurons.AdQuaIF(1, tau_ref=tau_ref, V_initializer=full(-65.0))
    spikes, (V, w) = simulate(group, 2000, dt, 30.0, record=("V", "w"))
    k = spike_steps(spikes)[0]
    n_ref = round(tau_ref / dt)
    np.testing.assert_array_equal(V[k : k + n_ref + 1, 0], -68.0)
    assert V[k + n_ref + 1, 0] != -68.0
    assert np.all(np.diff(w[k : k + n_ref + 1, 0]) != 0)  # w keeps evolving


# ------------------------------------------------------------------------------------- GIF
def test_gif_variables_initial_values_and_reset_state():
    group = neurons.GIF(3)
    assert vars_of(group) == ["I1", "I2", "V", "V_th", "input", "spike"]
    np.testing.assert_array_equal(group.V.value, -70.0)
    np.testing.assert_array_equal(group.V_th.value, -50.0)
    np.testing.assert_array_equal(group.I1.value, 0.0)
    np.testing.assert_array_equal(group.I2.value, 0.0)
    group.reset_state(2)
    for name in ("I1", "I2", "V", "V_th", "input", "spike"):
        assert getattr(group, name).shape == (2, 3)
    batched = neurons.GIF(3, mode=bm.BatchingMode(5))
    assert batched.V_th.shape == (5, 3) and batched.V_th.batch_axis == 0


def test_gif_one_step_matches_the_equations():
    p = dict(V_rest=-70.0, V_th_inf=-50.0, R=20.0, tau=20.0, a=0.005, b=0.01, k1=0.2, k2=0.02)
    dt, I = 0.1, 0.7
    V0, Vth0, I10, I20 = -60.0, -52.0, 1.0, -0.5
    group = neurons.GIF(
        1,
        **p,
        V_initializer=full(V0),
        Vth_initializer=full(Vth0),
        I1_initializer=full(I10),
        I2_initializer=full(I20),
    )
    assert not one_step(group, I, dt)[0]
    I1 = I10 * np.exp(-p["k1"] * dt)
    I2 = I20 * np.exp(-p["k2"] * dt)
    f_th = p["a"] * (V0 - p["V_rest"]) - p["b"] * (Vth0 - p["V_th_inf"])
    Vth = exp_euler(Vth0, f_th, -p["b"], dt)
    fV = (-(V0 - p["V_rest"]) + p["R"] * (I10 + I20 + I)) / p["tau"]
    V = exp_euler(V0, fV, -1.0 / p["tau"], dt)
    for name, want in (("I1", I1), ("I2", I2), ("V_th", Vth), ("V", V)):
        assert float(getattr(group, name).value[0]) == pytest.approx(want, rel=1e-6), name


@pytest.mark.parametrize(("V_th_reset", "raised"), [(-45.0, True), (-60.0, False)])
def test_gif_spike_applies_the_reset_rules(V_th_reset, raised):
    p = dict(R1=0.5, A1=2.0, R2=1.5, A2=-1.0, V_reset=-66.0, V_th_reset=V_th_reset)
    dt, I = 0.1, 5.0
    group = neurons.GIF(
        1,
        **p,
        V_initializer=full(-50.5),
        I1_initializer=full(1.0),
        I2_initializer=full(2.0),
    )
    assert one_step(group, I, dt)[0]
    I1 = np.exp(-0.2 * dt)
    I2 = 2.0 * np.exp(-0.02 * dt)
    Vth = -50.0  # at V_th_inf with a = 0: it does not move
    assert float(group.V.value[0]) == -66.0
    assert float(group.I1.value[0]) == pytest.approx(0.5 * I1 + 2.0, rel=1e-6)
    assert float(group.I2.value[0]) == pytest.approx(1.5 * I2 - 1.0, rel=1e-6)
    assert float(group.V_th.value[0]) == (V_th_reset if raised else Vth)


def test_gif_spike_test_uses_the_threshold_at_the_start_of_the_step():
    # As in 2.3.5: V' = -49.90 passes the old V_th = -50 but not the new one, -49.05.
    dt = 0.1
    group = neurons.GIF(1, V_th_inf=-40.0, b=1.0, V_initializer=full(-50.2))
    assert one_step(group, 4.0, dt)[0]
    Vth = -40.0 - 10.0 * np.exp(-1.0 * dt)
    V = exp_euler(-50.2, (-(-50.2 + 70.0) + 20.0 * 4.0) / 20.0, -1 / 20.0, dt)
    assert -50.0 < V < Vth
    assert float(group.V.value[0]) == -70.0
    assert float(group.V_th.value[0]) == pytest.approx(Vth, rel=1e-6)


def test_gif_fires_repetitively_like_a_lif_with_the_defaults():
    # a = 0, V_th starting at V_th_inf and A1 = A2 = 0: V_th stays -50 and I1 = I2 = 0, so the
    # interval is the LIF's from V_reset = -70 to -50 towards V_rest + R I.
    dt = 0.1
    I = np.array([0.0, 0.99, 1.5, 3.0], dtype=np.float32)
    spikes, (V_th,) = simulate(neurons.GIF(4), 5000, dt, jnp.asarray(I), record=("V_th",))
    assert spikes[:, 0].sum() == 0 and spikes[:, 1].sum() == 0  # V∞ = -70 + 20 I < -50
    np.testing.assert_array_equal(V_th, -50.0)
    for j in (2, 3):
        v_inf = -70.0 + 20.0 * I[j]
        steps = int(np.ceil(20.0 * np.log((v_inf + 70.0) / (v_inf + 50.0)) / dt))
        k = spike_steps(spikes, j)
        assert len(k) > 10
        assert k[0] == steps - 1
        np.testing.assert_array_equal(np.diff(k), steps)


def test_gif_spike_triggered_threshold_lengthens_the_intervals():
    dt = 0.1
    plain = neurons.GIF(1)
    raised = neurons.GIF(1, V_th_reset=-45.0)  # each spike lifts V_th to -45; it relaxes at b
    s0, _ = simulate(plain, 3000, dt, 3.0)
    s1, (V_th,) = simulate(raised, 3000, dt, 3.0, record=("V_th",))
    assert 0 < s1.sum() < s0.sum()
    k = spike_steps(s1)
    np.testing.assert_array_equal(V_th[k, 0], -45.0)
    assert np.all(np.diff(V_th[k[0] : k[1], 0]) < 0)


# --------------------------------------------------------------------------- HindmarshRose
def test_hindmarsh_rose_variables_and_reset_state():
    group = neurons.HindmarshRose(3)
    assert vars_of(group) == ["V", "input", "spike", "y", "z"]
    np.testing.assert_array_equal(group.V.value, 0.0)
    np.testing.assert_array_equal(group.y.value, -10.0)
    np.testing.assert_array_equal(group.z.value, 0.0)
    group.reset_state(2)
    for name in ("V", "y", "z", "input", "spike"):
        assert getattr(group, name).shape == (2, 3)


def test_hindmarsh_rose_one_step_matches_the_equations():
    a, b, c, d, r, s, V_rest, dt = 1.0, 2.5, 1.0, 5.0, 0.01, 4.0, -1.6, 0.01
    V0, y0, z0, I = np.array([0.5, -1.2]), np.array([-3.0, -6.0]), np.array([1.2, 3.0]), 2.5
    group = neurons.HindmarshRose(
        2,
        b=b,
        V_initializer=lambda sh: V0,
        y_initializer=lambda sh: y0,
        z_initializer=lambda sh: z0,
    )
    assert not one_step(group, I, dt).any()
    fV = y0 - a * V0**3 + b * V0**2 - z0 + I
    fy = c - d * V0**2 - y0
    fz = r * (s * (V0 - V_rest) - z0)
    np.testing.assert_allclose(
        group.V.value, exp_euler(V0, fV, -3 * a * V0**2 + 2 * b * V0, dt), rtol=1e-6
    )
    np.testing.assert_allclose(group.y.value, exp_euler(y0, fy, -1.0, dt), rtol=1e-6)
    np.testing.assert_allclose(group.z.value, exp_euler(z0, fz, -r, dt), rtol=1e-6)


def test_hindmarsh_rose_spikes_on_upward_crossings_only():
    group = neurons.HindmarshRose(1, V_initializer=full(0.99), y_initializer=full(0.0))
    assert one_step(group, 50.0, 0.01)[0]  # 0.99 -> above V_th = 1
    assert float(group.V.value[0]) > 1.0  # no reset
    assert not one_step(group, 50.0, 0.01)[0]  # still above: not a new spike


def test_hindmarsh_rose_bursts():
    # 2.3.5's example: b = 2.5, I = 3 bursts; b = 1, I = 2 is quiescent.
    dt = 0.01
    group = neurons.HindmarshRose(2, b=jnp.array([2.5, 1.0]))
    spikes, (V,) = simulate(group, 100_000, dt, jnp.array([3.0, 2.0]))
    assert spikes[:, 1].sum() == 0
    isis = np.diff(spike_steps(spikes)) * dt
    isis = isis[np.argmax(isis > 50.0) :]  # from the first silence on
    long = isis > 50.0
    assert long.sum() >= 3
    assert isis[~long].max() < 15.0  # spikes within a burst come fast ...
    assert isis[long].min() > 5 * isis[~long].max()  # ... and bursts are far apart
    per_burst = np.diff(np.nonzero(long)[0]) - 1
    assert np.all(per_burst >= 5) and np.ptp(per_burst) == 0  # the same burst each time


# ------------------------------------------------------------------------------------- FHN
def test_fhn_variables_and_reset_state():
    group = neurons.FHN(3)
    assert vars_of(group) == ["V", "input", "spike", "w"]
    assert group.spike.dtype == jnp.bool_
    np.testing.assert_array_equal(group.V.value, 0.0)
    np.testing.assert_array_equal(group.w.value, 0.0)
    group.reset_state(4)
    for name in ("V", "w", "input", "spike"):
        assert getattr(group, name).shape == (4, 3)


def test_fhn_one_step_matches_the_equations():
    a, b, tau, dt = 0.7, 0.8, 12.5, 0.1
    V0, w0, I = np.array([-1.2, 0.3]), np.array([-0.6, 0.9]), np.array([0.5, 1.0])
    group = neurons.FHN(2, V_initializer=lambda s: V0, w_initializer=lambda s: w0)
    assert not one_step(group, jnp.asarray(I), dt).any()
    fV = V0 - V0**3 / 3 - w0 + I
    fw = (V0 + a - b * w0) / tau
    np.testing.assert_allclose(group.V.value, exp_euler(V0, fV, 1 - V0**2, dt), rtol=1e-6)
    np.testing.assert_allclose(group.w.value, exp_euler(w0, fw, -b / tau, dt), rtol=1e-6)


def test_fhn_spikes_periodically_between_the_hopf_points():
    # The rest loses stability where 1 - V*^2 = b / tau, i.e. for about 0.33 < I < 1.42.
    dt = 0.05
    I = np.array([0.0, 0.3, 0.5, 1.0, 1.6], dtype=np.float32)
    spikes, (V,) = simulate(neurons.FHN(5), 20_000, dt, jnp.asarray(I))
    assert spikes[:, 0].sum() == 0 and spikes[:, 1].sum() == 0
    assert spikes[5000:, 4].sum() == 0  # a stable depolarised state after a transient
    for j in (2, 3):
        k = spike_steps(spikes, j)
        assert len(k) > 20
        isis = np.diff(k)[2:] * dt
        assert 30.0 < isis.mean() < 50.0 and np.ptp(isis) <= 2 * dt
    assert np.all(np.diff(V[:, 4][-2000:]) < 1e-6)  # settled, not oscillating


# ----------------------------------------------------------------------------- MorrisLecar
def test_morris_lecar_variables_and_reset_state():
    bm.random.seed(1)
    group = neurons.MorrisLecar(100)
    assert vars_of(group) == ["V", "W", "input", "spike"]
    V = np.asarray(group.V.value)
    assert np.all((V >= -70.0) & (V < -60.0)) and np.ptp(V) > 5.0  # Uniform(-70, -60)
    np.testing.assert_allclose(group.W.value, 0.02)
    group.reset_state(2)
    for name in ("V", "W", "input", "spike"):
        assert getattr(group, name).shape == (2, 100)


def _ml_dV(V, W, I, gCa=4.4, VCa=130.0, gK=8.0, VK=-84.0, gL=2.0, VL=-60.0, C=20.0):
    M = 0.5 * (1 + np.tanh((V + 1.2) / 18.0))
    return (-gCa * M * (V - VCa) - gK * W * (V - VK) - gL * (V - VL) + I) / C


def test_morris_lecar_one_step_matches_the_equations():
    dt = 0.1
    V0, W0, I = np.array([-40.0, 5.0]), np.array([0.1, 0.3]), np.array([60.0, 0.0])
    group = neurons.MorrisLecar(2, V_initializer=lambda s: V0, W_initializer=lambda s: W0)
    assert not one_step(group, jnp.asarray(I), dt).any()
    M = 0.5 * (1 + np.tanh((V0 + 1.2) / 18.0))
    dM = 0.5 / np.cosh((V0 + 1.2) / 18.0) ** 2 / 18.0
    aV = (-4.4 * (dM * (V0 - 130.0) + M) - 8.0 * W0 - 2.0) / 20.0
    rate = 0.04 * np.cosh((V0 - 2.0) / 60.0)  # 1 / tau_W
    fW = (0.5 * (1 + np.tanh((V0 - 2.0) / 30.0)) - W0) * rate
    V = exp_euler(V0, _ml_dV(V0, W0, I), aV, dt)
    np.testing.assert_allclose(group.V.value, V, rtol=1e-5)
    np.testing.assert_allclose(group.W.value, exp_euler(W0, fW, -rate, dt), rtol=1e-5)


def test_morris_lecar_fires_periodically_under_constant_drive():
    dt = 0.1
    group = neurons.MorrisLecar(2, V_initializer=full(-60.0))
    spikes, (V,) = simulate(group, 20_000, dt, jnp.array([0.0, 100.0]))
    assert spikes[:, 0].sum() == 0 and V[-1, 0] < -55.0
    k = spike_steps(spikes, 1)
    assert len(k) > 15
    isis = np.diff(k)[1:] * dt
    assert np.ptp(isis) <= 2 * dt
    assert 8.0 < 1000.0 / isis.mean() < 16.0  # Hz
    assert V[:, 1].max() > 30.0 and V[-2000:, 1].min() < -45.0  # full action potentials


# ------------------------------------------------------------------------ WangBuzsakiModel
def test_wang_buzsaki_variables_and_reset_state():
    group = neurons.WangBuzsakiModel(3)
    assert vars_of(group) == ["V", "h", "input", "n", "spike"]
    np.testing.assert_array_equal(group.V.value, -65.0)
    np.testing.assert_allclose(group.h.value, 0.6)
    np.testing.assert_allclose(group.n.value, 0.32)
    group.reset_state(5)
    for name in ("V", "h", "n", "input", "spike"):
        assert getattr(group, name).shape == (5, 3)


def _wb_rates(V):
    am = -0.1 * (V + 35) / (np.exp(-0.1 * (V + 35)) - 1)
    bm_ = 4 * np.exp(-(V + 60) / 18)
    ah, bh = 0.07 * np.exp(-(V + 58) / 20), 1 / (np.exp(-0.1 * (V + 28)) + 1)
    an = -0.01 * (V + 34) / (np.exp(-0.1 * (V + 34)) - 1)
    bn = 0.125 * np.exp(-(V + 44) / 80)
    return am / (am + bm_), ah, bh, an, bn


def _wb_dV(V, h, n, I):
    m = _wb_rates(V)[0]
    return -35 * m**3 * h * (V - 55) - 9 * n**4 * (V + 90) - 0.1 * (V + 65) + I


def test_wang_buzsaki_one_step_matches_the_equations():
    dt, phi = 0.05, 5.0
    V0, h0, n0 = np.array([-50.0, -20.0]), np.array([0.4, 0.2]), np.array([0.45, 0.6])
    I = np.array([1.0, 0.0])
    group = neurons.WangBuzsakiModel(
        2,
        V_initializer=lambda s: V0,
        h_initializer=lambda s: h0,
        n_initializer=lambda s: n0,
    )
    assert not one_step(group, jnp.asarray(I), dt).any()
    eps = 1e-5  # the linear part of dV/dt by a central difference
    aV = (_wb_dV(V0 + eps, h0, n0, I) - _wb_dV(V0 - eps, h0, n0, I)) / (2 * eps)
    _, ah, bh, an, bn = _wb_rates(V0)
    h = exp_euler(h0, phi * (ah * (1 - h0) - bh * h0), -phi * (ah + bh), dt)
    n = exp_euler(n0, phi * (an * (1 - n0) - bn * n0), -phi * (an + bn), dt)
    np.testing.assert_allclose(
        group.V.value, exp_euler(V0, _wb_dV(V0, h0, n0, I), aV, dt), rtol=1e-5
    )
    np.testing.assert_allclose(group.h.value, h, rtol=1e-5)
    np.testing.assert_allclose(group.n.value, n, rtol=1e-5)


def test_wang_buzsaki_rates_at_their_removable_singularities():
    # alpha_m at V = -35 and alpha_n at V = -34 are 0/0 in the formula; their limits are
    # 0.1 * 10 = 1 and 0.01 * 10 = 0.1.
    group = neurons.WangBuzsakiModel(1)
    h, n = 0.6, 0.32
    m = 1.0 / (1.0 + 4.0 * np.exp(-25.0 / 18.0))
    want = -35 * m**3 * h * (-35.0 - 55) - 9 * n**4 * (-35.0 + 90) - 0.1 * (-35.0 + 65)
    got = float(group.dV(jnp.float32(-35.0), 0.0, h, n, 0.0))
    assert got == pytest.approx(want, rel=1e-5)
    near = float(group.dV(jnp.float32(-35.01), 0.0, h, n, 0.0))
    assert near == pytest.approx(_wb_dV(-35.01, h, n, 0.0), rel=1e-5)
    bn = 0.125 * np.exp(-10.0 / 80.0)
    got = float(group.dn(jnp.float32(n), 0.0, jnp.float32(-34.0)))
    assert got == pytest.approx(5.0 * (0.1 * (1 - n) - bn * n), rel=1e-5)
    share.save(t=0.0, dt=0.05)
    group.V.value = jnp.array([-35.0])
    group(0.0)
    assert np.all(np.isfinite(group.V.value)) and np.all(np.isfinite(group.n.value))


def test_wang_buzsaki_fires_periodically_under_constant_drive():
    dt = 0.05
    I = np.array([0.0, 1.0, 5.0], dtype=np.float32)
    spikes, (V,) = simulate(neurons.WangBuzsakiModel(3), 20_000, dt, jnp.asarray(I))
    assert spikes[:, 0].sum() == 0
    rates = []
    for j in (1, 2):
        k = spike_steps(spikes, j)
        isis = np.diff(k)[2:] * dt
        assert len(isis) > 20 and np.ptp(isis) <= 2 * dt + 1e-9
        rates.append(1000.0 / isis.mean())
    assert 40.0 < rates[0] < 70.0 and rates[1] > 2 * rates[0]  # a fast-spiking cell
    assert V[:, 1].max() > 20.0 and V[:, 1].min() < -65.0


# ----------------------------------------------------------------------- all seven models
MODELS = [
    (neurons.LeakyIntegrator, dict(tau=5.0), 2.0, ["V"]),
    (neurons.AdQuaIF, dict(V_initializer=full(-65.0)), 30.0, ["V", "w", "spike"]),
    (neurons.GIF, dict(), 1.5, ["V", "V_th", "I1", "spike"]),
    (neurons.HindmarshRose, dict(b=2.5), 3.0, ["V", "z", "spike"]),
    (neurons.FHN, dict(), 1.0, ["V", "w", "spike"]),
    (neurons.MorrisLecar, dict(V_initializer=full(-60.0)), 100.0, ["V", "W", "spike"]),
    (neurons.WangBuzsakiModel, dict(), 1.0, ["V", "n", "spike"]),
]
MODEL_IDS = [m[0].__name__ for m in MODELS]


@pytest.mark.parametrize(("cls", "kwargs", "I", "monitors"), MODELS, ids=MODEL_IDS)
def test_models_run_under_a_jitted_dsrunner(cls, kwargs, I, monitors):
    group = cls(2, **kwargs)
    runner = bd.DSRunner(
        group, inputs=[("input", I)], monitors=monitors, progress_bar=False, jit=True
    )
    runner.run(100.0)
    n = round(100.0 / bm.get_dt())
    assert runner.mon["V"].shape == (n, 2)
    ref = cls(2, **kwargs)
    _, recs = simulate(ref, n, bm.get_dt(), I, record=monitors)
    for name, rec in zip(monitors, recs):
        np.testing.assert_allclose(runner.mon[name], rec, rtol=1e-5, atol=1e-5, err_msg=name)
    if "spike" in monitors and cls is not neurons.HindmarshRose:  # HR's bursts start later
        assert runner.mon["spike"].any()


@pytest.mark.parametrize(("cls", "kwargs", "I", "monitors"), MODELS, ids=MODEL_IDS)
def test_models_in_training_mode(cls, kwargs, I, monitors):
    group = cls(3, mode=bm.training_mode, **kwargs)
    assert group.V.shape == (1, 3)
    if not hasattr(group, "spike"):
        return
    surrogate = cls in (neurons.AdQuaIF, neurons.GIF, neurons.HindmarshRose)
    assert group.spike.dtype == (bm.get_float() if surrogate else jnp.bool_)
    if not surrogate:
        return
    dt = 0.1

    def loss(x):
        group.reset_state()

        def step(i):
            share.save(t=i * dt, dt=dt)
            return group(x)

        return bm.for_loop(step, jnp.arange(400)).sum()

    x = jnp.full((1, 3), I)
    assert float(loss(x)) > 0
    grads = bm.grad(loss, argnums=0)(x)
    assert np.all(np.isfinite(grads)) and np.any(np.asarray(grads) != 0)


def test_public_names_and_module():
    for name in (
        "LeakyIntegrator",
        "AdQuaIF",
        "GIF",
        "HindmarshRose",
        "FHN",
        "MorrisLecar",
        "WangBuzsakiModel",
    ):
        assert name in neurons.__all__
        assert getattr(neurons, name).__module__ == "brainpy_dyn.neurons"


@pytest.mark.parametrize(
    ("cls", "kwargs", "error", "match"),
    [
        (neurons.LeakyIntegrator, dict(tau=0.0), ValueError, "LeakyIntegrator: tau"),
        (neurons.LeakyIntegrator, dict(method="rk45"), ValueError, "LeakyIntegrator: .*method"),
        (neurons.LeakyIntegrator, dict(V_initializer=1.0), TypeError, "V_initializer"),
        (neurons.AdQuaIF, dict(tau=-1.0), ValueError, "AdQuaIF: tau must"),
        (neurons.AdQuaIF, dict(tau_w=0.0), ValueError, "AdQuaIF: tau_w"),
        (neurons.AdQuaIF, dict(c=0.0), ValueError, "AdQuaIF: c must"),
        (neurons.AdQuaIF, dict(tau_ref=-1.0), ValueError, "AdQuaIF: tau_ref"),
        (neurons.AdQuaIF, dict(spike_fun=None), TypeError, "AdQuaIF: spike_fun"),
        (neurons.GIF, dict(tau=0.0), ValueError, "GIF: tau"),
        (neurons.GIF, dict(k1=-0.2), ValueError, "GIF: k1"),
        (neurons.GIF, dict(k2=np.array([0.1, -0.1])), ValueError, "GIF: k2"),
        (neurons.GIF, dict(b=-0.01), ValueError, "GIF: b must"),
        (neurons.GIF, dict(Vth_initializer="x"), TypeError, "GIF: Vth_initializer"),
        (neurons.HindmarshRose, dict(r=-0.01), ValueError, "HindmarshRose: r must"),
        (neurons.HindmarshRose, dict(method="nope"), ValueError, "HindmarshRose: .*method"),
        (neurons.FHN, dict(tau=0.0), ValueError, "FHN: tau"),
        (neurons.FHN, dict(Vth=np.zeros(3)), ValueError, "Vth"),
        (neurons.MorrisLecar, dict(C=0.0), ValueError, "MorrisLecar: C must"),
        (neurons.MorrisLecar, dict(phi=-0.04), ValueError, "MorrisLecar: phi"),
        (neurons.MorrisLecar, dict(V2=0.0), ValueError, "MorrisLecar: V2"),
        (neurons.MorrisLecar, dict(V4=-30.0), ValueError, "MorrisLecar: V4"),
        (neurons.WangBuzsakiModel, dict(C=0.0), ValueError, "WangBuzsakiModel: C must"),
        (neurons.WangBuzsakiModel, dict(phi=0.0), ValueError, "WangBuzsakiModel: phi"),
        (neurons.WangBuzsakiModel, dict(h_initializer=None), TypeError, "h_initializer"),
    ],
)
def test_bad_arguments(cls, kwargs, error, match):
    with pytest.raises(error, match=match):
        cls(2, **kwargs)

"""brainpy_dyn.neurons: LIF against its analytic solution, refractoriness, modes, other models."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn import neurons
from brainpy_dyn.errors import ModeTypeError, NeuGroupSizeError

share = bd.share


@pytest.fixture(autouse=True)
def _clean_share():
    share.clear_shargs()
    yield
    share.clear_shargs()


def full(value):
    return lambda shape: jnp.full(shape, value, dtype=jnp.float32)


def simulate(model, n, dt, x=None, record=("V",), clear=True):
    """Run ``n`` steps in one compiled loop; return the spikes and the recorded Variables."""

    def step(i):
        share.save(t=i * dt, i=i, dt=dt)
        if clear:
            model.clear_input()
        spike = model(x)
        return spike, [getattr(model, name).value for name in record]

    spikes, recs = bm.for_loop(step, jnp.arange(n))
    return np.asarray(spikes), [np.asarray(r) for r in recs]


# ---------------------------------------------------------------------------------- LIF
def test_lif_follows_the_analytic_solution():
    V_rest, R, tau, dt, n = -60.0, 2.0, 20.0, 0.1, 2000
    I = np.array([0.0, 2.0, 5.0, 9.0], dtype=np.float32)
    lif = neurons.LIF(4, V_rest=V_rest, V_th=100.0, R=R, tau=tau, V_initializer=full(-70.0))
    spikes, (V,) = simulate(lif, n, dt, I)
    assert not spikes.any()
    t = dt * np.arange(1, n + 1)[:, None]
    v_inf = V_rest + R * I
    np.testing.assert_allclose(V, v_inf + (-70.0 - v_inf) * np.exp(-t / tau), atol=2e-4)


def test_lif_first_spike_time():
    V0, V_th, tau, I, dt = 0.0, 20.0, 10.0, 30.0, 0.01  # V_inf = V_rest + R I = 30
    lif = neurons.LIF(1, V_rest=0.0, V_th=V_th, tau=tau, V_initializer=full(V0))
    spikes, _ = simulate(lif, 3000, dt, I)
    k = int(np.argmax(spikes[:, 0]))
    t_star = tau * np.log((I - V0) / (I - V_th))  # 10 ln 3 = 10.986 ms
    # The spike is emitted by the step [k dt, (k + 1) dt) during which V reaches V_th.
    assert k * dt < t_star <= (k + 1) * dt + 1e-6


def _hold_lengths(spikes, V, V_reset):
    """For each spike, the number of following steps whose V stays exactly V_reset."""
    lengths = []
    for k in np.nonzero(spikes)[0]:
        j = k + 1
        while j < len(V) and V[j] == V_reset:
            j += 1
        if j < len(V):
            lengths.append(j - k - 1)
    return np.array(lengths)


@pytest.mark.parametrize(("tau_ref", "dt"), [(2.0, 0.1), (1.26, 0.1), (0.3, 0.1), (0.0, 0.1)])
def test_lif_refractory_lasts_round_tau_ref_over_dt_steps_for_1e5_steps(tau_ref, dt):
    V_reset = -5.0
    lif = neurons.LIF(1, V_reset=V_reset, tau_ref=tau_ref, ref_var=True, V_initializer=full(0.0))
    n = 100_000
    spikes, (V, t_last, refractory) = simulate(
        lif, n, dt, 50.0, record=("V", "t_last_spike", "refractory")
    )
    spikes, V = spikes[:, 0], V[:, 0]
    n_ref = round(tau_ref / dt)
    holds = _hold_lengths(spikes, V, V_reset)
    assert len(holds) > 1000
    np.testing.assert_array_equal(holds, n_ref)  # first spikes and those near step 1e5
    isis = np.diff(np.nonzero(spikes)[0])
    assert isis.min() == isis.max()  # perfectly periodic: no drift at long times
    last = np.nonzero(spikes)[0][-1]
    assert t_last[-1, 0] == pytest.approx(last * dt, rel=1e-6)
    # ``refractory``: the spike step and the held steps.
    np.testing.assert_array_equal(refractory[last : last + n_ref + 1, 0], True)
    if last + n_ref + 1 < n:
        assert not refractory[last + n_ref + 1, 0]


def test_lif_input_var_accumulates_and_clears():
    share.save(t=0.0, dt=0.1)
    lif = neurons.LIF(3)
    no_var = neurons.LIF(3, input_var=False)

    @bm.jit
    def two_inputs():
        lif(1.0)
        lif(bm.array([1.0, 2.0, 3.0]))
        no_var(10.0)

    two_inputs()
    np.testing.assert_allclose(lif.input.value, [2.0, 3.0, 4.0])
    lif.clear_input()
    np.testing.assert_array_equal(lif.input.value, 0.0)
    assert not hasattr(no_var, "input")
    no_var.clear_input()  # a no-op without an input Variable
    assert float(no_var.V.value[0]) == pytest.approx(10 * (1 - np.exp(-0.01)), rel=1e-5)


def test_lif_variables_and_reset_state():
    lif = neurons.LIF((2, 3), keep_size=True, tau_ref=1.0, V_initializer=full(1.0))
    assert sorted(lif.vars(method="relative")) == [
        "V",
        "input",
        "ref_left",
        "spike",
        "t_last_spike",
    ]
    assert lif.V.shape == (2, 3) and lif.spike.dtype == jnp.bool_
    assert lif.ref_left.dtype == jnp.int32
    np.testing.assert_array_equal(lif.t_last_spike.value, -1e7)
    V = lif.V
    lif.V.value = jnp.zeros((2, 3))
    lif.reset_state()
    assert lif.V is V  # refilled in place, so compiled loops keep seeing the same Variable
    np.testing.assert_array_equal(lif.V.value, 1.0)


def test_lif_per_neuron_parameters():
    tau = np.array([5.0, 10.0, 20.0], dtype=np.float32)
    lif = neurons.LIF(3, tau=tau, V_th=1e3, input_var=False, V_initializer=full(10.0))
    _, (V,) = simulate(lif, 10, 0.1)
    np.testing.assert_allclose(V[-1], 10.0 * np.exp(-1.0 / tau), rtol=1e-5)


def test_lif_batching_mode():
    lif = neurons.LIF(5, mode=bm.BatchingMode(4), V_initializer=full(0.0))
    assert lif.V.shape == (4, 5) and lif.V.batch_axis == 0 and lif.spike.dtype == jnp.bool_
    I = jnp.linspace(0.0, 60.0, 4)[:, None] * jnp.ones((4, 5))
    spikes, _ = simulate(lif, 200, 0.1, I)
    counts = spikes.sum(axis=0)[:, 0]
    assert counts[0] == 0 and np.all(np.diff(counts) >= 0) and counts[-1] > 0
    lif.reset_state(7)
    assert lif.V.shape == (7, 5) and lif.input.shape == (7, 5)


def test_lif_training_mode_gives_float_spikes_and_surrogate_gradients():
    lif = neurons.LIF(
        4,
        mode=bm.training_mode,
        V_rest=0.0,
        V_reset=0.0,
        V_th=1.0,
        tau=5.0,
        input_var=False,
        tau_ref=0.5,
    )
    assert lif.V.shape == (1, 4) and lif.spike.dtype == bm.get_float()
    dt = 0.1

    def loss(I):
        lif.reset_state()

        def step(i):
            share.save(t=i * dt, dt=dt)
            return lif(I)

        return bm.for_loop(step, jnp.arange(50)).sum()

    I = jnp.array([[0.5, 1.5, 3.0, 10.0]])
    grads = bm.grad(loss, argnums=0)(I)
    assert np.all(np.isfinite(grads)) and np.any(np.asarray(grads) != 0)
    spikes = bm.for_loop(lambda i: (share.save(t=i * dt, dt=dt), lif(I))[1], jnp.arange(50))
    assert spikes.dtype == bm.get_float()
    np.testing.assert_array_equal(np.unique(spikes), [0.0, 1.0])


def test_lif_noise_is_reproducible_by_seed():
    lif = neurons.LIF(100, noise=1.0, V_th=1e3, input_var=False)

    def step(i):
        share.save(t=i * 0.1, dt=0.1)
        lif()

    def run(seed):
        bm.random.seed(seed)
        lif.reset_state()
        bm.for_loop(step, jnp.arange(100))  # the same body: compiled once
        return np.asarray(lif.V.value)

    a, b, c = run(3), run(3), run(4)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    assert 0.5 < np.std(a) < 3.0  # stationary std sigma * sqrt(tau / 2) ~ 2.2, not yet reached


def test_lif_runs_under_dsrunner():
    lif = neurons.LIF(2, tau_ref=2.0, V_initializer=full(0.0))
    runner = bd.DSRunner(lif, inputs=[("input", 30.0)], monitors=["spike", "V"], progress_bar=False)
    runner.run(50.0)
    assert runner.mon["spike"].shape == (500, 2)
    ref = neurons.LIF(2, tau_ref=2.0, V_initializer=full(0.0))
    spikes, (V,) = simulate(ref, 500, 0.1, 30.0)
    np.testing.assert_array_equal(runner.mon["spike"], spikes)
    np.testing.assert_allclose(runner.mon["V"], V, rtol=1e-6)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        (dict(size="10"), NeuGroupSizeError, "size"),
        (dict(size=3.5), NeuGroupSizeError, "size"),
        (dict(size=3, tau=0.0), ValueError, "tau"),
        (dict(size=3, tau=np.array([1.0, -1.0, 2.0])), ValueError, "tau"),
        (dict(size=3, tau_ref=-1.0), ValueError, "tau_ref"),
        (dict(size=3, method="rk45"), ValueError, "method"),
        (dict(size=3, V_initializer=1.0), TypeError, "V_initializer"),
        (dict(size=3, spike_fun=None), TypeError, "spike_fun"),
        (dict(size=3, V_th=np.zeros(4)), ValueError, "V_th"),
        (dict(size=3, mode="training"), ModeTypeError, "mode"),
    ],
)
def test_lif_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        neurons.LIF(**kwargs)


# ------------------------------------------------------------------------- other models
def _spike_times(spikes, dt):
    return np.nonzero(spikes[:, 0])[0] * dt


def test_hh_fires_repetitively_near_68_hz():
    dt = 0.05
    hh = neurons.HH(2, V_initializer=full(-65.0))
    assert float(hh.m.value[0]) == pytest.approx(float(neurons.HH.steady_state("m", -65.0)))
    spikes, (V,) = simulate(hh, int(round(500 / dt)), dt, jnp.array([10.0, 0.0]))
    times = np.nonzero(spikes[:, 0])[0] * dt
    rate = np.sum(times > 100.0) / 0.4
    assert 60.0 < rate < 80.0
    assert np.ptp(np.diff(times)[5:]) < 0.5  # a regular train
    assert spikes[:, 1].sum() == 0 and np.all(np.isfinite(V))


def test_hh_rates_at_their_removable_singularities():
    # alpha_m(-40) = 0.1 * 10 and alpha_n(-55) = 0.01 * 10: the limits of x / (1 - e^(-x/10)).
    am, bm_ = 1.0, 4.0 * np.exp(-25.0 / 18.0)
    assert float(neurons.HH.steady_state("m", -40.0)) == pytest.approx(am / (am + bm_), rel=1e-6)
    an, bn = 0.1, 0.125 * np.exp(-10.0 / 80.0)
    assert float(neurons.HH.steady_state("n", -55.0)) == pytest.approx(an / (an + bn), rel=1e-6)
    near = float(neurons.HH.steady_state("m", -40.0 + 1e-4))
    assert near == pytest.approx(am / (am + bm_), rel=1e-4)


def test_izhikevich_regular_spiking():
    izh = neurons.Izhikevich(1)
    np.testing.assert_allclose(izh.u.value, 0.2 * -70.0)
    spikes, _ = simulate(izh, 10_000, 0.1, 10.0)
    isis = np.diff(_spike_times(spikes, 0.1))
    assert len(isis) > 10
    assert isis[0] < isis[-1]  # spike-frequency adaptation
    np.testing.assert_allclose(isis[5:], isis[-1], rtol=0.01)  # then regular
    assert 10.0 < 1000.0 / isis[-1] < 40.0


def test_adex_adaptation_lengthens_isis():
    adex = neurons.AdExIF(1, V_initializer=full(-65.0))
    spikes, (w,) = simulate(adex, 5000, 0.1, 20.0, record=("w",))
    isis = np.diff(_spike_times(spikes, 0.1))
    assert len(isis) > 10
    assert np.all(np.diff(isis[:6]) > 0)
    assert isis[-1] > 1.2 * isis[0]
    # The first spike adds b = 1 to w: compare with the same neuron with b = 0.
    k = np.nonzero(spikes[:, 0])[0][0]
    no_b = neurons.AdExIF(1, b=0.0, V_initializer=full(-65.0))
    _, (w0,) = simulate(no_b, k + 1, 0.1, 20.0, record=("w",))
    np.testing.assert_allclose(w[:k, 0], w0[:k, 0])
    assert w[k, 0] - w0[k, 0] == pytest.approx(1.0, rel=1e-5)


@pytest.mark.parametrize(
    ("cls", "low", "high"), [(neurons.QuaIF, 3.8, 10.0), (neurons.ExpIF, 1.55, 5.0)]
)
def test_quadratic_and_exponential_if_fire_only_above_rheobase(cls, low, high):
    quiet = cls(1, V_initializer=full(-65.0))
    assert simulate(quiet, 5000, 0.1, low)[0].sum() == 0
    loud = cls(1, V_initializer=full(-65.0), tau_ref=1.7)
    spikes, (V,) = simulate(loud, 5000, 0.1, high)
    assert spikes.sum() > 5
    assert V.max() < float(loud.V_th)  # every upswing is cut at V_th


def test_other_models_bad_arguments():
    with pytest.raises(ValueError, match="delta_T"):
        neurons.ExpIF(2, delta_T=0.0)
    with pytest.raises(ValueError, match="tau_w"):
        neurons.AdExIF(2, tau_w=-1.0)
    with pytest.raises(ValueError, match="C"):
        neurons.HH(2, C=0.0)
    with pytest.raises(ValueError, match="method"):
        neurons.Izhikevich(2, method="nope")
    with pytest.raises(ValueError, match="c must"):
        neurons.QuaIF(2, c=-0.07)


def test_models_in_training_mode_have_float_spikes():
    classes = (neurons.ExpIF, neurons.AdExIF, neurons.QuaIF, neurons.Izhikevich)
    groups = [cls(3, mode=bm.training_mode) for cls in classes]
    for group in groups:
        assert group.spike.dtype == bm.get_float() and group.V.shape == (1, 3)

    def step(i):
        share.save(t=i * 0.1, dt=0.1)
        return [group(jnp.ones((1, 3))) for group in groups]

    for out in bm.for_loop(step, jnp.arange(3)):
        assert out.dtype == bm.get_float() and out.shape == (3, 1, 3)


# --------------------------------------------------------------------------- surrogates
def test_surrogate_functions():
    sg = neurons.surrogate
    x = jnp.array([-2.0, -0.1, 0.0, 0.3])
    np.testing.assert_array_equal(sg.inv_square_grad(x), [0, 0, 1, 1])
    np.testing.assert_array_equal(sg.sigmoid(x), [0, 0, 1, 1])
    g = jax.vmap(jax.grad(lambda v: sg.inv_square_grad(v, 100.0)))(x)
    np.testing.assert_allclose(g, 1 / (100 * np.abs(x) + 1) ** 2, rtol=1e-6)
    g = jax.vmap(jax.grad(lambda v: sg.sigmoid(v, 4.0)))(x)
    s = 1 / (1 + np.exp(-4 * np.asarray(x)))
    np.testing.assert_allclose(g, 4 * s * (1 - s), rtol=1e-5)
    with pytest.raises(ValueError, match="alpha"):
        sg.sigmoid(x, alpha=0.0)


# --------------------------------------------------------------------------- input groups
def test_poisson_group_rate_and_reproducibility():
    n, rate, dt, steps = 1000, 20.0, 0.1, 1000
    groups = [
        neurons.PoissonGroup(n, freqs=rate, seed=42),
        neurons.PoissonGroup(n, freqs=rate, seed=42),
        neurons.PoissonGroup(n, freqs=rate, seed=7),
        neurons.PoissonGroup(n, freqs=0.0, seed=1),
    ]

    def step(i):
        share.save(t=i * dt, dt=dt)
        return [g() for g in groups]

    spikes, again, other, silent = (np.asarray(x) for x in bm.for_loop(step, jnp.arange(steps)))
    expected = n * steps * rate * dt / 1000.0  # 2000
    assert abs(spikes.sum() - expected) < 5 * np.sqrt(expected)
    assert not np.array_equal(spikes[0], spikes[1])  # the key advances inside the loop
    np.testing.assert_array_equal(spikes, again)
    assert not np.array_equal(spikes, other)
    assert silent.sum() == 0


def test_poisson_group_per_neuron_rates_and_modes():
    freqs = np.array([0.0, 1000.0 / 0.1])  # never, and every step
    group = neurons.PoissonGroup(2, freqs=freqs, seed=0, mode=bm.BatchingMode(3))
    spikes, _ = simulate(group, 50, 0.1, record=(), clear=False)
    assert spikes.shape == (50, 3, 2)
    assert spikes[..., 0].sum() == 0 and spikes[..., 1].all()
    with pytest.raises(ValueError, match="freqs"):
        neurons.PoissonGroup(2, freqs=-1.0)
    with pytest.raises(TypeError, match="no input"):
        group(1.0)


def test_spike_time_group_emits_at_exact_steps():
    dt = 0.1
    times = [0.3, 0.3, 1.0, 2.5, 9999.9]  # 0.3/0.1 and 9999.9/0.1 are not exact in floats
    indices = [0, 2, 1, 0, 3]
    group = neurons.SpikeTimeGroup(4, times=times, indices=indices)
    spikes, _ = simulate(group, 100_001, dt, record=(), clear=False)
    got = sorted(zip(*np.nonzero(spikes)))
    want = sorted((round(t / dt), i) for t, i in zip(times, indices))
    assert [(int(a), int(b)) for a, b in got] == want
    with pytest.raises(ValueError, match="same length"):
        neurons.SpikeTimeGroup(2, times=[1.0], indices=[0, 1])
    with pytest.raises(ValueError, match="indices"):
        neurons.SpikeTimeGroup(2, times=[1.0], indices=[2])

"""brainpy_dyn.neurons: ALIFBellec2020, OUProcess, InputGroup and OutputGroup.

ALIF: one step against its equations in NumPy, the adaptive threshold, the spike-triggered
jump of ``a``, refractoriness, training mode. OU: the stationary mean, variance and lag-1
correlation over many processes against the exact AR(1) values of the scheme. Every model:
jitted against eager steps, and bad arguments.
"""

from __future__ import annotations

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn import neurons
from brainpy_dyn.errors import NeuGroupSizeError

share = bd.share


@pytest.fixture(autouse=True)
def _clean_share():
    share.clear_shargs()
    yield
    share.clear_shargs()


def full(value):
    return lambda shape: jnp.full(shape, value, dtype=jnp.float32)


def simulate(model, n, dt, x=None, record=("V",)):
    """Run ``n`` steps in one compiled loop; return the outputs and the recorded Variables."""

    def step(i):
        share.save(t=i * dt, i=i, dt=dt)
        model.clear_input()
        out = model() if x is None else model(x)
        return out, [getattr(model, name).value for name in record]

    outs, recs = bm.for_loop(step, jnp.arange(n))
    return np.asarray(outs), [np.asarray(r) for r in recs]


# ------------------------------------------------------------------------------ ALIF
def _alif_step_numpy(V, a, I, dt, V_rest, V_th, R, beta, tau, tau_a):
    """One exact step of the linear ODEs, then the adaptive threshold and the resets."""
    v_inf = V_rest + R * I
    V1 = v_inf + (V - v_inf) * np.exp(-dt / tau)
    a1 = a * np.exp(-dt / tau_a)
    spike = V1 >= V_th + beta * a  # the threshold of the step's start
    return V1 - (V_th - V_rest) * spike, a1 + spike, spike


def test_alif_one_step_matches_numpy():
    rng = np.random.default_rng(0)
    n, dt = 64, 0.5
    V0 = rng.uniform(-75.0, -50.0, n).astype(np.float32)
    a0 = rng.uniform(0.0, 5.0, n).astype(np.float32)
    I = rng.uniform(0.0, 150.0, n).astype(np.float32)
    tau = rng.uniform(5.0, 30.0, n).astype(np.float32)
    p = dict(V_rest=-65.0, V_th=-55.0, R=1.5, beta=2.0, tau_a=300.0)
    alif = neurons.ALIFBellec2020(
        n, tau=tau, V_initializer=V0, a_initializer=a0, input_var=False, **p
    )
    share.save(t=0.0, dt=dt)
    spike = np.asarray(alif(I))
    V, a, want = _alif_step_numpy(
        V0.astype(np.float64), a0.astype(np.float64), I.astype(np.float64), dt, tau=tau, **p
    )
    assert 5 < want.sum() < n - 5  # both branches are exercised
    np.testing.assert_array_equal(spike, want)
    np.testing.assert_allclose(alif.V.value, V, rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(alif.a.value, a, rtol=1e-6, atol=1e-6)


def test_alif_threshold_rises_with_a():
    # V jumps to V_th + 1 in one step (tau tiny against dt): it fires only where
    # V_th + beta * a <= V_th + 1.
    a0 = np.array([0.0, 0.4, 0.6, 2.0], np.float32)
    alif = neurons.ALIFBellec2020(
        4, V_rest=0.0, V_th=1.0, beta=2.5, tau=1e-3, a_initializer=a0, input_var=False
    )
    share.save(t=0.0, dt=1.0)
    spike = np.asarray(alif(jnp.full(4, 2.0)))
    np.testing.assert_array_equal(spike, [True, True, False, False])  # thresholds 1, 2, 2.5, 6


def test_alif_spike_triggered_jump_and_slowing_rate():
    dt, tau_a, n = 0.1, 500.0, 20_000
    kw = dict(V_rest=0.0, V_th=1.0, tau=10.0, tau_a=tau_a, V_initializer=full(0.0))
    alif = neurons.ALIFBellec2020(1, beta=0.2, **kw)
    spikes, (V, a) = simulate(alif, n, dt, 3.0, record=("V", "a"))
    steps = np.nonzero(spikes[:, 0])[0]
    assert len(steps) > 50
    # a decays with tau_a between spikes and jumps by exactly 1 at each spike.
    decay = np.exp(-dt / tau_a)
    prev = np.concatenate([[0.0], a[:-1, 0]])
    np.testing.assert_allclose(a[:, 0], prev * decay + spikes[:, 0], rtol=1e-5, atol=1e-6)
    # Adaptation: the inter-spike intervals lengthen, unlike the same neuron with beta = 0.
    isis = np.diff(steps)
    assert isis[-1] > 1.5 * isis[0] and np.all(np.diff(isis[:5]) >= 0)
    plain = neurons.ALIFBellec2020(1, beta=0.0, **kw)
    plain_isis = np.diff(np.nonzero(simulate(plain, 5000, dt, 3.0)[0][:, 0])[0])
    # (Reset by subtraction carries the overshoot, so plain intervals vary by one step.)
    assert plain_isis.max() - plain_isis.min() <= 1 and isis[-1] > 1.5 * plain_isis.max()
    # Every spike step: the threshold of the step's start was reached, and V dropped by 1.
    thr = 1.0 + 0.2 * np.concatenate([[0.0], a[:-1, 0]])
    assert np.all(V[steps, 0] + 1.0 >= thr[steps] - 1e-5)


def test_alif_refractory_neurons_do_not_fire():
    dt, tau_ref = 0.1, 1.0
    alif = neurons.ALIFBellec2020(
        1, V_rest=0.0, V_th=1.0, beta=0.0, tau=10.0, tau_ref=tau_ref, ref_var=True,
        V_initializer=full(0.0),
    )  # fmt: skip
    spikes, (V, ref) = simulate(alif, 500, dt, 100.0, record=("V", "refractory"))
    steps = np.nonzero(spikes[:, 0])[0]
    # Without refractoriness this drive fires every step or two; here the gap is n_ref + 1.
    np.testing.assert_array_equal(np.diff(steps), round(tau_ref / dt) + 1)
    k = steps[3]
    np.testing.assert_array_equal(V[k : k + 11, 0], V[k, 0])  # V held after the reset
    np.testing.assert_array_equal(spikes[k : k + 12, 0], [1] + [0] * 10 + [1])
    assert ref[k : k + 12, 0].all()  # the spike step, the held steps, the next spike


def test_alif_state_modes_and_reset():
    alif = neurons.ALIFBellec2020((2, 3), keep_size=True, tau_ref=2.0)
    assert sorted(alif.vars(method="relative")) == [
        "V", "a", "input", "ref_left", "spike", "t_last_spike",
    ]  # fmt: skip
    np.testing.assert_array_equal(alif.V.value, -70.0)
    np.testing.assert_array_equal(alif.a.value, 0.0)
    a = alif.a
    alif.a.value = jnp.ones((2, 3))
    alif.reset_state()
    assert alif.a is a and float(alif.a.value.sum()) == 0.0
    batched = neurons.ALIFBellec2020(4, mode=bm.BatchingMode(3))
    assert batched.V.shape == (3, 4) and batched.a.batch_axis == 0
    batched.reset_state(5)
    assert batched.a.shape == (5, 4)


@pytest.mark.parametrize("eprop", [False, True])
def test_alif_training_mode_float_spikes_and_gradients(eprop):
    dt = 0.1
    alif = neurons.ALIFBellec2020(
        3, mode=bm.training_mode, V_rest=0.0, V_th=1.0, beta=0.5, tau=5.0, input_var=False,
        V_initializer=full(0.0), eprop=eprop,
    )  # fmt: skip
    assert alif.spike.dtype == bm.get_float() and alif.V.shape == (1, 3)

    def loss(I):
        alif.reset_state()

        def step(i):
            share.save(t=i * dt, dt=dt)
            return alif(I)

        return bm.for_loop(step, jnp.arange(100)).sum()

    I = jnp.array([[0.5, 1.5, 4.0]])
    assert float(loss(I)) > 0
    grads = np.asarray(bm.grad(loss, argnums=0)(I))
    assert np.all(np.isfinite(grads)) and np.any(grads != 0)


def test_alif_eprop_changes_only_the_gradient():
    def run(eprop):
        alif = neurons.ALIFBellec2020(
            2, mode=bm.training_mode, V_rest=0.0, V_th=1.0, tau=5.0, input_var=False,
            V_initializer=full(0.0), eprop=eprop,
        )  # fmt: skip

        def loss(I):
            alif.reset_state()

            def step(i):
                share.save(t=i * 0.1, dt=0.1)
                return alif(I)

            return (bm.for_loop(step, jnp.arange(60)) ** 2).sum()

        I = jnp.array([[2.0, 3.0]])
        return float(loss(I)), np.asarray(bm.grad(loss, argnums=0)(I))

    (l0, g0), (l1, g1) = run(False), run(True)
    assert l0 == l1
    assert not np.allclose(g0, g1)


# -------------------------------------------------------------------------------- OU
def _ar1(method, dt, tau):
    """The AR(1) coefficient ``x' - mu = a (x - mu) + sigma sqrt(dt) xi`` of each scheme."""
    return np.exp(-dt / tau) if method == "exp_euler" else 1.0 - dt / tau


@pytest.mark.parametrize("method", ["exp_euler", "euler"])
def test_ou_stationary_statistics_match_the_ar1_values(method):
    n, steps, dt, tau, mu, sigma = 20_000, 600, 0.25, 5.0, -1.5, 0.8
    ou = neurons.OUProcess(n, mean=mu, sigma=sigma, tau=tau, method=method)
    bm.random.seed(11)
    xs, _ = simulate(ou, steps, dt, record=())
    a = _ar1(method, dt, tau)
    var = sigma**2 * dt * (1 - a ** (2 * steps)) / (1 - a**2)  # started at mu: var_0 = 0
    last, before = xs[-1].astype(np.float64), xs[-2].astype(np.float64)
    assert abs(last.mean() - mu) < 5 * np.sqrt(var / n)
    assert abs(last.var() - var) < 5 * var * np.sqrt(2 / n)
    corr = np.corrcoef(before, last)[0, 1]
    assert abs(corr - a) < 5 * (1 - a**2) / np.sqrt(n)
    # The mean is the same at every step (x starts at mu).
    assert np.all(np.abs(xs.mean(axis=1) - mu) < 5 * np.sqrt(var / n))


def test_ou_per_process_parameters_and_batching():
    mean = np.array([0.0, 10.0, -10.0], np.float32)
    ou = neurons.OUProcess(3, mean=mean, sigma=0.0, tau=2.0, mode=bm.BatchingMode(4))
    np.testing.assert_array_equal(ou.x.value, np.broadcast_to(mean, (4, 3)))
    xs, _ = simulate(ou, 10, 0.1, record=())
    np.testing.assert_allclose(xs, np.broadcast_to(mean, (10, 4, 3)), atol=1e-5)  # no noise
    ou.x.value = jnp.zeros((4, 3))
    x = ou.x
    ou.reset_state()
    assert ou.x is x
    np.testing.assert_array_equal(ou.x.value, np.broadcast_to(mean, (4, 3)))
    # sigma = 0: a deterministic relaxation to the mean, exact for exp_euler.
    relax = neurons.OUProcess(1, mean=1.0, sigma=0.0, tau=4.0)
    relax.x.value = jnp.zeros(1)
    xs, _ = simulate(relax, 40, 0.1, record=())
    t = 0.1 * np.arange(1, 41)
    np.testing.assert_allclose(xs[:, 0], 1 - np.exp(-t / 4.0), rtol=1e-5)


def test_ou_reproducible_by_seed_and_takes_no_input():
    ou = neurons.OUProcess(50)

    def run(seed):
        bm.random.seed(seed)
        ou.reset_state()
        return simulate(ou, 30, 0.1, record=())[0]

    a, b, c = run(1), run(1), run(2)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    share.save(t=0.0, dt=0.1)
    with pytest.raises(TypeError, match="no input"):
        ou(1.0)


# ------------------------------------------------------------------- jit vs eager
def _steps(model, n, dt, x, jit):
    def step(i):
        share.save(t=i * dt, i=i, dt=dt)
        model.clear_input()
        return model() if x is None else model(x)

    f = bm.jit(step) if jit else step
    return np.stack([np.asarray(f(i)) for i in range(n)])


@pytest.mark.parametrize(
    "make, x",
    [
        (lambda: neurons.ALIFBellec2020(5, V_rest=0.0, V_th=1.0, tau_ref=0.3), 2.0),
        (lambda: neurons.ALIFBellec2020(5, V_rest=0.0, V_th=1.0, noise=0.5), 1.0),
        (lambda: neurons.OUProcess(5, mean=1.0, sigma=0.3), None),
        (lambda: neurons.InputGroup(5), jnp.arange(5.0)),
    ],
    ids=["alif", "alif-noise", "ou", "input-group"],
)
def test_jit_matches_eager(make, x):
    outs, states = [], []
    for jit in (False, True):
        model = make()
        bm.random.seed(5)
        outs.append(_steps(model, 40, 0.1, x, jit))
        states.append({k: np.asarray(v.value) for k, v in model.vars(method="relative").items()})
    np.testing.assert_allclose(outs[1], outs[0], rtol=1e-5, atol=1e-5)
    for k in states[0]:
        np.testing.assert_allclose(states[1][k], states[0][k], rtol=1e-5, atol=1e-5, err_msg=k)


def test_alif_and_ou_run_under_dsrunner():
    alif = neurons.ALIFBellec2020(2, V_rest=0.0, V_th=1.0, V_initializer=full(0.0))
    runner = bd.DSRunner(alif, inputs=[("input", 2.0)], monitors=["spike", "a"], progress_bar=False)
    runner.run(20.0)
    ref = neurons.ALIFBellec2020(2, V_rest=0.0, V_th=1.0, V_initializer=full(0.0))
    spikes, (a,) = simulate(ref, 200, 0.1, 2.0, record=("a",))
    np.testing.assert_array_equal(runner.mon["spike"], spikes)
    np.testing.assert_allclose(runner.mon["a"], a, rtol=1e-6)
    ou = neurons.OUProcess(3)
    runner = bd.DSRunner(ou, monitors=["x"], progress_bar=False)
    runner.run(5.0)
    assert runner.mon["x"].shape == (50, 3) and np.all(np.isfinite(runner.mon["x"]))


# --------------------------------------------------------------- input / output groups
@pytest.mark.parametrize("cls", [neurons.InputGroup, neurons.OutputGroup])
def test_pass_through_groups(cls):
    group = cls((2, 3), keep_size=True)
    x = jnp.arange(6.0).reshape(2, 3)
    assert group(x) is x and group.spike is None
    group.reset_state()  # stateless: nothing to reset
    assert group.vars(method="relative") == {}
    flat = cls((2, 3), mode=bm.BatchingMode(4))
    assert flat(jnp.ones((7, 6))).shape == (7, 6)
    with pytest.raises(ValueError, match=r"x must have shape \(batch, 6\), got shape \(6,\)"):
        flat(jnp.ones(6))
    with pytest.raises(ValueError, match=r"x must have shape \(2, 3\), got shape \(3, 2\)"):
        group(jnp.ones((3, 2)))
    with pytest.raises(TypeError, match="x .* is required"):
        group(None)
    assert bm.jit(lambda v: group(v) * 2)(x).shape == (2, 3)


# ------------------------------------------------------------------ names and errors
def test_public_names_and_module():
    for name in ("ALIFBellec2020", "OUProcess", "InputGroup", "OutputGroup"):
        assert name in neurons.__all__
        assert getattr(neurons, name).__module__ == "brainpy_dyn.neurons"


@pytest.mark.parametrize(
    ("cls", "kwargs", "error", "match"),
    [
        (neurons.ALIFBellec2020, dict(tau=0.0), ValueError, "ALIFBellec2020: tau must"),
        (neurons.ALIFBellec2020, dict(tau_a=-1.0), ValueError, "ALIFBellec2020: tau_a must"),
        (neurons.ALIFBellec2020, dict(tau_ref=-1.0), ValueError, "ALIFBellec2020: tau_ref"),
        (neurons.ALIFBellec2020, dict(V_th=-80.0), ValueError, "V_th must be above V_rest"),
        (neurons.ALIFBellec2020, dict(V_th=np.zeros(5)), ValueError, "V_th"),
        (neurons.ALIFBellec2020, dict(beta=np.ones(3)), ValueError, "beta"),
        (neurons.ALIFBellec2020, dict(method="rk45"), ValueError, "ALIFBellec2020: .*method"),
        (neurons.ALIFBellec2020, dict(V_initializer=1.0), TypeError, "V_initializer"),
        (neurons.ALIFBellec2020, dict(a_initializer="zero"), TypeError, "a_initializer"),
        (neurons.ALIFBellec2020, dict(spike_fun=None), TypeError, "spike_fun"),
        (neurons.OUProcess, dict(sigma=-1.0), ValueError, "OUProcess: sigma must"),
        (neurons.OUProcess, dict(tau=0.0), ValueError, "OUProcess: tau must"),
        (neurons.OUProcess, dict(tau=np.array([1.0, -1.0])), ValueError, "OUProcess: tau"),
        (neurons.OUProcess, dict(mean=np.zeros(3)), ValueError, "mean"),
        (neurons.OUProcess, dict(method="rk4"), ValueError, "OUProcess: .*method"),
        (neurons.InputGroup, dict(mode="batching"), Exception, "mode"),
    ],
)
def test_bad_arguments(cls, kwargs, error, match):
    with pytest.raises(error, match=match):
        cls(2, **kwargs)


@pytest.mark.parametrize("cls", [neurons.InputGroup, neurons.OutputGroup, neurons.OUProcess])
def test_bad_size(cls):
    with pytest.raises(NeuGroupSizeError, match="size"):
        cls("3")

"""brainpy_dyn.rates: each model's step against a hand-integrated NumPy step, noise, delays."""

from __future__ import annotations

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm

rates = bd.rates
share = bd.share
DT = 0.1
X0 = np.array([-0.8, 0.1, 0.6, 1.3])
Y0 = np.array([0.4, -0.2, 0.05, 0.9])


@pytest.fixture(autouse=True)
def _clean_share():
    share.clear_shargs()
    yield
    share.clear_shargs()


def const(values):
    values = np.asarray(values, np.float32)
    return lambda shape: jnp.broadcast_to(jnp.asarray(values), shape)


def exp_euler(x, f, a, dt=DT):
    """``x + (exp(a dt) - 1) / a * f``, with the limit ``dt f`` at ``a = 0``."""
    a = np.asarray(a, np.float64)
    safe = np.where(np.abs(a) < 1e-12, 1.0, a)
    phi = np.where(np.abs(a) < 1e-12, dt, np.expm1(safe * dt) / safe)
    return x + phi * f


def step(model, x=None):
    out = model.update({"t": 0.0, "dt": DT}, x)
    return np.asarray(model.x.value), np.asarray(model.y.value), out


def test_fhn_step_is_exponential_euler():
    al, be, ga, de, ep, tau = 3.0, 4.0, -1.5, 0.1, 0.5, 20.0
    m = rates.FHN(4, delta=de, x_initializer=const(X0), y_initializer=const(Y0))
    x1, y1, out = step(m, 0.7)
    fx = -al * X0**3 + be * X0**2 + ga * X0 - Y0 + 0.7
    fy = (X0 - de - ep * Y0) / tau
    np.testing.assert_allclose(x1, exp_euler(X0, fx, -3 * al * X0**2 + 2 * be * X0 + ga), rtol=1e-5)
    np.testing.assert_allclose(y1, exp_euler(Y0, fy, -ep / tau), rtol=1e-5)
    np.testing.assert_allclose(out, x1)


def test_fhn_euler_method_and_y_input():
    m = rates.FHN(4, method="euler", x_initializer=const(X0), y_initializer=const(Y0))
    m.input_y.value = jnp.full(4, 0.3)
    x1, y1, _ = step(m)
    fy = (X0 - 0.0 - 0.5 * Y0) / 20.0 + 0.3
    np.testing.assert_allclose(y1, Y0 + DT * fy, rtol=1e-5)
    np.testing.assert_allclose(x1, X0 + DT * (-3 * X0**3 + 4 * X0**2 - 1.5 * X0 - Y0), rtol=1e-5)


def test_qif_step_is_exponential_euler():
    tau, eta, delta, J = 2.0, -5.0, 1.0, 15.0
    v0, r0 = X0, np.abs(Y0)
    m = rates.QIF(4, tau=tau, x_initializer=const(v0), y_initializer=const(r0))
    x1, y1, _ = step(m, 1.5)
    fv = (v0**2 + eta + 1.5 + J * r0 * tau - (np.pi * r0 * tau) ** 2) / tau
    fr = (delta / (np.pi * tau) + 2 * r0 * v0) / tau
    np.testing.assert_allclose(x1, exp_euler(v0, fv, 2 * v0 / tau), rtol=1e-5)
    np.testing.assert_allclose(y1, exp_euler(r0, fr, 2 * v0 / tau), rtol=1e-5)


def test_stuart_landau_step_and_limit_cycle():
    a, w = 0.25, 0.2
    m = rates.StuartLandauOscillator(4, a=a, w=w, x_initializer=const(X0), y_initializer=const(Y0))
    x1, y1, _ = step(m)
    r2 = X0**2 + Y0**2
    fx, fy = (a - r2) * X0 - w * Y0, (a - r2) * Y0 + w * X0
    np.testing.assert_allclose(x1, exp_euler(X0, fx, a - 3 * X0**2 - Y0**2), rtol=1e-5)
    np.testing.assert_allclose(y1, exp_euler(Y0, fy, a - X0**2 - 3 * Y0**2), rtol=1e-5)
    # the attractor: a circle of radius sqrt(a)
    sl = rates.StuartLandauOscillator(2, method="rk4", x_initializer=const([0.1, 1.0]))
    runner = bd.DSRunner(sl, monitors=["x", "y"], progress_bar=False, dt=0.1)
    runner.run(200.0)
    radius = np.hypot(runner.mon["x"][-1], runner.mon["y"][-1])
    np.testing.assert_allclose(radius, np.sqrt(a), rtol=1e-3)


def _F(u, a, th):
    return 1 / (1 + np.exp(-a * (u - th))) - 1 / (1 + np.exp(a * th))


def test_wilson_cowan_step_is_exponential_euler():
    E0, I0 = np.array([0.1, 0.3, 0.5, 0.9]), np.array([0.05, 0.2, 0.6, 0.1])
    p = dict(E_tau=1.0, E_a=1.2, E_theta=2.8, I_tau=2.0, I_a=1.0, I_theta=4.0)
    wEE, wIE, wEI, wII, r = 12.0, 4.0, 13.0, 11.0, 1.0
    m = rates.WilsonCowanModel(4, I_tau=2.0, x_initializer=const(E0), y_initializer=const(I0))
    x1, y1, _ = step(m, 0.5)
    uE = wEE * E0 - wIE * I0 + 0.5
    uI = wEI * E0 - wII * I0
    FE, FI = _F(uE, p["E_a"], p["E_theta"]), _F(uI, p["I_a"], p["I_theta"])
    sE = 1 / (1 + np.exp(-p["E_a"] * (uE - p["E_theta"])))
    sI = 1 / (1 + np.exp(-p["I_a"] * (uI - p["I_theta"])))
    aE = (-1 - r * FE + (1 - r * E0) * p["E_a"] * sE * (1 - sE) * wEE) / p["E_tau"]
    aI = (-1 - r * FI + (1 - r * I0) * p["I_a"] * sI * (1 - sI) * (-wII)) / p["I_tau"]
    fE = (-E0 + (1 - r * E0) * FE) / p["E_tau"]
    fI = (-I0 + (1 - r * I0) * FI) / p["I_tau"]
    np.testing.assert_allclose(x1, exp_euler(E0, fE, aE), rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(y1, exp_euler(I0, fI, aI), rtol=1e-5, atol=1e-7)


def test_feedback_fhn_uses_x_from_delay_steps_ago():
    n, delay, steps = 60, 1.0, 10
    a, b, tau, mu, v0 = 0.7, 0.8, 12.5, 1.6886, -1.0
    m = rates.FeedbackFHN(
        2,
        delay=delay,
        dt=DT,
        method="euler",
        x_initializer=const([0.2, -0.4]),
        y_initializer=const([0.1, 0.0]),
    )
    assert m.delay_steps.tolist() == [steps, steps]

    def run(i):
        share.save(t=i * DT, dt=DT)
        m.clear_input()
        return m({}, 0.3)

    got = np.asarray(bm.for_loop(run, jnp.arange(n)))
    xs, y = [np.array([0.2, -0.4])], np.array([0.1, 0.0])
    for k in range(n):
        x = xs[-1]
        x_del = xs[max(k - steps, 0)]
        dx = x - x**3 / 3 - y + 0.3 + mu * (x_del - v0)
        dy = (x + a - b * y) / tau
        xs.append(x + DT * dx)
        y = y + DT * dy
    np.testing.assert_allclose(got, np.array(xs[1:]), rtol=1e-4, atol=1e-5)


def test_feedback_fhn_rejects_a_negative_delay():
    with pytest.raises(ValueError, match="delay"):
        rates.FeedbackFHN(1, delay=-1.0)


def test_threshold_linear_euler_and_rectification():
    m = rates.ThresholdLinearModel(
        3, tau_e=2.0, tau_i=1.0, beta_e=0.5, beta_i=2.0, e_initializer=const([1.0, 0.0, 0.2])
    )
    m.Ii.value = jnp.asarray([1.0, -1.0, 0.0])
    out = m.update({"t": 0.0, "dt": DT}, jnp.asarray([2.0, -3.0, 0.0]))
    want_e = np.maximum(
        np.array([1.0, 0.0, 0.2])
        + DT * (-np.array([1.0, 0.0, 0.2]) + 0.5 * np.array([2.0, 0.0, 0.0])) / 2.0,
        0,
    )
    np.testing.assert_allclose(out, want_e, rtol=1e-6)
    np.testing.assert_allclose(m.i.value, DT * 2.0 * np.array([1.0, 0.0, 0.0]), rtol=1e-6)


def test_threshold_linear_noise_scales_with_sqrt_dt():
    sigma, tau, dt = 2.0, 5.0, 0.04
    m = rates.ThresholdLinearModel(20000, tau_e=tau, noise_e=sigma, seed=3)
    m.update({"t": 0.0, "dt": dt})
    e = np.asarray(m.e.value)
    # e = max(sigma/tau sqrt(dt) xi, 0): mean sigma sqrt(dt) / (tau sqrt(2 pi))
    np.testing.assert_allclose(
        e.mean(), sigma * np.sqrt(dt) / (tau * np.sqrt(2 * np.pi)), rtol=0.05
    )
    assert float(m.i.value.max()) == 0.0  # no inhibitory noise


def test_ou_noise_enters_the_inputs():
    m = rates.FHN(
        3,
        x_ou_mean=0.5,
        x_ou_sigma=0.2,
        x_ou_tau=2.0,
        x_initializer=const(X0[:3]),
        y_initializer=const(Y0[:3]),
    )
    assert m.x_ou is not None and m.y_ou is None
    share.save(t=0.0, dt=DT)
    m.update({"t": 0.0, "dt": DT}, 1.0)
    np.testing.assert_allclose(m.input.value, 1.0 + 0.5, rtol=1e-6)  # the OU starts at its mean
    assert not np.allclose(m.x_ou.x.value, 0.5)  # and has moved
    assert rates.FHN(2, y_ou_mean=-0.1).y_ou is not None  # a negative mean counts too


def test_batching_mode_runner_and_reset():
    m = rates.WilsonCowanModel(3, mode=bm.BatchingMode(2), x_ou_sigma=0.1)
    assert m.x.shape == m.input.shape == m.x_ou.x.shape == (2, 3)
    m.reset_state(5)
    assert m.x.shape == m.y.shape == m.x_ou.x.shape == (5, 3)
    runner = bd.DSRunner(m, monitors=["x"], progress_bar=False)
    runner.run(1.0)
    assert sorted(runner.mon["x"].shape) == [3, 5, 10]  # the runner decides the axis order
    f = rates.FeedbackFHN(3, mode=bm.BatchingMode(2), delay=0.5)
    runner = bd.DSRunner(f, monitors=["x"], progress_bar=False)
    runner.run(2.0)
    assert sorted(runner.mon["x"].shape) == [2, 3, 20] and np.all(np.isfinite(runner.mon["x"]))


def test_public_paths_and_signatures():
    import inspect

    assert rates.QIF.__module__ == "brainpy_dyn.rates"
    assert list(inspect.signature(rates.FHN.dx).parameters) == ["self", "x", "t", "y", "x_ext"]
    params = list(inspect.signature(rates.FeedbackFHN).parameters)
    assert params[-3:] == ["name", "dt", "mode"]
    assert issubclass(rates.FHN, rates.RateModel) and issubclass(rates.RateModel, bd.NeuGroup)

"""Delay ODEs: the integrator updates its delay variables; checked against the method of steps."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.polynomial import Polynomial

import brainpy_math as bm
from brainpy_dyn.integrators import IntegratorError, odeint


def method_of_steps(ts, tau=1.0, pieces=4):
    """x' = -x(t - tau) with x = 1 on [-tau, 0], solved exactly interval by interval."""
    polys = [Polynomial([1.0])]
    for k in range(pieces):
        delayed = polys[-1](Polynomial([-tau, 1.0]))  # x(t - tau) as a polynomial in t
        anti = (-delayed).integ()
        polys.append(anti + (polys[-1](k * tau) - anti(k * tau)))
    return np.array([polys[min(int(t // tau), pieces - 1) + 1](t) for t in ts])


@pytest.mark.parametrize(("method", "atol"), [("euler", 1e-2), ("rk4", 1e-4), ("rkf45", 1e-4)])
def test_constant_delay_matches_method_of_steps(method, atol):
    dt = 0.01
    delay = bm.TimeDelay(bm.ones(1), 1.0, before_t0=1.0, dt=dt)
    integral = odeint(lambda x, t, xd: -xd(t - 1.0), method=method, state_delays={"x": delay})
    x = bm.Variable(bm.ones(1))

    def step(t):
        x.value = integral(x.value, t, delay, dt=dt)
        return x.value

    ts = np.arange(300) * dt
    xs = np.asarray(bm.for_loop(step, ts)).ravel()
    np.testing.assert_allclose(xs, method_of_steps(ts + dt), atol=atol)
    assert float(delay.latest[0]) == pytest.approx(float(xs[-1]))  # updated by the integrator


def test_state_delays_are_checked():
    delay = bm.TimeDelay(bm.ones(1), 1.0, dt=0.1)
    with pytest.raises(IntegratorError, match="not a variable"):
        odeint(lambda x, t, xd: -x, state_delays={"y": delay})
    with pytest.raises(IntegratorError, match="state_delays"):
        odeint(lambda x, t, xd: -x, state_delays={"x": 1.0})


def test_length_delay_as_state_delay():
    # The same equation with the delay read by steps: 1 / dt = 100 steps back.
    dt = 0.01
    delay = bm.LengthDelay(bm.ones(1), 100, initial_delay_data=1.0)
    integral = odeint(lambda x, t, xd: -xd(100), method="euler", state_delays={"x": delay})
    x = bm.Variable(bm.ones(1))

    def step(t):
        x.value = integral(x.value, t, delay, dt=dt)
        return x.value

    ts = np.arange(250) * dt
    xs = np.asarray(bm.for_loop(step, ts)).ravel()
    np.testing.assert_allclose(xs, method_of_steps(ts + dt), atol=2e-2)


@pytest.mark.parametrize("method", ["euler", "rk4"])
def test_neutral_delay_receives_the_derivative(method):
    # x'(t) = c x'(t - 1), x' = 1 before 0, x(0) = 0: x = c t on [0, 1] and
    # x = c + c^2 (t - 1) on [1, 2]. The neutral delay holds x', written by the integrator.
    c, dt = 0.5, 0.01
    dx_hist = bm.NeuTimeDelay(bm.full(1, c), 1.0, before_t0=1.0, dt=dt)
    integral = odeint(
        lambda x, t, dxd: c * dxd(t - 1.0), method=method, neutral_delays={"x": dx_hist}
    )
    x = bm.Variable(bm.zeros(1))

    def step(t):
        x.value = integral(x.value, t, dx_hist, dt=dt)
        return x.value

    ts = np.arange(200) * dt
    xs = np.asarray(bm.for_loop(step, ts)).ravel()
    t1 = ts + dt
    exact = np.where(t1 <= 1.0, c * t1, c + c**2 * (t1 - 1.0))
    np.testing.assert_allclose(xs, exact, atol=5e-3)
    assert float(dx_hist.latest[0]) == pytest.approx(c**3, abs=1e-6)  # x'(2) = c x'(1) = c^3


def test_neutral_delays_are_checked():
    state_like = bm.TimeDelay(bm.ones(1), 1.0, dt=0.1)
    with pytest.raises(IntegratorError, match="neutral_delays"):
        odeint(lambda x, t: -x, neutral_delays={"x": state_like})

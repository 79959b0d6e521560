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

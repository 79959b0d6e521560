"""Adaptive Runge–Kutta integrators: the returned step keeps the local error under ``tol``."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_dyn.integrators import ode

ADAPTIVE = [
    ode.RKF12,
    ode.RKF45,
    ode.DormandPrince,
    ode.CashKarp,
    ode.BogackiShampine,
    ode.HeunEuler,
]


@pytest.mark.parametrize("cls", ADAPTIVE[1:], ids=lambda c: c.__name__)
@pytest.mark.parametrize("tol", [1e-5, 1e-7])
def test_local_error_stays_under_tol(cls, tol):
    # dx/dt = x cos(t): x(t) = exp(sin t). Each call starts from the exact value, so its
    # error is the local error over the dt the controller proposed (the first dt, 0.5, is
    # too large and gets split into accepted sub-steps).
    with bm.environment(x64=True):
        integral = cls(lambda x, t: x * jnp.cos(t), adaptive=True, tol=tol)
        step = jax.jit(lambda x, t, dt: integral(x, t, dt=dt))
        t, dt, errors = 0.0, jnp.float64(0.5), []
        while t < 6.0:
            x_new, dt_new = step(jnp.exp(jnp.sin(t)), t, dt)
            errors.append(abs(float(x_new) - np.exp(np.sin(t + float(dt)))) / tol)
            t, dt = t + float(dt), dt_new
    errors = np.array(errors)
    # The estimate is an estimate: nearly every step is under tol, none far above it.
    assert np.mean(errors < 1.0) >= 0.9, errors
    assert errors.max() < 3.0, errors


@pytest.mark.parametrize("cls", ADAPTIVE, ids=lambda c: c.__name__)
def test_a_tighter_tol_gives_smaller_steps_and_errors(cls):
    # dx/dt = x cos(t): x(t) = exp(sin t), integrated to t = 3 feeding dt_new back.
    def run(tol):
        with bm.environment(x64=True):
            integral = cls(lambda x, t: x * jnp.cos(t), adaptive=True, tol=tol)
            step = jax.jit(lambda x, t, dt: integral(x, t, dt=dt))
            x, t, dt, n = jnp.float64(1.0), 0.0, jnp.float64(0.01), 0
            while t < 3.0 and n < 20000:
                x_new, dt_new = step(x, t, dt)
                x, t, dt, n = x_new, t + float(dt), dt_new, n + 1
            return abs(float(x) - np.exp(np.sin(t))), n

    loose, tight = run(1e-3), run(1e-6)
    assert tight[1] > loose[1]  # more, smaller steps
    assert tight[0] < loose[0]
    assert tight[0] < 1e-3


def test_adaptive_returns_dt_after_each_variable_and_keeps_dt_shape():
    itg = ode.DormandPrince(lambda x, y, t: (y, -x), adaptive=True, tol=1e-3)
    x, y, dt = itg(jnp.ones(1), jnp.zeros(1), 0.0, dt=jnp.full(1, 0.01))
    assert x.shape == y.shape == dt.shape == (1,)
    one = ode.HeunEuler(lambda x, t: -x, adaptive=True)
    assert len(one(1.0, 0.0, dt=0.1)) == 2


def test_not_adaptive_is_a_fixed_step_method():
    itg = ode.RKF45(lambda x, t: -x, dt=0.1)
    out = itg(1.0, 0.0)
    assert not isinstance(out, tuple)
    assert float(out) == pytest.approx(np.exp(-0.1), rel=1e-6)


def test_adaptive_inside_a_compiled_loop():
    x, dt = bm.Variable(jnp.ones(1)), bm.Variable(jnp.full(1, 0.01))
    itg = ode.BogackiShampine(lambda x, t: -x, adaptive=True, tol=1e-4)
    t = bm.Variable(jnp.zeros(1))

    def body(_):
        x.value, dt_new = itg(x.value, t.value[0], dt=dt.value)
        t.value = t.value + dt.value
        dt.value = dt_new

    bm.for_loop(body, jnp.arange(20))
    assert float(t.value[0]) > 0.2  # the step grew from 0.01
    assert float(x.value[0]) == pytest.approx(np.exp(-float(t.value[0])), abs=1e-3)

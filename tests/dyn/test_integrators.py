"""brainpy_dyn.integrators: odeint's methods against analytic solutions, JointEq, errors."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_dyn.integrators import DiffEqError, JointEq, get_supported_methods, odeint


def _run(integral, x0, dt, n, *args):
    """Integrate ``n`` steps from ``x0`` in one compiled scan; return every state."""

    def body(x, k):
        x = integral(x, k * dt, *args, dt=dt)
        return x, x

    _, xs = jax.lax.scan(body, jnp.asarray(x0), jnp.arange(n))
    return np.asarray(xs)


# ------------------------------------------------------------------ exponential Euler
@pytest.mark.parametrize("method", ["exp_auto", "exp_euler"])
def test_exp_euler_is_exact_for_decay(method):
    tau, dt, n = 10.0, 0.1, 2000
    integral = odeint(lambda x, t: -x / tau, method=method)
    xs = _run(integral, jnp.float32(3.0), dt, n)
    exact = 3.0 * np.exp(-dt * np.arange(1, n + 1) / tau)
    # Only float32 rounding accumulates: a relative error of a few ulps per step.
    np.testing.assert_allclose(xs, exact, rtol=n * 2e-7)


def test_exp_euler_is_exact_for_lif_equation():
    V_rest, R, tau, dt = -60.0, 1.0, 20.0, 0.1

    @odeint(method="exp_auto")
    def dV(V, t, I):
        return (-V + V_rest + R * I) / tau

    I = jnp.array([0.0, 5.0, 20.0, 40.0])
    V0 = jnp.full(4, -55.0)
    xs = _run(dV, V0, dt, 500, I)
    t = dt * np.arange(1, 501)[:, None]
    v_inf = V_rest + R * np.asarray(I)
    exact = v_inf + (-55.0 - v_inf) * np.exp(-t / tau)
    np.testing.assert_allclose(xs, exact, rtol=0, atol=5e-4)
    # The value quoted by the 2.3.5 notes (V=-55, I=20, tau=20, dt=0.1).
    assert float(dV(jnp.float32(-55.0), 0.0, 20.0, dt=0.1)) == pytest.approx(-54.925186, abs=2e-6)


def test_exp_euler_with_zero_linear_part_is_euler():
    integral = odeint(lambda x, t, a: a + 0.0 * x, method="exp_auto")
    assert float(integral(1.0, 0.0, 2.0, dt=0.5)) == pytest.approx(2.0)


def test_exp_euler_has_finite_gradients():
    integral = odeint(lambda x, t, tau: -x / tau, method="exp_auto")
    g = jax.jit(jax.grad(lambda tau: integral(1.0, 0.0, tau, dt=0.1)))(5.0)
    assert np.isfinite(g)
    assert float(g) == pytest.approx(0.1 / 25.0 * np.exp(-0.02), rel=1e-5)


# ------------------------------------------------------------- orders of convergence
@pytest.mark.parametrize(
    ("method", "order"),
    [
        ("euler", 1),
        ("midpoint", 2),
        ("heun2", 2),
        ("ralston2", 2),
        ("rk2", 2),
        ("rk3", 3),
        ("heun3", 3),
        ("ralston3", 3),
        ("ssprk3", 3),
        ("rk4", 4),
        ("rk4_38rule", 4),
        ("ralston4", 4),
        ("exp_euler", 1),
    ],
)
def test_order_of_convergence(method, order):
    # dx/dt = -x + sin(t), x(0) = 1: x(t) = 1.5 e^-t + (sin t - cos t) / 2.
    T = 1.0
    exact = 1.5 * np.exp(-T) + (np.sin(T) - np.cos(T)) / 2
    with bm.environment(x64=True):
        integral = odeint(lambda x, t: -x + jnp.sin(t), method=method)
        errors = []
        for n in (10, 20, 40):
            xs = _run(integral, jnp.float64(1.0), T / n, n)
            assert xs.dtype == np.float64
            errors.append(abs(xs[-1] - exact))
    rates = np.log2(np.array(errors[:-1]) / np.array(errors[1:]))
    np.testing.assert_allclose(rates, order, atol=0.25)


def test_rk4_harmonic_oscillator():
    w = 2.0

    @odeint(method="rk4")
    def osc(x, v, t):
        return v, -(w**2) * x

    dt, n = 0.01, 1000
    x, v = jnp.float32(1.0), jnp.float32(0.0)

    def body(carry, k):
        carry = osc(*carry, k * dt, dt=dt)
        return carry, carry

    _, (xs, vs) = jax.lax.scan(body, (x, v), jnp.arange(n))
    t = dt * np.arange(1, n + 1)
    np.testing.assert_allclose(xs, np.cos(w * t), atol=2e-5)
    np.testing.assert_allclose(vs, -w * np.sin(w * t), atol=4e-5)


# --------------------------------------------------------------------------- JointEq
def test_joint_eq_equals_the_hand_written_system():
    def dx(x, t, y, a):
        return -a * x + y

    def dy(y, t, x, b=0.5):
        return -b * y - x

    joint = JointEq(dx, dy)
    assert joint.variables == ["x", "y"]
    assert joint.arguments == ["a", "b"]
    by_hand = odeint(lambda x, y, t, a, b: (-a * x + y, -b * y - x), method="rk4")
    with_joint = odeint(joint, method="rk4")
    state_a = state_b = (jnp.float32(1.0), jnp.float32(-1.0))
    for k in range(50):
        state_a = by_hand(*state_a, k * 0.1, 0.3, 0.5, dt=0.1)
        state_b = with_joint(*state_b, k * 0.1, a=0.3, dt=0.1)
    np.testing.assert_array_equal(np.asarray(state_a), np.asarray(state_b))


def test_joint_eq_exp_auto_updates_each_variable_with_the_others_frozen():
    def dV(V, t, w, I):
        return -V + I - w

    def dw(w, t, V):
        return (V - 2 * w) / 4

    integral = odeint(JointEq([dV, dw]), method="exp_auto")
    V, w, dt = 1.0, 0.5, 0.2
    V1, w1 = integral(V, w, 0.0, 2.0, dt=dt)
    # Each equation solved exactly with the other variable held at its old value.
    v_inf = 2.0 - w
    assert float(V1) == pytest.approx(v_inf + (V - v_inf) * np.exp(-dt), rel=1e-6)
    w_inf = V / 2
    assert float(w1) == pytest.approx(w_inf + (w - w_inf) * np.exp(-dt / 2), rel=1e-6)


def test_joint_eq_with_multi_variable_equation_and_nesting():
    def dxy(x, y, t):
        return y, -x

    def dz(z, t, x):
        return x - z

    joint = JointEq(JointEq(dxy), dz)
    assert joint.variables == ["x", "y", "z"]
    assert joint(1.0, 2.0, 3.0, 0.0) == [2.0, -1.0, -2.0]  # a list, as in 2.3.5


def test_joint_eq_errors():
    with pytest.raises(DiffEqError, match="at least one"):
        JointEq()
    with pytest.raises(DiffEqError, match="variable 'x'"):
        JointEq(lambda x, t: x, lambda x, t: -x)
    with pytest.raises(DiffEqError, match="callable"):
        JointEq(lambda x, t: x, 3)


# ------------------------------------------------------------------ calling conventions
def test_calling_conventions():
    @odeint(method="euler", dt=0.5)
    def f(x, t, a, b=1.0):
        return a * x + b

    assert f.variables == ["x"] and f.parameters == ["t", "a", "b"]
    assert f.arguments == ["x", "t", "a", "b=1.0", "dt=0.5"]
    assert f.arg_names == ["x", "t", "a", "b", "dt"]
    assert float(f(1.0, 0.0, 2.0)) == pytest.approx(2.5)  # dt from odeint
    assert float(f(1.0, 0.0, 2.0, 3.0, 0.1)) == pytest.approx(1.5)  # positional dt
    assert float(f(x=1.0, t=0.0, a=2.0, dt=0.1)) == pytest.approx(1.3)
    g = odeint(lambda x, t: 1.0, method="euler")
    with bm.environment(dt=0.25):
        assert float(g(0.0, 0.0)) == pytest.approx(0.25)  # global dt at call time
    assert float(g(0.0, 0.0)) == pytest.approx(0.1)
    with pytest.raises(DiffEqError, match="bad call"):
        f(1.0)


def test_integrator_works_in_for_loop_with_variables():
    v = bm.Variable(jnp.zeros(3))
    I = bm.Variable(jnp.array([1.0, 2.0, 3.0]))
    integral = odeint(lambda V, t, I: -V + I, method="exp_auto")

    def step(t):
        v.value = integral(v, t, I, dt=0.1)

    bm.for_loop(step, jnp.arange(100) * 0.1)
    np.testing.assert_allclose(
        np.asarray(v.value), np.array([1, 2, 3]) * (1 - np.exp(-10.0)), rtol=1e-5
    )


def test_show_code(capsys):
    odeint(lambda x, t: -x, method="rk4", show_code=True, name="demo")
    out = capsys.readouterr().out
    assert "demo" in out and "order 4" in out
    odeint(lambda x, t: -x, method="exp_auto", show_code=True)
    assert "exponential Euler" in capsys.readouterr().out


def test_supported_methods_listed():
    methods = get_supported_methods()
    for m in ("euler", "rk2", "rk4", "exp_auto", "exp_euler", "midpoint"):
        assert m in methods


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        (dict(method="rk45"), ValueError, "method='rk45'"),
        (dict(method="rk4", beta=0.5), TypeError, "beta"),
        (dict(method="rk2", beta=0.0), ValueError, "beta"),
        (dict(var_type="matrix"), ValueError, "var_type"),
        (dict(dt=-0.1), ValueError, "dt"),
        (dict(state_delays={"V": None}), ValueError, "state_delays"),
        (dict(state_delays={"x": 1.0}), ValueError, "state_delays"),
    ],
)
def test_bad_options(kwargs, error, match):
    with pytest.raises(error, match=match):
        odeint(lambda x, t: -x, **kwargs)


def test_bad_derivatives():
    with pytest.raises(TypeError, match="callable"):
        odeint(3)
    with pytest.raises(DiffEqError, match="'t'"):
        odeint(lambda x, y: x)
    with pytest.raises(DiffEqError, match="at least one variable"):
        odeint(lambda t, x: x)
    with pytest.raises(DiffEqError, match="plain named"):
        odeint(lambda x, t, *args: x)
    two = odeint(lambda x, y, t: x, method="euler")
    with pytest.raises(DiffEqError, match="tuple of 2"):
        two(1.0, 1.0, 0.0)

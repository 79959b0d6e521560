"""brainpy_dyn.integrators.ode: every method's order of convergence, exactness, transformations."""

from __future__ import annotations

import inspect

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_dyn.integrators import CodeError, Integrator, IntegratorError, JointEq, ode, odeint

FIXED = [
    (ode.Euler, 1),
    (ode.MidPoint, 2),
    (ode.Heun2, 2),
    (ode.Ralston2, 2),
    (ode.RK2, 2),
    (ode.RK3, 3),
    (ode.Heun3, 3),
    (ode.Ralston3, 3),
    (ode.SSPRK3, 3),
    (ode.RK4, 4),
    (ode.Ralston4, 4),
    (ode.RK4Rule38, 4),
    (ode.ExponentialEuler, 1),
]
ADAPTIVE = [
    (ode.RKF12, 2),
    (ode.RKF45, 5),
    (ode.DormandPrince, 5),
    (ode.CashKarp, 5),
    (ode.BogackiShampine, 3),
    (ode.HeunEuler, 2),
]


def _final(integral, x0, T, n):
    """``x(T)`` after ``n`` steps of ``T / n`` in one compiled scan."""
    dt = T / n

    def body(x, k):
        return integral(x, k * dt, dt=dt), None

    x, _ = jax.lax.scan(body, jnp.asarray(x0), jnp.arange(n))
    return float(x)


@pytest.mark.parametrize(
    ("cls", "order"), FIXED + ADAPTIVE, ids=lambda p: getattr(p, "__name__", "")
)
def test_order_of_convergence(cls, order):
    # dx/dt = x cos(t), x(0) = 1: x(t) = exp(sin t) (non-autonomous, so exponential Euler,
    # which linearises in x only, is first order).
    T = 1.0
    exact = np.exp(np.sin(T))
    ns = np.array([24, 48, 96])
    with bm.environment(x64=True):
        integral = cls(lambda x, t: x * jnp.cos(t))
        errors = [abs(_final(integral, jnp.float64(1.0), T, n) - exact) for n in ns]
    slope = -np.polyfit(np.log(ns), np.log(errors), 1)[0]
    assert abs(slope - order) < 0.3, (errors, slope)


@pytest.mark.parametrize("method", ["exp_auto", "exp_euler", "exp_euler_auto", "exponential_euler"])
def test_exponential_euler_is_exact_on_linear_odes(method):
    # A population of leaky integrators with different time constants and inputs.
    tau = np.array([1.0, 5.0, 20.0])
    I = np.array([2.0, -1.0, 0.5])
    with bm.environment(x64=True):
        integral = odeint(lambda V, t, I, tau: (-V + I) / tau, method=method)
        V = jnp.zeros(3, dtype=jnp.float64)
        for _ in range(7):
            V = integral(V, 0.0, jnp.asarray(I), jnp.asarray(tau), dt=0.75)  # large steps
        np.testing.assert_allclose(np.asarray(V), I * (1 - np.exp(-7 * 0.75 / tau)), rtol=1e-12)


def test_joint_eq_equals_the_uncoupled_update_when_equations_are_independent():
    def dx(x, t, a):
        return -a * x + jnp.sin(t)

    def dy(y, t, b):
        return -b * y**3

    for method in ("rk4", "heun2", "exp_auto", "rkf45"):
        joint = odeint(JointEq(dx, dy), method=method)
        ix, iy = odeint(dx, method=method), odeint(dy, method=method)
        x, y = joint(1.0, 2.0, 0.3, 0.5, 0.7, dt=0.1)
        np.testing.assert_allclose(float(x), float(ix(1.0, 0.3, 0.5, dt=0.1)), rtol=1e-6)
        np.testing.assert_allclose(float(y), float(iy(2.0, 0.3, 0.7, dt=0.1)), rtol=1e-6)


def test_joint_eq_couples_stages_like_the_hand_written_system():
    joint = JointEq(
        lambda V, t, w, I: V - V**3 / 3 - w + I, lambda w, t, V: (V + 0.7 - 0.8 * w) / 12.5
    )
    by_hand = odeint(
        lambda V, w, t, I: (V - V**3 / 3 - w + I, (V + 0.7 - 0.8 * w) / 12.5), method="rk4"
    )
    a = odeint(joint, method="rk4")(1.0, 0.5, 0.0, 0.8, dt=0.05)
    b = by_hand(1.0, 0.5, 0.0, 0.8, dt=0.05)
    np.testing.assert_array_equal(np.asarray(a), np.asarray(b))


def test_integrators_under_jit_vmap_and_grad():
    integral = ode.RK4(lambda x, t, k: -k * x, dt=0.1)
    x0 = jnp.array([1.0, 2.0, 3.0])
    batched = jax.vmap(lambda x: integral(x, 0.0, 0.5))(x0)
    np.testing.assert_allclose(np.asarray(batched), np.asarray(integral(x0, 0.0, 0.5)), rtol=1e-6)
    jitted = bm.jit(lambda x: integral(x, 0.0, 0.5))(x0)
    np.testing.assert_allclose(np.asarray(jitted), np.asarray(batched), rtol=1e-6)
    # One RK4 step of x' = -k x multiplies x by the degree-4 Taylor polynomial of e^{-k dt}.
    g = jax.grad(lambda k: integral(1.0, 0.0, k))(0.5)
    h = 0.1
    z = -0.5 * h
    expected = -h * (1 + z + z**2 / 2 + z**3 / 6)
    assert float(g) == pytest.approx(expected, rel=1e-5)


def test_signatures_match_brainpy_235():
    base = ["f", "var_type", "dt", "name", "show_code", "state_delays", "neutral_delays"]
    for cls, _ in FIXED[:-1]:
        names = list(inspect.signature(cls).parameters)
        assert names == (["f", "beta", *base[1:]] if cls is ode.RK2 else base), cls
    for cls, _ in ADAPTIVE:
        assert list(inspect.signature(cls).parameters) == [
            "f",
            "var_type",
            "dt",
            "name",
            "adaptive",
            "tol",
            "show_code",
            "state_delays",
            "neutral_delays",
        ]
    assert list(inspect.signature(ode.ExponentialEuler).parameters) == [
        "f",
        "var_type",
        "dt",
        "name",
        "show_code",
        "dyn_vars",
        "state_delays",
        "neutral_delays",
    ]
    assert issubclass(ode.ODEIntegrator, Integrator)
    assert inspect.signature(ode.RK2).parameters["beta"].default == pytest.approx(2 / 3)


def test_names_of_an_integrator():
    itg = odeint(lambda V, w, t, I, tau=10.0: (V, w), method="rk4", dt=0.5)
    assert isinstance(itg, ode.RK4)
    assert itg.variables == ["V", "w"]
    assert itg.parameters == ["t", "I", "tau"]
    assert itg.arguments == ["V", "w", "t", "I", "tau=10.0", "dt=0.5"]
    assert itg.arg_names == ["V", "w", "t", "I", "tau", "dt"]
    assert itg.dt == 0.5
    with pytest.raises(IntegratorError):
        itg.dt = 0.1


def test_registry_functions():
    methods = ode.get_supported_methods()
    assert methods[:3] == ["euler", "midpoint", "heun2"] and "BoSh3" in methods
    assert ode.get_default_odeint() == "euler"
    assert isinstance(odeint(lambda x, t: -x), ode.Euler)
    ode.set_default_odeint("rk4")
    try:
        assert isinstance(odeint(lambda x, t: -x), ode.RK4)
    finally:
        ode.set_default_odeint("euler")
    with pytest.raises(ValueError, match="unknown method"):
        ode.set_default_odeint("rk7")
    with pytest.raises(ValueError, match="already"):
        ode.register_ode_integrator("rk4", ode.RK4)
    with pytest.raises(ValueError, match="subclass of ODEIntegrator"):
        ode.register_ode_integrator("not_a_method", dict)
    assert isinstance(odeint(lambda x, t: -x, method="bs", adaptive=True), ode.BogackiShampine)


@pytest.mark.parametrize(
    ("method", "name"),
    [
        ("euler", "dt"),
        ("rk4", "f"),
        ("rk4", "v_new"),
        ("rk4", "dv_k4"),
        ("rk4", "k3_t_arg"),
        ("ck", "k6_v_arg"),
        ("exp_auto", "dt"),
    ],
)
def test_reserved_names_raise_code_error(method, name):
    f = eval(f"lambda v, t, {name}: t")
    with pytest.raises(CodeError, match=name):
        odeint(f, method=method)


def test_adaptive_reserves_its_error_names_only_when_adaptive():
    odeint(lambda v, t, error: t, method="rkf45")
    with pytest.raises(CodeError, match="error"):
        odeint(lambda v, t, error: t, method="rkf45", adaptive=True)


def test_bad_options():
    with pytest.raises(IntegratorError, match="var_type"):
        ode.RK4(lambda x, t: x, var_type="SCALAR")
    with pytest.raises(IntegratorError, match="tol"):
        ode.RKF45(lambda x, t: x, tol=-1.0)
    with pytest.raises(TypeError, match="beta"):
        odeint(lambda x, t: x, method="rk4", beta=0.5)
    with pytest.raises(TypeError, match="callable"):
        ode.Euler(3.0)


def test_integrator_base_calls_its_integral_and_updates_state_delays():
    delay = bm.LengthDelay(bm.zeros(1), 2)
    itg = Integrator(["x"], ["t", "a"], ["x", "t", "a"], dt=0.5, state_delays={"x": delay})
    with pytest.raises(IntegratorError, match="set_integral"):
        itg(1.0, 0.0, 2.0)
    with pytest.raises(IntegratorError, match="callable"):
        itg.set_integral(3)
    itg.set_integral(lambda x, t, a, dt=0.5: x + a * dt)
    assert float(itg(bm.ones(1), 0.0, a=2.0)[0]) == 2.0
    assert float(delay(0)[0]) == 2.0  # the new state went into the delay
    with pytest.raises(IntegratorError, match="dt"):
        Integrator(["x"], ["t"], ["x", "t"], dt=0.0)


def test_show_code_prints_the_scheme(capsys):
    odeint(lambda x, t: -x, method="rk4", show_code=True, name="demo_rk4")
    out = capsys.readouterr().out
    assert "demo_rk4" in out and "k4 = f(" in out
    odeint(lambda x, t: -x, method="rkdp", adaptive=True, show_code=True)
    assert "dt_new" in capsys.readouterr().out

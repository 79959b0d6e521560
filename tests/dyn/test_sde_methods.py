"""``bp.sde`` method classes: strong orders on geometric Brownian motion, reproducible paths,
vector Wiener processes, what each method accepts, and the method registry."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn.integrators import DiffEqError, sde

MU, SIGMA, T, PATHS = 0.5, 0.8, 1.0, 1000
STEPS = (16, 256)


def gbm_error(cls, n: int, seed: int, **kw) -> float:
    """Mean |X_T - exact| for dX = mu X dt + sigma X dW, X0 = 1, on the integrator's own path.

    The exact solution uses the Wiener increments the integrator drew: one standard normal
    per step (the Runge-Kutta schemes draw a second one, for the area integral, after it).
    """
    itg = cls(lambda x, t: MU * x, lambda x, t: SIGMA * x, **kw)
    dt = T / n
    x = bm.Variable(bm.ones(PATHS))

    def step(i):
        x.value = itg(x.value, i * dt, dt=dt)

    bm.random.seed(seed)
    bm.for_loop(step, bm.arange(n))
    draws = 2 if cls in (sde.SRK1W1, sde.SRK2W1) else 1
    bm.random.seed(seed)
    w = np.zeros(PATHS)
    for _ in range(n):
        w += np.sqrt(dt) * np.asarray(bm.random.normal(0.0, 1.0, size=(PATHS,)), np.float64)
        for _ in range(draws - 1):
            bm.random.normal(0.0, 1.0, size=(PATHS,))
    drift = MU if kw.get("intg_type") == sde.STRA_SDE else MU - SIGMA**2 / 2
    exact = np.exp(drift * T + SIGMA * w)
    return float(np.mean(np.abs(np.asarray(x.value, np.float64) - exact)))


@pytest.mark.parametrize(
    ("cls", "kw", "order"),
    [
        (sde.Euler, {}, 0.5),
        (sde.Euler, {"intg_type": sde.STRA_SDE}, 1.0),  # Euler-Heun; commutative noise
        (sde.Heun, {"intg_type": sde.STRA_SDE}, 1.0),
        (sde.Milstein, {}, 1.0),
        (sde.Milstein, {"intg_type": sde.STRA_SDE}, 1.0),
        (sde.MilsteinGradFree, {}, 1.0),
        (sde.MilsteinGradFree, {"intg_type": sde.STRA_SDE}, 1.0),
        (sde.ExponentialEuler, {}, 0.5),
        (sde.KlPl, {}, 1.0),
        (sde.SRK1W1, {}, 1.5),
        (sde.SRK2W1, {}, 1.5),
    ],
)
def test_strong_order_on_geometric_brownian_motion(cls, kw, order):
    coarse, fine = (gbm_error(cls, n, seed=3, **kw) for n in STEPS)
    observed = np.log(coarse / fine) / np.log(STEPS[1] / STEPS[0])
    assert abs(observed - order) < 0.2, (coarse, fine, observed)


def test_same_seed_same_path_with_or_without_jit():
    itg = sde.Milstein(lambda x, t: -x, lambda x, t: 0.3 * x + 0.1, dt=0.01)
    bm.random.seed(11)
    eager = [np.asarray(itg(np.ones(5, np.float32), 0.0))]
    eager.append(np.asarray(itg(eager[-1], 0.01)))
    jitted = bm.jit(lambda x, t: itg(x, t))
    bm.random.seed(11)
    compiled = [np.asarray(jitted(np.ones(5, np.float32), 0.0))]
    compiled.append(np.asarray(jitted(compiled[-1], 0.01)))
    np.testing.assert_allclose(eager, compiled, rtol=1e-6)
    assert not np.allclose(eager[1] - eager[0], eager[0] - 1.0)  # fresh numbers each call


def test_euler_step_by_hand_scalar_and_vector_wiener():
    x0 = np.array([1.0, -2.0, 0.5], np.float32)
    itg = sde.Euler(lambda x, t, a: -a * x, lambda x, t, a: 0.3 * x + 0.1, dt=0.01)
    bm.random.seed(4)
    xi = np.asarray(bm.random.normal(0.0, 1.0, size=(3,)))
    bm.random.seed(4)
    got = np.asarray(itg(x0, 0.0, 2.0))
    np.testing.assert_allclose(got, x0 - 2 * x0 * 0.01 + (0.3 * x0 + 0.1) * 0.1 * xi, rtol=1e-6)

    g = np.arange(6, dtype=np.float32).reshape(3, 2)
    vec = sde.Euler(lambda x, t: 0 * x, lambda x, t: g, wiener_type=sde.VECTOR_WIENER, dt=0.04)
    bm.random.seed(5)
    xi = np.asarray(bm.random.normal(0.0, 1.0, size=(3, 2)))
    bm.random.seed(5)
    got = np.asarray(vec(np.zeros(3, np.float32), 0.0))
    np.testing.assert_allclose(got, 0.2 * (g * xi).sum(axis=1), rtol=1e-5, atol=1e-6)


def test_milstein_with_commutative_vector_noise_beats_euler():
    """dX = mu X dt + sum_k s_k X dW_k: X_T = exp((mu - |s|^2 / 2) T + s . W_T)."""
    s = np.array([0.5, 0.4], np.float32)
    n, paths = 64, 2000
    dt = T / n
    errors = {}
    for cls in (sde.Euler, sde.Milstein):
        itg = cls(
            lambda x, t: MU * x,
            lambda x, t: x[..., None] * s,
            wiener_type=sde.VECTOR_WIENER,
        )
        x = bm.Variable(bm.ones(paths))

        def step(i, itg=itg, x=x):
            x.value = itg(x.value, i * dt, dt=dt)

        bm.random.seed(7)
        bm.for_loop(step, bm.arange(n))
        bm.random.seed(7)
        w = sum(
            np.sqrt(dt) * np.asarray(bm.random.normal(0.0, 1.0, size=(paths, 2)), np.float64)
            for _ in range(n)
        )
        exact = np.exp((MU - (s.astype(np.float64) ** 2).sum() / 2) * T + w @ s)
        errors[cls.__name__] = np.mean(np.abs(np.asarray(x.value) - exact))
    assert errors["Milstein"] < 0.25 * errors["Euler"], errors


def test_variables_without_noise_and_g_called_by_name():
    def f(V, w, t, tau, I=0.0):
        return (-V + I) / tau, -w / tau

    def g(V, w, t, **kwargs):  # takes f's parameters through **kwargs
        return 0.0 * V, None

    itg = sde.Heun(f, g, intg_type="Stratonovich", dt=0.1)
    V, w = itg(np.zeros(2, np.float32), np.ones(2, np.float32), 0.0, 1.0, I=1.0)
    # Heun on linear drift without noise: the explicit trapezoidal (RK2) step.
    np.testing.assert_allclose(np.asarray(w), 1 - 0.1 + 0.1**2 / 2, rtol=1e-6)
    np.testing.assert_allclose(np.asarray(V), 0.1 - 0.1**2 / 2, rtol=1e-6)
    subset = sde.Euler(f, lambda V, w, t, tau: (0 * V + 1 / tau, None), dt=0.1)
    assert subset.variables == ["V", "w"]


def test_what_each_method_accepts():
    f, g = (lambda x, t: -x), (lambda x, t: 1.0)
    with pytest.raises(AssertionError, match="SRK1W1 supports wiener_type"):
        sde.SRK1W1(f, g, wiener_type=sde.VECTOR_WIENER)
    with pytest.raises(sde.SDEMethodError, match="SRK2W1 integrates Ito"):
        sde.SRK2W1(f, g, intg_type=sde.STRA_SDE)
    with pytest.raises(ValueError, match="Heun integrates Stratonovich SDEs"):
        sde.Heun(f, g)
    with pytest.raises(NotImplementedError, match="ExponentialEuler integrates Ito"):
        sde.ExponentialEuler(f, g, intg_type=sde.STRA_SDE)
    with pytest.raises(ValueError, match="var_type must be one of"):
        sde.Euler(f, g, var_type="vector")
    with pytest.raises(TypeError, match="g must be a callable"):
        sde.Euler(f, 1.0)
    with pytest.raises(DiffEqError, match="g must take the same arguments as f"):
        sde.Euler(f, lambda x, t, sigma: sigma)
    two = sde.Euler(lambda x, y, t: (x, y), lambda x, y, t: 1.0)
    with pytest.raises(DiffEqError, match="g must return 2 diffusion terms"):
        two(0.0, 0.0, 0.0, dt=0.1)
    itg = sde.ExponentialEuler(f, lambda x, t: bm.ones((2, 1)), wiener_type=sde.VECTOR_WIENER)
    with pytest.raises(ValueError, match="plus a last axis of noise sources"):
        itg(bm.ones(1), 0.0, dt=0.1)


def test_registry_default_and_decorators():
    assert sde.get_default_sdeint() == "euler"
    assert isinstance(bd.sdeint(lambda x, t: -x, lambda x, t: 1.0), sde.Euler)
    assert isinstance(
        bd.sdeint(lambda x, t: -x, lambda x, t: 1.0, method="srk2w1_scalar"), sde.SRK2W1
    )
    sde.set_default_sdeint("milstein")
    try:
        assert isinstance(bd.sdeint(lambda x, t: -x, lambda x, t: 1.0), sde.Milstein)
    finally:
        sde.set_default_sdeint("euler")
    with pytest.raises(ValueError, match="unknown method='nope'"):
        sde.set_default_sdeint("nope")

    class Mine(sde.Euler):
        pass

    sde.register_sde_integrator("test_registry_mine", Mine)
    assert "test_registry_mine" in sde.get_supported_methods()
    assert isinstance(
        bd.sdeint(lambda x, t: -x, lambda x, t: 1.0, method="test_registry_mine"), Mine
    )
    with pytest.raises(ValueError, match="is taken"):
        sde.register_sde_integrator("euler", Mine)
    with pytest.raises(ValueError, match="subclass of SDEIntegrator"):
        sde.register_sde_integrator("not_a_class", object)
    by_g = bd.sdeint(lambda x, t: -x)(lambda x, t: 0.0)
    by_f = bd.sdeint(g=lambda x, t: 0.0)(lambda x, t: -x)
    assert float(by_g(1.0, 0.0, dt=0.5)) == float(by_f(1.0, 0.0, dt=0.5)) == 0.5

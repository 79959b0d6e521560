"""``sdeint``: hand-computed steps, exact solutions of geometric Brownian motion, OU statistics."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn.integrators import DiffEqError

DT = 0.01


def normals(seed: int, shape: tuple[int, ...], n: int) -> np.ndarray:
    """The standard normals ``n`` steps of a scalar-Wiener integrator draw, one per step."""
    bm.random.seed(seed)
    return np.stack([np.asarray(bm.random.normal(0.0, 1.0, size=shape)) for _ in range(n)])


def test_euler_step_is_drift_plus_diffusion_times_sqrt_dt_xi():
    intg = bd.sdeint(lambda x, t, a: -a * x, lambda x, t, a: 0.3 * x + 0.1, method="euler")
    x0 = np.array([1.0, -2.0, 0.5], np.float32)
    (xi,) = normals(4, (3,), 1)
    bm.random.seed(4)
    got = np.asarray(intg(x0, 0.0, 2.0, dt=DT))
    want = x0 + (-2.0 * x0) * DT + (0.3 * x0 + 0.1) * np.sqrt(DT) * xi
    np.testing.assert_allclose(got, want, rtol=1e-6)


def gbm_paths(method: str, intg_type: str, seed: int = 1, n: int = 200, paths: int = 2000):
    """Geometric Brownian motion dX = mu X dt + sigma X dW, X0 = 1, and its exact solution."""
    mu, sigma = 0.5, 0.8
    intg = bd.sdeint(
        lambda x, t: mu * x, lambda x, t: sigma * x, method=method, intg_type=intg_type
    )
    xi = normals(seed, (paths,), n)
    bm.random.seed(seed)
    x = bm.ones(paths)
    for i in range(n):
        x = intg(x, i * DT, dt=DT)
    w = np.sqrt(DT) * xi.sum(axis=0)
    drift = mu - 0.5 * sigma**2 if intg_type == "Ito" else mu
    exact = np.exp(drift * n * DT + sigma * w)
    return np.asarray(x), exact


@pytest.mark.parametrize("intg_type", ["Ito", "Stratonovich"])
def test_milstein_converges_strongly_faster_than_the_order_half_methods(intg_type):
    """Same Wiener path: Milstein's error (strong order 1) is far below Euler's/Heun's."""
    low_order = "euler" if intg_type == "Ito" else "heun"
    errors, scale = {}, 0.0
    for method in (low_order, "milstein", "milstein2"):
        x, exact = gbm_paths(method, intg_type)
        errors[method] = np.mean(np.abs(x - exact))
        scale = np.mean(np.abs(exact))
    if intg_type == "Ito":
        assert errors["milstein"] < 0.35 * errors["euler"], errors
        assert errors["milstein2"] < 0.35 * errors["euler"], errors
    # Strong order 1 (Heun too, for this diagonal noise): ~1% of |X_T| at dt = 0.01, T = 2.
    assert errors["milstein"] < 0.02 * scale and errors["milstein2"] < 0.02 * scale, errors
    if intg_type == "Stratonovich":
        assert errors["heun"] < 0.02 * scale, errors


def test_ito_and_stratonovich_have_their_own_means():
    """E[X_T] = exp(mu T) (Ito) vs exp((mu + sigma^2 / 2) T) (Stratonovich) for GBM."""
    x_ito, _ = gbm_paths("milstein", "Ito", paths=20000, n=100)
    x_str, _ = gbm_paths("milstein", "Stratonovich", paths=20000, n=100)
    T, mu, sigma = 1.0, 0.5, 0.8
    assert abs(x_ito.mean() / np.exp(mu * T) - 1) < 0.03
    assert abs(x_str.mean() / np.exp((mu + sigma**2 / 2) * T) - 1) < 0.03


def test_ornstein_uhlenbeck_stationary_variance():
    """Euler-Maruyama on dx = -theta x dt + s dW is the AR(1) chain x' = (1 - theta dt) x + s dW,
    whose stationary variance is s^2 dt / (1 - (1 - theta dt)^2)."""
    theta, s, dt = 2.0, 0.5, 0.05
    ou = bd.sdeint(lambda x, t: -theta * x, lambda x, t: s, method="euler")
    bm.random.seed(0)
    x = bm.zeros(20000)
    for _ in range(200):  # 10 relaxation times
        x = ou(x, 0.0, dt=dt)
    want = s**2 * dt / (1 - (1 - theta * dt) ** 2)
    assert abs(float(np.var(np.asarray(x))) / want - 1) < 0.05


def test_exp_euler_drift_is_exact_for_linear_drift_without_noise():
    intg = bd.sdeint(lambda x, t, tau: -x / tau, lambda x, t, tau: None, method="exp_euler")
    got = float(intg(2.0, 0.0, 10.0, dt=5.0))
    assert got == pytest.approx(2.0 * np.exp(-0.5), rel=1e-6)


def test_two_variables_with_noise_on_one_and_a_vector_wiener_process():
    intg = bd.sdeint(
        lambda V, w, t: (-V + w, -w),
        lambda V, w, t: (0.2 * bm.ones(2), None),
        method="heun",
        intg_type="Stratonovich",
    )
    (xi,) = normals(2, (2,), 1)
    bm.random.seed(2)
    V, w = intg(np.zeros(2, np.float32), np.ones(2, np.float32), 0.0, dt=DT)
    np.testing.assert_allclose(np.asarray(w), np.full(2, 1 - DT + DT**2 / 2), rtol=1e-6)
    noise = 0.2 * np.sqrt(DT) * xi
    V1 = 1.0 * DT + noise  # the predictor
    want = 0.5 * ((0 + 1.0) + (-V1 + (1 - DT))) * DT + noise
    np.testing.assert_allclose(np.asarray(V), want, rtol=1e-5)

    vec = bd.sdeint(
        lambda x, t: 0.0 * x, lambda x, t: bm.ones((3, 4)), method="euler", wiener_type="vector"
    )
    (xi,) = normals(5, (3, 4), 1)
    bm.random.seed(5)
    got = np.asarray(vec(np.zeros(3, np.float32), 0.0, dt=DT))
    np.testing.assert_allclose(got, np.sqrt(DT) * xi.sum(axis=1), rtol=1e-5)


def test_sdeint_runs_in_a_compiled_loop_with_fresh_noise_each_step():
    ou = bd.sdeint(lambda x, t: -x, lambda x, t: 1.0)
    x = bm.Variable(bm.zeros(4))

    def step(i):
        x.value = ou(x.value, i * DT, dt=DT)
        return x.value

    bm.random.seed(3)
    path = np.asarray(bm.for_loop(step, bm.arange(50)))
    assert np.unique(path[-1]).size == 4  # independent elements
    assert not np.allclose(path[1:] - path[:-1], path[1] - path[0])  # fresh draws every step
    bm.random.seed(3)
    x.value = bm.zeros(4)
    again = np.asarray(bm.for_loop(step, bm.arange(50)))
    np.testing.assert_array_equal(path, again)


def test_decorator_form_and_supported_methods():
    @bd.sdeint(g=lambda x, t: 0.0, method="milstein2")
    def drift(x, t):
        return 1.0 - x

    assert float(drift(0.0, 0.0, dt=0.5)) == pytest.approx(0.5)
    assert set(bd.integrators.get_supported_sde_methods()) >= {
        "euler",
        "heun",
        "milstein",
        "milstein2",
        "milstein_grad_free",
        "exp_euler",
        "exponential_euler",
    }


def test_bad_arguments_name_what_was_expected():
    f, g = (lambda x, t: -x), (lambda x, t: 1.0)
    with pytest.raises(ValueError, match="unknown method='rk4'"):
        bd.sdeint(f, g, method="rk4")
    with pytest.raises(ValueError, match="intg_type must be one of"):
        bd.sdeint(f, g, intg_type="Levy")
    with pytest.raises(ValueError, match="Heun integrates Stratonovich SDEs"):
        bd.sdeint(f, g, method="heun")
    with pytest.raises(ValueError, match="wiener_type must be one of"):
        bd.sdeint(f, g, wiener_type="matrix")
    with pytest.raises(ValueError, match="MilsteinGradFree supports wiener_type"):
        bd.sdeint(f, g, method="milstein2", wiener_type="vector")
    with pytest.raises(TypeError, match="g must be a callable diffusion"):
        bd.sdeint(f)(None)
    with pytest.raises(DiffEqError, match="g must take the same arguments as f"):
        bd.sdeint(f, lambda x, t, sigma: sigma)
    vec = bd.sdeint(f, lambda x, t: bm.ones(3), wiener_type="vector")
    with pytest.raises(DiffEqError, match="plus a last axis of noise sources"):
        vec(np.zeros(3, np.float32), 0.0, dt=DT)

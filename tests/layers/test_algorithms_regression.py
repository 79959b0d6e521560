"""brainpy_layers.algorithms: polynomial, penalised and logistic regressions against NumPy."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from brainpy_layers import algorithms
from brainpy_layers.algorithms import offline, online, utils


def _np_poly(x, degree, bias):
    cols = [np.ones(len(x))] if bias else []
    for d in range(1, degree + 1):
        for combo in itertools.combinations_with_replacement(range(x.shape[1]), d):
            cols.append(np.prod(x[:, combo], axis=1))
    return np.stack(cols, axis=1)


def _np_normalize(x):
    n = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.where(n == 0, 1, n)


def _np_lasso_cd(x, y, l1, l2, sweeps=3000):
    """Textbook cyclic coordinate descent for ½‖Xw−y‖² + l1‖w‖₁ + ½l2‖w‖²."""
    w = np.zeros((x.shape[1], y.shape[1]))
    for _ in range(sweeps):
        for j in range(x.shape[1]):
            r = y - x @ w + np.outer(x[:, j], w[j])
            rho = x[:, j] @ r
            w[j] = np.sign(rho) * np.maximum(np.abs(rho) - l1, 0) / (x[:, j] @ x[:, j] + l2)
    return w


def _data(n=30, n_in=3, n_out=2, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=(n, n_in))
    y = rng.normal(size=(n, n_out))
    return x.astype(np.float32), y.astype(np.float32)


@pytest.mark.parametrize("degree", [1, 2, 3])
@pytest.mark.parametrize("bias", [True, False])
def test_polynomial_features_and_normalize_match_numpy(degree, bias):
    x, _ = _data(n=5)
    got = utils.polynomial_features(x, degree=degree, add_bias=bias)
    ref = _np_poly(x.astype(np.float64), degree, bias)
    np.testing.assert_allclose(got, ref, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(utils.normalize(got), _np_normalize(ref), rtol=1e-5, atol=1e-6)


def test_regularizers_values_and_gradients():
    w = np.array([[1.5], [-2.0], [0.0]], np.float32)
    np.testing.assert_allclose(utils.L1Regularization(0.3)(w), 0.3 * 3.5, rtol=1e-6)
    np.testing.assert_allclose(utils.L1Regularization(0.3).grad(w), 0.3 * np.sign(w))
    np.testing.assert_allclose(utils.L2Regularization(0.3)(w), 0.15 * 6.25, rtol=1e-6)
    np.testing.assert_allclose(utils.L2Regularization(0.3).grad(w), 0.3 * w, rtol=1e-6)
    en = utils.L1L2Regularization(2.0, l1_ratio=0.25)
    np.testing.assert_allclose(en(w), 2 * (0.25 * 3.5 + 0.75 * 0.5 * 6.25), rtol=1e-6)
    np.testing.assert_allclose(en.grad(w), 2 * (0.25 * np.sign(w) + 0.75 * w), rtol=1e-6)
    with pytest.raises(ValueError, match="l1_ratio must lie in \\[0, 1\\], got 2"):
        utils.L1L2Regularization(1.0, l1_ratio=2)


def test_polynomial_regression_recovers_the_coefficients():
    x = np.linspace(-1, 1, 21, dtype=np.float32)[:, None]
    y = 0.5 - 1.5 * x + 2.0 * x**2
    exact = algorithms.PolynomialRegression(degree=2, add_bias=True, gradient_descent=False)
    np.testing.assert_allclose(exact(y, x)[:, 0], [0.5, -1.5, 2.0], atol=1e-4)
    gd = algorithms.PolynomialRegression(
        degree=2, add_bias=True, max_iter=20000, learning_rate=0.02
    )
    w = gd(y, x)
    np.testing.assert_allclose(w[:, 0], [0.5, -1.5, 2.0], atol=2e-3)
    np.testing.assert_allclose(gd.predict(w, x), y, atol=2e-3)


@pytest.mark.parametrize("bias", [True, False])
def test_polynomial_ridge_closed_form_and_gradient_descent(bias):
    x, y = _data()
    alpha = 0.3
    phi = _np_normalize(_np_poly(x.astype(np.float64), 2, bias))
    ref = np.linalg.solve(phi.T @ phi + alpha * np.eye(phi.shape[1]), phi.T @ y)
    closed = algorithms.PolynomialRidgeRegression(
        alpha=alpha, add_bias=bias, gradient_descent=False
    )
    w = closed(y, x)
    np.testing.assert_allclose(w, ref, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(closed.predict(w, x), phi @ ref, rtol=1e-4, atol=1e-4)
    gd = algorithms.PolynomialRidgeRegression(
        alpha=alpha, add_bias=bias, max_iter=50000, learning_rate=0.05
    )
    np.testing.assert_allclose(gd(y, x), ref, atol=2e-3)


def test_lasso_coordinate_descent_matches_numpy_and_the_kkt_conditions():
    x, y = _data(n=40, n_in=4)
    alpha = 0.5
    alg = algorithms.LassoRegression(alpha=alpha, degree=1, gradient_descent=False, max_iter=3000)
    w = np.asarray(alg(y, x), np.float64)
    phi = _np_normalize(x.astype(np.float64))
    np.testing.assert_allclose(w, _np_lasso_cd(phi, y.astype(np.float64), alpha, 0.0), atol=1e-4)
    # KKT: Φᵀ(y − Φw) = α sign(w) where w ≠ 0 and |·| ≤ α where w = 0.
    g = phi.T @ (y - phi @ w)
    nz = np.abs(w) > 1e-6
    assert (~nz).any() and nz.any()  # some weights are shrunk to exactly zero
    np.testing.assert_allclose(g[nz], alpha * np.sign(w[nz]), atol=1e-3)
    assert np.all(np.abs(g[~nz]) <= alpha + 1e-3)
    # (Sub)gradient descent, 2.3.5's solver, lands next to the exact minimiser.
    gd = algorithms.LassoRegression(alpha=alpha, degree=1, max_iter=20000, learning_rate=0.01)
    np.testing.assert_allclose(gd(y, x), w, atol=0.02)


def test_elastic_net_coordinate_descent_and_gradient_descent():
    x, y = _data(n=40, n_in=2, n_out=1, seed=3)
    alpha, ratio = 0.4, 0.3
    l1, l2 = alpha * ratio, alpha * (1 - ratio)
    phi = _np_normalize(_np_poly(x.astype(np.float64), 2, False))
    ref = _np_lasso_cd(phi, y.astype(np.float64), l1, l2)
    alg = algorithms.ElasticNetRegression(
        alpha=alpha, l1_ratio=ratio, gradient_descent=False, max_iter=3000
    )
    w = alg(y, x)
    np.testing.assert_allclose(w, ref, atol=1e-4)
    np.testing.assert_allclose(alg.predict(w, x), phi @ ref, atol=1e-4)
    gd = algorithms.ElasticNetRegression(
        alpha=alpha, l1_ratio=ratio, max_iter=50000, learning_rate=0.02
    )
    np.testing.assert_allclose(gd(y, x), ref, atol=0.02)


def test_logistic_regression_gradient_descent_and_newton_reach_the_mle():
    rng = np.random.default_rng(1)
    x = np.concatenate([rng.normal(size=(60, 2)), np.ones((60, 1))], axis=1)
    p_true = 1 / (1 + np.exp(-(x @ np.array([1.5, -1.0, 0.3]))))
    y = (rng.uniform(size=60) < p_true).astype(np.float64)[:, None]
    # NumPy gradient descent with the same rule, start and stopping test.
    w = np.zeros((3, 1))
    for _ in range(4000):
        new = w - 0.05 * x.T @ (1 / (1 + np.exp(-(x @ w))) - y)
        done = np.all(np.abs(new - w) <= 1e-8 + 1e-5 * np.abs(w))
        w = new
        if done:
            break
    gd = algorithms.LogisticRegression(learning_rate=0.05)
    w_gd = gd(y.astype(np.float32), x.astype(np.float32))
    np.testing.assert_allclose(w_gd, w, atol=2e-3)
    newton = algorithms.LogisticRegression(gradient_descent=False, max_iter=50)
    w_nt = np.asarray(newton(y, x), np.float64)
    grad = x.T @ (1 / (1 + np.exp(-(x @ w_nt))) - y)
    np.testing.assert_allclose(grad, 0, atol=1e-3)  # the likelihood's stationary point
    np.testing.assert_allclose(w_nt, w, atol=5e-3)
    prob = gd.predict(w_gd, x.astype(np.float32))
    np.testing.assert_allclose(prob, 1 / (1 + np.exp(-(x @ w))), atol=1e-3)
    with pytest.raises(ValueError, match="targets must have one column.*got shape \\(60, 2\\)"):
        gd(np.concatenate([y, y], 1), x)


def test_linear_and_ridge_gradient_descent_and_function_forms():
    x, y = _data(n=30, n_in=3)
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    ref = np.linalg.lstsq(x64, y64, rcond=None)[0]
    np.testing.assert_allclose(algorithms.linear_regression(y, x), ref, atol=1e-4)
    ridge = np.linalg.solve(x64.T @ x64 + 1e-7 * np.eye(3), x64.T @ y64)
    np.testing.assert_allclose(algorithms.ridge_regression(y, x), ridge, atol=1e-4)
    lin_gd = algorithms.LinearRegression(gradient_descent=True, max_iter=20000, learning_rate=0.02)
    np.testing.assert_allclose(lin_gd(y, x), ref, atol=1e-3)
    r = algorithms.RidgeRegression(
        alpha=2.0, gradient_descent=True, max_iter=20000, learning_rate=0.02
    )
    ref2 = np.linalg.solve(x64.T @ x64 + 2.0 * np.eye(3), x64.T @ y64)
    np.testing.assert_allclose(r(y, x), ref2, atol=1e-3)
    with pytest.warns(DeprecationWarning, match="beta is deprecated"):
        assert algorithms.RidgeRegression(beta=0.5).alpha == 0.5


def test_registries_and_names(monkeypatch):
    # Registrations are process-wide: give this test its own copies of the registries.
    from brainpy_layers._src.algorithms import offline as offline_src
    from brainpy_layers._src.algorithms import online as online_src

    monkeypatch.setattr(offline_src, "_METHODS", dict(offline_src._METHODS))
    monkeypatch.setattr(online_src, "_METHODS", dict(online_src._METHODS))
    assert algorithms.offline.LassoRegression is algorithms.LassoRegression
    assert online.RLS is algorithms.RLS
    inst = algorithms.RidgeRegression(alpha=3.0)
    offline.register_offline_method("test_ridge_3", inst)
    assert algorithms.get_offline_method("test_ridge_3") is inst
    assert "test_ridge_3" in algorithms.get_supported_offline_methods()
    with pytest.raises(ValueError, match="'test_ridge_3' is registered already"):
        algorithms.register_offline_method("test_ridge_3", inst)
    with pytest.raises(TypeError, match="method must be an OfflineAlgorithm"):
        algorithms.register_offline_method("bad", lambda t, i, o=None: None)
    lasso = algorithms.get_offline_method({"name": "lasso", "alpha": 0.2, "degree": 1})
    assert isinstance(lasso, algorithms.LassoRegression) and lasso.alpha == 0.2
    algorithms.register_online_method("test_lms", algorithms.LMS)
    assert algorithms.get_online_method({"name": "test_lms", "alpha": 0.3}).alpha == 0.3
    with pytest.raises(TypeError, match="method must be an OnlineAlgorithm"):
        algorithms.register_online_method("bad", algorithms.RidgeRegression())
    with pytest.raises(ValueError, match="degree must be an int >= 1, got 0"):
        algorithms.PolynomialRegression(degree=0)
    with pytest.raises(ValueError, match="alpha must be a finite number >= 0"):
        algorithms.LassoRegression(alpha=-1.0)

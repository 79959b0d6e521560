"""brainpy_layers.algorithms: the regressions against NumPy, RLS and LMS transcriptions."""

from __future__ import annotations

import numpy as np
import pytest

from brainpy_layers import algorithms


def _xy(n=40, n_in=5, n_out=3, seed=0):
    rng = np.random.default_rng(seed)
    return (
        rng.normal(size=(n, n_in)).astype(np.float32),
        rng.normal(size=(n, n_out)).astype(np.float32),
    )


@pytest.mark.parametrize("alpha", [1e-7, 1e-2, 1.0, 10.0])
@pytest.mark.parametrize("shape", [(40, 5, 3), (12, 7, 1)])
def test_ridge_equals_the_numpy_closed_form(alpha, shape):
    x, y = _xy(*shape)
    w = algorithms.RidgeRegression(alpha=alpha)(y, x)
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    ref = np.linalg.inv(x64.T @ x64 + alpha * np.eye(shape[1])) @ x64.T @ y64
    assert w.shape == (shape[1], shape[2])
    np.testing.assert_allclose(w, ref, rtol=1e-4, atol=1e-5)


def test_ridge_alpha_zero_and_linear_regression_equal_lstsq():
    x, y = _xy()
    ref = np.linalg.lstsq(x.astype(np.float64), y.astype(np.float64), rcond=None)[0]
    np.testing.assert_allclose(algorithms.LinearRegression()(y, x), ref, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(algorithms.RidgeRegression(alpha=0)(y, x), ref, rtol=1e-4, atol=1e-5)


def test_rank_deficient_lstsq_gives_the_minimum_norm_solution():
    x = np.array([[1.0, 1.0], [2.0, 2.0]], np.float32)
    y = np.array([[2.0], [4.0]], np.float32)
    np.testing.assert_allclose(algorithms.LinearRegression()(y, x), [[1.0], [1.0]], atol=1e-5)


def test_higher_rank_data_are_flattened_over_leading_axes():
    x, y = _xy(n=24)
    w3 = algorithms.RidgeRegression(alpha=0.5)(y.reshape(2, 12, -1), x.reshape(2, 12, -1))
    np.testing.assert_allclose(w3, algorithms.RidgeRegression(alpha=0.5)(y, x), rtol=1e-5)


def test_offline_errors():
    x, y = _xy()
    with pytest.raises(
        ValueError, match="same number of samples.*inputs \\(40, 5\\) and targets \\(39, 3\\)"
    ):
        algorithms.RidgeRegression()(y[:39], x)
    with pytest.raises(ValueError, match="inputs must be at least 2-D.*got shape \\(40,\\)"):
        algorithms.LinearRegression()(y, x[:, 0])
    with pytest.raises(ValueError, match="alpha must be a finite number >= 0, got -1"):
        algorithms.RidgeRegression(alpha=-1)
    with pytest.raises(ValueError, match="fit_method name must be one of"):
        algorithms.get_offline_method("nope")
    assert isinstance(algorithms.get_offline_method(None), algorithms.RidgeRegression)
    assert algorithms.get_offline_method({"name": "ridge", "alpha": 2.0}).alpha == 2.0
    assert isinstance(algorithms.get_offline_method("linear"), algorithms.LinearRegression)
    assert set(algorithms.get_supported_offline_methods()) >= {
        "linear",
        "lstsq",
        "ridge",
        "lasso",
        "logistic",
        "polynomial",
        "polynomial_ridge",
        "elastic_net",
    }


def _numpy_rls(xs, ys, alpha):
    """Classic single-sample RLS, the FORCE rule, from zero weights."""
    w = np.zeros((xs.shape[1], ys.shape[1]))
    p = np.eye(xs.shape[1]) * alpha
    ws = []
    for x, y in zip(xs, ys):
        e = x @ w - y
        k = p @ x
        c = 1.0 / (1.0 + x @ k)
        p = p - c * np.outer(k, k)
        w = w - c * np.outer(k, e)
        ws.append(w.copy())
    return ws, p


def test_rls_matches_the_numpy_transcription_step_by_step():
    rng = np.random.default_rng(1)
    xs = rng.normal(size=(30, 4))
    ys = xs @ rng.normal(size=(4, 2))
    rls = algorithms.RLS(alpha=0.5)
    rls.register_target(4, "r")
    ref_ws, ref_p = _numpy_rls(xs, ys, 0.5)
    w = np.zeros((4, 2), np.float32)
    for x, y, ref in zip(xs.astype(np.float32), ys.astype(np.float32), ref_ws):
        w = w + np.asarray(rls(y, x, x @ w, "r"))
        np.testing.assert_allclose(w, ref, rtol=1e-3, atol=1e-4)
    np.testing.assert_allclose(rls.P["r"].value, ref_p, rtol=1e-3, atol=1e-5)
    # RLS from P = alpha*I is ridge regression with 1/alpha: the exact recursive solution
    ridge = np.linalg.solve(xs.T @ xs + np.eye(4) / 0.5, xs.T @ ys)
    np.testing.assert_allclose(w, ridge, rtol=1e-3, atol=1e-4)


def test_rls_block_update_equals_sequential_updates():
    rng = np.random.default_rng(2)
    xs = rng.normal(size=(3, 4)).astype(np.float32)
    ys = rng.normal(size=(3, 1)).astype(np.float32)
    block, seq = algorithms.RLS(alpha=1.0), algorithms.RLS(alpha=1.0)
    block.register_target(4)
    seq.register_target(4)
    w_block = np.asarray(block(ys, xs, np.zeros((3, 1), np.float32)))
    w = np.zeros((4, 1), np.float32)
    for x, y in zip(xs, ys):
        w = w + np.asarray(seq(y, x, x @ w))
    np.testing.assert_allclose(w_block, w, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(block.P[""].value, seq.P[""].value, rtol=1e-4, atol=1e-6)


def test_lms_is_the_widrow_hoff_rule():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(5, 3)).astype(np.float32)
    t = rng.normal(size=(5, 2)).astype(np.float32)
    o = rng.normal(size=(5, 2)).astype(np.float32)
    dw = algorithms.LMS(alpha=0.2)(t, x, o)
    np.testing.assert_allclose(dw, -0.2 * x.T @ (o - t), rtol=1e-5)


def test_online_errors():
    rls = algorithms.RLS()
    with pytest.raises(ValueError, match="identifier 'x' was never registered"):
        rls(np.ones(1), np.ones(2), np.ones(1), "x")
    rls.register_target(2, "x")
    with pytest.raises(ValueError, match="must have 2 features.*got shape \\(1, 3\\)"):
        rls(np.ones(1), np.ones(3), np.ones(1), "x")
    with pytest.raises(ValueError, match="target and output must have one shape"):
        rls(np.ones(2), np.ones(2), np.ones(1), "x")
    with pytest.raises(ValueError, match="alpha must be a finite number > 0, got 0"):
        algorithms.LMS(alpha=0)
    with pytest.raises(ValueError, match="feature_in must be a positive int"):
        rls.register_target(0)
    with pytest.raises(TypeError, match="fit_method must be an OnlineAlgorithm"):
        algorithms.get_online_method(3)
    assert algorithms.get_online_method({"name": "rls", "alpha": 2.0}).alpha == 2.0
    assert algorithms.get_supported_online_methods() == ("rls", "lms")

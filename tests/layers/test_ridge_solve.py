"""The ridge solver of the offline trainers: every path equals the float64 closed form."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from brainpy_layers import algorithms
from brainpy_layers._src.algorithms import offline


def _closed_form(x, y, alpha):
    x64, y64 = np.asarray(x, np.float64), np.asarray(y, np.float64)
    return np.linalg.solve(x64.T @ x64 + alpha * np.eye(x.shape[1]), x64.T @ y64)


def _correlated(m=600, n=40, rank=6, noise=1e-3, seed=0):
    """Tall data of a few strong directions plus weak noise (like reservoir states)."""
    rng = np.random.default_rng(seed)
    x = np.tanh(rng.normal(size=(m, rank)) @ rng.normal(size=(rank, n)) * 0.5)
    x = (x + noise * rng.normal(size=(m, n))).astype(np.float32)
    y = (x[:, :3] @ rng.normal(size=(3, 2)) + 0.01 * rng.normal(size=(m, 2))).astype(np.float32)
    return x, y


@pytest.mark.parametrize("alpha", [1e-6, 1e-2, 1.0])
def test_host_and_compiled_paths_equal_the_closed_form(alpha):
    x, y = _correlated()
    ref = _closed_form(x, y, alpha)
    host = offline.ridge_solve(y, x, alpha)  # concrete CPU data: float64 on the host
    traced = jax.jit(offline.ridge_solve, static_argnums=2)(y, x, alpha)  # CholeskyQR
    assert host.dtype == traced.dtype == jnp.float32
    scale = np.abs(ref).max()
    np.testing.assert_allclose(host, ref, rtol=1e-4, atol=1e-5 * scale)
    np.testing.assert_allclose(traced, ref, rtol=1e-2, atol=1e-3 * scale)


def test_cholesky_qr_keeps_the_accuracy_of_qr_on_ill_conditioned_data():
    # cond(X) ~ 1e5: the float32 normal equations lose every digit at this alpha
    x, y = _correlated(noise=1e-5, seed=3)
    alpha = 1e-7
    ref = _closed_form(x, y, alpha)
    w = np.asarray(offline._ridge_by_cholesky_qr(jnp.asarray(x), jnp.asarray(y), alpha))
    assert np.isfinite(w).all()
    np.testing.assert_allclose(x @ w, x @ ref, atol=1e-3 * np.abs(x @ ref).max())
    svd = np.asarray(offline._ridge_by_svd(jnp.asarray(x), jnp.asarray(y), alpha))
    assert np.linalg.norm(w - ref) <= 2 * np.linalg.norm(svd - ref) + 1e-6 * np.linalg.norm(ref)


def test_ill_posed_host_problems_go_to_the_compiled_solver():
    x, y = _correlated()
    # trace(XᵀX) / alpha beyond what float64 normal equations resolve: declined on the host
    assert offline._ridge_on_host(x, y, 1e-12) is None
    assert offline._ridge_on_host(x, y, 1e-3) is not None
    w = algorithms.RidgeRegression(alpha=1e-12)(y, x)
    assert np.isfinite(np.asarray(w)).all()
    np.testing.assert_allclose(x @ np.asarray(w), y, atol=0.05)


def test_wide_data_and_non_finite_fall_back_to_the_svd():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(5, 20)).astype(np.float32)
    y = rng.normal(size=(5, 2)).astype(np.float32)
    w = jax.jit(offline.ridge_solve, static_argnums=2)(y, x, 0.5)
    np.testing.assert_allclose(w, _closed_form(x, y, 0.5), rtol=1e-4, atol=1e-5)


def test_a_new_alpha_reuses_the_compiled_solver():
    x, y = _correlated(m=50, n=4)
    xs, ys = jnp.asarray(x), jnp.asarray(y)
    offline._ridge_solve(xs, ys, jnp.float32(0.1))
    before = offline._ridge_solve._cache_size()
    offline._ridge_solve(xs, ys, jnp.float32(0.2))
    assert offline._ridge_solve._cache_size() == before


def test_a_traced_alpha_with_concrete_data_compiles_instead():
    x, y = _correlated(m=60, n=5)
    w = jax.jit(lambda a: offline.ridge_solve(y, x, a))(0.5)
    np.testing.assert_allclose(w, _closed_form(x, y, 0.5), rtol=1e-3, atol=1e-4)

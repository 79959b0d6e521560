"""Gamma-family samplers against their analytic mean and variance (large samples, fixed seeds).

Kept apart from test_random_continuous.py because each of these compiles JAX's gamma sampler.
"""

import math

import numpy as np
import pytest

import brainpy_math as bm

N = 200_000
EULER = 0.5772156649015329

# name: (draw(rng, size), mean, variance, relative tolerance of the variance)
CASES = {
    "gamma": (lambda r, n: r.gamma(2.5, 1.5, n), 3.75, 5.625, 0.05),
    "standard_gamma": (lambda r, n: r.standard_gamma(0.5, n), 0.5, 0.5, 0.08),
    "beta": (lambda r, n: r.beta(2.0, 3.0, n), 0.4, 0.04, 0.03),
    "chisquare": (lambda r, n: r.chisquare(4.0, n), 4.0, 8.0, 0.05),
    "noncentral_chisquare": (lambda r, n: r.noncentral_chisquare(3.0, 2.0, n), 5.0, 14.0, 0.05),
    "f": (lambda r, n: r.f(5.0, 20.0, n), 20 / 18, 2 * 400 * 23 / (5 * 18**2 * 16), 0.1),
    "standard_t": (lambda r, n: r.standard_t(10.0, n), 0.0, 1.25, 0.06),
    "loggamma": (lambda r, n: r.loggamma(2.0, n), 1 - EULER, math.pi**2 / 6 - 1, 0.03),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_mean_and_variance(name):
    draw, mean, var, rtol = CASES[name]
    x = np.asarray(draw(bm.random.RandomState(1234), N), dtype=np.float64)
    assert x.shape == (N,)
    assert np.isfinite(x).all()
    assert abs(x.mean() - mean) <= 6 * math.sqrt(var / N), (x.mean(), mean)
    assert abs(x.var() - var) <= rtol * var, (x.var(), var)


def test_dirichlet_moments():
    alpha = np.array([1.0, 2.0, 3.0])
    x = np.asarray(bm.random.RandomState(2).dirichlet(alpha, N), dtype=np.float64)
    assert x.shape == (N, 3)
    np.testing.assert_allclose(x.sum(-1), 1.0, atol=1e-5)
    a0 = alpha.sum()
    np.testing.assert_allclose(x.mean(0), alpha / a0, atol=3e-3)
    np.testing.assert_allclose(x.var(0), alpha * (a0 - alpha) / (a0**2 * (a0 + 1)), rtol=0.03)

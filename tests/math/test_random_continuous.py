"""Continuous samplers against their analytic mean and variance (large samples, fixed seeds).

The gamma family (gamma, beta, chi-square, F, t, Dirichlet) is in test_random_gamma.py.

Tolerances: the sample mean within 6 standard errors; the sample variance within a relative
tolerance chosen per distribution from its tail weight. Seeds are fixed, so the tests are
deterministic; the tolerances only need to be wide enough to hold for any seed.
"""

import math

import jax.scipy.special as jsp
import numpy as np
import pytest

import brainpy_math as bm

N = 200_000
EULER = 0.5772156649015329


def _phi(x):
    return math.exp(-x * x / 2) / math.sqrt(2 * math.pi)


def _Phi(x):
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def _truncnorm_moments(lower, upper, loc, scale):
    a, b = (lower - loc) / scale, (upper - loc) / scale
    z = _Phi(b) - _Phi(a)
    m = (_phi(a) - _phi(b)) / z
    var = 1 + (a * _phi(a) - b * _phi(b)) / z - m * m
    return loc + scale * m, scale * scale * var


# BrainPy 2.3.5's meaning: a standard normal truncated to [-1, 2], then * scale + loc.
_TN_MEAN, _TN_VAR = _truncnorm_moments(-1.0, 2.0, 0.0, 1.0)
_TN_MEAN, _TN_VAR = 0.5 + 2.0 * _TN_MEAN, 4.0 * _TN_VAR

# name: (draw(rng, size), mean, variance, relative tolerance of the variance)
CASES = {
    "random": (lambda r, n: r.random(n), 0.5, 1 / 12, 0.02),
    "uniform": (lambda r, n: r.uniform(-2.0, 3.0, n), 0.5, 25 / 12, 0.02),
    "normal": (lambda r, n: r.normal(1.5, 2.0, n), 1.5, 4.0, 0.03),
    "standard_normal": (lambda r, n: r.standard_normal(n), 0.0, 1.0, 0.03),
    "lognormal": (
        lambda r, n: r.lognormal(0.2, 0.5, n),
        math.exp(0.2 + 0.125),
        (math.exp(0.25) - 1) * math.exp(0.4 + 0.25),
        0.06,
    ),
    "truncated_normal": (
        lambda r, n: r.truncated_normal(-1.0, 2.0, n, loc=0.5, scale=2.0),
        _TN_MEAN,
        _TN_VAR,
        0.03,
    ),
    "exponential": (lambda r, n: r.exponential(2.0, n), 2.0, 4.0, 0.05),
    "standard_exponential": (lambda r, n: r.standard_exponential(n), 1.0, 1.0, 0.05),
    "gumbel": (lambda r, n: r.gumbel(1.0, 2.0, n), 1 + 2 * EULER, math.pi**2 / 6 * 4, 0.04),
    "laplace": (lambda r, n: r.laplace(1.0, 2.0, n), 1.0, 8.0, 0.05),
    "logistic": (lambda r, n: r.logistic(1.0, 2.0, n), 1.0, 4 * math.pi**2 / 3, 0.04),
    "rayleigh": (
        lambda r, n: r.rayleigh(2.0, n),
        2 * math.sqrt(math.pi / 2),
        (4 - math.pi) / 2 * 4,
        0.03,
    ),
    "maxwell": (
        lambda r, n: r.maxwell(n),
        2 * math.sqrt(2 / math.pi),
        (3 * math.pi - 8) / math.pi,
        0.03,
    ),
    "pareto": (lambda r, n: r.pareto(9.0, n), 1 / 8, 9 / (64 * 7), 0.1),
    "power": (lambda r, n: r.power(3.0, n), 0.75, 3 / (16 * 5), 0.03),
    "weibull": (lambda r, n: r.weibull(2.0, n), math.gamma(1.5), 1 - math.gamma(1.5) ** 2, 0.03),
    "weibull_min": (
        lambda r, n: r.weibull_min(2.0, 3.0, n),
        3 * math.gamma(1.5),
        9 * (1 - math.gamma(1.5) ** 2),
        0.03,
    ),
    "triangular": (lambda r, n: r.triangular(0.0, 1.0, 4.0, n), 5 / 3, 13 / 18, 0.03),
    "wald": (lambda r, n: r.wald(2.0, 3.0, n), 2.0, 8 / 3, 0.1),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_mean_and_variance(name):
    draw, mean, var, rtol = CASES[name]
    x = np.asarray(draw(bm.random.RandomState(1234), N), dtype=np.float64)
    assert x.shape == (N,)
    assert np.isfinite(x).all()
    assert abs(x.mean() - mean) <= 6 * math.sqrt(var / N), (x.mean(), mean)
    assert abs(x.var() - var) <= rtol * var, (x.var(), var)


def test_uniform_and_truncated_normal_stay_in_bounds():
    rng = bm.random.RandomState(0)
    u = np.asarray(rng.uniform(-2.0, 3.0, N))
    assert u.min() >= -2.0 and u.max() < 3.0
    t = np.asarray(rng.truncated_normal(-1.0, 2.0, N, loc=0.5, scale=2.0))
    assert t.min() >= 0.5 - 2.0 and t.max() <= 0.5 + 4.0
    s = np.asarray(rng.truncated_normal(-1.0, 2.0, N, 3.0))  # 2.3.5's positional scale
    assert s.min() >= -3.0 and s.max() <= 6.0 and s.max() > 5.0


def test_standard_cauchy_quartiles():
    x = np.asarray(bm.random.RandomState(3).standard_cauchy(N))
    q1, med, q3 = np.quantile(x, [0.25, 0.5, 0.75])
    assert abs(med) < 0.02 and abs(q1 + 1) < 0.03 and abs(q3 - 1) < 0.03


@pytest.mark.parametrize("kappa", [0.0, 0.01, 2.0, 50.0, 1e4])
def test_vonmises_circular_moments(kappa):
    mu = 0.5
    x = np.asarray(bm.random.RandomState(7).vonmises(mu, kappa, N), dtype=np.float64)
    assert x.min() >= -np.pi and x.max() < np.pi
    d = x - mu
    # E[cos(x - mu)] = I1(kappa) / I0(kappa); E[sin(x - mu)] = 0.
    r = float(jsp.i1e(kappa) / jsp.i0e(kappa)) if kappa > 0 else 0.0
    assert abs(np.cos(d).mean() - r) < 6 * math.sqrt(max(1 - r * r, 1e-8) / N) + 1e-4
    assert abs(np.sin(d).mean()) < 6 * math.sqrt(max(1 - r, 1e-8) / N) + 1e-4
    if kappa >= 50:  # close to a normal distribution of variance 1 / kappa
        wrapped = np.angle(np.exp(1j * d))
        assert abs(wrapped.var() * kappa - 1) < 0.05


def test_multivariate_normal_moments():
    mean = np.array([1.0, -1.0])
    cov = np.array([[2.0, 0.5], [0.5, 1.0]])
    for method in ("cholesky", "eigh", "svd"):
        x = np.asarray(
            bm.random.RandomState(4).multivariate_normal(mean, cov, N, method=method),
            dtype=np.float64,
        )
        assert x.shape == (N, 2)
        np.testing.assert_allclose(x.mean(0), mean, atol=0.02)
        np.testing.assert_allclose(np.cov(x.T), cov, atol=0.03)


def test_orthogonal_is_orthogonal_and_uniform():
    q = np.asarray(bm.random.RandomState(5).orthogonal(4, 5000), dtype=np.float64)
    assert q.shape == (5000, 4, 4)
    np.testing.assert_allclose(
        q @ q.transpose(0, 2, 1), np.broadcast_to(np.eye(4), q.shape), atol=1e-5
    )
    np.testing.assert_allclose(q.mean(0), 0.0, atol=0.05)
    np.testing.assert_allclose((q**2).mean(0), 0.25, atol=0.02)


def test_lognormal_is_exp_of_normal_with_the_same_key():
    key = bm.random.split_key()
    a = np.asarray(bm.random.lognormal(0.3, 0.7, 10, key=key))
    b = np.asarray(bm.random.normal(0.3, 0.7, 10, key=key))
    np.testing.assert_allclose(a, np.exp(b), rtol=1e-6)

"""Integer samplers against their analytic mean and variance (large samples, fixed seeds)."""

import math

import numpy as np
import pytest

import brainpy_math as bm

N = 200_000


def _logseries_moments(p):
    lg = math.log1p(-p)
    mean = -p / ((1 - p) * lg)
    var = -p * (p + lg) / ((1 - p) ** 2 * lg**2)
    return mean, var


ZETA3, ZETA4 = 1.2020569031595942, math.pi**4 / 90
_LS_MEAN, _LS_VAR = _logseries_moments(0.6)

# name: (draw(rng, size), mean, variance, relative tolerance of the variance)
CASES = {
    "randint": (lambda r, n: r.randint(0, 10, n), 4.5, 99 / 12, 0.02),
    "random_integers": (lambda r, n: r.random_integers(1, 6, n), 3.5, 35 / 12, 0.02),
    "choice": (lambda r, n: r.choice(4, n, p=[0.1, 0.2, 0.3, 0.4]), 2.0, 1.0, 0.02),
    "bernoulli": (lambda r, n: r.bernoulli(0.3, n), 0.3, 0.21, 0.02),
    "binomial": (lambda r, n: r.binomial(20, 0.3, n), 6.0, 4.2, 0.03),
    "poisson": (lambda r, n: r.poisson(3.5, n), 3.5, 3.5, 0.03),
    "poisson_large": (lambda r, n: r.poisson(80.0, n), 80.0, 80.0, 0.03),
    "geometric": (lambda r, n: r.geometric(0.25, n), 4.0, 12.0, 0.04),
    "negative_binomial": (lambda r, n: r.negative_binomial(3, 0.4, n), 4.5, 11.25, 0.04),
    "categorical": (lambda r, n: r.categorical(np.log([0.2, 0.8]), size=n), 0.8, 0.16, 0.02),
    "zipf": (
        lambda r, n: r.zipf(4.0, n),
        ZETA3 / ZETA4,
        (math.pi**2 / 6) / ZETA4 - (ZETA3 / ZETA4) ** 2,
        0.1,
    ),
    "logseries": (lambda r, n: r.logseries(0.6, n), _LS_MEAN, _LS_VAR, 0.05),
    "hypergeometric": (lambda r, n: r.hypergeometric(7, 3, 5, n), 3.5, 5 * 0.7 * 0.3 * 5 / 9, 0.03),
    "hypergeometric_complement": (
        lambda r, n: r.hypergeometric(30, 20, 40, n),
        24.0,
        40 * 0.6 * 0.4 * 10 / 49,
        0.03,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_mean_and_variance(name):
    draw, mean, var, rtol = CASES[name]
    x = np.asarray(draw(bm.random.RandomState(4321), N))
    assert x.shape == (N,)
    assert x.dtype == (np.bool_ if name == "bernoulli" else np.int32)
    x = x.astype(np.float64)
    assert abs(x.mean() - mean) <= 6 * math.sqrt(var / N), (x.mean(), mean)
    assert abs(x.var() - var) <= rtol * var, (x.var(), var)


def test_zipf_probabilities_of_small_values():
    x = np.asarray(bm.random.RandomState(1).zipf(2.0, N))
    zeta2 = math.pi**2 / 6
    for k in (1, 2, 3):
        p = k**-2 / zeta2
        assert abs((x == k).mean() - p) <= 6 * math.sqrt(p * (1 - p) / N)
    assert x.min() >= 1


def test_logseries_and_geometric_supports():
    rng = bm.random.RandomState(2)
    assert np.asarray(rng.logseries(0.0, 1000)).tolist() == [1] * 1000
    assert np.asarray(rng.logseries(0.99, N)).min() >= 1
    assert np.asarray(rng.geometric(1.0, 1000)).tolist() == [1] * 1000


def test_hypergeometric_matches_numpy_distribution():
    ours = np.asarray(bm.random.RandomState(3).hypergeometric(6, 4, 5, N))
    theirs = np.random.default_rng(3).hypergeometric(6, 4, 5, N)
    for k in range(1, 6):
        p = (theirs == k).mean()
        assert abs((ours == k).mean() - p) <= 8 * math.sqrt(max(p * (1 - p), 1e-6) / N)
    assert ours.min() >= 1 and ours.max() <= 5


def test_hypergeometric_edge_cases():
    rng = bm.random.RandomState(0)
    assert np.asarray(rng.hypergeometric(5, 0, 3, 10)).tolist() == [3] * 10
    assert np.asarray(rng.hypergeometric(0, 5, 3, 10)).tolist() == [0] * 10
    assert np.asarray(rng.hypergeometric(4, 6, 10, 10)).tolist() == [4] * 10
    assert np.asarray(rng.hypergeometric(4, 6, 0, 10)).tolist() == [0] * 10
    counts = np.asarray(rng.hypergeometric(np.array([1, 5, 9]), 3, 2))
    assert counts.shape == (3,) and (counts <= 2).all()


def test_multinomial_moments_and_sums():
    pvals = np.array([0.2, 0.3, 0.5])
    x = np.asarray(bm.random.RandomState(5).multinomial(20, pvals, N), dtype=np.float64)
    assert x.shape == (N, 3)
    assert (x.sum(-1) == 20).all()
    np.testing.assert_allclose(x.mean(0), 20 * pvals, atol=0.03)
    np.testing.assert_allclose(x.var(0), 20 * pvals * (1 - pvals), rtol=0.03)


def test_choice_without_replacement_and_permutations():
    rng = bm.random.RandomState(6)
    x = np.asarray(rng.choice(10, 10, replace=False))
    assert sorted(x.tolist()) == list(range(10))
    assert sorted(np.asarray(rng.permutation(7)).tolist()) == list(range(7))
    rows = np.asarray(rng.permutation(np.arange(12).reshape(4, 3)))
    assert sorted(map(tuple, rows.tolist())) == [tuple(r) for r in np.arange(12).reshape(4, 3)]
    cols = np.asarray(rng.permutation(np.arange(12).reshape(4, 3), axis=1, independent=True))
    assert (np.sort(cols, axis=1) == np.arange(12).reshape(4, 3)).all()
    v = bm.Variable(bm.arange(20))
    rng.shuffle(v)
    assert sorted(np.asarray(v.value).tolist()) == list(range(20))
    assert not (np.asarray(v.value) == np.arange(20)).all()


def test_randint_covers_its_range_uniformly():
    x = np.asarray(bm.random.RandomState(7).randint(-3, 3, N))
    counts = np.bincount(x + 3, minlength=6)
    assert counts.sum() == N and x.min() == -3 and x.max() == 2
    assert np.abs(counts / N - 1 / 6).max() < 6 * math.sqrt(1 / 6 * 5 / 6 / N)

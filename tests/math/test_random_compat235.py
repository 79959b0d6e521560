"""BrainPy 2.3.5's random extras: Generator, noncentral_f, int keys, list bounds, triangular(size)."""

from __future__ import annotations

import jax
import numpy as np
import pytest

import brainpy_math as bm

bmr = bm.random


def test_generator_is_random_state_and_seed_keyword():
    assert bmr.Generator is bmr.RandomState
    a = bmr.RandomState(seed=3).normal(size=4)
    b = bmr.Generator(3).normal(size=4)
    np.testing.assert_array_equal(np.asarray(a), np.asarray(b))
    rng = bmr.RandomState(0)
    rng.seed(seed=3)
    np.testing.assert_array_equal(np.asarray(rng.normal(size=4)), np.asarray(a))
    np.testing.assert_array_equal(np.asarray(bmr.default_rng(seed_or_key=3).value), [0, 3])
    with pytest.raises(ValueError, match="give seed_or_key or seed, not both"):
        bmr.RandomState(1, seed=2)


def test_noncentral_f_matches_its_mean_and_numpy_quantiles():
    dfnum, dfden, nonc, n = 3.0, 20.0, 3.0, 50_000
    x = np.asarray(bmr.RandomState(0).noncentral_f(dfnum, dfden, nonc, n), np.float64)
    assert x.shape == (n,) and (x > 0).all()
    mean = dfden * (dfnum + nonc) / (dfnum * (dfden - 2))
    assert abs(x.mean() - mean) < 0.04 * mean
    ref = np.random.default_rng(0).noncentral_f(dfnum, dfden, nonc, n)
    q = [0.1, 0.25, 0.5, 0.75, 0.9]
    np.testing.assert_allclose(np.quantile(x, q), np.quantile(ref, q), rtol=0.05)
    assert bmr.noncentral_f([2.0, 3.0], 20.0, 1.0, size=(n, 2)).shape == (n, 2)
    with pytest.raises(ValueError, match="noncentral_f: nonc must be non-negative"):
        bmr.noncentral_f(3.0, 20.0, -1.0)
    with pytest.raises(ValueError, match="noncentral_f: dfden must be positive"):
        bmr.noncentral_f(3.0, 0.0, 1.0)


def test_integer_key_is_prng_key_of_that_seed():
    key = jax.random.PRNGKey(123)
    np.testing.assert_array_equal(
        np.asarray(bmr.rand(4, 5, key=123)), np.asarray(jax.random.uniform(key, (4, 5)))
    )
    np.testing.assert_array_equal(
        np.asarray(bmr.normal(size=3, key=np.int64(123))), np.asarray(jax.random.normal(key, (3,)))
    )
    rng = bmr.RandomState(0)
    before = np.asarray(rng.value)
    rng.uniform(size=2, key=7)
    np.testing.assert_array_equal(np.asarray(rng.value), before)  # an explicit key: no advance
    traced = bm.jit(lambda k: bmr.normal(size=3, key=k))(123)
    np.testing.assert_array_equal(np.asarray(traced), np.asarray(jax.random.normal(key, (3,))))
    with pytest.raises(ValueError, match="key must be a PRNG key or an integer seed"):
        bmr.normal(size=3, key=True)


def test_randint_accepts_list_bounds_like_numpy():
    low, high = [1, 2, 3], [10, 7, 8]
    x = np.asarray(bmr.RandomState(0).randint(low, high, size=(500, 3)))
    assert x.shape == (500, 3)
    assert (x >= low).all() and (x < high).all()
    np.testing.assert_array_equal(x.min(0), low)
    np.testing.assert_array_equal(x.max(0), np.array(high) - 1)
    assert bmr.randint(low, high).shape == (3,)
    y = np.asarray(bmr.RandomState(1).random_integers([1, 5], [2, 6], size=(300, 2)))
    assert set(np.unique(y[:, 0])) == {1, 2} and set(np.unique(y[:, 1])) == {5, 6}
    with pytest.raises(ValueError, match="low must be smaller than high"):
        bmr.randint([3, 4], [3, 9])


def test_triangular_size_only_form_and_numpy_form():
    x = np.asarray(bmr.RandomState(0).triangular((200, 100)), np.float64)
    assert x.shape == (200, 100) and (x >= -1).all() and (x <= 1).all()
    # The standard triangular(-1, 0, 1): mean 0, variance 1/6.
    assert abs(x.mean()) < 0.01 and abs(x.var() - 1 / 6) < 0.01
    assert bmr.triangular(size=3).shape == (3,)
    y = np.asarray(bmr.RandomState(1).triangular(0.0, 1.0, 4.0, size=20_000), np.float64)
    assert (y >= 0).all() and (y <= 4).all() and abs(y.mean() - 5 / 3) < 0.03
    with pytest.raises(ValueError, match="left, mode and right must all be given"):
        bmr.triangular(0.0, 1.0)
    with pytest.raises(ValueError, match="give the limits left, mode and right, or only a shape"):
        bmr.triangular(0.0, size=3)


def test_key_is_positional_after_size_as_in_235():
    key = jax.random.PRNGKey(1)
    want = np.asarray(jax.random.normal(key, (3,)))
    np.testing.assert_array_equal(np.asarray(bmr.RandomState(0).normal(0.0, 1.0, (3,), key)), want)
    np.testing.assert_array_equal(np.asarray(bmr.normal(0.0, 1.0, (3,), 1)), want)
    z = np.asarray(jax.random.truncated_normal(key, -1.0, 2.0, (4,)))
    got = bmr.truncated_normal(-1.0, 2.0, (4,), 3.0, key)  # 2.3.5: (lower, upper, size, scale, key)
    np.testing.assert_allclose(np.asarray(got), 3.0 * z, rtol=1e-6)

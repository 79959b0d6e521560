"""Bad arguments are ValueErrors naming them; aliases, x64 and traced parameters."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm


def test_aliases_draw_the_same_numbers_with_the_same_key():
    rng = bm.random.RandomState(0)
    key = jax.random.PRNGKey(1)
    base = np.asarray(rng.random((3,), key=key))
    for alias in (rng.random_sample, rng.ranf, rng.sample):
        np.testing.assert_array_equal(np.asarray(alias((3,), key=key)), base)
    np.testing.assert_array_equal(np.asarray(rng.rand(3, key=key)), base)
    np.testing.assert_array_equal(np.asarray(rng.rand_like(np.zeros(3), key=key)), base)
    np.testing.assert_array_equal(np.asarray(rng.uniform(size=3, key=key)), base)
    normal = np.asarray(rng.standard_normal(3, key=key))
    np.testing.assert_array_equal(np.asarray(rng.randn(3, key=key)), normal)
    np.testing.assert_array_equal(np.asarray(rng.normal(size=3, key=key)), normal)
    np.testing.assert_array_equal(np.asarray(rng.randn_like(np.zeros(3), key=key)), normal)
    np.testing.assert_array_equal(
        np.asarray(rng.t(4.0, 3, key=key)), np.asarray(rng.standard_t(4.0, 3, key=key))
    )
    np.testing.assert_array_equal(
        np.asarray(rng.standard_gamma(2.0, 3, key=key)), np.asarray(rng.gamma(2.0, 1.0, 3, key=key))
    )
    np.testing.assert_array_equal(
        np.asarray(rng.weibull(2.0, 3, key=key)), np.asarray(rng.weibull_min(2.0, 1.0, 3, key=key))
    )
    np.testing.assert_array_equal(
        np.asarray(rng.random_integers(1, 6, 5, key=key)), np.asarray(rng.randint(1, 7, 5, key=key))
    )


def test_x64_gives_float64_and_int64_samples():
    with bm.environment(x64=True):
        rng = bm.random.RandomState(0)
        assert rng.dtype == jnp.uint32 and rng.shape == (2,)
        assert rng.normal(size=3).dtype == jnp.float64
        assert rng.randint(0, 5, 3).dtype == jnp.int64
        assert rng.poisson(2.0, 3).dtype == jnp.int64
    assert bm.random.normal(size=3).dtype == jnp.float32


def test_parameter_checks_are_skipped_for_traced_values():
    @bm.jit
    def draw(scale, p):
        return bm.random.normal(0.0, scale, (2,)), bm.random.bernoulli(p, (2,))

    x, b = draw(jnp.asarray(1.0), jnp.asarray(0.5))
    assert x.shape == b.shape == (2,)


def _call(name, *args, **kwargs):
    return lambda: getattr(bm.random, name)(*args, **kwargs)


BAD = [
    (_call("normal", 0.0, -1.0), r"normal: scale must be non-negative, got -1\.0"),
    (
        _call("normal", 0.0, np.array([1.0, -2.0])),
        r"scale must be non-negative, got an array .*-2\.0",
    ),
    (_call("normal", size="a"), r"normal: size must be None, an int or a tuple of ints, got 'a'"),
    (_call("normal", size=2.5), r"size must be None, an int or a tuple of ints, got 2\.5"),
    (_call("normal", size=True), "got True"),
    (_call("normal", size=(2, -1)), r"size must not contain negative dimensions, got \(2, -1\)"),
    (_call("normal", np.zeros(3), 1.0, size=(2,)), r"size=\(2,\) is not compatible"),
    (_call("normal", np.zeros(3), np.zeros(2)), "cannot be broadcast together"),
    (_call("uniform", 2.0, 1.0), r"uniform: low must be at most high, got low=2\.0 and high=1\.0"),
    (_call("randint", 5, 5), "randint: low must be smaller than high, got low=5 and high=5"),
    (_call("randint", 0), "low must be smaller than high"),
    (_call("randint", 0, 5, dtype=float), "randint: dtype must be an integer dtype"),
    (_call("bernoulli", 1.5), r"bernoulli: p must be in \[0, 1\], got 1\.5"),
    (_call("bernoulli", float("nan")), r"p must be in \[0, 1\], got nan"),
    (_call("binomial", -1, 0.5), "binomial: n must be non-negative, got -1"),
    (_call("binomial", 5, 2.0), r"binomial: p must be in \[0, 1\], got 2\.0"),
    (_call("poisson", -1.0), r"poisson: lam must be non-negative, got -1\.0"),
    (_call("exponential", -1.0), "exponential: scale must be non-negative"),
    (_call("gamma", -1.0), r"gamma: shape must be non-negative, got -1\.0"),
    (_call("gamma", 1.0, -1.0), "gamma: scale must be non-negative"),
    (_call("beta", 0.0, 1.0), r"beta: a must be positive, got 0\.0"),
    (_call("chisquare", 0.0), "chisquare: df must be positive"),
    (_call("noncentral_chisquare", 1.0, -1.0), "nonc must be non-negative"),
    (_call("f", 1.0, 0.0), "f: dfden must be positive"),
    (_call("standard_t", -2.0), "standard_t: df must be positive"),
    (_call("geometric", 0.0), r"geometric: p must be in \(0, 1\], got 0\.0"),
    (_call("negative_binomial", 0, 0.5), "negative_binomial: n must be positive"),
    (_call("pareto", 0.0), "pareto: a must be positive"),
    (_call("power", -1.0), "power: a must be positive"),
    (_call("weibull", -1.0), "weibull: a must be non-negative"),
    (_call("wald", 0.0, 1.0), "wald: mean must be positive"),
    (_call("vonmises", 0.0, -1.0), "vonmises: kappa must be non-negative"),
    (_call("lognormal", 0.0, -1.0), "lognormal: sigma must be non-negative"),
    (_call("rayleigh", -1.0), "rayleigh: scale must be non-negative"),
    (_call("gumbel", 0.0, -1.0), "gumbel: scale must be non-negative"),
    (_call("truncated_normal", 2.0, 1.0), "truncated_normal: lower must be smaller than upper"),
    (_call("truncated_normal", 0.0, 1.0, scale=0.0), "truncated_normal: scale must be positive"),
    (_call("triangular", 0.0, 2.0, 1.0), "triangular: the limits must satisfy"),
    (_call("zipf", 1.0), r"zipf: a must be greater than 1, got 1\.0"),
    (_call("logseries", 1.0), r"logseries: p must be in \[0, 1\)"),
    (_call("hypergeometric", 2, 2, 5), "nsample must be at most ngood \\+ nbad"),
    (_call("hypergeometric", 2.5, 2, 1), "ngood must be a non-negative integer, got 2.5"),
    (_call("choice", 5, 6, replace=False), "cannot take 6 samples from a population of 5"),
    (_call("choice", 3, p=[0.5, 0.6, 0.1]), "choice: p must sum to 1"),
    (_call("choice", 3, p=[0.5, 0.5]), r"choice: p must have shape \(3,\)"),
    (_call("choice", 3, p=[1.5, -0.5, 0.0]), "choice: p must be non-negative"),
    (_call("choice", 0), "choice: a must be a positive int, got 0"),
    (_call("permutation", -1), "permutation: x must be a non-negative int, got -1"),
    (_call("multinomial", 5, [0.5, 0.6]), "multinomial: pvals must sum to 1"),
    (_call("multinomial", 5, 0.5), "pvals must have at least 1 dimension"),
    (_call("dirichlet", [1.0, -1.0]), "dirichlet: alpha must be positive"),
    (_call("multivariate_normal", np.zeros(2), np.eye(3)), "mean must have shape"),
    (_call("multivariate_normal", np.zeros(2), np.eye(2), method="qr"), "method must be one of"),
    (_call("orthogonal", 0), "orthogonal: n must be a positive int, got 0"),
    (_call("categorical", np.zeros(3), axis=2), "axis 2 is out of range"),
    (_call("split_keys", 1.5), "n must be a non-negative int"),
]


@pytest.mark.parametrize("call, match", BAD, ids=[m[:40] for _, m in BAD])
def test_bad_arguments_raise_value_errors_naming_them(call, match):
    key = np.asarray(bm.random.DEFAULT.value)
    with pytest.raises(ValueError, match=match):
        call()
    # A rejected call does not advance the global generator.
    np.testing.assert_array_equal(np.asarray(bm.random.DEFAULT.value), key)


def test_shuffle_needs_a_brainpy_array():
    with pytest.raises(TypeError, match="shuffle: x must be a brainpy Array or Variable"):
        bm.random.shuffle(np.arange(3))

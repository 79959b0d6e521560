"""Result shapes, dtypes and types follow NumPy's conventions (NumPy's Generator is the oracle).

Shapes and dtypes are checked with ``jax.eval_shape`` (tracing without compiling) and an explicit
``key=``, which keeps this file fast; the other test files run every sampler for real.
"""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm

COL = np.zeros((2, 1))  # broadcasts with ROW to (2, 3)
ROW = np.ones(3)

# name: (scalar parameters, array parameters); NumPy's function of the same name is the oracle.
WITH_NUMPY = {
    "random": ((), ()),
    "standard_normal": ((), ()),
    "standard_exponential": ((), ()),
    "standard_cauchy": ((), ()),
    "uniform": ((0.0, 1.0), (COL, ROW + 1)),
    "normal": ((0.0, 1.0), (COL, ROW)),
    "lognormal": ((0.0, 1.0), (COL, ROW)),
    "randint": ((0, 5), (COL.astype(int), np.full(3, 5))),
    "exponential": ((2.0,), (COL + 1,)),
    "gamma": ((2.0, 1.0), (COL + 1, ROW)),
    "standard_gamma": ((2.0,), (COL + 1,)),
    "beta": ((2.0, 3.0), (COL + 1, ROW)),
    "chisquare": ((3.0,), (COL + 3,)),
    "noncentral_chisquare": ((3.0, 1.0), (COL + 3, ROW)),
    "f": ((3.0, 4.0), (COL + 3, ROW + 3)),
    "standard_t": ((3.0,), (COL + 3,)),
    "gumbel": ((0.0, 1.0), (COL, ROW)),
    "laplace": ((0.0, 1.0), (COL, ROW)),
    "logistic": ((0.0, 1.0), (COL, ROW)),
    "rayleigh": ((1.0,), (COL + 1,)),
    "pareto": ((3.0,), (COL + 3,)),
    "power": ((3.0,), (COL + 3,)),
    "weibull": ((2.0,), (COL + 2,)),
    "triangular": ((0.0, 0.5, 1.0), (COL, ROW / 2, ROW)),
    "wald": ((1.0, 1.0), (COL + 1, ROW)),
    "vonmises": ((0.0, 1.0), (COL, ROW)),
    "binomial": ((10, 0.5), (COL.astype(int) + 10, ROW / 2)),
    "poisson": ((3.0,), (COL + 3,)),
    "geometric": ((0.5,), (COL + 0.5,)),
    "negative_binomial": ((3, 0.5), (COL + 3, ROW / 2)),
    "zipf": ((2.0,), (COL + 2,)),
    "logseries": ((0.5,), (COL + 0.5,)),
    "hypergeometric": ((5, 5, 3), (COL.astype(int) + 5, np.full(3, 5), 3)),
}


def _np(name, args, size):
    return getattr(np.random.default_rng(0), name)(*args, size=size)


def abstract(name, *args, **kwargs):
    """The result of ``bm.random.<name>(*args, **kwargs)``, traced but not run."""
    fn = getattr(bm.random, name)
    return jax.eval_shape(lambda k: fn(*args, key=k, **kwargs), jax.random.PRNGKey(0))


@pytest.mark.parametrize("name", sorted(WITH_NUMPY))
def test_shapes_dtypes_and_types_follow_numpy(name):
    scalar_args, array_args = WITH_NUMPY[name]
    numpy_name = {"random": "random", "randint": "integers"}.get(name, name)

    one = abstract(name, *scalar_args)
    assert not isinstance(one, bm.Array)
    assert one.shape == np.shape(_np(numpy_name, scalar_args, None)) == ()

    many = abstract(name, *scalar_args, size=(2, 3))
    reference = _np(numpy_name, scalar_args, (2, 3))
    assert isinstance(many, bm.Array)
    assert many.shape == reference.shape == (2, 3)
    assert many.dtype.kind == reference.dtype.kind
    assert many.dtype == (jnp.float32 if reference.dtype.kind == "f" else jnp.int32)

    if array_args:  # size=None: the broadcast shape of the parameters
        expected = _np(numpy_name, array_args, None).shape
        assert expected in {(2, 1), (2, 3)}
        assert abstract(name, *array_args).shape == expected
        assert abstract(name, *array_args, size=(4, 2, 3)).shape == (4, 2, 3)


def test_results_are_arrays_or_raw_scalars():
    rng = bm.random.RandomState(0)
    for one in (rng.normal(), rng.uniform(), rng.randint(3), rng.random(), rng.bernoulli()):
        assert isinstance(one, jax.Array) and not isinstance(one, bm.Array) and one.shape == ()
    for many in (rng.normal(size=2), rng.uniform(size=(2,)), rng.randint(3, size=[2])):
        assert isinstance(many, bm.Array) and many.shape == (2,)
    assert rng.normal(np.zeros(2), 1.0).shape == (2,)
    assert rng.normal(size=np.int64(3)).shape == (3,)


def test_vector_valued_samplers_append_the_event_axis():
    assert (
        abstract("multinomial", 5, [0.5, 0.5], (2, 3)).shape
        == np.random.default_rng(0).multinomial(5, [0.5, 0.5], (2, 3)).shape
    )
    assert abstract("multinomial", 5, [0.5, 0.5]).shape == (2,)
    assert (
        abstract("dirichlet", [1.0, 2.0, 3.0], (4,)).shape
        == np.random.default_rng(0).dirichlet([1.0, 2.0, 3.0], (4,)).shape
    )
    assert abstract("dirichlet", [1.0, 2.0]).shape == (2,)
    mvn = abstract("multivariate_normal", np.zeros(3), np.eye(3), (2, 5))
    assert (
        mvn.shape
        == np.random.default_rng(0).multivariate_normal(np.zeros(3), np.eye(3), (2, 5)).shape
    )
    assert abstract("multivariate_normal", np.zeros(3), np.eye(3)).shape == (3,)
    assert abstract("choice", 5, (2, 3)).shape == np.random.default_rng(0).choice(5, (2, 3)).shape
    assert abstract("choice", np.ones((5, 2)), 3).shape == (3, 2)
    assert abstract("orthogonal", 3, (2,)).shape == (2, 3, 3)
    assert abstract("categorical", np.zeros((4, 3))).shape == (4,)
    assert abstract("categorical", np.zeros((4, 3)), axis=0, size=(2, 3)).shape == (2, 3)
    assert abstract("rand", 2, 3).shape == abstract("randn", 2, 3).shape == (2, 3)
    assert abstract("rand").shape == abstract("randn").shape == ()


def test_other_samplers_shapes_and_dtypes():
    assert abstract("bernoulli", 0.5, (3,)).dtype == jnp.bool_
    assert abstract("bernoulli", np.full((2, 1), 0.5)).shape == (2, 1)
    assert abstract("truncated_normal", -1.0, np.ones(3)).shape == (3,)
    assert abstract("truncated_normal", -1.0, 1.0, (2, 2)).dtype == jnp.float32
    assert abstract("loggamma", np.ones(4)).shape == (4,)
    assert abstract("maxwell", (2, 2)).shape == (2, 2)
    assert abstract("weibull_min", 2.0, np.ones(3)).shape == (3,)
    assert abstract("random_integers", 5, size=(3,)).dtype == jnp.int32
    assert abstract("permutation", 4).dtype == jnp.int32
    assert abstract("randint", 0, 4, 3, dtype=jnp.int8).dtype == jnp.int8
    assert abstract("rand_like", jnp.zeros(3, jnp.float16)).dtype == jnp.float16
    assert abstract("rand_like", jnp.zeros(3, jnp.int32)).dtype == jnp.float32
    assert abstract("randn_like", bm.zeros((2, 2))).shape == (2, 2)
    assert abstract("randint_like", jnp.zeros(3, jnp.int16), 5).dtype == jnp.int16
    assert abstract("randint_like", jnp.zeros(3), 5).dtype == jnp.int32
    assert abstract("normal", size=0).shape == (0,)
    assert abstract("hypergeometric", 5, 5, 3, size=(0, 2)).shape == (0, 2)

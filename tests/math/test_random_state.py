"""RandomState, DEFAULT, seed, default_rng: keys, seeding, cloning, errors, public surface."""

import inspect

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_math import random as bmr
from brainpy_math.errors import VariableDtypeError


def test_random_state_is_a_variable_holding_a_raw_key():
    rng = bmr.RandomState(42)
    assert isinstance(rng, bm.Variable)
    assert rng.dtype == jnp.uint32 and rng.shape == (2,)
    np.testing.assert_array_equal(np.asarray(rng.value), np.asarray(jax.random.PRNGKey(42)))
    assert type(rng).__module__ == "brainpy_math.random"
    assert repr(rng).startswith("RandomState(")
    with pytest.raises(VariableDtypeError):
        rng.value = jnp.zeros(2, jnp.float32)


@pytest.mark.parametrize("seed", [0, 1, 2**31, 2**32 - 1, 2**32, 2**40 + 7, 2**63 - 1])
def test_int_seeds_match_jax_prng_key_under_x64(seed):
    ours = np.asarray(bmr.RandomState(seed).value)
    with jax.enable_x64(True):
        expected = np.asarray(jax.random.PRNGKey(seed))
    np.testing.assert_array_equal(ours, expected)


def test_large_seeds_stay_distinct_without_x64():
    assert not np.array_equal(bmr.RandomState(0).value, bmr.RandomState(2**32).value)


def test_keys_of_every_kind_are_accepted():
    raw = jax.random.PRNGKey(3)
    for seed_or_key in (raw, np.asarray(raw), bm.Array(raw), jax.random.key(3), np.int64(3)):
        np.testing.assert_array_equal(
            np.asarray(bmr.RandomState(seed_or_key).value), np.asarray(raw)
        )
    np.testing.assert_array_equal(
        np.asarray(bmr.RandomState(jnp.asarray(3)).value), np.asarray(raw)
    )


@pytest.mark.parametrize(
    "bad, match",
    [
        (-1, r"seed must be an int in \[0, 2\*\*64\), got -1"),
        (2**64, "seed must be an int"),
        (True, "got True"),
        (1.5, "got float: 1.5"),
        ("7", "got str"),
        (jnp.zeros(3, jnp.uint32), r"shape \(3,\)"),
        (jnp.zeros(2, jnp.float32), "dtype float32"),
    ],
)
def test_bad_seeds_are_value_errors(bad, match):
    with pytest.raises(ValueError, match=match):
        bmr.RandomState(bad)


def test_split_key_order_is_key_then_subkey():
    rng = bmr.RandomState(9)
    key = jax.random.PRNGKey(9)
    for _ in range(3):
        key, sub = jax.random.split(key)
        np.testing.assert_array_equal(np.asarray(rng.split_key()), np.asarray(sub))
    np.testing.assert_array_equal(np.asarray(rng.value), np.asarray(key))


def test_split_keys():
    rng = bmr.RandomState(9)
    keys = rng.split_keys(3)
    expected = jax.random.split(jax.random.PRNGKey(9), 4)
    np.testing.assert_array_equal(np.asarray(keys), np.asarray(expected[1:]))
    np.testing.assert_array_equal(np.asarray(rng.value), np.asarray(expected[0]))
    assert rng.split_keys(0).shape == (0, 2)
    with pytest.raises(ValueError, match="n must be a non-negative int, got -1"):
        rng.split_keys(-1)


def test_explicit_key_does_not_advance_the_generator():
    rng = bmr.RandomState(1)
    before = np.asarray(rng.value)
    key = jax.random.PRNGKey(5)
    x = rng.normal(size=(3,), key=key)
    np.testing.assert_array_equal(np.asarray(rng.value), before)
    np.testing.assert_array_equal(np.asarray(x), np.asarray(jax.random.normal(key, (3,))))
    y = rng.normal(size=(3,), key=jax.random.key(5))  # a typed key works too
    np.testing.assert_array_equal(np.asarray(y), np.asarray(x))
    with pytest.raises(ValueError, match="key must be a PRNG key"):
        rng.normal(key=jnp.zeros(3))


def test_seed_method_resets_the_stream():
    rng = bmr.RandomState(0)
    a = np.asarray(rng.random(4))
    rng.seed(0)
    np.testing.assert_array_equal(np.asarray(rng.random(4)), a)
    rng.seed(jax.random.PRNGKey(0))
    np.testing.assert_array_equal(np.asarray(rng.random(4)), a)


def test_module_seed_reproduces_default_and_numpy():
    bmr.seed(2024)
    a = np.asarray(bmr.normal(size=5))
    b = np.random.rand(3)  # noqa: NPY002 - the legacy global generator is what seed() seeds
    c = np.asarray(bmr.RandomState().value)  # unseeded generators draw their seed from NumPy
    bmr.seed(2024)
    np.testing.assert_array_equal(np.asarray(bmr.normal(size=5)), a)
    np.testing.assert_array_equal(np.random.rand(3), b)  # noqa: NPY002
    np.testing.assert_array_equal(np.asarray(bmr.RandomState().value), c)
    np.testing.assert_array_equal(
        np.asarray(bmr.DEFAULT.value), np.asarray(jax.random.split(jax.random.PRNGKey(2024))[0])
    )


def test_module_seed_none_gives_fresh_streams():
    bmr.seed()
    a = np.asarray(bmr.random(8))
    bmr.seed()
    assert not np.array_equal(np.asarray(bmr.random(8)), a)


@pytest.mark.parametrize("bad", [-1, 2**32, 1.0, "1", True, np.zeros(2, np.int32)])
def test_module_seed_rejects_what_numpy_cannot_take(bad):
    key = np.asarray(bmr.DEFAULT.value)
    with pytest.raises(ValueError, match=r"seed must be an int in \[0, 2\*\*32\) or None"):
        bmr.seed(bad)
    np.testing.assert_array_equal(np.asarray(bmr.DEFAULT.value), key)  # nothing changed


def test_default_rng():
    assert bmr.default_rng(clone=False) is bmr.DEFAULT
    fresh = bmr.default_rng(7)
    assert isinstance(fresh, bmr.RandomState) and fresh is not bmr.DEFAULT
    np.testing.assert_array_equal(np.asarray(fresh.value), np.asarray(jax.random.PRNGKey(7)))


def test_default_rng_clone_is_independent():
    bmr.seed(5)
    clone = bmr.default_rng()
    assert clone is not bmr.DEFAULT
    default_key = np.asarray(bmr.DEFAULT.value)
    clone_draws = np.asarray(clone.uniform(size=6))
    # Drawing from the clone leaves DEFAULT untouched, and vice versa.
    np.testing.assert_array_equal(np.asarray(bmr.DEFAULT.value), default_key)
    clone_key = np.asarray(clone.value)
    default_draws = np.asarray(bmr.uniform(size=6))
    np.testing.assert_array_equal(np.asarray(clone.value), clone_key)
    assert not np.array_equal(clone_draws, default_draws)
    # Cloning is reproducible after seeding.
    bmr.seed(5)
    np.testing.assert_array_equal(np.asarray(bmr.default_rng().uniform(size=6)), clone_draws)


def test_module_split_key_advances_default():
    bmr.seed(1)
    key = jax.random.PRNGKey(1)
    key, sub = jax.random.split(key)
    np.testing.assert_array_equal(np.asarray(bmr.split_key()), np.asarray(sub))
    assert bmr.split_keys(3).shape == (3, 2)


def test_random_state_is_a_pytree_and_survives_jax_jit():
    rng = bmr.RandomState(3)
    leaves, treedef = jax.tree_util.tree_flatten(rng)
    assert len(leaves) == 1 and leaves[0].dtype == jnp.uint32
    back = jax.tree_util.tree_unflatten(treedef, leaves)
    assert type(back) is bmr.RandomState

    @jax.jit
    def draw(r):
        return r.normal(size=(2,)), r

    x, r2 = draw(rng)
    assert type(r2) is bmr.RandomState
    key, sub = jax.random.split(jax.random.PRNGKey(3))
    np.testing.assert_array_equal(np.asarray(x), np.asarray(jax.random.normal(sub, (2,))))
    np.testing.assert_array_equal(np.asarray(r2.value), np.asarray(key))


def test_state_round_trips_through_numpy_like_a_checkpoint():
    rng = bmr.RandomState(8)
    rng.normal(size=3)
    saved = np.array(rng.value)  # what a checkpoint stores: a plain uint32 ndarray
    a = np.asarray(rng.normal(size=3))
    rng.value = jnp.asarray(saved)
    np.testing.assert_array_equal(np.asarray(rng.normal(size=3)), a)


def test_public_surface():
    assert bm.random is bmr
    assert sorted(bmr.__all__) == bmr.__all__
    for name in bmr.__all__:
        obj = getattr(bmr, name)
        if callable(obj):
            assert obj.__module__ == "brainpy_math.random", name
            assert obj.__doc__, name
    # Every module-level sampler mirrors the RandomState method of the same name.
    for name in bmr.__all__:
        obj = getattr(bmr, name)
        if name in {"RandomState", "Generator", "DEFAULT", "seed", "default_rng"}:
            continue
        if not callable(obj):
            continue
        method = inspect.signature(getattr(bmr.RandomState, name))
        params = list(method.parameters.values())[1:]
        assert list(inspect.signature(obj).parameters.values()) == params, name


def test_module_function_docs_use_the_module_function():
    doc = bmr.normal.__doc__
    assert "DEFAULT.normal" in doc and "bm.random.normal(" in doc and "rng." not in doc


DRAWS = [
    ("normal", (-55.0, 2.0)),
    ("normal", (0.0, 1.0)),
    ("uniform", (-1.0, 3.0)),
    ("uniform", (0.0, 1.0)),
]


@pytest.mark.parametrize(("method", "params"), DRAWS)
@pytest.mark.parametrize("size", [None, 7, (3, 5), (40, 80)])
def test_eager_draw_equals_the_same_draw_under_jit(method, params, size):
    """Eager draws run split + sample as one program; jit traces the same computation."""
    rng = bm.random.RandomState(11)
    eager = getattr(rng, method)(*params, size)
    key_after = np.asarray(rng.value)
    rng.seed(11)
    jitted = bm.jit(lambda: getattr(rng, method)(*params, size))()
    np.testing.assert_array_equal(np.asarray(eager), np.asarray(jitted))
    np.testing.assert_array_equal(np.asarray(rng.value), key_after)


@pytest.mark.parametrize("method", ["standard_normal", "random"])
def test_eager_draw_advances_like_split_key(method):
    rng, twin = bm.random.RandomState(5), bm.random.RandomState(5)
    got = getattr(rng, method)((4,))
    sub = twin.split_key()
    np.testing.assert_array_equal(np.asarray(rng.value), np.asarray(twin.value))
    want = getattr(bm.random.RandomState(0), method)((4,), key=sub)
    np.testing.assert_allclose(np.asarray(got), np.asarray(want), rtol=1e-6)


def test_eager_draws_of_array_parameters_keep_their_shape():
    rng = bm.random.RandomState(2)
    loc = bm.arange(6.0).reshape(2, 3)
    eager = rng.normal(loc, 0.5)
    rng.seed(2)
    jitted = bm.jit(lambda: rng.normal(loc, 0.5))()
    assert eager.shape == (2, 3)
    np.testing.assert_array_equal(np.asarray(eager), np.asarray(jitted))

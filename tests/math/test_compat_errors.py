"""Bad input to the PyTorch- and TensorFlow-compatible operators gets a clear error.

Every error names the function, the argument and the value that was wrong.
"""

from __future__ import annotations

import re

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_math import compat_pytorch, compat_tensorflow

X2 = jnp.zeros((2, 3))


def raises(exc, *fragments):
    """``pytest.raises`` whose message must contain every fragment (literally)."""
    return pytest.raises(exc, match="(?s)" + "".join(f"(?=.*{re.escape(f)})" for f in fragments))


# ------------------------------------------------------------------------------- dimensions
@pytest.mark.parametrize(
    ("call", "fragments"),
    [
        (lambda: bm.flatten(X2, 2), ["flatten", "start_dim=2", "[-2, 1]"]),
        (lambda: bm.flatten(X2, 0, -3), ["flatten", "end_dim=-3"]),
        (lambda: bm.flatten(jnp.float32(1), 1), ["flatten", "start_dim=1", "[-1, 0]"]),
        (lambda: bm.unsqueeze(X2, 3), ["unsqueeze", "dim=3", "[-3, 2]"]),
        (lambda: bm.unsqueeze(X2, -4), ["unsqueeze", "dim=-4"]),
        (lambda: bm.cat([X2, X2], 2), ["cat", "dim=2"]),
        (lambda: bm.cat([X2, X2], axis=-3), ["cat", "axis=-3"]),
        (lambda: bm.concat([X2, X2], 2), ["concat", "axis=2"]),
        (lambda: bm.reduce_sum(X2, 2), ["reduce_sum", "axis=2"]),
        (lambda: bm.reduce_mean(X2, [0, -3]), ["reduce_mean", "axis=-3"]),
        (lambda: bm.reduce_logsumexp(jnp.float32(1), 0), ["reduce_logsumexp", "axis=0"]),
    ],
)
def test_dimension_out_of_range(call, fragments):
    # numpy's AxisError is both what PyTorch raises (IndexError) and what 2.3.5 raised
    # (ValueError).
    with raises(np.exceptions.AxisError, *fragments) as info:
        call()
    assert isinstance(info.value, IndexError) and isinstance(info.value, ValueError)


@pytest.mark.parametrize("name", sorted(n for n in compat_tensorflow.__all__ if "reduce" in n))
def test_every_reduction_checks_axis(name):
    with raises(np.exceptions.AxisError, name, "axis=5"):
        getattr(bm, name)(X2, 5)
    with raises(ValueError, name, "axis=[1, -1]", "more than once"):
        getattr(bm, name)(X2, [1, -1])
    with raises(TypeError, name, "keep_dims"):
        getattr(bm, name)(X2, 0, keepdims=True, keep_dims=True)


def test_dimension_arguments_must_be_integers():
    with raises(TypeError, "flatten", "start_dim=1.0"):
        bm.flatten(X2, 1.0)
    with raises(TypeError, "unsqueeze", "dim='0'"):
        bm.unsqueeze(X2, "0")
    with raises(TypeError, "reduce_sum", "axis", "traced"):
        jax.jit(lambda x, a: bm.reduce_sum(x, a))(X2, 0)


def test_flatten_start_after_end():
    with raises(ValueError, "flatten", "start_dim=1", "end_dim=0"):
        bm.flatten(X2, 1, 0)


def test_concatenation_arguments():
    with raises(TypeError, "cat", "tensors", "Array"):
        bm.cat(bm.Array(X2))
    with raises(ValueError, "cat", "tensors", "empty"):
        bm.cat([])
    with raises(ValueError, "concat", "values[1]", "0-d"):
        bm.concat([jnp.zeros(2), jnp.float32(1)])
    with raises(ValueError, "cat", "tensors[1]", "(2, 4)", "(2, 3)", "dim=0"):
        bm.cat([X2, jnp.zeros((2, 4))])
    with raises(ValueError, "concat", "values[1]", "(3,)"):
        bm.concat([X2, jnp.zeros(3)], axis=1)
    with raises(TypeError, "cat", "dim=1", "axis=0"):
        bm.cat([X2, X2], 1, axis=0)


# --------------------------------------------------------------------------------- segments
SORTED = ["segment_sum", "segment_prod", "segment_max", "segment_min", "segment_mean"]
UNSORTED = [f"unsorted_{n}" for n in SORTED] + ["unsorted_segment_sqrt_n"]
DATA = jnp.arange(4.0)


@pytest.mark.parametrize("name", SORTED + UNSORTED)
def test_segment_ids_out_of_range(name):
    op = getattr(bm, name)
    with raises(ValueError, name, "segment_ids[2] = 7", "num_segments=5"):
        op(DATA, jnp.array([0, 1, 7, 7]) if name in SORTED else jnp.array([0, 1, 7, 2]), 5)


@pytest.mark.parametrize("name", SORTED)
def test_sorted_segment_ids_must_be_sorted_and_non_negative(name):
    op = getattr(bm, name)
    with raises(ValueError, name, "segment_ids[0] = -1", "non-negative"):
        op(DATA, [-1, 0, 0, 1])
    with raises(ValueError, name, "sorted", "segment_ids[2] = 0", "segment_ids[1] = 1"):
        op(DATA, [0, 1, 0, 1])


@pytest.mark.parametrize("name", UNSORTED)
def test_unsorted_negative_ids_are_dropped_as_in_tf(name):
    result = getattr(bm, name)(DATA, jnp.array([-1, 0, 0, -5]), 1)
    expected = {
        "sum": 3.0,
        "prod": 2.0,
        "max": 2.0,
        "min": 1.0,
        "mean": 1.5,
        "sqrt_n": 3 / np.sqrt(2),
    }[name.split("segment_")[1]]
    np.testing.assert_allclose(np.asarray(bm.as_jax(result)), [expected], rtol=1e-6)


@pytest.mark.parametrize("name", SORTED + UNSORTED)
def test_segment_shapes_and_types(name):
    op = getattr(bm, name)
    with raises(ValueError, name, "segment_ids", "(3,)", "(4,)"):
        op(DATA, jnp.array([0, 0, 1]), 2)
    with raises(TypeError, name, "segment_ids", "float32"):
        op(DATA, jnp.array([0.0, 0.0, 1.0, 1.0]), 2)
    for bad in (2.5, "3", True, np.float32(3), jnp.array([2, 3])):
        with raises(TypeError, name, "num_segments"):
            op(DATA, jnp.array([0, 0, 1, 1]), bad)
    with raises(ValueError, name, "num_segments=-1"):
        op(DATA, jnp.array([0, 0, 1, 1]), -1)
    with raises(TypeError, name, "num_segments", "traced"):
        jax.jit(lambda n: op(DATA, jnp.array([0, 0, 1, 1]), n))(2)


def test_unsorted_segment_ids_must_be_a_prefix_of_data_shape():
    with raises(ValueError, "unsorted_segment_sum", "(2, 3)", "(2, 2, 2)", "prefix"):
        bm.unsorted_segment_sum(jnp.zeros((2, 2, 2)), jnp.zeros((2, 3), jnp.int32), 1)


@pytest.mark.parametrize("name", SORTED)
def test_sorted_segments_need_num_segments_under_jit(name):
    op = getattr(bm, name)
    with raises(TypeError, name, "traced", "num_segments=<int>"):
        jax.jit(lambda d, i: op(d, i))(DATA, jnp.array([0, 0, 1, 1]))
    with raises(TypeError, name, "num_segments=<int>"):
        jax.vmap(lambda i: op(DATA, i))(jnp.zeros((2, 4), jnp.int32))


def test_unsorted_segments_require_num_segments():
    with raises(TypeError, "unsorted_segment_mean", "num_segments is required"):
        bm.unsorted_segment_mean(DATA, jnp.array([0, 0, 1, 1]), None)


# ---------------------------------------------------------------------- scalars and bounds
def test_torch_scalar_factors_follow_torch_rules():
    ints = jnp.array([1, 2])
    with raises(TypeError, "add", "alpha=0.5", "integer"):
        bm.add(ints, ints, alpha=0.5)
    with raises(TypeError, "add", "alpha=1j", "real"):
        bm.add(jnp.ones(2), jnp.ones(2), alpha=1j)
    with raises(TypeError, "addcmul", "value=0.5"):
        bm.addcmul(ints, ints, ints, value=0.5)
    with raises(TypeError, "addcdiv", "value=2j"):
        bm.addcdiv(jnp.ones(2), jnp.ones(2), jnp.ones(2), value=2j)
    with pytest.raises(TypeError):  # alpha is keyword-only, as in PyTorch
        bm.add(ints, ints, 2)


def test_clip_by_value_bounds():
    with raises(TypeError, "clip_by_value", "clip_value_min=0.5", "int32"):
        bm.clip_by_value(jnp.array([1, 2]), 0.5, 3)
    with raises(TypeError, "clip_by_value", "clip_value_max", "int32"):
        bm.clip_by_value(jnp.array([1, 2]), 0, jnp.array([1.5, 2.5]))
    with raises(ValueError, "clip_by_value", "clip_value_max", "(2, 3)", "(3,)"):
        bm.clip_by_value(jnp.zeros(3), 0.0, jnp.ones((2, 3)))
    with raises(ValueError, "clip_by_value", "clip_value_min", "(4,)"):
        bm.clip_by_value(jnp.zeros(3), jnp.zeros(4), 1.0)
    with raises(TypeError, "clip_by_value", "complex64"):
        bm.clip_by_value(jnp.ones(2, jnp.complex64), 0.0, 1.0)


def test_cast_needs_a_dtype():
    with raises(TypeError, "cast", "dtype", "None"):
        bm.cast(X2, None)


def test_reduce_logsumexp_rejects_complex():
    with raises(TypeError, "reduce_logsumexp", "complex64"):
        bm.reduce_logsumexp(jnp.ones(2, jnp.complex64))


# ---------------------------------------------------------------------------------- out=
OUT_CALLS = {
    **{
        name: (lambda op: lambda out: op(X2, out=out))(getattr(bm, name))
        for name in [
            "abs",
            "absolute",
            "acos",
            "arccos",
            "acosh",
            "arccosh",
            "angle",
            "asin",
            "arcsin",
            "asinh",
            "atan",
            "arctan",
            "atanh",
            "flatten",
        ]
    },
    "add": lambda out: bm.add(X2, X2, out=out),
    "addcmul": lambda out: bm.addcmul(X2, X2, X2, out=out),
    "addcdiv": lambda out: bm.addcdiv(X2, X2, X2 + 1, out=out),
    "atan2": lambda out: bm.atan2(X2, X2, out=out),
    "unsqueeze": lambda out: bm.unsqueeze(X2, 0, out=out),
    "cat": lambda out: bm.cat([X2, X2], out=out),
    "concat": lambda out: bm.concat([X2, X2], out=out),
    "clip_by_value": lambda out: bm.clip_by_value(X2, 0.0, 1.0, out=out),
    "cast": lambda out: bm.cast(X2, jnp.int32, out=out),
    **{
        name: (lambda op: lambda out: op(X2, 0, out=out))(getattr(bm, name))
        for name in compat_tensorflow.__all__
        if name.startswith("reduce_")
    },
    **{
        name: (lambda op: lambda out: op(X2, [0, 1], out=out))(getattr(bm, name)) for name in SORTED
    },
    **{
        name: (lambda op: lambda out: op(X2, [1, 0], 2, out=out))(getattr(bm, name))
        for name in UNSORTED
    },
}


def test_out_must_be_a_brainpy_array():
    assert set(OUT_CALLS) == (set(compat_pytorch.__all__) | set(compat_tensorflow.__all__)) - {
        "Tensor"
    }
    for name, call in sorted(OUT_CALLS.items()):
        for bad in (np.zeros(3), jnp.zeros(3), [0.0, 0.0]):
            with raises(TypeError, name, "out", "brainpy Array or Variable"):
                call(bad)

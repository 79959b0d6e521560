"""Initializers of ``brainpy_dyn.init``: shapes, dtypes, statistics, seeds and errors."""

from __future__ import annotations

import math

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_dyn import init

RANDOM_2D = [
    init.Normal,
    init.Uniform,
    init.XavierNormal,
    init.XavierUniform,
    init.KaimingNormal,
    init.KaimingUniform,
    init.LecunNormal,
    init.LecunUniform,
    init.Orthogonal,
]


def _np(x):
    return np.asarray(bm.as_jax(x))


# ----------------------------------------------------------------------------- shapes, dtypes
ALL = [init.ZeroInit, init.OneInit, init.Constant, *RANDOM_2D]


@pytest.mark.parametrize("cls", ALL)
@pytest.mark.parametrize("shape", [(3, 4), (2, 3, 4, 5)])
def test_shape(cls, shape):
    out = cls()(shape)
    assert isinstance(out, bm.Array)
    assert out.shape == shape
    assert out.dtype == bm.get_float()


@pytest.mark.parametrize("cls", ALL)
@pytest.mark.parametrize("dtype", [jnp.float32, jnp.float16, jnp.bfloat16])
def test_dtype(cls, dtype):
    out = cls()([3, 4], dtype)  # a list is a shape too
    assert out.shape == (3, 4) and out.dtype == dtype


@pytest.mark.parametrize("cls", [init.ZeroInit, init.OneInit, init.Normal, init.Uniform])
def test_int_shape_gives_1d(cls):
    assert cls()(7).shape == (7,)


def test_is_initializer():
    for cls in [init.ZeroInit, init.OneInit, init.Constant, init.Identity, *RANDOM_2D]:
        assert isinstance(cls(), init.Initializer)
        assert type(cls()).__module__ == "brainpy_dyn.init"


def test_regular_values():
    np.testing.assert_array_equal(_np(init.ZeroInit()((2, 2))), np.zeros((2, 2)))
    np.testing.assert_array_equal(_np(init.OneInit()((2, 2))), np.ones((2, 2)))
    np.testing.assert_array_equal(_np(init.OneInit(3.0)(2)), [3.0, 3.0])
    np.testing.assert_array_equal(_np(init.Constant(-65)(3)), [-65.0] * 3)
    assert init.Constant(-65)(3).dtype == jnp.float32
    np.testing.assert_array_equal(_np(init.Constant([1.0, 2.0])((2, 2))), [[1, 2], [1, 2]])
    np.testing.assert_array_equal(_np(init.Identity(2.0)((2, 3))), 2 * np.eye(2, 3))
    np.testing.assert_array_equal(_np(init.Identity(-1.0)((4,))), -np.eye(4))  # 2.3.5: (n, n)
    np.testing.assert_array_equal(_np(init.Identity()(3)), np.eye(3))
    assert init.Constant(1)((2,), jnp.int32).dtype == jnp.int32


def test_repr():
    assert repr(init.Normal(-55.0, 2.0)) == "Normal(mean=-55.0, scale=2.0, seed=None)"
    assert repr(init.Constant(0.5)) == "Constant(value=0.5)"
    assert repr(init.XavierNormal()) == (
        "XavierNormal(scale=1.0, mode='fan_avg', distribution='truncated_normal', "
        "in_axis=-2, out_axis=-1, seed=None)"
    )


# ----------------------------------------------------------------------------- statistics
def test_normal_statistics():
    x = _np(init.Normal(-55.0, 2.0, seed=0)(200_000))
    assert abs(x.mean() + 55.0) < 0.05
    assert abs(x.std() - 2.0) < 0.05


def test_uniform_statistics():
    x = _np(init.Uniform(-1.0, 3.0, seed=0)(200_000))
    assert x.min() >= -1.0 and x.max() < 3.0
    assert abs(x.mean() - 1.0) < 0.03
    assert abs(x.var() - 16 / 12) < 0.03


def test_compute_fans():
    assert init.compute_fans((10, 20)) == (10.0, 20.0)
    assert init.compute_fans((3, 3, 16, 32)) == (144.0, 288.0)
    assert init.compute_fans((3, 3, 16, 32), in_axis=-1, out_axis=-2) == (288.0, 144.0)
    with pytest.raises(ValueError, match="shape"):
        init.compute_fans((5,))


@pytest.mark.parametrize("distribution", ["truncated_normal", "normal", "uniform"])
@pytest.mark.parametrize("mode", ["fan_in", "fan_out", "fan_avg"])
def test_variance_scaling_variance(distribution, mode):
    shape = (3, 3, 40, 80)
    fan_in, fan_out = 3 * 3 * 40, 3 * 3 * 80
    n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2}[mode]
    x = _np(init.VarianceScaling(2.0, mode, distribution, seed=1)(shape))
    assert abs(x.mean()) < 0.01 * math.sqrt(2.0 / n) * 10
    assert x.var() == pytest.approx(2.0 / n, rel=0.03)
    limit = {"truncated_normal": 2 / 0.87962566, "uniform": math.sqrt(3), "normal": np.inf}
    assert np.abs(x).max() <= limit[distribution] * math.sqrt(2.0 / n) * (1 + 1e-5)


@pytest.mark.parametrize(
    ("cls", "scale", "mode", "distribution"),
    [
        (init.XavierNormal, 1.0, "fan_avg", "truncated_normal"),
        (init.XavierUniform, 1.0, "fan_avg", "uniform"),
        (init.KaimingNormal, 2.0, "fan_in", "truncated_normal"),
        (init.KaimingUniform, 2.0, "fan_in", "uniform"),
        (init.LecunNormal, 1.0, "fan_in", "truncated_normal"),
        (init.LecunUniform, 1.0, "fan_in", "uniform"),
    ],
)
def test_presets(cls, scale, mode, distribution):
    obj = cls(seed=3)
    assert (obj.scale, obj.mode, obj.distribution) == (scale, mode, distribution)
    assert (obj.in_axis, obj.out_axis) == (-2, -1)
    assert isinstance(obj, init.VarianceScaling)
    x = _np(obj((300, 500)))
    n = {"fan_in": 300, "fan_avg": 400}[mode]
    assert x.var() == pytest.approx(scale / n, rel=0.03)


def test_xavier_normal_in_out_axes():
    # ConvTranspose's default: XavierNormal(in_axis=-1, out_axis=-2); fan_avg is symmetric.
    x = _np(init.XavierNormal(in_axis=-1, out_axis=-2, seed=0)((3, 64, 32)))
    assert x.var() == pytest.approx(1.0 / ((3 * 64 + 3 * 32) / 2), rel=0.05)


@pytest.mark.parametrize("shape", [(3, 5), (5, 3), (4, 4), (2, 3, 8)])
@pytest.mark.parametrize("axis", [-1, 0])
def test_orthogonal(shape, axis):
    w = _np(init.Orthogonal(scale=2.0, axis=axis, seed=0)(shape))
    assert w.shape == shape
    rows = np.moveaxis(w, axis, 0).reshape(shape[axis], -1)
    gram = rows @ rows.T if rows.shape[0] <= rows.shape[1] else rows.T @ rows
    np.testing.assert_allclose(gram, 4.0 * np.eye(gram.shape[0]), atol=1e-4)


def test_delta_orthogonal():
    w = np.array(_np(init.DeltaOrthogonal(seed=0)((3, 3, 4, 6))))
    centre = w[1, 1]
    np.testing.assert_allclose(centre @ centre.T, np.eye(4), atol=1e-5)
    w[1, 1] = 0
    assert not w.any()
    with pytest.raises(ValueError, match="in <= out"):
        init.DeltaOrthogonal()((3, 3, 6, 4))
    with pytest.raises(ValueError, match="shape"):
        init.DeltaOrthogonal()((4, 4))


# ----------------------------------------------------------------------------- seeds
@pytest.mark.parametrize("cls", RANDOM_2D)
def test_seed_reproducible(cls):
    a, b = _np(cls(seed=7)((4, 6))), _np(cls(seed=7)((4, 6)))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, _np(cls(seed=8)((4, 6))))
    one = cls(seed=7)
    first, second = _np(one((4, 6))), _np(one((4, 6)))
    np.testing.assert_array_equal(first, a)
    assert not np.array_equal(first, second)  # an owned generator advances


@pytest.mark.parametrize("cls", RANDOM_2D)
def test_global_seed(cls):
    bm.random.seed(123)
    a = _np(cls()((4, 6)))
    b = _np(cls()((4, 6)))
    bm.random.seed(123)
    np.testing.assert_array_equal(_np(cls()((4, 6))), a)
    assert not np.array_equal(a, b)


# ----------------------------------------------------------------------------- errors
@pytest.mark.parametrize(
    ("make", "arg"),
    [
        (lambda: init.Normal(scale=-1.0), "scale"),
        (lambda: init.Normal(mean="a"), "mean"),
        (lambda: init.Normal(mean=float("nan")), "mean"),
        (lambda: init.Uniform(2.0, 1.0), "min_val"),
        (lambda: init.VarianceScaling(1.0, "fan_x", "normal"), "mode"),
        (lambda: init.VarianceScaling(1.0, "fan_in", "cauchy"), "distribution"),
        (lambda: init.VarianceScaling(0.0, "fan_in", "normal"), "scale"),
        (lambda: init.XavierNormal(in_axis=1.5), "in_axis"),
        (lambda: init.Orthogonal(axis="x"), "axis"),
        (lambda: init.Identity("x"), "value"),
        (lambda: init.Constant(object()), "value"),
    ],
)
def test_constructor_errors(make, arg):
    with pytest.raises(ValueError, match=arg):
        make()


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: init.ZeroInit()((2, -1)), "shape"),
        (lambda: init.Normal()("abc"), "shape"),
        (lambda: init.Normal()((2.5,)), "shape"),
        (lambda: init.XavierNormal()(5), "shape"),
        (lambda: init.Orthogonal()((5,)), "shape"),
        (lambda: init.Orthogonal(axis=2)((3, 4)), "axis"),
        (lambda: init.Identity()((2, 2, 2)), "shape"),
        (lambda: init.Constant([1.0, 2.0])((3,)), "broadcast"),
        (lambda: init.XavierNormal(in_axis=-1, out_axis=1)((3, 4)), "same axis"),
    ],
)
def test_call_errors(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_public_api():
    assert init.__all__ == [
        "Constant", "DOGDecay", "DeltaOrthogonal", "GaussianDecay", "Identity", "Initializer", "InterLayerInitializer",
        "IntraLayerInitializer", "KaimingNormal", "KaimingUniform", "LecunNormal",
        "LecunUniform", "Normal", "OneInit", "Orthogonal", "Uniform", "VarianceScaling",
        "XavierNormal", "XavierUniform", "ZeroInit", "compute_fans", "delay", "noise", "parameter",
        "variable", "variable_",
    ]  # fmt: skip
    for name in init.__all__:
        obj = getattr(init, name)
        assert obj.__module__ == "brainpy_dyn.init", name
        assert obj.__doc__, name


@pytest.mark.parametrize("shape", [(1,), (800,), (3200,), (40, 80), (70000,)])
def test_random_initializers_draw_what_the_generator_draws(shape):
    """Small draws are prefixes of a shared bucket-size draw: the values must not change."""
    for initializer, draw in [
        (init.Normal(-55.0, 2.0), lambda: bm.random.normal(-55.0, 2.0, shape)),
        (init.Uniform(-1.0, 3.0), lambda: bm.random.uniform(-1.0, 3.0, shape)),
    ]:
        bm.random.seed(5)
        got = initializer(shape)
        after = np.asarray(bm.random.DEFAULT.value)
        bm.random.seed(5)
        np.testing.assert_array_equal(np.asarray(got), np.asarray(draw()))
        np.testing.assert_array_equal(np.asarray(bm.random.DEFAULT.value), after)
        assert got.shape == shape


def test_random_initializer_inside_jit_matches_eager():
    normal = init.Normal(1.0, 0.5)
    bm.random.seed(9)
    eager = normal((300,))
    bm.random.seed(9)
    traced = bm.jit(lambda: normal((300,)))()
    np.testing.assert_array_equal(np.asarray(eager), np.asarray(traced))


def test_delay_helper_kinds_and_buffer():
    target = bm.zeros(4)
    assert init.delay(None, target) == ("none", None, None)
    kind, steps, buffer = init.delay(2, target)
    assert (kind, steps) == ("homo", 2) and isinstance(buffer, bm.LengthDelay)
    assert buffer.num_delay_step == 3
    kind, steps, buffer = init.delay(np.array([0, 1, 3, 2]), target)
    assert kind == "heter" and np.asarray(steps).tolist() == [0, 1, 3, 2]
    assert buffer.num_delay_step == 4
    kind, steps, _ = init.delay(lambda shape, dtype: np.full(shape, 1, dtype), target)
    assert kind == "heter" and np.asarray(steps).tolist() == [1, 1, 1, 1]
    for bad, match in [(-1, ">= 0"), (np.array([1, 2]), "shape"), (np.ones(4), "integers")]:
        with pytest.raises(ValueError, match=match):
            init.delay(bad, target)

"""BrainPy 2.3.5's module paths of brainpy.math, its legacy NumPy names and environment API."""

from __future__ import annotations

import importlib
import io
import os

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm

MODULES = [
    "arrayinterporate",
    "compat_numpy",
    "datatypes",
    "modes",
    "object_base",
    "object_transform",
    "operators",
    "others",
]


@pytest.mark.parametrize("name", MODULES)
def test_module_paths_are_thin_and_identical(name):
    module = importlib.import_module(f"brainpy_math.{name}")
    assert getattr(bm, name) is module and name in bm.__all__
    assert module.__all__ == sorted(module.__all__)
    for attr in module.__all__:
        value = getattr(module, attr)
        top = getattr(bm, attr, None)
        if name != "compat_numpy" and top is not None:
            assert value is top, f"{name}.{attr}"


def test_object_aliases_are_one_class():
    assert bm.object_base.Base is bm.BrainPyObject is bm.object_transform.BrainPyObject
    assert bm.object_transform.jit is bm.jit and bm.object_transform.to_object is bm.to_object
    assert bm.BrainPyObject.__module__ == "brainpy_math"


def test_compat_numpy_keeps_numpy_semantics():
    cnp = bm.compat_numpy
    # bm.abs is PyTorch-style at the top level; compat_numpy keeps NumPy's
    assert cnp.abs is not bm.abs and cnp.sum is bm.sum
    assert {"in1d", "trapz", "product", "float", "long"} <= set(cnp.__all__)


def test_legacy_numpy_functions_match_numpy():
    a = np.arange(12.0).reshape(3, 4)
    np.testing.assert_array_equal(bm.in1d(a, [1.0, 5.0]), np.isin(a.ravel(), [1.0, 5.0]))
    np.testing.assert_array_equal(bm.in1d([1, 2], [2], invert=True), [True, False])
    np.testing.assert_allclose(bm.trapz(a, axis=0), np.trapezoid(a, axis=0))
    np.testing.assert_allclose(
        bm.trapz(a, x=[0.0, 1.0, 3.0], axis=0), np.trapezoid(a, x=[0, 1, 3], axis=0)
    )
    assert bm.product is bm.prod and bm.cumproduct is bm.cumprod and bm.round_ is bm.round
    assert bm.sometrue is bm.any and bm.alltrue is bm.all
    np.testing.assert_array_equal(bm.msort(a[::-1]), np.sort(a[::-1], axis=0))
    assert bm.asscalar(bm.asarray([7])) == 7
    assert bm.matrix([1, 2]).shape == (1, 2) and bm.asmatrix is bm.matrix and bm.mat is bm.matrix
    assert bm.common_type(bm.arange(3)) is np.float32
    assert bm.issubsctype(bm.float32, np.floating) and not bm.issubsctype(bm.zeros(1), np.integer)
    assert bm.issubclass_(bool, int) and not bm.issubclass_(3, int)
    assert bm.safe_eval("[1, {'a': 2}]") == [1, {"a": 2}]
    assert bm.typename("d") == np.typename("d")
    out = io.StringIO()
    bm.disp("hi", device=out)
    assert out.getvalue() == "hi\n"
    assert bm.array2string(bm.asarray([1, 2])) == "[1 2]"


def test_putmask_repeats_values_like_numpy():
    x = bm.arange(7)
    expected = np.arange(7)
    np.putmask(expected, expected % 2 == 1, [-1, -2, -3])
    bm.putmask(x, x % 2 == 1, bm.asarray([-1, -2, -3]))
    np.testing.assert_array_equal(x, expected)
    with pytest.raises(TypeError, match="brainpy_math.Array"):
        bm.putmask(jnp.arange(3), jnp.ones(3, bool), 0)
    with pytest.raises(ValueError, match="shape"):
        bm.putmask(bm.arange(3), jnp.ones(2, bool), 0)


def test_text_and_npz_io(tmp_path):
    path = str(tmp_path / "a.txt")
    bm.savetxt(path, bm.asarray([[1.0, 2.0]]))
    np.testing.assert_array_equal(bm.loadtxt(path), np.array([1.0, 2.0]))
    np.testing.assert_array_equal(bm.genfromtxt(path), np.array([1.0, 2.0]))
    npz = str(tmp_path / "b.npz")
    bm.savez_compressed(npz, x=bm.ones(2))
    with np.load(npz) as data:
        np.testing.assert_array_equal(data["x"], np.ones(2))


def test_datatypes_torch_names():
    assert bm.half is jnp.float16 and bm.float is jnp.float32 and bm.double is jnp.float64
    assert bm.cfloat is jnp.complex64 and bm.cdouble is jnp.complex128
    assert bm.short is jnp.int16 and bm.int is jnp.int32 and bm.long is jnp.int64
    assert bm.datatypes.bool is jnp.bool_


def test_environment_class_clone_decorator_and_dtypes():
    env = bm.environment(dt=0.25, mode=bm.batching_mode)
    assert env.clone() == env and env.clone() is not env
    with env:
        assert bm.get_dt() == 0.25 and bm.dt == 0.25 and bm.mode == bm.batching_mode
        with env.clone():  # nesting restores in order
            pass
        assert bm.get_dt() == 0.25
    assert bm.get_dt() == 0.1 and bm.dt == 0.1

    @bm.training_environment(dt=0.5)
    def inside():
        return bm.get_dt(), bm.get_mode()

    assert inside() == (0.5, bm.training_mode) and bm.get_dt() == 0.1
    with bm.environment(complex_=jnp.complex128, bool_=jnp.bool_):
        assert bm.get_complex() is jnp.complex128 and bm.get_bool() is jnp.bool_
    assert bm.get_complex() is jnp.complex64
    with pytest.raises(TypeError, match="complexfloating"):
        bm.set_complex(jnp.float32)
    with pytest.raises(TypeError, match="bool"):
        bm.set_bool(jnp.int32)
    with pytest.raises(ValueError, match="dt must be a positive"):
        bm.environment(dt=-1.0)
    with pytest.raises(ValueError, match="dt must be a positive"), bm.environment(dt=0.3):
        bm.set_dt(0)
    assert bm.get_dt() == 0.1


def test_shared_args_over_time():
    sh = bm.shared_args_over_time(duration=1.0, dt=0.25, t0=1.0)
    np.testing.assert_allclose(sh["t"], [1.0, 1.25, 1.5, 1.75])
    np.testing.assert_array_equal(sh["i"], np.arange(4))
    np.testing.assert_allclose(sh["dt"], np.full(4, 0.25))
    # round, not int: 0.3 / 0.1 is 2.9999999999999996
    assert len(bm.shared_args_over_time(duration=0.3, dt=0.1, include_dt=False)["i"]) == 3
    assert "dt" not in bm.shared_args_over_time(num_step=2, include_dt=False)
    with pytest.raises(ValueError, match="num_step or duration"):
        bm.shared_args_over_time()


def test_activation_extras_against_numpy():
    x = np.array([[1.0, 2.0, 6.0], [0.0, -1.0, 4.0]], np.float32)
    out = bm.activations.normalize(x)
    ref = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-5)
    np.testing.assert_allclose(out, ref, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(bm.normalize(x, axis=0, mean=0.0, variance=1.0, epsilon=0.0), x)
    np.testing.assert_array_equal(
        bm.one_hot(jnp.asarray([0, 2, 5]), 3),
        np.eye(3, dtype=np.float32)[[0, 2]].tolist() + [[0, 0, 0]],
    )
    assert bm.one_hot(jnp.asarray([1]), 2, axis=0).shape == (2, 1)
    np.testing.assert_array_equal(bm.activations.identity(x), x)
    with pytest.raises(ValueError, match="num_classes"):
        bm.one_hot(jnp.asarray([1]), -1)


def test_show_config_and_gpu_memory_switches(capsys, monkeypatch):
    info = bm.show_config(mode="dicts")
    assert info["jax"] == jax.__version__ and info["backend"] == jax.default_backend()
    bm.show_config()
    assert "jax" in capsys.readouterr().out
    with pytest.raises(ValueError, match="mode"):
        bm.show_config(mode="html")
    monkeypatch.delenv("XLA_PYTHON_CLIENT_PREALLOCATE", raising=False)
    monkeypatch.delenv("XLA_PYTHON_CLIENT_ALLOCATOR", raising=False)
    bm.disable_gpu_memory_preallocation()
    assert os.environ["XLA_PYTHON_CLIENT_PREALLOCATE"] == "false"
    assert os.environ["XLA_PYTHON_CLIENT_ALLOCATOR"] == "platform"
    bm.enable_gpu_memory_preallocation()
    assert os.environ["XLA_PYTHON_CLIENT_PREALLOCATE"] == "true"
    assert "XLA_PYTHON_CLIENT_ALLOCATOR" not in os.environ


def test_compat_numpy_has_show_config():
    assert bm.compat_numpy.show_config is bm.show_config
    assert "show_config" in bm.compat_numpy.__all__

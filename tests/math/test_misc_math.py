"""remove_diag, clip_by_norm, the platform helpers and the deprecated JaxArray alias."""

from __future__ import annotations

import os

import jax
import numpy as np
import pytest

import brainpy_math as bm


@pytest.mark.parametrize("shape", [(1, 1), (4, 4), (3, 5)])
@pytest.mark.parametrize("dtype", [np.float32, np.int32, np.bool_])
def test_remove_diag_matches_numpy(shape, dtype):
    x = (np.random.default_rng(0).normal(size=shape) * 10).astype(dtype)
    n, m = shape
    want = x[~np.eye(n, m, dtype=bool)].reshape(n, m - 1)
    got = bm.remove_diag(x)
    assert got.shape == (n, m - 1) and got.dtype == want.dtype
    np.testing.assert_array_equal(np.asarray(got), want)
    np.testing.assert_array_equal(np.asarray(jax.jit(lambda a: bm.remove_diag(a).value)(x)), want)


def test_remove_diag_errors():
    with pytest.raises(ValueError, match=r"must be a 2-D matrix, got shape \(3,\)"):
        bm.remove_diag(np.ones(3))
    with pytest.raises(ValueError, match=r"no more rows than columns.*\(3, 2\)"):
        bm.remove_diag(np.ones((3, 2)))


def _clip_ref(t, c, axis):
    norm = np.sqrt(np.sum(t * t, axis=axis, keepdims=True))
    return t * c / np.maximum(norm, c)


@pytest.mark.parametrize("axis", [None, 0, 1, (0, 1)])
@pytest.mark.parametrize("clip", [0.5, 100.0])
def test_clip_by_norm_matches_numpy(axis, clip):
    t = np.random.default_rng(1).normal(size=(4, 3)).astype(np.float32)
    want = _clip_ref(t, clip, axis)
    np.testing.assert_allclose(np.asarray(bm.clip_by_norm(t, clip, axis)), want, rtol=1e-6)
    jitted = jax.jit(lambda a: bm.clip_by_norm(a, clip, axis).value)
    np.testing.assert_allclose(np.asarray(jitted(t)), want, rtol=1e-6)
    if clip == 0.5 and axis is None:
        assert np.isclose(np.linalg.norm(np.asarray(bm.clip_by_norm(t, clip, axis))), clip)


def test_clip_by_norm_on_a_pytree():
    tree = {"a": bm.array([3.0, 4.0]), "b": [np.array([0.3, 0.4], np.float32)]}
    out = bm.clip_by_norm(tree, 1.0)
    np.testing.assert_allclose(np.asarray(out["a"]), [0.6, 0.8], rtol=1e-6)
    np.testing.assert_allclose(np.asarray(out["b"][0]), [0.3, 0.4], rtol=1e-6)


def test_platform_helpers():
    assert bm.get_platform() == jax.default_backend() == "cpu"
    bm.set_platform("cpu")
    assert bm.get_platform() == "cpu"
    with pytest.raises(ValueError, match="platform must be one of"):
        bm.set_platform("cuda0")


def test_set_host_device_count_after_start_is_a_clear_error():
    jax.devices()  # make sure the backends exist
    with pytest.raises(RuntimeError, match="JAX has already started"):
        bm.set_host_device_count(2)
    with pytest.raises(ValueError, match="n must be a positive int"):
        bm.set_host_device_count(0)


SPLIT_AFTER_IMPORT = """
import os
import brainpy_math as bm
bm.set_host_device_count(3)
import jax
assert jax.device_count() == 3, jax.devices()
assert bm.random.normal(size=2).shape == (2,)
print(os.environ["XLA_FLAGS"].count("device_count"))
"""


def test_set_host_device_count_works_right_after_import(run_python, monkeypatch):
    monkeypatch.delenv("XLA_FLAGS", raising=False)
    done = run_python(SPLIT_AFTER_IMPORT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"


def test_set_host_device_count_before_start_rewrites_xla_flags(monkeypatch):
    # This test process has started JAX, so pretend it has not: what is checked is the flag.
    from brainpy_math._src import platform

    monkeypatch.setattr(platform, "backends_are_initialized", lambda: False)
    monkeypatch.setenv(
        "XLA_FLAGS", "--xla_force_host_platform_device_count=8 --xla_cpu_enable_fast_math=false"
    )
    bm.set_host_device_count(3)
    flags = os.environ["XLA_FLAGS"].split()
    assert flags == [
        "--xla_cpu_enable_fast_math=false",
        "--xla_force_host_platform_device_count=3",
    ]
    monkeypatch.delenv("XLA_FLAGS")
    bm.set_host_device_count(2)
    assert os.environ["XLA_FLAGS"] == "--xla_force_host_platform_device_count=2"


def test_jaxarray_is_a_deprecated_alias_of_array():
    with pytest.warns(DeprecationWarning, match="use brainpy_math.Array"):
        cls = bm.JaxArray
    assert cls is bm.Array
    assert "JaxArray" not in bm.__all__
    with pytest.raises(AttributeError, match="has no attribute 'NoSuchName'"):
        _ = bm.NoSuchName


def test_public_names():
    for name in [
        "remove_diag",
        "clip_by_norm",
        "set_platform",
        "get_platform",
        "set_host_device_count",
    ]:
        assert name in bm.__all__ and getattr(bm, name).__module__ == "brainpy_math", name

"""Environment settings and computing modes."""

import jax.numpy as jnp
import pytest

import brainpy_math as bm


def test_dt_default_set_and_validation():
    assert bm.get_dt() == 0.1
    with bm.environment(dt=0.05):
        assert bm.get_dt() == 0.05
    assert bm.get_dt() == 0.1
    for bad in (0, -1.0, float("nan"), "0.1", True):
        with pytest.raises(ValueError, match="dt"):
            bm.set_dt(bad)


def test_modes_relations():
    assert bm.training_mode.is_child_of(bm.BatchingMode)
    assert not bm.batching_mode.is_child_of(bm.TrainingMode)
    assert bm.batching_mode.is_parent_of(bm.TrainingMode)
    assert bm.nonbatching_mode.is_a(bm.NonBatchingMode)
    assert not bm.training_mode.is_a(bm.BatchingMode)
    assert bm.TrainingMode() == bm.training_mode
    assert bm.BatchingMode(4).batch_size == 4
    with pytest.raises(TypeError, match="Mode class"):
        bm.training_mode.is_child_of(3)
    with pytest.raises(ValueError, match="batch_size"):
        bm.BatchingMode(0)


def test_mode_environment_restores():
    assert isinstance(bm.get_mode(), bm.NonBatchingMode)
    with bm.training_environment():
        assert isinstance(bm.get_mode(), bm.TrainingMode)
    assert isinstance(bm.get_mode(), bm.NonBatchingMode)
    with pytest.raises(TypeError, match="Mode"):
        bm.set_mode("training")


def test_float32_default_and_x64_switch():
    assert bm.get_float() == jnp.float32 and not bm.is_x64()
    with bm.environment(x64=True):
        assert bm.get_float() == jnp.float64
        assert bm.zeros(2).dtype == jnp.float64
    assert not bm.is_x64() and bm.zeros(2).dtype == jnp.float32

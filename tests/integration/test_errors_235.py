"""``bp.errors``: 2.3.5's error names catch the errors the packages raise."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy as bp
import brainpy.math as bm


def test_the_2_3_5_bases_catch_what_the_packages_raise():
    lif = bp.neurons.LIF(3)
    with pytest.raises(bp.errors.MonitorError):
        bp.DSRunner(lif, monitors=["no_such_variable"], progress_bar=False)
    with pytest.raises(bp.errors.RunningError):
        bp.DSRunner(lif, monitors=["no_such_variable"], progress_bar=False)
    with pytest.raises(bp.errors.RunningError):
        bp.DSRunner(lif, inputs=[("no_such_variable", 1.0)], progress_bar=False)
    with pytest.raises(bp.errors.BrainPyError):
        bp.DSRunner(lif, progress_bar=False).run(-1.0)
    v = bm.Variable(bm.zeros(3))
    with pytest.raises(bp.errors.MathError):
        v.value = bm.zeros(4)
    with pytest.raises(bp.errors.BrainPyError):
        v.value = bm.zeros(4)
    with pytest.raises(bp.errors.ConnectorError):
        bp.conn.FixedPreNum(num=6, seed=1)(pre_size=3, post_size=4).require("conn_mat")
    with pytest.raises(bp.errors.UniqueNameError):
        bp.neurons.LIF(2, name=lif.name)

    class BatchOnly(bp.DynamicalSystemNS):
        supported_modes = (bm.BatchingMode,)

    with pytest.raises(bp.errors.UnsupportedError):
        BatchOnly(mode=bm.nonbatching_mode)


def test_aliases_are_the_raised_classes():
    assert bp.errors.ConcretizationTypeError is jax.errors.ConcretizationTypeError
    assert bp.errors.NoImplementationError is NotImplementedError
    assert bp.errors.UniqueNameError is bm.errors.ObjectNameError
    assert bp.errors.MathError is bm.errors.MathError
    assert issubclass(bp.errors.DynError, bp.errors.BrainPyError)
    with pytest.raises(bp.errors.ConcretizationTypeError):
        jax.jit(lambda x: int(x))(jnp.ones(()))
    for name in bp.errors.__all__:
        assert issubclass(getattr(bp.errors, name), BaseException), name


def test_checkpoint_errors_under_their_2_3_5_names(tmp_path):
    import brainpy_checkpoints

    assert bp.errors.InvalidCheckpointPath is brainpy_checkpoints.CheckpointExistsError
    path = tmp_path / "x.bp"
    bp.checkpoints.save_pytree(str(path), {"a": np.ones(2)}, verbose=False)
    with pytest.raises(bp.errors.InvalidCheckpointPath):
        bp.checkpoints.save_pytree(str(path), {"a": np.ones(2)}, overwrite=False, verbose=False)
    bp.checkpoints.save(str(tmp_path / "d"), {"a": np.ones(2)}, step=3)
    with pytest.raises(bp.errors.InvalidCheckpointError):
        bp.checkpoints.save(str(tmp_path / "d"), {"a": np.ones(2)}, step=2)
    for name in bp.errors.__all__:
        assert getattr(bp.errors, name) is not None


def test_checkpoint_errors_constructed_as_in_2_3_5():
    import brainpy_checkpoints

    err = bp.errors.InvalidCheckpointError("ckpts/checkpoint_3", 3)
    assert isinstance(err, ValueError) and "step 3" in str(err)
    assert bp.errors.InvalidCheckpointError is brainpy_checkpoints.InvalidCheckpointError
    assert issubclass(bp.errors.CheckpointExistsError, bp.errors.InvalidCheckpointError)
    assert "ckpt" in str(bp.errors.MPARestoreTargetRequiredError("ckpt", 1, key="w"))
    assert "ckpt" in str(bp.errors.MPARestoreDataCorruptedError(1, "ckpt"))
    assert "gda" in str(bp.errors.MPARestoreTypeNotMatchError(1, "gda"))
    assert "ckpt" in str(bp.errors.MPACheckpointingRequiredError("ckpt", 1))
    with pytest.raises(bp.errors.MPARestoreDataCorruptedError):
        raise bp.errors.CorruptCheckpointError("bad bytes")

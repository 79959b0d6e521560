"""2.3.5's bp.SynOut/SynSTP/SynLTP/NoSharedArg/Runner, bp.modes and the last bp.errors names."""

import pytest

import brainpy as bp
import brainpy.math as bm
import brainpy_checkpoints
import brainpy_dyn


def test_base_names_are_brainpy_dyn_objects():
    for name in ("SynOut", "SynSTP", "SynLTP", "NoSharedArg", "Runner"):
        assert getattr(bp, name) is getattr(brainpy_dyn, name)
    assert bp.dyn.HH is bp.neurons.HH and bp.dyn.LIF.derivative is bp.neurons.LIF.derivative
    assert issubclass(bp.DSRunner, bp.Runner)
    assert bp.synapses.GapJunction is brainpy_dyn.synapses.GapJunction


def test_modes_module_of_235():
    assert bp.modes.NormalMode is bm.NonBatchingMode
    assert bp.modes.normal is bm.nonbatching_mode
    assert bp.modes.batching is bm.batching_mode and bp.modes.training is bm.training_mode
    assert bp.modes.Mode is bm.Mode and bp.modes.TrainingMode is bm.TrainingMode
    bp.modes.check_mode(bp.modes.training, bp.modes.BatchingMode, "LIF")  # a subclass passes
    bp.modes.check_mode(bp.modes.normal, [bp.modes.NormalMode, bp.modes.BatchingMode])
    with pytest.raises(bp.errors.UnsupportedError, match="LIF does not support"):
        bp.modes.check_mode(bp.modes.normal, bp.modes.BatchingMode, "LIF")
    with pytest.raises(TypeError, match="supported_types"):
        bp.modes.check_mode(bp.modes.normal, int)


def test_last_error_names():
    assert bp.errors.AlreadyExistsError is brainpy_checkpoints.CheckpointExistsError
    assert issubclass(bp.errors.NoLongerSupportError, bp.errors.BrainPyError)
    assert "AlreadyExistsError" in bp.errors.__all__
    assert "NoLongerSupportError" in bp.errors.__all__

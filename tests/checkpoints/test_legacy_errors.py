"""BrainPy 2.3.5's checkpoint error names: 2.3.5's constructors, bases of the raised errors."""

from __future__ import annotations

import inspect
import pickle

import numpy as np
import pytest

import brainpy_checkpoints as bc

LEGACY = {
    "InvalidCheckpointError": (["path", "step"], bc.CheckpointExistsError),
    "MPACheckpointingRequiredError": (["path", "step"], bc.CheckpointSerializationError),
    "MPARestoreDataCorruptedError": (["step", "path"], bc.CorruptCheckpointError),
    "MPARestoreTargetRequiredError": (["path", "step", "key"], bc.CheckpointStructureError),
    "MPARestoreTypeNotMatchError": (["step", "gda_path"], bc.CheckpointStructureError),
}


@pytest.mark.parametrize("name", sorted(LEGACY))
def test_legacy_errors_take_2_3_5_arguments_and_are_bases_of_the_raised(name):
    params, raised = LEGACY[name]
    cls = getattr(bc, name)
    assert list(inspect.signature(cls).parameters) == params
    assert issubclass(raised, cls) and issubclass(cls, bc.CheckpointError)
    assert issubclass(cls, ValueError)
    err = cls(
        *(["ckpt/step_7", 7, "['w']"] if params[0] == "path" else [7, "ckpt/step_7"])[: len(params)]
    )
    assert "7" in str(err) and "ckpt/step_7" in str(err)
    assert err.step == 7 and err.filename == "ckpt/step_7"
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cls and str(back) == str(err) and back.step == 7
    assert err.with_filename("other") is err


def test_the_raised_errors_keep_their_own_constructor():
    err = bc.CorruptCheckpointError("bad bytes", filename="f.bp", path="['a']")
    assert str(err) == "f.bp: bad bytes" and err.path == "['a']"
    assert str(err.with_filename("g.bp")) == "g.bp: bad bytes"
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is bc.CorruptCheckpointError and back.filename == "f.bp"
    assert isinstance(bc.CheckpointExistsError("x"), FileExistsError)
    assert isinstance(bc.CheckpointSerializationError("x"), TypeError)


def test_saving_an_old_step_is_caught_as_invalid_checkpoint_error(tmp_path):
    bc.save(str(tmp_path), {"a": np.ones(2)}, step=3)
    with pytest.raises(bc.InvalidCheckpointError, match="step 2"):
        bc.save(str(tmp_path), {"a": np.ones(2)}, step=2)


def test_a_mismatched_target_is_caught_under_the_2_3_5_names(tmp_path):
    path = str(tmp_path / "x.bp")
    bc.save_pytree(path, {"a": np.ones(2)}, verbose=False)
    for cls in (bc.MPARestoreTargetRequiredError, bc.MPARestoreTypeNotMatchError):
        with pytest.raises(cls):
            bc.load_pytree(path, target={"b": np.ones(2)})
    with open(path, "r+b") as f:
        f.seek(-3, 2)
        f.write(b"\x00\x01\x02")
    with pytest.raises(bc.MPARestoreDataCorruptedError):
        bc.load_pytree(path)

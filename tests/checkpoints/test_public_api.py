"""The public surface of brainpy_checkpoints: names, version, module paths, dependencies."""

from __future__ import annotations

import os
import subprocess
import sys

import brainpy_checkpoints as bc

PUBLIC = [
    "AsyncManager",
    "CheckpointError",
    "CheckpointExistsError",
    "CheckpointNotFoundError",
    "CheckpointSerializationError",
    "CheckpointStructureError",
    "CheckpointWriteError",
    "CorruptCheckpointError",
    "InvalidCheckpointError",
    "MPACheckpointingRequiredError",
    "MPARestoreDataCorruptedError",
    "MPARestoreTargetRequiredError",
    "MPARestoreTypeNotMatchError",
    "checkpoint_steps",
    "from_state_dict",
    "io",
    "load",
    "load_pytree",
    "load_sharded",
    "msgpack_restore",
    "msgpack_serialize",
    "register_serialization_state",
    "save",
    "save_pytree",
    "save_sharded",
    "to_state_dict",
]


def test_all_is_the_snapshot():
    assert bc.__all__ == PUBLIC
    assert sorted(bc.__all__) == bc.__all__


def test_public_objects_present_the_public_module():
    for name in PUBLIC:
        obj = getattr(bc, name)
        if name == "io":  # the submodule, whose functions present it in turn
            assert obj.__name__ == "brainpy_checkpoints.io"
            for fn in obj.__all__:
                assert getattr(obj, fn).__module__ == "brainpy_checkpoints.io", fn
                assert getattr(obj, fn).__doc__, fn
            continue
        assert obj.__module__ == "brainpy_checkpoints", name
        assert obj.__doc__, name


def test_version_is_single_sourced():
    from brainpy_checkpoints import _version

    assert bc.__version__ == _version.__version__
    assert bc.__version__.count(".") == 2


def test_import_needs_no_sibling_and_not_even_jax(package_path):
    code = (
        "import sys, brainpy_checkpoints; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('brainpy', 'brainpy_math', 'brainpy_dyn', 'brainpy_layers', 'jax')))"
    )
    env = dict(os.environ, PYTHONPATH=package_path)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "[]"


def test_no_pickle_in_the_sources():
    """Checkpoints never unpickle; only ``io.load_by_pkl`` does, through an allow-list."""
    root = os.path.dirname(bc.__file__)
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".py"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    text = f.read()
                assert "allow_pickle=True" not in text, name
                assert "pickle.load(" not in text and "pickle.loads(" not in text, name
                if name != "variable_files.py":
                    assert "import pickle" not in text and "allow_pickle" not in text, name

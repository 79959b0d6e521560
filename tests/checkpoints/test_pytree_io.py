"""save_pytree / load_pytree: names, suffix, overwrite, verbosity, 2.3.5 signatures."""

from __future__ import annotations

import inspect
import os
import pathlib

import numpy as np
import pytest

import brainpy_checkpoints as bc


def test_signatures_keep_235_parameter_order():
    assert list(inspect.signature(bc.save_pytree).parameters) == [
        "filename", "target", "overwrite", "async_manager", "verbose",
    ]  # fmt: skip
    params = inspect.signature(bc.load_pytree).parameters
    assert list(params)[:3] == ["filename", "target", "parallel"]
    assert params["parallel"].default is True and params["verbose"].default is False
    assert inspect.signature(bc.save_pytree).parameters["verbose"].default is True


@pytest.mark.parametrize(
    ("name", "written"),
    [("net", "net.bp"), ("net.bp", "net.bp"), ("net.msgpack", "net.msgpack.bp")],
)
def test_bp_suffix_is_appended_like_235(tmp_path, name, written):
    path = bc.save_pytree(tmp_path / name, {"x": 1}, verbose=False)
    assert path == str(tmp_path / written)
    assert sorted(os.listdir(tmp_path)) == [written]
    assert bc.load_pytree(tmp_path / name) == {"x": 1}  # found under either name
    assert bc.load_pytree(tmp_path / written) == {"x": 1}


def test_missing_folders_are_created_and_pathlike_works(tmp_path):
    path = bc.save_pytree(pathlib.Path(tmp_path) / "a" / "b" / "c", {"x": 2}, verbose=False)
    assert os.path.isfile(path)


def test_overwrite_false_refuses_an_existing_file(tmp_path):
    bc.save_pytree(tmp_path / "f", {"x": 1}, verbose=False)
    with pytest.raises(bc.CheckpointExistsError, match="overwrite=False") as info:
        bc.save_pytree(tmp_path / "f", {"x": 2}, overwrite=False, verbose=False)
    assert str(tmp_path / "f.bp") in str(info.value)
    assert isinstance(info.value, FileExistsError)
    assert bc.load_pytree(tmp_path / "f") == {"x": 1}
    bc.save_pytree(tmp_path / "f", {"x": 3}, verbose=False)
    assert bc.load_pytree(tmp_path / "f") == {"x": 3}


def test_overwrite_false_creates_a_new_file(tmp_path):
    bc.save_pytree(tmp_path / "g", {"x": 1}, overwrite=False, verbose=False)
    assert bc.load_pytree(tmp_path / "g") == {"x": 1}
    assert os.listdir(tmp_path) == ["g.bp"]


def test_verbose_prints_like_235(tmp_path, capsys):
    path = bc.save_pytree(tmp_path / "v", {"x": 1})
    assert capsys.readouterr().out == f"Saving checkpoint into {path}\n"
    bc.load_pytree(path)
    assert capsys.readouterr().out == ""
    bc.load_pytree(path, verbose=True)
    assert capsys.readouterr().out == f"Loading checkpoint from {path}\n"
    bc.save_pytree(tmp_path / "v", {"x": 1}, verbose=False)
    assert capsys.readouterr().out == ""


def test_positional_bool_is_taken_as_235_parallel(tmp_path):
    path = bc.save_pytree(tmp_path / "p", {"x": np.arange(2)}, verbose=False)
    with pytest.warns(DeprecationWarning, match="parallel"):
        out = bc.load_pytree(path, False)
    np.testing.assert_array_equal(out["x"], [0, 1])
    assert bc.load_pytree(path, parallel=False)["x"].tolist() == [0, 1]


def test_loaded_arrays_are_writable_independent_and_aligned(tmp_path):
    tree = {f"a{i}": np.arange(i + 1, dtype=np.float64) for i in range(5)}
    tree["big"] = np.arange(1 << 17, dtype=np.float32)
    out = bc.load_pytree(bc.save_pytree(tmp_path / "w", tree, verbose=False))
    for value in out.values():
        assert value.flags.writeable and value.flags.owndata is not False
        assert value.flags.aligned
    out["a0"][0] = 42  # no other array changes
    assert out["a1"].tolist() == [0, 1]


def test_a_folder_is_not_a_checkpoint_file(tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(bc.CheckpointNotFoundError, match="folder"):
        bc.load_pytree(tmp_path / "d")


def test_msgpack_helpers_round_trip_with_a_target():
    data = bc.msgpack_serialize({"w": [np.ones(2), 3]})
    assert bc.msgpack_restore(data, target={"w": [np.zeros(2), 0]})["w"][1] == 3
    assert bc.msgpack_restore(bytearray(data))["w"]["1"] == 3
    assert bc.msgpack_restore(memoryview(data))["w"]["1"] == 3

"""Sharded checkpoints (``save_sharded``/``load_sharded``) on one process of eight devices.

The same code runs on every process of a multi-process run (see
``tests/integration/test_multiprocess_checkpoints.py``); here one process checks the layout,
the blocks, restoring onto other shardings and the errors.
"""

from __future__ import annotations

import json
import os

import jax
import numpy as np
import pytest
from jax.sharding import NamedSharding, PartitionSpec

import brainpy_checkpoints as bc


def mesh(n: int) -> jax.sharding.Mesh:
    return jax.make_mesh((n,), ("x",), devices=jax.devices()[:n])


def sharded(value: np.ndarray, n: int, spec: PartitionSpec) -> jax.Array:
    return jax.device_put(value, NamedSharding(mesh(n), spec))


@pytest.fixture
def state() -> dict:
    return {
        "V": sharded(np.arange(16, dtype=np.float32), 8, PartitionSpec("x")),
        "buf": sharded(np.arange(32, dtype=np.int32).reshape(2, 16), 4, PartitionSpec(None, "x")),
        "rep": sharded(np.array([1.5, 2.5], np.float32), 8, PartitionSpec()),
        "host": [np.array(True), np.arange(3, dtype=np.int64)],
    }


def test_each_block_is_written_once_and_restores_onto_other_shardings(tmp_path, state):
    path = bc.save_sharded(tmp_path / "ck", state)
    assert sorted(os.listdir(path)) == ["index.json", "process_0.bp"]
    assert not [n for n in os.listdir(tmp_path) if n != "ck"]  # no temporary folder left
    index = json.loads((tmp_path / "ck" / "index.json").read_text())
    assert [leaf["shape"] for leaf in index["leaves"]] == [[16], [2, 16], [], [3], [2]]
    saved = bc.load_pytree(tmp_path / "ck" / "process_0.bp")
    assert sum(k.startswith("0/") and k.endswith("/data") for k in saved) == 8  # 8 blocks of V
    assert sum(k.startswith("4/") and k.endswith("/data") for k in saved) == 1  # replicas: once
    target = {
        "V": sharded(np.zeros(16, np.float32), 2, PartitionSpec("x")),
        "buf": sharded(np.zeros((2, 16), np.int32), 8, PartitionSpec(None, "x")),
        "rep": np.zeros(2, np.float32),
        "host": [np.array(False), np.zeros(3, np.int64)],
    }
    restored = bc.load_sharded(tmp_path / "ck", target)
    assert restored["V"].sharding == target["V"].sharding
    assert restored["buf"].sharding == target["buf"].sharding
    for got, want in zip(jax.tree.leaves(restored), jax.tree.leaves(state), strict=True):
        np.testing.assert_array_equal(np.asarray(got), np.asarray(want))
    assert isinstance(restored["rep"], np.ndarray)


def test_overwrite_replaces_the_whole_checkpoint(tmp_path, state):
    bc.save_sharded(tmp_path / "ck", state)
    state["V"] = state["V"] + 1
    bc.save_sharded(tmp_path / "ck", state)
    assert sorted(os.listdir(tmp_path)) == ["ck"]
    got = bc.load_sharded(tmp_path / "ck", state)
    np.testing.assert_array_equal(np.asarray(got["V"]), np.arange(16) + 1)
    with pytest.raises(bc.CheckpointExistsError, match="overwrite=False"):
        bc.save_sharded(tmp_path / "ck", state, overwrite=False)


def test_load_checks_the_target(tmp_path, state):
    with pytest.raises(bc.CheckpointNotFoundError, match="no sharded checkpoint"):
        bc.load_sharded(tmp_path / "missing", state)
    bc.save_sharded(tmp_path / "ck", state)
    with pytest.raises(bc.CheckpointStructureError, match="holds 5 arrays, target has 1"):
        bc.load_sharded(tmp_path / "ck", {"V": state["V"]})
    wrong = dict(state, V=np.zeros(15, np.float32))
    with pytest.raises(bc.CheckpointStructureError, match=r"target\['V'\] has shape \(15,\)"):
        bc.load_sharded(tmp_path / "ck", wrong)
    (tmp_path / "ck" / "index.json").write_text("{}")
    with pytest.raises(bc.CorruptCheckpointError, match="is not a"):
        bc.load_sharded(tmp_path / "ck", state)


def test_a_missing_block_is_reported(tmp_path, state):
    bc.save_sharded(tmp_path / "ck", {"V": state["V"]})
    index_file = tmp_path / "ck" / "index.json"
    index = json.loads(index_file.read_text())
    index["leaves"][0]["shape"] = [17]  # one value more than the blocks hold
    index_file.write_text(json.dumps(index))
    with pytest.raises(bc.CorruptCheckpointError, match="cover 16 of the 17 values"):
        bc.load_sharded(tmp_path / "ck", {"V": np.zeros(17, np.float32)})


def test_numbers_are_saved_as_0d_arrays_and_strings_refused(tmp_path):
    folder = tmp_path / "step"
    bc.save_sharded(folder, {"step": 7, "v": np.arange(3.0)})
    loaded = bc.load_sharded(folder, {"step": 0, "v": np.zeros(3)})
    assert int(loaded["step"]) == 7 and loaded["v"].tolist() == [0.0, 1.0, 2.0]
    with pytest.raises(TypeError, match=r"numeric arrays and numbers, got str .* at \['name'\]"):
        bc.save_sharded(tmp_path / "bad", {"name": "x"})
    assert not (tmp_path / "bad").exists()

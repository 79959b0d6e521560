"""Sharded checkpoints (``save_sharded``/``load_sharded``) on one process of eight devices.

The same code runs on every process of a multi-process run (see
``tests/integration/test_multiprocess_checkpoints.py``); here one process checks the layout,
the blocks, restoring onto other shardings and the errors.
"""

from __future__ import annotations

import json
import os
import re

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
    index = json.loads((tmp_path / "ck" / "index.json").read_text())
    assert re.fullmatch(r"process_0-[0-9a-f]{12}\.bp", index["files"][0])
    assert index["files"] == [f"process_0-{index['version']}.bp"]
    assert sorted(os.listdir(path)) == ["index.json", *index["files"]]
    assert not [n for n in os.listdir(tmp_path) if n != "ck"]  # no temporary folder left
    assert [leaf["shape"] for leaf in index["leaves"]] == [[16], [2, 16], [], [3], [2]]
    saved = bc.load_pytree(tmp_path / "ck" / index["files"][0])
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
    (tmp_path / "ck" / "notes.txt").write_text("mine")  # a user's file: left alone
    state["V"] = state["V"] + 1
    bc.save_sharded(tmp_path / "ck", state)
    assert sorted(os.listdir(tmp_path)) == ["ck"]
    index = json.loads((tmp_path / "ck" / "index.json").read_text())
    assert sorted(os.listdir(tmp_path / "ck")) == sorted(
        ["index.json", "notes.txt", *index["files"]]
    )
    got = bc.load_sharded(tmp_path / "ck", state)
    np.testing.assert_array_equal(np.asarray(got["V"]), np.arange(16) + 1)
    with pytest.raises(bc.CheckpointExistsError, match="overwrite=False"):
        bc.save_sharded(tmp_path / "ck", state, overwrite=False)
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(bc.CheckpointWriteError, match="directory must be a folder .* is a file"):
        bc.save_sharded(tmp_path / "file", state)
    assert (tmp_path / "file").read_text() == "not a folder"


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


# ---------------------------------------------------------------- crashes while saving
# Every call by which a save changes the file system; a crash is injected before the k-th.
FS_CALLS = ("mkdir", "open", "write", "fsync", "replace", "rename", "unlink", "rmdir")
OLD = {"v": np.arange(6.0), "w": np.full((2, 3), 7, np.int32)}
NEW = {"v": -np.arange(6.0), "w": np.full((2, 3), 9, np.int32)}
NEXT = {"v": np.full(6, 0.5), "w": np.zeros((2, 3), np.int32)}

# Run in a fresh interpreter that imports JAX without starting its backend, then forks one
# child per crash point k: the child starts its own backend, saves OLD (unless the case is a
# first save), wraps the os functions named in FS_CALLS and saves NEW, dying with
# os._exit(77) just before the k-th call (a write first writes half of its bytes). It stops
# at the first k that does not crash and prints it. Case k is left in OUT/case_<k>/ck.
KILL_SCRIPT = """
import os, sys
import numpy as np
import jax  # the backend is not started here: each forked child starts its own
import brainpy_checkpoints as bc

out, mode, calls = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
trees = np.load(os.path.join(out, "trees.npz"))
OLD = {"v": trees["old_v"], "w": trees["old_w"]}
NEW = {"v": trees["new_v"], "w": trees["new_w"]}

def case(k):
    jax.process_index()
    folder = os.path.join(out, f"case_{k}", "ck")
    os.makedirs(os.path.dirname(folder))
    if mode == "overwrite":
        bc.save_sharded(folder, OLD)
    count = [0]
    for name in calls:
        def hook(*args, _real=getattr(os, name), _name=name, **kwargs):
            count[0] += 1
            if count[0] == k + 1:
                if _name == "write":
                    _real(args[0], bytes(memoryview(args[1]).cast("B")[: len(args[1]) // 2]))
                os._exit(77)
            return _real(*args, **kwargs)
        setattr(os, name, hook)
    bc.save_sharded(folder, NEW)
    os._exit(0)

for k in range(1000):
    pid = os.fork()
    if pid == 0:
        case(k)
    code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    if code == 0:
        break
    assert code == 77, code
print(k)
"""


def _state(folder) -> str:
    """Which checkpoint ``folder`` holds: 'old', 'new' or 'none' (anything else fails)."""
    try:
        got = bc.load_sharded(folder, {"v": np.zeros(6), "w": np.zeros((2, 3), np.int32)})
    except bc.CheckpointNotFoundError:
        return "none"
    for name, want in (("old", OLD), ("new", NEW)):
        if all(np.array_equal(got[k], want[k]) for k in want):
            return name
    raise AssertionError(f"{folder} holds neither the old nor the new checkpoint: {got}")


def _leftovers(folder) -> list[str]:
    """What is in or next to ``folder`` beyond the index and the files it names."""
    extra = sorted(n for n in os.listdir(folder.parent) if n != folder.name)
    if not folder.exists():
        return extra
    index = json.loads((folder / "index.json").read_text())
    return sorted(set(os.listdir(folder)) - {"index.json", *index["files"]}) + extra


def _check_cases(tmp_path, n: int, first: bool) -> None:
    """Cases 0..n: old (or none) before one switch, new after it; the next save cleans up."""
    states, dirty = [], 0
    for k in range(n + 1):
        folder = tmp_path / f"case_{k}" / "ck"
        states.append(_state(folder))
        dirty += bool(_leftovers(folder))
        bc.save_sharded(folder, NEXT)  # the next save removes whatever was left
        assert _leftovers(folder) == [], k
        got = bc.load_sharded(folder, NEXT)
        assert all(np.array_equal(got[key], NEXT[key]) for key in NEXT), k
    before = "none" if first else "old"
    switch = states.index("new")  # the one instant at which the checkpoint changes
    assert set(states[:switch]) == {before} and set(states[switch:]) == {"new"}, states
    assert 0 < switch < n, states  # crashes on both sides of the switch were tried
    assert dirty > 0  # and some of them did leave files behind


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the crash cases are forked children")
@pytest.mark.parametrize("mode", ["overwrite", "first"])
def test_a_save_killed_at_any_call_leaves_the_old_or_the_new_checkpoint(tmp_path, mode):
    import subprocess
    import sys

    np.savez(
        tmp_path / "trees.npz",
        **{f"{a}_{k}": t[k] for a, t in (("old", OLD), ("new", NEW)) for k in t},
    )
    env = dict(os.environ, JAX_PLATFORMS="cpu", XLA_FLAGS="")
    done = subprocess.run(
        [sys.executable, "-c", KILL_SCRIPT, str(tmp_path), mode, ",".join(FS_CALLS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    n = int(done.stdout.split()[-1])  # case n ran to the end: the save makes n calls
    assert n >= 8, n
    os.unlink(tmp_path / "trees.npz")
    _check_cases(tmp_path, n, mode == "first")


class Crash(Exception):
    """The exception injected into a save."""


def _raising(real, count: list[int], k: int):
    """``real``, raising :class:`Crash` instead when it is the k-th call counted."""

    def hook(*args, **kwargs):
        count[0] += 1
        if count[0] == k + 1:
            raise Crash
        return real(*args, **kwargs)

    return hook


@pytest.mark.parametrize("mode", ["overwrite", "first"])
def test_a_save_interrupted_by_an_error_at_any_call_loses_nothing(tmp_path, mode, monkeypatch):
    """The same, in this process: an exception instead of a kill (cleanup code runs)."""
    for k in range(1000):
        folder = tmp_path / f"case_{k}" / "ck"
        folder.parent.mkdir()
        if mode == "overwrite":
            bc.save_sharded(folder, OLD)
        count = [0]
        with monkeypatch.context() as patch:
            for name in FS_CALLS:
                patch.setattr(os, name, _raising(getattr(os, name), count, k))
            try:
                bc.save_sharded(folder, NEW)
            except Crash:
                continue
        break
    assert k >= 8, k
    _check_cases(tmp_path, k, mode == "first")


def test_a_reader_overtaken_by_a_save_reads_the_new_version(tmp_path, monkeypatch):
    from brainpy_checkpoints._src import sharded as module

    folder = tmp_path / "ck"
    bc.save_sharded(folder, OLD)
    real, calls = module.load_pytree, []

    def overtaken(path):  # a save replaces the checkpoint between the index and the files
        if not calls:
            bc.save_sharded(folder, NEW)
        calls.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(module, "load_pytree", overtaken)
    assert _state(folder) == "new"
    assert len(calls) == 2 and calls[0] != calls[1]  # the old file was gone: read again

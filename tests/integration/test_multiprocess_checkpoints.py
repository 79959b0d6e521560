"""A checkpoint saved by 4 processes restores on 2 and on 1, and the run goes on unchanged.

``tests/dyn/multiprocess_einet.py`` runs the release-notes network sharded over every device
of every process (``jax.distributed`` on this machine's CPU, started by
``brainpy_dyn.launch``). Four processes run 20 ms and save the state with
``brainpy_checkpoints.save_sharded`` (each process its own shards); two processes, then one
unsharded process, restore it with ``load_sharded`` and run 20 ms more. Both must give the
spikes of an uninterrupted 40 ms run, exactly.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

import brainpy_math as bm
from brainpy_dyn.launch import launch

SCRIPT = Path(__file__).resolve().parents[1] / "dyn" / "multiprocess_einet.py"


def uninterrupted() -> tuple[np.ndarray, ...]:
    spec = importlib.util.spec_from_file_location("multiprocess_einet", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    bm.random.seed(11)
    net = script.EINet(0.25)
    first = script.simulate(net, 20.0)
    second = script.simulate(net, 20.0)  # a new runner, as after a restore
    return first[0], second[0], second[1]


def spikes(folder: Path, process: int = 0) -> dict:
    return dict(np.load(folder / f"spikes_{process}.npz"))


def test_saved_by_four_restored_on_two_and_on_one(tmp_path):
    e_first, e_second, i_second = uninterrupted()
    assert e_second.sum() > 0
    ckpt = tmp_path / "ckpt"
    args = [str(SCRIPT), "--duration", "20"]
    codes = launch([*args[:1], str(tmp_path / "p4"), *args[1:], "--save", str(ckpt)], 4)
    assert codes == [0] * 4
    files = json.loads((ckpt / "index.json").read_text())["files"]  # one per process
    assert [f.split("-")[0] for f in files] == [f"process_{p}" for p in range(4)]
    assert sorted(os.listdir(ckpt)) == sorted(["index.json", *files])
    np.testing.assert_array_equal(spikes(tmp_path / "p4")["E"], e_first)

    codes = launch([*args[:1], str(tmp_path / "p2"), *args[1:], "--restore", str(ckpt)], 2)
    assert codes == [0] * 2
    for p in range(2):
        np.testing.assert_array_equal(spikes(tmp_path / "p2", p)["E"], e_second)
        np.testing.assert_array_equal(spikes(tmp_path / "p2", p)["I"], i_second)

    one = [sys.executable, *args[:1], str(tmp_path / "p1"), *args[1:]]
    env = dict(os.environ, JAX_PLATFORMS="cpu")
    subprocess.run([*one, "--restore", str(ckpt), "--no-shard"], check=True, env=env)
    np.testing.assert_array_equal(spikes(tmp_path / "p1")["E"], e_second)
    np.testing.assert_array_equal(spikes(tmp_path / "p1")["I"], i_second)

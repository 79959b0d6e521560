"""The same script on 1, 2 or 4 processes (``jax.distributed`` on this machine's CPU).

``multiprocess_einet.py`` runs the release-notes E/I network for 50 ms, sharded with
``shard_neurons`` over every device of every process; :func:`brainpy_dyn.launch.launch`
starts the processes with a free coordinator port. Every process's ``runner.mon`` must hold
the spikes of a one-process, unsharded run of the same seed, exactly. Each process must
also have built only its share: ``FixedProb`` draws only the connections to the targets its
devices hold (counted in ``drawn``), and the initial ``E.V`` is made in parts, each process
holding its block, equal to that block of the one-process values.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

import brainpy_math as bm
from brainpy_dyn._src.connect import block_sampling
from brainpy_dyn.launch import launch

SCRIPT = Path(__file__).with_name("multiprocess_einet.py")
SCALE = 0.25  # the script's default: 800 E and 200 I neurons
# (pre, k) of its four FixedProb(0.02) projections: E2E, E2I, I2E, I2I
CONNECTIONS = 800 * 16 + 800 * 4 + 200 * 16 + 200 * 4


@pytest.fixture
def fine_blocks(monkeypatch):
    """FixedProb's blocks as the script's ``--leaf-connections 1`` makes them (50 targets)."""
    monkeypatch.setattr(block_sampling, "_PER_LEAF", 1)
    monkeypatch.setattr(block_sampling, "_MIN_LEAF", 1)


def _script_module():
    spec = importlib.util.spec_from_file_location("multiprocess_einet", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference(per_synapse: bool, extra_ms: float = 0.0) -> dict[str, np.ndarray]:
    """One process, unsharded: the initial E.V, the spikes of 50 ms (then ``extra_ms`` more)."""
    script = _script_module()
    bm.random.seed(11)
    net = script.EINet(SCALE, per_synapse)
    out = {"V0": np.asarray(net.E.V.value)}
    out["E"], out["I"], _ = script.simulate(net, 50.0)
    if extra_ms:
        out["E_more"], out["I_more"], _ = script.simulate(net, extra_ms)
    return out


def run_processes(tmp_path: Path, n: int, devices: int, *args: str) -> list[dict]:
    codes = launch([str(SCRIPT), str(tmp_path), *args], n, devices, timeout=240)
    assert codes == [0] * n, f"the processes exited with {codes}"
    return [dict(np.load(tmp_path / f"spikes_{p}.npz")) for p in range(n)]


def check_built_in_parts(results: list[dict], ref: dict[str, np.ndarray]) -> None:
    """Each process drew 1/N of the connections and made its block of E.V, as one process."""
    n = len(results)
    drawn = [int(r["drawn"]) for r in results]
    assert sum(drawn) == CONNECTIONS, drawn  # the blocks of targets align with the parts
    assert max(drawn) <= CONNECTIONS / n * 1.2, drawn  # about 1/N each
    blocks = sorted((int(r["V0_at"][0][0]), int(r["V0_at"][0][1]), r["V0"]) for r in results)
    assert [hi - lo for lo, hi, _ in blocks] == [ref["V0"].size // n] * n  # its block only
    for lo, hi, v0 in blocks:
        np.testing.assert_array_equal(v0, ref["V0"][lo:hi])  # the one-process values


def test_two_processes_of_two_devices_each_equal_one_process(tmp_path, fine_blocks):
    ref = reference(per_synapse=False, extra_ms=10.0)
    assert ref["E"].sum() > 0 and ref["I"].sum() > 0, "the reference must spike"
    results = run_processes(tmp_path, 2, 2, "--local-ms", "10", "--leaf-connections", "1")
    for p, got in enumerate(results):
        np.testing.assert_array_equal(got["E"], ref["E"], err_msg=f"process {p}")
        np.testing.assert_array_equal(got["I"], ref["I"], err_msg=f"process {p}")
    check_built_in_parts(results, ref)
    # gather_monitors=False: each process holds the records of its own neurons
    for key in ("E", "I"):
        whole = ref[f"{key}_more"]
        joined = np.zeros_like(whole)
        for p in range(2):
            local = np.load(tmp_path / f"local_{p}.npz")
            (t0, t1), (n0, n1) = local[f"{key}_at"]
            assert (t0, t1) == (0, whole.shape[0])
            assert n1 - n0 == whole.shape[1] // 2  # half the neurons, not all
            joined[:, n0:n1] = local[key]
        np.testing.assert_array_equal(joined, whole)


def test_four_processes_equal_one_process_with_per_synapse_weights_resharded(tmp_path, fine_blocks):
    ref = reference(per_synapse=True)
    assert ref["E"].sum() > 0
    # sharded twice: the second time each table and its weights are joined and split anew
    args = ("--per-synapse", "--leaf-connections", "1", "--reshard")
    results = run_processes(tmp_path, 4, 1, *args)
    for p, got in enumerate(results):
        np.testing.assert_array_equal(got["E"], ref["E"], err_msg=f"process {p}")
        np.testing.assert_array_equal(got["I"], ref["I"], err_msg=f"process {p}")
    check_built_in_parts(results, ref)

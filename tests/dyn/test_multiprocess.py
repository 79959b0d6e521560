"""The same script on 1, 2 or 4 processes (``jax.distributed`` on this machine's CPU).

``multiprocess_einet.py`` runs the release-notes E/I network for 50 ms, sharded with
``shard_neurons`` over every device of every process; :func:`brainpy_dyn.launch.launch`
starts the processes with a free coordinator port. Every process's ``runner.mon`` must hold
the spikes of a one-process, unsharded run of the same seed, exactly. Each process draws only
its own parts of the connection tables (scalar weights) or cuts them from the whole
(per-synapse weights); both are checked.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

import brainpy_math as bm
from brainpy_dyn.launch import launch

SCRIPT = Path(__file__).with_name("multiprocess_einet.py")


def _script_module():
    spec = importlib.util.spec_from_file_location("multiprocess_einet", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference(per_synapse: bool, extra_ms: float = 0.0) -> tuple[np.ndarray, ...]:
    """One process, unsharded: the spikes of 50 ms (then ``extra_ms`` more, separately)."""
    script = _script_module()
    bm.random.seed(11)
    net = script.EINet(0.25, per_synapse)
    e, i, _ = script.simulate(net, 50.0)
    if not extra_ms:
        return e, i
    e2, i2, _ = script.simulate(net, extra_ms)
    return e, i, e2, i2


def run_processes(tmp_path: Path, n: int, devices: int, *args: str) -> list[dict]:
    codes = launch([str(SCRIPT), str(tmp_path), *args], n, devices, timeout=240)
    assert codes == [0] * n, f"the processes exited with {codes}"
    return [dict(np.load(tmp_path / f"spikes_{p}.npz")) for p in range(n)]


def test_two_processes_of_two_devices_each_equal_one_process(tmp_path):
    e, i, e_more, i_more = reference(per_synapse=False, extra_ms=10.0)
    assert e.sum() > 0 and i.sum() > 0, "the reference run must spike to compare anything"
    results = run_processes(tmp_path, 2, 2, "--local-ms", "10")
    for p, got in enumerate(results):
        np.testing.assert_array_equal(got["E"], e, err_msg=f"process {p}")
        np.testing.assert_array_equal(got["I"], i, err_msg=f"process {p}")
    # gather_monitors=False: each process holds the records of its own neurons
    for key, whole in (("E", e_more), ("I", i_more)):
        joined = np.zeros_like(whole)
        for p in range(2):
            local = np.load(tmp_path / f"local_{p}.npz")
            (t0, t1), (n0, n1) = local[f"{key}_at"]
            assert (t0, t1) == (0, whole.shape[0])
            assert n1 - n0 == whole.shape[1] // 2  # half the neurons, not all
            joined[:, n0:n1] = local[key]
        np.testing.assert_array_equal(joined, whole)


def test_four_processes_equal_one_process_with_per_synapse_weights(tmp_path):
    e, i = reference(per_synapse=True)
    assert e.sum() > 0
    for p, got in enumerate(run_processes(tmp_path, 4, 1, "--per-synapse")):
        np.testing.assert_array_equal(got["E"], e, err_msg=f"process {p}")
        np.testing.assert_array_equal(got["I"], i, err_msg=f"process {p}")

"""Starting multi-process runs, on one process: the launcher, init_distributed, records.

The runs of several processes themselves are in ``test_multiprocess.py``.
"""

from __future__ import annotations

import jax
import numpy as np
import pytest
from jax.sharding import AxisType, NamedSharding, PartitionSpec

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn._src import distributed
from brainpy_dyn.launch import free_port, init_distributed, launch


def test_init_distributed_alone_is_one_process(monkeypatch):
    for name in ("JAX_COORDINATOR_ADDRESS", "BRAINPY_NUM_PROCESSES", "BRAINPY_PROCESS_ID"):
        monkeypatch.delenv(name, raising=False)
    assert init_distributed() == (0, 1)
    assert bd.init_distributed is init_distributed


def test_init_distributed_checks_its_parameters(monkeypatch):
    monkeypatch.setenv("BRAINPY_NUM_PROCESSES", "two")
    with pytest.raises(ValueError, match=r"\$BRAINPY_NUM_PROCESSES must be an integer, got 'two'"):
        init_distributed()
    monkeypatch.setenv("BRAINPY_NUM_PROCESSES", "2")
    with pytest.raises(ValueError, match=r"process_id must lie in \[0, num_processes=2\), got 2"):
        init_distributed("127.0.0.1:1", process_id=2)


@pytest.mark.parametrize(
    ("env", "detected"),
    [
        ({}, False),
        ({"SLURM_JOB_ID": "7", "SLURM_PROCID": "0", "SLURM_NTASKS": "1"}, False),
        ({"SLURM_JOB_ID": "7", "SLURM_PROCID": "0", "SLURM_NTASKS": "4"}, True),
        ({"OMPI_MCA_orte_hnp_uri": "x", "OMPI_COMM_WORLD_SIZE": "2"}, True),
        ({"TPU_WORKER_HOSTNAMES": "a,b"}, True),
        ({"TPU_WORKER_HOSTNAMES": "a"}, False),
        ({"BRAINPY_DISTRIBUTED": "1"}, True),
    ],
)
def test_clusters_of_several_processes_are_detected(monkeypatch, env, detected):
    for name in list(distributed.os.environ):
        if name.startswith(("SLURM_", "OMPI_", "TPU_", "BRAINPY_", "KUBERNETES_")):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert distributed._cluster_detected() is detected


def test_each_process_gets_its_id_and_cpu_devices():
    env = distributed._process_env(
        {"XLA_FLAGS": "--xla_cpu_x=1 --xla_force_host_platform_device_count=8"},
        4,
        2,
        "127.0.0.1:9",
        3,
        "cpu",
    )
    assert env["BRAINPY_NUM_PROCESSES"] == "4" and env["BRAINPY_PROCESS_ID"] == "2"
    assert env["JAX_COORDINATOR_ADDRESS"] == "127.0.0.1:9" and env["JAX_PLATFORMS"] == "cpu"
    assert env["XLA_FLAGS"] == "--xla_cpu_x=1 --xla_force_host_platform_device_count=3"


def test_launch_checks_its_arguments():
    with pytest.raises(ValueError, match="num_processes must be an int >= 1"):
        launch(["x.py"], 0)
    with pytest.raises(ValueError, match="devices_per_process must be an int >= 1"):
        launch(["x.py"], 2, devices_per_process=0)
    with pytest.raises(ValueError, match="args must name a script"):
        launch([], 2)
    assert 0 < free_port() < 65536


def test_launch_runs_every_process_and_stops_the_others_when_one_fails(tmp_path):
    ok = tmp_path / "ok.py"
    ok.write_text(
        "import os, pathlib\n"
        "p = os.environ['BRAINPY_PROCESS_ID']\n"
        f"pathlib.Path({str(tmp_path)!r}, 'ran_' + p).write_text(os.environ['XLA_FLAGS'])\n"
    )
    assert launch([str(ok)], 3, devices_per_process=2) == [0, 0, 0]
    assert sorted(p.name for p in tmp_path.glob("ran_*")) == ["ran_0", "ran_1", "ran_2"]
    assert (tmp_path / "ran_1").read_text().endswith("device_count=2")
    fail = tmp_path / "fail.py"
    fail.write_text(
        "import os, sys, time\n"
        "if os.environ['BRAINPY_PROCESS_ID'] == '1':\n"
        "    sys.exit(3)\n"
        "time.sleep(60)\n"
    )
    codes = launch([str(fail)], 2, timeout=50)
    assert codes[1] == 3 and codes[0] != 0  # process 0 was stopped, not left waiting


def test_records_of_one_process_are_whole_either_way():
    mesh = jax.make_mesh((4,), ("neuron",), axis_types=(AxisType.Auto,), devices=jax.devices()[:4])
    net = bd.neurons.LIF(8, V_initializer=bd.init.Constant(-50.5))
    bd.shard_neurons(net, mesh)
    runs = {}
    for gather in (True, False):
        net.reset_state()
        bd.shard_neurons(net, mesh)
        runner = bd.DSRunner(net, monitors=["V"], progress_bar=False, gather_monitors=gather)
        runner.run(1.0)
        runs[gather] = runner.mon["V"]
        assert isinstance(runner.mon["V"], np.ndarray)
    np.testing.assert_array_equal(runs[True], runs[False])
    assert runner.local_slices["V"] == (slice(0, 10), slice(0, 8))


def test_host_and_local_arrays_of_one_process():
    mesh = jax.make_mesh((4,), ("x",), devices=jax.devices()[:4])
    value = jax.device_put(np.arange(8.0), NamedSharding(mesh, PartitionSpec("x")))
    np.testing.assert_array_equal(distributed.host_array(bm.Array(value)), np.arange(8.0))
    whole, where = distributed.local_array(value)
    np.testing.assert_array_equal(whole, np.arange(8.0))
    assert where == (slice(0, 8),)

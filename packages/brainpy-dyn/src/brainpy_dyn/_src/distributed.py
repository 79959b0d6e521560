"""Many processes, one simulation: starting JAX's multi-controller runtime.

A multi-process run is the same script started once per process. Each process calls
:func:`init_distributed` before anything else touches JAX; afterwards ``jax.devices()``
lists the devices of every process, :func:`~brainpy_dyn.shard_neurons` spreads a network
over all of them, and JAX's own collectives (gloo on the CPU, NCCL on GPUs) carry the spikes
between processes.

:func:`init_distributed` finds its parameters in this order: its arguments; the variables
set by :func:`launch` (``JAX_COORDINATOR_ADDRESS``, ``BRAINPY_NUM_PROCESSES``,
``BRAINPY_PROCESS_ID``); then JAX's detection of a cluster (SLURM, Open MPI, Kubernetes, Cloud
TPU). With none of them it does nothing, so the same script also runs as one plain process.

:func:`launch` (``python -m brainpy_dyn.launch -n N script.py ...``) starts ``N`` processes on
this machine with a free coordinator port: a laptop's stand-in for a cluster.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from typing import Any

import jax
import numpy as np
from jax.experimental import multihost_utils

import brainpy_math as bm

__all__ = [
    "ENV_NUM_PROCESSES",
    "ENV_PROCESS_ID",
    "free_port",
    "host_array",
    "init_distributed",
    "launch",
    "local_array",
]

ENV_NUM_PROCESSES = "BRAINPY_NUM_PROCESSES"
ENV_PROCESS_ID = "BRAINPY_PROCESS_ID"
ENV_COORDINATOR = "JAX_COORDINATOR_ADDRESS"  # read by jax.distributed.initialize itself


def _cluster_detected() -> bool:
    """Whether the environment is a job of several processes that JAX can detect.

    SLURM (``srun`` with several tasks), Open MPI (``mpirun -n N``), a Cloud TPU slice of
    several hosts, a Kubernetes indexed job; ``BRAINPY_DISTRIBUTED=1`` forces JAX's
    detection (for environments it knows that are not listed here).
    """
    env = os.environ
    if env.get("BRAINPY_DISTRIBUTED", "") not in ("", "0"):
        return True

    def count(name: str) -> int:
        try:
            return int(env.get(name, "1"))
        except ValueError:
            return 1

    return (
        ("SLURM_JOB_ID" in env and "SLURM_PROCID" in env and count("SLURM_NTASKS") > 1)
        or ("OMPI_MCA_orte_hnp_uri" in env and count("OMPI_COMM_WORLD_SIZE") > 1)
        or "," in env.get("TPU_WORKER_HOSTNAMES", env.get("TPU_PROCESS_ADDRESSES", ""))
        or ("KUBERNETES_SERVICE_HOST" in env and "JOB_COMPLETION_INDEX" in env)
    )


def _int_env(name: str) -> int | None:
    value = os.environ.get(name)
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"init_distributed: ${name} must be an integer, got {value!r}.") from None


def init_distributed(
    coordinator_address: str | None = None,
    num_processes: int | None = None,
    process_id: int | None = None,
    **kwargs: Any,
) -> tuple[int, int]:
    """Join this process to a multi-process JAX run (``jax.distributed.initialize``).

    Call it first, before any JAX computation. Arguments left ``None`` come from the
    environment that :func:`launch` sets, else from JAX's cluster detection (SLURM, Open MPI,
    Kubernetes, Cloud TPU). When neither names a run of several processes, nothing is
    initialised and the script runs as one process: the same script serves both cases.
    On the CPU, JAX's processes exchange data with gloo (JAX's default CPU collectives).

    Args:
      coordinator_address: ``host:port`` of process 0's coordinator.
      num_processes: the number of processes.
      process_id: this process's index, in ``[0, num_processes)``.
      **kwargs: passed on to :func:`jax.distributed.initialize` (``local_device_ids``,
        ``initialization_timeout`` ...).

    Returns:
      ``(jax.process_index(), jax.process_count())``.

    Raises:
      ValueError: a process id outside ``[0, num_processes)``, or a malformed variable.

    Examples:
      >>> from brainpy_dyn.launch import init_distributed
      >>> init_distributed()  # no launcher, no cluster: one process
      (0, 1)
    """
    if jax.distributed.is_initialized():
        return jax.process_index(), jax.process_count()
    coordinator_address = coordinator_address or os.environ.get(ENV_COORDINATOR) or None
    if num_processes is None:
        num_processes = _int_env(ENV_NUM_PROCESSES)
    if process_id is None:
        process_id = _int_env(ENV_PROCESS_ID)
    given = (coordinator_address, num_processes, process_id)
    if all(v is None for v in given) and not _cluster_detected():
        return jax.process_index(), jax.process_count()
    if num_processes is not None and process_id is not None:
        if not 0 <= process_id < num_processes:
            raise ValueError(
                f"init_distributed: process_id must lie in [0, num_processes={num_processes}), "
                f"got {process_id}."
            )
    jax.distributed.initialize(
        coordinator_address=coordinator_address,
        num_processes=num_processes,
        process_id=process_id,
        **kwargs,
    )
    return jax.process_index(), jax.process_count()


def host_array(value: Any) -> Any:
    """``value`` as a NumPy array on this host, gathered from every process if needed.

    A record of a network sharded over the devices of several processes is one global
    array of which each process holds a part; every process calls this (in the same order)
    and receives the whole (``multihost_utils.process_allgather``). Anything else goes
    through ``np.asarray``.
    """
    value = bm.as_jax(value) if isinstance(value, bm.Array) else value
    if (
        isinstance(value, jax.Array)
        and not value.is_fully_addressable
        and not value.is_fully_replicated
    ):
        return np.asarray(multihost_utils.process_allgather(value, tiled=True))
    return np.asarray(value)


def local_array(value: Any) -> tuple[np.ndarray, tuple[slice, ...]]:
    """This process's part of ``value`` as NumPy, and where it lies in the whole.

    For a record too large to gather: the block spanned by this process's shards (the
    devices of a process hold consecutive blocks of neurons on a mesh made by
    :func:`~brainpy_dyn.shard_neurons`). An array that this process holds whole comes back
    whole, with full slices.

    Raises:
      ValueError: this process's shards do not form one block.
    """
    value = bm.as_jax(value) if isinstance(value, bm.Array) else value
    if not isinstance(value, jax.Array) or value.is_fully_addressable or value.is_fully_replicated:
        whole = np.asarray(value)
        return whole, tuple(slice(0, n) for n in whole.shape)
    shards = {}
    for shard in value.addressable_shards:
        index = tuple(range(n)[i] for i, n in zip(shard.index, value.shape, strict=True))
        shards.setdefault(tuple((r.start, r.stop) for r in index), shard)
    box = tuple(
        slice(min(k[a][0] for k in shards), max(k[a][1] for k in shards)) for a in range(value.ndim)
    )
    out = np.empty(tuple(b.stop - b.start for b in box), dtype=value.dtype)
    covered = 0
    for key, shard in shards.items():
        out[tuple(slice(lo - b.start, hi - b.start) for (lo, hi), b in zip(key, box))] = np.asarray(
            shard.data
        )
        covered += int(np.prod([hi - lo for lo, hi in key]))
    if covered != out.size:
        raise ValueError(
            f"local_array: this process's shards of an array of shape {value.shape} do not "
            "form one block; gather it instead."
        )
    return out, box


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port of ``host`` that nothing listens on now (for a coordinator).

    Examples:
      >>> from brainpy_dyn.launch import free_port
      >>> port = free_port()
      >>> isinstance(port, int) and 0 < port < 65536
      True
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _with_device_count(flags: str, count: int) -> str:
    flags = re.sub(r"--xla_force_host_platform_device_count=\S*", "", flags).strip()
    return f"{flags} --xla_force_host_platform_device_count={count}".strip()


def _process_env(
    base: Mapping[str, str], n: int, p: int, address: str, devices: int, platform: str | None
) -> dict[str, str]:
    env = dict(base)
    env[ENV_COORDINATOR] = address
    env[ENV_NUM_PROCESSES] = str(n)
    env[ENV_PROCESS_ID] = str(p)
    if platform is not None:
        env["JAX_PLATFORMS"] = platform
    if env.get("JAX_PLATFORMS", "") == "cpu":
        env["XLA_FLAGS"] = _with_device_count(env.get("XLA_FLAGS", ""), devices)
    return env


def launch(
    args: Sequence[str],
    num_processes: int,
    devices_per_process: int = 1,
    platform: str | None = "cpu",
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
) -> list[int]:
    """Run ``python *args`` as ``num_processes`` cooperating processes on this machine.

    Each process gets a coordinator address on a free local port and its id and count
    (read by :func:`init_distributed`), and, on the CPU, ``devices_per_process`` host
    devices (``--xla_force_host_platform_device_count``). Output goes to this process's
    stdout and stderr. When a process fails, the others are stopped.

    Args:
      args: the script and its arguments (``['run.py', '--scale', '2']``, or
        ``['-m', 'pkg.mod']``).
      num_processes: how many processes, at least 1.
      devices_per_process: CPU devices of each process.
      platform: ``JAX_PLATFORMS`` of the processes (``None`` keeps the environment's).
      env: the environment (default: this process's).
      timeout: seconds before every process is stopped (``None``: no limit).

    Returns:
      The processes' exit codes, by process id.

    Raises:
      ValueError: ``num_processes`` or ``devices_per_process`` below 1, or no ``args``.
      TimeoutError: the run took longer than ``timeout`` (the processes were stopped).

    Examples:
      >>> from brainpy_dyn.launch import launch
      >>> script = ('import os, sys; '
      ...           'sys.exit(int(os.environ["BRAINPY_NUM_PROCESSES"]) - 2)')  # each one sees 2
      >>> launch(['-c', script], num_processes=2)  # the exit codes, by process id
      [0, 0]
    """
    if isinstance(num_processes, bool) or not isinstance(num_processes, int) or num_processes < 1:
        raise ValueError(f"launch: num_processes must be an int >= 1, got {num_processes!r}.")
    if (
        isinstance(devices_per_process, bool)
        or not isinstance(devices_per_process, int)
        or devices_per_process < 1
    ):
        raise ValueError(
            f"launch: devices_per_process must be an int >= 1, got {devices_per_process!r}."
        )
    args = list(args)
    if not args:
        raise ValueError("launch: args must name a script (and its arguments), got nothing.")
    address = f"127.0.0.1:{free_port()}"
    base = os.environ if env is None else env
    procs = [
        subprocess.Popen(
            [sys.executable, *args],
            env=_process_env(base, num_processes, p, address, devices_per_process, platform),
            start_new_session=True,
        )
        for p in range(num_processes)
    ]
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        while True:
            codes = [proc.poll() for proc in procs]
            if all(c is not None for c in codes):
                return [int(c) for c in codes]  # type: ignore[arg-type]
            if any(c not in (None, 0) for c in codes):
                break  # one failed: the others would wait for it forever
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"launch: the processes ran past timeout={timeout} s.")
            time.sleep(0.05)
    finally:
        _stop(procs)
    return [int(proc.returncode) for proc in procs]


def _stop(procs: list[subprocess.Popen]) -> None:
    """Terminate the processes still running (their own process groups), then reap them."""
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m brainpy_dyn.launch [-n N] [-d DEVICES] [--platform P] script.py args...``."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m brainpy_dyn.launch",
        description="Start N cooperating JAX processes of a script on this machine.",
    )
    parser.add_argument("-n", "--num-processes", type=int, default=2)
    parser.add_argument("-d", "--devices-per-process", type=int, default=1)
    parser.add_argument(
        "--platform", default="cpu", help="JAX_PLATFORMS of the processes ('' keeps yours)"
    )
    parser.add_argument("--timeout", type=float, default=None)
    parser.add_argument("args", nargs=argparse.REMAINDER, help="script.py and its arguments")
    ns = parser.parse_args(argv)
    if not ns.args:
        parser.error("give the script to run (and its arguments)")
    codes = launch(
        ns.args,
        ns.num_processes,
        ns.devices_per_process,
        platform=ns.platform or None,
        timeout=ns.timeout,
    )
    bad = {p: c for p, c in enumerate(codes) if c != 0}
    if bad:
        print(f"brainpy_dyn.launch: processes failed (id: exit code): {bad}", file=sys.stderr)
        return 1
    return 0


# Show the public paths in reprs, docs and pickles.
bm.set_module("brainpy_dyn", init_distributed)
bm.set_module("brainpy_dyn.launch", launch, free_port)

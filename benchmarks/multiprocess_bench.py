"""The release-notes network on 1, 2 and 4 processes of this machine (``jax.distributed``).

Each run starts N processes with ``brainpy_dyn.launch`` (CPU, one device each, gloo
collectives); every process builds the network, shards it with ``shard_neurons`` over the
devices of all processes and runs it. Each process draws only the connections to its own
targets (``FixedProb`` by blocks of targets) and makes only its block of every state. Three
tables:

* the tables' parts: what one process of N spends building its parts of the connection
  tables, measured alone in this process (no other process competing for the cores);
* memory and build time: the peak resident memory and the build time of each process at
  scale 8 (32,000 neurons, 20 million synapses), which fall with the number of processes
  as each draws and holds only its share, with the 1-minute load average at the start;
* weak scaling: the steady run time of scale 1 on one process against scale 2 on two.

What a 2-core machine can show: that the tables are split (memory per process) and that the
results stay exact; not speed-ups. Two processes on two cores share them with the
coordinator and with each other, and every step exchanges the spikes through gloo over
loopback TCP, which costs more than the step itself at these sizes. A real multi-host run
starts one process per host (or per GPU) with ``srun`` or ``mpirun`` (see the guide's
"Several processes" section); there the per-process work is what falls as 1/N.

Usage: ``python benchmarks/multiprocess_bench.py`` (environment: ``SCALE`` for the memory
table, default 8; ``DURATION`` ms per timed run, default 200; ``WEAK=0`` skips the weak
scaling table).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def worker(scale: float, duration: float, out: str) -> None:
    """One process of a run: build, shard, run once (compiles), run again (timed)."""
    import brainpy_dyn as bd

    process, count = bd.init_distributed()
    import brainpy as bp
    import brainpy.math as bm

    sys.path.insert(0, str(HERE.parent / "examples"))
    from ei_net import EINet

    bm.random.seed(42)
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    net = EINet(scale=scale)
    built = time.perf_counter()
    build_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    bp.dyn.shard_neurons(net)
    t1 = time.perf_counter()
    build_cpu = time.process_time() - cpu0
    shard_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    runner = bp.DSRunner(net, monitors={"E.spike": net.E.spike}, progress_bar=False)
    runner.run(duration)
    t2 = time.perf_counter()
    runs = []
    for _ in range(2):
        start = time.perf_counter()
        runner.run(duration)
        runs.append(time.perf_counter() - start)
    tables = [
        node.projection.device_table
        for node in net.nodes().values()
        if getattr(getattr(node, "projection", None), "device_table", None) is not None
    ]
    table_bytes = sum(
        shard.data.nbytes for t in tables for shard in t.indices.value.addressable_shards
    )
    result = {
        "process": process,
        "table_mb": table_bytes / 1e6,
        "processes": count,
        "scale": scale,
        "neurons": int(net.E.num + net.I.num),
        "build_s": t1 - t0,
        "construct_s": built - t0,
        "build_cpu_s": build_cpu,
        "shard_s": t1 - built,
        "build_peak_mb": build_peak,
        "shard_peak_mb": shard_peak,
        "first_run_s": t2 - t1,
        "run_s": min(runs),
        "spikes": int(runner.mon["E.spike"].sum()),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    }
    Path(out, f"result_{process}.json").write_text(json.dumps(result))


def table_parts(scale: float) -> list[str]:
    """What one process of N spends on its parts of the tables, measured alone (no contention).

    The release-notes network's four ``FixedProb(0.02)`` tables at ``scale``: the CPU time
    and the peak NumPy memory (``tracemalloc``) of building part 0 of N, as a process of a
    run of N processes with one device each does in ``shard_neurons``; best of 3.
    """
    import tracemalloc

    import brainpy_dyn as bd
    from brainpy_dyn._src.synapses.sharded_table import local_table_parts

    e, i = int(3200 * scale), int(800 * scale)
    rows = [
        f"The tables' parts of one process of N, scale {scale:g} (CPU time and peak NumPy "
        "memory of building its parts alone):",
        "| N | CPU s | peak MB | connections held |",
        "|---|---|---|---|",
    ]
    for n in (1, 2, 4):
        best, peak, held = float("inf"), 0, 0
        for _ in range(3):
            start = time.process_time()
            tracemalloc.start()
            held = 0
            for pre, post in ((e, e), (e, i), (i, e), (i, i)):
                conn = bd.conn.FixedProb(0.02, seed=3, pre=pre, post=post)
                part = local_table_parts(conn, pre, post, n, [0])[0]
                held += int((part != post // n).sum())
                del part
            peak = max(peak, tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
            best = min(best, time.process_time() - start)
        rows.append(f"| {n} | {best:.2f} | {peak / 1e6:.0f} | {held} |")
    return rows


def launch_run(n: int, scale: float, duration: float) -> list[dict]:
    """Start ``n`` processes of :func:`worker`; their results, by process."""
    with tempfile.TemporaryDirectory() as out:
        cmd = [
            sys.executable,
            "-m",
            "brainpy_dyn.launch",
            "-n",
            str(n),
            __file__,
            "--worker",
            str(scale),
            str(duration),
            out,
        ]
        load = os.getloadavg()[0]
        done = subprocess.run(cmd, capture_output=True, text=True)
        results = [json.loads(p.read_text()) for p in sorted(Path(out).glob("result_*.json"))]
        if done.returncode != 0 or len(results) != n:
            print(f"multiprocess_bench: {n} processes at scale {scale} FAILED:")
            print(done.stderr[-3000:])
            return []
        for r in results:
            r["load"] = load
        return results


def main() -> int:
    scale = float(os.environ.get("SCALE", "8"))
    duration = float(os.environ.get("DURATION", "200"))
    failed = False
    tables = table_parts(scale)
    print("\n".join(tables), flush=True)
    rows = [
        *tables,
        "",
        f"Memory and build time per process, scale {scale:g} (run {duration:g} ms), this "
        "machine (maximum over the processes; build = the network's constructor, then "
        "shard_neurons; its CPU time, all threads; peak RSS after each and at the end):",
        "| processes | neurons | tables MB | build s (construct + shard) | build CPU s "
        "| peak MB after construct / shard / run | first run s | run s | E spikes "
        "| load avg (1 min) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for n in (1, 2, 4):
        rs = launch_run(n, scale, duration)
        if not rs:
            failed = True
            continue
        rows.append(
            f"| {n} | {rs[0]['neurons']} | {max(r['table_mb'] for r in rs):.0f} "
            f"| {max(r['build_s'] for r in rs):.2f} ({max(r['construct_s'] for r in rs):.2f} "
            f"+ {max(r['shard_s'] for r in rs):.2f}) "
            f"| {max(r['build_cpu_s'] for r in rs):.2f} "
            f"| {max(r['build_peak_mb'] for r in rs):.0f} / "
            f"{max(r['shard_peak_mb'] for r in rs):.0f} / {max(r['peak_mb'] for r in rs):.0f} "
            f"| {statistics.median(r['first_run_s'] for r in rs):.1f} "
            f"| {max(r['run_s'] for r in rs):.2f} | {rs[0]['spikes']} | {rs[0]['load']:.2f} |"
        )
        print(rows[-1], flush=True)
    if os.environ.get("WEAK", "1") == "0":
        print("\n".join(rows))
        return 1 if failed else 0
    rows += [
        "",
        f"Weak scaling (scale 1 per process, {duration:g} ms):",
        "| processes | neurons | run s | per step ms |",
        "|---|---|---|---|",
    ]
    for n in (1, 2):
        rs = launch_run(n, float(n), duration)
        if not rs:
            failed = True
            continue
        t = max(r["run_s"] for r in rs)
        rows.append(f"| {n} | {rs[0]['neurons']} | {t:.2f} | {1000 * t / (duration / 0.1):.2f} |")
    print("\n".join(rows))
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(float(sys.argv[2]), float(sys.argv[3]), sys.argv[4])
        sys.exit(0)
    sys.exit(main())

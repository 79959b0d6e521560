"""The release-notes E/I network on this machine's GPU and on its CPU, scale by scale.

For each scale (1 = 4,000 neurons; 64 = 256,000 neurons and 1.3 billion synapses), one
process builds ``EINet`` of ``examples/ei_net.py`` and runs it with ``bp.DSRunner`` (E and I
spikes monitored, 1000 ms at dt = 0.1 ms) on the GPU, then another does the same on the CPU
(``JAX_PLATFORMS=cpu``). Each process times one first run (compilation included) and then
``--runs`` steady runs; at the first scale it also checks the event kernel on that device
against NumPy and records whether the device runs the Pallas kernel. The table gives the median steady run and the CPU / GPU ratio; the
results go to a JSON file as they come (``--out``), so a run cut short keeps what it measured.

On a machine without a GPU it says so and runs the CPU side only, at scale 1 unless
``--scales`` says otherwise.

Usage: ``python benchmarks/gpu_event_bench.py [--scales 1 4 16 64] [--runs 3]
[--duration 1000] [--budget 540] [--out gpu_event_bench.json]``. ``--budget`` is the
wall-clock seconds the whole benchmark may take: no process starts past it, and each one
is stopped when it runs out (its row then says ``timeout``). A quick check:
``python benchmarks/gpu_event_bench.py --scales 0.05 --duration 50 --runs 1``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"


def kernel_check() -> dict:
    """The event kernel on this device against NumPy, and which kernel the device runs."""
    import jax
    import jax.numpy as jnp
    import numpy as np

    from brainpy_math.event import ell_event_matvec

    rng = np.random.default_rng(0)
    n_pre, n_post, width = 3000, 700, 150
    table = rng.integers(0, n_post + 1, (n_pre, width)).astype(np.int32)  # n_post pads
    weights = rng.normal(size=(n_pre, width)).astype(np.float32)
    errors = []
    for activity in (0.0, 0.003, 0.2, 1.0):
        events = (rng.random((2, n_pre)) < activity).astype(np.float32)
        for w, weighted in ((np.float32(0.5), False), (weights, False), (weights, True)):
            run = jax.jit(
                jax.vmap(lambda e, w=w, k=weighted: ell_event_matvec(e, table, w, n_post, None, k))
            )
            got = np.asarray(run(jnp.asarray(events)))
            wide = np.broadcast_to(w, table.shape).astype(np.float64)
            for row, ev in zip(got, events, strict=True):
                expected = np.zeros(n_post + 1)
                scale = ev[:, None] if weighted else (ev != 0)[:, None]
                np.add.at(expected, table, np.where(ev[:, None] != 0, wide * scale, 0))
                errors.append(float(np.max(np.abs(row - expected[:n_post]))))
    text = jax.jit(lambda e: ell_event_matvec(e, table, 0.5, n_post)).lower(events[0]).as_text()
    return {"check_max_abs_err": max(errors), "pallas_kernel": "xla.gpu.triton" in text}


def worker(args: argparse.Namespace) -> None:
    """One platform, one scale: prints ``RESULT {json}``."""
    t0 = time.perf_counter()
    import jax

    import brainpy as bp
    import brainpy.math as bm

    sys.path.insert(0, str(EXAMPLES))
    from ei_net import EINet

    device = jax.devices()[0]
    check = kernel_check() if args.check else {}
    bm.random.seed(42)
    t1 = time.perf_counter()
    net = EINet(scale=args.scale)
    runner = bp.DSRunner(
        net, monitors={"E": net.E.spike, "I": net.I.spike}, jit=True, progress_bar=False
    )
    t2 = time.perf_counter()
    runner.run(args.duration)  # tracing, compilation and the first run
    t3 = time.perf_counter()
    seconds = args.duration / 1000.0
    rate_e = float(bm.as_numpy(runner.mon["E"]).sum()) / net.E.num / seconds
    rate_i = float(bm.as_numpy(runner.mon["I"]).sum()) / net.I.num / seconds
    steady = []
    for _ in range(args.runs):
        start = time.perf_counter()
        runner.run(args.duration)
        steady.append(time.perf_counter() - start)
    result = {
        "platform": device.platform,
        "device": device.device_kind,
        "scale": args.scale,
        "neurons": int(net.E.num + net.I.num),
        "duration_ms": args.duration,
        "import_s": t1 - t0,
        "build_s": t2 - t1,
        "first_run_s": t3 - t2,
        "run_s": steady,
        "steady_s": statistics.median(steady) if steady else None,
        "rate_E_hz": rate_e,
        "rate_I_hz": rate_i,
        **check,
    }
    print("RESULT " + json.dumps(result), flush=True)


def run_worker(
    platform_name: str, scale: float, args: argparse.Namespace, timeout: float, check: bool
) -> dict:
    env = {**os.environ, "JAX_PLATFORMS": platform_name}
    cmd = [sys.executable, __file__, "--worker", "--scale", str(scale)]
    cmd += ["--runs", str(args.runs), "--duration", str(args.duration)]
    cmd += ["--check"] if check else []
    row = {"platform": platform_name, "scale": scale}
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {**row, "error": f"timeout after {timeout:.0f} s"}
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return {**row, **json.loads(line[len("RESULT ") :])}
    return {**row, "error": (done.stderr or done.stdout)[-1500:]}


def gpu_name() -> str | None:
    """The GPU's name, or ``None`` when JAX finds none (checked in a child process)."""
    probe = "import jax; print(jax.devices()[0].device_kind)"
    env = {**os.environ, "JAX_PLATFORMS": "cuda"}
    try:
        done = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120
        )
    except subprocess.TimeoutExpired:
        return None
    return done.stdout.strip().splitlines()[-1] if done.returncode == 0 else None


def table(rows: list[dict]) -> list[str]:
    lines = [
        "| scale | neurons | GPU steady s | CPU steady s | CPU / GPU | GPU first run s "
        "| CPU first run s | E Hz (GPU / CPU) |",
        "|---|---|---|---|---|---|---|---|",
    ]

    def cell(row: dict | None, key: str, fmt: str = "{:.3f}") -> str:
        if row is None:
            return "-"
        if "error" in row:
            return "failed" if "timeout" not in row["error"] else "timeout"
        return fmt.format(row[key])

    for scale in sorted({r["scale"] for r in rows}):
        by = {r["platform"]: r for r in rows if r["scale"] == scale}
        gpu, cpu = by.get("cuda"), by.get("cpu")
        ok = [r for r in (gpu, cpu) if r is not None and "error" not in r]
        ratio = "-"
        if gpu in ok and cpu in ok:
            ratio = f"{cpu['steady_s'] / gpu['steady_s']:.2f}x"
        neurons = ok[0]["neurons"] if ok else "-"
        rates = f"{cell(gpu, 'rate_E_hz', '{:.1f}')} / {cell(cpu, 'rate_E_hz', '{:.1f}')}"
        lines.append(
            f"| {scale:g} | {neurons} | {cell(gpu, 'steady_s')} | {cell(cpu, 'steady_s')} "
            f"| {ratio} | {cell(gpu, 'first_run_s', '{:.1f}')} "
            f"| {cell(cpu, 'first_run_s', '{:.1f}')} | {rates} |"
        )
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=None)
    parser.add_argument("--scale", type=float, default=1.0, help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=float, default=1000.0, help="model time per run, ms")
    parser.add_argument("--budget", type=float, default=540.0, help="wall-clock limit, s")
    parser.add_argument("--out", default="gpu_event_bench.json")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--check", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args)
        return 0
    deadline = time.monotonic() + args.budget
    gpu = gpu_name()
    if gpu is None:
        print("gpu_event_bench: no GPU found by JAX: timing the CPU side only.", flush=True)
    scales = args.scales or ([1.0, 4.0, 16.0, 64.0] if gpu else [1.0])
    platforms = ["cuda", "cpu"] if gpu else ["cpu"]
    report = {
        "gpu": gpu,
        "host": platform.node(),
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
        "runs": args.runs,
        "duration_ms": args.duration,
        "results": [],
    }
    for scale in scales:
        for name in platforms:
            left = deadline - time.monotonic()
            if left < 20:
                report["results"].append(
                    {"platform": name, "scale": scale, "error": "timeout: budget spent"}
                )
                continue
            print(f"gpu_event_bench: {name}, scale {scale:g} ...", flush=True)
            row = run_worker(name, scale, args, timeout=left, check=scale == scales[0])
            report["results"].append(row)
            if "error" in row:
                print(f"  FAILED: {row['error']}", flush=True)
            else:
                print(f"  steady {row['steady_s']:.3f} s, first {row['first_run_s']:.1f} s")
                if "check_max_abs_err" in row:
                    print(
                        f"  kernel check: max |error| {row['check_max_abs_err']:.2e} against "
                        f"NumPy; Pallas kernel {'used' if row['pallas_kernel'] else 'not used'}",
                        flush=True,
                    )
            Path(args.out).write_text(json.dumps(report, indent=1))
    print(f"gpu_event_bench: GPU {gpu or 'none'}; {args.runs} steady runs of {args.duration:g} ms")
    print("\n".join(table(report["results"])))
    print(f"gpu_event_bench: results in {args.out}")
    bad = [r for r in report["results"] if r.get("check_max_abs_err", 0) > 1e-3]
    if bad:
        print(f"gpu_event_bench: the event kernel DISAGREES with NumPy on {len(bad)} run(s)")
    return 1 if bad or any("error" in r for r in report["results"]) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

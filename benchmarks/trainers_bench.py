"""The reservoir-computing trainers beside BrainPy 2.3.5, on this machine, in one run.

Runs ``peers/trainers_brainpy.py`` (FORCE learning with ``ForceTrainer``, batched NVAR/NGRC
with ``RidgeTrainer``, an echo-state network with ``RidgeTrainer``) under this interpreter
("ours") and under BrainPy 2.3.5, interleaved (ours, 2.3.5, ours, 2.3.5 …, so both see the
same machine load), ``REPS`` fresh processes each. Prints a table of medians per workload and
the ratios ours / 2.3.5 of

* ``train``: ``fit`` and ``predict``, compilation included (what the trainers cost), and
* ``work``: the whole script after the import (building the model and the data too),

and writes every result to ``.bench/trainers_bench.json`` at the repository root (or ``OUT``). The 2.3.5 environment is
built by ``peers/setup_peers.sh`` when missing; if it cannot be built or a run fails, the
benchmark says which and exits non-zero: a comparison is never silently left out.

Usage: ``python benchmarks/trainers_bench.py [--ours-only]``; environment ``WORKLOADS``
(default "force ngrc esn"), ``REPS`` (default 3), ``OUT`` (the JSON path). The machines are
shared and noisy: read the medians and the ratios, not single times.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEERS_DIR = HERE / "peers"
SCRIPT = "trainers_brainpy.py"
NAMES = {
    "force": "ForceTrainer (FORCE)",
    "ngrc": "RidgeTrainer (NVAR, batched)",
    "esn": "RidgeTrainer (ESN)",
}


def peers_root() -> Path:
    return Path(os.environ.get("BENCH_PEERS", Path.home() / ".cache" / "brainpy-bench-peers"))


def ensure_bp235() -> list[str]:
    """The 2.3.5 command, building its environment first if needed (or exiting loudly)."""
    python = peers_root() / "bp235" / "bin" / "python"
    if not python.exists():
        print(f"trainers_bench: building the peer environments under {peers_root()} (once) ...")
        if subprocess.call(["bash", str(PEERS_DIR / "setup_peers.sh")]) != 0 or not python.exists():
            raise SystemExit(
                "trainers_bench: FAILED to build BrainPy 2.3.5's environment (see above); "
                "rerun with --ours-only to time this project alone."
            )
    return [str(python), SCRIPT, "--label", "bp235"]


def environment(name: str) -> dict[str, str]:
    """The environment of a run: CPU by default; a PYTHONPATH is only ever ours."""
    env = {**os.environ, "JAX_PLATFORMS": os.environ.get("JAX_PLATFORMS", "cpu")}
    if name != "ours":
        env.pop("PYTHONPATH", None)
    return env


def run_one(name: str, cmd: list[str], workload: str) -> dict | None:
    done = subprocess.run(
        [*cmd, "--workload", workload],
        cwd=PEERS_DIR,
        capture_output=True,
        text=True,
        env=environment(name),
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    print(f"trainers_bench: {name} on {workload} FAILED:\n{done.stderr[-2000:]}", flush=True)
    return None


def table(results: list[dict]) -> list[str]:
    rows = [
        "| workload | version | processes | build s | fit s | predict s | train s "
        "| work s | test NMSE |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    med: dict[tuple[str, str], dict[str, float]] = {}
    for workload in NAMES:
        for label in ("ours", "bp235"):
            rs = [r for r in results if r["workload"] == workload and r["label"] == label]
            if not rs:
                continue
            m = {
                k: statistics.median(r[k] for r in rs)
                for k in ("build_s", "fit_s", "predict_s", "train_s", "work_s", "nmse")
            }
            med[workload, label] = m
            rows.append(
                f"| {NAMES[workload]} | {rs[0]['version']} | {len(rs)} | {m['build_s']:.2f} "
                f"| {m['fit_s']:.2f} | {m['predict_s']:.2f} | {m['train_s']:.2f} "
                f"| {m['work_s']:.2f} | {m['nmse']:.1e} |"
            )
    rows += ["", "| workload | train: ours / 2.3.5 | work: ours / 2.3.5 |", "|---|---|---|"]
    for workload in NAMES:
        if (workload, "ours") in med and (workload, "bp235") in med:
            ours, peer = med[workload, "ours"], med[workload, "bp235"]
            rows.append(
                f"| {NAMES[workload]} | {ours['train_s'] / peer['train_s']:.2f}x "
                f"| {ours['work_s'] / peer['work_s']:.2f}x |"
            )
    return rows


def main(argv: list[str]) -> int:
    commands = {"ours": [sys.executable, SCRIPT, "--label", "ours"]}
    if "--ours-only" not in argv:
        commands["bp235"] = ensure_bp235()
    workloads = os.environ.get("WORKLOADS", " ".join(NAMES)).split()
    unknown = sorted(set(workloads) - set(NAMES))
    if unknown:
        print(f"trainers_bench: unknown WORKLOADS {unknown}; have {list(NAMES)}")
        return 2
    reps = int(os.environ.get("REPS", "3"))
    results, failed = [], []
    for rep in range(reps):  # interleaved, so both versions see the same machine load
        for workload in workloads:
            for name, cmd in commands.items():
                print(f"trainers_bench: {name}, {workload}, process {rep + 1}/{reps}", flush=True)
                result = run_one(name, cmd, workload)
                if result is None:
                    failed.append(f"{name}@{workload}")
                else:
                    results.append(result)
    print("\n".join(table(results)) if results else "trainers_bench: no result")
    out = Path(os.environ.get("OUT", HERE.parent / ".bench" / "trainers_bench.json"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"reps": reps, "results": results, "failed": failed}, indent=1))
    print(f"trainers_bench: results in {out}")
    if failed:
        print(f"trainers_bench: FAILED runs: {failed}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

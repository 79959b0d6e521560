"""The release-notes E/I network beside BrainPy 2.3.5 and Brian2, on this machine, in one run.

Runs ``peers/einet_brainpy.py`` under this interpreter ("ours") and under BrainPy 2.3.5, and
``peers/einet_brian2.py`` (the same model in Brian2's C++ standalone mode), interleaved, ``REPS``
processes each, then prints a table of medians and the ratios of our steady-state run time to
each peer's. The peer environments are built by ``peers/setup_peers.sh`` when missing (once per
machine, a few minutes; ``BENCH_PEERS`` chooses where). If a peer cannot be built or fails, the
benchmark says which and exits non-zero: a comparison is never silently left out.

Usage: ``python benchmarks/einet_bench.py [--ours-only]``; environment ``SCALES`` (default "1";
scale 1 is 4,000 neurons), ``REPS`` (default 3), ``RUNS`` (steady runs per process, default 5).
The machines are shared and noisy: read the medians and the ratios, not single times.
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


def peers_root() -> Path:
    return Path(os.environ.get("BENCH_PEERS", Path.home() / ".cache" / "brainpy-bench-peers"))


def ensure_peers() -> dict[str, list[str]]:
    """The peers' commands, building their environments first if needed."""
    root = peers_root()
    bp235, brian2 = root / "bp235" / "bin" / "python", root / "brian2" / "bin" / "python"
    if not (bp235.exists() and brian2.exists()):
        print(f"einet_bench: building the peer environments under {root} (once) ...", flush=True)
        if subprocess.call(["bash", str(PEERS_DIR / "setup_peers.sh")]) != 0:
            raise SystemExit(
                "einet_bench: FAILED to build the peers (see above); rerun with --ours-only "
                "to time this project alone."
            )
    return {
        "bp235": [str(bp235), "einet_brainpy.py", "--label", "bp235"],
        "brian2": [str(brian2), "einet_brian2.py"],
    }


def run_one(name: str, cmd: list[str], scale: str, runs: str) -> dict | None:
    done = subprocess.run(
        [*cmd, "--scale", scale, "--runs", runs],
        cwd=PEERS_DIR,
        capture_output=True,
        text=True,
        env={**os.environ, "JAX_PLATFORMS": os.environ.get("JAX_PLATFORMS", "cpu")},
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    print(f"einet_bench: {name} at scale {scale} FAILED:\n{done.stderr[-2000:]}", flush=True)
    return None


def table(results: list[dict]) -> list[str]:
    rows = [
        "| run | version | neurons | processes | import s | build s | first run s "
        "| run s (median) | E Hz | I Hz | peak MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    groups: dict[tuple[float, str], list[dict]] = {}
    for r in results:
        groups.setdefault((r["scale"], r["label"]), []).append(r)
    steady = {}
    order = {"ours": 0, "bp235": 1, "brian2": 2}
    for (scale, label), rs in sorted(groups.items(), key=lambda kv: (kv[0][0], order[kv[0][1]])):

        def med(key: str, rs: list[dict] = rs) -> float:
            return statistics.median(r[key] for r in rs)

        runs = [t for r in rs for t in r["run_s"]]
        steady[scale, label] = statistics.median(runs)
        rows.append(
            f"| {label} | {rs[0]['version']} | {rs[0]['neurons']} | {len(rs)} "
            f"| {med('import_s'):.2f} | {med('build_s'):.2f} | {med('first_run_s'):.2f} "
            f"| {steady[scale, label]:.3f} | {med('rate_E'):.1f} | {med('rate_I'):.1f} "
            f"| {med('peak_mb'):.0f} |"
        )
    rows.append("")
    for (scale, label), t in sorted(steady.items()):
        ours = steady.get((scale, "ours"))
        if label != "ours" and ours is not None:
            rows.append(f"scale {scale:g}: ours / {label} steady-state run time = {ours / t:.2f}x")
    return rows


def main(argv: list[str]) -> int:
    commands = {"ours": [sys.executable, "einet_brainpy.py", "--label", "ours"]}
    if "--ours-only" not in argv:
        commands.update(ensure_peers())
    scales = os.environ.get("SCALES", "1").split()
    reps, runs = int(os.environ.get("REPS", "3")), os.environ.get("RUNS", "5")
    results, failed = [], []
    for rep in range(reps):  # interleaved, so every peer sees the same machine load
        for scale in scales:
            for name, cmd in commands.items():
                print(f"einet_bench: {name}, scale {scale}, process {rep + 1}/{reps}", flush=True)
                result = run_one(name, cmd, scale, runs)
                if result is None:
                    failed.append(f"{name}@{scale}")
                else:
                    results.append(result)
    print("\n".join(table(results)) if results else "einet_bench: no result")
    if failed:
        print(f"einet_bench: FAILED runs: {failed}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Seconds from ``python ...`` to the first result, beside BrainPy 2.3.5.

Two measurements, each a median over fresh processes (``REPS``, default 5):

* **demo**: ``python examples/ei_net.py`` (the release-notes network, 1000 ms at scale 1,
  progress bar on) until it prints its firing rates. This is the issue's "first result".
* **side by side**: ``peers/einet_brainpy.py --runs 0`` (the same class, one run, no
  progress bar) from start to exit, under this interpreter and under BrainPy 2.3.5's
  (``peers/setup_peers.sh`` builds that environment when it is missing). Same script, same
  machine, same moment.

Start-up is dominated by importing Python modules. ``pip install`` compiles them to
bytecode at install time; an environment without bytecode (``uv pip install`` without
``--compile-bytecode``, with ``PYTHONDONTWRITEBYTECODE=1`` set) recompiles JAX's sources
in every process and starts about 1.5 s slower. The script reports which kind it runs in.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEERS_DIR = ROOT / "benchmarks" / "peers"
DEMO = ROOT / "examples" / "ei_net.py"


def seconds_to_line(cmd: list[str], marker: str | None, cwd: Path) -> float:
    """Wall seconds from spawning ``cmd`` to its first stdout line containing ``marker``.

    With ``marker=None``, to the process's exit. Raises if the process fails.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    found = None
    for line in proc.stdout:
        if found is None and marker is not None and marker in line:
            found = time.perf_counter() - start
    if proc.wait() != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}")
    if marker is None:
        return time.perf_counter() - start
    if found is None:
        raise RuntimeError(f"{' '.join(cmd)} never printed {marker!r}")
    return found


def has_bytecode(python: str) -> bool:
    """Whether ``python``'s JAX was installed with compiled bytecode (as pip does)."""
    code = (
        "import importlib.util, pathlib, sys; s = importlib.util.find_spec('jax');"
        "c = importlib.util.cache_from_source(s.origin);"
        "sys.exit(0 if pathlib.Path(c).exists() else 1)"
    )
    return subprocess.call([python, "-c", code]) == 0


def median_line(label: str, times: list[float]) -> str:
    spread = f"{min(times):.2f}-{max(times):.2f}"
    return (
        f"  {label:<34} median {statistics.median(times):.2f} s  (range {spread}, n={len(times)})"
    )


def main() -> int:
    reps = int(os.environ.get("REPS", "5"))
    ours = sys.executable
    kind = "with" if has_bytecode(ours) else "WITHOUT"
    print(f"this interpreter's site-packages: {kind} compiled bytecode")
    with tempfile.TemporaryDirectory() as tmp:
        plot = str(Path(tmp) / "raster.png")
        demo = [
            seconds_to_line([ours, str(DEMO), "--out", plot], "rates:", ROOT) for _ in range(reps)
        ]
    print(median_line("examples/ei_net.py to its rates", demo))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from einet_bench import ensure_peers

    bp235 = ensure_peers()["bp235"][0]
    pythons = {"brainpy (this project)": ours, "BrainPy 2.3.5": bp235}
    script = ["einet_brainpy.py", "--runs", "0", "--scale", "1", "--seed", "42"]
    times: dict[str, list[float]] = {name: [] for name in pythons}
    for _ in range(reps):  # interleaved, so both see the same machine load
        for name, python in pythons.items():
            times[name].append(seconds_to_line([python, *script], None, PEERS_DIR))
    for name, values in times.items():
        print(median_line(f"harness, {name}", values))
    if len(times) == 2:
        a, b = (statistics.median(v) for v in times.values())
        print(f"  ratio (this project / 2.3.5): {a / b:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The release-notes E/I network against BrainPy 2.3.5 and Brian2, side by side.

Runs ``../shared/bench/compare.sh`` (the workplace's comparison harness) with this
interpreter as "ours" when the peer environments exist (``setup_peers.sh`` builds them
under ``$BENCH_PEERS``, default ``~/.cache/brainpy-bench-peers``). Without them it times
this project alone with the same script and says how to get the comparison.

Environment: ``SCALES`` (default "1"), ``REPS`` (default 3), ``RUNS`` (default 5), as the
harness reads them. The machines are shared and noisy: read the medians and ratios.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HARNESS = Path(__file__).resolve().parents[2] / "shared" / "bench"


def main() -> int:
    if not (HARNESS / "compare.sh").exists():
        print(f"einet_bench: no comparison harness at {HARNESS}; nothing to compare.")
        return 0
    peers = Path(os.environ.get("BENCH_PEERS", Path.home() / ".cache/brainpy-bench-peers"))
    if not (peers / "bp235" / "bin" / "python").exists():
        print(
            f"einet_bench: peers missing under {peers}; run {HARNESS / 'setup_peers.sh'} once "
            "for the BrainPy 2.3.5 and Brian2 columns. Timing this project alone:"
        )
        os.environ["ONLY"] = "ours"
    return subprocess.call(["bash", str(HARNESS / "compare.sh"), sys.executable])


if __name__ == "__main__":
    sys.exit(main())

"""Times the release-notes E/I network under any brainpy with 2.3.5's API (this project or 2.3.5).

The model is ``EINet`` of ``examples/ei_net.py`` (the release notes' class, unchanged), run by
``bp.DSRunner`` with the E and I spikes monitored, 1000 ms of model time at dt = 0.1 ms. Prints
one line ``RESULT {json}`` with the import, build, first-run and steady-run seconds, the firing
rates and the peak resident memory.

Usage: ``python einet_brainpy.py --label ours --scale 1 --runs 5 [--seed 42]``
"""

import argparse
import json
import resource
import sys
import time
from pathlib import Path

START = time.perf_counter()
import brainpy as bp  # noqa: E402
import brainpy.math as bm  # noqa: E402

IMPORT_S = time.perf_counter() - START

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))
from ei_net import EINet  # noqa: E402

DURATION_MS = 1000.0


def rates(runner, net):
    seconds = DURATION_MS / 1000.0
    e = float(bm.as_numpy(runner.mon["E.spike"]).sum()) / net.E.num / seconds
    i = float(bm.as_numpy(runner.mon["I.spike"]).sum()) / net.I.num / seconds
    return e, i


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="ours")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    bm.random.seed(args.seed)

    t0 = time.perf_counter()
    net = EINet(scale=args.scale)
    monitors = {"E.spike": net.E.spike, "I.spike": net.I.spike}
    runner = bp.DSRunner(net, monitors=monitors, jit=True, progress_bar=False)
    t1 = time.perf_counter()
    runner.run(DURATION_MS)  # tracing, compilation and the first 1000 ms
    t2 = time.perf_counter()
    first_rates = rates(runner, net)
    steady = []
    for _ in range(args.runs):
        start = time.perf_counter()
        runner.run(DURATION_MS)  # compiled: simulation only (records copied to NumPy)
        steady.append(time.perf_counter() - start)
    result = {
        "label": args.label,
        "version": bp.__version__,
        "scale": args.scale,
        "neurons": int(net.E.num + net.I.num),
        "import_s": IMPORT_S,
        "build_s": t1 - t0,
        "first_run_s": t2 - t1,
        "run_s": steady,
        "rate_E": first_rates[0],
        "rate_I": first_rates[1],
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    }
    print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()

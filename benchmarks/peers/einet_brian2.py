"""Times the release-notes E/I network written in Brian2, in its C++ standalone mode.

The same model as BrainPy's ``EINet``: leaky integrate-and-fire neurons
``tau dV/dt = V_rest - V + g_e (E_e - V) + g_i (E_i - V) + I_bg`` (tau 20 ms, V_rest = V_reset
= -60 mV, V_th = -50 mV, I_bg 20 mV, V(0) ~ N(-55, 2) mV), exponential conductances (5 ms
excitatory with reversal 0 mV, 10 ms inhibitory with -80 mV) that jump by 0.6/scale and 6.7/scale
per presynaptic spike, and each neuron projecting to int(0.02 N_post) distinct random targets,
as ``bp.conn.FixedProb(0.02)`` builds them. BrainPy holds V for the 50 steps whose
``t - t_spike <= 5 ms``; Brian2's ``refractory`` holds 49 at 5 ms, so 5.1 ms is used. Brian2
computes in float64, BrainPy in float32.

Prints ``RESULT {json}`` like ``einet_brainpy.py``: ``build_s`` (network and code generation),
``first_run_s`` (the C++ build and the first run), ``run_s`` (each run of the compiled binary:
what a user re-running a standalone simulation waits for).

Usage: ``python einet_brian2.py --scale 1 --runs 5 [--seed 42]``
"""

import argparse
import json
import resource
import shutil
import subprocess
import tempfile
import time

START = time.perf_counter()
import brian2 as b2  # noqa: E402

IMPORT_S = time.perf_counter() - START

DURATION_MS = 1000.0
EQUATIONS = """
dv/dt = (V_rest - v + ge * (E_e - v) + gi * (E_i - v) + I_bg) / tau : volt (unless refractory)
dge/dt = -ge / tau_e : 1
dgi/dt = -gi / tau_i : 1
"""


def build(scale):
    mV, ms = b2.mV, b2.ms
    names = {
        "V_rest": -60 * mV, "V_th": -50 * mV, "V_reset": -60 * mV, "tau": 20 * ms,
        "E_e": 0 * mV, "E_i": -80 * mV, "I_bg": 20 * mV, "tau_e": 5 * ms, "tau_i": 10 * ms,
        "w_e": 0.6 / scale, "w_i": 6.7 / scale,
    }  # fmt: skip
    groups = {}
    for name, n in (("E", int(3200 * scale)), ("I", int(800 * scale))):
        group = b2.NeuronGroup(
            n, EQUATIONS, threshold="v >= V_th", reset="v = V_reset", refractory=5.1 * ms,
            method="exponential_euler", namespace=names, name=name,
        )  # fmt: skip
        group.v = "-55*mV + 2*mV*randn()"
        groups[name] = group
    synapses = []
    for pre, post, weight, target in (
        ("E", "E", "w_e", "ge"), ("E", "I", "w_e", "ge"),
        ("I", "E", "w_i", "gi"), ("I", "I", "w_i", "gi"),
    ):  # fmt: skip
        n_post = len(groups[post])
        syn = b2.Synapses(
            groups[pre], groups[post], on_pre=f"{target}_post += {weight}", namespace=names,
            name=f"{pre}2{post}",
        )  # fmt: skip
        syn.connect(j=f"k for k in sample({n_post}, size={int(0.02 * n_post)})")
        synapses.append(syn)
    monitors = {name: b2.SpikeMonitor(group) for name, group in groups.items()}
    network = b2.Network(*groups.values(), *synapses, *monitors.values())
    return network, groups, monitors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    project = tempfile.mkdtemp(prefix="einet_brian2_")
    try:
        b2.set_device("cpp_standalone", build_on_run=False, directory=project)
        b2.seed(args.seed)
        b2.defaultclock.dt = 0.1 * b2.ms
        t0 = time.perf_counter()
        network, groups, monitors = build(args.scale)
        network.run(DURATION_MS * b2.ms)  # in standalone mode: recorded, not run
        t1 = time.perf_counter()
        b2.get_device().build(directory=project, compile=True, run=True)
        t2 = time.perf_counter()
        seconds = DURATION_MS / 1000.0
        rate = {k: monitors[k].num_spikes / len(groups[k]) / seconds for k in groups}
        steady = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run(["./main"], cwd=project, check=True, stdout=subprocess.DEVNULL)
            steady.append(time.perf_counter() - start)
    finally:
        shutil.rmtree(project, ignore_errors=True)
    result = {
        "label": "brian2",
        "version": b2.__version__,
        "scale": args.scale,
        "neurons": sum(len(g) for g in groups.values()),
        "import_s": IMPORT_S,
        "build_s": t1 - t0,
        "first_run_s": t2 - t1,
        "run_s": steady,
        "rate_E": rate["E"],
        "rate_I": rate["I"],
        "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0,
    }
    print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()

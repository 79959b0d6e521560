"""brainpy-dyn channels: a ``CondNeuGroup`` assembled from HH channels vs ``neurons.HH``.

Both groups hold ``N`` Hodgkin–Huxley neurons with a spread of input currents (most fire
repetitively) and run 1 s of model time (10,000 steps of 0.1 ms) in one compiled loop
through ``DSRunner``, spikes monitored. The two models compute the same spikes (checked
here: the same counts, each spike at the same step or, from rounding, one step apart).
The target is a ``CondNeuGroup``/``HH`` time ratio within 1.2. The median of interleaved
rounds is reported, after a first (compiling) run of each.

Run: ``python benchmarks/channels_bench.py [N]``.
"""

from __future__ import annotations

import statistics
import sys
import time

import jax.numpy as jnp
import numpy as np

import brainpy_dyn as bd

N = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
DURATION = 1000.0  # ms
ROUNDS = 3
TARGET = 1.2


def v_init(shape):
    return jnp.full(shape, -65.0, jnp.float32)


def make_cond(n):
    return bd.CondNeuGroup(
        n,
        V_initializer=v_init,
        V_th=20.0,
        INa=bd.channels.INa_HH1952(n, E=50.0, g_max=120.0),
        IK=bd.channels.IK_HH1952(n, E=-77.0, g_max=36.0),
        IL=bd.channels.IL(n, E=-54.387, g_max=0.03),
    )


def make_hh(n):
    return bd.neurons.HH(n, V_initializer=v_init)


def main():
    current = np.linspace(0.0, 20.0, N, dtype=np.float32)
    runners = {}
    for name, make in (("CondNeuGroup", make_cond), ("neurons.HH", make_hh)):
        runners[name] = bd.DSRunner(
            make(N), monitors=["spike"], inputs=("input", current), progress_bar=False
        )
    spikes = {}
    for name, runner in runners.items():  # compile and warm up
        runner.run(DURATION)
        spikes[name] = np.asarray(runner.mon["spike"])
    a, b = spikes["CondNeuGroup"], spikes["neurons.HH"]
    # Same model, same scheme: rounding may move a rare spike by one step over 10,000 steps.
    n_diff = int((a != b).any(axis=0).sum())
    shifted = np.abs(np.cumsum(a, 0, dtype=np.int32) - np.cumsum(b, 0, dtype=np.int32)).max()
    same = bool(np.array_equal(a.sum(0), b.sum(0)) and shifted <= 1)
    times: dict[str, list[float]] = {name: [] for name in runners}
    for _ in range(ROUNDS):
        for name, runner in runners.items():
            runner.target.reset_state()
            t0 = time.perf_counter()
            runner.run(DURATION)
            times[name].append(time.perf_counter() - t0)
    med = {name: statistics.median(ts) for name, ts in times.items()}
    ratio = med["CondNeuGroup"] / med["neurons.HH"]
    print(
        f"brainpy-dyn channels bench: N={N}, {DURATION / 1000:g} s of model time, "
        f"median of {ROUNDS} interleaved rounds"
    )
    for name, t in med.items():
        print(f"  {name:12s} {t:8.3f} s   {int(spikes[name].sum())} spikes")
    print(
        f"  ratio CondNeuGroup/HH = {ratio:.3f} (target <= {TARGET}: {'met' if ratio <= TARGET else 'NOT met'})"
    )
    print(
        f"  same spike counts, each spike within a step: {same} "
        f"({n_diff} of {N} neurons with a spike one step apart)"
    )
    if not same:
        raise SystemExit("CondNeuGroup and neurons.HH gave different spikes")
    return ratio


if __name__ == "__main__":
    main()

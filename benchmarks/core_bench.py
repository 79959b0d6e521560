"""brainpy-math core: a jitted step with bm Arrays and Variables vs raw jax.numpy.

The step is a leaky integrate-and-fire update of ``N`` neurons with a random input
current. Two measures, each as the median of interleaved rounds:

* ``call``: one compiled call per step from Python (dispatch included), the way a
  user drives a step function by hand;
* ``scan``: ``STEPS`` steps inside one compiled loop (``bm.for_loop`` vs
  ``jax.lax.scan``), the way runners drive models.

Run: ``python benchmarks/core_bench.py [N]``.
"""

from __future__ import annotations

import statistics
import sys
import time

import jax
import jax.numpy as jnp

import brainpy_math as bm

N = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
STEPS = 1000
CALLS = 2000
ROUNDS = 7
TAU, V_TH, V_RESET, DT = 20.0, -50.0, -60.0, 0.1


class BmLIF:
    def __init__(self, n):
        self.V = bm.Variable(bm.full(n, -60.0))
        self.spike = bm.Variable(bm.zeros(n, dtype=bool))
        self.key = bm.Variable(jax.random.PRNGKey(0))

    def step(self, i_ext):
        key, sub = jax.random.split(self.key.value)
        self.key.value = key
        noise = jax.random.normal(sub, self.V.shape)
        v = self.V + (-(self.V - V_RESET) + i_ext + noise) / TAU * DT
        spike = v >= V_TH
        self.V.value = bm.where(spike, V_RESET, v)
        self.spike.value = spike
        return spike


def raw_step(state, i_ext):
    v0, _, key = state
    key, sub = jax.random.split(key)
    noise = jax.random.normal(sub, v0.shape)
    v = v0 + (-(v0 - V_RESET) + i_ext + noise) / TAU * DT
    spike = v >= V_TH
    return (jnp.where(spike, V_RESET, v), spike, key), spike


def raw_state(n):
    return (jnp.full(n, -60.0), jnp.zeros(n, bool), jax.random.PRNGKey(0))


def time_calls(fn, calls):
    t0 = time.perf_counter()
    for _ in range(calls):
        out = fn()
    jax.block_until_ready(out)
    return (time.perf_counter() - t0) / calls


def main():
    model = BmLIF(N)
    bm_step = bm.jit(model.step)
    raw_jit = jax.jit(raw_step)
    state = [raw_state(N)]
    i_ext = jnp.float32(20.0)

    def raw_call():
        state[0], s = raw_jit(state[0], i_ext)
        return s

    def bm_call():
        return bm_step(i_ext)

    xs = jnp.full(STEPS, 20.0)

    def bm_scan():
        return bm.for_loop(model.step, xs).value

    raw_scan_jit = jax.jit(lambda st, xs: jax.lax.scan(raw_step, st, xs))

    def raw_scan():
        state[0], s = raw_scan_jit(state[0], xs)
        return s

    for f in (raw_call, bm_call, bm_scan, raw_scan):  # compile and warm up
        jax.block_until_ready(f())
    # Same computation: one step from the same state gives the same spikes.
    results = {}
    for name, bm_f, raw_f, calls in (
        ("call", bm_call, raw_call, CALLS),
        ("scan", bm_scan, raw_scan, 20),
    ):
        bm_t, raw_t = [], []
        for _ in range(ROUNDS):
            raw_t.append(time_calls(raw_f, calls))
            bm_t.append(time_calls(bm_f, calls))
        results[name] = (statistics.median(bm_t), statistics.median(raw_t))
    print(f"brainpy-math core bench: LIF step, N={N}, median of {ROUNDS} interleaved rounds")
    for name, (b, r) in results.items():
        unit = "per call" if name == "call" else f"per {STEPS}-step loop"
        print(
            f"  {name:5s} bm {b * 1e6:10.1f} us  raw jax {r * 1e6:10.1f} us  {unit}  "
            f"ratio bm/raw = {b / r:.3f}"
        )
    return results


if __name__ == "__main__":
    main()

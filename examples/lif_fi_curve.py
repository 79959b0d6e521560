"""A population of leaky integrate-and-fire neurons, simulated with brainpy-math.

Each neuron obeys ``tau dV/dt = -(V - V_rest) + I`` and fires when ``V`` reaches
``V_th``, after which ``V`` is reset and held for ``t_ref`` ms. Every neuron gets a
different constant current, so the population traces out the f-I curve, which for
this model is known in closed form:

    rate(I) = 1 / (t_ref + tau * ln(I / (I - (V_th - V_rest))))   for I > V_th - V_rest

The whole simulation is one compiled ``bm.for_loop`` (a single ``lax.scan``); the
Variables it updates are found automatically. The script prints the simulated and
analytic rates and exits non-zero if they disagree.

Run: ``python examples/lif_fi_curve.py`` (needs only brainpy-math).
"""

from __future__ import annotations

import math
import sys
import time

import numpy as np

import brainpy_math as bm

V_REST, V_TH, TAU, T_REF = -65.0, -50.0, 10.0, 2.0
DT = 0.01  # ms
DURATION = 2000.0  # ms
N = 1000


class LIFPopulation:
    """State and one exact exponential-Euler step of N independent LIF neurons."""

    def __init__(self, currents):
        self.current = bm.asarray(currents)
        n = self.current.shape[0]
        self.V = bm.Variable(bm.full(n, V_REST))
        self.refractory_left = bm.Variable(bm.zeros(n, dtype=bm.int32))
        self.spike_count = bm.Variable(bm.zeros(n, dtype=bm.int32))
        self.decay = math.exp(-DT / TAU)
        self.ref_steps = round(T_REF / DT)

    def step(self, _):
        v_inf = V_REST + self.current
        v = v_inf + (self.V - v_inf) * self.decay
        resting = self.refractory_left > 0
        v = bm.where(resting, self.V, v)
        spike = v >= V_TH
        self.V.value = bm.where(spike, V_REST, v).value
        self.refractory_left.value = bm.where(
            spike, self.ref_steps, bm.maximum(self.refractory_left - 1, 0)
        ).value
        self.spike_count.value += spike.astype(bm.int32).value


def analytic_rate(current: np.ndarray) -> np.ndarray:
    """Firing rate (Hz) of the deterministic LIF neuron."""
    gap = V_TH - V_REST
    rate = np.zeros_like(current)
    above = current > gap
    period = T_REF + TAU * np.log(current[above] / (current[above] - gap))  # ms
    rate[above] = 1000.0 / period
    return rate


def main() -> int:
    currents = np.linspace(10.0, 40.0, N).astype(np.float32)
    pop = LIFPopulation(currents)
    steps = round(DURATION / DT)
    t0 = time.perf_counter()
    bm.for_loop(pop.step, bm.arange(steps))
    elapsed = time.perf_counter() - t0
    simulated = np.asarray(pop.spike_count.value) / (DURATION / 1000.0)
    expected = analytic_rate(currents.astype(np.float64))
    # Spike counting quantises the rate to 1 / DURATION, and time to DT.
    max_err = float(np.max(np.abs(simulated - expected)))
    print(f"simulated {N} LIF neurons for {DURATION:.0f} ms ({steps} steps) in {elapsed:.2f} s")
    for i in np.linspace(0, N - 1, 7).astype(int):
        print(
            f"  I = {currents[i]:5.1f}: simulated {simulated[i]:6.1f} Hz, "
            f"analytic {expected[i]:6.1f} Hz"
        )
    print(f"largest deviation from the analytic f-I curve: {max_err:.2f} Hz")
    tolerance = 1000.0 / DURATION + expected.max() ** 2 * DT / 1000.0 + 0.5
    if max_err > tolerance:
        print(f"FAILED: deviation above tolerance {tolerance:.2f} Hz")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

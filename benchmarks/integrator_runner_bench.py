"""brainpy-dyn ``IntegratorRunner`` vs the same equations as a bare ``jax.lax.scan``.

``N`` FitzHugh–Nagumo oscillators on a ring, each coupled diffusively to its two
neighbours, integrated with the classical Runge–Kutta method (``odeint(method='rk4')``)
for ``STEPS`` steps of 0.01; the voltage of the first 10 oscillators is recorded every
step. The bare version writes the same RK4 step by hand inside one ``lax.scan`` under
``jax.jit``. Both compute the same trajectory (checked). The target is an
``IntegratorRunner``/``lax.scan`` time ratio within 1.1. The median of interleaved rounds
is reported, after a first (compiling) run of each.

Run: ``python benchmarks/integrator_runner_bench.py [N] [STEPS]``.
"""

from __future__ import annotations

import statistics
import sys
import time

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_dyn as bd

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
DT = 0.01
ROUNDS = 3
TARGET = 1.1
A, B, TAU, K, I_EXT = 0.7, 0.8, 12.5, 0.1, 0.5


def dV(V, t, w):
    coupling = K * (jnp.roll(V, 1) + jnp.roll(V, -1) - 2 * V)
    return V - V * V * V / 3 - w + I_EXT + coupling


def dw(w, t, V):
    return (V + A - B * w) / TAU


def inits():
    rng = np.random.default_rng(0)
    return rng.uniform(-1.0, 1.0, N).astype(np.float32), np.zeros(N, np.float32)


def make_runner():
    integral = bd.odeint(bd.JointEq(dV, dw), method="rk4", dt=DT)
    V0, w0 = inits()
    return bd.IntegratorRunner(
        integral, inits=[V0, w0], monitors={"V": ("V", slice(0, 10))}, progress_bar=False
    )


def make_scan():
    def f(V, w, t):
        return dV(V, t, w), dw(w, t, V)

    def step(carry, t):
        V, w = carry
        k1 = f(V, w, t)
        k2 = f(V + 0.5 * DT * k1[0], w + 0.5 * DT * k1[1], t + 0.5 * DT)
        k3 = f(V + 0.5 * DT * k2[0], w + 0.5 * DT * k2[1], t + 0.5 * DT)
        k4 = f(V + DT * k3[0], w + DT * k3[1], t + DT)
        V = V + DT / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0])
        w = w + DT / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1])
        return (V, w), V[:10]

    @jax.jit
    def run(V0, w0, ts):
        return jax.lax.scan(step, (V0, w0), ts)

    return run


def main():
    runner = make_runner()
    scan = make_scan()
    V0, w0 = inits()
    ts = jnp.asarray(DT * np.arange(STEPS), jnp.float32)

    def run_runner():
        runner.run(STEPS * DT, start_t=0.0)
        runner.states["V"].value = jnp.asarray(V0)
        runner.states["w"].value = jnp.asarray(w0)
        return runner.mon["V"]

    def run_scan():
        (_, _), rec = scan(V0, w0, ts)
        return np.asarray(jax.block_until_ready(rec))

    a, b = run_runner(), run_scan()  # compile and warm up
    np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-4)
    times = {"IntegratorRunner": [], "lax.scan": []}
    for _ in range(ROUNDS):
        for name, fn in (("IntegratorRunner", run_runner), ("lax.scan", run_scan)):
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = med["IntegratorRunner"] / med["lax.scan"]
    print(f"{N} coupled FitzHugh-Nagumo ODEs (rk4), {STEPS} steps, devices {jax.devices()}")
    for name, t in med.items():
        print(f"  {name:17s} {t * 1e3:9.1f} ms")
    print(f"  ratio {ratio:.3f} (target <= {TARGET})")
    if ratio > TARGET:
        print("FAILED: IntegratorRunner is slower than the target")
        sys.exit(1)


if __name__ == "__main__":
    main()

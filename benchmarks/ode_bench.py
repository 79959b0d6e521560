"""brainpy-dyn ``odeint`` steps vs the same update written by hand in ``jax.numpy``.

``N`` Hodgkin–Huxley neurons (``V``, ``m``, ``h``, ``n``; a ``JointEq`` of four equations)
advanced ``STEPS`` steps of 0.01 ms inside one ``jax.lax.scan`` under ``jax.jit``, with

* ``exp_auto``: exponential Euler, ``odeint(JointEq(...), method='exp_auto')`` against a
  hand-written exponential Euler (each gate solved exactly with ``V`` frozen, ``V`` with its
  conductance-based linear part);
* ``rk4``: ``odeint(JointEq(...), method='rk4')`` against a hand-written RK4.

Both versions compute the same trajectory (checked). Targets for the ``odeint``/by-hand
time ratio: 1.1 for ``rk4`` (the integrator classes add nothing to the compiled step) and
1.5 for ``exp_auto``, whose hand-written version uses this model's closed form (``x_inf``
and ``tau`` of each gate) while ``odeint`` finds the linear part by differentiation and
evaluates ``(e^z - 1)/z`` per variable (one more ``exp``, a division and a short
polynomial). The median of interleaved rounds is reported, after a compiling run.

Run: ``python benchmarks/ode_bench.py [N] [STEPS]``.
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
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000
DT = 0.01
ROUNDS = 5
TARGETS = {"exp_auto": 1.5, "rk4": 1.1}
ENa, EK, EL, gNa, gK, gL, C, I_EXT = 50.0, -77.0, -54.387, 120.0, 36.0, 0.03, 1.0, 10.0


def rates(V):
    am = 0.1 * (V + 40) / (1 - jnp.exp(-(V + 40) / 10))
    bm_ = 4.0 * jnp.exp(-(V + 65) / 18)
    ah = 0.07 * jnp.exp(-(V + 65) / 20)
    bh = 1 / (1 + jnp.exp(-(V + 35) / 10))
    an = 0.01 * (V + 55) / (1 - jnp.exp(-(V + 55) / 10))
    bn = 0.125 * jnp.exp(-(V + 65) / 80)
    return am, bm_, ah, bh, an, bn


def dV(V, t, m, h, n, I):
    return (-gNa * m**3 * h * (V - ENa) - gK * n**4 * (V - EK) - gL * (V - EL) + I) / C


def dm(m, t, V):
    am = 0.1 * (V + 40) / (1 - jnp.exp(-(V + 40) / 10))
    bm_ = 4.0 * jnp.exp(-(V + 65) / 18)
    return am * (1 - m) - bm_ * m


def dh(h, t, V):
    ah = 0.07 * jnp.exp(-(V + 65) / 20)
    bh = 1 / (1 + jnp.exp(-(V + 35) / 10))
    return ah * (1 - h) - bh * h


def dn(n, t, V):
    an = 0.01 * (V + 55) / (1 - jnp.exp(-(V + 55) / 10))
    bn = 0.125 * jnp.exp(-(V + 65) / 80)
    return an * (1 - n) - bn * n


def by_hand_exp_euler(V, m, h, n, t):
    am, bm_, ah, bh, an, bn = rates(V)

    def gate(x, a, b):  # dx/dt = a (1 - x) - b x, exact with V frozen
        x_inf, tau = a / (a + b), 1 / (a + b)
        return x_inf + (x - x_inf) * jnp.exp(-DT / tau)

    g = gNa * m**3 * h + gK * n**4 + gL  # dV/dt = (-g V + E + I) / C
    v_inf = (gNa * m**3 * h * ENa + gK * n**4 * EK + gL * EL + I_EXT) / g
    V_new = v_inf + (V - v_inf) * jnp.exp(-g * DT / C)
    return V_new, gate(m, am, bm_), gate(h, ah, bh), gate(n, an, bn)


def by_hand_rk4(V, m, h, n, t):
    def f(s):
        V_, m_, h_, n_ = s
        return (dV(V_, t, m_, h_, n_, I_EXT), dm(m_, t, V_), dh(h_, t, V_), dn(n_, t, V_))

    s = (V, m, h, n)
    k1 = f(s)
    k2 = f(tuple(x + 0.5 * DT * k for x, k in zip(s, k1)))
    k3 = f(tuple(x + 0.5 * DT * k for x, k in zip(s, k2)))
    k4 = f(tuple(x + DT * k for x, k in zip(s, k3)))
    return tuple(x + DT / 6 * (a + 2 * b + 2 * c + d) for x, a, b, c, d in zip(s, k1, k2, k3, k4))


def make_run(step):
    @jax.jit
    def run(state, ts):
        def body(carry, t):
            carry = step(*carry, t)
            return carry, carry[0][:10]

        return jax.lax.scan(body, state, ts)

    return run


def main():
    key = jax.random.PRNGKey(0)
    V0 = -65.0 + 10.0 * jax.random.uniform(key, (N,))
    state = (V0, jnp.full(N, 0.05), jnp.full(N, 0.6), jnp.full(N, 0.32))
    ts = jnp.asarray(DT * np.arange(STEPS), jnp.float32)
    failed = False
    print(f"{N} Hodgkin-Huxley neurons, {STEPS} steps, devices {jax.devices()}")
    for method, hand in (("exp_auto", by_hand_exp_euler), ("rk4", by_hand_rk4)):
        integral = bd.odeint(bd.JointEq(dV, dm, dh, dn), method=method, dt=DT)
        ours = make_run(lambda V, m, h, n, t, f=integral: f(V, m, h, n, t, I_EXT))
        theirs = make_run(hand)

        def timed(fn):
            out = fn(state, ts)
            jax.block_until_ready(out)
            return np.asarray(out[1])

        a, b = timed(ours), timed(theirs)  # compile and warm up
        np.testing.assert_allclose(a, b, rtol=1e-3, atol=1e-2)
        times = {"odeint": [], "by hand": []}
        for _ in range(ROUNDS):
            for name, fn in (("odeint", ours), ("by hand", theirs)):
                start = time.perf_counter()
                timed(fn)
                times[name].append(time.perf_counter() - start)
        med = {k: statistics.median(v) for k, v in times.items()}
        ratio = med["odeint"] / med["by hand"]
        print(
            f"  {method:9s} odeint {med['odeint'] * 1e3:8.1f} ms   by hand "
            f"{med['by hand'] * 1e3:8.1f} ms   ratio {ratio:.3f} (target <= {TARGETS[method]})"
        )
        failed |= ratio > TARGETS[method]
    if failed:
        print("FAILED: an odeint step is slower than the same step by hand")
        sys.exit(1)


if __name__ == "__main__":
    main()

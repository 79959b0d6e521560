"""Surrogate spike functions, forward and backward, against bare ``jax.custom_vjp`` expressions.

For each function of ``brainpy_math.surrogate`` the script compiles with ``jax.jit`` one
forward-and-backward pass (``jax.vjp`` then the pullback of a cotangent) over ``--size``
elements (1M by default):

* ``brainpy``: the surrogate function (argument checks, ``custom_jvp`` rule, dtype handling);
* ``bare``: the same spike written inline as the textbook ``jax.custom_vjp`` (forward
  ``(x >= 0).astype(x.dtype)``, residual ``x``, backward ``g * slope(x)``).

``brainpy / bare`` is what the library costs once compiled, and should be 1 (target: within
1.1). Each pair is warmed up, then timed in interleaved rounds (``block_until_ready``; the order
rotates from round to round) and the median of ``--repeats`` rounds is reported; the ``hlo``
column says whether the two optimised programs hold the same instructions. The last line
gives the median ratio.

Run: ``python benchmarks/surrogate_bench.py [--size 1000000] [--repeats 50] [--only NAME ...]``.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

try:
    import brainpy_math as bm
except ImportError:  # run from a checkout without installing
    sys.path.insert(
        0, os.path.join(os.path.dirname(__file__), "..", "packages", "brainpy-math", "src")
    )
    import brainpy_math as bm

S = bm.surrogate


def bare_spike(slope: Callable[[jax.Array], jax.Array]) -> Callable[[jax.Array], jax.Array]:
    """The textbook surrogate spike: a step forward, ``g * slope(x)`` backward."""

    @jax.custom_vjp
    def spike(x):
        return (x >= 0).astype(x.dtype)

    def fwd(x):
        return spike(x), x

    def bwd(x, g):
        return (g * slope(x),)

    spike.defvjp(fwd, bwd)
    return spike


def bare_spike2(slope: Callable[[jax.Array], jax.Array]) -> Callable[..., jax.Array]:
    """The textbook threshold-crossing spike ``H(new) (1 - H(old))`` with slope ``slope``."""

    @jax.custom_vjp
    def spike(new, old):
        return ((new >= 0) & (old < 0)).astype(new.dtype)

    def fwd(new, old):
        return spike(new, old), (new, old)

    def bwd(res, g):
        new, old = res
        fire, quiet = (new >= 0).astype(g.dtype), (old < 0).astype(g.dtype)
        return g * slope(new) * quiet, -g * slope(old) * fire

    spike.defvjp(fwd, bwd)
    return spike


def _sig(z):
    return 1.0 / (1.0 + jnp.exp(-z))


def _normal(x, mu, sigma):
    return jnp.exp(-((x - mu) ** 2) / (2 * sigma**2)) / (math.sqrt(2 * math.pi) * sigma)


# name -> (the library call, the bare slope); parameters are the 2.3.5 defaults
ONE_INPUT: dict[str, tuple[Callable[..., Any], Callable[[jax.Array], jax.Array]]] = {
    "sigmoid": (S.sigmoid, lambda x: 4.0 * _sig(4.0 * x) * (1 - _sig(4.0 * x))),
    "piecewise_quadratic": (S.piecewise_quadratic, lambda x: jnp.maximum(1 - jnp.abs(x), 0.0)),
    "piecewise_exp": (S.piecewise_exp, lambda x: 0.5 * jnp.exp(-jnp.abs(x))),
    "soft_sign": (S.soft_sign, lambda x: 0.5 / (1 + jnp.abs(x)) ** 2),
    "arctan": (S.arctan, lambda x: 0.5 / (1 + (math.pi / 2 * x) ** 2)),
    "nonzero_sign_log": (S.nonzero_sign_log, lambda x: 1 / (1 + jnp.abs(x))),
    "erf": (S.erf, lambda x: jnp.exp(-(x**2)) / math.sqrt(math.pi)),
    "piecewise_leaky_relu": (
        S.piecewise_leaky_relu,
        lambda x: jnp.where(jnp.abs(x) > 1.0, 0.01, 1.0),
    ),
    "squarewave_fourier_series": (
        S.squarewave_fourier_series,
        lambda x: 0.5 * (jnp.cos(math.pi / 4 * x) + jnp.cos(3 * math.pi / 4 * x)),
    ),
    "s2nn": (
        S.s2nn,
        lambda x: jnp.where(
            x < 0, 4 * _sig(4 * x) * (1 - _sig(4 * x)), 1 / (jnp.maximum(x, 0) + 1)
        ),
    ),
    "q_pseudo_spike": (S.q_pseudo_spike, lambda x: (1 + 2 * jnp.abs(x)) ** -2.0),
    "leaky_relu": (S.leaky_relu, lambda x: jnp.where(x < 0, 0.1, 1.0)),
    "log_tailed_relu": (
        S.log_tailed_relu,
        lambda x: jnp.where(x > 1, 1 / jnp.maximum(x, 1), jnp.where(x > 0, 1.0, 0.0)),
    ),
    "relu_grad": (S.relu_grad, lambda x: 0.3 * jnp.maximum(1 - jnp.abs(x), 0.0)),
    "gaussian_grad": (S.gaussian_grad, lambda x: 0.5 * _normal(x, 0, 0.5)),
    "multi_gaussian_grad": (
        S.multi_gaussian_grad,
        lambda x: (
            0.5
            * (
                1.15 * _normal(x, 0, 0.5)
                - 0.15 * _normal(x, 0.5, 3.0)
                - 0.15 * _normal(x, -0.5, 3.0)
            )
        ),
    ),
    "inv_square_grad": (S.inv_square_grad, lambda x: 1 / (100 * jnp.abs(x) + 1) ** 2),
    "slayer_grad": (S.slayer_grad, lambda x: jnp.exp(-jnp.abs(x))),
}
TWO_INPUTS = {
    "inv_square_grad2": (S.inv_square_grad2, lambda x: 1 / (100 * jnp.abs(x) + 1) ** 2),
    "relu_grad2": (S.relu_grad2, lambda x: 0.3 * jnp.maximum(1 - jnp.abs(x), 0.0)),
}


def _fwd_bwd(spike: Callable[..., jax.Array]) -> Callable[..., Any]:
    """``(*inputs, cotangent) -> (spikes, input cotangents)``: one forward and backward pass."""

    def run(*args):
        *inputs, ct = args
        y, pullback = jax.vjp(spike, *inputs)
        return y, pullback(ct)

    return run


def _hlo(fn: Callable[..., Any], args: tuple) -> str:
    text = jax.jit(fn).lower(*args).compile().as_text()
    lines = text.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith(("%", "ENTRY")))
    text = "\n".join(lines[start:])
    text = re.sub(r", metadata=\{[^}]*\}", "", text)
    text = re.sub(r", stack_frame_id=\d+", "", text)
    text = re.sub(r"(?m)^(\S.*?) \(.*\) -> (.*\{)$", r"\1 -> \2", text)
    text = re.sub(r"%[\w.\-]+", "%", text)
    return "\n".join(sorted(text.splitlines()))


def time_pair(brainpy: Callable, bare: Callable, args: tuple, repeats: int) -> dict[str, Any]:
    fns = {"brainpy": jax.jit(_fwd_bwd(brainpy)), "bare": jax.jit(_fwd_bwd(bare))}
    for fn in fns.values():  # compile and warm up
        for _ in range(3):
            jax.block_until_ready(fn(*args))
    times: dict[str, list[float]] = {k: [] for k in fns}
    keys = list(fns)
    for r in range(repeats):
        for key in keys[r % len(keys) :] + keys[: r % len(keys)]:  # rotate: no order bias
            start = time.perf_counter()
            jax.block_until_ready(fns[key](*args))
            times[key].append(time.perf_counter() - start)
    result = {k: statistics.median(v) for k, v in times.items()}
    result["same_hlo"] = _hlo(_fwd_bwd(brainpy), args) == _hlo(_fwd_bwd(bare), args)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="elements per input")
    parser.add_argument("--repeats", type=int, default=50, help="timed rounds per function")
    parser.add_argument("--only", nargs="*", default=None, help="function names to run")
    opts = parser.parse_args()
    rng = np.random.default_rng(0)
    x = jnp.asarray(rng.uniform(-3, 3, opts.size), jnp.float32)
    x_old = jnp.asarray(rng.uniform(-3, 3, opts.size), jnp.float32)
    ct = jnp.asarray(rng.uniform(0.5, 1.5, opts.size), jnp.float32)
    cases = [(n, f, bare_spike(s), (x, ct)) for n, (f, s) in ONE_INPUT.items()]
    cases += [(n, f, bare_spike2(s), (x, x_old, ct)) for n, (f, s) in TWO_INPUTS.items()]
    cases = [c for c in cases if not opts.only or c[0] in opts.only]
    print(
        f"jax {jax.__version__} on {jax.devices()[0].platform}, {opts.size:,} elements, "
        f"forward + backward, median of {opts.repeats} interleaved rounds"
    )
    print(f"{'function':28s} {'brainpy ms':>10s} {'bare ms':>9s} {'ratio':>6s} {'hlo':>5s}")
    ratios = []
    for name, fn, bare, args in cases:
        r = time_pair(fn, bare, args, opts.repeats)
        ratio = r["brainpy"] / r["bare"]
        ratios.append(ratio)
        print(
            f"{name:28s} {r['brainpy'] * 1e3:10.3f} {r['bare'] * 1e3:9.3f} {ratio:6.3f} "
            f"{'same' if r['same_hlo'] else 'diff':>5s}",
            flush=True,
        )
    if ratios:
        print()
        print(
            f"median brainpy/bare = {statistics.median(ratios):.3f} "
            f"(min {min(ratios):.3f}, max {max(ratios):.3f}; target <= 1.1)"
        )


if __name__ == "__main__":
    main()

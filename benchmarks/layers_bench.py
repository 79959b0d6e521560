"""Compiled speed of brainpy_layers against the bare ``jax.lax`` expression it stands for.

Four cases, each timed two ways in the same process:

* ``layer``: the brainpy_layers model in ``TrainingMode`` compiled with ``bm.jit`` (its
  TrainVars and state Variables found and carried by brainpy_math), gradients by ``bm.grad``
  with respect to ``train_vars()``;
* ``lax``: the same computation written with ``jax.lax`` on explicit arrays, compiled with
  ``jax.jit`` (gradients by ``jax.grad``).

Cases: ``ConvTranspose2d`` forward and forward+backward (stride 2, PyTorch padding 1,
output padding 1), ``Conv2dLSTMCell`` over a sequence (``bm.for_loop`` against ``lax.scan``)
forward and forward+backward. Every call ends with ``block_until_ready``; after a warm-up
(compilation) the two ways run in interleaved rounds and the median time per call of each is
reported with their ratio. The target is a ratio within ``--tolerance`` (1.1); the script
exits with status 1 if a case misses it. ``--small`` is a quick smoke run whose tiny problems
are dominated by the fixed cost of a call (tens of microseconds), so its ratios are only shown.

Usage::

    python benchmarks/layers_bench.py [--rounds 21] [--calls 1] [--tolerance 1.1] [--small]
        [--only SUBSTRING]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

try:
    import brainpy_layers as bl
except ImportError:  # run from a checkout without installing
    _ROOT = os.path.join(os.path.dirname(__file__), "..", "packages")
    for _pkg in ("brainpy-math", "brainpy-dyn", "brainpy-layers"):
        sys.path.insert(0, os.path.join(_ROOT, _pkg, "src"))
    import brainpy_layers as bl

import brainpy_dyn as bd
import brainpy_math as bm

DN = ("NHWC", "HWIO", "NHWC")


def _normal(rng):
    def init(shape, dtype=None):
        return (rng.normal(size=shape) * 0.1).astype(np.float32)

    return init


def conv_transpose_cases(sizes, rng):
    """ConvTranspose2d forward and forward+backward: (layer fn, lax fn, args) pairs."""
    batch, hw, cin, cout = sizes["ct"]
    x = jnp.asarray(rng.normal(size=(batch, hw, hw, cin)).astype(np.float32))
    layer = bl.ConvTranspose2d(
        cin,
        cout,
        3,
        stride=2,
        padding=1,
        output_padding=1,
        w_initializer=_normal(rng),
        b_initializer=_normal(rng),
        mode=bm.training_mode,
    )
    params = dict(layer.train_vars())
    w, b = layer.w.value, layer.b.value
    # PyTorch padding p with output padding op is lax padding (k-1-p, k-1-p+op) here.
    pads = ((1, 2), (1, 2))

    def bare(x, w, b):
        return (
            lax.conv_general_dilated(x, w, (1, 1), pads, lhs_dilation=(2, 2), dimension_numbers=DN)
            + b
        )

    forward = (bm.jit(layer.update), jax.jit(bare), (x,), (x, w, b))
    grad_fn = bm.grad(lambda x: jnp.mean(layer(x) ** 2), grad_vars=params)
    bare_grad = jax.grad(lambda w, b, x: jnp.mean(bare(x, w, b) ** 2), argnums=(0, 1))
    backward = (bm.jit(lambda x: grad_fn(x)), jax.jit(bare_grad), (x,), (w, b, x))
    return {"ConvTranspose2d forward": forward, "ConvTranspose2d fwd+bwd": backward}


def conv_lstm_cases(shape, rng):
    """Conv2dLSTMCell over a sequence, forward and forward+backward."""
    steps, batch, hw, cin, cout = shape
    xs = jnp.asarray(rng.normal(size=(steps, batch, hw, hw, cin)).astype(np.float32))
    cell = bl.Conv2dLSTMCell(
        (hw, hw),
        cin,
        cout,
        3,
        w_initializer=_normal(rng),
        b_initializer=_normal(rng),
        mode=bm.training_mode,
    )
    params = dict(cell.train_vars())
    arrays = {
        "wx": cell.input_to_hidden.w.value,
        "bx": cell.input_to_hidden.b.value,
        "wh": cell.hidden_to_hidden.w.value,
        "bh": cell.hidden_to_hidden.b.value,
    }

    def run_layer(xs):
        cell.reset_state(batch)
        return bm.for_loop(cell, xs).value

    def bare(p, xs):
        def conv(v, w, b):
            return lax.conv_general_dilated(v, w, (1, 1), "SAME", dimension_numbers=DN) + b

        def step(carry, x):
            h, c = carry
            gates = conv(x, p["wx"], p["bx"]) + conv(h, p["wh"], p["bh"])
            i, g, f, o = jnp.split(gates, 4, axis=-1)
            c = jax.nn.sigmoid(f + 1.0) * c + jax.nn.sigmoid(i) * jnp.tanh(g)
            h = jax.nn.sigmoid(o) * jnp.tanh(c)
            return (h, c), h

        zeros = jnp.zeros((batch, hw, hw, cout), jnp.float32)
        return lax.scan(step, (zeros, zeros), xs)[1]

    forward = (bm.jit(run_layer), jax.jit(bare), (xs,), (arrays, xs))
    grad_fn = bm.grad(lambda xs: jnp.mean(run_layer(xs) ** 2), grad_vars=params)
    bare_grad = jax.grad(lambda p, xs: jnp.mean(bare(p, xs) ** 2))
    backward = (bm.jit(lambda xs: grad_fn(xs)), jax.jit(bare_grad), (xs,), (arrays, xs))
    return {"Conv2dLSTMCell seq forward": forward, "Conv2dLSTMCell seq fwd+bwd": backward}


def _time(fn, args, calls):
    start = time.perf_counter()
    for _ in range(calls):
        jax.block_until_ready(fn(*args))
    return (time.perf_counter() - start) / calls


def check_same_results(name, layer_fn, bare_fn, layer_args, bare_args):
    """The two ways must compute the same thing (gradient dicts are compared by leaves)."""
    got = jax.tree_util.tree_leaves(layer_fn(*layer_args))
    want = jax.tree_util.tree_leaves(bare_fn(*bare_args))
    if isinstance(layer_fn(*layer_args), dict):  # bm.grad: {name: grad}, sorted like params
        got = sorted(got, key=lambda a: (a.shape, float(jnp.sum(a))))
        want = sorted(want, key=lambda a: (a.shape, float(jnp.sum(a))))
    for a, b in zip(got, want, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-6, err_msg=name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--calls", type=int, default=1, help="calls per timed round")
    parser.add_argument("--tolerance", type=float, default=1.1)
    parser.add_argument(
        "--small",
        action="store_true",
        help="small shapes: a smoke run; the per-call overhead dominates, ratios are not checked",
    )
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    args = parser.parse_args(argv)
    sizes = {
        # ConvTranspose2d: (batch, height = width, in channels, out channels)
        "ct": (4, 16, 8, 8) if args.small else (16, 32, 32, 32),
        # Conv2dLSTMCell: (steps, batch, height = width, in channels, hidden channels); the
        # backward pass of XLA's CPU convolutions is slow, so it gets a smaller problem.
        "lstm": (4, 2, 8, 2, 4) if args.small else (8, 8, 32, 16, 16),
        "lstm_bwd": (4, 2, 8, 2, 4) if args.small else (8, 4, 16, 16, 16),
    }
    bd.share.clear_shargs()
    rng = np.random.default_rng(0)
    cases = conv_transpose_cases(sizes, rng)
    forward = conv_lstm_cases(sizes["lstm"], rng)
    backward = conv_lstm_cases(sizes["lstm_bwd"], rng)
    cases["Conv2dLSTMCell seq forward"] = forward["Conv2dLSTMCell seq forward"]
    cases["Conv2dLSTMCell seq fwd+bwd"] = backward["Conv2dLSTMCell seq fwd+bwd"]
    print(f"jax {jax.__version__} on {jax.devices()[0].device_kind}; sizes {sizes}")
    print(f"{'case':30s} {'layer ms':>10s} {'lax ms':>10s} {'ratio':>7s}")
    failed = []
    for name, (layer_fn, bare_fn, layer_args, bare_args) in cases.items():
        if args.only not in name:
            continue
        check_same_results(name, layer_fn, bare_fn, layer_args, bare_args)  # also compiles
        layer_times, bare_times = [], []
        for r in range(args.rounds):  # interleaved, alternating which goes first
            pair = [(layer_fn, layer_args, layer_times), (bare_fn, bare_args, bare_times)]
            for fn, fn_args, out in pair if r % 2 == 0 else pair[::-1]:
                out.append(_time(fn, fn_args, args.calls))
        layer_ms = statistics.median(layer_times) * 1e3
        bare_ms = statistics.median(bare_times) * 1e3
        ratio = layer_ms / bare_ms
        mark = "" if ratio <= args.tolerance else "  <-- above target"
        print(f"{name:30s} {layer_ms:10.3f} {bare_ms:10.3f} {ratio:7.3f}{mark}", flush=True)
        if ratio > args.tolerance and not args.small:
            failed.append(name)
    if failed:
        print(f"FAILED: ratio above {args.tolerance} for {failed}")
        return 1
    print(f"all ratios within {args.tolerance}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

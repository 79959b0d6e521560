"""PyTorch- and TensorFlow-compatible operators, compiled, against the bare JAX expressions.

For every operator of ``brainpy_math.compat_pytorch`` and ``brainpy_math.compat_tensorflow``
(aliases share their target's code and are left out), the script compiles with ``jax.jit``:

* ``brainpy``: the operator (its result unwrapped with ``bm.as_jax`` inside the compiled
  function, so both sides return the same raw array and dispatch costs the same);
* ``bare``: the ``jax.numpy``/``jax.ops``/``lax`` expression that computes the same result,
  written by hand; ``brainpy / bare`` is the overhead of the wrapper that survives
  compilation, and should be 1 (target: within 1.05);
* ``plain`` (only where TensorFlow's or PyTorch's semantics need extra work): the nearest
  plain JAX call without that work (``jax.ops.segment_max`` without the empty-segment fill,
  ``jax.nn.logsumexp``, ``jnp.linalg.norm``, ``jnp.clip``, ``jnp.angle``); ``brainpy / plain``
  is the price of the semantics, shown for information.

Inputs are moderately large (``--size`` elements, 1M by default: a 1000 x 1000 matrix, or
1M rows in 1000 segments). Each function is warmed up, then the functions of one operator are
timed in interleaved rounds (``block_until_ready``; the order rotates from round to round) and
the median of ``--repeats`` rounds is reported. The ``hlo`` column says whether the optimised HLO of ``brainpy`` and ``bare`` holds
the same instructions (opcodes, shapes and attributes; names, order, source locations and
metadata ignored). The last lines give the median ratio per
family.

Run: ``python benchmarks/ops_bench.py [--size 1000000] [--repeats 50] [--only NAME ...]``.
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
from jax import lax

try:
    import brainpy_math as bm
except ImportError:  # run from a checkout without installing
    sys.path.insert(
        0, os.path.join(os.path.dirname(__file__), "..", "packages", "brainpy-math", "src")
    )
    import brainpy_math as bm

Case = tuple[str, str, Callable[..., Any], Callable[..., Any], Callable[..., Any] | None, tuple]


def _sorted_counts(ids, n):
    seg = jnp.arange(n, dtype=ids.dtype)
    return jnp.searchsorted(ids, seg, side="right") - jnp.searchsorted(ids, seg, side="left")


def _tf_logsumexp(x, axis):
    peak = jnp.max(x, axis=axis, keepdims=True)
    shift = lax.stop_gradient(jnp.where(jnp.isfinite(peak), peak, 0.0))
    return jnp.log(jnp.sum(jnp.exp(x - shift), axis=axis)) + jnp.squeeze(shift, axis)


def _int_sqrt(s):
    r = jnp.floor(jnp.sqrt(s.astype(jnp.float32))).astype(s.dtype)
    r = jnp.where((r > 0) & (r > s // jnp.maximum(r, 1)), r - 1, r)
    return jnp.where(r + 1 <= s // (r + 1), r + 1, r)


def build_cases(size: int) -> list[Case]:
    """(name, family, brainpy fn, bare fn, plain fn or None, args) for every operator."""
    side = int(math.isqrt(size))
    rng = np.random.default_rng(0)
    x = jnp.asarray(rng.uniform(-0.9, 0.9, (side, side)), jnp.float32)
    y = jnp.asarray(rng.uniform(0.5, 1.5, (side, side)), jnp.float32)
    z = jnp.asarray(rng.uniform(0.5, 1.5, (side, side)), jnp.float32)
    big = x + 2.0  # acosh domain
    near1 = jnp.asarray(rng.uniform(0.999, 1.001, (side, side)), jnp.float32)
    xi = jnp.asarray(rng.integers(-50, 50, (side, side)), jnp.int32)
    b = jnp.asarray(rng.random((side, side)) < 0.999)
    x3 = x.reshape(side, side // 10 if side % 10 == 0 else 1, -1)
    n = side  # segments
    rows = side * side
    data = jnp.asarray(rng.uniform(-1, 1, rows), jnp.float32)
    ids_sorted = jnp.asarray(np.sort(rng.integers(0, n, rows)), jnp.int32)
    ids = jnp.asarray(rng.integers(0, n, rows), jnp.int32)
    lo32, hi32 = jnp.finfo(jnp.float32).min, jnp.finfo(jnp.float32).max

    t = "pytorch"
    cases: list[Case] = [
        ("abs", t, bm.abs, jnp.abs, None, (x,)),
        ("acos", t, bm.acos, jnp.arccos, None, (x,)),
        ("acosh", t, bm.acosh, jnp.arccosh, None, (big,)),
        ("asin", t, bm.asin, jnp.arcsin, None, (x,)),
        ("asinh", t, bm.asinh, jnp.arcsinh, None, (x,)),
        ("atan", t, bm.atan, jnp.arctan, None, (x,)),
        ("atanh", t, bm.atanh, jnp.arctanh, None, (x,)),
        (
            "angle",
            t,
            bm.angle,
            lambda a: jnp.where(jnp.isnan(a), a, jnp.where(a < 0, jnp.float32(np.pi), 0.0)),
            jnp.angle,
            (x,),
        ),
        ("atan2", t, bm.atan2, jnp.arctan2, None, (x, y)),
        ("add", t, lambda a, c: bm.add(a, c, alpha=0.5), lambda a, c: a + 0.5 * c, None, (x, y)),
        (
            "addcmul",
            t,
            lambda a, c, d: bm.addcmul(a, c, d, value=0.5),
            lambda a, c, d: a + 0.5 * c * d,
            None,
            (x, y, z),
        ),
        (
            "addcdiv",
            t,
            lambda a, c, d: bm.addcdiv(a, c, d, value=0.5),
            lambda a, c, d: a + 0.5 * c / d,
            None,
            (x, y, z),
        ),
        (
            "flatten",
            t,
            lambda a: bm.flatten(a, 1),
            lambda a: a.reshape(a.shape[0], -1),
            None,
            (x3,),
        ),
        ("unsqueeze", t, lambda a: bm.unsqueeze(a, 1), lambda a: a[:, None], None, (x,)),
        (
            "cat",
            t,
            lambda a, c: bm.cat([a, c], 1),
            lambda a, c: jnp.concatenate([a, c], 1),
            None,
            (x, y),
        ),
    ]
    f = "tensorflow"
    cases += [
        (
            "concat",
            f,
            lambda a, c: bm.concat([a, c], 0),
            lambda a, c: jnp.concatenate([a, c], 0),
            None,
            (x, y),
        ),
        ("reduce_sum", f, lambda a: bm.reduce_sum(a, 1), lambda a: jnp.sum(a, 1), None, (x,)),
        (
            "reduce_prod",
            f,
            lambda a: bm.reduce_prod(a, 1),
            lambda a: jnp.prod(a, 1),
            None,
            (near1,),
        ),
        ("reduce_max", f, lambda a: bm.reduce_max(a, 1), lambda a: jnp.max(a, 1), None, (x,)),
        ("reduce_min", f, lambda a: bm.reduce_min(a, 1), lambda a: jnp.min(a, 1), None, (x,)),
        ("reduce_mean", f, lambda a: bm.reduce_mean(a, 1), lambda a: jnp.mean(a, 1), None, (x,)),
        (
            "reduce_mean[int32]",
            f,
            lambda a: bm.reduce_mean(a, 1),
            lambda a: lax.div(jnp.sum(a, 1), jnp.int32(a.shape[1])),
            None,
            (xi,),
        ),
        ("reduce_all", f, lambda a: bm.reduce_all(a, 1), lambda a: jnp.all(a, 1), None, (b,)),
        ("reduce_any", f, lambda a: bm.reduce_any(a, 1), lambda a: jnp.any(a, 1), None, (b,)),
        (
            "reduce_logsumexp",
            f,
            lambda a: bm.reduce_logsumexp(a, 1),
            lambda a: _tf_logsumexp(a, 1),
            lambda a: jax.nn.logsumexp(a, 1),
            (x,),
        ),
        ("reduce_std", f, lambda a: bm.reduce_std(a, 1), lambda a: jnp.std(a, 1), None, (x,)),
        (
            "reduce_variance",
            f,
            lambda a: bm.reduce_variance(a, 1),
            lambda a: jnp.var(a, 1),
            None,
            (x,),
        ),
        (
            "reduce_euclidean_norm",
            f,
            lambda a: bm.reduce_euclidean_norm(a, 1),
            lambda a: jnp.sqrt(jnp.sum(a * a, 1)),
            lambda a: jnp.linalg.norm(a, axis=1),
            (x,),
        ),
        (
            "reduce_euclidean_norm[int32]",
            f,
            lambda a: bm.reduce_euclidean_norm(a, 1),
            lambda a: _int_sqrt(jnp.sum(a * a, 1)),
            None,
            (xi,),
        ),
        (
            "clip_by_value",
            f,
            lambda a: bm.clip_by_value(a, -0.5, 0.5),
            lambda a: jnp.maximum(jnp.minimum(a, 0.5), -0.5),
            lambda a: jnp.clip(a, -0.5, 0.5),
            (x,),
        ),
        ("cast", f, lambda a: bm.cast(a, jnp.int32), lambda a: a.astype(jnp.int32), None, (x,)),
    ]
    hints = dict(indices_are_sorted=True)
    for kind in ("sum", "prod", "max", "min", "mean"):
        ops = {
            "sum": jax.ops.segment_sum,
            "prod": jax.ops.segment_prod,
            "max": jax.ops.segment_max,
            "min": jax.ops.segment_min,
        }
        wrapper = (lambda k: lambda d, i: getattr(bm, f"segment_{k}")(d, i, n))(kind)
        if kind == "mean":

            def bare(d, i):
                total = jax.ops.segment_sum(d, i, n, **hints)
                return total / jnp.maximum(_sorted_counts(i, n), 1).astype(d.dtype)

            def plain(d, i):  # the 2.3.5 way: a second scatter for the counts
                total = jax.ops.segment_sum(d, i, n, **hints)
                count = jax.ops.segment_sum(jnp.ones_like(d), i, n, **hints)
                return jnp.nan_to_num(total / count)
        elif kind in ("max", "min"):

            def bare(d, i, op=ops[kind]):
                r = op(d, i, n, **hints)
                return jnp.where(_sorted_counts(i, n) > 0, r, 0.0)

            def plain(d, i, op=ops[kind]):
                return op(d, i, n, **hints)
        else:

            def bare(d, i, op=ops[kind]):
                return op(d, i, n, **hints)

            plain = None
        cases.append((f"segment_{kind}", f, wrapper, bare, plain, (data, ids_sorted)))
    for kind in ("sum", "prod", "max", "min", "mean", "sqrt_n"):
        wrapper = (lambda k: lambda d, i: getattr(bm, f"unsorted_segment_{k}")(d, i, n))(kind)
        plain = None
        if kind in ("sum", "prod"):
            bare = (lambda op: lambda d, i: op(d, i, n))(getattr(jax.ops, f"segment_{kind}"))
        elif kind == "max":

            def bare(d, i):
                return jnp.maximum(jax.ops.segment_max(d, i, n), lo32)

            def plain(d, i):
                return jax.ops.segment_max(d, i, n)
        elif kind == "min":

            def bare(d, i):
                return jnp.minimum(jax.ops.segment_min(d, i, n), hi32)

            def plain(d, i):
                return jax.ops.segment_min(d, i, n)
        else:
            root = kind == "sqrt_n"

            def bare(d, i, root=root):
                total = jax.ops.segment_sum(d, i, n)
                count = jnp.maximum(jax.ops.segment_sum(jnp.ones(i.shape, jnp.int32), i, n), 1)
                count = count.astype(d.dtype)
                return total / (jnp.sqrt(count) if root else count)

        cases.append((f"unsorted_segment_{kind}", f, wrapper, bare, plain, (data, ids)))
    return cases


def _hlo(fn: Callable[..., Any], args: tuple) -> str:
    text = jax.jit(fn).lower(*args).compile().as_text()
    lines = text.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith(("%", "ENTRY")))
    text = "\n".join(lines[start:])
    text = re.sub(r", metadata=\{[^}]*\}", "", text)
    text = re.sub(r", stack_frame_id=\d+", "", text)
    # names and order follow the Python names and trace order: drop them, compare the
    # sorted instructions (opcode, shapes, attributes)
    text = re.sub(r"(?m)^(\S.*?) \(.*\) -> (.*\{)$", r"\1 -> \2", text)
    text = re.sub(r"%[\w.\-]+", "%", text)
    return "\n".join(sorted(text.splitlines()))


def time_case(case: Case, repeats: int) -> dict[str, Any]:
    name, family, wrapper, bare, plain, args = case
    fns = {"brainpy": jax.jit(lambda *a: bm.as_jax(wrapper(*a))), "bare": jax.jit(bare)}
    if plain is not None:
        fns["plain"] = jax.jit(plain)
    for fn in fns.values():  # compile and warm up
        for _ in range(3):
            jax.block_until_ready(fn(*args))
    times: dict[str, list[float]] = {k: [] for k in fns}
    keys = list(fns)
    for r in range(repeats):
        for key in keys[r % len(keys) :] + keys[: r % len(keys)]:  # rotate: no order bias
            fn = fns[key]
            start = time.perf_counter()
            jax.block_until_ready(fn(*args))
            times[key].append(time.perf_counter() - start)
    result = {k: statistics.median(v) for k, v in times.items()}
    same = _hlo(lambda *a: bm.as_jax(wrapper(*a)), args) == _hlo(bare, args)
    return dict(name=name, family=family, same_hlo=same, **result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="elements per input")
    parser.add_argument("--repeats", type=int, default=50, help="timed rounds per operator")
    parser.add_argument("--only", nargs="*", default=None, help="operator names to run")
    opts = parser.parse_args()
    cases = [c for c in build_cases(opts.size) if not opts.only or c[0] in opts.only]
    print(
        f"jax {jax.__version__} on {jax.devices()[0].platform}, {opts.size:,} elements, "
        f"median of {opts.repeats} interleaved rounds"
    )
    header = f"{'operator':30s} {'brainpy ms':>10s} {'bare ms':>9s} {'ratio':>6s} {'hlo':>5s}"
    print(header + f" {'plain ms':>9s} {'vs plain':>9s}")
    rows = []
    for case in cases:
        r = time_case(case, opts.repeats)
        rows.append(r)
        ratio = r["brainpy"] / r["bare"]
        line = (
            f"{r['name']:30s} {r['brainpy'] * 1e3:10.3f} {r['bare'] * 1e3:9.3f} "
            f"{ratio:6.3f} {'same' if r['same_hlo'] else 'diff':>5s}"
        )
        if "plain" in r:
            line += f" {r['plain'] * 1e3:9.3f} {r['brainpy'] / r['plain']:9.3f}"
        print(line, flush=True)
    print()
    for family in ("pytorch", "tensorflow"):
        ratios = [r["brainpy"] / r["bare"] for r in rows if r["family"] == family]
        if ratios:
            same = sum(r["same_hlo"] for r in rows if r["family"] == family)
            print(
                f"{family:10s} median brainpy/bare = {statistics.median(ratios):.3f} "
                f"(min {min(ratios):.3f}, max {max(ratios):.3f}; same HLO {same}/{len(ratios)})"
            )


if __name__ == "__main__":
    main()

"""The TensorFlow-compatible operators against NumPy references of TensorFlow's semantics.

TensorFlow is not a test dependency: each ``ref_*`` below implements what the TensorFlow
documentation specifies (integer means truncated toward zero, population variance, stable
log-sum-exp, empty reductions and segments filled with the reducer's identity, negative
unsorted segment ids dropped, ...), computed in 64-bit NumPy.

Each test evaluates a grid of cases (shapes from 0-d and empty ones up, axes, ``keepdims``) in
one ``jax.jit`` program, checks the eager call on brainpy Arrays (and the Array/raw-scalar
return rule), ``jax.vmap``, and for float32 ``jax.grad`` against the bare JAX expression.
"""

from __future__ import annotations

import math

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_math import compat_tensorflow

TOL = {
    "float32": dict(rtol=2e-5, atol=2e-5),
    "float16": dict(rtol=4e-3, atol=4e-3),
    "complex64": dict(rtol=2e-5, atol=2e-5),
}


def raw(x):
    """NumPy value of an operator result (brainpy Array or JAX scalar)."""
    return np.asarray(bm.as_jax(x))


def sample(shape, dtype, rng, low=-3, high=3):
    if dtype == "bool":
        return rng.random(shape) < 0.5
    if dtype == "int32":
        return rng.integers(low, high + 1, size=shape).astype(np.int32)
    if dtype == "complex64":
        return (rng.uniform(low, high, shape) + 1j * rng.uniform(low, high, shape)).astype(
            np.complex64
        )
    return np.asarray(rng.uniform(low, high, shape), dtype=dtype)


def check(ours, expected, dtype=None):
    ours, expected = raw(ours), np.asarray(expected)
    assert ours.dtype == expected.dtype, (ours.dtype, expected.dtype)
    assert ours.shape == expected.shape, (ours.shape, expected.shape)
    if ours.dtype == np.bool_ or np.issubdtype(ours.dtype, np.integer):
        np.testing.assert_array_equal(ours, expected)
    else:
        tol = TOL.get(dtype if dtype in TOL else str(ours.dtype), TOL["float32"])
        np.testing.assert_allclose(ours, expected, equal_nan=True, **tol)


def check_same(a, b):
    a, b = raw(a), raw(b)
    assert a.dtype == b.dtype and a.shape == b.shape, (a.dtype, b.dtype, a.shape, b.shape)
    if np.issubdtype(a.dtype, np.inexact):
        tol = TOL["float16"] if a.dtype == np.float16 else dict(rtol=1e-5, atol=1e-5)
        np.testing.assert_allclose(a, b, equal_nan=True, **tol)
    else:
        np.testing.assert_array_equal(a, b)


def jit_grid(fn, cases):
    """``fn(*arrays, **static)`` for every ``(arrays, static)`` case, in one jit program."""
    arrays = [tuple(jnp.asarray(a) for a in arrs) for arrs, _ in cases]
    statics = [kw for _, kw in cases]
    return jax.jit(lambda arrs: [fn(*a, **k) for a, k in zip(arrs, statics)])(arrays)


# ---------------------------------------------------------------------- NumPy references (TF)
def _axes(axis, ndim):
    if axis is None:
        return tuple(range(ndim))
    return tuple(sorted({a % ndim for a in (axis if isinstance(axis, list) else [axis])}))


def _wide(x):
    if x.dtype == np.bool_ or np.issubdtype(x.dtype, np.integer):
        return x.astype(np.int64)
    return x.astype(np.complex128 if np.iscomplexobj(x) else np.float64)


def _limits(dtype):
    if dtype == np.bool_:
        return False, True
    info = np.iinfo(dtype) if np.issubdtype(dtype, np.integer) else np.finfo(dtype)
    return info.min, info.max


def _float_of(dtype):
    """The float dtype TF-style float functions give for ``dtype`` (ints: the default)."""
    if np.issubdtype(dtype, np.complexfloating):
        return np.dtype(np.float32)
    return np.dtype(dtype) if np.issubdtype(dtype, np.floating) else np.dtype(np.float32)


def ref_reduce(name, x, axis, keepdims):
    ax = _axes(axis, x.ndim)
    kw = dict(axis=ax, keepdims=keepdims)
    count = math.prod(x.shape[a] for a in ax)
    with np.errstate(all="ignore"):
        if name in ("reduce_sum", "reduce_prod"):
            fun = np.sum if name == "reduce_sum" else np.prod
            out_dtype = np.int32 if x.dtype == np.bool_ else x.dtype
            return fun(_wide(x), **kw).astype(out_dtype)
        if name in ("reduce_max", "reduce_min"):
            lo, hi = _limits(x.dtype)  # TF's identities: lowest / highest finite value
            if name == "reduce_max":
                return np.max(x, initial=lo, **kw)
            return np.min(x, initial=hi, **kw)
        if name == "reduce_all":
            return np.all(x, **kw)
        if name == "reduce_any":
            return np.any(x, **kw)
        if name == "reduce_mean":
            total = np.sum(_wide(x), **kw)
            if np.issubdtype(x.dtype, np.integer):  # integer division, toward zero
                n = max(count, 1)
                return (np.sign(total) * (np.abs(total) // n)).astype(x.dtype)
            out_dtype = np.float32 if x.dtype == np.bool_ else x.dtype
            return (total / count).astype(out_dtype)
        if name in ("reduce_variance", "reduce_std"):
            w = _wide(x)
            mean = np.sum(w, **(kw | {"keepdims": True})) / count
            var = np.sum(np.abs(w - mean) ** 2, **kw) / count
            out = var if name == "reduce_variance" else np.sqrt(var)
            return out.astype(_float_of(x.dtype))
        if name == "reduce_logsumexp":
            w = x.astype(np.float64)
            peak = np.max(w, axis=ax, keepdims=True, initial=_limits(np.float64)[0])
            shift = np.where(np.isfinite(peak), peak, 0.0)
            out = np.log(np.sum(np.exp(w - shift), **kw)) + (
                shift if keepdims else np.squeeze(shift, axis=ax)
            )
            return out.astype(_float_of(x.dtype))
        if name == "reduce_euclidean_norm":
            w = _wide(x)
            if np.issubdtype(w.dtype, np.integer):  # TF keeps ints: integer part of the norm
                total = np.sum(w * w, **kw)
                return np.vectorize(math.isqrt, otypes=[np.int64])(total).astype(np.int32)
            return np.sqrt(np.sum(np.abs(w) ** 2, **kw)).astype(x.dtype)
    raise AssertionError(name)


def ref_segment(kind, data, ids, num_segments, *, unsorted):
    """TF's segment semantics, one segment at a time."""
    data, ids = np.asarray(data), np.asarray(ids)
    flat = data.reshape((ids.size,) + data.shape[ids.ndim :])
    ids = ids.reshape(-1)
    n = (int(ids.max()) + 1 if ids.size else 0) if num_segments is None else num_segments
    out_dtype = data.dtype
    if kind in ("mean", "sqrt_n") and unsorted and not np.issubdtype(data.dtype, np.inexact):
        out_dtype = np.dtype(np.float32)  # TF takes only floats here; brainpy divides truly
    out = np.zeros((n,) + flat.shape[1:], np.complex128 if np.iscomplexobj(data) else np.float64)
    lo, hi = _limits(data.dtype)
    for i in range(n):
        seg = _wide(flat[ids == i])  # negative ids never match: dropped
        if kind == "sum":
            out[i] = seg.sum(0)
        elif kind == "prod":
            out[i] = seg.prod(0)
        elif kind in ("max", "min"):
            if not unsorted:  # TF: an empty sorted segment is 0
                out[i] = 0 if len(seg) == 0 else (seg.max(0) if kind == "max" else seg.min(0))
            elif kind == "max":  # TF's unsorted max starts from the lowest finite value
                out[i] = np.max(seg, axis=0, initial=lo)
            else:
                out[i] = np.min(seg, axis=0, initial=hi)
        elif kind == "mean":
            c, total = max(len(seg), 1), seg.sum(0)
            integer = np.issubdtype(out_dtype, np.integer)
            out[i] = np.sign(total) * (np.abs(total) // c) if integer else total / c
        elif kind == "sqrt_n":
            out[i] = seg.sum(0) / np.sqrt(max(len(seg), 1))
    return out.astype(out_dtype)


# ---------------------------------------------------------------------------------- reduce_*
REDUCE_DTYPES = {
    "reduce_sum": ["float32", "int32", "float16", "bool", "complex64"],
    "reduce_prod": ["float32", "int32", "bool"],
    "reduce_max": ["float32", "int32"],
    "reduce_min": ["float32", "int32"],
    "reduce_mean": ["float32", "int32", "float16", "bool", "complex64"],
    "reduce_all": ["bool", "float32"],
    "reduce_any": ["bool", "int32"],
    "reduce_logsumexp": ["float32", "float16", "int32"],
    "reduce_variance": ["float32", "complex64", "int32"],
    "reduce_std": ["float32", "float16", "int32"],
    "reduce_euclidean_norm": ["float32", "int32", "complex64"],
}
AXES = {
    (): [None],
    (5,): [0],
    (3, 4): [None, 1, [0, -1]],
    (2, 3, 4): [-2, [0, 2]],
    (0, 3): [None, 0],  # empty reductions
}
BARE = {  # the bare JAX expression each float32 reduction's gradient is compared with
    "reduce_sum": jnp.sum,
    "reduce_prod": jnp.prod,
    "reduce_max": jnp.max,
    "reduce_min": jnp.min,
    "reduce_mean": jnp.mean,
    "reduce_logsumexp": jax.nn.logsumexp,
    "reduce_variance": jnp.var,
    "reduce_std": jnp.std,
    "reduce_euclidean_norm": jnp.linalg.norm,
}
REDUCE_CASES = [(name, dtype) for name in sorted(REDUCE_DTYPES) for dtype in REDUCE_DTYPES[name]]


@pytest.mark.parametrize(("name", "dtype"), REDUCE_CASES)
def test_reduction_matches_tf_semantics(name, dtype):
    op = getattr(bm, name)
    rng = np.random.default_rng(REDUCE_CASES.index((name, dtype)))
    low, high = (-1, 2) if name == "reduce_prod" else (-3, 3)
    cases = []
    for shape, axes in AXES.items():
        x = sample(shape, dtype, rng, low, high)
        for k, axis in enumerate(axes):
            cases.append(((x,), {"axis": axis, "keepdims": k % 2 == 1}))
    for ((x,), kw), r in zip(cases, jit_grid(op, cases)):
        check(r, ref_reduce(name, x, kw["axis"], kw["keepdims"]), dtype)
        assert isinstance(r, bm.Array) == (raw(r).ndim > 0)  # 0-d: a raw JAX scalar
    # eager, on brainpy Arrays, with TensorFlow's positional order (axis, keepdims)
    x = sample((3, 4), dtype, rng, low, high)
    eager = op(bm.Array(x), 1, True)
    assert isinstance(eager, bm.Array)
    check(eager, ref_reduce(name, x, 1, True), dtype)
    check_same(jax.vmap(lambda row: op(row, axis=-1))(jnp.asarray(x)), raw(eager)[:, 0])
    if dtype == "float32" and name in BARE:
        xg = jnp.asarray(rng.permutation(12).reshape(3, 4) / 4.0 + 0.5, jnp.float32)
        ours = jax.grad(lambda v: jnp.sum(bm.as_jax(op(v, axis=1))))(xg)
        bare = jax.grad(lambda v: jnp.sum(BARE[name](v, axis=1)))(xg)
        np.testing.assert_allclose(ours, bare, rtol=1e-5, atol=1e-6)


def test_reduce_mean_integer_truncates_toward_zero():
    check(bm.reduce_mean(np.array([1, 2], np.int32)), np.int32(1))
    check(bm.reduce_mean(np.array([-1, -2], np.int32)), np.int32(-1))
    check(bm.reduce_mean(np.array([[7, -8], [1, 1]], np.int8), axis=1), np.array([0, 1], np.int8))


def test_reduce_logsumexp_is_stable_and_handles_infinities():
    x = np.array(
        [
            [1000.0, 1000.0],
            [-np.inf, -np.inf],
            [np.inf, 1.0],
            [np.inf, -np.inf],
            [np.nan, 1.0],
            [-1000.0, -1000.0],
        ],
        np.float32,
    )
    expected = ref_reduce("reduce_logsumexp", x, 1, False)
    check(bm.reduce_logsumexp(x, axis=1), expected)
    np.testing.assert_allclose(expected[[0, 5]], [1000 + np.log(2), -1000 + np.log(2)])
    assert expected[1] == -np.inf and expected[2] == expected[3] == np.inf
    assert np.isnan(expected[4])
    # gradient is the softmax, finite even where exp overflows
    g = jax.grad(lambda v: bm.reduce_logsumexp(v))(jnp.array([1000.0, 1000.0]))
    np.testing.assert_allclose(g, [0.5, 0.5])


def test_reduce_euclidean_norm_integer_like_tf():
    x = np.array([[1, 2, 3], [1, 1, 1]], np.int32)
    check(bm.reduce_euclidean_norm(x), np.int32(4))  # TF documents 4, not sqrt(17)
    check(bm.reduce_euclidean_norm(np.array([3, 4], np.int32)), np.int32(5))
    # sum of squares 40000**2 - 1: float32 rounds it to 40000**2, the exact answer is 39999
    x = np.array([39999, 282, 21, 5, 2, 2], np.int32)
    assert int(np.sum(x.astype(np.int64) ** 2)) == 40000**2 - 1
    check(bm.reduce_euclidean_norm(x), np.int32(39999))
    check(bm.reduce_euclidean_norm(np.array([46340, 200], np.int32)), np.int32(46340))


def test_reductions_accept_tf_and_2_3_5_keywords():
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    check(bm.reduce_sum(input_tensor=x, axis=0, keepdims=True), x.sum(0, keepdims=True))
    check(bm.reduce_sum(x, 1, keep_dims=True), x.sum(1, keepdims=True))
    check(bm.reduce_sum(x, axis=[0, 1], name="total"), x.sum())
    check(bm.reduce_sum(x, axis=jnp.array([1])), x.sum(1))
    check(bm.reduce_sum(x, 0, dtype=jnp.int32), x.sum(0).astype(np.int32))
    check(bm.reduce_std(x, 1, ddof=1), x.std(1, ddof=1))
    check(bm.reduce_max([[1, 5], [3, 2]], 0), np.array([3, 5], np.int32))  # nested lists
    check(bm.reduce_sum(3.5), np.float32(3.5))  # Python scalar
    v = bm.Variable(x)
    check(bm.reduce_mean(v, 0), x.mean(0))


# ------------------------------------------------------------------------------- segment ops
SORTED = ["sum", "prod", "max", "min", "mean"]
UNSORTED = ["sum", "prod", "max", "min", "mean", "sqrt_n"]
SEG_DTYPES = {
    "sum": ["float32", "int32", "float16", "complex64"],
    "prod": ["float32", "int32"],
    "max": ["float32", "int32"],
    "min": ["float32", "int32"],
    "mean": ["float32", "int32"],
    "sqrt_n": ["float32", "int32"],
}
SEG_CASES = [
    (f"{prefix}segment_{kind}", kind, unsorted, dtype)
    for prefix, kinds, unsorted in (("", SORTED, False), ("unsorted_", UNSORTED, True))
    for kind in kinds
    for dtype in SEG_DTYPES[kind]
]


def _segment_cases(dtype, rng, unsorted):
    """(data, segment_ids) cases with empty segments, trailing dims, and empty data."""
    if unsorted:  # -1 is dropped; 2 and 4 are empty
        ids, n = np.array([3, 0, 1, 0, 3, -1], np.int32), 5
    else:  # 2 is empty; num_segments=6 adds two empty trailing segments
        ids, n = np.array([0, 0, 1, 3, 3, 3], np.int32), 6
    cases = [((sample((6, 3), dtype, rng), ids), {"num_segments": n})]
    if unsorted:  # ids shaped like a prefix of data.shape (TF allows any rank)
        cases.append(((sample((2, 3, 2), dtype, rng), ids.reshape(2, 3)), {"num_segments": 7}))
    cases.append(((sample((0, 2), dtype, rng), np.zeros(0, np.int32)), {"num_segments": 3}))
    return cases


@pytest.mark.parametrize(("name", "kind", "unsorted", "dtype"), SEG_CASES)
def test_segment_matches_tf_semantics(name, kind, unsorted, dtype):
    op = getattr(bm, name)
    rng = np.random.default_rng(SEG_CASES.index((name, kind, unsorted, dtype)))
    cases = _segment_cases(dtype, rng, unsorted)
    for ((data, ids), kw), r in zip(cases, jit_grid(op, cases)):  # ids traced: n needed
        check(r, ref_segment(kind, data, ids, kw["num_segments"], unsorted=unsorted), dtype)
    # eager on brainpy Arrays; the sorted ops may omit num_segments (max(ids) + 1 rows)
    (data, ids), kw = cases[0]
    kw = {} if not unsorted else kw
    result = op(bm.Array(data), bm.Array(ids), **kw)
    assert isinstance(result, bm.Array)
    check(result, ref_segment(kind, data, ids, kw.get("num_segments"), unsorted=unsorted), dtype)
    batch = jnp.stack([jnp.asarray(data), jnp.asarray(data)[::-1]])
    check_same(
        jax.vmap(lambda d: op(d, ids, **kw))(batch),
        np.stack([raw(op(b, ids, **kw)) for b in batch]),
    )
    if dtype == "float32" and kind != "prod":  # JAX's scatter-multiply has no gradient
        d = jnp.asarray(rng.permutation(6 * 3).reshape(6, 3) / 4.0 + 0.5, jnp.float32)
        n = cases[0][1]["num_segments"]
        w = jnp.asarray(rng.uniform(-1, 1, (n, 3)), jnp.float32)
        ours = jax.grad(lambda v: jnp.sum(bm.as_jax(op(v, ids, n)) * w))(d)
        bare_fn = _bare_segment(kind, jnp.asarray(ids), n, unsorted)
        bare = jax.grad(lambda v: jnp.sum(bare_fn(v) * w))(d)
        np.testing.assert_allclose(ours, bare, rtol=1e-5, atol=1e-5)


def _bare_segment(kind, ids, n, unsorted):
    """The jax.ops expression (with TF's fill) whose gradient the wrapper must reproduce."""
    count = jax.ops.segment_sum(jnp.ones(ids.shape), ids, n)[:, None]
    if kind == "mean":
        return lambda v: jax.ops.segment_sum(v, ids, n) / jnp.maximum(count, 1)
    if kind == "sqrt_n":
        return lambda v: jax.ops.segment_sum(v, ids, n) / jnp.sqrt(jnp.maximum(count, 1))
    fun = getattr(jax.ops, f"segment_{kind}")
    if kind in ("sum", "prod"):
        return lambda v: fun(v, ids, n)
    if not unsorted:
        return lambda v: jnp.where(count > 0, fun(v, ids, n), 0.0)
    limit = jnp.finfo(jnp.float32).min if kind == "max" else jnp.finfo(jnp.float32).max
    clamp = jnp.maximum if kind == "max" else jnp.minimum
    return lambda v: clamp(fun(v, ids, n), limit)


def test_segment_examples_from_tf_and_2_3_5():
    x = np.array([1, 2, 3, 4, 5], np.int32)
    check(bm.segment_sum(x, [0, 0, 1, 3, 3]), np.array([3, 3, 0, 9], np.int32))
    c = np.array([[1, 2, 3, 4], [4, 3, 2, 1], [5, 6, 7, 8]], np.int32)
    check(bm.segment_max(c, [0, 0, 1]), np.array([[4, 3, 3, 4], [5, 6, 7, 8]], np.int32))
    check(
        bm.unsorted_segment_max(c[[0, 2, 1]], [0, 1, 0], 2),
        np.array([[4, 3, 3, 4], [5, 6, 7, 8]], np.int32),
    )
    xf = np.array([1, 2, 3, 4, 5], np.float32)
    check(bm.unsorted_segment_mean(xf, [3, 0, 1, 0, 3], 5), np.array([3, 3, 0, 3, 0], np.float32))
    check(
        bm.unsorted_segment_sqrt_n(xf, [3, 0, 1, 0, 3], 5),
        np.array([4.2426405, 3, 0, 4.2426405, 0], np.float32),
    )
    # an empty unsorted max/min segment, or one holding only -inf/+inf, is the finite limit
    inf = np.array([-np.inf, np.inf], np.float32)
    check(
        bm.unsorted_segment_max(inf, [0, 1], 3),
        np.array([np.finfo(np.float32).min, np.inf, np.finfo(np.float32).min], np.float32),
    )
    check(
        bm.unsorted_segment_min(inf, [0, 1], 3),
        np.array([-np.inf, np.finfo(np.float32).max, np.finfo(np.float32).max], np.float32),
    )


def test_segment_ops_compile_with_num_segments():
    ids = jnp.array([0, 0, 2])
    data = jnp.array([1.0, 2.0, 3.0])
    f = jax.jit(lambda d, i: bm.segment_mean(d, i, num_segments=4))
    check(f(data, ids), np.array([1.5, 0, 3, 0], np.float32))
    # without num_segments, concrete (closed-over) ids still work under jit
    check(jax.jit(lambda d: bm.segment_sum(d, ids))(data), np.array([3, 0, 3], np.float32))


# ------------------------------------------------------------------ concat, clip, cast
CONCAT_CASES = [
    ([((2, 3), "float32"), ((4, 3), "float32")], 0),
    ([((2, 3), "int32"), ((2, 1), "int32"), ((2, 2), "int32")], -1),
    ([((5,), "float32")], 0),
    ([((2, 0, 3), "float32"), ((2, 2, 3), "float32")], 1),
    ([((2, 3), "int32"), ((1, 3), "float32")], 0),
    ([((1, 2, 2), "bool"), ((1, 2, 1), "bool")], 2),
]


def test_concat_matches_numpy():
    rng = np.random.default_rng(11)
    cases = [
        (tuple(sample(s, d, rng) for s, d in specs), {"axis": axis}) for specs, axis in CONCAT_CASES
    ]
    results = jit_grid(lambda *a, axis: bm.concat(list(a), axis), cases)
    for (arrays, kw), r in zip(cases, results):
        expected = np.concatenate(arrays, kw["axis"])
        expected = expected.astype(jax.dtypes.canonicalize_dtype(expected.dtype))  # no x64
        check(r, expected)
        check(bm.concat([bm.Array(a) for a in arrays], axis=kw["axis"]), expected)
    a, b = (sample((3, 2, 2), "float32", rng) for _ in range(2))
    check(bm.concat(values=[a, b], axis=1), np.concatenate([a, b], 1))
    check_same(jax.vmap(lambda p, q: bm.concat([p, q], -1))(a, b), np.concatenate([a, b], -1))


def ref_clip(t, lo, hi):
    t = np.asarray(t)
    return np.maximum(np.minimum(t, hi), lo).astype(t.dtype)  # TF: min first, then max


CLIP_CASES = [
    ((3, 4), -1.0, 1.5),
    ((), 0.5, 2.0),
    ((3, 4), "row", 2.0),
    ((3, 4), -2.0, "col"),
    ((5,), 1.0, -1.0),  # min > max: TF gives clip_value_min
]


@pytest.mark.parametrize("dtype", ["float32", "int32", "float16"])
def test_clip_by_value_matches_tf_semantics(dtype):
    rng = np.random.default_rng(12)
    cases = []
    for shape, lo, hi in CLIP_CASES:
        t = sample(shape, dtype, rng)
        lo = sample((4,), dtype, rng) if lo == "row" else lo
        hi = sample((3, 1), dtype, rng) + 1 if hi == "col" else hi
        if dtype == "int32":
            lo = lo if isinstance(lo, np.ndarray) else int(lo)
            hi = hi if isinstance(hi, np.ndarray) else int(hi)
        cases.append(((t, np.asarray(lo, dtype), np.asarray(hi, dtype)), {}))
    for ((t, lo, hi), _), r in zip(cases, jit_grid(bm.clip_by_value, cases)):
        check(r, ref_clip(t, lo, hi), dtype)
    t = sample((3, 4), dtype, rng)
    lo, hi = (-1, 2) if dtype == "int32" else (-1.0, 2.0)
    check(
        bm.clip_by_value(bm.Array(t), clip_value_min=lo, clip_value_max=hi),
        ref_clip(t, lo, hi),
        dtype,
    )
    check_same(jax.vmap(lambda r: bm.clip_by_value(r, lo, hi))(jnp.asarray(t)), ref_clip(t, lo, hi))
    if dtype == "float32":
        g = jax.grad(lambda v: jnp.sum(bm.as_jax(bm.clip_by_value(v, -1.0, 2.0))))(jnp.asarray(t))
        bare = jax.grad(lambda v: jnp.sum(jnp.clip(v, -1.0, 2.0)))(jnp.asarray(t))
        np.testing.assert_array_equal(g, bare)


def ref_cast(x, dtype):
    x, dtype = np.asarray(x), np.dtype(dtype)
    if np.iscomplexobj(x) and dtype.kind != "c":
        x = (x != 0) if dtype == np.bool_ else x.real
    if dtype == np.bool_:
        return x != 0
    if dtype.kind in "iu" and x.dtype.kind in "fc":
        return np.trunc(x).astype(dtype)  # toward zero
    return x.astype(dtype)


CAST_SOURCES = {
    "float32": np.array([-2.9, -1.5, -0.5, -0.0, 0.0, 0.4, 1.5, 2.9, 100.7], np.float32),
    "int32": np.array([-3, -1, 0, 1, 2, 200], np.int32),
    "bool": np.array([True, False, True]),
    "complex64": np.array([1.5 + 2j, 0j, -0.7 - 1j, 2j], np.complex64),
    "float16": np.array([-1.5, 0.0, 0.25, 3.75], np.float16),
}
CAST_TARGETS = ["int32", "float32", "bool", "float16", "complex64", "int8"]


@pytest.mark.parametrize("source", sorted(CAST_SOURCES))
def test_cast_matches_tf_semantics(source):
    x = CAST_SOURCES[source]
    cases = [((x,), {"dtype": t}) for t in CAST_TARGETS]
    for ((_,), kw), r in zip(cases, jit_grid(bm.cast, cases)):
        check(r, ref_cast(x, kw["dtype"]))
    for target in CAST_TARGETS:
        result = bm.cast(bm.Array(x), target)
        assert isinstance(result, bm.Array)
        check(result, ref_cast(x, target))
        scalar = bm.cast(x[0], target)
        assert isinstance(scalar, bm.Array) and scalar.ndim == 0  # always an Array (2.3.5)
        check(scalar, ref_cast(x[0], target))
    check_same(jax.vmap(lambda v: bm.cast(v, "int32"))(jnp.asarray(x)), bm.cast(x, "int32"))
    if source == "float32":
        g = jax.grad(lambda v: jnp.sum(bm.as_jax(bm.cast(v, jnp.float16)).astype(jnp.float32)))
        np.testing.assert_array_equal(g(jnp.asarray(x)), np.ones_like(x))


# ----------------------------------------------------------------- out=, public surface
OUT_CALLS = {
    "concat": lambda x, out: bm.concat([x, x], out=out),
    "clip_by_value": lambda x, out: bm.clip_by_value(x, 0.3, 0.6, out=out),
    "cast": lambda x, out: bm.cast(x, jnp.float16, out=out),
    **{
        name: (lambda op: lambda x, out: op(x, 1, out=out))(getattr(bm, name))
        for name in REDUCE_DTYPES
    },
    **{
        f"segment_{k}": (lambda op: lambda x, out: op(x, [0, 1], out=out))(
            getattr(bm, f"segment_{k}")
        )
        for k in SORTED
    },
    **{
        f"unsorted_segment_{k}": (lambda op: lambda x, out: op(x, [1, 0], 2, out=out))(
            getattr(bm, f"unsorted_segment_{k}")
        )
        for k in UNSORTED
    },
}


def test_out_receives_the_result():
    x = jnp.asarray([[0.25, 0.5], [0.75, 0.125]], jnp.float32)
    assert set(OUT_CALLS) == set(compat_tensorflow.__all__)
    for name, call in sorted(OUT_CALLS.items()):
        expected = raw(call(x, None))
        for out in (
            bm.Variable(jnp.zeros(expected.shape, expected.dtype)),
            bm.Array(jnp.zeros(expected.shape, expected.dtype)),
        ):
            assert call(x, out) is None, name
            np.testing.assert_allclose(raw(out), expected, rtol=1e-6, err_msg=name)


def test_public_surface():
    names = set(compat_tensorflow.__all__)
    release = {
        "concat",
        "reduce_sum",
        "reduce_max",
        "reduce_min",
        "reduce_mean",
        "reduce_all",
        "reduce_any",
        "reduce_logsumexp",
        "reduce_prod",
        "reduce_std",
        "reduce_variance",
        "reduce_euclidean_norm",
        "unsorted_segment_sqrt_n",
        "segment_mean",
        "unsorted_segment_sum",
        "unsorted_segment_prod",
        "unsorted_segment_max",
        "unsorted_segment_min",
        "unsorted_segment_mean",
        "segment_sum",
        "segment_prod",
        "segment_max",
        "segment_min",
        "clip_by_value",
        "cast",
    }
    assert names == release
    assert names <= set(bm.__all__)
    for name in names:
        fn = getattr(bm, name)
        assert fn is getattr(compat_tensorflow, name)
        assert fn.__module__ == "brainpy_math"
        assert fn.__doc__.startswith(("BrainPy implementation of :func:`tf.",))
        assert "Examples:" in fn.__doc__ and ">>>" in fn.__doc__

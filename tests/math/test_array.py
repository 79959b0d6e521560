"""``bm.Array``: operators, NumPy methods and PyTorch methods, with NumPy (and torch) as oracle."""

from __future__ import annotations

import copy
import operator
import pickle

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_math.errors import TracerLeakError

SHAPES = [(), (3,), (2, 3), (2, 1, 4)]
DTYPES = [np.float32, np.int32, np.bool_, np.complex64]
KIND = {np.float32: "f", np.int32: "i", np.bool_: "b", np.complex64: "c"}


def make(shape, dtype, seed=0):
    """Deterministic data that is valid for every operator tested (no zeros, positive)."""
    rng = np.random.default_rng(seed)
    if dtype is np.bool_:
        return np.asarray(rng.random(shape) > 0.5)
    if dtype is np.int32:
        return np.asarray(rng.integers(1, 6, shape), dtype=np.int32)
    if dtype is np.complex64:
        return np.asarray(rng.random(shape) + 0.5 + 1j * (rng.random(shape) - 0.5), np.complex64)
    return np.asarray(rng.random(shape) * 2 + 0.5, dtype=dtype)


@pytest.fixture(autouse=True)
def _quiet_numpy():
    # The oracle may divide by zero (bool data): compare inf/nan rather than warn.
    with np.errstate(all="ignore"):
        yield


def scalar_for(dtype):
    return {np.float32: 1.5, np.int32: 2, np.bool_: True, np.complex64: 2.0}[dtype]


def assert_matches(result, expected, *, check_dtype=True, rtol=2e-5, atol=2e-5):
    """``result`` is an Array for ndim > 0 and a raw JAX scalar for 0-d; values match numpy."""
    expected = np.asarray(expected)
    if expected.ndim > 0:
        assert type(result) is bm.Array, type(result)
        got = result.value
    else:
        assert isinstance(result, jax.Array) and not isinstance(result, bm.Array), type(result)
        got = result
    assert got.shape == expected.shape
    if check_dtype:
        assert got.dtype == jax.dtypes.canonicalize_dtype(expected.dtype), (
            got.dtype,
            expected.dtype,
        )
    if expected.dtype.kind in "biu":
        np.testing.assert_array_equal(np.asarray(got), expected)
    else:
        np.testing.assert_allclose(np.asarray(got), expected, rtol=rtol, atol=atol)


# ---------------------------------------------------------------- operators
BINARY = [
    ("add", operator.add, "bifc"),
    ("sub", operator.sub, "ifc"),
    ("mul", operator.mul, "bifc"),
    ("truediv", operator.truediv, "bifc"),
    ("floordiv", operator.floordiv, "if"),
    ("mod", operator.mod, "if"),
    ("pow", operator.pow, "ifc"),
    ("and", operator.and_, "bi"),
    ("or", operator.or_, "bi"),
    ("xor", operator.xor, "bi"),
    ("lshift", operator.lshift, "i"),
    ("rshift", operator.rshift, "i"),
    ("eq", operator.eq, "bifc"),
    ("ne", operator.ne, "bifc"),
    ("lt", operator.lt, "bif"),
    ("le", operator.le, "bif"),
    ("gt", operator.gt, "bif"),
    ("ge", operator.ge, "bif"),
]
INPLACE = {
    "add": operator.iadd, "sub": operator.isub, "mul": operator.imul,
    "truediv": operator.itruediv, "floordiv": operator.ifloordiv, "mod": operator.imod,
    "pow": operator.ipow, "and": operator.iand, "or": operator.ior, "xor": operator.ixor,
    "lshift": operator.ilshift, "rshift": operator.irshift,
}  # fmt: skip
SHAPES_SMALL = [(), (2, 3)]


def cases_for(kinds, shapes=SHAPES_SMALL):
    return [(d, s) for d in DTYPES if KIND[d] in kinds for s in shapes]


# Compiling is what costs time on the CPU: each grid test runs all of its cases in one
# ``jax.jit`` (a function returning Arrays gives Arrays back, 0-d results stay raw, so
# the type checks still hold). ``test_operators_eagerly`` covers the eager path.


@pytest.mark.parametrize("name,op,kinds", BINARY, ids=[b[0] for b in BINARY])
def test_binary_operator(name, op, kinds):
    cases = cases_for(kinds)
    xs = [make(shape, dtype, 0) for dtype, shape in cases]
    ys = [make(shape, dtype, 1) for dtype, shape in cases]

    def run(xs, ys_traced):
        out = []
        for (dtype, shape), x, y, y_np in zip(cases, xs, ys_traced, ys):
            a, b, s = bm.Array(x), bm.Array(y), scalar_for(dtype)
            row = [op(a, b), op(a, s), op(s, a)]  # Array-Array, scalar right, reflected
            if shape:
                row.append(op(y_np, a))  # reflected, numpy array on the left
            out.append(row)
        return out

    results = jax.jit(run)(xs, ys)
    for (dtype, shape), x, y, row in zip(cases, xs, ys, results):
        s = scalar_for(dtype)
        expected = [op(x, y), op(x, s), op(s, x)] + ([op(y, x)] if shape else [])
        for got, exp in zip(row, expected, strict=True):
            assert_matches(got, exp)


def test_operators_eagerly():
    x, y = make((2, 3), np.float32, 0), make((2, 3), np.float32, 1)
    a = bm.Array(x)
    for name, op, _ in BINARY:
        if name in ("add", "truediv", "pow", "lt", "eq"):
            assert_matches(op(a, y), op(x, y))
            assert_matches(op(y, a), op(y, x))
            assert_matches(op(x[0, 0], a), op(x[0, 0], x))  # numpy scalar on the left
    assert_matches(a + [1.0, 2.0, 3.0], x + [1.0, 2.0, 3.0])  # lists, as numpy
    assert_matches(a + bm.Array(1.0), x + np.float32(1.0))
    assert_matches(bm.Array(2.0) * bm.Array(3.0), np.float32(6.0))
    b = bm.Array(x)
    b += y
    b -= 1
    b *= 2
    b /= 4
    np.testing.assert_allclose(np.asarray(b), (x + y - 1) * 2 / 4, rtol=1e-6)


@pytest.mark.parametrize("name,op,kinds", [b for b in BINARY if b[0] in INPLACE], ids=list(INPLACE))
def test_inplace_operator(name, op, kinds):
    iop = INPLACE[name]
    good, expected_values = [], []
    for dtype, shape in cases_for(kinds):
        x, y = make(shape, dtype, 0), make(shape, dtype, 1)
        for other in (y, scalar_for(dtype)):
            expected = x.copy()
            try:
                expected = iop(expected, other)
            except TypeError:  # NumPy refuses to cast back (same_kind): so do we
                with pytest.raises(TypeError, match="same_kind"):
                    jax.make_jaxpr(lambda x, o: iop(bm.Array(x), bm.Array(o)))(x, other)
                continue
            good.append((x, other))
            expected_values.append(expected)

    def run(pairs):
        out = []
        for x, other in pairs:
            a = bm.Array(x)
            assert iop(a, bm.Array(other)) is a
            out.append(a)
        return out

    for got, (x, _), exp in zip(jax.jit(run)(good), good, expected_values):
        assert got.dtype == x.dtype and got.shape == x.shape
        np.testing.assert_allclose(np.asarray(got.value), exp, rtol=2e-5)


def test_inplace_refuses_broadcast_to_larger_shape():
    a = bm.ones(3)
    with pytest.raises(ValueError, match=r"shape \(2, 3\)"):
        a += bm.ones((2, 3))
    np.testing.assert_array_equal(np.asarray(a), np.ones(3))


def test_inplace_keeps_strong_dtype():
    a = bm.zeros(3, dtype=jnp.float32)
    a += bm.arange(3) * 1.0  # a weakly typed float32 result
    assert not a.value.weak_type


def test_inplace_on_variable_keeps_identity():
    v = bm.Variable(bm.zeros(3, dtype=jnp.int32))
    w = v
    v += 2
    v *= 3
    v //= 4
    assert v is w and type(v) is bm.Variable
    np.testing.assert_array_equal(np.asarray(v), [1, 1, 1])
    with pytest.raises(TypeError):
        v += 1.5


UNARY = [
    ("neg", operator.neg, "ifc"),
    ("pos", operator.pos, "ifc"),
    ("abs", operator.abs, "ifc"),
    ("invert", operator.invert, "bi"),
]


@pytest.mark.parametrize("name,op,kinds", UNARY, ids=[u[0] for u in UNARY])
def test_unary_operator(name, op, kinds):
    cases = cases_for(kinds)
    xs = [make(shape, dtype) for dtype, shape in cases]
    results = jax.jit(lambda xs: [op(bm.Array(x)) for x in xs])(xs)
    for got, x in zip(results, xs):
        assert_matches(got, op(x))
    assert_matches(op(bm.Array(xs[-1])), op(xs[-1]))  # eagerly too


def compare_jitted(fns, x, **kwargs):
    """Each ``fn`` works on a brainpy Array and on a numpy array alike: compare the two,
    evaluating all Array calls in one ``jax.jit``."""
    got = jax.jit(lambda x: [f(bm.Array(x)) for f in fns])(x)
    for f, g in zip(fns, got):
        exp = f(x)
        if isinstance(exp, (list, tuple)):
            assert len(g) == len(exp)
            for gi, ei in zip(g, exp):
                assert_matches(gi, ei, **kwargs)
        else:
            assert_matches(g, exp, **kwargs)


def test_matmul():
    m = make((3, 3), np.float32, 2)
    batch = make((4, 2, 3), np.float32)
    for shape in [(3,), (2, 3)]:
        x = make(shape, np.float32)
        compare_jitted([lambda a: a @ m, lambda a: m @ a.T, lambda a: a @ a.T], x)
    a = bm.Array(batch)
    assert_matches(a @ bm.Array(m), batch @ m)
    a @= m
    np.testing.assert_allclose(np.asarray(a), batch @ m, rtol=2e-5)


@pytest.mark.parametrize("dtype", [np.float32, np.int32], ids=lambda d: d.__name__)
def test_divmod(dtype):
    for shape in SHAPES_SMALL:
        x, y = make(shape, dtype, 0), make(shape, dtype, 1)
        compare_jitted(
            [lambda a, y=y: divmod(a, y), lambda a: divmod(3, a), lambda a: divmod(a, 2)], x
        )
    q, r = divmod(bm.Array(x), bm.Array(y))
    assert_matches(q, x // y)
    assert_matches(r, x % y)


def test_round():
    x = np.array([1.5, 2.5, -0.5, 1.26], np.float32)
    r = round(bm.Array(x))
    assert type(r) is bm.Array and r.dtype == jnp.int32
    np.testing.assert_array_equal(np.asarray(r), np.round(x).astype(np.int32))
    np.testing.assert_allclose(np.asarray(round(bm.Array(x), 1)), np.round(x, 1), rtol=1e-6)
    assert round(bm.Array(2.5)) == 2 and not isinstance(round(bm.Array(2.5)), bm.Array)


# ------------------------------------------------------------ python protocol
def test_python_protocol():
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    a = bm.Array(x)
    assert len(a) == 2
    rows = list(a)
    assert len(rows) == 2 and type(rows[0]) is not bm.Array
    np.testing.assert_array_equal(np.asarray(rows[1]), x[1])
    assert 4.0 in a and 7.0 not in a and bm.Array(4.0) in a
    assert format(bm.Array(1.5), ".2f") == "1.50"
    assert f"{bm.Array(3)}" == "3"
    assert bool(bm.Array([1])) and not bool(bm.Array(0.0))
    assert int(bm.Array(3.7)) == 3 and float(bm.Array(2)) == 2.0
    assert complex(bm.Array(1 + 2j)) == 1 + 2j
    assert [10, 11, 12][bm.Array(1)] == 11  # __index__
    assert hash(a) == hash(a) and {a: 1}[a] == 1
    assert np.asarray(a).dtype == np.float32
    assert np.asarray(a, dtype=np.float64).dtype == np.float64


def test_getitem_returns_jax_and_setitem_updates():
    x = np.arange(12, dtype=np.float32).reshape(3, 4)
    a = bm.Array(x)
    got = a[bm.Array([0, 2]), 1:3]
    assert type(got) is not bm.Array
    np.testing.assert_array_equal(np.asarray(got), x[[0, 2], 1:3])
    a[bm.Array([0, 2])] = bm.Array(np.zeros(4, np.float32))
    x[[0, 2]] = 0
    a[1, 1] = 9
    x[1, 1] = 9
    np.testing.assert_array_equal(np.asarray(a), x)


def test_repr_and_module():
    assert bm.Array.__module__ == "brainpy_math" and bm.Tensor is bm.Array
    assert bm.ndarray is bm.Array
    assert repr(bm.Array([1.0, 2.0])) == "Array([1., 2.], dtype=float32)"
    assert repr(bm.Variable(jnp.zeros((2, 2)))) == (
        "Variable([[0., 0.],\n          [0., 0.]], dtype=float32)"
    )


def test_metadata():
    x = make((2, 3), np.complex64)
    a = bm.Array(x)
    assert a.shape == (2, 3) and a.ndim == 2 and a.size == 6 and a.dtype == np.complex64
    assert a.itemsize == 8 and a.nbytes == 48
    assert_matches(a.T, x.T)
    assert_matches(a.mT, np.swapaxes(x, -1, -2))
    assert_matches(a.real, x.real)
    assert_matches(a.imag, x.imag)
    assert np.asarray(a.at[0, 0].set(0)).shape == (2, 3)
    assert a.device is not None and len(a.devices()) == 1 and a.sharding is not None
    assert a.block_until_ready() is a
    assert isinstance(a.to_numpy(), np.ndarray) and a.numpy(np.complex128).dtype == np.complex128
    assert a.to_jax() is a.value and a.to_jax(jnp.complex64).dtype == jnp.complex64
    v = a.as_variable()
    assert type(v) is bm.Variable and v.shape == a.shape


# ------------------------------------------------------------ numpy methods
REDUCTIONS = [
    ("sum", "bifc"), ("prod", "bifc"), ("mean", "bifc"), ("max", "bif"), ("min", "bif"),
    ("std", "fc"), ("var", "fc"), ("ptp", "if"), ("all", "bifc"), ("any", "bifc"),
]  # fmt: skip


@pytest.mark.parametrize("name,kinds", REDUCTIONS, ids=[r[0] for r in REDUCTIONS])
def test_reduction_methods(name, kinds):
    cases = [
        (dtype, shape, axis, keepdims)
        for dtype, shape in cases_for(kinds)
        for axis in ([None, 0, -1] if shape else [None])
        for keepdims in (False, True)
    ]
    xs = [make(shape, dtype) for dtype, shape, _, _ in cases]

    def run(xs):
        return [
            getattr(bm.Array(x), name)(axis=axis, keepdims=keepdims)
            for x, (_, _, axis, keepdims) in zip(xs, cases)
        ]

    for got, x, (_, _, axis, keepdims) in zip(jax.jit(run)(xs), xs, cases):
        assert_matches(got, getattr(np, name)(x, axis=axis, keepdims=keepdims))


@pytest.mark.parametrize("name", ["argmax", "argmin", "cumsum", "cumprod"])
def test_index_and_cumulative_methods(name):
    cases = [(d, s, axis) for d, s in cases_for("bif", SHAPES[1:]) for axis in (None, 0, -1)]
    xs = [make(shape, dtype) for dtype, shape, _ in cases]
    run = jax.jit(lambda xs: [getattr(bm.Array(x), name)(axis=c[2]) for x, c in zip(xs, cases)])
    for got, x, (_, _, axis) in zip(run(xs), xs, cases):
        assert_matches(got, getattr(np, name)(x, axis=axis))


def test_reduction_methods_out_and_where():
    x = make((2, 3), np.float32)
    out = bm.zeros(3)
    assert bm.Array(x).sum(axis=0, out=out) is None
    np.testing.assert_allclose(np.asarray(out), x.sum(0), rtol=1e-6)
    v = bm.Variable(bm.zeros(2))
    bm.Array(x).max(1, v)
    np.testing.assert_allclose(np.asarray(v), x.max(1))
    with pytest.raises(TypeError, match="Array.mean: out must be a brainpy Array"):
        bm.Array(x).mean(out=np.zeros(()))
    mask = x > 1.0
    assert_matches(bm.Array(x).sum(where=bm.Array(mask)), np.sum(x, where=mask))
    assert_matches(bm.Array(x).max(initial=100.0), np.max(x, initial=100.0))


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
def test_shape_methods(dtype):
    x = make((2, 3, 4), dtype)
    target = np.complex64 if dtype is np.complex64 else np.float32
    compare_jitted(
        [
            lambda a: a.reshape(4, 6),
            lambda a: a.reshape((4, 6)),
            lambda a: a.reshape(-1),
            lambda a: a.transpose(),
            lambda a: a.transpose(1, 0, 2),
            lambda a: a.transpose((2, 0, 1)),
            lambda a: a.swapaxes(0, 2),
            lambda a: a.flatten(),
            lambda a: a.ravel(),
            lambda a: a.repeat(2, axis=1),
            lambda a: a.repeat(2),
            lambda a: a.diagonal(),
            lambda a: a.diagonal(1, 1, 2),
            lambda a: a.copy(),
            lambda a: a.conj(),
            lambda a: a.conjugate(),
            lambda a: a.astype(target),
            lambda a: a.reshape(1, 6, 4, 1).squeeze(),
            lambda a: a.reshape(1, 6, 4, 1).squeeze(axis=0),
            lambda a: a.T,
        ],
        x,
    )
    a = bm.Array(x)
    assert_matches(a.tile((2, 1)), np.tile(x, (2, 1)))
    for got, exp in zip(a.split(2, axis=2), np.split(x, 2, axis=2), strict=True):
        assert_matches(got, exp)
    assert a.astype(None).dtype == x.dtype
    assert a.tolist() == x.tolist()
    assert a.tobytes() == x.tobytes()
    assert a.item(1) == x.item(1) and bm.Array(x[0, 0, 0]).item() == x.item(0)


def test_selection_methods():
    x = make((3, 4), np.float32)
    idx = np.array([0, 2, 5])
    s = np.sort(x.ravel())
    compare_jitted(
        [
            lambda a: a.take(idx),
            lambda a: a.take(idx, axis=1, mode="clip"),
            lambda a: a.clip(1.0, 2.0),
            lambda a: a.clip(max=1.5),
            lambda a: (a * 10).round(),
            lambda a: a.round(1),
            lambda a: a.dot(x.T),
            lambda a: a.trace(),
            lambda a: a.trace(offset=1),
            lambda a: a.argsort(),
            lambda a: a.argsort(axis=0),
            lambda a: a.cumsum(),
            lambda a: a.cumprod(axis=1),
        ],
        x,
    )
    assert_matches(bm.Array(s).searchsorted(bm.Array(x[0])), s.searchsorted(x[0]))
    assert_matches(bm.Array(s).searchsorted(x[0], side="right"), s.searchsorted(x[0], "right"))
    choices = [make((4,), np.float32, i) for i in range(3)]
    which = np.array([0, 2, 1, 0])
    assert_matches(bm.Array(which).choose(choices), which.choose(choices))
    assert_matches(bm.Array(x).take(bm.Array(idx)), x.take(idx))
    mask = [True, False, True]
    assert_matches(bm.Array(x).compress(mask, axis=0), x.compress(mask, axis=0))
    nz = bm.Array(x > 1.0).nonzero()
    for got, exp in zip(nz, (x > 1.0).nonzero()):
        assert_matches(got, exp)
    part = bm.Array(x).argpartition(1, axis=1)
    np.testing.assert_array_equal(
        np.sort(np.take_along_axis(x, np.asarray(part), 1)[:, :2], axis=1),
        np.sort(x, axis=1)[:, :2],
    )


def test_inplace_numpy_methods():
    x = make((3, 4), np.float32)
    a = bm.Array(x)
    assert a.sort() is None
    np.testing.assert_array_equal(np.asarray(a), np.sort(x))
    a = bm.Array(x)
    a.sort(axis=0)
    np.testing.assert_array_equal(np.asarray(a), np.sort(x, axis=0))
    a.fill(3)
    assert a.dtype == np.float32 and np.all(np.asarray(a) == 3)
    b = bm.Array(np.arange(6).reshape(2, 3))
    b.put([0, 4], [10, 20])  # flat indices, as numpy
    e = np.arange(6).reshape(2, 3)
    e.put([0, 4], [10, 20])
    np.testing.assert_array_equal(np.asarray(b), e)
    c = bm.Array(np.arange(6, dtype=np.int32))
    c.resize(2, 2)
    np.testing.assert_array_equal(np.asarray(c), [[0, 1], [2, 3]])
    c.resize((2, 3))
    np.testing.assert_array_equal(np.asarray(c), [[0, 1, 2], [3, 0, 0]])
    d = bm.Array(np.array([1, 256], np.int32))
    assert_matches(d.byteswap(), np.array([1, 256], np.int32).byteswap())
    assert d.byteswap(inplace=True) is d
    np.testing.assert_array_equal(np.asarray(d), np.array([1, 256], np.int32).byteswap())


def test_view_with_dtype():
    x = np.array([1.0, -2.0], np.float32)
    assert_matches(bm.Array(x).view(np.int32), x.view(np.int32))
    assert_matches(bm.Array(x).view(dtype=np.uint32), x.view(np.uint32))
    assert_matches(bm.Array(x).view(), x)
    with pytest.raises(ValueError, match="not both"):
        bm.Array(x).view(2, dtype=np.int32)


# ------------------------------------------------------------ torch methods


@pytest.fixture(scope="module")
def torch():
    return pytest.importorskip("torch")


@pytest.mark.parametrize(
    "shape,sizes",
    [
        ((6, 1, 1), (1, 6, 4, -1)),
        ((3, 1), (3, 4)),
        ((3, 1), (-1, 4)),
        ((3, 1), (2, 3, 4)),
        ((3, 1), ((2, 3, 4),)),
        ((1,), (0,)),
        ((), (2, 3)),
        ((2, 3), (2, 3)),
        ((1, 3), (5, -1)),
    ],
    ids=str,
)
def test_expand_matches_torch(torch, shape, sizes):
    x = make(shape, np.float32)
    got = bm.Tensor(x).expand(*sizes)
    exp = torch.from_numpy(x).expand(*sizes).numpy()
    assert type(got) is bm.Array
    np.testing.assert_array_equal(np.asarray(got), exp)


@pytest.mark.parametrize(
    "shape,sizes",
    [((3,), (2, 4)), ((3, 1), (3,)), ((3, 1), (-1, 3, 4)), ((2, 3), (2, -2))],
    ids=str,
)
def test_expand_errors_like_torch(torch, shape, sizes):
    x = make(shape, np.float32)
    with pytest.raises(RuntimeError):
        torch.from_numpy(x).expand(*sizes)
    with pytest.raises(ValueError, match="Array.expand"):
        bm.Tensor(x).expand(*sizes)


def test_expand_as_unsqueeze_view(torch):
    x = make((3, 1), np.float32)
    t = torch.from_numpy(x)
    other = np.zeros((2, 3, 5), np.float32)
    np.testing.assert_array_equal(
        np.asarray(bm.Tensor(x).expand_as(bm.Array(other))), t.expand_as(torch.from_numpy(other))
    )
    for dim in (0, 1, 2, -1, -3):
        got = bm.Tensor(x).unsqueeze(dim)
        assert type(got) is bm.Array and got.shape == tuple(t.unsqueeze(dim).shape)
    assert bm.Tensor(x).expand_dims((0, 2)).shape == np.expand_dims(x, (0, 2)).shape
    y = make((2, 3, 4), np.float32)
    ty = torch.from_numpy(y)
    for args in [(6, 4), ((4, 6),), (-1,), (2, -1, 2), ([24],)]:
        np.testing.assert_array_equal(np.asarray(bm.Tensor(y).view(*args)), ty.view(*args).numpy())
    np.testing.assert_array_equal(
        np.asarray(bm.Tensor(y).view(jnp.int32)), ty.view(torch.int32).numpy()
    )


ELEMENTWISE = {
    "abs": lambda x: x - 1.5, "absolute": lambda x: x - 1.5,
    "sin": None, "cos": None, "tan": None, "sinh": None, "cosh": None, "tanh": None,
    "arcsin": lambda x: x * 0.35, "asin": lambda x: x * 0.35,
    "arccos": lambda x: x * 0.35, "acos": lambda x: x * 0.35,
    "arctan": None, "atan": None, "arcsinh": None, "asinh": None,
    "arccosh": lambda x: x + 1.0, "acosh": lambda x: x + 1.0,
    "arctanh": lambda x: x * 0.35, "atanh": lambda x: x * 0.35,
}  # fmt: skip
ELEMENTWISE_NP = {
    n: {
        "asin": "arcsin",
        "acos": "arccos",
        "atan": "arctan",
        "asinh": "arcsinh",
        "acosh": "arccosh",
        "atanh": "arctanh",
    }.get(n, n)
    for n in ELEMENTWISE
}


@pytest.mark.parametrize("name", sorted(ELEMENTWISE))
def test_elementwise_methods_match_torch(torch, name):
    xs = []
    for shape in [(), (2, 3)]:
        x = make(shape, np.float32)
        xs.append(x if ELEMENTWISE[name] is None else np.asarray(ELEMENTWISE[name](x), np.float32))

    def run(xs):
        out = []
        for x in xs:
            plain = getattr(bm.Tensor(x), name)()
            into = bm.Array(jnp.zeros(x.shape))
            assert getattr(bm.Tensor(x), name)(out=into) is None
            inplace = bm.Tensor(x)
            assert getattr(inplace, name + "_")() is inplace
            out.append((plain, into, inplace))
        return out

    for (plain, into, inplace), x in zip(jax.jit(run)(xs), xs):
        exp = getattr(torch.from_numpy(x), name)().numpy()
        assert_matches(plain, exp)
        np.testing.assert_allclose(np.asarray(into.value), exp, rtol=2e-5, atol=2e-6)
        exp_ = getattr(torch.from_numpy(x.copy()), name + "_")().numpy()
        np.testing.assert_allclose(np.asarray(inplace.value), exp_, rtol=2e-5, atol=2e-6)
    assert_matches(getattr(bm.Tensor(xs[1]), name)(), getattr(np, ELEMENTWISE_NP[name])(xs[1]))


def test_inplace_elementwise_refuses_int():
    a = bm.Array([1, 2])
    with pytest.raises(TypeError, match="Array.sin_"):
        a.sin_()
    assert a.abs_() is a and a.dtype == jnp.int32


@pytest.mark.parametrize("shape", [(), (2, 3)], ids=str)
def test_clamp_and_friends_match_torch(torch, shape):
    x = make(shape, np.float32)
    t = torch.from_numpy(x)
    np.testing.assert_allclose(np.asarray(bm.Tensor(x).clamp(1.0, 2.0)), t.clamp(1.0, 2.0))
    np.testing.assert_allclose(np.asarray(bm.Tensor(x).clamp(min=1.0)), t.clamp(min=1.0))
    np.testing.assert_allclose(np.asarray(bm.Tensor(x).clamp(max=1.0)), t.clamp(max=1.0))
    np.testing.assert_allclose(
        np.asarray(bm.Tensor(x).clamp(min_value=1.0, max_value=2.0)), t.clamp(1.0, 2.0)
    )
    for method in ("clamp_", "clip_"):
        a = bm.Tensor(x)
        assert getattr(a, method)(1.0, 2.0) is a
        np.testing.assert_allclose(np.asarray(a), t.clone().clamp_(1.0, 2.0))
    out = bm.Array(np.zeros(shape, np.float32))
    bm.Tensor(x).clamp(1.0, 2.0, out=out)
    np.testing.assert_allclose(np.asarray(out), t.clamp(1.0, 2.0))


def test_products_match_torch(torch):
    x, v1, v2 = make((3, 4), np.float32, 0), make((3,), np.float32, 1), make((4,), np.float32, 2)
    t = torch.from_numpy(x)
    tv1, tv2 = torch.from_numpy(v1), torch.from_numpy(v2)
    np.testing.assert_allclose(np.asarray(bm.Tensor(v1).outer(v2)), tv1.outer(tv2), rtol=1e-6)
    np.testing.assert_allclose(np.asarray(bm.Tensor(x).pow(2)), t.pow(2), rtol=1e-6)
    np.testing.assert_allclose(np.asarray(bm.Tensor(x).pow(bm.Array(x))), t.pow(t), rtol=1e-5)
    exp = t.addr(tv1, tv2, beta=0.5, alpha=2.0)
    np.testing.assert_allclose(
        np.asarray(bm.Tensor(x).addr(v1, bm.Array(v2), beta=0.5, alpha=2.0)), exp, rtol=1e-6
    )
    a = bm.Tensor(x)
    assert a.addr_(v1, v2, beta=0.5, alpha=2.0) is a
    np.testing.assert_allclose(np.asarray(a), exp, rtol=1e-6)
    out = bm.zeros((3, 4))
    assert bm.Tensor(x).addr(v1, v2, out=out) is None
    np.testing.assert_allclose(np.asarray(out), t.addr(tv1, tv2), rtol=1e-6)


def test_fill_copy_clone_match_torch(torch):
    x = make((2, 3), np.float32)
    a = bm.Tensor(x)
    assert a.zero_() is a and np.all(np.asarray(a) == 0)
    assert a.fill_(2.5) is a and np.all(np.asarray(a) == 2.5)
    src = make((3,), np.float32, 5)
    assert a.copy_(src) is a
    np.testing.assert_array_equal(np.asarray(a), torch.zeros(2, 3).copy_(torch.from_numpy(src)))
    i = bm.Tensor(np.zeros((2, 3), np.int32))
    i.copy_(np.full(3, 1.7, np.float32))  # cast, as torch
    np.testing.assert_array_equal(
        np.asarray(i), torch.zeros(2, 3, dtype=torch.int32).copy_(torch.full((3,), 1.7))
    )
    c = a.clone()
    assert type(c) is bm.Array and c is not a
    np.testing.assert_array_equal(np.asarray(c), np.asarray(a))
    d = a.detach()
    assert type(d) is bm.Array
    assert a.cpu() is a


def test_dtype_and_size_methods_match_torch(torch):
    x = make((2, 3), np.float32) - 1.5
    t = torch.from_numpy(x)
    a = bm.Tensor(x)
    pairs = [("bool", jnp.bool_), ("int", jnp.int32), ("half", jnp.float16), ("float", jnp.float32)]
    for method, dtype in pairs:
        got = getattr(a, method)()
        assert got.dtype == dtype
        np.testing.assert_array_equal(np.asarray(got), getattr(t, method)().numpy())
    assert a.double().dtype == jax.dtypes.canonicalize_dtype(jnp.float64)
    assert a.long().dtype == jax.dtypes.canonicalize_dtype(jnp.int64)
    np.testing.assert_array_equal(np.asarray(a.long()), t.long().numpy())
    assert a.type() == jnp.float32 and a.type(jnp.int32).dtype == jnp.int32
    assert a.numel() == t.numel() == a.size and a.nelement() == 6 and a.dim() == t.dim()


def test_cov_with():
    x, y = make((3, 5), np.float32, 0), make((3, 5), np.float32, 1)
    assert_matches(bm.Array(x).cov_with(), np.cov(x), check_dtype=False)
    assert_matches(bm.Array(x).cov_with(bm.Array(y)), np.cov(x, y), check_dtype=False)
    assert_matches(
        bm.Array(x).cov_with(rowvar=False, ddof=0),
        np.cov(x, rowvar=False, ddof=0),
        check_dtype=False,
    )


# ------------------------------------------------------------ tracing rules
def test_tracer_leak_raises_under_jit():
    a = bm.Array([1.0, 2.0])

    def attempts(x):
        return [
            lambda: setattr(a, "value", x),
            lambda: a.__iadd__(x),
            lambda: a.__setitem__(0, x[0]),
            lambda: a.fill(x[0]),
            lambda: a.sin_(),
            lambda: a.sort(),
        ]

    for i in range(6):

        @jax.jit
        def f(x, i=i):
            attempts(x)[i]()
            return x

        with pytest.raises(TracerLeakError, match="Variable"):
            f(jnp.ones(2))
    np.testing.assert_array_equal(np.asarray(a), [1.0, 2.0])


def test_tracer_leak_raises_under_grad():
    a = bm.Array(1.0)

    def loss(x):
        a.value = x
        return x

    with pytest.raises(TracerLeakError):
        jax.grad(loss)(1.0)


def test_arrays_created_inside_a_trace_and_variables_can_be_updated():
    @jax.jit
    def f(x):
        b = bm.Array(x)
        b += 1
        b[0] = 10.0
        b.sin_()
        return b

    out = f(jnp.zeros(3))
    assert type(out) is bm.Array
    np.testing.assert_allclose(np.asarray(out), np.sin([10.0, 1.0, 1.0]), rtol=1e-6)

    v = bm.Variable(jnp.zeros(3))

    @bm.jit
    def g():
        v.value += 1
        v.cos_()

    g()
    np.testing.assert_allclose(np.asarray(v), np.cos(np.ones(3)), rtol=1e-6)


def test_methods_under_jit_and_vmap():
    x = make((4, 3), np.float32)

    def f(v):
        a = bm.Array(v)
        return (a.sum(axis=-1) + a.max() * a.mean(0).sum() + (a @ a.T).trace()).value

    exp = f(x)
    np.testing.assert_allclose(np.asarray(jax.jit(f)(x)), np.asarray(exp), rtol=1e-5)

    def row(v):
        a = bm.Array(v)
        return (a.expand(2, 3) * a.clamp(0.8, 1.6)).sum()

    got = jax.vmap(row)(x)
    np.testing.assert_allclose(
        np.asarray(got), [2 * (r * np.clip(r, 0.8, 1.6)).sum() for r in x], rtol=1e-5
    )


# ------------------------------------------------------------ pickle / copy
@pytest.mark.parametrize("cls", [bm.Array, bm.Variable, bm.TrainVar], ids=lambda c: c.__name__)
def test_pickle_round_trip(cls):
    x = make((2, 3), np.float32)
    kwargs = {} if cls is bm.Array else {"batch_axis": 0}
    a = cls(x, **kwargs)
    b = pickle.loads(pickle.dumps(a))
    assert type(b) is cls and b is not a and b.dtype == a.dtype
    np.testing.assert_array_equal(np.asarray(b), x)
    if cls is not bm.Array:
        assert b.batch_axis == 0
    assert b"brainpy_math\x94\x8c\x05Array" in pickle.dumps(bm.Array(x))


@pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy], ids=["copy", "deepcopy"])
@pytest.mark.parametrize("cls", [bm.Array, bm.Variable], ids=lambda c: c.__name__)
def test_copy(copier, cls):
    a = cls(jnp.arange(3.0))
    b = copier(a)
    assert type(b) is cls and b is not a
    b += 1
    np.testing.assert_array_equal(np.asarray(a), [0.0, 1.0, 2.0])
    np.testing.assert_array_equal(np.asarray(b), [1.0, 2.0, 3.0])
    if copier is copy.deepcopy:
        nested = copier({"x": a, "y": [a]})
        assert nested["x"] is not a and nested["y"][0] is nested["x"]


def test_pytree():
    a = bm.Array(jnp.ones(2))
    leaves, tree = jax.tree_util.tree_flatten({"a": a})
    assert len(leaves) == 1 and type(leaves[0]) is not bm.Array
    back = jax.tree_util.tree_unflatten(tree, leaves)
    assert type(back["a"]) is bm.Array


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.int64, np.bool_, np.uint8])
def test_numpy_input_is_copied_with_the_canonical_dtype(dtype):
    host = np.zeros(5, dtype)
    for made in (bm.Array(host), bm.Variable(host), bm.as_jax(host)):
        value = bm.as_jax(made)
        assert value.dtype == jax.dtypes.canonicalize_dtype(dtype)
        assert value.dtype == jnp.asarray(host).dtype
    a = bm.Array(host)
    host[0] = 1
    assert not bool(a[0])  # a copy, not a view of the NumPy buffer

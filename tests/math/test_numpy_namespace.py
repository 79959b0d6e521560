"""The NumPy namespace of ``brainpy_math``: complete, Array in/out, ``out=``, NumPy as oracle."""

from __future__ import annotations

import inspect
import types

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_math._src.numpy_extras import EXTRAS
from brainpy_math._src.wrapping import wrap_jax_function

DTYPES = [np.float32, np.int32, np.bool_, np.complex64]
KIND = {np.float32: "f", np.int32: "i", np.bool_: "b", np.complex64: "c"}
SHAPES = [(), (2, 3)]


def make(shape, dtype, seed=0):
    """Deterministic data, positive and free of zeros."""
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
    with np.errstate(all="ignore"):
        yield


def assert_matches(result, expected, *, check_dtype=True, rtol=2e-5, atol=2e-5):
    """An Array for ndim > 0, a raw JAX scalar for 0-d, with numpy's values (and dtype)."""
    if isinstance(expected, (tuple, list)):
        assert isinstance(result, (tuple, list)) and len(result) == len(expected)
        for r, e in zip(result, expected):
            assert_matches(r, e, check_dtype=check_dtype, rtol=rtol, atol=atol)
        return
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


# ------------------------------------------------------------ completeness
def _public_jnp():
    return [
        n
        for n in dir(jnp)
        if not n.startswith("_") and not isinstance(getattr(jnp, n), types.ModuleType)
    ]


def test_every_jax_numpy_name_is_exported():
    missing = [n for n in _public_jnp() if not hasattr(bm, n) or n not in bm.__all__]
    assert not missing


def test_functions_are_wrapped_and_the_rest_passes_through():
    for name in _public_jnp():
        ours, theirs = getattr(bm, name), getattr(jnp, name)
        if name == "ndarray":
            assert ours is bm.Array
        elif name == "identity":  # 2.3.5's bm.identity is the activation function
            assert ours is bm.activations.identity and bm.compat_numpy.identity is not ours
        elif isinstance(theirs, type) or not callable(theirs):
            assert ours is theirs, name
        else:
            assert ours is not theirs and ours.__module__ == "brainpy_math", name
            assert ours.__name__ == name
            assert "out" in inspect.signature(ours).parameters or name in EXTRAS


def test_constants_dtypes_and_index_tricks_are_unchanged():
    assert bm.pi == np.pi and bm.e == np.e and bm.inf == np.inf and np.isnan(bm.nan)
    assert bm.newaxis is None
    for name in ("r_", "c_", "s_", "mgrid", "ogrid", "index_exp", "finfo", "iinfo", "dtype"):
        assert getattr(bm, name) is getattr(jnp, name)
    assert bm.float32 is jnp.float32 and bm.bfloat16 is jnp.bfloat16
    assert bm.finfo(bm.float32).eps == np.finfo(np.float32).eps
    np.testing.assert_array_equal(np.asarray(bm.r_[1:3, 5]), [1, 2, 5])
    assert bm.s_[1:2] == slice(1, 2)


# ------------------------------------------------------------ oracle grid
UNARY = [
    ("abs", "ifc"), ("negative", "ifc"), ("sign", "if"), ("sqrt", "fc"), ("exp", "fc"),
    ("log", "fc"), ("log1p", "f"), ("expm1", "f"), ("sin", "fc"), ("cos", "fc"),
    ("tanh", "fc"), ("arctan", "f"), ("floor", "f"), ("ceil", "f"), ("rint", "f"),
    ("square", "ifc"), ("reciprocal", "fc"), ("isfinite", "ifc"), ("isnan", "fc"),
    ("conjugate", "ifc"), ("real", "fc"), ("imag", "fc"), ("angle", "fc"), ("exp2", "f"),
    ("log2", "f"), ("cbrt", "f"), ("deg2rad", "f"), ("logical_not", "bif"),
    ("invert", "bi"), ("positive", "ifc"),
]  # fmt: skip
BINARY = [
    ("add", "bifc"), ("subtract", "ifc"), ("multiply", "bifc"), ("divide", "ifc"),
    ("power", "ifc"), ("maximum", "bif"), ("minimum", "bif"), ("arctan2", "f"),
    ("hypot", "f"), ("fmod", "if"), ("remainder", "if"), ("floor_divide", "if"),
    ("logical_and", "bif"), ("bitwise_and", "bi"), ("left_shift", "i"), ("greater", "bif"),
    ("equal", "bifc"), ("copysign", "f"), ("logaddexp", "f"), ("true_divide", "f"),
]  # fmt: skip
REDUCTIONS = [
    ("sum", "bifc"), ("prod", "ifc"), ("mean", "bifc"), ("std", "fc"), ("var", "fc"),
    ("max", "bif"), ("amin", "bif"), ("argmax", "bif"), ("median", "f"), ("average", "fc"),
    ("nansum", "f"), ("cumsum", "bif"), ("all", "bifc"), ("any", "bifc"),
    ("count_nonzero", "bifc"), ("ptp", "if"),
]  # fmt: skip


def cases_for(kinds, shapes=SHAPES):
    return [(d, s) for d in DTYPES if KIND[d] in kinds for s in shapes]


def check_jitted(fun_name, calls, numpy_fun=None):
    """``calls``: ``[(args, kwargs)]`` holding numpy arrays (also inside lists and tuples).

    All calls run in one ``jax.jit``, every numpy array becoming a traced brainpy Array and
    everything else staying static; the results are compared with numpy's.
    """
    ours = getattr(bm, fun_name)
    theirs = numpy_fun or getattr(np, fun_name)
    flat = [jax.tree_util.tree_flatten(args) for args, _ in calls]
    arrays = [[leaf for leaf in leaves if isinstance(leaf, np.ndarray)] for leaves, _ in flat]

    def run(arrays):
        out = []
        for (leaves, tree), traced, (_, kw) in zip(flat, arrays, calls):
            it = iter(traced)
            leaves = [bm.Array(next(it)) if isinstance(x, np.ndarray) else x for x in leaves]
            out.append(ours(*jax.tree_util.tree_unflatten(tree, leaves), **kw))
        return out

    for got, (args, kw) in zip(jax.jit(run)(arrays), calls):
        assert_matches(got, theirs(*args, **kw))


@pytest.mark.parametrize("name,kinds", UNARY, ids=[u[0] for u in UNARY])
def test_unary_functions(name, kinds):
    check_jitted(name, [((make(s, d),), {}) for d, s in cases_for(kinds)])


@pytest.mark.parametrize("name,kinds", BINARY, ids=[b[0] for b in BINARY])
def test_binary_functions(name, kinds):
    calls = []
    for d, s in cases_for(kinds):
        x, y = make(s, d, 0), make(s, d, 1)
        calls += [((x, y), {}), ((x, y[..., :1] if s else y), {})]  # broadcasting
    check_jitted(name, calls)


@pytest.mark.parametrize("name,kinds", REDUCTIONS, ids=[r[0] for r in REDUCTIONS])
def test_reductions(name, kinds):
    calls = []
    for d, s in cases_for(kinds):
        calls.append(((make(s, d),), {}))
        if s:
            calls.append(((make(s, d),), {"axis": 1}))
            if name not in ("argmax", "cumsum", "count_nonzero", "median", "average"):
                calls.append(((make(s, d),), {"axis": 0, "keepdims": True}))
    check_jitted(name, calls)


SHAPE_FUNCS = {
    "reshape": lambda x: ((x, (3, 2)), {}),
    "transpose": lambda x: ((x,), {}),
    "expand_dims": lambda x: ((x, 0), {}),
    "squeeze": lambda x: ((x[None],), {}),
    "flip": lambda x: ((x,), {"axis": 1}),
    "roll": lambda x: ((x, 1), {"axis": 1}),
    "tile": lambda x: ((x, (2, 1)), {}),
    "repeat": lambda x: ((x, 2), {"axis": 0}),
    "broadcast_to": lambda x: ((x, (4, 2, 3)), {}),
    "moveaxis": lambda x: ((x, 0, 1), {}),
    "ravel": lambda x: ((x,), {}),
    "tril": lambda x: ((x,), {}),
    "triu": lambda x: ((x, 1), {}),
    "diagonal": lambda x: ((x,), {}),
    "clip": lambda x: ((x, 1, 3), {}),
    "sort": lambda x: ((x,), {"axis": 0}),
    "argsort": lambda x: ((x,), {}),
    "diff": lambda x: ((x,), {}),
    "cumprod": lambda x: ((x,), {"axis": 1}),
    "zeros_like": lambda x: ((x,), {}),
    "ones_like": lambda x: ((x,), {}),
    "full_like": lambda x: ((x, 7), {}),
    "atleast_3d": lambda x: ((x,), {}),
    "rot90": lambda x: ((x,), {}),
    "trace": lambda x: ((x,), {}),
    "nonzero": None,  # eager only (data-dependent shape)
}


@pytest.mark.parametrize("name", sorted(n for n, f in SHAPE_FUNCS.items() if f))
def test_shape_functions(name):
    calls = [SHAPE_FUNCS[name](make((2, 3), d)) for d in (np.float32, np.int32)]
    check_jitted(name, calls)


def test_combining_functions():
    x, y = make((2, 3), np.float32, 0), make((2, 3), np.float32, 1)
    v, w = make((3,), np.float32, 2), make((3,), np.float32, 3)
    check_jitted("concatenate", [(([x, y],), {}), (([x, y],), {"axis": 1})])
    check_jitted("stack", [(((x, y),), {}), (([x, y],), {"axis": -1})])
    check_jitted("vstack", [(([x, y],), {})])
    check_jitted("hstack", [(([x, y],), {})])
    check_jitted("where", [((x > 1, x, y), {}), ((x > 1, x, 0.0), {})])
    check_jitted("dot", [((x, y.T), {}), ((v, w), {})])
    check_jitted("matmul", [((x, y.T), {})])
    check_jitted("outer", [((v, w), {})])
    check_jitted("inner", [((v, w), {})])
    check_jitted("einsum", [(("ij,kj->ik", x, y), {})])
    check_jitted("tensordot", [((x, y, ([1], [1])), {})])
    check_jitted("kron", [((v, w), {})])
    check_jitted("cross", [((v, w), {})])
    check_jitted("convolve", [((v, w), {})])
    check_jitted("interp", [((v, np.sort(w), w), {})])
    check_jitted("searchsorted", [((np.sort(v), w), {})])
    check_jitted("isclose", [((x, y), {}), ((x, x), {})])
    check_jitted("allclose", [((x, x + 1e-7), {})])
    check_jitted("array_equal", [((x, y), {}), ((x, x), {})])
    check_jitted("split", [((x, 3), {"axis": 1})])
    check_jitted("meshgrid", [((v, w), {})])
    check_jitted("linspace", [((0.0, 1.0, 5), {})])
    check_jitted("arange", [((5,), {}), ((1, 7, 2), {})])
    check_jitted("eye", [((3,), {}), ((2, 4), {"k": 1})])
    check_jitted("diag", [((v,), {}), ((x,), {})])


def test_eager_calls_and_data_dependent_shapes():
    x = make((2, 3), np.float32)
    a = bm.Array(x)
    assert_matches(bm.sin(a), np.sin(x))
    assert_matches(bm.sin(x), np.sin(x))  # numpy input
    assert_matches(bm.sum(a), np.sum(x))
    assert_matches(bm.nonzero(a > 1.0), np.nonzero(x > 1.0))
    assert_matches(bm.unique(bm.Array([3, 1, 3, 2])), np.unique([3, 1, 3, 2]))
    vals, counts = bm.unique(bm.Array([3, 1, 3]), return_counts=True)
    assert_matches(vals, np.array([1, 3]))
    assert_matches(counts, np.array([1, 2]))
    res = bm.unique_counts(bm.Array([3, 1, 3]))
    assert hasattr(res, "_fields") and type(res.values) is bm.Array  # namedtuples mapped
    assert_matches(bm.argwhere(a > 1.0), np.argwhere(x > 1.0))
    assert_matches(bm.where(a > 1.0), np.where(x > 1.0))
    assert bm.shape(a) == (2, 3) and bm.ndim(a) == 2 and bm.size(a) == 6
    assert bm.result_type(a, 1.0) == jnp.float32
    assert bm.issubdtype(a.dtype, bm.floating)


# ------------------------------------------------------------ Arrays anywhere
def test_nested_arguments_with_arrays():
    x, y = make((2, 3), np.float32, 0), make((2, 3), np.float32, 1)
    a, b = bm.Array(x), bm.Variable(jnp.asarray(y))
    assert_matches(bm.concatenate([a, b]), np.concatenate([x, y]))
    assert_matches(bm.stack((a, (b, a)[0])), np.stack((x, y)))
    assert_matches(bm.block([[a, b], [b, a]]), np.block([[x, y], [y, x]]))
    assert_matches(bm.array([[a[0], b[0]]]), np.array([[x[0], y[0]]]))
    assert_matches(bm.einsum("ij,kj->ik", a, b), np.einsum("ij,kj->ik", x, y))
    assert_matches(bm.pad(a, [(1, 0), (0, 2)]), np.pad(x, [(1, 0), (0, 2)]))
    double = wrap_jax_function(lambda d, scale: {"v": d["x"] * scale}, "double")
    got = double({"x": a}, scale=bm.Array(2.0))
    assert type(got["v"]) is jax.Array or isinstance(got["v"], jax.Array)
    np.testing.assert_allclose(np.asarray(got["v"]), 2 * x)


def test_array_constructors_always_give_arrays():
    for fun in (bm.asarray, bm.array, bm.asanyarray):
        r = fun(1.0)
        assert type(r) is bm.Array and r.shape == ()
    assert type(bm.ascontiguousarray(1.0)) is bm.Array
    assert isinstance(bm.asarray([1, 2]), bm.ndarray)
    v = bm.Variable(jnp.ones(2))
    c = bm.asarray(v)
    assert type(c) is bm.Array and c is not v
    assert bm.asarray([1, 2], dtype=bm.float32).dtype == jnp.float32
    assert_matches(bm.array([1, 2], ndmin=2), np.array([1, 2], ndmin=2))
    assert bm.asfarray([1, 2]).dtype == jnp.float32
    assert bm.asfarray([1, 2], dtype=bm.int32).dtype == jnp.float32
    assert bm.asfarray(bm.Array([1, 2]), dtype=bm.float16).dtype == jnp.float16


def test_zero_d_results_are_raw_and_others_arrays():
    a = bm.arange(6.0)
    assert type(a) is bm.Array
    for r in (bm.sum(a), bm.max(a), bm.dot(a, a), bm.zeros(()), bm.linalg.norm(a)):
        assert isinstance(r, jax.Array) and not isinstance(r, bm.Array)
    for r in (bm.zeros(3), bm.cumsum(a), bm.outer(a, a)):
        assert type(r) is bm.Array


# ------------------------------------------------------------ out=
def test_out_with_array_and_variable():
    x = make((2, 3), np.float32)
    out = bm.Array(np.zeros((2, 3), np.float32))
    assert bm.sin(bm.Array(x), out=out) is None
    np.testing.assert_allclose(np.asarray(out), np.sin(x), rtol=1e-6)
    v = bm.Variable(jnp.zeros((2, 3)))
    assert bm.add(x, 1.0, out=v) is None
    np.testing.assert_allclose(np.asarray(v), x + 1, rtol=1e-6)
    assert type(v) is bm.Variable
    s = bm.Array(np.zeros(3, np.float32))
    bm.sum(x, axis=0, out=s)
    np.testing.assert_allclose(np.asarray(s), x.sum(0), rtol=1e-6)
    b = bm.Array(np.zeros((2, 3), np.float32))
    bm.sum(x, out=b)  # broadcast into out, as numpy
    np.testing.assert_allclose(np.asarray(b), np.full((2, 3), x.sum()), rtol=1e-6)
    q, r = bm.Array(np.zeros((2, 3), np.float32)), bm.Array(np.zeros((2, 3), np.float32))
    bm.divmod(x, 1.0, out=(q, r))
    np.testing.assert_allclose(np.asarray(q), x // 1.0)
    np.testing.assert_allclose(np.asarray(r), x % 1.0, rtol=1e-6)
    i = bm.Array(np.zeros(3, np.int32))
    bm.floor_divide(bm.Array([4, 5, 6]), 2, out=i)
    np.testing.assert_array_equal(np.asarray(i), [2, 2, 3])


def test_out_errors():
    x = make((2, 3), np.float32)
    with pytest.raises(
        TypeError, match=r"^sin: out must be a brainpy Array or Variable, got ndarray"
    ):
        bm.sin(x, out=np.zeros((2, 3), np.float32))
    with pytest.raises(TypeError, match="got ArrayImpl"):
        bm.sin(x, out=jnp.zeros((2, 3)))
    with pytest.raises(TypeError, match=r"linalg.inv: out must be"):
        bm.linalg.inv(np.eye(2), out=np.zeros((2, 2)))
    with pytest.raises(TypeError, match="tuple of 2"):
        bm.divmod(x, 1.0, out=bm.zeros((2, 3)))
    with pytest.raises(TypeError, match="same_kind"):
        bm.sin(x, out=bm.zeros((2, 3), dtype=bm.int32))
    with pytest.raises(ValueError, match="cannot be stored"):
        bm.sin(x, out=bm.zeros(4))
    v = bm.Variable(jnp.zeros(3))
    with pytest.raises(ValueError):
        bm.sin(x, out=v)
    np.testing.assert_array_equal(np.asarray(v), np.zeros(3))


# ------------------------------------------------------------ transformations
def test_wrappers_under_jit_and_vmap():
    xs = make((4, 3), np.float32)

    def f(x):
        a = bm.asarray(x)
        return bm.sum(bm.sin(a) ** 2 + bm.outer(a, a)[0]) + bm.mean(bm.concatenate([a, a]))

    expected = np.array([f(x) for x in xs])  # eager, one row at a time
    np.testing.assert_allclose(np.asarray(jax.jit(jax.vmap(f))(xs)), expected, rtol=1e-5)
    np.testing.assert_allclose(np.asarray(jax.vmap(f)(xs)), expected, rtol=1e-5)
    np.testing.assert_allclose(np.asarray(jax.jit(f)(xs[0])), expected[0], rtol=1e-5)
    ref = [np.sum(np.sin(x) ** 2 + np.outer(x, x)[0]) + np.mean(np.concatenate([x, x])) for x in xs]
    np.testing.assert_allclose(expected, ref, rtol=1e-5)
    g = jax.jit(lambda x: bm.cumsum(bm.exp(x)))  # raw tracers in, Array out
    out = g(xs)
    assert type(out) is bm.Array
    np.testing.assert_allclose(np.asarray(out), np.cumsum(np.exp(xs)), rtol=1e-5)
    grads = jax.grad(lambda x: bm.sum(bm.square(x)))(xs)
    np.testing.assert_allclose(np.asarray(grads), 2 * xs, rtol=1e-6)


# ------------------------------------------------------------ special names
def test_ufunc_methods():
    # ``bm.add`` is PyTorch's add in BrainPy (alpha=...); the other ufuncs keep their methods.
    a, x = bm.arange(1, 5), np.arange(1, 5)
    assert_matches(bm.multiply.reduce(a), np.multiply.reduce(x))
    assert_matches(bm.multiply.accumulate(a), np.multiply.accumulate(x))
    assert_matches(bm.maximum.outer(a, a), np.maximum.outer(x, x))
    assert_matches(bm.multiply.reduceat(a, bm.Array([0, 2])), np.multiply.reduceat(x, [0, 2]))
    assert bm.multiply.nin == 2 and bm.multiply.nout == 1 and bm.multiply.identity == 1
    b = bm.ones(4)
    assert bm.multiply.at(b, bm.Array([0, 0, 2]), 2.0) is None
    np.testing.assert_array_equal(np.asarray(b), [4.0, 1.0, 2.0, 1.0])
    r = bm.subtract.at(jnp.zeros(2), 0, 1.0, inplace=False)
    assert_matches(r, np.array([-1.0, 0.0], np.float32))
    with pytest.raises(TypeError, match="subtract.at: inplace=True needs a brainpy Array"):
        bm.subtract.at(np.zeros(2), 0, 1.0)


def test_pytorch_add_keeps_numpy_ufunc_methods():
    a, x = bm.arange(1, 5), np.arange(1, 5)
    assert_matches(bm.add(a, a, alpha=2), x + 2 * x)
    assert_matches(bm.add.reduce(a), np.add.reduce(x))
    assert_matches(bm.add.accumulate(a), np.add.accumulate(x))
    assert_matches(bm.add.outer(a, a), np.add.outer(x, x))
    assert_matches(bm.add.reduceat(a, bm.Array([0, 2])), np.add.reduceat(x, [0, 2]))
    assert bm.add.nin == 2 and bm.add.nout == 1 and bm.add.identity == 0
    b = bm.zeros(3)
    assert bm.add.at(b, bm.Array([0, 0, 2]), 1.0) is None
    np.testing.assert_array_equal(np.asarray(b), [2.0, 0.0, 1.0])


def test_inplace_functions():
    a = bm.zeros((3, 3))
    assert bm.fill_diagonal(a, 2.0) is None
    np.testing.assert_array_equal(np.asarray(a), 2 * np.eye(3))
    b = bm.arange(6)
    bm.place(b, b > 3, bm.Array([-1, -2]))
    np.testing.assert_array_equal(np.asarray(b), [0, 1, 2, 3, -1, -2])
    c = bm.Array(np.arange(6).reshape(2, 3))
    bm.put_along_axis(c, bm.Array([[0], [2]]), 9, axis=1)
    np.testing.assert_array_equal(np.asarray(c), [[9, 1, 2], [3, 4, 9]])
    d = bm.zeros(4)
    bm.put(d, bm.Array([1, 3]), bm.Array([5.0, 6.0]))
    np.testing.assert_array_equal(np.asarray(d), [0, 5, 0, 6])
    r = bm.fill_diagonal(np.zeros((2, 2)), 1.0, inplace=False)
    assert type(r) is bm.Array
    with pytest.raises(TypeError, match="fill_diagonal: inplace=True needs a brainpy Array"):
        bm.fill_diagonal(np.zeros((2, 2)), 1.0)
    v = bm.Variable(jnp.zeros((2, 2)))
    bm.fill_diagonal(v, 3.0)
    np.testing.assert_array_equal(np.asarray(v), 3 * np.eye(2))


def test_numpy_extras():
    x = bm.zeros(3)
    bm.copyto(x, bm.Array([1.0, 2.0, 3.0]), where=bm.Array([True, False, True]))
    np.testing.assert_array_equal(np.asarray(x), [1.0, 0.0, 3.0])
    bm.copyto(x, 5)
    np.testing.assert_array_equal(np.asarray(x), [5.0, 5.0, 5.0])
    with pytest.raises(TypeError, match="copyto: cannot cast"):
        bm.copyto(bm.zeros(3, dtype=bm.int32), bm.Array([1.5, 2.0, 3.0]))
    with pytest.raises(TypeError, match="dst must be a brainpy Array"):
        bm.copyto(np.zeros(3), 1.0)
    assert_matches(bm.fix(bm.Array([-1.7, 1.7])), np.fix(np.array([-1.7, 1.7], np.float32)))
    assert_matches(bm.row_stack([bm.ones(2), np.ones(2)]), np.vstack([np.ones(2), np.ones(2)]))
    f = bm.vectorize(lambda a, b: bm.Array(a) + 2 * b)  # returning an Array is fine
    assert_matches(f(bm.ones(3), 1.0), np.full(3, 3.0, np.float32))
    g = bm.frompyfunc(lambda a, b: a * b, nin=2, nout=1, identity=1)
    assert_matches(g(bm.arange(3), 2), np.arange(3) * 2)
    assert_matches(g.reduce(bm.arange(1, 5)), np.prod(np.arange(1, 5)))


def test_interop_helpers():
    a = bm.Array([1.0, 2.0])
    assert bm.as_jax(a) is a.value and type(bm.as_jax([1, 2])) is not bm.Array
    assert bm.as_jax([1, 2], dtype=bm.float32).dtype == jnp.float32
    assert isinstance(bm.as_numpy(a), np.ndarray) and isinstance(bm.as_ndarray([1]), np.ndarray)
    assert bm.as_device_array(a) is a.value
    v = bm.as_variable(a)
    assert type(v) is bm.Variable and v.shape == (2,)

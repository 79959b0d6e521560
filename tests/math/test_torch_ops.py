"""The PyTorch-compatible operators against PyTorch (CPU) over shapes, dtypes and arguments.

Each test evaluates a grid of cases (shapes from 0-d up, broadcasting pairs, arguments) and
compares values and result dtypes with ``torch``. To keep compilation time low the grid runs
in one ``jax.jit`` program per test; the eager call is checked against PyTorch on a 0-d and an
n-d case (including the brainpy ``Array``/raw-scalar return rule), and ``jax.vmap`` against the
eager result. For float32, ``jax.grad`` is compared with the bare ``jax.numpy`` expression and
with PyTorch's autograd.
"""

from __future__ import annotations

import inspect

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_math import compat_pytorch

torch = pytest.importorskip("torch")

SHAPES = [(), (2, 3, 2)]  # grid shapes; the eager and vmap checks use (3, 4)
DTYPES = ["float32", "float16", "int32", "bool", "complex64"]
TOL = {
    "float32": dict(rtol=2e-5, atol=2e-6),
    "float16": dict(rtol=2e-3, atol=2e-3),
    "complex64": dict(rtol=1e-4, atol=1e-5),
}


def raw(x):
    """NumPy value of an operator result (brainpy Array or JAX scalar)."""
    return np.asarray(bm.as_jax(x))


def sample(shape, dtype, rng, low=-3.0, high=3.0, special=True):
    """Random values of ``dtype``; floats get signed zeros, +-1, inf and nan mixed in."""
    if dtype == "bool":
        return rng.random(shape) < 0.5
    if dtype == "int32":
        return rng.integers(int(low), int(high) + 1, size=shape).astype(np.int32)
    if dtype == "complex64":
        return (rng.uniform(low, high, shape) + 1j * rng.uniform(low, high, shape)).astype(
            np.complex64
        )
    x = np.asarray(rng.uniform(low, high, shape), dtype=dtype)
    if special and x.size >= 7:
        flat = x.reshape(-1)
        flat[:7] = [0.0, -0.0, 1.0, -1.0, np.inf, -np.inf, np.nan]
        rng.shuffle(flat)
    return x


def tt(x):
    """A torch tensor holding ``x``."""
    return torch.from_numpy(np.array(x))


def check(ours, expected, in_dtype=None):
    """Compare a brainpy result with a PyTorch tensor: dtype, shape and values."""
    ours = raw(ours)
    exp = expected.numpy() if isinstance(expected, torch.Tensor) else np.asarray(expected)
    # PyTorch's 64-bit results (its default integer is int64) are 32-bit in JAX without x64.
    exp = exp.astype(jax.dtypes.canonicalize_dtype(exp.dtype))
    assert ours.dtype == exp.dtype, (ours.dtype, exp.dtype)
    assert ours.shape == exp.shape, (ours.shape, exp.shape)
    if exp.dtype == np.bool_ or np.issubdtype(exp.dtype, np.integer):
        np.testing.assert_array_equal(ours, exp)
    else:
        key = "complex64" if in_dtype == "complex64" else str(exp.dtype)
        np.testing.assert_allclose(ours, exp, equal_nan=True, **TOL.get(key, TOL["float32"]))


def check_same(a, b):
    """Two brainpy results agree (dtype, shape, values up to rounding)."""
    a, b = raw(a), raw(b)
    assert a.dtype == b.dtype and a.shape == b.shape, (a.dtype, b.dtype, a.shape, b.shape)
    if np.issubdtype(a.dtype, np.inexact):
        tol = TOL["float16"] if a.dtype == np.float16 else dict(rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(a, b, equal_nan=True, **tol)
    else:
        np.testing.assert_array_equal(a, b)


def jit_grid(fn, cases):
    """``fn(*arrays, **static)`` for every ``(arrays, static)`` case, in one jit program."""
    arrays = [tuple(jnp.asarray(a) for a in arrs) for arrs, _ in cases]
    statics = [kw for _, kw in cases]
    return jax.jit(lambda arrs: [fn(*a, **k) for a, k in zip(arrs, statics)])(arrays)


def check_eager_and_vmap(fn, torch_fn, args, in_dtype=None, elementwise=True):
    """Eager call on brainpy Arrays vs PyTorch (and, for float32, on a 0-d slice), and vmap."""
    eager = fn(*(bm.Array(a) for a in args))
    assert isinstance(eager, bm.Array)
    check(eager, torch_fn(*(tt(a) for a in args)), in_dtype)
    if elementwise:
        if in_dtype == "float32":
            zero_d = [np.asarray(a).reshape(-1)[0] for a in args]
            scalar = fn(*(jnp.asarray(a) for a in zero_d))
            assert not isinstance(scalar, bm.Array) and raw(scalar).ndim == 0  # 2.3.5's rule
            check(scalar, torch_fn(*(tt(a) for a in zero_d)), in_dtype)
        check_same(jax.vmap(fn)(*(jnp.asarray(a) for a in args)), eager)
    else:
        batched = jax.vmap(fn)(*(jnp.asarray(a) for a in args))
        check_same(batched, np.stack([raw(fn(*(a[i] for a in args))) for i in range(len(args[0]))]))


# --------------------------------------------------------------------------- unary operators
UNARY = {
    # name: (torch function, bare jax.numpy function, domain for gradients)
    "abs": (torch.abs, jnp.abs, (0.5, 3.0)),
    "acos": (torch.acos, jnp.arccos, (-0.9, 0.9)),
    "acosh": (torch.acosh, jnp.arccosh, (1.1, 3.0)),
    "angle": (torch.angle, jnp.angle, (-3.0, 3.0)),
    "asin": (torch.asin, jnp.arcsin, (-0.9, 0.9)),
    "asinh": (torch.asinh, jnp.arcsinh, (-3.0, 3.0)),
    "atan": (torch.atan, jnp.arctan, (-3.0, 3.0)),
    "atanh": (torch.atanh, jnp.arctanh, (-0.9, 0.9)),
}
ALIASES = {
    "absolute": "abs",
    "arccos": "acos",
    "arccosh": "acosh",
    "arcsin": "asin",
    "arctan": "atan",
}


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_matches_torch(name, dtype):
    op, torch_fn = getattr(bm, name), UNARY[name][0]
    rng = np.random.default_rng(sorted(UNARY).index(name) * 10 + DTYPES.index(dtype))
    # Complex inverse trigonometric functions take about a second to compile per shape.
    shapes = [()] if dtype == "complex64" else SHAPES
    xs = [sample(shape, dtype, rng) for shape in shapes]
    if name == "abs" and dtype == "bool":
        # PyTorch has no boolean abs; brainpy documents that booleans pass unchanged.
        with pytest.raises((RuntimeError, NotImplementedError)):
            torch.abs(tt(xs[0]))
        for x, r in zip(xs, jit_grid(op, [((x,), {}) for x in xs])):
            np.testing.assert_array_equal(raw(r), x)
        return
    for x, r in zip(xs, jit_grid(op, [((x,), {}) for x in xs])):
        check(r, torch_fn(tt(x)), dtype)
    check_eager_and_vmap(op, torch_fn, [sample((3, 4), dtype, rng)], dtype)


@pytest.mark.parametrize("alias", sorted(ALIASES))
def test_aliases_behave_like_their_target(alias):
    op, target = getattr(bm, alias), getattr(bm, ALIASES[alias])
    assert op is not target and op.__name__ == alias
    assert f"Alias of :func:`{ALIASES[alias]}`" in op.__doc__
    x = sample((3, 4), "float32", np.random.default_rng(0), low=-1.5, high=1.5)
    check_same(op(x), target(x))
    check(op(bm.Array(x)), getattr(torch, alias)(tt(x)))
    check_same(jax.jit(op)(x), target(x))


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_grad(name):
    op = getattr(bm, name)
    torch_fn, jnp_fn, (low, high) = UNARY[name]
    x = np.random.default_rng(1).uniform(low, high, (3, 4)).astype(np.float32)
    ours = jax.grad(lambda v: jnp.sum(bm.as_jax(op(v))))(jnp.asarray(x))
    bare = jax.grad(lambda v: jnp.sum(jnp_fn(v)))(jnp.asarray(x))
    np.testing.assert_allclose(ours, bare, rtol=1e-6, atol=1e-7)
    t = torch.from_numpy(x).requires_grad_(True)
    torch_fn(t).sum().backward()
    np.testing.assert_allclose(ours, t.grad.numpy(), rtol=1e-5, atol=1e-6)


def test_angle_follows_torch_for_signed_zero_and_nan():
    x = np.array([-0.0, 0.0, -2.0, np.nan, np.inf, -np.inf], np.float32)
    check(bm.angle(x), torch.angle(tt(x)))
    # jnp.angle gives pi for -0.0; PyTorch (and brainpy) give 0.
    assert float(jnp.angle(jnp.float32(-0.0))) == pytest.approx(np.pi)
    assert float(bm.angle(jnp.float32(-0.0))) == 0.0


# -------------------------------------------------------------------------- binary operators
SHAPE_PAIRS = [((), ()), ((5,), ()), ((3, 4), (4,)), ((2, 1, 4), (3, 1))]
ALPHAS = {
    "float32": [1, -1.5],
    "float16": [1, 0.5],
    "complex64": [1, -2.5],
    "int32": [1, -3],
    "bool": [1],
}


@pytest.mark.parametrize("dtype", DTYPES)
def test_add_matches_torch(dtype):
    rng = np.random.default_rng(2)
    cases = [
        (
            (sample(sx, dtype, rng, special=False), sample(sy, dtype, rng, special=False)),
            {"alpha": alpha},
        )
        for sx, sy in SHAPE_PAIRS
        for alpha in ALPHAS[dtype]
    ]
    for ((x, y), kw), r in zip(cases, jit_grid(bm.add, cases)):
        check(r, torch.add(tt(x), tt(y), **kw), dtype)
    alpha = ALPHAS[dtype][-1]
    args = [sample((3, 4), dtype, rng), sample((3, 4), dtype, rng)]
    check_eager_and_vmap(
        lambda a, b: bm.add(a, b, alpha=alpha),
        lambda a, b: torch.add(a, b, alpha=alpha),
        args,
        dtype,
    )


# Promotion between arrays of at least one dimension (0-d tensors promote like Python scalars
# in PyTorch, which JAX does not do: see the module docstring of torch_ops).
MIXED = [
    ("int32", "float32"),
    ("int32", "float16"),
    ("bool", "int32"),
    ("bool", "float32"),
    ("float16", "float32"),
    ("int32", "complex64"),
    ("float32", "complex64"),
]


def test_add_promotion_matches_torch():
    rng = np.random.default_rng(3)
    cases = []
    for dx, dy in MIXED:
        x, y = sample((3, 4), dx, rng, special=False), sample((4,), dy, rng, special=False)
        cases += [((x, y), {}), ((y, x), {})]
    for ((a, b), _), r in zip(cases, jit_grid(bm.add, cases)):
        check(r, torch.add(tt(a), tt(b)))


@pytest.mark.parametrize(
    ("dtype", "scalar"),
    [("float32", 2.5), ("int32", 2.5), ("int32", 2), ("float16", 2.5), ("bool", 3), ("int32", 1j)],
)
def test_add_python_scalar_matches_torch(dtype, scalar):
    x = sample((5,), dtype, np.random.default_rng(4), special=False)
    check(bm.add(bm.Array(x), scalar), torch.add(tt(x), scalar))
    check(
        bm.add(bm.Array(x), bm.Array(x), alpha=True if dtype == "bool" else 2),
        torch.add(tt(x), tt(x), alpha=True if dtype == "bool" else 2),
    )


SHAPE_TRIPLES = [((), (), ()), ((3, 4), (4,), (3, 1)), ((2, 1, 3), (2, 3), (3,))]


@pytest.mark.parametrize("dtype", ["float32", "float16", "int32", "complex64"])
@pytest.mark.parametrize("name", ["addcmul", "addcdiv"])
def test_addc_matches_torch(name, dtype):
    op, torch_fn = getattr(bm, name), getattr(torch, name)
    rng = np.random.default_rng(5)
    values = [1, 2] if dtype == "int32" else [1, -0.5]

    def reference(x, t1, t2, value):
        if name == "addcdiv" and dtype == "int32":
            # PyTorch refuses integer division here and names true division as the future
            # behaviour, which brainpy implements: compare with that.
            with pytest.raises(RuntimeError, match="Integer division"):
                torch_fn(x, t1, t2, value=value)
            return x + value * t1.float() / t2.float()
        return torch_fn(x, t1, t2, value=value)

    cases = [
        (tuple(sample(s, dtype, rng, low=1, special=False) for s in shapes), {"value": value})
        for shapes in SHAPE_TRIPLES
        for value in values
    ]
    for (arrays, kw), r in zip(cases, jit_grid(op, cases)):
        check(r, reference(*(tt(a) for a in arrays), **kw), dtype)
    value = values[-1]
    args = [sample((3, 4), dtype, rng, low=1, special=False) for _ in range(3)]
    check_eager_and_vmap(
        lambda a, b, c: op(a, b, c, value=value),
        lambda a, b, c: reference(a, b, c, value),
        args,
        dtype,
    )


@pytest.mark.parametrize("dtype", ["float32", "float16", "int32", "bool"])
def test_atan2_matches_torch(dtype):
    rng = np.random.default_rng(6)
    cases = [((sample(sx, dtype, rng), sample(sy, dtype, rng)), {}) for sx, sy in SHAPE_PAIRS]
    if dtype == "float32":  # quadrants of the signed zeros
        zeros = np.array([0.0, -0.0, 0.0, -0.0], np.float32)
        cases.append(((zeros, np.array([0.0, 0.0, -0.0, -0.0], np.float32)), {}))
    for ((x, y), _), r in zip(cases, jit_grid(bm.atan2, cases)):
        check(r, torch.atan2(tt(x), tt(y)), dtype)
    args = [sample((3, 4), dtype, rng), sample((3, 4), dtype, rng)]
    check_eager_and_vmap(bm.atan2, torch.atan2, args, dtype)


BINARY_GRADS = {
    "add": (
        lambda a, b, c: bm.add(a, b, alpha=0.5),
        lambda a, b, c: a + 0.5 * b,
        lambda a, b, c: torch.add(a, b, alpha=0.5),
    ),
    "addcmul": (
        lambda a, b, c: bm.addcmul(a, b, c, value=-2.0),
        lambda a, b, c: a - 2.0 * b * c,
        lambda a, b, c: torch.addcmul(a, b, c, value=-2.0),
    ),
    "addcdiv": (
        lambda a, b, c: bm.addcdiv(a, b, c, value=0.5),
        lambda a, b, c: a + 0.5 * b / c,
        lambda a, b, c: torch.addcdiv(a, b, c, value=0.5),
    ),
    "atan2": (
        lambda a, b, c: bm.atan2(a, b),
        lambda a, b, c: jnp.arctan2(a, b),
        lambda a, b, c: torch.atan2(a, b),
    ),
}


@pytest.mark.parametrize("name", sorted(BINARY_GRADS))
def test_binary_grad(name):
    ours_fn, bare_fn, torch_fn = BINARY_GRADS[name]
    rng = np.random.default_rng(7)
    args = [rng.uniform(0.5, 2.0, (3, 4)).astype(np.float32) for _ in range(3)]
    jargs = [jnp.asarray(a) for a in args]
    ours = jax.grad(lambda *v: jnp.sum(bm.as_jax(ours_fn(*v))), argnums=(0, 1, 2))(*jargs)
    bare = jax.grad(lambda *v: jnp.sum(bare_fn(*v)), argnums=(0, 1, 2))(*jargs)
    targs = [torch.from_numpy(a).requires_grad_(True) for a in args]
    torch_fn(*targs).sum().backward()
    for o, b, t in zip(ours, bare, targs):
        np.testing.assert_allclose(o, b, rtol=1e-6, atol=1e-7)
        expected = np.zeros_like(args[0]) if t.grad is None else t.grad.numpy()
        np.testing.assert_allclose(o, expected, rtol=1e-5, atol=1e-6)


# ---------------------------------------------------------------------------- shape operators
def test_flatten_matches_torch():
    cases = []
    for shape in [(), (4,), (2, 3), (2, 3, 4), (2, 1, 3, 2)]:
        x = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape)
        nd = max(len(shape), 1)
        for s in [None, *range(-nd, nd)]:
            for e in [None, *range(-nd, nd)]:
                if (0 if s is None else s) % nd <= (-1 if e is None else e) % nd:
                    cases.append(((x,), {"start_dim": s, "end_dim": e}))
    for ((x,), kw), r in zip(cases, jit_grid(bm.flatten, cases)):
        ts, te = kw["start_dim"], kw["end_dim"]
        expected = torch.flatten(tt(x), 0 if ts is None else ts, -1 if te is None else te)
        check(r, expected)
    x = np.arange(24, dtype=np.int32).reshape(2, 3, 4)
    assert isinstance(bm.flatten(bm.Array(x), 1), bm.Array)
    assert isinstance(bm.flatten(jnp.float32(3)), bm.Array)  # 0-d input: shape (1,)
    check(bm.flatten(jnp.float32(3)), torch.flatten(torch.tensor(3.0)))
    check_eager_and_vmap(
        lambda a: bm.flatten(a, -2), lambda a: torch.flatten(a, -2), [x], elementwise=False
    )


def test_unsqueeze_matches_torch():
    cases = []
    for shape in [(), (4,), (2, 3), (2, 3, 4)]:
        x = np.arange(int(np.prod(shape)), dtype=np.int32).reshape(shape)
        cases += [((x,), {"dim": d}) for d in range(-len(shape) - 1, len(shape) + 1)]
    for ((x,), kw), r in zip(cases, jit_grid(bm.unsqueeze, cases)):
        check(r, torch.unsqueeze(tt(x), kw["dim"]))
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    assert isinstance(bm.unsqueeze(jnp.float32(1), 0), bm.Array)
    check_eager_and_vmap(
        lambda a: bm.unsqueeze(a, -1), lambda a: torch.unsqueeze(a, -1), [x], elementwise=False
    )


CAT_CASES = [
    ([((2, 3), "float32"), ((4, 3), "float32")], 0),
    ([((2, 3), "float32"), ((2, 1), "float32"), ((2, 2), "float32")], 1),
    ([((2, 3), "float32"), ((2, 1), "float32")], -1),
    ([((5,), "int32")], 0),
    ([((2, 0, 3), "float32"), ((2, 2, 3), "float32")], 1),
    ([((2, 3), "int32"), ((1, 3), "float32")], 0),
    ([((2, 3), "bool"), ((1, 3), "int32")], -2),
    ([((2, 3), "float16"), ((2, 3), "float32")], 1),
    ([((2, 3), "int32"), ((0,), "float32")], 0),  # legacy 1-D empty tensor: skipped
    ([((0,), "float32"), ((0,), "int32")], 0),
]


def test_cat_matches_torch():
    rng = np.random.default_rng(8)
    cases = [
        (tuple(sample(shape, dtype, rng, special=False) for shape, dtype in specs), {"dim": dim})
        for specs, dim in CAT_CASES
    ]
    results = jit_grid(lambda *a, dim: bm.cat(list(a), dim), cases)
    for (arrays, kw), r in zip(cases, results):
        expected = torch.cat([tt(a) for a in arrays], kw["dim"])
        check(r, expected)
        check(bm.cat([bm.Array(a) for a in arrays], kw["dim"]), expected)  # eager
    arrays = cases[1][0]
    check(bm.cat(tuple(arrays), axis=1), torch.cat([tt(a) for a in arrays], 1))
    check_eager_and_vmap(
        lambda a, b: bm.cat([a, b], dim=-1),
        lambda a, b: torch.cat([a, b], dim=-1),
        [sample((3, 2, 2), "float32", rng), sample((3, 2, 1), "float32", rng)],
        elementwise=False,
    )


# ----------------------------------------------------------- input kinds, out=, public surface
ALL_OPS = {
    **{name: (lambda op: lambda x: op(x))(getattr(bm, name)) for name in [*UNARY, *ALIASES]},
    "add": lambda x: bm.add(x, x, alpha=2),
    "addcmul": lambda x: bm.addcmul(x, x, x, value=0.5),
    "addcdiv": lambda x: bm.addcdiv(x, x, x, value=0.5),
    "atan2": lambda x: bm.atan2(x, x),
    "flatten": lambda x: bm.flatten(x),
    "unsqueeze": lambda x: bm.unsqueeze(x, 0),
    "cat": lambda x: bm.cat([x, x]),
}


def test_input_kinds_give_the_same_result():
    value = np.array([0.25, 0.5, 0.75], np.float32)
    for name, fn in sorted(ALL_OPS.items()):
        expected = raw(fn(jnp.asarray(value)))
        for kind in (bm.Array(value), bm.Variable(value), value):
            np.testing.assert_allclose(raw(fn(kind)), expected, rtol=1e-6, err_msg=name)
        if name != "cat":  # 0-d arrays cannot be concatenated
            np.testing.assert_allclose(raw(fn(0.5)), raw(fn(jnp.float32(0.5))), rtol=1e-6)


OUT_CALLS = {
    **{
        name: (lambda op: lambda x, out: op(x, out=out))(getattr(bm, name))
        for name in [*UNARY, *ALIASES]
    },
    "add": lambda x, out: bm.add(x, x, alpha=2, out=out),
    "addcmul": lambda x, out: bm.addcmul(x, x, x, value=0.5, out=out),
    "addcdiv": lambda x, out: bm.addcdiv(x, x, x, value=0.5, out=out),
    "atan2": lambda x, out: bm.atan2(x, x, out=out),
    "flatten": lambda x, out: bm.flatten(x, out=out),
    "unsqueeze": lambda x, out: bm.unsqueeze(x, 0, out=out),
    "cat": lambda x, out: bm.cat([x, x], out=out),
}


def test_out_receives_the_result():
    x = jnp.asarray([[0.25, 0.5], [0.75, 0.125]], jnp.float32)
    for name, call in sorted(OUT_CALLS.items()):
        expected = raw(ALL_OPS[name](x))
        for out in (
            bm.Variable(jnp.zeros(expected.shape, expected.dtype)),
            bm.Array(jnp.zeros(expected.shape, expected.dtype)),
        ):
            assert call(x, out) is None, name
            np.testing.assert_allclose(raw(out), expected, rtol=1e-6, err_msg=name)


def test_out_in_a_compiled_function_updates_a_variable():
    v = bm.Variable(jnp.zeros(3))

    @bm.jit
    def step(x):
        bm.add(v, x, alpha=2.0, out=v)

    step(jnp.ones(3))
    step(jnp.ones(3))
    np.testing.assert_allclose(raw(v), [4.0, 4.0, 4.0])


def test_public_surface():
    names = set(compat_pytorch.__all__)
    release = {
        "Tensor",
        "flatten",
        "cat",
        "abs",
        "absolute",
        "acos",
        "arccos",
        "acosh",
        "arccosh",
        "add",
        "addcdiv",
        "addcmul",
        "angle",
        "asin",
        "arcsin",
        "asinh",
        "atan",
        "arctan",
        "atan2",
        "atanh",
    }
    assert names == release | {"unsqueeze"}
    assert names <= set(bm.__all__)
    assert bm.Tensor is bm.Array
    for name in names - {"Tensor"}:
        fn = getattr(bm, name)
        assert fn is getattr(compat_pytorch, name)
        assert fn.__module__ == "brainpy_math"
        assert fn.__doc__.startswith("BrainPy implementation of :func:`torch.")
        assert "Examples:" in fn.__doc__ and ">>>" in fn.__doc__
    # the torch-style versions replace the NumPy-style ones (BrainPy 2.3.5's import order)
    assert "alpha" in inspect.signature(bm.add).parameters
    assert list(inspect.signature(bm.abs).parameters) == ["input", "out"]
    # but arcsinh/arctanh/arctan2 stay NumPy-style
    assert bm.arcsinh is not bm.asinh and bm.arctan2 is not bm.atan2


def test_atan2_takes_two_inputs_unlike_2_3_5():
    np.testing.assert_allclose(raw(bm.atan2(1.0, -1.0)), 3 * np.pi / 4, rtol=1e-6)

"""jacobian/jacrev/jacfwd/hessian and the 2.3.5 control builders (make_loop, make_while, make_cond, ifelse)."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm


def f(x, y):
    return jnp.sin(x) * y**2 + x[::-1]


def scalar(x, y):
    return jnp.sum(jnp.sin(x) * y**3) + jnp.prod(x)


X = jnp.array([0.3, -1.2, 2.0])
Y = jnp.array([1.5, 0.5, -0.7])


# ----------------------------------------------------------------------------- jacobians


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [(bm.jacrev, jax.jacrev), (bm.jacfwd, jax.jacfwd), (bm.jacobian, jax.jacrev)],
)
@pytest.mark.parametrize("argnums", [None, 0, 1, (0, 1)])
def test_jacobians_of_pure_functions_match_jax(ours, theirs, argnums):
    got = ours(f, argnums=argnums)(X, Y)
    want = theirs(f, argnums=0 if argnums is None else argnums)(X, Y)
    jax.tree_util.tree_map(lambda a, b: np.testing.assert_allclose(a, b, rtol=1e-6), got, want)


@pytest.mark.parametrize("argnums", [None, 1, (0, 1)])
def test_hessian_of_pure_function_matches_jax(argnums):
    got = bm.hessian(scalar, argnums=argnums)(X, Y)
    want = jax.hessian(scalar, argnums=0 if argnums is None else argnums)(X, Y)
    jax.tree_util.tree_map(lambda a, b: np.testing.assert_allclose(a, b, rtol=1e-5), got, want)


def test_jacobian_reads_variables_and_differentiates_grad_vars():
    w = bm.TrainVar(jnp.array([1.0, -2.0, 0.5]))
    b = bm.Variable(jnp.array([0.1, 0.2, 0.3]))  # read, not differentiated

    def model(x):
        return jnp.tanh(w.value * x) + b.value

    def pure(wv, x):
        return jnp.tanh(wv * x) + b.value

    for ours, theirs in [(bm.jacrev, jax.jacrev), (bm.jacfwd, jax.jacfwd)]:
        jw, jx = ours(model, grad_vars=w, argnums=0)(X)
        np.testing.assert_allclose(jw, theirs(pure, 0)(w.value, X), rtol=1e-6)
        np.testing.assert_allclose(jx, theirs(pure, 1)(w.value, X), rtol=1e-6)
        only = ours(model, grad_vars={"w": w})(X)
        assert set(only) == {"w"}
        np.testing.assert_allclose(only["w"], theirs(pure, 0)(w.value, X), rtol=1e-6)
        # Under jit, with the Variable value changed between calls.
        jitted = jax.jit(ours(model, argnums=0))
        np.testing.assert_allclose(jitted(X), theirs(pure, 1)(w.value, X), rtol=1e-6)


def test_hessian_with_respect_to_a_variable():
    w = bm.TrainVar(jnp.array([1.0, -2.0, 0.5]))
    got = bm.hessian(lambda x: jnp.sum(jnp.sin(w.value) * x**2), grad_vars=w)(X)
    want = jax.hessian(lambda wv: jnp.sum(jnp.sin(wv) * X**2))(w.value)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-7)


def test_jacobian_return_value_has_aux_and_written_variables():
    count = bm.Variable(jnp.zeros((), jnp.int32))

    def g(x):
        count.value += 1
        return x**2, x.sum()

    jac, value, aux = bm.jacrev(g, argnums=0, has_aux=True, return_value=True)(X)
    np.testing.assert_allclose(jac, jnp.diag(2 * X), rtol=1e-6)
    np.testing.assert_allclose(value, X**2)
    np.testing.assert_allclose(aux, X.sum())
    assert int(count.value) == 1


def test_jacobian_argnums_out_of_range():
    with pytest.raises(ValueError, match="jacrev: argnums=2 is out of range"):
        bm.jacrev(f, argnums=2)(X, Y)


# ----------------------------------------------------------------------------- make_loop / while / cond


def test_make_loop_records_out_vars_and_results():
    a = bm.Variable(jnp.zeros(2))

    def body(x):
        a.value = a.value * 0.5 + x
        return a.value.sum()

    xs = np.arange(1.0, 6.0, dtype=np.float32)
    hist, res = bm.make_loop(body, dyn_vars=[a], out_vars=a, has_return=True)(xs)
    ref, ref_res, v = [], [], np.zeros(2)
    for x in xs:
        v = v * 0.5 + x
        ref.append(v.copy())
        ref_res.append(v.sum())
    np.testing.assert_allclose(np.asarray(hist), np.stack(ref), rtol=1e-6)
    np.testing.assert_allclose(np.asarray(res), ref_res, rtol=1e-6)
    np.testing.assert_allclose(np.asarray(a.value), ref[-1], rtol=1e-6)


def test_make_loop_with_length_and_pytree_outputs():
    a, b = bm.Variable(jnp.zeros(())), bm.Variable(jnp.ones(()))

    def body(_):
        a.value += 1.0
        b.value *= 2.0

    out = bm.make_loop(body, out_vars={"a": a, "b": b})(length=4)
    np.testing.assert_allclose(np.asarray(out["a"]), [1, 2, 3, 4])
    np.testing.assert_allclose(np.asarray(out["b"]), [2, 4, 8, 16])
    with pytest.raises(ValueError, match="give xs .* or length"):
        bm.make_loop(body, out_vars=a)()


def test_make_while_matches_python_loop():
    n = bm.Variable(jnp.zeros((), jnp.int32))
    total = bm.Variable(jnp.zeros(()))

    def body(step):
        n.value += 1
        total.value += step

    loop = bm.make_while(lambda step: total.value < 10.0, body)
    loop(3.0)
    i, t = 0, 0.0
    while t < 10.0:
        i, t = i + 1, t + 3.0
    assert int(n.value) == i and float(total.value) == t
    with pytest.raises(TypeError, match="make_while: body_fun must be callable"):
        bm.make_while(lambda x: True, 1)


def test_make_cond_updates_the_branch_taken_under_jit():
    a, b = bm.Variable(jnp.zeros(2)), bm.Variable(jnp.ones(2))

    def up(x):
        a.value += x
        return 1

    def down(x):
        b.value -= x
        return 0

    branch = bm.make_cond(up, down)

    @bm.jit
    def run(pred, x):
        return branch(pred, x)

    assert int(run(True, 2.0)) == 1 and int(run(False, 3.0)) == 0
    np.testing.assert_allclose(np.asarray(a.value), [2, 2])
    np.testing.assert_allclose(np.asarray(b.value), [-2, -2])


@pytest.mark.parametrize("jit", [False, True])
def test_ifelse_picks_the_first_true_condition(jit):
    def py(a):
        if a > 10:
            return 1
        if a > 5:
            return 2
        if a > 2:
            return 3
        if a > 0:
            return 4
        return 5

    def ours(a):
        return bm.ifelse(
            [a > 10, a > 5, a > 2, a > 0],
            [lambda _: 1, lambda _: 2, 3, lambda _: 4, lambda _: 5],
        )

    fn = jax.jit(ours) if jit else ours
    for a in [11, 10, 6, 3, 1, 0, -4]:
        assert int(fn(jnp.asarray(a))) == py(a), a


def test_ifelse_with_operands_and_variables():
    v = bm.Variable(jnp.zeros(()))

    def add(x):
        v.value += x
        return x * 2

    out = bm.ifelse(jnp.asarray(True), [add, lambda x: -x], operands=jnp.asarray(3.0))
    assert float(out) == 6.0 and float(v.value) == 3.0
    with pytest.raises(ValueError, match="one more item than conditions"):
        bm.ifelse([True, False], [1, 2])

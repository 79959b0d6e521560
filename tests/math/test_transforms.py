"""jit, for_loop, while_loop, cond, grad and vmap find Variables by themselves."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_math.errors import MathError


class Counter:
    def __init__(self):
        self.n = bm.Variable(jnp.zeros((), jnp.int32))
        self.total = bm.Variable(jnp.zeros(3))
        self.scale = bm.Variable(jnp.ones(3))  # read only

    def step(self, x):
        self.n.value += 1
        self.total.value = self.total.value + x * self.scale.value
        return self.total.value.sum()


def test_jit_writes_back_and_reads_current_values():
    c = Counter()
    f = bm.jit(c.step)
    assert float(f(jnp.ones(3))) == 3.0
    c.scale.value = 2 * jnp.ones(3)  # a read-only Variable changed outside: seen next call
    assert float(f(jnp.ones(3))) == 9.0
    assert int(c.n.value) == 2


def test_jit_compiles_once_per_signature():
    v = bm.Variable(jnp.zeros(3))
    traces = []

    @bm.jit
    def f(x):
        traces.append(1)
        v.value += x
        return v.value

    f(jnp.ones(3))
    n_after_first = len(traces)
    f(jnp.ones(3))
    f(jnp.ones(3) * 2)
    assert len(traces) == n_after_first  # cached: no new trace
    f(1.0)  # a new signature (scalar) traces again
    assert len(traces) > n_after_first
    np.testing.assert_allclose(np.asarray(v), [5.0, 5.0, 5.0])


def test_jit_as_method_decorator_and_static_args():
    class Model:
        def __init__(self):
            self.v = bm.Variable(jnp.zeros(2))

        @bm.jit(static_argnums=1)
        def add(self, k, x):
            self.v.value += k * x
            return self.v.value

    m1, m2 = Model(), Model()
    m1.add(2, jnp.ones(2))
    m2.add(3, jnp.ones(2))
    np.testing.assert_array_equal(np.asarray(m1.v), [2.0, 2.0])
    np.testing.assert_array_equal(np.asarray(m2.v), [3.0, 3.0])


def test_jit_variable_argument_is_updated_in_place():
    v = bm.Variable(jnp.zeros(2))

    @bm.jit
    def bump(var, x):
        var.value += x

    bump(v, 1.0)
    bump(v, 1.0)
    np.testing.assert_array_equal(np.asarray(v), [2.0, 2.0])


def test_dyn_vars_is_accepted_and_ignored():
    v = bm.Variable(jnp.zeros(1))
    f = bm.jit(lambda: v.update(v.value + 1), dyn_vars=[v])
    f()
    assert float(v.value[0]) == 1.0


def test_for_loop_equals_raw_scan():
    decay = 0.9
    v = bm.Variable(jnp.zeros(4))
    xs = jnp.arange(20.0 * 4).reshape(20, 4) / 10

    def body(x):
        v.value = v.value * decay + x
        return v.value * 2

    out = bm.for_loop(body, xs)

    def raw(carry, x):
        carry = carry * decay + x
        return carry, carry * 2

    final, expected = jax.lax.scan(raw, jnp.zeros(4), xs)
    np.testing.assert_array_equal(np.asarray(out), np.asarray(expected))
    np.testing.assert_array_equal(np.asarray(v), np.asarray(final))
    assert isinstance(out, bm.Array)


def test_for_loop_tuple_operands_unpacked_and_jit_false_matches():
    results = []
    for jit in (True, False):
        v = bm.Variable(jnp.zeros(()))

        def body(a, b, v=v):
            v.value = v.value + a * b
            return v.value

        results.append(np.asarray(bm.for_loop(body, (jnp.arange(5.0), jnp.ones(5)), jit=jit)))
    np.testing.assert_array_equal(results[0], results[1])
    np.testing.assert_array_equal(results[0], np.cumsum(np.arange(5.0)))


def test_for_loop_out_vars():
    v = bm.Variable(jnp.zeros(2))

    def body(x):
        v.value += x

    out = bm.for_loop(body, jnp.ones(3), out_vars=v)
    np.testing.assert_array_equal(np.asarray(out), [[1, 1], [2, 2], [3, 3]])


def test_for_loop_rejects_ragged_operands():
    with pytest.raises(ValueError, match="leading"):
        bm.for_loop(lambda a, b: a, (jnp.ones(3), jnp.ones(4)))


def test_nested_for_loop_inside_jit():
    v = bm.Variable(jnp.zeros(()))

    @bm.jit
    def run(xs):
        return bm.for_loop(lambda x: v.update(v.value + x), xs)

    run(jnp.ones(10))
    run(jnp.ones(10))
    assert float(v.value) == 20.0


def test_while_loop():
    n = bm.Variable(jnp.zeros((), jnp.int32))

    def body(x):
        n.value += 1
        return x * 2.0

    out = bm.while_loop(body, lambda x: x < 100.0, 1.0)
    assert float(out) == 128.0 and int(n.value) == 7


def test_while_loop_cond_must_not_write():
    v = bm.Variable(jnp.zeros(()))

    def cond(x):
        v.value += 1
        return x < 3

    with pytest.raises(MathError, match="cond_fun must not write"):
        bm.while_loop(lambda x: x + 1, cond, 0.0)


def test_cond_branches_write_different_variables():
    a = bm.Variable(jnp.zeros(()))
    b = bm.Variable(jnp.zeros(()))

    def t(x):
        a.value += x
        return 1.0

    def f(x):
        b.value += x
        return 0.0

    @bm.jit
    def g(p, x):
        return bm.cond(p, t, f, x)

    assert float(g(True, 2.0)) == 1.0
    assert float(g(False, 3.0)) == 0.0
    assert (float(a.value), float(b.value)) == (2.0, 3.0)
    with pytest.raises(ValueError, match="scalar"):
        bm.cond(jnp.array([True, False]), t, f, 1.0)


def test_grad_wrt_variables_and_args_matches_jax():
    w = bm.TrainVar(jnp.array([1.0, 2.0, 3.0]))
    b = bm.TrainVar(jnp.array(0.5))
    calls = bm.Variable(jnp.zeros((), jnp.int32))

    def loss(x):
        calls.value += 1
        return jnp.sum((w.value * x + b.value) ** 2)

    f = bm.grad(loss, grad_vars={"w": w, "b": b}, argnums=0, return_value=True)
    (gv, gx), value = f(jnp.array([0.5, -1.0, 2.0]))

    def ref(params, x):
        return jnp.sum((params["w"] * x + params["b"]) ** 2)

    exp_v, exp_g = jax.value_and_grad(ref, argnums=(0, 1))(
        {"w": w.value, "b": b.value}, jnp.array([0.5, -1.0, 2.0])
    )
    np.testing.assert_allclose(gv["w"], exp_g[0]["w"], rtol=1e-6)
    np.testing.assert_allclose(gv["b"], exp_g[0]["b"], rtol=1e-6)
    np.testing.assert_allclose(gx, exp_g[1], rtol=1e-6)
    np.testing.assert_allclose(value, exp_v, rtol=1e-6)
    assert int(calls.value) == 1  # state written inside grad is kept


def test_grad_has_aux_and_value_and_grad():
    g = bm.grad(lambda x: (jnp.sum(x**2), x.mean()), has_aux=True)
    grads, aux = g(jnp.array([1.0, 3.0]))
    np.testing.assert_allclose(grads, [2.0, 6.0])
    assert float(aux) == 2.0
    value, grads = bm.value_and_grad(lambda x: jnp.sum(x**3))(jnp.array([2.0]))
    assert float(value) == 8.0 and float(grads[0]) == 12.0


def test_vector_grad_is_elementwise_derivative():
    out = bm.vector_grad(jnp.sin)(jnp.array([0.0, 1.0]))
    np.testing.assert_allclose(out, np.cos([0.0, 1.0]), rtol=1e-6)


def test_grad_rejects_non_variables():
    with pytest.raises(TypeError, match="Variables"):
        bm.grad(lambda: 0.0, grad_vars=[jnp.ones(2)])


def test_vmap_reads_variables_and_refuses_batched_writes():
    w = bm.Variable(jnp.arange(3.0))
    out = bm.vmap(lambda x: jnp.sum(w.value * x))(jnp.ones((4, 3)))
    np.testing.assert_array_equal(np.asarray(out), [3.0] * 4)

    def bad(x):
        w.value = w.value + x
        return x

    with pytest.raises(MathError, match="mapped axis"):
        bm.vmap(bad)(jnp.ones((4, 3)))


def test_grad_through_for_loop():
    w = bm.TrainVar(jnp.array(0.5))
    h = bm.Variable(jnp.zeros(()))

    def loss(xs):
        h.value = jnp.zeros(())
        ys = bm.for_loop(lambda x: h.update(h.value * w.value + x) or h.value, xs)
        return jnp.sum(ys.value)

    g = bm.grad(loss, grad_vars=w)(jnp.ones(5))

    def ref(wv, xs):
        def body(c, x):
            c = c * wv + x
            return c, c

        return jnp.sum(jax.lax.scan(body, 0.0, xs)[1])

    np.testing.assert_allclose(g, jax.grad(ref)(0.5, jnp.ones(5)), rtol=1e-6)


def test_jit_errors_on_untraceable_function_argument():
    with pytest.raises(TypeError, match="callable"):
        bm.jit(3)


def test_variables_created_inside_a_transformation_are_temporaries():
    total = bm.Variable(jnp.zeros(2))

    def body(x):
        tmp = bm.Variable(jnp.ones(2) * x)  # local: neither an input nor an output
        tmp.value = tmp.value * 2
        total.value = total.value + tmp.value
        return tmp.value

    out = bm.for_loop(body, jnp.arange(3.0))
    np.testing.assert_array_equal(np.asarray(total), [6.0, 6.0])
    np.testing.assert_array_equal(np.asarray(out)[:, 0], [0.0, 2.0, 4.0])
    g = bm.grad(lambda x: jnp.sum(bm.Variable(x * 3.0).value))(jnp.ones(2))
    np.testing.assert_array_equal(np.asarray(g), [3.0, 3.0])


def test_compiled_loops_do_not_keep_models_alive():
    import gc
    import weakref

    class Model:
        def __init__(self):
            self.v = bm.Variable(jnp.zeros(2))

        def step(self, x):
            self.v.value = self.v.value + x

    m = Model()
    bm.for_loop(m.step, jnp.ones(3))
    bm.for_loop(m.step, jnp.ones(3))  # cached entry is reused
    np.testing.assert_array_equal(np.asarray(m.v), [6.0, 6.0])
    ref = weakref.ref(m)
    del m
    gc.collect()
    assert ref() is None


def test_vmap_gives_each_element_its_own_random_numbers():
    rng = bm.random.RandomState(0)
    out = bm.vmap(lambda x: x + rng.normal(size=3))(jnp.zeros((4, 3)))
    rows = np.asarray(out)
    assert len({tuple(r) for r in rows.round(6)}) == 4  # all different
    key_before = np.asarray(rng.value).copy()
    bm.vmap(lambda x: x + rng.uniform(size=3))(jnp.zeros((2, 3)))
    assert not np.array_equal(key_before, np.asarray(rng.value))  # the generator advanced


def test_grad_accepts_dict_subclasses_and_jit_wraps_callables():
    class Params(dict):
        pass

    w = bm.TrainVar(jnp.ones(2))
    g = bm.grad(lambda: jnp.sum(w.value * 3.0), grad_vars=Params(w=w))()
    assert isinstance(g, dict) and np.allclose(np.asarray(g["w"]), 3.0)
    jitted = bm.jit(bm.grad(lambda x: jnp.sum(x**2)))
    np.testing.assert_allclose(np.asarray(jitted(jnp.ones(2))), [2.0, 2.0])

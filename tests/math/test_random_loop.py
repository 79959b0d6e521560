"""Random keys advance by themselves inside bm.jit, bm.for_loop and the other transformations.

The reference for every check is plain JAX: a ``jax.lax.scan`` (or a Python loop) that threads
the key by hand with the split order of ``RandomState.split_key``: ``key, sub = split(key)``,
the draw uses ``sub``.
"""

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm

N_STEPS = 100_000
SHAPE = (4,)


def _raw_step(carry, _):
    key, x = carry
    key, sub = jax.random.split(key)
    n = jax.random.normal(sub, SHAPE)
    key, sub = jax.random.split(key)
    u = jax.random.uniform(sub, SHAPE)
    x = x * 0.9 + n * 0.1 + u
    return (key, x), x


def test_for_loop_over_100k_steps_equals_a_hand_threaded_scan():
    v = bm.Variable(jnp.zeros(SHAPE))
    calls = []

    def body(i):
        calls.append(1)
        n = bm.random.normal(size=SHAPE)
        u = bm.random.uniform(size=SHAPE)
        v.value = v.value * 0.9 + n * 0.1 + u
        return v.value, n

    bm.random.seed(3)
    key0 = bm.random.DEFAULT.value
    out, noise = bm.for_loop(body, jnp.arange(N_STEPS))

    # One compiled scan: the body ran in Python only while being inspected and traced.
    assert len(calls) <= 3
    assert out.shape == (N_STEPS, *SHAPE)

    scan = jax.jit(lambda k: jax.lax.scan(_raw_step, (k, jnp.zeros(SHAPE)), None, N_STEPS))
    (key_end, x_end), xs = scan(key0)
    np.testing.assert_array_equal(np.asarray(out), np.asarray(xs))
    np.testing.assert_array_equal(np.asarray(v.value), np.asarray(x_end))
    np.testing.assert_array_equal(np.asarray(bm.random.DEFAULT.value), np.asarray(key_end))
    # The steps drew different numbers (float32 normals collide only rarely).
    assert len(np.unique(np.asarray(noise)[:, 0])) > 0.99 * N_STEPS


def test_for_loop_with_an_own_generator_and_explicit_keys():
    rng = bm.random.RandomState(11)
    key0 = rng.value
    fixed = jax.random.PRNGKey(99)

    def body(i):
        a = rng.uniform(-1.0, 1.0, size=(2,))
        b = rng.normal(size=(2,), key=fixed)  # an explicit key: rng does not advance
        return a, b

    a, b = bm.for_loop(body, jnp.arange(5))
    key = key0
    for step in range(5):
        key, sub = jax.random.split(key)
        np.testing.assert_array_equal(
            np.asarray(a[step]), np.asarray(jax.random.uniform(sub, (2,), minval=-1.0, maxval=1.0))
        )
        np.testing.assert_array_equal(
            np.asarray(b[step]), np.asarray(jax.random.normal(fixed, (2,)))
        )
    np.testing.assert_array_equal(np.asarray(rng.value), np.asarray(key))


def test_successive_jitted_calls_draw_new_numbers_and_reseeding_reproduces():
    @bm.jit
    def draw():
        return bm.random.normal(size=(3,)), bm.random.randint(0, 1000, size=(3,))

    bm.random.seed(42)
    key0 = bm.random.DEFAULT.value
    n1, i1 = draw()
    n2, i2 = draw()
    assert not np.array_equal(np.asarray(n1), np.asarray(n2))
    assert not np.array_equal(np.asarray(i1), np.asarray(i2))

    # Same numbers as hand-threaded JAX.
    key = key0
    for n, i in ((n1, i1), (n2, i2)):
        key, sub = jax.random.split(key)
        np.testing.assert_array_equal(np.asarray(n), np.asarray(jax.random.normal(sub, (3,))))
        key, sub = jax.random.split(key)
        np.testing.assert_array_equal(
            np.asarray(i), np.asarray(jax.random.randint(sub, (3,), 0, 1000))
        )

    bm.random.seed(42)
    n1b, i1b = draw()
    np.testing.assert_array_equal(np.asarray(n1), np.asarray(n1b))
    np.testing.assert_array_equal(np.asarray(i1), np.asarray(i1b))


def test_jit_of_a_method_with_its_own_generator():
    class Noisy:
        def __init__(self):
            self.rng = bm.random.RandomState(5)
            self.x = bm.Variable(jnp.zeros(2))

        @bm.jit
        def update(self):
            self.x.value = self.x.value + self.rng.standard_normal(2)
            return self.x.value

    @jax.jit
    def raw_update(key, x):
        key, sub = jax.random.split(key)
        return key, x + jax.random.normal(sub, (2,))

    model = Noisy()
    key, x = jax.random.PRNGKey(5), jnp.zeros(2)
    for _ in range(2):
        key, x = raw_update(key, x)
        np.testing.assert_array_equal(np.asarray(model.update()), np.asarray(x))
    np.testing.assert_array_equal(np.asarray(model.rng.value), np.asarray(key))


def test_reseeding_inside_jit_with_a_traced_seed():
    @bm.jit
    def reseed_and_draw(s):
        bm.random.seed(s)
        return bm.random.uniform(size=(2,))

    a = reseed_and_draw(jnp.asarray(7))
    b = reseed_and_draw(jnp.asarray(7))
    np.testing.assert_array_equal(np.asarray(a), np.asarray(b))
    bm.random.seed(7)
    np.testing.assert_array_equal(np.asarray(bm.random.uniform(size=(2,))), np.asarray(a))


def test_while_loop_and_cond_advance_the_key():
    rng = bm.random.RandomState(0)
    total = bm.Variable(jnp.zeros(()))

    def body(i):
        total.value = total.value + rng.uniform()
        return i + 1

    bm.while_loop(body, lambda i: i < 10, jnp.asarray(0))
    key = jax.random.PRNGKey(0)
    expected = jnp.zeros(())
    for _ in range(10):
        key, sub = jax.random.split(key)
        expected = expected + jax.random.uniform(sub)
    np.testing.assert_allclose(float(total.value), float(expected), rtol=1e-6)
    np.testing.assert_array_equal(np.asarray(rng.value), np.asarray(key))

    before = rng.value
    bm.cond(True, lambda: rng.normal(), lambda: 0.0)
    np.testing.assert_array_equal(np.asarray(rng.value), np.asarray(jax.random.split(before)[0]))


def test_samplers_with_rejection_loops_compile_inside_for_loop():
    rng = bm.random.RandomState(1)

    def body(i):
        return (
            rng.vonmises(0.0, 2.0, size=(3,)),
            rng.zipf(2.0, size=(3,)),
            rng.hypergeometric(5, 5, 4, size=(3,)),
        )

    vm, zp, hg = bm.for_loop(body, jnp.arange(4))
    assert vm.shape == zp.shape == hg.shape == (4, 3)
    assert np.all(np.abs(np.asarray(vm)) <= np.pi)
    assert np.all(np.asarray(zp) >= 1)
    assert np.all((np.asarray(hg) >= 0) & (np.asarray(hg) <= 4))
    assert len({tuple(row) for row in np.asarray(vm)}) == 4

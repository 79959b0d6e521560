"""compute_once is the identity in value, derivative and batching; only the CPU gets its loop."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm


@pytest.mark.parametrize("dtype", [jnp.float32, jnp.int32, jnp.bool_])
def test_value_is_unchanged_under_jit(dtype):
    x = (jnp.arange(12) % 3).astype(dtype).reshape(3, 4)
    got = jax.jit(lambda x, t: bm.compute_once(x, t))(x, 0.25)
    assert got.dtype == x.dtype and got.shape == x.shape
    np.testing.assert_array_equal(np.asarray(got), np.asarray(x))


def test_outside_a_trace_it_is_the_same_object():
    x = jnp.ones(3)
    assert bm.compute_once(x, 0.1) is x
    assert bm.compute_once(x, jnp.float32(0.1)) is x


def test_derivatives_and_batching_go_straight_through():
    def f(v, t):
        return jnp.sum(bm.compute_once(v * v, t) * 3.0)

    v = jnp.arange(4.0)
    np.testing.assert_allclose(jax.jit(jax.grad(f))(v, 0.5), 6.0 * v)
    _, tangent = jax.jvp(lambda v: bm.compute_once(v * 2.0, jnp.float32(1.0)), (v,), (v,))
    np.testing.assert_allclose(tangent, 2.0 * v)
    batched = jax.vmap(lambda row: bm.compute_once(row + 1.0, jnp.float32(0.0)))(jnp.ones((2, 3)))
    np.testing.assert_array_equal(np.asarray(batched), 2.0)
    # a NaN clock still gives one turn of the loop
    np.testing.assert_array_equal(
        np.asarray(jax.jit(lambda v, t: bm.compute_once(v, t))(v, jnp.nan)), np.asarray(v)
    )


@pytest.mark.parametrize("platform, loops", [("cpu", 1), ("cuda", 0), ("tpu", 0)])
def test_only_the_cpu_program_holds_the_loop(platform, loops):
    f = jax.jit(lambda v, t: bm.compute_once(v * 2.0, t) + 1.0)
    exported = jax.export.export(f, platforms=[platform])(
        jax.ShapeDtypeStruct((8,), jnp.float32), jax.ShapeDtypeStruct((), jnp.float32)
    )
    assert exported.mlir_module().count("stablehlo.while") == loops


def test_the_value_is_computed_once_for_its_consumers():
    # Without compute_once, XLA:CPU fuses the new value into each of its three consumers.
    def step(v, t, once):
        new = v * 0.99 + 0.5
        if once:
            new = bm.compute_once(new, t)
        spike = new > 1.0
        return jnp.where(spike, 0.0, new), spike, jnp.where(spike, t, -1.0)

    def count_multiplies(once):
        text = (
            jax.jit(lambda v, t: step(v, t, once))
            .lower(jnp.ones(64), jnp.float32(0.0))
            .compile()
            .as_text()
        )
        return text.count(" multiply(")

    assert count_multiplies(True) < count_multiplies(False)

"""Surrogate-gradient spike functions: a step forward, the surrogate's slope backward."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm

X = jnp.array([-2.0, -0.5, 0.0, 0.5, 2.0])


@pytest.mark.parametrize("fn", [bm.surrogate.inv_square_grad, bm.surrogate.sigmoid])
def test_forward_is_the_heaviside_step(fn):
    np.testing.assert_array_equal(np.asarray(fn(X)), [0.0, 0.0, 1.0, 1.0, 1.0])


def test_gradients_are_the_surrogate_slopes():
    alpha = 3.0
    g = jax.vmap(jax.grad(lambda x: bm.surrogate.inv_square_grad(x, alpha)))(X)
    np.testing.assert_allclose(
        np.asarray(g), 1 / (alpha * np.abs(np.asarray(X)) + 1) ** 2, rtol=1e-6
    )
    g = jax.vmap(jax.grad(lambda x: bm.surrogate.sigmoid(x, alpha)))(X)
    s = 1 / (1 + np.exp(-alpha * np.asarray(X)))
    np.testing.assert_allclose(np.asarray(g), alpha * s * (1 - s), rtol=1e-5)


def test_bad_alpha_is_named():
    with pytest.raises(ValueError, match="alpha"):
        bm.surrogate.sigmoid(X, -1.0)

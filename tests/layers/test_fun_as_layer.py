"""FunAsLayer and the Conv1D/2D/3D spellings of brainpy_layers."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_layers as bl
import brainpy_math as bm


def test_conv_capital_d_spellings_are_the_same_classes():
    assert bl.Conv1D is bl.Conv1d
    assert bl.Conv2D is bl.Conv2d
    assert bl.Conv3D is bl.Conv3d
    layer = bl.Conv2D(3, 4, (3, 3), mode=bm.nonbatching_mode)
    assert isinstance(layer, bl.Conv2d)
    assert layer(jnp.ones((5, 5, 3))).shape == (5, 5, 4)


def test_fun_as_layer_calls_the_function_with_its_keywords():
    layer = bl.FunAsLayer(jnp.sum, axis=-1)
    x = np.arange(6.0, dtype=np.float32).reshape(2, 3)
    np.testing.assert_allclose(layer(x), x.sum(-1))
    both = bl.FunAsLayer(lambda a, b, scale=1.0: scale * (a - b), scale=2.0)
    np.testing.assert_allclose(both(jnp.ones(2), jnp.zeros(2)), [2.0, 2.0])
    np.testing.assert_allclose(both.update(jnp.ones(2), b=jnp.ones(2)), [0.0, 0.0])


def test_fun_as_layer_in_a_sequential_under_jit_and_grad():
    net = bd.Sequential(
        bl.Dense(3, 4, mode=bm.training_mode),
        bl.FunAsLayer(jax.nn.relu),
        bl.FunAsLayer(lambda x: x.reshape(x.shape[0], -1).sum(-1)),
    )
    x = jnp.ones((2, 3))
    out = bm.jit(net)(x)
    assert out.shape == (2,)
    w = net[0].W

    def loss():
        return net(x).sum()

    grads = bm.grad(loss, grad_vars={"w": w})()
    assert grads["w"].shape == w.shape


def test_fun_as_layer_rejects_a_non_callable():
    with pytest.raises(TypeError, match="FunAsLayer: fun must be callable, got int"):
        bl.FunAsLayer(3)

"""Dropout: keep-probability, active only while fitting, random under bm.jit."""

from __future__ import annotations

import inspect

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_layers as bl
import brainpy_math as bm
from brainpy_layers.errors import LayerArgumentError


@pytest.mark.parametrize("mode", [bm.nonbatching_mode, bm.batching_mode, bm.training_mode])
def test_identity_unless_fitting(mode):
    layer = bl.Dropout(0.3, mode=mode)
    x = jnp.arange(12.0).reshape(3, 4)
    np.testing.assert_array_equal(layer(x), x)
    bd.share.save(fit=False)
    np.testing.assert_array_equal(bm.jit(layer.update)(x), x)


def test_keeps_with_probability_prob_and_rescales():
    bm.random.seed(0)
    layer = bl.Dropout(0.8)
    bd.share.save(fit=True)
    y = np.asarray(layer(jnp.ones(20_000)))
    assert set(np.unique(y)) == {0.0, 1.25}
    assert abs((y > 0).mean() - 0.8) < 0.02


def test_new_mask_at_every_compiled_call():
    bd.share.save(fit=True)
    f = bm.jit(bl.Dropout(0.5, mode=bm.batching_mode).update)
    a, b = np.asarray(f(jnp.ones((2, 64)))), np.asarray(f(jnp.ones((2, 64))))
    assert not np.array_equal(a, b)


def test_traced_fit_flag():
    layer = bl.Dropout(0.5)
    x = jnp.ones(64)
    f = bm.jit(lambda x, fit: (bd.share.save(fit=fit), layer(x))[1])
    np.testing.assert_array_equal(f(x, jnp.asarray(False)), x)
    assert (np.asarray(f(x, jnp.asarray(True))) == 0).any()


@pytest.mark.parametrize("prob", [0.0, 1.5, -0.1, "0.5", True])
def test_bad_prob(prob):
    with pytest.raises(LayerArgumentError, match=r"^Dropout: prob \(the keep probability\)"):
        bl.Dropout(prob)


def test_seed_gives_the_layer_its_own_reproducible_generator():
    assert list(inspect.signature(bl.Dropout).parameters) == ["prob", "seed", "mode", "name"]
    bd.share.save(fit=True)
    try:
        a, b = bl.Dropout(0.5, seed=7), bl.Dropout(0.5, 7)
        np.testing.assert_array_equal(a(jnp.ones(64)), b(jnp.ones(64)))
        assert bl.Dropout(0.5, bm.batching_mode).rng is None  # the older (prob, mode) order
        assert isinstance(bl.Dropout(0.5, bm.batching_mode).mode, bm.BatchingMode)
    finally:
        bd.share.clear_shargs()
    with pytest.raises(LayerArgumentError, match="seed"):
        bl.Dropout(0.5, seed=0.5)

"""Activation functions: brainpy_math.activations and the bm.<name> shortcuts of 2.3.5."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm

X = np.linspace(-3.0, 3.0, 12, dtype=np.float32)  # even: glu halves the last axis

REFERENCES = {
    "relu": lambda x: np.maximum(x, 0),
    "sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "softplus": lambda x: np.log1p(np.exp(x)),
    "silu": lambda x: x / (1 + np.exp(-x)),
    "elu": lambda x: np.where(x > 0, x, np.expm1(x)),
    "leaky_relu": lambda x: np.where(x >= 0, x, 0.01 * x),
    "softmax": lambda x: np.exp(x) / np.exp(x).sum(),
    "log_softmax": lambda x: x - np.log(np.exp(x).sum()),
    "relu6": lambda x: np.clip(x, 0, 6),
}


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_against_numpy_formulas(name):
    out = getattr(bm.activations, name)(bm.asarray(X))
    assert isinstance(out, bm.Array)
    np.testing.assert_allclose(np.asarray(out), REFERENCES[name](X), rtol=1e-5, atol=1e-6)
    assert getattr(bm, name) is getattr(bm.activations, name)


def test_every_activation_matches_jax_nn_and_works_under_jit():
    # identity, normalize and one_hot are BrainPy's own (tested in test_object_paths.py)
    for name in sorted(set(bm.activations.__all__) - {"identity", "normalize", "one_hot"}):
        ours = getattr(bm.activations, name)
        x = jnp.asarray(np.stack([X, X[::-1]]))
        np.testing.assert_allclose(
            np.asarray(jax.jit(lambda a, f=ours: f(a).value)(x)),
            np.asarray(getattr(jax.nn, name)(x)),
            rtol=1e-5,  # jit vs eager fusion may differ in the last bits
            atol=1e-6,
            err_msg=name,
        )


def test_numpy_tanh_is_not_replaced():
    assert "numpy.tanh" in bm.tanh.__doc__

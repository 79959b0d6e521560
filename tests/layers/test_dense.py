"""Dense/Linear against torch.nn.Linear, in every mode."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_layers as bl
import brainpy_math as bm
from brainpy_layers.errors import LayerArgumentError, LayerInputShapeError

RNG = np.random.default_rng(2)


@pytest.mark.parametrize("bias", [True, False])
def test_matches_torch_linear_in_every_mode(torch, check_modes, bias):
    ref = torch.nn.Linear(5, 3, bias=bias)
    x = RNG.normal(size=(4, 5)).astype(np.float32)
    with torch.no_grad():
        expected = ref(torch.from_numpy(x)).numpy()
    w = ref.weight.detach().numpy().T
    b = ref.bias.detach().numpy() if bias else None

    def make(mode):
        return bl.Dense(5, 3, W_initializer=w, b_initializer=b, mode=mode)

    check_modes(make, x, expected)


def test_linear_is_dense_and_any_leading_axes():
    layer = bl.Linear(2, 3, W_initializer=bd.init.OneInit(), b_initializer=bd.init.OneInit())
    assert isinstance(layer, bl.Dense)
    assert np.asarray(layer(np.ones((4, 7, 2), np.float32))).tolist() == [[[3.0] * 3] * 7] * 4
    assert repr(layer) == "Linear(num_in=2, num_out=3, mode=NonBatchingMode)"


def test_training_mode_and_global_mode():
    with bm.training_environment():
        layer = bl.Dense(2, 3, W_initializer=bd.init.OneInit())
    assert set(layer.train_vars(method="relative")) == {"W", "b"}
    grads = bm.grad(lambda x: layer(x).sum(), grad_vars=dict(layer.train_vars()))(np.ones((4, 2)))
    np.testing.assert_array_equal(grads[f"{layer.name}.W"], np.full((2, 3), 4.0))
    np.testing.assert_array_equal(grads[f"{layer.name}.b"], np.full((3,), 4.0))


def test_errors():
    layer = bl.Dense(2, 3, W_initializer=bd.init.OneInit())
    with pytest.raises(
        LayerInputShapeError, match=r"^Dense: expected input of shape \(\.\.\., 2\)"
    ):
        layer(np.ones((4, 3)))
    with pytest.raises(LayerArgumentError, match=r"^Dense: num_out must be a positive int, got 0"):
        bl.Dense(2, 0)
    with pytest.raises(LayerArgumentError, match=r"^Dense: W_initializer must be a number"):
        bl.Dense(2, 3, W_initializer=None)

"""Layers refuse inputs they cannot compute on, with their own error types and names."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_layers as bl
import brainpy_math as bm
from brainpy_layers.errors import LayerArgumentTypeError, LayerInputShapeError

LAYERS = {
    "Dense": lambda: bl.Dense(3, 2),
    "Conv2d": lambda: bl.Conv2d(1, 2, kernel_size=3, mode=bm.batching_mode),
    "Flatten": lambda: bl.Flatten(),
    "Dropout": lambda: bl.Dropout(0.5),
    "MaxPool": lambda: bl.MaxPool(2, 2),
}


@pytest.mark.parametrize("name", sorted(LAYERS))
@pytest.mark.parametrize(
    "bad", ["abc", np.array(["a", "b"]), [object()]], ids=["str", "str-array", "objects"]
)
def test_non_numeric_input_is_a_layer_error_naming_the_layer(name, bad):
    layer = LAYERS[name]()
    with pytest.raises(
        LayerArgumentTypeError, match=f"{type(layer).__name__}: the input must be a numeric array"
    ):
        layer(bad)


@pytest.mark.parametrize(("shape", "kernel"), [((1, 3, 3, 1), 5), ((1, 4, 2, 1), 3)])
def test_valid_convolution_with_a_kernel_larger_than_the_input(shape, kernel):
    conv = bl.Conv2d(1, 2, kernel_size=kernel, padding="VALID", mode=bm.batching_mode)
    with pytest.raises(LayerInputShapeError, match="output would be empty"):
        conv(bm.ones(shape))


def test_same_padding_and_fitting_kernels_still_work():
    conv = bl.Conv2d(1, 2, kernel_size=5, padding="SAME", mode=bm.batching_mode)
    assert conv(bm.ones((1, 3, 3, 1))).shape == (1, 3, 3, 2)
    conv = bl.Conv2d(1, 2, kernel_size=3, padding="VALID", mode=bm.batching_mode)
    assert conv(bm.ones((1, 3, 3, 1))).shape == (1, 1, 1, 2)

"""Flatten keeps the batch axis in the batching modes only."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_layers as bl
import brainpy_math as bm
from brainpy_layers.errors import LayerInputShapeError


def test_every_mode_and_jit(check_modes):
    x = np.arange(2 * 3 * 4 * 5, dtype=np.float32).reshape(2, 3, 4, 5)

    check_modes(lambda mode: bl.Flatten(mode=mode), x, x.reshape(2, -1), params=False)


def test_scalar_in_batching_mode():
    with pytest.raises(LayerInputShapeError, match=r"^Flatten: expected input of rank >= 1"):
        bl.Flatten(mode=bm.batching_mode)(np.float32(1.0))

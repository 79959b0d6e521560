"""Dropout in training, in a fresh process whose first random draw is the compiled mask.

See ``tests/math/test_random_first_use.py`` for the transformations themselves.
"""

from __future__ import annotations

import numpy as np

SETUP = (
    "import brainpy_dyn as bd\n"
    "import brainpy_layers as bl\n"
    "layer = bl.Dropout(0.5, mode=bm.training_mode)\n"
    "bd.share.save(fit=True)"
)


def test_dropout_mask_drawn_first_inside_jit(first_draw):
    code = "f = bm.jit(layer)\nfirst = [f(bm.ones((2, 16))), f(bm.ones((2, 16)))]"
    runs = first_draw(SETUP, code)
    lazy = np.asarray(runs["lazy"]["first"])
    np.testing.assert_array_equal(lazy, runs["eager"]["first"])
    np.testing.assert_array_equal(runs["lazy"]["later"], runs["eager"]["later"])
    assert set(np.unique(lazy)) == {0.0, 2.0}
    assert not np.array_equal(lazy[0], lazy[1])  # a new mask at each call


def test_dropout_mask_drawn_first_inside_a_training_loop(first_draw):
    code = "def step(i):\n    return layer(bm.ones(8))\nfirst = bm.for_loop(step, bm.arange(10))"
    runs = first_draw(SETUP, code)
    np.testing.assert_array_equal(runs["lazy"]["first"], runs["eager"]["first"])
    assert len({tuple(row) for row in runs["lazy"]["first"]}) > 1

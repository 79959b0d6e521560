"""``bp.base``: 2.3.5's module of the object system and the Variable-file functions."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy as bp
import brainpy.math as bm
import brainpy_checkpoints
import brainpy_math


def test_bp_base_holds_the_same_objects():
    assert bp.base.BrainPyObject is brainpy_math.BrainPyObject is bp.base.Base
    assert bp.base.ArrayCollector is brainpy_math.ArrayCollector
    for name in ("npz", "h5", "pkl", "mat"):
        assert getattr(bp.base, f"save_as_{name}") is getattr(
            brainpy_checkpoints.io, f"save_as_{name}"
        )
        assert getattr(bp.base, f"load_by_{name}") is getattr(
            brainpy_checkpoints.io, f"load_by_{name}"
        )
    for name in bp.base.__all__:
        assert getattr(bp.base, name) is not None, name


class _Two(bp.DynamicalSystem):
    def __init__(self):
        super().__init__()
        self.a = bm.Variable(bm.arange(3.0))
        self.b = bm.Variable(bm.ones((2, 2)))


@pytest.mark.parametrize("fmt", ["npz", "pkl"])
def test_save_and_load_a_network_through_bp_base(tmp_path, fmt):
    net = bp.Container(_Two(), _Two())
    path = tmp_path / f"net.{fmt}"
    getattr(bp.base, f"save_as_{fmt}")(str(path), net.vars())
    saved = {k: np.asarray(v.value) for k, v in net.vars().items()}
    for v in net.vars().values():
        v.value = bm.zeros_like(v.value)
    getattr(bp.base, f"load_by_{fmt}")(str(path), net)
    for k, v in net.vars().items():
        np.testing.assert_array_equal(v.value, saved[k])
    with pytest.raises(ValueError):
        getattr(bp.base, f"save_as_{fmt}")(str(tmp_path / f"net.{fmt}2"), net.vars())

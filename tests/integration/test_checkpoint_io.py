"""bp.checkpoints.io on real models: BrainPy 2.3.5's file formats for a network's Variables."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy as bp
import brainpy.math as bm


class Holder(bp.DynamicalSystem):
    def __init__(self, shapes, rng):
        super().__init__()
        for name, shape in shapes.items():
            setattr(self, name, bm.Variable(rng.random(shape)))


def make_net(seed: int) -> bp.Container:
    rng = bm.random.RandomState(seed)
    one = Holder({"a": (1,), "b": (3,), "c": (3, 4), "d": (2, 3, 4)}, rng)
    two = Holder({"a": (3,), "b": (10,)}, rng)
    one.a2 = two.a  # Variables shared between models appear under two names
    two.b2 = one.b
    return bp.Container(one, two)


def snapshot(net) -> dict[str, np.ndarray]:
    return {k: np.asarray(v.value).copy() for k, v in net.vars().items()}


FORMATS = [
    (".npz", bp.checkpoints.io.save_as_npz, bp.checkpoints.io.load_by_npz),
    (".hdf5", bp.checkpoints.io.save_as_h5, bp.checkpoints.io.load_by_h5),
    (".pickle", bp.checkpoints.io.save_as_pkl, bp.checkpoints.io.load_by_pkl),
    (".mat", bp.checkpoints.io.save_as_mat, bp.checkpoints.io.load_by_mat),
]


@pytest.mark.parametrize("suffix, save, load", FORMATS, ids=[f[0] for f in FORMATS])
def test_a_network_reloads_its_variables_shared_ones_included(tmp_path, suffix, save, load):
    net = make_net(3)
    path = str(tmp_path / f"net{suffix}")
    save(path, net.vars())
    saved = snapshot(net)
    for var in net.vars().unique().values():
        var.value = bm.zeros_like(var.value)
    load(path, net)
    for name, value in snapshot(net).items():
        assert isinstance(net.vars()[name], bm.Variable)
        np.testing.assert_array_equal(value, saved[name], err_msg=name)


def test_a_wrong_suffix_is_a_value_error_as_in_2_3_5(tmp_path):
    net = make_net(0)
    with pytest.raises(ValueError):
        bp.checkpoints.io.save_as_h5(str(tmp_path / "x.h52"), net.vars())
    with pytest.raises(ValueError):
        bp.checkpoints.io.load_by_npz(str(tmp_path / "x.npz2"), net)

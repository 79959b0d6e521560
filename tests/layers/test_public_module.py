"""Objects of every package show the public module that exports them (one ``set_module``)."""

from __future__ import annotations

import pickle

import brainpy_dyn as bd
import brainpy_layers as bl
import brainpy_math as bm
from brainpy_layers import losses, train


def test_objects_show_their_public_module_and_pickle_by_reference():
    assert bd.DSRunner.__module__ == "brainpy_dyn"
    assert bd.StepFunction.__module__ == bd.make_loop.__module__ == "brainpy_dyn"
    assert bd.conn.FixedProb.__module__ == "brainpy_dyn.conn"
    assert bd.init.variable_.__module__ == "brainpy_dyn.init"
    assert bl.Dense.__module__ == "brainpy_layers"
    assert losses.mean_squared_error.__module__ == "brainpy_layers.losses"
    assert train.BPTT.__module__ == "brainpy_layers.train"
    for obj in (bm.Variable, bd.DSRunner, bl.Dense, train.BPTT):
        assert pickle.loads(pickle.dumps(obj)) is obj


def test_layers_reset_to_the_modes_batch_size():
    cell = bl.GRUCell(3, 2, mode=bm.BatchingMode(4))
    assert cell.state.shape == (4, 2)
    cell.reset_state(bm.BatchingMode(2))
    assert cell.state.shape == (2, 2)

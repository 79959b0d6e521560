"""Views of systems (``group[index]``): Variables that read and write through, synapses onto views."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm


def test_group_view_reads_and_writes_through():
    lif = bd.neurons.LIF(10)
    tail = lif[5:]
    assert isinstance(tail, bd.NeuGroupView) and isinstance(tail, bd.NeuGroup)
    assert tail.num == 5 and tail.varshape == (5,) and tail.V.shape == (5,)
    tail.V += 10.0
    np.testing.assert_array_equal(lif.V.value, np.r_[np.zeros(5), np.full(5, 10.0)])
    tail.V.value = bm.ones(5) * 40.0
    np.testing.assert_array_equal(lif.V.value, np.r_[np.zeros(5), np.full(5, 40.0)])
    lif.V.value = bm.arange(10.0)
    np.testing.assert_array_equal(tail.V.value, np.arange(5.0, 10.0))
    assert tail.tau == lif.tau  # other attributes are the group's
    picked = lif[np.array([0, 3])]
    picked.V.value = bm.zeros(2)
    assert float(lif.V[0]) == 0.0 and float(lif.V[3]) == 0.0 and float(lif.V[1]) == 1.0


def test_view_in_training_mode_indexes_after_the_batch_axis():
    lif = bd.neurons.LIF(10, mode=bm.training_mode)
    tail = lif[5:]
    assert tail.V.shape == (1, 5)
    tail.V += 10.0
    np.testing.assert_array_equal(lif.V.value, np.c_[np.zeros((1, 5)), np.full((1, 5), 10.0)])


def test_view_is_not_updated_and_bad_indices_are_errors():
    lif = bd.neurons.LIF(4)
    with pytest.raises(NotImplementedError, match="view"):
        lif[1:]()
    with pytest.raises(IndexError, match="does not fit"):
        lif[7]
    with pytest.raises(TypeError, match="index"):
        lif["V"]
    with pytest.raises(IndexError, match="no neuron"):
        lif[3:1]


def test_synapse_onto_a_view_drives_only_the_viewed_neurons():
    pre = bd.neurons.SpikeTimeGroup(1, indices=[0], times=[0.0])
    post = bd.neurons.LIF(6, V_th=1e9)
    syn = bd.synapses.Exponential(
        pre, post[:3], bd.conn.All2All(), g_max=1.0, tau=5.0, output=bd.synouts.CUBA()
    )
    net = bd.Network(pre=pre, post=post, syn=syn)
    runner = bd.DSRunner(net, monitors={"V": post.V}, progress_bar=False, dt=0.1)
    runner.run(3.0)
    v = np.asarray(runner.mon["V"])
    assert (v[-1, :3] > 0).all()
    np.testing.assert_array_equal(v[:, 3:], 0.0)

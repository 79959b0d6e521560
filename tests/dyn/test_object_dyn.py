"""Dynamical systems on brainpy_math's object system; 2.3.5's SynConn and TwoEndConn bases."""

from __future__ import annotations

import uuid

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn._src import object as dyn_object


def uname(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def test_one_object_system():
    assert bd.BrainPyObject is bm.BrainPyObject is dyn_object.BrainPyObject
    assert bd.Collector is bm.Collector
    assert issubclass(bd.DynamicalSystem, bm.BrainPyObject)
    assert bd.errors.ObjectNameError is bm.errors.ObjectNameError
    assert bd.errors.StateDictError is bm.errors.StateDictError
    assert bd.StateLoadResult is bm.StateLoadResult
    assert isinstance(bd.neurons.LIF(2).vars(), bm.ArrayCollector)


class HH(bd.NeuGroup):
    def __init__(self, size, name=None):
        super().__init__(size, name=name)
        self.V = bm.Variable(bm.zeros(self.num))
        self.pre = None

    def update(self, tdi):
        self.V.value += 1.0


def test_network_with_circular_references_lists_every_node():
    a, b = HH(1, name=uname("X")), HH(1, name=uname("Y"))
    a.pre, b.pre = b, a
    net = bd.Network(a, b)
    assert list(net.nodes(method="absolute")) == [net.name, a.name, b.name]
    rel = net.nodes(method="relative")
    assert list(rel) == ["", a.name, b.name, f"{a.name}.pre", f"{a.name}.pre.pre"]
    assert list(net.vars(method="relative")) == [f"{a.name}.V", f"{b.name}.V"]
    net({"t": 0.0, "dt": 0.1})  # updating still works
    np.testing.assert_array_equal(a.V.value, [1.0])


def test_integrators_are_nodes_and_subset_by_type():
    class Neuron(bd.NeuGroup):
        def __init__(self):
            super().__init__(2)
            self.V = bm.Variable(bm.zeros(2))
            self.integral = bd.odeint(lambda V, t: -V)

    net = bd.Network(Neuron(), Neuron())
    ints = net.nodes().subset(bd.integrators.Integrator).unique()
    assert len(ints) == 2


class Chem(bd.TwoEndConn):
    def __init__(self, pre, post, conn, **kwargs):
        super().__init__(pre=pre, post=post, conn=conn, **kwargs)
        self.check_pre_attrs("V")
        self.w = bm.Variable(bm.ones(self.conn.require("conn_mat").shape))

    def update(self, tdi):
        self.post.V.value += bm.as_jax(self.pre.V) @ self.w.value


def test_two_end_conn_subclass_in_a_network():
    pre, post = HH(2), HH(3)
    syn = Chem(pre, post, bd.conn.All2All())
    assert syn.conn.pre_num == 2 and syn.conn.post_num == 3
    assert syn.output is None and syn.stp is None and syn.ltp is None
    net = bd.Network(pre, post, syn)
    assert set(net.nodes(method="relative")) >= {"", f"{syn.name}.pre", f"{syn.name}.post"}
    net({"t": 0.0, "dt": 0.1})
    # synapses update before neuron groups: post gets 0 from pre's initial V, then +1
    np.testing.assert_array_equal(post.V.value, np.ones(3))


def test_syn_conn_connection_forms_and_errors():
    pre, post = HH(2), HH(2)
    mat = np.array([[True, False], [True, True]])
    assert bd.SynConn(pre, post, mat).conn.require("conn_mat").sum() == 3
    ij = bd.SynConn(pre, post, {"i": np.array([0, 1]), "j": np.array([1, 0])})
    np.testing.assert_array_equal(ij.conn.require("conn_mat"), [[False, True], [True, False]])
    assert bd.SynConn(pre, post).conn is None
    with pytest.raises(ValueError, match="shape"):
        bd.SynConn(pre, post, np.ones((3, 2), bool))
    with pytest.raises(ValueError, match="'i'"):
        bd.SynConn(pre, post, {"i": [0]})
    with pytest.raises(TypeError, match="pre must be a NeuGroup"):
        bd.SynConn(3, post)
    with pytest.raises(TypeError, match="two-end connector"):
        bd.SynConn(pre, post, "all")
    with pytest.raises(ValueError, match="'spike'"):
        bd.SynConn(pre, post).check_post_attrs("spike")
    with pytest.raises(TypeError, match="output must be a DynamicalSystem"):
        bd.TwoEndConn(pre, post, output=3)
    with pytest.raises(NotImplementedError, match="must implement update"):
        bd.SynConn(pre, post)({"t": 0.0})

"""BrainPy 2.3.5's names of the object system through the ``brainpy`` meta package."""

from __future__ import annotations

import importlib

import brainpy as bp
import brainpy.math as bm
import brainpy_dyn
import brainpy_math


def test_one_brainpy_object_class_under_every_name():
    assert bp.BrainPyObject is bp.Base is bp.math.BrainPyObject is brainpy_math.BrainPyObject
    assert bp.BrainPyObject is brainpy_dyn.BrainPyObject
    assert issubclass(bp.DynamicalSystem, bp.BrainPyObject)
    assert bp.Collector is bm.Collector and bp.ArrayCollector is bm.ArrayCollector
    assert bp.TensorCollector is bm.ArrayCollector
    assert bp.TwoEndConn is brainpy_dyn.TwoEndConn and issubclass(bp.TwoEndConn, bp.SynConn)


def test_module_paths_of_brainpy_math():
    for name in ("object_transform", "object_base", "compat_numpy", "operators", "modes"):
        assert importlib.import_module(f"brainpy.math.{name}") is getattr(brainpy_math, name)
    from brainpy.math.object_transform import BrainPyObject, jit

    assert BrainPyObject is bm.BrainPyObject and jit is bm.jit


def test_private_235_paths_resolve_to_the_same_objects():
    base = importlib.import_module("brainpy._src.math.object_transform.base")
    autograd = importlib.import_module("brainpy._src.math.object_transform.autograd")
    assert base.BrainPyObject is bp.BrainPyObject and autograd.grad is bm.grad
    jac = autograd._jacfwd(lambda x: (x**3, x**2), has_aux=True)
    d, aux = jac(2.0)
    assert float(d) == 12.0 and float(aux) == 4.0
    # the other private paths still resolve to brainpy_dyn's tree
    assert importlib.import_module("brainpy._src") is importlib.import_module("brainpy_dyn._src")


def test_user_synapse_on_two_end_conn_collects_variables():
    class Syn(bp.TwoEndConn):
        def __init__(self, pre, post, conn):
            super().__init__(pre=pre, post=post, conn=conn)
            self.g = bm.Variable(bm.zeros(self.post.num))

    pre, post = bp.neurons.LIF(3), bp.neurons.LIF(2)
    syn = Syn(pre, post, bp.connect.All2All())
    net = bp.Network(pre, post, syn)
    assert f"{syn.name}.g" in net.vars() and net.nodes()[syn.name] is syn

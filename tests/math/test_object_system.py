"""The object system of brainpy_math: BrainPyObject, collectors, function objects, containers."""

from __future__ import annotations

import gc
import uuid

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_math.errors import ObjectNameError, StateDictError, UniqueNameError


def uname(prefix: str = "o") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


class Leaf(bm.BrainPyObject):
    def __init__(self, n=2, name=None):
        super().__init__(name=name)
        self.v = bm.Variable(bm.zeros(n))
        self.w = bm.TrainVar(bm.ones(n))


class Pair(bm.BrainPyObject):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.a = Leaf()
        self.b = Leaf()


# ------------------------------------------------------------------------ names
def test_names_auto_unique_and_errors():
    a, b = Leaf(), Leaf()
    assert a.name != b.name and a.name.startswith("Leaf")
    name = uname()
    keep = Leaf(name=name)
    with pytest.raises(ObjectNameError, match="already used"):
        Leaf(name=name)
    assert UniqueNameError is ObjectNameError and issubclass(ObjectNameError, ValueError)
    del keep
    gc.collect()
    assert Leaf(name=name).name == name


def test_unique_name_method_checks_without_reserving():
    leaf = Leaf()
    assert leaf.unique_name(type_="Custom").startswith("Custom")
    assert leaf.unique_name(leaf.name) == leaf.name  # its own name is fine
    with pytest.raises(ObjectNameError, match="already used"):
        Leaf().unique_name(leaf.name)


# -------------------------------------------------------------------- discovery
def test_vars_and_nodes_keys_levels_and_types():
    p = Pair(name=uname("pair"))
    assert list(p.nodes(method="relative")) == ["", "a", "b"]
    assert list(p.nodes()) == [p.name, p.a.name, p.b.name]
    assert list(p.vars(method="relative")) == ["a.v", "a.w", "b.v", "b.w"]
    assert f"{p.a.name}.v" in p.vars()
    assert list(p.train_vars(method="relative")) == ["a.w", "b.w"]
    assert list(p.vars(method="relative", exclude_types=bm.TrainVar)) == ["a.v", "b.v"]
    assert len(p.vars(level=0)) == 0 and len(p.nodes(level=0)) == 1
    assert isinstance(p.vars(), bm.ArrayCollector) and isinstance(p.nodes(), bm.Collector)
    with pytest.raises(ValueError, match="method must be 'absolute' or 'relative'"):
        p.vars(method="flat")


def test_circular_references_every_link_once():
    x, y = Leaf(name=uname("x")), Leaf(name=uname("y"))
    x.pre, y.pre = y, x

    class Net(bm.BrainPyObject):
        def __init__(self):
            super().__init__()
            self.register_implicit_nodes(x, y)

    net = Net()
    assert list(net.nodes()) == [net.name, x.name, y.name]
    rel = net.nodes(method="relative")
    # '', x, y, then x.pre (= y) and x.pre.pre (= x): each link is followed once
    assert list(rel) == ["", x.name, y.name, f"{x.name}.pre", f"{x.name}.pre.pre"]
    assert rel[f"{x.name}.pre.pre"] is x
    # each Variable once, under its first key
    assert len(net.vars(method="relative")) == 4


def test_excluded_vars_class_attribute():
    class Hidden(bm.BrainPyObject):
        _excluded_vars = ("_rng_",)

        def __init__(self):
            super().__init__()
            self._rng_ = bm.random.RandomState(0)
            self.rng = bm.random.RandomState(1)

    assert list(Hidden().vars(method="relative")) == ["rng"]


def test_register_implicit_vars_and_nodes():
    obj = bm.BrainPyObject()
    v1, v2, v3 = (bm.Variable(bm.zeros(1)) for _ in range(3))
    obj.register_implicit_vars(v1, [v2], named=v3)
    assert list(obj.vars(method="relative")) == ["var0", "var1", "named"]
    child = Leaf()
    obj.register_implicit_nodes([child], other=Leaf())
    assert child.name in obj.nodes(method="relative") and "other" in obj.nodes(method="relative")
    with pytest.raises(TypeError, match="must be a brainpy_math.Variable"):
        obj.register_implicit_vars(bad=3)
    with pytest.raises(TypeError, match="Leaf instances"):
        obj.register_implicit_nodes(bm.BrainPyObject(), node_cls=Leaf)


def test_setattr_updates_variable_in_place():
    leaf = Leaf()
    var = leaf.v
    leaf.v = jnp.ones(2)
    assert leaf.v is var and float(var.sum()) == 2.0
    with pytest.raises(ValueError, match=r"\.v holds a Variable"):
        leaf.v = jnp.ones(3)


# ------------------------------------------------------------------- state, io
def test_state_dict_round_trip_and_bad_shape():
    leaf = Leaf(name=uname("leaf"))
    leaf.v.value = bm.arange(2.0)
    state = leaf.state_dict()
    leaf.v.value = bm.zeros(2)
    assert leaf.load_state_dict(state) == bm.StateLoadResult([], [])
    np.testing.assert_array_equal(leaf.v.value, [0.0, 1.0])
    with pytest.raises(StateDictError, match="shape"):
        leaf.load_state_dict({leaf.name: {"v": np.zeros(3, np.float32)}})


@pytest.mark.parametrize("suffix", [".npz"])
def test_save_and_load_states(tmp_path, suffix):
    p = Pair()
    p.a.v.value = bm.asarray([1.0, 2.0])
    path = tmp_path / f"model{suffix}"
    p.save_states(str(path))
    p.a.v.value = bm.zeros(2)
    p.load_states(str(path))
    np.testing.assert_array_equal(p.a.v.value, [1.0, 2.0])
    with pytest.raises(StateDictError, match="does not match"):
        Leaf().load_states(str(path))
    with pytest.raises(ValueError, match="suffix"):
        p.save_states(str(tmp_path / "model.pkl"))


def test_to_cpu_keeps_values():
    leaf = Leaf()
    leaf.v.value = bm.asarray([3.0, 4.0])
    assert leaf.cpu() is leaf
    assert leaf.v.value.devices() == {jax.devices("cpu")[0]}
    np.testing.assert_array_equal(leaf.v.value, [3.0, 4.0])
    with pytest.raises(TypeError, match="jax.Device"):
        leaf.to("cpu")


def test_tree_flatten_unflatten():
    cls = jax.tree_util.register_pytree_node_class(type("TreeLeaf", (Leaf,), {}))
    obj = cls()
    obj.scale = 2.0
    doubled = jax.tree_util.tree_map(lambda x: x * 2, obj)
    assert type(doubled) is cls and doubled.scale == 2.0
    np.testing.assert_array_equal(doubled.w.value, [2.0, 2.0])
    np.testing.assert_array_equal(obj.w.value, [1.0, 1.0])


# --------------------------------------------------------------------- collectors
def test_collector_conflicts_update_add_sub():
    v, w = bm.Variable(bm.zeros(1)), bm.Variable(bm.ones(1))
    c = bm.Collector(a=v)
    c["a"] = v  # the same object again is fine
    with pytest.raises(ValueError, match="conflicts"):
        c["a"] = w
    c.replace("a", w)
    assert c["a"] is w
    assert list(c.update([v])) == ["a", "_var1"]
    assert list(c + {"b": v}) == ["a", "_var1", "b"]
    assert list(c - {"a": w}) == ["_var1"]
    assert list(c - [v]) == ["a"]
    with pytest.raises(ValueError, match="another object"):
        c - {"a": v}
    with pytest.raises(TypeError, match="dict, list or tuple"):
        c.update(3)


def test_array_collector_values_and_pytree():
    c = bm.ArrayCollector(a=bm.Variable(bm.zeros(2)), b=bm.TrainVar(bm.ones(1)))
    assert bm.TensorCollector is bm.ArrayCollector
    c.assign({"a": bm.ones(2), "b": bm.zeros(1)})
    np.testing.assert_array_equal(c.dict()["a"], [1.0, 1.0])
    assert [x.shape for x in c.data()] == [(2,), (1,)]
    with pytest.raises(ValueError, match="must have the keys"):
        c.assign({"a": bm.ones(2)})
    with pytest.raises(TypeError, match="Variable"):
        c["x"] = jnp.zeros(1)
    assert len(jax.tree_util.tree_leaves(c)) == 2
    doubled = jax.tree_util.tree_map(lambda x: x + 1, c)
    assert type(doubled) is bm.ArrayCollector and list(doubled) == ["a", "b"]
    assert list(bm.ArrayCollector.from_other([c["a"]])) == [id(c["a"])]


def test_grad_over_train_vars_collector():
    class Lin(bm.BrainPyObject):
        def __init__(self):
            super().__init__()
            self.w = bm.TrainVar(bm.asarray([1.0, 2.0]))

        def loss(self, x):
            return (self.w * x).sum()

    model = Lin()
    grads = bm.grad(model.loss, grad_vars=model.train_vars())(jnp.asarray([3.0, 4.0]))
    np.testing.assert_allclose(grads[f"{model.name}.w"], [3.0, 4.0])


# -------------------------------------------------------------- function objects
def test_fun_as_object_and_to_object_collect():
    leaf = Leaf()
    v = bm.Variable(bm.zeros(1))
    f = bm.to_object(lambda: leaf.v.value.sum() + v.value, child_objs=leaf, dyn_vars={"v": v})
    assert isinstance(f, bm.FunAsObject) and isinstance(f, bm.ObjectTransform)
    assert set(f.vars(method="relative")) == {"v", f"{leaf.name}.v", f"{leaf.name}.w"}
    bound = bm.to_object(leaf.unique_name)  # a bound method brings its object
    assert leaf in bound.nodes().values()
    assert bm.function(lambda x: x * 2, nodes=[leaf])(3) == 6
    with pytest.raises(TypeError, match="child_objs"):
        bm.FunAsObject(lambda: None, child_objs=3)
    with pytest.raises(TypeError, match="callable"):
        bm.FunAsObject(3)


def test_partial_and_jit_of_object():
    p = bm.Partial(lambda a, b, c=1: a - b + c, 10, c=0)
    assert p(3) == 7 and p(3, c=5) == 12

    class Counter(bm.BrainPyObject):
        def __init__(self):
            super().__init__()
            self.n = bm.Variable(bm.zeros(()))

        def __call__(self, k):
            self.n.value += k
            return self.n.value

    counter = Counter()
    step = bm.jit(counter)
    step(1.0)
    assert float(step(2.0)) == 3.0 and float(counter.n.value) == 3.0


def test_dyn_seq_and_dyn_dict():
    seq = bm.dyn_seq([1.0])
    seq.append(2.0)
    seq.extend([jnp.asarray(3.0)])
    with pytest.raises(TypeError, match="numerical"):
        seq.append("x")
    with pytest.raises(TypeError, match="numerical"):
        bm.dyn_seq(["a"])
    assert float(bm.jit(lambda s: s[0] + s[1] + s[2])(seq)) == 6.0
    d = bm.dyn_dict(a=1.0)
    assert d.update(b=2.0) is d
    out = jax.tree_util.tree_map(lambda x: x * 3, d)
    assert type(out) is bm.dyn_dict and out == {"a": 3.0, "b": 6.0}

"""BrainPyObject, DynamicalSystem, containers, neuron-group base and state dicts."""

from __future__ import annotations

import gc
import uuid

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn.errors import (
    ContainerChildError,
    ModeSupportError,
    ModeTypeError,
    NeuGroupSizeError,
    ObjectNameError,
    StateDictError,
)


@pytest.fixture(autouse=True)
def clean_share():
    bd.share.clear_shargs()
    yield
    bd.share.clear_shargs()


def uname(prefix: str = "n") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


class Leaf(bd.DynamicalSystemNS):
    def __init__(self, n=3, name=None):
        super().__init__(name=name)
        self.V = bm.Variable(bm.zeros(n))
        self.input = bm.Variable(bm.zeros(n))
        self.w = bm.TrainVar(bm.ones(n))
        self.resets = 0

    def update(self, x=None):
        self.V.value = self.V + self.input + (0.0 if x is None else x)
        return self.V.value

    def reset_state(self, batch_size=None):
        self.resets += 1
        self.V.value = bm.zeros(self.V.shape)

    def clear_input(self):
        self.input.value = bm.zeros(self.input.shape)


class Net(bd.DynamicalSystemNS):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.a = Leaf(name=uname("a"))
        self.layers = [Leaf(2), Leaf(2)]
        self.table = {"x": Leaf(1)}
        self.shared_v = self.a.V  # same Variable twice: de-duplicated
        self.own = bm.Variable(bm.zeros(1))

    def update(self):
        self.a()
        for layer in self.layers:
            layer()


# ---------------------------------------------------------------------------- names
def test_auto_names_are_unique_class_name_n():
    a, b = Leaf(), Leaf()
    assert a.name != b.name
    assert a.name.startswith("Leaf") and a.name[4:].isdigit()


def test_explicit_duplicate_name_is_an_error_naming_it():
    name = uname()
    keep = Leaf(name=name)
    with pytest.raises(ObjectNameError, match=f"'{name}' is already used"):
        Leaf(name=name)
    assert keep.name == name


def test_name_is_free_again_once_the_object_is_gone():
    name = uname()
    Leaf(name=name)
    gc.collect()
    assert Leaf(name=name).name == name


@pytest.mark.parametrize("bad", ["", "a.b", 3])
def test_bad_names(bad):
    with pytest.raises(ObjectNameError, match="non-empty string without dots"):
        Leaf(name=bad)


def test_rename_checks_and_releases():
    a = Leaf()
    new = uname()
    old = a.name
    a.name = new
    assert a.name == new
    Leaf(name=old)  # the old name was released


# ---------------------------------------------------------------------- discovery
def test_vars_relative_absolute_order_and_dedup():
    net = Net()
    rel = net.vars(method="relative")
    # self's Variables come first, so `shared_v` (the same Variable as a.V) wins
    assert list(rel) == [
        "shared_v",
        "own",
        "a.input",
        "a.w",
        "layers.0.V",
        "layers.0.input",
        "layers.0.w",
        "layers.1.V",
        "layers.1.input",
        "layers.1.w",
        "table.x.V",
        "table.x.input",
        "table.x.w",
    ]
    assert rel["shared_v"] is net.a.V
    absolute = net.vars()
    assert f"{net.a.name}.input" in absolute and f"{net.name}.shared_v" in absolute
    assert len(absolute) == len(rel)
    assert list(net.vars(level=0, method="relative")) == ["shared_v", "own"]
    no_self = net.vars(method="relative", include_self=False)
    assert "own" not in no_self and "a.V" in no_self
    assert list(net.train_vars(method="relative")) == [
        "a.w",
        "layers.0.w",
        "layers.1.w",
        "table.x.w",
    ]
    assert len(net.vars(exclude_types=bm.TrainVar)) == 9


def test_nodes_include_list_and_dict_children():
    net = Net()
    rel = net.nodes(method="relative")
    assert list(rel) == ["", "a", "layers.0", "layers.1", "table.x"]
    assert rel["layers.1"] is net.layers[1]
    assert set(net.nodes()) == {n.name for n in rel.values()}
    assert list(net.nodes(level=0)) == [net.name]
    assert net.name not in net.nodes(include_self=False)


def test_nodes_survive_cycles():
    a, b = Leaf(), Leaf()
    a.peer, b.peer = b, a
    assert list(a.nodes()) == [a.name, b.name]


def test_collector_subset_and_unique():
    net = Net()
    assert len(net.vars().subset(bm.TrainVar)) == 4
    assert len(net.vars().unique()) == len(net.vars())


def test_implicit_vars_and_nodes():
    leaf = Leaf()
    extra = bm.Variable(bm.zeros(2))
    child = Leaf()
    leaf.register_implicit_vars(extra=extra)
    leaf.register_implicit_nodes(child)
    assert leaf.vars(method="relative")["extra"] is extra
    assert leaf.nodes(method="relative")[child.name] is child


# ------------------------------------------------------------------ setattr rule
def test_assigning_to_a_variable_attribute_updates_its_value():
    leaf = Leaf()
    var = leaf.V
    leaf.V = bm.ones(3)
    assert leaf.V is var
    np.testing.assert_array_equal(var.value, np.ones(3))
    leaf.V = bm.Variable(bm.full(3, 2.0))
    assert leaf.V is var and float(var[0]) == 2.0
    leaf.V += 1.0
    assert leaf.V is var and float(var[0]) == 3.0


def test_setattr_rule_checks_shape_and_dtype_and_names_the_attribute():
    leaf = Leaf()
    with pytest.raises(ValueError, match=r"\.V holds a Variable.*shape \(4,\)"):
        leaf.V = bm.zeros(4)
    with pytest.raises(TypeError, match=r"\.V holds a Variable.*int32"):
        leaf.V = jnp.zeros(3, jnp.int32)
    del leaf.V
    leaf.V = bm.Variable(bm.zeros(4))  # rebinding after del
    assert leaf.V.shape == (4,)


# -------------------------------------------------------------------- dynsys
def test_mode_defaults_and_validation():
    assert Leaf().mode == bm.get_mode()
    with bm.environment(mode=bm.training_mode):
        assert isinstance(Leaf().mode, bm.TrainingMode)
    ds = bd.DynamicalSystemNS(mode=bm.BatchingMode)
    assert isinstance(ds.mode, bm.BatchingMode)
    with pytest.raises(ModeTypeError, match="mode must be a brainpy_math.Mode.*'batching'"):
        bd.DynamicalSystemNS(mode="batching")

    class OnlyTraining(bd.DynamicalSystemNS):
        supported_modes = (bm.TrainingMode,)

    with pytest.raises(ModeSupportError, match="TrainingMode"):
        OnlyTraining()


def test_update_is_abstract():
    with pytest.raises(NotImplementedError, match="DynamicalSystemNS must implement"):
        bd.DynamicalSystemNS()()


def test_old_style_update_gets_shared_data_first():
    class Old(bd.DynamicalSystem):
        def update(self, tdi, x):
            return tdi["t"], tdi.dt, x

    bd.share.save(t=2.0)
    assert Old()(5) == (2.0, bm.get_dt(), 5)
    # a dict first argument is passed as the shared data (and saved in share)
    assert Old()({"t": 7.0, "dt": 0.5}, 1) == (7.0, 0.5, 1)
    assert bd.share.load("t") == 7.0


def test_new_style_dispatch_saves_a_dict_first_argument():
    class New(bd.DynamicalSystemNS):
        def update(self, x=None):
            return bd.share.load("t"), x

    assert New()({"t": 4.0}, 3) == (4.0, 3)
    assert New()({"t": 5.0}) == (5.0, None)

    class Decorated(bd.DynamicalSystem):
        @bd.not_pass_shared
        def update(self, x):
            return x * 2

    assert Decorated()(4) == 8
    assert Decorated()({"i": 1}, 4) == 8 and bd.share.load("i") == 1


def test_reset_state_and_clear_input_recurse():
    net = Net()
    leaves = [net.a, *net.layers, net.table["x"]]
    for leaf in leaves:
        leaf.input.value = bm.ones(leaf.input.shape)
        leaf.V.value = bm.ones(leaf.V.shape)
    net.clear_input()
    net.reset_state()
    for leaf in leaves:
        assert float(leaf.input.value.sum()) == 0.0 and float(leaf.V.value.sum()) == 0.0
        assert leaf.resets == 1


def test_reset_state_without_children_is_fine():
    bd.DynamicalSystemNS().reset_state()
    bd.DynamicalSystemNS().clear_input()


def test_inputs_do_not_accumulate_in_nested_custom_systems():
    net = Net()
    for _ in range(3):
        net.clear_input()
        net.a.input.value += 1.0
        net()
    # V grows by exactly 1 per step, not 1 + 2 + 3
    np.testing.assert_allclose(net.a.V.value, np.full(3, 3.0))


# --------------------------------------------------------------- containers
def test_container_children_by_args_and_kwargs():
    a, b = Leaf(), Leaf()
    c = bd.Container(a, second=b)
    assert c.children == {a.name: a, "second": b}
    assert getattr(c, a.name) is a and c.second is b and c["second"] is b
    assert list(c.nodes(method="relative")) == ["", a.name, "second"]
    assert list(c.vars(method="relative"))[:2] == [f"{a.name}.V", f"{a.name}.input"]
    a.input.value = bm.ones(3)
    c()
    assert float(a.V[0]) == 1.0
    with pytest.raises(AttributeError, match="nothing"):
        _ = c.nothing


def test_container_rejects_non_systems():
    with pytest.raises(ContainerChildError, match="child 'x' must be a DynamicalSystem"):
        bd.Container(x=3)


def test_network_updates_others_then_groups_then_delays():
    order = []

    class Group(bd.NeuGroupNS):
        def update(self):
            order.append("group")

    class Syn(bd.DynamicalSystemNS):
        def update(self):
            order.append("syn")

    group = Group(2)
    delay = bd.Delay(bm.Variable(bm.zeros(2)), entries={"d": 0.1})
    delay.update = lambda *a: order.append("delay")
    net = bd.Network(delay, group, Syn())
    net()
    assert order == ["syn", "group", "delay"]


def test_network_subclass_with_attribute_children_and_old_style_update():
    class EI(bd.Network):
        def __init__(self):
            super().__init__()
            self.E = Leaf()

    net = EI()
    net.E.input.value = bm.ones(3)
    net()
    assert float(net.E.V[0]) == 1.0


def test_sequential_chains():
    class AddOne(bd.DynamicalSystemNS):
        def update(self, x):
            return x + 1

    seq = bd.Sequential(AddOne(), AddOne(), last=AddOne())
    assert seq(0) == 3 and len(seq) == 3
    assert seq[1:](0) == 2 and isinstance(seq[0], AddOne) and seq["last"] is seq[2]


# --------------------------------------------------------------- neuron groups
def test_neugroup_sizes():
    g = bd.NeuGroupNS(5)
    assert (g.size, g.num, g.varshape, len(g)) == ((5,), 5, (5,), 5)
    g = bd.NeuGroup((2, 3), keep_size=True)
    assert (g.size, g.num, g.varshape) == ((2, 3), 6, (2, 3))
    assert g.get_batch_shape() == (2, 3) and g.get_batch_shape(4) == (4, 2, 3)
    assert g.get_batch_shape(bm.batching_mode) == (1, 2, 3)
    assert g.get_batch_shape(bm.nonbatching_mode) == (2, 3)
    assert g.pass_shared and not bd.NeuGroupNS.pass_shared


@pytest.mark.parametrize("bad", [0, -1, (2, 0), (), 2.5, "3", True])
def test_neugroup_bad_size(bad):
    with pytest.raises(NeuGroupSizeError, match="size must be a positive int"):
        bd.NeuGroupNS(bad)


# ---------------------------------------------------------------- state dicts
def test_state_dict_layout():
    leaf = Leaf(2)
    state = leaf.state_dict()
    assert list(state) == [leaf.name]
    assert list(state[leaf.name]) == [f"{leaf.name}.V", f"{leaf.name}.input", f"{leaf.name}.w"]
    assert isinstance(state[leaf.name][f"{leaf.name}.V"], type(jnp.zeros(1)))


def test_state_dict_round_trip_nested_and_flat():
    net = Net()
    net.a.V.value = bm.arange(3.0)
    # what brainpy_checkpoints.load_pytree gives back: nested dicts of NumPy arrays
    state = {k: {kk: np.asarray(vv) for kk, vv in v.items()} for k, v in net.state_dict().items()}
    net.a.V.value = bm.zeros(3)
    net.own.value = bm.ones(1)
    assert net.load_state_dict(state) == bd.StateLoadResult([], [])
    np.testing.assert_array_equal(net.a.V.value, np.arange(3.0))
    np.testing.assert_array_equal(net.own.value, np.zeros(1))
    # loaded values are device arrays: writable in place, usable in compiled code
    assert isinstance(net.a.V.value, type(jnp.zeros(1)))
    net.a.V[0] = 10.0
    assert float(net.a.V[0]) == 10.0
    flat = {k: v for inner in state.values() for k, v in inner.items()}
    assert net.load_state_dict(flat) == bd.StateLoadResult([], [])
    assert float(net.a.V[0]) == 0.0
    short = {net.a.name: {"V": np.full(3, 5.0, np.float32)}}
    result = net.load_state_dict(short, warn=False)
    assert float(net.a.V[1]) == 5.0 and f"{net.name}.own" in result.missing_keys


def test_state_dict_into_another_instance_matches_nodes_by_position():
    net, other = Net(), Net()
    net.a.V.value = bm.arange(3.0)
    result = other.load_state_dict(net.state_dict())  # names differ, structure agrees
    assert result == bd.StateLoadResult([], [])
    np.testing.assert_array_equal(np.asarray(other.a.V.value), np.arange(3.0))


def test_state_dict_of_another_structure_reports_by_name():
    net, leaf = Net(), Leaf(2)
    with pytest.warns(UserWarning, match="missing keys"):
        result = leaf.load_state_dict(net.state_dict())
    assert f"{leaf.name}.V" in result.missing_keys
    assert f"{net.name}.own" in result.unexpected_keys
    assert not any(k.count(net.name) > 1 for k in result.unexpected_keys)  # no double prefix


def test_load_state_dict_reports_missing_and_unexpected_correctly():
    leaf = Leaf(2)
    name = leaf.name
    state = {name: {"V": np.ones(2, np.float32), "bogus": np.zeros(1, np.float32)}, "ghost": {}}
    with pytest.warns(UserWarning):
        result = leaf.load_state_dict(state)
    assert result.missing_keys == [f"{name}.input", f"{name}.w"]
    assert result.unexpected_keys == [f"{name}.bogus"]
    np.testing.assert_array_equal(leaf.V.value, np.ones(2))


def test_load_state_dict_errors_change_nothing():
    leaf = Leaf(2)
    name = leaf.name
    bad_shape = {name: {f"{name}.V": np.ones(2, np.float32), f"{name}.w": np.ones(3, np.float32)}}
    with pytest.raises(StateDictError, match=rf"'{name}.w' has shape \(3,\), expected \(2,\)"):
        leaf.load_state_dict(bad_shape)
    assert float(leaf.V.value.sum()) == 0.0  # V not written either
    with pytest.raises(StateDictError, match="dtype int32, expected float32"):
        leaf.load_state_dict({name: {"V": np.ones(2, np.int32)}}, warn=False)
    with pytest.raises(StateDictError, match="compatible must be 'v2'"):
        leaf.load_state_dict({}, compatible="v3")
    with pytest.raises(StateDictError, match="must be a mapping"):
        leaf.load_state_dict([1, 2])


def test_state_dict_of_a_delay_includes_buffer_and_pointer():
    var = bm.Variable(bm.zeros(2))
    delay = bd.Delay(var, entries={"d": 0.2})
    keys = list(delay.state_dict()[delay.name])
    assert keys == [f"{delay.name}.target", f"{delay.name}.data", f"{delay.name}.ptr"]

"""The state-dict registry: conversions, the Variable protocol, target checks."""

from __future__ import annotations

import collections
import functools

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_checkpoints as bc
from brainpy_checkpoints._src import state_dict


def test_builtin_containers_become_str_keyed_dicts():
    Pair = collections.namedtuple("Pair", "a b")
    tree = {1: [10, (20, 30)], "p": Pair(1, 2), "o": collections.OrderedDict(z=0)}
    assert bc.to_state_dict(tree) == {
        "1": {"0": 10, "1": {"0": 20, "1": 30}},
        "p": {"a": 1, "b": 2},
        "o": {"z": 0},
    }


def test_from_state_dict_rebuilds_container_types_and_original_keys():
    Pair = collections.namedtuple("Pair", "a b")
    target = {
        1: [0, (0, 0)],
        "p": Pair(0, 0),
        "o": collections.OrderedDict(z=0),
        "d": collections.defaultdict(list, {"k": 0}),
    }
    state = {
        "1": {"0": 1, "1": {"0": 2, "1": 3}},
        "p": {"a": 4, "b": 5},
        "o": {"z": 6},
        "d": {"k": 7},
    }
    out = bc.from_state_dict(target, state)
    assert out[1] == [1, (2, 3)] and type(out[1][1]) is tuple
    assert out["p"] == Pair(4, 5) and type(out["p"]) is Pair
    assert type(out["o"]) is collections.OrderedDict and out["o"]["z"] == 6
    assert type(out["d"]) is collections.defaultdict and out["d"].default_factory is list
    assert target["p"] == Pair(0, 0)  # the target itself is not modified


def test_variables_are_saved_as_their_value_and_restored_in_place(tmp_path, variable_like):
    var = variable_like(np.arange(3, dtype=np.float32))
    other = variable_like(np.zeros((2, 2), np.int32))
    assert isinstance(bc.to_state_dict(var), np.ndarray)
    path = bc.save_pytree(tmp_path / "v", {"v": var, "nested": [other]}, verbose=False)
    fresh = variable_like(np.zeros(3, np.float32))
    fresh_other = variable_like(np.ones((2, 2), np.int32))
    out = bc.load_pytree(path, target={"v": fresh, "nested": [fresh_other]})
    assert out["v"] is fresh and out["nested"][0] is fresh_other
    np.testing.assert_array_equal(fresh.value, [0, 1, 2])
    np.testing.assert_array_equal(fresh_other.value, np.zeros((2, 2)))
    assert fresh.value.flags.writeable
    fresh.value[0] = 5.0  # plain NumPy in-place writes work


def test_a_failed_restore_changes_no_variable(variable_like):
    first = variable_like(np.zeros(2, np.float32))
    second = variable_like(np.zeros(3, np.float32))
    state = {"a": np.ones(2, np.float32), "b": np.ones(4, np.float32)}
    with pytest.raises(bc.CheckpointStructureError, match=r"at \['b'\]"):
        bc.from_state_dict({"a": first, "b": second}, state)
    np.testing.assert_array_equal(first.value, [0, 0])


def test_objects_with_jax_array_but_no_settable_value_are_plain_arrays():
    class ReadOnly:
        def __init__(self, x):
            self._x = jnp.asarray(x)

        @property
        def value(self):
            return self._x

        def __jax_array__(self):
            return self._x

    obj = ReadOnly(np.arange(3.0, dtype=np.float32))
    assert isinstance(bc.to_state_dict(obj), jax.Array)
    out = bc.from_state_dict(obj, np.ones(3, np.float32))
    assert isinstance(out, np.ndarray)


def test_partial_round_trip():
    p = jax.tree_util.Partial(max, np.zeros(2), key=np.ones(1))
    state = bc.to_state_dict(p)
    assert set(state) == {"args", "keywords"}
    back = bc.from_state_dict(p, bc.msgpack_restore(bc.msgpack_serialize(p)))
    assert isinstance(back, jax.tree_util.Partial) and back.func is max
    np.testing.assert_array_equal(back.keywords["key"], [1.0])


def test_registered_classes_and_their_error_paths():
    class Layer:
        def __init__(self, w):
            self.w = w

    def to_sd(layer):
        return {"w": bc.to_state_dict(layer.w)}

    def from_sd(layer, state):
        return Layer(bc.from_state_dict(layer.w, state["w"], name="w"))

    bc.register_serialization_state(Layer, to_sd, from_sd)
    try:
        with pytest.raises(ValueError, match="already registered"):
            bc.register_serialization_state(Layer, to_sd, from_sd)
        bc.register_serialization_state(Layer, to_sd, from_sd, override=True)
        tree = {"layer": Layer(np.zeros(2))}
        data = bc.msgpack_serialize(tree)
        out = bc.msgpack_restore(data, target={"layer": Layer(np.ones(2))})
        assert isinstance(out["layer"], Layer)
        with pytest.raises(bc.CheckpointStructureError) as info:
            bc.msgpack_restore(data, target={"layer": Layer(np.ones(3))})
        assert "at ['layer']['w']" in str(info.value)

        class SubLayer(Layer):
            pass

        assert bc.to_state_dict(SubLayer(1)) == {"w": 1}
    finally:
        del state_dict._REGISTRY[Layer]


def test_register_rejects_non_classes():
    with pytest.raises(TypeError, match="must be a class"):
        bc.register_serialization_state("dict", lambda x: x, lambda t, s: s)


MISMATCHES = [
    ({"a": np.zeros(2)}, {"a": np.zeros(3)}, "['a']", "shape (2,)", "shape (3,)"),
    ({"a": np.zeros(2)}, {"a": np.zeros(2, np.float32)}, "['a']", "float64", "float32"),
    ({"a": {"b": 1}}, {"a": {"c": 1}}, "['a']", "['b']", "['c']"),
    ({"a": [1, 2]}, {"a": {"0": 1}}, "['a']", "length 2", "['1']"),
    ({"a": (1,)}, {"a": 5}, "['a']", "tuple of length 1", "int 5"),
    ({"a": [np.zeros(1)]}, {"a": {"0": 3.0}}, "['a'][0]", "shape (1,)", "float 3.0"),
    ({"a": 1}, {"a": 1.5}, "['a']", "int 1", "float 1.5"),
    ({"a": 1.0}, {"a": "x"}, "['a']", "float 1.0", "str 'x'"),
    ({"a": True}, {"a": 1}, "['a']", "bool True", "int 1"),
    ({"a": np.float32(1)}, {"a": np.float64(1)}, "['a']", "float32", "float64"),
    ({"a": None}, {"a": np.zeros(1)}, "['a']", "NoneType None", "shape (1,)"),
    (np.zeros(2), {"x": 1}, "the root", "shape (2,)", "a dict with keys ['x']"),
]


@pytest.mark.parametrize(("target", "state", "where", "want", "got"), MISMATCHES)
def test_mismatches_name_the_path_and_both_values(target, state, where, want, got):
    with pytest.raises(bc.CheckpointStructureError) as info:
        bc.from_state_dict(target, state)
    message = str(info.value)
    assert f"at {where}:" in message and want in message and got in message, message
    assert isinstance(info.value, ValueError)


def test_namedtuple_field_mismatch():
    Pair = collections.namedtuple("Pair", "a b")
    with pytest.raises(bc.CheckpointStructureError, match=r"fields \['a', 'b'\]"):
        bc.from_state_dict(Pair(1, 2), {"a": 1, "c": 2})


def test_scalar_leaves_are_converted_to_the_target_kind():
    out = bc.from_state_dict(
        {"f": 0.0, "i": 0, "c": 0j, "s": np.float32(0), "a": jnp.zeros(())},
        {"f": np.float64(2.5), "i": np.int64(3), "c": np.complex128(1j), "s": np.array(1, np.float32),
         "a": np.float32(4)},
    )  # fmt: skip
    assert type(out["f"]) is float and type(out["i"]) is int and type(out["c"]) is complex
    assert type(out["s"]) is np.float32
    assert isinstance(out["a"], np.ndarray) and out["a"].flags.writeable


def test_unknown_leaf_targets_take_the_stored_value():
    sentinel = object()
    assert bc.from_state_dict({"x": sentinel}, {"x": 3}) == {"x": 3}


def test_jax_array_targets_come_back_as_numpy_of_the_stored_dtype():
    out = bc.from_state_dict({"w": jnp.zeros(3)}, {"w": np.ones(3, np.float32)})
    assert isinstance(out["w"], np.ndarray) and out["w"].dtype == np.float32


def test_custom_handlers_can_be_called_outside_from_state_dict():
    # A registered handler used directly still checks its leaves.
    partial_from = state_dict._handler(functools.partial(max))  # plain partial: a leaf
    assert partial_from is None
    with pytest.raises(bc.CheckpointStructureError):
        state_dict._restore_leaf(np.zeros(1), np.zeros(2))

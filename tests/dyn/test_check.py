"""brainpy_dyn.check: the argument checks of 2.3.5's bp.check."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn import check


def test_on_off_switch():
    assert check.is_checking()
    check.turn_off()
    try:
        assert not check.is_checking()
    finally:
        check.turn_on()
    assert check.is_checking()


def test_shape_checks():
    assert check.is_shape_consistency([(2, 3), (2, 3)]) is None
    assert check.is_shape_consistency(
        [(2, 3), (2, 4)], free_axes=[-1], return_format_shapes=True
    ) == [
        (2, 3),
        (2, 4),
    ]
    with pytest.raises(ValueError, match="one number of dimensions"):
        check.is_shape_consistency([(2, 3), (3,)])
    with pytest.raises(ValueError, match="differ on axis 1"):
        check.is_shape_consistency([(2, 3), (2, 4)])
    for shapes in [[(3, 1), (4,)], [(5, 1, 2), (1, 7, 1)], [(2,), ()]]:
        want = np.broadcast_shapes(*shapes)
        assert check.is_shape_broadcastable(shapes) == want
    with pytest.raises(ValueError, match="do not broadcast on axis 1"):
        check.is_shape_broadcastable([(2, 3), (2, 4)])
    out, padded = check.is_shape_broadcastable(
        [(2, 3), (4,)], free_axes=[-1], return_format_shapes=True
    )
    assert out == (2, None) and padded == [(2, 3), (1, 4)]
    assert check.check_shape_except_batch((8, 3, 2), (1, 3, 2), mode="bool")
    assert not check.check_shape_except_batch((8, 3), (8, 4), mode="bool")
    assert check.check_shape_except_batch((3, 8), (3, 2), batch_idx=1) is None
    with pytest.raises(ValueError, match="must agree except on the batch axis 0"):
        check.check_shape_except_batch((8, 3), (8, 4))
    assert check.check_shape([(10, 3), (1, 5)]) == ([[3], [5]], [10])
    assert check.check_shape([(4, 2, 3), (2, 5)], free_axes=(0, -1)) == ([[4, 3], [1, 5]], [2])
    with pytest.raises(ValueError, match="fixed axis 0"):
        check.check_shape([(10, 3), (4, 5)])


def test_value_checks_return_the_value_or_name_the_argument():
    assert check.is_float(1, "tau") == 1
    assert check.is_float(jnp.float32(0.5), "p", max_bound=1.0) == 0.5
    with pytest.raises(TypeError, match="'tau' must be a float, got int"):
        check.is_float(1, "tau", allow_int=False)
    with pytest.raises(ValueError, match="'tau' must be >= 0.0, got -1.0"):
        check.is_float(-1.0, "tau", min_bound=0.0)
    assert check.is_float(None, "tau", allow_none=True) is None
    assert check.is_integer(np.int64(3), "n") == 3
    assert check.is_integer(jnp.array(2), "n", max_bound=2) == 2
    with pytest.raises(TypeError, match="'n' must be an int, got float"):
        check.is_integer(2.0, "n")
    with pytest.raises(TypeError, match="'n' must be an int, got bool"):
        check.is_integer(True, "n")
    with pytest.raises(ValueError, match="'n' must be >= 1, got 0"):
        check.is_integer(0, "n", min_bound=1)
    with pytest.raises(ValueError, match="'method' must be one of \\['a', 'b'\\], got 'c'"):
        check.is_string("c", "method", candidates=("a", "b"))
    with pytest.raises(TypeError, match="must be a str, got int"):
        check.is_string(1, "method")
    assert check.is_sequence((1, 2), "size", elem_type=int) == (1, 2)
    with pytest.raises(TypeError, match="elements must be .* got str at index 1"):
        check.is_sequence([1, "a"], "size", elem_type=int)
    assert check.is_sequence(None) is None
    with pytest.raises(TypeError, match="must be a list or a tuple, got int"):
        check.is_sequence(1, "size", allow_none=False)
    assert check.is_dict_data({"a": 1}, key_type=str, val_type=int) == {"a": 1}
    with pytest.raises(TypeError, match="values must be .* got str for key 'a'"):
        check.is_dict_data({"a": "x"}, val_type=int)
    with pytest.raises(TypeError, match="'f' must be callable, got int"):
        check.is_callable(1, "f")
    assert check.is_callable(None, allow_none=True) is None


def test_types_initializers_connectors():
    assert check.is_instance(2, (int, float), "x") == 2
    with pytest.raises(TypeError, match="'x' must be an instance of \\['int'\\], got str"):
        check.is_instance("2", int, "x")
    check.is_subclass(bd.NeuGroup, bd.DynamicalSystem, "cls")
    with pytest.raises(TypeError, match="must be a subclass of"):
        check.is_subclass(int, [str], "cls")
    init = bd.init.Uniform()
    assert check.is_initializer(init) is init
    assert check.is_initializer(0.5) == 0.5
    assert check.is_initializer(None, allow_none=True) is None
    with pytest.raises(TypeError, match="'w' must be an Initializer, a callable"):
        check.is_initializer("w", "w")
    with pytest.raises(ValueError, match="must be given, got None"):
        check.is_initializer(None)
    conn = bd.conn.One2One()
    assert check.is_connector(conn) is conn
    mat = np.ones((2, 2), bool)
    assert check.is_connector(mat) is mat
    with pytest.raises(TypeError, match="'conn' must be a Connector"):
        check.is_connector("all", "conn")


def test_element_sequence_dict_gathering():
    v1, v2 = bm.Variable(jnp.zeros(2)), bm.Variable(jnp.ones(2))
    assert check.is_all_vars(v1) == (v1,)
    assert check.is_all_vars([v1, v2], out_as="list") == [v1, v2]
    assert check.is_all_vars({"a": v1}, out_as="dict") == {"a": v1}
    with pytest.raises(TypeError, match="every element must be a Variable, got ndarray at '1'"):
        check.is_all_vars([v1, np.zeros(2)])
    obj = bm.BrainPyObject(name="check_obj_1")
    assert check.is_all_objs(obj, out_as="dict") == {"check_obj_1": obj}
    with pytest.raises(ValueError, match="out_as must be 'tuple', 'list' or 'dict'"):
        check.is_elem_or_seq_or_dict(1, int, out_as="set")


def test_serialize_kwargs():
    a = check.serialize_kwargs({"fit": True, "dt": 0.1})
    assert a == check.serialize_kwargs({"dt": 0.1, "fit": True})
    assert a != check.serialize_kwargs({"dt": 0.2, "fit": True})
    assert check.serialize_kwargs(None) == check.serialize_kwargs({})
    with pytest.raises(TypeError, match="value of 'x' must be hashable"):
        check.serialize_kwargs({"x": [1]})


def test_jit_error_checking_eager_and_compiled():
    def err(x):
        return ValueError(f"bad input {x}")

    check.jit_error_checking(False, err, 1.0)
    with pytest.raises(ValueError, match="bad input 3"):
        check.jit_error_checking(True, err, 3)

    @jax.jit
    def f(x):
        check.jit_error_checking(jnp.any(x < 0), err, x)
        return x * 2

    np.testing.assert_allclose(f(jnp.ones(2)), [2.0, 2.0])
    with pytest.raises(Exception, match="bad input \\[-1"):
        jax.block_until_ready(f(jnp.array([-1.0, 1.0])))

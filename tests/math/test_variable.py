"""Variable and TrainVar: shape and dtype checks, batch axis, pytree behaviour."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_math.errors import MathError, VariableDtypeError, VariableShapeError


@pytest.mark.parametrize("size, shape", [(3, (3,)), ((2, 4), (2, 4)), ((), ())])
def test_size_gives_zeros(size, shape):
    v = bm.Variable(size)
    assert v.shape == shape
    np.testing.assert_array_equal(np.asarray(v), np.zeros(shape, np.float32))


def test_value_assignment_keeps_identity_and_checks_shape():
    v = bm.Variable(jnp.zeros((2, 3)))
    v.value = jnp.ones((2, 3))
    assert float(v.value.sum()) == 6.0
    with pytest.raises(VariableShapeError, match=r"shape \(3, 2\).*shape \(2, 3\)"):
        v.value = jnp.ones((3, 2))
    with pytest.raises(ValueError):  # VariableShapeError is a ValueError too
        v.value = jnp.ones(6)


def test_dtype_check_names_both_dtypes():
    v = bm.Variable(jnp.zeros(3, dtype=jnp.float32))
    with pytest.raises(VariableDtypeError, match="int32.*float32"):
        v.value = jnp.zeros(3, dtype=jnp.int32)
    assert issubclass(VariableDtypeError, (MathError, TypeError))


def test_batch_axis_may_change():
    v = bm.Variable(jnp.zeros((4, 3)), batch_axis=0)
    assert v.batch_axis == 0 and v.batch_size == 4 and v.nobatch_shape == (3,)
    v.value = jnp.ones((7, 3))
    assert v.batch_size == 7
    with pytest.raises(VariableShapeError, match="axis 0 may vary"):
        v.value = jnp.ones((7, 2))
    with pytest.raises(ValueError, match="batch_axis"):
        bm.Variable(jnp.zeros(3), batch_axis=2)
    assert bm.Variable(jnp.zeros(3)).batch_size is None


def test_inplace_operators_update_value():
    v = bm.Variable(jnp.arange(4.0))
    same = v
    v += 1.0
    v *= 2.0
    v[0] = 10.0
    assert v is same
    np.testing.assert_array_equal(np.asarray(v), [10.0, 4.0, 6.0, 8.0])


def test_trainvar_is_variable_and_pytree():
    w = bm.TrainVar(jnp.ones((2, 2)))
    assert isinstance(w, bm.Variable)
    leaves, tree = jax.tree_util.tree_flatten(w)
    assert len(leaves) == 1
    back = jax.tree_util.tree_unflatten(tree, [leaves[0] * 2])
    assert type(back) is bm.TrainVar
    np.testing.assert_array_equal(np.asarray(back), 2 * np.ones((2, 2)))


def test_variable_works_with_numpy_and_jax():
    v = bm.Variable(jnp.arange(3.0))
    np.testing.assert_array_equal(np.asarray(v) + 1, [1.0, 2.0, 3.0])
    assert float(jnp.sum(v)) == 3.0

"""bm.VariableView (reads and writes through to a Variable) and bm.clear_buffer_memory."""

import pickle

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm


@pytest.mark.parametrize(
    "index",
    [slice(1, 3), 2, (slice(None), 0), np.array([3, 0]), (np.array([True, False, True, False]),)],
    ids=["slice", "int", "tuple", "int-array", "bool-mask"],
)
def test_reads_and_writes_the_indexed_part_like_numpy(index):
    base = np.arange(12.0, dtype=np.float32).reshape(4, 3)
    v = bm.Variable(base.copy())
    view = bm.VariableView(v, index)
    np.testing.assert_array_equal(view.value, base[index])
    new = -np.ones_like(base[index])
    view.value = new
    expected = base.copy()
    expected[index] = new
    np.testing.assert_array_equal(v.value, expected)
    assert view.shape == base[index].shape and view.dtype == v.dtype
    assert view.origin is v


def test_arithmetic_and_in_place_operators_act_on_the_view():
    v = bm.Variable(bm.zeros(5))
    head = bm.VariableView(v, slice(0, 2))
    head += 2.0
    np.testing.assert_array_equal(np.asarray(head * 3), [6.0, 6.0])
    np.testing.assert_array_equal(v.value, [2.0, 2.0, 0.0, 0.0, 0.0])


def test_jit_and_for_loop_carry_writes_through_the_view_to_the_variable():
    v = bm.Variable(bm.zeros(4))
    tail = bm.VariableView(v, slice(2, None))

    @bm.jit
    def step(x):
        tail.value = tail.value + x
        return tail * 2

    np.testing.assert_array_equal(step(1.0), [2.0, 2.0])
    np.testing.assert_array_equal(v.value, [0.0, 0.0, 1.0, 1.0])

    def body(i):
        tail.value = tail.value + i
        return tail.value.sum()

    sums = bm.for_loop(body, jnp.arange(3.0))
    np.testing.assert_array_equal(sums, [2.0, 4.0, 8.0])
    np.testing.assert_array_equal(v.value, [0.0, 0.0, 4.0, 4.0])
    assert not isinstance(v.value, jax.core.Tracer)


def test_a_write_must_keep_the_views_shape_and_dtype():
    v = bm.Variable(bm.zeros(5))
    view = bm.VariableView(v, slice(0, 2))
    with pytest.raises(bm.errors.VariableShapeError, match=r"shape \(3,\)"):
        view.value = bm.ones(3)
    with pytest.raises(bm.errors.VariableDtypeError, match="int32"):
        view.value = jnp.ones(2, jnp.int32)
    np.testing.assert_array_equal(v.value, np.zeros(5))


@pytest.mark.parametrize(
    "value, index, error, match",
    [
        (bm.zeros(3), 0, TypeError, "value must be a brainpy_math.Variable, got Array"),
        (bm.Variable(bm.zeros((5, 3))), 7, IndexError, "index 7 does not fit"),
        (bm.Variable(bm.zeros((5, 3))), (slice(None), 4), IndexError, "shape \\(5, 3\\)"),
        (bm.Variable(bm.zeros(5)), np.array([0, 9]), IndexError, "out of bounds"),
    ],
)
def test_bad_arguments_are_named(value, index, error, match):
    with pytest.raises(error, match=match):
        bm.VariableView(value, index)


def test_a_view_pickles_with_its_variable():
    v = bm.Variable(bm.arange(4.0))
    copy = pickle.loads(pickle.dumps(bm.VariableView(v, slice(1, 3))))
    np.testing.assert_array_equal(copy.value, [1.0, 2.0])
    copy.value = bm.zeros(2)
    np.testing.assert_array_equal(copy.origin.value, [0.0, 0.0, 0.0, 3.0])
    np.testing.assert_array_equal(v.value, [0.0, 1.0, 2.0, 3.0])  # the original is separate


# clear_buffer_memory deletes every live array of the process, other tests' included, so
# it runs in a fresh interpreter.
CLEAR_SCRIPT = """
import jax, numpy as np
import brainpy_math as bm

bm.random.seed(7)
expected_next = np.asarray(bm.random.normal(size=3))
bm.random.seed(7)
old = bm.ones(100)
var = bm.Variable(bm.zeros(10))
bm.clear_buffer_memory()
assert old.value.is_deleted() and var.value.is_deleted()
try:
    np.asarray(var.value)
except RuntimeError as err:
    assert "deleted" in str(err)
else:
    raise AssertionError("a deleted Variable could still be read")
np.testing.assert_array_equal(bm.random.normal(size=3), expected_next)

bm.clear_buffer_memory(compilation=True)
fresh = bm.Variable(bm.zeros(3))

@bm.jit
def bump():
    fresh.value = fresh.value + 1.0

bump()
np.testing.assert_array_equal(fresh.value, [1.0, 1.0, 1.0])

kept = bm.ones(3)
bm.clear_buffer_memory(array=False)
assert not kept.value.is_deleted()
print("ok")
"""


def test_clear_buffer_memory_deletes_live_arrays_but_keeps_the_random_stream(run_python):
    done = run_python(CLEAR_SCRIPT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"

"""``Delay``: exact lags for every entry, both update methods, growth, resets, errors."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn.errors import DelayEntryError, DelayTypeError, DelayValueError

METHODS = ["rotation", "concat"]
N = 4


@pytest.fixture(autouse=True)
def clean_share():
    bd.share.clear_shargs()
    yield
    bd.share.clear_shargs()


def minus_k(shape, dtype=None):
    """before_t0 whose row k - 1 (the value k steps before t0) is -10 k + neuron index."""
    k = np.arange(1, shape[0] + 1).reshape((-1,) + (1,) * (len(shape) - 1))
    return jnp.asarray(np.broadcast_to(-10.0 * k + np.arange(shape[-1]), shape), dtype)


def value_at(step):
    """The target's value after ``step`` updates (step 0 = its initial value)."""
    return 10.0 * step + np.arange(N)


def make(method, **kwargs):
    x = bm.Variable(jnp.asarray(value_at(0), jnp.float32))
    return x, bd.Delay(x, before_t0=minus_k, method=method, **kwargs)


def advance(x, delay, step):
    x.value = jnp.asarray(value_at(step), jnp.float32)
    delay.update()


def expected(step, d):
    """Value ``d`` updates ago; negative steps are before_t0 (built to continue the pattern)."""
    d = np.asarray(d)
    return 10.0 * (step - d) + np.arange(N)


def check(delay, step, steps_by_entry):
    for entry, d in steps_by_entry.items():
        np.testing.assert_allclose(delay.at(entry), expected(step, d), err_msg=f"{entry} @ {step}")


# ------------------------------------------------------------------ exact lags
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    "order", [[1, 2, 3, 5], [5, 3, 2, 1], [2, 5, 1, 3]], ids=["increasing", "decreasing", "mixed"]
)
def test_every_entry_returns_exactly_d_updates_ago(method, order):
    x, delay = make(method)
    for d in order:
        delay.register_entry(f"d{d}", delay_step=d)
    assert delay.length == 5 and delay.data.shape == (6, N)
    steps = {f"d{d}": d for d in order}
    check(delay, 0, steps)
    for step in range(1, 13):
        advance(x, delay, step)
        check(delay, step, steps)


@pytest.mark.parametrize("method", METHODS)
def test_entries_registered_between_updates_keep_the_history(method):
    x = bm.Variable(jnp.asarray(value_at(0), jnp.float32))
    delay = bd.Delay(x, before_t0=-1.0, entries={"two": 0.2}, method=method)
    for step in range(1, 4):
        advance(x, delay, step)
    data = delay.data
    delay.register_entry("six", 0.6)  # grows from 2 to 6 steps in place, history kept
    delay.register_entry("one", delay_step=1)
    assert delay.data is data and delay.data.shape == (7, N)
    for step in range(3, 12):
        if step > 3:
            advance(x, delay, step)
        check(delay, step, {"two": 2, "one": 1})
        # steps 1..3 were recorded before growing; older rows got before_t0
        want = value_at(step - 6) if step - 6 >= 1 else np.full(N, -1.0)
        np.testing.assert_allclose(delay.at("six"), want, err_msg=f"six @ {step}")


@pytest.mark.parametrize("method", METHODS)
def test_per_neuron_delays(method):
    x, delay = make(method)
    per_neuron = np.array([0, 1, 3, 2])
    delay.register_entry("hetero", delay_step=per_neuron)
    delay.register_entry("times", delay_time=np.array([0.1, 0.2, 0.4, 0.0]))  # 1, 2, 4, 0
    delay.register_entry("fn", delay_time=lambda shape: np.full(shape, 0.3))  # homogeneous 3
    assert delay.entry_steps["fn"] == 3
    steps = {"hetero": per_neuron, "times": np.array([1, 2, 4, 0]), "fn": 3}
    for step in range(1, 9):
        x.value = jnp.asarray(value_at(step), jnp.float32)
        # a 0 delay reads the live target, even before the push
        np.testing.assert_allclose(delay.at("hetero")[0], value_at(step)[0])
        delay.update()
        check(delay, step, steps)
        np.testing.assert_allclose(delay.at("hetero", np.array([2])), expected(step, 3)[[2]])


@pytest.mark.parametrize("method", METHODS)
def test_zero_and_none_delays_read_the_live_target(method):
    x, delay = make(method, entries={"zero": 0.0, "none": None, "three": 0.3})
    advance(x, delay, 1)
    x.value = jnp.full(N, 99.0)  # not pushed yet
    np.testing.assert_allclose(delay.at("zero"), 99.0)
    np.testing.assert_allclose(delay.at("none"), 99.0)
    np.testing.assert_allclose(delay.retrieve(0), value_at(1))  # newest push
    np.testing.assert_allclose(delay.at("three", 1), expected(1, 3)[1])
    np.testing.assert_allclose(delay.at("three", slice(1, 3)), expected(1, 3)[1:3])


def test_no_buffer_without_delays():
    x = bm.Variable(bm.zeros(3))
    delay = bd.Delay(x, entries={"zero": 0.0})
    assert delay.data is None and delay.length == 0
    delay.update()  # no-op
    x.value = bm.ones(3)
    np.testing.assert_allclose(delay.at("zero"), 1.0)
    np.testing.assert_allclose(delay.retrieve(0), 1.0)
    delay.reset_state()


@pytest.mark.parametrize("method", METHODS)
def test_compiled_loop_matches(method):
    x, delay = make(method, entries={"a": 0.3, "b": 0.1})
    delay.register_entry("c", delay_step=np.array([2, 0, 1, 3]))

    def body(step):
        x.value = 10.0 * step + jnp.arange(N, dtype=jnp.float32)
        delay.update()
        return delay.at("a"), delay.at("b"), delay.at("c")

    a, b, c = bm.for_loop(body, jnp.arange(1, 9, dtype=jnp.float32))
    for k, step in enumerate(range(1, 9)):
        np.testing.assert_allclose(a[k], expected(step, 3))
        np.testing.assert_allclose(b[k], expected(step, 1))
        np.testing.assert_allclose(c[k], expected(step, np.array([2, 0, 1, 3])))
    # the state carried out of the loop continues correctly outside it
    advance(x, delay, 9)
    check(delay, 9, {"a": 3, "b": 1})


def test_rotation_reads_and_writes_one_row():
    x, delay = make("rotation", entries={"d": 1.0})
    saved = [v.value for v in (x, delay.data, delay.ptr)]

    def step():
        delay.update()
        return delay.at("d")

    try:
        text = str(jax.make_jaxpr(step)())
    finally:
        for v, value in zip((x, delay.data, delay.ptr), saved):
            v._value = value
    assert "dynamic_update_slice" in text and "dynamic_slice" in text
    assert "concatenate" not in text and "gather" not in text and "scatter" not in text


# --------------------------------------------------------------- time -> steps
def test_time_to_steps_uses_round_and_share_dt():
    x = bm.Variable(bm.zeros(2))
    delay = bd.Delay(x, entries={"a": 0.3, "b": 2, "c": 0.15000001})
    assert delay.entry_steps["a"] == 3  # 0.3 / 0.1 = 2.9999999999999996 -> 3 (not 2)
    assert delay.entry_steps["b"] == 20  # an int time is 2 ms
    assert delay.entry_steps["c"] == 2
    bd.share.set_dt(0.5)
    delay.register_entry("d", 1.0)
    assert delay.entry_steps["d"] == 2
    with bm.environment(dt=0.25):
        bd.share.clear_shargs()
        delay.register_entry("e", 1.0)
    assert delay.entry_steps["e"] == 4
    assert delay.length == 20


# ---------------------------------------------------------------- before_t0
@pytest.mark.parametrize("method", METHODS)
def test_before_t0_scalar_array_callable(method):
    x = bm.Variable(bm.ones(3))
    scalar = bd.Delay(x, before_t0=7.0, entries={"d": 0.2}, method=method)
    np.testing.assert_allclose(scalar.at("d"), 7.0)
    array = bd.Delay(x, before_t0=np.array([1.0, 2.0, 3.0]), entries={"d": 0.2}, method=method)
    np.testing.assert_allclose(array.at("d"), [1.0, 2.0, 3.0])
    fn = bd.Delay(
        x, length=2, before_t0=lambda shape: -jnp.arange(1, 3.0)[:, None] * jnp.ones(shape)
    )
    fn.register_entry("one", delay_step=1).register_entry("two", delay_step=2)
    np.testing.assert_allclose(fn.at("one"), -1.0)
    np.testing.assert_allclose(fn.at("two"), -2.0)
    np.testing.assert_allclose(fn.retrieve(0), 1.0)  # newest row = the target at creation


@pytest.mark.parametrize("method", METHODS)
def test_reset_refills_newest_with_target_and_older_with_before_t0(method):
    x, delay = make(method, entries={"d1": 0.1, "d3": 0.3})
    for step in range(1, 6):
        advance(x, delay, step)
    x.value = jnp.asarray(value_at(0), jnp.float32)
    delay.reset_state()
    check(delay, 0, {"d1": 1, "d3": 3})
    np.testing.assert_allclose(delay.retrieve(0), value_at(0))
    for step in range(1, 5):
        advance(x, delay, step)
        check(delay, step, {"d1": 1, "d3": 3})


# -------------------------------------------------------------------- batching
@pytest.mark.parametrize("method", METHODS)
def test_batched_target(method):
    x = bm.Variable(jnp.zeros((2, 3)), batch_axis=0)
    delay = bd.Delay(x, entries={"two": 0.2}, method=method)
    delay.register_entry("per", delay_step=np.array([0, 1, 2]))
    assert delay.data.batch_axis == 1 and delay.data.shape == (3, 2, 3)
    for step in range(1, 5):
        x.value = jnp.full((2, 3), float(step)) + jnp.array([[0.0], [100.0]])
        delay.update()
    np.testing.assert_allclose(delay.at("two"), [[2.0] * 3, [102.0] * 3])
    np.testing.assert_allclose(delay.at("per"), [[4.0, 3.0, 2.0], [104.0, 103.0, 102.0]])
    x.value = jnp.zeros((5, 3))  # new batch size (the batch axis may change)
    delay.reset_state(5)
    assert delay.data.shape == (3, 5, 3)
    with pytest.raises(
        DelayValueError, match="batch_size=4 differs from the target's batch size 5"
    ):
        delay.reset_state(4)
    delay.reset_state(bm.batching_mode)  # a Mode follows the target


# ---------------------------------------------------------------------- errors
@pytest.mark.parametrize(
    "time, match",
    [
        (-0.1, "must be finite and >= 0, got -0.1"),
        (float("nan"), "must be finite and >= 0, got nan"),
        (float("inf"), "must be finite and >= 0, got inf"),
        (np.array([0.1, -0.2, 0.0, 0.0]), "must be finite and >= 0"),
    ],
)
def test_bad_delay_times_name_entry_and_value(time, match):
    delay = bd.Delay(bm.Variable(bm.zeros(N)))
    with pytest.raises(DelayValueError, match=f"entry 'bad': delay_time {match}"):
        delay.register_entry("bad", time)


def test_registration_errors():
    delay = bd.Delay(bm.Variable(bm.zeros(N)), entries={"a": 0.1})
    with pytest.raises(DelayEntryError, match="entry 'a' is already registered"):
        delay.register_entry("a", 0.2)
    with pytest.raises(DelayValueError, match="not both"):
        delay.register_entry("b", 0.1, 1)
    with pytest.raises(DelayTypeError, match="delay_step must be integer steps, got 1.5"):
        delay.register_entry("c", delay_step=1.5)
    with pytest.raises(DelayValueError, match=r"delay_step must be finite and >= 0, got -1"):
        delay.register_entry("c", delay_step=-1)
    with pytest.raises(DelayValueError, match=r"1-d of length 4 .* got shape \(3,\)"):
        delay.register_entry("c", delay_step=np.array([1, 2, 3]))
    with pytest.raises(DelayTypeError, match="must be a number, an array or a callable"):
        delay.register_entry("c", "soon")
    with pytest.raises(DelayTypeError, match="must be a number, an array or a callable"):
        delay.register_entry("c", True)


def test_constructor_errors():
    with pytest.raises(DelayTypeError, match="target must be a brainpy_math.Variable, got ndarray"):
        bd.Delay(np.zeros(3))
    with pytest.raises(DelayValueError, match="method must be 'rotation' or 'concat', got 'roll'"):
        bd.Delay(bm.Variable(bm.zeros(3)), method="roll")
    with pytest.raises(DelayValueError, match="length must be an int >= 0, got -2"):
        bd.Delay(bm.Variable(bm.zeros(3)), length=-2)
    with pytest.raises(DelayValueError, match=r"before_t0 of shape \(2,\) does not broadcast"):
        bd.Delay(bm.Variable(bm.zeros(3)), before_t0=np.zeros(2))
    with bm.environment(mode=bm.training_mode):
        assert bd.Delay(bm.Variable(bm.zeros(3)), method=None).method == "concat"
    assert bd.Delay(bm.Variable(bm.zeros(3)), method=None).method == "rotation"


def test_read_errors():
    delay = bd.Delay(bm.Variable(bm.zeros(N)), entries={"a": 0.3})
    with pytest.raises(
        DelayEntryError, match=r"no delay entry named 'b'; registered entries: \['a'\]"
    ):
        delay.at("b")
    with pytest.raises(DelayValueError, match=r"delay_step must lie in \[0, 3\].*got 4"):
        delay.retrieve(4)
    with pytest.raises(DelayValueError, match=r"got -1"):
        delay.retrieve(-1)
    with pytest.raises(DelayValueError, match=r"lie in \[0, 3\]"):
        delay.retrieve(np.array([0, 1, 5, 0]))
    with pytest.raises(DelayTypeError, match="index 0 must have an integer dtype, got float32"):
        delay.at("a", jnp.array([0.0, 1.0]))
    with pytest.raises(DelayTypeError, match="index 0 must be an integer"):
        delay.at("a", 1.0)
    with pytest.raises(DelayTypeError, match="delay_step must be integers"):
        delay.retrieve(np.array([0.5]))
    with pytest.raises(DelayValueError, match=r"latest_value must have the target's shape \(4,\)"):
        delay.update(jnp.zeros(3))


def test_traced_retrieve_step():
    x, delay = make("rotation", entries={"d": 0.4})
    for step in range(1, 6):
        advance(x, delay, step)
    out = bm.jit(lambda d: delay.retrieve(d))(jnp.int32(2))
    np.testing.assert_allclose(out, expected(5, 2))


def test_repr_and_call():
    x = bm.Variable(bm.zeros(3))
    delay = bd.Delay(x, entries={"d": 0.2})
    assert repr(delay) == "Delay(num_delay_step=2, delay_target_shape=(3,), update_method=rotation)"
    delay(jnp.ones(3))  # __call__ pushes a value
    np.testing.assert_allclose(delay.retrieve(0), 1.0)
    assert set(delay.vars(method="relative")) == {"target", "data", "ptr"}

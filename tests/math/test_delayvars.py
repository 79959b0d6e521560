"""Delay variables: TimeDelay, LengthDelay and their neutral twins, eager, under jit and loops."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm

METHODS = [bm.ROTATE_UPDATE, bm.CONCAT_UPDATE]


def test_public_names_are_the_same_objects():
    for name in bm.delayvars.__all__:
        assert getattr(bm.delayvars, name) is getattr(bm, name)
    assert (bm.ROTATE_UPDATE, bm.CONCAT_UPDATE) == ("rotation", "concat")
    assert issubclass(bm.NeuTimeDelay, bm.TimeDelay)
    assert issubclass(bm.NeuLenDelay, bm.LengthDelay)
    assert isinstance(bm.TimeDelay(bm.zeros(1), 1.0), bm.BrainPyObject)
    # 2.3.5 kept every delay class in one module; its path still finds them.
    from brainpy_math._src import delayvars as one_module

    assert one_module.TimeDelay is bm.TimeDelay and one_module.NeuLenDelay is bm.NeuLenDelay


# ---------------------------------------------------------------------------------- LengthDelay
@pytest.mark.parametrize("method", METHODS)
def test_length_delay_initial_history(method):
    init = np.arange(4, 0, -1.0).reshape(4, 1)  # one step old: 4, ..., four steps old: 1
    delay = bm.LengthDelay(bm.ones(3) * 7.0, 4, initial_delay_data=init, update_method=method)
    assert delay.num_delay_step == 5 and delay.delay_shape == (5, 3)
    assert delay.delay_target_shape == (3,)
    for k, want in enumerate([7.0, 4.0, 3.0, 2.0, 1.0]):
        np.testing.assert_array_equal(np.asarray(delay(k)), np.full(3, want))
    np.testing.assert_array_equal(np.asarray(delay.latest), np.full(3, 7.0))
    # One step per neuron: neuron i reads its own delay.
    got = delay(jnp.asarray([1, 2, 3]), jnp.arange(3))
    np.testing.assert_array_equal(np.asarray(got), [4.0, 3.0, 2.0])


@pytest.mark.parametrize("method", METHODS)
def test_length_delay_matches_a_hand_kept_history(method):
    length = 3
    delay = bm.LengthDelay(bm.zeros(2), length, initial_delay_data=-1.0, update_method=method)
    history = [np.zeros(2)] + [np.full(2, -1.0)] * length  # newest first
    for step in range(1, 9):
        value = np.array([step, 10.0 * step])
        delay.update(value)
        history = [value] + history[:length]
        for k in range(length + 1):
            np.testing.assert_array_equal(np.asarray(delay(k)), history[k])
        np.testing.assert_array_equal(np.asarray(delay.retrieve(2, 1)), history[2][1])


@pytest.mark.parametrize("method", METHODS)
def test_length_delay_under_jit_and_for_loop(method):
    length = 4
    delay = bm.LengthDelay(bm.zeros(3), length, update_method=method)

    def body(x):
        delay.update(x)
        return delay(2), delay(length)

    xs = np.arange(1.0, 11.0)[:, None] * np.ones(3)
    two, four = bm.for_loop(body, xs)
    past = np.concatenate([np.zeros((length, 3)), xs])
    np.testing.assert_array_equal(np.asarray(two), past[length - 2 : -2])
    np.testing.assert_array_equal(np.asarray(four), past[:-length])
    # The state moved on: the newest value is the last pushed.
    np.testing.assert_array_equal(np.asarray(delay(0)), xs[-1])

    jitted = bm.jit(delay)
    np.testing.assert_array_equal(np.asarray(jitted(1)), xs[-2])
    step = bm.jit(lambda v: delay.update(v))
    step(np.full(3, 99.0))
    np.testing.assert_array_equal(np.asarray(delay(0)), np.full(3, 99.0))
    np.testing.assert_array_equal(np.asarray(delay(1)), xs[-1])


def test_length_delay_initial_data_function_and_batch_axis():
    target = bm.Variable(bm.ones((2, 3)), batch_axis=0)
    delay = bm.LengthDelay(
        target, 2, initial_delay_data=lambda shape, dtype: jnp.full(shape, 5, dtype)
    )
    assert delay.data.batch_axis == 1
    np.testing.assert_array_equal(np.asarray(delay(2)), np.full((2, 3), 5.0))


def test_length_delay_reset():
    delay = bm.LengthDelay(bm.zeros(2), 3)
    data = delay.data
    delay.update(bm.ones(2))
    delay.reset(bm.ones(2) * 2.0)  # same length: the same Variable, refilled
    assert delay.data is data and delay.num_delay_step == 4
    np.testing.assert_array_equal(np.asarray(delay(0)), [2.0, 2.0])
    np.testing.assert_array_equal(np.asarray(delay(3)), [0.0, 0.0])
    delay.reset(bm.zeros(2), 5, initial_delay_data=3.0)
    assert delay.num_delay_step == 6 and delay.delay_shape == (6, 2)
    np.testing.assert_array_equal(np.asarray(delay(5)), [3.0, 3.0])


def test_length_delay_errors():
    with pytest.raises(ValueError, match="update_method must be"):
        bm.LengthDelay(bm.zeros(2), 2, update_method="shift")
    with pytest.raises(ValueError, match=r"delay_len must be an int >= 0.*2\.5"):
        bm.LengthDelay(bm.zeros(2), 2.5)
    with pytest.raises(ValueError, match="delay_len must be an int >= 0, got -1"):
        bm.LengthDelay(bm.zeros(2), -1)
    with pytest.raises(TypeError, match="delay_target must be an array"):
        bm.LengthDelay([0.0, 1.0], 2)
    with pytest.raises(ValueError, match=r"initial_delay_data must broadcast to .*\(2, 2\)"):
        bm.LengthDelay(bm.zeros(2), 2, initial_delay_data=np.ones(3))
    delay = bm.LengthDelay(bm.zeros(2), 2)
    with pytest.raises(ValueError, match=r"must lie in \[0, 2\]"):
        delay(3)
    with pytest.raises(ValueError, match="must be an integer"):
        delay(1.0)
    with pytest.raises(ValueError, match=r"target shape \(2,\)"):
        delay.update(np.ones(3))


# ------------------------------------------------------------------------------------ TimeDelay
def _grid_delay(method="linear_interp", dt=0.5, delay_len=2.0):
    """A delay whose history at time t is 10 * t + (0, 1, 2), pushed step by step up to t=3."""
    offsets = np.array([0.0, 1.0, 2.0])
    n_before = int(round(delay_len / dt))
    before = [10 * (-dt * k) + offsets for k in range(n_before, 0, -1)]
    delay = bm.TimeDelay(
        bm.asarray(offsets), delay_len, before_t0=np.stack(before), dt=dt, interp_method=method
    )
    for step in range(1, 7):
        delay.update(10 * step * dt + offsets)
    return delay, offsets


def test_time_delay_exact_on_the_grid():
    delay, offsets = _grid_delay()
    assert delay.num_delay_step == 5 and float(delay.current_time[0]) == 3.0
    for k in range(5):
        t = 3.0 - 0.5 * k
        np.testing.assert_array_equal(np.asarray(delay(t)), 10 * t + offsets)
    np.testing.assert_array_equal(np.asarray(delay.latest), 30 + offsets)
    np.testing.assert_array_equal(np.asarray(delay(2.0, 1)), 21.0)
    np.testing.assert_array_equal(np.asarray(delay.retrieve(2.0, 2)), 22.0)


def test_time_delay_linear_interp_matches_numpy():
    delay, offsets = _grid_delay()
    grid = 3.0 - 0.5 * np.arange(4, -1, -1)  # 1.0, 1.5, ..., 3.0
    values = np.stack([10 * t + 0.37 * t**2 + offsets for t in grid])
    delay.data.value = jnp.roll(jnp.asarray(values, jnp.float32), int(delay.idx[0]), axis=0)
    for t in np.random.default_rng(0).uniform(1.0, 3.0, 25):
        want = [np.interp(t, grid, values[:, j]) for j in range(3)]
        np.testing.assert_allclose(np.asarray(delay(t)), want, rtol=1e-5)


def test_time_delay_round_picks_the_nearest_row():
    delay, offsets = _grid_delay("round")
    np.testing.assert_array_equal(np.asarray(delay(2.2)), 20 + offsets)
    np.testing.assert_array_equal(np.asarray(delay(2.3)), 25 + offsets)
    np.testing.assert_array_equal(np.asarray(delay(1.1)), 10 + offsets)


def test_time_delay_before_t0_forms():
    const = bm.TimeDelay(bm.zeros(2), 1.0, before_t0=-1.0, dt=0.25)
    np.testing.assert_array_equal(np.asarray(const(-0.6)), [-1.0, -1.0])
    np.testing.assert_allclose(np.asarray(const(-0.1)), [-0.4, -0.4], rtol=1e-6)  # toward x(0)=0
    func = bm.TimeDelay(bm.zeros((2, 2)), 1.0, before_t0=lambda t: jnp.cos(t), dt=0.25)
    np.testing.assert_allclose(np.asarray(func(-0.3)), np.full((2, 2), np.cos(-0.3)), rtol=1e-6)
    np.testing.assert_allclose(np.asarray(func.data[0]), np.full((2, 2), np.cos(-1.0)), rtol=1e-6)
    # A function that only takes concrete floats still fills the stored rows.
    scalar = bm.TimeDelay(bm.zeros(1), 0.5, before_t0=lambda t: float(t) * 2, dt=0.25)
    np.testing.assert_allclose(np.asarray(scalar.data[:, 0]), [-1.0, -0.5, 0.0])
    assert bm.TimeDelay(bm.zeros(1), 0.0).num_delay_step == 1
    # A delay that is not a whole number of steps keeps enough rows to cover it.
    assert bm.TimeDelay(bm.zeros(1), 0.3, dt=0.25).num_delay_step == 3
    assert bm.TimeDelay(bm.zeros(1), 1.1, dt=0.1).num_delay_step == 12


def test_time_delay_under_jit_and_for_loop():
    dt = 0.1
    delay = bm.TimeDelay(bm.zeros(1), 0.5, before_t0=lambda t: t, dt=dt)

    def body(i):
        t = i * dt
        out = delay(t - 0.5), delay(t - 0.25)
        delay.update(jnp.reshape(t + dt, (1,)))  # the history is x(t) = t
        return out

    lagged, half = bm.for_loop(body, jnp.arange(20))
    ts = np.arange(20) * dt
    np.testing.assert_allclose(np.asarray(lagged)[:, 0], ts - 0.5, atol=1e-5)
    np.testing.assert_allclose(np.asarray(half)[:, 0], ts - 0.25, atol=1e-5)
    np.testing.assert_allclose(float(delay.current_time[0]), 2.0, atol=1e-6)
    np.testing.assert_allclose(np.asarray(bm.jit(delay)(1.73)), [1.73], atol=1e-5)


def test_time_delay_reset_and_vars():
    delay = bm.TimeDelay(bm.zeros(3), 1.0, dt=0.5, name="td")
    assert set(delay.vars().keys()) == {"td.data", "td.idx", "td.current_time"}
    data = delay.data
    delay.update(bm.ones(3))
    delay.reset(bm.ones(3) * 4.0, 1.0, t0=2.0, before_t0=1.0)
    assert delay.data is data and float(delay.current_time[0]) == 2.0
    np.testing.assert_array_equal(np.asarray(delay(1.5)), np.full(3, 1.0))
    np.testing.assert_array_equal(np.asarray(delay(2.0)), np.full(3, 4.0))
    delay.reset(bm.zeros(3), 2.0)
    assert delay.num_delay_step == 5


def test_time_delay_errors():
    delay = bm.TimeDelay(bm.zeros(2), 1.0, dt=0.1)
    with pytest.raises(ValueError, match="must not be later than the current time"):
        delay(0.2)
    with pytest.raises(ValueError, match=r"must lie in \[current_time - delay_len"):
        delay(-1.2)
    delay(-1.05)  # within one step of the window: clipped to the oldest row, as in 2.3.5
    with pytest.raises(ValueError, match="interp_method must be one of"):
        bm.TimeDelay(bm.zeros(2), 1.0, interp_method="cubic")
    with pytest.raises(ValueError, match="delay_len must be a non-negative finite number"):
        bm.TimeDelay(bm.zeros(2), -1.0)
    with pytest.raises(ValueError, match="dt must be a positive finite number"):
        bm.TimeDelay(bm.zeros(2), 1.0, dt=0.0)
    with pytest.raises(ValueError, match=r"before_t0 must broadcast to the history shape"):
        bm.TimeDelay(bm.zeros(2), 1.0, dt=0.5, before_t0=np.ones((3, 2)))
    with pytest.raises(TypeError, match="before_t0 must be None, a number"):
        bm.TimeDelay(bm.zeros(2), 1.0, before_t0="zeros")
    with pytest.raises(ValueError, match="time must be a scalar"):
        delay(jnp.zeros(2))


def test_traced_requests_are_clipped_to_the_window():
    delay = bm.TimeDelay(bm.zeros(1), 1.0, dt=0.5, before_t0=np.array([[1.0], [2.0]]))
    np.testing.assert_array_equal(np.asarray(jax.jit(lambda t: delay(t).value)(-5.0)), [1.0])
    np.testing.assert_array_equal(np.asarray(jax.jit(lambda t: delay(t).value)(5.0)), [0.0])

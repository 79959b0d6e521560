"""``brainpy_dyn.init.parameter``, ``variable_``, ``variable`` and ``noise``."""

from __future__ import annotations

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_dyn import init


# ----------------------------------------------------------------------------- parameter
def test_parameter_none():
    assert init.parameter(None, (3,)) is None
    with pytest.raises(ValueError, match="tau must be"):
        init.parameter(None, (3,), allow_none=False, name="tau")


@pytest.mark.parametrize("value", [10.0, 3, True, np.float32(2.5), 1 + 2j])
def test_parameter_scalar_passes(value):
    assert init.parameter(value, (3,)) is value


def test_parameter_scalar_expanded():
    out = init.parameter(10.0, (2, 3), allow_scalar=False)
    assert isinstance(out, bm.Array) and out.shape == (2, 3) and out.dtype == jnp.float32
    assert init.parameter(3, (2,), allow_scalar=False).dtype == bm.get_int()


def test_parameter_arrays():
    a = np.ones((2, 3))
    out = init.parameter(a, (2, 3))
    assert isinstance(out, bm.Array) and out.shape == (2, 3)
    row = jnp.arange(3.0)
    assert init.parameter(row, (2, 3)).shape == (3,)  # broadcasts: kept as is
    assert init.parameter(row, (2, 3), allow_scalar=False).shape == (2, 3)
    assert init.parameter([1.0, 2.0, 3.0], (3,)).shape == (3,)
    arr = bm.Array(jnp.zeros(3))
    assert init.parameter(arr, (3,)) is arr


def test_parameter_variable_keeps_identity():
    v = bm.TrainVar(jnp.zeros(3))
    assert init.parameter(v, (3,)) is v
    assert init.parameter(v, (3,), allow_scalar=False) is v
    with pytest.raises(ValueError, match="g_max is a Variable"):
        init.parameter(v, (4,), name="g_max")


def test_parameter_callables():
    out = init.parameter(init.Constant(2.0), (4,))
    np.testing.assert_array_equal(np.asarray(out.value), [2.0] * 4)
    seen = []
    out = init.parameter(lambda s: (seen.append(s), jnp.ones(s))[1], [2, 2])
    assert seen == [(2, 2)] and out.shape == (2, 2)


@pytest.mark.parametrize(
    ("param", "match"),
    [
        (np.ones(4), "tau has shape \\(4,\\), which does not broadcast to size \\(3,\\)"),
        (lambda s: jnp.ones(5), "tau has shape \\(5,\\)"),
        ("abc", "tau must be None, a number, an array or a callable"),
        ({"a": 1}, "tau must be"),
    ],
)
def test_parameter_errors(param, match):
    with pytest.raises(ValueError, match=match):
        init.parameter(param, (3,), name="tau")


def test_parameter_bad_sizes():
    with pytest.raises(ValueError, match="size"):
        init.parameter(1.0, "abc")


# ----------------------------------------------------------------------------- variable_
def test_variable_no_batch():
    for batch in (None, False, bm.nonbatching_mode):
        v = init.variable_(bm.zeros, (4,), batch)
        assert isinstance(v, bm.Variable) and v.shape == (4,) and v.batch_axis is None


def test_variable_batch_size():
    v = init.variable_(init.OneInit(), (4, 5), 8)
    assert v.shape == (8, 4, 5) and v.batch_axis == 0
    v = init.variable_(init.OneInit(), (4, 5), 8, batch_axis=1)
    assert v.shape == (4, 8, 5) and v.batch_axis == 1
    v = init.variable_(init.OneInit(), (4, 5), 8, batch_axis=-1)
    assert v.shape == (4, 5, 8) and v.batch_axis == 2


@pytest.mark.parametrize("mode", [bm.batching_mode, bm.training_mode])
def test_variable_batching_modes(mode):
    v = init.variable_(bm.zeros, (3,), mode)
    assert v.shape == (1, 3) and v.batch_axis == 0


def test_variable_from_array():
    data = jnp.arange(3.0)
    v = init.variable_(data, (3,))
    np.testing.assert_array_equal(np.asarray(v.value), [0, 1, 2])
    v = init.variable_(data, None, 2)
    np.testing.assert_array_equal(np.asarray(v.value), [[0, 1, 2], [0, 1, 2]])
    assert v.batch_axis == 0
    v.value = jnp.zeros((5, 3))  # the batch axis may change size


def test_variable_argument_order():
    v = init.variable(bm.zeros, 2, (3,))
    assert v.shape == (2, 3)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((bm.zeros, None), "size must be given"),
        ((jnp.zeros(3), (4,)), "init has shape \\(3,\\), but size=\\(4,\\)"),
        ((bm.zeros, (3,), 0), "batch_size_or_mode"),
        ((bm.zeros, (3,), True), "batch_size_or_mode"),
        ((bm.zeros, (3,), "big"), "batch_size_or_mode"),
        ((bm.zeros, (3,), 2, 5), "batch_axis"),
        ((bm.zeros, (3,), 2, 0.5), "batch_axis"),
    ],
)
def test_variable_errors(args, match):
    with pytest.raises(ValueError, match=match):
        init.variable_(*args)


# ----------------------------------------------------------------------------- noise
def test_noise():
    assert init.noise(None, (3,)) is None

    def f(*args):
        return 1.0

    assert init.noise(f, (3,)) is f
    g = init.noise(0.5, (3,))
    assert g(0.0, 1.0) == 0.5
    g = init.noise(np.ones(3), (3,), num_vars=3, noise_idx=2)
    out = g(0.0)
    assert out[0] is None and out[1] is None and out[2].shape == (3,)
    with pytest.raises(ValueError, match="noise_idx"):
        init.noise(0.5, (3,), num_vars=2, noise_idx=2)


# ------------------------------------------- states made in parts (a run of several processes)
def test_states_are_made_in_the_sharded_layout_with_the_one_process_values(monkeypatch):
    """As a process of a run of several makes them: each device its block, same values."""
    import jax
    from jax.sharding import PartitionSpec

    import brainpy_dyn as bd

    def build():
        bm.random.seed(4)
        return bd.neurons.LIF(64, V_initializer=bd.init.Normal(-55.0, 2.0), tau_ref=2.0)

    alone = build()
    monkeypatch.setattr(jax, "process_count", lambda: 2)  # what state_sharding asks
    parted = build()
    n = jax.device_count()
    assert n > 1, "the tests run with several host devices"
    for name in ("V", "spike", "t_last_spike"):
        value = getattr(parted, name).value
        assert value.sharding.spec == PartitionSpec("neuron"), name
        assert {s.data.shape for s in value.addressable_shards} == {(64 // n,)}, name
        np.testing.assert_array_equal(np.asarray(value), np.asarray(getattr(alone, name).value))
    odd = bd.init.variable_(bd.init.Normal(), (n * 8 - 1,)).value  # does not divide: whole
    assert odd.is_fully_replicated and len(odd.sharding.device_set) == 1

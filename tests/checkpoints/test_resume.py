"""Resuming a simulation from a checkpoint gives exactly the uninterrupted result (pure JAX)."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_checkpoints as bc

N_NEURONS = 64
N_STEPS = 50


class State:
    """A Variable-like box: ``.value`` with a checking setter, and ``__jax_array__``."""

    def __init__(self, value):
        self._value = jnp.asarray(value)

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, new):
        new = jnp.asarray(new)
        assert new.shape == self._value.shape and new.dtype == self._value.dtype
        self._value = new

    def __jax_array__(self):
        return self._value


def make_model():
    return {
        "v": State(jnp.zeros(N_NEURONS, jnp.float32)),
        "count": State(jnp.zeros(N_NEURONS, jnp.int32)),
        "key": State(jax.random.PRNGKey(42)),
        "t": State(jnp.zeros((), jnp.float32)),
    }


@jax.jit
def _scan(carry, inputs):
    def step(carry, x):
        v, count, key, t = carry
        key, sub = jax.random.split(key)
        v = v * 0.95 + x + 0.3 * jax.random.normal(sub, v.shape)
        spike = v > 1.0
        v = jnp.where(spike, 0.0, v)
        return (v, count + spike.astype(jnp.int32), key, t + 0.1), spike

    return jax.lax.scan(step, carry, inputs)


def run(model, inputs):
    names = ("v", "count", "key", "t")
    carry, spikes = _scan(tuple(model[n].value for n in names), inputs)
    for name, value in zip(names, carry):
        model[name].value = value
    return np.asarray(spikes)


def test_save_load_resume_equals_a_straight_run(tmp_path):
    inputs = jax.random.uniform(jax.random.PRNGKey(0), (2 * N_STEPS, N_NEURONS)) * 0.2
    first, second = inputs[:N_STEPS], inputs[N_STEPS:]

    straight = make_model()
    spikes_straight = run(straight, inputs)

    split = make_model()
    spikes_a = run(split, first)
    spikes_b = run(split, second)

    interrupted = make_model()
    spikes_1 = run(interrupted, first)
    path = bc.save_pytree(
        tmp_path / "sim", {"model": interrupted, "spikes": spikes_1}, verbose=False
    )
    del interrupted

    resumed = make_model()
    loaded = bc.load_pytree(path, target={"model": resumed, "spikes": np.zeros_like(spikes_1)})
    assert loaded["model"]["v"] is resumed["v"]
    spikes_2 = run(resumed, second)

    spikes_resumed = np.concatenate([loaded["spikes"], spikes_2])
    np.testing.assert_array_equal(spikes_resumed, np.concatenate([spikes_a, spikes_b]))
    np.testing.assert_array_equal(spikes_resumed, spikes_straight)
    for name in ("v", "count", "key", "t"):
        np.testing.assert_array_equal(resumed[name].value, split[name].value)
        np.testing.assert_array_equal(resumed[name].value, straight[name].value)
        assert resumed[name].value.dtype == straight[name].value.dtype
    assert spikes_straight.any()  # the test exercises real dynamics

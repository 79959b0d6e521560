"""A brainpy_math simulation saved halfway and resumed equals the uninterrupted run."""

from __future__ import annotations

import numpy as np
import pytest

bm = pytest.importorskip("brainpy_math")
bc = pytest.importorskip("brainpy_checkpoints")
jax = pytest.importorskip("jax")
jnp = jax.numpy

N = 32
STEPS = 40


class Network:
    """Leaky units with noise; all state in Variables."""

    def __init__(self):
        self.v = bm.Variable(jnp.zeros(N, jnp.float32))
        self.count = bm.Variable(jnp.zeros(N, jnp.int32))
        self.key = bm.Variable(jax.random.PRNGKey(7))

    def state(self):
        return {"v": self.v, "count": self.count, "key": self.key}

    def step(self, x):
        key, sub = jax.random.split(self.key.value)
        self.key.value = key
        v = self.v.value * 0.9 + x + 0.3 * jax.random.normal(sub, (N,))
        spike = v > 1.0
        self.v.value = jnp.where(spike, 0.0, v)
        self.count.value = self.count.value + spike.astype(jnp.int32)
        return spike


def _run(net, inputs):
    return np.asarray(bm.for_loop(net.step, inputs))


def test_resume_from_checkpoint_matches_straight_run(tmp_path):
    inputs = jax.random.uniform(jax.random.PRNGKey(1), (2 * STEPS, N)) * 0.3

    straight = Network()
    spikes_straight = _run(straight, inputs)

    first = Network()
    spikes_1 = _run(first, inputs[:STEPS])
    path = bc.save_pytree(tmp_path / "net", first.state(), verbose=False)

    resumed = Network()
    restored = bc.load_pytree(path, target=resumed.state())
    assert restored["v"] is resumed.v  # Variables are updated in place
    spikes_2 = _run(resumed, inputs[STEPS:])

    np.testing.assert_array_equal(np.concatenate([spikes_1, spikes_2]), spikes_straight)
    for name, var in resumed.state().items():
        np.testing.assert_array_equal(
            np.asarray(var.value), np.asarray(straight.state()[name].value)
        )
    assert spikes_straight.any()


def test_directory_checkpoints_of_variables(tmp_path):
    net = Network()
    for step in range(3):
        _run(net, jnp.full((5, N), 0.2))
        bc.save(tmp_path, net.state(), step=step, keep=2)
    fresh = Network()
    bc.load(tmp_path, target=fresh.state())
    np.testing.assert_array_equal(np.asarray(fresh.count.value), np.asarray(net.count.value))
    fresh.v.value = fresh.v.value + 1.0  # restored Variables keep working

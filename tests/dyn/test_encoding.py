"""brainpy_dyn.encoding: spike encoders against NumPy transcriptions of their rules."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_dyn import encoding


def test_poisson_rate_scaling_seed_and_jit():
    enc = encoding.PoissonEncoder(min_val=0.0, max_val=10.0, seed=1)
    x = jnp.array([0.0, 2.0, 5.0, 10.0])
    spikes = np.asarray(enc(x, num_step=4000))
    assert spikes.shape == (4000, 4) and spikes.dtype == np.float32
    assert set(np.unique(spikes).tolist()) <= {0.0, 1.0}
    np.testing.assert_allclose(spikes.mean(axis=0), [0.0, 0.2, 0.5, 1.0], atol=0.03)
    one = encoding.PoissonEncoder(seed=3)(jnp.full((5,), 0.5))
    assert one.shape == (5,)
    a = encoding.PoissonEncoder(seed=7)(x / 10.0, num_step=10)
    b = encoding.PoissonEncoder(seed=7)(x / 10.0, num_step=10)
    np.testing.assert_array_equal(a, b)
    jitted = bm.jit(lambda v: enc(v, num_step=3))(x)
    assert jitted.shape == (3, 4)
    with pytest.raises(ValueError, match="both min_val and max_val"):
        encoding.PoissonEncoder(min_val=0.0)


@pytest.mark.parametrize("method", ["linear", "log"])
def test_latency_encoder_spikes_once_per_period_at_its_latency(method):
    T = 6
    enc = encoding.LatencyEncoder(-1.0, 3.0, num_period=T, method=method)
    x = np.array([-1.0, 0.0, 1.0, 2.5, 3.0, 5.0], dtype=np.float32)
    u = np.clip((x + 1.0) / 4.0, 0, 1)
    if method == "linear":
        latency = np.rint((T - 1) * (1 - u))
    else:
        latency = np.rint(T - 1 - np.log(np.expm1(T - 1) * u + 1))
    spikes = np.stack([np.asarray(enc(x, i)) for i in range(2 * T)])
    for i in range(2 * T):
        np.testing.assert_array_equal(spikes[i], (latency == i % T).astype(np.float32))
    assert (spikes.sum(axis=0) == 2).all()  # once per period
    assert latency[-1] == 0 and latency[0] == T - 1  # larger values spike earlier
    traced = jax.jit(lambda i: enc(x, i))(jnp.int32(T + 1))
    np.testing.assert_array_equal(traced, spikes[T + 1])


def test_weighted_phase_encoder_is_a_binary_expansion():
    K = 5
    enc = encoding.WeightedPhaseEncoder(0.0, 2.0, num_phase=K)
    x = np.array([0.0, 0.3, 1.0, 1.7, 2.0], dtype=np.float32)
    spikes = np.asarray(enc(x, num_step=K))
    assert spikes.shape == (K, 5)
    weights = 2.0 ** -(np.arange(K) + 1.0)
    scaled = x * (1 - weights[-1]) / 2.0
    rest, expected = scaled.astype(np.float64), []
    for w in weights:  # the greedy binary expansion, by hand
        s = rest >= w
        expected.append(s)
        rest = rest - s * w
    np.testing.assert_array_equal(spikes, np.array(expected, dtype=np.float32))
    decoded = weights @ spikes
    np.testing.assert_allclose(decoded, scaled, atol=weights[-1])
    assert spikes[:, -1].all() and not spikes[:, 0].any()
    custom = encoding.WeightedPhaseEncoder(0.0, 1.0, 2, weight_fun=lambda i: 0.5 * (i % 2 + 1))
    assert custom(jnp.array([1.0]), num_step=2).shape == (2, 1)


def test_encoders_are_objects_with_checked_arguments():
    assert isinstance(encoding.PoissonEncoder(), bm.BrainPyObject)
    assert issubclass(encoding.LatencyEncoder, encoding.Encoder)
    with pytest.raises(NotImplementedError):
        encoding.Encoder()(1.0)
    for make, match in [
        (lambda: encoding.LatencyEncoder(1.0, 0.0, 3), "max_val"),
        (lambda: encoding.LatencyEncoder(0.0, 1.0, 0), "num_period"),
        (lambda: encoding.LatencyEncoder(0.0, 1.0, 3, method="exp"), "method"),
        (lambda: encoding.WeightedPhaseEncoder(0.0, 1.0, 2.5), "num_phase"),
    ]:
        with pytest.raises(ValueError, match=match):
            make()

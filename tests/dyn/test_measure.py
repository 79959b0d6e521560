"""brainpy_dyn.measure: firing rates and synchrony of known spike trains."""

from __future__ import annotations

import jax
import numpy as np
import pytest

from brainpy_dyn import measure


def _regular_train(n_steps, n_neurons, period, offsets=None):
    """Neuron j fires at steps offsets[j], offsets[j] + period, ..."""
    offsets = np.zeros(n_neurons, int) if offsets is None else np.asarray(offsets)
    steps = np.arange(n_steps)[:, None]
    return (steps - offsets[None, :]) % period == 0


def test_firing_rate_of_a_known_train():
    dt = 0.1
    spikes = _regular_train(2000, 20, period=50, offsets=np.arange(20) * 7 % 50)  # 200 Hz each
    rate = measure.firing_rate(spikes, width=10.0, dt=dt)  # window 101 steps
    assert isinstance(rate, np.ndarray) and rate.shape == (2000,)
    interior = rate[100:-100]
    assert interior.mean() == pytest.approx(200.0, rel=0.02)
    # Ten neurons firing in turn: the population rate is exactly 1000 Hz at every step.
    staggered = np.eye(10, dtype=bool)[np.arange(1000) % 10]  # 1000 Hz population
    np.testing.assert_allclose(measure.firing_rate(staggered, 5.0, dt)[30:-30], 1000.0)


def test_firing_rate_jax_and_one_neuron():
    spikes = _regular_train(500, 1, period=10)[:, 0]  # 1-D: one neuron, 1000 Hz at dt 0.1
    a = measure.firing_rate(spikes, width=3.0, dt=0.1)
    b = measure.firing_rate(spikes, width=3.0, dt=0.1, numpy=False)
    assert isinstance(b, jax.Array)
    np.testing.assert_allclose(np.asarray(b), a, rtol=1e-5)
    np.testing.assert_allclose(a[50:-50].mean(), 1000.0, rtol=0.05)


def test_firing_rate_errors():
    with pytest.raises(ValueError, match="width"):
        measure.firing_rate(np.zeros((10, 2)), width=0.0)
    with pytest.raises(ValueError, match="shape"):
        measure.firing_rate(np.zeros((10, 2, 2)), width=1.0)


def test_cross_correlation():
    same = _regular_train(1000, 4, period=100)
    assert float(measure.cross_correlation(same, bin=1.0, dt=0.1)) == pytest.approx(1.0)
    apart = _regular_train(1000, 2, period=100, offsets=[0, 50])
    assert float(measure.cross_correlation(apart, bin=1.0, dt=0.1)) == 0.0
    silent = np.zeros((100, 3), bool)
    assert float(measure.cross_correlation(silent, bin=1.0, dt=0.1)) == 0.0
    j = measure.cross_correlation(same, bin=1.0, dt=0.1, numpy=False)
    assert float(j) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="two neurons"):
        measure.cross_correlation(np.zeros((10, 1)), bin=1.0, dt=0.1)
    with pytest.raises(ValueError, match="bin"):
        measure.cross_correlation(same, bin=0.01, dt=0.1)

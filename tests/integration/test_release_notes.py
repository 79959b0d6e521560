"""The E/I network of the BrainPy 2.3.5 release notes runs unchanged (examples/ei_net.py)."""

import runpy
from pathlib import Path

import numpy as np
import pytest

import brainpy as bp

EXAMPLE = Path(__file__).parents[2] / "examples" / "ei_net.py"
EINet = runpy.run_path(str(EXAMPLE), run_name="release_notes")["EINet"]


def simulate(seed, duration, delay=None, scale=1.0):
    bp.math.random.seed(seed)
    net = EINet(scale=scale, delay=delay)
    runner = bp.DSRunner(
        net, monitors={"E.spike": net.E.spike, "I.spike": net.I.spike}, progress_bar=False
    )
    runner.run(duration)
    return runner


@pytest.mark.parametrize("delay", [None, 1.0])
def test_one_second_at_scale_one_fires_at_cortical_rates(delay):
    runner = simulate(0, 1000.0, delay=delay)
    e, i = runner.mon["E.spike"], runner.mon["I.spike"]
    assert e.shape == (10000, 3200) and i.shape == (10000, 800) and e.dtype == bool
    np.testing.assert_allclose(runner.mon.ts[[0, -1]], [0.1, 1000.0], rtol=1e-6)
    e_rate, i_rate = e.mean() * 1e4, i.mean() * 1e4  # spikes per neuron per second
    assert 10.0 <= e_rate <= 40.0, e_rate
    assert 10.0 <= i_rate <= 40.0, i_rate


def test_same_seed_same_spikes_other_seed_other_spikes():
    a = simulate(3, 100.0, scale=0.25).mon["E.spike"]
    b = simulate(3, 100.0, scale=0.25).mon["E.spike"]
    c = simulate(4, 100.0, scale=0.25).mon["E.spike"]
    np.testing.assert_array_equal(a, b)
    assert a.any() and not np.array_equal(a, c)


@pytest.mark.parametrize("delay, lag", [(None, 1), (1.0, 11)])
def test_spikes_reach_synapses_after_the_delay(delay, lag):
    """Spikes emitted in step k reach the synapses in step k + 1 (delay None) or k + 11."""
    bp.math.random.seed(5)
    net = EINet(scale=0.25, delay=delay)
    runner = bp.DSRunner(net, monitors={"spike": net.E.spike, "g": net.E2E.g}, progress_bar=False)
    runner.run(10.0)
    first_spike = int(np.argmax(runner.mon["spike"].any(axis=1)))
    first_input = int(np.argmax((runner.mon["g"] > 0).any(axis=1)))
    assert runner.mon["spike"].any()
    assert first_input - first_spike == lag

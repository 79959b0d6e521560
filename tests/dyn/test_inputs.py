"""brainpy_dyn.inputs: shapes, lengths (round(duration/dt)) and values of input currents."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn import inputs


def test_section_input_lengths_use_round():
    # 0.3 / 0.1 == 2.9999999999999996: int() would lose a step, round() does not.
    I = inputs.section_input([1.0, 2.0], [0.3, 0.7], dt=0.1)
    assert isinstance(I, bm.Array)
    np.testing.assert_array_equal(np.asarray(I), [1.0] * 3 + [2.0] * 7)
    I, length = inputs.section_input([0.0, 1.0], [2.0, 3.0], dt=0.1, return_length=True)
    assert I.shape == (50,) and length == 5.0
    # Boundaries come from cumulative times, so the total is round(total / dt).
    I = inputs.section_input([0.0, 1.0, 2.0], [0.14, 0.14, 0.14], dt=0.1)
    assert I.shape == (round(0.42 / 0.1),)


def test_section_input_broadcasts_array_values_and_uses_global_dt():
    with bm.environment(dt=0.5):
        I = inputs.section_input([np.zeros(3), 1.0, np.arange(3.0)], [1.0, 1.0, 0.5])
    assert I.shape == (5, 3)
    np.testing.assert_array_equal(np.asarray(I[2]), [1.0, 1.0, 1.0])
    np.testing.assert_array_equal(np.asarray(I[4]), [0.0, 1.0, 2.0])


def test_section_input_errors():
    with pytest.raises(ValueError, match="same length"):
        inputs.section_input([1.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="durations"):
        inputs.section_input([1.0], [-1.0])
    with pytest.raises(ValueError, match="broadcast"):
        inputs.section_input([np.zeros(2), np.zeros(3)], [1.0, 1.0])
    with pytest.raises(ValueError, match="dt"):
        inputs.section_input([1.0], [1.0], dt=0.0)


def test_constant_input():
    I, duration = inputs.constant_input([(0.0, 5.0), (1.5, 10.0), (0.0, 5.0)], dt=0.1)
    assert I.shape == (200,) and duration == 20.0
    assert float(I[49]) == 0.0 and float(I[50]) == 1.5 and float(I[149]) == 1.5
    assert float(I[150]) == 0.0
    with pytest.raises(ValueError, match="pairs"):
        inputs.constant_input([1.0, 2.0])


def test_spike_input():
    I = inputs.spike_input([1.0, 5.0], [0.5, 1.0], [2.0, 3.0], duration=10.0, dt=0.1)
    I = np.asarray(I)
    assert I.shape == (100,)
    np.testing.assert_array_equal(np.nonzero(I == 2.0)[0], np.arange(10, 15))
    np.testing.assert_array_equal(np.nonzero(I == 3.0)[0], np.arange(50, 60))
    assert I.sum() == pytest.approx(5 * 2.0 + 10 * 3.0)
    with pytest.raises(ValueError, match="sp_lens"):
        inputs.spike_input([1.0, 2.0], [0.5], 1.0, duration=5.0, dt=0.1)


def test_ramp_and_sinusoidal_inputs():
    I = np.asarray(inputs.ramp_input(0.0, 10.0, duration=10.0, t_start=2.0, t_end=7.0, dt=0.1))
    assert I.shape == (100,)
    assert np.all(I[:20] == 0) and np.all(I[70:] == 0)
    np.testing.assert_allclose(I[20:70], np.linspace(0.0, 10.0, 50), rtol=1e-6)
    s = np.asarray(inputs.sinusoidal_input(1.0, 10.0, duration=200.0, dt=0.1))
    assert s.shape == (2000,)
    t = np.arange(2000) * 0.1
    np.testing.assert_allclose(s, np.sin(2 * np.pi * 10.0 * t / 1000.0), atol=1e-6)
    b = np.asarray(inputs.sinusoidal_input(1.0, 10.0, duration=200.0, dt=0.1, bias=True))
    assert b.min() >= -1e-6


def test_square_input_is_the_sign_of_the_sine():
    q = np.asarray(
        inputs.square_input(2.0, 10.0, duration=300.0, dt=0.1, t_start=20.0, t_end=250.0)
    )
    assert q.shape == (3000,)
    assert np.all(q[:200] == 0) and np.all(q[2500:] == 0)
    t = np.arange(2300) * 0.1
    phase = np.round((t * 10.0 / 1000.0) % 1.0, 9) % 1.0  # 100 ms period
    np.testing.assert_array_equal(q[200:2500], np.where(phase < 0.5, 2.0, -2.0))
    sine = np.sin(2 * np.pi * 10.0 * t / 1000.0)
    away_from_zero = np.abs(sine) > 1e-6
    np.testing.assert_array_equal(
        np.sign(q[200:2500])[away_from_zero], np.sign(sine)[away_from_zero]
    )
    b = np.asarray(inputs.square_input(2.0, 10.0, duration=300.0, dt=0.1, bias=True))
    assert set(np.unique(b).tolist()) == {0.0, 4.0}


def test_wiener_and_ou_processes():
    dW = np.asarray(inputs.wiener_process(100.0, dt=0.1, n=200, t_start=10.0, seed=3))
    assert dW.shape == (1000, 200)
    assert np.all(dW[:100] == 0)
    assert np.std(dW[100:]) == pytest.approx(np.sqrt(0.1), rel=0.05)
    again = np.asarray(inputs.wiener_process(100.0, dt=0.1, n=200, t_start=10.0, seed=3))
    np.testing.assert_array_equal(dW, again)
    # sigma = 0: x relaxes deterministically to the mean (starting at the mean stays there).
    x = np.asarray(inputs.ou_process(2.0, 0.0, 5.0, duration=20.0, dt=0.1, n=3, seed=0))
    assert x.shape == (200, 3)
    np.testing.assert_allclose(x, 2.0, rtol=1e-6)
    x = np.asarray(inputs.ou_process(0.0, 1.0, 5.0, duration=500.0, dt=0.1, n=4, seed=1))
    assert np.std(x[500:]) == pytest.approx(np.sqrt(5.0 / 2.0), rel=0.2)
    with pytest.raises(ValueError, match="tau"):
        inputs.ou_process(0.0, 1.0, 0.0, duration=10.0)


def test_inputs_drive_a_runner():
    I, duration = inputs.constant_input([(0.0, 10.0), (30.0, 40.0)], dt=0.1)
    lif = bd.neurons.LIF(1, V_initializer=lambda s: np.zeros(s, np.float32))
    runner = bd.DSRunner(lif, inputs=[("input", I, "iter")], monitors=["spike"], progress_bar=False)
    runner.run(duration)
    spikes = runner.mon["spike"][:, 0]
    assert spikes.shape == (500,)
    assert not spikes[:100].any() and spikes[100:].any()

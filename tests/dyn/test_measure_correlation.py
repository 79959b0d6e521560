"""brainpy_dyn.measure correlation measures against NumPy transcriptions of their definitions."""

from __future__ import annotations

from functools import partial

import jax
import numpy as np
import pytest

from brainpy_dyn import measure


def test_cross_correlation_numpy_and_jit_agree():
    spikes = np.array([[1, 0, 1, 0, 1, 0, 1, 0, 0], [1, 1, 1, 1, 1, 1, 1, 0, 0]]).T
    eager = measure.cross_correlation(spikes, 1.0, dt=1.0)
    jitted = jax.jit(lambda s: measure.cross_correlation(s, 1.0, dt=1.0, numpy=False))(spikes)
    assert isinstance(eager, np.ndarray)
    assert eager == np.asarray(jitted)
    assert eager.dtype == np.asarray(jitted).dtype
    assert float(eager) == pytest.approx(4 / np.sqrt(4 * 7), rel=1e-6)
    with pytest.raises(ValueError, match="method"):
        measure.cross_correlation(spikes, 1.0, dt=1.0, method="fast")


def test_voltage_fluctuation_matches_golomb_rinzel():
    rng = np.random.default_rng(0)
    common = np.sin(np.linspace(0, 20, 400))[:, None]
    v = common + 0.5 * rng.standard_normal((400, 30))
    pop = v.mean(axis=1)
    expected = pop.var() / v.var(axis=0).mean()
    got = measure.voltage_fluctuation(v)
    assert float(got) == pytest.approx(expected, rel=1e-4)
    jitted = jax.jit(lambda a: measure.voltage_fluctuation(a, numpy=False))(v)
    assert float(jitted) == pytest.approx(expected, rel=1e-4)
    assert float(measure.voltage_fluctuation(np.ones((50, 4)))) == 1.0  # all constant
    with pytest.raises(ValueError, match="potentials"):
        measure.voltage_fluctuation(np.ones(5))


def test_functional_connectivity_is_corrcoef():
    rng = np.random.default_rng(1)
    act = rng.random((500, 4))
    act[:, 3] = 2 * act[:, 0] + 0.1 * act[:, 1]
    expected = np.corrcoef(act.T)
    np.testing.assert_allclose(measure.functional_connectivity(act), expected, atol=1e-5)
    jitted = jax.jit(lambda a: measure.functional_connectivity(a, numpy=False))(act)
    np.testing.assert_allclose(np.asarray(jitted), expected, atol=1e-5)
    with_const = np.concatenate([act, np.ones((500, 1))], axis=1)
    fc = measure.functional_connectivity(with_const)
    assert (fc[4] == 0).all() and (fc[:, 4] == 0).all()


def test_matrix_correlation_uses_the_upper_triangle():
    rng = np.random.default_rng(2)
    a, b = rng.random((20, 20)), rng.random((20, 20))
    iu = np.triu_indices(20, k=1)
    expected = np.corrcoef(a[iu], b[iu])[0, 1]
    assert float(measure.matrix_correlation(a, b)) == pytest.approx(expected, abs=1e-5)
    jitted = jax.jit(lambda x, y: measure.matrix_correlation(x, y, numpy=False))(a, b)
    assert float(jitted) == pytest.approx(expected, abs=1e-5)
    with pytest.raises(ValueError, match="square"):
        measure.matrix_correlation(a, b[:3])


def test_weighted_correlation_matches_its_formula():
    rng = np.random.default_rng(3)
    x, y, w = rng.random(50), rng.random(50), rng.random(50)
    mx, my = np.average(x, weights=w), np.average(y, weights=w)
    cov = np.average((x - mx) * (y - my), weights=w)
    expected = cov / np.sqrt(
        np.average((x - mx) ** 2, weights=w) * np.average((y - my) ** 2, weights=w)
    )
    assert float(measure.weighted_correlation(x, y, w)) == pytest.approx(expected, abs=1e-5)
    plain = measure.weighted_correlation(x, y, np.ones(50))
    assert float(plain) == pytest.approx(np.corrcoef(x, y)[0, 1], abs=1e-5)
    with pytest.raises(ValueError, match="1-D"):
        measure.weighted_correlation(x, y, w[:3])


def test_raster_plot_data():
    sp = np.zeros((5, 3), dtype=bool)
    sp[1, 2] = sp[3, 0] = sp[3, 1] = True
    index, time = measure.raster_plot(sp, np.arange(5) * 0.5)
    assert index.tolist() == [2, 0, 1]
    assert time.tolist() == [0.5, 1.5, 1.5]


def test_unitary_lfp_is_a_sum_of_delayed_gaussians():
    times = np.arange(0.0, 60.0, 0.1)
    spikes = np.zeros((600, 3), dtype=bool)
    spikes[50, 0] = spikes[200, 2] = True
    lfp = measure.unitary_LFP(times, spikes, spike_type="exc", seed=4)
    # The same positions as the function draws for this seed.
    rng = np.random.default_rng(4)
    x, y = rng.uniform(0, 0.2, 3), rng.uniform(0, 0.2, 3)
    r = np.hypot(x - 0.1, y - 0.1)
    delay, amp = 10.4 + r / 200.0 * 1000.0, 0.48 * np.exp(-r / 0.2)
    sig = 2.1 * 1.5
    expected = amp[0] * np.exp(-((times - times[50] - delay[0]) ** 2) / (2 * sig**2))
    expected += amp[2] * np.exp(-((times - times[200] - delay[2]) ** 2) / (2 * sig**2))
    np.testing.assert_allclose(lfp, expected, rtol=1e-10, atol=1e-12)
    inh = measure.unitary_LFP(times, spikes, spike_type="inh", location="deep layer", seed=4)
    assert inh.min() < 0
    with pytest.raises(ValueError, match="location"):
        measure.unitary_LFP(times, spikes, location="cortex")


@pytest.mark.parametrize("seed", range(8))
def test_eager_and_jit_give_the_same_rounding(seed):
    rng = np.random.default_rng(seed)
    act = rng.random((10000, 3), dtype=np.float32)
    a, b = rng.random((2, 60, 60), dtype=np.float32)
    jit_fc = jax.jit(partial(measure.functional_connectivity, numpy=False))
    np.testing.assert_array_equal(measure.functional_connectivity(act), jit_fc(act))
    jit_mc = jax.jit(partial(measure.matrix_correlation, numpy=False))
    np.testing.assert_array_equal(measure.matrix_correlation(a, b), jit_mc(a, b))

"""bm.histogram2d / bm.histogramdd against NumPy: values, and float counts as NumPy gives."""

import itertools

import jax
import numpy as np
import pytest

import brainpy_math as bm

rng = np.random.default_rng(0)
X, Y, Z = rng.normal(size=(3, 50))
WEIGHTS = {
    "none": None,
    "int": rng.integers(0, 5, size=50),
    "float": rng.uniform(0.0, 2.0, size=50).astype(np.float32),
    "bool": rng.uniform(size=50) > 0.5,
}
CASES = list(itertools.product(WEIGHTS, [None, False, True], [4, [-3.0, -1.0, 0.0, 0.5, 3.0]]))


def _check(ours, ref, float_dtype):
    counts = ours[0]
    assert isinstance(counts, bm.Array)
    assert ref[0].dtype == np.float64  # NumPy's counts are floats, with or without weights
    assert counts.dtype == float_dtype, (counts.dtype, float_dtype)
    np.testing.assert_allclose(np.asarray(counts), ref[0], rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize(("weights", "density", "bins"), CASES)
def test_histogram2d_matches_numpy(weights, density, bins):
    w = WEIGHTS[weights]
    ours = bm.histogram2d(X, Y, bins, None, density, w)
    _check(ours, np.histogram2d(X, Y, bins, None, density, w), np.float32)
    for edge, ref_edge in zip(ours[1:], np.histogram2d(X, Y, bins, None, density, w)[1:]):
        np.testing.assert_allclose(np.asarray(edge), ref_edge, rtol=1e-5)


@pytest.mark.parametrize(("weights", "density", "bins"), CASES)
def test_histogramdd_matches_numpy(weights, density, bins):
    w, sample = WEIGHTS[weights], np.stack([X, Y, Z], axis=1)
    if not isinstance(bins, int):  # edges per axis, as arrays (jax.numpy refuses lists here)
        bins = [np.asarray(bins), np.asarray(bins[1:]), np.asarray(bins[:-1])]
    ours = bm.histogramdd(sample, bins, None, density, w)
    _check(ours, np.histogramdd(sample, bins, None, density, w), np.float32)


def test_counts_are_float64_under_x64():
    sample = np.stack([X, Y], axis=1)
    with jax.enable_x64(True):
        for w in (None, WEIGHTS["int"]):
            _check(
                bm.histogram2d(X, Y, 3, weights=w), np.histogram2d(X, Y, 3, weights=w), np.float64
            )
            ref = np.histogramdd(sample, 3, weights=w)
            _check(bm.histogramdd(sample, 3, weights=w), ref, np.float64)


def test_counts_are_floats_inside_jit():
    counts = bm.jit(lambda x, y: bm.histogram2d(x, y, 3, ((-3.0, 3.0), (-3.0, 3.0)))[0])(X, Y)
    ref = np.histogram2d(X, Y, 3, ((-3.0, 3.0), (-3.0, 3.0)))[0]
    assert counts.dtype == np.float32
    np.testing.assert_array_equal(np.asarray(counts), ref)

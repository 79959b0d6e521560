"""``GaussianDecay`` and ``DOGDecay`` against NumPy transcriptions of their formulas."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_math as bm
from brainpy_dyn import init


def _positions(size, ranges):
    coords = np.array(np.unravel_index(np.arange(int(np.prod(size))), size), dtype=float)
    periods = []
    for a, n in enumerate(size):
        if ranges is None:
            periods.append(float(n))
        else:
            low, high = ranges[a]
            coords[a] = low + (high - low) * coords[a] / n
            periods.append(high - low)
    return coords.T, np.array(periods)


def _sq_dist(size, ranges=None, periodic=False):
    pos, periods = _positions(size, ranges)
    n = len(pos)
    d2 = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            delta = np.abs(pos[i] - pos[j])
            if periodic:
                delta = np.minimum(delta, periods - delta)
            d2[i, j] = (delta**2).sum()
    return d2


@pytest.mark.parametrize("size", [6, (3, 4), (2, 3, 2)])
def test_gaussian_decay_matches_formula(size):
    w = np.asarray(init.GaussianDecay(sigma=1.5, max_w=2.0)(size))
    expected = 2.0 * np.exp(-_sq_dist(size if isinstance(size, tuple) else (size,)) / (2 * 1.5**2))
    np.testing.assert_allclose(w, expected, rtol=1e-6)
    assert isinstance(init.GaussianDecay(1.0, 1.0)(size), bm.Array)


def test_gaussian_decay_options():
    ranges = ((-np.pi, np.pi), (10.0, 20.0))
    size = (4, 5)
    w = np.asarray(
        init.GaussianDecay(
            sigma=2.0,
            max_w=3.0,
            min_w=0.5,
            encoding_values=ranges,
            periodic_boundary=True,
            include_self=False,
        )(size)
    )
    expected = 3.0 * np.exp(-_sq_dist(size, ranges, periodic=True) / 8.0)
    expected[np.abs(expected) < 0.5] = 0.0
    np.fill_diagonal(expected, 0.0)
    np.testing.assert_allclose(w, expected, rtol=1e-6, atol=1e-7)
    # one range for every axis
    w1 = np.asarray(init.GaussianDecay(1.0, 1.0, encoding_values=(0.0, 1.0))(size))
    expected1 = np.exp(-_sq_dist(size, ((0.0, 1.0), (0.0, 1.0))) / 2.0)
    np.testing.assert_allclose(w1, expected1, rtol=1e-6)
    # normalize: the strongest weight becomes 1
    wn = np.asarray(init.GaussianDecay(1.0, 5.0, normalize=True)(size))
    np.testing.assert_allclose(wn, np.exp(-_sq_dist(size) / 2.0), rtol=1e-6)


def test_dog_decay_matches_formula():
    size = (5, 4)
    d2 = _sq_dist(size, periodic=True)
    raw = 1.0 * np.exp(-d2 / 2.0) - 0.7 * np.exp(-d2 / (2 * 2.5**2))
    w = np.asarray(
        init.DOGDecay((1.0, 2.5), (1.0, 0.7), periodic_boundary=True, normalize=False)(size)
    )
    np.testing.assert_allclose(w, raw, rtol=1e-5, atol=1e-7)
    wn = np.asarray(init.DOGDecay((1.0, 2.5), (1.0, 0.7), min_w=0.05, periodic_boundary=True)(size))
    expected = raw / np.abs(raw).max()
    expected[np.abs(expected) < 0.05] = 0.0
    np.testing.assert_allclose(wn, expected, rtol=1e-5, atol=1e-7)
    assert wn.shape == (20, 20)


def test_decay_dtype_and_errors():
    assert init.GaussianDecay(1.0, 1.0)(3).dtype == bm.float32
    for make, match in [
        (lambda: init.GaussianDecay(0.0, 1.0), "sigma"),
        (lambda: init.GaussianDecay(1.0, 1.0, encoding_values=(1.0, 0.0)), "encoding_values"),
        (lambda: init.GaussianDecay(1.0, 1.0, include_self=1), "include_self"),
        (lambda: init.DOGDecay((1.0,), (1.0, 0.5)), "sigmas"),
        (lambda: init.GaussianDecay(1.0, 1.0, encoding_values=((0, 1),) * 3)((2, 2)), "3 ranges"),
    ]:
        with pytest.raises(ValueError, match=match):
            make()

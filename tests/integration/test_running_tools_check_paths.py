"""bp.running, bp.tools, bp.check, bp.optimizers and the new bp.algorithms paths of 2.3.5."""

from __future__ import annotations

import importlib

import numpy as np

import brainpy as bp
import brainpy_dyn
import brainpy_layers
import brainpy_math


def test_modules_are_the_component_modules():
    assert bp.running is brainpy_dyn.running
    assert bp.tools is importlib.import_module("brainpy_dyn.tools")
    assert bp.check is importlib.import_module("brainpy_dyn.check")
    assert bp.optimizers is bp.optim is brainpy_math.optimizers
    assert importlib.import_module("brainpy.tools.checking") is brainpy_dyn.tools.checking
    assert (
        importlib.import_module("brainpy.algorithms.offline") is brainpy_layers.algorithms.offline
    )
    assert bp.algorithms.utils is brainpy_layers.algorithms.utils


def test_a_2_3_5_style_script():
    assert bp.tools.size2num((2, 5)) == 10
    assert bp.check.is_integer(3, "n", min_bound=1) == 3
    out = bp.running.jax_vectorize_map(lambda a, b: a + b, [np.arange(4.0), np.ones(4)], 3)
    np.testing.assert_allclose(out, np.arange(4.0) + 1)
    assert bp.layers.Conv2D is bp.layers.Conv2d
    x = np.linspace(-1, 1, 11, dtype=np.float32)[:, None]
    alg = bp.algorithms.PolynomialRegression(degree=2, add_bias=True, gradient_descent=False)
    np.testing.assert_allclose(alg(3 * x**2, x)[:, 0], [0, 0, 3], atol=1e-4)
    sch = bp.optimizers.CosineAnnealingWarmRestarts(0.1, num_call_per_epoch=5, T_0=3)
    assert float(sch(0)) == np.float32(0.1)

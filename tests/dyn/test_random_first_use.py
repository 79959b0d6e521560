"""A noisy neuron group run by DSRunner in a fresh process: its first random draw is in the run.

See ``tests/math/test_random_first_use.py`` for the transformations themselves.
"""

from __future__ import annotations

import numpy as np

SETUP = (
    "import brainpy_dyn as bd\n"
    "group = bd.neurons.LIF(20, noise=2.0, V_th=1.0, tau_ref=2.0)\n"
    "runner = bd.DSRunner(group, monitors=['V', 'spike'], inputs=('input', 0.5), "
    "progress_bar=False)"
)


def test_noisy_lif_under_dsrunner(first_draw):
    runs = first_draw(SETUP, "runner.run(20.)\nfirst = runner.mon['V']")
    lazy = np.asarray(runs["lazy"]["first"])
    np.testing.assert_array_equal(lazy, runs["eager"]["first"])
    np.testing.assert_array_equal(runs["lazy"]["later"], runs["eager"]["later"])
    assert lazy.shape == (200, 20)
    # The noise is real: neurons with the same input and start diverge.
    assert np.std(lazy[-1]) > 0


def test_a_second_run_continues_the_stream(first_draw):
    code = "runner.run(5.)\nrunner.run(5.)\nfirst = runner.mon['V']"
    runs = first_draw(SETUP, code)
    np.testing.assert_array_equal(runs["lazy"]["first"], runs["eager"]["first"])

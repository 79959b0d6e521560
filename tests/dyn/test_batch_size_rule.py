"""Every model of brainpy_dyn reads a Mode's batch size with ``brainpy_math.modes.batch_size_of``."""

from __future__ import annotations

import brainpy_dyn as bd
import brainpy_math as bm

FOUR = bm.BatchingMode(4)


def test_variable_and_batch_shapes_take_the_modes_batch_size():
    assert bd.init.variable_(bm.zeros, (3,), FOUR).shape == (4, 3)
    assert bd.init.variable_(bm.zeros, (3,), bm.batching_mode).shape == (1, 3)
    assert bd.init.variable_(bm.zeros, (3,), bm.nonbatching_mode).shape == (3,)
    assert bd.neurons.LIF(3).get_batch_shape(FOUR) == (4, 3)
    assert bd.neurons.LIF(3).get_batch_shape() == (3,)


def test_models_reset_to_the_modes_batch_size():
    lif = bd.neurons.LIF(3, mode=FOUR)
    assert lif.V.shape == (4, 3)
    lif.reset_state(bm.nonbatching_mode)
    assert lif.V.shape == (3,)
    lif.reset_state()
    assert lif.V.shape == (4, 3)
    poisson = bd.neurons.PoissonGroup(3, freqs=10.0, mode=FOUR)
    assert poisson.spike.shape == (4, 3)
    ou = bd.neurons.OUProcess(3, mode=FOUR)
    assert ou.x.shape == (4, 3)

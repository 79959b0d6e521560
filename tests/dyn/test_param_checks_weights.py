"""A synapse's weight errors name the argument the user passed (``weights`` or ``g_max``)."""

import re

import numpy as np
import pytest

import brainpy_dyn as bd


def nan_init(shape, dtype=None):
    return np.full(shape, np.nan, dtype=np.float32)


def connectors():
    return [
        (bd.conn.All2All(), "sparse"),
        (bd.conn.One2One(), "sparse"),
        (bd.conn.FixedProb(0.5, seed=1), "sparse"),
        (bd.conn.FixedProb(0.5, seed=1), "dense"),
    ]


@pytest.mark.parametrize("index", range(4))
def test_delta_synapse_names_weights_when_its_initializer_gives_nan(index):
    conn, method = connectors()[index]
    pre, post = bd.neurons.LIF(3), bd.neurons.LIF(3)
    with pytest.raises(ValueError) as info:
        bd.DeltaSynapse(pre, post, conn, conn_type=method, weights=nan_init, name=f"ds_nan{index}")
    message = str(info.value)
    assert message.startswith(f"ds_nan{index}: weights must be a finite number"), message
    assert "g_max" not in message


def test_delta_synapse_names_weights_for_a_wrong_shape():
    pre, post = bd.neurons.LIF(2), bd.neurons.LIF(3)
    with pytest.raises(ValueError, match=r"weights has shape \(2, 4\)") as info:
        bd.DeltaSynapse(pre, post, bd.conn.All2All(), weights=np.ones((2, 4)))
    assert "g_max" not in str(info.value)


def test_synapses_taking_g_max_still_name_g_max():
    pre, post = bd.neurons.LIF(3), bd.neurons.LIF(3)
    for cls in (bd.synapses.Delta, bd.synapses.Exponential):
        with pytest.raises(ValueError, match=re.escape("g_max must be a finite number")):
            cls(pre, post, bd.conn.All2All(), g_max=nan_init)
    with pytest.raises(ValueError, match=re.escape("g_max has shape (2, 4)")):
        bd.synapses.Exponential(pre, post, bd.conn.All2All(), g_max=np.ones((2, 4)))

"""Spike records travel packed (32 neurons per word) inside a compiled run; users see bools.

The oracle is the same run with packing switched off (records written a byte per neuron),
and, independently, the spikes recomputed from the recorded potentials.
"""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn._src import stepping
from brainpy_math.event import pack_bits


def run(n: int, duration: float, packing: bool, monkeypatch, **options):
    """A driven LIF group run with its spikes recorded; returns the runner and the shapes
    that the loop packed (it is traced more than once, so shapes repeat)."""
    monkeypatch.setattr(stepping, "_MIN_PACKED_LENGTH", 64 if packing else 10**9)
    seen = []
    monkeypatch.setattr(stepping, "pack_bits", lambda x: seen.append(x.shape) or pack_bits(x))
    bm.random.seed(11)
    group = bd.neurons.LIF(
        n,
        V_rest=-60.0,
        V_th=-50.0,
        V_reset=-60.0,
        tau=20.0,
        tau_ref=2.0,
        V_initializer=bd.init.Uniform(-60.0, -50.0),
    )
    options = {"progress_bar": False, **options}
    runner = bd.DSRunner(group, monitors=["spike", "V"], inputs=("input", 11.0), **options)
    runner.run(duration)
    return runner, set(seen)


@pytest.mark.parametrize("n", [64, 100, 257])
@pytest.mark.parametrize("options", [{}, {"monitor_every": 3}])
def test_packed_records_equal_byte_records(n, options, monkeypatch):
    packed, shapes = run(n, 30.0, True, monkeypatch, **options)
    plain, none = run(n, 30.0, False, monkeypatch, **options)
    assert shapes == {(n,)} and none == set()
    spikes = packed.mon["spike"]
    assert isinstance(spikes, np.ndarray) and spikes.dtype == bool and spikes.flags.c_contiguous
    assert spikes.shape == plain.mon["spike"].shape
    np.testing.assert_array_equal(spikes, plain.mon["spike"])
    np.testing.assert_array_equal(packed.mon["V"], plain.mon["V"])
    assert spikes.any()
    # a recorded spike is a reset: V is back at V_reset in the same record
    np.testing.assert_array_equal(packed.mon["V"][spikes], -60.0)


def test_packed_records_with_progress_chunks(monkeypatch):
    # 300 rows run in chunks joined on the host (the progress-bar path)
    packed, shapes = run(96, 30.0, True, monkeypatch, progress_bar={"disable": True})
    plain, _ = run(96, 30.0, False, monkeypatch, progress_bar={"disable": True})
    assert shapes == {(96,)}
    np.testing.assert_array_equal(packed.mon["spike"], plain.mon["spike"])
    assert packed.mon["spike"].shape == (300, 96)


def test_short_groups_and_jax_records_are_not_packed(monkeypatch):
    small, shapes = run(40, 5.0, True, monkeypatch)
    as_jax, more = run(100, 5.0, True, monkeypatch, numpy_mon_after_run=False)
    assert shapes == set() and more == set()
    assert small.mon["spike"].dtype == bool and as_jax.mon["spike"].dtype == bool


def test_records_of_a_network_spread_over_devices_are_not_packed(monkeypatch):
    import jax

    if jax.device_count() < 2:
        pytest.skip("needs several devices (the test suite forces 8 CPU devices)")
    monkeypatch.setattr(stepping, "_MIN_PACKED_LENGTH", 64)
    seen = []
    monkeypatch.setattr(stepping, "pack_bits", lambda x: seen.append(x.shape) or pack_bits(x))
    group = bd.neurons.LIF(128, V_initializer=bd.init.Uniform(15.0, 20.0))
    bd.shard_neurons(group)
    runner = bd.DSRunner(group, monitors=["spike"], inputs=("input", 30.0), progress_bar=False)
    runner.run(5.0)
    assert seen == [] and runner.mon["spike"].dtype == bool and runner.mon["spike"].any()

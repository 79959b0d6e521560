"""Sharding a network over devices along the neuron axis.

The same seed gives the same spikes whatever the device count.

The session runs with eight host CPU devices (``tests/conftest.py``). The same seed must give
the same spikes on one device and sharded over 2, 4 or 8 (or an uneven 3, which replicates).
"""

from __future__ import annotations

import jax
import numpy as np
import pytest
from jax.sharding import AxisType, PartitionSpec

import brainpy_dyn as bd
import brainpy_math as bm


class SmallEI(bd.DynamicalSystemNS):
    """The release-notes E/I network at 800 neurons, with a delay and per-synapse weights."""

    def __init__(self, per_synapse: bool = False):
        super().__init__()
        pars = dict(
            V_rest=-60.0,
            V_th=-50.0,
            V_reset=-60.0,
            tau=20.0,
            tau_ref=5.0,
            V_initializer=bd.init.Normal(-55.0, 2.0),
            input_var=False,
        )
        self.E = bd.neurons.LIF(640, **pars)
        self.I = bd.neurons.LIF(160, **pars)

        def syn(pre, post, w, tau, e_rev):
            g_max = bd.init.Uniform(0.5 * w, 1.5 * w) if per_synapse else w
            conn = bd.conn.FixedProb(0.05, pre=pre.size, post=post.size)
            out = bd.experimental.COBA(E=e_rev)
            return bd.experimental.Exponential(conn, g_max=g_max, tau=tau, out=out)

        self.E2E = syn(self.E, self.E, 0.12, 5.0, 0.0)
        self.E2I = syn(self.E, self.I, 0.12, 5.0, 0.0)
        self.I2E = syn(self.I, self.E, 1.34, 10.0, -80.0)
        self.I2I = syn(self.I, self.I, 1.34, 10.0, -80.0)
        self.delayE = bd.Delay(self.E.spike, entries={"E": 1.0})
        self.delayI = bd.Delay(self.I.spike, entries={"I": 1.0})

    def update(self):
        e_spike, i_spike = self.delayE.at("E"), self.delayI.at("I")
        e_inp = self.E2E(e_spike, self.E.V) + self.I2E(i_spike, self.E.V) + 20.0
        i_inp = self.I2I(i_spike, self.I.V) + self.E2I(e_spike, self.I.V) + 20.0
        self.delayE(self.E(e_inp))
        self.delayI(self.I(i_inp))


def auto_mesh(n_devices: int) -> jax.sharding.Mesh:
    return jax.make_mesh(
        (n_devices,), ("neuron",), axis_types=(AxisType.Auto,), devices=jax.devices()[:n_devices]
    )


def spikes(n_devices: int | None, per_synapse: bool = False) -> tuple[np.ndarray, np.ndarray]:
    bm.random.seed(3)
    net = SmallEI(per_synapse)
    if n_devices is not None:
        bd.shard_neurons(net, auto_mesh(n_devices))
    runner = bd.DSRunner(net, monitors={"E": net.E.spike, "I": net.I.spike}, progress_bar=False)
    runner.run(60.0)
    return runner.mon["E"], runner.mon["I"]


@pytest.fixture(scope="module")
def unsharded() -> tuple[np.ndarray, np.ndarray]:
    e, i = spikes(None)
    assert e.any() and i.any(), "the reference run must spike to compare anything"
    return e, i


@pytest.mark.parametrize("n_devices", [2, 8, 3])
def test_same_spikes_whatever_the_device_count(unsharded, n_devices):
    e, i = spikes(n_devices)
    np.testing.assert_array_equal(e, unsharded[0])
    np.testing.assert_array_equal(i, unsharded[1])


def test_per_synapse_weights_shard_too():
    e1, i1 = spikes(None, per_synapse=True)
    e4, i4 = spikes(4, per_synapse=True)
    assert e1.any()
    np.testing.assert_array_equal(e4, e1)
    np.testing.assert_array_equal(i4, i1)


def test_sharding_again_or_over_another_mesh_keeps_the_spikes(unsharded):
    bm.random.seed(3)
    net = SmallEI()
    bd.shard_neurons(net, auto_mesh(8))
    bd.shard_neurons(net, auto_mesh(8))  # the same mesh: nothing to redo
    bd.shard_neurons(net, auto_mesh(2))  # another mesh: the tables are joined, then split
    assert net.E2E.projection.table_indices.shape[0] == 2
    runner = bd.DSRunner(net, monitors={"E": net.E.spike}, progress_bar=False)
    runner.run(60.0)
    np.testing.assert_array_equal(runner.mon["E"], unsharded[0])


def test_state_and_tables_are_split_by_neuron():
    bm.random.seed(0)
    net = SmallEI()
    mesh = bd.shard_neurons(net, auto_mesh(8))
    assert mesh.shape["neuron"] == 8
    assert net.E.V.value.sharding.spec == PartitionSpec("neuron")
    assert net.delayE.data.value.sharding.spec == PartitionSpec(None, "neuron")
    table = net.E2I.projection.table_indices
    assert table.shape[0] == 8 and table.sharding.spec == PartitionSpec("neuron")
    # each device holds the rows of its own 20 targets
    assert {shard.data.shape[0] for shard in table.addressable_shards} == {1}
    assert int(np.asarray(table).max()) <= 160 // 8


def test_default_mesh_spans_every_device():
    net = bd.neurons.LIF(16)
    mesh = bd.shard_neurons(net)
    assert mesh.size == jax.device_count()
    assert len(net.V.value.sharding.device_set) == jax.device_count()


def test_bad_arguments_name_what_was_expected():
    net = bd.neurons.LIF(8)
    with pytest.raises(TypeError, match="target must be a DynamicalSystem"):
        bd.shard_neurons(object())
    with pytest.raises(TypeError, match="mesh must be a jax.sharding.Mesh"):
        bd.shard_neurons(net, mesh="neuron")
    with pytest.raises(ValueError, match="axis_name 'cells' is not an axis"):
        bd.shard_neurons(net, auto_mesh(2), axis_name="cells")
    explicit = jax.make_mesh((2,), ("neuron",), axis_types=(AxisType.Explicit,))
    with pytest.raises(ValueError, match="must have AxisType.Auto"):
        bd.shard_neurons(net, explicit)

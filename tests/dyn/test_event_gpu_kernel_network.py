"""Networks propagating their spikes with the GPU event kernel, run on the CPU.

``gpu_kernel_on_cpu`` makes the event-driven projections use the Pallas kernel a GPU runs
(in Pallas' interpret mode), so a whole network, sharded or batched, can be checked against
the CPU kernel without a GPU. With fewer than 2,048 spikes per step and rows narrower than
one block of targets, the kernel adds each target's inputs in the CPU kernel's order, so the
spike trains must agree exactly.
"""

from __future__ import annotations

import jax
import numpy as np
import pytest
from jax.sharding import AxisType

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn._src.synapses.projection import Projection
from brainpy_math._src.event_gpu import gpu_kernel_on_cpu


class TinyEI(bd.DynamicalSystemNS):
    """A 400-neuron E/I network (release-notes parameters), strong enough to spike."""

    def __init__(self, per_synapse: bool):
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
        self.E = bd.neurons.LIF(320, **pars)
        self.I = bd.neurons.LIF(80, **pars)

        def syn(pre, post, w, tau, e_rev):
            g_max = bd.init.Uniform(0.5 * w, 1.5 * w) if per_synapse else w
            conn = bd.conn.FixedProb(0.1, pre=pre.size, post=post.size)
            out = bd.experimental.COBA(E=e_rev)
            return bd.experimental.Exponential(conn, g_max=g_max, tau=tau, out=out)

        self.E2E = syn(self.E, self.E, 0.12, 5.0, 0.0)
        self.E2I = syn(self.E, self.I, 0.12, 5.0, 0.0)
        self.I2E = syn(self.I, self.E, 1.34, 10.0, -80.0)
        self.I2I = syn(self.I, self.I, 1.34, 10.0, -80.0)

    def update(self):
        e_spike, i_spike = self.E.spike.value, self.I.spike.value
        e_inp = self.E2E(e_spike, self.E.V) + self.I2E(i_spike, self.E.V) + 20.0
        i_inp = self.I2I(i_spike, self.I.V) + self.E2I(e_spike, self.I.V) + 20.0
        self.E(e_inp)
        self.I(i_inp)


def spikes(per_synapse: bool, n_devices: int | None) -> np.ndarray:
    bm.random.seed(5)
    net = TinyEI(per_synapse)
    if n_devices is not None:
        mesh = jax.make_mesh(
            (n_devices,),
            ("neuron",),
            axis_types=(AxisType.Auto,),
            devices=jax.devices()[:n_devices],
        )
        bd.shard_neurons(net, mesh)
    runner = bd.DSRunner(net, monitors={"E": net.E.spike, "I": net.I.spike}, progress_bar=False)
    runner.run(20.0)
    return np.concatenate([runner.mon["E"], runner.mon["I"]], axis=1)


@pytest.mark.parametrize("per_synapse", [False, True], ids=["scalar-w", "w-per-synapse"])
def test_gpu_kernel_gives_the_cpu_kernels_spikes_sharded_or_not(per_synapse):
    if jax.device_count() < 4:
        pytest.skip("needs 4 devices (XLA_FLAGS=--xla_force_host_platform_device_count)")
    expected = spikes(per_synapse, None)
    assert expected.sum() > 50, "the reference run must spike to compare anything"
    with gpu_kernel_on_cpu():
        one_device = spikes(per_synapse, None)
        sharded = spikes(per_synapse, 4)
    np.testing.assert_array_equal(one_device, expected)
    np.testing.assert_array_equal(sharded, expected)


def test_batched_activity_through_a_projection():
    """Batched spikes (``vmap`` inside the projection) reach the same targets."""
    rng = np.random.default_rng(2)
    conn = bd.conn.FixedProb(0.2, pre=60, post=30, seed=1)
    weights = rng.uniform(0.5, 1.5, conn.require("pre2post")[0].size).astype(np.float32)
    proj = Projection(conn, weights, "sparse", bm.NonBatchingMode(), "test")
    batch = rng.random((3, 60)) < np.array([[0.0], [0.2], [1.0]])
    expected = np.asarray(proj(batch, weighted=False))
    assert expected.shape == (3, 30) and not expected[0].any() and expected[2].any()
    with gpu_kernel_on_cpu():
        got = np.asarray(jax.jit(lambda s: proj(s, weighted=False))(batch))
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-6)

"""The release-notes E/I network, sharded over every device of every process, 50 ms.

Run by ``test_multiprocess.py``, alone (one process) or through ``brainpy_dyn.launch``
(several). Each process saves its ``runner.mon`` spikes to ``OUT/spikes_<process>.npz``,
with what it built: the connections its ``FixedProb`` draws (``drawn``), the rows of the
split tables it holds (``table_rows``), its part of the initial ``E.V`` as made before
``shard_neurons`` (``V0``, ``V0_at``) and the build time (``build_s``).

With ``--local-ms T`` a second runner (``gather_monitors=False``) continues for ``T`` ms
and each process also saves its own part of those records and where it lies
(``local_*.npz``).

With ``--restore DIR`` the network's state is first loaded from the sharded checkpoint in
``DIR`` (``brainpy_checkpoints.load_sharded``); with ``--save DIR`` it is saved there after
the run (``save_sharded``, every process writing its own shards).

With ``--reshard`` the network is sharded a second time, over the devices in reverse order
(each table is then joined back and split anew).

With ``--leaf-connections X`` FixedProb's blocks of targets hold about ``X`` connections of
a row (instead of 32), so that even this small network is drawn in many blocks.

Usage: ``python multiprocess_einet.py OUT [--scale S] [--duration MS] [--no-shard]
[--per-synapse] [--local-ms T] [--restore DIR] [--save DIR] [--leaf-connections X]
[--reshard]``
"""

from __future__ import annotations

import argparse
import resource
import sys
from pathlib import Path

import brainpy_dyn as bd

PROCESS, N_PROCESSES = bd.init_distributed()  # before any JAX computation

import time  # noqa: E402

import jax  # noqa: E402
import numpy as np  # noqa: E402

import brainpy_math as bm  # noqa: E402
from brainpy_dyn._src.connect import block_sampling  # noqa: E402
from brainpy_dyn._src.distributed import local_array  # noqa: E402

DRAWN = [0]  # connections drawn by FixedProb's blocks in this process
_leaf_draw = block_sampling._leaf_draw


def _counting_leaf_draw(gen, counts, *args):
    DRAWN[0] += int(np.sum(counts))
    return _leaf_draw(gen, counts, *args)


class EINet(bd.DynamicalSystemNS):
    """The release notes' EINet (``examples/ei_net.py``), with brainpy_dyn's names."""

    def __init__(self, scale: float = 1.0, per_synapse: bool = False):
        super().__init__()
        num_exc, num_inh = int(3200 * scale), int(800 * scale)
        pars = dict(
            V_rest=-60.0,
            V_th=-50.0,
            V_reset=-60.0,
            tau=20.0,
            tau_ref=5.0,
            V_initializer=bd.init.Normal(-55.0, 2.0),
            input_var=False,
        )
        self.E = bd.neurons.LIF(num_exc, **pars)
        self.I = bd.neurons.LIF(num_inh, **pars)
        we, wi = 0.6 / scale, 6.7 / scale

        def proj(pre, post, w, tau, e_rev):
            g_max = bd.init.Uniform(0.5 * w, 1.5 * w) if per_synapse else w
            conn = bd.conn.FixedProb(0.02, pre=pre.size, post=post.size)
            out = bd.experimental.COBA(E=e_rev)
            return bd.experimental.Exponential(conn, g_max=g_max, tau=tau, out=out)

        self.E2E = proj(self.E, self.E, we, 5.0, 0.0)
        self.E2I = proj(self.E, self.I, we, 5.0, 0.0)
        self.I2E = proj(self.I, self.E, wi, 10.0, -80.0)
        self.I2I = proj(self.I, self.I, wi, 10.0, -80.0)
        self.delayE = bd.Delay(self.E.spike, entries={"E": None})
        self.delayI = bd.Delay(self.I.spike, entries={"I": None})

    def update(self):
        e_spike, i_spike = self.delayE.at("E"), self.delayI.at("I")
        e_inp = self.E2E(e_spike, self.E.V) + self.I2E(i_spike, self.E.V) + 20.0
        i_inp = self.I2I(i_spike, self.I.V) + self.E2I(e_spike, self.I.V) + 20.0
        self.delayE(self.E(e_inp))
        self.delayI(self.I(i_inp))


def simulate(net: EINet, duration: float) -> tuple[np.ndarray, ...]:
    """Run ``duration`` ms; return the gathered E and I spikes and the times."""
    runner = bd.DSRunner(net, monitors={"E": net.E.spike, "I": net.I.spike}, progress_bar=False)
    runner.run(duration)
    return runner.mon["E"], runner.mon["I"], runner.mon["ts"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=0.25)
    parser.add_argument("--duration", type=float, default=50.0)
    parser.add_argument("--no-shard", action="store_true")
    parser.add_argument("--per-synapse", action="store_true")
    parser.add_argument("--local-ms", type=float, default=0.0)
    parser.add_argument("--restore", type=Path)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--leaf-connections", type=int, default=0)
    parser.add_argument("--reshard", action="store_true")
    args = parser.parse_args(argv)
    block_sampling._leaf_draw = _counting_leaf_draw
    if args.leaf_connections:  # finer blocks of targets (the test's reference does the same)
        block_sampling._PER_LEAF, block_sampling._MIN_LEAF = args.leaf_connections, 1
    bm.random.seed(11)
    start = time.perf_counter()
    net = EINet(args.scale, args.per_synapse)
    v0, v0_at = local_array(net.E.V.value)  # before shard_neurons: made in parts?
    if not args.no_shard:
        bd.shard_neurons(net)
    if args.reshard:  # split anew over the devices in reverse order
        devices = jax.devices()[::-1]
        auto = (jax.sharding.AxisType.Auto,)
        mesh = jax.make_mesh((len(devices),), ("neuron",), axis_types=auto, devices=devices)
        bd.shard_neurons(net, mesh)
    build_s = time.perf_counter() - start
    if args.restore:
        import brainpy_checkpoints as ckpt

        net.load_state_dict(ckpt.load_sharded(args.restore, net.state_dict()))
    e, i, ts = simulate(net, args.duration)
    if args.save:
        import brainpy_checkpoints as ckpt

        ckpt.save_sharded(args.save, net.state_dict())
    args.out.mkdir(parents=True, exist_ok=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    tables = [
        node.projection.device_table
        for node in net.nodes().values()
        if getattr(getattr(node, "projection", None), "device_table", None) is not None
    ]
    np.savez(
        args.out / f"spikes_{PROCESS}.npz",
        E=e,
        I=i,
        ts=ts,
        peak_mb=peak_mb,
        build_s=build_s,
        drawn=DRAWN[0],
        table_rows=sum(  # (part, source) rows of the split tables this process holds
            s.data.shape[0] * s.data.shape[1]
            for t in tables
            for s in t.indices.value.addressable_shards
        ),
        V0=v0,
        V0_at=[(a.start, a.stop) for a in v0_at],
    )
    if args.local_ms:
        runner = bd.DSRunner(
            net,
            monitors={"E": net.E.spike, "I": net.I.spike},
            progress_bar=False,
            gather_monitors=False,
        )
        runner.run(args.local_ms)
        slices = {k: [(s.start, s.stop) for s in v] for k, v in runner.local_slices.items()}
        np.savez(
            args.out / f"local_{PROCESS}.npz",
            E=runner.mon["E"],
            I=runner.mon["I"],
            E_at=slices["E"],
            I_at=slices["I"],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""``DSRunner(..., memory_efficient=True)`` on 2 processes of 2 devices: records on every process.

This file is also the script that :func:`brainpy_dyn.launch.launch` starts on every process
(``python test_multiprocess_records.py OUT``): a small E/I network, sharded over the 4
devices, runs 20 ms with the records sent to the hosts step by step, then 10 ms more with
``gather_monitors=False`` (every second step). Every process must hold the records of a
one-process, unsharded run of the same seed (spikes, potentials and a per-step scalar),
whole; and with ``gather_monitors=False`` the block of its own neurons, which
``local_slices`` places in the whole.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

import brainpy_dyn as bd
import brainpy_math as bm


class EINet(bd.DynamicalSystemNS):
    """The release notes' E/I network at a tenth of its size: 320 E, 80 I (4 blocks each)."""

    def __init__(self):
        super().__init__()
        pars = dict(V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0, tau_ref=5.0)
        pars.update(V_initializer=bd.init.Normal(-55.0, 2.0), input_var=False)
        self.E, self.I = bd.neurons.LIF(320, **pars), bd.neurons.LIF(80, **pars)

        def proj(pre, post, w, tau, e_rev):
            conn = bd.conn.FixedProb(0.02, pre=pre.size, post=post.size)
            out = bd.experimental.COBA(E=e_rev)
            return bd.experimental.Exponential(conn, g_max=w, tau=tau, out=out)

        self.E2E, self.E2I = (
            proj(self.E, self.E, 6.0, 5.0, 0.0),
            proj(self.E, self.I, 6.0, 5.0, 0.0),
        )
        self.I2E, self.I2I = (
            proj(self.I, self.E, 67.0, 10.0, -80.0),
            proj(self.I, self.I, 67.0, 10.0, -80.0),
        )
        self.delayE = bd.Delay(self.E.spike, entries={"E": None})
        self.delayI = bd.Delay(self.I.spike, entries={"I": None})

    def update(self):
        e_spike, i_spike = self.delayE.at("E"), self.delayI.at("I")
        e_inp = self.E2E(e_spike, self.E.V) + self.I2E(i_spike, self.E.V) + 20.0
        i_inp = self.I2I(i_spike, self.I.V) + self.E2I(e_spike, self.I.V) + 20.0
        self.delayE(self.E(e_inp))
        self.delayI(self.I(i_inp))


def simulate(shard: bool, memory_efficient: bool) -> list[tuple[dict, dict]]:
    """The records of 20 ms, then of 10 ms more (``gather_monitors=False``, every 2nd step)."""
    bm.random.seed(11)
    net = EINet()
    if shard:
        bd.shard_neurons(net)
    out = []
    for duration, gather, every in ((20.0, True, 1), (10.0, False, 2)):
        runner = bd.DSRunner(
            net,
            monitors={"E": net.E.spike, "I": net.I.spike, "V": net.E.V},
            fun_monitors={"n": lambda shared: net.E.spike.value.sum()},
            memory_efficient=memory_efficient,
            gather_monitors=gather,
            monitor_every=every,
            progress_bar=False,
        )
        runner.run(duration)
        mon = {k: np.asarray(runner.mon[k]) for k in ("E", "I", "V", "n", "ts")}
        slices = {k: [(s.start, s.stop) for s in v] for k, v in runner.local_slices.items()}
        out.append((mon, slices))
    return out


def test_memory_efficient_records_reach_every_process(tmp_path):
    from brainpy_dyn.launch import launch

    (whole, _), (more, _) = simulate(shard=False, memory_efficient=False)
    assert whole["E"].sum() > 0 and more["E"].sum() > 0, "the reference must spike"
    codes = launch([__file__, str(tmp_path)], num_processes=2, devices_per_process=2, timeout=120)
    assert codes == [0, 0], f"the processes exited with {codes}"
    blocks = {"E": [], "I": []}
    for p in range(2):
        got = np.load(tmp_path / f"records_{p}.npz")
        for key in ("E", "I", "V", "n", "ts"):
            np.testing.assert_array_equal(got[f"whole_{key}"], whole[key], err_msg=f"{p} {key}")
        for key in ("n", "ts"):  # scalars per step: whole on every process
            np.testing.assert_array_equal(got[f"local_{key}"], more[key], err_msg=f"{p} {key}")
        for key in ("E", "I", "V"):
            (t0, t1), (n0, n1) = got[f"at_{key}"]
            assert (t0, t1) == (0, more[key].shape[0])
            assert n1 - n0 == more[key].shape[1] // 2, (p, key, n0, n1)  # its 2 of 4 blocks
            np.testing.assert_array_equal(got[f"local_{key}"], more[key][:, n0:n1])
            if key in blocks:
                blocks[key].append((n0, n1))
    for key, spans in blocks.items():  # the two processes' blocks tile the neurons
        assert sorted(spans) == [
            (0, more[key].shape[1] // 2),
            (more[key].shape[1] // 2, more[key].shape[1]),
        ]


def main(out: str) -> int:
    process, _ = bd.init_distributed()  # before any JAX computation
    (whole, _), (local, slices) = simulate(shard=True, memory_efficient=True)
    arrays = {f"whole_{k}": v for k, v in whole.items()}
    arrays.update({f"local_{k}": v for k, v in local.items()})
    arrays.update({f"at_{k}": np.array(v) for k, v in slices.items() if k in ("E", "I", "V")})
    np.savez(Path(out) / f"records_{process}.npz", **arrays)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

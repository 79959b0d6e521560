"""The E/I network of the BrainPy 2.3.5 release notes, run unchanged.

The ``EINet`` class below is copied verbatim from the release notes (``brainpy.Delay``
section). The script simulates it for 1 s of model time with a progress bar, prints
the excitatory and inhibitory firing rates with the build, compile and run times,
and writes a figure: a raster of 400 E and 100 I neurons over 300 ms of the first run, with
the population rates below.

Run: ``python examples/ei_net.py [--delay 1.0] [--scale 1] [--duration 1000]
[--out ei_net.png]`` (or ``nox -s demo``). It exits non-zero if a rate leaves the
10–40 Hz band that this network shows.
"""

import argparse
import sys
import time

import brainpy as bp


# ---- verbatim from the BrainPy 2.3.5 release notes ---------------------------------
# fmt: off
class EINet(bp.DynamicalSystemNS):
  def __init__(self, scale=1.0, e_input=20., i_input=20., delay=None):
    super().__init__()

    self.bg_exc = e_input
    self.bg_inh = i_input

    # network size
    num_exc = int(3200 * scale)
    num_inh = int(800 * scale)

    # neurons
    pars = dict(V_rest=-60., V_th=-50., V_reset=-60., tau=20., tau_ref=5.,
                V_initializer=bp.init.Normal(-55., 2.), input_var=False)
    self.E = bp.neurons.LIF(num_exc, **pars)
    self.I = bp.neurons.LIF(num_inh, **pars)

    # synapses
    we = 0.6 / scale  # excitatory synaptic weight (voltage)
    wi = 6.7 / scale  # inhibitory synaptic weight
    self.E2E = bp.experimental.Exponential(
      bp.conn.FixedProb(0.02, pre=self.E.size, post=self.E.size),
      g_max=we, tau=5., out=bp.experimental.COBA(E=0.)
    )
    self.E2I = bp.experimental.Exponential(
      bp.conn.FixedProb(0.02, pre=self.E.size, post=self.I.size, ),
      g_max=we, tau=5., out=bp.experimental.COBA(E=0.)
    )
    self.I2E = bp.experimental.Exponential(
      bp.conn.FixedProb(0.02, pre=self.I.size, post=self.E.size),
      g_max=wi, tau=10., out=bp.experimental.COBA(E=-80.)
    )
    self.I2I = bp.experimental.Exponential(
      bp.conn.FixedProb(0.02, pre=self.I.size, post=self.I.size),
      g_max=wi, tau=10., out=bp.experimental.COBA(E=-80.)
    )
    self.delayE = bp.Delay(self.E.spike, entries={'E': delay})
    self.delayI = bp.Delay(self.I.spike, entries={'I': delay})

  def update(self):
    e_spike = self.delayE.at('E')
    i_spike = self.delayI.at('I')
    e_inp = self.E2E(e_spike, self.E.V) + self.I2E(i_spike, self.E.V) + self.bg_exc
    i_inp = self.I2I(i_spike, self.I.V) + self.E2I(e_spike, self.I.V) + self.bg_inh
    self.delayE(self.E(e_inp))
    self.delayI(self.I(i_inp))
# fmt: on
# -------------------------------------------------------------------------------------


def plot(mon: dict, dt: float, args: argparse.Namespace) -> None:
    """A raster of 400 E and 100 I neurons over a 300 ms window, with population rates below."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # only now: the results above come first
    import numpy as np

    ts, e, i = (np.asarray(mon[k]) for k in ("ts", "E.spike", "I.spike"))
    start = min(300.0, ts[-1] / 2)
    window = (ts >= start) & (ts < start + 300.0)
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(8, 6), sharex=True, gridspec_kw={"height_ratios": [3, 1]}
    )
    for spikes, offset, color, name in (
        (e[:, :400], 0, "tab:blue", "E"),
        (i[:, :100], 400, "tab:red", "I"),
    ):
        step, neuron = np.nonzero(spikes[window])
        top.scatter(ts[window][step], neuron + offset, s=1.5, c=color, marker="|", label=name)
    top.set_ylabel("neuron (400 E, then 100 I)")
    top.set_title(
        f"EINet(scale={args.scale}, delay={args.delay}): the first run, {start:g}-{start + 300:g} ms"
    )
    top.legend(loc="upper right", markerscale=6)
    width = max(1, round(5.0 / dt))  # a 5 ms sliding window
    kernel = np.ones(width) / (width * dt / 1000.0)
    for spikes, color, name in ((e, "tab:blue", "E"), (i, "tab:red", "I")):
        rate = np.convolve(spikes.mean(axis=1), kernel, mode="same")
        bottom.plot(ts[window], rate[window], color=color, lw=1, label=f"{name} population")
    bottom.set_xlabel("time (ms)")
    bottom.set_ylabel("rate (Hz)")
    bottom.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(args.out, dpi=110)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=None, help="synaptic delay (ms)")
    parser.add_argument("--scale", type=float, default=1.0, help="network scale (1 = 4000)")
    parser.add_argument("--duration", type=float, default=1000.0, help="model time (ms)")
    parser.add_argument("--out", default="ei_net.png", help="raster plot file")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    bp.math.random.seed(args.seed)
    t0 = time.perf_counter()
    net = EINet(scale=args.scale, delay=args.delay)
    t1 = time.perf_counter()
    runner = bp.DSRunner(net, monitors={"E.spike": net.E.spike, "I.spike": net.I.spike})
    runner.run(args.duration)
    t2 = time.perf_counter()

    e_rate = runner.mon["E.spike"].mean() / (runner.dt / 1000.0)
    i_rate = runner.mon["I.spike"].mean() / (runner.dt / 1000.0)
    print(f"EINet(scale={args.scale}, delay={args.delay}): {net.E.num} E + {net.I.num} I neurons")
    print(f"  rates: E {e_rate:.2f} Hz, I {i_rate:.2f} Hz")
    print(f"  build {t1 - t0:.2f} s, first run (with compilation) {t2 - t1:.2f} s")
    sys.stdout.flush()
    first = {
        key: runner.mon[key] for key in ("ts", "E.spike", "I.spike")
    }  # the next run replaces them

    runner.run(args.duration)  # the same run again, now compiled
    t3 = time.perf_counter()
    print(f"  second run {t3 - t2:.3f} s for {args.duration / 1000.0:g} s of model time")

    plot(first, runner.dt, args)
    print(f"  raster plot written to {args.out}")
    ok = 10.0 <= e_rate <= 40.0 and 10.0 <= i_rate <= 40.0
    if not ok:
        print("FAILED: a rate is outside 10-40 Hz")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

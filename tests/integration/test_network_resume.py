"""A spiking network saved mid-run with brainpy.checkpoints resumes exactly."""

import numpy as np
import pytest

import brainpy as bp


class SmallEINet(bp.DynamicalSystemNS):
    """The release-notes network at a tenth of its size, with a 1 ms delay."""

    def __init__(self, delay=1.0):
        super().__init__()
        pars = dict(
            V_rest=-60.0,
            V_th=-50.0,
            V_reset=-60.0,
            tau=20.0,
            tau_ref=5.0,
            V_initializer=bp.init.Normal(-55.0, 2.0),
            input_var=False,
        )
        self.E = bp.neurons.LIF(320, **pars)
        self.I = bp.neurons.LIF(80, **pars)
        self.E2E = bp.experimental.Exponential(
            bp.conn.FixedProb(0.2, pre=320, post=320, seed=1),
            g_max=0.6,
            tau=5.0,
            out=bp.experimental.COBA(E=0.0),
        )
        self.I2E = bp.experimental.Exponential(
            bp.conn.FixedProb(0.2, pre=80, post=320, seed=2),
            g_max=6.7,
            tau=10.0,
            out=bp.experimental.COBA(E=-80.0),
        )
        self.E2I = bp.experimental.Exponential(
            bp.conn.FixedProb(0.2, pre=320, post=80, seed=3),
            g_max=0.6,
            tau=5.0,
            out=bp.experimental.COBA(E=0.0),
        )
        self.delayE = bp.Delay(self.E.spike, entries={"E": delay})
        self.delayI = bp.Delay(self.I.spike, entries={"I": delay})

    def update(self):
        e, i = self.delayE.at("E"), self.delayI.at("I")
        self.delayE(self.E(self.E2E(e, self.E.V) + self.I2E(i, self.E.V) + 20.0))
        self.delayI(self.I(self.E2I(e, self.I.V) + 20.0))


def make(seed):
    bp.math.random.seed(seed)
    return SmallEINet()


def spikes_of(net, duration, t0=0.0):
    runner = bp.DSRunner(net, monitors=["E.spike", "I.spike"], progress_bar=False, t0=t0)
    runner.run(duration)
    return np.concatenate([runner.mon["E.spike"], runner.mon["I.spike"]], axis=1)


def test_save_mid_run_and_resume_equals_straight_run(tmp_path):
    straight = spikes_of(make(7), 100.0)
    assert straight.any()

    first = make(7)
    head = spikes_of(first, 50.0)
    path = bp.checkpoints.save_pytree(tmp_path / "net", first.state_dict(), verbose=False)

    fresh = make(123)  # different initial state: everything must come from the file
    result = fresh.load_state_dict(bp.checkpoints.load_pytree(path))
    assert not result.missing_keys and not result.unexpected_keys
    tail = spikes_of(fresh, 50.0, t0=50.0)
    np.testing.assert_array_equal(np.concatenate([head, tail]), straight)


def test_loaded_values_are_writable_device_arrays(tmp_path):
    net = make(0)
    path = bp.checkpoints.save_pytree(tmp_path / "n", net.state_dict(), verbose=False)
    fresh = make(1)
    fresh.load_state_dict(bp.checkpoints.load_pytree(path))
    fresh.E.V[0] = 1.0  # in-place indexing works on the restored Variable
    assert float(fresh.E.V[0]) == pytest.approx(1.0)

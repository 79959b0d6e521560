"""Mistakes that used to run silently: monitor indices out of range, a Delay run at another dt."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_dyn as bd
from brainpy_dyn.errors import DelayValueError, MonitorValueError


@pytest.mark.parametrize("index", [[5], 3, -4, np.array([0, 7])])
def test_a_monitor_index_out_of_range_is_an_error(index):
    group = bd.neurons.LIF(3)
    with pytest.raises(MonitorValueError, match="out of range for an axis of size 3"):
        bd.DSRunner(group, monitors=[("V", index)], progress_bar=False)


def test_indices_in_range_still_record_those_neurons():
    group = bd.neurons.LIF(3, V_initializer=lambda shape: np.arange(3.0))
    runner = bd.DSRunner(group, monitors=[("V", [2, -3])], progress_bar=False)
    runner.run(0.1)
    np.testing.assert_allclose(np.asarray(runner.mon["V"])[0], np.asarray(group.V.value)[[2, 0]])


class _Net(bd.DynamicalSystemNS):
    def __init__(self, entries):
        super().__init__()
        self.lif = bd.neurons.LIF(2)
        self.delay = bd.Delay(self.lif.spike, entries=entries)
        self.delay.register_entry("by_step", delay_step=4)

    def update(self):
        for entry in self.delay.entry_steps:
            self.delay.at(entry)
        self.delay(self.lif(1.0))


def test_a_delay_run_at_another_dt_is_an_error_naming_both():
    net = _Net({"time": 1.0, "live": None})
    bd.DSRunner(net, progress_bar=False).run(0.5)  # built and run at dt = 0.1
    with pytest.raises(DelayValueError, match=r"'time' was registered at dt=0.1 ms \(10 steps\)"):
        bd.DSRunner(net, dt=0.05, progress_bar=False).run(0.5)


def test_entries_given_in_steps_run_at_any_dt():
    net = _Net({"live": None})
    runner = bd.DSRunner(
        net, dt=0.05, monitors={"d": lambda tdi: net.delay.at("by_step")}, progress_bar=False
    )
    runner.run(1.0)
    assert np.asarray(runner.mon["d"]).shape == (20, 2)

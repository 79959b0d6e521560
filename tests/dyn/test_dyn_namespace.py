"""2.3.5's ``brainpy.dyn`` names: neuron classes, Runner, NoSharedArg, SynOut/SynSTP/SynLTP."""

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn import neurons

NEURONS = (
    "AdExIF",
    "AdQuaIF",
    "ExpIF",
    "FHN",
    "FractionalFHR",
    "FractionalIzhikevich",
    "GIF",
    "HH",
    "HindmarshRose",
    "Izhikevich",
    "LIF",
    "MorrisLecar",
    "OUProcess",
    "PinskyRinzelModel",
    "PoissonGroup",
    "QuaIF",
    "SpikeTimeGroup",
)


@pytest.mark.parametrize("name", NEURONS)
def test_top_level_neurons_are_the_neurons_module_classes(name):
    assert getattr(bd, name) is getattr(neurons, name)
    assert name in bd.__all__


def test_bases_are_the_synapse_module_classes():
    assert bd.SynOut is bd.synapses.SynOut is bd.synouts.COBA.__mro__[1]
    assert bd.SynSTP is bd.synapses.SynSTP
    assert issubclass(bd.synplast.STD, bd.SynSTP)
    assert issubclass(bd.DSRunner, bd.Runner) and issubclass(bd.IntegratorRunner, bd.Runner)
    assert sorted(bd.__all__, key=str.lower) == bd.__all__[:1] + sorted(
        bd.__all__[1:], key=str.lower
    )


def test_runner_base_keeps_options_and_needs_run():
    group = bd.neurons.LIF(2)
    runner = bd.Runner(group, monitors=["V"], jit={"predict": False}, progress_bar=False)
    assert runner.target is group and runner.jit is False and runner.numpy_mon_after_run
    assert [key for key, _ in runner._monitors] == ["V"]
    with pytest.raises(NotImplementedError, match="run"):
        runner(1.0)
    with pytest.raises(TypeError, match="progress_bar"):
        bd.Runner(group, progress_bar="yes")


def test_no_shared_arg_drops_the_shared_data_and_forwards_resets():
    class Acc(bd.DynamicalSystemNS):
        def __init__(self):
            super().__init__()
            self.total = bm.Variable(bm.zeros(()))

        def update(self, x):
            self.total.value += x
            return self.total.value

        def reset_state(self, batch_size=None):
            self.total.value = bm.zeros(())

    inner = Acc()
    wrapper = bd.NoSharedArg(inner)
    seq = bd.Sequential(wrapper)
    assert float(wrapper({"t": 0.0, "dt": 0.1}, 2.0)) == 2.0
    assert float(seq(3.0)) == 5.0
    wrapper.reset()
    assert float(inner.total.value) == 0.0
    with pytest.raises(TypeError, match="target"):
        bd.NoSharedArg(lambda x: x)


def test_synout_register_master_and_filter():
    pre, post = bd.neurons.LIF(1), bd.neurons.LIF(3)
    out = bd.synouts.CUBA(target_var="input")
    with pytest.raises(ValueError, match="register_master"):
        out.filter(bm.ones(3))
    syn = bd.TwoEndConn(pre, post, bd.conn.All2All(), output=out)
    out.register_master(syn)
    assert out.target_var is post.input and out.master is syn
    g = bm.asarray([1.0, 2.0, 3.0])
    np.testing.assert_allclose(np.asarray(out.filter(g)), [1.0, 2.0, 3.0])
    np.testing.assert_allclose(np.asarray(post.input.value), [1.0, 2.0, 3.0])
    other = bd.TwoEndConn(pre, post, bd.conn.All2All())
    with pytest.raises(ValueError, match="already registered"):
        out.register_master(other)
    bad = bd.synouts.COBA(target_var="nope")
    with pytest.raises(ValueError, match="nope"):
        bad.register_master(other)
    free = bd.synouts.CUBA(target_var=None)
    assert float(free.filter(bm.asarray(4.0))) == 4.0


def test_synltp_is_an_abstract_base():
    assert issubclass(bd.SynLTP, bd.DynamicalSystem)
    with pytest.raises(NotImplementedError, match="update"):
        bd.SynLTP()(1.0)

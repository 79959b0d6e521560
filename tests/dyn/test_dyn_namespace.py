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


OLD_SYNAPSES = {
    "ExpCUBA": ("Exponential", "CUBA", "sparse"),
    "ExpCOBA": ("Exponential", "COBA", "sparse"),
    "DualExpCUBA": ("DualExponential", "CUBA", "dense"),
    "DualExpCOBA": ("DualExponential", "COBA", "dense"),
    "AlphaCUBA": ("Alpha", "CUBA", "dense"),
    "AlphaCOBA": ("Alpha", "COBA", "dense"),
    "DeltaSynapse": ("Delta", "CUBA", "sparse"),
    "NMDA": ("NMDA", "MgBlock", "dense"),
}


@pytest.mark.parametrize("name", sorted(OLD_SYNAPSES))
def test_old_dyn_synapses_are_the_current_models_with_fixed_outputs(name):
    base, out, comp = OLD_SYNAPSES[name]
    cls = getattr(bd, name)
    assert issubclass(cls, getattr(bd.synapses, base)) and name in bd.__all__
    syn = cls(bd.neurons.LIF(2), bd.neurons.LIF(3), bd.conn.All2All())
    assert type(syn.out).__name__ == out and syn.comp_method == comp


def _run_g(make):
    pre = bd.neurons.SpikeTimeGroup(2, times=[0.0, 0.2], indices=[0, 1])
    post = bd.neurons.LIF(3, V_th=1e9)
    syn = make(pre, post)
    runner = bd.DSRunner(bd.Network(pre, syn, post), monitors={"g": syn.g}, progress_bar=False)
    runner.run(1.0)
    return np.asarray(runner.mon["g"])


def test_old_dyn_synapses_match_the_current_classes():
    conn = bd.conn.All2All
    old = _run_g(lambda a, b: bd.ExpCOBA(a, b, conn(), g_max=0.5, tau=4.0, E=-80.0))
    new = _run_g(
        lambda a, b: bd.synapses.Exponential(
            a, b, conn(), output=bd.synouts.COBA(E=-80.0), g_max=0.5, tau=4.0
        )
    )
    np.testing.assert_allclose(old, new)
    assert old.max() > 0
    nmda = bd.NMDA(bd.neurons.LIF(1), bd.neurons.LIF(1), conn(), E=5.0, cc_Mg=2.0)
    assert (nmda.out.E, nmda.out.cc_Mg, nmda.out.alpha, nmda.out.beta) == (5.0, 2.0, 0.062, 3.57)
    delta = bd.DeltaSynapse(bd.neurons.LIF(1), bd.neurons.LIF(1), conn(), weights=2.0)
    assert float(np.asarray(delta.g_max).max()) == 2.0

"""BrainPy 2.3.5's pre/post synapse form: ``bp.synapses.Exponential(pre, post, conn, ...)``."""

from __future__ import annotations

import math

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm

DT = 0.1


def one_spike_run(delay_step=None, cls=bd.synapses.Exponential, **kwargs):
    """A spike emitted at step 10 through a 1 -> 1 synapse; returns the monitored g and input."""
    pre = bd.neurons.SpikeTimeGroup(1, times=[1.0], indices=[0])  # fires in step 10 (t = 1.0)
    post = bd.neurons.LIF(1, V_th=1e9)  # integrates, never fires
    syn = cls(pre, post, bd.conn.All2All(), g_max=2.0, delay_step=delay_step, **kwargs)
    net = bd.Network(pre=pre, syn=syn, post=post)
    runner = bd.DSRunner(net, monitors={"g": syn.g, "input": post.input}, progress_bar=False, dt=DT)
    runner.run(4.0)
    return runner.mon["g"][:, 0], runner.mon["input"][:, 0]


@pytest.mark.parametrize(("delay_step", "arrival"), [(None, 11), (0, 11), (3, 14)])
def test_a_spike_arrives_one_plus_delay_step_steps_after_it_is_emitted(delay_step, arrival):
    g, current = one_spike_run(delay_step, tau=5.0)
    assert not g[:arrival].any()
    np.testing.assert_allclose(g[arrival], 2.0, rtol=1e-6)
    np.testing.assert_allclose(g[arrival + 1], 2.0 * math.exp(-DT / 5.0), rtol=1e-6)
    # CUBA (the default output) adds g itself to post.input, which the LIF clears each step
    np.testing.assert_allclose(current, g, rtol=1e-6)


def test_coba_output_reads_the_post_membrane_potential():
    pre = bd.neurons.SpikeTimeGroup(1, times=[0.0], indices=[0])
    post = bd.neurons.LIF(2, V_rest=-60.0, V_th=1e9, V_initializer=bd.init.OneInit(-60.0))
    syn = bd.synapses.Exponential(
        pre, post, bd.conn.All2All(), g_max=0.5, output=bd.synouts.COBA(E=0.0)
    )
    net = bd.Network(pre=pre, syn=syn, post=post)
    runner = bd.DSRunner(net, monitors={"g": syn.g, "input": post.input}, progress_bar=False)
    runner.run(0.3)
    # step 1: g = 0.5 and V = -60 (unchanged at rest), so the current is 0.5 * (0 - (-60))
    np.testing.assert_allclose(runner.mon["input"][1], [30.0, 30.0], rtol=1e-6)


def test_classic_ei_network_fires_in_the_expected_band():
    bm.random.seed(0)
    pars = dict(
        V_rest=-60.0,
        V_th=-50.0,
        V_reset=-60.0,
        tau=20.0,
        tau_ref=5.0,
        V_initializer=bd.init.Normal(-55.0, 2.0),
    )
    E, I = bd.neurons.LIF(3200, **pars), bd.neurons.LIF(800, **pars)

    def exp(pre, post, w, tau, e_rev):
        out = bd.synapses.COBA(E=e_rev)
        return bd.synapses.Exponential(
            pre, post, bd.conn.FixedProb(0.02), g_max=w, tau=tau, output=out
        )

    net = bd.Network(
        exp(E, E, 0.6, 5.0, 0.0),
        exp(E, I, 0.6, 5.0, 0.0),
        exp(I, E, 6.7, 10.0, -80.0),
        exp(I, I, 6.7, 10.0, -80.0),
        E=E,
        I=I,
    )
    runner = bd.DSRunner(
        net,
        monitors={"E": E.spike, "I": I.spike},
        inputs=[("E.input", 20.0), ("I.input", 20.0)],
        progress_bar=False,
    )
    runner.run(300.0)
    for key in ("E", "I"):
        rate = runner.mon[key].mean() / (DT / 1000.0)
        assert 10.0 <= rate <= 40.0, (key, rate)


@pytest.mark.parametrize("cls", [bd.synapses.DualExponential, bd.synapses.Alpha])
def test_dual_exponential_and_alpha_take_the_pre_post_form(cls):
    g, current = one_spike_run(cls=cls, tau_decay=3.0)
    assert not g[:11].any() and g[12] > 0 and g.argmax() > 12  # rises, then decays
    np.testing.assert_allclose(current, g, rtol=1e-6)


def test_synouts_is_the_2_3_5_name_of_the_outputs():
    assert bd.synouts.COBA is bd.synapses.COBA is bd.experimental.COBA
    assert bd.synouts.CUBA(target_var="input").target_var == "input"


def test_the_connector_form_is_the_experimental_class():
    syn = bd.synapses.Exponential(bd.conn.All2All(pre=2, post=3), g_max=0.5)
    assert type(syn) is bd.experimental.Exponential
    classic = bd.synapses.Exponential(bd.neurons.LIF(2), bd.neurons.LIF(3), bd.conn.All2All())
    assert isinstance(classic, bd.experimental.Exponential)
    assert classic.g.shape == (3,) and classic.conn.pre_num == 2


def test_bad_arguments_name_what_was_expected():
    pre, post = bd.neurons.LIF(2), bd.neurons.LIF(3)
    with pytest.raises(ValueError, match="post must have a Variable 'input'"):
        bd.synapses.Exponential(pre, bd.neurons.LIF(3, input_var=False), bd.conn.All2All())
    with pytest.raises(ValueError, match="delay_step must be None or an int"):
        bd.synapses.Exponential(pre, post, bd.conn.All2All(), delay_step=1.5)
    with pytest.raises(ValueError, match="delay_step must be >= 0"):
        bd.synapses.Exponential(pre, post, bd.conn.All2All(), delay_step=-1)
    with pytest.raises(ValueError, match="conn connects 4 to 4 neurons, but pre has 2"):
        bd.synapses.Exponential(pre, post, bd.conn.All2All(pre=4, post=4))
    with pytest.raises(TypeError, match="conn must be a two-end connector"):
        bd.synapses.Exponential(pre, post, np.ones((2, 3)))


def test_cuba_target_var_none_returns_the_current_and_a_variable_receives_it():
    pre = bd.neurons.SpikeTimeGroup(1, times=[0.0], indices=[0])
    post = bd.neurons.LIF(2, V_th=1e9)
    quiet = bd.synapses.Exponential(
        pre, post, bd.conn.All2All(), g_max=2.0, output=bd.synouts.CUBA(target_var=None)
    )
    extra = bm.Variable(bm.zeros(2))
    direct = bd.synapses.Exponential(
        pre, post, bd.conn.All2All(), g_max=3.0, output=bd.synouts.CUBA(target_var=extra)
    )
    bd.share.save(t=0.0, i=0, dt=DT)
    pre()
    post.input.value = bm.zeros(2)
    current = quiet()
    np.testing.assert_allclose(current, [2.0, 2.0])
    np.testing.assert_array_equal(post.input.value, [0.0, 0.0])  # nothing added
    direct()
    np.testing.assert_allclose(extra.value, [3.0, 3.0])
    np.testing.assert_array_equal(post.input.value, [0.0, 0.0])
    with pytest.raises(TypeError, match="target_var"):
        bd.synapses.Exponential(pre, post, bd.conn.All2All(), output=bd.synouts.CUBA(target_var=3))

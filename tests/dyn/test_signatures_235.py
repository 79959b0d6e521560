"""2.3.5's parameter names and orders: neuron derivatives, HH/BioNMDA, synapse components."""

import inspect

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm

# (class, derivative method, its parameters in 2.3.5)
DERIVATIVES = [
    ("AdExIF", "dV", ["V", "t", "w", "I_ext"]),
    ("AdQuaIF", "dV", ["V", "t", "w", "I_ext"]),
    ("ALIFBellec2020", "dV", ["V", "t", "I_ext"]),
    ("ExpIF", "derivative", ["V", "t", "I_ext"]),
    ("FHN", "dV", ["V", "t", "w", "I_ext"]),
    ("GIF", "dV", ["V", "t", "I1", "I2", "I_ext"]),
    ("HH", "dV", ["V", "t", "m", "h", "n", "I"]),
    ("HindmarshRose", "dV", ["V", "t", "y", "z", "I_ext"]),
    ("Izhikevich", "dV", ["V", "t", "u", "I_ext"]),
    ("LeakyIntegrator", "derivative", ["V", "t", "I_ext"]),
    ("LIF", "derivative", ["V", "t", "I_ext"]),
    ("LIF_SFA_Bellec2020", "dV", ["V", "t", "I_ext"]),
    ("MorrisLecar", "dV", ["V", "t", "W", "I_ext"]),
    ("QuaIF", "derivative", ["V", "t", "I_ext"]),
    ("WangBuzsakiModel", "dV", ["V", "t", "h", "n", "I_ext"]),
]


@pytest.mark.parametrize("cls,method,params", DERIVATIVES, ids=[d[0] for d in DERIVATIVES])
def test_derivatives_take_2_3_5_parameter_names(cls, method, params):
    fn = getattr(getattr(bd.neurons, cls), method)
    assert list(inspect.signature(fn).parameters)[1:] == params


def test_lif_derivative_and_integral_take_i_ext_by_keyword():
    lif = bd.neurons.LIF(1, V_rest=-65.0, R=2.0, tau=10.0)
    V = jnp.asarray([-60.0])
    # dV/dt = (-V + V_rest + R I) / tau = (60 - 65 + 2 * 3) / 10
    np.testing.assert_allclose(lif.derivative(V, 0.0, I_ext=3.0), [0.1], rtol=1e-6)
    # the exact exponential step towards V_inf = V_rest + R I = -59
    got = lif.integral(V, 0.0, I_ext=3.0, dt=1.0)
    np.testing.assert_allclose(got, -59.0 + (-60.0 + 59.0) * np.exp(-0.1), rtol=1e-6)


def test_joint_derivative_takes_i_ext_by_keyword():
    izh = bd.neurons.Izhikevich(1)
    V, u = jnp.asarray([-65.0]), jnp.asarray([-13.0])
    dV, du = izh.derivative(V, u, 0.0, I_ext=10.0)
    np.testing.assert_allclose(dV, 0.04 * 65.0**2 - 5.0 * 65.0 + 140.0 + 13.0 + 10.0, rtol=1e-6)
    np.testing.assert_allclose(du, 0.02 * (0.2 * -65.0 + 13.0), atol=1e-6)


def test_hh_takes_name_input_var_and_mode_in_2_3_5_order():
    sig = inspect.signature(bd.neurons.HH)
    params = list(sig.parameters)
    assert params[-3:] == ["name", "input_var", "mode"]
    pos = [sig.parameters[p].default for p in params[:-3]]
    pos[0] = 2  # size
    group = bd.neurons.HH(*pos, "hh_positional_235", False, bm.batching_mode)
    assert group.name == "hh_positional_235" and isinstance(group.mode, bm.BatchingMode)
    assert "input" not in group.vars(level=0, include_self=True).keys().__str__()


def test_bionmda_takes_mode_before_name():
    params = list(inspect.signature(bd.synapses.BioNMDA).parameters)
    assert params[-3:] == ["mode", "name", "stop_spike_gradient"]


def test_pinsky_rinzel_update_takes_the_shared_data_first():
    a, b = bd.neurons.PinskyRinzelModel(1), bd.neurons.PinskyRinzelModel(1)
    assert list(inspect.signature(a.update).parameters) == ["tdi", "x"]
    bd.share.save(t=0.0, dt=0.05)
    try:
        for _ in range(5):
            a.update({"t": 0.0, "dt": 0.05}, 1.0)  # 2.3.5's call
            b.update(1.0)  # the input alone, as other groups take it
        np.testing.assert_allclose(a.Vs.value, b.Vs.value, rtol=1e-6)
        assert float(a.Is.value[0]) == pytest.approx(5.0)
        c = bd.neurons.PinskyRinzelModel(1)
        c(1.0)  # a call passes the shared data itself
        assert float(c.Is.value[0]) == pytest.approx(1.0)
    finally:
        bd.share.clear_shargs()


def test_synout_takes_name_and_target_var():
    out = bd.SynOut("an_output", "input")
    assert out.name == "an_output" and out.target_var == "input"
    assert list(inspect.signature(bd.SynOut.update).parameters) == ["self", "tdi"]
    old = bd.experimental.SynOut(None, bm.training_mode)  # 2.3.5's experimental (name, mode)
    assert isinstance(old.mode, bm.TrainingMode) and old.target_var is None
    with pytest.raises(TypeError, match="target_var"):
        bd.SynOut(target_var=3)


def test_a_filter_only_synout_subclass_gives_the_current():
    class Half(bd.SynOut):  # 2.3.5 style: only filter
        def filter(self, g):
            return super().filter(g * 0.5)

    class HalfWithHook(bd.SynOut):  # 2.3.5 style with its per-step hook
        def update(self, tdi):
            pass

        def filter(self, g):
            return g * 0.5

    for cls in (Half, HalfWithHook):
        assert float(cls()(jnp.asarray(4.0), -60.0)) == 2.0

    def run(output):
        pre = bd.neurons.SpikeTimeGroup(1, times=[0.0], indices=[0])
        post = bd.neurons.LIF(2, V_th=1e9)
        syn = bd.synapses.Exponential(pre, post, bd.conn.All2All(), output=output, g_max=1.0)
        runner = bd.DSRunner(bd.Network(pre, syn, post), monitors={"V": post.V}, progress_bar=False)
        runner.run(1.0)
        return runner.mon["V"] - post.V_rest  # driven by the synaptic current alone

    full, half = run(bd.synouts.CUBA()), run(Half(target_var="input"))
    assert float(np.abs(full).max()) > 0.01
    np.testing.assert_allclose(half, 0.5 * full, rtol=1e-4, atol=1e-7)


def test_a_2_3_5_style_stp_subclass_scales_the_synapse():
    class Depress(bd.SynSTP):
        def __init__(self, n):
            super().__init__()
            self.x = bm.Variable(jnp.ones(n))

        def update(self, tdi, pre_spike):
            self.x.value = jnp.where(pre_spike, self.x.value * 0.5, self.x.value)

        def filter(self, g):
            return g * self.x.value

    assert list(inspect.signature(bd.SynSTP.update).parameters) == ["self", "tdi", "pre_spike"]
    assert list(inspect.signature(bd.SynSTP).parameters)[:2] == ["name", "mode"]
    bd.share.save(t=0.0, dt=0.1)
    try:
        stp = Depress(2)
        np.testing.assert_allclose(stp(jnp.asarray([True, False])), [0.5, 1.0])
        np.testing.assert_allclose(
            stp({"t": 0.1, "dt": 0.1}, jnp.asarray([True, True])), [0.25, 0.5]
        )
    finally:
        bd.share.clear_shargs()
    assert bd.synplast.STD(tau=10.0).pre_size is None  # the models here keep their order
    assert bd.experimental.STD(3).pre_size == (3,)


def test_a_2_3_5_style_ltp_subclass_gets_the_shared_data():
    class Rule(bd.SynLTP):
        def update(self, tdi, pre_spike):
            return tdi["t"] + pre_spike

    bd.share.save(t=2.0, dt=0.1)
    try:
        assert float(Rule()(1.0)) == 3.0
        assert float(Rule()({"t": 5.0, "dt": 0.1}, 1.0)) == 6.0
    finally:
        bd.share.clear_shargs()
    with pytest.raises(NotImplementedError, match="update"):
        bd.SynLTP()(1.0)


def test_pre_post_synapse_update_takes_tdi_then_pre_spike():
    pre, post = bd.neurons.LIF(2), bd.neurons.LIF(2, V_th=1e9)
    syn = bd.synapses.BioNMDA(pre, post, bd.conn.One2One(), method="euler")
    assert list(inspect.signature(syn.update).parameters) == ["tdi", "pre_spike"]
    bd.share.save(t=0.0, dt=0.1)
    try:
        syn.update({"t": 0.0, "dt": 0.1}, jnp.asarray([1.0, 0.0]))
        x_after = np.asarray(syn.x.value)
        assert x_after[0] > 0 and x_after[1] == 0
        syn.update(pre_spike=jnp.asarray([0.0, 1.0]))
        assert float(syn.x.value[1]) > 0
    finally:
        bd.share.clear_shargs()


class _Leaky(bd.DynamicalSystemNS):
    def __init__(self):
        super().__init__()
        self.w = bm.TrainVar(jnp.asarray([0.5, 2.0]))
        self.v = bm.Variable(jnp.zeros(2))

    def update(self, x):
        self.v.value = 0.9 * self.v.value + self.w.value * x
        return self.v.value


def test_loop_over_time_takes_jit_and_remat():
    params = list(inspect.signature(bd.LoopOverTime).parameters)
    assert params[-3:] == ["name", "jit", "remat"]
    xs = jnp.linspace(0.0, 1.0, 6 * 2).reshape(6, 2)
    outs, grads = [], []
    for jit, remat in ((True, False), (False, False), (True, True)):
        net = _Leaky()
        loop = bd.LoopOverTime(net, jit=jit, remat=remat)
        assert loop.jit is jit and loop.remat is remat
        outs.append(np.asarray(loop(xs)))
        net.v.value = jnp.zeros(2)
        loop.reset_state()

        def loss(loop=loop):
            return loop(xs).sum()

        grads.append(np.asarray(bm.grad(loss, net.w)()))
    # v_t = sum_k 0.9^(t-k) w x_k: d(sum_t v_t)/dw = sum_t sum_{k<=t} 0.9^(t-k) x_k
    x = np.asarray(xs)
    want = sum(0.9 ** (t - k) * x[k] for t in range(6) for k in range(t + 1))
    for out, grad in zip(outs, grads):
        np.testing.assert_allclose(out, outs[0], rtol=1e-6)
        np.testing.assert_allclose(grad, want, rtol=1e-5)


def test_coo2csc_takes_post_num_and_data():
    pre, post = np.array([0, 1, 1, 2]), np.array([1, 0, 1, 0])
    data = np.array([10.0, 20.0, 30.0, 40.0])
    indices, indptr, sorted_data = bd.conn.coo2csc((pre, post), post_num=2, data=data)
    # post 0 gets (pre 1, 20) and (pre 2, 40); post 1 gets (pre 0, 10) and (pre 1, 30)
    assert indices.tolist() == [1, 2, 0, 1] and indptr.tolist() == [0, 2, 4]
    assert sorted_data.tolist() == [20.0, 40.0, 10.0, 30.0]
    assert bd.conn.coo2mat(ij=(pre, post), num_pre=3, num_post=2).sum() == 4


def test_container_may_hold_plain_objects_when_asked():
    class Table(bd.BrainPyObject):
        def __init__(self):
            super().__init__()
            self.w = bm.Variable(bm.ones(2))

    with pytest.raises(bd.errors.ContainerChildError, match="must be a DynamicalSystem"):
        bd.Container(table=Table())
    container = bd.Container(table=Table(), must_be_dynsys_subclass=False)
    assert list(container.vars(method="relative")) == ["table.w"]
    container()  # plain objects are held, not called

"""DynamicalSystem.__call__: one rule decides whether ``update`` gets the shared data first."""

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm


@pytest.fixture
def shared():
    bd.share.save(t=2.0, i=20, dt=0.1)
    yield
    bd.share.clear_shargs()


def test_synstp_and_synltp_call_through_dynamical_system():
    for cls in (bd.SynSTP, bd.SynLTP):
        assert "__call__" not in vars(cls), cls.__name__
        assert cls.__call__ is bd.DynamicalSystem.__call__


def test_a_new_style_update_with_tdi_first_gets_the_shared_data(shared):
    class Clock(bd.DynamicalSystemNS):  # 2.3.5's component style: update(tdi, ...)
        def update(self, tdi, x):
            return tdi["t"] + x

    class Plain(bd.DynamicalSystemNS):  # first parameter not named tdi: new style
        def update(self, x):
            return x

    assert Clock()(0.5) == 2.5
    assert Clock()({"t": 7.0, "dt": 0.1}, 0.5) == 7.5  # a dict first is the shared data
    assert float(bd.share.load("t")) == 7.0  # ... saved into share as well
    assert Plain()({"t": 1.0}, 3.0) == 3.0  # dropped for the new style


def test_not_pass_shared_wins_over_a_parameter_named_tdi(shared):
    class Echo(bd.DynamicalSystemNS):
        @bd.not_pass_shared
        def update(self, tdi):
            return tdi

    assert Echo()(4.0) == 4.0


def test_a_2_3_5_style_stp_subclass_called_returns_its_efficacy(shared):
    class Halve(bd.SynSTP):
        def __init__(self):
            super().__init__()
            self.x = bm.Variable(jnp.ones(2))

        def update(self, tdi, pre_spike):
            assert tdi["dt"] == 0.1
            self.x.value = jnp.where(pre_spike, self.x.value * 0.5, self.x.value)

        def filter(self, g):
            return g * self.x.value

    stp = Halve()
    np.testing.assert_allclose(stp(jnp.asarray([True, False])), [0.5, 1.0])
    np.testing.assert_allclose(stp({"t": 0.0, "dt": 0.1}, jnp.asarray([True, True])), [0.25, 0.5])
    # the models of this package keep update(pre_spike) and return their own efficacy
    std = bd.synapses.STD(pre_size=1, tau=200.0, U=0.5)
    assert float(std(jnp.asarray([True]))[0]) == 1.0

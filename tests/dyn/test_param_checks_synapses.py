"""Synapse constructors refuse NaN parameters (and infinite ones where they mean nothing).

Every numeric parameter of every public synapse, output and plasticity class is tried
with NaN; the error must name the model and the argument. ``tau = inf`` of the exactly
integrated decays (``Exponential``, ``STD``, ``STP``) means "no decay" and is kept.
"""

from __future__ import annotations

import inspect
import numbers
import re

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm


def _pre_post():
    return bd.neurons.LIF(3), bd.neurons.LIF(2), bd.conn.All2All()


def _connector():
    return (bd.conn.All2All(pre=3, post=2),)


# class -> positional arguments that build it (tiny sizes)
BUILDERS = {
    **{
        f"synapses.{n}": (getattr(bd.synapses, n), _pre_post)
        for n in (
            "AMPA",
            "Alpha",
            "BioNMDA",
            "Delta",
            "DualExponential",
            "Exponential",
            "GABAa",
            "GapJunction",
            "NMDA",
        )
    },
    **{
        f"experimental.{n}": (getattr(bd.experimental, n), _connector)
        for n in ("Alpha", "DualExponential", "Exponential", "SynConn")
    },
    **{
        f"synapses.{n}": (getattr(bd.synapses, n), tuple) for n in ("COBA", "MgBlock", "STD", "STP")
    },
    # BrainPy 2.3.5's classic synapses with a built-in output (brainpy.dyn.*)
    **{
        f"dyn.{n}": (getattr(bd, n), _pre_post)
        for n in (
            "AlphaCOBA",
            "AlphaCUBA",
            "DeltaSynapse",
            "DualExpCOBA",
            "DualExpCUBA",
            "ExpCOBA",
            "ExpCUBA",
            "NMDA",
        )
    },
}


def _numeric(cls):
    names = [
        p.name
        for p in inspect.signature(cls).parameters.values()
        if isinstance(p.default, numbers.Real) and not isinstance(p.default, bool)
    ]
    if "g_max" in inspect.signature(cls).parameters and "g_max" not in names:
        names.append("g_max")
    return names


CASES = [(key, p) for key, (cls, _) in BUILDERS.items() for p in _numeric(cls)]

# (class key, parameter) whose infinite value the model gives a meaning
INF_ALLOWED = {
    ("synapses.Exponential", "tau"),
    ("experimental.Exponential", "tau"),
    ("dyn.ExpCOBA", "tau"),
    ("dyn.ExpCUBA", "tau"),
    ("synapses.STD", "tau"),
    ("synapses.STP", "tau_f"),
    ("synapses.STP", "tau_d"),
}


def _build(key, **kwargs):
    cls, args = BUILDERS[key]
    return cls(*args(), **kwargs)


def _match(key, param):
    name = BUILDERS[key][0].__name__
    return rf"{name}\w*: {re.escape(param)} must be"


def test_the_scan_finds_the_parameters():
    assert ("synapses.AMPA", "alpha") in CASES
    assert ("synapses.BioNMDA", "T_0") in CASES
    assert ("synapses.MgBlock", "cc_Mg") in CASES
    assert ("experimental.SynConn", "g_max") in CASES
    assert len(CASES) > 40


@pytest.mark.parametrize("key", sorted(BUILDERS))
def test_the_defaults_build(key):
    _build(key)


@pytest.mark.parametrize(("key", "param"), CASES, ids=[f"{k}.{p}" for k, p in CASES])
def test_nan_is_refused_with_the_model_and_parameter_named(key, param):
    with pytest.raises(ValueError, match=_match(key, param)):
        _build(key, **{param: np.nan})


@pytest.mark.parametrize(("key", "param"), CASES, ids=[f"{k}.{p}" for k, p in CASES])
def test_inf_is_refused_unless_the_model_gives_it_a_meaning(key, param):
    if (key, param) in INF_ALLOWED:
        _build(key, **{param: np.inf})
    else:
        with pytest.raises(ValueError, match=_match(key, param)):
            _build(key, **{param: np.inf})


def test_a_nan_inside_a_weight_array_is_refused():
    pre, post, conn = _pre_post()
    w = np.ones((3, 2))
    w[1, 0] = np.nan
    with pytest.raises(ValueError, match=r"Exponential\w*: g_max must be .*1 such entries"):
        bd.synapses.Exponential(pre, post, conn, g_max=w, comp_method="dense")
    bd.synapses.Exponential(*_pre_post(), g_max=np.ones((3, 2)), comp_method="dense")


def test_an_initializer_weight_is_checked_once_it_has_made_the_array():
    with pytest.raises(ValueError, match="g_max"):
        bd.experimental.Exponential(*_connector(), g_max=lambda shape: np.full(shape, np.nan))
    bd.experimental.Exponential(*_connector(), g_max=bd.init.Normal(scale=0.1))


def test_an_infinite_tau_of_an_exact_decay_means_no_decay():
    syn = bd.experimental.Exponential(bd.conn.One2One(pre=1, post=1), tau=np.inf)
    bd.share.save(t=0.0, dt=0.1)
    g1 = float(syn(bm.asarray([True]))[0])
    g2 = float(syn(bm.asarray([False]))[0])
    assert g1 == g2 == 1.0


def test_release_fractions_outside_zero_one_are_refused():
    with pytest.raises(ValueError, match=r"STD\w*: U must be a number in \[0, 1\]"):
        bd.synapses.STD(U=1.5)
    with pytest.raises(ValueError, match=r"STP\w*: U must be a number in \[0, 1\]"):
        bd.synapses.STP(U=-0.1)


def test_poisson_input_refuses_nan_and_inf():
    group = bd.neurons.LIF(2)
    for arg in ("freq", "weight"):
        for bad in (np.nan, np.inf):
            kwargs = {"freq": 10.0, "weight": 1.0, arg: bad}
            with pytest.raises(ValueError, match=rf"PoissonInput\w*: {arg} must be"):
                bd.synapses.PoissonInput(group.V, 5, **kwargs)
    bd.synapses.PoissonInput(group.V, 5, freq=10.0, weight=1.0)


def test_couplings_refuse_nan_weights_and_initial_data():
    rates = bd.rates.StuartLandauOscillator(2)
    conn = np.ones((2, 2))
    with pytest.raises(ValueError, match="conn_mat must be"):
        bd.synapses.DiffusiveCoupling(rates.x, rates.x, rates.input, np.full((2, 2), np.nan))
    with pytest.raises(ValueError, match="initial_delay_data must be"):
        bd.synapses.AdditiveCoupling(
            rates.x, rates.input, conn, delay_steps=1, initial_delay_data=np.nan
        )
    bd.synapses.DiffusiveCoupling(rates.x, rates.x, rates.input, conn, delay_steps=1)

"""Ion channels, ions and ``CondNeuGroup`` refuse NaN and infinite parameters.

A conductance, a reversal potential, a temperature, a rate factor or a calcium constant
has no meaning when infinite, so both are refused, naming the model and the argument.
A ``CondNeuGroup`` threshold may be infinite (a group that never counts a spike), as the
neuron thresholds may.
"""

from __future__ import annotations

import inspect
import numbers
import re

import numpy as np
import pytest

import brainpy_dyn as bd


def _cases():
    cases = []
    for name in bd.channels.__all__:
        cls = getattr(bd.channels, name)
        if not inspect.isclass(cls):
            continue
        for p in inspect.signature(cls).parameters.values():
            numeric = isinstance(p.default, numbers.Real) and not isinstance(p.default, bool)
            optional_factor = p.default is None and p.name.startswith("phi")
            if numeric or optional_factor:
                cases.append((name, p.name))
    return cases


CASES = _cases()


def _match(model, param):
    return rf"^{model}: {re.escape(param)} must be"


def test_the_scan_finds_the_usual_parameters():
    assert {("INa_HH1952", "g_max"), ("IK_HH1952", "E"), ("IL", "E")} <= set(CASES)
    assert {("ICaT_HM1992", "T"), ("ICaT_HM1992", "phi_p"), ("IKDR_Ba2002", "T_base")} <= set(CASES)
    assert {("CalciumDetailed", "tau"), ("CalciumFirstOrder", "alpha")} <= set(CASES)


@pytest.mark.parametrize("model", sorted({m for m, _ in CASES}))
def test_the_defaults_build(model):
    getattr(bd.channels, model)(2)


@pytest.mark.parametrize(("model", "param"), CASES, ids=[f"{m}.{p}" for m, p in CASES])
@pytest.mark.parametrize("bad", [np.nan, np.inf], ids=["nan", "inf"])
def test_nan_and_inf_are_refused_with_the_parameter_named(model, param, bad):
    with pytest.raises(ValueError, match=_match(model, param)):
        getattr(bd.channels, model)(2, **{param: bad})


def test_a_nan_inside_an_array_parameter_is_refused():
    with pytest.raises(ValueError, match=r"^IL: g_max must be .*1 such entries"):
        bd.channels.IL(3, g_max=np.array([0.1, np.nan, 0.1]))
    bd.channels.IL(3, g_max=np.array([0.1, 0.2, 0.1]))


def test_an_explicit_factor_is_checked_and_a_finite_one_builds():
    ch = bd.channels.ICaT_HM1992(2, phi_p=2.0, phi_q=1.5)
    assert float(np.asarray(ch.phi_p).flat[0]) == 2.0
    with pytest.raises(ValueError, match=r"^ICaT_HM1992: T_base_p must be finite and > 0"):
        bd.channels.ICaT_HM1992(2, T_base_p=-1.0)


@pytest.mark.parametrize("param", ["C", "A", "V_th"])
def test_cond_neu_group_refuses_nan(param):
    with pytest.raises(ValueError, match=_match("CondNeuGroup", param)):
        bd.CondNeuGroup(2, **{param: np.nan}, IL=bd.channels.IL(2))


def test_cond_neu_group_threshold_may_be_infinite_capacitance_may_not():
    group = bd.CondNeuGroup(2, V_th=np.inf, IL=bd.channels.IL(2))
    assert np.isinf(np.asarray(group.V_th)).all()
    with pytest.raises(ValueError, match=_match("CondNeuGroup", "C")):
        bd.CondNeuGroup(2, C=np.inf, IL=bd.channels.IL(2))

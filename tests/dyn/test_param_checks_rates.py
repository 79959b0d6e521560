"""Rate models refuse NaN parameters, and infinite ones except the sigmoid thresholds.

Every numeric parameter of every rate model is tried (the OU noise parameters included:
the error names ``x_ou_mean``, not the inner noise process). ``E_theta``/``I_theta`` of
the Wilson–Cowan model may be infinite (a population that is never activated), as the
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
    for name in bd.rates.__all__:
        cls = getattr(bd.rates, name)
        if not inspect.isclass(cls) or not issubclass(cls, bd.rates.RateModel):
            continue
        for p in inspect.signature(cls).parameters.values():
            if isinstance(p.default, numbers.Real) and not isinstance(p.default, bool):
                cases.append((name, p.name))
    return cases


CASES = _cases()
INF_ALLOWED = {("WilsonCowanModel", "E_theta"), ("WilsonCowanModel", "I_theta")}


def _match(model, param):
    return rf"^{model}: {re.escape(param)} must be"


def test_the_scan_finds_the_usual_parameters():
    assert {("FHN", "alpha"), ("QIF", "J"), ("WilsonCowanModel", "wEE")} <= set(CASES)
    assert {("FHN", "x_ou_mean"), ("ThresholdLinearModel", "beta_e")} <= set(CASES)


@pytest.mark.parametrize("model", sorted({m for m, _ in CASES}))
def test_the_defaults_build(model):
    getattr(bd.rates, model)(2)


@pytest.mark.parametrize(("model", "param"), CASES, ids=[f"{m}.{p}" for m, p in CASES])
def test_nan_is_refused_with_the_parameter_named(model, param):
    with pytest.raises(ValueError, match=_match(model, param)):
        getattr(bd.rates, model)(2, **{param: np.nan})


@pytest.mark.parametrize(("model", "param"), CASES, ids=[f"{m}.{p}" for m, p in CASES])
def test_inf_is_refused_unless_it_is_a_threshold(model, param):
    if (model, param) in INF_ALLOWED:
        getattr(bd.rates, model)(2, **{param: np.inf})
    else:
        with pytest.raises(ValueError, match=_match(model, param)):
            getattr(bd.rates, model)(2, **{param: np.inf})


def test_feedback_fhn_refuses_a_nan_step():
    with pytest.raises(ValueError, match=_match("FeedbackFHN", "dt")):
        bd.rates.FeedbackFHN(2, dt=np.nan)
    bd.rates.FeedbackFHN(2, dt=0.05)


def test_a_nan_inside_an_array_parameter_is_refused():
    with pytest.raises(ValueError, match=_match("QIF", "eta")):
        bd.rates.QIF(3, eta=np.array([-5.0, np.nan, -5.0]))

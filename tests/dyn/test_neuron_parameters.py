"""Neuron constructors refuse NaN parameters (and infinite ones where they mean nothing).

A NaN ``V_rest`` or ``gNa`` used to be accepted, and the run then returned all-NaN states
without a word. Every numeric parameter of every neuron model is tried here.
"""

from __future__ import annotations

import inspect
import numbers

import numpy as np
import pytest

import brainpy_dyn as bd


def _numeric_parameters():
    cases = []
    for name in bd.neurons.__all__:
        cls = getattr(bd.neurons, name)
        if not inspect.isclass(cls) or not issubclass(cls, bd.NeuGroup):
            continue
        params = inspect.signature(cls).parameters.values()
        if any(p.default is inspect.Parameter.empty and p.name != "size" for p in params):
            continue  # models with other required arguments are covered by their own tests
        cases += [
            (name, p.name)
            for p in params
            if isinstance(p.default, numbers.Real)
            and not isinstance(p.default, bool)
            and isinstance(p.default, float)
        ]
    return cases


CASES = _numeric_parameters()


def test_the_scan_finds_the_usual_models():
    names = {name for name, _ in CASES}
    assert {"LIF", "HH", "Izhikevich", "AdExIF"} <= names, names
    assert ("HH", "gNa") in CASES and ("LIF", "V_rest") in CASES


@pytest.mark.parametrize(("model", "param"), CASES, ids=[f"{m}.{p}" for m, p in CASES])
def test_nan_is_refused_with_the_parameter_named(model, param):
    with pytest.raises(ValueError, match=param):
        getattr(bd.neurons, model)(3, **{param: np.nan})


def test_a_nan_inside_an_array_parameter_is_refused():
    with pytest.raises(ValueError, match="V_rest"):
        bd.neurons.LIF(3, V_rest=np.array([0.0, np.nan, 0.0]))


def test_an_infinite_threshold_is_allowed_an_infinite_rest_is_not():
    lif = bd.neurons.LIF(3, V_th=np.inf)
    assert np.isinf(np.asarray(lif.V_th)).all()
    with pytest.raises(ValueError, match="finite"):
        bd.neurons.LIF(3, V_rest=np.inf)

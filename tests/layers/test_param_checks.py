"""Layer, algorithm and trainer constructors refuse NaN and infinite numbers.

Every public class is built with tiny sizes; each numeric parameter is then tried with
NaN and with inf, and the constructor must raise a ``LayerError`` (a ``ValueError`` or
``TypeError`` too) that names the argument. Sizes are ints, probabilities lie in
``[0, 1]``, ``epsilon``, noise levels, learning rates and ridge/FORCE ``alpha`` are finite.
"""

from __future__ import annotations

import inspect
import numbers
import re

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_layers as bl
import brainpy_layers.algorithms as alg
import brainpy_layers.train as tr
import brainpy_math as bm
from brainpy_layers.errors import LayerArgumentError, LayerError

# values for the required arguments, by name (tiny sizes)
REQUIRED = {
    "num_in": 3,
    "num_out": 2,
    "num_hidden": 4,
    "num_unit": 4,
    "num_features": 3,
    "num_channels": 3,
    "num_groups": 1,
    "in_channels": 3,
    "out_channels": 2,
    "kernel_size": 3,
    "prob": 0.5,
    "input_shape": (3,),
    "delay": 2,
    "order": 2,
    "normalized_shape": 3,
    "target_shape": 2,
    "target_size": 2,
    "output_size": 2,
    "input_channel": 3,
    "output_channel": 2,
    "num_layers": 1,
}


# per-class values where the generic ones would build needlessly large kernels
OVERRIDES = {
    f"Conv{n}dLSTMCell": {
        "input_shape": (2,) * n,
        "in_channels": 1,
        "out_channels": 1,
        "kernel_size": 1,
    }
    for n in (1, 2, 3)
}


def _classes():
    found = []
    for module in (bl, alg):
        for name in module.__all__:
            cls = getattr(module, name)
            if not inspect.isclass(cls) or issubclass(cls, BaseException):
                continue
            params = inspect.signature(cls).parameters.values()
            needed = [
                p.name
                for p in params
                if p.default is inspect.Parameter.empty
                and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
            ]
            if all(n in REQUIRED for n in needed):
                kwargs = {n: REQUIRED[n] for n in needed}
                found.append((name, cls, {**kwargs, **OVERRIDES.get(name, {})}))
    return found


CLASSES = _classes()
CASES = [
    (name, p)
    for name, cls, kwargs in CLASSES
    for p, value in {
        **{q.name: q.default for q in inspect.signature(cls).parameters.values()},
        **kwargs,
    }.items()
    if isinstance(value, numbers.Real) and not isinstance(value, bool)
]
BUILD = {name: (cls, kwargs) for name, cls, kwargs in CLASSES}


def test_the_scan_finds_the_usual_parameters():
    cases = set(CASES)
    assert {("Dense", "num_out"), ("Dropout", "prob"), ("LayerNorm", "epsilon")} <= cases
    assert {("NVAR", "delay"), ("NVAR", "stride"), ("Reservoir", "noise_in")} <= cases
    assert {("RidgeRegression", "alpha"), ("RLS", "alpha"), ("LMS", "alpha")} <= cases
    assert ("BatchNorm1d", "momentum") in cases


@pytest.mark.parametrize("name", sorted(BUILD))
def test_the_defaults_build(name):
    cls, kwargs = BUILD[name]
    cls(**kwargs)


@pytest.mark.parametrize(("name", "param"), CASES, ids=[f"{n}.{p}" for n, p in CASES])
@pytest.mark.parametrize("bad", [np.nan, np.inf], ids=["nan", "inf"])
def test_nan_and_inf_are_refused_with_the_argument_named(name, param, bad):
    cls, kwargs = BUILD[name]
    with pytest.raises(LayerError, match=rf"\b{re.escape(param)}\b"):
        cls(**{**kwargs, param: bad})


@pytest.mark.parametrize("prob", [-0.1, 1.5])
def test_dropout_probability_outside_zero_one_is_refused(prob):
    with pytest.raises(LayerArgumentError, match="prob"):
        bl.Dropout(prob)


def test_a_given_weight_array_with_nan_is_refused():
    w = np.ones((3, 2))
    w[0, 1] = np.nan
    with pytest.raises(LayerArgumentError, match=r"^Dense: W_initializer must be finite"):
        bl.Dense(3, 2, W_initializer=w)
    with pytest.raises(LayerArgumentError, match="b_initializer"):
        bl.Dense(3, 2, b_initializer=np.array([np.inf, 0.0]))
    dense = bl.Dense(3, 2, W_initializer=np.ones((3, 2)))
    assert np.asarray(dense.W).sum() == 6.0


@pytest.mark.parametrize("bad", [np.nan, np.inf, 2.5], ids=["nan", "inf", "2.5"])
def test_nvar_order_must_be_whole(bad):
    with pytest.raises(LayerError, match="order"):
        bl.NVAR(3, 2, order=bad)


class _Readout(bd.DynamicalSystem):
    def __init__(self):
        super().__init__(mode=bm.training_mode)
        self.out = bl.Dense(3, 2, mode=bm.training_mode)

    def update(self, s, x):
        return self.out(s, x)


@pytest.mark.parametrize("trainer", [tr.RidgeTrainer, tr.ForceTrainer])
@pytest.mark.parametrize("bad", [np.nan, np.inf], ids=["nan", "inf"])
def test_trainer_alpha_must_be_finite(trainer, bad):
    with pytest.raises(LayerArgumentError, match="alpha"):
        trainer(_Readout(), alpha=bad)
    trainer(_Readout(), alpha=0.5)

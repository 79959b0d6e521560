"""Input helpers, ``Delay`` and the constant initializers refuse NaN numbers.

Amplitudes, frequencies and OU parameters of :mod:`brainpy_dyn.inputs` must be finite
(durations already had to be); a ``Delay``'s ``before_t0`` and a ``Constant``/``OneInit``
fill may be infinite (``-inf``: "never happened") but not NaN.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm

INPUTS = {
    "section_input": (lambda v: bd.inputs.section_input([0.0, v], [1.0, 1.0], dt=0.1), "values[1]"),
    "constant_input": (lambda v: bd.inputs.constant_input([(v, 1.0)], dt=0.1), "values[0]"),
    "spike_input": (
        lambda v: bd.inputs.spike_input([0.1, 0.3], 0.1, [1.0, v], duration=0.5, dt=0.1),
        "sp_sizes[1]",
    ),
    "ramp_input.c_start": (lambda v: bd.inputs.ramp_input(v, 1.0, 1.0, dt=0.1), "c_start"),
    "ramp_input.c_end": (lambda v: bd.inputs.ramp_input(0.0, v, 1.0, dt=0.1), "c_end"),
    "sinusoidal_input.amplitude": (
        lambda v: bd.inputs.sinusoidal_input(v, 10.0, 1.0, dt=0.1),
        "amplitude",
    ),
    "sinusoidal_input.frequency": (
        lambda v: bd.inputs.sinusoidal_input(1.0, v, 1.0, dt=0.1),
        "frequency",
    ),
    "square_input.amplitude": (lambda v: bd.inputs.square_input(v, 10.0, 1.0, dt=0.1), "amplitude"),
    "square_input.frequency": (lambda v: bd.inputs.square_input(1.0, v, 1.0, dt=0.1), "frequency"),
    "ou_process.mean": (lambda v: bd.inputs.ou_process(v, 0.1, 5.0, 1.0, dt=0.1, seed=0), "mean"),
    "ou_process.sigma": (lambda v: bd.inputs.ou_process(0.0, v, 5.0, 1.0, dt=0.1, seed=0), "sigma"),
    "ou_process.tau": (lambda v: bd.inputs.ou_process(0.0, 0.1, v, 1.0, dt=0.1, seed=0), "tau"),
    "wiener_process.duration": (lambda v: bd.inputs.wiener_process(v, dt=0.1, seed=0), "duration"),
    "ramp_input.duration": (lambda v: bd.inputs.ramp_input(0.0, 1.0, v, dt=0.1), "duration"),
    "spike_input.sp_lens": (
        lambda v: bd.inputs.spike_input([0.1], v, 1.0, duration=0.5, dt=0.1),
        "sp_lens[k]",
    ),
}


@pytest.mark.parametrize("key", sorted(INPUTS))
def test_finite_values_build(key):
    make, _ = INPUTS[key]
    out = make(1.0)
    out = out[0] if isinstance(out, tuple) else out  # constant_input: (current, duration)
    assert np.all(np.isfinite(np.asarray(bm.as_jax(out))))


@pytest.mark.parametrize("key", sorted(INPUTS))
@pytest.mark.parametrize("bad", [np.nan, np.inf], ids=["nan", "inf"])
def test_nan_and_inf_are_refused_with_the_argument_named(key, bad):
    make, arg = INPUTS[key]
    fn = key.split(".")[0] if key != "constant_input" else "section_input"
    with pytest.raises(ValueError, match=rf"^{fn}: {re.escape(arg)} must be"):
        make(bad)


def test_an_array_value_with_a_nan_is_refused():
    with pytest.raises(ValueError, match=r"values\[0\] must be .*1 such entries"):
        bd.inputs.section_input([np.array([0.0, np.nan])], [1.0], dt=0.1)


def test_delay_before_t0_may_be_infinite_not_nan():
    target = bm.Variable(bm.zeros(3))
    with pytest.raises(bd.errors.DelayValueError, match=r"before_t0 must be a number \(not NaN\)"):
        bd.Delay(target, 2, before_t0=np.nan)
    with pytest.raises(ValueError, match="before_t0"):
        bd.Delay(target, 2, before_t0=np.array([0.0, np.nan, 0.0]))
    bd.Delay(target, 2, before_t0=-np.inf)
    bd.Delay(target, 2, before_t0=lambda shape: np.zeros(shape))


@pytest.mark.parametrize("cls", [bd.init.Constant, bd.init.OneInit])
def test_constant_fills_refuse_nan_keep_inf(cls):
    with pytest.raises(ValueError, match=rf"^{cls.__name__}: value must be a number \(not NaN\)"):
        cls(np.nan)
    with pytest.raises(ValueError, match="value"):
        cls(np.array([1.0, np.nan]))
    assert np.isneginf(np.asarray(cls(-np.inf)(2).value)).all()


def test_identity_refuses_nan_and_inf():
    for bad in (np.nan, np.inf):
        with pytest.raises(ValueError, match=r"^Identity: value must be a finite number"):
            bd.init.Identity(bad)
    assert float(bd.init.Identity(2.0)(2).value[0, 0]) == 2.0

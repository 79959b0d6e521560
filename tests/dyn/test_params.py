"""The parameter checks that every model constructor shares (``brainpy_dyn._src.params``)."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_dyn._src.params import check_finite, check_numbers, check_positive, check_range


@pytest.mark.parametrize(
    "value",
    [1.0, -3, 0, True, None, np.arange(3), np.zeros((0,)), "text", bm.ones(2), jnp.ones(2)],
    ids=repr,
)
def test_finite_and_non_float_values_pass(value):
    check_finite(value, "M", "p")


def test_callables_are_not_called_or_read():
    def init(shape):
        raise AssertionError("an initializer must not be called by the check")

    check_finite(init, "M", "p")
    check_positive(init, "M", "p")


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf, np.float32("nan")], ids=repr)
def test_nan_and_inf_are_refused_with_model_argument_and_value(bad):
    with pytest.raises(
        ValueError, match=r"^M: p must be a finite number \(not NaN or inf\), got p="
    ):
        check_finite(bad, "M", "p")


def test_inf_passes_when_allowed_nan_never_does():
    check_finite(np.inf, "M", "V_th", allow_inf=True)
    with pytest.raises(ValueError, match=r"^M: V_th must be a number \(not NaN\), got V_th=nan\.$"):
        check_finite(np.nan, "M", "V_th", allow_inf=True)


def test_arrays_report_how_many_entries_are_bad():
    for arr in (np.array([1.0, np.nan, np.inf]), bm.asarray([1.0, np.nan, np.inf])):
        with pytest.raises(ValueError, match=r"got an array p with 2 such entries\.$"):
            check_finite(arr, "M", "p")


def test_complex_values_are_checked_too():
    with pytest.raises(ValueError, match="p must be"):
        check_finite(np.array([1 + 1j, complex(np.nan, 0)]), "M", "p")


def test_traced_values_are_let_through():
    @jax.jit
    def f(x):
        check_finite(x, "M", "p")
        check_positive(x, "M", "p")
        check_range(x, "M", "p", 0.0, 1.0)
        return x * 2

    assert np.isnan(float(f(jnp.nan)))


def test_check_positive():
    check_positive(1.0, "M", "tau")
    check_positive(0.0, "M", "tau", strict=False)
    check_positive(np.inf, "M", "tau", allow_inf=True)
    for bad in (0.0, -1.0, np.nan, np.inf):
        with pytest.raises(ValueError, match=r"^M: tau must be finite and > 0, got tau="):
            check_positive(bad, "M", "tau")
    with pytest.raises(ValueError, match=r"^M: tau must be > 0, got tau=nan"):
        check_positive(np.nan, "M", "tau", allow_inf=True)
    with pytest.raises(ValueError, match=r"got an array tau with min -1\.0\.$"):
        check_positive(np.array([1.0, -1.0]), "M", "tau")
    with pytest.raises(ValueError, match=r"^M: tau must be a number > 0, got tau='1'"):
        check_positive("1", "M", "tau")


def test_check_range_and_check_numbers():
    check_range(np.array([0.0, 0.5, 1.0]), "M", "U", 0.0, 1.0)
    for bad in (np.nan, 1.5, -0.1, np.array([0.5, 2.0])):
        with pytest.raises(ValueError, match=r"^M: U must be a number in \[0, 1\]"):
            check_range(bad, "M", "U", 0.0, 1.0)
    check_numbers("M", a=1.0, b=np.inf, allow_inf=("b",))
    with pytest.raises(ValueError, match="^M: a must be"):
        check_numbers("M", a=np.nan, b=1.0)

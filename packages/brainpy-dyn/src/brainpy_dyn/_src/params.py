"""Checks of the numeric parameters that model constructors take.

Every public constructor with numeric parameters refuses a NaN, and an infinite value
where the model gives it no meaning, at construction: a NaN conductance or time constant
would otherwise turn every state into NaN from the first step, silently. The checks read
concrete values only (numbers, NumPy and JAX arrays, ``brainpy_math`` arrays and
Variables); traced values inside a transformation and callables (initializers) are let
through, the latter being checked once they have produced an array.

The error names the model (``who``), the argument, what was expected and what came::

    LIF: V_rest must be a finite number (not NaN or inf), got V_rest=nan.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm

__all__ = ["check_finite", "check_numbers", "check_positive", "check_range"]


def _concrete(value: Any) -> Any:
    """``value`` as an array, or ``None`` when it cannot be read (traced, callable …).

    A JAX array stays a JAX array, on its device: the checks reduce it there and bring back
    a scalar, not the (possibly large) weights.
    """
    if value is None or callable(value) and not isinstance(value, (bm.Array, jax.Array)):
        return None
    raw = bm.as_jax(value) if isinstance(value, bm.Array) else value
    if isinstance(raw, jax.core.Tracer):
        return None
    if isinstance(raw, jax.Array):
        return raw
    try:
        arr = np.asarray(raw)
    except (jax.errors.TracerArrayConversionError, TypeError, ValueError):
        return None
    if arr.dtype == object:
        return None
    return arr


def _xp(arr: Any) -> Any:
    """The array module of ``arr`` (``jax.numpy`` for JAX arrays, else NumPy)."""
    return jnp if isinstance(arr, jax.Array) else np


def _got(name: str, value: Any, arr: Any, what: str) -> str:
    """``got name=value`` for a single value, ``got an array name with <what>`` else."""
    if arr.size == 1:
        return f"got {name}={value!r}"
    return f"got an array {name} with {what}"


def check_finite(value: Any, who: str, name: str, *, allow_inf: bool = False) -> None:
    """Refuse a NaN (and, unless ``allow_inf``, an infinite) concrete parameter.

    Integers, booleans, ``None``, callables, traced values and empty arrays pass.

    Args:
      value: the parameter as given (or as built from an initializer).
      who: the model, as the error should name it (usually the class name).
      name: the argument's name.
      allow_inf: let ``±inf`` through (where the model gives it a meaning, e.g. a
        threshold that is never reached).

    Raises:
      ValueError: the message names ``who``, the argument and the value.

    Examples:
      >>> from brainpy_dyn._src.params import check_finite
      >>> check_finite(1.0, "LIF", "V_rest")
      >>> check_finite(float("nan"), "LIF", "V_rest")
      Traceback (most recent call last):
      ...
      ValueError: LIF: V_rest must be a finite number (not NaN or inf), got V_rest=nan.
    """
    arr = _concrete(value)
    if arr is None or arr.dtype.kind not in "fc" or arr.size == 0:
        return
    xp = _xp(arr)
    bad = xp.isnan(arr) if allow_inf else ~xp.isfinite(arr)
    count = int(xp.sum(bad))
    if count:
        need = "a number (not NaN)" if allow_inf else "a finite number (not NaN or inf)"
        got = _got(name, value, arr, f"{count} such entries")
        raise ValueError(f"{who}: {name} must be {need}, {got}.")


def check_positive(
    value: Any, who: str, name: str, *, strict: bool = True, allow_inf: bool = False
) -> None:
    """Check that a concrete parameter is ``> 0`` (``>= 0`` when not ``strict``) and not NaN.

    ``+inf`` is refused unless ``allow_inf`` (e.g. a time constant whose infinite value
    means "no decay" in a formula that handles it). Traced values and callables pass.

    Raises:
      ValueError: the message names ``who`` and the argument ``name``.

    Examples:
      >>> from brainpy_dyn._src.params import check_positive
      >>> check_positive(0.0, "LIF", "tau")
      Traceback (most recent call last):
      ...
      ValueError: LIF: tau must be finite and > 0, got tau=0.0.
    """
    arr = _concrete(value)
    if arr is None or arr.size == 0:
        return
    need = "> 0" if strict else ">= 0"
    if arr.dtype.kind not in "biuf":
        raise ValueError(f"{who}: {name} must be a number {need}, got {name}={value!r}.")
    xp = _xp(arr)
    ok = arr > 0 if strict else arr >= 0
    if not allow_inf:
        ok = ok & xp.isfinite(arr)
    if not bool(xp.all(ok)):
        prefix = "" if allow_inf else "finite and "
        got = _got(name, value, arr, f"min {float(xp.min(arr))!r}")
        raise ValueError(f"{who}: {name} must be {prefix}{need}, {got}.")


def check_range(value: Any, who: str, name: str, low: float, high: float) -> None:
    """Check that a concrete parameter lies in ``[low, high]`` (NaN refused).

    Raises:
      ValueError: the message names ``who``, the argument, the interval and the value.

    Examples:
      >>> from brainpy_dyn._src.params import check_range
      >>> check_range(1.5, "STD", "U", 0.0, 1.0)
      Traceback (most recent call last):
      ...
      ValueError: STD: U must be a number in [0, 1], got U=1.5.
    """
    arr = _concrete(value)
    if arr is None or arr.size == 0:
        return
    if arr.dtype.kind not in "biuf":
        raise ValueError(
            f"{who}: {name} must be a number in [{low:g}, {high:g}], got {name}={value!r}."
        )
    xp = _xp(arr)
    ok = (arr >= low) & (arr <= high)
    if not bool(xp.all(ok)):
        got = _got(name, value, arr, f"{int(xp.sum(~ok))} entries outside")
        raise ValueError(f"{who}: {name} must be a number in [{low:g}, {high:g}], {got}.")


def check_numbers(who: str, allow_inf: Any = (), **params: Any) -> None:
    """:func:`check_finite` on each keyword argument (``allow_inf``: the names that may be inf).

    Examples:
      >>> from brainpy_dyn._src.params import check_numbers
      >>> check_numbers("COBA", E=0.0)
      >>> check_numbers("MgBlock", E=0.0, alpha=float("inf"))
      Traceback (most recent call last):
      ...
      ValueError: MgBlock: alpha must be a finite number (not NaN or inf), got alpha=inf.
    """
    for name, value in params.items():
        check_finite(value, who, name, allow_inf=name in allow_inf)

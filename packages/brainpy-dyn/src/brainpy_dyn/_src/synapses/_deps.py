"""What the synapse modules use from the rest of brainpy_dyn, in one place."""

from __future__ import annotations

import math
import numbers
from typing import Any

import jax.numpy as jnp

from brainpy_dyn._src.base import DynamicalSystemNS
from brainpy_dyn._src.context import share
from brainpy_dyn._src.initialize.helpers import parameter, variable_

__all__ = ["DynamicalSystemNS", "share", "parameter", "variable_", "check_positive", "exp_decay"]


def check_positive(value: Any, arg: str, owner: Any, *, allow_inf: bool = False) -> float:
    """``value`` as a float ``> 0``, or a ValueError naming ``owner``, ``arg`` and the value.

    NaN is refused; ``+inf`` only passes with ``allow_inf`` (a time constant of an exactly
    integrated decay, where it means "no decay").
    """
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Real)
        or not value > 0
        or not (allow_inf or math.isfinite(value))
    ):
        who = getattr(owner, "name", type(owner).__name__)
        need = "a positive number" if allow_inf else "a finite positive number"
        raise ValueError(f"{who}: {arg} must be {need}, got {arg}={value!r}.")
    return float(value)


def exp_decay(dt: Any, tau: float) -> Any:
    """``exp(-dt / tau)``, as a Python float when ``dt`` is one (folded at trace time)."""
    if isinstance(dt, numbers.Real):
        return math.exp(-float(dt) / tau)
    return jnp.exp(-dt / tau)

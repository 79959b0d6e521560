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


def check_positive(value: Any, arg: str, owner: Any) -> float:
    """``value`` as a float, or a ValueError naming ``owner``, ``arg`` and the value."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not value > 0:
        who = getattr(owner, "name", type(owner).__name__)
        raise ValueError(f"{who}: {arg} must be a positive number, got {value!r}.")
    return float(value)


def exp_decay(dt: Any, tau: float) -> Any:
    """``exp(-dt / tau)``, as a Python float when ``dt`` is one (folded at trace time)."""
    if isinstance(dt, numbers.Real):
        return math.exp(-float(dt) / tau)
    return jnp.exp(-dt / tau)

"""Activation functions by name, for the ``activation`` argument of the recurrent cells."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_layers._src.errors import LayerArgumentTypeError

__all__ = ["ACTIVATIONS", "get_activation"]


def _identity(x: Any) -> Any:
    return x


ACTIVATIONS: dict[str, Callable[[Any], Any]] = {
    "tanh": jnp.tanh,
    "sigmoid": jax.nn.sigmoid,
    "relu": jax.nn.relu,
    "relu6": jax.nn.relu6,
    "elu": jax.nn.elu,
    "selu": jax.nn.selu,
    "gelu": jax.nn.gelu,
    "silu": jax.nn.silu,
    "swish": jax.nn.silu,
    "softplus": jax.nn.softplus,
    "soft_sign": jax.nn.soft_sign,
    "leaky_relu": jax.nn.leaky_relu,
    "hard_tanh": jax.nn.hard_tanh,
    "identity": _identity,
    "linear": _identity,
}
"""The activation names accepted by the recurrent cells."""


def get_activation(activation: Any, layer: str) -> Callable[[Any], Any]:
    """The function named ``activation`` (see :data:`ACTIVATIONS`), or ``activation`` itself.

    Raises:
      LayerArgumentTypeError: an unknown name, or neither a name nor a callable.
    """
    if callable(activation):
        function: Callable[[Any], Any] = activation
        return function
    if isinstance(activation, str) and activation.lower() in ACTIVATIONS:
        return ACTIVATIONS[activation.lower()]
    raise LayerArgumentTypeError(
        f"{layer}: activation must be a callable or one of {sorted(ACTIVATIONS)}, got "
        f"{activation!r}."
    )

"""Activation functions: the ``jax.nn`` ones, as brainpy_math wrappers.

BrainPy 2.3.5 kept its activations in ``brainpy.math.activations`` and also exposed them
as ``brainpy.math.<name>``. Each wrapper here accepts Arrays and Variables and returns
``Array`` results, like the rest of the NumPy-compatible namespace.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.nn
import jax.numpy as jnp

from brainpy_math._src.array import _new, unwrap
from brainpy_math._src.public_path import set_module
from brainpy_math._src.wrapping import build_namespace

__all__ = ["ACTIVATION_NAMES"]

# jax.nn's activations; its attention, quantised-matmul and one-hot helpers are left to JAX.
_NAMES = (
    "celu", "elu", "gelu", "glu", "hard_sigmoid", "hard_silu", "hard_swish", "hard_tanh",
    "leaky_relu", "log_sigmoid", "log_softmax", "mish", "relu", "relu6", "selu", "sigmoid",
    "silu", "soft_sign", "softmax", "softplus", "squareplus", "standardize", "swish", "tanh",
)  # fmt: skip

_NAMESPACE = {
    name: fn
    for name, fn in build_namespace(jax.nn, "brainpy_math.activations").items()
    if name in _NAMES
}


def identity(x: Any) -> Any:
    """The identity activation: returns ``x`` as an :class:`~brainpy_math.Array`.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.activations.identity(bm.asarray([-1., 2.]))
      Array([-1.,  2.], dtype=float32)
    """
    return _new(jnp.asarray(unwrap(x)))


def normalize(
    x: Any,
    axis: int | tuple[int, ...] | None = -1,
    mean: Any = None,
    variance: Any = None,
    epsilon: float = 1e-5,
) -> Any:
    """Normalise ``x`` to zero mean and unit variance along ``axis``.

    ``(x - mean) / sqrt(variance + epsilon)``, with the mean and the (biased) variance of
    ``x`` along ``axis`` unless given.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.activations.normalize(bm.asarray([1., 3.]))
      Array([-0.999995,  0.999995], dtype=float32)
    """
    arr = jnp.asarray(unwrap(x))
    if mean is None:
        mean = jnp.mean(arr, axis, keepdims=True)
    if variance is None:
        variance = jnp.mean(jnp.square(arr), axis, keepdims=True) - jnp.square(mean)
    mean, variance = jnp.asarray(unwrap(mean)), jnp.asarray(unwrap(variance))
    return _new((arr - mean) * jax.lax.rsqrt(variance + epsilon))


def one_hot(x: Any, num_classes: int, *, dtype: Any = None, axis: int = -1) -> Any:
    """One-hot encode the integer array ``x`` with ``num_classes`` classes (new axis ``axis``).

    Out-of-range entries give all-zero rows. ``dtype`` defaults to the default float type.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.activations.one_hot(bm.asarray([0, 2]), 3)
      Array([[1., 0., 0.],
             [0., 0., 1.]], dtype=float32)
    """
    if isinstance(num_classes, bool) or not isinstance(num_classes, int) or num_classes < 0:
        raise ValueError(f"one_hot: num_classes must be a non-negative int, got {num_classes!r}.")
    dtype = jnp.zeros(()).dtype if dtype is None else dtype
    return _new(jax.nn.one_hot(jnp.asarray(unwrap(x)), num_classes, dtype=dtype, axis=axis))


set_module("brainpy_math.activations", identity, normalize, one_hot)
for _fn in (identity, normalize, one_hot):
    _NAMESPACE[_fn.__name__] = _fn

ACTIVATION_NAMES = tuple(sorted(_NAMESPACE))
globals().update(_NAMESPACE)
__all__ += list(ACTIVATION_NAMES)

"""Activation functions: the ``jax.nn`` ones, as brainpy_math wrappers.

BrainPy 2.3.5 kept its activations in ``brainpy.math.activations`` and also exposed them
as ``brainpy.math.<name>``. Each wrapper here accepts Arrays and Variables and returns
``Array`` results, like the rest of the NumPy-compatible namespace.
"""

from __future__ import annotations

import jax.nn

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
ACTIVATION_NAMES = tuple(sorted(_NAMESPACE))
globals().update(_NAMESPACE)
__all__ += list(ACTIVATION_NAMES)

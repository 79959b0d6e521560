"""Activation functions (``relu``, ``sigmoid``, ``softmax``, ``gelu`` …) from :mod:`jax.nn`.

Examples:
  >>> import brainpy_math as bm
  >>> bm.activations.relu(bm.asarray([-1., 2.]))
  Array([0., 2.], dtype=float32)
"""

from brainpy_math._src.activations import *  # noqa: F403
from brainpy_math._src.activations import ACTIVATION_NAMES as _NAMES

__all__ = list(_NAMES)

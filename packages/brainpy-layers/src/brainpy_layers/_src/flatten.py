"""``Flatten``: collapse every non-batch axis into one."""

from __future__ import annotations

from typing import Any

import jax

import brainpy_math as bm
from brainpy_layers._src.base import Layer, as_input, is_batching, public
from brainpy_layers._src.errors import LayerInputShapeError

__all__ = ["Flatten"]


@public
class Flatten(Layer):
    """Flatten the input, keeping the batch axis in the batching modes.

    BrainPy implementation of ``brainpy.layers.Flatten`` (2.3.5): ``(N, ...)`` becomes
    ``(N, -1)`` in ``BatchingMode``/``TrainingMode``; without a batch axis
    (``NonBatchingMode``) the whole input becomes one axis.

    Args:
      name: the object name.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`).

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> bl.Flatten(mode=bm.batching_mode)(jnp.ones((2, 4, 4, 3))).shape
      (2, 48)
      >>> bl.Flatten()(jnp.ones((4, 4, 3))).shape
      (48,)
    """

    def __init__(self, name: str | None = None, mode: bm.Mode | None = None):
        super().__init__(name=name, mode=mode)

    def update(self, x: Any) -> jax.Array:
        """Return ``x`` reshaped to ``(N, -1)`` (batching) or ``(-1,)`` (non-batching).

        Raises:
          LayerInputShapeError: a batching-mode input without a batch axis (a scalar).
        """
        x = as_input(x, type(self).__name__)
        if is_batching(self.mode):
            if x.ndim < 1:
                raise LayerInputShapeError(
                    f"{type(self).__name__}: expected input of rank >= 1 (N, ...) in "
                    f"{type(self.mode).__name__}, got shape {tuple(x.shape)}."
                )
            batched: jax.Array = x.reshape(x.shape[0], -1)
            return batched
        flat: jax.Array = x.reshape(-1)
        return flat

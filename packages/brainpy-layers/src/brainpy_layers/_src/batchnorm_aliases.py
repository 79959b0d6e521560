"""``BatchNorm1D``, ``BatchNorm2D``, ``BatchNorm3D``: the other spellings that 2.3.5 exported."""

from __future__ import annotations

from brainpy_layers._src.base import public
from brainpy_layers._src.normalization import BatchNorm1d, BatchNorm2d, BatchNorm3d

__all__ = ["BatchNorm1D", "BatchNorm2D", "BatchNorm3D"]


@public
class BatchNorm1D(BatchNorm1d):
    """Same as :class:`BatchNorm1d` (2.3.5 exported both spellings).

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> bl.BatchNorm1D(3, mode=bm.training_mode)(jnp.ones((2, 5, 3))).shape
      (2, 5, 3)
    """


@public
class BatchNorm2D(BatchNorm2d):
    """Same as :class:`BatchNorm2d` (2.3.5 exported both spellings).

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> bl.BatchNorm2D(3, mode=bm.training_mode)(jnp.ones((2, 4, 4, 3))).shape
      (2, 4, 4, 3)
    """


@public
class BatchNorm3D(BatchNorm3d):
    """Same as :class:`BatchNorm3d` (2.3.5 exported both spellings).

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> bl.BatchNorm3D(3, mode=bm.training_mode)(jnp.ones((2, 2, 2, 2, 3))).shape
      (2, 2, 2, 2, 3)
    """

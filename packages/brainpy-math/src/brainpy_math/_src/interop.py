"""Conversions between brainpy Arrays, JAX arrays and NumPy arrays."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy_math._src.array import to_jax, unwrap
from brainpy_math._src.public_path import set_module

__all__ = ["as_jax", "as_device_array", "as_numpy", "as_ndarray", "as_variable"]


def as_jax(tensor: Any, dtype: Any = None) -> jax.Array:
    """Convert ``tensor`` (an Array, a NumPy array, a list …) to a JAX array.

    The value of an Array or Variable is returned as is (no copy) when ``dtype`` is
    ``None`` or already its dtype.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.as_jax(bm.ones(2))
      Array([1., 1.], dtype=float32)
      >>> bm.as_jax([1, 2], dtype='float32')
      Array([1., 2.], dtype=float32)
    """
    return to_jax(unwrap(tensor), dtype)


def as_device_array(tensor: Any, dtype: Any = None) -> jax.Array:
    """Same as :func:`as_jax` (BrainPy's older name).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.as_device_array(bm.ones(2))
      Array([1., 1.], dtype=float32)
    """
    return to_jax(unwrap(tensor), dtype)


def as_numpy(tensor: Any, dtype: Any = None) -> np.ndarray:
    """Convert ``tensor`` to a NumPy array.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.as_numpy(bm.arange(3))
      array([0, 1, 2], dtype=int32)
    """
    return np.asarray(unwrap(tensor), dtype=dtype)


def as_ndarray(tensor: Any, dtype: Any = None) -> np.ndarray:
    """Same as :func:`as_numpy`.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.as_ndarray(bm.arange(3))
      array([0, 1, 2], dtype=int32)
    """
    return np.asarray(unwrap(tensor), dtype=dtype)


def as_variable(tensor: Any, dtype: Any = None) -> Any:
    """A new :class:`~brainpy_math.Variable` holding ``tensor`` (cast to ``dtype``).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.as_variable([1., 2.])
      Variable([1., 2.], dtype=float32)
    """
    from brainpy_math._src.variable import Variable

    return Variable(jnp.asarray(unwrap(tensor), dtype=dtype))


set_module("brainpy_math", as_jax, as_device_array, as_numpy, as_ndarray, as_variable)

# ``__module__`` is the public one, so pytest's doctest finder needs to be told.
__test__ = {f.__name__: f for f in (as_jax, as_numpy, as_variable)}

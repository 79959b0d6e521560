"""Deterministic initializers: zeros, ones, constants and the identity matrix."""

from __future__ import annotations

import numbers
from typing import Any

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.initialize.base import (
    InterLayerInitializer,
    Shape,
    as_array,
    public,
    to_float_dtype,
    to_shape,
)
from brainpy_dyn._src.params import check_finite

__all__ = ["ZeroInit", "Constant", "OneInit", "Identity"]


@public
class ZeroInit(InterLayerInitializer):
    """Initialize with zeros.

    BrainPy implementation of ``brainpy.init.ZeroInit`` (2.3.5).

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.init.ZeroInit()((2, 2)).value
      Array([[0., 0.],
             [0., 0.]], dtype=float32)
    """

    def __call__(self, shape: Shape, dtype: Any = None) -> bm.Array:
        shape = to_shape(shape, type(self).__name__)
        return bm.Array(jnp.zeros(shape, dtype=to_float_dtype(dtype)))


@public
class Constant(InterLayerInitializer):
    """Initialize with a constant value.

    BrainPy implementation of ``brainpy.init.Constant`` (2.3.5).

    Args:
      value: a number, or an array that broadcasts to the requested shapes.

    Note:
      The result has the default float dtype unless ``dtype`` is given, even for an
      integer ``value`` (2.3.5 kept the value's own dtype, so ``Constant(-65)`` made
      integer membrane potentials).

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.init.Constant(-65)(3).value
      Array([-65., -65., -65.], dtype=float32)
      >>> bd.init.Constant([1., 2.])((2, 2)).value
      Array([[1., 2.],
             [1., 2.]], dtype=float32)
    """

    def __init__(self, value: Any = 1.0):
        if not isinstance(value, numbers.Number):
            try:
                value = np.asarray(bm.as_jax(value))
            except Exception as e:  # pragma: no cover - depends on the object given
                raise ValueError(
                    f"{type(self).__name__}: value must be a number or an array, got {value!r}."
                ) from e
            if value.dtype == object:
                raise ValueError(
                    f"{type(self).__name__}: value must be a number or an array, got {value!r}."
                )
        # NaN fills every state with NaN; inf is a meaningful fill (e.g. -inf "never spiked")
        check_finite(value, type(self).__name__, "value", allow_inf=True)
        self.value = value

    def _arguments(self) -> dict[str, Any]:
        return {"value": self.value}

    def __call__(self, shape: Shape, dtype: Any = None) -> bm.Array:
        name = type(self).__name__
        shape = to_shape(shape, name)
        try:
            np.broadcast_shapes(np.shape(self.value), shape)
        except ValueError:
            raise ValueError(
                f"{name}: value of shape {np.shape(self.value)} does not broadcast to the "
                f"requested shape {shape}."
            ) from None
        return as_array(self.value, shape, to_float_dtype(dtype))


@public
class OneInit(Constant):
    """Initialize with ones (times ``value``).

    BrainPy implementation of ``brainpy.init.OneInit`` (2.3.5): ``OneInit(value)`` is
    :class:`Constant` with default ``value=1.``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.init.OneInit()(3).value
      Array([1., 1., 1.], dtype=float32)
    """

    def __init__(self, value: Any = 1.0):
        super().__init__(value)


@public
class Identity(InterLayerInitializer):
    """Initialize a 2-D weight as ``value`` times the identity matrix.

    BrainPy implementation of ``brainpy.init.Identity`` (2.3.5). Rectangular shapes give
    ``value`` on the main diagonal (like :func:`numpy.eye`); a 1-D shape ``(n,)`` (or an
    int ``n``) gives the square ``(n, n)`` matrix, as in 2.3.5.

    Args:
      value: the value on the diagonal.

    Raises:
      ValueError: the requested shape is neither 1-D nor 2-D.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.init.Identity(2.)((2, 3)).value
      Array([[2., 0., 0.],
             [0., 2., 0.]], dtype=float32)
      >>> bd.init.Identity()(3).shape
      (3, 3)
    """

    def __init__(self, value: float = 1.0):
        if isinstance(value, bool) or not isinstance(value, numbers.Number):
            raise ValueError(f"Identity: value must be a number, got {value!r}.")
        check_finite(value, "Identity", "value")
        self.value = value

    def _arguments(self) -> dict[str, Any]:
        return {"value": self.value}

    def __call__(self, shape: Shape, dtype: Any = None) -> bm.Array:
        shape = to_shape(shape, "Identity")
        if len(shape) == 1:
            shape = (shape[0], shape[0])
        if len(shape) != 2:
            raise ValueError(
                f"Identity: shape must be 1-D (n,) or 2-D (rows, columns), got {shape}."
            )
        dtype = to_float_dtype(dtype)
        return bm.Array(jnp.eye(shape[0], shape[1], dtype=dtype) * jnp.asarray(self.value, dtype))

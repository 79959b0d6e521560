"""Orthogonal initializers: ``Orthogonal`` and ``DeltaOrthogonal``."""

from __future__ import annotations

import math
from typing import Any

import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.initialize.base import (
    Shape,
    check_number,
    public,
    to_float_dtype,
    to_shape,
)
from brainpy_dyn._src.initialize.random_inits import RandomInitializer

__all__ = ["Orthogonal", "DeltaOrthogonal"]


def _check_axis(who: str, axis: Any) -> int:
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise ValueError(f"{who}: axis must be an int, got {axis!r}.")
    return axis


@public
class Orthogonal(RandomInitializer):
    """Initialize with a (semi-)orthogonal matrix.

    BrainPy implementation of ``brainpy.init.Orthogonal`` (2.3.5), the construction of
    :func:`jax.nn.initializers.orthogonal`: the weight is seen as a matrix with
    ``shape[axis]`` rows and all other dimensions flattened into columns; a Gaussian
    matrix is QR-decomposed and ``Q`` (with the signs of ``diag(R)`` folded in, so it is
    uniformly distributed) is scaled by ``scale``. If there are no more rows than
    columns the rows are orthonormal (``W @ W.T = scale² I``), else the columns are.

    Args:
      scale: the scaling factor.
      axis: the axis that indexes the rows.
      seed: ``None`` draws from ``brainpy_math.random.DEFAULT``; an int gives the
        initializer its own generator.

    Raises:
      ValueError: ``axis`` is not an int or ``scale`` not a number (at construction);
        the shape is not at least 2-D or ``axis`` is out of range (at call).

    Examples:
      >>> import brainpy_dyn as bd
      >>> import numpy as np
      >>> w = np.asarray(bd.init.Orthogonal(seed=0)((3, 5)))
      >>> np.allclose(w @ w.T, np.eye(3), atol=1e-5)
      True
    """

    def __init__(self, scale: float = 1.0, axis: int = -1, seed: int | None = None):
        name = type(self).__name__
        self.scale = check_number(scale, name, "scale")
        self.axis = _check_axis(name, axis)
        super().__init__(seed)

    def _arguments(self) -> dict[str, Any]:
        return {"scale": self.scale, "axis": self.axis, "seed": self.seed}

    def _matrix(self, shape: tuple[int, ...]) -> jnp.ndarray:
        name = type(self).__name__
        ndim = len(shape)
        if ndim < 2:
            raise ValueError(f"{name}: shape must have at least 2 dimensions, got {shape}.")
        if not -ndim <= self.axis < ndim:
            raise ValueError(f"{name}: axis={self.axis} is out of range for shape {shape}.")
        n_rows = shape[self.axis]
        n_cols = math.prod(shape) // n_rows if n_rows else 0
        tall = n_rows > n_cols
        a = bm.as_jax(self.rng.normal(size=(n_rows, n_cols) if tall else (n_cols, n_rows)))
        q, r = jnp.linalg.qr(jnp.asarray(a))
        q = q * jnp.where(jnp.diagonal(r) < 0, -1, 1).astype(q.dtype)
        if not tall:
            q = q.T
        others = tuple(d for i, d in enumerate(shape) if i != self.axis % ndim)
        q = jnp.moveaxis(q.reshape((n_rows, *others)), 0, self.axis)
        return q * jnp.asarray(self.scale, q.dtype)

    def __call__(self, shape: Shape, dtype: Any = None) -> bm.Array:
        shape = to_shape(shape, type(self).__name__)
        dtype = to_float_dtype(dtype)
        return bm.Array(self._matrix(shape).astype(dtype))


@public
class DeltaOrthogonal(Orthogonal):
    """Initialize a convolution kernel with an orthogonal matrix at its centre.

    BrainPy implementation of ``brainpy.init.DeltaOrthogonal`` (2.3.5), the
    construction of :func:`jax.nn.initializers.delta_orthogonal` (Xiao et al., 2018):
    for a kernel of shape ``(*kernel_size, in, out)`` every entry is zero except the
    spatial centre ``kernel[k//2, …]``, which is an ``(in, out)`` orthogonal matrix
    (see :class:`Orthogonal`).

    Args:
      scale: the scaling factor.
      axis: the axis of the centre matrix that indexes its rows.
      seed: ``None`` draws from ``brainpy_math.random.DEFAULT``; an int gives the
        initializer its own generator.

    Raises:
      ValueError: the shape is not 3-, 4- or 5-D, or ``in > out``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> w = bd.init.DeltaOrthogonal(seed=0)((3, 3, 4, 4))
      >>> float(abs(w.value[0, 0]).sum()), w.shape
      (0.0, (3, 3, 4, 4))
    """

    def __call__(self, shape: Shape, dtype: Any = None) -> bm.Array:
        shape = to_shape(shape, "DeltaOrthogonal")
        if len(shape) not in (3, 4, 5):
            raise ValueError(
                f"DeltaOrthogonal: shape must be 3-, 4- or 5-D (*kernel_size, in, out), "
                f"got {shape}."
            )
        if shape[-2] > shape[-1]:
            raise ValueError(
                f"DeltaOrthogonal: needs in <= out channels (shape[-2] <= shape[-1]), "
                f"got shape {shape}."
            )
        dtype = to_float_dtype(dtype)
        centre = tuple(k // 2 for k in shape[:-2])
        ortho = self._matrix(shape[-2:]).astype(dtype)
        return bm.Array(jnp.zeros(shape, dtype).at[centre].set(ortho))

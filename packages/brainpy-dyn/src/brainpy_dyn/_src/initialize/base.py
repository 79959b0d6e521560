"""The ``Initializer`` protocol and the argument checks every initializer shares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm

__all__ = [
    "Initializer",
    "InterLayerInitializer",
    "IntraLayerInitializer",
    "Shape",
    "public",
    "to_shape",
    "to_float_dtype",
    "check_number",
    "is_int",
    "is_real",
]

Shape = int | Sequence[int]
"""A shape: one int, or a sequence of non-negative ints."""


#: Show an object as a member of :mod:`brainpy_dyn.init` in reprs and docs.
public = bm.set_module("brainpy_dyn.init")


def is_int(x: Any) -> bool:
    """Whether ``x`` is an integer scalar (Python or NumPy), not a bool."""
    return isinstance(x, int | np.integer) and not isinstance(x, bool)


def is_real(x: Any) -> bool:
    """Whether ``x`` is a real scalar (Python or NumPy), not a bool."""
    return isinstance(x, int | float | np.integer | np.floating) and not isinstance(x, bool)


def to_shape(shape: Any, who: str, arg: str = "shape") -> tuple[int, ...]:
    """Normalise an int or a sequence of ints into a shape tuple.

    Raises:
      ValueError: ``shape`` is not an int or a sequence of non-negative ints; the
        message names ``who`` and ``arg``.
    """
    if is_int(shape):
        dims: tuple[Any, ...] = (shape,)
    elif isinstance(shape, Sequence) and not isinstance(shape, str):
        dims = tuple(shape)
    else:
        raise ValueError(
            f"{who}: {arg} must be an int or a sequence of ints, got {shape!r} "
            f"(type {type(shape).__name__})."
        )
    for d in dims:
        if not is_int(d) or d < 0:
            raise ValueError(f"{who}: {arg} must contain non-negative ints only, got {shape!r}.")
    return tuple(int(d) for d in dims)


def to_float_dtype(dtype: Any) -> Any:
    """``dtype``, or the default float (:func:`brainpy_math.get_float`) when ``None``."""
    return bm.get_float() if dtype is None else dtype


def check_number(value: Any, who: str, arg: str, *, positive: bool = False) -> float:
    """Check that ``value`` is a real number (and ``> 0`` if ``positive``)."""
    if not is_real(value):
        raise ValueError(
            f"{who}: {arg} must be a real number, got {value!r} (type {type(value).__name__})."
        )
    if positive and not value > 0:
        raise ValueError(f"{who}: {arg} must be > 0, got {value!r}.")
    if not np.isfinite(value):
        raise ValueError(f"{who}: {arg} must be finite, got {value!r}.")
    return float(value)


@public
class Initializer:
    """Base class of initializers: objects that make an array of a given shape.

    BrainPy implementation of ``brainpy.init.Initializer`` (2.3.5). An initializer is
    called as ``init(shape, dtype=None)``: ``shape`` is an int or a tuple of ints,
    ``dtype`` defaults to the default float (:func:`brainpy_math.get_float`), and the
    result is a :class:`brainpy_math.Array` of exactly that shape and dtype.
    Subclasses implement :meth:`__call__`; any callable with the same signature can
    be used where an initializer is expected (see
    :func:`~brainpy_dyn.init.parameter`).

    Examples:
      >>> import brainpy_dyn as bd
      >>> init = bd.init.Constant(0.5)
      >>> init((2, 3)).shape
      (2, 3)
      >>> isinstance(init, bd.init.Initializer)
      True
    """

    def __call__(self, shape: Shape, dtype: Any = None) -> bm.Array:
        """Make an array.

        Args:
          shape: the shape of the result (an int for 1-D).
          dtype: the dtype of the result; ``None`` means :func:`brainpy_math.get_float`.

        Returns:
          A :class:`brainpy_math.Array` of shape ``shape``.
        """
        raise NotImplementedError(f"{type(self).__name__} does not implement __call__.")

    def _arguments(self) -> dict[str, Any]:
        """The constructor arguments shown by ``repr``."""
        return {}

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self._arguments().items())
        return f"{type(self).__name__}({args})"


@public
class InterLayerInitializer(Initializer):
    """Base class of initializers of weights between two layers (dense or conv kernels).

    Examples:
      >>> import brainpy_dyn as bd
      >>> w = bd.init.XavierNormal()((3, 4))
      >>> isinstance(bd.init.XavierNormal(), bd.init.InterLayerInitializer), w.shape
      (True, (3, 4))
    """


@public
class IntraLayerInitializer(Initializer):
    """Base class of initializers of values inside one layer (states, recurrent weights).

    Examples:
      >>> import brainpy_dyn as bd
      >>> init = bd.init.GaussianDecay(sigma=1.0, max_w=1.0)
      >>> isinstance(init, bd.init.IntraLayerInitializer), init(3).shape  # 3 neurons to 3
      (True, (3, 3))
    """


def as_array(x: Any, shape: tuple[int, ...], dtype: Any) -> bm.Array:
    """Wrap ``x`` (broadcast to ``shape``, cast to ``dtype``) into an ``Array``."""
    return bm.Array(jnp.broadcast_to(jnp.asarray(bm.as_jax(x), dtype=dtype), shape))


InitializerLike = Initializer | Callable[..., Any]

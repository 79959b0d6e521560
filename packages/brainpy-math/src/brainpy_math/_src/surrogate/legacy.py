"""BrainPy's older spike functions (``bm.spike_with_*_grad``), kept as deprecated names.

BrainPy 2.3.1 replaced them by :mod:`brainpy_math.surrogate` and 2.3.5 still exposed them at
``brainpy.math.*``. Each is one of the surrogate functions with the old parameter names
(``scale`` for the strength) and the old defaults; ``None`` means the default, as it did.
They are served through ``brainpy_math.__getattr__``, which warns on access
(:data:`LEGACY_SPIKE_FUNCTIONS` is the table).
"""

from __future__ import annotations

from typing import Any

from jax import Array as JaxArray

from brainpy_math._src.public_path import set_module
from brainpy_math._src.surrogate.slope_only import (
    gaussian_grad,
    inv_square_grad,
    multi_gaussian_grad,
    relu_grad,
)
from brainpy_math._src.surrogate.two_inputs import inv_square_grad2, relu_grad2

__all__ = [
    "LEGACY_SPIKE_FUNCTIONS",
    "spike2_with_linear_grad",
    "spike2_with_sigmoid_grad",
    "spike_with_gaussian_grad",
    "spike_with_linear_grad",
    "spike_with_mg_grad",
    "spike_with_sigmoid_grad",
]


def _or(value: Any, default: float) -> Any:
    return default if value is None else value


def spike_with_sigmoid_grad(x: Any, scale: Any = 100.0) -> JaxArray:
    r"""Heaviside spike with the gradient ``1 / (scale |x| + 1)**2`` (deprecated).

    BrainPy implementation of ``brainpy.math.spike_with_sigmoid_grad`` (2.3.5): the same as
    :func:`brainpy_math.surrogate.inv_square_grad` with ``alpha=scale``, which replaces it.

    Args:
      x: the input.
      scale: the sharpness (``None`` means 100).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.
    """
    return inv_square_grad(x, _or(scale, 100.0))


def spike2_with_sigmoid_grad(x_new: Any, x_old: Any, scale: Any = None) -> JaxArray:
    r"""Threshold-crossing spike with the inverse-square gradient (deprecated).

    BrainPy implementation of ``brainpy.math.spike2_with_sigmoid_grad`` (2.3.5): the same as
    :func:`brainpy_math.surrogate.inv_square_grad2` with ``alpha=scale``, which replaces it.

    Args:
      x_new: the value now.
      x_old: the value on the previous step.
      scale: the sharpness (``None`` means 100).

    Returns:
      ``1.`` where ``x_new >= 0`` and ``x_old < 0``, ``0.`` elsewhere.
    """
    return inv_square_grad2(x_new, x_old, _or(scale, 100.0))


def spike_with_linear_grad(x: Any, scale: Any = None) -> JaxArray:
    r"""Heaviside spike with the gradient ``scale * max(1 - |x|, 0)`` (deprecated).

    BrainPy implementation of ``brainpy.math.spike_with_linear_grad`` (2.3.5): the same as
    :func:`brainpy_math.surrogate.relu_grad` with ``alpha=scale`` and ``width=1``, which
    replaces it.

    Args:
      x: the input.
      scale: the height of the triangle (``None`` means 0.3).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.
    """
    return relu_grad(x, _or(scale, 0.3), 1.0)


def spike2_with_linear_grad(x_new: Any, x_old: Any, scale: Any = 10.0) -> JaxArray:
    r"""Threshold-crossing spike with the gradient ``scale * max(1 - |x|, 0)`` (deprecated).

    BrainPy implementation of ``brainpy.math.spike2_with_linear_grad`` (2.3.5): the same as
    :func:`brainpy_math.surrogate.relu_grad2` with ``alpha=scale`` and ``width=1``, which
    replaces it.

    Args:
      x_new: the value now.
      x_old: the value on the previous step.
      scale: the height of the triangle (default 10; ``None`` means 0.3, as in 2.3.5).

    Returns:
      ``1.`` where ``x_new >= 0`` and ``x_old < 0``, ``0.`` elsewhere.
    """
    return relu_grad2(x_new, x_old, _or(scale, 0.3), 1.0)


def spike_with_gaussian_grad(x: Any, sigma: Any = None, scale: Any = None) -> JaxArray:
    r"""Heaviside spike with a Gaussian gradient (deprecated).

    BrainPy implementation of ``brainpy.math.spike_with_gaussian_grad`` (2.3.5): the same as
    :func:`brainpy_math.surrogate.gaussian_grad` with ``alpha=scale``, which replaces it.

    Args:
      x: the input.
      sigma: the standard deviation (``None`` means 0.5).
      scale: the scale of the gradient (``None`` means 0.5).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.
    """
    return gaussian_grad(x, _or(sigma, 0.5), _or(scale, 0.5))


def spike_with_mg_grad(
    x: Any, h: Any = None, s: Any = None, sigma: Any = None, scale: Any = None
) -> JaxArray:
    r"""Heaviside spike with the multi-Gaussian gradient (deprecated).

    BrainPy implementation of ``brainpy.math.spike_with_mg_grad`` (2.3.5): the same as
    :func:`brainpy_math.surrogate.multi_gaussian_grad`, which replaces it.

    Args:
      x: the input.
      h: the weight of the side lobes (``None`` means 0.15).
      s: their width relative to ``sigma`` (``None`` means 6).
      sigma: the standard deviation of the central Gaussian (``None`` means 0.5).
      scale: the scale of the gradient (``None`` means 0.5).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.
    """
    return multi_gaussian_grad(x, _or(h, 0.15), _or(s, 6.0), _or(sigma, 0.5), _or(scale, 0.5))


#: The replacement of each legacy name, in :mod:`brainpy_math.surrogate`.
_REPLACEMENTS = {
    spike_with_sigmoid_grad: "inv_square_grad",
    spike2_with_sigmoid_grad: "inv_square_grad2",
    spike_with_linear_grad: "relu_grad",
    spike2_with_linear_grad: "relu_grad2",
    spike_with_gaussian_grad: "gaussian_grad",
    spike_with_mg_grad: "multi_gaussian_grad",
}

#: name -> (deprecation message, function), merged into ``brainpy_math``'s deprecation table.
LEGACY_SPIKE_FUNCTIONS: dict[str, tuple[str, Any]] = {
    f.__name__: (
        f"brainpy_math.{f.__name__} is deprecated (since BrainPy 2.3.1); "
        f"use brainpy_math.surrogate.{new}.",
        f,
    )
    for f, new in _REPLACEMENTS.items()
}

set_module("brainpy_math", *_REPLACEMENTS)

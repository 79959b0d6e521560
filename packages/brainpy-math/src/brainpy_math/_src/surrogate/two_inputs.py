"""Two-input spike functions: a spike on the step where ``x`` crosses 0 from below.

``f(x_new, x_old) = H(x_new) * (1 - H(x_old))`` is ``1`` exactly where the value is ``>= 0``
now and was ``< 0`` on the previous step. Its derivatives follow from the product rule with
a surrogate slope ``s`` in place of the step's derivative::

    df/dx_new =  s(x_new) * [x_old < 0]
    df/dx_old = -s(x_old) * [x_new >= 0]
"""

from __future__ import annotations

from typing import Any

from jax import Array as JaxArray

from brainpy_math._src.public_path import set_module
from brainpy_math._src.surrogate._core import as_input, make_spike2, param
from brainpy_math._src.surrogate.slope_only import inv_square_slope, relu_slope

__all__ = ["inv_square_grad2", "relu_grad2"]

_inv_square2 = make_spike2(inv_square_slope)
_relu2 = make_spike2(relu_slope)


def inv_square_grad2(x_new: Any, x_old: Any, alpha: Any = 100.0) -> JaxArray:
    r"""Threshold-crossing spike with the inverse-square surrogate gradient.

    BrainPy implementation of ``brainpy.math.surrogate.inv_square_grad2`` (2.3.5).

    .. math::

       f = H(x_\mathrm{new}) \big(1 - H(x_\mathrm{old})\big), \qquad
       s(x) = \frac{1}{(\alpha |x| + 1)^2}

    Args:
      x_new: the value now (``V - V_th``).
      x_old: the value on the previous step, broadcast with ``x_new``.
      alpha: the sharpness of the surrogate (``>= 0``).

    Returns:
      ``1.`` where ``x_new >= 0`` and ``x_old < 0``, ``0.`` elsewhere, in the floating
      dtype of the inputs.

    Examples:
      >>> import jax, jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> bm.surrogate.inv_square_grad2(jnp.array([1., 1., -1.]), jnp.array([-1., 1., -1.]))
      Array([1., 0., 0.], dtype=float32)
      >>> g = jax.grad(lambda a, b: bm.surrogate.inv_square_grad2(a, b, 1.), (0, 1))(1., -1.)
      >>> [float(v) for v in g]
      [0.25, -0.25]
    """
    who = "inv_square_grad2"
    alpha = param(who, "alpha", alpha, 100.0, "nonnegative")
    return _inv_square2(as_input(who, x_new, "x_new"), as_input(who, x_old, "x_old"), alpha)


def relu_grad2(x_new: Any, x_old: Any, alpha: Any = 0.3, width: Any = 1.0) -> JaxArray:
    r"""Threshold-crossing spike with the triangular (ReLU-shaped) surrogate gradient.

    BrainPy implementation of ``brainpy.math.surrogate.relu_grad2`` (2.3.5).

    .. math::

       f = H(x_\mathrm{new}) \big(1 - H(x_\mathrm{old})\big), \qquad
       s(x) = \alpha \max(\mathrm{width} - |x|, 0)

    Args:
      x_new: the value now (``V - V_th``).
      x_old: the value on the previous step, broadcast with ``x_new``.
      alpha: the slope of the triangle's sides (``>= 0``).
      width: the half-width of the triangle (positive).

    Returns:
      ``1.`` where ``x_new >= 0`` and ``x_old < 0``, ``0.`` elsewhere, in the floating
      dtype of the inputs.

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> g = jax.grad(lambda a, b: bm.surrogate.relu_grad2(a, b, 1.), (0, 1))(0.5, -0.25)
      >>> [float(v) for v in g]
      [0.5, -0.75]
    """
    who = "relu_grad2"
    alpha = param(who, "alpha", alpha, 0.3, "nonnegative")
    width = param(who, "width", width, 1.0, "positive")
    return _relu2(as_input(who, x_new, "x_new"), as_input(who, x_old, "x_old"), alpha, width)


set_module("brainpy_math.surrogate", inv_square_grad2, relu_grad2)

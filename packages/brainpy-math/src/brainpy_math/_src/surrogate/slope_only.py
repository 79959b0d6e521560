"""Surrogates given by their gradient alone: triangle (ReLU), Gaussian, multi-Gaussian, SLAYER.

Each function returns the Heaviside spike ``H(x) = [x >= 0]`` (in the floating dtype of
``x``) and differentiates as ``g'(x)``, a bump centred on the threshold. BrainPy 2.3.5 gave
these no smooth forward function (no ``origin`` argument), and neither does this module.
"""

from __future__ import annotations

import math
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.public_path import set_module
from brainpy_math._src.surrogate._core import as_input, make_spike, param

__all__ = ["gaussian_grad", "inv_square_grad", "multi_gaussian_grad", "relu_grad", "slayer_grad"]


def relu_slope(x: jax.Array, alpha: Any, width: Any) -> jax.Array:
    """``alpha * max(width - |x|, 0)``: a triangle of height ``alpha * width``."""
    return alpha * jnp.maximum(width - jnp.abs(x), 0.0)


_relu = make_spike(relu_slope)


def relu_grad(x: Any, alpha: Any = 0.3, width: Any = 1.0) -> jax.Array:
    r"""Heaviside spike with a triangular (ReLU-shaped) surrogate gradient.

    BrainPy implementation of ``brainpy.math.surrogate.relu_grad`` (2.3.5).

    .. math::

       g'(x) = \operatorname{ReLU}\big(\alpha (\mathrm{width} - |x|)\big)

    Args:
      x: the input.
      alpha: the slope of the triangle's sides (``>= 0``).
      width: the half-width of the triangle (positive).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    References:
      Neftci, Mostafa and Zenke, "Surrogate gradient learning in spiking neural networks",
      IEEE Signal Process. Mag. 36(6):51 (2019); Bellec et al., NeurIPS 2018.

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> [round(float(jax.grad(bm.surrogate.relu_grad)(v)), 6) for v in (0., 0.5, 2.)]
      [0.3, 0.15, 0.0]
    """
    who = "relu_grad"
    alpha = param(who, "alpha", alpha, 0.3, "nonnegative")
    width = param(who, "width", width, 1.0, "positive")
    return _relu(as_input(who, x), alpha, width)


def _normal(x: jax.Array, mu: Any, sigma: Any) -> jax.Array:
    return jnp.exp(-((x - mu) ** 2) / (2.0 * sigma**2)) / (math.sqrt(2.0 * math.pi) * sigma)


def gaussian_slope(x: jax.Array, sigma: Any, alpha: Any) -> jax.Array:
    """``alpha`` times the normal density of mean 0 and standard deviation ``sigma``."""
    return alpha * _normal(x, 0.0, sigma)


_gaussian = make_spike(gaussian_slope)


def gaussian_grad(x: Any, sigma: Any = 0.5, alpha: Any = 0.5) -> jax.Array:
    r"""Heaviside spike with a Gaussian surrogate gradient.

    BrainPy implementation of ``brainpy.math.surrogate.gaussian_grad`` (2.3.5).

    .. math::

       g'(x) = \alpha\, \mathcal{N}(x; 0, \sigma^2)
             = \frac{\alpha}{\sqrt{2\pi}\,\sigma} e^{-x^2 / (2\sigma^2)}

    Args:
      x: the input.
      sigma: the standard deviation of the Gaussian (positive).
      alpha: the scale of the gradient (``>= 0``).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    Note:
      BrainPy 2.3.5 computed ``exp(-x**2 / 2 * sigma**2)`` (multiplying by ``sigma**2``
      instead of dividing); here the exponent is the Gaussian's ``-x**2 / (2 sigma**2)``.

    References:
      Yin, Corradi and Bohté, "Accurate and efficient time-domain classification with adaptive
      spiking recurrent neural networks", Nat. Mach. Intell. 3:905 (2021).

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> round(float(jax.grad(bm.surrogate.gaussian_grad)(0.)), 6)   # 0.5 / (sqrt(2 pi) 0.5)
      0.398942
    """
    who = "gaussian_grad"
    sigma = param(who, "sigma", sigma, 0.5, "positive")
    alpha = param(who, "alpha", alpha, 0.5, "nonnegative")
    return _gaussian(as_input(who, x), sigma, alpha)


def multi_gaussian_slope(x: jax.Array, h: Any, s: Any, sigma: Any, scale: Any) -> jax.Array:
    """A central Gaussian minus two wide side lobes, times ``scale`` (Yin et al. 2021)."""
    centre = (1.0 + h) * _normal(x, 0.0, sigma)
    sides = h * (_normal(x, sigma, s * sigma) + _normal(x, -sigma, s * sigma))
    return scale * (centre - sides)


_multi_gaussian = make_spike(multi_gaussian_slope)


def multi_gaussian_grad(
    x: Any, h: Any = 0.15, s: Any = 6.0, sigma: Any = 0.5, scale: Any = 0.5
) -> jax.Array:
    r"""Heaviside spike with the multi-Gaussian surrogate gradient (a bump with negative lobes).

    BrainPy implementation of ``brainpy.math.surrogate.multi_gaussian_grad`` (2.3.5).

    .. math::

       g'(x) = \mathrm{scale} \Big[(1 + h)\, \mathcal{N}(x; 0, \sigma^2)
               - h\, \mathcal{N}(x; \sigma, (s\sigma)^2)
               - h\, \mathcal{N}(x; -\sigma, (s\sigma)^2)\Big]

    Args:
      x: the input.
      h: the weight of the side lobes (``>= 0``).
      s: the width of the side lobes, relative to ``sigma`` (positive).
      sigma: the standard deviation of the central Gaussian (positive).
      scale: the scale of the gradient (``>= 0``).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    References:
      Yin, Corradi and Bohté, Nat. Mach. Intell. 3:905 (2021).

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> round(float(jax.grad(bm.surrogate.multi_gaussian_grad)(0.)), 6)
      0.439112
    """
    who = "multi_gaussian_grad"
    h = param(who, "h", h, 0.15, "nonnegative")
    s = param(who, "s", s, 6.0, "positive")
    sigma = param(who, "sigma", sigma, 0.5, "positive")
    scale = param(who, "scale", scale, 0.5, "nonnegative")
    return _multi_gaussian(as_input(who, x), h, s, sigma, scale)


def inv_square_slope(x: jax.Array, alpha: Any) -> jax.Array:
    """``1 / (alpha |x| + 1)**2``, the derivative of a fast sigmoid."""
    return 1.0 / (alpha * jnp.abs(x) + 1.0) ** 2


_inv_square = make_spike(inv_square_slope)


def inv_square_grad(x: Any, alpha: Any = 100.0) -> jax.Array:
    r"""Heaviside spike with the inverse-square (fast-sigmoid) surrogate gradient.

    BrainPy implementation of ``brainpy.math.surrogate.inv_square_grad`` (2.3.5), the default
    ``spike_fun`` of the spiking neurons in ``TrainingMode``.

    .. math::

       g'(x) = \frac{1}{(\alpha |x| + 1)^2}

    Args:
      x: the input (``V - V_th`` for a neuron).
      alpha: the sharpness of the surrogate (``>= 0``; ``0`` is the straight-through gradient).

    Returns:
      ``1.`` where ``x >= 0`` and ``0.`` elsewhere, in the floating dtype of ``x`` (the
      default float dtype for integer input).

    References:
      Zenke and Ganguli, "SuperSpike: supervised learning in multilayer spiking neural
      networks", Neural Comput. 30(6):1514 (2018).

    Examples:
      >>> import jax, jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> bm.surrogate.inv_square_grad(jnp.array([-1., 0., 2.]))
      Array([0., 1., 1.], dtype=float32)
      >>> float(jax.grad(lambda x: bm.surrogate.inv_square_grad(x, 1.))(1.))
      0.25
    """
    who = "inv_square_grad"
    alpha = param(who, "alpha", alpha, 100.0, "nonnegative")
    return _inv_square(as_input(who, x), alpha)


_slayer = make_spike(lambda x, alpha: jnp.exp(-alpha * jnp.abs(x)))


def slayer_grad(x: Any, alpha: Any = 1.0) -> jax.Array:
    r"""Heaviside spike with the SLAYER (exponential) surrogate gradient.

    BrainPy implementation of ``brainpy.math.surrogate.slayer_grad`` (2.3.5).

    .. math::

       g'(x) = e^{-\alpha |x|}

    Args:
      x: the input.
      alpha: the decay rate of the gradient away from the threshold (``>= 0``).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    References:
      Shrestha and Orchard, "SLAYER: spike layer error reassignment in time", NeurIPS 2018.

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> round(float(jax.grad(bm.surrogate.slayer_grad)(1.)), 6)   # exp(-1)
      0.367879
    """
    who = "slayer_grad"
    alpha = param(who, "alpha", alpha, 1.0, "nonnegative")
    return _slayer(as_input(who, x), alpha)


_PUBLIC = (relu_grad, gaussian_grad, multi_gaussian_grad, inv_square_grad, slayer_grad)
set_module("brainpy_math.surrogate", *_PUBLIC)

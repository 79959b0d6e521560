"""Surrogates whose smooth function is a sigmoid-like step (logistic, soft sign, arctan, erf).

Each function returns the Heaviside spike ``H(x) = [x >= 0]`` (in the floating dtype of
``x``) and differentiates as the smooth step ``g`` named after it; ``origin=True`` returns
``g(x)`` itself (with the same gradient).
"""

from __future__ import annotations

import math
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.public_path import set_module
from brainpy_math._src.surrogate._core import as_input, check_count, check_origin, make_spike, param

__all__ = [
    "arctan",
    "erf",
    "q_pseudo_spike",
    "s2nn",
    "sigmoid",
    "soft_sign",
    "squarewave_fourier_series",
]


def _sigmoid_slope(x: jax.Array, alpha: Any) -> jax.Array:
    s = jax.nn.sigmoid(alpha * x)
    return alpha * s * (1.0 - s)


_sigmoid = make_spike(_sigmoid_slope, lambda x, alpha: jax.nn.sigmoid(alpha * x))


def sigmoid(x: Any, alpha: Any = 4.0, origin: bool = False) -> jax.Array:
    r"""Heaviside spike whose gradient is that of the logistic sigmoid ``sigmoid(alpha * x)``.

    BrainPy implementation of ``brainpy.math.surrogate.sigmoid`` (2.3.5).

    .. math::

       g(x) = \sigma(\alpha x) = \frac{1}{1 + e^{-\alpha x}}, \qquad
       g'(x) = \alpha\, \sigma(\alpha x) \big(1 - \sigma(\alpha x)\big)

    Args:
      x: the input (``V - V_th`` for a neuron).
      alpha: the sharpness of the sigmoid (positive; a number or an array broadcast with ``x``).
      origin: return ``g(x)`` instead of the spike (the gradient is the same).

    Returns:
      ``1.`` where ``x >= 0`` and ``0.`` elsewhere, in the floating dtype of ``x`` (the
      default float dtype for integer input).

    Note:
      BrainPy 2.3.5's ``origin=True`` returned ``sigmoid(x)``, ignoring ``alpha``; here it is
      ``sigmoid(alpha * x)``, the function whose derivative the gradient is.

    Examples:
      >>> import jax, jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> bm.surrogate.sigmoid(jnp.array([-1., 0., 2.]))
      Array([0., 1., 1.], dtype=float32)
      >>> float(jax.grad(bm.surrogate.sigmoid)(0.))      # alpha / 4 at x = 0
      1.0
    """
    who = "sigmoid"
    return _sigmoid(
        as_input(who, x),
        param(who, "alpha", alpha, 4.0, "positive"),
        origin=check_origin(who, origin),
    )


def _soft_sign_slope(x: jax.Array, alpha: Any) -> jax.Array:
    return alpha / (2.0 * (1.0 + jnp.abs(alpha * x)) ** 2)


def _soft_sign_smooth(x: jax.Array, alpha: Any) -> jax.Array:
    ax = alpha * x
    return 0.5 * (ax / (1.0 + jnp.abs(ax)) + 1.0)


_soft_sign = make_spike(_soft_sign_slope, _soft_sign_smooth)


def soft_sign(x: Any, alpha: Any = 1.0, origin: bool = False) -> jax.Array:
    r"""Heaviside spike whose gradient is that of a soft sign step.

    BrainPy implementation of ``brainpy.math.surrogate.soft_sign`` (2.3.5).

    .. math::

       g(x) = \frac{1}{2}\Big(\frac{\alpha x}{1 + |\alpha x|} + 1\Big), \qquad
       g'(x) = \frac{\alpha}{2 (1 + |\alpha x|)^2}

    Args:
      x: the input.
      alpha: the sharpness (positive; a number or an array broadcast with ``x``).
      origin: return ``g(x)`` instead of the spike (the gradient is the same).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> float(jax.grad(bm.surrogate.soft_sign)(1.))     # 1 / (2 * 2**2)
      0.125
    """
    who = "soft_sign"
    return _soft_sign(
        as_input(who, x),
        param(who, "alpha", alpha, 1.0, "positive"),
        origin=check_origin(who, origin),
    )


def _arctan_slope(x: jax.Array, alpha: Any) -> jax.Array:
    return alpha / (2.0 * (1.0 + (0.5 * math.pi * alpha * x) ** 2))


_arctan = make_spike(
    _arctan_slope, lambda x, alpha: jnp.arctan(0.5 * math.pi * alpha * x) / math.pi + 0.5
)


def arctan(x: Any, alpha: Any = 1.0, origin: bool = False) -> jax.Array:
    r"""Heaviside spike whose gradient is that of an arctangent step.

    BrainPy implementation of ``brainpy.math.surrogate.arctan`` (2.3.5).

    .. math::

       g(x) = \frac{1}{\pi} \arctan\Big(\frac{\pi}{2} \alpha x\Big) + \frac{1}{2}, \qquad
       g'(x) = \frac{\alpha}{2 \big(1 + (\frac{\pi}{2} \alpha x)^2\big)}

    Args:
      x: the input.
      alpha: the sharpness (positive; a number or an array broadcast with ``x``).
      origin: return ``g(x)`` instead of the spike (the gradient is the same).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    Note:
      BrainPy 2.3.5's ``origin=True`` called ``arctan2`` with one argument and failed; here it
      returns ``g(x)``.

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> float(jax.grad(bm.surrogate.arctan)(0.))        # alpha / 2
      0.5
      >>> float(bm.surrogate.arctan(0., origin=True))
      0.5
    """
    who = "arctan"
    return _arctan(
        as_input(who, x),
        param(who, "alpha", alpha, 1.0, "positive"),
        origin=check_origin(who, origin),
    )


def _erf_slope(x: jax.Array, alpha: Any) -> jax.Array:
    return alpha / math.sqrt(math.pi) * jnp.exp(-((alpha * x) ** 2))


_erf = make_spike(_erf_slope, lambda x, alpha: 0.5 * jax.scipy.special.erfc(-alpha * x))


def erf(x: Any, alpha: Any = 1.0, origin: bool = False) -> jax.Array:
    r"""Heaviside spike whose gradient is that of the Gaussian error-function step.

    BrainPy implementation of ``brainpy.math.surrogate.erf`` (2.3.5).

    .. math::

       g(x) = \frac{1}{2} \operatorname{erfc}(-\alpha x)
            = \frac{1}{\sqrt{\pi}} \int_{-\infty}^{\alpha x} e^{-t^2}\, dt, \qquad
       g'(x) = \frac{\alpha}{\sqrt{\pi}} e^{-\alpha^2 x^2}

    Args:
      x: the input.
      alpha: the sharpness (positive; a number or an array broadcast with ``x``).
      origin: return ``g(x)`` instead of the spike (the gradient is the same).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    Note:
      BrainPy 2.3.5's ``origin=True`` returned ``erf(-alpha * x) / 2``, a decreasing function;
      here it is the step ``erfc(-alpha * x) / 2`` its gradient belongs to.

    References:
      Esser et al., "Backpropagation for energy-efficient neuromorphic computing", NeurIPS 2015;
      Wu et al., "Spatio-temporal backpropagation for training high-performance spiking
      neural networks", Front. Neurosci. 12:331 (2018).

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> round(float(jax.grad(bm.surrogate.erf)(0.)), 6)   # 1 / sqrt(pi)
      0.56419
    """
    who = "erf"
    return _erf(
        as_input(who, x),
        param(who, "alpha", alpha, 1.0, "positive"),
        origin=check_origin(who, origin),
    )


def _squarewave_slope(x: jax.Array, t_period: Any, n: int) -> jax.Array:
    w = 2.0 * math.pi / t_period
    total = jnp.cos(w * x)
    for i in range(2, n + 1):
        total = total + jnp.cos((2 * i - 1) * w * x)
    return 4.0 / t_period * total


def _squarewave_smooth(x: jax.Array, t_period: Any, n: int) -> jax.Array:
    w = 2.0 * math.pi / t_period
    total = jnp.sin(w * x)
    for i in range(2, n + 1):
        c = 2 * i - 1
        total = total + jnp.sin(c * w * x) / c
    return 0.5 + 2.0 / math.pi * total


_squarewave = make_spike(_squarewave_slope, _squarewave_smooth)


def squarewave_fourier_series(
    x: Any, n: int = 2, t_period: Any = 8.0, origin: bool = False
) -> jax.Array:
    r"""Heaviside spike whose gradient is that of a truncated Fourier series of a square wave.

    BrainPy implementation of ``brainpy.math.surrogate.squarewave_fourier_series`` (2.3.5).

    .. math::

       g(x) = \frac{1}{2} + \frac{2}{\pi} \sum_{i=1}^{n}
              \frac{\sin\big((2i - 1) \omega x\big)}{2i - 1}, \qquad
       g'(x) = \frac{4}{T} \sum_{i=1}^{n} \cos\big((2i - 1) \omega x\big), \qquad
       \omega = \frac{2\pi}{T}

    Args:
      x: the input.
      n: the number of Fourier terms (a Python int >= 1).
      t_period: the period ``T`` of the square wave (positive).
      origin: return ``g(x)`` instead of the spike (the gradient is the same).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    Note:
      BrainPy 2.3.5 summed only ``n - 1`` terms (``i = 1`` and ``2 <= i < n``); here the sum
      has the ``n`` terms of the formula.

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> float(jax.grad(bm.surrogate.squarewave_fourier_series)(0.))   # 4 n / T
      1.0
    """
    who = "squarewave_fourier_series"
    n = check_count(who, "n", n, 2)
    t_period = param(who, "t_period", t_period, 8.0, "positive")
    return _squarewave(as_input(who, x), t_period, origin=check_origin(who, origin), static=(n,))


def _s2nn_slope(x: jax.Array, alpha: Any, beta: Any, epsilon: Any) -> jax.Array:
    s = jax.nn.sigmoid(alpha * x)
    return jnp.where(x < 0.0, alpha * s * (1.0 - s), beta / (jnp.maximum(x, 0.0) + 1.0))


def _s2nn_smooth(x: jax.Array, alpha: Any, beta: Any, epsilon: Any) -> jax.Array:
    tail = beta * jnp.log(jnp.maximum(x, 0.0) + 1.0 + epsilon) + 0.5
    return jnp.where(x < 0.0, jax.nn.sigmoid(alpha * x), tail)


_s2nn = make_spike(_s2nn_slope, _s2nn_smooth)


def s2nn(
    x: Any, alpha: Any = 4.0, beta: Any = 1.0, epsilon: Any = 1e-8, origin: bool = False
) -> jax.Array:
    r"""Heaviside spike whose gradient is the S2NN surrogate: sigmoid left of 0, log right of it.

    BrainPy implementation of ``brainpy.math.surrogate.s2nn`` (2.3.5).

    .. math::

       g(x) = \begin{cases} \sigma(\alpha x), & x < 0 \\
                            \beta \ln(x + 1 + \epsilon) + \frac{1}{2}, & x \ge 0 \end{cases}
       \qquad
       g'(x) = \begin{cases} \alpha\, \sigma(\alpha x) \big(1 - \sigma(\alpha x)\big), & x < 0 \\
                             \frac{\beta}{x + 1}, & x \ge 0 \end{cases}

    Args:
      x: the input.
      alpha: the sharpness of the sigmoid for ``x < 0`` (positive).
      beta: the scale of the logarithmic tail for ``x >= 0`` (``>= 0``).
      epsilon: a small number that keeps the logarithm of ``g`` finite (``>= 0``).
      origin: return ``g(x)`` instead of the spike (the gradient is the same).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    References:
      Suetake et al., "S2NN: Time step reduction of spiking surrogate gradients for training
      energy efficient single-step neural networks", arXiv:2201.10879 (2022).

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> [round(float(jax.grad(bm.surrogate.s2nn)(v)), 4) for v in (-1., 0., 1.)]
      [0.0707, 1.0, 0.5]
    """
    who = "s2nn"
    alpha = param(who, "alpha", alpha, 4.0, "positive")
    beta = param(who, "beta", beta, 1.0, "nonnegative")
    epsilon = param(who, "epsilon", epsilon, 1e-8, "nonnegative")
    return _s2nn(as_input(who, x), alpha, beta, epsilon, origin=check_origin(who, origin))


def _q_pseudo_base(x: jax.Array, alpha: Any) -> jax.Array:
    return 1.0 + 2.0 * jnp.abs(x) / (alpha - 1.0)


def _q_pseudo_smooth(x: jax.Array, alpha: Any) -> jax.Array:
    half_tail = 0.5 * _q_pseudo_base(x, alpha) ** (1.0 - alpha)
    return jnp.where(x < 0.0, half_tail, 1.0 - half_tail)


_q_pseudo = make_spike(lambda x, alpha: _q_pseudo_base(x, alpha) ** (-alpha), _q_pseudo_smooth)


def q_pseudo_spike(x: Any, alpha: Any = 2.0, origin: bool = False) -> jax.Array:
    r"""Heaviside spike whose gradient is the q-PseudoSpike surrogate (a tunable heavy tail).

    BrainPy implementation of ``brainpy.math.surrogate.q_pseudo_spike`` (2.3.5).

    .. math::

       g(x) = \begin{cases} \frac{1}{2} \big(1 - \frac{2x}{\alpha - 1}\big)^{1 - \alpha}, & x < 0 \\
                            1 - \frac{1}{2} \big(1 + \frac{2x}{\alpha - 1}\big)^{1 - \alpha},
                            & x \ge 0 \end{cases}
       \qquad
       g'(x) = \Big(1 + \frac{2|x|}{\alpha - 1}\Big)^{-\alpha}

    Args:
      x: the input.
      alpha: the tail parameter (``> 1``; the smaller, the fatter the tail).
      origin: return ``g(x)`` instead of the spike (the gradient is the same).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    Note:
      BrainPy 2.3.5 computed the gradient with ``alpha + 1`` where the formula (and its own
      ``g``) has ``alpha - 1``; here the gradient is the derivative of ``g``.

    References:
      Herranz-Celotti and Rouat, "Surrogate gradients design", arXiv:2202.00282 (2022).

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> float(jax.grad(bm.surrogate.q_pseudo_spike)(0.5))    # (1 + 1)**-2
      0.25
    """
    who = "q_pseudo_spike"
    alpha = param(who, "alpha", alpha, 2.0, "above_one")
    return _q_pseudo(as_input(who, x), alpha, origin=check_origin(who, origin))


set_module(
    "brainpy_math.surrogate",
    sigmoid,
    soft_sign,
    arctan,
    erf,
    squarewave_fourier_series,
    s2nn,
    q_pseudo_spike,
)

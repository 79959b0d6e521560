"""Surrogates built from pieces: piecewise quadratic, exponential and linear, leaky ReLUs, logs.

Each function returns the Heaviside spike ``H(x) = [x >= 0]`` (in the floating dtype of
``x``) and differentiates as the piecewise function ``g`` named after it; ``origin=True``
returns ``g(x)`` itself (with the same gradient).
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.public_path import set_module
from brainpy_math._src.surrogate._core import as_input, check_origin, make_spike, param

__all__ = [
    "leaky_relu",
    "log_tailed_relu",
    "nonzero_sign_log",
    "piecewise_exp",
    "piecewise_leaky_relu",
    "piecewise_quadratic",
]


def _pq_slope(x: jax.Array, alpha: Any) -> jax.Array:
    return alpha * jnp.maximum(1.0 - alpha * jnp.abs(x), 0.0)


def _pq_smooth(x: jax.Array, alpha: Any) -> jax.Array:
    ax = jnp.clip(alpha * x, -1.0, 1.0)
    return ax - 0.5 * ax * jnp.abs(ax) + 0.5


_pq = make_spike(_pq_slope, _pq_smooth)


def piecewise_quadratic(x: Any, alpha: Any = 1.0, origin: bool = False) -> jax.Array:
    r"""Heaviside spike whose gradient is a triangle of half-width ``1 / alpha``.

    BrainPy implementation of ``brainpy.math.surrogate.piecewise_quadratic`` (2.3.5).

    .. math::

       g(x) = \begin{cases} 0, & x < -\frac{1}{\alpha} \\
              -\frac{1}{2}\alpha^2 |x| x + \alpha x + \frac{1}{2}, & |x| \le \frac{1}{\alpha} \\
              1, & x > \frac{1}{\alpha} \end{cases}
       \qquad
       g'(x) = \begin{cases} \alpha - \alpha^2 |x|, & |x| \le \frac{1}{\alpha} \\
               0, & |x| > \frac{1}{\alpha} \end{cases}

    Args:
      x: the input.
      alpha: the height of the triangle and inverse of its half-width (positive).
      origin: return ``g(x)`` instead of the spike (the gradient is the same).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    Note:
      BrainPy 2.3.5 computed the gradient as ``alpha - (alpha * x)**2``, which is not the
      derivative of its ``g``; here it is ``alpha - alpha**2 * |x|``.

    References:
      Esser et al., PNAS 113(41):11441 (2016); Bellec et al., NeurIPS 2018; Neftci, Mostafa
      and Zenke, IEEE Signal Process. Mag. 36(6):51 (2019).

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> [float(jax.grad(bm.surrogate.piecewise_quadratic)(v)) for v in (0., 0.5, 2.)]
      [1.0, 0.5, 0.0]
    """
    who = "piecewise_quadratic"
    alpha = param(who, "alpha", alpha, 1.0, "positive")
    return _pq(as_input(who, x), alpha, origin=check_origin(who, origin))


def _pexp_slope(x: jax.Array, alpha: Any) -> jax.Array:
    return 0.5 * alpha * jnp.exp(-alpha * jnp.abs(x))


def _pexp_smooth(x: jax.Array, alpha: Any) -> jax.Array:
    half = 0.5 * jnp.exp(-alpha * jnp.abs(x))
    return jnp.where(x < 0.0, half, 1.0 - half)


_pexp = make_spike(_pexp_slope, _pexp_smooth)


def piecewise_exp(x: Any, alpha: Any = 1.0, origin: bool = False) -> jax.Array:
    r"""Heaviside spike whose gradient is a Laplace (two-sided exponential) bump.

    BrainPy implementation of ``brainpy.math.surrogate.piecewise_exp`` (2.3.5).

    .. math::

       g(x) = \begin{cases} \frac{1}{2} e^{\alpha x}, & x < 0 \\
              1 - \frac{1}{2} e^{-\alpha x}, & x \ge 0 \end{cases}
       \qquad
       g'(x) = \frac{\alpha}{2} e^{-\alpha |x|}

    Args:
      x: the input.
      alpha: the sharpness (positive).
      origin: return ``g(x)`` instead of the spike (the gradient is the same).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    References:
      Neftci, Mostafa and Zenke, IEEE Signal Process. Mag. 36(6):51 (2019).

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> float(jax.grad(bm.surrogate.piecewise_exp)(0.))
      0.5
    """
    who = "piecewise_exp"
    alpha = param(who, "alpha", alpha, 1.0, "positive")
    return _pexp(as_input(who, x), alpha, origin=check_origin(who, origin))


def _nsl_slope(x: jax.Array, alpha: Any) -> jax.Array:
    return alpha / (1.0 + jnp.abs(alpha * x))


def _nsl_smooth(x: jax.Array, alpha: Any) -> jax.Array:
    return jnp.where(x < 0.0, -1.0, 1.0) * jnp.log1p(jnp.abs(alpha * x))


_nsl = make_spike(_nsl_slope, _nsl_smooth)


def nonzero_sign_log(x: Any, alpha: Any = 1.0, origin: bool = False) -> jax.Array:
    r"""Heaviside spike whose gradient is that of a signed logarithm (cheap, heavy-tailed).

    BrainPy implementation of ``brainpy.math.surrogate.nonzero_sign_log`` (2.3.5).

    .. math::

       g(x) = \operatorname{NonzeroSign}(x) \log(|\alpha x| + 1), \qquad
       g'(x) = \frac{\alpha}{1 + |\alpha x|} = \frac{1}{\frac{1}{\alpha} + |x|}

    where ``NonzeroSign(x)`` is ``1`` for ``x >= 0`` and ``-1`` otherwise.

    Args:
      x: the input.
      alpha: the sharpness (positive).
      origin: return ``g(x)`` instead of the spike (the gradient is the same).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> float(jax.grad(bm.surrogate.nonzero_sign_log)(1.))
      0.5
    """
    who = "nonzero_sign_log"
    alpha = param(who, "alpha", alpha, 1.0, "positive")
    return _nsl(as_input(who, x), alpha, origin=check_origin(who, origin))


def _plr_slope(x: jax.Array, c: Any, w: Any) -> jax.Array:
    return jnp.where(jnp.abs(x) > w, c, 1.0 / w)


def _plr_smooth(x: jax.Array, c: Any, w: Any) -> jax.Array:
    middle = 0.5 * x / w + 0.5
    return jnp.where(x < -w, c * (x + w), jnp.where(x > w, c * (x - w) + 1.0, middle))


_plr = make_spike(_plr_slope, _plr_smooth)


def piecewise_leaky_relu(x: Any, c: Any = 0.01, w: Any = 1.0, origin: bool = False) -> jax.Array:
    r"""Heaviside spike whose gradient is ``1 / w`` within ``|x| <= w`` and ``c`` outside.

    BrainPy implementation of ``brainpy.math.surrogate.piecewise_leaky_relu`` (2.3.5).

    .. math::

       g(x) = \begin{cases} c x + c w, & x < -w \\
              \frac{1}{2w} x + \frac{1}{2}, & -w \le x \le w \\
              c x - c w + 1, & x > w \end{cases}
       \qquad
       g'(x) = \begin{cases} \frac{1}{w}, & |x| \le w \\ c, & |x| > w \end{cases}

    Args:
      x: the input.
      c: the slope outside the window (``>= 0``).
      w: the half-width of the window (positive).
      origin: return ``g(x)`` instead of the spike (the gradient is the same).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    Note:
      As in BrainPy 2.3.5 (and SpikingJelly), the gradient inside the window is ``1 / w``,
      twice the slope ``1 / (2w)`` of ``g`` there: training gives 2.3.5's results, and
      ``g`` stays a continuous step from about 0 to about 1.

    References:
      Yin et al., BioCAS 2017; Wu et al., Front. Neurosci. 12:331 (2018); Huh and Sejnowski,
      NeurIPS 2018; Kaiser, Mostafa and Neftci, Front. Neurosci. 14:424 (2020).

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> [float(jax.grad(lambda v: bm.surrogate.piecewise_leaky_relu(v, 0.1, 2.))(v))
      ...  for v in (0., 3.)]
      [0.5, 0.10000000149011612]
    """
    who = "piecewise_leaky_relu"
    c = param(who, "c", c, 0.01, "nonnegative")
    w = param(who, "w", w, 1.0, "positive")
    return _plr(as_input(who, x), c, w, origin=check_origin(who, origin))


_leaky = make_spike(
    lambda x, alpha, beta: jnp.where(x < 0.0, alpha, beta) * jnp.ones_like(x),
    lambda x, alpha, beta: jnp.where(x < 0.0, alpha * x, beta * x),
)


def leaky_relu(x: Any, alpha: Any = 0.1, beta: Any = 1.0, origin: bool = False) -> jax.Array:
    r"""Heaviside spike whose gradient is that of a leaky ReLU: ``alpha`` left of 0, ``beta`` right.

    BrainPy implementation of ``brainpy.math.surrogate.leaky_relu`` (2.3.5).

    .. math::

       g(x) = \begin{cases} \beta x, & x \ge 0 \\ \alpha x, & x < 0 \end{cases}
       \qquad
       g'(x) = \begin{cases} \beta, & x \ge 0 \\ \alpha, & x < 0 \end{cases}

    Args:
      x: the input.
      alpha: the gradient where ``x < 0`` (a finite real number).
      beta: the gradient where ``x >= 0`` (a finite real number).
      origin: return ``g(x)`` instead of the spike (the gradient is the same).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> [float(jax.grad(bm.surrogate.leaky_relu)(v)) for v in (-1., 1.)]
      [0.10000000149011612, 1.0]
    """
    who = "leaky_relu"
    alpha = param(who, "alpha", alpha, 0.1, "real")
    beta = param(who, "beta", beta, 1.0, "real")
    return _leaky(as_input(who, x), alpha, beta, origin=check_origin(who, origin))


def _ltr_slope(x: jax.Array, alpha: Any) -> jax.Array:
    return jnp.where(x > 1.0, 1.0 / jnp.maximum(x, 1.0), jnp.where(x > 0.0, 1.0, alpha))


def _ltr_smooth(x: jax.Array, alpha: Any) -> jax.Array:
    tail = 1.0 + jnp.log(jnp.maximum(x, 1.0))
    return jnp.where(x > 1.0, tail, jnp.where(x > 0.0, x, alpha * x))


_ltr = make_spike(_ltr_slope, _ltr_smooth)


def log_tailed_relu(x: Any, alpha: Any = 0.0, origin: bool = False) -> jax.Array:
    r"""Heaviside spike whose gradient is that of a log-tailed ReLU.

    BrainPy implementation of ``brainpy.math.surrogate.log_tailed_relu`` (2.3.5).

    .. math::

       g(x) = \begin{cases} \alpha x, & x \le 0 \\ x, & 0 < x \le 1 \\
              1 + \log x, & x > 1 \end{cases}
       \qquad
       g'(x) = \begin{cases} \alpha, & x \le 0 \\ 1, & 0 < x \le 1 \\
               \frac{1}{x}, & x > 1 \end{cases}

    Args:
      x: the input.
      alpha: the gradient where ``x <= 0`` (a finite real number).
      origin: return ``g(x)`` instead of the spike (the gradient is the same).

    Returns:
      The spike ``[x >= 0]`` in the floating dtype of ``x``.

    Note:
      BrainPy 2.3.5's ``origin=True`` gave ``log(x)`` for ``x > 1``, which jumps from 1 to 0 at
      ``x = 1``; here the tail is ``1 + log(x)`` (continuous, as in Cai et al.), with the same
      derivative.

    References:
      Cai et al., "Deep learning with low precision by half-wave Gaussian quantization",
      CVPR 2017.

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> [float(jax.grad(bm.surrogate.log_tailed_relu)(v)) for v in (-1., 0.5, 4.)]
      [0.0, 1.0, 0.25]
    """
    who = "log_tailed_relu"
    alpha = param(who, "alpha", alpha, 0.0, "real")
    return _ltr(as_input(who, x), alpha, origin=check_origin(who, origin))


_PUBLIC = (
    piecewise_quadratic,
    piecewise_exp,
    nonzero_sign_log,
    piecewise_leaky_relu,
    leaky_relu,
    log_tailed_relu,
)
set_module("brainpy_math.surrogate", *_PUBLIC)

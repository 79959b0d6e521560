"""Surrogate-gradient spike functions: a Heaviside step forward, a smooth slope backward.

Spiking neurons emit ``spike = H(V - V_th)``, whose derivative is zero almost everywhere.
Each function here returns that step (``1.`` where ``x >= 0``, else ``0.``, in the floating
dtype of ``x``) while :func:`jax.grad` sees the derivative ``g'(x)`` of a smooth function
``g``, the surrogate. They are :func:`jax.custom_jvp` rules, so they work under ``grad``,
``jvp``, ``vjp``, ``jit``, ``vmap`` and loops, and their shape parameters may be numbers or
arrays (traced ones included). Where BrainPy 2.3.5 had it, ``origin=True`` returns ``g(x)``
itself. ``inv_square_grad2`` and ``relu_grad2`` take two arguments, the value now and the
value one step before, and spike only where it crosses 0 from below.

Examples:
  >>> import jax, jax.numpy as jnp
  >>> import brainpy_math as bm
  >>> x = jnp.array([-1., 0., 1.])
  >>> bm.surrogate.arctan(x)
  Array([0., 1., 1.], dtype=float32)
  >>> jax.vmap(jax.grad(bm.surrogate.arctan))(x)
  Array([0.1442002, 0.5      , 0.1442002], dtype=float32)
"""

from brainpy_math._src.surrogate.piecewise import leaky_relu as leaky_relu
from brainpy_math._src.surrogate.piecewise import log_tailed_relu as log_tailed_relu
from brainpy_math._src.surrogate.piecewise import nonzero_sign_log as nonzero_sign_log
from brainpy_math._src.surrogate.piecewise import piecewise_exp as piecewise_exp
from brainpy_math._src.surrogate.piecewise import piecewise_leaky_relu as piecewise_leaky_relu
from brainpy_math._src.surrogate.piecewise import piecewise_quadratic as piecewise_quadratic
from brainpy_math._src.surrogate.slope_only import gaussian_grad as gaussian_grad
from brainpy_math._src.surrogate.slope_only import inv_square_grad as inv_square_grad
from brainpy_math._src.surrogate.slope_only import multi_gaussian_grad as multi_gaussian_grad
from brainpy_math._src.surrogate.slope_only import relu_grad as relu_grad
from brainpy_math._src.surrogate.slope_only import slayer_grad as slayer_grad
from brainpy_math._src.surrogate.smooth_steps import arctan as arctan
from brainpy_math._src.surrogate.smooth_steps import erf as erf
from brainpy_math._src.surrogate.smooth_steps import q_pseudo_spike as q_pseudo_spike
from brainpy_math._src.surrogate.smooth_steps import s2nn as s2nn
from brainpy_math._src.surrogate.smooth_steps import sigmoid as sigmoid
from brainpy_math._src.surrogate.smooth_steps import soft_sign as soft_sign
from brainpy_math._src.surrogate.smooth_steps import (
    squarewave_fourier_series as squarewave_fourier_series,
)
from brainpy_math._src.surrogate.two_inputs import inv_square_grad2 as inv_square_grad2
from brainpy_math._src.surrogate.two_inputs import relu_grad2 as relu_grad2

__all__ = [
    "arctan",
    "erf",
    "gaussian_grad",
    "inv_square_grad",
    "inv_square_grad2",
    "leaky_relu",
    "log_tailed_relu",
    "multi_gaussian_grad",
    "nonzero_sign_log",
    "piecewise_exp",
    "piecewise_leaky_relu",
    "piecewise_quadratic",
    "q_pseudo_spike",
    "relu_grad",
    "relu_grad2",
    "s2nn",
    "sigmoid",
    "slayer_grad",
    "soft_sign",
    "squarewave_fourier_series",
]

"""Surrogate-gradient spike functions: a Heaviside step forward, a smooth slope backward.

Spiking neurons emit ``spike = H(V - V_th)``, whose derivative is zero almost
everywhere. In :class:`brainpy_math.TrainingMode` the neurons use one of these functions
instead: the forward value is the same step (``1.`` where ``x >= 0``, else ``0.``, as a
float), and :func:`jax.grad` sees the derivative of a smooth function. They are written
with :func:`jax.custom_jvp`, so they work under ``grad``, ``jit``, ``vmap`` and loops.
"""

from __future__ import annotations

import functools
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.array import as_jax
from brainpy_math._src.environment import get_float

__all__ = ["inv_square_grad", "sigmoid"]


def _step(x: jax.Array) -> jax.Array:
    return (x >= 0).astype(get_float())


@functools.partial(jax.custom_jvp, nondiff_argnums=(1,))
def _inv_square(x: jax.Array, alpha: float) -> jax.Array:
    return _step(x)


@_inv_square.defjvp
def _inv_square_jvp(alpha: float, primals: Any, tangents: Any) -> Any:
    (x,), (dx,) = primals, tangents
    return _step(x), dx / (alpha * jnp.abs(x) + 1.0) ** 2


@functools.partial(jax.custom_jvp, nondiff_argnums=(1,))
def _sigmoid(x: jax.Array, alpha: float) -> jax.Array:
    return _step(x)


@_sigmoid.defjvp
def _sigmoid_jvp(alpha: float, primals: Any, tangents: Any) -> Any:
    (x,), (dx,) = primals, tangents
    s = jax.nn.sigmoid(alpha * x)
    return _step(x), dx * alpha * s * (1.0 - s)


def _check_alpha(alpha: Any, who: str) -> float:
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float)) or not alpha > 0:
        raise ValueError(f"{who}: alpha must be a positive number, got alpha={alpha!r}.")
    return float(alpha)


def inv_square_grad(x: Any, alpha: float = 100.0) -> jax.Array:
    r"""Heaviside step with the gradient of an inverse-square surrogate.

    BrainPy implementation of ``brainpy.math.surrogate.inv_square_grad`` (2.3.5).

    .. math::

       \text{forward: } H(x) = [x \ge 0], \qquad
       \text{backward: } \frac{\partial}{\partial x} = \frac{1}{(\alpha |x| + 1)^2}

    Args:
      x: the input (``V - V_th`` for a neuron).
      alpha: the sharpness of the surrogate (a positive number).

    Returns:
      ``1.`` where ``x >= 0`` and ``0.`` elsewhere, in the default float dtype.

    Examples:
      >>> import jax, jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> bm.surrogate.inv_square_grad(jnp.array([-1., 0., 2.]))
      Array([0., 1., 1.], dtype=float32)
      >>> float(jax.grad(lambda x: bm.surrogate.inv_square_grad(x, 1.))(1.))
      0.25
    """
    return _inv_square(jnp.asarray(as_jax(x)), _check_alpha(alpha, "inv_square_grad"))


def sigmoid(x: Any, alpha: float = 4.0) -> jax.Array:
    r"""Heaviside step with the gradient of a logistic sigmoid surrogate.

    BrainPy implementation of ``brainpy.math.surrogate.sigmoid`` (2.3.5).

    .. math::

       \text{forward: } H(x) = [x \ge 0], \qquad
       \text{backward: } \frac{\partial}{\partial x} = \alpha\,\sigma(\alpha x)
       \big(1 - \sigma(\alpha x)\big)

    Args:
      x: the input (``V - V_th`` for a neuron).
      alpha: the sharpness of the sigmoid (a positive number).

    Returns:
      ``1.`` where ``x >= 0`` and ``0.`` elsewhere, in the default float dtype.

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> float(jax.grad(bm.surrogate.sigmoid)(0.))      # alpha / 4 at x = 0
      1.0
    """
    return _sigmoid(jnp.asarray(as_jax(x)), _check_alpha(alpha, "sigmoid"))

r"""Exponential Euler: exact for linear ODEs, first order for the rest.

For each variable ``x`` of ``dx/dt = f(x, ...)`` the right-hand side is linearised
around the current state, ``f(x + h) ≈ f(x) + A h`` with ``A = ∂f/∂x`` taken element
by element (a forward-mode derivative, :func:`jax.jvp`), and the linear ODE is solved
exactly over one step:

.. math::

   x' = x + \frac{e^{A\,dt} - 1}{A}\, f(x)

(``dt·f(x)`` in the limit ``A → 0``). Other variables of a system are held at their
values at the start of the step. For ``dV/dt = (-V + V_rest + R I)/τ`` this is the
exact solution ``V' = V∞ + (V − V∞) e^{−dt/τ}``.

Note:
  BrainPy 2.3.5 finds the linear part symbolically (with SymPy) and so needs source
  code it can parse; here the derivative is taken by JAX, so any JAX-traceable
  function works. ``A`` is the derivative of each element of ``f`` with respect to
  the same element of ``x``: the method assumes the dynamics act element-wise (as
  neuron models do); coupling between elements of one variable is treated
  explicitly, which keeps the method consistent but first order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp

__all__ = ["exp_euler_step", "phi1", "DESCRIPTION"]

DESCRIPTION = (
    "exponential Euler: for each variable x, A = d f_x / d x (element-wise, by jax.jvp),\n"
    "  x_new = x + (exp(A*dt) - 1) / A * f(x, t)   (dt * f(x, t) where A = 0)"
)


def phi1(z: jax.Array) -> jax.Array:
    """``(e^z − 1)/z``, continued by its limit 1 at ``z = 0`` (and safe to differentiate)."""
    small = jnp.abs(z) < 1e-6
    safe = jnp.where(small, jnp.ones_like(z), z)
    return jnp.where(small, 1 + z / 2, jnp.expm1(safe) / safe)


def exp_euler_step(
    deriv: Callable[[Sequence[jax.Array], Any], tuple[jax.Array, ...]],
    xs: tuple[jax.Array, ...],
    t: Any,
    dt: Any,
) -> tuple[jax.Array, ...]:
    """One exponential-Euler step of every variable in ``xs``."""
    new = []
    for i, x in enumerate(xs):

        def fi(xi: jax.Array, i: int = i) -> jax.Array:
            return deriv([*xs[:i], xi, *xs[i + 1 :]], t)[i]

        dx, a = jax.jvp(fi, (x,), (jnp.ones_like(x),))
        new.append(x + dt * phi1(a * dt) * dx)
    return tuple(new)

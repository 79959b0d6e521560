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

# The library's own element-wise kernels are compiled as one XLA computation each. Inside a
# compiled loop ``jax.jit`` is inlined and changes nothing; in a step run op by op
# (``DSRunner(jit=False)``, used for debugging) it replaces a dozen small compilations and
# dispatches per step by one, while the user's derivative still runs eagerly.

DESCRIPTION = (
    "exponential Euler: for each variable x, A = d f_x / d x (element-wise, by jax.jvp),\n"
    "  x_new = x + (exp(A*dt) - 1) / A * f(x, t)   (dt * f(x, t) where A = 0)"
)


@jax.jit
def phi1(z: jax.Array) -> jax.Array:
    """``(e^z − 1)/z``, continued by its limit 1 at ``z = 0`` (and safe to differentiate).

    Near 0 a Taylor polynomial is used, elsewhere ``(exp(z) − 1)/z``: ``expm1`` costs
    several times ``exp`` on XLA's CPU backend and would dominate the step of a neuron
    model. ``exp(z) − 1`` loses about ``ulp(1)/|z|`` to cancellation, so the polynomial
    reaches out to ``|z| < 0.5`` (8 terms in single precision, 17 in double), where both
    sides agree with ``expm1(z)/z`` to one or two ulps.
    """
    z = jnp.asarray(z)
    double = z.dtype == jnp.float64
    bound, terms = (0.5, 17) if double else (0.5, 8)
    small = jnp.abs(z) < bound
    safe = jnp.where(small, jnp.ones_like(z), z)
    series = jnp.ones_like(z)
    for k in range(terms, 0, -1):  # Horner: 1 + z/2! + z^2/3! + ... = sum z^j / (j+1)!
        series = 1 + z * series * (1.0 / (k + 1))
    return jnp.where(small, series, (jnp.exp(safe) - 1) / safe)


def exp_euler_step(
    deriv: Callable[[Sequence[jax.Array], Any], tuple[jax.Array, ...]],
    xs: tuple[jax.Array, ...],
    t: Any,
    dt: Any,
    single: Callable[[int, Sequence[jax.Array], Any], jax.Array] | None = None,
) -> tuple[jax.Array, ...]:
    """One exponential-Euler step of every variable in ``xs``.

    Args:
      deriv: the derivative of the system, ``deriv(xs, t) -> tuple``.
      xs: the variables.
      t: the time.
      dt: the step.
      single: optionally ``single(i, xs, t)``, the derivative of variable ``i`` alone
        (cheaper than ``deriv(xs, t)[i]`` for a joint system of separate equations).
    """
    new = []
    for i, x in enumerate(xs):
        if single is None:

            def fi(xi: jax.Array, i: int = i) -> jax.Array:
                return deriv([*xs[:i], xi, *xs[i + 1 :]], t)[i]

        else:

            def fi(xi: jax.Array, i: int = i) -> jax.Array:
                return jnp.asarray(single(i, [*xs[:i], xi, *xs[i + 1 :]], t))

        dx, a = jax.jvp(fi, (x,), (jnp.ones_like(x),))
        new.append(_advance(x, a, dx, dt))
    return tuple(new)


@jax.jit
def _advance(x: jax.Array, a: jax.Array, dx: jax.Array, dt: Any) -> jax.Array:
    """``x + dt·phi1(a·dt)·dx``: the exact step of the linearised equation."""
    return x + dt * phi1(a * dt) * dx

r"""Explicit Runge–Kutta methods, each defined by its Butcher tableau.

One step of an ``s``-stage method with tableau ``(a, b, c)`` is

.. math::

   k_i = f\Big(x + dt \sum_{j<i} a_{ij} k_j,\; t + c_i\,dt\Big), \qquad
   x' = x + dt \sum_i b_i k_i .

Every variable of a system is advanced with the same stages (the stages see all the
variables at once), so coupled systems are integrated to the method's full order.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import jax

__all__ = [
    "Tableau",
    "TABLEAUS",
    "describe_tableau",
    "rk2_tableau",
    "rk_combine",
    "rk_stages",
    "rk_step",
]

_S5 = math.sqrt(5.0)


class Tableau(NamedTuple):
    """A Butcher tableau: stage weights ``a`` (lower triangle), ``b`` and nodes ``c``."""

    order: int
    a: tuple[tuple[float, ...], ...]
    b: tuple[float, ...]
    c: tuple[float, ...]


def rk2_tableau(beta: float = 2 / 3) -> Tableau:
    """The generic second-order method with its second stage at ``beta * dt``.

    ``beta=1/2`` is the midpoint method, ``beta=1`` Heun's and ``beta=2/3`` Ralston's.
    """
    if not 0 < beta <= 1:
        raise ValueError(f"odeint(method='rk2'): beta must lie in (0, 1], got beta={beta!r}.")
    return Tableau(2, ((), (beta,)), (1 - 1 / (2 * beta), 1 / (2 * beta)), (0.0, beta))


TABLEAUS: dict[str, Tableau] = {
    "euler": Tableau(1, ((),), (1.0,), (0.0,)),
    "midpoint": Tableau(2, ((), (0.5,)), (0.0, 1.0), (0.0, 0.5)),
    "heun2": Tableau(2, ((), (1.0,)), (0.5, 0.5), (0.0, 1.0)),
    "ralston2": Tableau(2, ((), (2 / 3,)), (0.25, 0.75), (0.0, 2 / 3)),
    "rk3": Tableau(3, ((), (0.5,), (-1.0, 2.0)), (1 / 6, 2 / 3, 1 / 6), (0.0, 0.5, 1.0)),
    "heun3": Tableau(3, ((), (1 / 3,), (0.0, 2 / 3)), (0.25, 0.0, 0.75), (0.0, 1 / 3, 2 / 3)),
    "ralston3": Tableau(3, ((), (0.5,), (0.0, 0.75)), (2 / 9, 1 / 3, 4 / 9), (0.0, 0.5, 0.75)),
    "ssprk3": Tableau(3, ((), (1.0,), (0.25, 0.25)), (1 / 6, 1 / 6, 2 / 3), (0.0, 1.0, 0.5)),
    "rk4": Tableau(
        4,
        ((), (0.5,), (0.0, 0.5), (0.0, 0.0, 1.0)),
        (1 / 6, 1 / 3, 1 / 3, 1 / 6),
        (0.0, 0.5, 0.5, 1.0),
    ),
    "rk4_38rule": Tableau(
        4,
        ((), (1 / 3,), (-1 / 3, 1.0), (1.0, -1.0, 1.0)),
        (1 / 8, 3 / 8, 3 / 8, 1 / 8),
        (0.0, 1 / 3, 2 / 3, 1.0),
    ),
    # Ralston (1962), minimum truncation-error fourth-order method (exact coefficients).
    "ralston4": Tableau(
        4,
        (
            (),
            (0.4,),
            ((-2889 + 1428 * _S5) / 1024, (3785 - 1620 * _S5) / 1024),
            (
                (-3365 + 2094 * _S5) / 6040,
                (-975 - 3046 * _S5) / 2552,
                (467040 + 203968 * _S5) / 240845,
            ),
        ),
        (
            (263 + 24 * _S5) / 1812,
            (125 - 1000 * _S5) / 3828,
            1024 * (3346 + 1623 * _S5) / 5924787,
            (30 - 4 * _S5) / 123,
        ),
        (0.0, 0.4, 7 / 8 - 3 * _S5 / 16, 1.0),
    ),
}


def describe_tableau(name: str, tab: Tableau) -> str:
    """A readable description of a tableau (what ``odeint(show_code=True)`` prints)."""
    lines = [f"{name}: explicit Runge-Kutta, {len(tab.b)} stage(s), order {tab.order}"]
    for i, (row, ci) in enumerate(zip(tab.a, tab.c)):
        terms = " + ".join(f"{w:g}*k{j + 1}" for j, w in enumerate(row) if w != 0)
        xs = f"x + dt*({terms})" if terms else "x"
        lines.append(f"  k{i + 1} = f({xs}, t + {ci:g}*dt)")
    lines.append(
        "  x_new = x + dt*(" + " + ".join(f"{w:g}*k{j + 1}" for j, w in enumerate(tab.b) if w) + ")"
    )
    return "\n".join(lines)


Deriv = Callable[[Sequence[jax.Array], Any], tuple[jax.Array, ...]]


def rk_stages(
    deriv: Deriv,
    xs: tuple[jax.Array, ...],
    t: Any,
    dt: Any,
    a: Sequence[Sequence[float]],
    c: Sequence[float],
) -> list[tuple[jax.Array, ...]]:
    """The stage derivatives ``k_i`` of one explicit Runge–Kutta step (zero weights skipped)."""
    ks: list[tuple[jax.Array, ...]] = []
    for row, ci in zip(a, c):
        stage_x = [
            x + dt * sum(w * k[v] for w, k in zip(row, ks) if w != 0)
            if any(w != 0 for w in row)
            else x
            for v, x in enumerate(xs)
        ]
        ks.append(deriv(stage_x, t + ci * dt if ci else t))
    return ks


def rk_combine(
    xs: tuple[jax.Array, ...], ks: Sequence[tuple[jax.Array, ...]], b: Sequence[float], dt: Any
) -> tuple[jax.Array, ...]:
    """``x + dt * sum_i b_i k_i`` for every variable."""
    return tuple(x + dt * sum(w * k[v] for w, k in zip(b, ks) if w != 0) for v, x in enumerate(xs))


def rk_step(tab: Tableau) -> Callable[..., Any]:
    """The step function ``step(deriv, xs, t, dt) -> new xs`` of tableau ``tab``."""

    def step(deriv: Deriv, xs: tuple[jax.Array, ...], t: Any, dt: Any) -> tuple[jax.Array, ...]:
        return rk_combine(xs, rk_stages(deriv, xs, t, dt, tab.a, tab.c), tab.b, dt)

    return step

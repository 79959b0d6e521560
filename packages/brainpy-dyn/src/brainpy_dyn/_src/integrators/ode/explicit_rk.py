r"""Explicit Runge–Kutta integrators, one class per Butcher tableau.

One step of an ``s``-stage method with tableau ``(A, B, C)`` is

.. math::

   k_i = f\Big(x + dt \sum_{j<i} A_{ij} k_j,\; t + C_i\,dt\Big), \qquad
   x' = x + dt \sum_i B_i k_i .

All the variables of a system advance through the same stages, so coupled systems keep
the method's full order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jax

from brainpy_dyn._src.integrators.base import check_kws
from brainpy_dyn._src.integrators.ode.base import ODEIntegrator
from brainpy_dyn._src.integrators.runge_kutta import (
    TABLEAUS,
    Tableau,
    describe_tableau,
    rk2_tableau,
    rk_combine,
    rk_stages,
)

__all__ = [
    "ExplicitRKIntegrator",
    "Euler",
    "MidPoint",
    "Heun2",
    "Ralston2",
    "RK2",
    "RK3",
    "Heun3",
    "Ralston3",
    "SSPRK3",
    "RK4",
    "Ralston4",
    "RK4Rule38",
    "rk_keywords",
]


def rk_keywords(variables: Sequence[str], n_stages: int) -> dict[str, str]:
    """The names a Runge–Kutta scheme of ``n_stages`` stages reserves (BrainPy 2.3.5's)."""
    keywords = {"f": "the derivative function"}
    for v in variables:
        keywords[f"{v}_new"] = "the new value of a variable"
        for i in range(1, n_stages + 1):
            keywords[f"d{v}_k{i}"] = "an intermediate stage derivative"
        for i in range(2, n_stages + 1):
            keywords[f"k{i}_{v}_arg"] = "an intermediate stage value"
            keywords[f"k{i}_t_arg"] = "an intermediate stage time"
    return keywords


class ExplicitRKIntegrator(ODEIntegrator):
    """An explicit Runge–Kutta integrator given by its Butcher tableau.

    BrainPy implementation of ``brainpy.ode.ExplicitRKIntegrator`` (2.3.5). A subclass
    sets the class attributes ``A`` (the lower triangle, one tuple per stage), ``B``
    (the weights), ``C`` (the nodes) and ``order``.

    Args:
      f: the derivative function (see :class:`ODEIntegrator`).
      var_type: the variable type (``'scalar'``, ``'population'``, ``'system'``).
      dt: the default step.
      name: the integrator's name.
      show_code: print the scheme.
      state_delays: variable name -> delay variable updated with the new state.
      neutral_delays: variable name -> neutral delay variable.

    Raises:
      CodeError: an argument of ``f`` is a name the scheme reserves (``f``, ``dt``,
        ``<v>_new``, ``d<v>_k<i>``, ``k<i>_<v>_arg``, ``k<i>_t_arg``).

    Examples:
      >>> import brainpy_dyn as bd
      >>> class Trapezoid(bd.integrators.ode.ExplicitRKIntegrator):
      ...     A = [(), (1.0,)]
      ...     B = [0.5, 0.5]
      ...     C = [0.0, 1.0]
      ...     order = 2
      >>> itg = Trapezoid(lambda x, t: -x, dt=0.1)
      >>> round(float(itg(1.0, 0.0)), 6)
      0.905
    """

    A: Sequence[Sequence[float]] = ()
    B: Sequence[float] = ()
    C: Sequence[float] = ()
    order: int = 0

    def __init__(
        self,
        f: Callable[..., Any],
        var_type: str | None = None,
        dt: float | None = None,
        name: str | None = None,
        show_code: bool = False,
        state_delays: dict[str, Any] | None = None,
        neutral_delays: dict[str, Any] | None = None,
    ):
        super().__init__(
            f,
            var_type=var_type,
            dt=dt,
            name=name,
            show_code=show_code,
            state_delays=state_delays,
            neutral_delays=neutral_delays,
        )
        check_kws(self.arg_names, rk_keywords(self._variables, len(self.A)))
        self._tableau = Tableau(
            self.order,
            tuple(tuple(float(w) for w in row) for row in self.A),
            tuple(float(w) for w in self.B),
            tuple(float(c) for c in self.C),
        )
        self.build()

    def step(self, rhs: Any, xs: tuple[jax.Array, ...], t: Any, dt: Any) -> tuple[jax.Array, ...]:
        """One explicit Runge–Kutta step of the tableau."""
        tab = self._tableau
        return rk_combine(xs, rk_stages(rhs, xs, t, dt, tab.a, tab.c), tab.b, dt)

    def describe(self) -> str:
        """The tableau's stages and update, as text."""
        return describe_tableau(type(self).__name__, self._tableau)


def _tableau_class(name: str, key: str, doc: str) -> type[ExplicitRKIntegrator]:
    tab = TABLEAUS[key]
    cls = type(
        name,
        (ExplicitRKIntegrator,),
        {"A": tab.a, "B": tab.b, "C": tab.c, "order": tab.order, "__doc__": doc},
    )
    cls.__module__ = __name__
    cls.__qualname__ = name
    return cls


_DOC = """{summary}

    BrainPy implementation of ``brainpy.ode.{name}`` (2.3.5): {stages} stage(s), order
    {order}. Arguments as :class:`ExplicitRKIntegrator`.

    Examples:
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.ode.{name}(lambda x, t: -x, dt=0.01)
      >>> abs(float(itg(1.0, 0.0)) - 0.99004983) < 1e-4
      True
    """


def _make(name: str, key: str, summary: str) -> type[ExplicitRKIntegrator]:
    tab = TABLEAUS[key]
    doc = _DOC.format(summary=summary, name=name, stages=len(tab.b), order=tab.order)
    return _tableau_class(name, key, doc)


Euler = _make("Euler", "euler", "The forward Euler method.")
MidPoint = _make("MidPoint", "midpoint", "The explicit midpoint method.")
Heun2 = _make("Heun2", "heun2", "Heun's second-order method (the explicit trapezoid rule).")
Ralston2 = _make("Ralston2", "ralston2", "Ralston's second-order method (minimum error bound).")
RK3 = _make("RK3", "rk3", "Kutta's classical third-order method.")
Heun3 = _make("Heun3", "heun3", "Heun's third-order method.")
Ralston3 = _make("Ralston3", "ralston3", "Ralston's third-order method.")
SSPRK3 = _make("SSPRK3", "ssprk3", "The third-order strong-stability-preserving method.")
RK4 = _make("RK4", "rk4", "The classical fourth-order Runge–Kutta method.")
Ralston4 = _make(
    "Ralston4", "ralston4", "Ralston's fourth-order method (minimum truncation error)."
)
RK4Rule38 = _make("RK4Rule38", "rk4_38rule", "Kutta's fourth-order 3/8-rule method.")


class RK2(ExplicitRKIntegrator):
    """The generic second-order Runge–Kutta method with its second stage at ``beta * dt``.

    BrainPy implementation of ``brainpy.ode.RK2`` (2.3.5). ``beta=1/2`` is the midpoint
    method, ``beta=1`` Heun's and ``beta=2/3`` (the default) Ralston's.

    Args:
      f: the derivative function.
      beta: the node of the second stage, in ``(0, 1]``.
      var_type: the variable type.
      dt: the default step.
      name: the integrator's name.
      show_code: print the scheme.
      state_delays: variable name -> delay variable updated with the new state.
      neutral_delays: variable name -> neutral delay variable.

    Raises:
      ValueError: ``beta`` outside ``(0, 1]``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.ode.RK2(lambda x, t: -x, beta=0.5, dt=0.1)
      >>> round(float(itg(1.0, 0.0)), 6)
      0.905
    """

    order = 2

    def __init__(
        self,
        f: Callable[..., Any],
        beta: float = 2 / 3,
        var_type: str | None = None,
        dt: float | None = None,
        name: str | None = None,
        show_code: bool = False,
        state_delays: dict[str, Any] | None = None,
        neutral_delays: dict[str, Any] | None = None,
    ):
        tab = rk2_tableau(beta)
        self.beta = beta
        self.A, self.B, self.C = tab.a, tab.b, tab.c
        super().__init__(
            f,
            var_type=var_type,
            dt=dt,
            name=name,
            show_code=show_code,
            state_delays=state_delays,
            neutral_delays=neutral_delays,
        )

"""``odeint``: build a one-step integrator from a derivative function."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from brainpy_dyn._src.integrators.base import ODEIntegrator
from brainpy_dyn._src.integrators.exponential import DESCRIPTION as EXP_DESCRIPTION
from brainpy_dyn._src.integrators.exponential import exp_euler_step
from brainpy_dyn._src.integrators.runge_kutta import (
    TABLEAUS,
    describe_tableau,
    rk2_tableau,
    rk_step,
)

__all__ = ["odeint", "get_supported_methods"]

_EXPONENTIAL = ("exp_euler", "exp_auto", "exponential_euler")
_ALIASES = {"rk1": "euler", "heun": "heun2", "ralston": "ralston2", "rk38": "rk4_38rule"}
_VAR_TYPES = (None, "scalar", "population", "system")


def get_supported_methods() -> list[str]:
    """The names accepted by ``odeint(method=...)``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> 'rk4' in bd.integrators.get_supported_methods()
      True
    """
    return sorted({*TABLEAUS, "rk2", *_EXPONENTIAL, *_ALIASES})


def odeint(
    f: Callable[..., Any] | None = None,
    method: str = "exp_auto",
    var_type: str | None = None,
    dt: float | None = None,
    name: str | None = None,
    show_code: bool = False,
    state_delays: Any = None,
    neutral_delays: Any = None,
    **kwargs: Any,
) -> Any:
    """Build a numerical integrator of an ordinary differential equation.

    BrainPy implementation of ``brainpy.odeint`` (2.3.5). ``f`` is the derivative,
    written with its variables first, then the time ``t``, then its parameters:
    ``f(x, t, *args)`` returns ``dx/dt``; ``f(V, w, t, I)`` returns ``(dV/dt, dw/dt)``.
    The integrator is called the same way with an optional step:
    ``integral(V, w, t, I, dt=None)`` returns the variables at ``t + dt``. Without a
    ``dt`` at the call, the ``dt`` given here is used, else ``share.load('dt')`` (the
    runner's step inside a run, the global :func:`brainpy_math.get_dt` outside).

    Methods:
      - ``'exp_auto'``, ``'exp_euler'`` (default): exponential Euler with the linear
        part found by automatic differentiation; exact for linear ODEs.
      - ``'euler'``; ``'midpoint'``, ``'heun2'``, ``'ralston2'``, ``'rk2'`` (generic
        second order, keyword ``beta=2/3``); ``'rk3'``, ``'heun3'``, ``'ralston3'``,
        ``'ssprk3'``; ``'rk4'`` (classical), ``'rk4_38rule'``, ``'ralston4'``.

    Args:
      f: the derivative function, or a :class:`JointEq`. Without it, ``odeint``
        returns a decorator (``@odeint(method='rk4')``).
      method: the numerical method (see above).
      var_type: accepted for 2.3.5 compatibility (``'scalar'``, ``'population'``,
        ``'system'``); the methods here work on arrays of any shape.
      dt: the default step of the integrator.
      name: the integrator's name.
      show_code: print a description of the update scheme.
      state_delays: not supported (delay differential equations); must be ``None``.
      neutral_delays: not supported; must be ``None``.
      **kwargs: method options (``beta`` for ``'rk2'``).

    Returns:
      An ``ODEIntegrator`` (or a decorator that makes one).

    Raises:
      ValueError: unknown ``method`` or ``var_type``, a non-positive ``dt``.
      TypeError: ``f`` is not callable, or an option the method does not take.
      NotImplementedError: ``state_delays`` or ``neutral_delays`` given.

    Examples:
      >>> import brainpy_dyn as bd
      >>> @bd.odeint(method='exp_auto')
      ... def dV(V, t, I, tau=10.):
      ...     return (-V + I) / tau
      >>> V = dV(0., 0., 20., dt=10.)          # exact: 20 * (1 - e^-1)
      >>> round(float(V), 4)
      12.6424
      >>> dV.variables, dV.arguments
      (['V'], ['I', 'tau'])
    """
    if f is None:
        return functools.partial(
            odeint,
            method=method,
            var_type=var_type,
            dt=dt,
            name=name,
            show_code=show_code,
            state_delays=state_delays,
            neutral_delays=neutral_delays,
            **kwargs,
        )
    if not callable(f):
        raise TypeError(f"odeint: f must be a callable derivative function, got {f!r}.")
    if state_delays or neutral_delays:
        which = "state_delays" if state_delays else "neutral_delays"
        raise NotImplementedError(
            f"odeint: {which} (delay differential equations) are not supported; "
            "pass a delayed value as an ordinary argument of the derivative instead."
        )
    if var_type not in _VAR_TYPES:
        raise ValueError(
            f"odeint: var_type must be one of {_VAR_TYPES}, got var_type={var_type!r}."
        )
    if dt is not None and not (isinstance(dt, (int, float)) and dt > 0):
        raise ValueError(f"odeint: dt must be a positive number, got dt={dt!r}.")
    if not isinstance(method, str):
        raise ValueError(f"odeint: method must be a string, got method={method!r}.")
    key = _ALIASES.get(method, method)
    if key == "rk2":
        beta = kwargs.pop("beta", 2 / 3)
        tab = rk2_tableau(beta)
        step, description = rk_step(tab), describe_tableau(f"rk2(beta={beta:g})", tab)
    elif key in TABLEAUS:
        step, description = rk_step(TABLEAUS[key]), describe_tableau(key, TABLEAUS[key])
    elif key in _EXPONENTIAL:
        step, description = exp_euler_step, EXP_DESCRIPTION
    else:
        raise ValueError(
            f"odeint: unknown method={method!r}; expected one of {get_supported_methods()}."
        )
    if kwargs:
        raise TypeError(f"odeint: method {method!r} takes no option(s) {sorted(kwargs)}.")
    integral = ODEIntegrator(f, method, step, dt=dt, name=name, var_type=var_type)
    if show_code:
        print(f"{integral.name} = {integral.__signature__}\n{description}")
    return integral

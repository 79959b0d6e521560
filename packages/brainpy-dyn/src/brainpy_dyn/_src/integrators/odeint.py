"""``odeint``: build an ODE integrator by method name; the registry of method names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from brainpy_dyn._src.integrators.ode.adaptive_rk import (
    RKF12,
    RKF45,
    BogackiShampine,
    CashKarp,
    DormandPrince,
    HeunEuler,
)
from brainpy_dyn._src.integrators.ode.base import ODEIntegrator
from brainpy_dyn._src.integrators.ode.explicit_rk import (
    RK2,
    RK3,
    RK4,
    SSPRK3,
    Euler,
    Heun2,
    Heun3,
    MidPoint,
    Ralston2,
    Ralston3,
    Ralston4,
    RK4Rule38,
)
from brainpy_dyn._src.integrators.ode.exponential import ExponentialEuler

__all__ = [
    "odeint",
    "get_supported_methods",
    "set_default_odeint",
    "get_default_odeint",
    "register_ode_integrator",
]

# BrainPy 2.3.5's method names, in its order.
name2method: dict[str, type[ODEIntegrator]] = {
    "euler": Euler,
    "midpoint": MidPoint,
    "heun2": Heun2,
    "ralston2": Ralston2,
    "rk2": RK2,
    "rk3": RK3,
    "heun3": Heun3,
    "ralston3": Ralston3,
    "ssprk3": SSPRK3,
    "rk4": RK4,
    "ralston4": Ralston4,
    "rk4_38rule": RK4Rule38,
    "rkf12": RKF12,
    "rkf45": RKF45,
    "rkdp": DormandPrince,
    "ck": CashKarp,
    "bs": BogackiShampine,
    "BoSh3": BogackiShampine,
    "heun_euler": HeunEuler,
    "exponential_euler": ExponentialEuler,
    "exp_euler": ExponentialEuler,
    "exp_euler_auto": ExponentialEuler,
    "exp_auto": ExponentialEuler,
}

_DEFAULT = ["euler"]


def get_supported_methods() -> list[str]:
    """The names accepted by ``odeint(method=...)``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.integrators.ode.get_supported_methods()[:4]
      ['euler', 'midpoint', 'heun2', 'ralston2']
    """
    return list(name2method)


def set_default_odeint(method: str) -> None:
    """Set the method ``odeint`` uses when none is given (BrainPy's default: ``'euler'``).

    Args:
      method: a name from :func:`~brainpy_dyn.integrators.ode.get_supported_methods`.

    Raises:
      ValueError: ``method`` is not a string or not a known method.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.integrators.ode.set_default_odeint('rk4')
      >>> bd.integrators.ode.get_default_odeint()
      'rk4'
      >>> bd.integrators.ode.set_default_odeint('euler')
    """
    if not isinstance(method, str):
        raise ValueError(
            f"set_default_odeint: method must be a string, got {type(method).__name__}."
        )
    if method not in name2method:
        raise ValueError(
            f"set_default_odeint: unknown method={method!r}; expected one of "
            f"{get_supported_methods()}."
        )
    _DEFAULT[0] = method


def get_default_odeint() -> str:
    """The method ``odeint`` uses when none is given.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.integrators.ode.get_default_odeint()
      'euler'
    """
    return _DEFAULT[0]


def register_ode_integrator(name: str, integrator: type[ODEIntegrator]) -> None:
    """Make an :class:`ODEIntegrator` subclass available as ``odeint(method=name)``.

    Args:
      name: the new method name.
      integrator: the class; ``odeint`` builds it as
        ``integrator(f, var_type=..., dt=..., name=..., show_code=..., state_delays=...,
        neutral_delays=..., **kwargs)``.

    Raises:
      ValueError: ``name`` is taken, or ``integrator`` is not an ``ODEIntegrator``
        subclass.

    Examples:
      >>> import brainpy_dyn as bd
      >>> class Trapezoid(bd.integrators.ode.ExplicitRKIntegrator):
      ...     A, B, C, order = [(), (1.0,)], [0.5, 0.5], [0.0, 1.0], 2
      >>> bd.integrators.ode.register_ode_integrator('trapezoid_demo', Trapezoid)
      >>> itg = bd.odeint(lambda x, t: -x, method='trapezoid_demo', dt=0.1)
      >>> round(float(itg(1.0, 0.0)), 6)
      0.905
    """
    if not isinstance(name, str) or not name:
        raise ValueError(f"register_ode_integrator: name must be a non-empty string, got {name!r}.")
    if name in name2method:
        raise ValueError(f"register_ode_integrator: {name!r} is already a registered ODE method.")
    if not (isinstance(integrator, type) and issubclass(integrator, ODEIntegrator)):
        raise ValueError(
            "register_ode_integrator: integrator must be a subclass of ODEIntegrator, "
            f"got {integrator!r}."
        )
    name2method[name] = integrator


def odeint(
    f: Callable[..., Any] | None = None,
    method: str | None = None,
    var_type: str | None = None,
    dt: float | None = None,
    name: str | None = None,
    show_code: bool = False,
    state_delays: dict[str, Any] | None = None,
    neutral_delays: dict[str, Any] | None = None,
    **kwargs: Any,
) -> Any:
    """Build a numerical integrator of an ordinary (or delay) differential equation.

    BrainPy implementation of ``brainpy.odeint`` (2.3.5). ``f`` is the derivative,
    written with its variables first, then the time ``t``, then its parameters:
    ``f(x, t, *args)`` returns ``dx/dt``; ``f(V, w, t, I)`` returns ``(dV/dt, dw/dt)``.
    The integrator is called the same way with an optional step,
    ``integral(V, w, t, I, dt=None)``, and returns the variables at ``t + dt``.
    Without a ``dt`` at the call, the ``dt`` given here is used, else
    ``share.load('dt')`` (the runner's step inside a run, the global
    :func:`brainpy_math.get_dt` outside).

    Methods (:func:`~brainpy_dyn.integrators.ode.get_supported_methods`):
      - explicit Runge–Kutta: ``'euler'`` (the default, see
        :func:`~brainpy_dyn.integrators.ode.set_default_odeint`), ``'midpoint'``, ``'heun2'``, ``'ralston2'``,
        ``'rk2'`` (option ``beta=2/3``), ``'rk3'``, ``'heun3'``, ``'ralston3'``,
        ``'ssprk3'``, ``'rk4'``, ``'ralston4'``, ``'rk4_38rule'``;
      - adaptive (options ``adaptive=False``, ``tol=0.1``): ``'rkf12'``, ``'rkf45'``,
        ``'rkdp'``, ``'ck'``, ``'bs'``/``'BoSh3'``, ``'heun_euler'``;
      - exponential Euler, exact for linear equations: ``'exp_auto'``, ``'exp_euler'``,
        ``'exp_euler_auto'``, ``'exponential_euler'``.

    Args:
      f: the derivative function, or a :class:`JointEq`. Without it, ``odeint`` returns a
        decorator (``@odeint(method='rk4')``).
      method: the numerical method (default :func:`~brainpy_dyn.integrators.ode.get_default_odeint`).
      var_type: ``'scalar'``, ``'population'`` or ``'system'``.
      dt: the default step of the integrator.
      name: the integrator's name.
      show_code: print the update scheme.
      state_delays: variable name -> ``brainpy_math.TimeDelay``/``LengthDelay``: the
        integrator writes the variable's new value into it after every step (delay
        differential equations, the delay also passed to ``f`` as a parameter).
      neutral_delays: variable name -> ``brainpy_math.NeuTimeDelay``: the derivative at
        the new state is written into it after every step (neutral equations).
      **kwargs: method options (``beta`` for ``'rk2'``; ``adaptive``, ``tol`` for the
        adaptive methods).

    Returns:
      An :class:`~brainpy_dyn.integrators.ode.ODEIntegrator` (or a decorator that makes
      one).

    Raises:
      ValueError: an unknown ``method``.
      TypeError: ``f`` is not callable, or an option the method does not take.

    Examples:
      >>> import brainpy_dyn as bd
      >>> @bd.odeint(method='exp_auto')
      ... def dV(V, t, I, tau=10.):
      ...     return (-V + I) / tau
      >>> V = dV(0., 0., 20., dt=10.)          # exact: 20 * (1 - e^-1)
      >>> round(float(V), 4)
      12.6424
      >>> dV.variables, dV.parameters
      (['V'], ['t', 'I', 'tau'])
    """
    method = _DEFAULT[0] if method is None else method
    if not isinstance(method, str) or method not in name2method:
        raise ValueError(
            f"odeint: unknown method={method!r}; expected one of {get_supported_methods()}."
        )
    cls = name2method[method]
    options = dict(
        var_type=var_type,
        dt=dt,
        name=name,
        show_code=show_code,
        state_delays=state_delays,
        neutral_delays=neutral_delays,
        **kwargs,
    )

    def build(fun: Callable[..., Any]) -> ODEIntegrator:
        if not callable(fun):
            raise TypeError(f"odeint: f must be a callable derivative function, got {fun!r}.")
        try:
            return cls(fun, **options)
        except TypeError as e:
            if "unexpected keyword argument" in str(e):
                raise TypeError(
                    f"odeint: method {method!r} takes no option(s) {sorted(kwargs)}."
                ) from None
            raise

    return build if f is None else build(f)

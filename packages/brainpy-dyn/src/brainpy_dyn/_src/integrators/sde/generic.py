"""``sdeint`` and the registry of SDE methods (``brainpy_dyn.integrators.sde``)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from brainpy_dyn._src.integrators.sde.base import SDEIntegrator
from brainpy_dyn._src.integrators.sde.normal import (
    Euler,
    ExponentialEuler,
    Heun,
    Milstein,
    MilsteinGradFree,
)
from brainpy_dyn._src.integrators.sde.srk_scalar import SRK1W1, SRK2W1, KlPl

__all__ = [
    "sdeint",
    "get_supported_methods",
    "register_sde_integrator",
    "set_default_sdeint",
    "get_default_sdeint",
]

_REGISTRY: dict[str, type[SDEIntegrator]] = {
    "euler": Euler,
    "heun": Heun,
    "milstein": Milstein,
    "milstein2": MilsteinGradFree,
    "milstein_grad_free": MilsteinGradFree,
    "exponential_euler": ExponentialEuler,
    "exp_euler": ExponentialEuler,
    "exp_euler_auto": ExponentialEuler,
    "exp_auto": ExponentialEuler,
    "srk1w1_scalar": SRK1W1,
    "srk1w1": SRK1W1,
    "srk2w1_scalar": SRK2W1,
    "srk2w1": SRK2W1,
    "klpl_scalar": KlPl,
    "klpl": KlPl,
}
_DEFAULT = ["euler"]


def get_supported_methods() -> list[str]:
    """The method names accepted by :func:`sdeint` (built-in and registered ones).

    Examples:
      >>> import brainpy_dyn as bd
      >>> 'milstein' in bd.integrators.sde.get_supported_methods()
      True
    """
    return list(_REGISTRY)


def register_sde_integrator(name: str, integrator: type[SDEIntegrator]) -> None:
    """Make an :class:`~brainpy_dyn.integrators.sde.SDEIntegrator` subclass available as ``sdeint(method=name)``.

    Args:
      name: the new method name.
      integrator: the class, called with ``sdeint``'s keyword arguments.

    Raises:
      ValueError: ``name`` is taken or not a string, or ``integrator`` is not an
        :class:`~brainpy_dyn.integrators.sde.SDEIntegrator` subclass.

    Examples:
      >>> import brainpy_dyn as bd
      >>> class Drift(bd.integrators.sde.Euler):
      ...     pass
      >>> bd.integrators.sde.register_sde_integrator('drift_only_euler', Drift)
      >>> 'drift_only_euler' in bd.integrators.sde.get_supported_methods()
      True
    """
    if not isinstance(name, str) or not name:
        raise ValueError(f"register_sde_integrator: name must be a non-empty str, got {name!r}.")
    if name in _REGISTRY:
        raise ValueError(
            f"register_sde_integrator: the method name {name!r} is taken (by "
            f"{_REGISTRY[name].__name__}); choose another name."
        )
    if not (isinstance(integrator, type) and issubclass(integrator, SDEIntegrator)):
        raise ValueError(
            "register_sde_integrator: integrator must be a subclass of SDEIntegrator, "
            f"got {integrator!r}."
        )
    _REGISTRY[name] = integrator


def set_default_sdeint(method: str) -> None:
    """Set the method :func:`sdeint` uses when ``method`` is not given (``'euler'`` at first).

    Raises:
      ValueError: an unknown method.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.integrators.sde.set_default_sdeint('milstein')
      >>> bd.integrators.sde.get_default_sdeint()
      'milstein'
      >>> bd.integrators.sde.set_default_sdeint('euler')
    """
    if not isinstance(method, str) or method not in _REGISTRY:
        raise ValueError(
            f"set_default_sdeint: unknown method={method!r}; expected one of "
            f"{get_supported_methods()}."
        )
    _DEFAULT[0] = method


def get_default_sdeint() -> str:
    """The method :func:`sdeint` uses when ``method`` is not given.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.integrators.sde.get_default_sdeint()
      'euler'
    """
    return _DEFAULT[0]


def sdeint(
    f: Callable[..., Any] | None = None,
    g: Callable[..., Any] | None = None,
    method: str | None = None,
    dt: float | None = None,
    name: str | None = None,
    show_code: bool = False,
    var_type: str | None = None,
    intg_type: str | None = None,
    wiener_type: str | None = None,
    state_delays: dict[str, Any] | None = None,
) -> Any:
    """Build a numerical integrator of a stochastic differential equation ``dx = f dt + g dW``.

    BrainPy implementation of ``brainpy.sdeint`` (2.3.5). The drift ``f(x, t, *args)`` and
    the diffusion ``g(x, t, *args)`` are written like ``odeint`` derivatives (several
    variables: ``f(V, w, t, I)`` returns two drifts and ``g`` two diffusions, ``None`` for a
    variable without noise; ``g`` is called by name). The integrator is called like an ODE
    integrator, ``integral(V, w, t, I, dt=None)``, and draws its Wiener increments from
    ``brainpy_math.random.DEFAULT``.

    Methods (:func:`~brainpy_dyn.integrators.sde.get_supported_methods`): ``'euler'`` (default, Itô or Stratonovich),
    ``'heun'`` (Stratonovich), ``'milstein'``, ``'milstein2'``/``'milstein_grad_free'``,
    ``'exp_euler'`` (``'exponential_euler'``, ``'exp_euler_auto'``, ``'exp_auto'``; Itô),
    ``'srk1w1_scalar'``, ``'srk2w1_scalar'``, ``'klpl_scalar'`` (Itô, scalar noise), and
    those added by :func:`~brainpy_dyn.integrators.sde.register_sde_integrator`.

    Args:
      f: the drift. Without it, ``sdeint`` returns a decorator of the drift
        (``@sdeint(g=g)``).
      g: the diffusion. Without it (and with ``f``), a decorator of the diffusion.
      method: the method name; ``None``: :func:`~brainpy_dyn.integrators.sde.get_default_sdeint`.
      dt: the default step.
      name: the integrator's name.
      show_code: print the update scheme.
      var_type: accepted for 2.3.5 compatibility.
      intg_type: ``'Ito'`` (default) or ``'Stratonovich'``.
      wiener_type: ``'scalar'`` (default) or ``'vector'``.
      state_delays: variable name -> delay variable updated with each new state.

    Returns:
      An :class:`~brainpy_dyn.integrators.sde.SDEIntegrator` (or a decorator that makes one).

    Raises:
      ValueError: an unknown method; the method's own errors (see :class:`~brainpy_dyn.integrators.sde.SDEIntegrator`).

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> ou = bd.sdeint(lambda x, t, tau: -x / tau, lambda x, t, tau: 0.5, method='euler')
      >>> bm.random.seed(0)
      >>> x = bm.zeros(3)
      >>> for i in range(10):
      ...     x = ou(x, i * 0.1, 10., dt=0.1)
      >>> x.shape
      (3,)
    """
    method = get_default_sdeint() if method is None else method
    if not isinstance(method, str) or method not in _REGISTRY:
        raise ValueError(
            f"sdeint: unknown method={method!r}; expected one of {get_supported_methods()}."
        )
    options = dict(
        dt=dt,
        name=name,
        show_code=show_code,
        var_type=var_type,
        intg_type=intg_type,
        wiener_type=wiener_type,
        state_delays=state_delays,
    )
    integrator = _REGISTRY[method]
    if f is not None and g is not None:
        return integrator(f=f, g=g, **options)
    if f is not None:
        return functools.partial(_with_diffusion, integrator, f, options)
    if g is not None:
        return functools.partial(_with_drift, integrator, g, options)
    raise ValueError("sdeint: give the drift f, the diffusion g, or both; got neither.")


def _with_diffusion(integrator: type, f: Any, options: dict[str, Any], g: Any) -> SDEIntegrator:
    return integrator(f=f, g=g, **options)


def _with_drift(integrator: type, g: Any, options: dict[str, Any], f: Any) -> SDEIntegrator:
    return integrator(f=f, g=g, **options)

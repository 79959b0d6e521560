"""``fdeint`` and the registry of FDE methods (``brainpy_dyn.integrators.fde``)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from brainpy_dyn._src.integrators.fde.base import FDEIntegrator
from brainpy_dyn._src.integrators.fde.caputo import CaputoEuler, CaputoL1Schema
from brainpy_dyn._src.integrators.fde.gl import GLShortMemory

__all__ = [
    "fdeint",
    "get_supported_methods",
    "register_fde_integrator",
    "set_default_fdeint",
    "get_default_fdeint",
]

_REGISTRY: dict[str, type[FDEIntegrator]] = {
    "l1": CaputoL1Schema,
    "euler": CaputoEuler,
    "short-memory": GLShortMemory,
    "short_memory": GLShortMemory,
}
_DEFAULT = ["l1"]


def get_supported_methods() -> list[str]:
    """The method names accepted by :func:`fdeint` (built-in and registered ones).

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.integrators.fde.get_supported_methods()[:3]
      ['l1', 'euler', 'short-memory']
    """
    return list(_REGISTRY)


def register_fde_integrator(name: str, integrator: type[FDEIntegrator]) -> None:
    """Make an :class:`~brainpy_dyn.integrators.fde.FDEIntegrator` subclass available as ``fdeint(method=name)``.

    The class is called with ``fdeint``'s keyword arguments
    (``f, alpha, num_memory, inits, dt, name``).

    Raises:
      ValueError: ``name`` is taken or not a string, or ``integrator`` is not an
        :class:`~brainpy_dyn.integrators.fde.FDEIntegrator` subclass.

    Examples:
      >>> import brainpy_dyn as bd
      >>> class NamedEuler(bd.integrators.fde.CaputoEuler):
      ...     '''The Caputo Euler scheme under a name of its own.'''
      >>> bd.integrators.fde.register_fde_integrator('named-euler', NamedEuler)
      >>> integral = bd.fdeint(alpha=0.9, num_memory=5, inits=[1.], f=lambda x, t: -x,
      ...                      method='named-euler')
      >>> type(integral).__name__
      'NamedEuler'
    """
    if not isinstance(name, str) or not name:
        raise ValueError(f"register_fde_integrator: name must be a non-empty str, got {name!r}.")
    if name in _REGISTRY:
        raise ValueError(
            f"register_fde_integrator: the method name {name!r} is taken (by "
            f"{_REGISTRY[name].__name__}); choose another name."
        )
    if not (isinstance(integrator, type) and issubclass(integrator, FDEIntegrator)):
        raise ValueError(
            "register_fde_integrator: integrator must be a subclass of FDEIntegrator, "
            f"got {integrator!r}."
        )
    _REGISTRY[name] = integrator


def set_default_fdeint(method: str) -> None:
    """Set the method :func:`fdeint` uses when ``method`` is not given (``'l1'`` at first).

    Raises:
      ValueError: an unknown method.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.integrators.fde.set_default_fdeint('euler')
      >>> bd.integrators.fde.get_default_fdeint()
      'euler'
      >>> bd.integrators.fde.set_default_fdeint('l1')  # back to the default
    """
    if not isinstance(method, str) or method not in _REGISTRY:
        raise ValueError(
            f"set_default_fdeint: unknown method={method!r}; expected one of "
            f"{get_supported_methods()}."
        )
    _DEFAULT[0] = method


def get_default_fdeint() -> str:
    """The method :func:`fdeint` uses when ``method`` is ``None``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.integrators.fde.get_default_fdeint()
      'l1'
    """
    return _DEFAULT[0]


def fdeint(
    alpha: Any,
    num_memory: int,
    inits: Any,
    f: Callable[..., Any] | None = None,
    method: str = "l1",
    dt: float | None = None,
    name: str | None = None,
) -> Any:
    """Build a numerical integrator of a fractional differential equation ``D^α x = f``.

    BrainPy implementation of ``brainpy.fdeint`` (2.3.5). ``f`` is written like an ODE
    derivative; the integrator is called the same way, ``integral(x, t, *args, dt=None)``,
    and keeps the memory of the last ``num_memory`` steps.

    Args:
      alpha: the fractional order(s), one for every variable or one per variable.
      num_memory: the number of past steps kept.
      inits: the initial values (a sequence in the order of the variables, or a dict).
      f: the right-hand side; without it, a decorator (``@fdeint(0.9, 100, [1.])``).
      method: ``'l1'`` (:class:`~brainpy_dyn.integrators.fde.CaputoL1Schema`), ``'euler'`` (:class:`~brainpy_dyn.integrators.fde.CaputoEuler`),
        ``'short-memory'`` (:class:`~brainpy_dyn.integrators.fde.GLShortMemory`), a registered name, or ``None`` for
        :func:`~brainpy_dyn.integrators.fde.get_default_fdeint`.
      dt: the default step.
      name: the integrator's name.

    Returns:
      An :class:`~brainpy_dyn.integrators.fde.FDEIntegrator` (or a decorator that makes one).

    Raises:
      ValueError: an unknown method.

    Examples:
      >>> import brainpy_dyn as bd
      >>> decay = bd.integrators.fdeint(0.8, 100, [1.], lambda x, t: -x, dt=0.01)
      >>> x = 1.
      >>> for i in range(5):
      ...     x = decay(x, i * 0.01)
      >>> float(x[0]) < 1.
      True
    """
    method = get_default_fdeint() if method is None else method
    if not isinstance(method, str) or method not in _REGISTRY:
        raise ValueError(
            f"fdeint: unknown method={method!r}; expected one of {get_supported_methods()}."
        )
    integrator = _REGISTRY[method]
    options = dict(alpha=alpha, num_memory=num_memory, inits=inits, dt=dt, name=name)
    if f is None:
        return functools.partial(_build, integrator, options)
    return integrator(f=f, **options)


def _build(integrator: type, options: dict[str, Any], f: Any) -> FDEIntegrator:
    return integrator(f=f, **options)

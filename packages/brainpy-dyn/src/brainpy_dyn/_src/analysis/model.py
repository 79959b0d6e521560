"""The model an analyzer studies: its equations as pure functions of named values.

A model is an integrator made by :func:`~brainpy_dyn.odeint` (its derivative may be a
:class:`~brainpy_dyn.JointEq`), a list, tuple or dict of them, a bare derivative function
``f(x, t, *pars)``, or a :class:`~brainpy_dyn.DynamicalSystem` whose attributes hold
integrators. Each derivative names its variables before ``t`` and its parameters after it;
a parameter that is another equation's variable couples the equations.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.errors import AnalyzerError

__all__ = ["Equation", "System", "build_system", "is_integrator"]


def is_integrator(obj: Any) -> bool:
    """Whether ``obj`` looks like an integrator made by ``odeint`` (``.f`` and ``.variables``)."""
    return callable(obj) and callable(getattr(obj, "f", None)) and hasattr(obj, "variables")


def _split_signature(f: Callable[..., Any], who: str) -> tuple[list[str], list[str]]:
    """The names before ``t`` (variables) and after it (parameters) of a derivative."""
    try:
        sig = inspect.signature(f)
    except (TypeError, ValueError) as e:
        raise AnalyzerError(f"{who}: cannot read the signature of {f!r}: {e}") from None
    names = [
        p.name
        for p in sig.parameters.values()
        if p.kind in (p.POSITIONAL_OR_KEYWORD, p.POSITIONAL_ONLY, p.KEYWORD_ONLY)
    ]
    if "t" not in names or names.index("t") == 0:
        raise AnalyzerError(
            f"{who}: a derivative must be written f(variables..., t, parameters...), "
            f"got the signature {sig} of {f!r}."
        )
    k = names.index("t")
    return names[:k], names[k + 1 :]


def _defaults(f: Callable[..., Any]) -> dict[str, Any]:
    sig = inspect.signature(f)
    return {
        p.name: p.default
        for p in sig.parameters.values()
        if p.default is not inspect.Parameter.empty
    }


class Equation:
    """One derivative function with its variables and parameters.

    Args:
      f: the derivative ``f(*variables, t, *parameters)``; returns one derivative, or a
        tuple of them when it has several variables.
      integral: the integrator that advances ``variables`` (``None`` for a bare ``f``).
    """

    def __init__(self, f: Callable[..., Any], integral: Any = None, who: str = "analysis"):
        self.f = f
        self.integral = integral
        # Read from the derivative itself: an integrator's own ``arguments`` lists its whole
        # call signature (variables, t, parameters and dt), as in 2.3.5.
        variables, arguments = _split_signature(f, who)
        self.variables: list[str] = variables
        self.arguments: list[str] = arguments
        self.defaults: dict[str, Any] = _defaults(f)

    def __call__(self, values: Mapping[str, Any], t: Any = 0.0) -> tuple[jax.Array, ...]:
        """The derivatives of this equation's variables at ``values`` (a name -> value map)."""
        kwargs = {n: values[n] for n in (*self.variables, *self.arguments) if n in values}
        out = self.f(t=t, **kwargs)
        if len(self.variables) == 1:
            if isinstance(out, (tuple, list)) and len(out) == 1:
                out = out[0]
            return (jnp.asarray(bm.as_jax(out)),)
        if not isinstance(out, (tuple, list)) or len(out) != len(self.variables):
            raise AnalyzerError(
                f"analysis: {self.f!r} has the variables {self.variables} and must return "
                f"{len(self.variables)} derivatives, got {type(out).__name__}."
            )
        return tuple(jnp.asarray(bm.as_jax(o)) for o in out)


class System:
    """Several equations viewed as one system of named variables and parameters.

    Attributes:
      equations: the :class:`Equation` s, in the order given.
      variables: every variable, in order of appearance.
      parameters: every parameter that is no variable, in order of appearance.
      defaults: the default values of the parameters that have one.
    """

    def __init__(self, equations: list[Equation]):
        self.equations = equations
        self.variables: list[str] = []
        for eq in equations:
            for v in eq.variables:
                if v in self.variables:
                    raise AnalyzerError(
                        f"model: the variable {v!r} is defined by more than one equation."
                    )
                self.variables.append(v)
        self.parameters: list[str] = []
        self.defaults: dict[str, Any] = {}
        for eq in equations:
            for a in eq.arguments:
                if a not in self.variables and a not in self.parameters:
                    self.parameters.append(a)
                    if a in eq.defaults:
                        self.defaults[a] = eq.defaults[a]
        self._owner = {v: (eq, i) for eq in equations for i, v in enumerate(eq.variables)}

    def derivative(self, var: str, values: Mapping[str, Any], t: Any = 0.0) -> jax.Array:
        """``d var / dt`` at ``values`` (a name -> value map with every name it reads)."""
        eq, i = self._owner[var]
        return eq(values, t)[i]

    def step(self, values: Mapping[str, Any], t: Any, dt: Any, integrate: list[str]) -> dict:
        """Advance the variables in ``integrate`` by one step ``dt``; the others stay fixed.

        Every equation reads the values at the start of the step (all are updated together).
        """
        new = dict(values)
        for eq in self.equations:
            if not any(v in integrate for v in eq.variables):
                continue
            if eq.integral is not None:
                kwargs = {n: values[n] for n in (*eq.variables, *eq.arguments) if n in values}
                out = eq.integral(t=t, dt=dt, **kwargs)
                out = (out,) if len(eq.variables) == 1 else tuple(out)
            else:  # a bare derivative: an Euler step
                ds = eq(values, t)
                out = tuple(values[v] + dt * d for v, d in zip(eq.variables, ds, strict=True))
            for v, x in zip(eq.variables, out, strict=True):
                if v in integrate:
                    new[v] = jnp.asarray(x)
        return new


def _collect(model: Any, who: str) -> list[Any]:
    from brainpy_dyn._src.dynsys import DynamicalSystem

    if isinstance(model, System):
        return list(model.equations)
    if isinstance(model, Mapping):
        items = list(model.values())
    elif isinstance(model, (list, tuple)):
        items = list(model)
    elif isinstance(model, DynamicalSystem):
        items = []
        for node in model.nodes().values():
            for value in vars(node).values():
                if is_integrator(value) and all(value is not it for it in items):
                    items.append(value)
        if not items:
            raise AnalyzerError(f"{who}: the DynamicalSystem {model!r} holds no ODE integrator.")
    else:
        items = [model]
    if not items:
        raise AnalyzerError(f"{who}: model must hold at least one integrator, got {model!r}.")
    return items


def build_system(model: Any, who: str) -> System:
    """The :class:`System` of a model (see the module docstring for what a model can be).

    Raises:
      AnalyzerError: something in ``model`` is neither an integrator nor a derivative
        function, or two equations define the same variable.
    """
    equations = []
    for item in _collect(model, who):
        if isinstance(item, Equation):
            equations.append(item)
        elif is_integrator(item):
            equations.append(Equation(item.f, item, who))
        elif callable(item):
            equations.append(Equation(item, None, who))
        else:
            raise AnalyzerError(
                f"{who}: model must be an integrator made by odeint, a derivative function, "
                f"or a list of them, got {type(item).__name__}: {item!r}."
            )
    return System(equations)

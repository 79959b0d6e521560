"""``JointEq``: several derivative functions integrated as one coupled system."""

from __future__ import annotations

import inspect
from typing import Any

from brainpy_dyn._src.integrators.base import DiffEqError, parse_signature

__all__ = ["JointEq"]


def _get_args(f: Any) -> tuple[list[str], list[str], dict[str, Any]]:
    """``(variables, arguments after t, defaults)`` of one equation of a joint system."""
    return parse_signature(f, "JointEq")


class JointEq:
    """Join derivative functions into one system whose variables are updated together.

    BrainPy implementation of ``brainpy.JointEq`` (2.3.5). Each equation is written
    on its own, with its variables before ``t`` and everything it reads after it::

        def dV(V, t, w, I): ...   # variable V; reads w and I
        def dw(w, t, V): ...      # variable w; reads V

    ``JointEq(dV, dw)`` is the function ``f(V, w, t, I) -> [dV, dw]``: its variables
    are the equations' variables in order, its parameters the remaining names in order
    of first appearance. Arguments are matched **by name**, so an equation receives the
    current value of another equation's variable. Integrating the joint system (for
    example with ``odeint(JointEq(dV, dw), method='rk4')``) advances all variables
    with the same stages, which a pair of separate integrators cannot do.

    Args:
      *eqs: the derivative functions (or one list/tuple of them); an equation may
        itself have several variables and return a tuple, and may be a ``JointEq``.

    Attributes:
      eqs: the equations.
      variables: the names of the joint variables.
      arguments: the names of the joint parameters (after ``t``).
      vars_in_eqs: each equation's variables.
      args_in_eqs: each equation's arguments after ``t``.

    Raises:
      DiffEqError: no equation, an equation that is not callable, or a variable that
        two equations both define.

    Examples:
      >>> import brainpy_dyn as bd
      >>> def dx(x, t, y):
      ...     return y
      >>> def dy(y, t, x, k=1.0):
      ...     return -k * x
      >>> eq = bd.integrators.JointEq(dx, dy)
      >>> eq.variables, eq.arguments
      (['x', 'y'], ['k'])
      >>> eq(1.0, 2.0, 0.0, k=3.0)
      [2.0, -3.0]
    """

    def __init__(self, *eqs: Any):
        if len(eqs) == 1 and isinstance(eqs[0], (list, tuple)):
            eqs = tuple(eqs[0])
        if not eqs:
            raise DiffEqError("JointEq: expected at least one derivative function, got none.")
        for i, eq in enumerate(eqs):
            if not callable(eq):
                raise DiffEqError(
                    f"JointEq: every equation must be callable, got {type(eq).__name__} "
                    f"at position {i}."
                )
        self.eqs = tuple(eqs)
        self.vars_in_eqs: list[list[str]] = []
        self.args_in_eqs: list[list[str]] = []
        defaults: dict[str, Any] = {}
        variables: list[str] = []
        for eq in self.eqs:
            vs, args, dflt = parse_signature(eq, "JointEq")
            for v in vs:
                if v in variables:
                    raise DiffEqError(
                        f"JointEq: variable {v!r} is defined by more than one equation; "
                        "each variable must have exactly one derivative."
                    )
            variables.extend(vs)
            self.vars_in_eqs.append(vs)
            self.args_in_eqs.append(args)
            for k, val in dflt.items():
                defaults.setdefault(k, val)
        arguments: list[str] = []
        for args in self.args_in_eqs:
            for a in args:
                if a not in variables and a not in arguments:
                    arguments.append(a)
        self.variables = variables
        self.arguments = arguments
        params = [
            inspect.Parameter(
                n,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                default=defaults.get(n, inspect.Parameter.empty)
                if n in arguments
                else inspect.Parameter.empty,
            )
            for n in [*variables, "t", *arguments]
        ]
        # Only a trailing run of parameters can keep its defaults.
        trailing = True
        for i in reversed(range(len(params))):
            if params[i].default is inspect.Parameter.empty:
                trailing = False
            elif not trailing:
                params[i] = params[i].replace(default=inspect.Parameter.empty)
        self.__signature__ = inspect.Signature(params)
        self.__name__ = "joint_eq"

    def __repr__(self) -> str:
        names = ", ".join(getattr(eq, "__name__", type(eq).__name__) for eq in self.eqs)
        return f"JointEq({names})"

    def __call__(self, *args: Any, **kwargs: Any) -> list[Any]:
        try:
            bound = self.__signature__.bind(*args, **kwargs)
        except TypeError as e:
            raise DiffEqError(f"JointEq: bad call {e}; call it as f{self.__signature__}.") from None
        bound.apply_defaults()
        values = bound.arguments
        out: list[Any] = []
        for eq, vs, args in zip(self.eqs, self.vars_in_eqs, self.args_in_eqs):
            given = {n: values[n] for n in (*vs, "t", *args) if n in values}
            res = eq(**given)
            if len(vs) == 1:
                if isinstance(res, (tuple, list)) and len(res) == 1:
                    res = res[0]
                out.append(res)
            else:
                if not isinstance(res, (tuple, list)) or len(res) != len(vs):
                    raise DiffEqError(
                        f"JointEq: {eq!r} has variables {vs} and must return {len(vs)} "
                        f"derivatives, got {res!r}."
                    )
                out.extend(res)
        return out

    def _one(self, variable: str, values: dict[str, Any]) -> Any:
        """The derivative of one ``variable``, evaluating only the equation that defines it.

        Args:
          variable: one of :attr:`variables`.
          values: every variable, ``'t'`` and every argument, by name.
        """
        for eq, vs, args in zip(self.eqs, self.vars_in_eqs, self.args_in_eqs):
            if variable in vs:
                given = {n: values[n] for n in (*vs, "t", *args) if n in values}
                res = eq(**given)
                if len(vs) == 1:
                    return res[0] if isinstance(res, (tuple, list)) and len(res) == 1 else res
                return res[vs.index(variable)]
        raise DiffEqError(f"JointEq: no equation defines {variable!r}; got {self.variables}.")

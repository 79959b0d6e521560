"""What every ODE integrator shares: reading a derivative's signature, calling conventions.

A derivative function is written ``f(x, t, *args)`` (one variable) or
``f(V, w, t, I)`` (several variables, returning a tuple of derivatives): the arguments
before ``t`` are the integrated variables, those after it are parameters. The
integrator built from it is called the same way, ``integral(V, w, t, I, dt=None)``,
and returns the variables one step ``dt`` later.
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.context import share
from brainpy_dyn._src.errors import DynError

__all__ = ["DiffEqError", "parse_signature", "ODEIntegrator", "default_dt"]


class DiffEqError(DynError, ValueError):
    """A derivative function or an integrator call is malformed.

    The derivative must take its variables first, then ``t``, then its parameters
    (``def dV(V, t, I): ...``), with plain named arguments (no ``*args``/``**kwargs``).
    """


DiffEqError.__module__ = "brainpy_dyn.integrators"


def parse_signature(f: Callable[..., Any], who: str) -> tuple[list[str], list[str], dict[str, Any]]:
    """Split the arguments of a derivative ``f`` into variables and parameters.

    Args:
      f: the derivative function (or a :class:`~brainpy_dyn.integrators.JointEq`).
      who: the caller's name, used in error messages.

    Returns:
      ``(variables, arguments, defaults)``: the names before ``t``, the names after
      ``t``, and the default values of the arguments that have one.

    Raises:
      DiffEqError: ``f`` has no ``t`` argument, no variable before it, or uses
        ``*args``/``**kwargs``/keyword-only/positional-only arguments.
    """
    try:
        sig = inspect.signature(f)
    except (TypeError, ValueError) as e:
        raise DiffEqError(f"{who}: cannot read the signature of f={f!r}: {e}") from None
    names: list[str] = []
    defaults: dict[str, Any] = {}
    for p in sig.parameters.values():
        if p.kind is not inspect.Parameter.POSITIONAL_OR_KEYWORD:
            raise DiffEqError(
                f"{who}: the derivative's arguments must be plain named arguments "
                f"(variables, then 't', then parameters), got {p.kind.description} "
                f"argument {p.name!r} in {sig}."
            )
        names.append(p.name)
        if p.default is not inspect.Parameter.empty:
            defaults[p.name] = p.default
    if "t" not in names:
        raise DiffEqError(
            f"{who}: the derivative must take the time as an argument named 't' after its "
            f"variables (e.g. def dV(V, t, I)), got the signature {sig}."
        )
    k = names.index("t")
    if k == 0:
        raise DiffEqError(
            f"{who}: the derivative must take at least one variable before 't', got {sig}."
        )
    variables, arguments = names[:k], names[k + 1 :]
    bad = [v for v in variables if v in defaults]
    if bad:
        raise DiffEqError(f"{who}: variables {bad} must not have default values, got {sig}.")
    return variables, arguments, defaults


def default_dt() -> Any:
    """The step used when neither the call nor ``odeint`` gives one.

    That is ``share.load('dt')``: the runner's step inside a run, else the global
    :func:`brainpy_math.get_dt`.
    """
    return share.dt


def as_float_array(x: Any) -> jax.Array:
    """The JAX value of ``x`` as a floating-point array (ints become the default float)."""
    x = jnp.asarray(bm.as_jax(x))
    if not jnp.issubdtype(x.dtype, jnp.inexact):
        x = x.astype(bm.get_float())
    return x


def as_jax_tuple(out: Any, n: int, who: str) -> tuple[jax.Array, ...]:
    """Normalise a derivative's output into a tuple of ``n`` JAX arrays."""
    if n == 1:
        if isinstance(out, (tuple, list)):
            if len(out) != 1:
                raise DiffEqError(
                    f"{who}: the derivative has 1 variable but returned {len(out)} values."
                )
            out = out[0]
        return (jnp.asarray(bm.as_jax(out)),)
    if not isinstance(out, (tuple, list)) or len(out) != n:
        got = f"{len(out)} values" if isinstance(out, (tuple, list)) else type(out).__name__
        raise DiffEqError(
            f"{who}: the derivative has {n} variables and must return a tuple of {n} "
            f"derivatives, got {got}."
        )
    return tuple(jnp.asarray(bm.as_jax(o)) for o in out)


class ODEIntegrator:
    """A numerical integrator of ``dx/dt = f(x, t, *args)``; built by :func:`odeint`.

    Calling it advances the variables by one step:
    ``integral(*variables, t, *arguments, dt=None)`` (positionally or by name, as the
    derivative is written) returns the new value of the variable, or a tuple of new
    values when there are several.

    Attributes:
      f: the derivative function.
      method: the name of the numerical method.
      dt: the step given to :func:`odeint` (``None``: decided at each call).
      variables: the names of the integrated variables.
      arguments: the names of the parameters after ``t``.
      parameters: every argument of a call: ``variables + ['t'] + arguments + ['dt']``.
    """

    _ids = itertools.count()

    def __init__(
        self,
        f: Callable[..., Any],
        method: str,
        step: Callable[..., Any],
        dt: float | None = None,
        name: str | None = None,
        var_type: str | None = None,
    ):
        self.f = f
        self.method = method
        self.dt = dt
        self.var_type = var_type
        self.name = name if name is not None else f"ODEIntegrator{next(self._ids)}"
        self.variables, self.arguments, self._defaults = parse_signature(f, "odeint")
        self.parameters = [*self.variables, "t", *self.arguments, "dt"]
        self._step = step
        params = [
            inspect.Parameter(
                n,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                default=self._defaults.get(n, inspect.Parameter.empty),
            )
            for n in [*self.variables, "t", *self.arguments]
        ]
        params.append(
            inspect.Parameter("dt", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None)
        )
        self.__signature__ = inspect.Signature(params)

    def __repr__(self) -> str:
        fname = getattr(self.f, "__name__", type(self.f).__name__)
        return f"{type(self).__name__}(f={fname}, method={self.method!r}, name={self.name!r})"

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        xs, t, params, dt = self._bind(args, kwargs)
        new = self._step(self._rhs(self.f, params, len(xs)), xs, t, dt)
        return self._result(new, xs)

    def _bind(
        self, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> tuple[tuple[jax.Array, ...], Any, tuple[Any, ...], Any]:
        """A call's ``(variables, t, parameters, dt)``, as JAX values."""
        try:
            bound = self.__signature__.bind(*args, **kwargs)
        except TypeError as e:
            raise DiffEqError(
                f"{self.name}: bad call {e}; call it as integral{self.__signature__}."
            ) from None
        bound.apply_defaults()
        values = bound.arguments
        dt = values.pop("dt")
        if dt is None:
            dt = self.dt if self.dt is not None else default_dt()
        xs = tuple(as_float_array(values[v]) for v in self.variables)
        params = tuple(bm.as_jax(values[a]) for a in self.arguments)
        return xs, bm.as_jax(values["t"]), params, bm.as_jax(dt)

    def _rhs(
        self, fun: Callable[..., Any], params: tuple[Any, ...], n: int
    ) -> Callable[[Sequence[jax.Array], Any], tuple[jax.Array, ...]]:
        """``fun`` as ``rhs(xs, t) -> tuple of n arrays``, with the call's parameters bound."""

        def rhs(xs_: Sequence[jax.Array], t_: Any) -> tuple[jax.Array, ...]:
            return as_jax_tuple(fun(*xs_, t_, *params), n, self.name)

        return rhs

    @staticmethod
    def _result(new: Sequence[jax.Array], xs: tuple[jax.Array, ...]) -> Any:
        """The new values in the variables' dtypes: one array, or a tuple of them."""
        out = tuple(jnp.asarray(x_new, dtype=x.dtype) for x_new, x in zip(new, xs, strict=True))
        return out[0] if len(out) == 1 else out

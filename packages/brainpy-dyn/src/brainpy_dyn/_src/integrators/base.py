"""What every integrator shares: reading a derivative's signature, calling conventions.

A derivative function is written ``f(x, t, *args)`` (one variable) or
``f(V, w, t, I)`` (several variables, returning a tuple of derivatives): the arguments
before ``t`` are the integrated variables, those after it are parameters. The
integrator built from it is called the same way, ``integral(V, w, t, I, dt=None)``,
and returns the variables one step ``dt`` later.

Two bases live here:

* :class:`Integrator` is BrainPy 2.3.5's ``brainpy.Integrator``, the base of every
  integrator class (``brainpy.ode.ODEIntegrator`` and its methods; SDE and FDE
  integrators should subclass it too): it holds ``variables``, ``parameters``,
  ``arguments``, ``dt`` and the ``state_delays``, calls the function given to
  :meth:`Integrator.set_integral` and then pushes each new state into its delay
  variable.
* ``ODEIntegrator`` below is the older functional core (a step function plus a
  signature), kept unchanged for ``sdeint``; the public ``ODEIntegrator`` is the
  2.3.5 class in ``brainpy_dyn._src.integrators.ode.base``.
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
from brainpy_dyn._src.object import BrainPyObject

__all__ = [
    "CodeError",
    "DiffEqError",
    "Integrator",
    "IntegratorError",
    "ODEIntegrator",
    "default_dt",
    "get_args",
    "check_kws",
    "parse_signature",
]


class DiffEqError(DynError, ValueError):
    """A derivative function or an integrator call is malformed.

    The derivative must take its variables first, then ``t``, then its parameters
    (``def dV(V, t, I): ...``), with plain named arguments (no ``*args``/``**kwargs``).

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.odeint(lambda V: -V)  # no time argument
      ... except ValueError as err:
      ...     print(type(err).__name__)
      DiffEqError
    """


class IntegratorError(DiffEqError):
    """An integrator got an option it does not support (``var_type``, ``tol``, a delay).

    The message names the option, the accepted values and what came.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.odeint(lambda x, t: -x, var_type='vector')
      ... except ValueError as err:
      ...     print(type(err).__name__)
      IntegratorError
    """


class CodeError(DiffEqError):
    """A derivative uses a name that the integrator reserves.

    ``dt`` is the step of every integrator call; Runge–Kutta integrators also reserve
    ``f``, ``<v>_new``, ``d<v>_k<i>``, ``k<i>_<v>_arg``, ``k<i>_t_arg`` (and, when
    adaptive, ``tol``, ``error``, ``dt_new``, ``<v>_te``), as BrainPy 2.3.5 did. Rename
    the argument.

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.odeint(lambda x, t, dt: -x)  # dt is reserved
      ... except ValueError as err:
      ...     print(type(err).__name__)
      CodeError
    """


bm.set_module("brainpy_dyn.integrators", DiffEqError, IntegratorError, CodeError)


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


# --------------------------------------------------------------------------------------
# BrainPy 2.3.5's class hierarchy: ``Integrator`` and the helpers its subclasses share.
# --------------------------------------------------------------------------------------

DT = "dt"


def get_args(f: Callable[..., Any]) -> tuple[list[str], list[str], list[str]]:
    """Split a derivative's signature as BrainPy 2.3.5 does.

    Args:
      f: the derivative function.

    Returns:
      ``(variables, parameters, arguments)``: the names before ``t``; ``t`` and the names
      after it; and every argument as written in the signature (``'tau=10.0'``).

    Raises:
      DiffEqError: see :func:`parse_signature`.

    Examples:
      >>> from brainpy_dyn._src.integrators.base import get_args
      >>> get_args(lambda V, w, t, I, tau=10.0: None)
      (['V', 'w'], ['t', 'I', 'tau'], ['V', 'w', 't', 'I', 'tau=10.0'])
    """
    variables, others, _ = parse_signature(f, getattr(f, "__name__", "odeint"))
    arguments = [str(p) for p in inspect.signature(f).parameters.values()]
    return variables, ["t", *others], arguments


def check_kws(names: Sequence[str], keywords: dict[str, str]) -> None:
    """Raise :class:`CodeError` if one of ``names`` is a reserved keyword.

    Args:
      names: the argument names of a derivative.
      keywords: reserved name -> what the integrator uses it for.
    """
    for key, meaning in keywords.items():
        if key in names:
            raise CodeError(
                f"{key!r} is a name the numerical integrator reserves ({meaning}); "
                f"rename this argument of the derivative (got the arguments {list(names)})."
            )


def _delay_classes(kind: str) -> tuple[type, ...]:
    """The delay-variable classes accepted for ``state_delays``/``neutral_delays``."""
    names = ("TimeDelay", "LengthDelay") if kind == "state" else ("NeuTimeDelay", "NeuLenDelay")
    return tuple(c for c in (getattr(bm, n, None) for n in names) if isinstance(c, type))


def check_delays(delays: Any, kind: str, variables: Sequence[str], who: str) -> dict[str, Any]:
    """Validate a ``{variable name: delay variable}`` mapping; return it as a dict.

    Args:
      delays: the mapping (``None`` for none).
      kind: ``'state'`` (``brainpy_math.TimeDelay``/``LengthDelay``) or ``'neutral'``
        (``brainpy_math.NeuTimeDelay``/``NeuLenDelay``).
      variables: the integrator's variables; every key must be one of them.
      who: the caller, for messages.

    Raises:
      IntegratorError: not a dict, a key that is not a variable, or a value that is not a
        delay variable.
    """
    arg = f"{kind}_delays"
    if delays is None:
        return {}
    if not isinstance(delays, dict):
        raise IntegratorError(
            f"{who}: {arg} must be a dict of variable name -> delay variable, "
            f"got {type(delays).__name__}."
        )
    classes = _delay_classes(kind)
    out: dict[str, Any] = {}
    for key, delay in delays.items():
        if key not in variables:
            raise IntegratorError(
                f"{who}: {arg} key {key!r} is not a variable of the equation; "
                f"the variables are {list(variables)}."
            )
        ok = isinstance(delay, classes) if classes else callable(getattr(delay, "update", None))
        if not ok:
            expected = " or ".join(f"brainpy_math.{c.__name__}" for c in classes) or "a delay"
            raise IntegratorError(
                f"{who}: {arg}[{key!r}] must be {expected}, got {type(delay).__name__}."
            )
        out[key] = delay
    return out


def unwrap_arg(x: Any) -> Any:
    """The JAX value of an Array/Variable argument; any other object (a delay) as is."""
    return x.value if isinstance(x, bm.Array) else x


class Integrator(BrainPyObject):
    """The base of every numerical integrator: names, step and state delays.

    BrainPy implementation of ``brainpy.Integrator`` (2.3.5). A subclass builds the
    one-step function and hands it to :meth:`set_integral`; calling the integrator
    maps positional arguments onto ``arg_names``
    (``variables + parameters + ['dt']``), calls that function with keyword arguments
    and then writes each new state into its delay variable (``delay.update(new)``).

    Note:
      For SDE/FDE integrators built on this base: ``set_integral(fn)`` takes a function
      called as ``fn(**kwargs)`` that returns the new value (one variable) or a
      tuple/list of new values in the order of ``variables``.

    Args:
      variables: the names of the integrated variables (before ``t``).
      parameters: ``'t'`` and the names after it.
      arguments: the derivative's arguments as written (``'tau=10.0'``); ``'dt=...'`` is
        appended.
      dt: the integration step.
      name: the object name.
      state_delays: variable name -> ``brainpy_math.TimeDelay``/``LengthDelay`` to
        update with the variable's new value after each step.

    Raises:
      IntegratorError: a non-positive ``dt`` or bad ``state_delays``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.Integrator(['x'], ['t'], ['x', 't'], dt=0.5)
      >>> itg.set_integral(lambda x, t, dt=0.5: x + dt)
      >>> float(itg(1.0, 0.0))
      1.5
      >>> itg.arguments
      ['x', 't', 'dt=0.5']
    """

    def __init__(
        self,
        variables: Sequence[str],
        parameters: Sequence[str],
        arguments: Sequence[str],
        dt: float,
        name: str | None = None,
        state_delays: dict[str, Any] | None = None,
    ):
        super().__init__(name=name)
        if isinstance(dt, bool) or not isinstance(dt, (int, float)) or not dt > 0:
            raise IntegratorError(
                f"{type(self).__name__}: dt must be a positive number, got dt={dt!r}."
            )
        self._dt = dt
        self._variables = list(variables)
        self._parameters = list(parameters)
        self._arguments = [*arguments, f"{DT}={dt}"]
        self._integral: Callable[..., Any] | None = None
        self.arg_names = [*self._variables, *self._parameters, DT]
        self._state_delays = check_delays(state_delays, "state", self._variables, self._name)
        self.register_implicit_nodes(self._state_delays)

    # -------------------------------------------------------------- read-only views
    @property
    def dt(self) -> float:
        """The integration step given at construction (the default of a call's ``dt``)."""
        return self._dt

    @dt.setter
    def dt(self, value: Any) -> None:
        raise IntegratorError(f"{self._name}: dt is fixed at construction; build a new integrator.")

    @property
    def variables(self) -> list[str]:
        """The names of the integrated variables."""
        return self._variables

    @variables.setter
    def variables(self, value: Any) -> None:
        raise IntegratorError(f"{self._name}: variables are read-only.")

    @property
    def parameters(self) -> list[str]:
        """``'t'`` and the names of the derivative's parameters after it."""
        return self._parameters

    @parameters.setter
    def parameters(self, value: Any) -> None:
        raise IntegratorError(f"{self._name}: parameters are read-only.")

    @property
    def arguments(self) -> list[str]:
        """Every argument of a call as written in the signature, ``'dt=...'`` last."""
        return self._arguments

    @arguments.setter
    def arguments(self, value: Any) -> None:
        raise IntegratorError(f"{self._name}: arguments are read-only.")

    @property
    def state_delays(self) -> dict[str, Any]:
        """Variable name -> the delay variable updated with its new value each step."""
        return self._state_delays

    @state_delays.setter
    def state_delays(self, value: Any) -> None:
        raise IntegratorError(f"{self._name}: state_delays are fixed at construction.")

    @property
    def integral(self) -> Callable[..., Any] | None:
        """The one-step function (called with keyword arguments)."""
        return self._integral

    @integral.setter
    def integral(self, f: Callable[..., Any]) -> None:
        self.set_integral(f)

    def set_integral(self, f: Callable[..., Any]) -> None:
        """Set the one-step function, called as ``f(**kwargs)`` by :meth:`__call__`.

        Raises:
          IntegratorError: ``f`` is not callable.
        """
        if not callable(f):
            raise IntegratorError(
                f"{self._name}: the integral function must be callable, got {type(f).__name__}."
            )
        self._integral = f

    # ------------------------------------------------------------------------ call
    def _named(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        """Positional arguments mapped onto ``arg_names``, merged with ``kwargs``."""
        if len(args) > len(self.arg_names):
            raise DiffEqError(
                f"{self._name}: takes at most {len(self.arg_names)} positional arguments "
                f"{self.arg_names}, got {len(args)}."
            )
        named = dict(zip(self.arg_names, args))
        for key, value in kwargs.items():
            if key in named:
                raise DiffEqError(f"{self._name}: got two values for argument {key!r}.")
            named[key] = value
        return named

    def _update_state_delays(self, new: Any) -> None:
        """Write each new state into its delay variable."""
        if not self._state_delays:
            return
        values = new if len(self._variables) > 1 else (new,)
        for key, delay in self._state_delays.items():
            delay.update(values[self._variables.index(key)])

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._integral is None:
            raise IntegratorError(f"{self._name}: no integral function; call set_integral first.")
        new = self._integral(**self._named(args, kwargs))
        self._update_state_delays(new)
        return new

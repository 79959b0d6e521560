r"""``ODEIntegrator``: the base of every ODE integrator class, delay equations included.

An integrator of ``dx/dt = f(x, t, *args)`` is called like its derivative plus a step,
``integral(*variables, t, *parameters, dt=None)``, and returns the variables one step
later (one value, or a tuple in the order of the variables).

Delay differential equations: a derivative reads past states through a delay variable
passed as a parameter, ``def dx(x, t, xdelay): return -xdelay(t - 1.)``. Handing the same
delay variable to ``state_delays={'x': xdelay}`` makes the integrator write each new
``x`` into it after every step, so the delay variable holds the solution's history. A
neutral equation reads past *derivatives*: with ``neutral_delays={'x': d}`` the
derivative at the new state (at time ``t + dt``) is written into ``d`` after each step.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.integrators.base import (
    DT,
    CodeError,
    Integrator,
    IntegratorError,
    as_float_array,
    as_jax_tuple,
    check_delays,
    default_dt,
    get_args,
    unwrap_arg,
)

__all__ = ["ODEIntegrator", "SUPPORTED_VAR_TYPE"]

SCALAR_VAR, POP_VAR, SYSTEM_VAR = "scalar", "population", "system"
SUPPORTED_VAR_TYPE = [SCALAR_VAR, POP_VAR, SYSTEM_VAR]

Arrays = tuple[jax.Array, ...]


class ODEIntegrator(Integrator):
    """Numerical integrator of an ordinary (or delay) differential equation.

    BrainPy implementation of ``brainpy.ode.ODEIntegrator`` (2.3.5). Subclasses give the
    numerical scheme by overriding :meth:`step`; :func:`~brainpy_dyn.integrators.odeint`
    builds them by name.

    Args:
      f: the derivative, ``f(x, t, *params)`` or ``f(V, w, t, *params)`` returning a tuple,
        or a :class:`~brainpy_dyn.integrators.JointEq`.
      var_type: ``'scalar'``, ``'population'`` or ``'system'`` (the kind of each
        variable); the schemes here work on arrays of any shape.
      dt: the default step of a call; ``None``: the step in force at each call
        (``share.load('dt')``: the runner's ``dt`` in a run, else
        :func:`brainpy_math.get_dt`), and :attr:`dt` reports the global ``dt`` of now.
      name: the integrator's name.
      show_code: print the update scheme.
      state_delays: variable name -> ``brainpy_math.TimeDelay``/``LengthDelay``, updated
        with the variable's new value after every step.
      neutral_delays: variable name -> ``brainpy_math.NeuTimeDelay``/``NeuLenDelay``,
        updated with the variable's derivative at the new state after every step.

    Raises:
      TypeError: ``f`` is not callable.
      DiffEqError: ``f``'s signature has no ``t`` or no variable before it.
      CodeError: ``f`` has an argument named ``dt``.
      IntegratorError: an unknown ``var_type``, a non-positive ``dt``, bad delays.

    Examples:
      >>> import brainpy_dyn as bd
      >>> integral = bd.odeint(lambda x, t, tau: -x / tau, method='euler')
      >>> isinstance(integral, bd.integrators.ode.ODEIntegrator)
      True
      >>> round(float(integral(1., 0., 10., dt=0.1)), 6)  # one step: 1 - 0.1 / 10
      0.99
    """

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
        who = type(self).__name__
        if not callable(f):
            raise TypeError(f"{who}: f must be a callable derivative function, got {f!r}.")
        variables, parameters, arguments = get_args(f)
        if DT in variables or DT in parameters:
            raise CodeError(
                f"{who}: 'dt' is the integration step of every integrator call and cannot "
                f"be an argument of the derivative; rename it (got {arguments})."
            )
        if var_type is not None and var_type not in SUPPORTED_VAR_TYPE:
            raise IntegratorError(
                f"{who}: var_type must be one of {SUPPORTED_VAR_TYPE} or None, "
                f"got var_type={var_type!r}."
            )
        self._fixed_dt = dt is not None
        super().__init__(
            variables,
            parameters,
            arguments,
            dt=bm.get_dt() if dt is None else dt,
            name=name,
            state_delays=state_delays,
        )
        self.f = f
        self.derivative = {"f": f}
        self.var_type = var_type
        self.show_code = show_code
        self._neutral_delays = check_delays(neutral_delays, "neutral", self._variables, self._name)
        self.register_implicit_nodes(self._neutral_delays)
        sig = inspect.signature(f)
        params = [
            p.replace(kind=inspect.Parameter.POSITIONAL_OR_KEYWORD) for p in sig.parameters.values()
        ]
        params.append(inspect.Parameter(DT, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None))
        self.__signature__ = inspect.Signature(params)
        self._n_vars = len(self._variables)
        self._names_after_t = self._parameters[1:]

    @property
    def neutral_delays(self) -> dict[str, Any]:
        """Variable name -> the delay variable updated with its derivative each step."""
        return self._neutral_delays

    @neutral_delays.setter
    def neutral_delays(self, value: Any) -> None:
        raise IntegratorError(f"{self._name}: neutral_delays are fixed at construction.")

    def __repr__(self) -> str:
        fname = getattr(self.f, "__name__", type(self.f).__name__)
        return f"{type(self).__name__}(f={fname}, name={self._name!r})"

    # ------------------------------------------------------------------ the scheme
    def step(
        self, rhs: Callable[[Sequence[jax.Array], Any], Arrays], xs: Arrays, t: Any, dt: Any
    ) -> Any:
        """One step of the scheme: the new values of ``xs`` (a tuple of arrays).

        Args:
          rhs: the derivative as ``rhs(xs, t) -> tuple of arrays`` (parameters bound).
          xs: the variables at time ``t``.
          t: the time.
          dt: the step.
        """
        raise NotImplementedError(f"{type(self).__name__} does not define a numerical step.")

    def describe(self) -> str:
        """A readable description of the update scheme (what ``show_code`` prints)."""
        return f"{type(self).__name__}"

    def build(self) -> None:
        """Make the one-step function of this scheme the integral (and print it if asked)."""
        self.set_integral(self._make_integral())
        if self.show_code:
            print(f"{self._name} = integral{self.__signature__}\n{self.describe()}")

    def _make_integral(self) -> Callable[..., Any]:
        def integral(**kwargs: Any) -> Any:
            xs, t, params, dt = self._split(kwargs)
            out = self.step(self._rhs(params), xs, t, dt)
            return self._finish(out, xs)

        integral.__signature__ = self.__signature__  # type: ignore[attr-defined]
        return integral

    # ---------------------------------------------------------------- machinery
    def _split(self, kwargs: dict[str, Any]) -> tuple[Arrays, Any, tuple[Any, ...], Any]:
        """A call's ``(variables, t, parameters, dt)`` from its keyword arguments."""
        try:
            bound = self.__signature__.bind(**kwargs)
        except TypeError as e:
            raise IntegratorError(
                f"{self._name}: bad call ({e}); call it as integral{self.__signature__}."
            ) from None
        bound.apply_defaults()
        values = bound.arguments
        dt = values[DT]
        if dt is None:
            dt = self._dt if self._fixed_dt else default_dt()
        xs = tuple(as_float_array(values[v]) for v in self._variables)
        params = tuple(unwrap_arg(values[p]) for p in self._names_after_t)
        return xs, unwrap_arg(values["t"]), params, unwrap_arg(dt)

    def _rhs(self, params: tuple[Any, ...]) -> Callable[[Sequence[jax.Array], Any], Arrays]:
        f, n, name = self.f, self._n_vars, self._name

        def rhs(xs: Sequence[jax.Array], t: Any) -> Arrays:
            return as_jax_tuple(f(*xs, t, *params), n, name)

        return rhs

    def _finish(self, new: Sequence[jax.Array], xs: Arrays) -> Any:
        """The new values in the variables' dtypes: one array, or a tuple of them."""
        out = tuple(jnp.asarray(x_new, dtype=x.dtype) for x_new, x in zip(new, xs))
        return out[0] if len(out) == 1 else out

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._integral is None:
            raise IntegratorError(f"{self._name}: the integrator is not built.")
        named = self._named(args, kwargs)
        new = self._integral(**named)
        if self._neutral_delays:
            self._update_neutral_delays(named, new)
        self._update_state_delays(new[: self._n_vars] if self._n_vars > 1 else new)
        return new

    def _update_state_delays(self, new: Any) -> None:
        if not self._state_delays:
            return
        if self._n_vars == 1 and isinstance(new, tuple):
            new = new[0]  # an adaptive step returns (x_new, dt_new)
        super()._update_state_delays(new)

    def _update_neutral_delays(self, named: dict[str, Any], new: Any) -> None:
        """Write the derivative at the new state, at time ``t + dt``, into the neutral delays."""
        xs, t, params, dt = self._split(named)
        values = new if isinstance(new, tuple) else (new,)
        devs = self._rhs(params)(values[: self._n_vars], t + dt)
        for key, delay in self._neutral_delays.items():
            delay.update(devs[self._variables.index(key)])

r"""``FDEIntegrator``: what every integrator of a fractional differential equation shares.

A fractional differential equation ``D^α x = f(x, t, *args)`` (``0 < α ≤ 1``, Caputo sense
unless said otherwise) is written like an ODE derivative; ``α`` is one order for every
variable or one per variable. Its solution depends on the whole past, so the integrators
keep a memory of the last ``num_memory`` steps in :class:`~brainpy_math.Variable` s (ring
buffers, read with an index Variable): calling one inside ``bm.jit``/``bm.for_loop`` or an
:class:`~brainpy_dyn.integrators.IntegratorRunner` updates that memory like any model
state. Older steps are forgotten (the *short-memory principle*); with ``num_memory`` at
least the number of steps the schemes are exact discretisations of the full memory.
"""

from __future__ import annotations

import inspect
import numbers
from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.integrators.base import (
    DT,
    CodeError,
    DiffEqError,
    Integrator,
    IntegratorError,
    as_float_array,
    as_jax_tuple,
    default_dt,
    get_args,
    unwrap_arg,
)

__all__ = ["FDEIntegrator", "check_inits", "refill", "ring_index"]

Arrays = tuple[jax.Array, ...]


def check_inits(inits: Any, variables: Sequence[str], who: str) -> dict[str, jax.Array]:
    """The initial values as ``{variable: float array}`` (a number becomes shape ``(1,)``).

    Args:
      inits: a sequence in the order of ``variables``, or a dict naming each of them.
      variables: the equation's variables.
      who: the caller, for messages.

    Raises:
      DiffEqError: a wrong count, an unknown or missing name, or not a sequence/dict.
    """
    if isinstance(inits, dict):
        unknown = sorted(set(inits) - set(variables))
        missing = [v for v in variables if v not in inits]
        if unknown or missing:
            raise DiffEqError(
                f"{who}: inits must give every variable {list(variables)} by name, got the "
                f"keys {list(inits)} (missing {missing}, unknown {unknown})."
            )
        values = [inits[v] for v in variables]
    elif isinstance(inits, (list, tuple, np.ndarray, jax.Array, bm.Array)):
        if len(inits) != len(variables):
            raise DiffEqError(
                f"{who}: inits must hold one initial value per variable {list(variables)}, "
                f"got {len(inits)} values."
            )
        values = list(inits)
    else:
        raise DiffEqError(
            f"{who}: inits must be a sequence or a dict of initial values for the variables "
            f"{list(variables)}, got {type(inits).__name__}."
        )
    out = {}
    for v, value in zip(variables, values):
        arr = as_float_array(value)
        out[v] = arr.reshape(1) if arr.ndim == 0 else arr
    return out


def refill(store: dict[str, bm.Variable], key: str, value: jax.Array) -> None:
    """Put ``value`` in the Variable ``store[key]``, or a new Variable if its shape changed."""
    cur = store.get(key)
    if isinstance(cur, bm.Variable) and cur.shape == value.shape and cur.dtype == value.dtype:
        cur.value = value
    else:
        store[key] = bm.Variable(value)


def ring_index(idx: jax.Array, num_memory: int) -> jax.Array:
    """Coefficient rows for the ring-buffer slots, the slot ``idx`` being the newest.

    Slot ``s`` holds the value ``(idx - s) mod M`` steps old; it is weighted by the
    coefficient row ``(M - 1 - idx + s) mod M``, so row ``M - 1`` belongs to the newest value
    and row ``M - 1 - L`` to the value ``L`` steps old.
    """
    return (num_memory - 1 - idx + jnp.arange(num_memory)) % num_memory


class FDEIntegrator(Integrator):
    r"""Numerical integrator of a fractional differential equation ``D^α x = f(x, t, *args)``.

    BrainPy implementation of ``brainpy.fde.FDEIntegrator`` (2.3.5), the base of
    :class:`~brainpy_dyn.integrators.fde.CaputoEuler`, :class:`~brainpy_dyn.integrators.fde.CaputoL1Schema` and :class:`~brainpy_dyn.integrators.fde.GLShortMemory`. Calling an
    integrator advances the variables by one step, ``integral(*variables, t, *params,
    dt=None)``, and updates its memory.

    Args:
      f: the right-hand side, written like an ODE derivative, or a
        :class:`~brainpy_dyn.integrators.JointEq`.
      alpha: the fractional order(s): a number for every variable, or one per variable.
      num_memory: the number of past steps kept in memory (``>= 1``).
      dt: the default step; ``None``: the step in force at each call (the runner's ``dt``,
        else :func:`brainpy_math.get_dt`).
      name: the integrator's name.
      state_delays: variable name -> delay variable updated with each new state.

    Attributes:
      f: the right-hand side.
      alpha: the orders, one per variable (a NumPy array).
      num_memory: the memory length.

    Raises:
      TypeError: ``f`` is not callable.
      DiffEqError: ``f`` has no ``t``; ``alpha`` has the wrong length.
      IntegratorError: ``num_memory`` is not a positive int; ``alpha`` is out of range.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> integral = bd.fdeint(alpha=0.9, num_memory=5, inits=[1.], f=lambda x, t: -x,
      ...                      method='euler')
      >>> isinstance(integral, bd.integrators.fde.FDEIntegrator), integral.num_memory
      (True, 5)
      >>> [round(float(x), 4) for x in integral(bm.asarray([1.]), 0., dt=0.1)]
      [0.8691]
    """

    #: The accepted orders: ``(low, high, high included)``.
    alpha_range: tuple[float, float, bool] = (0.0, 1.0, True)

    def __init__(
        self,
        f: Callable[..., Any],
        alpha: Any,
        num_memory: int,
        dt: float | None = None,
        name: str | None = None,
        state_delays: dict[str, Any] | None = None,
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
        if (
            isinstance(num_memory, bool)
            or not isinstance(num_memory, numbers.Integral)
            or num_memory < 1
        ):
            raise IntegratorError(
                f"{who}: num_memory must be a positive int (the steps kept in memory), "
                f"got num_memory={num_memory!r}."
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
        self.num_memory = int(num_memory)
        self.alpha = self._check_alpha(alpha, who)
        self._n_vars = len(self._variables)
        self._after_t = self._parameters[1:]
        sig = inspect.signature(f)
        params = [
            p.replace(kind=inspect.Parameter.POSITIONAL_OR_KEYWORD) for p in sig.parameters.values()
        ]
        params.append(inspect.Parameter(DT, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None))
        self.__signature__ = inspect.Signature(params)

    def __repr__(self) -> str:
        fname = getattr(self.f, "__name__", type(self.f).__name__)
        return (
            f"{type(self).__name__}(f={fname}, alpha={self.alpha.tolist()}, "
            f"num_memory={self.num_memory}, name={self._name!r})"
        )

    def _check_alpha(self, alpha: Any, who: str) -> np.ndarray:
        try:
            arr = np.asarray(bm.as_numpy(alpha), dtype=np.float64).reshape(-1)
        except (TypeError, ValueError):
            raise IntegratorError(
                f"{who}: alpha must be a number or one number per variable, got {alpha!r}."
            ) from None
        n = len(self._variables)
        if arr.size == 1:
            arr = np.repeat(arr, n)
        if arr.size != n:
            raise DiffEqError(
                f"{who}: alpha must be one order for every variable or one per variable "
                f"{self._variables}, got {arr.size} orders."
            )
        low, high, closed = self.alpha_range
        ok = (arr > low) & ((arr <= high) if closed else (arr < high))
        if not np.all(ok):
            bracket = "]" if closed else ")"
            raise IntegratorError(
                f"{who}: the fractional order alpha must lie in ({low:g}, {high:g}{bracket}, "
                f"got alpha={arr.tolist()}."
            )
        return arr

    def _prepare(self, kwargs: dict[str, Any]) -> tuple[Arrays, Any, Any, Callable]:
        """A call's ``(variables, t, dt, rhs)``, ``rhs(xs, t)`` returning a tuple of arrays."""
        try:
            bound = self.__signature__.bind(**kwargs)
        except TypeError as e:
            raise DiffEqError(
                f"{self._name}: bad call ({e}); call it as integral{self.__signature__}."
            ) from None
        bound.apply_defaults()
        values = bound.arguments
        dt = values[DT]
        if dt is None:
            dt = self._dt if self._fixed_dt else default_dt()
        xs = tuple(as_float_array(values[v]) for v in self._variables)
        params = tuple(unwrap_arg(values[p]) for p in self._after_t)
        f, n, name = self.f, self._n_vars, self._name

        def rhs(xs_: Sequence[jax.Array], t_: Any) -> Arrays:
            return as_jax_tuple(f(*xs_, t_, *params), n, name)

        return xs, unwrap_arg(values["t"]), unwrap_arg(dt), rhs

    def _finish(self, new: Sequence[Any], xs: Arrays) -> Any:
        out = tuple(jnp.asarray(x_new, dtype=x.dtype) for x_new, x in zip(new, xs))
        return out[0] if len(out) == 1 else out

    def _match(self, key: str, x: jax.Array, memory: bm.Variable) -> jax.Array:
        """``x`` broadcast to the shape the memory was built for (from ``inits``)."""
        shape = tuple(memory.shape[1:])
        if x.shape == shape:
            return x
        try:
            if np.broadcast_shapes(x.shape, shape) == shape:
                return jnp.broadcast_to(x, shape)
        except ValueError:
            pass
        raise DiffEqError(
            f"{self._name}: variable {key!r} has shape {x.shape}, but the integrator was "
            f"built for inits of shape {shape}; pass inits of the variable's shape (or call "
            "reset(inits))."
        )

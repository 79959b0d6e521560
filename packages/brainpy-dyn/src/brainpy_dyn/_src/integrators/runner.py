"""``IntegratorRunner``: run a bare integrator for a duration as one compiled loop.

The runner holds the integrated variables in :class:`~brainpy_math.Variable` s and, at each
step ``i`` at time ``t``, calls ``target(*variables, t, *args, dt=dt)`` and stores the new
values. It is built on :class:`~brainpy_dyn.DSRunner`: the integrator and its Variables are
wrapped in a small dynamical system, so the loop is the same single ``lax.scan`` (with the
same progress bar, monitors and ``mon.ts`` convention, the end time of each step).
"""

from __future__ import annotations

import inspect
import math
import numbers
import time
from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.context import DotDict, share
from brainpy_dyn._src.dynsys import DynamicalSystemNS
from brainpy_dyn._src.errors import (
    MonitorKeyError,
    MonitorValueError,
    RunnerTypeError,
    RunnerValueError,
)
from brainpy_dyn._src.integrators.base import DT, Integrator, as_float_array
from brainpy_dyn._src.runner import DSRunner
from brainpy_dyn._src.runner_base import Runner

__all__ = ["IntegratorRunner"]


def _hashable(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        return ("id", id(value))
    return value


class _IntegralSystem(DynamicalSystemNS):
    """The integrator and its state as a dynamical system (one integration step per update)."""

    def __init__(self, target: Integrator, inits: dict[str, jax.Array]):
        super().__init__()
        self.integral = target
        self.states = {k: bm.Variable(v) for k, v in inits.items()}
        self.static_args: dict[str, Any] = {}
        self.dyn_names: tuple[str, ...] = ()

    def update(self, dyn_values: Sequence[Any] = ()) -> None:
        names = self.integral.variables
        kwargs = {k: self.states[k].value for k in names}
        kwargs.update(self.static_args)
        kwargs.update(zip(self.dyn_names, dyn_values))
        kwargs["t"] = share["t"]
        kwargs[DT] = share["dt"]
        new = self.integral(**kwargs)
        if len(names) == 1:
            new = (new,)
        for k, value in zip(names, new):
            var = self.states[k]
            var.value = jnp.broadcast_to(bm.as_jax(value), var.shape).astype(var.dtype)


class IntegratorRunner(Runner):
    """Run a numerical integrator and record its variables, in one compiled loop.

    BrainPy implementation of ``brainpy.IntegratorRunner`` (= ``brainpy.integrators.
    IntegratorRunner``, 2.3.5). It integrates a bare ``odeint``/``sdeint``/``fdeint``
    integrator (or any :class:`~brainpy_dyn.integrators.Integrator`) from ``inits``: each
    step calls ``target(*variables, t, *args, dt=dt)``. Runs continue where the last one
    stopped (time and state).

    Args:
      target: the integrator.
      inits: the initial values, a sequence in the order of ``target.variables`` or a dict
        naming each variable. Numbers become arrays of shape ``(1,)``; all values are
        broadcast to one common shape (``[1., (1., 0.)]`` integrates two copies). ``None``
        (2.3.5's default) starts a variable that has a state delay from the newest value of
        its delay's history, and every other variable from 0.
      dt: the step; ``None`` takes ``target.dt``.
      monitors: the variables to record (names, or ``(name, index)`` pairs, or a dict
        ``{key: name | (name, index)}``); ``None`` records none. ``runner.mon[name]`` has
        the time axis first, ``runner.mon.ts`` the end time of every step.
      dyn_vars: accepted for 2.3.5 compatibility and ignored (Variables are found).
      jit: compile the loop (``False`` runs it step by step, for debugging); a dict
        ``{'predict': bool}`` is accepted.
      numpy_mon_after_run: turn the records into NumPy arrays after a run.
      progress_bar: show a tqdm progress bar (fed from inside the compiled loop).
      args: the integrator's other arguments, constant over a run (``{'Iext': 1.}``).
      dyn_args: per-step arguments, ``{name: array}`` with one row per step.
      fun_monitors: ``{key: func(t, dt)}``, recorded every step (``t`` the step's start).

    Raises:
      RunnerTypeError: ``target`` is not an integrator.
      RunnerValueError: bad ``inits``, ``dt``, ``args`` or ``dyn_args``.
      MonitorKeyError: a monitor names no variable.

    Examples:
      >>> import brainpy_dyn as bd
      >>> decay = bd.odeint(lambda x, t, tau: -x / tau, method='exp_auto')
      >>> runner = bd.IntegratorRunner(decay, inits=[1.], dt=0.1, monitors=['x'],
      ...                              args={'tau': 1.}, progress_bar=False)
      >>> runner.run(1.)
      >>> runner.mon.x.shape, round(float(runner.mon.x[-1, 0]), 4)   # e^-1
      ((10, 1), 0.3679)
    """

    def __init__(
        self,
        target: Integrator,
        inits: Sequence[Any] | dict[str, Any] | None = None,
        dt: float | None = None,
        monitors: Sequence[str] | dict[str, Any] | None = None,
        dyn_vars: Any = None,
        jit: bool | dict[str, bool] = True,
        numpy_mon_after_run: bool = True,
        progress_bar: bool = True,
        args: dict[str, Any] | None = None,
        dyn_args: dict[str, Any] | None = None,
        fun_monitors: dict[str, Callable[..., Any]] | None = None,
    ):
        del dyn_vars
        if not isinstance(target, Integrator) or not callable(target):
            raise RunnerTypeError(
                "IntegratorRunner: target must be an integrator (made by odeint, sdeint, "
                f"fdeint or an Integrator class), got {type(target).__name__}."
            )
        self.target = target
        if dt is None:
            dt = target.dt
        if isinstance(dt, bool) or not isinstance(dt, numbers.Real) or not 0 < dt < math.inf:
            raise RunnerValueError(f"IntegratorRunner: dt must be a positive number, got {dt!r}.")
        self.dt = float(dt)
        self.variables = list(target.variables)
        self._arg_names = [p for p in target.parameters if p != "t"]
        self._defaults = _defaults(target)
        self.args = self._check_args(args, "args")
        self.dyn_args = self._check_args(dyn_args, "dyn_args")
        self._system = _IntegralSystem(target, self._format_inits(inits))
        self._runner = DSRunner(
            self._system,
            monitors=self._format_monitors(monitors, fun_monitors),
            numpy_mon_after_run=numpy_mon_after_run,
            jit=jit,
            dt=self.dt,
            progress_bar=progress_bar,
        )

    # -------------------------------------------------------------- public
    @property
    def mon(self) -> DotDict:
        """The records of the last run, one array per monitor (time first), and ``ts``."""
        return self._runner.mon

    @property
    def states(self) -> dict[str, bm.Variable]:
        """The current value of every variable, as Variables."""
        return self._system.states

    def run(
        self,
        duration: float,
        start_t: float | None = None,
        eval_time: bool = False,
        args: dict[str, Any] | None = None,
        dyn_args: dict[str, Any] | None = None,
    ) -> Any:
        """Integrate ``round(duration / dt)`` steps.

        Args:
          duration: the simulated time.
          start_t: the time of the first step; ``None`` continues from the last run (0 at
            first).
          eval_time: return the wall-clock seconds of the run.
          args: constant arguments for this run (added to those given at construction).
          dyn_args: per-step arguments for this run (replacing those given at
            construction), one row per step.

        Returns:
          The running time in seconds with ``eval_time``, else ``None``.

        Raises:
          ValueError: a bad duration, a missing argument, or ``dyn_args`` whose length is
            not the number of steps.
        """
        if (
            isinstance(duration, bool)
            or not isinstance(duration, numbers.Real)
            or not 0 < duration < math.inf
        ):
            raise RunnerValueError(
                f"IntegratorRunner.run: duration must be a positive finite number, got {duration!r}."
            )
        n = round(duration / self.dt)
        if n < 1:
            raise RunnerValueError(
                f"IntegratorRunner.run: duration={duration} is shorter than half a step "
                f"(dt={self.dt}): no step to run."
            )
        static = {**self.args, **self._check_args(args, "args")}
        dynamic = self.dyn_args if dyn_args is None else self._check_args(dyn_args, "dyn_args")
        both = sorted(set(static) & set(dynamic))
        if both:
            raise RunnerValueError(
                f"IntegratorRunner.run: {both} given both as args and as dyn_args; give each "
                "argument once."
            )
        missing = [a for a in self._arg_names if a not in static and a not in dynamic]
        missing = [a for a in missing if a not in self._defaults]
        if missing:
            raise RunnerValueError(
                f"IntegratorRunner.run: the integrator needs the argument(s) {missing}; give "
                "them in args (constant) or dyn_args (one value per step)."
            )
        names = tuple(dynamic)
        rows = tuple(jnp.asarray(bm.as_jax(dynamic[k])) for k in names)
        for k, value in zip(names, rows):
            if value.ndim == 0 or value.shape[0] != n:
                raise RunnerValueError(
                    f"IntegratorRunner.run: dyn_args[{k!r}] must have one row per step: "
                    f"duration={duration} at dt={self.dt} gives {n} steps, got shape "
                    f"{value.shape}."
                )
        self._system.static_args = static
        self._system.dyn_names = names
        if start_t is not None:
            if isinstance(start_t, bool) or not isinstance(start_t, numbers.Real):
                raise RunnerValueError(
                    f"IntegratorRunner.run: start_t must be a number, got {start_t!r}."
                )
            self._runner.t0 = float(start_t)
        token = tuple(sorted((k, _hashable(v)) for k, v in static.items())) + (names,)
        start = time.perf_counter()
        self._runner.run(
            duration, inputs=rows if names else None, shared_args={"_integrator_args": token}
        )
        elapsed = time.perf_counter() - start
        return elapsed if eval_time else None

    __call__ = run

    # ------------------------------------------------------------- helpers
    def _check_args(self, args: Any, what: str) -> dict[str, Any]:
        if args is None:
            return {}
        if not isinstance(args, dict):
            raise RunnerValueError(
                f"IntegratorRunner: {what} must be a dict of argument name -> value, got "
                f"{type(args).__name__}."
            )
        unknown = [k for k in args if k not in self._arg_names]
        if unknown:
            raise RunnerValueError(
                f"IntegratorRunner: {what} names {unknown}, which the integrator does not "
                f"take; its arguments after 't' are {self._arg_names}."
            )
        return dict(args)

    def _format_inits(self, inits: Any) -> dict[str, jax.Array]:
        variables = self.variables
        if inits is None:  # 2.3.5: a variable with a state delay starts from its history
            delays = getattr(self.target, "state_delays", None) or {}
            inits = [delays[v].latest if v in delays else 0.0 for v in variables]
        if isinstance(inits, dict):
            keys = list(inits)
            if sorted(keys) != sorted(variables):
                raise RunnerValueError(
                    f"IntegratorRunner: inits must name every variable {variables} once, "
                    f"got the keys {keys}."
                )
            values = [inits[v] for v in variables]
        elif isinstance(inits, (list, tuple, np.ndarray, jax.Array, bm.Array)):
            if len(inits) != len(variables):
                raise RunnerValueError(
                    f"IntegratorRunner: inits must hold one initial value per variable "
                    f"{variables}, got {len(inits)} values."
                )
            values = list(inits)
        else:
            raise RunnerValueError(
                f"IntegratorRunner: inits must be a sequence or a dict, got {type(inits).__name__}."
            )
        arrays = [jnp.atleast_1d(as_float_array(v)) for v in values]
        try:
            shape = np.broadcast_shapes(*(a.shape for a in arrays))
        except ValueError:
            raise RunnerValueError(
                "IntegratorRunner: the initial values must broadcast to one shape, got the "
                f"shapes {dict(zip(variables, (a.shape for a in arrays)))}."
            ) from None
        return {v: jnp.broadcast_to(a, shape) for v, a in zip(variables, arrays)}

    def _format_monitors(self, monitors: Any, fun_monitors: Any) -> dict[str, Any]:
        states = self._system.states
        items: list[tuple[str, Any]] = []
        if monitors is None:
            pass
        elif isinstance(monitors, dict):
            items = [(str(k), v) for k, v in monitors.items()]
        elif isinstance(monitors, (list, tuple)):
            for m in monitors:
                if isinstance(m, str):
                    items.append((m, m))
                elif isinstance(m, tuple) and len(m) == 2 and isinstance(m[0], str):
                    items.append((m[0], m))
                else:
                    raise MonitorValueError(
                        "IntegratorRunner: monitors holds variable names or (name, index) "
                        f"pairs, got {m!r}."
                    )
        else:
            raise MonitorValueError(
                f"IntegratorRunner: monitors must be None, a list or a dict, got "
                f"{type(monitors).__name__}."
            )
        out: dict[str, Any] = {}
        for key, spec in items:
            name, index = (spec, None) if isinstance(spec, str) else spec
            if not isinstance(name, str) or name not in states:
                raise MonitorKeyError(
                    f"IntegratorRunner: monitor {key!r} names no variable of the integrator; "
                    f"its variables are {self.variables}."
                )
            out[key] = states[name] if index is None else (states[name], index)
        dt = self.dt
        for key, func in (fun_monitors or {}).items():
            if not callable(func):
                raise MonitorValueError(
                    f"IntegratorRunner: fun_monitors[{key!r}] must be callable, got {func!r}."
                )
            out[str(key)] = _fun_monitor(func, dt)
        return out


def _fun_monitor(func: Callable[..., Any], dt: float) -> Callable[[Any], Any]:
    def monitor(shared: Any) -> Any:
        return func(shared["t"] - dt, dt)

    return monitor


def _defaults(target: Integrator) -> set[str]:
    """The names of the integrator's arguments that have a default value."""
    sig = getattr(target, "__signature__", None)
    if sig is None:
        try:
            sig = inspect.signature(target.f)  # type: ignore[attr-defined]
        except (AttributeError, TypeError, ValueError):
            return set()
    return {
        name
        for name, p in sig.parameters.items()
        if p.default is not inspect.Parameter.empty and name != DT
    }


bm.set_module("brainpy_dyn.integrators", IntegratorRunner)

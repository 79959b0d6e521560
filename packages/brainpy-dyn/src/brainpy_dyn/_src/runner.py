"""``DSRunner``: run a dynamical system for a duration as one compiled loop.

Each ``run(duration)`` executes ``n = round(duration / dt)`` steps as one
:func:`brainpy_math.for_loop` (one ``lax.scan``, built by :func:`~brainpy_dyn.make_loop`);
nothing returns to Python between steps. Step ``i`` (``i`` counts from 0 for a fresh runner
and continues across runs) is the runner's :class:`~brainpy_dyn.StepFunction`:

1. ``share.save(t=t, i=i, dt=dt, fit=False, **shared_args)`` with ``t = t0 + (i - i0)·dt``
   the time at the start of the step;
2. ``target.clear_input()``, then the runner's ``inputs`` and ``fun_inputs``;
3. ``target()`` (or ``target(x[i])`` with per-step data given to :meth:`DSRunner.run`);
4. the monitors, whose times ``mon.ts`` are the ends of the steps (``t + dt``, as 2.3.5);
5. ``share`` goes back to what it held before the step (2.3.5 cleared it).

With ``monitor_every=N`` the monitors (and the target's outputs) are recorded at the end of
every N-th step only, with a nested scan (outer over chunks of N steps), so long runs fit in
memory. A ``progress_bar`` is a tqdm bar fed by a host callback between about 100 chunks of
steps, all inside the one compiled run; the per-step loop itself never holds a callback.
"""

from __future__ import annotations

import math
import numbers
import time
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.context import DotDict, share
from brainpy_dyn._src.distributed import local_array
from brainpy_dyn._src.dynsys import DynamicalSystem
from brainpy_dyn._src.errors import RunnerTypeError, RunnerValueError
from brainpy_dyn._src.process_records import ProcessRecords
from brainpy_dyn._src.runner_base import Runner
from brainpy_dyn._src.stepping import StepFunction, check_dt, check_shared_args, make_loop
from brainpy_dyn._src.tools_misc import swap_time_and_batch

__all__ = ["DSRunner"]


def _hashable(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        return ("id", id(value))
    return value


class DSRunner(Runner):
    """Run a :class:`~brainpy_dyn.DynamicalSystem` and record its Variables.

    Args:
      target: the system to run.
      inputs: ``[(target, value, type='fix'|'iter'|'func', op='+'|'-'|'*'|'/'|'=')]`` (see
        :mod:`~brainpy_dyn._src.runner_inputs`), or a callable ``f(shared)`` run each step.
      monitors: names (``'E.spike'``), ``(name, index)`` pairs, or a dict ``{key: Variable |
        (Variable, index) | name | callable(shared)}``.
      numpy_mon_after_run: convert the monitors to NumPy arrays after each run.
      jit: compile the loop (``False`` runs the same steps one by one in Python, for
        debugging); a dict ``{'predict': bool}`` is accepted as in 2.3.5.
      dyn_vars: accepted for 2.3.5 compatibility and ignored (Variables are found).
      dt: the time step; ``None`` takes ``brainpy_math.get_dt()``. An int is converted to
        float (2.3.5 rejected it).
      t0: the time at the start of the first run.
      progress_bar: show a tqdm bar; a dict is passed to ``tqdm`` as keyword arguments.
      data_first_axis: ``'T'`` (time first) or ``'B'`` (batch first) for per-step data given
        to :meth:`run`; ``None`` picks ``'B'`` for batching targets. With ``'B'`` and a
        batching target the records in ``mon`` are batch first too (``(batch, time, ...)``,
        as in 2.3.5); otherwise they are time first.
      fun_inputs: a callable ``f(shared)`` run each step after ``inputs``.
      fun_monitors: ``{key: f(shared)}``, added to ``monitors``.
      memory_efficient: send monitor values to host memory step by step (through a host
        callback) instead of stacking them on the device. In a run of several processes
        each process receives them (all, or its own neurons': see ``gather_monitors``).
      monitor_every: record the monitors (and outputs) every this many steps.
      gather_monitors: in a run of several processes (see
        :func:`~brainpy_dyn.init_distributed`), gather every record whole onto every
        process; ``False`` keeps each process's own part (the block of neurons its devices
        hold, for records too large to gather), with its position in the whole in
        ``local_slices`` (record name -> slices). One process holds everything either way.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Integrator(bd.DynamicalSystemNS):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self.x = bm.Variable(bm.zeros(1))
      ...         self.input = bm.Variable(bm.zeros(1))
      ...     def update(self):
      ...         self.x.value += self.input * bd.share.load('dt')
      ...     def clear_input(self):
      ...         self.input.value = bm.zeros(1)
      >>> model = Integrator()
      >>> runner = bd.DSRunner(model, inputs=[('input', 2.)], monitors=['x'], progress_bar=False)
      >>> runner.run(0.3)
      >>> runner.mon.ts, runner.mon['x'][:, 0]
      (array([0.1, 0.2, 0.3], dtype=float32), array([0.2, 0.4, 0.6], dtype=float32))
    """

    def __init__(
        self,
        target: DynamicalSystem,
        inputs: Any = (),
        monitors: Any = None,
        numpy_mon_after_run: bool = True,
        jit: bool | dict[str, bool] = True,
        dyn_vars: Any = None,
        dt: float | None = None,
        t0: float = 0.0,
        progress_bar: bool | dict[str, Any] = True,
        data_first_axis: str | None = None,
        fun_inputs: Any = None,
        fun_monitors: dict[str, Any] | None = None,
        memory_efficient: bool = False,
        monitor_every: int = 1,
        gather_monitors: bool = True,
    ):
        del dyn_vars
        if not isinstance(target, DynamicalSystem):
            raise RunnerTypeError(
                f"DSRunner: target must be a DynamicalSystem, got {type(target).__name__}."
            )
        self.target = target
        self.dt = check_dt(dt, "DSRunner")
        if isinstance(t0, bool) or not isinstance(t0, numbers.Real) or not math.isfinite(t0):
            raise RunnerValueError(f"DSRunner: t0 must be a finite number, got {t0!r}.")
        self._t0_init = float(t0)
        self.t0 = float(t0)
        self.i0 = 0
        if isinstance(jit, dict):
            jit = jit.get("predict", True)
        self.jit = bool(jit)
        if not isinstance(progress_bar, (bool, dict)):
            raise RunnerTypeError(
                f"DSRunner: progress_bar must be a bool or a dict, got {progress_bar!r}."
            )
        self.progress_bar = progress_bar
        self.numpy_mon_after_run = bool(numpy_mon_after_run)
        if data_first_axis is None:
            data_first_axis = "B" if isinstance(target.mode, bm.BatchingMode) else "T"
        if data_first_axis not in ("T", "B"):
            raise RunnerValueError(
                f"DSRunner: data_first_axis must be 'T' or 'B', got {data_first_axis!r}."
            )
        self.data_first_axis = data_first_axis
        if (
            isinstance(monitor_every, bool)
            or not isinstance(monitor_every, numbers.Integral)
            or monitor_every < 1
        ):
            raise RunnerValueError(
                f"DSRunner: monitor_every must be an int >= 1, got {monitor_every!r}."
            )
        self.monitor_every = int(monitor_every)
        self.memory_efficient = bool(memory_efficient)
        self.gather_monitors = bool(gather_monitors)
        #: with ``gather_monitors=False``: ``{key: slices}``, where each record lies in the whole
        self.local_slices: dict[str, tuple[slice, ...]] = {}
        if callable(inputs) and fun_inputs is None:
            inputs, fun_inputs = (), inputs
        self._step = StepFunction(
            target,
            inputs,
            monitors,
            dt=self.dt,
            fun_inputs=fun_inputs,
            fun_monitors=fun_monitors,
        )
        self._monitors = self._step.monitors
        self.mon: DotDict = DotDict()
        self._loops: dict[Any, Any] = {}
        self._bar: Any = None
        self._run_i0 = 0
        self._host_mon: dict[str, np.ndarray] = {}
        self._n_records = 0
        # memory_efficient, several processes: the records of every process
        self._records: ProcessRecords | None = None

    # -------------------------------------------------------------- public
    @property
    def step_function(self) -> StepFunction:
        """The :class:`~brainpy_dyn.StepFunction` this runner takes at every step."""
        return self._step

    def reset_state(self) -> None:
        """Restart the clock: ``i0 = 0`` and ``t0`` back to its initial value."""
        self.i0 = 0
        self.t0 = self._t0_init

    def run(
        self,
        duration: float | None = None,
        inputs: Any = None,
        reset_state: bool = False,
        shared_args: dict[str, Any] | None = None,
        eval_time: bool = False,
    ) -> Any:
        """Run ``round(duration / dt)`` steps (or one per row of ``inputs``).

        Args:
          duration: the simulated time; ``None`` takes the length of ``inputs``.
          inputs: per-step data for ``target(x)``, a pytree of arrays with the time axis
            first (``data_first_axis='T'``) or second (``'B'``).
          reset_state: reset the target and the runner's clock first.
          shared_args: extra shared data saved each step (``fit`` defaults to ``False``).
          eval_time: also return the wall-clock seconds.

        Returns:
          The target's per-step outputs stacked along time (every ``monitor_every``-th
          step), or ``(seconds, outputs)`` with ``eval_time``. The monitors land in
          ``mon``, with the step end times in ``mon.ts``; time ``t0`` and step ``i0``
          advance, so a second run continues.

        Raises:
          RunnerValueError: a bad ``duration``, no steps, or ``inputs`` that disagree with it.
          InputShapeError: an ``'iter'`` input too short for this run.
        """
        if reset_state:
            self.target.reset_state()
            self.reset_state()
        shared = {"fit": False, **check_shared_args(shared_args, "DSRunner.run")}
        xs, n = self._format_xs(inputs, duration)
        i0, t0, every = self.i0, self.t0, self.monitor_every
        ts, idx, iters = self._clock(n)
        loop = self._loop_for(shared)
        # This run's monitors replace the last run's: release those first, so a long run does
        # not hold two sets of records at its peak (a reference the user kept stays valid).
        self.mon = DotDict()
        start = time.perf_counter()
        self._open_bar(n, i0)
        try:
            outs, mons = loop(ts, idx, xs, iters)
            # The state too: with no monitor and no output, only it tells when the run ended.
            jax.block_until_ready((outs, mons, [v.value for v in self.target.vars().values()]))
            jax.effects_barrier()
        finally:
            self._close_bar(n)
        elapsed = time.perf_counter() - start
        self._advance(n)
        self._store_monitors(mons, t0, n, every)
        if xs is not None and self.data_first_axis == "B":
            outs = jax.tree_util.tree_map(
                lambda a: swap_time_and_batch(a) if a.ndim > 1 else a,
                outs,
                is_leaf=lambda a: isinstance(a, bm.Array),
            )
        return (elapsed, outs) if eval_time else outs

    predict = run
    __call__ = run

    # ------------------------------------------------------------ the clock
    def _clock(self, n: int) -> tuple[np.ndarray, np.ndarray, tuple[Any, ...]]:
        """Host-side operands of ``n`` steps from the current clock: ``(ts, idx, iters)``.

        Host arrays: slicing and reshaping them compiles nothing (the loop takes them).
        Subclasses (the trainers) build their loops from the same clock.
        """
        return self._step.clock(n, self.t0, self.i0)

    def _advance(self, n: int) -> None:
        """Move the clock on by ``n`` steps."""
        self.i0 += n
        self.t0 += n * self.dt

    # ------------------------------------------------------------ helpers
    def _format_xs(self, inputs: Any, duration: Any) -> tuple[Any, int]:
        n_xs = None
        xs = None
        if inputs is not None:
            xs = jax.tree_util.tree_map(
                lambda a: jnp.asarray(bm.as_jax(a)),
                inputs,
                is_leaf=lambda a: isinstance(a, bm.Array),
            )
            axis = 0 if self.data_first_axis == "T" else 1
            lengths = {
                a.shape[axis] if a.ndim > axis else None for a in jax.tree_util.tree_leaves(xs)
            }
            if len(lengths) != 1 or None in lengths:
                raise RunnerValueError(
                    f"DSRunner.run: every leaf of inputs needs the same time axis {axis} "
                    f"(data_first_axis={self.data_first_axis!r}), got lengths {lengths}."
                )
            n_xs = lengths.pop()
            if axis == 1:
                xs = jax.tree_util.tree_map(swap_time_and_batch, xs)
        if duration is None:
            if n_xs is None:
                raise RunnerValueError(
                    "DSRunner.run: give a duration or per-step inputs, got neither."
                )
            n = n_xs
        else:
            if (
                isinstance(duration, bool)
                or not isinstance(duration, numbers.Real)
                or not 0 < duration < math.inf
            ):
                raise RunnerValueError(
                    f"DSRunner.run: duration must be a positive finite number, got {duration!r}."
                )
            n = round(duration / self.dt)
            if n_xs is not None and n_xs != n:
                raise RunnerValueError(
                    f"DSRunner.run: duration={duration} gives {n} steps at dt={self.dt}, but "
                    f"inputs have {n_xs} steps."
                )
        if n < 1:
            raise RunnerValueError(
                f"DSRunner.run: duration={duration} is shorter than half a step (dt={self.dt}): no step to run."
            )
        return xs, n

    def _loop_for(self, shared: dict[str, Any]) -> Any:
        """The compiled loop of a run with ``shared``, built once and kept for later runs.

        A new loop (so a new trace) when the shared data, what ``share`` holds outside the
        run, the target's Variables or the recording options changed.
        """
        progress = self.progress_bar is not False
        key = (
            tuple(sorted((k, _hashable(v)) for k, v in shared.items())),
            tuple(sorted((k, _hashable(v)) for k, v in share._snapshot().items())),
            tuple(id(v) for v in self.target.vars().values()),
            self.memory_efficient,
            progress,
            self.numpy_mon_after_run,
        )
        loop = self._loops.get(key)
        if loop is None:
            self._records = None
            if self.memory_efficient:
                self._records = ProcessRecords.for_target(self.target, self.gather_monitors)
            self._step.monitor_callback = (
                (self._records or self._keep) if self.memory_efficient else None
            )
            loop = make_loop(
                self._step,
                shared_args=shared,
                monitor_every=self.monitor_every,
                progress=self._tick if progress else None,
                numpy_monitors=self.numpy_mon_after_run and self.gather_monitors,
                jit=self.jit,
            )
            self._loops = {key: loop}
        return loop

    # ------------------------------------------------------- host callbacks
    def _open_bar(self, n: int, i0: int) -> None:
        self._run_i0 = i0
        self._n_records = n // self.monitor_every
        self._host_mon = {}
        if self._records is not None:
            self._records.open(self._n_records, i0, self.monitor_every)
        if self.progress_bar is False or jax.process_index() != 0:  # one bar per run
            return
        from tqdm import tqdm

        options = self.progress_bar if isinstance(self.progress_bar, dict) else {}
        self._bar = tqdm(**{"total": n, "desc": f"Predict {n} steps: ", **options})

    def _tick(self, i: Any) -> None:
        if self._bar is not None:
            done = int(i) + 1 - self._run_i0
            if done > self._bar.n:
                self._bar.update(done - self._bar.n)

    def _close_bar(self, n: int) -> None:
        if self._bar is not None:
            if self._bar.n < n:
                self._bar.update(n - self._bar.n)
            self._bar.close()
            self._bar = None

    def _keep(self, i: Any, mons: dict[str, Any]) -> None:
        row = (int(i) + 1 - self._run_i0) // self.monitor_every - 1
        for key, value in mons.items():
            value = np.asarray(value)
            store = self._host_mon.get(key)
            if store is None:
                store = self._host_mon[key] = np.zeros((self._n_records, *value.shape), value.dtype)
            store[row] = value

    def _store_monitors(self, mons: dict[str, Any], t0: float, n: int, every: int) -> None:
        slices: dict[str, tuple[slice, ...]] = {}
        if self.memory_efficient and self._records is not None:
            mons, slices = self._records.collect()  # already this process's part
        elif self.memory_efficient:
            mons = dict(self._host_mon)
            self._host_mon = {}
        mon = DotDict()
        for key, _ in self._monitors:
            value = mons.get(key)
            if value is None:
                value = np.zeros((0,))
            if not self.gather_monitors and key in slices:
                self.local_slices[key] = slices[key]
            elif not self.gather_monitors:
                value, self.local_slices[key] = local_array(value)
            mon[key] = np.asarray(value) if self.numpy_mon_after_run else bm.as_jax(value)
        steps = np.arange(every, n + 1, every)
        mon["ts"] = np.asarray(t0 + self.dt * steps, dtype=bm.get_float())
        self.mon = self._monitors_in_data_layout(mon)

    def _monitors_in_data_layout(self, mon: DotDict) -> DotDict:
        """The records in the layout of the data: batch first or time first.

        Batch first (``(batch, time, ...)``) for a batching target with
        ``data_first_axis='B'``, as 2.3.5 returned them; time first otherwise.

        Records of one dimension (``ts``, a scalar per step) keep their only axis.
        """
        if self.data_first_axis != "B" or not isinstance(self.target.mode, bm.BatchingMode):
            return mon
        for key, value in mon.items():
            if key != "ts" and np.ndim(value) >= 2:
                mon[key] = (np if isinstance(value, np.ndarray) else jnp).swapaxes(value, 0, 1)
        return mon


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
bm.set_module("brainpy_dyn", DSRunner)

"""One time step of a dynamical system, and the compiled loop of many: what runners stand on.

:class:`StepFunction` is the step every runner of this package takes (``DSRunner``,
``LoopOverTime``, the trainers of ``brainpy_layers``). Step ``i``, starting at time ``t``:

1. ``share.save(t=t, i=i, dt=dt, **shared_args)``, remembering what ``share`` held;
2. ``target.clear_input()``, then the step's inputs (in the order given) and ``fun_inputs``;
3. ``target()``, or ``target(x)`` with per-step data ``x``;
4. the monitors, whose getters receive the shared data at the *end* of the step
   (``t + dt``);
5. ``share`` goes back to what it held before the step, even when the step raises.

:func:`make_loop` turns a step into the function that runs it once per row of its operands
as one :func:`brainpy_math.for_loop` (one ``lax.scan``), recording every
``monitor_every``-th step, optionally calling a progress function between about 100 chunks
of steps; nothing returns to Python between steps.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.context import DotDict, share
from brainpy_dyn._src.distributed import host_array
from brainpy_dyn._src.dynsys import DynamicalSystem
from brainpy_dyn._src.errors import InputValueError, RunnerTypeError, RunnerValueError
from brainpy_dyn._src.runner_inputs import (
    InputSpec,
    apply_input,
    build_inputs,
    check_iter_length,
    iter_steps,
)
from brainpy_dyn._src.runner_monitors import build_monitors

__all__ = ["StepFunction", "check_dt", "check_shared_args", "make_loop"]

_RESERVED = frozenset({"t", "i", "dt"})

#: fewer recorded rows than this run as one loop even with a progress function
_MIN_ROWS_FOR_PROGRESS = 200


def check_dt(dt: Any, owner: str) -> float:
    """``dt`` as a positive finite float; ``None`` takes :func:`brainpy_math.get_dt`.

    Raises:
      RunnerValueError: anything else, naming ``owner``.
    """
    if dt is None:
        return float(bm.get_dt())
    if isinstance(dt, bool) or not isinstance(dt, numbers.Real) or not 0 < dt < math.inf:
        raise RunnerValueError(f"{owner}: dt must be a positive finite float, got {dt!r}.")
    return float(dt)


def check_shared_args(shared_args: Any, owner: str, what: str = "shared_args") -> dict[str, Any]:
    """``shared_args`` as a new dict with str keys other than ``t``, ``i`` and ``dt``.

    Raises:
      RunnerValueError: a reserved or non-str key, or something that is not a dict.
    """
    if shared_args is None:
        return {}
    if not isinstance(shared_args, Mapping):
        raise RunnerValueError(
            f"{owner}: {what} must be a dict or None, got {type(shared_args).__name__}."
        )
    shared = dict(shared_args)
    if _RESERVED & set(shared) or not all(isinstance(k, str) for k in shared):
        raise RunnerValueError(
            f"{owner}: {what} must have str keys other than 't', 'i' and 'dt' "
            f"(the step sets those), got keys {list(shared)}."
        )
    return shared


class StepFunction:
    """One time step of a dynamical system: shared data, inputs, the call, monitors.

    Calling ``step(t, i, x)`` saves ``t``, ``i``, ``dt`` and the shared arguments into
    :data:`~brainpy_dyn.share`, clears the target's inputs, applies the step's inputs,
    calls ``target(x)`` (``target()`` when ``x`` is ``None``), reads the monitors with the
    shared data of the end of the step (``t + dt``), and puts ``share`` back as it was.
    It is pure JAX, so it runs as is, under ``bm.jit``, in ``bm.for_loop`` (see
    :func:`make_loop`) and under ``bm.grad``; :class:`~brainpy_dyn.DSRunner`,
    :class:`~brainpy_dyn.LoopOverTime` and the trainers of ``brainpy_layers`` all take
    this step.

    Args:
      target: the system to step.
      inputs: the runner's inputs, ``[(target, value, type='fix'|'iter'|'func',
        op='+'|'-'|'*'|'/'|'=')]`` (as :class:`~brainpy_dyn.DSRunner` takes them); an
        ``'iter'`` value is indexed by the absolute step index ``i``.
      monitors: names (``'E.spike'``), ``(name, index)`` pairs, or a dict ``{key: Variable
        | (Variable, index) | name | callable(shared)}``.
      dt: the time step; ``None`` takes :func:`brainpy_math.get_dt`.
      fun_inputs: a callable ``f(shared)`` run each step after ``inputs``.
      fun_monitors: ``{key: f(shared)}``, added to ``monitors``.
      shared_args: extra shared data saved every step (such as ``fit``); a call may add
        more.
      monitor_callback: a host function ``f(i, values)`` that receives the monitor values
        of every recorded step (through :func:`jax.debug.callback`) instead of the call
        returning them, so long runs keep no records on the device. An object with an
        ``emit(i, values)`` method is called while the step is traced instead, and places
        its own host callbacks (``DSRunner`` does so on several processes).

    Attributes:
      target: the system stepped.
      dt: the time step, a float.
      inputs: the checked inputs, in order.
      monitors: the ``(key, getter(shared))`` pairs of the monitors, in order.
      shared_args: the extra shared data of every step.
      monitor_callback: see above (it may be changed between calls).

    Raises:
      RunnerTypeError: ``target`` is not a DynamicalSystem or ``fun_inputs`` is not
        callable.
      RunnerValueError: a bad ``dt`` or ``shared_args``.
      InputKeyError: an input names no Variable of the target.
      InputValueError: a malformed input, or an unknown ``type`` or ``op``.
      InputShapeError: an input value that does not broadcast to its Variable.
      MonitorKeyError: a monitor names no Variable of the target.
      MonitorValueError: a malformed monitor or index.

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
      >>> step = bd.StepFunction(model, inputs=[('input', 2.)], monitors=['x'], dt=0.5)
      >>> out, mons = step(t=0., i=0)
      >>> float(mons['x'][0]), 't' in bd.share       # share is back to what it held
      (1.0, False)
    """

    def __init__(
        self,
        target: DynamicalSystem,
        inputs: Any = (),
        monitors: Any = None,
        *,
        dt: float | None = None,
        fun_inputs: Callable[[DotDict], Any] | None = None,
        fun_monitors: dict[str, Callable[[DotDict], Any]] | None = None,
        shared_args: dict[str, Any] | None = None,
        monitor_callback: Callable[[Any, dict[str, Any]], Any] | None = None,
    ):
        owner = type(self).__name__
        if not isinstance(target, DynamicalSystem):
            raise RunnerTypeError(
                f"{owner}: target must be a DynamicalSystem, got {type(target).__name__}."
            )
        if fun_inputs is not None and not callable(fun_inputs):
            raise RunnerTypeError(f"{owner}: fun_inputs must be callable, got {fun_inputs!r}.")
        self.target = target
        self.dt = check_dt(dt, owner)
        self.inputs: list[InputSpec] = build_inputs(target, inputs)
        # Applied in this order every step: the fixed, the iterated, then the function inputs.
        self._fixed = [s for s in self.inputs if s.type == "fix"]
        self._iterated = [s for s in self.inputs if s.type == "iter"]
        self._funcs = [s for s in self.inputs if s.type == "func"]
        self.monitors = build_monitors(target, monitors, fun_monitors)
        self.fun_inputs = fun_inputs
        self.shared_args = check_shared_args(shared_args, owner)
        self.monitor_callback = monitor_callback

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(target={self.target!r}, dt={self.dt}, "
            f"inputs={len(self.inputs)}, monitors={[k for k, _ in self.monitors]})"
        )

    # ------------------------------------------------------------------ the clock
    def clock(self, n: int, t0: Any = 0.0, i0: Any = 0) -> tuple[Any, Any, tuple[Any, ...]]:
        """The operands of ``n`` steps from ``(t0, i0)``: ``(ts, idx, iter_values)``.

        ``ts[k] = t0 + k·dt`` are the start times, ``idx[k] = i0 + k`` the step indices and
        ``iter_values`` the values of the ``'iter'`` inputs for those steps (time first).
        With Python numbers the arrays are NumPy arrays (slicing them compiles nothing);
        with JAX values (a traced counter, say) they are JAX arrays. An iterator input
        gives its next ``n`` items.

        Raises:
          InputShapeError: an ``'iter'`` input too short for these steps.
        """
        if isinstance(i0, numbers.Integral) and isinstance(t0, numbers.Real):
            iters = tuple(iter_steps(s, int(i0), n) for s in self.inputs if s.type == "iter")
            ts = np.asarray(t0 + self.dt * np.arange(n), dtype=bm.get_float())
            idx = np.asarray(i0 + np.arange(n), dtype=bm.get_int())
            return ts, idx, iters
        steps = np.arange(n)
        ts = None if t0 is None else t0 + jnp.asarray(steps * self.dt, jnp.result_type(t0))
        idx = None if i0 is None else i0 + jnp.asarray(steps, jnp.result_type(i0))
        if self._iterated:
            raise InputValueError(
                f"{type(self).__name__}.clock: 'iter' inputs need Python numbers t0 and i0 "
                f"(the values are sliced on the host), got t0={t0!r}, i0={i0!r}."
            )
        return ts, idx, ()

    # ------------------------------------------------------------------- the step
    def _iter_values_at(self, i: Any) -> tuple[Any, ...]:
        values = []
        for spec in self.inputs:
            if spec.type != "iter":
                continue
            if isinstance(spec.value, Iterator) or i is None:
                raise InputValueError(
                    f"{type(self).__name__}: input {spec.key} is an 'iter' input"
                    + (" drawn from a Python iterator" if i is not None else "")
                    + "; pass this step's value in iter_values (see clock())."
                )
            if isinstance(i, numbers.Integral):
                check_iter_length(spec, int(i), 1)
            values.append(spec.value[i])
        return tuple(values)

    def __call__(
        self,
        t: Any,
        i: Any,
        x: Any = None,
        iter_values: Any = None,
        *,
        shared_args: dict[str, Any] | None = None,
        record: bool = True,
    ) -> tuple[Any, dict[str, Any]]:
        """Take one step at time ``t`` with index ``i``.

        Args:
          t: the time at the start of the step; ``None`` saves no ``t``.
          i: the step index; ``None`` saves no ``i``.
          x: per-step data, passed as ``target(x)``; ``None`` calls ``target()``.
          iter_values: this step's values of the ``'iter'`` inputs, in order (a row of the
            third result of :meth:`~brainpy_dyn.StepFunction.clock`); ``None`` indexes their
            arrays with ``i``.
          shared_args: more shared data for this step (on top of the step's ``shared_args``).
          record: read the monitors; ``False`` skips them (the second result is ``{}``).

        Returns:
          ``(output, monitors)``: the target's output and ``{key: value}`` of the
          monitors (``{}`` with a ``monitor_callback``, which received them).
        """
        dt = self.dt
        extra = {**self.shared_args, **shared_args} if shared_args else self.shared_args
        shared = DotDict(dt=dt, **extra)
        if t is not None:
            shared["t"] = t
        if i is not None:
            shared["i"] = i
        if iter_values is None:
            iter_values = self._iter_values_at(i)
        snapshot = share._snapshot()
        try:
            share.save(**shared)
            self.target.clear_input()
            for spec in self._fixed:
                apply_input(spec, spec.value)
            for spec, value in zip(self._iterated, iter_values):
                apply_input(spec, value)
            for spec in self._funcs:
                apply_input(spec, spec.value(shared))
            if self.fun_inputs is not None:
                self.fun_inputs(shared)
            out = self.target() if x is None else self.target(x)
            if not record or not self.monitors:
                return out, {}
            end = shared if t is None else DotDict(shared, t=t + dt)
            mons = {key: fn(end) for key, fn in self.monitors}
            if self.monitor_callback is not None:
                emit = getattr(self.monitor_callback, "emit", None)
                if emit is not None:  # it places its own host callbacks (see monitor_callback)
                    emit(i, mons)
                else:
                    jax.debug.callback(self.monitor_callback, i, mons)
                mons = {}
            return out, mons
        finally:
            share._restore(snapshot)


def _rows(tree: Any) -> int:
    return jax.tree_util.tree_leaves(tree)[0].shape[0]


def _join(a: Any, b: Any, xp: Any) -> Any:
    return xp.concatenate([xp.asarray(bm.as_jax(a)), xp.asarray(bm.as_jax(b))])


def make_loop(
    step: StepFunction,
    *,
    shared_args: dict[str, Any] | None = None,
    monitor_every: int = 1,
    probe: Callable[[Any], Any] | None = None,
    progress: Callable[[Any], Any] | None = None,
    numpy_monitors: bool = False,
    jit: bool = True,
    remat: bool = False,
) -> Callable[..., Any]:
    """Build the loop that takes ``step`` once per row of its operands, as one scan.

    The returned ``loop(ts, idx, xs=None, iter_values=(), ys=None)`` runs
    ``step(ts[k], idx[k], xs[k], iter_values[k])`` for every row ``k`` in one
    :func:`brainpy_math.for_loop` (``ts``/``idx`` from
    :meth:`~brainpy_dyn.StepFunction.clock`; ``xs``, ``iter_values`` and ``ys`` are pytrees
    with time first, or ``None``/``()``). Build the loop once and call it many times: the
    compiled program is cached per loop, and a copy of a model holding the loop
    (``copy.deepcopy``) runs the copied target.

    Args:
      step: the step to take.
      shared_args: extra shared data of every step (on top of the step's own).
      monitor_every: record (outputs, monitors and probes) at every this many steps only:
        the steps run as a nested scan, ``monitor_every`` steps per outer row; the last
        ``n % monitor_every`` steps run unrecorded.
      probe: ``probe(y)`` is called after every step with that step's row of ``ys``
        (``None`` without ``ys``); its results are recorded as a third output.
      progress: a host function ``f(i)`` called with the last step index of each of about
        100 chunks of steps (from a host callback between chunks, never inside the
        per-step loop); runs of fewer than 200 recorded rows call it never.
      numpy_monitors: return the monitor records as NumPy arrays (joined on the host, so
        nothing compiles); only outside a trace.
      jit: ``False`` runs the steps one by one in Python, for debugging.
      remat: recompute each step in the backward pass (:func:`jax.checkpoint`) instead of
        storing its intermediates: less memory under ``grad``, more compute.

    Returns:
      ``loop``, returning ``(outputs, monitors)`` or, with ``probe``, ``(outputs,
      monitors, probes)``, each stacked along time (one row per recorded step).

    Raises:
      RunnerValueError: ``monitor_every`` is not an int >= 1, or ``shared_args`` is bad.
      RunnerTypeError: ``step`` or ``probe``/``progress`` is not callable.

    Examples:
      >>> import numpy as np
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Counter(bd.DynamicalSystemNS):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self.n = bm.Variable(bm.zeros(()))
      ...     def update(self, x):
      ...         self.n.value += x
      ...         return self.n.value
      >>> step = bd.StepFunction(Counter(), monitors={'t': lambda s: s.t}, dt=1.0)
      >>> loop = bd.make_loop(step, monitor_every=2)
      >>> ts, idx, iters = step.clock(5)
      >>> outs, mons = loop(ts, idx, np.ones(5, np.float32), iters)
      >>> np.asarray(outs), np.asarray(mons['t'])          # steps 2 and 4 recorded
      (array([2., 4.], dtype=float32), array([2., 4.], dtype=float32))
    """
    owner = "make_loop"
    if not callable(step):
        raise RunnerTypeError(f"{owner}: step must be callable, got {type(step).__name__}.")
    for name, fn in (("probe", probe), ("progress", progress)):
        if fn is not None and not callable(fn):
            raise RunnerTypeError(f"{owner}: {name} must be callable or None, got {fn!r}.")
    if (
        isinstance(monitor_every, bool)
        or not isinstance(monitor_every, numbers.Integral)
        or monitor_every < 1
    ):
        raise RunnerValueError(
            f"{owner}: monitor_every must be an int >= 1, got {monitor_every!r}."
        )
    return _Loop(
        step,
        check_shared_args(shared_args, owner),
        int(monitor_every),
        probe,
        progress,
        bool(numpy_monitors),
        jit,
        bool(remat),
    )


class _Loop:
    """The loop :func:`make_loop` builds.

    A callable object whose loop bodies are its methods, not closures: the compiled program
    is cached per loop (``bm.for_loop`` files it under the object), and a copy of a model
    that holds a loop (``copy.deepcopy``) holds a loop over the copied target.
    """

    def __init__(
        self,
        step: StepFunction,
        shared: dict[str, Any],
        every: int,
        probe: Callable[[Any], Any] | None,
        progress: Callable[[Any], Any] | None,
        numpy_monitors: bool,
        jit: bool,
        remat: bool = False,
    ):
        self.step = step
        self.shared = shared
        self.every = every
        self.probe = probe
        self.progress = progress
        self.numpy_monitors = numpy_monitors
        self.jit = jit
        self.remat = remat

    def __repr__(self) -> str:
        return f"make_loop({self.step!r}, monitor_every={self.every}, jit={self.jit})"

    # ------------------------------------------------------------- the bodies
    def _recorded(self, t: Any, i: Any, it: Any, x: Any, y: Any) -> Any:
        out, mons = self.step(t, i, x, it, shared_args=self.shared, record=True)
        if self.probe is None:
            return out, mons
        return out, mons, self.probe(y)

    def _skip(self, t: Any, i: Any, it: Any, x: Any, y: Any) -> None:
        self.step(t, i, x, it, shared_args=self.shared, record=False)
        if self.probe is not None:
            self.probe(y)

    def _chunk(self, t: Any, i: Any, it: Any, x: Any, y: Any) -> Any:
        """``every`` steps (a row of the outer scan), the last one recorded."""
        ops = (t, i, it, x, y)
        bm.for_loop(
            self._skip,
            jax.tree_util.tree_map(lambda a: a[:-1], ops),
            jit=self.jit,
            remat=self.remat,
        )
        return self._recorded(*jax.tree_util.tree_map(lambda a: a[-1], ops))

    def _main(self) -> Callable[..., Any]:
        return self._chunk if self.every > 1 else self._recorded

    def _outer(self, t: Any, i: Any, it: Any, x: Any, y: Any) -> Any:
        """A chunk of rows, then the progress callback."""
        out = bm.for_loop(self._main(), (t, i, it, x, y), jit=self.jit, remat=self.remat)
        jax.debug.callback(self.progress, i.reshape(-1)[-1])
        return out

    # --------------------------------------------------------------- the loop
    def _run_main(self, operands: Any) -> Any:
        rows = _rows(operands)
        if self.progress is None or rows < _MIN_ROWS_FOR_PROGRESS:
            return bm.for_loop(self._main(), operands, jit=self.jit, remat=self.remat)
        per_chunk = rows // 100
        n_chunks = rows // per_chunk
        cut = n_chunks * per_chunk

        def split(a):
            return a[:cut].reshape(n_chunks, per_chunk, *a.shape[1:])

        res = bm.for_loop(
            self._outer, jax.tree_util.tree_map(split, operands), jit=self.jit, remat=self.remat
        )
        # Monitor records (part 1) are joined on the host, where NumPy compiles nothing; with
        # several processes on the devices, and gathered to the host once at the end.
        host = self.numpy_monitors and jax.process_count() == 1
        xps = [np if (k == 1 and host) else jnp for k in range(len(res))]
        res = tuple(
            jax.tree_util.tree_map(
                lambda a, xp=xp: xp.asarray(bm.as_jax(a)).reshape(cut, *a.shape[2:]),
                part,
                is_leaf=_is_array,
            )
            for part, xp in zip(res, xps)
        )
        if cut < rows:
            rest = bm.for_loop(
                self._main(), jax.tree_util.tree_map(lambda a: a[cut:], operands), jit=self.jit
            )
            res = tuple(
                jax.tree_util.tree_map(
                    lambda a, b, xp=xp: _join(a, b, xp), part, more, is_leaf=_is_array
                )
                for part, more, xp in zip(res, rest, xps)
            )
        return res

    def __call__(
        self, ts: Any, idx: Any, xs: Any = None, iter_values: Any = (), ys: Any = None
    ) -> Any:
        """Run the steps; see :func:`~brainpy_dyn.make_loop`."""
        every = self.every
        operands = (ts, idx, iter_values, xs, ys)
        if not jax.tree_util.tree_leaves(operands):
            raise RunnerValueError("make_loop: the loop needs at least one array to run over.")
        n = _rows(operands)
        n_main = n // every * every
        head = operands
        if n_main < n:
            head = jax.tree_util.tree_map(lambda a: a[:n_main], operands)
        if every > 1:
            head = jax.tree_util.tree_map(
                lambda a: a.reshape(n // every, every, *a.shape[1:]), head
            )
        res = self._run_main(head)
        if n_main < n:
            rest = jax.tree_util.tree_map(lambda a: a[n_main:], operands)
            bm.for_loop(self._skip, rest, jit=self.jit, remat=self.remat)
        if self.numpy_monitors:
            res = (res[0], jax.tree_util.tree_map(host_array, res[1]), *res[2:])
        return res


def _is_array(a: Any) -> bool:
    return isinstance(a, bm.Array)


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
bm.set_module("brainpy_dyn", StepFunction, make_loop)

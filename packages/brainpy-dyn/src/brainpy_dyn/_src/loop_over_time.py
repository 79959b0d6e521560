"""``LoopOverTime``: run a one-step :class:`DynamicalSystem` over the time axis of its input.

BrainPy 2.3.5's ``brainpy.LoopOverTime``. Calling the wrapper with per-step data ``x`` runs
``target(x[k])`` for every step ``k`` in one :func:`brainpy_math.for_loop` (one
``lax.scan``, built by :func:`~brainpy_dyn.make_loop`). Step ``k`` is the step of a
:class:`~brainpy_dyn.DSRunner`, a :class:`~brainpy_dyn.StepFunction` with no inputs and no
monitors:

1. ``share.save(t=t, i=i, dt=dt, **shared_arg)`` with ``i = i0 + k`` and ``t = t0 + k·dt``
   (``t0`` and ``i0`` are the wrapper's counters, which advance by the number of steps after
   each call, so a second call continues the first);
2. ``target.clear_input()``, then ``target(x[k])``;
3. ``share`` goes back to what it held before the step.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.dynsys import DynamicalSystem
from brainpy_dyn._src.errors import RunnerTypeError, RunnerValueError
from brainpy_dyn._src.stepping import StepFunction, check_dt, check_shared_args, make_loop

__all__ = ["LoopOverTime"]


def _is_var(a: Any) -> bool:
    return isinstance(a, bm.Variable)


def _check_out_vars(out_vars: Any) -> Any:
    if out_vars is None or _is_var(out_vars):
        return out_vars
    if isinstance(out_vars, (list, tuple, dict)):
        leaves = jax.tree_util.tree_leaves(out_vars, is_leaf=_is_var)
        if leaves and all(_is_var(v) for v in leaves):
            return out_vars
    raise RunnerTypeError(
        "LoopOverTime: out_vars must be a brainpy_math.Variable or a list, tuple or dict of "
        f"Variables, got {out_vars!r}."
    )


class LoopOverTime(DynamicalSystem):
    """Run a one-step dynamical system over the time axis of its input, as one loop.

    Args:
      target: the :class:`~brainpy_dyn.DynamicalSystem` advanced by one step per call.
      out_vars: a Variable, or a list/tuple/dict of Variables, whose values after every step
        are also returned (stacked along time, in the same structure).
      no_state: the target holds no state: fold time into the batch axis and call the target
        once on ``(time * batch, ...)`` data (``share`` then holds the ``t`` and ``i`` of the
        first step of the call).
      t0: the time of the first step; ``None`` saves no ``t`` into ``share``.
      i0: the index of the first step; ``None`` saves no ``i`` into ``share``.
      dt: the time step; ``None`` takes ``brainpy_math.get_dt()`` now.
      shared_arg: extra shared data saved into ``share`` at every step.
      data_first_axis: ``'T'`` when the data (and the outputs) are ``(time, batch, ...)``,
        ``'B'`` when they are ``(batch, time, ...)``.
      name: the object name (``None``: automatic).
      jit: ``False`` runs the steps one by one in Python (for debugging); ``True`` runs
        them as one compiled loop.
      remat: recompute each step in the backward pass (:func:`jax.checkpoint`) instead of
        storing its intermediates: less memory when differentiating through the loop.

    Attributes:
      t0: a Variable, the time of the next step (advances across calls).
      i0: a Variable, the index of the next step (advances across calls).

    Raises:
      RunnerTypeError: ``target`` is not a DynamicalSystem, or ``out_vars`` is not Variables.
      RunnerValueError: a bad ``data_first_axis``, ``dt``, ``t0``, ``i0`` or ``shared_arg``.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Acc(bd.DynamicalSystemNS):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self.x = bm.Variable(bm.zeros(2))
      ...     def update(self, inp):
      ...         self.x.value = self.x + inp * bd.share.load('dt')
      ...         return self.x.value
      >>> acc = Acc()
      >>> loop = bd.LoopOverTime(acc, out_vars=acc.x, dt=0.5)
      >>> out, xs = loop(bm.ones((3, 2)))
      >>> out[:, 0], float(loop.t0.value), int(loop.i0.value)
      (Array([0.5, 1. , 1.5], dtype=float32), 1.5, 3)
    """

    pass_shared = False

    def __init__(
        self,
        target: DynamicalSystem,
        out_vars: bm.Variable | list[Any] | tuple[Any, ...] | dict[str, Any] | None = None,
        no_state: bool = False,
        t0: float | None = 0.0,
        i0: int | None = 0,
        dt: float | None = None,
        shared_arg: dict[str, Any] | None = None,
        data_first_axis: str = "T",
        name: str | None = None,
        jit: bool = True,
        remat: bool = False,
    ):
        if not isinstance(target, DynamicalSystem):
            raise RunnerTypeError(
                "LoopOverTime: target must be a brainpy_dyn.DynamicalSystem, got "
                f"{type(target).__name__} ({target!r})."
            )
        if data_first_axis not in ("T", "B"):
            raise RunnerValueError(
                f"LoopOverTime: data_first_axis must be 'T' or 'B', got {data_first_axis!r}."
            )
        dt = check_dt(dt, "LoopOverTime")
        if t0 is not None and (
            isinstance(t0, bool) or not isinstance(t0, numbers.Real) or not math.isfinite(t0)
        ):
            raise RunnerValueError(f"LoopOverTime: t0 must be a finite number or None, got {t0!r}.")
        if i0 is not None and (isinstance(i0, bool) or not isinstance(i0, numbers.Integral)):
            raise RunnerValueError(f"LoopOverTime: i0 must be an int or None, got {i0!r}.")
        shared = check_shared_args(shared_arg, "LoopOverTime", "shared_arg")
        super().__init__(name=name, mode=target.mode)
        self.target = target
        self.out_vars = _check_out_vars(out_vars)
        self.no_state = bool(no_state)
        self.dt = float(dt)
        self.shared_arg = shared
        self.data_first_axis = data_first_axis
        self._t0_init = None if t0 is None else float(t0)
        self._i0_init = None if i0 is None else int(i0)
        self.t0 = None if t0 is None else bm.Variable(jnp.asarray(t0, dtype=bm.get_float()))
        self.i0 = None if i0 is None else bm.Variable(jnp.asarray(i0, dtype=bm.get_int()))
        self._step = StepFunction(target, dt=self.dt, shared_args=shared)
        probe = None if self.out_vars is None else self._out_var_values
        self.jit, self.remat = bool(jit), bool(remat)
        self._loop = make_loop(self._step, probe=probe, jit=self.jit, remat=self.remat)

    # ----------------------------------------------------------------- state
    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Reset the target (to ``batch_size``) and the counters ``t0``/``i0``."""
        self.target.reset_state(batch_size)
        if self.t0 is not None:
            self.t0.value = jnp.asarray(self._t0_init, dtype=self.t0.dtype)
        if self.i0 is not None:
            self.i0.value = jnp.asarray(self._i0_init, dtype=self.i0.dtype)

    def clear_input(self) -> None:
        """Clear the target's inputs."""
        self.target.clear_input()

    # -------------------------------------------------------------- stepping
    def _format(self, x: Any) -> tuple[Any, int]:
        xs = jax.tree_util.tree_map(
            lambda a: jnp.asarray(bm.as_jax(a)), x, is_leaf=lambda a: isinstance(a, bm.Array)
        )
        leaves = jax.tree_util.tree_leaves(xs)
        axis = 0 if self.data_first_axis == "T" else 1
        need = 2 if (axis == 1 or self.no_state) else 1
        if not leaves or any(a.ndim < need for a in leaves):
            layout = "(batch, time, ...)" if axis == 1 else "(time, ...)"
            if self.no_state:
                layout = "(time, batch, ...)" if axis == 0 else layout
            raise RunnerValueError(
                f"LoopOverTime: x needs a time axis: every leaf must be {layout} "
                f"(data_first_axis={self.data_first_axis!r}, no_state={self.no_state}), got "
                f"shapes {[tuple(a.shape) for a in leaves]}."
            )
        lengths = {a.shape[axis] for a in leaves}
        if len(lengths) != 1 or 0 in lengths:
            raise RunnerValueError(
                f"LoopOverTime: every leaf of x needs the same non-empty time axis {axis} "
                f"(data_first_axis={self.data_first_axis!r}), got lengths {sorted(lengths)}."
            )
        if axis == 1:
            xs = jax.tree_util.tree_map(lambda a: jnp.moveaxis(a, 1, 0), xs)
        return xs, lengths.pop()

    def _to_output_layout(self, tree: Any) -> Any:
        if self.data_first_axis == "T":
            return tree

        def swap(a: Any) -> Any:
            a = bm.as_jax(a)
            return jnp.moveaxis(a, 0, 1) if jnp.ndim(a) >= 2 else a

        return jax.tree_util.tree_map(swap, tree)

    def update(self, x: Any) -> Any:
        """Run ``target`` once per step of ``x`` and return the stacked outputs.

        Args:
          x: a pytree of arrays with the time axis first (``data_first_axis='T'``) or second
            (``'B'``). Its per-step slice goes to ``target(x_t)``, so a dict would be taken as
            shared data (the calling convention of :class:`DynamicalSystem`): pass a tuple.

        Returns:
          The target's outputs stacked along time (time-major or batch-major, as ``x``), or
          ``(outputs, out_var_values)`` when ``out_vars`` is given.

        Raises:
          RunnerValueError: ``x`` has no time axis, its leaves disagree on the number of steps,
            or ``out_vars`` is combined with ``no_state``.
        """
        xs, n = self._format(x)
        t_start = None if self.t0 is None else self.t0.value
        i_start = None if self.i0 is None else self.i0.value
        if self.no_state:
            out = self._call_folded(xs, n, t_start, i_start)
        else:
            ts, idx, _ = self._step.clock(n, t_start, i_start)
            res = self._loop(ts, idx, xs)
            out = res[0] if self.out_vars is None else (res[0], res[2])
        if self.t0 is not None:
            self.t0.value = t_start + jnp.asarray(n * self.dt, dtype=t_start.dtype)
        if self.i0 is not None:
            self.i0.value = i_start + n
        return self._to_output_layout(out)

    def _out_var_values(self, _: Any) -> Any:
        """The values of ``out_vars`` after a step (the loop's probe)."""
        return jax.tree_util.tree_map(lambda v: v.value, self.out_vars, is_leaf=_is_var)

    def _call_folded(self, xs: Any, n: int, t: Any, i: Any) -> Any:
        if self.out_vars is not None:
            raise RunnerValueError(
                "LoopOverTime: out_vars cannot be used with no_state=True (the target is "
                "called once on the folded data, so there are no per-step values)."
            )
        folded = jax.tree_util.tree_map(lambda a: a.reshape((-1,) + a.shape[2:]), xs)
        out, _ = self._step(t, i, folded, ())
        return jax.tree_util.tree_map(lambda a: bm.as_jax(a).reshape((n, -1) + a.shape[1:]), out)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(target={self.target!r}, no_state={self.no_state}, "
            f"data_first_axis={self.data_first_axis!r}, name={self.name!r})"
        )


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
bm.set_module("brainpy_dyn", LoopOverTime)

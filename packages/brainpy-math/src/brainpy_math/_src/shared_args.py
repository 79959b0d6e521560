"""``shared_args_over_time``: the per-step shared data of a run, as arrays over time."""

from __future__ import annotations

import math
from typing import Any

import jax.numpy as jnp

from brainpy_math._src.environment import get_dt, get_float
from brainpy_math._src.public_path import set_module

__all__ = ["shared_args_over_time"]


def shared_args_over_time(
    num_step: int | None = None,
    duration: float | None = None,
    dt: float | None = None,
    t0: float = 0.0,
    include_dt: bool = True,
) -> dict[str, Any]:
    """The time ``t``, step index ``i`` (and ``dt``) of every step of a run.

    Feed it to ``bm.for_loop`` to run a model over time with the same shared data a runner
    gives. The number of steps is ``num_step``, or ``round(duration / dt)``.

    Args:
      num_step: the number of steps.
      duration: the run length (used when ``num_step`` is ``None``).
      dt: the step size; the global ``bm.get_dt()`` by default.
      t0: the time of the first step.
      include_dt: also return ``dt`` per step.

    Returns:
      ``{'t': t0 + i * dt, 'i': i, 'dt': dt}`` with arrays of length ``num_step``.

    Examples:
      >>> import brainpy_math as bm
      >>> sh = bm.shared_args_over_time(duration=0.3, dt=0.1)
      >>> sh['t'], sh['i']
      (Array([0. , 0.1, 0.2], dtype=float32), Array([0, 1, 2], dtype=int32))
    """
    dt = get_dt() if dt is None else dt
    if isinstance(dt, bool) or not isinstance(dt, (int, float)) or not 0 < dt < math.inf:
        raise ValueError(f"shared_args_over_time: dt must be a positive number, got {dt!r}.")
    if num_step is None:
        if duration is None:
            raise ValueError("shared_args_over_time: give num_step or duration.")
        num_step = round(duration / dt)
    if isinstance(num_step, bool) or not isinstance(num_step, int) or num_step < 0:
        raise ValueError(
            f"shared_args_over_time: num_step must be a non-negative int, got {num_step!r}."
        )
    i = jnp.arange(num_step)
    out = {"t": (t0 + i * dt).astype(get_float()), "i": i}
    if include_dt:
        out["dt"] = jnp.full(num_step, dt, dtype=get_float())
    return out


set_module("brainpy_math", shared_args_over_time)

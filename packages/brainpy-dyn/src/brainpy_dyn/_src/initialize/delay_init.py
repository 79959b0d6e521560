"""``init.delay``: the delay steps and the delay buffer of a synapse, from 2.3.5's arguments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.initialize.base import public

__all__ = ["delay"]


@public
def delay(
    delay_step: int | Any | Callable[..., Any] | None,
    delay_target: Any,
    delay_data: Any = None,
) -> tuple[str, Any, Any]:
    """Make the delay buffer of ``delay_target`` for ``delay_step`` steps of delay.

    BrainPy implementation of ``brainpy.init.delay`` (2.3.5), the helper behind synapses with
    a ``delay_step`` argument.

    Args:
      delay_step: ``None`` (no delay), an int (one delay for every element: ``'homo'``), an
        integer array of the target's shape (one delay per element: ``'heter'``), or an
        initializer/callable ``f(shape, dtype)`` that makes such an array.
      delay_target: the array whose past values are kept (such as ``pre.spike``).
      delay_data: the initial content of the buffer (zeros by default), as
        :class:`brainpy_math.LengthDelay` takes it.

    Returns:
      ``(delay_type, delay_step, delay_data)``: ``'none'``, ``'homo'`` or ``'heter'``; the
      steps (an int, or an int array); the :class:`brainpy_math.LengthDelay` buffer long
      enough for the largest step (``None`` without a delay).

    Raises:
      ValueError: a negative or non-integer step, or per-element steps of another shape than
        the target.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> kind, steps, buffer = bd.init.delay(3, bm.zeros(4))
      >>> kind, steps, buffer.num_delay_step
      ('homo', 3, 4)
    """
    if delay_step is None:
        return "none", None, None
    target = bm.as_jax(delay_target)
    if callable(delay_step) and not hasattr(delay_step, "shape"):
        delay_step = delay_step(tuple(target.shape), dtype=bm.get_int())
    if isinstance(delay_step, bool):
        raise ValueError(
            f"init.delay: delay_step must be an int or an int array, got {delay_step!r}."
        )
    if isinstance(delay_step, (int, np.integer)):
        steps: Any = int(delay_step)
        kind, longest = "homo", steps
    else:
        array = np.asarray(bm.as_jax(delay_step))
        if array.dtype.kind not in "iu":
            raise ValueError(
                f"init.delay: delay_step must hold integers, got an array of {array.dtype}."
            )
        if array.ndim == 0:
            steps = int(array)
            kind, longest = "homo", steps
        else:
            if array.shape != tuple(target.shape):
                raise ValueError(
                    f"init.delay: per-element delay steps must have the target's shape "
                    f"{tuple(target.shape)}, got {array.shape}."
                )
            steps = jnp.asarray(array)
            kind, longest = "heter", int(array.max()) if array.size else 0
    if (kind == "homo" and steps < 0) or (kind == "heter" and np.any(np.asarray(steps) < 0)):
        raise ValueError(f"init.delay: delay steps must be >= 0, got {delay_step!r}.")
    return kind, steps, bm.LengthDelay(target, longest, initial_delay_data=delay_data)

"""BrainPy 2.3.5's ``brainpy.modes``: the computing modes, with that module's older names.

``brainpy.modes`` is this module (the meta package's import hook files it under that name).
The classes and instances are those of :mod:`brainpy_math.modes`; ``NormalMode`` and
``normal`` are 2.3.5's older names of the non-batching mode, and :func:`check_mode` checks
that a mode is one a model supports.

Examples:
  >>> import brainpy as bp
  >>> import brainpy.math as bm
  >>> bp.modes.NormalMode is bm.NonBatchingMode and bp.modes.training is bm.training_mode
  True
  >>> bp.modes.check_mode(bp.modes.batching, bp.modes.BatchingMode, 'LIF')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from brainpy_dyn.errors import ModeSupportError
from brainpy_math.modes import BatchingMode as BatchingMode
from brainpy_math.modes import Mode as Mode
from brainpy_math.modes import NonBatchingMode as NonBatchingMode
from brainpy_math.modes import TrainingMode as TrainingMode
from brainpy_math.modes import batching_mode as batching_mode
from brainpy_math.modes import nonbatching_mode as nonbatching_mode
from brainpy_math.modes import training_mode as training_mode

NormalMode = NonBatchingMode  # 2.3.5's older name
normal = nonbatching_mode
batching = batching_mode
training = training_mode


def check_mode(instance: Any, supported_types: type | Sequence[type], name: str = "") -> None:
    """Check that the mode ``instance`` is one of ``supported_types`` (or a subclass).

    Args:
      instance: the mode to check (``bp.modes.batching`` …).
      supported_types: a mode class, or a sequence of them.
      name: who is asking (used in the message).

    Raises:
      TypeError: ``supported_types`` holds something that is not a mode class.
      ModeSupportError: ``instance`` is not an instance of the supported classes (also a
        ``brainpy.errors.UnsupportedError``).
    """
    types = (supported_types,) if isinstance(supported_types, type) else tuple(supported_types)
    for t in types:
        if not (isinstance(t, type) and issubclass(t, Mode)):
            raise TypeError(f"check_mode: supported_types must be Mode classes, got {t!r}.")
    if not isinstance(instance, types):
        who = f"{name} " if name else ""
        raise ModeSupportError(
            f"{who}does not support the mode {instance!r}; it supports "
            f"{', '.join(t.__name__ for t in types)}."
        )


__all__ = [
    "BatchingMode",
    "Mode",
    "NonBatchingMode",
    "NormalMode",
    "TrainingMode",
    "batching",
    "batching_mode",
    "check_mode",
    "nonbatching_mode",
    "normal",
    "training",
    "training_mode",
]

"""Computing modes: whether a model has a batch axis and whether it trains."""

from __future__ import annotations

import numbers
from typing import Any

from brainpy_math._src.public_path import set_module

__all__ = [
    "Mode",
    "NonBatchingMode",
    "BatchingMode",
    "TrainingMode",
    "batch_size_of",
    "nonbatching_mode",
    "batching_mode",
    "training_mode",
]


class Mode:
    """Base class of computing modes.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.training_mode.is_child_of(bm.BatchingMode)
      True
      >>> bm.batching_mode.is_parent_of(bm.TrainingMode)
      True
      >>> bm.training_mode.is_a(bm.BatchingMode)
      False
    """

    def __repr__(self) -> str:
        return type(self).__name__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mode) and type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def is_a(self, mode: type) -> bool:
        """Whether this mode is exactly of class ``mode``."""
        _check_mode_class(mode, "is_a")
        return type(self) is mode

    def is_parent_of(self, *modes: type) -> bool:
        """Whether any of ``modes`` is this mode's class or a subclass of it."""
        for m in modes:
            _check_mode_class(m, "is_parent_of")
        return any(issubclass(m, type(self)) for m in modes)

    def is_child_of(self, *modes: type) -> bool:
        """Whether this mode is an instance of any of ``modes``."""
        for m in modes:
            _check_mode_class(m, "is_child_of")
        return isinstance(self, modes)

    def is_one_of(self, *modes: type) -> bool:
        """Whether this mode's class is exactly one of ``modes``."""
        return type(self) in modes


def _check_mode_class(mode: Any, where: str) -> None:
    if not (isinstance(mode, type) and issubclass(mode, Mode)):
        raise TypeError(f"Mode.{where}: expected a Mode class, got {mode!r}.")


class NonBatchingMode(Mode):
    """Models hold one sample: no batch axis.

    Examples:
      >>> import brainpy_math as bm
      >>> mode = bm.NonBatchingMode()
      >>> mode, mode.batch_size, mode.is_child_of(bm.BatchingMode)
      (NonBatchingMode, 0, False)
    """

    @property
    def batch_size(self) -> int:
        return 0


class BatchingMode(Mode):
    """Models hold a batch of samples along axis 0.

    Args:
      batch_size: the default batch size.

    Examples:
      >>> import brainpy_math as bm
      >>> mode = bm.BatchingMode(batch_size=8)
      >>> mode, mode.batch_size
      (BatchingMode(batch_size=8), 8)
    """

    def __init__(self, batch_size: int = 1):
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
            raise ValueError(
                f"{type(self).__name__}: batch_size must be an int >= 1, got {batch_size!r}."
            )
        self.batch_size = batch_size

    def __repr__(self) -> str:
        return f"{type(self).__name__}(batch_size={self.batch_size})"


class TrainingMode(BatchingMode):
    """Batching mode whose parameters are trainable (:class:`~brainpy_math.TrainVar`).

    Examples:
      >>> import brainpy_math as bm
      >>> mode = bm.TrainingMode(batch_size=8)
      >>> mode.is_child_of(bm.BatchingMode), mode.is_one_of(bm.BatchingMode)
      (True, False)
    """


nonbatching_mode = NonBatchingMode()
batching_mode = BatchingMode()
training_mode = TrainingMode()


def batch_size_of(
    batch_size: int | Mode | None, mode: Mode | None = None, *, name: str = "batch_size"
) -> int | None:
    """The batch size that a ``batch_size`` argument asks for; ``None`` means no batch axis.

    The one rule behind every ``reset_state(batch_size)``, ``get_batch_shape(batch_size)``
    and ``variable_(init, sizes, batch_size_or_mode)`` of the packages built on this one:

    * an int ``b >= 1`` asks for a batch axis of size ``b``;
    * a :class:`BatchingMode` (a :class:`TrainingMode` too) asks for its ``batch_size``
      (1 unless the mode was built with another, so 2.3.5's ``bm.batching_mode`` gives 1);
    * a :class:`NonBatchingMode`, or ``False``, asks for no batch axis;
    * ``None`` asks for what ``mode`` asks for (no batch axis without a ``mode``), so a
      model passes its own mode to get "my layout".

    Args:
      batch_size: an int, a Mode, ``False`` or ``None``.
      mode: the mode that ``None`` stands for (usually the model's own).
      name: how error messages name the argument (``'reset_state(): batch_size'`` …).

    Returns:
      The batch size, or ``None`` for no batch axis.

    Raises:
      ValueError: an int smaller than 1, or anything that is not an int, a Mode,
        ``False`` or ``None`` (as 2.3.5's ``variable_`` raised).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.modes.batch_size_of(8), bm.modes.batch_size_of(bm.batching_mode)
      (8, 1)
      >>> bm.modes.batch_size_of(bm.BatchingMode(4)), bm.modes.batch_size_of(bm.nonbatching_mode)
      (4, None)
      >>> bm.modes.batch_size_of(None, mode=bm.training_mode), bm.modes.batch_size_of(None)
      (1, None)
    """
    if batch_size is None:
        if mode is None:
            return None
        batch_size = mode
    if isinstance(batch_size, Mode):
        if isinstance(batch_size, BatchingMode):
            return int(batch_size.batch_size)
        return None
    if batch_size is False:
        return None
    if isinstance(batch_size, bool) or not isinstance(batch_size, numbers.Integral):
        raise ValueError(
            f"{name} must be None, a batch size (int >= 1) or a brainpy_math Mode, "
            f"got {batch_size!r}."
        )
    if batch_size < 1:
        raise ValueError(f"{name} must be >= 1 when it is a batch size, got {batch_size}.")
    return int(batch_size)


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
set_module("brainpy_math.modes", batch_size_of)

"""Computing modes: whether a model has a batch axis and whether it trains."""

from __future__ import annotations

from typing import Any

__all__ = [
    "Mode",
    "NonBatchingMode",
    "BatchingMode",
    "TrainingMode",
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

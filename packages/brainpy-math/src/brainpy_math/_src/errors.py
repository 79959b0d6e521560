"""The errors that brainpy_math raises.

Every class follows the ``<Object><Kind>Error`` naming rule, subclasses a built-in
exception that describes the same kind of failure (so ``except ValueError`` keeps
working), and its docstring says how to fix it.
"""

from __future__ import annotations

__all__ = ["MathError", "VariableShapeError", "VariableDtypeError", "TracerLeakError"]


class MathError(Exception):
    """Base class of every error raised by brainpy_math."""


class VariableShapeError(MathError, ValueError):
    """A value assigned to a :class:`~brainpy_math.Variable` has the wrong shape.

    A Variable keeps its shape for its whole life (the batch axis excepted), because
    compiled functions are specialised on it. Assign a value of the same shape, or
    create a new Variable.
    """


class VariableDtypeError(MathError, TypeError):
    """A value assigned to a :class:`~brainpy_math.Variable` has the wrong dtype.

    Cast the value first, for example ``var.value = x.astype(var.dtype)``.
    """


class TracerLeakError(MathError, RuntimeError):
    """A traced value was about to be stored where it would outlive its trace.

    Inside ``jit``, ``for_loop`` and the other transformations, only
    :class:`~brainpy_math.Variable` objects may be updated: turn the array you are
    writing to into a ``Variable``.
    """


for _cls in (MathError, VariableShapeError, VariableDtypeError, TracerLeakError):
    _cls.__module__ = "brainpy_math.errors"

"""Errors raised by brainpy_math (see each class for how to fix it)."""

from brainpy_math._src.errors import BrainPyError as BrainPyError
from brainpy_math._src.errors import MathError as MathError
from brainpy_math._src.errors import ObjectNameError as ObjectNameError
from brainpy_math._src.errors import StateDictError as StateDictError
from brainpy_math._src.errors import TracerLeakError as TracerLeakError
from brainpy_math._src.errors import VariableDtypeError as VariableDtypeError
from brainpy_math._src.errors import VariableShapeError as VariableShapeError

__all__ = [
    "BrainPyError",
    "MathError",
    "ObjectNameError",
    "StateDictError",
    "TracerLeakError",
    "UniqueNameError",
    "VariableDtypeError",
    "VariableShapeError",
]

#: BrainPy 2.3.5's name of :class:`ObjectNameError` (the same class).
UniqueNameError = ObjectNameError

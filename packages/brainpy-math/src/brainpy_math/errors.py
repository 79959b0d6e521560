"""Errors raised by brainpy_math (see each class for how to fix it)."""

from brainpy_math._src.errors import MathError as MathError
from brainpy_math._src.errors import TracerLeakError as TracerLeakError
from brainpy_math._src.errors import VariableDtypeError as VariableDtypeError
from brainpy_math._src.errors import VariableShapeError as VariableShapeError

__all__ = ["MathError", "TracerLeakError", "VariableDtypeError", "VariableShapeError"]

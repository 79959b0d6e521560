"""2.3.5's ``brainpy._src.math.object_transform.function`` (same objects)."""

from brainpy_math._src.object_function import Partial as Partial
from brainpy_math._src.object_function import function as function
from brainpy_math._src.object_function import to_object as to_object

__all__ = ["Partial", "function", "to_object"]

"""Type aliases for annotations (BrainPy 2.3.5's ``brainpy.types``).

Examples:
  >>> import brainpy_dyn as bd
  >>> def scale(x: bd.types.ArrayType, k: bd.types.Parameter = 1.0) -> bd.types.ArrayType:
  ...     return x * k
"""

from brainpy_dyn._src.types import Array as Array
from brainpy_dyn._src.types import ArrayType as ArrayType
from brainpy_dyn._src.types import Initializer as Initializer
from brainpy_dyn._src.types import Monitor as Monitor
from brainpy_dyn._src.types import Output as Output
from brainpy_dyn._src.types import Parameter as Parameter
from brainpy_dyn._src.types import PyTree as PyTree
from brainpy_dyn._src.types import Shape as Shape
from brainpy_dyn._src.types import Sharding as Sharding

__all__ = [
    "Array",
    "ArrayType",
    "Initializer",
    "Monitor",
    "Output",
    "Parameter",
    "PyTree",
    "Shape",
    "Sharding",
]

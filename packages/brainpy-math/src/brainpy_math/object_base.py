"""The object system under BrainPy 2.3.5's module name ``brainpy.math.object_base``.

The same objects as the top level of :mod:`brainpy_math`: ``BrainPyObject`` (also ``Base``,
its 2.3 name), the collectors, function objects and the numerical containers.

Examples:
  >>> import brainpy_math as bm
  >>> from brainpy_math import object_base
  >>> object_base.BrainPyObject is bm.BrainPyObject is object_base.Base
  True
"""

from brainpy_math._src.collectors import ArrayCollector as ArrayCollector
from brainpy_math._src.collectors import Collector as Collector
from brainpy_math._src.collectors import TensorCollector as TensorCollector
from brainpy_math._src.dyn_containers import dyn_dict as dyn_dict
from brainpy_math._src.dyn_containers import dyn_seq as dyn_seq
from brainpy_math._src.object_base import BrainPyObject as BrainPyObject
from brainpy_math._src.object_function import FunAsObject as FunAsObject
from brainpy_math._src.object_function import ObjectTransform as ObjectTransform
from brainpy_math._src.object_function import Partial as Partial

#: BrainPy 2.3's name of :class:`BrainPyObject` (the same class).
Base = BrainPyObject

__all__ = [
    "ArrayCollector",
    "Base",
    "BrainPyObject",
    "Collector",
    "FunAsObject",
    "ObjectTransform",
    "Partial",
    "TensorCollector",
    "dyn_dict",
    "dyn_seq",
]

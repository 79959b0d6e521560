"""2.3.5's ``brainpy._src.math.object_transform.base``: the object system (same objects)."""

from brainpy_math._src.collectors import ArrayCollector as ArrayCollector
from brainpy_math._src.collectors import Collector as Collector
from brainpy_math._src.collectors import TensorCollector as TensorCollector
from brainpy_math._src.dyn_containers import dyn_dict as dyn_dict
from brainpy_math._src.dyn_containers import dyn_seq as dyn_seq
from brainpy_math._src.object_base import BrainPyObject as BrainPyObject
from brainpy_math._src.object_function import FunAsObject as FunAsObject
from brainpy_math._src.object_function import ObjectTransform as ObjectTransform

Base = BrainPyObject

__all__ = [
    "ArrayCollector",
    "Base",
    "BrainPyObject",
    "Collector",
    "FunAsObject",
    "ObjectTransform",
    "TensorCollector",
    "dyn_dict",
    "dyn_seq",
]

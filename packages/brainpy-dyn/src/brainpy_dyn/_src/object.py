"""``BrainPyObject`` and ``Collector`` live in brainpy_math (the object system); re-exported here.

``brainpy_dyn.BrainPyObject is brainpy_math.BrainPyObject``: every dynamical system is a
brainpy_math object, so ``vars()``, ``nodes()``, state dicts and the transformations treat
models and plain objects alike.
"""

from brainpy_math._src.collectors import ArrayCollector as ArrayCollector
from brainpy_math._src.collectors import Collector as Collector
from brainpy_math._src.object_base import BrainPyObject as BrainPyObject

__all__ = ["ArrayCollector", "BrainPyObject", "Collector"]

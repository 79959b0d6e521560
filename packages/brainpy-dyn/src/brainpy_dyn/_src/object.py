"""``BrainPyObject`` and ``Collector`` live in brainpy_math (the object system); re-exported here.

``brainpy_dyn.BrainPyObject is brainpy_math.BrainPyObject``: every dynamical system is a
brainpy_math object, so ``vars()``, ``nodes()``, state dicts and the transformations treat
models and plain objects alike.
"""

from brainpy_math import ArrayCollector as ArrayCollector
from brainpy_math import BrainPyObject as BrainPyObject
from brainpy_math import Collector as Collector

__all__ = ["ArrayCollector", "BrainPyObject", "Collector"]

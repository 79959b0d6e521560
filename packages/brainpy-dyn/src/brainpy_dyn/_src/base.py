"""The base classes of brainpy_dyn in one place (the code lives in the modules named below).

* :mod:`~brainpy_dyn._src.object`: ``BrainPyObject`` (names, ``vars()``, ``nodes()``, state dicts);
* :mod:`~brainpy_dyn._src.dynsys`: ``DynamicalSystem``, ``DynamicalSystemNS``, ``NeuGroup``,
  ``NeuGroupNS``, ``not_pass_shared``;
* :mod:`~brainpy_dyn._src.containers`: ``Container``, ``Network``, ``Sequential``.
"""

from brainpy_dyn._src.containers import Container as Container
from brainpy_dyn._src.containers import Network as Network
from brainpy_dyn._src.containers import Sequential as Sequential
from brainpy_dyn._src.dynsys import DynamicalSystem as DynamicalSystem
from brainpy_dyn._src.dynsys import DynamicalSystemNS as DynamicalSystemNS
from brainpy_dyn._src.dynsys import NeuGroup as NeuGroup
from brainpy_dyn._src.dynsys import NeuGroupNS as NeuGroupNS
from brainpy_dyn._src.dynsys import batch_size_of as batch_size_of
from brainpy_dyn._src.dynsys import not_pass_shared as not_pass_shared
from brainpy_dyn._src.object import BrainPyObject as BrainPyObject
from brainpy_dyn._src.object import Collector as Collector
from brainpy_dyn._src.state import StateLoadResult as StateLoadResult

__all__ = [
    "BrainPyObject",
    "Collector",
    "Container",
    "DynamicalSystem",
    "DynamicalSystemNS",
    "Network",
    "NeuGroup",
    "NeuGroupNS",
    "Sequential",
    "StateLoadResult",
    "batch_size_of",
    "not_pass_shared",
]

"""Errors raised by brainpy_dyn (see each class for how to fix it)."""

import jax as _jax

from brainpy_dyn._src.connect.errors import ConnectorError as ConnectorError
from brainpy_dyn._src.errors import AnalyzerError as AnalyzerError
from brainpy_dyn._src.errors import ContainerChildError as ContainerChildError
from brainpy_dyn._src.errors import DelayEntryError as DelayEntryError
from brainpy_dyn._src.errors import DelayTypeError as DelayTypeError
from brainpy_dyn._src.errors import DelayValueError as DelayValueError
from brainpy_dyn._src.errors import DynError as DynError
from brainpy_dyn._src.errors import InputKeyError as InputKeyError
from brainpy_dyn._src.errors import InputShapeError as InputShapeError
from brainpy_dyn._src.errors import InputValueError as InputValueError
from brainpy_dyn._src.errors import ModeSupportError as ModeSupportError
from brainpy_dyn._src.errors import ModeTypeError as ModeTypeError
from brainpy_dyn._src.errors import MonitorError as MonitorError
from brainpy_dyn._src.errors import MonitorKeyError as MonitorKeyError
from brainpy_dyn._src.errors import MonitorValueError as MonitorValueError
from brainpy_dyn._src.errors import NeuGroupSizeError as NeuGroupSizeError
from brainpy_dyn._src.errors import ObjectNameError as ObjectNameError
from brainpy_dyn._src.errors import PackageMissingError as PackageMissingError
from brainpy_dyn._src.errors import PlotValueError as PlotValueError
from brainpy_dyn._src.errors import RunnerTypeError as RunnerTypeError
from brainpy_dyn._src.errors import RunnerValueError as RunnerValueError
from brainpy_dyn._src.errors import RunningError as RunningError
from brainpy_dyn._src.errors import ShareKeyError as ShareKeyError
from brainpy_dyn._src.errors import ShareTypeError as ShareTypeError
from brainpy_dyn._src.errors import ShareValueError as ShareValueError
from brainpy_dyn._src.errors import StateDictError as StateDictError
from brainpy_dyn._src.errors import UnsupportedError as UnsupportedError
from brainpy_dyn._src.integrators.base import CodeError as CodeError
from brainpy_dyn._src.integrators.base import DiffEqError as DiffEqError
from brainpy_dyn._src.integrators.base import IntegratorError as IntegratorError
from brainpy_math.errors import BrainPyError as BrainPyError
from brainpy_math.errors import MathError as MathError
from brainpy_math.errors import TracerLeakError as TracerLeakError

# BrainPy 2.3.5's names of errors this package raises as other classes (the same objects).
UniqueNameError = ObjectNameError  # a name another live object holds
JaxTracerError = TracerLeakError  # a traced value that escapes a transformation
ConcretizationTypeError = _jax.errors.ConcretizationTypeError  # what JAX raises itself
NoImplementationError = NotImplementedError  # what a missing method raises

__all__ = [
    "AnalyzerError",
    "BrainPyError",
    "CodeError",
    "ConcretizationTypeError",
    "ConnectorError",
    "ContainerChildError",
    "DelayEntryError",
    "DelayTypeError",
    "DelayValueError",
    "DiffEqError",
    "DynError",
    "InputKeyError",
    "InputShapeError",
    "InputValueError",
    "IntegratorError",
    "JaxTracerError",
    "MathError",
    "ModeSupportError",
    "ModeTypeError",
    "MonitorError",
    "MonitorKeyError",
    "MonitorValueError",
    "NeuGroupSizeError",
    "NoImplementationError",
    "ObjectNameError",
    "PackageMissingError",
    "PlotValueError",
    "RunnerTypeError",
    "RunnerValueError",
    "RunningError",
    "ShareKeyError",
    "ShareTypeError",
    "ShareValueError",
    "StateDictError",
    "TracerLeakError",
    "UniqueNameError",
    "UnsupportedError",
]

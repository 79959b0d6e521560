"""Errors raised by brainpy_dyn (see each class for how to fix it)."""

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
from brainpy_dyn._src.errors import MonitorKeyError as MonitorKeyError
from brainpy_dyn._src.errors import MonitorValueError as MonitorValueError
from brainpy_dyn._src.errors import NeuGroupSizeError as NeuGroupSizeError
from brainpy_dyn._src.errors import ObjectNameError as ObjectNameError
from brainpy_dyn._src.errors import PlotValueError as PlotValueError
from brainpy_dyn._src.errors import RunnerTypeError as RunnerTypeError
from brainpy_dyn._src.errors import RunnerValueError as RunnerValueError
from brainpy_dyn._src.errors import ShareKeyError as ShareKeyError
from brainpy_dyn._src.errors import ShareTypeError as ShareTypeError
from brainpy_dyn._src.errors import ShareValueError as ShareValueError
from brainpy_dyn._src.errors import StateDictError as StateDictError
from brainpy_dyn._src.integrators.base import CodeError as CodeError
from brainpy_dyn._src.integrators.base import DiffEqError as DiffEqError
from brainpy_dyn._src.integrators.base import IntegratorError as IntegratorError

__all__ = [
    "AnalyzerError",
    "CodeError",
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
    "ModeSupportError",
    "ModeTypeError",
    "MonitorKeyError",
    "MonitorValueError",
    "NeuGroupSizeError",
    "ObjectNameError",
    "PlotValueError",
    "RunnerTypeError",
    "RunnerValueError",
    "ShareKeyError",
    "ShareTypeError",
    "ShareValueError",
    "StateDictError",
]

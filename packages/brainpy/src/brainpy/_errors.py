"""BrainPy 2.3.5's ``brainpy.errors``: the errors of every component under 2.3.5's names.

``brainpy.errors`` is this module (the meta package's import hook files it under that name).
It holds every error of ``brainpy_dyn.errors`` (which includes brainpy_math's) and the
checkpoint errors of ``brainpy_checkpoints`` under the names 2.3.5 gave them, so a 2.3.5
``except bp.errors.X`` catches what the packages raise. Every name is one of the raised
classes or a base of them (the checkpoint errors 2.3.5 built from ``(path, step)``), never
a copy.

Examples:
  >>> import brainpy as bp
  >>> import brainpy_checkpoints
  >>> bp.errors.InvalidCheckpointPath is brainpy_checkpoints.CheckpointExistsError
  True
  >>> issubclass(bp.errors.MonitorKeyError, bp.errors.RunningError)
  True
"""

from brainpy_checkpoints import CheckpointError as CheckpointError
from brainpy_checkpoints import CheckpointExistsError as CheckpointExistsError
from brainpy_checkpoints import CheckpointNotFoundError as CheckpointNotFoundError
from brainpy_checkpoints import CheckpointSerializationError as CheckpointSerializationError
from brainpy_checkpoints import CheckpointStructureError as CheckpointStructureError
from brainpy_checkpoints import CorruptCheckpointError as CorruptCheckpointError
from brainpy_checkpoints import InvalidCheckpointError as InvalidCheckpointError
from brainpy_checkpoints import MPACheckpointingRequiredError as MPACheckpointingRequiredError
from brainpy_checkpoints import MPARestoreDataCorruptedError as MPARestoreDataCorruptedError
from brainpy_checkpoints import MPARestoreTargetRequiredError as MPARestoreTargetRequiredError
from brainpy_checkpoints import MPARestoreTypeNotMatchError as MPARestoreTypeNotMatchError
from brainpy_dyn.errors import AnalyzerError as AnalyzerError
from brainpy_dyn.errors import BrainPyError as BrainPyError
from brainpy_dyn.errors import CodeError as CodeError
from brainpy_dyn.errors import ConcretizationTypeError as ConcretizationTypeError
from brainpy_dyn.errors import ConnectorError as ConnectorError
from brainpy_dyn.errors import ContainerChildError as ContainerChildError
from brainpy_dyn.errors import DelayEntryError as DelayEntryError
from brainpy_dyn.errors import DelayTypeError as DelayTypeError
from brainpy_dyn.errors import DelayValueError as DelayValueError
from brainpy_dyn.errors import DiffEqError as DiffEqError
from brainpy_dyn.errors import DynError as DynError
from brainpy_dyn.errors import InputKeyError as InputKeyError
from brainpy_dyn.errors import InputShapeError as InputShapeError
from brainpy_dyn.errors import InputValueError as InputValueError
from brainpy_dyn.errors import IntegratorError as IntegratorError
from brainpy_dyn.errors import JaxTracerError as JaxTracerError
from brainpy_dyn.errors import MathError as MathError
from brainpy_dyn.errors import ModeSupportError as ModeSupportError
from brainpy_dyn.errors import ModeTypeError as ModeTypeError
from brainpy_dyn.errors import MonitorError as MonitorError
from brainpy_dyn.errors import MonitorKeyError as MonitorKeyError
from brainpy_dyn.errors import MonitorValueError as MonitorValueError
from brainpy_dyn.errors import NeuGroupSizeError as NeuGroupSizeError
from brainpy_dyn.errors import NoImplementationError as NoImplementationError
from brainpy_dyn.errors import ObjectNameError as ObjectNameError
from brainpy_dyn.errors import PackageMissingError as PackageMissingError
from brainpy_dyn.errors import PlotValueError as PlotValueError
from brainpy_dyn.errors import RunnerTypeError as RunnerTypeError
from brainpy_dyn.errors import RunnerValueError as RunnerValueError
from brainpy_dyn.errors import RunningError as RunningError
from brainpy_dyn.errors import ShareKeyError as ShareKeyError
from brainpy_dyn.errors import ShareTypeError as ShareTypeError
from brainpy_dyn.errors import ShareValueError as ShareValueError
from brainpy_dyn.errors import StateDictError as StateDictError
from brainpy_dyn.errors import TracerLeakError as TracerLeakError
from brainpy_dyn.errors import UniqueNameError as UniqueNameError
from brainpy_dyn.errors import UnsupportedError as UnsupportedError

# 2.3.5's checkpoint errors: the classes brainpy_checkpoints raises in the same situations,
# or (InvalidCheckpointError and the MPA* names, which keep 2.3.5's constructors) their bases.
InvalidCheckpointPath = CheckpointExistsError  # save_pytree(overwrite=False) onto a file
BackendNotInstalled = PackageMissingError  # an optional package is missing
AlreadyExistsError = CheckpointExistsError  # a save onto an existing file or step
NoLongerSupportError = UnsupportedError  # a 2.3.5 feature this version does not provide

__all__ = [
    "AlreadyExistsError",
    "AnalyzerError",
    "BackendNotInstalled",
    "BrainPyError",
    "CheckpointError",
    "CheckpointExistsError",
    "CheckpointNotFoundError",
    "CheckpointSerializationError",
    "CheckpointStructureError",
    "CodeError",
    "ConcretizationTypeError",
    "ConnectorError",
    "ContainerChildError",
    "CorruptCheckpointError",
    "DelayEntryError",
    "DelayTypeError",
    "DelayValueError",
    "DiffEqError",
    "DynError",
    "InputKeyError",
    "InputShapeError",
    "InputValueError",
    "IntegratorError",
    "InvalidCheckpointError",
    "InvalidCheckpointPath",
    "JaxTracerError",
    "MPACheckpointingRequiredError",
    "MPARestoreDataCorruptedError",
    "MPARestoreTargetRequiredError",
    "MPARestoreTypeNotMatchError",
    "MathError",
    "ModeSupportError",
    "ModeTypeError",
    "MonitorError",
    "MonitorKeyError",
    "MonitorValueError",
    "NeuGroupSizeError",
    "NoImplementationError",
    "NoLongerSupportError",
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

"""Computing modes under BrainPy 2.3.5's module name ``brainpy.math.modes``.

Examples:
  >>> import brainpy_math as bm
  >>> bm.modes.TrainingMode is bm.TrainingMode
  True
"""

from brainpy_math._src.modes import BatchingMode as BatchingMode
from brainpy_math._src.modes import Mode as Mode
from brainpy_math._src.modes import NonBatchingMode as NonBatchingMode
from brainpy_math._src.modes import TrainingMode as TrainingMode
from brainpy_math._src.modes import batch_size_of as batch_size_of
from brainpy_math._src.modes import batching_mode as batching_mode
from brainpy_math._src.modes import nonbatching_mode as nonbatching_mode
from brainpy_math._src.modes import training_mode as training_mode

__all__ = [
    "BatchingMode",
    "Mode",
    "NonBatchingMode",
    "TrainingMode",
    "batch_size_of",
    "batching_mode",
    "nonbatching_mode",
    "training_mode",
]

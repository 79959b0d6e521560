"""brainpy_math: NumPy-, PyTorch- and TensorFlow-compatible operators on JAX.

``import brainpy_math as bm`` gives :class:`Array` and :class:`Variable`, the
state-aware transformations (``jit``, ``for_loop``, ``cond``, ``grad`` …), random
numbers (:mod:`brainpy_math.random`), the computing environment (``dt``, modes,
precision) and every ``jax.numpy`` function as a wrapper that accepts and returns
brainpy Arrays.
"""

# The NumPy-compatible namespace (generated; see brainpy_math._src.numpy_ops).
from brainpy_math._src.numpy_ops import *  # noqa: F403
from brainpy_math._src.numpy_ops import NUMPY_NAMES as _NUMPY_NAMES

from brainpy_math import errors as errors
from brainpy_math._src.array import Array as Array
from brainpy_math._src.array import Tensor as Tensor
from brainpy_math._src.array import as_jax as as_jax
from brainpy_math._src.environment import batching_environment as batching_environment
from brainpy_math._src.environment import dftype as dftype
from brainpy_math._src.environment import disable_x64 as disable_x64
from brainpy_math._src.environment import ditype as ditype
from brainpy_math._src.environment import enable_x64 as enable_x64
from brainpy_math._src.environment import environment as environment
from brainpy_math._src.environment import get_complex as get_complex
from brainpy_math._src.environment import get_dt as get_dt
from brainpy_math._src.environment import get_float as get_float
from brainpy_math._src.environment import get_int as get_int
from brainpy_math._src.environment import get_mode as get_mode
from brainpy_math._src.environment import is_x64 as is_x64
from brainpy_math._src.environment import set_dt as set_dt
from brainpy_math._src.environment import set_environment as set_environment
from brainpy_math._src.environment import set_float as set_float
from brainpy_math._src.environment import set_int as set_int
from brainpy_math._src.environment import set_mode as set_mode
from brainpy_math._src.environment import set_x64 as set_x64
from brainpy_math._src.environment import training_environment as training_environment
from brainpy_math._src.errors import MathError as MathError
from brainpy_math._src.modes import BatchingMode as BatchingMode
from brainpy_math._src.modes import Mode as Mode
from brainpy_math._src.modes import NonBatchingMode as NonBatchingMode
from brainpy_math._src.modes import TrainingMode as TrainingMode
from brainpy_math._src.modes import batching_mode as batching_mode
from brainpy_math._src.modes import nonbatching_mode as nonbatching_mode
from brainpy_math._src.modes import training_mode as training_mode
from brainpy_math._src.transforms.autograd import grad as grad
from brainpy_math._src.transforms.autograd import value_and_grad as value_and_grad
from brainpy_math._src.transforms.autograd import vector_grad as vector_grad
from brainpy_math._src.transforms.control import cond as cond
from brainpy_math._src.transforms.jit import jit as jit
from brainpy_math._src.transforms.loops import for_loop as for_loop
from brainpy_math._src.transforms.loops import while_loop as while_loop
from brainpy_math._src.transforms.vmap import vmap as vmap
from brainpy_math._src.variable import Parameter as Parameter
from brainpy_math._src.variable import TrainVar as TrainVar
from brainpy_math._src.variable import Variable as Variable
from brainpy_math._version import __version__ as __version__

__all__ = sorted(
    set(_NUMPY_NAMES)
    | {
        "Array", "BatchingMode", "MathError", "Mode", "NonBatchingMode", "Parameter",
        "Tensor", "TrainVar", "TrainingMode", "Variable", "as_jax", "batching_environment",
        "batching_mode", "cond", "dftype", "disable_x64", "ditype", "enable_x64",
        "environment", "errors", "for_loop", "get_complex", "get_dt", "get_float",
        "get_int", "get_mode", "grad", "is_x64", "jit", "nonbatching_mode", "set_dt",
        "set_environment", "set_float", "set_int", "set_mode", "set_x64",
        "training_environment", "training_mode", "value_and_grad", "vector_grad", "vmap",
        "while_loop",
    }
)

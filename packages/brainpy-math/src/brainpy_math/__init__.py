"""brainpy_math: NumPy-, PyTorch- and TensorFlow-compatible operators on JAX.

``import brainpy_math as bm`` gives :class:`Array` and :class:`Variable`, the
state-aware transformations (``jit``, ``for_loop``, ``cond``, ``grad`` …), random
numbers (:mod:`brainpy_math.random`), the computing environment (``dt``, modes,
precision) and every ``jax.numpy`` function as a wrapper that accepts and returns
brainpy Arrays.

Importing it before JAX starts also turns on XLA:CPU loop kernels for small-state loops
(opt out with ``BRAINPY_CPU_LOOP_KERNELS=0``; see :mod:`brainpy_math._src.xla_cpu`).
"""

# First, before anything creates a JAX array: XLA reads its flags once, when the backend
# starts, and importing this module sets them (see its docstring).
from brainpy_math._src import xla_cpu as _xla_cpu  # noqa: F401 - imported for its effect

# isort: split

from brainpy_math import activations as activations
from brainpy_math import arrayinterporate as arrayinterporate
from brainpy_math import compat_numpy as compat_numpy
from brainpy_math import compat_pytorch as compat_pytorch
from brainpy_math import compat_tensorflow as compat_tensorflow
from brainpy_math import datatypes as datatypes
from brainpy_math import delayvars as delayvars
from brainpy_math import errors as errors
from brainpy_math import event as event
from brainpy_math import fft as fft
from brainpy_math import linalg as linalg
from brainpy_math import modes as modes
from brainpy_math import object_base as object_base
from brainpy_math import object_transform as object_transform
from brainpy_math import operators as operators
from brainpy_math import optimizers as optimizers
from brainpy_math import others as others
from brainpy_math import random as random
from brainpy_math import surrogate as surrogate
from brainpy_math._src.activations import ACTIVATION_NAMES as _ACTIVATION_NAMES
from brainpy_math._src.array import Array as Array
from brainpy_math._src.array import Tensor as Tensor
from brainpy_math._src.collectors import ArrayCollector as ArrayCollector
from brainpy_math._src.collectors import Collector as Collector
from brainpy_math._src.collectors import TensorCollector as TensorCollector
from brainpy_math._src.compute_once import compute_once as compute_once
from brainpy_math._src.config_info import (
    disable_gpu_memory_preallocation as disable_gpu_memory_preallocation,
)
from brainpy_math._src.config_info import (
    enable_gpu_memory_preallocation as enable_gpu_memory_preallocation,
)
from brainpy_math._src.config_info import show_config as show_config
from brainpy_math._src.custom_op import XLACustomOp as XLACustomOp
from brainpy_math._src.datatypes import cfloat as cfloat
from brainpy_math._src.datatypes import float as float
from brainpy_math._src.datatypes import half as half
from brainpy_math._src.datatypes import int as int
from brainpy_math._src.datatypes import long as long
from brainpy_math._src.datatypes import short as short
from brainpy_math._src.delayvars import CONCAT_UPDATE as CONCAT_UPDATE
from brainpy_math._src.delayvars import ROTATE_UPDATE as ROTATE_UPDATE
from brainpy_math._src.delayvars_length import LengthDelay as LengthDelay
from brainpy_math._src.delayvars_length import NeuLenDelay as NeuLenDelay
from brainpy_math._src.delayvars_time import NeuTimeDelay as NeuTimeDelay
from brainpy_math._src.delayvars_time import TimeDelay as TimeDelay
from brainpy_math._src.deprecations import DEPRECATED as _DEPRECATED
from brainpy_math._src.deprecations import deprecation_getattr as _deprecation_getattr
from brainpy_math._src.dyn_containers import dyn_dict as dyn_dict
from brainpy_math._src.dyn_containers import dyn_seq as dyn_seq
from brainpy_math._src.environment import batching_environment as batching_environment
from brainpy_math._src.environment import dftype as dftype
from brainpy_math._src.environment import disable_x64 as disable_x64
from brainpy_math._src.environment import ditype as ditype
from brainpy_math._src.environment import enable_x64 as enable_x64
from brainpy_math._src.environment import environment as environment
from brainpy_math._src.environment import get_bool as get_bool
from brainpy_math._src.environment import get_complex as get_complex
from brainpy_math._src.environment import get_dt as get_dt
from brainpy_math._src.environment import get_float as get_float
from brainpy_math._src.environment import get_int as get_int
from brainpy_math._src.environment import get_mode as get_mode
from brainpy_math._src.environment import is_x64 as is_x64
from brainpy_math._src.environment import set_bool as set_bool
from brainpy_math._src.environment import set_complex as set_complex
from brainpy_math._src.environment import set_dt as set_dt
from brainpy_math._src.environment import set_environment as set_environment
from brainpy_math._src.environment import set_float as set_float
from brainpy_math._src.environment import set_int as set_int
from brainpy_math._src.environment import set_mode as set_mode
from brainpy_math._src.environment import set_x64 as set_x64
from brainpy_math._src.environment import training_environment as training_environment
from brainpy_math._src.errors import MathError as MathError
from brainpy_math._src.event_csr import event_csr_matvec as event_csr_matvec
from brainpy_math._src.interop import as_device_array as as_device_array
from brainpy_math._src.interop import as_jax as as_jax
from brainpy_math._src.interop import as_ndarray as as_ndarray
from brainpy_math._src.interop import as_numpy as as_numpy
from brainpy_math._src.interop import as_variable as as_variable
from brainpy_math._src.memory import clear_buffer_memory as clear_buffer_memory
from brainpy_math._src.misc_math import clip_by_norm as clip_by_norm
from brainpy_math._src.misc_math import remove_diag as remove_diag
from brainpy_math._src.modes import BatchingMode as BatchingMode
from brainpy_math._src.modes import Mode as Mode
from brainpy_math._src.modes import NonBatchingMode as NonBatchingMode
from brainpy_math._src.modes import TrainingMode as TrainingMode
from brainpy_math._src.modes import batching_mode as batching_mode
from brainpy_math._src.modes import nonbatching_mode as nonbatching_mode
from brainpy_math._src.modes import training_mode as training_mode
from brainpy_math._src.naming import clear_name_cache as clear_name_cache
from brainpy_math._src.numpy_legacy import *  # noqa: F403
from brainpy_math._src.numpy_legacy import __all__ as _LEGACY_NUMPY_NAMES

# The NumPy-compatible namespace (generated; see brainpy_math._src.numpy_ops).
from brainpy_math._src.numpy_ops import *  # noqa: F403
from brainpy_math._src.numpy_ops import NUMPY_NAMES as _NUMPY_NAMES
from brainpy_math._src.object_base import BrainPyObject as BrainPyObject
from brainpy_math._src.object_function import FunAsObject as FunAsObject
from brainpy_math._src.object_function import ObjectTransform as ObjectTransform
from brainpy_math._src.object_function import Partial as Partial
from brainpy_math._src.object_function import function as function
from brainpy_math._src.object_function import to_object as to_object
from brainpy_math._src.object_state import StateLoadResult as StateLoadResult
from brainpy_math._src.operators_pre_syn_post import (
    pre2post_coo_event_sum as pre2post_coo_event_sum,
)
from brainpy_math._src.operators_pre_syn_post import pre2post_event_prod as pre2post_event_prod
from brainpy_math._src.operators_pre_syn_post import pre2post_event_sum as pre2post_event_sum
from brainpy_math._src.operators_pre_syn_post import pre2post_max as pre2post_max
from brainpy_math._src.operators_pre_syn_post import pre2post_mean as pre2post_mean
from brainpy_math._src.operators_pre_syn_post import pre2post_min as pre2post_min
from brainpy_math._src.operators_pre_syn_post import pre2post_prod as pre2post_prod
from brainpy_math._src.operators_pre_syn_post import pre2post_sum as pre2post_sum
from brainpy_math._src.operators_pre_syn_post import pre2syn as pre2syn
from brainpy_math._src.operators_pre_syn_post import syn2post as syn2post
from brainpy_math._src.operators_pre_syn_post import syn2post_max as syn2post_max
from brainpy_math._src.operators_pre_syn_post import syn2post_mean as syn2post_mean
from brainpy_math._src.operators_pre_syn_post import syn2post_min as syn2post_min
from brainpy_math._src.operators_pre_syn_post import syn2post_prod as syn2post_prod
from brainpy_math._src.operators_pre_syn_post import syn2post_softmax as syn2post_softmax
from brainpy_math._src.operators_pre_syn_post import syn2post_sum as syn2post_sum
from brainpy_math._src.platform import get_platform as get_platform
from brainpy_math._src.platform import set_host_device_count as set_host_device_count
from brainpy_math._src.platform import set_platform as set_platform
from brainpy_math._src.public_path import set_module as set_module
from brainpy_math._src.shared_args import shared_args_over_time as shared_args_over_time
from brainpy_math._src.sparse_csr import csr_matvec as csr_matvec
from brainpy_math._src.sparse_csr import cusparse_csr_matvec as cusparse_csr_matvec
from brainpy_math._src.sparse_csr import sparse_matmul as sparse_matmul
from brainpy_math._src.transforms.autograd import grad as grad
from brainpy_math._src.transforms.autograd import value_and_grad as value_and_grad
from brainpy_math._src.transforms.autograd import vector_grad as vector_grad
from brainpy_math._src.transforms.control import cond as cond
from brainpy_math._src.transforms.jacobian import hessian as hessian
from brainpy_math._src.transforms.jacobian import jacfwd as jacfwd
from brainpy_math._src.transforms.jacobian import jacobian as jacobian
from brainpy_math._src.transforms.jacobian import jacrev as jacrev
from brainpy_math._src.transforms.jit import jit as jit
from brainpy_math._src.transforms.legacy_control import ifelse as ifelse
from brainpy_math._src.transforms.legacy_control import make_cond as make_cond
from brainpy_math._src.transforms.legacy_control import make_loop as make_loop
from brainpy_math._src.transforms.legacy_control import make_while as make_while
from brainpy_math._src.transforms.loops import for_loop as for_loop
from brainpy_math._src.transforms.loops import while_loop as while_loop
from brainpy_math._src.transforms.vmap import vmap as vmap
from brainpy_math._src.variable import Parameter as Parameter
from brainpy_math._src.variable import TrainVar as TrainVar
from brainpy_math._src.variable import Variable as Variable
from brainpy_math._src.variable_view import VariableView as VariableView
from brainpy_math._src.xla_cpu import cpu_loop_kernels_enabled as cpu_loop_kernels_enabled
from brainpy_math._version import __version__ as __version__

# PyTorch- and TensorFlow-compatible operators, sorted after the NumPy namespace so that the
# torch-style abs, absolute, add, angle, arccos, arccosh, arcsin, arctan (and the TF-style
# concat) replace the NumPy-style functions of the same name, as in BrainPy 2.3.5; so does the
# activation identity(x) (NumPy's identity matrix is compat_numpy.identity).
from brainpy_math.activations import identity as identity
from brainpy_math.compat_pytorch import abs as abs
from brainpy_math.compat_pytorch import absolute as absolute
from brainpy_math.compat_pytorch import acos as acos
from brainpy_math.compat_pytorch import acosh as acosh
from brainpy_math.compat_pytorch import add as add
from brainpy_math.compat_pytorch import addcdiv as addcdiv
from brainpy_math.compat_pytorch import addcmul as addcmul
from brainpy_math.compat_pytorch import angle as angle
from brainpy_math.compat_pytorch import arccos as arccos
from brainpy_math.compat_pytorch import arccosh as arccosh
from brainpy_math.compat_pytorch import arcsin as arcsin
from brainpy_math.compat_pytorch import arctan as arctan
from brainpy_math.compat_pytorch import asin as asin
from brainpy_math.compat_pytorch import asinh as asinh
from brainpy_math.compat_pytorch import atan as atan
from brainpy_math.compat_pytorch import atan2 as atan2
from brainpy_math.compat_pytorch import atanh as atanh
from brainpy_math.compat_pytorch import cat as cat
from brainpy_math.compat_pytorch import flatten as flatten
from brainpy_math.compat_pytorch import unsqueeze as unsqueeze
from brainpy_math.compat_tensorflow import cast as cast
from brainpy_math.compat_tensorflow import clip_by_value as clip_by_value
from brainpy_math.compat_tensorflow import concat as concat
from brainpy_math.compat_tensorflow import reduce_all as reduce_all
from brainpy_math.compat_tensorflow import reduce_any as reduce_any
from brainpy_math.compat_tensorflow import reduce_euclidean_norm as reduce_euclidean_norm
from brainpy_math.compat_tensorflow import reduce_logsumexp as reduce_logsumexp
from brainpy_math.compat_tensorflow import reduce_max as reduce_max
from brainpy_math.compat_tensorflow import reduce_mean as reduce_mean
from brainpy_math.compat_tensorflow import reduce_min as reduce_min
from brainpy_math.compat_tensorflow import reduce_prod as reduce_prod
from brainpy_math.compat_tensorflow import reduce_std as reduce_std
from brainpy_math.compat_tensorflow import reduce_sum as reduce_sum
from brainpy_math.compat_tensorflow import reduce_variance as reduce_variance
from brainpy_math.compat_tensorflow import segment_max as segment_max
from brainpy_math.compat_tensorflow import segment_mean as segment_mean
from brainpy_math.compat_tensorflow import segment_min as segment_min
from brainpy_math.compat_tensorflow import segment_prod as segment_prod
from brainpy_math.compat_tensorflow import segment_sum as segment_sum
from brainpy_math.compat_tensorflow import unsorted_segment_max as unsorted_segment_max
from brainpy_math.compat_tensorflow import unsorted_segment_mean as unsorted_segment_mean
from brainpy_math.compat_tensorflow import unsorted_segment_min as unsorted_segment_min
from brainpy_math.compat_tensorflow import unsorted_segment_prod as unsorted_segment_prod
from brainpy_math.compat_tensorflow import unsorted_segment_sqrt_n as unsorted_segment_sqrt_n
from brainpy_math.compat_tensorflow import unsorted_segment_sum as unsorted_segment_sum

for _name in _ACTIVATION_NAMES:  # bm.relu, bm.sigmoid … as in BrainPy 2.3.5
    globals().setdefault(_name, getattr(activations, _name))

__all__ = sorted(
    set(_NUMPY_NAMES)
    | set(_LEGACY_NUMPY_NAMES)
    | set(_ACTIVATION_NAMES)
    | set(delayvars.__all__)
    | {"XLACustomOp"}
    | {
        "Array",
        "ArrayCollector",
        "BrainPyObject",
        "Collector",
        "FunAsObject",
        "ObjectTransform",
        "Partial",
        "StateLoadResult",
        "arrayinterporate",
        "cfloat",
        "compat_numpy",
        "datatypes",
        "disable_gpu_memory_preallocation",
        "enable_gpu_memory_preallocation",
        "float",
        "get_bool",
        "half",
        "int",
        "long",
        "modes",
        "object_base",
        "object_transform",
        "operators",
        "others",
        "set_bool",
        "set_complex",
        "set_module",
        "shared_args_over_time",
        "short",
        "show_config",
        "TensorCollector",
        "clear_name_cache",
        "dyn_dict",
        "dyn_seq",
        "function",
        "to_object",
        "BatchingMode",
        "MathError",
        "Mode",
        "NonBatchingMode",
        "Parameter",
        "Tensor",
        "TrainVar",
        "TrainingMode",
        "Variable",
        "VariableView",
        "activations",
        "as_jax",
        "compute_once",
        "cpu_loop_kernels_enabled",
        "batching_environment",
        "batching_mode",
        "clear_buffer_memory",
        "cond",
        "dftype",
        "disable_x64",
        "ditype",
        "enable_x64",
        "environment",
        "errors",
        "event",
        "event_csr_matvec",
        "for_loop",
        "get_complex",
        "get_dt",
        "get_float",
        "get_int",
        "get_mode",
        "grad",
        "is_x64",
        "jit",
        "nonbatching_mode",
        "set_dt",
        "set_environment",
        "set_float",
        "set_int",
        "set_mode",
        "set_x64",
        "surrogate",
        "training_environment",
        "training_mode",
        "value_and_grad",
        "vector_grad",
        "vmap",
        "clip_by_norm",
        "csr_matvec",
        "cusparse_csr_matvec",
        "get_platform",
        "hessian",
        "ifelse",
        "jacfwd",
        "jacobian",
        "jacrev",
        "make_cond",
        "make_loop",
        "make_while",
        "pre2post_coo_event_sum",
        "pre2post_event_prod",
        "pre2post_event_sum",
        "pre2post_max",
        "pre2post_mean",
        "pre2post_min",
        "pre2post_prod",
        "pre2post_sum",
        "pre2syn",
        "remove_diag",
        "set_host_device_count",
        "set_platform",
        "sparse_matmul",
        "syn2post",
        "syn2post_max",
        "syn2post_mean",
        "syn2post_min",
        "syn2post_prod",
        "syn2post_softmax",
        "syn2post_sum",
        "while_loop",
        "as_device_array",
        "as_ndarray",
        "as_numpy",
        "as_variable",
        "fft",
        "linalg",
        "optimizers",
        "compat_pytorch",
        "compat_tensorflow",
        "delayvars",
        "random",
    }
    | set(compat_pytorch.__all__)
    | set(compat_tensorflow.__all__)
)

_deprecated_getattr = _deprecation_getattr(__name__, _DEPRECATED)  # JaxArray (BrainPy 2.3 alias)


def __getattr__(name: str) -> object:
    """``bm.dt`` and ``bm.mode``: the current global settings; deprecated names warn."""
    if name == "dt":
        return get_dt()
    if name == "mode":
        return get_mode()
    return _deprecated_getattr(name)

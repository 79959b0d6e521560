"""Transformations of functions and objects under BrainPy 2.3.5's module name.

``brainpy.math.object_transform`` holds the same objects as the top level of
:mod:`brainpy_math`: the compiled and differentiated transformations (``jit``, ``grad``,
``for_loop`` …), which find the Variables a function uses by themselves, and the object
system they work with (``BrainPyObject``, ``to_object`` …).

Examples:
  >>> import brainpy_math as bm
  >>> from brainpy_math.object_transform import jit, BrainPyObject
  >>> jit is bm.jit and BrainPyObject is bm.BrainPyObject
  True
"""

from brainpy_math._src.collectors import ArrayCollector as ArrayCollector
from brainpy_math._src.collectors import Collector as Collector
from brainpy_math._src.collectors import TensorCollector as TensorCollector
from brainpy_math._src.dyn_containers import dyn_dict as dyn_dict
from brainpy_math._src.dyn_containers import dyn_seq as dyn_seq
from brainpy_math._src.object_base import BrainPyObject as BrainPyObject
from brainpy_math._src.object_function import FunAsObject as FunAsObject
from brainpy_math._src.object_function import ObjectTransform as ObjectTransform
from brainpy_math._src.object_function import Partial as Partial
from brainpy_math._src.object_function import function as function
from brainpy_math._src.object_function import to_object as to_object
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

#: BrainPy 2.3's name of :class:`BrainPyObject` (the same class).
Base = BrainPyObject

__all__ = [
    "ArrayCollector",
    "Base",
    "BrainPyObject",
    "Collector",
    "FunAsObject",
    "ObjectTransform",
    "Partial",
    "TensorCollector",
    "cond",
    "dyn_dict",
    "dyn_seq",
    "for_loop",
    "function",
    "grad",
    "hessian",
    "ifelse",
    "jacfwd",
    "jacobian",
    "jacrev",
    "jit",
    "make_cond",
    "make_loop",
    "make_while",
    "to_object",
    "value_and_grad",
    "vector_grad",
    "vmap",
    "while_loop",
]

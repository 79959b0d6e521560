"""Argument checks for model code (BrainPy 2.3.5's ``brainpy.check``).

``is_*`` functions check a value's type, range or shape and return it; ``check_shape*``
compare shapes; :func:`jit_error_checking` raises an error from inside compiled code;
:func:`turn_on`/:func:`turn_off` switch the optional checks.

Examples:
  >>> from brainpy_dyn import check
  >>> check.is_integer(5, 'num', min_bound=1)
  5
"""

from brainpy_dyn._src.check import check_shape as check_shape
from brainpy_dyn._src.check import check_shape_except_batch as check_shape_except_batch
from brainpy_dyn._src.check import is_all_objs as is_all_objs
from brainpy_dyn._src.check import is_all_vars as is_all_vars
from brainpy_dyn._src.check import is_callable as is_callable
from brainpy_dyn._src.check import is_checking as is_checking
from brainpy_dyn._src.check import is_connector as is_connector
from brainpy_dyn._src.check import is_dict_data as is_dict_data
from brainpy_dyn._src.check import is_elem_or_seq_or_dict as is_elem_or_seq_or_dict
from brainpy_dyn._src.check import is_float as is_float
from brainpy_dyn._src.check import is_initializer as is_initializer
from brainpy_dyn._src.check import is_instance as is_instance
from brainpy_dyn._src.check import is_integer as is_integer
from brainpy_dyn._src.check import is_sequence as is_sequence
from brainpy_dyn._src.check import is_shape_broadcastable as is_shape_broadcastable
from brainpy_dyn._src.check import is_shape_consistency as is_shape_consistency
from brainpy_dyn._src.check import is_string as is_string
from brainpy_dyn._src.check import is_subclass as is_subclass
from brainpy_dyn._src.check import jit_error_checking as jit_error_checking
from brainpy_dyn._src.check import serialize_kwargs as serialize_kwargs
from brainpy_dyn._src.check import turn_off as turn_off
from brainpy_dyn._src.check import turn_on as turn_on
from brainpy_math import set_module as _set_module

__all__ = [
    "check_shape",
    "check_shape_except_batch",
    "is_all_objs",
    "is_all_vars",
    "is_callable",
    "is_checking",
    "is_connector",
    "is_dict_data",
    "is_elem_or_seq_or_dict",
    "is_float",
    "is_initializer",
    "is_instance",
    "is_integer",
    "is_sequence",
    "is_shape_broadcastable",
    "is_shape_consistency",
    "is_string",
    "is_subclass",
    "jit_error_checking",
    "serialize_kwargs",
    "turn_off",
    "turn_on",
]

_set_module(
    __name__,
    check_shape,
    check_shape_except_batch,
    is_all_objs,
    is_all_vars,
    is_callable,
    is_checking,
    is_connector,
    is_dict_data,
    is_elem_or_seq_or_dict,
    is_float,
    is_initializer,
    is_instance,
    is_integer,
    is_sequence,
    is_shape_broadcastable,
    is_shape_consistency,
    is_string,
    is_subclass,
    jit_error_checking,
    serialize_kwargs,
    turn_off,
    turn_on,
)

"""BrainPy 2.3.5's ``brainpy.tools.checking``: the checks of :mod:`brainpy_dyn.check`.

The same functions, plus their older ``check_*`` names (``check_float`` is
:func:`brainpy_dyn.check.is_float`, and so on).

Examples:
  >>> from brainpy_dyn.tools import checking
  >>> checking.check_integer(3, 'n', min_bound=1)
  3
"""

from brainpy_dyn.check import check_shape as check_shape
from brainpy_dyn.check import check_shape_except_batch as check_shape_except_batch
from brainpy_dyn.check import is_all_objs as is_all_objs
from brainpy_dyn.check import is_all_vars as is_all_vars
from brainpy_dyn.check import is_callable as check_callable
from brainpy_dyn.check import is_callable as is_callable
from brainpy_dyn.check import is_checking as is_checking
from brainpy_dyn.check import is_connector as check_connector
from brainpy_dyn.check import is_connector as is_connector
from brainpy_dyn.check import is_dict_data as check_dict_data
from brainpy_dyn.check import is_dict_data as is_dict_data
from brainpy_dyn.check import is_elem_or_seq_or_dict as is_elem_or_seq_or_dict
from brainpy_dyn.check import is_float as check_float
from brainpy_dyn.check import is_float as is_float
from brainpy_dyn.check import is_initializer as check_initializer
from brainpy_dyn.check import is_initializer as is_initializer
from brainpy_dyn.check import is_instance as is_instance
from brainpy_dyn.check import is_integer as check_integer
from brainpy_dyn.check import is_integer as is_integer
from brainpy_dyn.check import is_sequence as check_sequence
from brainpy_dyn.check import is_sequence as is_sequence
from brainpy_dyn.check import is_shape_broadcastable as check_shape_broadcastable
from brainpy_dyn.check import is_shape_broadcastable as is_shape_broadcastable
from brainpy_dyn.check import is_shape_consistency as check_shape_consistency
from brainpy_dyn.check import is_shape_consistency as is_shape_consistency
from brainpy_dyn.check import is_string as check_string
from brainpy_dyn.check import is_string as is_string
from brainpy_dyn.check import is_subclass as is_subclass
from brainpy_dyn.check import jit_error_checking as jit_error_checking
from brainpy_dyn.check import serialize_kwargs as serialize_kwargs
from brainpy_dyn.check import turn_off as turn_off
from brainpy_dyn.check import turn_on as turn_on

__all__ = [
    "check_callable",
    "check_connector",
    "check_dict_data",
    "check_float",
    "check_initializer",
    "check_integer",
    "check_sequence",
    "check_shape",
    "check_shape_broadcastable",
    "check_shape_consistency",
    "check_shape_except_batch",
    "check_string",
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

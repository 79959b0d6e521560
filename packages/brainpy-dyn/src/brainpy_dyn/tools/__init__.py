"""Helpers of BrainPy 2.3.5's ``brainpy.tools``: dicts, sizes, names, code strings, Numba stand-ins.

:class:`DotDict` is a dict with attribute access; :func:`size2num`/:func:`to_size`/
:func:`replicate` normalise sizes; :func:`indent`, :func:`deindent`, :func:`word_replace`,
:func:`get_identifiers`, :func:`get_main_code` and :func:`code_lines_to_func` work on code
strings; :func:`numba_jit`, :func:`numba_range` and :func:`numba_seed` stand in for Numba,
which this BrainPy does not use (the functions run as plain Python; write compiled code with
``jax.numpy`` and :func:`brainpy_math.jit`). The checks of :mod:`brainpy_dyn.check` are also
here as :mod:`brainpy_dyn.tools.checking` (with the old ``check_*`` names).

Examples:
  >>> from brainpy_dyn import tools
  >>> tools.size2num((3, 4)), tools.to_size(5)
  (12, (5,))
"""

from brainpy_dyn._src.tools_codes import change_func_name as change_func_name
from brainpy_dyn._src.tools_codes import code_lines_to_func as code_lines_to_func
from brainpy_dyn._src.tools_codes import deindent as deindent
from brainpy_dyn._src.tools_codes import get_func_source as get_func_source
from brainpy_dyn._src.tools_codes import get_identifiers as get_identifiers
from brainpy_dyn._src.tools_codes import get_main_code as get_main_code
from brainpy_dyn._src.tools_codes import indent as indent
from brainpy_dyn._src.tools_codes import is_lambda_function as is_lambda_function
from brainpy_dyn._src.tools_codes import word_replace as word_replace
from brainpy_dyn._src.tools_dicts import DotDict as DotDict
from brainpy_dyn._src.tools_misc import check_name_uniqueness as check_name_uniqueness
from brainpy_dyn._src.tools_misc import clear_name_cache as clear_name_cache
from brainpy_dyn._src.tools_misc import copy_doc as copy_doc
from brainpy_dyn._src.tools_misc import format_seed as format_seed
from brainpy_dyn._src.tools_misc import get_unique_name as get_unique_name
from brainpy_dyn._src.tools_misc import init_progress_bar as init_progress_bar
from brainpy_dyn._src.tools_misc import not_customized as not_customized
from brainpy_dyn._src.tools_misc import numba_jit as numba_jit
from brainpy_dyn._src.tools_misc import numba_range as numba_range
from brainpy_dyn._src.tools_misc import numba_seed as numba_seed
from brainpy_dyn._src.tools_misc import replicate as replicate
from brainpy_dyn._src.tools_misc import repr_context as repr_context
from brainpy_dyn._src.tools_misc import repr_object as repr_object
from brainpy_dyn._src.tools_misc import size2num as size2num
from brainpy_dyn._src.tools_misc import swap_time_and_batch as swap_time_and_batch
from brainpy_dyn._src.tools_misc import timeout as timeout
from brainpy_dyn._src.tools_misc import to_size as to_size
from brainpy_dyn.tools import checking as checking

__all__ = [
    "DotDict",
    "change_func_name",
    "check_name_uniqueness",
    "checking",
    "clear_name_cache",
    "code_lines_to_func",
    "copy_doc",
    "deindent",
    "format_seed",
    "get_func_source",
    "get_identifiers",
    "get_main_code",
    "get_unique_name",
    "indent",
    "init_progress_bar",
    "is_lambda_function",
    "not_customized",
    "numba_jit",
    "numba_range",
    "numba_seed",
    "replicate",
    "repr_context",
    "repr_object",
    "size2num",
    "swap_time_and_batch",
    "timeout",
    "to_size",
    "word_replace",
]

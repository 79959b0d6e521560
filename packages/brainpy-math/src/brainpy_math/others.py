"""Miscellaneous helpers under BrainPy 2.3.5's module name ``brainpy.math.others``.

Examples:
  >>> import brainpy_math as bm
  >>> bm.others.shared_args_over_time is bm.shared_args_over_time
  True
"""

from brainpy_math._src.misc_math import clip_by_norm as clip_by_norm
from brainpy_math._src.misc_math import remove_diag as remove_diag
from brainpy_math._src.shared_args import shared_args_over_time as shared_args_over_time

__all__ = ["clip_by_norm", "remove_diag", "shared_args_over_time"]

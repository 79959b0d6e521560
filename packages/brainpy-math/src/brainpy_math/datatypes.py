"""Scalar types under BrainPy 2.3.5's module name ``brainpy.math.datatypes``.

NumPy's names (``float32``, ``int64`` …) and PyTorch's (``half``, ``float``, ``double``,
``cfloat``, ``cdouble``, ``short``, ``int``, ``long``, ``bool``), all JAX scalar types.

Examples:
  >>> import brainpy_math as bm
  >>> bm.datatypes.long is bm.int64 and bm.float is bm.float32
  True
"""

from brainpy_math._src.datatypes import *  # noqa: F403
from brainpy_math._src.datatypes import __all__ as _NAMES

__all__ = list(_NAMES)

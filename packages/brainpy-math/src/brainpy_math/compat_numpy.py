"""The NumPy-compatible namespace under BrainPy 2.3.5's module name ``brainpy.math.compat_numpy``.

Every NumPy function and scalar type of :mod:`brainpy_math`, in its NumPy form (at the top
level of ``brainpy_math``, ``abs``, ``add``, ``arccos`` … are the PyTorch-style versions, as in
BrainPy 2.3.5), plus the NumPy 1 names that NumPy 2 and JAX removed (``in1d``, ``trapz``,
``product`` …), the PyTorch-style type names (``float``, ``long`` …) and ``show_config``.

Examples:
  >>> import brainpy_math as bm
  >>> from brainpy_math import compat_numpy as cnp
  >>> cnp.sum is bm.sum and cnp.product is bm.prod
  True
  >>> cnp.in1d(bm.asarray([1, 2, 3]), [2])
  Array([False,  True, False], dtype=bool)
"""

from brainpy_math._src.config_info import show_config as show_config
from brainpy_math._src.datatypes import *  # noqa: F403
from brainpy_math._src.datatypes import __all__ as _DTYPE_NAMES
from brainpy_math._src.numpy_legacy import *  # noqa: F403
from brainpy_math._src.numpy_legacy import __all__ as _LEGACY_NAMES
from brainpy_math._src.numpy_ops import *  # noqa: F403
from brainpy_math._src.numpy_ops import NUMPY_NAMES as _NUMPY_NAMES

__all__ = sorted(
    set(_NUMPY_NAMES) | set(_LEGACY_NAMES) | set(_DTYPE_NAMES) | {"show_config"}  # numpy's too
)

"""Array conversions under BrainPy 2.3.5's module name ``brainpy.math.arrayinterporate``.

Examples:
  >>> import brainpy_math as bm
  >>> bm.arrayinterporate.as_jax is bm.as_jax
  True
"""

from brainpy_math._src.interop import as_device_array as as_device_array
from brainpy_math._src.interop import as_jax as as_jax
from brainpy_math._src.interop import as_ndarray as as_ndarray
from brainpy_math._src.interop import as_numpy as as_numpy
from brainpy_math._src.interop import as_variable as as_variable

__all__ = ["as_device_array", "as_jax", "as_ndarray", "as_numpy", "as_variable"]

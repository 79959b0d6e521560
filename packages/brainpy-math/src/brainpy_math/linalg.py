"""Linear algebra: every function of :mod:`jax.numpy.linalg`, taking and giving Arrays.

Examples:
  >>> import brainpy_math as bm
  >>> bm.linalg.norm(bm.Array([3., 4.]))
  Array(5., dtype=float32)
  >>> bm.linalg.inv(bm.eye(2) * 2)
  Array([[0.5, 0. ],
         [0. , 0.5]], dtype=float32)
"""

import jax.numpy as jnp

from brainpy_math._src.linalg_extras import matrix_rank
from brainpy_math._src.wrapping import build_namespace

_NAMESPACE = build_namespace(jnp.linalg, module="brainpy_math.linalg")
_NAMESPACE["matrix_rank"] = matrix_rank  # NumPy's absolute ``tol`` (jax.numpy's is relative)
globals().update(_NAMESPACE)
__all__ = sorted(_NAMESPACE)

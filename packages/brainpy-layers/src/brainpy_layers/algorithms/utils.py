"""Building blocks of the regressions (BrainPy 2.3.5's ``brainpy.algorithms.utils``).

Polynomial feature maps, row normalisation, the logistic function and the penalties
(:class:`L1Regularization`, :class:`L2Regularization`, :class:`L1L2Regularization`).

Examples:
  >>> import jax.numpy as jnp
  >>> from brainpy_layers.algorithms import utils
  >>> utils.polynomial_features(jnp.array([[2.]]), degree=3, add_bias=False)
  Array([[2., 4., 8.]], dtype=float32)
"""

from brainpy_layers._src.algorithms.utils import L1L2Regularization as L1L2Regularization
from brainpy_layers._src.algorithms.utils import L1Regularization as L1Regularization
from brainpy_layers._src.algorithms.utils import L2Regularization as L2Regularization
from brainpy_layers._src.algorithms.utils import Regularization as Regularization
from brainpy_layers._src.algorithms.utils import Sigmoid as Sigmoid
from brainpy_layers._src.algorithms.utils import normalize as normalize
from brainpy_layers._src.algorithms.utils import polynomial_features as polynomial_features

__all__ = [
    "L1L2Regularization",
    "L1Regularization",
    "L2Regularization",
    "Regularization",
    "Sigmoid",
    "normalize",
    "polynomial_features",
]

"""Offline fitting algorithms (BrainPy 2.3.5's ``brainpy.algorithms.offline``).

Each solves readout weights ``(num_in, num_out)`` from all the data at once, called as
``method(targets, inputs, outputs=None)``; :func:`register_offline_method` adds a name that
``OfflineTrainer(fit_method=...)`` accepts.

Examples:
  >>> from brainpy_layers.algorithms import offline
  >>> offline.get_supported_offline_methods()[:3]
  ('linear', 'lstsq', 'ridge')
"""

from brainpy_layers._src.algorithms.offline import LinearRegression as LinearRegression
from brainpy_layers._src.algorithms.offline import OfflineAlgorithm as OfflineAlgorithm
from brainpy_layers._src.algorithms.offline import RegressionAlgorithm as RegressionAlgorithm
from brainpy_layers._src.algorithms.offline import RidgeRegression as RidgeRegression
from brainpy_layers._src.algorithms.offline import get_offline_method as get_offline_method
from brainpy_layers._src.algorithms.offline import (
    get_supported_offline_methods as get_supported_offline_methods,
)
from brainpy_layers._src.algorithms.offline import linear_regression as linear_regression
from brainpy_layers._src.algorithms.offline import (
    register_offline_method as register_offline_method,
)
from brainpy_layers._src.algorithms.offline import ridge_regression as ridge_regression
from brainpy_layers._src.algorithms.regression import ElasticNetRegression as ElasticNetRegression
from brainpy_layers._src.algorithms.regression import LassoRegression as LassoRegression
from brainpy_layers._src.algorithms.regression import LogisticRegression as LogisticRegression
from brainpy_layers._src.algorithms.regression import PolynomialRegression as PolynomialRegression
from brainpy_layers._src.algorithms.regression import (
    PolynomialRidgeRegression as PolynomialRidgeRegression,
)

__all__ = [
    "ElasticNetRegression",
    "LassoRegression",
    "LinearRegression",
    "LogisticRegression",
    "OfflineAlgorithm",
    "PolynomialRegression",
    "PolynomialRidgeRegression",
    "RegressionAlgorithm",
    "RidgeRegression",
    "get_offline_method",
    "get_supported_offline_methods",
    "linear_regression",
    "register_offline_method",
    "ridge_regression",
]

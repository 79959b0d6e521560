"""Fitting algorithms for the readout trainers (BrainPy's ``brainpy.algorithms``).

Offline algorithms (:class:`LinearRegression`, :class:`RidgeRegression`) solve weights from
all the data at once, for :class:`brainpy_layers.train.OfflineTrainer`; online algorithms
(:class:`RLS`, :class:`LMS`) update them sample by sample, for
:class:`brainpy_layers.train.OnlineTrainer`. The penalised, polynomial and logistic
regressions (:class:`LassoRegression`, :class:`ElasticNetRegression`,
:class:`PolynomialRegression`, :class:`PolynomialRidgeRegression`,
:class:`LogisticRegression`) fit on feature maps from :mod:`.utils`. Both take 2-D data ``(samples, features)``
and work on NumPy, JAX or brainpy arrays.

Examples:
  >>> import numpy as np
  >>> from brainpy_layers import algorithms
  >>> x = np.array([[1., 0.], [0., 1.], [1., 1.]], np.float32)
  >>> y = x @ np.array([[1.], [2.]], np.float32)
  >>> np.round(algorithms.RidgeRegression(alpha=1e-6)(y, x)[:, 0], 3)
  Array([1., 2.], dtype=float32)
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
from brainpy_layers._src.algorithms.online import LMS as LMS
from brainpy_layers._src.algorithms.online import RLS as RLS
from brainpy_layers._src.algorithms.online import OnlineAlgorithm as OnlineAlgorithm
from brainpy_layers._src.algorithms.online import get_online_method as get_online_method
from brainpy_layers._src.algorithms.online import (
    get_supported_online_methods as get_supported_online_methods,
)
from brainpy_layers._src.algorithms.online import register_online_method as register_online_method
from brainpy_layers._src.algorithms.regression import ElasticNetRegression as ElasticNetRegression
from brainpy_layers._src.algorithms.regression import LassoRegression as LassoRegression
from brainpy_layers._src.algorithms.regression import LogisticRegression as LogisticRegression
from brainpy_layers._src.algorithms.regression import PolynomialRegression as PolynomialRegression
from brainpy_layers._src.algorithms.regression import (
    PolynomialRidgeRegression as PolynomialRidgeRegression,
)
from brainpy_layers.algorithms import offline as offline
from brainpy_layers.algorithms import online as online
from brainpy_layers.algorithms import utils as utils

__all__ = [
    "ElasticNetRegression",
    "LMS",
    "LassoRegression",
    "LinearRegression",
    "LogisticRegression",
    "OfflineAlgorithm",
    "OnlineAlgorithm",
    "PolynomialRegression",
    "PolynomialRidgeRegression",
    "RLS",
    "RegressionAlgorithm",
    "RidgeRegression",
    "get_offline_method",
    "get_online_method",
    "get_supported_offline_methods",
    "get_supported_online_methods",
    "linear_regression",
    "offline",
    "online",
    "register_offline_method",
    "register_online_method",
    "ridge_regression",
    "utils",
]

"""Online fitting algorithms (BrainPy 2.3.5's ``brainpy.algorithms.online``).

Each returns the weight change of one step, called as
``method(target, input, output, identifier)``; :func:`register_online_method` adds a name
that ``OnlineTrainer(fit_method=...)`` accepts.

Examples:
  >>> from brainpy_layers.algorithms import online
  >>> online.get_supported_online_methods()[:2]
  ('rls', 'lms')
"""

from brainpy_layers._src.algorithms.online import LMS as LMS
from brainpy_layers._src.algorithms.online import RLS as RLS
from brainpy_layers._src.algorithms.online import OnlineAlgorithm as OnlineAlgorithm
from brainpy_layers._src.algorithms.online import get_online_method as get_online_method
from brainpy_layers._src.algorithms.online import (
    get_supported_online_methods as get_supported_online_methods,
)
from brainpy_layers._src.algorithms.online import register_online_method as register_online_method

__all__ = [
    "LMS",
    "OnlineAlgorithm",
    "RLS",
    "get_online_method",
    "get_supported_online_methods",
    "register_online_method",
]

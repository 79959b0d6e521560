"""Measures of recorded activity.

BrainPy implementation of ``brainpy.measure`` (2.3.5): :func:`firing_rate` and
:func:`cross_correlation`.
"""

from brainpy_dyn._src.measure import cross_correlation as cross_correlation
from brainpy_dyn._src.measure import firing_rate as firing_rate

for _obj in (
    cross_correlation,
    firing_rate,
):
    _obj.__module__ = __name__
del _obj

__all__ = ["cross_correlation", "firing_rate"]

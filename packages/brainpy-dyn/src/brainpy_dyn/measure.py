"""Measures of recorded activity.

BrainPy implementation of ``brainpy.measure`` (2.3.5): firing rates, spike-train and
voltage synchrony, functional connectivity, matrix and weighted correlations, raster data
and the kernel LFP.
"""

from brainpy_dyn._src.measure import cross_correlation as cross_correlation
from brainpy_dyn._src.measure import firing_rate as firing_rate
from brainpy_dyn._src.measure_correlation import (
    functional_connectivity as functional_connectivity,
)
from brainpy_dyn._src.measure_correlation import matrix_correlation as matrix_correlation
from brainpy_dyn._src.measure_correlation import raster_plot as raster_plot
from brainpy_dyn._src.measure_correlation import voltage_fluctuation as voltage_fluctuation
from brainpy_dyn._src.measure_correlation import weighted_correlation as weighted_correlation
from brainpy_dyn._src.measure_lfp import unitary_LFP as unitary_LFP
from brainpy_math import set_module as _set_module

_set_module(
    __name__,
    cross_correlation,
    firing_rate,
    functional_connectivity,
    matrix_correlation,
    raster_plot,
    unitary_LFP,
    voltage_fluctuation,
    weighted_correlation,
)

__all__ = [
    "cross_correlation",
    "firing_rate",
    "functional_connectivity",
    "matrix_correlation",
    "raster_plot",
    "unitary_LFP",
    "voltage_fluctuation",
    "weighted_correlation",
]

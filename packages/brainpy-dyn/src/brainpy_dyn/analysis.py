"""Dynamics analysis: phase planes, bifurcations, fast-slow analysis and slow points.

BrainPy implementation of ``brainpy.analysis`` (2.3.5). Low-dimensional analyzers take
integrators made by :func:`~brainpy_dyn.odeint` and study them on grids: vector fields,
nullclines, fixed points and their stability (:class:`PhasePlane1D`,
:class:`PhasePlane2D`), branches of fixed points over parameters (:class:`Bifurcation1D`,
:class:`Bifurcation2D`) or over slow variables (:class:`FastSlow1D`, :class:`FastSlow2D`).
:class:`SlowPointFinder` finds fixed and slow points of high-dimensional systems. Plots
are matplotlib figures.
"""

from brainpy_dyn._src.analysis import constants as constants
from brainpy_dyn._src.analysis import plotstyle as plotstyle
from brainpy_dyn._src.analysis import stability as stability
from brainpy_dyn._src.analysis.bifurcation import Bifurcation1D as Bifurcation1D
from brainpy_dyn._src.analysis.bifurcation import Bifurcation2D as Bifurcation2D
from brainpy_dyn._src.analysis.constants import CONTINUOUS as CONTINUOUS
from brainpy_dyn._src.analysis.constants import DISCRETE as DISCRETE
from brainpy_dyn._src.analysis.fast_slow import FastSlow1D as FastSlow1D
from brainpy_dyn._src.analysis.fast_slow import FastSlow2D as FastSlow2D
from brainpy_dyn._src.analysis.phase_plane import PhasePlane1D as PhasePlane1D
from brainpy_dyn._src.analysis.phase_plane import PhasePlane2D as PhasePlane2D
from brainpy_dyn._src.analysis.slow_points import SlowPointFinder as SlowPointFinder
from brainpy_math import set_module as _set_module

C = constants  # 2.3.5's short name for the constants module

_set_module(
    __name__,
    Bifurcation1D,
    Bifurcation2D,
    FastSlow1D,
    FastSlow2D,
    PhasePlane1D,
    PhasePlane2D,
    SlowPointFinder,
)

__all__ = [
    "Bifurcation1D",
    "Bifurcation2D",
    "C",
    "CONTINUOUS",
    "DISCRETE",
    "FastSlow1D",
    "FastSlow2D",
    "PhasePlane1D",
    "PhasePlane2D",
    "SlowPointFinder",
    "constants",
    "plotstyle",
    "stability",
]

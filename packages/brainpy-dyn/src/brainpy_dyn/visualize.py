"""Plotting helpers (matplotlib): raster and line plots, animations, figure helpers."""

from brainpy_dyn._src.visualize import line_plot as line_plot
from brainpy_dyn._src.visualize import raster_plot as raster_plot
from brainpy_dyn._src.visualize_animation import animate_1D as animate_1D
from brainpy_dyn._src.visualize_animation import animate_2D as animate_2D
from brainpy_dyn._src.visualize_figures import get_figure as get_figure
from brainpy_dyn._src.visualize_figures import plot_style1 as plot_style1
from brainpy_dyn._src.visualize_figures import remove_axis as remove_axis

__all__ = [
    "animate_1D",
    "animate_2D",
    "get_figure",
    "line_plot",
    "plot_style1",
    "raster_plot",
    "remove_axis",
]

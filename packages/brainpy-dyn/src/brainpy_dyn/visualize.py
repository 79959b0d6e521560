"""Plotting helpers: ``raster_plot`` and ``line_plot`` (matplotlib)."""

from brainpy_dyn._src.visualize import line_plot as line_plot
from brainpy_dyn._src.visualize import raster_plot as raster_plot

__all__ = ["line_plot", "raster_plot"]

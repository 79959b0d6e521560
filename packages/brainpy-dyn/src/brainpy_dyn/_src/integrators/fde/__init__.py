"""Integrators of fractional differential equations (``brainpy_dyn.integrators.fde``)."""

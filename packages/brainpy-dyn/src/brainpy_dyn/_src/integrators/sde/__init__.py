"""Integrators of stochastic differential equations (``brainpy_dyn.integrators.sde``)."""

"""Names shared by the analyzers: the system types and the keys of their option dicts.

BrainPy implementation of ``brainpy.analysis.constants`` (2.3.5), also reachable as
``brainpy.analysis.C``.
"""

from __future__ import annotations

__all__ = [
    "CONTINUOUS",
    "DISCRETE",
    "F_vmap_fx",
    "F_vmap_fy",
    "F_vmap_brentq_fx",
    "F_vmap_brentq_fy",
    "F_fx",
    "F_fy",
    "F_fz",
    "F_dfxdx",
    "F_dfxdy",
    "F_dfydx",
    "F_dfydy",
    "F_jacobian",
    "F_vmap_jacobian",
    "fixed_point",
    "fx_nullcline_points",
    "fy_nullcline_points",
    "x_by_y_in_fx",
    "y_by_x_in_fx",
    "x_by_y_in_fy",
    "y_by_x_in_fy",
]

CONTINUOUS = "continuous"
"""The system is ``dx/dt = f(x)``, whose fixed points are the zeros of ``f``."""

DISCRETE = "discrete"
"""The system is ``x[t+1] = F(x[t])``, whose fixed points satisfy ``F(x) = x``."""

# Names of the functions an analyzer builds (keys of its ``analyzed_results``/caches).
F_vmap_fx = "F_vmap_fx"
F_vmap_fy = "F_vmap_fy"
F_vmap_brentq_fx = "F_vmap_brentq_fx"
F_vmap_brentq_fy = "F_vmap_brentq_fy"
F_fx = "F_fx"
F_fy = "F_fy"
F_fz = "F_fz"
F_dfxdx = "F_dfxdx"
F_dfxdy = "F_dfxdy"
F_dfydx = "F_dfydx"
F_dfydy = "F_dfydy"
F_jacobian = "F_jacobian"
F_vmap_jacobian = "F_vmap_jacobian"

# Keys of the results an analyzer keeps between calls.
fixed_point = "fixed_point"
fx_nullcline_points = "fx_nullcline_points"
fy_nullcline_points = "fy_nullcline_points"

# Keys of ``options``: closed forms of the nullclines, given as functions.
x_by_y_in_fx = "x_by_y_in_fx"
"""``options[x_by_y_in_fx] = g`` gives the x-nullcline as ``x = g(y, *pars)``."""
y_by_x_in_fx = "y_by_x_in_fx"
"""``options[y_by_x_in_fx] = g`` gives the x-nullcline as ``y = g(x, *pars)``."""
x_by_y_in_fy = "x_by_y_in_fy"
"""``options[x_by_y_in_fy] = g`` gives the y-nullcline as ``x = g(y, *pars)``."""
y_by_x_in_fy = "y_by_x_in_fy"
"""``options[y_by_x_in_fy] = g`` gives the y-nullcline as ``y = g(x, *pars)``."""

"""Numerical integrators of ordinary differential equations.

BrainPy implementation of ``brainpy.integrators`` (2.3.5): :func:`odeint` turns a
derivative function into a one-step integrator, :class:`JointEq` joins several
derivatives into one coupled system, and :func:`sdeint` integrates stochastic
differential equations.
"""

from brainpy_dyn._src.integrators.base import DiffEqError as DiffEqError
from brainpy_dyn._src.integrators.base import ODEIntegrator as ODEIntegrator
from brainpy_dyn._src.integrators.joint_eq import JointEq as JointEq
from brainpy_dyn._src.integrators.odeint import get_supported_methods as get_supported_methods
from brainpy_dyn._src.integrators.odeint import odeint as odeint
from brainpy_dyn._src.integrators.sdeint import SDEIntegrator as SDEIntegrator
from brainpy_dyn._src.integrators.sdeint import (
    get_supported_sde_methods as get_supported_sde_methods,
)
from brainpy_dyn._src.integrators.sdeint import sdeint as sdeint

for _obj in (
    DiffEqError,
    ODEIntegrator,
    JointEq,
    odeint,
    get_supported_methods,
    SDEIntegrator,
    sdeint,
    get_supported_sde_methods,
):
    _obj.__module__ = __name__
del _obj

__all__ = [
    "DiffEqError",
    "JointEq",
    "ODEIntegrator",
    "SDEIntegrator",
    "get_supported_methods",
    "get_supported_sde_methods",
    "odeint",
    "sdeint",
]

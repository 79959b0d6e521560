"""Numerical integrators of ordinary and stochastic differential equations.

BrainPy implementation of ``brainpy.integrators`` (2.3.5): :func:`odeint` turns a
derivative function into a one-step integrator (the classes live in :mod:`.ode`),
:class:`JointEq` joins several derivatives into one coupled system, :func:`sdeint`
integrates stochastic differential equations (the classes live in :mod:`.sde`) and
:func:`fdeint` fractional ones (:mod:`.fde`); :class:`IntegratorRunner` runs a bare
integrator in one compiled loop. :class:`Integrator` is the base of every integrator class.
"""

from brainpy_dyn._src.integrators.base import CodeError as CodeError
from brainpy_dyn._src.integrators.base import DiffEqError as DiffEqError
from brainpy_dyn._src.integrators.base import Integrator as Integrator
from brainpy_dyn._src.integrators.base import IntegratorError as IntegratorError
from brainpy_dyn._src.integrators.constants import DDE_INT as DDE_INT
from brainpy_dyn._src.integrators.constants import DE_INT as DE_INT
from brainpy_dyn._src.integrators.constants import DT as DT
from brainpy_dyn._src.integrators.constants import FDE_INT as FDE_INT
from brainpy_dyn._src.integrators.constants import ITO_SDE as ITO_SDE
from brainpy_dyn._src.integrators.constants import ODE_INT as ODE_INT
from brainpy_dyn._src.integrators.constants import PDE_INT as PDE_INT
from brainpy_dyn._src.integrators.constants import POP_VAR as POP_VAR
from brainpy_dyn._src.integrators.constants import SCALAR_VAR as SCALAR_VAR
from brainpy_dyn._src.integrators.constants import SCALAR_WIENER as SCALAR_WIENER
from brainpy_dyn._src.integrators.constants import SDE_INT as SDE_INT
from brainpy_dyn._src.integrators.constants import STRA_SDE as STRA_SDE
from brainpy_dyn._src.integrators.constants import SUPPORTED_INTG_TYPE as SUPPORTED_INTG_TYPE
from brainpy_dyn._src.integrators.constants import SUPPORTED_VAR_TYPE as SUPPORTED_VAR_TYPE
from brainpy_dyn._src.integrators.constants import (
    SUPPORTED_WIENER_TYPE as SUPPORTED_WIENER_TYPE,
)
from brainpy_dyn._src.integrators.constants import SYSTEM_VAR as SYSTEM_VAR
from brainpy_dyn._src.integrators.constants import VECTOR_WIENER as VECTOR_WIENER
from brainpy_dyn._src.integrators.constants import F as F
from brainpy_dyn._src.integrators.constants import multi_vars_msg as multi_vars_msg
from brainpy_dyn._src.integrators.constants import unique_name as unique_name
from brainpy_dyn._src.integrators.fde.generic import fdeint as fdeint
from brainpy_dyn._src.integrators.joint_eq import JointEq as JointEq
from brainpy_dyn._src.integrators.odeint import get_supported_methods as get_supported_methods
from brainpy_dyn._src.integrators.odeint import odeint as odeint
from brainpy_dyn._src.integrators.runner import IntegratorRunner as IntegratorRunner
from brainpy_dyn._src.integrators.sde.base import SDEIntegrator as SDEIntegrator
from brainpy_dyn._src.integrators.sde.generic import (
    get_supported_methods as get_supported_sde_methods,
)
from brainpy_dyn._src.integrators.sde.generic import sdeint as sdeint
from brainpy_dyn.integrators import fde as fde
from brainpy_dyn.integrators import ode as ode
from brainpy_dyn.integrators import sde as sde
from brainpy_dyn.integrators.ode import ODEIntegrator as ODEIntegrator
from brainpy_math import set_module as _set_module

_set_module(
    __name__,
    CodeError,
    DiffEqError,
    Integrator,
    IntegratorError,
    JointEq,
    odeint,
    get_supported_methods,
    unique_name,
)

__all__ = [
    "CodeError",
    "DDE_INT",
    "DE_INT",
    "DT",
    "DiffEqError",
    "F",
    "FDE_INT",
    "ITO_SDE",
    "Integrator",
    "IntegratorError",
    "IntegratorRunner",
    "JointEq",
    "ODEIntegrator",
    "ODE_INT",
    "PDE_INT",
    "POP_VAR",
    "SCALAR_VAR",
    "SCALAR_WIENER",
    "SDEIntegrator",
    "SDE_INT",
    "STRA_SDE",
    "SUPPORTED_INTG_TYPE",
    "SUPPORTED_VAR_TYPE",
    "SUPPORTED_WIENER_TYPE",
    "SYSTEM_VAR",
    "VECTOR_WIENER",
    "fde",
    "fdeint",
    "get_supported_methods",
    "get_supported_sde_methods",
    "multi_vars_msg",
    "ode",
    "odeint",
    "sde",
    "sdeint",
    "unique_name",
]

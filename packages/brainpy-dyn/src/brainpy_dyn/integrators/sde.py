"""Numerical integrators of stochastic differential equations.

BrainPy implementation of ``brainpy.sde`` (= ``brainpy.integrators.sde``, 2.3.5): the
base :class:`SDEIntegrator`, the method classes (:class:`Euler`, :class:`Heun`,
:class:`Milstein`, :class:`MilsteinGradFree`, :class:`ExponentialEuler`, :class:`SRK1W1`,
:class:`SRK2W1`, :class:`KlPl`), :func:`sdeint`, which builds one by name, and the registry
of method names.
"""

from brainpy_dyn._src.integrators.constants import ITO_SDE as ITO_SDE
from brainpy_dyn._src.integrators.constants import SCALAR_WIENER as SCALAR_WIENER
from brainpy_dyn._src.integrators.constants import STRA_SDE as STRA_SDE
from brainpy_dyn._src.integrators.constants import VECTOR_WIENER as VECTOR_WIENER
from brainpy_dyn._src.integrators.sde.base import SDEIntegrator as SDEIntegrator
from brainpy_dyn._src.integrators.sde.base import SDEMethodError as SDEMethodError
from brainpy_dyn._src.integrators.sde.generic import get_default_sdeint as get_default_sdeint
from brainpy_dyn._src.integrators.sde.generic import (
    get_supported_methods as get_supported_methods,
)
from brainpy_dyn._src.integrators.sde.generic import (
    register_sde_integrator as register_sde_integrator,
)
from brainpy_dyn._src.integrators.sde.generic import sdeint as sdeint
from brainpy_dyn._src.integrators.sde.generic import set_default_sdeint as set_default_sdeint
from brainpy_dyn._src.integrators.sde.normal import Euler as Euler
from brainpy_dyn._src.integrators.sde.normal import ExponentialEuler as ExponentialEuler
from brainpy_dyn._src.integrators.sde.normal import Heun as Heun
from brainpy_dyn._src.integrators.sde.normal import Milstein as Milstein
from brainpy_dyn._src.integrators.sde.normal import MilsteinGradFree as MilsteinGradFree
from brainpy_dyn._src.integrators.sde.srk_scalar import SRK1W1 as SRK1W1
from brainpy_dyn._src.integrators.sde.srk_scalar import SRK2W1 as SRK2W1
from brainpy_dyn._src.integrators.sde.srk_scalar import KlPl as KlPl
from brainpy_math import set_module as _set_module

_set_module(
    __name__,
    SDEIntegrator,
    Euler,
    ExponentialEuler,
    Heun,
    Milstein,
    MilsteinGradFree,
    SRK1W1,
    SRK2W1,
    KlPl,
    sdeint,
    get_supported_methods,
    register_sde_integrator,
    set_default_sdeint,
    get_default_sdeint,
)

__all__ = [
    "Euler",
    "ExponentialEuler",
    "Heun",
    "ITO_SDE",
    "KlPl",
    "Milstein",
    "MilsteinGradFree",
    "SCALAR_WIENER",
    "SDEIntegrator",
    "SDEMethodError",
    "SRK1W1",
    "SRK2W1",
    "STRA_SDE",
    "VECTOR_WIENER",
    "get_default_sdeint",
    "get_supported_methods",
    "register_sde_integrator",
    "sdeint",
    "set_default_sdeint",
]

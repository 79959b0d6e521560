"""Numerical integrators of fractional differential equations.

BrainPy implementation of ``brainpy.fde`` (= ``brainpy.integrators.fde``, 2.3.5): the base
:class:`FDEIntegrator`, the Caputo schemes :class:`CaputoEuler` and :class:`CaputoL1Schema`,
the Grünwald–Letnikov :class:`GLShortMemory`, :func:`fdeint`, which builds one by name, and
the registry of method names.
"""

from brainpy_dyn._src.integrators.fde.base import FDEIntegrator as FDEIntegrator
from brainpy_dyn._src.integrators.fde.caputo import CaputoEuler as CaputoEuler
from brainpy_dyn._src.integrators.fde.caputo import CaputoL1Schema as CaputoL1Schema
from brainpy_dyn._src.integrators.fde.generic import fdeint as fdeint
from brainpy_dyn._src.integrators.fde.generic import get_default_fdeint as get_default_fdeint
from brainpy_dyn._src.integrators.fde.generic import (
    get_supported_methods as get_supported_methods,
)
from brainpy_dyn._src.integrators.fde.generic import (
    register_fde_integrator as register_fde_integrator,
)
from brainpy_dyn._src.integrators.fde.generic import set_default_fdeint as set_default_fdeint
from brainpy_dyn._src.integrators.fde.gl import GLShortMemory as GLShortMemory
from brainpy_math import set_module as _set_module

_set_module(
    __name__,
    FDEIntegrator,
    CaputoEuler,
    CaputoL1Schema,
    GLShortMemory,
    fdeint,
    get_supported_methods,
    register_fde_integrator,
    set_default_fdeint,
    get_default_fdeint,
)

__all__ = [
    "CaputoEuler",
    "CaputoL1Schema",
    "FDEIntegrator",
    "GLShortMemory",
    "fdeint",
    "get_default_fdeint",
    "get_supported_methods",
    "register_fde_integrator",
    "set_default_fdeint",
]

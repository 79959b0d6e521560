"""Names shared by the integrators: keywords, variable/Wiener/integral types, name prefixes."""

from __future__ import annotations

import itertools

__all__ = [
    "DT",
    "F",
    "G",
    "SCALAR_VAR",
    "POP_VAR",
    "SYSTEM_VAR",
    "SUPPORTED_VAR_TYPE",
    "SCALAR_WIENER",
    "VECTOR_WIENER",
    "SUPPORTED_WIENER_TYPE",
    "ITO_SDE",
    "STRA_SDE",
    "SUPPORTED_INTG_TYPE",
    "DE_INT",
    "ODE_INT",
    "SDE_INT",
    "DDE_INT",
    "FDE_INT",
    "PDE_INT",
    "unique_name",
    "multi_vars_msg",
]

DT = "dt"  # the step argument of every integrator call
F = "f"  # the drift / derivative function
G = "g"  # the diffusion function of an SDE

# Variable types: a scalar per variable, a population (array of independent elements),
# or a system (one array whose elements are coupled).
SCALAR_VAR = "scalar"
POP_VAR = "population"
SYSTEM_VAR = "system"
SUPPORTED_VAR_TYPE = [SCALAR_VAR, POP_VAR, SYSTEM_VAR]

# Wiener processes of an SDE: one per element, or a vector of noise sources.
SCALAR_WIENER = "scalar"
VECTOR_WIENER = "vector"
SUPPORTED_WIENER_TYPE = [SCALAR_WIENER, VECTOR_WIENER]

# Stochastic integrals.
ITO_SDE = "Ito"
STRA_SDE = "Stratonovich"
SUPPORTED_INTG_TYPE = [ITO_SDE, STRA_SDE]

# Name prefixes of integrators, by kind of differential equation.
DE_INT = "brainpy_itg_of"
ODE_INT = "brainpy_itg_of_ode"
SDE_INT = "brainpy_itg_of_sde"
DDE_INT = "brainpy_itg_of_dde"
FDE_INT = "brainpy_itg_of_fde"
PDE_INT = "brainpy_itg_of_pde"

_PREFIXES = {"ode": ODE_INT, "sde": SDE_INT, "dde": DDE_INT, "fde": FDE_INT, "pde": PDE_INT}
_COUNTERS = {kind: itertools.count() for kind in _PREFIXES}


def unique_name(type: str) -> str:
    """A fresh name for an integrator of one kind of differential equation.

    Args:
      type: ``'ode'``, ``'sde'``, ``'dde'``, ``'fde'`` or ``'pde'``.

    Raises:
      ValueError: another ``type``.

    Examples:
      >>> from brainpy_dyn.integrators import unique_name
      >>> unique_name('ode').startswith('brainpy_itg_of_ode')
      True
    """
    if type not in _PREFIXES:
        raise ValueError(
            f"unique_name: type must be one of {sorted(_PREFIXES)}, got type={type!r}."
        )
    return f"{_PREFIXES[type]}{next(_COUNTERS[type])}"


multi_vars_msg = """
{cls} only supports numerical integration for one variable at a time, but got the
variables {vars} in {eq}. Write one derivative function per variable, each taking the
other variables as parameters after 't', and join them with JointEq: for example

>>> def dx(x, t, y): ...
>>> def dy(y, t, x): ...
>>> eq = JointEq(dx, dy)
"""

"""ODE integrator classes and ``odeint`` (``brainpy.ode``, ``brainpy.integrators.ode``).

BrainPy implementation of ``brainpy.ode`` (2.3.5): one class per numerical method,
built by name with :func:`odeint`.
"""

from brainpy_dyn._src.integrators.ode.adaptive_rk import RKF12 as RKF12
from brainpy_dyn._src.integrators.ode.adaptive_rk import RKF45 as RKF45
from brainpy_dyn._src.integrators.ode.adaptive_rk import (
    AdaptiveRKIntegrator as AdaptiveRKIntegrator,
)
from brainpy_dyn._src.integrators.ode.adaptive_rk import BogackiShampine as BogackiShampine
from brainpy_dyn._src.integrators.ode.adaptive_rk import CashKarp as CashKarp
from brainpy_dyn._src.integrators.ode.adaptive_rk import DormandPrince as DormandPrince
from brainpy_dyn._src.integrators.ode.adaptive_rk import HeunEuler as HeunEuler
from brainpy_dyn._src.integrators.ode.base import ODEIntegrator as ODEIntegrator
from brainpy_dyn._src.integrators.ode.explicit_rk import RK2 as RK2
from brainpy_dyn._src.integrators.ode.explicit_rk import RK3 as RK3
from brainpy_dyn._src.integrators.ode.explicit_rk import RK4 as RK4
from brainpy_dyn._src.integrators.ode.explicit_rk import SSPRK3 as SSPRK3
from brainpy_dyn._src.integrators.ode.explicit_rk import Euler as Euler
from brainpy_dyn._src.integrators.ode.explicit_rk import (
    ExplicitRKIntegrator as ExplicitRKIntegrator,
)
from brainpy_dyn._src.integrators.ode.explicit_rk import Heun2 as Heun2
from brainpy_dyn._src.integrators.ode.explicit_rk import Heun3 as Heun3
from brainpy_dyn._src.integrators.ode.explicit_rk import MidPoint as MidPoint
from brainpy_dyn._src.integrators.ode.explicit_rk import Ralston2 as Ralston2
from brainpy_dyn._src.integrators.ode.explicit_rk import Ralston3 as Ralston3
from brainpy_dyn._src.integrators.ode.explicit_rk import Ralston4 as Ralston4
from brainpy_dyn._src.integrators.ode.explicit_rk import RK4Rule38 as RK4Rule38
from brainpy_dyn._src.integrators.ode.exponential import ExponentialEuler as ExponentialEuler
from brainpy_dyn._src.integrators.odeint import get_default_odeint as get_default_odeint
from brainpy_dyn._src.integrators.odeint import get_supported_methods as get_supported_methods
from brainpy_dyn._src.integrators.odeint import odeint as odeint
from brainpy_dyn._src.integrators.odeint import register_ode_integrator as register_ode_integrator
from brainpy_dyn._src.integrators.odeint import set_default_odeint as set_default_odeint
from brainpy_math import set_module as _set_module

# odeint and get_supported_methods show as brainpy_dyn.integrators'.
_set_module(
    __name__,
    AdaptiveRKIntegrator,
    BogackiShampine,
    CashKarp,
    DormandPrince,
    Euler,
    ExplicitRKIntegrator,
    ExponentialEuler,
    Heun2,
    Heun3,
    HeunEuler,
    MidPoint,
    ODEIntegrator,
    RK2,
    RK3,
    RK4,
    RK4Rule38,
    RKF12,
    RKF45,
    Ralston2,
    Ralston3,
    Ralston4,
    SSPRK3,
    get_default_odeint,
    register_ode_integrator,
    set_default_odeint,
)

__all__ = [
    "AdaptiveRKIntegrator",
    "BogackiShampine",
    "CashKarp",
    "DormandPrince",
    "Euler",
    "ExplicitRKIntegrator",
    "ExponentialEuler",
    "Heun2",
    "Heun3",
    "HeunEuler",
    "MidPoint",
    "ODEIntegrator",
    "RK2",
    "RK3",
    "RK4",
    "RK4Rule38",
    "RKF12",
    "RKF45",
    "Ralston2",
    "Ralston3",
    "Ralston4",
    "SSPRK3",
    "get_default_odeint",
    "get_supported_methods",
    "odeint",
    "register_ode_integrator",
    "set_default_odeint",
]

"""brainpy: brain dynamics programming on JAX, the full distribution.

``brainpy`` re-exports its four components under short names; each is the very module object
of its component, submodules included (``brainpy.math.random is brainpy_math.random``):

* ``brainpy.math`` is :mod:`brainpy_math`;
* ``brainpy.dyn`` is :mod:`brainpy_dyn`;
* ``brainpy.layers`` is :mod:`brainpy_layers`;
* ``brainpy.checkpoints`` is :mod:`brainpy_checkpoints`;
* ``brainpy.losses`` is :mod:`brainpy_layers.losses`;
* ``brainpy.train`` is :mod:`brainpy_layers.train` and ``brainpy.algorithms`` is
  :mod:`brainpy_layers.algorithms`;
* ``brainpy.optim`` is :mod:`brainpy_math.optimizers`.

Importing ``brainpy`` first checks that the installed components lie in the version ranges this
release was built for, and raises :class:`ImportError` with the fix if not.

``import brainpy`` is lazy: it loads no component, and so not JAX, until a name is first used
(``bp.DSRunner``, ``bp.math``, ``import brainpy.math``). The first use pays the imports, about
0.5 s for JAX 0.10 on a 2-core CPU (with the bytecode ``pip install`` compiles).
``dir(brainpy)`` and ``brainpy.__all__`` list every name.
"""

from brainpy import _version_guard as _version_guard  # checks the components before import

# isort: split

import importlib as _importlib
import sys as _sys
import typing as _typing

from brainpy._alias import install_aliases as _install_aliases
from brainpy._components import COMPONENTS as _COMPONENTS
from brainpy._version import __version__ as __version__

if _typing.TYPE_CHECKING:  # what the lazy table below resolves to, spelled out for type checkers
    import brainpy_checkpoints as checkpoints  # noqa: F401 - a re-export
    import brainpy_dyn as dyn  # noqa: F401 - a re-export
    import brainpy_layers as layers  # noqa: F401 - a re-export
    import brainpy_layers.algorithms as algorithms  # noqa: F401 - a re-export
    import brainpy_layers.losses as losses  # noqa: F401 - a re-export
    import brainpy_layers.train as train  # noqa: F401 - a re-export
    import brainpy_math as math  # noqa: F401 - a re-export
    from brainpy import _base as base  # noqa: F401 - a re-export
    from brainpy import _errors as errors  # noqa: F401 - a re-export
    from brainpy import _modes as modes  # noqa: F401 - a re-export
    from brainpy_dyn import Channel as Channel
    from brainpy_dyn import CondNeuGroup as CondNeuGroup
    from brainpy_dyn import Container as Container
    from brainpy_dyn import Delay as Delay
    from brainpy_dyn import DSRunner as DSRunner
    from brainpy_dyn import DynamicalSystem as DynamicalSystem
    from brainpy_dyn import DynamicalSystemNS as DynamicalSystemNS
    from brainpy_dyn import IntegratorRunner as IntegratorRunner
    from brainpy_dyn import JointEq as JointEq
    from brainpy_dyn import LoopOverTime as LoopOverTime
    from brainpy_dyn import Network as Network
    from brainpy_dyn import NeuGroup as NeuGroup
    from brainpy_dyn import NeuGroupNS as NeuGroupNS
    from brainpy_dyn import NoSharedArg as NoSharedArg
    from brainpy_dyn import Runner as Runner
    from brainpy_dyn import Sequential as Sequential
    from brainpy_dyn import SynConn as SynConn
    from brainpy_dyn import SynLTP as SynLTP
    from brainpy_dyn import SynOut as SynOut
    from brainpy_dyn import SynSTP as SynSTP
    from brainpy_dyn import TwoEndConn as TwoEndConn
    from brainpy_dyn import analysis as analysis
    from brainpy_dyn import channels as channels
    from brainpy_dyn import check as check
    from brainpy_dyn import conn as conn
    from brainpy_dyn import conn as connect  # noqa: F401 - a re-export
    from brainpy_dyn import encoding as encoding
    from brainpy_dyn import experimental as experimental
    from brainpy_dyn import fdeint as fdeint
    from brainpy_dyn import init as init
    from brainpy_dyn import init as initialize  # noqa: F401 - a re-export
    from brainpy_dyn import inputs as inputs
    from brainpy_dyn import integrators as integrators
    from brainpy_dyn import measure as measure
    from brainpy_dyn import neurons as neurons
    from brainpy_dyn import not_pass_shared as not_pass_shared
    from brainpy_dyn import odeint as odeint
    from brainpy_dyn import rates as rates
    from brainpy_dyn import running as running
    from brainpy_dyn import sdeint as sdeint
    from brainpy_dyn import share as share
    from brainpy_dyn import synapses as synapses
    from brainpy_dyn import synouts as synouts
    from brainpy_dyn import synplast as synplast
    from brainpy_dyn import tools as tools
    from brainpy_dyn import types as types
    from brainpy_dyn import visualize as visualize
    from brainpy_dyn.integrators import Integrator as Integrator
    from brainpy_dyn.integrators import fde as fde
    from brainpy_dyn.integrators import ode as ode
    from brainpy_dyn.integrators import sde as sde
    from brainpy_layers.train import BPFF as BPFF
    from brainpy_layers.train import BPTT as BPTT
    from brainpy_layers.train import DSTrainer as DSTrainer
    from brainpy_layers.train import ForceTrainer as ForceTrainer
    from brainpy_layers.train import OfflineTrainer as OfflineTrainer
    from brainpy_layers.train import OnlineTrainer as OnlineTrainer
    from brainpy_layers.train import RidgeTrainer as RidgeTrainer
    from brainpy_math import ArrayCollector as ArrayCollector
    from brainpy_math import BrainPyObject as BrainPyObject
    from brainpy_math import Collector as Collector
    from brainpy_math import TensorCollector as TensorCollector
    from brainpy_math import optimizers as optim  # noqa: F401 - a re-export
    from brainpy_math import optimizers as optimizers
    from brainpy_math.object_base import Base as Base

# Modules re-exported under ``brainpy.<name>``: name -> the real module. Each is also importable
# by its brainpy name, submodules included (``import brainpy.neurons``).
_MODULES: dict[str, str] = {
    **{c.alias: c.module for c in _COMPONENTS},
    "connect": "brainpy_dyn.conn",  # 2.3.5's own names for bp.conn and bp.init
    "initialize": "brainpy_dyn.init",
    "base": "brainpy._base",  # 2.3.5's bp.base: the object system and the Variable files
    "errors": "brainpy._errors",  # the errors of every component, under 2.3.5's names too
    "modes": "brainpy._modes",  # brainpy.math.modes plus 2.3.5's NormalMode, normal, check_mode
    "ode": "brainpy_dyn.integrators.ode",  # also brainpy.integrators.ode, as in 2.3.5
    "sde": "brainpy_dyn.integrators.sde",
    "fde": "brainpy_dyn.integrators.fde",
    "algorithms": "brainpy_layers.algorithms",
    "losses": "brainpy_layers.losses",
    "train": "brainpy_layers.train",
    "optim": "brainpy_math.optimizers",
    "optimizers": "brainpy_math.optimizers",  # 2.3.5's older name of brainpy.optim
    **{
        name: f"brainpy_dyn.{name}"
        for name in (
            "analysis",
            "channels",
            "check",
            "conn",
            "encoding",
            "experimental",
            "init",
            "inputs",
            "integrators",
            "measure",
            "neurons",
            "rates",
            "running",
            "synapses",
            "synouts",
            "synplast",
            "tools",
            "types",
            "visualize",
        )
    },
}
# Other names re-exported from a component: name -> the module that defines it.
_OBJECTS: dict[str, str] = (
    dict.fromkeys(
        (
            "Channel",
            "CondNeuGroup",
            "Container",
            "DSRunner",
            "Delay",
            "DynamicalSystem",
            "DynamicalSystemNS",
            "IntegratorRunner",
            "JointEq",
            "LoopOverTime",
            "Network",
            "NeuGroup",
            "NeuGroupNS",
            "NoSharedArg",
            "Runner",
            "Sequential",
            "SynConn",
            "SynLTP",
            "SynOut",
            "SynSTP",
            "TwoEndConn",
            "fdeint",
            "not_pass_shared",
            "odeint",
            "sdeint",
            "share",
        ),
        "brainpy_dyn",
    )
    | dict.fromkeys(
        (
            "BPFF",
            "BPTT",
            "DSTrainer",
            "ForceTrainer",
            "OfflineTrainer",
            "OnlineTrainer",
            "RidgeTrainer",
        ),
        "brainpy_layers.train",
    )
    | {"Integrator": "brainpy_dyn.integrators"}
    | dict.fromkeys(
        ("ArrayCollector", "BrainPyObject", "Collector", "TensorCollector"),
        "brainpy_math",
    )
    | {"Base": "brainpy_math.object_base"}
)

# ``brainpy._src.integrators.sde.normal`` and the like: BrainPy 2.3.5's private module paths of
# the integrators, which some scripts import from, resolve to brainpy_dyn's own private tree
# (where the integrator modules keep 2.3.5's names). Not public, so not in ``__all__``.
# ``brainpy._src.math.*`` (``object_transform.base``, ``delayvars`` …) resolve to brainpy_math's.
_install_aliases(
    __name__, {**_MODULES, "_src": "brainpy_dyn._src", "_src.math": "brainpy_math._src"}
)

if "jax" in _sys.modules:
    # JAX is loaded already, so brainpy_math costs little now, and importing it before JAX
    # starts computing is what turns on its XLA:CPU loop kernels (see brainpy_math.xla_cpu).
    _importlib.import_module("brainpy_math")

__all__ = sorted(["__version__", *_MODULES, *_OBJECTS])


def __getattr__(name: str) -> object:
    """Import a re-exported name on first use and keep it as a module attribute."""
    if name in _MODULES:
        value: object = _importlib.import_module(f"{__name__}.{name}")
    elif name in _OBJECTS:
        value = getattr(_importlib.import_module(_OBJECTS[name]), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

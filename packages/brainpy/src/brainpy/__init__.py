"""brainpy: brain dynamics programming on JAX, the full distribution.

``brainpy`` re-exports its four components under short names; each is the very module object
of its component, submodules included (``brainpy.math.random is brainpy_math.random``):

* ``brainpy.math`` is :mod:`brainpy_math`;
* ``brainpy.dyn`` is :mod:`brainpy_dyn`;
* ``brainpy.layers`` is :mod:`brainpy_layers`;
* ``brainpy.checkpoints`` is :mod:`brainpy_checkpoints`.

Importing ``brainpy`` first checks that the installed components lie in the version ranges this
release was built for, and raises :class:`ImportError` with the fix if not.
"""

from brainpy import _version_guard as _version_guard  # checks the components before import

# isort: split

import sys as _sys

import brainpy_checkpoints as checkpoints
import brainpy_dyn as dyn
import brainpy_layers as layers
import brainpy_math as math
from brainpy._alias import install_aliases as _install_aliases
from brainpy._components import COMPONENTS as _COMPONENTS
from brainpy._version import __version__ as __version__

# Names re-exported from the components: one `from brainpy_x import name as name` line each,
# plus the name in __all__. Re-exported modules are aliased too (`import brainpy.neurons`).
from brainpy_dyn import Container as Container
from brainpy_dyn import Delay as Delay
from brainpy_dyn import DSRunner as DSRunner
from brainpy_dyn import DynamicalSystem as DynamicalSystem
from brainpy_dyn import DynamicalSystemNS as DynamicalSystemNS
from brainpy_dyn import JointEq as JointEq
from brainpy_dyn import Network as Network
from brainpy_dyn import NeuGroup as NeuGroup
from brainpy_dyn import NeuGroupNS as NeuGroupNS
from brainpy_dyn import Sequential as Sequential
from brainpy_dyn import conn as conn
from brainpy_dyn import experimental as experimental
from brainpy_dyn import init as init
from brainpy_dyn import inputs as inputs
from brainpy_dyn import integrators as integrators
from brainpy_dyn import measure as measure
from brainpy_dyn import neurons as neurons
from brainpy_dyn import not_pass_shared as not_pass_shared
from brainpy_dyn import odeint as odeint
from brainpy_dyn import share as share
from brainpy_dyn import synapses as synapses
from brainpy_dyn import visualize as visualize

_SUBMODULES = {
    "conn": conn,
    "experimental": experimental,
    "init": init,
    "inputs": inputs,
    "integrators": integrators,
    "measure": measure,
    "neurons": neurons,
    "synapses": synapses,
    "visualize": visualize,
}
_install_aliases(
    __name__, {**{c.alias: _sys.modules[c.module] for c in _COMPONENTS}, **_SUBMODULES}
)

__all__ = [
    "Container",
    "DSRunner",
    "Delay",
    "DynamicalSystem",
    "DynamicalSystemNS",
    "JointEq",
    "Network",
    "NeuGroup",
    "NeuGroupNS",
    "Sequential",
    "__version__",
    "checkpoints",
    "conn",
    "dyn",
    "experimental",
    "init",
    "inputs",
    "integrators",
    "layers",
    "math",
    "measure",
    "neurons",
    "not_pass_shared",
    "odeint",
    "share",
    "synapses",
    "visualize",
]

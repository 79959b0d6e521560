"""brainpy_dyn: brain dynamics on JAX.

``share``, dynamical systems, ``Delay``, neurons, synapses, connectors, initializers,
integrators and the ``DSRunner`` and ``LoopOverTime``, built on :mod:`brainpy_math`.

As BrainPy 2.3.5's ``brainpy.dyn`` did, the package also names the neuron models of
:mod:`brainpy_dyn.neurons` (``brainpy_dyn.HH is brainpy_dyn.neurons.HH``) and the bases of
synaptic outputs and plasticity (``SynOut``, ``SynSTP``, ``SynLTP``), and 2.3.5's older
synapse classes of that namespace (``ExpCOBA``, ``DualExpCUBA``, ``AlphaCOBA``,
``DeltaSynapse`` …, and ``NMDA``, whose arguments start with the Mg²⁺-block constants: a
subclass of :class:`brainpy_dyn.synapses.NMDA`, not the same class).
"""

from brainpy_dyn import analysis as analysis
from brainpy_dyn import channels as channels
from brainpy_dyn import conn as conn
from brainpy_dyn import encoding as encoding
from brainpy_dyn import errors as errors
from brainpy_dyn import experimental as experimental
from brainpy_dyn import init as init
from brainpy_dyn import inputs as inputs
from brainpy_dyn import integrators as integrators
from brainpy_dyn import measure as measure
from brainpy_dyn import neurons as neurons
from brainpy_dyn import rates as rates
from brainpy_dyn import synapses as synapses
from brainpy_dyn import synouts as synouts
from brainpy_dyn import synplast as synplast
from brainpy_dyn import visualize as visualize
from brainpy_dyn._src.channels.base import Channel as Channel
from brainpy_dyn._src.channels.base import CondNeuGroup as CondNeuGroup
from brainpy_dyn._src.containers import Container as Container
from brainpy_dyn._src.containers import Network as Network
from brainpy_dyn._src.containers import Sequential as Sequential
from brainpy_dyn._src.context import DotDict as DotDict
from brainpy_dyn._src.context import ShareContext as ShareContext
from brainpy_dyn._src.context import share as share
from brainpy_dyn._src.delay import Delay as Delay
from brainpy_dyn._src.distributed import init_distributed as init_distributed
from brainpy_dyn._src.dynsys import DynamicalSystem as DynamicalSystem
from brainpy_dyn._src.dynsys import DynamicalSystemNS as DynamicalSystemNS
from brainpy_dyn._src.dynsys import NeuGroup as NeuGroup
from brainpy_dyn._src.dynsys import NeuGroupNS as NeuGroupNS
from brainpy_dyn._src.dynsys import not_pass_shared as not_pass_shared
from brainpy_dyn._src.loop_over_time import LoopOverTime as LoopOverTime
from brainpy_dyn._src.naming import clear_name_cache as clear_name_cache
from brainpy_dyn._src.no_shared_arg import NoSharedArg as NoSharedArg
from brainpy_dyn._src.object import BrainPyObject as BrainPyObject
from brainpy_dyn._src.object import Collector as Collector
from brainpy_dyn._src.runner import DSRunner as DSRunner
from brainpy_dyn._src.runner_base import Runner as Runner
from brainpy_dyn._src.sharding import shard_neurons as shard_neurons
from brainpy_dyn._src.state import StateLoadResult as StateLoadResult
from brainpy_dyn._src.state import load_state_dict as load_state_dict
from brainpy_dyn._src.state import state_dict as state_dict
from brainpy_dyn._src.stepping import StepFunction as StepFunction
from brainpy_dyn._src.stepping import make_loop as make_loop
from brainpy_dyn._src.syn_conn import SynConn as SynConn
from brainpy_dyn._src.syn_conn import TwoEndConn as TwoEndConn
from brainpy_dyn._src.synapses.compat import NMDA as NMDA
from brainpy_dyn._src.synapses.compat import AlphaCOBA as AlphaCOBA
from brainpy_dyn._src.synapses.compat import AlphaCUBA as AlphaCUBA
from brainpy_dyn._src.synapses.compat import DeltaSynapse as DeltaSynapse
from brainpy_dyn._src.synapses.compat import DualExpCOBA as DualExpCOBA
from brainpy_dyn._src.synapses.compat import DualExpCUBA as DualExpCUBA
from brainpy_dyn._src.synapses.compat import ExpCOBA as ExpCOBA
from brainpy_dyn._src.synapses.compat import ExpCUBA as ExpCUBA
from brainpy_dyn._src.synapses.outputs import SynOut as SynOut
from brainpy_dyn._src.synapses.plasticity import SynLTP as SynLTP
from brainpy_dyn._src.synapses.plasticity import SynSTP as SynSTP
from brainpy_dyn._src.views import DSView as DSView
from brainpy_dyn._src.views import NeuGroupView as NeuGroupView
from brainpy_dyn._version import __version__ as __version__
from brainpy_dyn.integrators import IntegratorRunner as IntegratorRunner
from brainpy_dyn.integrators import JointEq as JointEq
from brainpy_dyn.integrators import fdeint as fdeint
from brainpy_dyn.integrators import odeint as odeint
from brainpy_dyn.integrators import sdeint as sdeint
from brainpy_dyn.neurons import FHN as FHN
from brainpy_dyn.neurons import GIF as GIF
from brainpy_dyn.neurons import HH as HH
from brainpy_dyn.neurons import LIF as LIF
from brainpy_dyn.neurons import AdExIF as AdExIF
from brainpy_dyn.neurons import AdQuaIF as AdQuaIF
from brainpy_dyn.neurons import ExpIF as ExpIF
from brainpy_dyn.neurons import FractionalFHR as FractionalFHR
from brainpy_dyn.neurons import FractionalIzhikevich as FractionalIzhikevich
from brainpy_dyn.neurons import HindmarshRose as HindmarshRose
from brainpy_dyn.neurons import Izhikevich as Izhikevich
from brainpy_dyn.neurons import MorrisLecar as MorrisLecar
from brainpy_dyn.neurons import OUProcess as OUProcess
from brainpy_dyn.neurons import PinskyRinzelModel as PinskyRinzelModel
from brainpy_dyn.neurons import PoissonGroup as PoissonGroup
from brainpy_dyn.neurons import QuaIF as QuaIF
from brainpy_dyn.neurons import SpikeTimeGroup as SpikeTimeGroup

__all__ = [
    "__version__",
    "AdExIF",
    "AdQuaIF",
    "AlphaCOBA",
    "AlphaCUBA",
    "analysis",
    "BrainPyObject",
    "Channel",
    "channels",
    "clear_name_cache",
    "Collector",
    "CondNeuGroup",
    "conn",
    "Container",
    "Delay",
    "DeltaSynapse",
    "DotDict",
    "DSRunner",
    "DSView",
    "DualExpCOBA",
    "DualExpCUBA",
    "DynamicalSystem",
    "DynamicalSystemNS",
    "encoding",
    "errors",
    "ExpCOBA",
    "ExpCUBA",
    "experimental",
    "ExpIF",
    "fdeint",
    "FHN",
    "FractionalFHR",
    "FractionalIzhikevich",
    "GIF",
    "HH",
    "HindmarshRose",
    "init",
    "init_distributed",
    "inputs",
    "IntegratorRunner",
    "integrators",
    "Izhikevich",
    "JointEq",
    "LIF",
    "load_state_dict",
    "LoopOverTime",
    "make_loop",
    "measure",
    "MorrisLecar",
    "Network",
    "NeuGroup",
    "NeuGroupNS",
    "NeuGroupView",
    "neurons",
    "NMDA",
    "NoSharedArg",
    "not_pass_shared",
    "odeint",
    "OUProcess",
    "PinskyRinzelModel",
    "PoissonGroup",
    "QuaIF",
    "rates",
    "Runner",
    "sdeint",
    "Sequential",
    "shard_neurons",
    "share",
    "ShareContext",
    "SpikeTimeGroup",
    "state_dict",
    "StateLoadResult",
    "StepFunction",
    "synapses",
    "SynConn",
    "SynLTP",
    "SynOut",
    "synouts",
    "synplast",
    "SynSTP",
    "TwoEndConn",
    "visualize",
]


def __getattr__(name: str) -> object:
    # 2.3.5's ``brainpy.dyn.layers`` cannot live here: brainpy_layers is built on brainpy_dyn.
    if name == "layers":
        raise AttributeError(
            "module 'brainpy_dyn' has no attribute 'layers': BrainPy 2.3.5's "
            "brainpy.dyn.layers is brainpy.layers here (the brainpy-layers distribution, "
            "import brainpy_layers)."
        )
    raise AttributeError(f"module 'brainpy_dyn' has no attribute {name!r}")

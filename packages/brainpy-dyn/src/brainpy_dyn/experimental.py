"""Synapse models of BrainPy 2.3.5's ``brainpy.experimental`` namespace."""

from brainpy_dyn._src.synapses.dynamics import Alpha as Alpha
from brainpy_dyn._src.synapses.dynamics import DualExponential as DualExponential
from brainpy_dyn._src.synapses.dynamics import Exponential as Exponential
from brainpy_dyn._src.synapses.dynamics import SynConn as SynConn
from brainpy_dyn._src.synapses.outputs import COBA as COBA
from brainpy_dyn._src.synapses.outputs import CUBA as CUBA
from brainpy_dyn._src.synapses.outputs import MgBlock as MgBlock
from brainpy_dyn._src.synapses.outputs import SynOut as SynOut
from brainpy_dyn._src.synapses.plasticity import STD as STD
from brainpy_dyn._src.synapses.plasticity import STP as STP
from brainpy_dyn._src.synapses.plasticity import SynSTP as SynSTP

__all__ = [
    "Alpha",
    "COBA",
    "CUBA",
    "DualExponential",
    "Exponential",
    "MgBlock",
    "STD",
    "STP",
    "SynConn",
    "SynOut",
    "SynSTP",
]

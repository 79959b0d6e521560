"""Synapse models: conductance dynamics, outputs and short-term plasticity.

``Exponential``, ``DualExponential`` and ``Alpha`` take both of BrainPy 2.3.5's forms: the
connector form of :mod:`brainpy_dyn.experimental` (``Exponential(conn, out=...)``, called
with the spikes) and the classic pre/post form (``Exponential(pre, post, conn, output=...,
delay_step=...)``, which reads ``pre.spike`` and adds its current to ``post.input``; a spike reaches the
synapse ``1 + delay_step`` steps after it is emitted). The outputs and plasticity models are
those of :mod:`brainpy_dyn.experimental`.

``Delta`` (a voltage jump), ``AMPA``, ``GABAa``, ``NMDA`` and ``BioNMDA`` (kinetic receptor
models) exist in the pre/post form only, with BrainPy 2.3.5's signatures and defaults.
``GapJunction`` couples membrane potentials, ``PoissonInput`` adds the spikes of many Poisson
sources to a Variable, and ``DiffusiveCoupling``/``AdditiveCoupling`` (base
``DelayCoupling``) couple population models through delays.
"""

from brainpy_dyn._src.synapses.bio_nmda import BioNMDA as BioNMDA
from brainpy_dyn._src.synapses.couplings import AdditiveCoupling as AdditiveCoupling
from brainpy_dyn._src.synapses.couplings import DelayCoupling as DelayCoupling
from brainpy_dyn._src.synapses.couplings import DiffusiveCoupling as DiffusiveCoupling
from brainpy_dyn._src.synapses.dynamics import SynConn as SynConn
from brainpy_dyn._src.synapses.gap_junction import GapJunction as GapJunction
from brainpy_dyn._src.synapses.kinetic import AMPA as AMPA
from brainpy_dyn._src.synapses.kinetic import NMDA as NMDA
from brainpy_dyn._src.synapses.kinetic import Delta as Delta
from brainpy_dyn._src.synapses.kinetic import GABAa as GABAa
from brainpy_dyn._src.synapses.outputs import COBA as COBA
from brainpy_dyn._src.synapses.outputs import CUBA as CUBA
from brainpy_dyn._src.synapses.outputs import MgBlock as MgBlock
from brainpy_dyn._src.synapses.outputs import SynOut as SynOut
from brainpy_dyn._src.synapses.plasticity import STD as STD
from brainpy_dyn._src.synapses.plasticity import STP as STP
from brainpy_dyn._src.synapses.plasticity import SynSTP as SynSTP
from brainpy_dyn._src.synapses.poisson_input import PoissonInput as PoissonInput
from brainpy_dyn._src.synapses.pre_post import Alpha as Alpha
from brainpy_dyn._src.synapses.pre_post import DualExponential as DualExponential
from brainpy_dyn._src.synapses.pre_post import Exponential as Exponential

__all__ = [
    "AMPA",
    "AdditiveCoupling",
    "Alpha",
    "BioNMDA",
    "COBA",
    "CUBA",
    "DelayCoupling",
    "Delta",
    "DiffusiveCoupling",
    "DualExponential",
    "Exponential",
    "GABAa",
    "GapJunction",
    "MgBlock",
    "NMDA",
    "PoissonInput",
    "STD",
    "STP",
    "SynConn",
    "SynOut",
    "SynSTP",
]

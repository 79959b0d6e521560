"""Short-term plasticity under BrainPy 2.3.5's module name ``brainpy.synplast``.

The same classes as :mod:`brainpy_dyn.synapses`: ``STD(tau=200., U=0.07)`` and
``STP(U=0.15, tau_f=1500., tau_d=200.)``. As in 2.3.5 they can be made without a size
(``stp=bp.synplast.STD()``): the synapse they are given to supplies its number of presynaptic
neurons. Pass their parameters by keyword; the first positional argument here is ``pre_size``.
"""

from brainpy_dyn._src.synapses.plasticity import STD as STD
from brainpy_dyn._src.synapses.plasticity import STP as STP
from brainpy_dyn._src.synapses.plasticity import SynSTP as SynSTP

__all__ = ["STD", "STP", "SynSTP"]

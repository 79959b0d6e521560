"""Synaptic outputs under BrainPy 2.3.5's module name ``brainpy.synouts``.

The same classes as :mod:`brainpy_dyn.synapses`: ``COBA(E=0., target_var='input',
membrane_var='V')``, ``CUBA(target_var='input')`` and ``MgBlock``. A pre/post synapse adds
the output's current to the postsynaptic Variable ``target_var``.
"""

from brainpy_dyn._src.synapses.outputs import COBA as COBA
from brainpy_dyn._src.synapses.outputs import CUBA as CUBA
from brainpy_dyn._src.synapses.outputs import MgBlock as MgBlock
from brainpy_dyn._src.synapses.outputs import SynOut as SynOut

__all__ = ["COBA", "CUBA", "MgBlock", "SynOut"]

"""Neuron models and input groups.

BrainPy implementation of ``brainpy.neurons`` (2.3.5): integrate-and-fire families
(:class:`LIF`, :class:`ExpIF`, :class:`AdExIF`, :class:`QuaIF`), :class:`Izhikevich`,
the Hodgkin–Huxley model :class:`HH`, and the input groups :class:`PoissonGroup` and
:class:`SpikeTimeGroup`. ``surrogate`` holds the surrogate-gradient spike functions
used in ``TrainingMode``.
"""

from brainpy_dyn._src.neurons.adex import AdExIF as AdExIF
from brainpy_dyn._src.neurons.exp_if import ExpIF as ExpIF
from brainpy_dyn._src.neurons.hh import HH as HH
from brainpy_dyn._src.neurons.input_groups import PoissonGroup as PoissonGroup
from brainpy_dyn._src.neurons.input_groups import SpikeTimeGroup as SpikeTimeGroup
from brainpy_dyn._src.neurons.izhikevich import Izhikevich as Izhikevich
from brainpy_dyn._src.neurons.lif import LIF as LIF
from brainpy_dyn._src.neurons.qif import QuaIF as QuaIF
from brainpy_math import surrogate as surrogate

for _obj in (AdExIF, ExpIF, HH, Izhikevich, LIF, PoissonGroup, QuaIF, SpikeTimeGroup):
    _obj.__module__ = __name__
del _obj

__all__ = [
    "HH",
    "LIF",
    "AdExIF",
    "ExpIF",
    "Izhikevich",
    "PoissonGroup",
    "QuaIF",
    "SpikeTimeGroup",
    "surrogate",
]

"""Neuron models and input groups.

BrainPy implementation of ``brainpy.neurons`` (2.3.5): the passive
:class:`LeakyIntegrator`, integrate-and-fire families (:class:`LIF`, :class:`ExpIF`,
:class:`AdExIF`, :class:`QuaIF`, :class:`AdQuaIF`, :class:`GIF`, :class:`ALIFBellec2020`,
:class:`LIF_SFA_Bellec2020`), the two-compartment :class:`PinskyRinzelModel`,
:class:`Izhikevich`, the phenomenological :class:`HindmarshRose` and :class:`FHN`, the conductance-based
:class:`HH`, :class:`MorrisLecar` and :class:`WangBuzsakiModel`, the fractional-order
:class:`FractionalFHR` and :class:`FractionalIzhikevich` (base :class:`FractionalNeuron`), the
noise group
:class:`OUProcess`, and the input groups :class:`PoissonGroup`, :class:`SpikeTimeGroup`,
:class:`InputGroup` and :class:`OutputGroup`. ``surrogate`` holds the
surrogate-gradient spike functions used in ``TrainingMode``.
"""

from brainpy_dyn._src.neurons.adex import AdExIF as AdExIF
from brainpy_dyn._src.neurons.adqif import AdQuaIF as AdQuaIF
from brainpy_dyn._src.neurons.alif import ALIFBellec2020 as ALIFBellec2020
from brainpy_dyn._src.neurons.exp_if import ExpIF as ExpIF
from brainpy_dyn._src.neurons.fhn import FHN as FHN
from brainpy_dyn._src.neurons.fractional import FractionalFHR as FractionalFHR
from brainpy_dyn._src.neurons.fractional import FractionalIzhikevich as FractionalIzhikevich
from brainpy_dyn._src.neurons.fractional import FractionalNeuron as FractionalNeuron
from brainpy_dyn._src.neurons.gif import GIF as GIF
from brainpy_dyn._src.neurons.hh import HH as HH
from brainpy_dyn._src.neurons.hindmarsh_rose import HindmarshRose as HindmarshRose
from brainpy_dyn._src.neurons.input_groups import PoissonGroup as PoissonGroup
from brainpy_dyn._src.neurons.input_groups import SpikeTimeGroup as SpikeTimeGroup
from brainpy_dyn._src.neurons.izhikevich import Izhikevich as Izhikevich
from brainpy_dyn._src.neurons.leaky_integrator import LeakyIntegrator as LeakyIntegrator
from brainpy_dyn._src.neurons.lif import LIF as LIF
from brainpy_dyn._src.neurons.lif_sfa import LIF_SFA_Bellec2020 as LIF_SFA_Bellec2020
from brainpy_dyn._src.neurons.morris_lecar import MorrisLecar as MorrisLecar
from brainpy_dyn._src.neurons.ou_process import OUProcess as OUProcess
from brainpy_dyn._src.neurons.pass_through import InputGroup as InputGroup
from brainpy_dyn._src.neurons.pass_through import OutputGroup as OutputGroup
from brainpy_dyn._src.neurons.pinsky_rinzel import PinskyRinzelModel as PinskyRinzelModel
from brainpy_dyn._src.neurons.qif import QuaIF as QuaIF
from brainpy_dyn._src.neurons.wang_buzsaki import WangBuzsakiModel as WangBuzsakiModel
from brainpy_math import set_module as _set_module
from brainpy_math import surrogate as surrogate

_set_module(
    __name__,
    FHN,
    FractionalFHR,
    FractionalIzhikevich,
    FractionalNeuron,
    GIF,
    HH,
    LIF,
    LIF_SFA_Bellec2020,
    ALIFBellec2020,
    InputGroup,
    OUProcess,
    OutputGroup,
    AdExIF,
    AdQuaIF,
    ExpIF,
    HindmarshRose,
    Izhikevich,
    LeakyIntegrator,
    MorrisLecar,
    PinskyRinzelModel,
    PoissonGroup,
    QuaIF,
    SpikeTimeGroup,
    WangBuzsakiModel,
)

__all__ = [
    "FHN",
    "FractionalFHR",
    "FractionalIzhikevich",
    "FractionalNeuron",
    "GIF",
    "HH",
    "LIF",
    "LIF_SFA_Bellec2020",
    "ALIFBellec2020",
    "AdExIF",
    "AdQuaIF",
    "ExpIF",
    "HindmarshRose",
    "InputGroup",
    "Izhikevich",
    "LeakyIntegrator",
    "MorrisLecar",
    "OUProcess",
    "OutputGroup",
    "PinskyRinzelModel",
    "PoissonGroup",
    "QuaIF",
    "SpikeTimeGroup",
    "WangBuzsakiModel",
    "surrogate",
]

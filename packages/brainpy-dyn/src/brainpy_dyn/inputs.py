"""Input currents for simulations.

BrainPy implementation of ``brainpy.inputs`` (2.3.5): arrays with one row per time
step (lengths ``round(duration / dt)``).
"""

from brainpy_dyn._src.inputs import constant_input as constant_input
from brainpy_dyn._src.inputs import ou_process as ou_process
from brainpy_dyn._src.inputs import ramp_input as ramp_input
from brainpy_dyn._src.inputs import section_input as section_input
from brainpy_dyn._src.inputs import sinusoidal_input as sinusoidal_input
from brainpy_dyn._src.inputs import spike_input as spike_input
from brainpy_dyn._src.inputs import square_input as square_input
from brainpy_dyn._src.inputs import wiener_process as wiener_process
from brainpy_math import set_module as _set_module

_set_module(
    __name__,
    constant_input,
    ou_process,
    ramp_input,
    section_input,
    sinusoidal_input,
    spike_input,
    square_input,
    wiener_process,
)

__all__ = [
    "constant_input",
    "ou_process",
    "ramp_input",
    "section_input",
    "sinusoidal_input",
    "spike_input",
    "square_input",
    "wiener_process",
]

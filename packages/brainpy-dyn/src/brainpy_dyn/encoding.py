"""Spike encoders (BrainPy 2.3.5's ``brainpy.encoding``): values into spike trains."""

from brainpy_dyn._src.encoding import Encoder as Encoder
from brainpy_dyn._src.encoding import LatencyEncoder as LatencyEncoder
from brainpy_dyn._src.encoding import PoissonEncoder as PoissonEncoder
from brainpy_dyn._src.encoding import WeightedPhaseEncoder as WeightedPhaseEncoder

__all__ = ["Encoder", "LatencyEncoder", "PoissonEncoder", "WeightedPhaseEncoder"]

"""Rate (population) models.

BrainPy implementation of ``brainpy.rates`` (2.3.5): neural-mass models whose state is a
mean activity rather than spikes: :class:`FHN`, :class:`FeedbackFHN` (delayed
self-feedback), :class:`QIF` (the exact mean field of quadratic integrate-and-fire
neurons), :class:`StuartLandauOscillator`, :class:`WilsonCowanModel` and
:class:`ThresholdLinearModel`. The two-variable models take Ornstein–Uhlenbeck noise on
either input (``x_ou_*``, ``y_ou_*``).
"""

from brainpy_dyn._src.rates.base import RateModel as RateModel
from brainpy_dyn._src.rates.fhn import FHN as FHN
from brainpy_dyn._src.rates.fhn import FeedbackFHN as FeedbackFHN
from brainpy_dyn._src.rates.qif import QIF as QIF
from brainpy_dyn._src.rates.stuart_landau import StuartLandauOscillator as StuartLandauOscillator
from brainpy_dyn._src.rates.threshold_linear import ThresholdLinearModel as ThresholdLinearModel
from brainpy_dyn._src.rates.wilson_cowan import WilsonCowanModel as WilsonCowanModel
from brainpy_math import set_module as _set_module

_set_module(
    __name__,
    FHN,
    FeedbackFHN,
    QIF,
    RateModel,
    StuartLandauOscillator,
    ThresholdLinearModel,
    WilsonCowanModel,
)

__all__ = [
    "FHN",
    "FeedbackFHN",
    "QIF",
    "RateModel",
    "StuartLandauOscillator",
    "ThresholdLinearModel",
    "WilsonCowanModel",
]

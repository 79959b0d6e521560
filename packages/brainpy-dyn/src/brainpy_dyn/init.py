"""Initializers (``bp.init``): make parameters and states of a given shape.

An initializer is called as ``init(shape, dtype=None)`` and returns a
:class:`brainpy_math.Array`. Random initializers draw from ``brainpy_math.random.DEFAULT``
unless given a ``seed``. :func:`parameter` and :func:`variable_` turn user arguments into
model parameters and Variables.
"""

from brainpy_dyn._src.initialize.base import Initializer as Initializer
from brainpy_dyn._src.initialize.base import InterLayerInitializer as InterLayerInitializer
from brainpy_dyn._src.initialize.base import IntraLayerInitializer as IntraLayerInitializer
from brainpy_dyn._src.initialize.decay import DOGDecay as DOGDecay
from brainpy_dyn._src.initialize.decay import GaussianDecay as GaussianDecay
from brainpy_dyn._src.initialize.delay_init import delay as delay
from brainpy_dyn._src.initialize.helpers import noise as noise
from brainpy_dyn._src.initialize.helpers import parameter as parameter
from brainpy_dyn._src.initialize.helpers import variable as variable
from brainpy_dyn._src.initialize.helpers import variable_ as variable_
from brainpy_dyn._src.initialize.orthogonal import DeltaOrthogonal as DeltaOrthogonal
from brainpy_dyn._src.initialize.orthogonal import Orthogonal as Orthogonal
from brainpy_dyn._src.initialize.random_inits import Normal as Normal
from brainpy_dyn._src.initialize.random_inits import Uniform as Uniform
from brainpy_dyn._src.initialize.regular import Constant as Constant
from brainpy_dyn._src.initialize.regular import Identity as Identity
from brainpy_dyn._src.initialize.regular import OneInit as OneInit
from brainpy_dyn._src.initialize.regular import ZeroInit as ZeroInit
from brainpy_dyn._src.initialize.variance_scaling import KaimingNormal as KaimingNormal
from brainpy_dyn._src.initialize.variance_scaling import KaimingUniform as KaimingUniform
from brainpy_dyn._src.initialize.variance_scaling import LecunNormal as LecunNormal
from brainpy_dyn._src.initialize.variance_scaling import LecunUniform as LecunUniform
from brainpy_dyn._src.initialize.variance_scaling import VarianceScaling as VarianceScaling
from brainpy_dyn._src.initialize.variance_scaling import XavierNormal as XavierNormal
from brainpy_dyn._src.initialize.variance_scaling import XavierUniform as XavierUniform
from brainpy_dyn._src.initialize.variance_scaling import compute_fans as compute_fans

__all__ = [
    "Constant",
    "DOGDecay",
    "DeltaOrthogonal",
    "GaussianDecay",
    "Identity",
    "Initializer",
    "InterLayerInitializer",
    "IntraLayerInitializer",
    "KaimingNormal",
    "KaimingUniform",
    "LecunNormal",
    "LecunUniform",
    "Normal",
    "OneInit",
    "Orthogonal",
    "Uniform",
    "VarianceScaling",
    "XavierNormal",
    "XavierUniform",
    "ZeroInit",
    "compute_fans",
    "delay",
    "noise",
    "parameter",
    "variable",
    "variable_",
]

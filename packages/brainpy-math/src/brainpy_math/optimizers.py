"""Gradient-descent optimizers and learning-rate schedulers (BrainPy's ``brainpy.optim``).

An optimizer updates registered :class:`~brainpy_math.Variable` s in place from a dict of
gradients; its moments and update count are Variables too, so a training step compiled by
``bm.jit`` carries them.

Examples:
  >>> import brainpy_math as bm
  >>> w = bm.Variable(bm.asarray([3.0]))
  >>> opt = bm.optimizers.Adam(0.1, train_vars={"w": w})
  >>> loss_grad = bm.grad(lambda: (w.value**2).sum(), grad_vars={"w": w})
  >>> @bm.jit
  ... def step():
  ...     opt.update(loss_grad())
  >>> for _ in range(100):
  ...     step()
  >>> bool(abs(w.value[0]) < 0.5)
  True
"""

from brainpy_math._src.optimizers.adadelta import Adadelta as Adadelta
from brainpy_math._src.optimizers.adan import Adan as Adan
from brainpy_math._src.optimizers.adaptive import Adagrad as Adagrad
from brainpy_math._src.optimizers.adaptive import Adam as Adam
from brainpy_math._src.optimizers.adaptive import AdamW as AdamW
from brainpy_math._src.optimizers.adaptive import RMSProp as RMSProp
from brainpy_math._src.optimizers.base import Optimizer as Optimizer
from brainpy_math._src.optimizers.lars import LARS as LARS
from brainpy_math._src.optimizers.schedulers import Constant as Constant
from brainpy_math._src.optimizers.schedulers import CosineAnnealingLR as CosineAnnealingLR
from brainpy_math._src.optimizers.schedulers import (
    CosineAnnealingWarmRestarts as CosineAnnealingWarmRestarts,
)
from brainpy_math._src.optimizers.schedulers import ExponentialDecay as ExponentialDecay
from brainpy_math._src.optimizers.schedulers import ExponentialLR as ExponentialLR
from brainpy_math._src.optimizers.schedulers import InverseTimeDecay as InverseTimeDecay
from brainpy_math._src.optimizers.schedulers import MultiStepLR as MultiStepLR
from brainpy_math._src.optimizers.schedulers import PiecewiseConstant as PiecewiseConstant
from brainpy_math._src.optimizers.schedulers import PolynomialDecay as PolynomialDecay
from brainpy_math._src.optimizers.schedulers import Scheduler as Scheduler
from brainpy_math._src.optimizers.schedulers import StepLR as StepLR
from brainpy_math._src.optimizers.schedulers import make_schedule as make_schedule
from brainpy_math._src.optimizers.sgd import SGD as SGD
from brainpy_math._src.optimizers.sgd import Momentum as Momentum
from brainpy_math._src.optimizers.sgd import MomentumNesterov as MomentumNesterov

__all__ = [
    "LARS",
    "SGD",
    "Adadelta",
    "Adagrad",
    "Adam",
    "AdamW",
    "Adan",
    "Constant",
    "CosineAnnealingLR",
    "CosineAnnealingWarmRestarts",
    "ExponentialDecay",
    "ExponentialLR",
    "InverseTimeDecay",
    "Momentum",
    "MomentumNesterov",
    "MultiStepLR",
    "Optimizer",
    "PiecewiseConstant",
    "PolynomialDecay",
    "RMSProp",
    "Scheduler",
    "StepLR",
    "make_schedule",
]

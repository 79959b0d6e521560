"""Plain and momentum gradient descent: ``SGD``, ``Momentum``, ``MomentumNesterov``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import jax

from brainpy_math._src.optimizers.base import Optimizer, check_nonnegative, check_unit_interval
from brainpy_math._src.optimizers.schedulers import Scheduler
from brainpy_math._src.public_path import set_module
from brainpy_math._src.variable import Variable

__all__ = ["SGD", "Momentum", "MomentumNesterov"]

TrainVars = Mapping[Any, Variable] | Sequence[Variable] | None


def decayed(grad: jax.Array, param: Variable, weight_decay: float | None) -> jax.Array:
    """``grad + weight_decay * param`` (an L2 penalty), or ``grad`` when ``weight_decay`` is None."""
    if weight_decay is None:
        return grad
    return grad + weight_decay * param.value


class SGD(Optimizer):
    """Stochastic gradient descent, ``θ ← θ - lr · g``.

    BrainPy implementation of ``brainpy.optim.SGD``; :class:`torch.optim.SGD` without momentum.

    Args:
      lr: the learning rate (a number or a scheduler).
      train_vars: the Variables to train (see :class:`Optimizer`).
      weight_decay: if given, ``weight_decay * θ`` is added to the gradient (an L2 penalty).
      name: the optimizer's name.

    Note:
      The weight decay follows :class:`torch.optim.SGD` (L2 added to the gradient); BrainPy
      2.3.5's exact convention could not be confirmed from its documentation.

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.Variable(bm.ones(2))
      >>> opt = bm.optimizers.SGD(0.5, train_vars={"w": w})
      >>> opt.update({"w": bm.asarray([1.0, -1.0])})
      >>> w.value
      Array([0.5, 1.5], dtype=float32)
    """

    def __init__(
        self,
        lr: float | Scheduler,
        train_vars: TrainVars = None,
        weight_decay: float | None = None,
        name: str | None = None,
    ):
        self.weight_decay = check_nonnegative(weight_decay, "weight_decay", "SGD", True)
        super().__init__(lr, train_vars, name)

    def _apply(self, key, param, grad, lr, t):
        param.value = param.value - lr * decayed(grad, param, self.weight_decay)


class Momentum(Optimizer):
    """Gradient descent with momentum.

    ``v ← momentum · v + lr · g``, ``θ ← θ - v``. With a constant learning rate this equals
    :class:`torch.optim.SGD` with ``momentum`` (``dampening=0``).

    Args:
      lr: the learning rate (a number or a scheduler).
      train_vars: the Variables to train (see :class:`Optimizer`).
      momentum: the momentum factor, in ``[0, 1)``.
      weight_decay: if given, ``weight_decay * θ`` is added to the gradient.
      name: the optimizer's name.

    Attributes:
      velocities: the velocity Variable of each trainable Variable, by key.

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.Variable(bm.zeros(1))
      >>> opt = bm.optimizers.Momentum(1.0, train_vars=[w], momentum=0.5)
      >>> for _ in range(2):
      ...     opt.update([bm.ones(1)])
      >>> w.value
      Array([-2.5], dtype=float32)
    """

    def __init__(
        self,
        lr: float | Scheduler,
        train_vars: TrainVars = None,
        momentum: float = 0.9,
        weight_decay: float | None = None,
        name: str | None = None,
    ):
        owner = type(self).__name__
        self.momentum = check_unit_interval(momentum, "momentum", owner)
        self.weight_decay = check_nonnegative(weight_decay, "weight_decay", owner, True)
        self.velocities: dict[Any, Variable] = {}
        super().__init__(lr, train_vars, name)

    def _init_state(self, key, var):
        self.velocities[key] = self._zeros_like(var)

    def _apply(self, key, param, grad, lr, t):
        v = self.velocities[key]
        v.value = self.momentum * v.value + lr * decayed(grad, param, self.weight_decay)
        param.value = param.value - v.value


class MomentumNesterov(Momentum):
    """Gradient descent with Nesterov momentum.

    ``v ← momentum · v + lr · g``, ``θ ← θ - (momentum · v + lr · g)``. With a constant
    learning rate this equals :class:`torch.optim.SGD` with ``nesterov=True``.

    Args:
      lr: the learning rate (a number or a scheduler).
      train_vars: the Variables to train (see :class:`Optimizer`).
      weight_decay: if given, ``weight_decay * θ`` is added to the gradient.
      momentum: the momentum factor, in ``[0, 1)``.
      name: the optimizer's name.

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.Variable(bm.zeros(1))
      >>> opt = bm.optimizers.MomentumNesterov(1.0, train_vars=[w], momentum=0.5)
      >>> opt.update([bm.ones(1)])
      >>> w.value
      Array([-1.5], dtype=float32)
    """

    def __init__(
        self,
        lr: float | Scheduler,
        train_vars: TrainVars = None,
        weight_decay: float | None = None,
        momentum: float = 0.9,
        name: str | None = None,
    ):
        super().__init__(lr, train_vars, momentum, weight_decay, name)

    def _apply(self, key, param, grad, lr, t):
        v = self.velocities[key]
        step = lr * decayed(grad, param, self.weight_decay)
        v.value = self.momentum * v.value + step
        param.value = param.value - (self.momentum * v.value + step)


set_module("brainpy_math.optimizers", SGD, Momentum, MomentumNesterov)

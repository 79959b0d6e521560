"""``Adadelta``: steps scaled by the ratio of two moving root-mean-squares."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.optimizers.base import Optimizer, check_nonnegative, check_unit_interval
from brainpy_math._src.optimizers.schedulers import Scheduler
from brainpy_math._src.optimizers.sgd import TrainVars, decayed
from brainpy_math._src.public_path import set_module
from brainpy_math._src.variable import Variable

__all__ = ["Adadelta"]


class Adadelta(Optimizer):
    r"""Adadelta (Zeiler, 2012), as :class:`torch.optim.Adadelta`.

    BrainPy implementation of ``brainpy.optim.Adadelta`` (2.3.5). With ``g`` the gradient
    (plus ``weight_decay * θ`` when given):

    .. math::

       s &\leftarrow \rho\,s + (1 - \rho)\,g^2 \\
       \Delta &= \frac{\sqrt{u + \epsilon}}{\sqrt{s + \epsilon}}\,g \\
       u &\leftarrow \rho\,u + (1 - \rho)\,\Delta^2 \\
       \theta &\leftarrow \theta - \mathrm{lr}\cdot\Delta

    The ratio of the two root-mean-squares gives each element its own step size with the
    units of ``θ``, so the paper needs no learning rate (``lr=1``).

    Args:
      lr: the learning rate (a number or a scheduler) scaling ``Δ``.
      train_vars: the Variables to train (see :class:`Optimizer`).
      weight_decay: if given, ``weight_decay * θ`` is added to the gradient (L2, as torch).
      epsilon: added inside both square roots (torch's ``eps``).
      rho: the decay of the moving averages, in ``[0, 1)``.
      name: the optimizer's name.

    Attributes:
      caches: the moving averages ``s`` of the squared gradients, by key.
      deltas: the moving averages ``u`` of the squared steps, by key.

    Raises:
      ValueError: ``lr``, ``epsilon`` or ``weight_decay`` negative, or ``rho`` outside
        ``[0, 1)``.

    Note:
      2.3.5 ignored ``lr`` (it always stepped by ``Δ``, whatever its default ``lr=0.01``
      said) and decayed weights as ``θ ← (1 - weight_decay) θ``. Here ``lr`` scales the
      step and defaults to 1, which keeps 2.3.5's default behaviour and is torch's
      default; the weight decay is torch's L2 term, as in the other optimizers here.
      ``rho`` keeps 2.3.5's default 0.95 (torch's is 0.9).

    References:
      Zeiler, M. D. ADADELTA: An Adaptive Learning Rate Method. arXiv:1212.5701 (2012).

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.Variable(bm.zeros(1))
      >>> opt = bm.optimizers.Adadelta(train_vars=[w], epsilon=1e-2, rho=0.5)
      >>> opt.update([bm.asarray([3.0])])  # Δ = sqrt(0.01) / sqrt(4.5 + 0.01) * 3
      >>> w.value
      Array([-0.14126448], dtype=float32)
    """

    def __init__(
        self,
        lr: float | Scheduler = 1.0,
        train_vars: TrainVars = None,
        weight_decay: float | None = None,
        epsilon: float = 1e-6,
        rho: float = 0.95,
        name: str | None = None,
    ):
        owner = type(self).__name__
        self.weight_decay = check_nonnegative(weight_decay, "weight_decay", owner, True)
        self.epsilon = check_nonnegative(epsilon, "epsilon", owner)
        self.rho = check_unit_interval(rho, "rho", owner)
        self.caches: dict[Any, Variable] = {}
        self.deltas: dict[Any, Variable] = {}
        super().__init__(lr, train_vars, name)

    def _init_state(self, key: Any, var: Variable) -> None:
        self.caches[key] = self._zeros_like(var)
        self.deltas[key] = self._zeros_like(var)

    def _apply(self, key: Any, param: Variable, grad: jax.Array, lr: jax.Array, t: Any) -> None:
        g = decayed(grad, param, self.weight_decay)
        s, u = self.caches[key], self.deltas[key]
        s.value = self.rho * s.value + (1 - self.rho) * g * g
        delta = jnp.sqrt(u.value + self.epsilon) / jnp.sqrt(s.value + self.epsilon) * g
        u.value = self.rho * u.value + (1 - self.rho) * delta * delta
        param.value = param.value - lr * delta


set_module("brainpy_math.optimizers", Adadelta)

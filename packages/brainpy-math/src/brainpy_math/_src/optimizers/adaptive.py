"""Optimizers with per-element adaptive step sizes: ``Adagrad``, ``RMSProp``, ``Adam``, ``AdamW``."""

from __future__ import annotations

import math
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.optimizers.base import Optimizer, check_nonnegative, check_unit_interval
from brainpy_math._src.optimizers.schedulers import Scheduler
from brainpy_math._src.optimizers.sgd import TrainVars, decayed
from brainpy_math._src.public_path import set_module
from brainpy_math._src.variable import Variable

__all__ = ["Adagrad", "RMSProp", "Adam", "AdamW"]


def _one_minus_power(beta: float, t: Any, dtype: Any) -> jax.Array:
    """``1 - beta**t`` accurate in float32 (``-expm1(t log beta)``, ``log`` in double)."""
    if beta == 0:
        return jnp.ones((), dtype)
    return -jnp.expm1(jnp.asarray(t, dtype) * math.log(beta))


class Adagrad(Optimizer):
    """Adagrad: steps scaled by the accumulated squared gradients.

    ``G ← G + g²``, ``θ ← θ - lr · g / sqrt(G + epsilon)``.

    Args:
      lr: the learning rate (a number or a scheduler).
      train_vars: the Variables to train (see :class:`Optimizer`).
      weight_decay: if given, ``weight_decay * θ`` is added to the gradient.
      epsilon: added to ``G`` inside the square root.
      name: the optimizer's name.

    Note:
      :class:`torch.optim.Adagrad` adds its ``eps`` (default 1e-10) *outside* the square root,
      ``g / (sqrt(G) + eps)``; with ``epsilon=0`` (and torch's ``eps=0``,
      ``initial_accumulator_value=0``, ``lr_decay=0``) the two agree.

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.Variable(bm.zeros(1))
      >>> opt = bm.optimizers.Adagrad(1.0, train_vars=[w], epsilon=0.0)
      >>> opt.update([bm.asarray([2.0])])
      >>> w.value
      Array([-1.], dtype=float32)
    """

    def __init__(
        self,
        lr: float | Scheduler,
        train_vars: TrainVars = None,
        weight_decay: float | None = None,
        epsilon: float = 1e-6,
        name: str | None = None,
    ):
        owner = type(self).__name__
        self.weight_decay = check_nonnegative(weight_decay, "weight_decay", owner, True)
        self.epsilon = check_nonnegative(epsilon, "epsilon", owner)
        self.caches: dict[Any, Variable] = {}
        super().__init__(lr, train_vars, name)

    def _init_state(self, key, var):
        self.caches[key] = self._zeros_like(var)

    def _apply(self, key, param, grad, lr, t):
        g = decayed(grad, param, self.weight_decay)
        c = self.caches[key]
        c.value = c.value + g * g
        param.value = param.value - lr * g / jnp.sqrt(c.value + self.epsilon)


class RMSProp(Optimizer):
    """RMSProp: steps scaled by a moving average of squared gradients.

    ``G ← rho · G + (1 - rho) · g²``, ``θ ← θ - lr · g / sqrt(G + epsilon)``.

    Args:
      lr: the learning rate (a number or a scheduler).
      train_vars: the Variables to train (see :class:`Optimizer`).
      weight_decay: if given, ``weight_decay * θ`` is added to the gradient.
      epsilon: added to ``G`` inside the square root.
      rho: the decay of the moving average, in ``[0, 1)`` (torch's ``alpha``).
      name: the optimizer's name.

    Note:
      :class:`torch.optim.RMSprop` adds its ``eps`` *outside* the square root; with
      ``epsilon=0`` and ``alpha=rho`` (no momentum, not centered) the two agree.

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.Variable(bm.zeros(1))
      >>> opt = bm.optimizers.RMSProp(0.1, train_vars=[w], epsilon=0.0, rho=0.75)
      >>> opt.update([bm.asarray([3.0])])
      >>> w.value
      Array([-0.2], dtype=float32)
    """

    def __init__(
        self,
        lr: float | Scheduler,
        train_vars: TrainVars = None,
        weight_decay: float | None = None,
        epsilon: float = 1e-6,
        rho: float = 0.9,
        name: str | None = None,
    ):
        owner = type(self).__name__
        self.weight_decay = check_nonnegative(weight_decay, "weight_decay", owner, True)
        self.epsilon = check_nonnegative(epsilon, "epsilon", owner)
        self.rho = check_unit_interval(rho, "rho", owner)
        self.caches: dict[Any, Variable] = {}
        super().__init__(lr, train_vars, name)

    def _init_state(self, key, var):
        self.caches[key] = self._zeros_like(var)

    def _apply(self, key, param, grad, lr, t):
        g = decayed(grad, param, self.weight_decay)
        c = self.caches[key]
        c.value = self.rho * c.value + (1 - self.rho) * g * g
        param.value = param.value - lr * g / jnp.sqrt(c.value + self.epsilon)


class Adam(Optimizer):
    """Adam: bias-corrected moving averages of the gradient and its square.

    ``m ← β1 m + (1-β1) g``, ``v ← β2 v + (1-β2) g²``,
    ``θ ← θ - lr · m̂ / (sqrt(v̂) + eps)`` with ``m̂ = m / (1-β1^t)``, ``v̂ = v / (1-β2^t)``,
    as :class:`torch.optim.Adam` (``amsgrad=False``).

    Args:
      lr: the learning rate (a number or a scheduler).
      train_vars: the Variables to train (see :class:`Optimizer`).
      beta1: the decay of the first moment, in ``[0, 1)``.
      beta2: the decay of the second moment, in ``[0, 1)``.
      eps: added to ``sqrt(v̂)``.
      weight_decay: if given, ``weight_decay * θ`` is added to the gradient (L2, as torch's
        Adam; see :class:`AdamW` for decoupled decay).
      name: the optimizer's name.

    Attributes:
      m1: the first-moment Variables, by key.
      m2: the second-moment Variables, by key.

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.Variable(bm.zeros(2))
      >>> opt = bm.optimizers.Adam(0.1, train_vars={"w": w}, eps=0.0)
      >>> opt.update({"w": bm.asarray([1.0, -4.0])})  # the first step is -lr * sign(g)
      >>> w.value
      Array([-0.1,  0.1], dtype=float32)
    """

    def __init__(
        self,
        lr: float | Scheduler,
        train_vars: TrainVars = None,
        beta1: float = 0.9,
        beta2: float = 0.999,
        eps: float = 1e-8,
        weight_decay: float | None = None,
        name: str | None = None,
    ):
        owner = type(self).__name__
        self.beta1 = check_unit_interval(beta1, "beta1", owner)
        self.beta2 = check_unit_interval(beta2, "beta2", owner)
        self.eps = check_nonnegative(eps, "eps", owner)
        self.weight_decay = check_nonnegative(weight_decay, "weight_decay", owner, True)
        self.m1: dict[Any, Variable] = {}
        self.m2: dict[Any, Variable] = {}
        super().__init__(lr, train_vars, name)

    def _init_state(self, key, var):
        self.m1[key] = self._zeros_like(var)
        self.m2[key] = self._zeros_like(var)

    def _moments(self, key, g, t):
        m, v = self.m1[key], self.m2[key]
        m.value = self.beta1 * m.value + (1 - self.beta1) * g
        v.value = self.beta2 * v.value + (1 - self.beta2) * g * g
        return (
            m.value,
            v.value,
            _one_minus_power(self.beta1, t, g.dtype),
            _one_minus_power(self.beta2, t, g.dtype),
        )

    def _apply(self, key, param, grad, lr, t):
        g = decayed(grad, param, self.weight_decay)
        m, v, bc1, bc2 = self._moments(key, g, t)
        denom = jnp.sqrt(v) / jnp.sqrt(bc2) + self.eps
        param.value = param.value - (lr / bc1) * m / denom


class AdamW(Adam):
    """Adam with decoupled weight decay (Loshchilov & Hutter), as :class:`torch.optim.AdamW`.

    ``θ ← θ - lr · weight_decay · θ``, then the :class:`Adam` step on the raw gradient.

    Args:
      lr: the learning rate (a number or a scheduler).
      train_vars: the Variables to train (see :class:`Optimizer`).
      beta1: the decay of the first moment, in ``[0, 1)``.
      beta2: the decay of the second moment, in ``[0, 1)``.
      eps: added to ``sqrt(v̂)``.
      weight_decay: the decoupled decay rate, >= 0.
      amsgrad: if true, divide by the running maximum of the second moment.
      name: the optimizer's name.

    Note:
      With ``amsgrad=True`` the maximum is taken over the raw second moment ``v`` and then
      bias-corrected, as torch's implementation does (its documented formula takes the maximum
      of ``v̂``, which differs slightly).

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.Variable(bm.ones(1))
      >>> opt = bm.optimizers.AdamW(0.1, train_vars=[w], weight_decay=0.5)
      >>> opt.update([bm.ones(1)])
      >>> round(float(w.value[0]), 4)  # 1 - 0.1 * 0.5 * 1, then - 0.1 * sign(g)
      0.85
    """

    def __init__(
        self,
        lr: float | Scheduler,
        train_vars: TrainVars = None,
        beta1: float = 0.9,
        beta2: float = 0.999,
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
        amsgrad: bool = False,
        name: str | None = None,
    ):
        check_nonnegative(weight_decay, "weight_decay", type(self).__name__)
        self.amsgrad = bool(amsgrad)
        self.v_max: dict[Any, Variable] = {}
        super().__init__(lr, train_vars, beta1, beta2, eps, weight_decay, name)

    def _init_state(self, key, var):
        super()._init_state(key, var)
        if self.amsgrad:
            self.v_max[key] = self._zeros_like(var)

    def _apply(self, key, param, grad, lr, t):
        param.value = param.value * (1 - lr * self.weight_decay)
        m, v, bc1, bc2 = self._moments(key, grad, t)
        if self.amsgrad:
            vm = self.v_max[key]
            vm.value = jnp.maximum(vm.value, v)
            v = vm.value
        denom = jnp.sqrt(v) / jnp.sqrt(bc2) + self.eps
        param.value = param.value - (lr / bc1) * m / denom


set_module("brainpy_math.optimizers", Adagrad, RMSProp, Adam, AdamW)

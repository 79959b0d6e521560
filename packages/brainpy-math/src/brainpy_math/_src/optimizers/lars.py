"""``LARS``: momentum SGD with a layer-wise trust ratio (You, Gitman & Ginsburg, 2017)."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.optimizers.base import Optimizer, check_nonnegative, check_unit_interval
from brainpy_math._src.optimizers.schedulers import Scheduler
from brainpy_math._src.optimizers.sgd import TrainVars
from brainpy_math._src.public_path import set_module
from brainpy_math._src.variable import Variable

__all__ = ["LARS"]


class LARS(Optimizer):
    r"""Layer-wise adaptive rate scaling: each Variable gets its own learning rate.

    BrainPy implementation of ``brainpy.optim.LARS`` (2.3.5). Each registered Variable is
    one "layer"; from the norms of its value and gradient a trust ratio scales the
    learning rate, so that the step is a fixed fraction (about ``tc``) of the weights:

    .. math::

       r &= \frac{tc\,\lVert\theta\rVert}
                 {\lVert g\rVert + \lambda\,\lVert\theta\rVert + \epsilon}
            \quad (r = 1 \text{ if } \lVert\theta\rVert = 0 \text{ or }
            \lVert g\rVert = 0) \\
       m &\leftarrow \mu\,m + \mathrm{lr}\cdot r\,(g + \lambda\,\theta) \\
       \theta &\leftarrow \theta - m

    with ``μ = momentum`` and ``λ = weight_decay``; the norms are Euclidean norms over the
    whole Variable.

    Args:
      lr: the global learning rate (a number or a scheduler).
      train_vars: the Variables to train (see :class:`Optimizer`).
      momentum: the momentum factor, in ``[0, 1)``.
      weight_decay: the L2 coefficient ``λ`` (``>= 0``), added to the gradient and to the
        trust ratio's denominator.
      tc: the trust coefficient (``>= 0``, usually ``< 1``).
      eps: added to the trust ratio's denominator (``>= 0``).
      name: the optimizer's name.

    Attributes:
      momentums: the momentum Variable of each trainable Variable, by key.

    Raises:
      ValueError: a negative ``lr``, ``weight_decay``, ``tc`` or ``eps``, or ``momentum``
        outside ``[0, 1)``.

    Note:
      2.3.5 wrote the ratio as ``max(‖θ‖ = 0 or ‖g‖ = 0, r)``, which keeps ``r`` (not 1)
      when only the gradient is zero and ``r > 1``; here the ratio is 1 whenever either
      norm is zero, as the formula intends.

    References:
      You, Y., Gitman, I. & Ginsburg, B. Large Batch Training of Convolutional Networks.
      arXiv:1708.03888 (2017).

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.Variable(bm.asarray([3.0, 4.0]))  # ‖θ‖ = 5
      >>> opt = bm.optimizers.LARS(1.0, train_vars=[w], weight_decay=0.0, tc=0.1, eps=0.0)
      >>> opt.update([bm.asarray([0.0, 10.0])])  # ‖g‖ = 10: r = 0.1 * 5 / 10
      >>> w.value
      Array([3. , 3.5], dtype=float32)
    """

    def __init__(
        self,
        lr: float | Scheduler,
        train_vars: TrainVars = None,
        momentum: float = 0.9,
        weight_decay: float = 1e-4,
        tc: float = 1e-3,
        eps: float = 1e-5,
        name: str | None = None,
    ):
        owner = type(self).__name__
        self.momentum = check_unit_interval(momentum, "momentum", owner)
        self.weight_decay = check_nonnegative(weight_decay, "weight_decay", owner)
        self.tc = check_nonnegative(tc, "tc", owner)
        self.eps = check_nonnegative(eps, "eps", owner)
        self.momentums: dict[Any, Variable] = {}
        super().__init__(lr, train_vars, name)

    def _init_state(self, key: Any, var: Variable) -> None:
        self.momentums[key] = self._zeros_like(var)

    def _apply(self, key: Any, param: Variable, grad: jax.Array, lr: jax.Array, t: Any) -> None:
        p = param.value
        p_norm = jnp.linalg.norm(p)
        g_norm = jnp.linalg.norm(grad)
        denom = g_norm + self.weight_decay * p_norm + self.eps
        either_zero = jnp.logical_or(p_norm == 0, g_norm == 0)
        safe = jnp.where(either_zero, 1.0, denom).astype(p.dtype)
        ratio = jnp.where(either_zero, 1.0, self.tc * p_norm / safe).astype(p.dtype)
        m = self.momentums[key]
        m.value = self.momentum * m.value + lr * ratio * (grad + self.weight_decay * p)
        param.value = p - m.value


set_module("brainpy_math.optimizers", LARS)

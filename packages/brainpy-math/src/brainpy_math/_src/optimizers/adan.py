"""``Adan``: adaptive Nesterov momentum (Xie et al., 2022)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.optimizers.adaptive import _one_minus_power
from brainpy_math._src.optimizers.base import Optimizer, check_nonnegative
from brainpy_math._src.optimizers.schedulers import Scheduler
from brainpy_math._src.optimizers.sgd import TrainVars
from brainpy_math._src.public_path import set_module
from brainpy_math._src.variable import Variable

__all__ = ["Adan"]


def _check_betas(betas: Any, owner: str) -> tuple[float, float, float]:
    """Three numbers in ``(0, 1]`` (the paper's convention: the weight of the new term)."""
    ok = isinstance(betas, Sequence) and not isinstance(betas, str) and len(betas) == 3
    if ok:
        ok = all(
            isinstance(b, (int, float)) and not isinstance(b, bool) and 0 < b <= 1 for b in betas
        )
    if not ok:
        raise ValueError(
            f"{owner}: betas must be three numbers in (0, 1] (the weights of the newest "
            f"gradient, gradient difference and squared term), got betas={betas!r}."
        )
    return float(betas[0]), float(betas[1]), float(betas[2])


class Adan(Optimizer):
    r"""Adan: Adam-like steps with a Nesterov-style gradient-difference momentum.

    BrainPy implementation of ``brainpy.optim.Adan`` (2.3.5), after Algorithm 1 of Xie et
    al. (2022). With ``g_k`` the gradient, ``g_0 - g_{-1} = 0`` at the first step and the
    paper's convention for ``betas = (β1, β2, β3)`` (each the weight of the *new* term):

    .. math::

       m_k &= (1 - β_1)\,m_{k-1} + β_1\,g_k \\
       v_k &= (1 - β_2)\,v_{k-1} + β_2\,(g_k - g_{k-1}) \\
       n_k &= (1 - β_3)\,n_{k-1} + β_3\,[g_k + (1 - β_2)(g_k - g_{k-1})]^2 \\
       u_k &= \frac{\hat m_k + (1 - β_2)\,\hat v_k}{\sqrt{\hat n_k} + \epsilon} \\
       θ_{k+1} &= \frac{θ_k - \mathrm{lr}\,u_k}{1 + \mathrm{lr}\,λ}
       \quad\text{or, with no\_prox,}\quad (1 - \mathrm{lr}\,λ)\,θ_k - \mathrm{lr}\,u_k

    where hats are bias corrections, ``x̂_k = x_k / (1 - (1 - β)^k)``, and ``λ`` is
    ``weight_decay``.

    Args:
      lr: the learning rate (a number or a scheduler); Adan tolerates several times
        Adam's.
      train_vars: the Variables to train (see :class:`Optimizer`).
      betas: ``(β1, β2, β3)``, each in ``(0, 1]``. The official PyTorch implementation's
        ``betas=(0.98, 0.92, 0.99)`` are ``1 -`` these.
      eps: added to ``sqrt(n̂)`` (``>= 0``).
      weight_decay: the decoupled decay ``λ`` (``>= 0``).
      no_prox: decay like AdamW, ``(1 - lr λ) θ - lr u``, instead of the proximal
        ``(θ - lr u) / (1 + lr λ)``.
      name: the optimizer's name.

    Attributes:
      exp_avg: the first moments ``m``, by key.
      exp_avg_diff: the moments ``v`` of the gradient differences, by key.
      exp_avg_sq: the second moments ``n``, by key.
      prev_grad: the previous gradient of each Variable, by key.

    Raises:
      ValueError: ``betas`` not three numbers in ``(0, 1]``, or a negative ``lr``,
        ``eps`` or ``weight_decay``.

    Note:
      The bias corrections use this optimizer's update count. 2.3.5 counted the
      scheduler's *epochs* instead, so without epoch steps its corrections and its
      first-step rule stayed frozen at the first step's; it also accepted ``β = 0``
      (whose correction divides by zero) and refused ``β = 1``.

    References:
      Xie, X., Zhou, P., Li, H., Lin, Z. & Yan, S. Adan: Adaptive Nesterov Momentum
      Algorithm for Faster Optimizing Deep Models. arXiv:2208.06677 (2022).

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.Variable(bm.zeros(2))
      >>> opt = bm.optimizers.Adan(0.1, train_vars=[w], weight_decay=0.0, eps=0.0)
      >>> opt.update([bm.asarray([2.0, -0.5])])  # the first step is -lr * sign(g)
      >>> [round(float(x), 6) for x in w.value]
      [-0.1, 0.1]
    """

    def __init__(
        self,
        lr: float | Scheduler = 1e-3,
        train_vars: TrainVars = None,
        betas: tuple[float, float, float] = (0.02, 0.08, 0.01),
        eps: float = 1e-8,
        weight_decay: float = 0.02,
        no_prox: bool = False,
        name: str | None = None,
    ):
        owner = type(self).__name__
        self.betas = _check_betas(betas, owner)
        self.eps = check_nonnegative(eps, "eps", owner)
        self.weight_decay = check_nonnegative(weight_decay, "weight_decay", owner)
        self.no_prox = bool(no_prox)
        self.exp_avg: dict[Any, Variable] = {}
        self.exp_avg_diff: dict[Any, Variable] = {}
        self.exp_avg_sq: dict[Any, Variable] = {}
        self.prev_grad: dict[Any, Variable] = {}
        super().__init__(lr, train_vars, name)

    def _init_state(self, key: Any, var: Variable) -> None:
        self.exp_avg[key] = self._zeros_like(var)
        self.exp_avg_diff[key] = self._zeros_like(var)
        self.exp_avg_sq[key] = self._zeros_like(var)
        self.prev_grad[key] = self._zeros_like(var)

    def _apply(self, key: Any, param: Variable, grad: jax.Array, lr: jax.Array, t: Any) -> None:
        b1, b2, b3 = self.betas
        m, v, n, prev = (
            self.exp_avg[key],
            self.exp_avg_diff[key],
            self.exp_avg_sq[key],
            self.prev_grad[key],
        )
        diff = jnp.where(t == 1, jnp.zeros_like(grad), grad - prev.value)
        m.value = (1 - b1) * m.value + b1 * grad
        v.value = (1 - b2) * v.value + b2 * diff
        mixed = grad + (1 - b2) * diff
        n.value = (1 - b3) * n.value + b3 * mixed * mixed
        prev.value = grad
        dtype = grad.dtype
        bc1, bc2, bc3 = (_one_minus_power(1 - b, t, dtype) for b in self.betas)
        step = (m.value / bc1 + (1 - b2) * v.value / bc2) / (
            jnp.sqrt(n.value) / jnp.sqrt(bc3) + self.eps
        )
        if self.no_prox:
            param.value = param.value * (1 - lr * self.weight_decay) - lr * step
        else:
            param.value = (param.value - lr * step) / (1 + lr * self.weight_decay)


set_module("brainpy_math.optimizers", Adan)

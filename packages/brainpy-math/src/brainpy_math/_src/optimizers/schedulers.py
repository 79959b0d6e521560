"""Learning-rate schedulers: the learning rate as a function of the epoch or update count.

A scheduler keeps its counters in :class:`~brainpy_math.Variable` s, so a training step compiled
by ``bm.jit`` reads and advances them. Two counters exist:

* ``last_epoch``, advanced by :meth:`Scheduler.step_epoch` (the user calls it once per epoch),
  drives the epoch-based schedulers (:class:`StepLR`, :class:`MultiStepLR`,
  :class:`CosineAnnealingLR`, :class:`ExponentialLR`), as ``torch.optim.lr_scheduler`` does.
* ``last_call``, advanced by :meth:`Scheduler.step_call` (every optimizer update calls it),
  drives the update-based schedulers (:class:`ExponentialDecay`, :class:`InverseTimeDecay`,
  :class:`PolynomialDecay`, :class:`PiecewiseConstant`, and
  :class:`CosineAnnealingWarmRestarts`, whose epochs are ``num_call_per_epoch`` updates).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.array import as_jax
from brainpy_math._src.public_path import set_module
from brainpy_math._src.variable import Variable

__all__ = [
    "Scheduler",
    "Constant",
    "ExponentialDecay",
    "InverseTimeDecay",
    "PolynomialDecay",
    "PiecewiseConstant",
    "StepLR",
    "MultiStepLR",
    "CosineAnnealingLR",
    "CosineAnnealingWarmRestarts",
    "ExponentialLR",
    "make_schedule",
]


def check_lr(lr: Any, owner: str) -> float:
    """Return ``lr`` as a float, or raise naming ``lr`` when it is not a number >= 0."""
    if isinstance(lr, bool) or not isinstance(lr, (int, float)):
        try:
            lr = float(as_jax(lr))
        except (TypeError, ValueError):
            raise TypeError(
                f"{owner}: lr must be a float or a Scheduler, got {type(lr).__name__}: {lr!r}."
            ) from None
    lr = float(lr)
    if not math.isfinite(lr) or lr < 0:
        raise ValueError(f"{owner}: lr must be a finite number >= 0, got lr={lr!r}.")
    return lr


def _check_positive_int(value: Any, name: str, owner: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{owner}: {name} must be a positive int, got {name}={value!r}.")
    return value


def _check_positive(value: Any, name: str, owner: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"{owner}: {name} must be a number > 0, got {name}={value!r}.")
    return float(value)


class Scheduler:
    """Base class of learning-rate schedulers (BrainPy's ``brainpy.optim.Scheduler``).

    Args:
      lr: the initial learning rate, a number >= 0.
      last_epoch: the index of the last finished epoch; ``-1`` (the default) starts at epoch 0,
        as in ``torch.optim.lr_scheduler``.
      last_call: the index of the last optimizer update (keyword; the per-update schedulers
        also take it positionally after ``last_epoch``, as in 2.3.5); ``-1`` starts at 0.

    Examples:
      >>> import brainpy_math as bm
      >>> sch = bm.optimizers.StepLR(0.1, step_size=2)
      >>> round(float(sch()), 6)
      0.1
      >>> sch.step_epoch()
      >>> sch.step_epoch()
      >>> round(float(sch()), 6)
      0.01
    """

    #: ``"epoch"`` or ``"call"``: which counter :meth:`__call__` reads by default.
    counter: str = "epoch"

    def __init__(self, lr: float, last_epoch: int = -1, *, last_call: int = -1):
        owner = type(self).__name__
        self.lr = check_lr(lr, owner)
        for name, value in (("last_epoch", last_epoch), ("last_call", last_call)):
            if isinstance(value, bool) or not isinstance(value, int) or value < -1:
                raise ValueError(f"{owner}: {name} must be an int >= -1, got {value!r}.")
        # Like torch, which steps once on construction: the epoch (update) now running.
        self.last_epoch = Variable(jnp.asarray(last_epoch + 1, jnp.int32))
        self.last_call = Variable(jnp.asarray(last_call + 1, jnp.int32))

    def step_epoch(self) -> None:
        """Advance the epoch counter by one (call it at the end of each epoch)."""
        self.last_epoch.value = self.last_epoch.value + 1

    def step_call(self) -> None:
        """Advance the update counter by one (optimizers call it after each update)."""
        self.last_call.value = self.last_call.value + 1

    def __call__(self, i: Any = None) -> jax.Array:
        """The learning rate at step ``i`` (default: the current epoch or update count)."""
        if i is None:
            i = self.last_epoch.value if self.counter == "epoch" else self.last_call.value
        return jnp.asarray(self._at(jnp.asarray(as_jax(i))), jnp.float32)

    def _at(self, i: jax.Array) -> jax.Array:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(lr={self.lr})"


class Constant(Scheduler):
    """A constant learning rate; a float ``lr`` given to an optimizer becomes one.

    Examples:
      >>> import brainpy_math as bm
      >>> float(bm.optimizers.Constant(0.5)(100))
      0.5
    """

    def _at(self, i: jax.Array) -> jax.Array:
        return jnp.full(jnp.shape(i), self.lr, jnp.float32)


class ExponentialDecay(Scheduler):
    """``lr * decay_rate ** (i / decay_steps)`` after ``i`` updates.

    Args:
      lr: the initial learning rate.
      decay_steps: the number of updates over which the rate is multiplied by ``decay_rate``.
      decay_rate: the decay factor, > 0.
      last_epoch: see :class:`Scheduler`.
      last_call: the index of the last update; ``-1`` (the default) starts at update 0.

    Examples:
      >>> import brainpy_math as bm
      >>> round(float(bm.optimizers.ExponentialDecay(1.0, 10, 0.5)(20)), 6)
      0.25
    """

    counter = "call"

    def __init__(
        self,
        lr: float,
        decay_steps: int,
        decay_rate: float,
        last_epoch: int = -1,
        last_call: int = -1,
    ):
        super().__init__(lr, last_epoch, last_call=last_call)
        self.decay_steps = _check_positive_int(decay_steps, "decay_steps", type(self).__name__)
        self.decay_rate = _check_positive(decay_rate, "decay_rate", type(self).__name__)

    def _at(self, i: jax.Array) -> jax.Array:
        return self.lr * self.decay_rate ** (i / self.decay_steps)


class InverseTimeDecay(Scheduler):
    """``lr / (1 + decay_rate * i / decay_steps)`` after ``i`` updates.

    Args:
      lr: the initial learning rate.
      decay_steps: the update count that one unit of ``decay_rate`` refers to.
      decay_rate: the decay rate, >= 0.
      staircase: if true, ``i / decay_steps`` is rounded down to an integer.
      last_epoch: see :class:`Scheduler`.
      last_call: the index of the last update; ``-1`` (the default) starts at update 0.

    Examples:
      >>> import brainpy_math as bm
      >>> float(bm.optimizers.InverseTimeDecay(1.0, 10, 1.0, staircase=True)(19))
      0.5
    """

    counter = "call"

    def __init__(
        self,
        lr: float,
        decay_steps: int,
        decay_rate: float,
        staircase: bool = False,
        last_epoch: int = -1,
        last_call: int = -1,
    ):
        super().__init__(lr, last_epoch, last_call=last_call)
        owner = type(self).__name__
        self.decay_steps = _check_positive_int(decay_steps, "decay_steps", owner)
        if (
            isinstance(decay_rate, bool)
            or not isinstance(decay_rate, (int, float))
            or decay_rate < 0
        ):
            raise ValueError(f"{owner}: decay_rate must be a number >= 0, got {decay_rate!r}.")
        self.decay_rate = float(decay_rate)
        self.staircase = bool(staircase)

    def _at(self, i: jax.Array) -> jax.Array:
        ratio = i / self.decay_steps
        if self.staircase:
            ratio = jnp.floor(ratio)
        return self.lr / (1 + self.decay_rate * ratio)


class PolynomialDecay(Scheduler):
    """Polynomial decay from ``lr`` to ``final_lr`` over ``decay_steps`` updates, then constant.

    ``(lr - final_lr) * (1 - min(i, decay_steps) / decay_steps) ** power + final_lr``.

    Args:
      lr: the initial learning rate.
      decay_steps: the number of updates the decay lasts.
      final_lr: the learning rate reached after ``decay_steps`` updates.
      power: the power of the polynomial (1 is linear).
      last_epoch: see :class:`Scheduler`.
      last_call: the index of the last update; ``-1`` (the default) starts at update 0.

    Examples:
      >>> import brainpy_math as bm
      >>> sch = bm.optimizers.PolynomialDecay(1.0, 10, 0.0)
      >>> float(sch(5)), float(sch(50))
      (0.5, 0.0)
    """

    counter = "call"

    def __init__(
        self,
        lr: float,
        decay_steps: int,
        final_lr: float,
        power: float = 1.0,
        last_epoch: int = -1,
        last_call: int = -1,
    ):
        super().__init__(lr, last_epoch, last_call=last_call)
        owner = type(self).__name__
        self.decay_steps = _check_positive_int(decay_steps, "decay_steps", owner)
        self.final_lr = check_lr(final_lr, owner + " (final_lr)")
        self.power = _check_positive(power, "power", owner)

    def _at(self, i: jax.Array) -> jax.Array:
        frac = 1 - jnp.minimum(i, self.decay_steps) / self.decay_steps
        return (self.lr - self.final_lr) * frac**self.power + self.final_lr


class PiecewiseConstant(Scheduler):
    """``values[k]`` where ``k`` is the number of ``boundaries`` that update ``i`` has reached.

    Args:
      boundaries: increasing update counts at which the rate changes.
      values: the rates, one more than ``boundaries``; ``values[0]`` is the initial rate.
      last_epoch: see :class:`Scheduler`.
      last_call: the index of the last update; ``-1`` (the default) starts at update 0.

    Examples:
      >>> import brainpy_math as bm
      >>> sch = bm.optimizers.PiecewiseConstant([2, 4], [1.0, 0.5, 0.25])
      >>> [float(sch(i)) for i in range(6)]
      [1.0, 1.0, 0.5, 0.5, 0.25, 0.25]
    """

    counter = "call"

    def __init__(
        self,
        boundaries: Sequence[int],
        values: Sequence[float],
        last_epoch: int = -1,
        last_call: int = -1,
    ):
        owner = type(self).__name__
        boundaries = [int(b) for b in boundaries]
        values = [check_lr(v, owner + " (values)") for v in values]
        if len(values) != len(boundaries) + 1:
            raise ValueError(
                f"{owner}: values must have one more entry than boundaries, got "
                f"{len(values)} values and {len(boundaries)} boundaries."
            )
        if any(b >= c for b, c in zip(boundaries, boundaries[1:])):
            raise ValueError(f"{owner}: boundaries must increase, got boundaries={boundaries}.")
        super().__init__(values[0], last_epoch, last_call=last_call)
        self.boundaries = tuple(boundaries)
        self.values = tuple(values)

    def _at(self, i: jax.Array) -> jax.Array:
        k = jnp.sum(i[..., None] >= jnp.asarray(self.boundaries, jnp.int32), axis=-1)
        return jnp.asarray(self.values, jnp.float32)[k]


class StepLR(Scheduler):
    """BrainPy implementation of :class:`torch.optim.lr_scheduler.StepLR`.

    ``lr * gamma ** (epoch // step_size)``.

    Args:
      lr: the initial learning rate.
      step_size: the number of epochs between decays.
      gamma: the multiplicative decay factor.
      last_epoch: see :class:`Scheduler`.

    Examples:
      >>> import brainpy_math as bm
      >>> round(float(bm.optimizers.StepLR(1.0, step_size=3, gamma=0.5)(7)), 6)
      0.25
    """

    def __init__(self, lr: float, step_size: int, gamma: float = 0.1, last_epoch: int = -1):
        super().__init__(lr, last_epoch)
        self.step_size = _check_positive_int(step_size, "step_size", type(self).__name__)
        self.gamma = _check_positive(gamma, "gamma", type(self).__name__)

    def _at(self, i: jax.Array) -> jax.Array:
        return self.lr * self.gamma ** jnp.floor_divide(i, self.step_size)


class MultiStepLR(Scheduler):
    """BrainPy implementation of :class:`torch.optim.lr_scheduler.MultiStepLR`.

    ``lr * gamma ** (number of milestones <= epoch)``.

    Args:
      lr: the initial learning rate.
      milestones: increasing epoch indices at which the rate is multiplied by ``gamma``.
      gamma: the multiplicative decay factor.
      last_epoch: see :class:`Scheduler`.

    Examples:
      >>> import brainpy_math as bm
      >>> sch = bm.optimizers.MultiStepLR(1.0, milestones=[1, 3], gamma=0.5)
      >>> [float(sch(i)) for i in range(4)]
      [1.0, 0.5, 0.5, 0.25]
    """

    def __init__(
        self, lr: float, milestones: Sequence[int], gamma: float = 0.1, last_epoch: int = -1
    ):
        super().__init__(lr, last_epoch)
        owner = type(self).__name__
        milestones = [int(m) for m in milestones]
        if any(b >= c for b, c in zip(milestones, milestones[1:])):
            raise ValueError(f"{owner}: milestones must increase, got milestones={milestones}.")
        self.milestones = tuple(milestones)
        self.gamma = _check_positive(gamma, "gamma", owner)

    def _at(self, i: jax.Array) -> jax.Array:
        k = jnp.sum(i[..., None] >= jnp.asarray(self.milestones, jnp.int32), axis=-1)
        return self.lr * self.gamma**k


class CosineAnnealingLR(Scheduler):
    """BrainPy implementation of :class:`torch.optim.lr_scheduler.CosineAnnealingLR`.

    ``eta_min + (lr - eta_min) * (1 + cos(pi * epoch / T_max)) / 2`` (the closed form; torch
    computes it recursively, which agrees to rounding).

    Args:
      lr: the initial (maximum) learning rate.
      T_max: the number of epochs of a half cosine period.
      eta_min: the minimum learning rate.
      last_epoch: see :class:`Scheduler`.

    Examples:
      >>> import brainpy_math as bm
      >>> round(float(bm.optimizers.CosineAnnealingLR(1.0, T_max=4)(2)), 6)
      0.5
    """

    def __init__(self, lr: float, T_max: int, eta_min: float = 0.0, last_epoch: int = -1):
        super().__init__(lr, last_epoch)
        self.T_max = _check_positive_int(T_max, "T_max", type(self).__name__)
        self.eta_min = check_lr(eta_min, type(self).__name__ + " (eta_min)")

    def _at(self, i: jax.Array) -> jax.Array:
        cos = jnp.cos(jnp.pi * i / self.T_max)
        return self.eta_min + (self.lr - self.eta_min) * (1 + cos) / 2


class CosineAnnealingWarmRestarts(Scheduler):
    """BrainPy implementation of :class:`torch.optim.lr_scheduler.CosineAnnealingWarmRestarts`.

    Cosine annealing from ``lr`` to ``eta_min`` over ``T_i`` epochs, then a restart at
    ``lr``; the first period has ``T_0`` epochs and each next one ``T_mult`` times more. The
    scheduler counts optimizer updates: epoch ``e`` is update ``i`` with
    ``e = floor(i / num_call_per_epoch)`` (:meth:`current_epoch`). Within period ``k`` at
    ``T_cur`` epochs since the restart the rate is
    ``eta_min + (lr - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2``.

    Args:
      lr: the initial (maximum) learning rate.
      num_call_per_epoch: the number of optimizer updates in one epoch.
      T_0: the number of epochs of the first period.
      T_mult: the growth factor of the periods, an int >= 1.
      eta_min: the minimum learning rate.
      last_epoch: see :class:`Scheduler`.
      last_call: the index of the last finished update; ``-1`` starts at update 0.

    Examples:
      >>> import brainpy_math as bm
      >>> sch = bm.optimizers.CosineAnnealingWarmRestarts(1.0, num_call_per_epoch=10, T_0=2)
      >>> [round(float(sch(i)), 3) for i in (0, 10, 20, 30)]  # restart at epoch 2
      [1.0, 0.5, 1.0, 0.5]
    """

    counter = "call"

    def __init__(
        self,
        lr: float,
        num_call_per_epoch: int,
        T_0: int,
        T_mult: int = 1,
        eta_min: float = 0.0,
        last_epoch: int = -1,
        last_call: int = -1,
    ):
        super().__init__(lr, last_epoch)
        owner = type(self).__name__
        self.num_call_per_epoch = _check_positive_int(
            num_call_per_epoch, "num_call_per_epoch", owner
        )
        self.T_0 = _check_positive_int(T_0, "T_0", owner)
        self.T_mult = _check_positive_int(T_mult, "T_mult", owner)
        self.eta_min = check_lr(eta_min, owner + " (eta_min)")
        if isinstance(last_call, bool) or not isinstance(last_call, int) or last_call < -1:
            raise ValueError(f"{owner}: last_call must be an int >= -1, got {last_call!r}.")
        self.last_call.value = jnp.asarray(last_call + 1, jnp.int32)

    def current_epoch(self, i: Any = None) -> jax.Array:
        """The epoch of update ``i`` (default: the current update count)."""
        i = self.last_call.value if i is None else jnp.asarray(as_jax(i))
        return jnp.floor_divide(i, self.num_call_per_epoch)

    def _at(self, i: jax.Array) -> jax.Array:
        epoch = self.current_epoch(i).astype(jnp.float32)
        if self.T_mult == 1:
            t_cur = jnp.mod(epoch, self.T_0)
            t_i = jnp.full_like(epoch, self.T_0)
        else:
            # Period n starts at epoch T_0 (T_mult^n - 1) / (T_mult - 1).
            n = jnp.floor(jnp.log(epoch / self.T_0 * (self.T_mult - 1) + 1) / jnp.log(self.T_mult))
            start = self.T_0 * (self.T_mult**n - 1) / (self.T_mult - 1)
            # Rounding of the logarithm at a period's first epoch: move to the right period.
            n = jnp.where(epoch < start, n - 1, n)
            n = jnp.where(
                epoch >= self.T_0 * (self.T_mult ** (n + 1) - 1) / (self.T_mult - 1), n + 1, n
            )
            start = self.T_0 * (self.T_mult**n - 1) / (self.T_mult - 1)
            t_cur = epoch - start
            t_i = self.T_0 * self.T_mult**n
        cos = jnp.cos(jnp.pi * t_cur / t_i)
        return self.eta_min + (self.lr - self.eta_min) * (1 + cos) / 2


class ExponentialLR(Scheduler):
    """BrainPy implementation of :class:`torch.optim.lr_scheduler.ExponentialLR`.

    ``lr * gamma ** epoch``.

    Args:
      lr: the initial learning rate.
      gamma: the multiplicative decay factor per epoch.
      last_epoch: see :class:`Scheduler`.

    Examples:
      >>> import brainpy_math as bm
      >>> float(bm.optimizers.ExponentialLR(1.0, gamma=0.5)(3))
      0.125
    """

    def __init__(self, lr: float, gamma: float, last_epoch: int = -1):
        super().__init__(lr, last_epoch)
        self.gamma = _check_positive(gamma, "gamma", type(self).__name__)

    def _at(self, i: jax.Array) -> jax.Array:
        return self.lr * self.gamma**i


def make_schedule(scalar_or_schedule: float | Scheduler, owner: str = "Optimizer") -> Scheduler:
    """Return ``scalar_or_schedule`` if it is a :class:`Scheduler`, else a :class:`Constant` of it.

    Args:
      scalar_or_schedule: a learning rate (a number >= 0) or a scheduler (2.3.5's name).
      owner: who asks, for the error message.

    Raises:
      ValueError: a learning rate that is not a number >= 0.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.optimizers.make_schedule(0.1)
      Constant(lr=0.1)
    """
    if isinstance(scalar_or_schedule, Scheduler):
        return scalar_or_schedule
    return Constant(check_lr(scalar_or_schedule, owner))


set_module(
    "brainpy_math.optimizers",
    Scheduler,
    Constant,
    ExponentialDecay,
    InverseTimeDecay,
    PolynomialDecay,
    PiecewiseConstant,
    StepLR,
    MultiStepLR,
    CosineAnnealingLR,
    CosineAnnealingWarmRestarts,
    ExponentialLR,
    make_schedule,
)

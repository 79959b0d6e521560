"""Spike encoders: turn values into spike trains (BrainPy 2.3.5's ``brainpy.encoding``).

* :class:`PoissonEncoder`: each step, a spike with probability equal to the (scaled) value;
* :class:`LatencyEncoder`: one spike per period, earlier for larger values;
* :class:`WeightedPhaseEncoder`: the value written in binary over phases of weight
  :math:`2^{-(k+1)}` (Kim et al., 2018).

Encoders are :class:`brainpy_math.BrainPyObject`, pure JAX, and usable inside ``bm.jit`` and
``bm.for_loop``; spikes have the dtype of the (floating) input.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.object import BrainPyObject

__all__ = ["Encoder", "PoissonEncoder", "LatencyEncoder", "WeightedPhaseEncoder"]


def _float_input(x: Any) -> jax.Array:
    x = jnp.asarray(bm.as_jax(x))
    return x if jnp.issubdtype(x.dtype, jnp.floating) else x.astype(bm.get_float())


def _check_range(who: str, min_val: Any, max_val: Any) -> None:
    for arg, value in (("min_val", min_val), ("max_val", max_val)):
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            raise ValueError(f"{who}: {arg} must be a finite number, got {value!r}.")
    if not max_val > min_val:
        raise ValueError(
            f"{who}: max_val must be larger than min_val, got {min_val} and {max_val}."
        )


def _check_count(who: str, arg: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{who}: {arg} must be an int >= 1, got {value!r}.")
    return value


class Encoder(BrainPyObject):
    """Base class of spike encoders: ``encoder(x, ...)`` returns spikes.

    Args:
      name: the object name.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Threshold(bd.encoding.Encoder):
      ...     '''A spike wherever the input exceeds a threshold.'''
      ...     def __init__(self, threshold=0.5):
      ...         super().__init__()
      ...         self.threshold = threshold
      ...     def __call__(self, x):
      ...         return bm.asarray(x) > self.threshold
      >>> Threshold()(bm.Array([0.2, 0.8]))
      Array([False,  True], dtype=bool)
      >>> isinstance(bd.encoding.PoissonEncoder(), bd.encoding.Encoder)
      True
    """

    def __init__(self, name: str | None = None):
        super().__init__(name=name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Encode; subclasses implement it."""
        raise NotImplementedError(f"{type(self).__name__} must implement __call__.")

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class PoissonEncoder(Encoder):
    r"""Poisson (Bernoulli per step) spikes with a probability given by the value.

    BrainPy implementation of ``brainpy.encoding.PoissonEncoder`` (2.3.5). With ``min_val``
    and ``max_val`` the value is first scaled to :math:`p = (x - \min)/(\max - \min)`;
    without them :math:`p = x`. Each element spikes with probability :math:`p` (clipped to
    ``[0, 1]``), independently at every step.

    Args:
      min_val: the value encoded by probability 0 (with ``max_val``).
      max_val: the value encoded by probability 1 (with ``min_val``).
      seed: the seed of the encoder's own generator (``None``: drawn from
        ``brainpy_math.random.DEFAULT``).

    Examples:
      >>> import brainpy_dyn as bd
      >>> enc = bd.encoding.PoissonEncoder(seed=0)
      >>> spikes = enc(bd.init.Constant(0.5)((4,)).value, num_step=1000)
      >>> spikes.shape, 0.4 < float(spikes.mean()) < 0.6
      ((1000, 4), True)
    """

    def __init__(
        self, min_val: float | None = None, max_val: float | None = None, seed: Any = None
    ):
        super().__init__()
        if (min_val is None) != (max_val is None):
            raise ValueError(
                "PoissonEncoder: give both min_val and max_val, or neither, got "
                f"min_val={min_val!r}, max_val={max_val!r}."
            )
        if min_val is not None:
            _check_range("PoissonEncoder", min_val, max_val)
        self.min_val, self.max_val = min_val, max_val
        self.rng = bm.random.default_rng(seed)

    def __call__(self, x: Any, num_step: int | None = None) -> jax.Array:
        """Spikes for ``x``: shape ``x.shape``, or ``(num_step, *x.shape)`` for several steps."""
        x = _float_input(x)
        if self.min_val is not None:
            x = (x - self.min_val) / (self.max_val - self.min_val)
        if num_step is not None:
            _check_count("PoissonEncoder", "num_step", num_step)
        shape = x.shape if num_step is None else (num_step, *x.shape)
        draw = bm.as_jax(self.rng.random(shape))
        return (draw < x).astype(x.dtype)

    def __repr__(self) -> str:
        return f"PoissonEncoder(min_val={self.min_val!r}, max_val={self.max_val!r})"


class LatencyEncoder(Encoder):
    r"""One spike per period, at a latency that decreases with the value.

    BrainPy implementation of ``brainpy.encoding.LatencyEncoder`` (2.3.5). The value is
    scaled to :math:`u = (x - \min)/(\max - \min) \in [0, 1]` (and clipped), and spikes at
    step :math:`t` of every period of ``num_period`` steps, where

    * ``method='linear'``: :math:`t = \mathrm{round}((T - 1)(1 - u))`;
    * ``method='log'``: :math:`t = \mathrm{round}(T - 1 - \ln(\alpha u + 1))` with
      :math:`\alpha = e^{T - 1} - 1`,

    so the largest value spikes first (step 0) and the smallest last (step :math:`T - 1`).

    Args:
      min_val: the value of the latest spike.
      max_val: the value of the earliest spike.
      num_period: the period :math:`T` (steps).
      method: ``'linear'`` or ``'log'``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_dyn as bd
      >>> enc = bd.encoding.LatencyEncoder(0., 1., num_period=5)
      >>> x = jnp.array([1., 0.5, 0.])
      >>> [enc(x, i).tolist() for i in range(5)]
      [[1.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    """

    def __init__(self, min_val: float, max_val: float, num_period: int, method: str = "linear"):
        super().__init__()
        _check_range("LatencyEncoder", min_val, max_val)
        self.min_val, self.max_val = float(min_val), float(max_val)
        self.num_period = _check_count("LatencyEncoder", "num_period", num_period)
        if method not in ("linear", "log"):
            raise ValueError(f"LatencyEncoder: method must be 'linear' or 'log', got {method!r}.")
        self.method = method

    def latency(self, x: Any) -> jax.Array:
        """The step of the period (``0 .. num_period - 1``) at which ``x`` spikes."""
        x = _float_input(x)
        u = jnp.clip((x - self.min_val) / (self.max_val - self.min_val), 0.0, 1.0)
        last = self.num_period - 1.0
        if self.method == "linear":
            t = last * (1.0 - u)
        else:
            alpha = math.expm1(last)
            t = last - jnp.log1p(alpha * u)
        return jnp.rint(t).astype(jnp.int32)

    def __call__(self, input: Any, i_step: Any) -> jax.Array:
        """The spikes of step ``i_step`` (an int or a traced step index)."""
        x = _float_input(input)
        return (self.latency(x) == jnp.asarray(i_step) % self.num_period).astype(x.dtype)

    def __repr__(self) -> str:
        return (
            f"LatencyEncoder(min_val={self.min_val}, max_val={self.max_val}, "
            f"num_period={self.num_period}, method={self.method!r})"
        )


class WeightedPhaseEncoder(Encoder):
    r"""Weighted-phase coding: the value written in binary over ``num_phase`` steps.

    BrainPy implementation of ``brainpy.encoding.WeightedPhaseEncoder`` (2.3.5), after Kim
    et al. (2018), "Deep neural networks with weighted spikes", Neurocomputing. Step
    :math:`i` has the weight :math:`\omega(i) = 2^{-(1 + i \bmod K)}` (or ``weight_fun(i)``).
    The value is scaled so that ``max_val`` becomes :math:`1 - \omega(K - 1)` (the sum of
    one period's weights) and ``min_val`` 0; then, step by step, a spike is emitted when the
    remainder is at least the step's weight, which is then subtracted. The spikes of one
    period, weighted by :math:`\omega`, add up to the scaled value (to within the last
    weight).

    Args:
      min_val: the value written as no spike.
      max_val: the value written as a spike at every phase.
      num_phase: the number of phases :math:`K` of a period.
      weight_fun: ``weight_fun(i) -> weight`` of step ``i`` (default :math:`2^{-(1 + i
        \bmod K)}`).

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_dyn as bd
      >>> enc = bd.encoding.WeightedPhaseEncoder(0., 1., num_phase=4)
      >>> enc(jnp.array([0.7, 0.]), num_step=4).tolist()  # 0.7 * 15/16 = 0.5 + 0.125 + ...
      [[1.0, 0.0], [0.0, 0.0], [1.0, 0.0], [0.0, 0.0]]
    """

    def __init__(
        self,
        min_val: float,
        max_val: float,
        num_phase: int,
        weight_fun: Callable[[Any], Any] | None = None,
    ):
        super().__init__()
        _check_range("WeightedPhaseEncoder", min_val, max_val)
        self.min_val, self.max_val = float(min_val), float(max_val)
        self.num_phase = _check_count("WeightedPhaseEncoder", "num_phase", num_phase)
        if weight_fun is not None and not callable(weight_fun):
            raise ValueError(
                f"WeightedPhaseEncoder: weight_fun must be callable or None, got {weight_fun!r}."
            )
        self.weight_fun = weight_fun if weight_fun is not None else self._binary_weight
        full = float(self.weight_fun(self.num_phase - 1))
        self.scale = (1.0 - full) / (self.max_val - self.min_val)

    def _binary_weight(self, i: Any) -> Any:
        return 2.0 ** (-(jnp.asarray(i) % self.num_phase + 1.0))

    def __call__(self, input: Any, num_step: int) -> jax.Array:
        """The spikes of ``num_step`` steps, shape ``(num_step, *input.shape)``."""
        x = _float_input(input)
        _check_count("WeightedPhaseEncoder", "num_step", num_step)
        remainder = (x - self.min_val) * self.scale

        def step(rest: jax.Array, i: jax.Array) -> tuple[jax.Array, jax.Array]:
            w = jnp.asarray(self.weight_fun(i), x.dtype)
            spike = rest >= w
            return rest - jnp.where(spike, w, 0.0).astype(x.dtype), spike.astype(x.dtype)

        _, spikes = jax.lax.scan(step, remainder.astype(x.dtype), jnp.arange(num_step))
        return spikes

    def __repr__(self) -> str:
        return (
            f"WeightedPhaseEncoder(min_val={self.min_val}, max_val={self.max_val}, "
            f"num_phase={self.num_phase})"
        )


bm.set_module("brainpy_dyn.encoding", Encoder, PoissonEncoder, LatencyEncoder, WeightedPhaseEncoder)

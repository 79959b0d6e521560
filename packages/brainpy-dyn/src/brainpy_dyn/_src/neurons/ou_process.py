"""The Ornstein–Uhlenbeck noise group, ``OUProcess``."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.context import share
from brainpy_dyn._src.dynsys import NeuGroupNS
from brainpy_dyn._src.initialize.helpers import parameter, variable_
from brainpy_dyn._src.integrators.sde.generic import sdeint
from brainpy_dyn._src.neurons.base import as_value, check_finite, check_positive

__all__ = ["OUProcess"]


class OUProcess(NeuGroupNS):
    r"""A group of independent Ornstein–Uhlenbeck processes (coloured noise).

    BrainPy implementation of ``brainpy.neurons.OUProcess`` (2.3.5):

    .. math::

       dx = \frac{\mu - x}{\tau}\,dt + \sigma\,dW

    with ``x`` starting at ``mean`` (``μ``). Each step draws fresh Wiener increments from
    :data:`brainpy_math.random.DEFAULT` (``bm.random.seed`` makes runs reproducible), and
    :meth:`update` returns the new ``x``, so the group can drive another group's input.
    With the default ``method='exp_euler'`` a step is the AR(1) recursion
    ``x' = μ + (x - μ) e^{-dt/τ} + σ √dt ξ``, whose stationary variance is
    ``σ² dt / (1 - e^{-2 dt/τ})`` (``→ σ² τ / 2`` as ``dt → 0``).

    Args:
      size: the number of processes, or the group's shape.
      mean: the mean ``μ`` (a number, a per-process array or an initializer).
      sigma: the noise amplitude ``σ`` (``>= 0``).
      tau: the time constant ``τ`` (ms, ``> 0``).
      method: the method of :func:`~brainpy_dyn.integrators.sdeint`.
      keep_size: keep ``size`` as the Variables' shape.
      mode: ``NonBatchingMode`` or ``BatchingMode`` (each batch row is its own path).
      name: the group's name.

    Attributes:
      x: the processes' current values.

    Raises:
      ValueError: ``sigma < 0``, ``tau <= 0``, a parameter of the wrong shape, or an
        unknown ``method``.

    Examples:
      >>> import math
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> ou = bd.neurons.OUProcess(10_000, mean=2., sigma=0.5, tau=10.)
      >>> bm.random.seed(0)
      >>> def step(i):
      ...     bd.share.save(t=i * 0.1, dt=0.1)
      ...     return ou()
      >>> xs = bm.for_loop(step, bm.arange(2000))  # 20 time constants
      >>> var = 0.5**2 * 0.1 / (1 - math.exp(-2 * 0.1 / 10.))  # 1.2625, about σ² τ / 2
      >>> abs(float(xs[-1].mean()) - 2.) < 0.05, abs(float(xs[-1].var()) - var) < 0.05
      (True, True)
      >>> bd.share.clear_shargs()
    """

    supported_modes = (bm.NonBatchingMode, bm.BatchingMode)
    x: bm.Variable

    def __init__(
        self,
        size: int | tuple[int, ...],
        mean: Any = 0.0,
        sigma: Any = 1.0,
        tau: Any = 10.0,
        method: str = "exp_euler",
        keep_size: bool = False,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(size, keep_size=keep_size, name=name, mode=mode)
        who = type(self).__name__
        self.mean = parameter(mean, self.varshape, allow_none=False, name="mean")
        check_finite(self.mean, who, "mean")
        self.sigma = parameter(sigma, self.varshape, allow_none=False, name="sigma")
        check_positive(self.sigma, who, "sigma", strict=False)
        self.tau = parameter(tau, self.varshape, allow_none=False, name="tau")
        check_positive(self.tau, who, "tau")
        try:
            self.integral = sdeint(f=self.df, g=self.dg, method=method)
        except (TypeError, ValueError) as e:
            raise type(e)(f"{who}: {e}") from None
        self.reset_state(self.mode)

    def df(self, x: jax.Array, t: Any) -> jax.Array:
        """The drift, ``(mean - x) / tau``."""
        return jnp.asarray((as_value(self.mean) - x) / as_value(self.tau))

    def dg(self, x: jax.Array, t: Any) -> Any:
        """The diffusion, ``sigma``."""
        return as_value(self.sigma)

    def _batch(self, batch_size: Any) -> Any:
        """``None`` → this group's mode; a ``BatchingMode`` → its ``batch_size``."""
        return bm.modes.batch_size_of(batch_size, self.mode)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Set ``x`` back to ``mean`` (``batch_size=None``: the mode's own layout)."""
        mean = as_value(self.mean)
        dtype = bm.get_float()
        new = variable_(
            lambda s: jnp.broadcast_to(jnp.asarray(mean, dtype), s), self.varshape,
            self._batch(batch_size),
        )  # fmt: skip
        cur = self.__dict__.get("x")
        if isinstance(cur, bm.Variable) and cur.batch_axis == new.batch_axis:
            cur.value = new.value  # refilled in place: compiled loops keep the same Variable
            return
        if cur is not None:
            object.__delattr__(self, "x")
        self.x = new

    def update(self, x: Any = None) -> jax.Array:
        """Advance the processes by one step of ``dt = share.load('dt')``; return ``x``."""
        if x is not None:
            raise TypeError(f"{type(self).__name__}.update: the group takes no input, got x={x!r}.")
        t, dt = share.load("t"), share.load("dt")
        self.x.value = self.integral(self.x.value, t, dt=dt)
        return jnp.asarray(self.x.value)

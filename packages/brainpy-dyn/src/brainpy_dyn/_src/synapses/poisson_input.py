"""``PoissonInput``: the summed spikes of many independent Poisson sources, added to a Variable."""

from __future__ import annotations

import numbers
from typing import Any

import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.context import share
from brainpy_dyn._src.dynsys import DynamicalSystem
from brainpy_dyn._src.params import check_finite
from brainpy_math import random as bm_random

__all__ = ["PoissonInput"]


class PoissonInput(DynamicalSystem):
    r"""Add the input of ``num_input`` independent Poisson sources to a Variable.

    BrainPy implementation of ``brainpy.synapses.PoissonInput`` (2.3.5). Every element of
    ``target_var`` receives its own ``num_input`` sources, each firing at ``freq`` Hz. In a
    step of ``dt`` ms each source fires with probability ``p = freq · dt / 1000``, so the
    number of spikes is binomial and each step adds

    .. math::
       x \mathrel{+}= w \cdot k, \qquad k \sim \mathrm{Binomial}(N, p),

    with mean ``w N p`` and variance ``w² N p (1 − p)``. The count is drawn exactly (2.3.5
    replaced it by a normal draw when ``N p`` and ``N (1 − p)`` exceeded 5, with the
    variance ``N p (1 − p)`` passed as the standard deviation).

    Args:
      target_var: the Variable that receives the input (e.g. ``neurons.V`` or
        ``neurons.input``).
      num_input: the number of sources per element, an int ``>= 1``.
      freq: the firing rate of each source (Hz), ``>= 0``.
      weight: what one spike adds.
      seed: the seed of this input's own generator; ``None`` uses the global
        ``brainpy_math.random`` generator's key stream.
      mode: the computing mode.
      name: the object name.

    Raises:
      TypeError: ``target_var`` is not a Variable.
      ValueError: ``num_input``, ``freq`` or ``weight`` is not a number in range.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> v = bm.Variable(bm.zeros(4))
      >>> inp = bd.synapses.PoissonInput(v, num_input=10, freq=1000., weight=0.5)
      >>> inp({'t': 0., 'dt': 1.})   # every source fires (p = 1)
      >>> v.value.tolist()
      [5.0, 5.0, 5.0, 5.0]
    """

    def __init__(
        self,
        target_var: bm.Variable,
        num_input: int,
        freq: float,
        weight: float,
        seed: int | None = None,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name, mode=mode)
        if not isinstance(target_var, bm.Variable):
            raise TypeError(
                f"{self.name}: target_var must be a brainpy.math.Variable (e.g. neurons.V), "
                f"got {type(target_var).__name__}: {target_var!r}."
            )
        if isinstance(num_input, bool) or not isinstance(num_input, numbers.Integral):
            raise ValueError(f"{self.name}: num_input must be an int >= 1, got {num_input!r}.")
        if num_input < 1:
            raise ValueError(f"{self.name}: num_input must be an int >= 1, got {num_input!r}.")
        for arg, value in (("freq", freq), ("weight", weight)):
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise ValueError(f"{self.name}: {arg} must be a number, got {arg}={value!r}.")
            check_finite(value, self.name, arg)
        if not freq >= 0:
            raise ValueError(f"{self.name}: freq must be >= 0 Hz, got freq={freq!r}.")
        self.target_var = target_var
        self.num_input = int(num_input)
        self.freq = float(freq)
        self.weight = float(weight)
        self.seed = seed
        self.rng = bm_random.default_rng(seed)

    def reset_state(self, batch_size: Any = None) -> None:
        """The input holds no state (the generator is not re-seeded)."""

    def update(self, tdi: Any = None) -> None:
        """Draw this step's spike counts and add ``weight ×`` them to ``target_var``."""
        dt = share.load("dt")
        p = jnp.clip(self.freq * dt / 1000.0, 0.0, 1.0)
        target = self.target_var
        counts = self.rng.binomial(self.num_input, p, size=target.shape)
        inc = bm.as_jax(counts).astype(target.dtype) * self.weight
        target.value = target.value + inc

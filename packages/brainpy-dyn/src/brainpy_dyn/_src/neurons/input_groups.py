"""Input groups: Poisson spike trains and spikes at given times."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.context import share
from brainpy_dyn._src.dynsys import NeuGroupNS
from brainpy_dyn._src.initialize.helpers import parameter, variable_
from brainpy_dyn._src.neurons.base import as_value, check_positive
from brainpy_math import random as bm_random

__all__ = ["PoissonGroup", "SpikeTimeGroup"]


class _InputGroup(NeuGroupNS):
    supported_modes = (bm.NonBatchingMode, bm.BatchingMode)

    def _batch(self, batch_size: Any) -> Any:
        """``None`` → this group's mode; a ``BatchingMode`` → its ``batch_size``."""
        return bm.modes.batch_size_of(batch_size, self.mode)

    def _reset_spike(self, batch_size: Any) -> None:
        dtype = bm.get_float() if isinstance(self.mode, bm.TrainingMode) else bool
        new = variable_(lambda s: jnp.zeros(s, dtype=dtype), self.varshape, self._batch(batch_size))
        cur = self.__dict__.get("spike")
        if isinstance(cur, bm.Variable) and cur.ndim == new.ndim and cur.dtype == new.dtype:
            cur.value = new.value
        else:
            if cur is not None:
                object.__delattr__(self, "spike")
            self.spike = new

    def _emit(self, fired: jax.Array) -> jax.Array:
        spike = jnp.broadcast_to(fired, self.spike.shape).astype(self.spike.dtype)
        self.spike.value = spike
        return spike

    def _no_input(self, x: Any) -> None:
        if x is not None:
            raise TypeError(
                f"{type(self).__name__}.update: an input group takes no input, got x={x!r}."
            )


class PoissonGroup(_InputGroup):
    """Neurons that fire as independent Poisson processes.

    BrainPy implementation of ``brainpy.neurons.PoissonGroup`` (2.3.5). In each step
    every neuron fires with probability ``freqs * dt / 1000`` (``freqs`` in Hz, ``dt``
    in ms): ``spike = rand < freqs * dt / 1000``. The random numbers come from the
    group's own generator ``rng`` (a :class:`brainpy_math.random.RandomState`
    Variable), so compiled loops advance it by themselves.

    Args:
      size: the number of neurons, or the group's shape.
      freqs: the firing rates in Hz (a number, a per-neuron array or an initializer).
      seed: the seed of the group's generator; ``None`` splits one off the global
        ``brainpy_math.random`` generator (reproducible after
        ``brainpy_math.random.seed``).
      keep_size: keep ``size`` as the Variables' shape.
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode`` (float spikes).
      name: the group's name.

    Raises:
      ValueError: a negative rate.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.PoissonGroup(1000, freqs=50., seed=1)
      >>> bd.share.save(t=0., dt=1.)
      >>> rates = bm.for_loop(lambda i: group().mean(), bm.arange(200))  # 200 ms
      >>> bool(abs(float(rates.mean()) * 1000. - 50.) < 2.)
      True
      >>> bd.share.clear_shargs()
    """

    def __init__(
        self,
        size: int | tuple[int, ...],
        freqs: Any,
        seed: int | None = None,
        keep_size: bool = False,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(size, keep_size=keep_size, name=name, mode=mode)
        self.freqs = parameter(freqs, self.varshape, allow_none=False, name="freqs")
        check_positive(self.freqs, type(self).__name__, "freqs", strict=False)
        self.seed = seed
        self.rng = bm_random.default_rng(seed)
        self.reset_state(self.mode)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Zero the spikes (``batch_size=None``: the mode's own layout).

        The generator is not re-seeded: a reset run draws new numbers.
        """
        self._reset_spike(batch_size)

    def update(self, x: Any = None) -> jax.Array:
        """Draw this step's spikes."""
        self._no_input(x)
        dt = share.load("dt")
        u = bm.as_jax(self.rng.random(self.spike.shape))
        return self._emit(u < as_value(self.freqs) * dt / 1000.0)


class SpikeTimeGroup(_InputGroup):
    """Neurons that fire at given times.

    BrainPy implementation of ``brainpy.neurons.SpikeTimeGroup`` (2.3.5). Neuron
    ``indices[k]`` fires at ``times[k]``. Times are matched to steps exactly: the
    spike is emitted in the step whose start time ``t`` satisfies
    ``round(t / dt) == round(times[k] / dt)``, so no spike is lost or doubled by
    floating-point drift. Each step costs ``O(len(times))``.

    Args:
      size: the number of neurons, or the group's shape (indices then count the
        neurons in flat, row-major order).
      times: the spike times (ms).
      indices: the neuron of each spike (``0 <= index < num``).
      need_sort: accepted for 2.3.5 compatibility; the times need no order here.
      keep_size: keep ``size`` as the Variables' shape.
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode`` (float spikes;
        every batch element gets the same spikes).
      name: the group's name.

    Raises:
      ValueError: ``times`` and ``indices`` differ in length, an index is out of
        range, or a time is not finite.

    Note:
      2.3.5 emits a spike at the first step whose start time is ``>= times[k]``;
      here the step is the nearest one (``round``), as for every time-to-step
      conversion in this project.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.SpikeTimeGroup(3, times=[0.2, 0.3, 0.3], indices=[0, 1, 2])
      >>> def step(t):
      ...     bd.share.save(t=t, dt=0.1)
      ...     return group()
      >>> bm.for_loop(step, bm.arange(5) * 0.1).value.astype(int)
      Array([[0, 0, 0],
             [0, 0, 0],
             [1, 0, 0],
             [0, 1, 1],
             [0, 0, 0]], dtype=int32)
      >>> bd.share.clear_shargs()
    """

    def __init__(
        self,
        size: int | tuple[int, ...],
        times: Any,
        indices: Any,
        need_sort: bool = True,
        keep_size: bool = False,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(size, keep_size=keep_size, name=name, mode=mode)
        who = type(self).__name__
        times = np.asarray(bm.as_jax(times), dtype=np.float64).reshape(-1)
        indices = np.asarray(bm.as_jax(indices)).reshape(-1)
        if times.shape != indices.shape:
            raise ValueError(
                f"{who}: times and indices must have the same length, got {times.size} "
                f"times and {indices.size} indices."
            )
        if not np.all(np.isfinite(times)):
            raise ValueError(f"{who}: times must be finite numbers, got {times!r}.")
        if indices.size and (
            not np.issubdtype(indices.dtype, np.integer)
            or indices.min() < 0
            or indices.max() >= self.num
        ):
            raise ValueError(f"{who}: indices must be ints in [0, {self.num}), got {indices!r}.")
        self.need_sort = need_sort
        self.times = jnp.asarray(times, dtype=bm.get_float())
        self.indices = bm.as_jax(np.asarray(indices, dtype=np.int32))
        self._times64 = times
        self.reset_state(self.mode)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Zero the spikes (``batch_size=None``: the mode's own layout)."""
        self._reset_spike(batch_size)

    def update(self, x: Any = None) -> jax.Array:
        """Emit the spikes of this step."""
        self._no_input(x)
        t, dt = share.load("t"), share.load("dt")
        if isinstance(dt, (int, float)):
            steps = bm.as_jax(np.round(self._times64 / dt).astype(np.int32))
        else:
            steps = jnp.round(self.times / dt).astype(jnp.int32)
        k = jnp.round(t / dt).astype(jnp.int32)
        flat = jnp.zeros(self.num, dtype=bool).at[self.indices].max(steps == k)
        return self._emit(flat.reshape(self.varshape))

"""Leak channels: ``IL`` and the potassium leak ``IKL``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax

import brainpy_math as bm
from brainpy_dyn._src.channels.ions import LeakyChannel
from brainpy_dyn._src.neurons.base import as_value

__all__ = ["IL", "IKL"]


class IL(LeakyChannel):
    """The leak current ``I = g_max (E - V)``.

    BrainPy implementation of ``brainpy.channels.IL`` (2.3.5). It has no state.

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the parameters' shape.
      g_max: the leak conductance (mS/cm²).
      E: the leak reversal potential (mV).
      method: unused (a leak has nothing to integrate).
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> float(bd.channels.IL(1, g_max=0.1, E=-70.).current(-60.))
      -1.0
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        g_max: Any = 0.1,
        E: Any = -70.0,
        method: str | None = None,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, name=name, keep_size=keep_size, mode=mode)
        self.E = self._param(E, "E")
        self.g_max = self._param(g_max, "g_max")
        self.method = method

    def reset_state(self, V: Any, batch_size: Any = None) -> None:
        """Nothing to reset."""

    def update(self, tdi: Any, V: Any) -> None:
        """Nothing to advance."""

    def current(self, V: Any) -> jax.Array:
        """``g_max (E - V)``."""
        return as_value(self.g_max) * (as_value(self.E) - bm.as_jax(V))


class IKL(IL):
    """The potassium leak current ``I = g_max (E - V)`` (``E = -90`` mV by default).

    BrainPy implementation of ``brainpy.channels.IKL`` (2.3.5).

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the parameters' shape.
      g_max: the leak conductance (mS/cm²).
      E: the potassium reversal potential (mV).
      method: unused.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> round(float(bd.channels.IKL(1).current(-80.)), 4)
      -0.05
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        g_max: Any = 0.005,
        E: Any = -90.0,
        method: str | None = None,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(
            size, keep_size=keep_size, g_max=g_max, E=E, method=method, name=name, mode=mode
        )

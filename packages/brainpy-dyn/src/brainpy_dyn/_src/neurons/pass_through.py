"""Pass-through groups that mark where values enter and leave a model: ``InputGroup``, ``OutputGroup``."""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.dynsys import NeuGroupNS

__all__ = ["InputGroup", "OutputGroup"]


class _PassThrough(NeuGroupNS):
    """A stateless group whose ``update(x)`` returns ``x`` after checking its shape."""

    spike: None

    def __init__(
        self,
        size: int | tuple[int, ...],
        keep_size: bool = False,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(size, keep_size=keep_size, name=name, mode=mode)
        self.spike = None  # as in 2.3.5: a placeholder has no spikes

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Nothing to reset: the group has no state."""

    def update(self, x: Any) -> Any:
        """Return ``x`` unchanged.

        Raises:
          TypeError: ``x`` is missing (``None``).
          ValueError: ``x`` does not have the group's shape (``varshape``, with a leading
            batch axis in a ``BatchingMode``).
        """
        who = f"{type(self).__name__}.update"
        if x is None:
            raise TypeError(f"{who}: x (the values to pass through) is required, got None.")
        shape = tuple(jnp.shape(bm.as_jax(x)))
        n = len(self.varshape)
        batched = isinstance(self.mode, bm.BatchingMode)
        ok = shape[len(shape) - n :] == self.varshape and len(shape) == n + int(batched)
        if not ok:
            want = f"(batch, {', '.join(map(str, self.varshape))})" if batched else self.varshape
            raise ValueError(f"{who}: x must have shape {want}, got shape {shape}.")
        return x


class InputGroup(_PassThrough):
    """A placeholder group through which values enter a model.

    BrainPy implementation of ``brainpy.neurons.InputGroup`` (2.3.5): a stateless group of
    ``size`` units whose :meth:`update` returns its input unchanged, so that a network can
    name the entry point of external data (for example the presynaptic side of a
    projection fed from a dataset).

    Args:
      size: the number of units, or the group's shape.
      keep_size: keep ``size`` as the expected shape of ``x`` (else it is flat).
      mode: ``NonBatchingMode`` (``x`` of shape ``varshape``) or a ``BatchingMode``
        (``x`` of shape ``(batch, *varshape)``).
      name: the group's name.

    Attributes:
      spike: ``None`` (kept for 2.3.5 compatibility).

    Note:
      2.3.5 passes any ``x`` through; here ``x`` must have the group's shape, so that a
      wrongly sized input fails where it enters.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> inp = bd.neurons.InputGroup(3)
      >>> inp(bm.array([1., 2., 3.]))
      Array([1., 2., 3.], dtype=float32)
      >>> inp(bm.ones(4))
      Traceback (most recent call last):
      ...
      ValueError: InputGroup.update: x must have shape (3,), got shape (4,).
    """


class OutputGroup(_PassThrough):
    """A placeholder group through which values leave a model.

    BrainPy implementation of ``brainpy.neurons.OutputGroup`` (2.3.5): a stateless group of
    ``size`` units whose :meth:`update` returns its input unchanged, marking the read-out
    point of a network.

    Args:
      size: the number of units, or the group's shape.
      keep_size: keep ``size`` as the expected shape of ``x`` (else it is flat).
      mode: ``NonBatchingMode`` (``x`` of shape ``varshape``) or a ``BatchingMode``
        (``x`` of shape ``(batch, *varshape)``).
      name: the group's name.

    Attributes:
      spike: ``None`` (kept for 2.3.5 compatibility).

    Note:
      2.3.5 passes any ``x`` through; here ``x`` must have the group's shape.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> out = bd.neurons.OutputGroup((2, 2), keep_size=True, mode=bm.BatchingMode(5))
      >>> out(bm.zeros((5, 2, 2))).shape
      (5, 2, 2)
    """

"""``NoSharedArg``: call a system's ``update`` without the shared data (2.3.5's wrapper)."""

from __future__ import annotations

from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.dynsys import DynamicalSystem

__all__ = ["NoSharedArg"]


class NoSharedArg(DynamicalSystem):
    """Wrap a system whose ``update`` takes no shared data, for callers that pass it.

    BrainPy implementation of ``brainpy.NoSharedArg`` (2.3.5). A caller using the old
    convention calls ``wrapper(shared, *args)``; the wrapper drops ``shared`` (it is saved
    into ``share`` first, where the target can still read ``t``/``dt``) and calls
    ``target.update(*args)``. Resets go to the target.

    Args:
      target: the wrapped :class:`~brainpy_dyn.DynamicalSystem`.
      name: the object name.

    Raises:
      TypeError: ``target`` is not a DynamicalSystem.

    Examples:
      >>> import brainpy_dyn as bd
      >>> class Double(bd.DynamicalSystemNS):
      ...     def update(self, x):
      ...         return 2 * x
      >>> bd.NoSharedArg(Double())({'t': 0., 'dt': 0.1}, 3.)
      6.0
    """

    def __init__(self, target: DynamicalSystem, name: str | None = None):
        if not isinstance(target, DynamicalSystem):
            raise TypeError(
                f"NoSharedArg: target must be a DynamicalSystem, got "
                f"{type(target).__name__}: {target!r}."
            )
        super().__init__(name=name, mode=target.mode)
        self.target = target

    def update(self, tdi: Any, *args: Any, **kwargs: Any) -> Any:
        """Call ``target.update(*args, **kwargs)`` (``tdi``, the shared data, is dropped)."""
        return self.target.update(*args, **kwargs)

    def reset(self, batch_size: int | bm.Mode | None = None) -> None:
        """Reset the target."""
        self.target.reset(batch_size)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Reset the target's state."""
        self.target.reset_state(batch_size)


bm.set_module("brainpy_dyn", NoSharedArg)

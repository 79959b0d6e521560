"""``share``: the data every model may read during a time step (``t``, ``i``, ``dt`` …).

``share`` is a plain module-level object (:class:`ShareContext`), not a
``DynamicalSystem`` as it was in BrainPy 2.3.5 (V2.4.4 made the same change): it holds no
Variables and no delays. :class:`~brainpy_dyn.DSRunner` saves ``t``, ``i``, ``dt`` and
``fit`` before each step and restores what ``share`` held before the step after it; outside a
runner, save what your models read yourself (``share.save(t=0., i=0)``).
"""

from __future__ import annotations

import math
from collections.abc import KeysView
from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.errors import ShareKeyError, ShareTypeError, ShareValueError

__all__ = ["DotDict", "ShareContext", "share"]

_MISSING: Any = object()


class DotDict(dict):
    """A ``dict`` whose items are also attributes (``d.t`` is ``d['t']``).

    Examples:
      >>> from brainpy_dyn._src.context import DotDict
      >>> d = DotDict(t=0.5)
      >>> d.t, d['t']
      (0.5, 0.5)
    """

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no item {key!r}.") from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no item {key!r}.") from None


def _check_dt(dt: Any) -> Any:
    if isinstance(dt, bool) or (isinstance(dt, (int, float)) and not (0 < dt < math.inf)):
        raise ShareValueError(f"share: dt must be a positive finite number, got {dt!r}.")
    return dt


class ShareContext:
    """The global store of shared per-step data; use the singleton :data:`share`.

    Examples:
      >>> import brainpy_dyn as bd
      >>> share = bd.share
      >>> share.save('t', 1.0, 'i', 10)        # positional (name, value) pairs
      >>> share.save(fit=False)                # keyword form
      >>> share.load('t'), share['i'], share.load('missing', None)
      (1.0, 10, None)
      >>> share.load('dt')                     # falls back to brainpy_math.get_dt()
      0.1
      >>> share.clear_shargs()
      >>> share.load('t')
      Traceback (most recent call last):
      ...
      brainpy_dyn.errors.ShareKeyError: share.load: no shared value named 't'; known keys: ['dt']. Save it first (share.save(t=...)) or pass a default.
    """

    def __init__(self) -> None:
        self._arguments: dict[str, Any] = {}

    # ------------------------------------------------------------------- dt
    @property
    def dt(self) -> Any:
        """The step saved as ``'dt'``, else the global :func:`brainpy_math.get_dt`."""
        return self._arguments["dt"] if "dt" in self._arguments else bm.get_dt()

    @dt.setter
    def dt(self, dt: Any) -> None:
        self.set_dt(dt)

    def set_dt(self, dt: Any) -> None:
        """Save ``dt`` (a positive number, or a traced scalar)."""
        self._arguments["dt"] = _check_dt(dt)

    # ------------------------------------------------------------ save/load
    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save values: ``save('t', 0., 'i', 0)`` (any number of pairs) or ``save(t=0., i=0)``.

        Raises:
          ShareValueError: an odd number of positional arguments.
          ShareTypeError: a positional name that is not a string.
        """
        if len(args) % 2:
            raise ShareValueError(
                "share.save: positional arguments must be (name, value) pairs, got "
                f"{len(args)} argument(s): {args!r}."
            )
        pairs = list(zip(args[0::2], args[1::2])) + list(kwargs.items())
        for key, value in pairs:
            self[key] = value

    def load(self, key: str, default: Any = _MISSING) -> Any:
        """The value saved as ``key``; ``default`` (any value, ``None`` included) if absent.

        Raises:
          ShareKeyError: ``key`` was never saved and no default was given; the message lists
            the known keys.
        """
        if key == "dt":
            return self.dt
        try:
            return self._arguments[key]
        except KeyError:
            if default is not _MISSING:
                return default
        raise ShareKeyError(
            f"share.load: no shared value named {key!r}; known keys: {sorted(self.keys())}. "
            f"Save it first (share.save({key}=...)) or pass a default."
        )

    def __getitem__(self, key: str) -> Any:
        return self.load(key)

    def __setitem__(self, key: str, value: Any) -> None:
        if not isinstance(key, str):
            raise ShareTypeError(f"share: a shared value name must be a str, got {key!r}.")
        if key == "dt":
            value = _check_dt(value)
        self._arguments[key] = value

    def __delitem__(self, key: str) -> None:
        self.clear_shargs(key)

    def __contains__(self, key: object) -> bool:
        return key == "dt" or key in self._arguments

    def keys(self) -> KeysView[str]:
        """The names of the saved values, ``'dt'`` included."""
        return {"dt": None, **self._arguments}.keys()

    def get_shargs(self) -> DotDict:
        """A copy of every saved value, with ``dt`` (saved or global) included."""
        return DotDict({"dt": self.dt, **self._arguments})

    def clear_shargs(self, *names: str) -> None:
        """Forget the given names (missing ones are ignored), or everything without names."""
        if not names:
            self._arguments.clear()
        for name in names:
            self._arguments.pop(name, None)

    def clear(self) -> None:
        """Forget every saved value (same as :meth:`clear_shargs` without names)."""
        self._arguments.clear()

    # ------------------------------------------------ 2.3.5 compatibility
    def update(self, *args: Any, **kwargs: Any) -> None:
        """A no-op kept for BrainPy 2.3.5 code (``share`` no longer holds delays)."""

    def reset_state(self, batch_size: Any = None) -> None:
        """A no-op kept for BrainPy 2.3.5 code (``share`` no longer holds delays)."""

    reset = reset_state

    # -------------------------------------------------- runner bookkeeping
    def _snapshot(self) -> dict[str, Any]:
        return dict(self._arguments)

    def _restore(self, snapshot: dict[str, Any]) -> None:
        self._arguments.clear()
        self._arguments.update(snapshot)

    def __repr__(self) -> str:
        return f"share({', '.join(f'{k}={v!r}' for k, v in self._arguments.items())})"


#: The global :class:`ShareContext`.
share = ShareContext()

# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
bm.set_module("brainpy_dyn", DotDict, ShareContext)

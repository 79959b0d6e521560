"""Unique object names: automatic ``ClassNameN`` names and checks on explicit ones.

A name is taken while the object that holds it is alive (the registry keeps weak
references), so re-running a script or a notebook cell that builds ``LIF(name='E')`` works once
the old object is gone. :func:`clear_name_cache` forgets every name at once.
"""

from __future__ import annotations

import weakref
from typing import Any

from brainpy_math._src.errors import ObjectNameError
from brainpy_math._src.public_path import set_module

__all__ = ["unique_name", "check_name", "fresh_name", "release_name", "clear_name_cache"]

_NAMES: weakref.WeakValueDictionary[str, Any] = weakref.WeakValueDictionary()
_COUNTS: dict[str, int] = {}


def fresh_name(prefix: str) -> str:
    """A name ``f'{prefix}{n}'`` that no live object holds (the counter only moves forward)."""
    while True:
        count = _COUNTS.get(prefix, 0)
        _COUNTS[prefix] = count + 1
        name = f"{prefix}{count}"
        if name not in _NAMES:
            return name


def check_name(obj: Any, name: Any) -> str:
    """Check that ``obj`` may take ``name``; return it.

    Raises:
      ObjectNameError: ``name`` is not a non-empty string without dots, or another live
        object already has it.
    """
    if not isinstance(name, str) or not name or "." in name:
        raise ObjectNameError(
            f"{type(obj).__name__}: name must be a non-empty string without dots, got {name!r}."
        )
    other = _NAMES.get(name)
    if other is not None and other is not obj:
        raise ObjectNameError(
            f"{type(obj).__name__}: name {name!r} is already used by another live object "
            f"({type(other).__name__}); names must be unique. Pick another name or pass "
            "name=None for an automatic one."
        )
    return name


def unique_name(obj: Any, name: str | None) -> str:
    """Register ``obj`` under ``name`` (or a fresh ``ClassNameN``) and return the name.

    Raises:
      ObjectNameError: ``name`` is not a non-empty string without dots, or another live
        object already has it.
    """
    name = fresh_name(type(obj).__name__) if name is None else check_name(obj, name)
    try:
        _NAMES[name] = obj
    except TypeError:  # not weak-referenceable: the name is checked but not reserved
        pass
    return name


def release_name(name: str, obj: Any) -> None:
    """Forget ``name`` if ``obj`` holds it."""
    if _NAMES.get(name) is obj:
        del _NAMES[name]


def clear_name_cache() -> None:
    """Forget every registered name and restart the automatic counters.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.clear_name_cache()
    """
    _NAMES.clear()
    _COUNTS.clear()


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
set_module("brainpy_math", clear_name_cache)

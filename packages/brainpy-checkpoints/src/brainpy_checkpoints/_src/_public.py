"""Make private objects present themselves under the public module name."""

from __future__ import annotations

from typing import TypeVar

__all__ = ["PUBLIC_MODULE", "set_module"]

PUBLIC_MODULE = "brainpy_checkpoints"

_T = TypeVar("_T")


def set_module(obj: _T) -> _T:
    """Set ``obj.__module__`` to ``brainpy_checkpoints``.

    Reprs, pickles, tracebacks and the API docs then show the public path, never
    ``_src`` (the pattern of ``jax._src.util.set_module``).
    """
    obj.__module__ = PUBLIC_MODULE
    return obj

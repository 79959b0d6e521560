"""Deprecated public names, served through the package's module ``__getattr__`` (STYLE rule 8)."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from brainpy_math._src.array import Array
from brainpy_math._src.surrogate.legacy import LEGACY_SPIKE_FUNCTIONS

__all__ = ["DEPRECATED", "deprecation_getattr"]

#: name -> (message, object). Kept out of ``__all__``; each access warns.
DEPRECATED: dict[str, tuple[str, Any]] = {
    "JaxArray": (
        "brainpy_math.JaxArray is deprecated (BrainPy 2.3 renamed it); use brainpy_math.Array.",
        Array,
    ),
    # spike_with_sigmoid_grad, spike2_with_linear_grad ... (BrainPy 2.3.1 moved them)
    **LEGACY_SPIKE_FUNCTIONS,
}


def deprecation_getattr(module: str, table: dict[str, tuple[str, Any]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that returns deprecated names with a ``DeprecationWarning``."""

    def __getattr__(name: str) -> Any:
        if name in table:
            message, obj = table[name]
            warnings.warn(message, DeprecationWarning, stacklevel=2)
            return obj
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return __getattr__

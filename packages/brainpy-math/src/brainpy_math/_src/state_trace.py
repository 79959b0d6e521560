"""Recording which Variables a function reads and writes while it is traced.

The transformations of brainpy_math (``jit``, ``for_loop``, ``cond``, ``grad`` …)
find a function's state by running it once under a :class:`StateTrace`: every
``Variable.value`` read or write lands in the innermost active trace. A nested
transformation reads and writes its Variables from outside its own trace, so its
parent sees them too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from brainpy_math._src.variable import Variable

__all__ = ["StateTrace", "TRACE_STACK", "current_trace"]

#: The active traces, innermost last. A plain list: the check in ``Variable.value``
#: is on every read, so it must cost next to nothing when no trace is active.
TRACE_STACK: list[StateTrace] = []


class StateTrace:
    """Collects Variables in first-access order, and the values written ones had."""

    __slots__ = ("_vars", "_written", "_originals", "_local")

    def __init__(self) -> None:
        self._vars: dict[int, Variable] = {}
        self._written: dict[int, Variable] = {}
        self._originals: dict[int, Any] = {}
        # Variables created during the trace are the function's own temporaries, not
        # state from outside; they are kept alive here so their ids stay unique.
        self._local: dict[int, Variable] = {}

    def __enter__(self) -> StateTrace:
        TRACE_STACK.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        popped = TRACE_STACK.pop()
        assert popped is self, "StateTrace stack corrupted"

    def created(self, var: Variable) -> None:
        self._local[id(var)] = var

    def read(self, var: Variable) -> None:
        key = id(var)
        if key not in self._local:
            self._vars.setdefault(key, var)

    def write(self, var: Variable) -> None:
        key = id(var)
        if key in self._local:
            return
        if key not in self._originals:
            self._originals[key] = var._value
        self._vars.setdefault(key, var)
        self._written.setdefault(key, var)

    @property
    def variables(self) -> list[Variable]:
        """Every Variable read or written, in first-access order."""
        return list(self._vars.values())

    @property
    def written(self) -> list[Variable]:
        """The Variables written, in first-write order."""
        return list(self._written.values())

    def restore(self) -> None:
        """Put back the values that written Variables had before the trace."""
        for key, var in self._written.items():
            var._value = self._originals[key]


def current_trace() -> StateTrace | None:
    """The innermost active trace, or ``None`` outside any transformation."""
    return TRACE_STACK[-1] if TRACE_STACK else None

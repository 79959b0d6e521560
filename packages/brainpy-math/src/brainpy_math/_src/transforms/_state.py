"""The machinery that every transformation shares: find, load and write back state.

A transformation turns a function that reads and writes Variables into a pure
function ``pure(state_values, *args) -> (out, new_values)`` that JAX can trace. The
Variables are found once per call signature by :func:`discover`, which runs the
function abstractly (no FLOPs, nothing compiled) under a
:class:`~brainpy_math._src.state_trace.StateTrace`.
"""

from __future__ import annotations

import contextlib
import inspect
import types
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import jax

from brainpy_math._src.errors import MathError
from brainpy_math._src.state_trace import TRACE_STACK, StateTrace
from brainpy_math._src.variable import Variable

__all__ = [
    "FunctionCache",
    "LRUCache",
    "weak_callable",
    "discover",
    "is_variable",
    "read_values",
    "write_back",
    "swapped_in",
    "checked_trace",
]


def is_variable(x: Any) -> bool:
    return isinstance(x, Variable)


class LRUCache:
    """A small least-recently-used map for compiled entries."""

    def __init__(self, maxsize: int = 256):
        self._data: OrderedDict[Any, Any] = OrderedDict()
        self._maxsize = maxsize

    def get(self, key: Any) -> Any:
        try:
            value = self._data[key]
        except KeyError:
            return None
        self._data.move_to_end(key)
        return value

    def put(self, key: Any, value: Any) -> None:
        self._data[key] = value
        if len(self._data) > self._maxsize:
            self._data.popitem(last=False)

    def clear(self) -> None:
        self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


class FunctionCache:
    """Compiled entries per user function, kept only while that function lives.

    Entries are filed under the function (or, for a bound method, under the object
    it belongs to) in a weak-key map, so caching a model's step never keeps the model
    alive. Build entries from :func:`weak_callable`, not from the function itself:
    an entry that referenced the function strongly would keep its own key alive.
    """

    def __init__(self, maxsize: int = 64):
        self._by_owner: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._fallback = LRUCache(256)
        self._maxsize = maxsize

    def _slot(self, fun: Any) -> LRUCache:
        owner = fun.__self__ if inspect.ismethod(fun) else fun
        try:
            slot = self._by_owner.get(owner)
            if slot is None:
                slot = self._by_owner[owner] = LRUCache(self._maxsize)
        except TypeError:  # not weak-referenceable
            return self._fallback
        return slot

    def get(self, fun: Any, key: Any) -> Any:
        return self._slot(fun).get(key)

    def put(self, fun: Any, key: Any, value: Any) -> None:
        self._slot(fun).put(key, value)


def weak_callable(fun: Any) -> Any:
    """A zero-argument callable returning ``fun``, holding it weakly where possible."""
    if inspect.ismethod(fun):
        func, owner = fun.__func__, fun.__self__
        try:
            owner_ref = weakref.ref(owner)
        except TypeError:
            return lambda: fun
        return lambda: types.MethodType(func, owner_ref())
    try:
        ref = weakref.ref(fun)
    except TypeError:
        return lambda: fun
    return ref


def leaf_signature(leaf: Any) -> Any:
    """What of a leaf decides a trace: shape and dtype for arrays, the value otherwise."""
    if isinstance(leaf, Variable):
        return ("var", id(leaf))
    shape = getattr(leaf, "shape", None)
    if shape is not None and hasattr(leaf, "dtype"):
        return (tuple(shape), leaf.dtype, getattr(leaf, "weak_type", False))
    if isinstance(leaf, (bool, int, float, complex)):
        return type(leaf)
    try:
        hash(leaf)
    except TypeError:
        return ("id", id(leaf))
    return ("static", leaf)


def discover(trace_fn: Callable[[], Any]) -> StateTrace:
    """Run ``trace_fn`` (which must trace, not execute) and record its Variables.

    Values written while tracing are put back afterwards, even on error.
    """
    with StateTrace() as trace:
        try:
            trace_fn()
        finally:
            trace.restore()
    return trace


def read_values(variables: Sequence[Variable]) -> list[Any]:
    """The current values; recorded by an enclosing trace if there is one."""
    if TRACE_STACK:
        return [v.value for v in variables]
    return [v._value for v in variables]


def write_back(variables: Sequence[Variable], values: Sequence[Any]) -> None:
    """Store the values a transformation computed; recorded by an enclosing trace."""
    if TRACE_STACK:
        trace = TRACE_STACK[-1]
        for v, x in zip(variables, values):
            trace.write(v)
            v._value = x
    else:
        for v, x in zip(variables, values):
            v._value = x


@contextlib.contextmanager
def swapped_in(variables: Sequence[Variable], values: Sequence[Any]) -> Iterator[None]:
    """Temporarily give ``variables`` the (traced) ``values``; restore them after."""
    originals = [v._value for v in variables]
    try:
        for v, x in zip(variables, values):
            v._value = x
        yield
    finally:
        for v, x in zip(variables, originals):
            v._value = x


@contextlib.contextmanager
def checked_trace(known: Sequence[Variable], where: str) -> Iterator[StateTrace]:
    """Trace a pure function body and verify it touches only the known Variables."""
    with StateTrace() as trace:
        yield trace
    known_ids = {id(v) for v in known}
    unknown = [v for v in trace.variables if id(v) not in known_ids]
    if unknown:
        trace.restore()
        raise MathError(
            f"{where}: the function touched {len(unknown)} Variable(s) while compiling that it "
            f"did not touch while being inspected (shapes {[u.shape for u in unknown]}). "
            "Its Python control flow must not depend on traced values."
        )


def flatten_with_variables(tree: Any) -> tuple[list[Any], Any]:
    """Flatten ``tree`` keeping Variables as leaves."""
    return jax.tree_util.tree_flatten(tree, is_leaf=is_variable)

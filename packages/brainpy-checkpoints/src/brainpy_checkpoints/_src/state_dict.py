"""The state-dict registry: how objects become storable trees and back.

BrainPy implementation of Flax's ``to_state_dict``/``from_state_dict`` protocol,
with BrainPy 2.3.5's rules (``brainpy/_src/checkpoints/serialization.py``):

* ``dict`` (and subclasses) → ``{str(key): state}``; ``list`` and ``tuple`` →
  ``{'0': …, '1': …}``; a namedtuple → ``{field: state}``;
  ``jax.tree_util.Partial`` → ``{'args': …, 'keywords': …}``.
* Any object with ``__jax_array__`` and a settable ``value`` attribute (a
  ``brainpy_math.Variable`` or ``Array``) → its ``.value``; restoring assigns the
  stored array back *in place* and returns the same object. The package does not
  import ``brainpy_math``: the rule is duck-typed.
* Other objects with ``__jax_array__`` → their array.
* Everything else is a leaf, stored as it is.

Restoring with a target checks the tree: dict keys must match exactly, sequence
lengths and namedtuple fields must agree, and array leaves must have the target's
shape and dtype. A mismatch raises :class:`CheckpointStructureError` naming the
position (``['layer']['w']``) and both values. In-place assignments are collected
and applied only after the whole tree fitted, so a failed restore changes nothing.
"""

from __future__ import annotations

import contextvars
import copy
import sys
from collections.abc import Callable
from typing import Any

import numpy as np

from brainpy_checkpoints._src._public import set_module
from brainpy_checkpoints._src.errors import CheckpointSerializationError, CheckpointStructureError

__all__ = ["from_state_dict", "register_serialization_state", "to_state_dict"]

_ToFn = Callable[[Any], Any]
_FromFn = Callable[[Any, Any], Any]

# Insertion-ordered: subclasses are matched against it in registration order.
_REGISTRY: dict[type, tuple[_ToFn, _FromFn]] = {}


class _Session:
    """One ``from_state_dict`` call: the current tree path and pending assignments."""

    def __init__(self) -> None:
        self.path: list[str] = []
        self.assignments: list[tuple[Any, Any]] = []

    def where(self) -> str:
        return "".join(self.path) or "the root"

    def mismatch(self, message: str) -> CheckpointStructureError:
        return CheckpointStructureError(f"at {self.where()}: {message}", path="".join(self.path))


_SESSION: contextvars.ContextVar[_Session | None] = contextvars.ContextVar(
    "brainpy_checkpoints_restore", default=None
)


@set_module
def register_serialization_state(
    ty: type,
    ty_to_state_dict: _ToFn,
    ty_from_state_dict: _FromFn,
    override: bool = False,
) -> None:
    """Teach :func:`to_state_dict` and :func:`from_state_dict` about a class.

    BrainPy implementation of ``flax.serialization.register_serialization_state``.

    Args:
      ty: the class. Instances of subclasses use the handler too, unless a more
        specific class is registered (exact classes first, then subclasses in
        registration order).
      ty_to_state_dict: ``f(obj) -> state``: a dict with ``str`` keys whose values
        go through :func:`to_state_dict` (call it on children), or a leaf.
      ty_from_state_dict: ``f(target, state) -> obj``: rebuild an object like
        ``target`` from ``state``; call :func:`from_state_dict` with ``name=`` on
        children so errors name their position.
      override: replace an existing registration instead of raising.

    Raises:
      ValueError: ``ty`` is registered already and ``override`` is false.

    Examples:
      >>> import brainpy_checkpoints as bc
      >>> class Point:
      ...     def __init__(self, x, y):
      ...         self.x, self.y = x, y
      >>> bc.register_serialization_state(
      ...     Point,
      ...     lambda p: {'x': p.x, 'y': p.y},
      ...     lambda p, s: Point(bc.from_state_dict(p.x, s['x'], name='x'),
      ...                        bc.from_state_dict(p.y, s['y'], name='y')),
      ... )
      >>> bc.to_state_dict(Point(1, 2))
      {'x': 1, 'y': 2}
      >>> bc.from_state_dict(Point(0, 0), {'x': 3, 'y': 4}).y
      4
    """
    if not isinstance(ty, type):
        raise TypeError(f"register_serialization_state: ty must be a class, got {ty!r}.")
    if ty in _REGISTRY and not override:
        raise ValueError(
            f"register_serialization_state: a handler for {ty.__qualname__} is already "
            "registered; pass override=True to replace it."
        )
    _REGISTRY[ty] = (ty_to_state_dict, ty_from_state_dict)


def _settable_value(obj: Any) -> bool:
    attr = getattr(type(obj), "value", None)
    if isinstance(attr, property):
        return attr.fset is not None
    return "value" in getattr(obj, "__dict__", ())


def _handler(obj: Any) -> tuple[_ToFn, _FromFn] | None:
    ty = type(obj)
    found = _REGISTRY.get(ty)
    if found is not None:
        return found
    if isinstance(obj, tuple) and hasattr(ty, "_fields"):
        return _namedtuple_to, _namedtuple_from
    for base, pair in _REGISTRY.items():
        if issubclass(ty, base):
            return pair
    if hasattr(ty, "__jax_array__"):
        if _settable_value(obj):
            return _variable_to, _variable_from
        return _jax_array_like_to, _restore_leaf
    jax = sys.modules.get("jax")
    if jax is not None and isinstance(obj, jax.tree_util.Partial):
        return _partial_to, _partial_from
    return None


@set_module
def to_state_dict(target: Any) -> Any:
    """Return the storable state of ``target``: nested dicts with ``str`` keys and leaves.

    BrainPy implementation of ``flax.serialization.to_state_dict``.

    Args:
      target: a pytree of dicts, lists, tuples, namedtuples, Variables, arrays and
        scalars (and of classes registered with :func:`register_serialization_state`).

    Returns:
      The state tree. Arrays are returned as they are (JAX arrays are converted
      to NumPy when written); Variables are replaced by their ``.value``.

    Raises:
      CheckpointSerializationError: two keys of a dict have the same ``str()``.

    Examples:
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> bc.to_state_dict({'w': [np.float32(1.5), (2, 'a')], 3: None})
      {'w': {'0': np.float32(1.5), '1': {'0': 2, '1': 'a'}}, '3': None}
    """
    pair = _handler(target)
    if pair is None:
        return target
    return pair[0](target)


@set_module
def from_state_dict(target: Any, state: Any, name: str | None = None) -> Any:
    """Rebuild ``target``'s structure from ``state``, checking that they fit.

    BrainPy implementation of ``flax.serialization.from_state_dict``. Objects
    with a settable ``value`` and ``__jax_array__`` (``brainpy_math.Variable``) are
    updated in place and returned; arrays come back as writable NumPy arrays of
    the stored dtype (``float64`` stays ``float64`` whatever JAX's x64 setting).

    Args:
      target: the template tree, as passed to :func:`to_state_dict`.
      state: the state tree, as returned by :func:`to_state_dict` or loaded from
        a file.
      name: the key under which ``target`` sits in its parent; used by
        registered ``from_state_dict`` handlers so errors name the full path.

    Returns:
      A tree with ``target``'s structure and ``state``'s values.

    Raises:
      CheckpointStructureError: keys, lengths, fields, shapes, dtypes or leaf
        types differ; the message names the path and both values. Nothing is
        assigned to any Variable in that case.

    Examples:
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> bc.from_state_dict([np.zeros(2), 0], {'0': np.ones(2), '1': 7})
      [array([1., 1.]), 7]
      >>> bc.from_state_dict({'w': np.zeros(2)}, {'w': np.ones(3)})
      Traceback (most recent call last):
      ...
      brainpy_checkpoints.CheckpointStructureError: at ['w']: expected an array of shape (2,) and dtype float64 (target), got an array of shape (3,) and dtype float64 (state)
    """
    session = _SESSION.get()
    if session is not None:
        if name is None:
            return _restore(target, state, session)
        return _restore_child(target, state, f"[{name!r}]", session)
    session = _Session()
    if name is not None:
        session.path.append(f"[{name!r}]")
    token = _SESSION.set(session)
    try:
        result = _restore(target, state, session)
    finally:
        _SESSION.reset(token)
    for obj, value in session.assignments:
        obj.value = value
    return result


def _restore(target: Any, state: Any, session: _Session) -> Any:
    pair = _handler(target)
    if pair is None:
        return _restore_leaf(target, state)
    return pair[1](target, state)


def _restore_child(target: Any, state: Any, step: str, session: _Session) -> Any:
    session.path.append(step)
    try:
        return _restore(target, state, session)
    finally:
        session.path.pop()


def _current() -> _Session:
    session = _SESSION.get()
    if session is None:  # a handler called outside from_state_dict
        session = _Session()
    return session


# ---------------------------------------------------------------- describing values
def _shape_dtype(x: Any) -> tuple[tuple[int, ...], np.dtype] | None:
    if isinstance(x, (np.ndarray, np.generic)):
        return tuple(x.shape), x.dtype
    jax = sys.modules.get("jax")
    if jax is not None and isinstance(x, jax.Array):
        return tuple(x.shape), np.dtype(x.dtype)
    return None


def describe(x: Any) -> str:
    """Describe a value for an error message."""
    sd = _shape_dtype(x)
    if sd is not None and not isinstance(x, np.generic):
        return f"an array of shape {sd[0]} and dtype {sd[1]}"
    if isinstance(x, np.generic):
        return f"a NumPy {x.dtype} scalar {x!r}"
    if isinstance(x, dict):
        keys = sorted(map(str, x))
        shown = keys[:8] + (["…"] if len(keys) > 8 else [])
        return f"a dict with keys {shown}"
    if x is None or isinstance(x, (bool, int, float, complex)):
        return f"{type(x).__name__} {x!r}"
    if isinstance(x, (str, bytes)):
        text = repr(x)
        return f"{type(x).__name__} {text if len(text) <= 40 else text[:37] + '…'}"
    return f"a {type(x).__qualname__} object"


# ------------------------------------------------------------------------ leaves
_PY_SCALARS = (bool, int, float, complex, str, bytes)


def _restore_leaf(target: Any, state: Any) -> Any:
    session = _current()
    expected = _shape_dtype(target)
    if expected is None and hasattr(type(target), "__jax_array__"):
        expected = _shape_dtype(target.__jax_array__())
    if expected is not None:
        got = _shape_dtype(state)
        if got is None or got != expected:
            what = (
                f"an array of shape {expected[0]} and dtype {expected[1]}"
                if not isinstance(target, np.generic)
                else describe(target)
            )
            raise session.mismatch(f"expected {what} (target), got {describe(state)} (state)")
        if isinstance(target, np.generic):
            return state[()] if isinstance(state, np.ndarray) else state
        if isinstance(state, np.generic):
            return np.array(state)
        return state
    if target is None or isinstance(target, _PY_SCALARS):
        return _restore_python_scalar(target, state, session)
    return state


def _restore_python_scalar(target: Any, state: Any, session: _Session) -> Any:
    if target is None:
        ok = state is None
    elif isinstance(target, bool):
        ok = isinstance(state, (bool, np.bool_))
    elif isinstance(target, int):
        ok = isinstance(state, (int, np.integer)) and not isinstance(state, (bool, np.bool_))
    elif isinstance(target, float):
        ok = isinstance(state, (float, np.floating))
    elif isinstance(target, complex):
        ok = isinstance(state, (complex, np.complexfloating))
    else:  # str, bytes
        ok = isinstance(state, type(target))
    if not ok:
        raise session.mismatch(
            f"expected {describe(target)} (target), got {describe(state)} (state)"
        )
    if isinstance(state, np.generic):
        return state.item()
    return state


# ------------------------------------------------------------------------- dicts
def _dict_to(xs: dict[Any, Any]) -> dict[str, Any]:
    out = {str(key): to_state_dict(value) for key, value in xs.items()}
    if len(out) != len(xs):
        seen: dict[str, Any] = {}
        for key in xs:
            if str(key) in seen:
                raise CheckpointSerializationError(
                    f"cannot store a dict whose keys {seen[str(key)]!r} and {key!r} have the "
                    f"same str() {str(key)!r}: checkpoint keys are strings."
                )
            seen[str(key)] = key
    return out


def _check_keys(session: _Session, expected: list[str], state: Any, what: str) -> None:
    if not isinstance(state, dict):
        raise session.mismatch(f"expected {what} (target), got {describe(state)} (state)")
    missing = [key for key in expected if key not in state]
    extra = [key for key in state if key not in set(expected)]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"keys {missing} of the target are missing from the state")
        if extra:
            parts.append(f"the state has keys {extra} that the target lacks")
        raise session.mismatch(f"expected {what} (target), but " + " and ".join(parts))


def _dict_from(target: dict[Any, Any], state: Any) -> dict[Any, Any]:
    session = _current()
    keys = {str(key): key for key in target}
    _check_keys(session, list(keys), state, f"a dict with keys {sorted(keys)}")
    values = {
        key: _restore_child(target[key], state[skey], f"[{skey!r}]", session)
        for skey, key in keys.items()
    }
    if type(target) is dict:
        return values
    try:  # keep the subclass (OrderedDict, defaultdict, brainpy Collector …)
        rebuilt = copy.copy(target)
        rebuilt.clear()
        rebuilt.update(values)
        return rebuilt
    except Exception:
        return values


# --------------------------------------------------------------------- sequences
def _seq_to(xs: list[Any] | tuple[Any, ...]) -> dict[str, Any]:
    return {str(i): to_state_dict(value) for i, value in enumerate(xs)}


def _seq_values(target: list[Any] | tuple[Any, ...], state: Any) -> list[Any]:
    session = _current()
    if isinstance(state, list):  # written by a tool that keeps msgpack arrays
        state = {str(i): value for i, value in enumerate(state)}
    kind = type(target).__name__
    _check_keys(
        session,
        [str(i) for i in range(len(target))],
        state,
        f"a {kind} of length {len(target)} (keys '0'..'{len(target) - 1}')",
    )
    return [
        _restore_child(value, state[str(i)], f"[{i}]", session) for i, value in enumerate(target)
    ]


def _list_from(target: list[Any], state: Any) -> list[Any]:
    return _seq_values(target, state)


def _tuple_from(target: tuple[Any, ...], state: Any) -> tuple[Any, ...]:
    return tuple(_seq_values(target, state))


def _namedtuple_to(nt: Any) -> dict[str, Any]:
    return {field: to_state_dict(getattr(nt, field)) for field in nt._fields}


def _namedtuple_from(target: Any, state: Any) -> Any:
    session = _current()
    fields = list(target._fields)
    _check_keys(session, fields, state, f"a {type(target).__name__} with fields {fields}")
    return type(target)._make(
        _restore_child(getattr(target, field), state[field], f".{field}", session)
        for field in fields
    )


# ------------------------------------------------------- Variables and Partials
def _variable_to(var: Any) -> Any:
    return to_state_dict(var.value)


def _variable_from(var: Any, state: Any) -> Any:
    session = _SESSION.get()
    restored = _restore_leaf(var.value, state)
    if session is None:  # called directly, outside from_state_dict
        var.value = restored
    else:  # assigned once the whole tree fitted
        session.assignments.append((var, restored))
    return var


def _jax_array_like_to(obj: Any) -> Any:
    return obj.__jax_array__()


def _partial_to(p: Any) -> dict[str, Any]:
    return {"args": to_state_dict(tuple(p.args)), "keywords": to_state_dict(dict(p.keywords))}


def _partial_from(target: Any, state: Any) -> Any:
    session = _current()
    _check_keys(session, ["args", "keywords"], state, "a Partial with keys ['args', 'keywords']")
    args = _restore_child(tuple(target.args), state["args"], "['args']", session)
    keywords = _restore_child(dict(target.keywords), state["keywords"], "['keywords']", session)
    return type(target)(target.func, *args, **keywords)


register_serialization_state(dict, _dict_to, _dict_from)
register_serialization_state(list, _seq_to, _list_from)
register_serialization_state(tuple, _seq_to, _tuple_from)

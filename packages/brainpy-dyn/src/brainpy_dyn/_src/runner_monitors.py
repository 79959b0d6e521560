"""Turning ``DSRunner(monitors=...)`` into per-step getters, with clear errors.

Accepted forms (BrainPy 2.3.5's, string values in dicts resolved correctly):

* a list (or tuple) of items: ``'E.spike'`` (a Variable by attribute path, or by a key of
  ``target.vars()``), ``('V', index)`` (that Variable indexed), ``('name', Variable)``;
* a dict ``{key: Variable | (Variable, index) | 'path' | ('path', index) | callable}``; a
  callable receives the step's shared data (``t`` at the end of the step, ``i``, ``dt`` …).
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import Any

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.errors import MonitorKeyError, MonitorValueError
from brainpy_dyn._src.object import BrainPyObject

__all__ = ["find_variable", "build_monitors"]

Getter = Callable[[Any], Any]


def find_variable(target: BrainPyObject, path: str, error: type, what: str) -> bm.Variable:
    """The Variable named ``path`` in ``target``: an attribute path, else a ``vars()`` key.

    Raises:
      error: nothing matches; the message names ``what`` and lists the candidates.
    """
    obj: Any = target
    for part in path.split("."):
        if isinstance(obj, (list, tuple)) and part.isdigit() and int(part) < len(obj):
            obj = obj[int(part)]
        elif isinstance(obj, dict) and part in obj:
            obj = obj[part]
        else:
            obj = getattr(obj, part, None)
        if obj is None:
            break
    if isinstance(obj, bm.Variable):
        return obj
    for method in ("relative", "absolute"):
        found = target.vars(method=method).get(path)
        if found is not None:
            return found
    known = list(target.vars(method="relative"))
    shown = known[:30] + (["..."] if len(known) > 30 else [])
    raise error(
        f"DSRunner: {what} names no Variable {path!r} of {target.name}; its Variables are {shown}."
    )


def _index(index: Any, key: str) -> Any:
    if isinstance(index, slice) or (
        isinstance(index, numbers.Integral) and not isinstance(index, bool)
    ):
        return index
    try:
        arr = np.asarray(bm.as_jax(index))
    except (TypeError, ValueError):
        arr = np.asarray(0.5)
    if not np.issubdtype(arr.dtype, np.integer):
        raise MonitorValueError(
            f"DSRunner: monitor {key!r}: the index must be an int, a slice or an integer "
            f"array, got {index!r}."
        )
    return jnp.asarray(arr)


def _check_range(var: bm.Variable, index: Any, key: str) -> None:
    """An int or integer-array index must lie within the axis it indexes (JAX would clamp it)."""
    if isinstance(index, slice):
        return
    shape = np.shape(var.value)
    if not shape:
        raise MonitorValueError(
            f"DSRunner: monitor {key!r}: the Variable is a scalar and cannot be indexed by {index!r}."
        )
    arr = np.asarray(index)
    n = shape[0]
    outside = arr[(arr < -n) | (arr >= n)]
    if outside.size:
        raise MonitorValueError(
            f"DSRunner: monitor {key!r}: index {outside.ravel()[0]} is out of range for an axis "
            f"of size {n} (the Variable has shape {shape})."
        )


def _var_getter(var: bm.Variable, index: Any = None, key: str = "") -> Getter:
    if index is None:
        return lambda shared: var.value
    _check_range(var, index, key)
    return lambda shared: var.value[index]


def _one(target: BrainPyObject, key: str, spec: Any) -> Getter:
    where = f"monitor {key!r}"
    if isinstance(spec, bm.Variable):
        return _var_getter(spec)
    if isinstance(spec, str):
        return _var_getter(find_variable(target, spec, MonitorKeyError, where))
    if isinstance(spec, tuple) and len(spec) == 2 and isinstance(spec[0], (str, bm.Variable)):
        var = spec[0]
        if isinstance(var, str):
            var = find_variable(target, var, MonitorKeyError, where)
        return _var_getter(var, _index(spec[1], key), key)
    if callable(spec):
        return spec
    raise MonitorValueError(
        f"DSRunner: {where} must be a Variable, a (Variable, index) pair, a name, a "
        f"(name, index) pair or a callable, got {type(spec).__name__}: {spec!r}."
    )


def build_monitors(
    target: BrainPyObject, monitors: Any, fun_monitors: dict[str, Getter] | None = None
) -> list[tuple[str, Getter]]:
    """``[(key, getter(shared))]`` for the runner's ``monitors`` and ``fun_monitors``.

    Raises:
      MonitorKeyError: a name matches no Variable (the message lists the Variables).
      MonitorValueError: a malformed monitor, a bad index, or the reserved key ``'ts'``.
    """
    items: list[tuple[str, Any]] = []
    if monitors is None:
        pass
    elif isinstance(monitors, dict):
        items.extend((str(k), v) for k, v in monitors.items())
    elif isinstance(monitors, (list, tuple)):
        for item in monitors:
            if isinstance(item, str):
                items.append((item, item))
            elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
                if isinstance(item[1], bm.Variable):
                    items.append(item)
                else:
                    items.append((item[0], item))
            else:
                raise MonitorValueError(
                    "DSRunner: a monitors list holds names, (name, index) or (name, Variable) "
                    f"pairs, got {type(item).__name__}: {item!r}."
                )
    else:
        raise MonitorValueError(
            f"DSRunner: monitors must be None, a list or a dict, got {type(monitors).__name__}."
        )
    for key, fn in (fun_monitors or {}).items():
        if not callable(fn):
            raise MonitorValueError(
                f"DSRunner: fun_monitors[{key!r}] must be callable, got {fn!r}."
            )
        items.append((str(key), fn))
    out: dict[str, Getter] = {}
    for key, spec in items:
        if key == "ts":
            raise MonitorValueError(
                "DSRunner: 'ts' is reserved for the monitor times; rename the monitor."
            )
        out[key] = _one(target, key, spec)
    return list(out.items())

"""Turning ``jax.numpy``-style functions into brainpy_math functions.

The wrappers accept :class:`~brainpy_math.Array` (and Variable) arguments anywhere,
return ``Array`` for results with ``ndim > 0`` and raw JAX scalars for 0-d results
(as BrainPy 2.3.5 did), and take an optional keyword ``out=``: a brainpy Array or
Variable that receives the result (the call then returns ``None``).
"""

from __future__ import annotations

import functools
import inspect
import types
from collections.abc import Callable
from typing import Any

import jax

from brainpy_math._src.array import Array

__all__ = ["wrap_jax_function", "unwrap", "wrap_result", "assign_out", "build_namespace"]


def unwrap(x: Any) -> Any:
    """The JAX values behind Arrays, inside tuples, lists and dicts too."""
    if isinstance(x, Array):
        return x.value
    if isinstance(x, (tuple, list)):
        return type(x)(unwrap(i) for i in x) if type(x) in (tuple, list) else x
    if type(x) is dict:
        return {k: unwrap(v) for k, v in x.items()}
    return x


def wrap_result(x: Any) -> Any:
    """Arrays with ``ndim > 0`` become :class:`Array`; tuples and lists are mapped."""
    if isinstance(x, jax.Array):
        return Array(x) if x.ndim > 0 else x
    if type(x) in (tuple, list):
        return type(x)(wrap_result(i) for i in x)
    if isinstance(x, tuple) and hasattr(x, "_fields"):  # namedtuple results
        return type(x)(*(wrap_result(i) for i in x))
    return x


def assign_out(out: Any, result: Any, name: str) -> None:
    """Store ``result`` into ``out``, which must be a brainpy Array (or Variable)."""
    if not isinstance(out, Array):
        raise TypeError(
            f"{name}: out must be a brainpy Array or Variable, got {type(out).__name__}."
        )
    out.value = unwrap(result)


def wrap_jax_function(fun: Callable, name: str, module: str = "brainpy_math") -> Callable:
    """Make the brainpy_math version of a ``jax.numpy`` function."""

    @functools.wraps(fun)
    def wrapper(*args: Any, out: Any = None, **kwargs: Any) -> Any:
        result = fun(*unwrap(args), **unwrap(kwargs))
        if out is not None:
            assign_out(out, result, name)
            return None
        return wrap_result(result)

    wrapper.__module__ = module
    wrapper.__qualname__ = name
    wrapper.__name__ = name
    wrapper.__doc__ = (
        f"BrainPy implementation of :func:`numpy.{name}`, computed by "
        f":func:`jax.numpy.{name}`.\n\nArrays and Variables are accepted anywhere; a result "
        "with ``ndim > 0`` is returned as a brainpy ``Array``, a 0-d result as a JAX scalar. "
        "With ``out=`` (a brainpy Array or Variable) the result is stored there and ``None`` "
        "is returned. See the JAX documentation for the parameters."
    )
    try:
        sig = inspect.signature(fun)
        params = list(sig.parameters.values())
        if "out" not in sig.parameters:
            extra = inspect.Parameter("out", inspect.Parameter.KEYWORD_ONLY, default=None)
            if params and params[-1].kind is inspect.Parameter.VAR_KEYWORD:
                params.insert(len(params) - 1, extra)
            else:
                params.append(extra)
        wrapper.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        pass
    return wrapper


def build_namespace(source: types.ModuleType, module: str, skip: frozenset = frozenset()) -> dict:
    """Wrap every public function of ``source``; pass classes and constants through."""
    namespace: dict[str, Any] = {}
    for name in dir(source):
        if name.startswith("_") or name in skip:
            continue
        obj = getattr(source, name)
        if isinstance(obj, types.ModuleType):
            continue
        if callable(obj) and not isinstance(obj, type):
            namespace[name] = wrap_jax_function(obj, name, module)
        else:
            namespace[name] = obj
    return namespace

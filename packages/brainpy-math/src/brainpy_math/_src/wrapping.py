"""Turning ``jax.numpy``-style functions into brainpy_math functions.

The wrappers accept :class:`~brainpy_math.Array` (and Variable) arguments anywhere,
also inside (nested) lists, tuples and dicts; they return ``Array`` for results with
``ndim > 0`` and raw JAX scalars for 0-d results (as BrainPy 2.3.5 did), and take an
optional keyword ``out=``: a brainpy Array or Variable that receives the result (the
call then returns ``None``).
"""

from __future__ import annotations

import functools
import inspect
import types
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.array import Array, _new, store, unwrap
from brainpy_math._src.public_path import set_module

__all__ = [
    "wrap_jax_function",
    "wrap_ufunc",
    "attach_ufunc_methods",
    "wrap_inplace",
    "unwrap",
    "wrap_result",
    "assign_out",
    "build_namespace",
]

_OUT = inspect.Parameter("out", inspect.Parameter.KEYWORD_ONLY, default=None)
_UFUNC_METHODS = ("reduce", "accumulate", "reduceat", "outer", "at")


def wrap_result(x: Any) -> Any:
    """Arrays with ``ndim > 0`` become :class:`Array`; tuples and lists are mapped."""
    if isinstance(x, jax.Array):
        return _new(x) if x.ndim > 0 else x
    tx = type(x)
    if tx is tuple or tx is list:
        return tx([wrap_result(i) for i in x])
    if isinstance(x, tuple) and hasattr(x, "_fields"):  # namedtuple results
        return tx(*(wrap_result(i) for i in x))
    return x


def assign_out(out: Any, result: Any, name: str) -> None:
    """Store ``result`` into ``out``, which must be a brainpy Array (or Variable).

    A function with several results (``divmod``, ``frexp`` …) needs a tuple of as many
    Arrays. The rules of in-place operators apply: the result is broadcast to the
    shape of ``out`` and cast to its dtype under NumPy's ``same_kind`` rule.

    Raises:
      TypeError: ``out`` is not a brainpy Array or Variable (or a tuple of them).
    """
    if isinstance(result, tuple):
        if not (isinstance(out, tuple) and len(out) == len(result)):
            raise TypeError(
                f"{name}: returns {len(result)} arrays, so out must be a tuple of "
                f"{len(result)} brainpy Arrays or Variables, got {type(out).__name__}."
            )
        for o, r in zip(out, result):
            store(o, r, name)
        return
    store(out, result, name)


def _signature_with_out(fun: Callable[..., Any]) -> inspect.Signature | None:
    try:
        sig = inspect.signature(fun)
    except (TypeError, ValueError):
        return None
    if "out" in sig.parameters:
        return sig
    params = list(sig.parameters.values())
    if params and params[-1].kind is inspect.Parameter.VAR_KEYWORD:
        params.insert(len(params) - 1, _OUT)
    else:
        params.append(_OUT)
    try:
        return sig.replace(parameters=params)
    except ValueError:
        return None


def _reference(name: str, source: str) -> str:
    """The docstring's first sentence: the NumPy function and the JAX one computing it."""
    if source.startswith("jax.numpy"):
        numpy_name = "numpy" + source[len("jax.numpy") :]
        return (
            f"BrainPy implementation of :func:`{numpy_name}.{name}`, computed by "
            f":func:`{source}.{name}`."
        )
    return f"BrainPy wrapper of :func:`{source}.{name}`."


def _finish_wrapper(
    wrapper: Any, fun: Callable[..., Any], name: str, module: str, source: str = "jax.numpy"
) -> Any:
    set_module(module, wrapper)
    wrapper.__qualname__ = name
    wrapper.__name__ = name
    wrapper.__doc__ = (
        f"{_reference(name, source)}\n\nArrays and Variables are accepted anywhere; a result "
        "with ``ndim > 0`` is returned as a brainpy ``Array``, a 0-d result as a JAX scalar. "
        "With ``out=`` (a brainpy Array or Variable) the result is stored there and ``None`` "
        "is returned. See the JAX documentation for the parameters."
    )
    sig = _signature_with_out(fun)
    if sig is not None:
        wrapper.__signature__ = sig
    return wrapper


def wrap_jax_function(
    fun: Callable[..., Any], name: str, module: str = "brainpy_math", source: str = "jax.numpy"
) -> Any:
    """Make the brainpy_math version of a ``jax.numpy``-style function.

    Args:
      fun: the function to wrap.
      name: its public name (used in the docstring and in error messages).
      module: the public module it lives in.
      source: the JAX module ``fun`` comes from (named in the docstring).

    Returns:
      A function with ``fun``'s parameters plus a keyword-only ``out``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> from brainpy_math._src.wrapping import wrap_jax_function
      >>> double = wrap_jax_function(lambda x: 2 * x, "double")
      >>> double(bm.ones(2))
      Array([2., 2.], dtype=float32)
    """
    display = name if module == "brainpy_math" else f"{module.rpartition('.')[2]}.{name}"

    @functools.wraps(fun)
    def wrapper(*args: Any, out: Any = None, **kwargs: Any) -> Any:
        if kwargs:
            result = fun(*unwrap(args), **unwrap(kwargs))
        else:
            result = fun(*unwrap(args))
        if out is not None:
            assign_out(out, result, display)
            return None
        return wrap_result(result)

    return _finish_wrapper(wrapper, fun, name, module, source)


def wrap_ufunc(ufunc: Any, name: str, module: str = "brainpy_math") -> Any:
    """Wrap a :class:`jax.numpy.ufunc`, keeping its ``reduce``/``accumulate``/``outer``… methods.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.maximum.reduce(bm.Array([3, 1, 4]))
      Array(4, dtype=int32)
      >>> bm.multiply.outer(bm.arange(1, 3), bm.arange(1, 3))
      Array([[1, 2],
             [2, 4]], dtype=int32)
    """
    return attach_ufunc_methods(wrap_jax_function(ufunc, name, module), ufunc, name, module)


def attach_ufunc_methods(function: Any, ufunc: Any, name: str, module: str = "brainpy_math") -> Any:
    """Give ``function`` the methods and attributes of ``ufunc``, wrapped for brainpy Arrays.

    Used by :func:`wrap_ufunc`, and by functions such as the PyTorch-style ``bm.add`` that
    replace a NumPy ufunc but should keep ``bm.add.reduce`` and the like.

    Returns:
      ``function`` itself.
    """
    for method in _UFUNC_METHODS:
        wrap = wrap_inplace if method == "at" else wrap_jax_function
        setattr(function, method, wrap(getattr(ufunc, method), f"{name}.{method}", module))
    for attr in ("nin", "nout", "nargs", "identity"):
        setattr(function, attr, getattr(ufunc, attr))
    function.ufunc = ufunc
    return function


def build_namespace(
    source: types.ModuleType,
    module: str,
    skip: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """Wrap every public function of ``source``; pass classes, dtypes and constants through.

    ``jax.numpy.ufunc`` instances are wrapped with :func:`wrap_ufunc`; submodules are
    left out.
    """
    namespace: dict[str, Any] = {}
    for name in dir(source):
        if name.startswith("_") or name in skip:
            continue
        obj = getattr(source, name)
        if isinstance(obj, types.ModuleType):
            continue
        if isinstance(obj, jnp.ufunc):
            namespace[name] = wrap_ufunc(obj, name, module)
        elif callable(obj) and not isinstance(obj, type):
            namespace[name] = wrap_jax_function(obj, name, module, source.__name__)
        else:
            namespace[name] = obj
    return namespace


def wrap_inplace(fun: Callable[..., Any], name: str, module: str = "brainpy_math") -> Any:
    """Wrap a ``jax.numpy`` function with NumPy's in-place semantics (``put``, ``place`` …).

    JAX arrays are immutable, so ``jax.numpy`` refuses ``inplace=True``. Here the first
    argument, when it is a brainpy Array or Variable, gets the result as its new value
    (the call returns ``None``); ``inplace=False`` returns the result instead.

    Examples:
      >>> import brainpy_math as bm
      >>> a = bm.zeros(4)
      >>> bm.put(a, bm.Array([0, 2]), 1.)
      >>> a
      Array([1., 0., 1., 0.], dtype=float32)
    """
    display = name if module == "brainpy_math" else f"{module.rpartition('.')[2]}.{name}"

    @functools.wraps(fun)
    def wrapper(a: Any, *args: Any, inplace: bool = True, **kwargs: Any) -> Any:
        result = fun(unwrap(a), *unwrap(args), inplace=False, **unwrap(kwargs))
        if not inplace:
            return wrap_result(result)
        if not isinstance(a, Array):
            raise TypeError(
                f"{display}: inplace=True needs a brainpy Array or Variable as the array to "
                f"modify, got {type(a).__name__}; pass inplace=False to get the result instead."
            )
        a.value = result
        return None

    set_module(module, wrapper)
    wrapper.__qualname__ = wrapper.__name__ = name
    wrapper.__doc__ = (
        f"BrainPy implementation of :func:`numpy.{name}`, computed by "
        f":func:`jax.numpy.{name}`.\n\nWith ``inplace=True`` (the default, as NumPy) the "
        "first argument must be a brainpy Array or Variable, which receives the result, and "
        "``None`` is returned; ``inplace=False`` returns the result."
    )
    return wrapper

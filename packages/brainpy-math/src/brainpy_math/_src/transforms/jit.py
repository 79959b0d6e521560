"""``jit``: compile a function that reads and writes Variables."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Sequence
from typing import Any

import jax

from brainpy_math._src.transforms._state import (
    LRUCache,
    checked_trace,
    discover,
    flatten_with_variables,
    leaf_signature,
    read_values,
    swapped_in,
    write_back,
)
from brainpy_math._src.variable import Variable

__all__ = ["jit", "JitFunction"]


class _Slot:
    """Stands in for a Variable passed as an argument (an empty pytree node)."""

    __slots__ = ()


jax.tree_util.register_pytree_node(_Slot, lambda s: ((), None), lambda aux, ch: _Slot())


def _is_slot(x: Any) -> bool:
    return isinstance(x, _Slot)


def _fill_slots(tree: Any, variables: Sequence[Variable]) -> Any:
    leaves, treedef = jax.tree_util.tree_flatten(tree, is_leaf=_is_slot)
    it = iter(variables)
    return jax.tree_util.tree_unflatten(
        treedef, [next(it) if isinstance(x, _Slot) else x for x in leaves]
    )


def _as_tuple(x: int | Sequence[int] | None) -> tuple[int, ...]:
    if x is None:
        return ()
    return (x,) if isinstance(x, int) else tuple(x)


class _Entry:
    __slots__ = ("state", "written", "jitted", "arg_vars")

    def __init__(self, state, written, jitted, arg_vars):
        self.state = state
        self.written = written
        self.jitted = jitted
        self.arg_vars = arg_vars


class JitFunction:
    """A function compiled by :func:`jit`; call it like the original."""

    def __init__(
        self,
        fun: Callable,
        static_argnums: int | Sequence[int] | None = None,
        static_argnames: str | Sequence[str] | None = None,
        **jit_kwargs: Any,
    ):
        if not callable(fun):
            raise TypeError(f"jit: func must be callable, got {type(fun).__name__}: {fun!r}.")
        self.fun = fun
        self.static_argnums = _as_tuple(static_argnums)
        if isinstance(static_argnames, str):
            static_argnames = (static_argnames,)
        self.static_argnames = tuple(static_argnames or ())
        self.jit_kwargs = jit_kwargs
        self._cache = LRUCache()
        self._bound: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        # updated=(): copying a callable object's __dict__ would overwrite our own fields.
        functools.update_wrapper(self, fun, updated=())

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        if obj is None:
            return self
        bound = self._bound.get(obj)
        if bound is None:
            bound = JitFunction(
                functools.partial(self.fun, obj),
                tuple(i - 1 for i in self.static_argnums if i > 0),
                self.static_argnames,
                **self.jit_kwargs,
            )
            self._bound[obj] = bound
        return bound

    def clear_cache(self) -> None:
        """Forget every compiled version."""
        self._cache.clear()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        leaves, treedef = flatten_with_variables((args, kwargs))
        key = (treedef, tuple(map(leaf_signature, leaves)))
        entry = self._cache.get(key)
        arg_vars = [x for x in leaves if isinstance(x, Variable)]
        if arg_vars:
            args, kwargs = jax.tree_util.tree_unflatten(
                treedef, [_Slot() if isinstance(x, Variable) else x for x in leaves]
            )
        if entry is None:
            entry = self._compile(args, kwargs, arg_vars)
            self._cache.put(key, entry)
        out, new = entry.jitted(read_values(entry.state), *args, **kwargs)
        write_back(entry.written, new)
        return out

    def _compile(self, args: tuple, kwargs: dict, arg_vars: list[Variable]) -> _Entry:
        fun = self.fun
        static = dict(
            static_argnums=tuple(i + 1 for i in self.static_argnums),
            static_argnames=self.static_argnames,
        )

        def probe(_, *a, **k):
            a, k = _fill_slots((a, k), arg_vars)
            fun(*a, **k)

        trace = discover(lambda: jax.jit(probe, **static).trace(None, *args, **kwargs))
        found = {id(v) for v in trace.variables}
        state = [v for v in arg_vars if id(v) not in found] + trace.variables
        written = trace.written
        where = f"jit({getattr(fun, '__name__', fun)})"

        def pure(values, *a, **k):
            with swapped_in(state, values):
                a, k = _fill_slots((a, k), arg_vars)
                with checked_trace(state, where):
                    out = fun(*a, **k)
                return out, [v._value for v in written]

        return _Entry(state, written, jax.jit(pure, **static, **self.jit_kwargs), arg_vars)


def jit(
    func: Callable | None = None,
    dyn_vars: Any = None,
    child_objs: Any = None,
    static_argnums: int | Sequence[int] | None = None,
    static_argnames: str | Sequence[str] | None = None,
    device: Any = None,
    inline: bool = False,
    keep_unused: bool = False,
    abstracted_axes: Any = None,
    **kwargs: Any,
) -> Any:
    """Compile ``func`` with :func:`jax.jit`, carrying the Variables it uses.

    The Variables that ``func`` reads or writes are found while it is first traced;
    their values are passed in as arguments and the new values written back after
    each call, so state changes survive compilation. One compiled version is kept per
    argument signature (tree structure, shapes, dtypes and static values).

    Args:
      func: the function or bound method to compile. Without it, ``jit`` returns a
        decorator.
      dyn_vars: accepted for BrainPy 2.3.5 compatibility and ignored: Variables are
        found automatically.
      child_objs: accepted for compatibility and ignored.
      static_argnums: positions of arguments that are compile-time constants.
      static_argnames: names of keyword arguments that are compile-time constants.
      device: deprecated in JAX; ignored.
      inline: passed to :func:`jax.jit`.
      keep_unused: passed to :func:`jax.jit`.
      abstracted_axes: accepted for compatibility and ignored.
      **kwargs: other keyword arguments of :func:`jax.jit` (``donate_argnums`` is not
        supported).

    Returns:
      A ``JitFunction``, or a decorator when ``func`` is omitted.

    Examples:
      >>> import brainpy_math as bm
      >>> counter = bm.Variable(bm.zeros(()))
      >>> @bm.jit
      ... def tick(n):
      ...     counter.value += n
      ...     return counter.value * 2
      >>> tick(1.), tick(2.)
      (Array(2., dtype=float32), Array(6., dtype=float32))
      >>> counter.value
      Array(3., dtype=float32)
    """
    del dyn_vars, child_objs, device, abstracted_axes
    options = dict(
        static_argnums=static_argnums,
        static_argnames=static_argnames,
        inline=inline,
        keep_unused=keep_unused,
        **kwargs,
    )
    if func is None:
        return lambda f: JitFunction(f, **options)
    return JitFunction(func, **options)

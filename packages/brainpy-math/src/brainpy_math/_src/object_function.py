"""Functions as objects: ``FunAsObject``, ``to_object``, ``Partial`` and ``ObjectTransform``.

A :class:`FunAsObject` wraps a plain function together with the objects and Variables it
uses, so that ``vars()``/``nodes()`` (and optimisers built from ``train_vars()``) see them.
The transformations of brainpy_math (``jit``, ``grad`` …) find the Variables a function
touches by themselves; wrapping is only needed to *collect* them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from brainpy_math._src.object_base import BrainPyObject
from brainpy_math._src.public_path import set_module
from brainpy_math._src.variable import Variable

__all__ = ["ObjectTransform", "FunAsObject", "Partial", "to_object", "function"]


def _owner(fun: Any) -> BrainPyObject | None:
    owner = getattr(fun, "__self__", None)
    return owner if isinstance(owner, BrainPyObject) else None


def _child_objects(child_objs: Any, where: str) -> list[Any]:
    """``child_objs`` as a list of (key or None, object)."""
    if child_objs is None:
        return []
    if isinstance(child_objs, BrainPyObject):
        return [(None, child_objs)]
    if isinstance(child_objs, Mapping):
        items = [(str(k), v) for k, v in child_objs.items()]
    elif isinstance(child_objs, (list, tuple)):
        items = [(None, v) for v in child_objs]
    elif callable(child_objs) and _owner(child_objs) is not None:
        return [(None, _owner(child_objs))]
    else:
        raise TypeError(
            f"{where}: child_objs must be a BrainPyObject, or a list/tuple/dict of them, "
            f"got {type(child_objs).__name__}."
        )
    for key, obj in items:
        if not isinstance(obj, BrainPyObject):
            raise TypeError(
                f"{where}: child_objs must hold BrainPyObjects, got {type(obj).__name__} "
                f"{'at ' + repr(key) if key else ''}."
            )
    return items


def _dyn_vars(dyn_vars: Any, where: str) -> Any:
    if dyn_vars is None:
        return ()
    if isinstance(dyn_vars, Variable):
        return (dyn_vars,)
    if isinstance(dyn_vars, (list, tuple, Mapping)):
        return (dict(dyn_vars) if isinstance(dyn_vars, Mapping) else list(dyn_vars),)
    raise TypeError(
        f"{where}: dyn_vars must be a Variable, or a list/tuple/dict of them, "
        f"got {type(dyn_vars).__name__}."
    )


class ObjectTransform(BrainPyObject):
    """Base class of callable objects that transform a function (BrainPy 2.3.5's base).

    Subclasses implement ``__call__``.

    Examples:
      >>> import brainpy_math as bm
      >>> class Twice(bm.ObjectTransform):
      ...     def __init__(self, fun):
      ...         super().__init__()
      ...         self.fun = fun
      ...     def __call__(self, *args):
      ...         return self.fun(self.fun(*args))
      >>> Twice(lambda x: x + 1)(1)
      3
    """

    def __init__(self, name: str | None = None):
        super().__init__(name=name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must implement __call__.")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


class FunAsObject(ObjectTransform):
    """A function as a :class:`BrainPyObject`, with the objects and Variables it uses.

    Args:
      target: the function to call.
      child_objs: objects the function uses (an object, or a list/tuple/dict of them); for a
        bound method of a :class:`BrainPyObject`, its object is added by itself.
      dyn_vars: Variables the function uses (a Variable, or a list/tuple/dict of them).
      name: the object name.

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.TrainVar(bm.ones(2))
      >>> f = bm.FunAsObject(lambda x: (w * x).sum(), dyn_vars={'w': w})
      >>> f(bm.arange(2.)).item()
      1.0
      >>> list(f.vars(method='relative'))
      ['w']
    """

    def __init__(
        self,
        target: Callable,
        child_objs: Any = None,
        dyn_vars: Any = None,
        name: str | None = None,
    ):
        if not callable(target):
            raise TypeError(f"FunAsObject: target must be callable, got {type(target).__name__}.")
        super().__init__(name=name)
        self.target = target
        where = type(self).__name__
        for key, obj in _child_objects(child_objs, where):
            if key is None:
                self.register_implicit_nodes(obj)
            else:
                self.register_implicit_nodes(**{key: obj})
        owner = _owner(target)
        if owner is not None and all(owner is not n for n in self.implicit_nodes.values()):
            self.register_implicit_nodes(owner)
        self.register_implicit_vars(*_dyn_vars(dyn_vars, where))
        functools.update_wrapper(self, target, updated=())

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.target(*args, **kwargs)

    def __repr__(self) -> str:
        fun = getattr(self.target, "__name__", repr(self.target))
        return f"{type(self).__name__}(name={self.name!r}, target={fun})"


class Partial(FunAsObject):
    """``functools.partial`` as a :class:`FunAsObject`: fixed leading arguments and keywords.

    Args:
      fun: the function.
      *args: the leading positional arguments.
      child_objs: objects ``fun`` uses (see :class:`FunAsObject`).
      dyn_vars: Variables ``fun`` uses.
      **keywords: fixed keyword arguments (call-time keywords override them).

    Examples:
      >>> import brainpy_math as bm
      >>> f = bm.Partial(lambda a, b, c=0: a * 100 + b * 10 + c, 1, c=3)
      >>> f(2), f(2, c=5)
      (123, 125)
    """

    def __init__(
        self,
        fun: Callable,
        *args: Any,
        child_objs: Any = None,
        dyn_vars: Any = None,
        **keywords: Any,
    ):
        super().__init__(fun, child_objs=child_objs, dyn_vars=dyn_vars)
        self.fun = fun
        self.args = args
        self.keywords = keywords

    def __call__(self, *args: Any, **keywords: Any) -> Any:
        return self.fun(*self.args, *args, **{**self.keywords, **keywords})


def to_object(
    f: Callable | None = None,
    child_objs: Any = None,
    dyn_vars: Any = None,
    name: str | None = None,
) -> Any:
    """Wrap ``f`` as a :class:`FunAsObject`; without ``f``, return a decorator.

    Examples:
      >>> import brainpy_math as bm
      >>> v = bm.Variable(bm.zeros(1))
      >>> @bm.to_object(dyn_vars=v)
      ... def step():
      ...     v.value += 1.
      >>> step(); v.value
      Array([1.], dtype=float32)
      >>> list(step.vars(method='relative'))
      ['var0']
    """
    if f is None:
        return lambda fun: FunAsObject(fun, child_objs=child_objs, dyn_vars=dyn_vars, name=name)
    return FunAsObject(f, child_objs=child_objs, dyn_vars=dyn_vars, name=name)


def function(
    f: Callable | None = None,
    nodes: Any = None,
    dyn_vars: Any = None,
    name: str | None = None,
) -> Any:
    """BrainPy 2.3's name of :func:`to_object` (``nodes`` is ``child_objs``).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.function(lambda x: x + 1)(1)
      2
    """
    return to_object(f, child_objs=nodes, dyn_vars=dyn_vars, name=name)


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
set_module("brainpy_math", ObjectTransform, FunAsObject, Partial, to_object, function)

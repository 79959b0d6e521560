"""``set_module``: show objects under the public module that exports them.

Code lives in private ``_src`` modules and is exported by thin public modules; an object's
``__module__`` decides what reprs, tracebacks, pickles and the API docs show. Every package
built on brainpy_math sets it through this one helper (CONTRIBUTING.md, convention 5).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["set_module"]

_T = TypeVar("_T")


def set_module(module: str, *objects: Any) -> Callable[[_T], _T]:
    """Set ``__module__`` of ``objects`` to ``module``; return a decorator that does the same.

    Use it either at the end of a private module, ``set_module('brainpy_dyn', A, B)``, or as
    a decorator, ``@set_module('brainpy_dyn.conn')``, or both, to name a package's
    decorator once: ``public = set_module('brainpy_layers.losses')``.

    Args:
      module: the public module's dotted name, such as ``'brainpy_math'``.
      *objects: classes or functions defined in a private module.

    Returns:
      A decorator ``f(obj) -> obj`` that sets ``obj.__module__`` to ``module``.

    Raises:
      TypeError: ``module`` is not a non-empty str.

    Examples:
      >>> import brainpy_math as bm
      >>> @bm.set_module('my_package')
      ... def helper():
      ...     pass
      >>> helper.__module__
      'my_package'
      >>> class A: ...
      >>> _ = bm.set_module('my_package.sub', A)
      >>> A.__module__
      'my_package.sub'
    """
    if not isinstance(module, str) or not module:
        raise TypeError(f"set_module: module must be a non-empty str, got {module!r}.")

    def decorate(obj: _T) -> _T:
        obj.__module__ = module
        return obj

    for obj in objects:
        decorate(obj)
    return decorate


set_module("brainpy_math", set_module)

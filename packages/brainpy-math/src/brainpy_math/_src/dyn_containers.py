"""``dyn_seq`` and ``dyn_dict``: a list and a dict of numbers that compiled code sees as data.

A plain ``list`` of Python numbers passed to ``bm.jit`` is flattened into leaves too, but
user code often keeps such containers on objects as configuration. These two subclasses mark
a container as *numerical data*: they are registered JAX pytrees (their items are traced
values inside a transformation, not compile-time constants), and ``dyn_seq`` checks that
every element is numerical.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import jax
import numpy as np

from brainpy_math._src.array import Array
from brainpy_math._src.public_path import set_module

__all__ = ["dyn_seq", "dyn_dict"]

_NUMERIC = (bool, int, float, complex, np.number, np.bool_, np.ndarray, jax.Array, Array)


def _check(element: Any) -> Any:
    if not isinstance(element, _NUMERIC):
        raise TypeError(
            "dyn_seq: each element must be numerical (bool, int, float, complex or an array), "
            f"got {type(element).__name__}: {element!r}."
        )
    return element


class dyn_seq(list):
    """A list of numerical values that transformations treat as traced data.

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> seq = bm.dyn_seq([1., 2.])
      >>> seq.append(3.)
      >>> jax.tree_util.tree_leaves(seq)
      [1.0, 2.0, 3.0]
      >>> bm.jit(lambda s: s[0] + s[2])(seq)
      Array(4., dtype=float32, weak_type=True)
    """

    def __init__(self, iterable: Iterable[Any] = (), /):
        super().__init__(_check(e) for e in iterable)

    def append(self, element: Any) -> None:
        """Append a numerical value."""
        super().append(_check(element))

    def extend(self, iterable: Iterable[Any]) -> None:
        """Append each numerical value of ``iterable``."""
        super().extend(_check(e) for e in iterable)

    def insert(self, index: Any, element: Any) -> None:
        """Insert a numerical value before ``index``."""
        super().insert(index, _check(element))

    def __setitem__(self, index: Any, value: Any) -> None:
        if isinstance(index, slice):
            value = [_check(v) for v in value]
        else:
            _check(value)
        super().__setitem__(index, value)

    def __repr__(self) -> str:
        return f"dyn_seq({list.__repr__(self)})"


class dyn_dict(dict):
    """A dict of numerical values that transformations treat as traced data.

    Examples:
      >>> import jax
      >>> import brainpy_math as bm
      >>> d = bm.dyn_dict(a=1.).update(b=2.)
      >>> d
      dyn_dict({'a': 1.0, 'b': 2.0})
      >>> jax.tree_util.tree_map(lambda x: x * 10, d)
      dyn_dict({'a': 10.0, 'b': 20.0})
    """

    def update(self, *args: Any, **kwargs: Any) -> dyn_dict:  # type: ignore[override]
        """Update like ``dict.update`` and return ``self``."""
        super().update(*args, **kwargs)
        return self

    def __repr__(self) -> str:
        return f"dyn_dict({dict.__repr__(self)})"


def _unflatten_seq(aux: None, children: Iterable[Any]) -> dyn_seq:
    out = dyn_seq.__new__(dyn_seq)
    list.extend(out, children)  # tracers and sentinels pass through unchecked
    return out


def _unflatten_dict(keys: tuple[Any, ...], children: Iterable[Any]) -> dyn_dict:
    return dyn_dict(zip(keys, children))


jax.tree_util.register_pytree_node(dyn_seq, lambda s: (list(s), None), _unflatten_seq)
jax.tree_util.register_pytree_node(
    dyn_dict, lambda d: (list(d.values()), tuple(d.keys())), _unflatten_dict
)

set_module("brainpy_math", dyn_seq, dyn_dict)

"""``DotDict``: a dict whose items are also attributes, with a few set-like helpers."""

from __future__ import annotations

from typing import Any

import numpy as np

import brainpy_math as bm

__all__ = ["DotDict"]


class DotDict(dict):
    """A ``dict`` whose items are also attributes (``d.tau`` is ``d['tau']``).

    BrainPy implementation of ``brainpy.tools.DotDict`` (2.3.5). Names registered with
    :meth:`add_attr_not_key` are plain attributes instead: they are not items and do not
    show in :meth:`keys`, :meth:`values` or :meth:`items`.

    Examples:
      >>> from brainpy_dyn import tools
      >>> d = tools.DotDict(a=1, b=2)
      >>> d.a + d['b']
      3
      >>> d.c = 3
      >>> sorted(d.keys())
      ['a', 'b', 'c']
    """

    def __init__(self, *args: Any, **kwargs: Any):
        object.__setattr__(self, "_attrs_not_keys", set())
        super().__init__(*args, **kwargs)

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(
                f"{type(self).__name__} has no item or attribute {key!r}."
            ) from None

    def __setattr__(self, key: str, value: Any) -> None:
        if key in self._attrs_not_keys:
            object.__setattr__(self, key, value)
        else:
            self[key] = value

    def __delattr__(self, key: str) -> None:
        if key in self._attrs_not_keys:
            object.__delattr__(self, key)
            return
        try:
            del self[key]
        except KeyError:
            raise AttributeError(
                f"{type(self).__name__} has no item or attribute {key!r}."
            ) from None

    def add_attr_not_key(self, *args: str) -> None:
        """Make the names in ``args`` plain attributes rather than items.

        Examples:
          >>> from brainpy_dyn import tools
          >>> d = tools.DotDict(a=1)
          >>> d.add_attr_not_key('meta')
          >>> d.meta = 'info'
          >>> list(d.keys()), d.meta
          (['a'], 'info')
        """
        for name in args:
            if not isinstance(name, str):
                raise TypeError(f"DotDict.add_attr_not_key: names must be str, got {name!r}.")
            self._attrs_not_keys.add(name)
            if name in self:
                object.__setattr__(self, name, dict.pop(self, name))

    def keys(self):  # type: ignore[override]
        """The item names (as :meth:`dict.keys`)."""
        return super().keys()

    def values(self):  # type: ignore[override]
        """The item values (as :meth:`dict.values`)."""
        return super().values()

    def items(self):  # type: ignore[override]
        """The ``(name, value)`` pairs (as :meth:`dict.items`)."""
        return super().items()

    def copy(self) -> DotDict:
        """A shallow copy, attributes registered with :meth:`add_attr_not_key` included."""
        new = type(self)(self)
        for name in self._attrs_not_keys:
            new.add_attr_not_key(name)
            if name in self.__dict__:
                object.__setattr__(new, name, self.__dict__[name])
        return new

    def update(self, *args: Any, **kwargs: Any) -> DotDict:  # type: ignore[override]
        """Add the items of a dict / pairs and of the keywords; return ``self``."""
        super().update(*args, **kwargs)
        return self

    def to_numpy(self) -> None:
        """Turn every array value (brainpy, JAX) into a NumPy array, in place.

        Examples:
          >>> import jax.numpy as jnp
          >>> from brainpy_dyn import tools
          >>> d = tools.DotDict(x=jnp.ones(2))
          >>> d.to_numpy(); type(d.x).__name__
          'ndarray'
        """
        for key, val in self.items():
            if (
                isinstance(val, bm.Array)
                or hasattr(val, "__jax_array__")
                or type(val).__module__.startswith("jax")
            ):
                self[key] = np.asarray(bm.as_jax(val))

    def subset(self, var_type: type | tuple[type, ...]) -> DotDict:
        """The items whose values are instances of ``var_type``, as a new DotDict.

        Examples:
          >>> from brainpy_dyn import tools
          >>> tools.DotDict(a=1, b='x', c=2).subset(int)
          {'a': 1, 'c': 2}
        """
        return type(self)({k: v for k, v in self.items() if isinstance(v, var_type)})

    def unique(self) -> DotDict:
        """The items without repeated values (the same object kept once, first name wins).

        Examples:
          >>> from brainpy_dyn import tools
          >>> v = [1]
          >>> tools.DotDict(a=v, b=v, c=[1]).unique()
          {'a': [1], 'c': [1]}
        """
        seen: set[int] = set()
        out = type(self)()
        for key, val in self.items():
            if id(val) not in seen:
                seen.add(id(val))
                out[key] = val
        return out

    def __add__(self, other: dict) -> DotDict:
        """A new DotDict with the items of both (``other`` wins)."""
        new = self.copy()
        new.update(other)
        return new


bm.set_module("brainpy_dyn.tools", DotDict)

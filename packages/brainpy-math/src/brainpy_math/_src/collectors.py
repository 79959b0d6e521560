"""``Collector``, ``ArrayCollector``: ordered dicts of the objects and Variables of a model.

``obj.nodes()`` returns a :class:`Collector` and ``obj.vars()`` an :class:`ArrayCollector`, as
in BrainPy 2.3.5. A collector refuses to bind one key to two different objects, so merging the
collections of two sub-models cannot silently drop one of them. Both are registered as JAX
pytrees (keys in insertion order), so ``jax.tree_util.tree_map`` over ``model.vars()`` works.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import jax

from brainpy_math._src.public_path import set_module
from brainpy_math._src.variable import Variable

__all__ = ["Collector", "ArrayCollector", "TensorCollector"]


class Collector(dict):
    """An ordered ``dict`` that refuses to bind one key to two different objects.

    Examples:
      >>> import brainpy_math as bm
      >>> v, w = bm.Variable(bm.zeros(1)), bm.TrainVar(bm.zeros(1))
      >>> c = bm.Collector(a=v, b=w, c=v)
      >>> list(c.unique()), list(c.subset(bm.TrainVar)), list(c.not_subset(bm.TrainVar))
      (['a', 'b'], ['b'], ['a', 'c'])
      >>> list(c + {'d': w})
      ['a', 'b', 'c', 'd']
      >>> list(c - ['a', w])
      ['c']
    """

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__()
        if len(args) > 1:
            raise TypeError(f"{type(self).__name__} expected at most 1 argument, got {len(args)}.")
        if args:
            items = args[0].items() if isinstance(args[0], Mapping) else args[0]
            for key, value in items:
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def __setitem__(self, key: Any, value: Any) -> None:
        """Bind ``key``; re-binding a key to the same object is fine, to another one an error."""
        if key in self and self[key] is not value:
            raise ValueError(
                f"{type(self).__name__}: name {key!r} conflicts: it already holds "
                f"{dict.__getitem__(self, key)!r}, cannot also hold {value!r}. Use "
                "replace(key, value) to rebind it."
            )
        dict.__setitem__(self, key, value)

    def replace(self, key: Any, new_value: Any) -> None:
        """Bind ``key`` to ``new_value`` whatever it held before."""
        self.pop(key, None)
        self[key] = new_value

    def update(self, other: Any = (), **kwargs: Any) -> Collector:  # type: ignore[override]
        """Add the items of ``other`` and ``kwargs``; return ``self``.

        Args:
          other: a mapping, or a list/tuple of values (keyed ``'_var{n}'``, ``n`` counting on
            from the current length).
          **kwargs: more ``key=value`` items.
        """
        if isinstance(other, Mapping):
            for key, value in other.items():
                self[key] = value
        elif isinstance(other, (list, tuple)):
            start = len(self)
            for i, value in enumerate(other):
                self[f"_var{start + i}"] = value
        else:
            raise TypeError(
                f"{type(self).__name__}.update: other must be a dict, list or tuple, "
                f"got {type(other).__name__}."
            )
        for key, value in kwargs.items():
            self[key] = value
        return self

    def setdefault(self, key: Any, default: Any = None) -> Any:
        if key not in self:
            self[key] = default
        return self[key]

    def __add__(self, other: Mapping | Sequence) -> Collector:
        """A new collector with the items of both (conflicting keys are an error)."""
        gather = type(self)(self)
        gather.update(other)
        return gather

    def __sub__(self, other: Mapping | Sequence) -> Collector:
        """A new collector without the items of ``other``.

        Args:
          other: a mapping (each key must be here, bound to the same object), or a sequence
            of keys and/or objects (an object removes every key that holds it).
        """
        gather = type(self)(self)
        if isinstance(other, Mapping):
            for key, value in other.items():
                if key not in gather:
                    raise KeyError(f"{type(self).__name__}: cannot remove {key!r}: no such key.")
                if gather[key] is not value:
                    raise ValueError(
                        f"{type(self).__name__}: cannot remove {key!r}: it holds another object."
                    )
                gather.pop(key)
        elif isinstance(other, (list, tuple)):
            for item in other:
                if isinstance(item, str):
                    if item not in gather:
                        raise KeyError(
                            f"{type(self).__name__}: cannot remove {item!r}: no such key."
                        )
                    gather.pop(item)
                else:
                    keys = [k for k, v in gather.items() if v is item]
                    if not keys:
                        raise ValueError(
                            f"{type(self).__name__}: cannot remove {item!r}: not collected."
                        )
                    for key in keys:
                        gather.pop(key)
        else:
            raise TypeError(
                f"{type(self).__name__}: can only subtract a dict, list or tuple, "
                f"got {type(other).__name__}."
            )
        return gather

    def subset(self, var_type: type | tuple[type, ...]) -> Collector:
        """The items whose value is an instance of ``var_type``.

        Examples:
          >>> import brainpy_math as bm
          >>> c = bm.ArrayCollector(v=bm.Variable(bm.zeros(1)), w=bm.TrainVar(bm.ones(1)))
          >>> list(c.subset(bm.TrainVar))
          ['w']
        """
        return type(self)((k, v) for k, v in self.items() if isinstance(v, var_type))

    def not_subset(self, var_type: type | tuple[type, ...]) -> Collector:
        """The items whose value is not an instance of ``var_type``."""
        return type(self)((k, v) for k, v in self.items() if not isinstance(v, var_type))

    def include(self, *types: type) -> Collector:
        """The items whose value is an instance of one of ``types``."""
        return self.subset(types)

    def exclude(self, *types: type) -> Collector:
        """The items whose value is an instance of none of ``types``."""
        return self.not_subset(types)

    def unique(self) -> Collector:
        """The items whose value was not seen under an earlier key (first key wins)."""
        seen: set[int] = set()
        out = type(self)()
        for k, v in self.items():
            if id(v) not in seen:
                seen.add(id(v))
                out[k] = v
        return out

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict.__repr__(self)})"


class ArrayCollector(Collector):
    """A :class:`Collector` of :class:`~brainpy_math.Variable` s (what ``vars()`` returns).

    Examples:
      >>> import brainpy_math as bm
      >>> c = bm.ArrayCollector(a=bm.Variable(bm.zeros(2)), b=bm.Variable(bm.ones(1)))
      >>> c.dict()
      {'a': Array([0., 0.], dtype=float32), 'b': Array([1.], dtype=float32)}
      >>> c.assign({'a': bm.ones(2), 'b': bm.zeros(1)})
      >>> c.data()
      [Array([1., 1.], dtype=float32), Array([0.], dtype=float32)]
    """

    def __setitem__(self, key: Any, value: Any) -> None:
        if not isinstance(value, Variable):
            raise TypeError(
                f"{type(self).__name__}: {key!r} must be a brainpy_math.Variable, "
                f"got {type(value).__name__}."
            )
        super().__setitem__(key, value)

    def assign(self, inputs: Mapping[Any, Any]) -> None:
        """Set the value of every Variable from ``inputs`` (a mapping with the same keys)."""
        if not isinstance(inputs, Mapping):
            raise TypeError(
                f"{type(self).__name__}.assign: inputs must be a dict, got {type(inputs).__name__}."
            )
        if set(inputs) != set(self):
            raise ValueError(
                f"{type(self).__name__}.assign: inputs must have the keys {sorted(map(str, self))}, "
                f"got {sorted(map(str, inputs))}."
            )
        for key, var in self.items():
            var.value = inputs[key]

    def dict(self) -> dict[Any, jax.Array]:
        """``{key: variable.value}``: the current values."""
        return {k: v.value for k, v in self.items()}

    def data(self) -> list[jax.Array]:
        """The current values, in order."""
        return [v.value for v in self.values()]

    @classmethod
    def from_other(cls, other: Sequence[Variable] | Mapping[Any, Variable]) -> ArrayCollector:
        """A collector of ``other``: a mapping as is, a sequence keyed by ``id``."""
        if isinstance(other, Mapping):
            return cls(other)
        if isinstance(other, Iterable):
            return cls((id(v), v) for v in other)
        raise TypeError(
            f"{cls.__name__}.from_other: other must be a dict or a sequence of Variables, "
            f"got {type(other).__name__}."
        )


#: BrainPy 2.3's name of :class:`ArrayCollector` (the same class).
TensorCollector = ArrayCollector


def _flatten(c: Collector) -> tuple[list[Any], tuple[type, tuple[Any, ...]]]:
    return list(c.values()), (type(c), tuple(c.keys()))


def _unflatten(aux: tuple[type, tuple[Any, ...]], children: Iterable[Any]) -> Collector:
    cls, keys = aux
    out = cls.__new__(cls)
    for key, value in zip(keys, children):
        dict.__setitem__(out, key, value)
    return out


for _cls in (Collector, ArrayCollector):
    jax.tree_util.register_pytree_node(_cls, _flatten, _unflatten)
set_module("brainpy_math", Collector, ArrayCollector)

"""``BrainPyObject``: named objects whose Variables and child objects can be collected.

Discovery rules (``vars()``, ``nodes()``):

* an object's direct items are its instance attributes in assignment order; Variables and
  :class:`BrainPyObject` s found directly, or inside (nested) ``list``/``tuple``/``dict``
  attributes, count (a list item gets the key ``attr.0``, a dict item ``attr.key``);
  Variables and nodes registered with ``register_implicit_vars``/``register_implicit_nodes``
  follow, under their own key;
* ``nodes()`` walks the tree depth first from ``self``; ``vars()`` gathers the Variables of
  those nodes. Both are de-duplicated: an object reached twice keeps its first key.

Re-assigning an attribute that holds a Variable updates the Variable's value (shape and dtype
checked) instead of rebinding the attribute, as in BrainPy 2.3.5; ``del obj.attr`` first to
rebind it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.naming import release_name, unique_name

__all__ = ["BrainPyObject", "Collector"]

_CONTAINERS = (list, tuple, dict)


class Collector(dict):
    """An ordered ``dict`` of collected objects, with 2.3.5's ``subset`` and ``unique``.

    Examples:
      >>> import brainpy_math as bm
      >>> from brainpy_dyn._src.object import Collector
      >>> v, w = bm.Variable(bm.zeros(1)), bm.TrainVar(bm.zeros(1))
      >>> c = Collector(a=v, b=w, c=v)
      >>> list(c.unique()), list(c.subset(bm.TrainVar))
      (['a', 'b'], ['b'])
    """

    def subset(self, var_type: type | tuple[type, ...]) -> Collector:
        """The items whose value is an instance of ``var_type``."""
        return Collector((k, v) for k, v in self.items() if isinstance(v, var_type))

    def unique(self) -> Collector:
        """The items whose value was not seen under an earlier key."""
        seen: set[int] = set()
        out = Collector()
        for k, v in self.items():
            if id(v) not in seen:
                seen.add(id(v))
                out[k] = v
        return out


def _walk(key: str, value: Any, depth: int = 0) -> Iterator[tuple[str, Any]]:
    """Yield ``(key, item)`` for Variables and BrainPyObjects in ``value``."""
    if isinstance(value, (bm.Variable, BrainPyObject)):
        yield key, value
    elif isinstance(value, _CONTAINERS) and depth < 8:
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for k, v in items:
            yield from _walk(f"{key}.{k}", v, depth + 1)


class BrainPyObject:
    """Base class of objects with a unique name, Variables and child objects.

    Args:
      name: the object name; ``None`` gives an automatic unique ``ClassNameN``. An explicit
        name must be unique among live objects.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Cell(bd.BrainPyObject):
      ...     def __init__(self):
      ...         super().__init__(name='cell')
      ...         self.v = bm.Variable(bm.zeros(2))
      >>> cell = Cell()
      >>> list(cell.vars()), list(cell.vars(method='relative'))
      (['cell.v'], ['v'])
      >>> cell.v = bm.ones(2)        # updates the Variable's value in place
      >>> cell.vars()['cell.v'].value
      Array([1., 1.], dtype=float32)
    """

    def __init__(self, name: str | None = None):
        self._name = unique_name(self, name)

    # ------------------------------------------------------------------ naming
    @property
    def name(self) -> str:
        """The unique name of this object."""
        return self._name

    @name.setter
    def name(self, name: str | None) -> None:
        old = self.__dict__.get("_name")
        new = unique_name(self, name)
        if old is not None and old != new:
            release_name(old, self)
        self._name = new

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self._name!r})"

    # --------------------------------------------------------- Variable rule
    def __setattr__(self, key: str, value: Any) -> None:
        current = self.__dict__.get(key)
        if isinstance(current, bm.Variable) and value is not current:
            try:
                current.value = value
            except (bm.errors.VariableShapeError, bm.errors.VariableDtypeError) as err:
                owner = self.__dict__.get("_name", type(self).__name__)
                raise type(err)(
                    f"{owner}.{key} holds a Variable, so assigning to it updates the "
                    f"Variable's value: {err} (use `del obj.{key}` first to rebind it)"
                ) from err
            return
        object.__setattr__(self, key, value)

    # ------------------------------------------------------------- discovery
    def register_implicit_vars(self, *variables: Any, **named: Any) -> None:
        """Register Variables that are not attributes (lists/dicts accepted; keyed by name)."""
        store = self.__dict__.setdefault("implicit_vars", {})
        for v in variables:
            for key, var in _walk(f"var{len(store)}", v):
                store[key] = var
        for key, v in named.items():
            if not isinstance(v, bm.Variable):
                raise TypeError(
                    f"{self._name}: implicit var {key!r} must be a Variable, got {v!r}."
                )
            store[key] = v

    def register_implicit_nodes(self, *nodes: Any, **named: Any) -> None:
        """Register child objects that are not attributes (keyed by their name)."""
        store = self.__dict__.setdefault("implicit_nodes", {})
        for node in nodes:
            for _, obj in _walk("", node):
                if isinstance(obj, BrainPyObject):
                    store[obj.name] = obj
        for key, v in named.items():
            if not isinstance(v, BrainPyObject):
                raise TypeError(f"{self._name}: implicit node {key!r} must be a BrainPyObject.")
            store[key] = v

    def _direct_items(self) -> Iterator[tuple[str, Any]]:
        """``(key, item)`` for the Variables and objects directly held by this object."""
        for attr, value in self.__dict__.items():
            if attr in ("implicit_vars", "implicit_nodes"):
                continue
            yield from _walk(attr, value)
        for attr in ("implicit_vars", "implicit_nodes"):
            yield from self.__dict__.get(attr, {}).items()

    def nodes(
        self, method: str = "absolute", level: int = -1, include_self: bool = True
    ) -> Collector:
        """Collect this object and its descendant objects.

        Args:
          method: ``'absolute'`` keys each node by its name; ``'relative'`` by its attribute
            path from this object (``''`` for this object, ``'E'``, ``'E.syn'`` …).
          level: how deep to descend (``0``: this object only, ``1``: direct children, ``-1``:
            no limit).
          include_self: whether this object itself is included.

        Returns:
          A :class:`Collector` of nodes in depth-first attribute order, de-duplicated.
        """
        _check_method(method, "nodes")
        out = Collector()
        seen: set[int] = set()

        def visit(path: str, node: BrainPyObject, depth: int) -> None:
            seen.add(id(node))
            out[node._name if method == "absolute" else path] = node
            if level >= 0 and depth >= level:
                return
            for key, item in node._direct_items():
                if isinstance(item, BrainPyObject) and id(item) not in seen:
                    visit(f"{path}.{key}" if path else key, item, depth + 1)

        visit("", self, 0)
        if not include_self:
            out.pop(self._name if method == "absolute" else "")
        return out

    def vars(
        self,
        method: str = "absolute",
        level: int = -1,
        include_self: bool = True,
        exclude_types: type | tuple[type, ...] | None = None,
    ) -> Collector:
        """Collect the Variables of this object and its descendants.

        Args:
          method: ``'absolute'`` keys are ``'{node name}.{attr}'``; ``'relative'`` keys are the
            attribute path from this object (``'V'``, ``'E.spike'`` …).
          level: how deep to descend into child objects (``-1``: no limit).
          include_self: whether this object's own Variables are included.
          exclude_types: Variable classes to leave out.

        Returns:
          A :class:`Collector` mapping keys to Variables, de-duplicated (first key wins).
        """
        _check_method(method, "vars")
        out = Collector()
        seen: set[int] = set()
        for path, node in self.nodes(method, level, include_self=True).items():
            if node is self and not include_self:
                continue
            for key, item in node._direct_items():
                if not isinstance(item, bm.Variable) or id(item) in seen:
                    continue
                if exclude_types is not None and isinstance(item, exclude_types):
                    continue
                seen.add(id(item))
                out[f"{path}.{key}" if path else key] = item
        return out

    def train_vars(
        self, method: str = "absolute", level: int = -1, include_self: bool = True
    ) -> Collector:
        """The :class:`brainpy_math.TrainVar` s among :meth:`vars`."""
        return self.vars(method, level, include_self).subset(bm.TrainVar)

    # ------------------------------------------------------------ state dicts
    def state_dict(self) -> dict[str, dict[str, Any]]:
        """The values of every Variable, grouped by node (BrainPy 2.3.5's layout).

        See :func:`brainpy_dyn._src.state.state_dict` for the layout.
        """
        from brainpy_dyn._src.state import state_dict

        return state_dict(self)

    def load_state_dict(self, state_dict: Any, warn: bool = True, compatible: str = "v2") -> Any:
        """Load values saved by :meth:`state_dict`; see :func:`~brainpy_dyn._src.state.load_state_dict`."""
        from brainpy_dyn._src.state import load_state_dict

        return load_state_dict(self, state_dict, warn=warn, compatible=compatible)


def _check_method(method: str, where: str) -> None:
    if method not in ("absolute", "relative"):
        raise ValueError(f"{where}(): method must be 'absolute' or 'relative', got {method!r}.")


# Show the public path in reprs, docs and pickles (STYLE.md rule 5).
for _obj in (
    BrainPyObject,
    Collector,
):
    _obj.__module__ = "brainpy_dyn"

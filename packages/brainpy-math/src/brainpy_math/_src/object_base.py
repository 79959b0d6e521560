"""``BrainPyObject``: named objects whose Variables and child objects can be collected.

Discovery rules (``vars()``, ``nodes()``), as in BrainPy 2.3.5:

* an object's direct items are its instance attributes in assignment order; Variables and
  :class:`BrainPyObject` s found directly, or inside (nested) ``list``/``tuple``/``dict``
  attributes, count (a list item gets the key ``attr.0``, a dict item ``attr.key``);
  Variables and nodes registered with ``register_implicit_vars``/``register_implicit_nodes``
  follow, under their own key. Attribute names listed in the class attribute
  ``_excluded_vars`` are skipped by ``vars()``.
* ``nodes()`` first lists an object's direct children, then descends into each. Every
  parent-to-child link is followed once, so circular references (``A.pre = B; B.pre = A``)
  end. With ``method='absolute'`` a node is keyed by its unique name, so it appears once;
  with ``method='relative'`` it is keyed by its attribute path and may appear under each
  path that reaches it over a new link (2.3.5's counts). ``vars()`` gathers the Variables
  of those nodes, each Variable once (first key wins).

Re-assigning an attribute that holds a Variable updates the Variable's value (shape and dtype
checked) instead of rebinding the attribute, as in BrainPy 2.3.5; ``del obj.attr`` first to
rebind it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import jax

from brainpy_math._src import errors
from brainpy_math._src.collectors import ArrayCollector, Collector
from brainpy_math._src.naming import check_name, fresh_name, release_name, unique_name
from brainpy_math._src.public_path import set_module
from brainpy_math._src.variable import TrainVar, Variable

__all__ = ["BrainPyObject"]

_CONTAINERS = (list, tuple, dict)
_IMPLICIT = ("implicit_vars", "implicit_nodes")


def _walk(key: str, value: Any, depth: int = 0) -> Iterator[tuple[str, Any]]:
    """Yield ``(key, item)`` for the Variables and BrainPyObjects in ``value``."""
    if isinstance(value, (Variable, BrainPyObject)):
        yield key, value
    elif isinstance(value, _CONTAINERS) and depth < 8:
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for k, v in items:
            yield from _walk(f"{key}.{k}", v, depth + 1)


def _check_method(method: str, where: str) -> None:
    if method not in ("absolute", "relative"):
        raise ValueError(f"{where}(): method must be 'absolute' or 'relative', got {method!r}.")


def _as_type_tuple(types: Any, where: str) -> tuple[type, ...]:
    if types is None:
        return ()
    out = tuple(types) if isinstance(types, (tuple, list)) else (types,)
    if not all(isinstance(t, type) for t in out):
        raise TypeError(f"{where}: expected a class or a tuple of classes, got {types!r}.")
    return out


class BrainPyObject:
    """Base class of objects with a unique name, Variables and child objects.

    ``brainpy.math.BrainPyObject``, ``brainpy.BrainPyObject`` and ``brainpy.Base`` are this
    class; every dynamical system derives from it.

    Args:
      name: the object name; ``None`` gives an automatic unique ``ClassNameN``. An explicit
        name must be unique among live objects.

    Examples:
      >>> import brainpy_math as bm
      >>> class Cell(bm.BrainPyObject):
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

    #: Attribute names that ``vars()`` leaves out (BrainPy 2.3.5's class attribute).
    _excluded_vars: tuple[str, ...] = ()

    def __init__(self, name: str | None = None):
        self._name = unique_name(self, name)
        # Variables and nodes that are not attributes (BrainPy 2.3.5's two collectors).
        self.__dict__.setdefault("implicit_vars", ArrayCollector())
        self.__dict__.setdefault("implicit_nodes", Collector())

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

    def unique_name(self, name: str | None = None, type_: str | None = None) -> str:
        """Check ``name`` for this object, or make a fresh one (``f'{type_}{n}'``).

        Args:
          name: a name to check (unique among live objects, no dots).
          type_: the prefix of a fresh name; the class name by default.

        Returns:
          ``name``, or a fresh name when ``name`` is ``None``. Nothing is reserved.
        """
        if name is None:
            return fresh_name(type(self).__name__ if type_ is None else str(type_))
        return check_name(self, name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.__dict__.get('_name')!r})"

    # --------------------------------------------------------- Variable rule
    def __setattr__(self, key: str, value: Any) -> None:
        current = self.__dict__.get(key)
        if isinstance(current, Variable) and value is not current:
            try:
                current.value = value
            except (errors.VariableShapeError, errors.VariableDtypeError) as err:
                owner = self.__dict__.get("_name", type(self).__name__)
                raise type(err)(
                    f"{owner}.{key} holds a Variable, so assigning to it updates the "
                    f"Variable's value: {err} (use `del obj.{key}` first to rebind it)"
                ) from err
            return
        object.__setattr__(self, key, value)

    # --------------------------------------------------------- registration
    def register_implicit_vars(self, *variables: Any, **named_variables: Any) -> None:
        """Register Variables that are not attributes.

        Args:
          *variables: Variables, or lists/tuples of them (keyed ``'var{n}'``), or dicts of
            them (keyed by the dict keys).
          **named_variables: Variables keyed by name.

        Raises:
          TypeError: an item is not a Variable.
        """
        store = self.__dict__.setdefault("implicit_vars", ArrayCollector())

        def add(key: str, var: Any) -> None:
            if not isinstance(var, Variable):
                raise TypeError(
                    f"{self.__dict__.get('_name')}.register_implicit_vars: {key!r} must be a "
                    f"brainpy_math.Variable, got {type(var).__name__}."
                )
            store.replace(key, var)

        for item in variables:
            if isinstance(item, Mapping):
                for key, var in item.items():
                    add(str(key), var)
            elif isinstance(item, (list, tuple)):
                for var in item:
                    add(f"var{len(store)}", var)
            else:
                add(f"var{len(store)}", item)
        for key, var in named_variables.items():
            add(key, var)

    def register_implicit_nodes(
        self, *nodes: Any, node_cls: type | None = None, **named_nodes: Any
    ) -> None:
        """Register child objects that are not attributes.

        Args:
          *nodes: objects, or lists/tuples of them (keyed by their names), or dicts of them
            (keyed by the dict keys).
          node_cls: the class every node must be an instance of (``BrainPyObject`` by default).
          **named_nodes: objects keyed by name.

        Raises:
          TypeError: an item is not an instance of ``node_cls``.
        """
        cls = BrainPyObject if node_cls is None else node_cls
        store = self.__dict__.setdefault("implicit_nodes", Collector())

        def add(key: str | None, node: Any) -> None:
            if not isinstance(node, cls):
                raise TypeError(
                    f"{self.__dict__.get('_name')}.register_implicit_nodes: nodes must be "
                    f"{cls.__name__} instances, got {type(node).__name__}: {node!r}."
                )
            store.replace(node.name if key is None else key, node)

        for item in nodes:
            if isinstance(item, Mapping):
                for key, node in item.items():
                    add(str(key), node)
            elif isinstance(item, (list, tuple)):
                for node in item:
                    add(None, node)
            else:
                add(None, item)
        for key, node in named_nodes.items():
            add(key, node)

    # ------------------------------------------------------------- discovery
    def _direct_items(self) -> Iterator[tuple[str, Any]]:
        """``(key, item)`` for the Variables and objects directly held by this object."""
        for attr, value in self.__dict__.items():
            if attr not in _IMPLICIT:
                yield from _walk(attr, value)
        for attr in _IMPLICIT:
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
          A :class:`~brainpy_math.Collector` of nodes (see the module docstring for the order
          and for circular references).
        """
        _check_method(method, "nodes")
        absolute = method == "absolute"
        out = Collector()
        links: set[tuple[int, int]] = set()

        def visit(node: BrainPyObject, path: str, depth: int) -> None:
            if 0 <= level <= depth:
                return
            children = []
            for key, item in node._direct_items():
                if not isinstance(item, BrainPyObject) or (id(node), id(item)) in links:
                    continue
                links.add((id(node), id(item)))
                child_path = item.name if absolute else (f"{path}.{key}" if path else key)
                if child_path not in out:
                    dict.__setitem__(out, child_path, item)
                children.append((child_path, item))
            for child_path, child in children:
                visit(child, child_path, depth + 1)

        self_key = self.name if absolute else ""
        dict.__setitem__(out, self_key, self)
        visit(self, "", 0)
        if not include_self:
            out.pop(self_key)
        return out

    def vars(
        self,
        method: str = "absolute",
        level: int = -1,
        include_self: bool = True,
        exclude_types: type | tuple[type, ...] | None = None,
    ) -> ArrayCollector:
        """Collect the Variables of this object and its descendants.

        Args:
          method: ``'absolute'`` keys are ``'{node name}.{attr}'``; ``'relative'`` keys are the
            attribute path from this object (``'V'``, ``'E.spike'`` …).
          level: how deep to descend into child objects (``-1``: no limit).
          include_self: whether this object's own Variables are included.
          exclude_types: Variable classes to leave out.

        Returns:
          An :class:`~brainpy_math.ArrayCollector` mapping keys to Variables, each Variable
          once (first key wins).
        """
        _check_method(method, "vars")
        excluded = _as_type_tuple(exclude_types, "vars(): exclude_types")
        self_key = self.name if method == "absolute" else ""
        out = ArrayCollector()
        seen: set[int] = set()
        for path, node in self.nodes(method, level, include_self=True).items():
            if path == self_key and not include_self:
                continue
            hidden = getattr(type(node), "_excluded_vars", ())
            for key, item in node._direct_items():
                if not isinstance(item, Variable) or id(item) in seen:
                    continue
                if isinstance(item, excluded) or key.split(".", 1)[0] in hidden:
                    continue
                seen.add(id(item))
                dict.__setitem__(out, f"{path}.{key}" if path else key, item)
        return out

    def train_vars(
        self, method: str = "absolute", level: int = -1, include_self: bool = True
    ) -> ArrayCollector:
        """The :class:`~brainpy_math.TrainVar` s among :meth:`vars`."""
        return self.vars(method, level, include_self).subset(TrainVar)

    # ------------------------------------------------------------ state dicts
    def state_dict(self) -> dict[str, dict[str, Any]]:
        """The values of every Variable, grouped by node (BrainPy 2.3.5's layout).

        Returns:
          ``{node_name: {'node_name.attr': array}}`` with one entry per node of
          :meth:`nodes` (this object included), holding that node's own Variables.
        """
        from brainpy_math._src.object_state import state_dict

        return state_dict(self)

    def load_state_dict(self, state_dict: Any, warn: bool = True, compatible: str = "v2") -> Any:
        """Load values saved by :meth:`state_dict` into the Variables of this object tree.

        Every value is checked (shape, the batch axis excepted, and dtype) before any Variable
        is written, so a failing load changes nothing. Nested (``{node: {key: value}}``) and
        flat (``{'node.attr': value}``) layouts are accepted; when no node name matches,
        nodes are matched by position if the structures agree.

        Args:
          state_dict: the values, such as :meth:`state_dict` or a checkpoint gave them.
          warn: warn (``UserWarning``) when keys are missing or unexpected.
          compatible: the layout version; only ``'v2'`` exists.

        Returns:
          A :class:`~brainpy_math.StateLoadResult` with the missing and unexpected keys.

        Raises:
          brainpy_math.errors.StateDictError: a value has the wrong shape or dtype, or
            bad options.
        """
        from brainpy_math._src.object_state import load_state_dict

        return load_state_dict(self, state_dict, warn=warn, compatible=compatible)

    def save_states(self, filename: str, variables: Any = None, **setting: Any) -> None:
        """Save the Variable values to a ``.npz``, ``.h5``/``.hdf5`` or ``.mat`` file.

        Args:
          filename: the file; its suffix picks the format.
          variables: the Variables to save (a dict or a list of them); all of ``vars()`` by
            default.
          **setting: options passed to the writer (such as ``compressed=True`` for ``.npz``).
        """
        from brainpy_math._src.object_files import save_states

        save_states(self, filename, variables, **setting)

    def load_states(self, filename: str, verbose: bool = False) -> None:
        """Load Variable values written by :meth:`save_states` (keys must match)."""
        from brainpy_math._src.object_files import load_states

        load_states(self, filename, verbose=verbose)

    # --------------------------------------------------------------- devices
    def to(self, device: Any) -> BrainPyObject:
        """Move every Variable's value to ``device`` (a :class:`jax.Device`); return ``self``."""
        if device is not None and not isinstance(device, jax.Device):
            raise TypeError(f"to(): device must be a jax.Device or None, got {device!r}.")
        for var in self.vars().values():
            var.value = jax.device_put(var.value, device)
        return self

    def _to_platform(self, platform: str) -> BrainPyObject:
        try:
            device = jax.devices(platform)[0]
        except RuntimeError as err:
            raise RuntimeError(
                f"{type(self).__name__}: no {platform} device is available."
            ) from err
        return self.to(device)

    def cpu(self) -> BrainPyObject:
        """Move every Variable to the first CPU device; return ``self``."""
        return self._to_platform("cpu")

    def cuda(self) -> BrainPyObject:
        """Move every Variable to the first GPU; return ``self``."""
        return self._to_platform("gpu")

    def tpu(self) -> BrainPyObject:
        """Move every Variable to the first TPU; return ``self``."""
        return self._to_platform("tpu")

    # ---------------------------------------------------------------- pytree
    def tree_flatten(self) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """Split the attributes into dynamic ones (Variables, objects, collectors) and the rest.

        With ``jax.tree_util.register_pytree_node_class(cls)`` a subclass becomes a pytree
        whose leaves are its Variables' values.

        Returns:
          ``(dynamic values, (dynamic names, static names, static values))``.
        """
        dyn_names, dyn_values, static_names, static_values = [], [], [], []
        for key, value in self.__dict__.items():
            if isinstance(value, (Variable, BrainPyObject, ArrayCollector)):
                dyn_names.append(key)
                dyn_values.append(value)
            else:
                static_names.append(key)
                static_values.append(value)
        return tuple(dyn_values), (tuple(dyn_names), tuple(static_names), tuple(static_values))

    @classmethod
    def tree_unflatten(cls, aux: tuple[Any, ...], dynamic_values: Any) -> BrainPyObject:
        """Rebuild an object from :meth:`tree_flatten`'s output (no name is registered)."""
        dyn_names, static_names, static_values = aux
        obj = cls.__new__(cls)
        for key, value in zip(static_names, static_values):
            object.__setattr__(obj, key, value)
        for key, value in zip(dyn_names, dynamic_values):
            object.__setattr__(obj, key, value)
        return obj


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
set_module("brainpy_math", BrainPyObject)

"""Containers of dynamical systems: ``Container``, ``Network`` and ``Sequential``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.dynsys import DynamicalSystem, DynamicalSystemNS, NeuGroup
from brainpy_dyn._src.errors import ContainerChildError
from brainpy_dyn._src.object import BrainPyObject

__all__ = ["Container", "Network", "Sequential"]


def _collect(
    owner: str, args: tuple, kwargs: dict, kind: type = DynamicalSystem
) -> dict[str, DynamicalSystem]:
    children: dict[str, DynamicalSystem] = {}

    def add(key: str, child: Any, where: str) -> None:
        if not isinstance(child, kind):
            raise ContainerChildError(
                f"{owner}: {where} must be a {kind.__name__} (or a list, tuple or dict of "
                f"them), got {type(child).__name__}: {child!r}."
            )
        children[key] = child

    for pos, arg in enumerate(args):
        if isinstance(arg, (list, tuple)):
            for j, child in enumerate(arg):
                add(getattr(child, "name", ""), child, f"child {pos}[{j}]")
        elif isinstance(arg, dict):
            for key, child in arg.items():
                add(str(key), child, f"child {pos}[{key!r}]")
        else:
            add(getattr(arg, "name", ""), arg, f"child {pos}")
    for key, child in kwargs.items():
        add(key, child, f"child {key!r}")
    return children


def _items_with_children(obj: BrainPyObject) -> Iterator[tuple[str, Any]]:
    """Children keyed directly (``'E'``, not ``'children.E'``), then the other attributes."""
    yield from obj.__dict__.get("children", {}).items()
    for key, item in BrainPyObject._direct_items(obj):
        if not key.startswith("children."):
            yield key, item


def _child_getattr(obj: BrainPyObject, key: str) -> Any:
    children = obj.__dict__.get("children")
    if children is not None and key in children:
        return children[key]
    raise AttributeError(f"{type(obj).__name__!r} object has no attribute {key!r}")


class Container(DynamicalSystem):
    """A dynamical system made of child systems; ``update`` calls each child in order.

    Children given positionally are keyed by their name, keyword children by the keyword;
    both are reachable as attributes (``net.E``) and count as direct children (relative keys
    ``'E.V'`` …). Children assigned as attributes in a subclass count too. ``Container`` keeps
    BrainPy 2.3.5's old calling style: a subclass ``update(self, tdi)`` receives the shared
    data first.

    Args:
      *children: systems, or lists/tuples/dicts of systems.
      name: the object name.
      mode: the computing mode.
      must_be_dynsys_subclass: whether every child must be a :class:`DynamicalSystem`
        (``False`` also takes other :class:`BrainPyObject` s, which hold state but are not
        called by :meth:`update`).
      **named_children: systems keyed by name.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Count(bd.DynamicalSystemNS):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self.n = bm.Variable(bm.zeros(()))
      ...     def update(self):
      ...         self.n.value += 1.
      >>> c = bd.Container(a=Count(), b=Count())
      >>> c(); c()
      >>> float(c.a.n.value), list(c.vars(method='relative'))
      (2.0, ['a.n', 'b.n'])
    """

    def __init__(
        self,
        *children: Any,
        name: str | None = None,
        mode: bm.Mode | None = None,
        must_be_dynsys_subclass: bool = True,
        **named_children: Any,
    ):
        kind = DynamicalSystem if must_be_dynsys_subclass else BrainPyObject
        self.children = _collect(type(self).__name__, children, named_children, kind)
        super().__init__(name=name, mode=mode)

    _direct_items = _items_with_children
    __getattr__ = _child_getattr

    def __getitem__(self, key: str) -> DynamicalSystem:
        return self.children[key]

    def update(self, *args: Any, **kwargs: Any) -> None:
        """Call every direct child system (shared data travels through ``share``)."""
        for child in self._child_systems():
            child()


class Network(Container):
    """A :class:`Container` that updates neuron groups after the other children.

    Order per step, as in BrainPy 2.3.5: first the children that are neither neuron groups
    (:class:`NeuGroup`) nor delays (synapses and the like read the previous step's spikes),
    then the neuron groups, then the delays (which push the new values).

    Examples:
      >>> import brainpy_dyn as bd
      >>> pre = bd.neurons.SpikeTimeGroup(1, times=[0.], indices=[0])
      >>> post = bd.neurons.LIF(1)
      >>> syn = bd.synapses.Exponential(pre, post, bd.conn.All2All(), g_max=2.)
      >>> net = bd.Network(pre, syn, post)  # or as keywords: Network(E=pre, syn=syn, I=post)
      >>> runner = bd.DSRunner(net, monitors={'g': syn.g}, progress_bar=False)
      >>> _ = runner.run(0.3)
      >>> [round(float(g), 4) for g in runner.mon['g'][:, 0]]
      [0.0, 2.0, 1.9752]
    """

    def update(self, *args: Any, **kwargs: Any) -> None:
        """Call the children: others, then neuron groups, then delays."""
        from brainpy_dyn._src.delay import Delay

        children = self._child_systems()
        rank = {
            id(c): 2 if isinstance(c, Delay) else int(isinstance(c, NeuGroup)) for c in children
        }
        for child in sorted(children, key=lambda c: rank[id(c)]):
            child()


class Sequential(DynamicalSystemNS):
    """Chain systems: ``update(x)`` feeds ``x`` through each child in turn.

    Args:
      *modules: the systems, in order (lists/tuples/dicts of systems are flattened).
      name: the object name.
      mode: the computing mode.
      **named_modules: further systems keyed by name, after the positional ones.

    Examples:
      >>> import brainpy_dyn as bd
      >>> class Double(bd.DynamicalSystemNS):
      ...     def update(self, x):
      ...         return 2 * x
      >>> seq = bd.Sequential(Double(), Double())
      >>> seq(3), len(seq)
      (12, 2)
    """

    def __init__(
        self,
        *modules: Any,
        name: str | None = None,
        mode: bm.Mode | None = None,
        **named_modules: Any,
    ):
        self.children = _collect(type(self).__name__, modules, named_modules)
        super().__init__(name=name, mode=mode)

    _direct_items = _items_with_children
    __getattr__ = _child_getattr

    def __len__(self) -> int:
        return len(self.children)

    def __getitem__(self, key: int | slice | str) -> Any:
        if isinstance(key, str):
            return self.children[key]
        items = list(self.children.values())
        if isinstance(key, slice):
            return Sequential(*items[key], mode=self.mode)
        return items[key]

    def update(self, x: Any, *args: Any, **kwargs: Any) -> Any:
        """Pass ``x`` through the children; extra arguments go to the first one."""
        for pos, child in enumerate(self.children.values()):
            x = child(x, *args, **kwargs) if pos == 0 else child(x)
        return x


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
bm.set_module("brainpy_dyn", Container, Network, Sequential)

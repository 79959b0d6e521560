"""Views of systems: ``group[1:3]`` is a part of a group that reads and writes through to it.

``system[index]`` returns a :class:`DSView` (a :class:`NeuGroupView` for a neuron group): every
Variable of the system whose shape starts with the system's per-neuron shape (after the
batch axis, if any) appears on the view as a :class:`brainpy_math.VariableView` of the
selected neurons, so ``view.V += 1.`` changes those neurons of the group and a synapse whose
post-synaptic side is ``group[:100]`` drives the first 100 neurons only. Every other attribute
is the system's own. A view has no dynamics: the system it views is the one that is updated.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.dynsys import DynamicalSystem, NeuGroup

__all__ = ["DSView", "NeuGroupView"]


def _as_index(index: Any, who: str) -> tuple[Any, ...]:
    items = index if isinstance(index, tuple) else (index,)
    for item in items:
        if item is Ellipsis or item is None or isinstance(item, slice | int | np.integer):
            continue
        if isinstance(item, bool):
            break
        array = np.asarray(bm.as_numpy(item) if hasattr(item, "_value") else item)
        if array.dtype.kind in "biu":
            continue
        break
    else:
        return items
    raise TypeError(
        f"{who}: index must be an int, a slice, an integer or boolean array, or a tuple of "
        f"those, got {index!r}."
    )


def _indexed_shape(shape: tuple[int, ...], index: tuple[Any, ...], who: str) -> tuple[int, ...]:
    try:
        return tuple(np.broadcast_to(np.False_, shape)[index].shape)
    except (IndexError, TypeError, ValueError) as err:
        raise IndexError(f"{who}: index {index!r} does not fit the shape {shape}: {err}") from err


class DSView(DynamicalSystem):
    """A view of part of a :class:`~brainpy_dyn.DynamicalSystem` (``system[index]``).

    BrainPy implementation of 2.3.5's ``DSView``. The view's Variables are
    :class:`brainpy_math.VariableView` of the viewed system's own Variables that hold one
    entry per element of ``varshape`` (the index applies after the batch axis); reading a
    view Variable reads the system, assigning it writes the selected part. Any attribute the
    view does not have is looked up on the system. A view is not updated: calling it
    raises :class:`NotImplementedError`, and resetting it does nothing.

    Args:
      target: the system to view.
      index: an int, a slice, an integer or boolean array, or a tuple of those.
      varshape: the per-element shape of ``target`` the index applies to (default
        ``target.varshape``).
      name: the view's name.
      mode: must be ``None`` or ``target.mode`` (a view computes in its target's mode).

    Raises:
      TypeError: ``target`` is not a system, or a bad ``index``.
      IndexError: ``index`` does not fit ``varshape``.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> g = bd.neurons.LIF(4)
      >>> tail = g[2:]
      >>> tail.V += 5.
      >>> g.V.value
      Array([0., 0., 5., 5.], dtype=float32)
    """

    def __init__(
        self,
        target: DynamicalSystem,
        index: Any,
        varshape: tuple[int, ...] | None = None,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        who = type(self).__name__
        if not isinstance(target, DynamicalSystem):
            raise TypeError(
                f"{who}: target must be a DynamicalSystem, got {type(target).__name__}."
            )
        if mode is not None and mode != target.mode:
            raise ValueError(
                f"{who}: a view computes in its target's mode ({target.mode!r}), got mode={mode!r}."
            )
        index = _as_index(index, who)
        if varshape is None:
            varshape = getattr(target, "varshape", None)
        if varshape is None:
            raise TypeError(
                f"{who}: {type(target).__name__} has no varshape; give the shape the index "
                "applies to as varshape=."
            )
        object.__setattr__(self, "target", target)
        self.index = index
        self.target_varshape = tuple(varshape)
        self.view_shape = _indexed_shape(self.target_varshape, index, who)
        self._init_system(name, target.mode)
        self._make_variable_views()

    def _init_system(self, name: str | None, mode: bm.Mode) -> None:
        DynamicalSystem.__init__(self, name=name, mode=mode)

    def _make_variable_views(self) -> None:
        ndim = len(self.target_varshape)
        for key, var in self.target.vars(method="relative", level=0).items():
            if "." in key:
                continue
            axis = var.batch_axis
            shape = tuple(var.shape)
            rest = shape if axis is None else shape[:axis] + shape[axis + 1 :]
            if rest[:ndim] != self.target_varshape or (axis is not None and axis > 0):
                continue  # not one entry per element: read through __getattr__ instead
            index = self.index if axis is None else (slice(None), *self.index)
            self.__dict__.pop(key, None)
            object.__setattr__(self, key, bm.VariableView(var, index))

    def __getattr__(self, item: str) -> Any:
        # only called when the normal lookup fails: the target's attributes show through
        target = self.__dict__.get("target")
        if target is None or item.startswith("__"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {item!r}")
        return getattr(target, item)

    def update(self, *args: Any, **kwargs: Any) -> Any:
        """Raise: a view has no dynamics of its own."""
        raise NotImplementedError(
            f"{self!r} is a view of {self.target!r} and cannot be updated; update "
            f"{self.target.name} instead."
        )

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Do nothing: the viewed system owns the state."""

    def clear_input(self) -> None:
        """Do nothing: the viewed system owns the inputs."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(target={self.target.name!r}, index={self.index!r})"


class NeuGroupView(DSView, NeuGroup):
    """A view of some neurons of a neuron group (``group[index]``).

    BrainPy implementation of 2.3.5's ``NeuGroupView``: a :class:`DSView` that is a
    :class:`~brainpy_dyn.NeuGroup` of the selected neurons (``size``, ``num`` and
    ``varshape`` are those of the selection), so it can stand as the pre- or post-synaptic
    group of a synapse.

    Args:
      target: the neuron group.
      index: which neurons (over ``target.varshape``).
      name: the view's name.
      mode: must be ``None`` or ``target.mode``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> g = bd.neurons.LIF(10)
      >>> view = g[2:5]
      >>> view.num, view.varshape, view.V.shape
      (3, (3,), (3,))
    """

    def __init__(
        self,
        target: NeuGroup,
        index: Any,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        if not isinstance(target, NeuGroup):
            raise TypeError(
                f"NeuGroupView: target must be a NeuGroup, got {type(target).__name__}."
            )
        super().__init__(target, index, target.varshape, name=name, mode=mode)

    def _init_system(self, name: str | None, mode: bm.Mode) -> None:
        shape = self.view_shape
        if math.prod(shape) == 0:
            raise IndexError(f"NeuGroupView: index {self.index!r} selects no neuron.")
        NeuGroup.__init__(self, size=shape if shape else (1,), keep_size=True, name=name, mode=mode)


def view_of(system: DynamicalSystem, index: Any) -> DSView:
    """``system[index]``: a :class:`NeuGroupView` of a neuron group, else a :class:`DSView`."""
    if isinstance(system, NeuGroup):
        return NeuGroupView(system, index)
    return DSView(system, index)


bm.set_module("brainpy_dyn", DSView, NeuGroupView)

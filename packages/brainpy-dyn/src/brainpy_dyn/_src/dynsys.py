"""``DynamicalSystem``: the base class of every model that advances by time steps.

Calling convention (BrainPy 2.3.5, ``model(*args)`` → ``model.update(...)``):

* new style (:class:`DynamicalSystemNS`, or an ``update`` decorated with
  :func:`not_pass_shared`): ``update(*args)``; models read ``t``, ``i``, ``dt`` with
  ``share.load(...)``;
* old style (``DynamicalSystem`` whose ``update`` is not decorated): the shared data is
  passed first, ``update(share.get_shargs(), *args)``;
* 2.3.5's component style: a new-style class (``SynSTP``, ``SynLTP``, ...) whose subclass
  writes ``update(self, tdi, ...)`` gets the shared data first, as the old style does.
  :func:`takes_shared_first` reads that from the signature.

In both styles a dict first argument is shared data: it is saved into ``share``, then passed
on (old style) or dropped (new style). So a plain dict can never be a real first input.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import brainpy_math as bm
from brainpy_dyn._src.context import DotDict, share
from brainpy_dyn._src.errors import ModeSupportError, ModeTypeError, NeuGroupSizeError
from brainpy_dyn._src.object import BrainPyObject

__all__ = [
    "DynamicalSystem",
    "DynamicalSystemNS",
    "NeuGroup",
    "NeuGroupNS",
    "not_pass_shared",
    "batch_size_of",
    "takes_shared_first",
]

_F = TypeVar("_F", bound=Callable[..., Any])


def not_pass_shared(func: _F) -> _F:
    """Mark an ``update`` method as new style: it does not take the shared data first.

    Examples:
      >>> import brainpy_dyn as bd
      >>> class Echo(bd.DynamicalSystem):
      ...     @bd.not_pass_shared
      ...     def update(self, x):
      ...         return x
      >>> Echo()(3)
      3
    """
    func._new_style = True  # type: ignore[attr-defined]
    return func


@functools.cache
def takes_shared_first(update: Any) -> bool:
    """Whether an ``update`` function follows 2.3.5's component style ``update(self, tdi, ...)``.

    The shared data is expected first when the parameter after ``self`` is named ``tdi``.
    """
    try:
        params = list(inspect.signature(update).parameters)
    except (TypeError, ValueError):
        return False
    return len(params) > 1 and params[1] == "tdi"


def batch_size_of(batch_size: Any) -> int | None:
    """The batch size asked for by an int, ``None`` (no batch axis) or a Mode.

    The rule of :func:`brainpy_math.modes.batch_size_of`: ``NonBatchingMode`` → ``None``;
    a ``BatchingMode`` (``TrainingMode``) → its ``batch_size``.
    """
    return bm.modes.batch_size_of(batch_size)


def _check_mode(mode: Any, owner: str) -> bm.Mode:
    if mode is None:
        return bm.get_mode()
    if isinstance(mode, type) and issubclass(mode, bm.Mode):
        mode = mode()
    if not isinstance(mode, bm.Mode):
        raise ModeTypeError(
            f"{owner}: mode must be a brainpy_math.Mode (for example bm.nonbatching_mode) or "
            f"None, got {type(mode).__name__}: {mode!r}."
        )
    return mode


class DynamicalSystem(BrainPyObject):
    """Base class of dynamical systems: models with state advanced by ``update``.

    Args:
      name: the object name (``None``: automatic ``ClassNameN``).
      mode: the computing mode; ``None`` takes the global ``brainpy_math.get_mode()``.

    Attributes:
      pass_shared: class attribute; ``True`` (old style) passes the shared data to
        ``update`` as its first argument. :class:`DynamicalSystemNS` sets it to ``False``;
        there an ``update(self, tdi, ...)`` (2.3.5's component style) still gets it.
      supported_modes: class attribute; ``None`` (any mode) or a tuple of Mode classes.

    Examples:
      >>> import brainpy_dyn as bd
      >>> class Clock(bd.DynamicalSystem):          # old style: shared data first
      ...     def update(self, tdi, x):
      ...         return tdi['t'] + x
      >>> bd.share.save(t=1.0)
      >>> Clock()(0.5)
      1.5
      >>> bd.share.clear_shargs()
    """

    pass_shared: bool = True
    supported_modes: tuple[type, ...] | None = None

    def __init__(self, name: str | None = None, mode: bm.Mode | None = None):
        self._mode = self._validated_mode(mode)
        super().__init__(name=name)

    def _validated_mode(self, mode: Any) -> bm.Mode:
        mode = _check_mode(mode, type(self).__name__)
        if self.supported_modes is not None and not isinstance(mode, self.supported_modes):
            raise ModeSupportError(
                f"{type(self).__name__}: mode must be one of "
                f"{[m.__name__ for m in self.supported_modes]}, got {mode!r}."
            )
        return mode

    @property
    def mode(self) -> bm.Mode:
        """The computing mode of this system."""
        return self._mode

    @mode.setter
    def mode(self, mode: bm.Mode) -> None:
        self._mode = self._validated_mode(mode)

    # -------------------------------------------------------------- stepping
    def update(self, *args: Any, **kwargs: Any) -> Any:
        """Advance the system by one step; subclasses implement it."""
        raise NotImplementedError(f"{type(self).__name__} must implement update().")

    def _update_takes_shared(self) -> bool:
        """The one rule for whether a call passes the shared data to ``update`` first."""
        if getattr(self.update, "_new_style", False):
            return False
        return self.pass_shared or takes_shared_first(type(self).update)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Call :meth:`update` following the calling convention in the module docstring."""
        update = self.update
        shared_first = bool(args) and isinstance(args[0], dict)
        if shared_first:
            share.save(**args[0])
        if not self._update_takes_shared():
            return update(*args[1:], **kwargs) if shared_first else update(*args, **kwargs)
        if shared_first:
            return update(DotDict(args[0]), *args[1:], **kwargs)
        return update(share.get_shargs(), *args, **kwargs)

    def __getitem__(self, index: Any) -> Any:
        """A view of part of the system that reads and writes through to it (2.3.5).

        ``group[1:3]`` is a :class:`~brainpy_dyn.NeuGroupView` of a neuron group, any other
        system gives a :class:`~brainpy_dyn.DSView`; see :mod:`brainpy_dyn` for what a view
        holds.
        """
        from brainpy_dyn._src.views import view_of

        return view_of(self, index)

    # ------------------------------------------------------------ children
    def _child_systems(self) -> list[DynamicalSystem]:
        nodes = self.nodes(level=1, include_self=False).values()
        return [n for n in nodes if isinstance(n, DynamicalSystem)]

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Reset the state; by default resets every direct child system, in attribute order.

        Args:
          batch_size: the batch size (or a Mode) to reset to; ``None`` for none.
        """
        for child in self._child_systems():
            child.reset_state(batch_size)

    def reset(self, batch_size: int | bm.Mode | None = None) -> None:
        """Same as :meth:`reset_state`."""
        self.reset_state(batch_size)

    def clear_input(self) -> None:
        """Clear the inputs accumulated during a step; recursive over child systems.

        Runners call it before each step. Groups with an input Variable override it (and
        should call ``super().clear_input()`` when they hold children).
        """
        for child in self._child_systems():
            child.clear_input()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, mode={self.mode!r})"


class DynamicalSystemNS(DynamicalSystem):
    """A :class:`DynamicalSystem` whose ``update`` does not take the shared data.

    Models read ``t``, ``i`` and ``dt`` from :data:`~brainpy_dyn.share`.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Leak(bd.DynamicalSystemNS):
      ...     def __init__(self):
      ...         super().__init__()
      ...         self.v = bm.Variable(bm.ones(1))
      ...     def update(self, x=0.):
      ...         self.v.value = self.v * 0.5 + x * bd.share.load('dt')
      ...         return self.v.value
      >>> Leak()(10.)
      Array([1.5], dtype=float32)
    """

    pass_shared = False


def _to_size(size: Any, owner: str) -> tuple[int, ...]:
    items = (size,) if isinstance(size, numbers.Integral) else size
    try:
        items = tuple(items)
    except TypeError:
        items = ()
    ok = bool(items) and all(
        isinstance(s, numbers.Integral) and not isinstance(s, bool) and s > 0 for s in items
    )
    if not ok:
        raise NeuGroupSizeError(
            f"{owner}: size must be a positive int or a non-empty tuple of positive ints, "
            f"got {size!r}."
        )
    return tuple(int(s) for s in items)


class NeuGroup(DynamicalSystem):
    """Base class of neuron groups (old calling style; see :class:`NeuGroupNS`).

    Args:
      size: the number of neurons, or the group's shape (a tuple of ints).
      keep_size: keep the shape of ``size`` for the Variables (``varshape``); otherwise they
        are flat, of shape ``(num,)``.
      name: the object name.
      mode: the computing mode.

    Attributes:
      size: the shape as a tuple of ints.
      num: the number of neurons.
      varshape: the shape of per-neuron Variables without batch axis.
      keep_size: as given.

    Examples:
      >>> import brainpy_dyn as bd
      >>> g = bd.NeuGroupNS((2, 5))
      >>> g.size, g.num, g.varshape, g.get_batch_shape(8)
      ((2, 5), 10, (10,), (8, 10))
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        self.size = _to_size(size, type(self).__name__)
        self.num = math.prod(self.size)
        self.keep_size = bool(keep_size)
        self.varshape = self.size if self.keep_size else (self.num,)
        super().__init__(name=name, mode=mode)

    def get_batch_shape(self, batch_size: int | bm.Mode | None = None) -> tuple[int, ...]:
        """``varshape`` with a leading batch axis of ``batch_size`` (a Mode is accepted)."""
        batch_size = batch_size_of(batch_size)
        return self.varshape if batch_size is None else (int(batch_size), *self.varshape)

    def __len__(self) -> int:
        return self.num

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, size={self.size}, mode={self.mode!r})"


class NeuGroupNS(NeuGroup):
    """A :class:`NeuGroup` whose ``update`` does not take the shared data (new style).

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Leaky(bd.NeuGroupNS):
      ...     def __init__(self, size, tau=10.):
      ...         super().__init__(size)
      ...         self.tau = tau
      ...         self.V = bm.Variable(bm.ones(self.varshape))
      ...     def update(self, x=0.):
      ...         dt = bd.share.load('dt')
      ...         self.V.value = self.V + (x - self.V) / self.tau * dt
      ...         return self.V.value
      >>> group = Leaky(2)
      >>> bd.share.save(t=0., dt=0.1)
      >>> group.update().tolist()
      [0.9900000095367432, 0.9900000095367432]
    """

    pass_shared = False


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
bm.set_module(
    "brainpy_dyn",
    DynamicalSystem,
    DynamicalSystemNS,
    NeuGroup,
    NeuGroupNS,
    not_pass_shared,
)

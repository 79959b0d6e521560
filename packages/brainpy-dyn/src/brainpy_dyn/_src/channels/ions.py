"""The abstract ions and channel families: ``Ion``, ``IonChannel``, ``Calcium`` and kin.

A :class:`Calcium` ion holds calcium channels as children and gives them its
concentration ``C`` (mM) and reversal potential ``E`` (mV): a calcium channel's methods
take ``(V, C_Ca, E_Ca)``. The other channels live directly in a
:class:`~brainpy_dyn.CondNeuGroup` and take ``V`` only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.channels.base import Channel, CondNeuGroup, check_master
from brainpy_dyn._src.containers import Container, _collect
from brainpy_dyn._src.neurons.base import as_value

__all__ = [
    "Ion",
    "IonChannel",
    "Calcium",
    "CalciumChannel",
    "SodiumChannel",
    "PotassiumChannel",
    "IhChannel",
    "LeakyChannel",
]


class Ion(Channel):
    """Base class of the ions (ion dynamics that hold their own channels).

    BrainPy implementation of ``brainpy.channels.Ion`` (2.3.5).

    Examples:
      >>> import brainpy_dyn as bd
      >>> ca = bd.channels.CalciumFixed(2)
      >>> isinstance(ca, bd.channels.Ion), ca.master_type.__name__
      (True, 'CondNeuGroup')
    """

    master_type = CondNeuGroup

    def update(self, tdi: Any, V: Any) -> None:
        """Advance the ion's state by one step at ``V``."""
        raise NotImplementedError(f"{type(self).__name__} must implement update(tdi, V).")

    def current(self, V: Any) -> Any:
        """The total current of the ion's channels into the cell at ``V``."""
        raise NotImplementedError(f"{type(self).__name__} must implement current(V).")

    def reset(self, V: Any, batch_size: Any = None) -> None:
        """Same as :meth:`reset_state`."""
        self.reset_state(V, batch_size)

    def reset_state(self, V: Any, batch_size: Any = None) -> None:
        """Reset the state at ``V``."""
        raise NotImplementedError(f"{type(self).__name__} must implement reset_state(V).")


class IonChannel(Channel):
    """Base class of the ion channels.

    BrainPy implementation of ``brainpy.channels.IonChannel`` (2.3.5).

    Examples:
      >>> import brainpy_dyn as bd
      >>> class Leak(bd.channels.IonChannel):
      ...     '''A passive leak, I = g (E - V).'''
      ...     def __init__(self, size, g=0.1, E=-70.):
      ...         super().__init__(size)
      ...         self.g, self.E = g, E
      ...     def update(self, tdi, V):
      ...         pass  # no gates
      ...     def current(self, V):
      ...         return self.g * (self.E - V)
      ...     def reset_state(self, V, batch_size=None):
      ...         pass
      >>> cell = bd.CondNeuGroup(1, V_initializer=bd.init.OneInit(-60.), IL=Leak(1))
      >>> float(cell.IL.current(-60.))
      -1.0
      >>> runner = bd.DSRunner(cell, monitors=['V'], progress_bar=False)
      >>> _ = runner.run(0.2)
      >>> [round(float(v), 4) for v in runner.mon.V[:, 0]]  # relaxes towards E
      [-60.0995, -60.198]
    """

    master_type = CondNeuGroup

    def update(self, tdi: Any, V: Any) -> None:
        """Advance the gates by one step at ``V``."""
        raise NotImplementedError(f"{type(self).__name__} must implement update(tdi, V).")

    def current(self, V: Any) -> Any:
        """The current into the cell at ``V``."""
        raise NotImplementedError(f"{type(self).__name__} must implement current(V).")

    def reset(self, V: Any, batch_size: Any = None) -> None:
        """Same as :meth:`reset_state`."""
        self.reset_state(V, batch_size)

    def reset_state(self, V: Any, batch_size: Any = None) -> None:
        """Set the gates to their steady state at ``V``."""
        raise NotImplementedError(f"{type(self).__name__} must implement reset_state(V).")


class Calcium(Ion, Container):
    """Base class of the calcium ions: calcium dynamics holding calcium channels.

    BrainPy implementation of ``brainpy.channels.Calcium`` (2.3.5). Subclasses keep the
    concentration ``C`` (mM) and the reversal potential ``E`` (mV).

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      method: the integration method.
      name: the object name.
      mode: the computing mode.
      **channels: the calcium channels, keyed by name.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ca = bd.channels.CalciumFixed(1, ICaL=bd.channels.ICaL_IS2008(1))
      >>> isinstance(ca, bd.channels.Calcium), float(ca.E), list(ca.children)
      (True, 120.0, ['ICaL'])
    """

    master_type = CondNeuGroup

    C: Any
    E: Any

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
        **channels: Any,
    ):
        Ion.__init__(self, size, keep_size=keep_size, name=name, mode=mode)
        check_master(type(self), **channels)
        self.children = _collect(type(self).__name__, (), channels)
        self.method = method

    def _channels(self) -> list[Channel]:
        out: list[Channel] = []
        for node in self.nodes(level=1, include_self=False).values():
            if isinstance(node, Channel) and all(node is not c for c in out):
                out.append(node)
        return out

    def current(self, V: Any, C_Ca: Any = None, E_Ca: Any = None) -> Any:
        """The summed current of the calcium channels (at this ion's ``C`` and ``E`` by default)."""
        C_Ca = as_value(self.C) if C_Ca is None else C_Ca
        E_Ca = as_value(self.E) if E_Ca is None else E_Ca
        channels = self._channels()
        check_master(type(self), *channels)
        total: Any = 0.0
        for channel in channels:
            total = total + channel.current(V, C_Ca, E_Ca)
        return total

    def register_implicit_nodes(self, *channels: Any, **named_channels: Any) -> None:
        """Register calcium channels that are not attributes (checked against ``master_type``)."""
        check_master(type(self), *channels, **named_channels)
        super().register_implicit_nodes(*channels, **named_channels)

    def _update_channels(self, tdi: Any, V: Any, C: Any, E: Any) -> None:
        for channel in self._channels():
            channel.update(tdi, V, C, E)

    def _reset_channels(self, V: Any, C: Any, E: Any, batch_size: Any) -> None:
        for channel in self._channels():
            channel.reset_state(V, C, E, batch_size=batch_size)


class CalciumChannel(IonChannel):
    """Base class of the calcium channels; they live in a :class:`Calcium` ion.

    BrainPy implementation of ``brainpy.channels.CalciumChannel`` (2.3.5). Their methods
    take the calcium concentration ``C_Ca`` (mM) and reversal potential ``E_Ca`` (mV).

    Attributes:
      carries_calcium: class attribute; whether the current is carried by calcium ions and
        so feeds the concentration of a dynamic calcium ion. ``True`` by default; the
        calcium-activated currents that carry other ions set it to ``False``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ica = bd.channels.ICaL_IS2008(1)
      >>> isinstance(ica, bd.channels.CalciumChannel), ica.master_type.__name__
      (True, 'Calcium')
      >>> ca = bd.channels.CalciumFixed(1, ICaL=ica)  # calcium channels live in a calcium ion
      >>> ca.reset_state(-20.)  # the gates to their steady state at V
      >>> bool(ica.current(-20., ca.C, ca.E)[0] > 0)  # E_Ca > V: into the cell
      True
    """

    master_type = Calcium
    carries_calcium: bool = True

    def update(self, tdi: Any, V: Any, C_Ca: Any, E_Ca: Any) -> None:  # type: ignore[override]
        """Advance the gates by one step."""
        raise NotImplementedError(f"{type(self).__name__} must implement update().")

    def current(self, V: Any, C_Ca: Any, E_Ca: Any) -> Any:  # type: ignore[override]
        """The current into the cell."""
        raise NotImplementedError(f"{type(self).__name__} must implement current().")

    def reset(self, V: Any, C_Ca: Any, E_Ca: Any, batch_size: Any = None) -> None:  # type: ignore[override]
        """Same as :meth:`reset_state`."""
        self.reset_state(V, C_Ca, E_Ca, batch_size)

    def reset_state(self, V: Any, C_Ca: Any, E_Ca: Any, batch_size: Any = None) -> None:  # type: ignore[override]
        """Set the gates to their steady state."""
        raise NotImplementedError(f"{type(self).__name__} must implement reset_state().")


class SodiumChannel(IonChannel):
    """Base class of the sodium channels (``brainpy.channels.SodiumChannel``, 2.3.5).

    Examples:
      >>> import brainpy_dyn as bd
      >>> issubclass(bd.channels.INa_HH1952, bd.channels.SodiumChannel)
      True
    """

    master_type = CondNeuGroup


class PotassiumChannel(IonChannel):
    """Base class of the potassium channels (``brainpy.channels.PotassiumChannel``, 2.3.5).

    Examples:
      >>> import brainpy_dyn as bd
      >>> issubclass(bd.channels.IK_HH1952, bd.channels.PotassiumChannel)
      True
    """

    master_type = CondNeuGroup


class IhChannel(IonChannel):
    """Base class of the hyperpolarization-activated channels (``brainpy.channels.IhChannel``).

    Examples:
      >>> import brainpy_dyn as bd
      >>> issubclass(bd.channels.Ih_HM1992, bd.channels.IhChannel)
      True
    """

    master_type = CondNeuGroup


class LeakyChannel(IonChannel):
    """Base class of the leak channels (``brainpy.channels.LeakyChannel``, 2.3.5).

    Examples:
      >>> import brainpy_dyn as bd
      >>> il = bd.channels.IL(1, g_max=0.1, E=-70.)
      >>> isinstance(il, bd.channels.LeakyChannel), float(il.current(-60.))
      (True, -1.0)
    """

    master_type = CondNeuGroup

"""``Channel`` and ``CondNeuGroup``: a conductance-based neuron assembled from ion channels.

Conventions (BrainPy 2.3.5):

* ``V`` in mV, time in ms, conductances in mS/cm², currents in µA/cm².
* A channel's :meth:`Channel.current` is the current **into** the cell,
  ``g (E - V)``: positive currents depolarise. The group integrates
  ``C dV/dt = Σ currents + input · 1e-3 / A``.
* Channels use BrainPy 2.3.5's old calling style: ``update(tdi, V)`` takes the shared
  data (``t``, ``dt``) first.
* Each step the group advances ``V`` with the channels' gates of the step's start, then
  advances every channel with the ``V`` of the step's start, then stores the new ``V``:
  every variable moves from the old state, as one exponential-Euler step of the whole
  system would (exactly the scheme of :class:`~brainpy_dyn.neurons.HH`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.containers import Container, _collect
from brainpy_dyn._src.context import share
from brainpy_dyn._src.dynsys import DynamicalSystem, NeuGroup, _to_size
from brainpy_dyn._src.initialize.helpers import noise as init_noise
from brainpy_dyn._src.initialize.helpers import parameter, variable_
from brainpy_dyn._src.initialize.random_inits import Uniform
from brainpy_dyn._src.neurons.base import as_value, build_integral, check_initializer
from brainpy_dyn._src.params import check_finite, check_positive
from brainpy_math import random as bm_random

__all__ = ["Channel", "CondNeuGroup", "check_master", "shared_time", "batch_of"]

# 2.3.5's default initial V; draws from brainpy_math.random.DEFAULT at each call.
_UNIFORM_V = Uniform(-70.0, -60.0)


def shared_time(tdi: Any) -> tuple[Any, Any]:
    """``(t, dt)`` from the shared data ``tdi`` (a dict), else from :data:`share`."""
    if isinstance(tdi, dict):
        t = tdi["t"] if "t" in tdi else share.load("t", 0.0)
        dt = tdi["dt"] if "dt" in tdi else share.dt
        return t, dt
    return share.load("t", 0.0), share.dt


def batch_of(batch_size: Any, mode: bm.Mode) -> int | None:
    """The batch size asked for by ``batch_size`` (``None``: ``mode``'s own layout)."""
    return bm.modes.batch_size_of(batch_size, mode)


def check_master(master: type, *channels: Any, **named_channels: Any) -> None:
    """Check that every channel may live in a model of type ``master``.

    Raises:
      TypeError: a child is not a :class:`Channel`, or its ``master_type`` is not a base of
        ``master`` (for example a calcium channel put directly into a ``CondNeuGroup``
        instead of into a ``Calcium`` ion).
    """
    items = [(getattr(c, "name", repr(c)), c) for c in channels] + list(named_channels.items())
    for key, channel in items:
        if not isinstance(channel, Channel):
            raise TypeError(
                f"{master.__name__}: child {key!r} must be a brainpy_dyn.Channel, "
                f"got {type(channel).__name__}: {channel!r}."
            )
        need = channel.master_type
        if need is not None and not issubclass(master, need):
            raise TypeError(
                f"{master.__name__}: channel {key!r} ({type(channel).__name__}) must live in "
                f"a {need.__name__}, not in a {master.__name__}."
            )


class Channel(DynamicalSystem):
    """Base class of the ion channels and ions a :class:`CondNeuGroup` is built from.

    BrainPy implementation of ``brainpy.Channel`` (2.3.5). Subclasses implement
    ``update(tdi, V)``, ``current(V)`` and ``reset_state(V, batch_size=None)``;
    ``master_type`` is the kind of model the channel may be put in.

    Args:
      size: the number of compartments, or their shape.
      name: the object name.
      keep_size: keep ``size`` as the Variables' shape.
      mode: the computing mode.

    Attributes:
      size: the shape as a tuple of ints.
      num: the number of compartments.
      varshape: the shape of per-compartment Variables without batch axis.

    Examples:
      >>> import brainpy_dyn as bd
      >>> na = bd.channels.INa_HH1952(3)
      >>> isinstance(na, bd.Channel), na.num, na.master_type.__name__
      (True, 3, 'CondNeuGroup')
    """

    master_type: type | None = None

    def __init__(
        self,
        size: int | Sequence[int],
        name: str | None = None,
        keep_size: bool = False,
        mode: bm.Mode | None = None,
    ):
        self.size = _to_size(size, type(self).__name__)
        self.num = int(np.prod(self.size))
        self.keep_size = bool(keep_size)
        super().__init__(name=name, mode=mode)

    @property
    def varshape(self) -> tuple[int, ...]:
        """``size`` if ``keep_size``, else ``(num,)``."""
        return self.size if self.keep_size else (self.num,)

    def update(self, tdi: Any, V: Any) -> None:
        """Advance the channel's state by one step at membrane potential ``V``."""
        raise NotImplementedError(f"{type(self).__name__} must implement update(tdi, V).")

    def current(self, V: Any) -> Any:
        """The current into the cell (µA/cm²) at ``V``."""
        raise NotImplementedError(f"{type(self).__name__} must implement current(V).")

    def reset_state(self, V: Any, batch_size: Any = None) -> None:
        """Reset the state to its steady state at ``V``."""
        raise NotImplementedError(f"{type(self).__name__} must implement reset_state(V).")

    # ---------------------------------------------------------------- helpers
    def _param(self, value: Any, name: str, *, positive: bool = False) -> Any:
        """A per-compartment parameter (a number, an array of ``varshape`` or an initializer)."""
        p = parameter(value, self.varshape, allow_none=False, name=name)
        if positive:
            check_positive(p, type(self).__name__, name)
        else:  # a conductance, a potential, a rate factor: NaN and inf mean nothing
            check_finite(p, type(self).__name__, name)
        return p

    def _gate(self, name: str) -> None:
        """Create the gating Variable ``name`` (zeros, laid out for the mode)."""
        fdtype = bm.get_float()
        value = variable_(lambda s: np.zeros(s, fdtype), self.varshape, batch_of(None, self.mode))
        object.__setattr__(self, name, value)

    def _set_state(self, name: str, value: Any, batch_size: Any = None) -> None:
        """Set Variable ``name`` to ``value`` broadcast to the compartments (and batch)."""
        value = jnp.asarray(bm.as_jax(value), dtype=bm.get_float())
        batch = batch_of(batch_size, self.mode) if batch_size is not None else None
        shape = self.varshape if batch is None else (batch, *self.varshape)
        shape = jnp.broadcast_shapes(value.shape, shape)
        value = jnp.broadcast_to(value, shape)
        batch_axis = 0 if len(shape) > len(self.varshape) else None
        cur = self.__dict__.get(name)
        if isinstance(cur, bm.Variable) and cur.batch_axis == batch_axis and cur.ndim == len(shape):
            cur.value = value
            return
        if cur is not None:
            object.__delattr__(self, name)
        object.__setattr__(self, name, bm.Variable(value, batch_axis=batch_axis))

    def _integral(self, f: Any, method: str) -> Any:
        return build_integral(f, method, type(self).__name__)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, size={self.size})"


class CondNeuGroup(NeuGroup, Container):
    r"""A conductance-based neuron group assembled from ion channels.

    BrainPy implementation of ``brainpy.CondNeuGroup`` (2.3.5):

    .. math::

       C \frac{dV}{dt} = \sum_{c} I_c(V) + I_{ext} \frac{10^{-3}}{A}

    where each channel ``c`` gives the current into the cell, ``I_c = g_c (E_c - V)``.
    Channels are given as keyword arguments or assigned as attributes of a subclass
    (``self.INa = bp.channels.INa_HH1952(size)``); calcium channels live inside a calcium
    ion (``bp.channels.CalciumDetailed(size, ICaT=bp.channels.ICaT_HM1992(size))``).
    A channel that joins the group starts at its steady state at the group's ``V``, as
    the gates of :class:`~brainpy_dyn.neurons.HH` do. A spike is an upward crossing of
    ``V_th`` (``V_old < V_th <= V``); there is no reset.

    Args:
      size: the number of neurons, or the group's shape.
      keep_size: keep ``size`` as the Variables' shape.
      C: membrane capacitance (µF/cm², ``> 0``).
      A: membrane area (cm²); an external input ``I`` adds ``I · 1e-3 / A`` µA/cm²
        (``A = 1e-3``: the input is already a density).
      V_th: the potential whose upward crossing counts as a spike (mV).
      V_initializer: initial ``V`` (default: uniform in [-70, -60) from
        ``brainpy_math.random``).
      noise: white noise on ``V``: a number, an array, an initializer or a function
        ``g(V, t)`` giving ``σ``, added as ``σ √dt ξ`` (Euler–Maruyama); draws from
        ``brainpy_math.random``.
      method: the integration method of ``V`` (``'exp_auto'``: exponential Euler).
      name: the group's name.
      mode: the computing mode.
      **channels: the channels, keyed by name.

    Raises:
      TypeError: a channel that is not a :class:`Channel`, or one that must live in an
        ion (``master_type``).
      ValueError: ``C <= 0`` or ``A <= 0``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> hh = bd.CondNeuGroup(
      ...     2, V_initializer=bd.init.OneInit(-65.), V_th=20.,
      ...     INa=bd.channels.INa_HH1952(2, E=50., g_max=120.),
      ...     IK=bd.channels.IK_HH1952(2, E=-77., g_max=36.),
      ...     IL=bd.channels.IL(2, E=-54.387, g_max=0.03))
      >>> round(float(hh.INa.p.value[0]), 4)  # m at its steady state at -65 mV
      0.0529
    """

    supported_modes = (bm.NonBatchingMode, bm.BatchingMode)

    V: bm.Variable
    input: bm.Variable
    spike: bm.Variable

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        C: Any = 1.0,
        A: Any = 1e-3,
        V_th: Any = 0.0,
        V_initializer: Any = _UNIFORM_V,
        noise: Any = None,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
        **channels: Any,
    ):
        NeuGroup.__init__(self, size, keep_size=keep_size, name=name, mode=mode)
        who = type(self).__name__
        check_master(type(self), **channels)
        self.C = parameter(C, self.varshape, allow_none=False, name="C")
        check_positive(self.C, who, "C")
        self.A = parameter(A, self.varshape, allow_none=False, name="A")
        check_positive(self.A, who, "A")
        self.V_th = parameter(V_th, self.varshape, allow_none=False, name="V_th")
        check_finite(self.V_th, who, "V_th", allow_inf=True)  # inf: never counts a spike
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self.noise = init_noise(noise, self.varshape)
        self.method = method
        self.integral = build_integral(self.derivative, method, who)
        self._reset_own(None)
        self.children = _collect(who, (), channels)
        for key, channel in self.children.items():
            self._check_size(key, channel)
        for channel in self._channels():
            channel.reset_state(self.V.value, batch_size=self._batch_arg(None))

    # ------------------------------------------------------------ channels
    def __setattr__(self, key: str, value: Any) -> None:
        super().__setattr__(key, value)
        if isinstance(value, Channel) and "V" in self.__dict__:
            check_master(type(self), **{key: value})
            self._check_size(key, value)
            value.reset_state(self.V.value, batch_size=self._batch_arg(None))

    def _check_size(self, key: str, channel: Channel) -> None:
        if channel.num != self.num:
            raise ValueError(
                f"{type(self).__name__}: channel {key!r} has {channel.num} compartments "
                f"(size={channel.size}), but the group has {self.num} (size={self.size})."
            )
        if tuple(channel.varshape) != tuple(self.varshape):
            raise ValueError(
                f"{type(self).__name__}: channel {key!r} keeps its state in shape "
                f"{channel.varshape}, the group in {self.varshape}; give the channel the same "
                f"size and keep_size={self.keep_size}."
            )

    def _channels(self) -> list[Channel]:
        nodes = self.nodes(level=1, include_self=False).values()
        out: list[Channel] = []
        for node in nodes:
            if isinstance(node, Channel) and all(node is not c for c in out):
                out.append(node)
        return out

    def register_implicit_nodes(self, *channels: Any, **named_channels: Any) -> None:
        """Register channels that are not attributes (checked against ``master_type``)."""
        check_master(type(self), *channels, **named_channels)
        super().register_implicit_nodes(*channels, **named_channels)
        for channel in [*channels, *named_channels.values()]:
            self._check_size(channel.name, channel)
            channel.reset_state(self.V.value, batch_size=self._batch_arg(None))

    # --------------------------------------------------------------- state
    def _batch_arg(self, batch_size: Any) -> int | None:
        return batch_of(batch_size, self.mode)

    def _reset_own(self, batch_size: Any) -> None:
        batch = self._batch_arg(batch_size)
        fdtype = bm.get_float()
        for key, init in (
            ("V", self._V_initializer),
            ("input", lambda s: np.zeros(s, fdtype)),
            ("spike", lambda s: np.zeros(s, bool)),
        ):
            new = variable_(init, self.varshape, batch)
            cur = self.__dict__.get(key)
            if isinstance(cur, bm.Variable) and cur.batch_axis == new.batch_axis:
                cur.value = new.value.astype(cur.dtype)
            else:
                if cur is not None:
                    object.__delattr__(self, key)
                object.__setattr__(self, key, new)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-draw ``V``, clear ``input`` and ``spike``, and reset every channel at ``V``."""
        self._reset_own(batch_size)
        batch = self._batch_arg(batch_size)
        for channel in self._channels():
            channel.reset_state(self.V.value, batch_size=batch)

    def clear_input(self) -> None:
        """Set the accumulated ``input`` to zero."""
        self.input.value = jnp.zeros_like(self.input.value)

    # -------------------------------------------------------------- update
    def derivative(self, V: jax.Array, t: Any) -> jax.Array:
        """``dV/dt = (Σ channel currents + input · 1e-3 / A) / C``."""
        # The channel currents are summed first, then the input: the order of HH's dV.
        I: Any = 0.0
        for k, channel in enumerate(self._channels()):
            I = channel.current(V) if k == 0 else I + channel.current(V)
        return (I + self.input.value * (1e-3 / as_value(self.A))) / as_value(self.C)

    def update(self, tdi: Any, *args: Any, **kwargs: Any) -> jax.Array:
        """Advance one step and return the spikes.

        Args:
          tdi: the shared data (``t``, ``dt``).
          *args: an optional input current, added to ``input`` (as ``x=`` too).
        """
        x = args[0] if args else kwargs.pop("x", None)
        if x is not None:
            self.input.value = self.input.value + bm.as_jax(x)
        t, dt = shared_time(tdi)
        V_old = self.V.value
        V = self.integral(V_old, t, dt=dt)
        if self.noise is not None:
            g = self.noise(V_old, t)
            g = g[0] if isinstance(g, tuple) else g
            xi = bm.as_jax(bm_random.normal(0.0, 1.0, size=V.shape)).astype(V.dtype)
            V = V + bm.as_jax(g) * jnp.sqrt(dt) * xi
        tdi = {"t": t, "dt": dt} if not isinstance(tdi, dict) else tdi
        for channel in self._channels():
            channel.update(tdi, V_old)
        V_th = as_value(self.V_th)
        self.spike.value = jnp.logical_and(V_old < V_th, V >= V_th)
        self.V.value = V
        return self.spike.value


Channel.master_type = CondNeuGroup

bm.set_module("brainpy_dyn", Channel, CondNeuGroup)

"""BrainPy 2.3.5's pre/post form of the synapses: ``Exponential(pre, post, conn, output=...)``.

``bp.synapses.Exponential`` (and ``DualExponential``, ``Alpha``) accept both forms:

* ``Exponential(conn, out=..., ...)``, the connector form of ``bp.experimental``: the caller
  passes the presynaptic spikes and gets the output current back;
* ``Exponential(pre, post, conn, output=..., delay_step=...)``, BrainPy 2.3.5's classic
  form: the synapse reads ``pre.spike`` itself (``delay_step`` steps late when given) and
  adds its output current to ``post.input`` (the output's ``target_var``), as in a
  :class:`~brainpy_dyn.Network`, which updates synapses before neuron groups.

A synapse reads ``pre.spike`` as the neuron group left it, the spike of the previous step: a
spike reaches the synapse 1 step after it is emitted without ``delay_step``, and
``1 + delay_step`` steps after with it.
"""

from __future__ import annotations

import operator
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

import brainpy_math as bm
from brainpy_dyn._src.dynsys import DynamicalSystem
from brainpy_dyn._src.synapses import dynamics
from brainpy_dyn._src.synapses.outputs import CUBA, SynOut
from brainpy_dyn._src.synapses.plasticity import SynSTP

__all__ = ["Alpha", "DualExponential", "Exponential"]


def _connector_form(args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    """Whether a call uses the connector form (its first argument is not a neuron group)."""
    first = args[0] if args else kwargs.get("pre", kwargs.get("conn"))
    return not isinstance(first, DynamicalSystem) and "pre" not in kwargs


def _sized(conn: Any, pre: Any, post: Any, who: str) -> Any:
    """``conn`` with the sizes of ``pre`` and ``post`` (set here when it has none)."""
    if not callable(conn) or not hasattr(conn, "pre_num"):
        raise TypeError(
            f"{who}: conn must be a two-end connector such as bp.conn.FixedProb(0.02), "
            f"got {conn!r}."
        )
    if getattr(conn, "pre_num", None) is None:
        return conn(pre.size, post.size)
    if (conn.pre_num, conn.post_num) != (pre.num, post.num):
        raise ValueError(
            f"{who}: conn connects {conn.pre_num} to {conn.post_num} neurons, but pre has "
            f"{pre.num} and post {post.num}."
        )
    return conn


class _PrePost:
    """Turns a connector-form synapse class into the pre/post form (see the module)."""

    _connector_class: type | None = None  # what a call in the connector form makes instead

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        if cls._connector_class is not None and _connector_form(args, kwargs):
            return cls._connector_class(*args, **kwargs)
        return super().__new__(cls)

    def _attach(self, pre: Any, post: Any, delay_step: Any, stop_spike_gradient: bool) -> None:
        who = self.name  # type: ignore[attr-defined]
        target = getattr(self.out, "target_var", "input")  # type: ignore[attr-defined]
        if target is None or isinstance(target, bm.Variable):
            pass  # the current is returned only, or added to that Variable
        elif not isinstance(target, str):
            raise TypeError(
                f"{who}: the output's target_var must be a name of a Variable of post, a "
                f"Variable or None, got {target!r}."
            )
        elif not isinstance(getattr(post, target, None), bm.Variable):
            raise ValueError(
                f"{who}: post must have a Variable {target!r} to receive the synaptic current "
                f"(neuron groups have 'input' with input_var=True), got {post!r}."
            )
        if not isinstance(getattr(pre, "spike", None), bm.Variable):
            raise ValueError(f"{who}: pre must have a 'spike' Variable, got {pre!r}.")
        if delay_step is None:
            delay_step = 0
        try:
            steps = operator.index(delay_step)
        except TypeError:
            raise ValueError(
                f"{who}: delay_step must be None or an int number of steps >= 0, "
                f"got {delay_step!r}."
            ) from None
        if steps < 0:
            raise ValueError(f"{who}: delay_step must be >= 0, got {delay_step!r}.")
        self.pre, self.post = pre, post
        self.delay_step = steps
        self.stop_spike_gradient = bool(stop_spike_gradient)
        self._target_var = target
        self._membrane_var = getattr(self.out, "membrane_var", "V")  # type: ignore[attr-defined]
        self._reset_buffer()

    def _reset_buffer(self) -> None:
        spike = self.pre.spike.value
        if self.delay_step:
            self.spike_buffer = bm.Variable(np.zeros((self.delay_step, *spike.shape), spike.dtype))
            self.buffer_index = bm.Variable(np.zeros((), np.int32))

    def _delayed_spike(self) -> jax.Array:
        """``pre.spike`` as it was ``delay_step`` updates ago (now, without a delay)."""
        spike = bm.as_jax(self.pre.spike.value)
        if not self.delay_step:
            return spike
        buffer, index = self.spike_buffer.value, self.buffer_index.value
        oldest = lax.dynamic_index_in_dim(buffer, index, keepdims=False)
        self.spike_buffer.value = lax.dynamic_update_index_in_dim(buffer, spike, index, 0)
        self.buffer_index.value = (index + 1) % self.delay_step
        return oldest

    def update(self, tdi: Any = None, pre_spike: Any = None) -> Any:
        """Read the presynaptic spikes, update the synapse, add its current to ``post``.

        As in 2.3.5 the shared data ``tdi`` comes first (it is not needed: the step reads
        :data:`~brainpy_dyn.share`); ``pre_spike`` replaces the (delayed) ``pre.spike``. A
        single argument that is not a dict is taken as ``pre_spike``.
        """
        if pre_spike is None and tdi is not None and not isinstance(tdi, dict):
            pre_spike = tdi  # update(pre_spike)
        if pre_spike is None:
            pre_spike = self._delayed_spike()
        if self.stop_spike_gradient:
            pre_spike = lax.stop_gradient(bm.as_jax(pre_spike))
        membrane = getattr(self.post, self._membrane_var, None)
        post_v = None if membrane is None else bm.as_jax(membrane)
        current = super().update(pre_spike, post_v)  # type: ignore[misc]
        if self._target_var is None:  # target_var=None: the caller uses the current
            return current
        target = self._target_var
        if isinstance(target, str):
            target = getattr(self.post, target)
        target.value = target.value + jnp.asarray(current, target.dtype)
        return current

    def reset_state(self, batch_size: Any = None) -> None:
        super().reset_state(batch_size)  # type: ignore[misc]
        if "pre" in self.__dict__:
            self._reset_buffer()


class Exponential(_PrePost, dynamics.Exponential):
    """Exponential synapse in either form (see :mod:`brainpy_dyn.synapses`).

    BrainPy implementation of ``brainpy.synapses.Exponential`` (2.3.5):
    ``Exponential(pre, post, conn, output=CUBA(), stp=None, comp_method='sparse', g_max=1.,
    delay_step=None, tau=8.0, method='exp_auto', name=None, mode=None,
    stop_spike_gradient=False)``. Called with a connector first, it is
    ``bp.experimental.Exponential``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> E, I = bd.neurons.LIF(8), bd.neurons.LIF(4)
      >>> syn = bd.synapses.Exponential(E, I, bd.conn.All2All(), g_max=0.5,
      ...                               output=bd.synapses.COBA(E=0.))
      >>> syn.g.shape, syn.delay_step
      ((4,), 0)
      >>> type(bd.synapses.Exponential(bd.conn.All2All(pre=2, post=2))) is bd.experimental.Exponential
      True
    """

    _connector_class = dynamics.Exponential

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        output: SynOut | None = None,
        stp: SynSTP | None = None,
        comp_method: str = "sparse",
        g_max: Any = 1.0,
        delay_step: int | None = None,
        tau: float = 8.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: Any = None,
        stop_spike_gradient: bool = False,
    ):
        conn = _sized(conn, pre, post, type(self).__name__)
        out = CUBA() if output is None else output
        super().__init__(conn, out, stp, comp_method, g_max, tau, method, name, mode)
        self._attach(pre, post, delay_step, stop_spike_gradient)


class DualExponential(_PrePost, dynamics.DualExponential):
    """Dual-exponential synapse in either form (see :mod:`brainpy_dyn.synapses`).

    BrainPy implementation of ``brainpy.synapses.DualExponential`` (2.3.5):
    ``DualExponential(pre, post, conn, stp=None, output=CUBA(), comp_method='dense',
    g_max=1., tau_decay=10., tau_rise=1., delay_step=None, method='exp_auto', name=None,
    mode=None, stop_spike_gradient=False)``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> E, I = bd.neurons.LIF(8), bd.neurons.LIF(4)
      >>> syn = bd.synapses.DualExponential(E, I, bd.conn.All2All(), tau_decay=5., tau_rise=0.5)
      >>> syn.g.shape, syn.h.shape
      ((4,), (4,))
      >>> type(bd.synapses.DualExponential(bd.conn.All2All(pre=2, post=2))) is bd.experimental.DualExponential
      True
    """

    _connector_class = dynamics.DualExponential

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        stp: SynSTP | None = None,
        output: SynOut | None = None,
        comp_method: str = "dense",
        g_max: Any = 1.0,
        tau_decay: float = 10.0,
        tau_rise: float = 1.0,
        delay_step: int | None = None,
        method: str = "exp_auto",
        name: str | None = None,
        mode: Any = None,
        stop_spike_gradient: bool = False,
    ):
        conn = _sized(conn, pre, post, type(self).__name__)
        out = CUBA() if output is None else output
        super().__init__(
            conn,
            out=out,
            stp=stp,
            comp_method=comp_method,
            g_max=g_max,
            tau_decay=tau_decay,
            tau_rise=tau_rise,
            method=method,
            name=name,
            mode=mode,
        )
        self._attach(pre, post, delay_step, stop_spike_gradient)


class Alpha(_PrePost, dynamics.Alpha):
    """Alpha synapse in either form (see :mod:`brainpy_dyn.synapses`).

    BrainPy implementation of ``brainpy.synapses.Alpha`` (2.3.5):
    ``Alpha(pre, post, conn, output=CUBA(), stp=None, comp_method='dense', g_max=1.,
    delay_step=None, tau_decay=10., method='exp_auto', name=None, mode=None,
    stop_spike_gradient=False)``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> E, I = bd.neurons.LIF(8), bd.neurons.LIF(4)
      >>> syn = bd.synapses.Alpha(E, I, bd.conn.FixedProb(0.5, seed=1), comp_method='sparse',
      ...                         output=bd.synapses.COBA(E=-80.))
      >>> syn.g.shape, syn.tau_decay
      ((4,), 10.0)
      >>> type(bd.synapses.Alpha(bd.conn.All2All(pre=2, post=2))) is bd.experimental.Alpha
      True
    """

    _connector_class = dynamics.Alpha

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        output: SynOut | None = None,
        stp: SynSTP | None = None,
        comp_method: str = "dense",
        g_max: Any = 1.0,
        delay_step: int | None = None,
        tau_decay: float = 10.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: Any = None,
        stop_spike_gradient: bool = False,
    ):
        conn = _sized(conn, pre, post, type(self).__name__)
        out = CUBA() if output is None else output
        super().__init__(
            conn,
            out=out,
            stp=stp,
            comp_method=comp_method,
            g_max=g_max,
            tau_decay=tau_decay,
            method=method,
            name=name,
            mode=mode,
        )
        self._attach(pre, post, delay_step, stop_spike_gradient)

"""BrainPy 2.3.5's classic synapses ``Delta``, ``AMPA``, ``GABAa`` and ``NMDA`` (pre/post form).

They follow :mod:`brainpy_dyn._src.synapses.pre_post`: ``Model(pre, post, conn, output=...,
delay_step=...)`` reads ``pre.spike`` (a spike arrives ``1 + delay_step`` steps after it is
emitted) and adds its output current to the postsynaptic Variable the output names
(``post.input``, or ``post.V`` for :class:`Delta`).

The kinetic models keep their state per **presynaptic** neuron, as 2.3.5 did: every synapse of
one presynaptic neuron sees the same spikes, so it has the same ``g``, and the saturating terms
(``1 − g``) make a per-postsynaptic sum wrong. Each step the postsynaptic conductance is
``Σ_i w_ij g_i`` (``Projection`` with weighted events), so a step costs ``pre_num × fan-out``
rather than ``spikes × fan-out``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from typing import Any

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.integrators.odeint import odeint
from brainpy_dyn._src.synapses._deps import check_positive, share, variable_
from brainpy_dyn._src.synapses.dynamics import SynConn
from brainpy_dyn._src.synapses.outputs import COBA, CUBA, MgBlock, SynOut
from brainpy_dyn._src.synapses.plasticity import SynSTP
from brainpy_dyn._src.synapses.pre_post import _PrePost, _sized

__all__ = ["AMPA", "Delta", "GABAa", "NMDA"]

_NEVER = 2**30  # "steps since the last spike" before any spike


def _check_groups(pre: Any, post: Any, who: str) -> None:
    for arg, group in (("pre", pre), ("post", post)):
        if not isinstance(getattr(group, "num", None), int):
            raise TypeError(
                f"{who}: {arg} must be a neuron group (e.g. bp.neurons.LIF(10)), got {group!r}."
            )


def _number(value: Any, arg: str, who: str, minimum: float = 0.0) -> float:
    """``value`` as a finite float ``>= minimum``, or a ValueError naming ``arg``."""
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Real)
        or not float(value) >= minimum
        or not math.isfinite(value)
    ):
        raise ValueError(
            f"{who}: {arg} must be a finite number >= {minimum:g}, got {arg}={value!r}."
        )
    return float(value)


class _PreAligned(SynConn):
    """Shared machinery: pre/post wiring, per-presynaptic state, weighted projection."""

    def _setup(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        output: SynOut | None,
        default_output: Callable[[], SynOut],
        stp: SynSTP | None,
        comp_method: str,
        g_max: Any,
        name: str | None,
        mode: Any,
    ) -> None:
        who = type(self).__name__
        _check_groups(pre, post, who)
        conn = _sized(conn, pre, post, who)
        out = default_output() if output is None else output
        SynConn.__init__(self, conn, out, stp, comp_method, g_max, name, mode)

    def _project(self, g: Any, pre_spike: Any) -> Any:
        """``Σ_i w_ij g_i``, with ``g`` scaled by the STP efficacy when there is one."""
        if self.stp is not None:
            g = g * self.stp(pre_spike)
        return self.projection(g, weighted=True)

    def _reset_children(self, batch_size: Any) -> None:
        for child in (self.out, self.stp):
            if child is not None:
                child.reset_state(batch_size)


class _DeltaCore(_PreAligned):
    """The step of :class:`Delta`, called by ``_PrePost.update`` with the arriving spikes."""

    post_ref_key: str | None
    post: Any  # set by the pre/post wiring

    def reset_state(self, batch_size: Any = None) -> None:
        self._reset_children(batch_size)

    def update(self, pre_spike: Any, post_v: Any = None) -> Any:
        jump = self._drive(pre_spike)
        if self.post_ref_key is not None:
            blocked = bm.as_jax(getattr(self.post, self.post_ref_key).value)
            jump = jump * (1.0 - blocked.astype(jump.dtype))
        return self._output(jump, post_v)


class _AMPACore(_PreAligned):
    """The step of :class:`AMPA` and :class:`GABAa`."""

    alpha: float
    beta: float
    T: float
    T_duration: float
    integral: Any  # odeint(dg)

    def dg(self, g: Any, t: Any, TT: Any) -> Any:
        """``dg/dt`` for the transmitter concentration ``TT``."""
        return self.alpha * TT * (1 - g) - self.beta * g

    def reset_state(self, batch_size: Any = None) -> None:
        self.g = variable_(np.zeros, (self.pre_num,), batch_size)
        self.steps_since_spike = variable_(
            lambda s: jnp.full(s, _NEVER, jnp.int32), (self.pre_num,), batch_size
        )
        self._reset_children(batch_size)

    def _release_steps(self, dt: Any) -> Any:
        """``ceil(T_duration / dt)``, robust to ``T_duration`` being a multiple of ``dt``."""
        if isinstance(dt, numbers.Real):
            return math.ceil(self.T_duration / float(dt) - 1e-6)
        return jnp.ceil(self.T_duration / dt - 1e-6)

    def update(self, pre_spike: Any, post_v: Any = None) -> Any:
        dt = share.load("dt")
        spike = bm.as_jax(pre_spike) != 0
        since = self.steps_since_spike.value
        since = jnp.where(spike, 0, jnp.minimum(since + 1, _NEVER)).astype(jnp.int32)
        self.steps_since_spike.value = since
        TT = jnp.where(since < self._release_steps(dt), self.T, 0.0)
        self.g.value = self.integral(self.g.value, share.load("t", 0.0), TT, dt=dt)
        return self._output(self._project(self.g.value, pre_spike), post_v)


class _NMDACore(_PreAligned):
    """The step of :class:`NMDA`."""

    tau_decay: float
    a: float
    tau_rise: float
    integral: Any  # odeint(JointEq(dg, dx))

    def dg(self, g: Any, t: Any, x: Any) -> Any:
        """``dg/dt`` given the rise variable ``x``."""
        return -g / self.tau_decay + self.a * x * (1 - g)

    def dx(self, x: Any, t: Any) -> Any:
        """``dx/dt`` between spikes."""
        return -x / self.tau_rise

    def reset_state(self, batch_size: Any = None) -> None:
        self.g = variable_(np.zeros, (self.pre_num,), batch_size)
        self.x = variable_(np.zeros, (self.pre_num,), batch_size)
        self._reset_children(batch_size)

    def update(self, pre_spike: Any, post_v: Any = None) -> Any:
        dt = share.load("dt")
        g, x = self.integral(self.g.value, self.x.value, share.load("t", 0.0), dt=dt)
        self.g.value = g
        self.x.value = x + bm.as_jax(pre_spike).astype(x.dtype)
        return self._output(self._project(self.g.value, pre_spike), post_v)


class Delta(_PrePost, _DeltaCore):
    r"""Voltage-jump synapse: each arriving spike adds its weight to the postsynaptic target.

    BrainPy implementation of ``brainpy.synapses.Delta`` (2.3.5). With the default output
    ``CUBA(target_var='V')`` a presynaptic spike arriving at step ``k`` adds
    ``Σ_{i spiking} w_ij`` to ``post.V`` before the neurons update:

    .. math::
       V_j \leftarrow V_j + \sum_{i \in \text{arriving}} w_{ij}

    Args:
      pre: the presynaptic group (has a ``spike`` Variable).
      post: the postsynaptic group (has the output's ``target_var``).
      conn: a two-end connector, sized or not (``bp.conn.FixedProb(0.1)``).
      output: where the jump goes; ``None`` means ``CUBA(target_var='V')``.
        ``CUBA(target_var='input')`` turns it into an input current.
      stp: short-term plasticity (``bp.synplast.STD()`` …) scaling each spike, or ``None``.
      comp_method: ``'sparse'`` (event-driven, default) or ``'dense'``.
      g_max: the jump per spike (scalar, array or initializer).
      delay_step: extra delay in steps (``None`` = 0).
      post_ref_key: name of a postsynaptic boolean Variable (e.g. ``'refractory'`` of
        ``LIF(ref_var=True)``) that blocks the jump where it is true.
      name: the object name.
      mode: the computing mode.
      stop_spike_gradient: stop gradients through the presynaptic spikes.

    Raises:
      TypeError: ``pre``/``post`` is not a neuron group, or ``conn`` is not a connector.
      ValueError: ``post`` lacks the output's target Variable or ``post_ref_key``, a bad
        ``delay_step`` or ``comp_method``.

    Note:
      Defaults confirmed from 2.2.x and 2.4.x sources, which agree (the 2.3.5 file itself
      was not found): ``output=CUBA(target_var='V')``, ``comp_method='sparse'``,
      ``g_max=1.``, ``post_ref_key=None``. ``stp`` applies on every ``comp_method`` path
      (the 2.2.x ``'sparse'`` path skipped it).

    Examples:
      >>> import brainpy_dyn as bd
      >>> pre = bd.neurons.SpikeTimeGroup(1, times=[0.], indices=[0])
      >>> post = bd.neurons.LIF(1, V_rest=0., V_th=100., tau=1e9)
      >>> syn = bd.synapses.Delta(pre, post, bd.conn.All2All(), g_max=2.)
      >>> runner = bd.DSRunner(bd.Network(pre, syn, post), monitors={'V': post.V},
      ...                      progress_bar=False)
      >>> _ = runner.run(0.3)
      >>> [round(float(v), 4) for v in runner.mon['V'][:, 0]]
      [0.0, 2.0, 2.0]
    """

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
        post_ref_key: str | None = None,
        name: str | None = None,
        mode: Any = None,
        stop_spike_gradient: bool = False,
    ):
        self._setup(
            pre,
            post,
            conn,
            output,
            lambda: CUBA(target_var="V"),
            stp,
            comp_method,
            g_max,
            name,
            mode,
        )
        if post_ref_key is not None and not isinstance(
            getattr(post, str(post_ref_key), None), bm.Variable
        ):
            raise ValueError(
                f"{self.name}: post_ref_key={post_ref_key!r} must name a Variable of post "
                f"(e.g. 'refractory' of LIF(..., ref_var=True)), got {post!r}."
            )
        self.post_ref_key = post_ref_key
        self.reset_state(self.mode)
        self._attach(pre, post, delay_step, stop_spike_gradient)


class AMPA(_PrePost, _AMPACore):
    r"""AMPA receptor synapse: Destexhe's first-order kinetic scheme.

    BrainPy implementation of ``brainpy.synapses.AMPA`` (2.3.5). The open fraction ``g`` of
    each presynaptic neuron's receptors follows

    .. math::
       \frac{dg}{dt} = \alpha [T] (1 - g) - \beta g, \qquad
       I_j = \Big(\sum_i w_{ij} g_i\Big) (E - V_j),

    where the transmitter concentration ``[T]`` equals ``T`` during the ``T_duration`` ms
    that follow a spike's arrival (the steps whose start lies less than ``T_duration``
    after the arrival step's start: ``ceil(T_duration / dt)`` steps, the arrival step
    included) and 0 otherwise. The output (``COBA(E=0.)``) turns the conductance into a
    current.

    With ``method='exp_auto'`` (exponential Euler, :func:`brainpy_dyn.odeint`) each step is
    the exact solution for the step's constant ``[T]``:
    ``g' = g_∞ + (g − g_∞) e^{−(α[T] + β) dt}`` with ``g_∞ = α[T] / (α[T] + β)``.

    Args:
      pre: the presynaptic group (has a ``spike`` Variable).
      post: the postsynaptic group (has ``input`` and ``V``).
      conn: a two-end connector, sized or not.
      output: the output model; ``None`` means ``COBA(E=0.)``.
      stp: short-term plasticity scaling ``g`` (``bp.synplast.STD()`` …), or ``None``.
      comp_method: ``'dense'`` (default, as in 2.3.5) or ``'sparse'``.
      g_max: the maximum conductance (scalar, array or initializer).
      delay_step: extra delay in steps (``None`` = 0).
      alpha: binding rate (1/(mM·ms)), ``> 0``.
      beta: unbinding rate (1/ms), ``> 0``.
      T: transmitter concentration after a spike (mM), ``>= 0``.
      T_duration: how long the transmitter stays (ms), ``>= 0``.
      method: an :func:`brainpy_dyn.odeint` method; ``'exp_auto'`` is exact here.
      name: the object name.
      mode: the computing mode.
      stop_spike_gradient: stop gradients through the presynaptic spikes.

    Attributes:
      g: the open fraction of each presynaptic neuron's receptors, shape ``(pre.num,)``.
      steps_since_spike: steps since each presynaptic neuron's last arriving spike (int32;
        replaces 2.3.5's ``spike_arrival_time``, whose float comparison drifts with ``t``).

    Raises:
      TypeError: ``pre``/``post`` is not a neuron group, or ``conn`` is not a connector.
      ValueError: a rate or concentration that is not a number in range, a bad
        ``delay_step``, ``comp_method`` or ``method``.

    Note:
      Defaults confirmed from 2.3.x sources: ``output=COBA(E=0.)``, ``comp_method='dense'``,
      ``g_max=0.42``, ``alpha=0.98``, ``beta=0.18``, ``T=0.5``, ``T_duration=0.5``,
      ``method='exp_auto'``. With ``stp``, 2.3.5 multiplied ``g`` by the plasticity state
      after the step's depletion; here by the efficacy the model returns (before the
      depletion of a spike arriving in the same step).

    Examples:
      >>> import brainpy_dyn as bd
      >>> pre = bd.neurons.SpikeTimeGroup(1, times=[0.], indices=[0])
      >>> post = bd.neurons.LIF(1, V_rest=-65., V_th=100., V_initializer=bd.init.OneInit(-65.))
      >>> syn = bd.synapses.AMPA(pre, post, bd.conn.All2All())
      >>> runner = bd.DSRunner(bd.Network(pre, syn, post), monitors={'g': syn.g},
      ...                      progress_bar=False)
      >>> _ = runner.run(1.)
      >>> [round(float(g), 4) for g in runner.mon['g'][:7, 0]]
      [0.0, 0.0474, 0.0917, 0.1332, 0.1719, 0.2082, 0.2045]
    """

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        output: SynOut | None = None,
        stp: SynSTP | None = None,
        comp_method: str = "dense",
        g_max: Any = 0.42,
        delay_step: int | None = None,
        alpha: float = 0.98,
        beta: float = 0.18,
        T: float = 0.5,
        T_duration: float = 0.5,
        method: str = "exp_auto",
        name: str | None = None,
        mode: Any = None,
        stop_spike_gradient: bool = False,
    ):
        self._setup(pre, post, conn, output, COBA, stp, comp_method, g_max, name, mode)
        self.alpha = check_positive(alpha, "alpha", self)
        self.beta = check_positive(beta, "beta", self)
        self.T = _number(T, "T", self.name)
        self.T_duration = _number(T_duration, "T_duration", self.name)
        self.method = method
        self.integral = odeint(self.dg, method=method)
        self.reset_state(self.mode)
        self._attach(pre, post, delay_step, stop_spike_gradient)


class GABAa(AMPA):
    r"""GABA\ :sub:`A` receptor synapse: the kinetics of :class:`AMPA` with inhibitory defaults.

    BrainPy implementation of ``brainpy.synapses.GABAa`` (2.3.5):
    ``dg/dt = α[T](1 − g) − βg`` with ``[T] = T`` for ``T_duration`` ms after a spike, and
    the output ``COBA(E=-80.)``.

    Args:
      pre: the presynaptic group.
      post: the postsynaptic group.
      conn: a two-end connector, sized or not.
      output: the output model; ``None`` means ``COBA(E=-80.)``.
      stp: short-term plasticity scaling ``g``, or ``None``.
      comp_method: ``'dense'`` (default) or ``'sparse'``.
      g_max: the maximum conductance.
      delay_step: extra delay in steps (``None`` = 0).
      alpha: binding rate (1/(mM·ms)).
      beta: unbinding rate (1/ms).
      T: transmitter concentration after a spike (mM).
      T_duration: how long the transmitter stays (ms).
      method: an :func:`brainpy_dyn.odeint` method.
      name: the object name.
      mode: the computing mode.
      stop_spike_gradient: stop gradients through the presynaptic spikes.

    Note:
      Defaults confirmed from 2.3.x sources: ``output=COBA(E=-80.)``,
      ``comp_method='dense'``, ``g_max=0.04``, ``alpha=0.53``, ``beta=0.18``, ``T=1.``,
      ``T_duration=1.``. (2.3.5's docstring lists ``alpha`` 0.062 and ``beta`` 3.57, the
      MgBlock constants, by mistake; its code uses 0.53 and 0.18.)

    Examples:
      >>> import brainpy_dyn as bd
      >>> syn = bd.synapses.GABAa(bd.neurons.LIF(4), bd.neurons.LIF(2), bd.conn.All2All())
      >>> syn.g.shape, syn.out.E, syn.T_duration
      ((4,), -80.0, 1.0)
    """

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        output: SynOut | None = None,
        stp: SynSTP | None = None,
        comp_method: str = "dense",
        g_max: Any = 0.04,
        delay_step: int | None = None,
        alpha: float = 0.53,
        beta: float = 0.18,
        T: float = 1.0,
        T_duration: float = 1.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: Any = None,
        stop_spike_gradient: bool = False,
    ):
        super().__init__(
            pre,
            post,
            conn,
            output=COBA(E=-80.0) if output is None else output,
            stp=stp,
            comp_method=comp_method,
            g_max=g_max,
            delay_step=delay_step,
            alpha=alpha,
            beta=beta,
            T=T,
            T_duration=T_duration,
            method=method,
            name=name,
            mode=mode,
            stop_spike_gradient=stop_spike_gradient,
        )


class NMDA(_PrePost, _NMDACore):
    r"""NMDA receptor synapse: second-order rise and decay with a magnesium-block output.

    BrainPy implementation of ``brainpy.synapses.NMDA`` (2.3.5). Per presynaptic neuron,

    .. math::
       \frac{dg}{dt} = -\frac{g}{\tau_{decay}} + a\, x (1 - g), \qquad
       \frac{dx}{dt} = -\frac{x}{\tau_{rise}}, \qquad x \leftarrow x + 1 \text{ on a spike},

    and the output ``MgBlock(E=0., cc_Mg=1.2, alpha=0.062, beta=3.57)`` gives
    ``I_j = G_j (E − V_j) / (1 + cc_Mg/β · e^{−α V_j})`` with ``G_j = Σ_i w_ij g_i``.
    Each step first integrates ``(g, x)`` over ``dt``, then adds the arriving spikes to
    ``x``: ``g`` starts to rise one step after the spike arrives, as in 2.3.5.

    With ``method='exp_auto'`` (exponential Euler) ``x`` decays exactly and ``g`` is solved
    exactly for ``x`` held at its value at the start of the step (first order overall).

    Args:
      pre: the presynaptic group (has a ``spike`` Variable).
      post: the postsynaptic group (has ``input`` and ``V``).
      conn: a two-end connector, sized or not.
      output: the output model; ``None`` means ``MgBlock(E=0., cc_Mg=1.2, alpha=0.062,
        beta=3.57)``.
      stp: short-term plasticity scaling ``g``, or ``None``.
      comp_method: ``'dense'`` (default, as in 2.3.5) or ``'sparse'``.
      g_max: the maximum conductance.
      delay_step: extra delay in steps (``None`` = 0).
      tau_decay: decay time constant of ``g`` (ms), ``> 0``.
      a: rate of ``g``'s rise per unit ``x`` (1/ms), ``> 0``.
      tau_rise: decay time constant of ``x`` (ms), ``> 0``.
      method: an :func:`brainpy_dyn.odeint` method.
      name: the object name.
      mode: the computing mode.
      stop_spike_gradient: stop gradients through the presynaptic spikes.

    Attributes:
      g: the open fraction per presynaptic neuron, shape ``(pre.num,)``.
      x: the rise variable per presynaptic neuron.

    Raises:
      TypeError: ``pre``/``post`` is not a neuron group, or ``conn`` is not a connector.
      ValueError: a time constant or rate that is not a positive number, a bad
        ``delay_step``, ``comp_method`` or ``method``.

    Note:
      Defaults confirmed from 2.2.x and 2.4.x sources, which agree (the 2.3.5 file itself
      was not found): ``output=MgBlock(E=0., alpha=0.062, beta=3.57, cc_Mg=1.2)``,
      ``comp_method='dense'``, ``g_max=0.15``, ``tau_decay=100.``, ``a=0.5``,
      ``tau_rise=2.``, ``method='exp_auto'``; the argument order is 2.3.5's
      (``tau_decay, a, tau_rise``).

    Examples:
      >>> import brainpy_dyn as bd
      >>> pre = bd.neurons.SpikeTimeGroup(1, times=[0.], indices=[0])
      >>> post = bd.neurons.LIF(1, V_rest=-65., V_th=100., V_initializer=bd.init.OneInit(-65.))
      >>> syn = bd.synapses.NMDA(pre, post, bd.conn.All2All())
      >>> runner = bd.DSRunner(bd.Network(pre, syn, post), monitors={'g': syn.g, 'x': syn.x},
      ...                      progress_bar=False)
      >>> _ = runner.run(0.4)
      >>> [round(float(g), 4) for g in runner.mon['g'][:, 0]], float(runner.mon['x'][1, 0])
      ([0.0, 0.0, 0.0487, 0.0929], 1.0)
    """

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        output: SynOut | None = None,
        stp: SynSTP | None = None,
        comp_method: str = "dense",
        g_max: Any = 0.15,
        delay_step: int | None = None,
        tau_decay: float = 100.0,
        a: float = 0.5,
        tau_rise: float = 2.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: Any = None,
        stop_spike_gradient: bool = False,
    ):
        def default() -> SynOut:
            return MgBlock(E=0.0, cc_Mg=1.2, alpha=0.062, beta=3.57)

        self._setup(pre, post, conn, output, default, stp, comp_method, g_max, name, mode)
        self.tau_decay = check_positive(tau_decay, "tau_decay", self)
        self.a = check_positive(a, "a", self)
        self.tau_rise = check_positive(tau_rise, "tau_rise", self)
        self.method = method
        self.integral = odeint(JointEq(self.dg, self.dx), method=method)
        self.reset_state(self.mode)
        self._attach(pre, post, delay_step, stop_spike_gradient)

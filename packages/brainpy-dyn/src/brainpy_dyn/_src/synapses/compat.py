"""BrainPy 2.3.5's older synapse classes of ``brainpy.dyn`` (``ExpCOBA``, ``DeltaSynapse`` …).

Each is a pre/post synapse of :mod:`brainpy_dyn.synapses` with its output fixed by the class
name (``…CUBA``: the conductance is the current; ``…COBA``: ``g (E − V)``) and 2.3.5's older
argument names (``conn_type`` for ``comp_method``, ``weights`` for ``g_max``). They are
subclasses of the current classes, so they run, reset and monitor the same way.
"""

from __future__ import annotations

from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.params import check_numbers
from brainpy_dyn._src.synapses.kinetic import NMDA as _NMDA
from brainpy_dyn._src.synapses.kinetic import Delta
from brainpy_dyn._src.synapses.outputs import COBA, CUBA, MgBlock
from brainpy_dyn._src.synapses.plasticity import SynSTP
from brainpy_dyn._src.synapses.pre_post import Alpha, DualExponential, Exponential

__all__ = [
    "AlphaCOBA",
    "AlphaCUBA",
    "DeltaSynapse",
    "DualExpCOBA",
    "DualExpCUBA",
    "ExpCOBA",
    "ExpCUBA",
    "NMDA",
]


class ExpCUBA(Exponential):
    """Exponential synapse with a current-based output (2.3.5's ``brainpy.dyn.ExpCUBA``).

    ``Exponential(pre, post, conn, output=CUBA(), comp_method=conn_type, ...)``: each
    arriving spike adds ``g_max`` to ``g``, which decays with ``tau`` and is added to
    ``post.input``.

    Args:
      pre: the presynaptic group.
      post: the postsynaptic group.
      conn: a two-end connector.
      conn_type: ``'sparse'`` or ``'dense'`` (the ``comp_method``).
      g_max: the weight.
      delay_step: extra delay in steps, or ``None``.
      tau: the decay time constant (ms).
      name: the object name.
      method: an :func:`brainpy_dyn.odeint` method.

    Examples:
      >>> import brainpy_dyn as bd
      >>> syn = bd.ExpCUBA(bd.neurons.LIF(2), bd.neurons.LIF(3), bd.conn.All2All())
      >>> isinstance(syn, bd.synapses.Exponential), syn.tau, type(syn.out).__name__
      (True, 8.0, 'CUBA')
    """

    _connector_class = None

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "sparse",
        g_max: Any = 1.0,
        delay_step: int | None = None,
        tau: float = 8.0,
        name: str | None = None,
        method: str = "exp_auto",
    ):
        super().__init__(
            pre,
            post,
            conn,
            output=CUBA(),
            comp_method=conn_type,
            g_max=g_max,
            delay_step=delay_step,
            tau=tau,
            method=method,
            name=name,
        )


class ExpCOBA(Exponential):
    """Exponential synapse with a conductance-based output (2.3.5's ``brainpy.dyn.ExpCOBA``).

    ``Exponential(pre, post, conn, output=COBA(E=E), comp_method=conn_type, ...)``.

    Args:
      pre: the presynaptic group.
      post: the postsynaptic group.
      conn: a two-end connector.
      conn_type: ``'sparse'`` or ``'dense'``.
      g_max: the weight.
      tau: the decay time constant (ms).
      E: the reversal potential (mV).
      delay_step: extra delay in steps, or ``None``.
      method: an :func:`brainpy_dyn.odeint` method.
      name: the object name.

    Examples:
      >>> import brainpy_dyn as bd
      >>> pre = bd.neurons.SpikeTimeGroup(1, times=[0.], indices=[0])
      >>> post = bd.neurons.LIF(1)
      >>> syn = bd.ExpCOBA(pre, post, bd.conn.All2All(), g_max=0.5, tau=5., E=0.)
      >>> runner = bd.DSRunner(bd.Network(pre, syn, post), monitors={'g': syn.g},
      ...                      progress_bar=False)
      >>> _ = runner.run(0.3)
      >>> [round(float(g), 4) for g in runner.mon['g'][:, 0]], type(syn.out).__name__
      ([0.0, 0.5, 0.4901], 'COBA')
    """

    _connector_class = None

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "sparse",
        g_max: Any = 1.0,
        tau: float = 8.0,
        E: float = 0.0,
        delay_step: int | None = None,
        method: str = "exp_auto",
        name: str | None = None,
    ):
        check_numbers(type(self).__name__, E=E)
        super().__init__(
            pre,
            post,
            conn,
            output=COBA(E=E),
            comp_method=conn_type,
            g_max=g_max,
            delay_step=delay_step,
            tau=tau,
            method=method,
            name=name,
        )


class DualExpCUBA(DualExponential):
    """Dual-exponential synapse, current-based (2.3.5's ``brainpy.dyn.DualExpCUBA``).

    Args:
      pre: the presynaptic group.
      post: the postsynaptic group.
      conn: a two-end connector.
      conn_type: ``'dense'`` or ``'sparse'``.
      g_max: the weight.
      tau_decay: the decay time constant (ms).
      tau_rise: the rise time constant (ms).
      delay_step: extra delay in steps, or ``None``.
      method: an :func:`brainpy_dyn.odeint` method.
      name: the object name.

    Examples:
      >>> import brainpy_dyn as bd
      >>> pre = bd.neurons.SpikeTimeGroup(1, times=[0.], indices=[0])
      >>> syn = bd.DualExpCUBA(pre, bd.neurons.LIF(1), bd.conn.All2All())
      >>> runner = bd.DSRunner(bd.Network(pre, syn, syn.post), monitors={'g': syn.g, 'h': syn.h},
      ...                      progress_bar=False)
      >>> _ = runner.run(0.3)
      >>> [round(float(h), 4) for h in runner.mon['h'][:, 0]]  # the rise variable jumps first
      [0.0, 1.2915, 1.1686]
      >>> [round(float(g), 4) for g in runner.mon['g'][:, 0]]
      [0.0, 0.0, 0.1223]
    """

    _connector_class = None

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "dense",
        g_max: Any = 1.0,
        tau_decay: float = 10.0,
        tau_rise: float = 1.0,
        delay_step: int | None = None,
        method: str = "exp_auto",
        name: str | None = None,
    ):
        super().__init__(
            pre,
            post,
            conn,
            output=CUBA(),
            comp_method=conn_type,
            g_max=g_max,
            tau_decay=tau_decay,
            tau_rise=tau_rise,
            delay_step=delay_step,
            method=method,
            name=name,
        )


class DualExpCOBA(DualExponential):
    """Dual-exponential synapse, conductance-based (2.3.5's ``brainpy.dyn.DualExpCOBA``).

    Args:
      pre: the presynaptic group.
      post: the postsynaptic group.
      conn: a two-end connector.
      conn_type: ``'dense'`` or ``'sparse'``.
      g_max: the weight.
      delay_step: extra delay in steps, or ``None``.
      tau_decay: the decay time constant (ms).
      tau_rise: the rise time constant (ms).
      E: the reversal potential (mV).
      method: an :func:`brainpy_dyn.odeint` method.
      name: the object name.

    Examples:
      >>> import brainpy_dyn as bd
      >>> syn = bd.DualExpCOBA(bd.neurons.LIF(2), bd.neurons.LIF(3), bd.conn.All2All(), E=-80.)
      >>> syn.g.shape, type(syn.out).__name__, syn.out.E, syn.tau_decay, syn.tau_rise
      ((3,), 'COBA', -80.0, 10.0, 1.0)
    """

    _connector_class = None

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "dense",
        g_max: Any = 1.0,
        delay_step: int | None = None,
        tau_decay: float = 10.0,
        tau_rise: float = 1.0,
        E: float = 0.0,
        method: str = "exp_auto",
        name: str | None = None,
    ):
        check_numbers(type(self).__name__, E=E)
        super().__init__(
            pre,
            post,
            conn,
            output=COBA(E=E),
            comp_method=conn_type,
            g_max=g_max,
            tau_decay=tau_decay,
            tau_rise=tau_rise,
            delay_step=delay_step,
            method=method,
            name=name,
        )


class AlphaCUBA(Alpha):
    """Alpha synapse, current-based (2.3.5's ``brainpy.dyn.AlphaCUBA``).

    Args:
      pre: the presynaptic group.
      post: the postsynaptic group.
      conn: a two-end connector.
      conn_type: ``'dense'`` or ``'sparse'``.
      g_max: the weight.
      delay_step: extra delay in steps, or ``None``.
      tau_decay: the time constant (ms).
      method: an :func:`brainpy_dyn.odeint` method.
      name: the object name.

    Examples:
      >>> import brainpy_dyn as bd
      >>> pre = bd.neurons.SpikeTimeGroup(1, times=[0.], indices=[0])
      >>> syn = bd.AlphaCUBA(pre, bd.neurons.LIF(1), bd.conn.All2All())
      >>> runner = bd.DSRunner(bd.Network(pre, syn, syn.post), monitors={'g': syn.g, 'h': syn.h},
      ...                      progress_bar=False)
      >>> _ = runner.run(0.3)
      >>> [round(float(h), 4) for h in runner.mon['h'][:, 0]]
      [0.0, 0.2718, 0.2691]
      >>> [round(float(g), 4) for g in runner.mon['g'][:, 0]]
      [0.0, 0.0, 0.0269]
    """

    _connector_class = None

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "dense",
        g_max: Any = 1.0,
        delay_step: int | None = None,
        tau_decay: float = 10.0,
        method: str = "exp_auto",
        name: str | None = None,
    ):
        super().__init__(
            pre,
            post,
            conn,
            output=CUBA(),
            comp_method=conn_type,
            g_max=g_max,
            delay_step=delay_step,
            tau_decay=tau_decay,
            method=method,
            name=name,
        )


class AlphaCOBA(Alpha):
    """Alpha synapse, conductance-based (2.3.5's ``brainpy.dyn.AlphaCOBA``).

    Args:
      pre: the presynaptic group.
      post: the postsynaptic group.
      conn: a two-end connector.
      conn_type: ``'dense'`` or ``'sparse'``.
      g_max: the weight.
      delay_step: extra delay in steps, or ``None``.
      tau_decay: the time constant (ms).
      E: the reversal potential (mV).
      method: an :func:`brainpy_dyn.odeint` method.
      name: the object name.

    Examples:
      >>> import brainpy_dyn as bd
      >>> syn = bd.AlphaCOBA(bd.neurons.LIF(2), bd.neurons.LIF(3), bd.conn.All2All(), E=-80.)
      >>> type(syn.out).__name__, syn.out.E, syn.tau_decay, syn.tau_rise
      ('COBA', -80.0, 10.0, 10.0)
    """

    _connector_class = None

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "dense",
        g_max: Any = 1.0,
        delay_step: int | None = None,
        tau_decay: float = 10.0,
        E: float = 0.0,
        method: str = "exp_auto",
        name: str | None = None,
    ):
        check_numbers(type(self).__name__, E=E)
        super().__init__(
            pre,
            post,
            conn,
            output=COBA(E=E),
            comp_method=conn_type,
            g_max=g_max,
            delay_step=delay_step,
            tau_decay=tau_decay,
            method=method,
            name=name,
        )


class DeltaSynapse(Delta):
    """Voltage-jump synapse with 2.3.5's older arguments (``brainpy.dyn.DeltaSynapse``).

    ``Delta(pre, post, conn, output=CUBA(target_var=post_input_key), g_max=weights,
    post_ref_key='refractory' if post_has_ref else None)``.

    Args:
      pre: the presynaptic group.
      post: the postsynaptic group.
      conn: a two-end connector.
      conn_type: ``'sparse'`` or ``'dense'``.
      weights: the jump per spike.
      delay_step: extra delay in steps, or ``None``.
      post_input_key: the postsynaptic Variable that receives the jump.
      post_has_ref: block the jump where ``post.refractory`` is true.
      name: the object name.

    Examples:
      >>> import brainpy_dyn as bd
      >>> pre = bd.neurons.SpikeTimeGroup(1, times=[0.], indices=[0])
      >>> post = bd.neurons.LIF(1, V_rest=0., V_th=100., tau=1e9)
      >>> syn = bd.DeltaSynapse(pre, post, bd.conn.All2All(), weights=2.)
      >>> runner = bd.DSRunner(bd.Network(pre, syn, post), monitors={'V': post.V},
      ...                      progress_bar=False)
      >>> _ = runner.run(0.3)
      >>> [round(float(v), 4) for v in runner.mon['V'][:, 0]]
      [0.0, 2.0, 2.0]
    """

    _connector_class = None
    _weights_arg = "weights"

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str = "sparse",
        weights: Any = 1.0,
        delay_step: int | None = None,
        post_input_key: str = "V",
        post_has_ref: bool = False,
        name: str | None = None,
    ):
        check_numbers(type(self).__name__, weights=weights)
        super().__init__(
            pre,
            post,
            conn,
            output=CUBA(target_var=post_input_key),
            comp_method=conn_type,
            g_max=weights,
            delay_step=delay_step,
            post_ref_key="refractory" if post_has_ref else None,
            name=name,
        )


class NMDA(_NMDA):
    """NMDA synapse with the Mg²⁺-block constants as arguments (2.3.5's ``brainpy.dyn.NMDA``).

    ``synapses.NMDA(pre, post, conn, output=MgBlock(E=E, cc_Mg=cc_Mg, alpha=alpha,
    beta=beta), ...)``.

    Args:
      pre: the presynaptic group.
      post: the postsynaptic group.
      conn: a two-end connector.
      E: the reversal potential (mV).
      alpha: the Mg²⁺ block's voltage sensitivity (1/mV).
      beta: the Mg²⁺ block's concentration scale (mM).
      cc_Mg: the Mg²⁺ concentration (mM).
      stp: short-term plasticity, or ``None``.
      comp_method: ``'dense'`` or ``'sparse'``.
      g_max: the maximum conductance.
      delay_step: extra delay in steps, or ``None``.
      tau_decay: decay time constant of ``g`` (ms).
      a: rate of ``g``'s rise per unit ``x`` (1/ms).
      tau_rise: decay time constant of ``x`` (ms).
      method: an :func:`brainpy_dyn.odeint` method.
      name: the object name.
      mode: the computing mode.
      stop_spike_gradient: stop gradients through the presynaptic spikes.

    Examples:
      >>> import brainpy_dyn as bd
      >>> syn = bd.NMDA(bd.neurons.LIF(2), bd.neurons.LIF(3), bd.conn.All2All(), cc_Mg=1.0)
      >>> type(syn.out).__name__, syn.out.cc_Mg, syn.g.shape
      ('MgBlock', 1.0, (2,))
      >>> isinstance(syn, bd.synapses.NMDA)
      True
    """

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        E: float = 0.0,
        alpha: float = 0.062,
        beta: float = 3.57,
        cc_Mg: float = 1.2,
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
        check_numbers(type(self).__name__, E=E, cc_Mg=cc_Mg, alpha=alpha, beta=beta)
        super().__init__(
            pre,
            post,
            conn,
            output=MgBlock(E=E, cc_Mg=cc_Mg, alpha=alpha, beta=beta),
            stp=stp,
            comp_method=comp_method,
            g_max=g_max,
            delay_step=delay_step,
            tau_decay=tau_decay,
            a=a,
            tau_rise=tau_rise,
            method=method,
            name=name,
            mode=mode,
            stop_spike_gradient=stop_spike_gradient,
        )


# Show the public path (``brainpy_dyn.ExpCOBA``, 2.3.5's ``brainpy.dyn.ExpCOBA``) in reprs and docs.
bm.set_module(
    "brainpy_dyn",
    AlphaCOBA,
    AlphaCUBA,
    DeltaSynapse,
    DualExpCOBA,
    DualExpCUBA,
    ExpCOBA,
    ExpCUBA,
    NMDA,
)

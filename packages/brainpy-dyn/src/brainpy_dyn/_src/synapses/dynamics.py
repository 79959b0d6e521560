"""Exponential, dual-exponential and alpha synapses (``bp.experimental``)."""

from __future__ import annotations

import math
import numbers
from typing import Any

import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.synapses._deps import (
    DynamicalSystemNS,
    check_positive,
    exp_decay,
    share,
    variable_,
)
from brainpy_dyn._src.synapses.outputs import SynOut
from brainpy_dyn._src.synapses.plasticity import SynSTP
from brainpy_dyn._src.synapses.projection import Projection

__all__ = ["SynConn", "Exponential", "DualExponential", "Alpha"]


class SynConn(DynamicalSystemNS):
    """Base of synapses that connect two groups through a connector.

    Args:
      conn: a two-end connector whose sizes are set (``pre=``, ``post=``).
      out: a :class:`SynOut` (``COBA``, ``CUBA`` …) or ``None`` to return the conductance.
      stp: a :class:`SynSTP` (``STD``, ``STP``) or ``None``; one made without
        ``pre_size`` gets the connector's number of presynaptic neurons.
      comp_method: ``'sparse'`` (event-driven) or ``'dense'``.
      g_max: the weight: scalar, array or initializer.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> syn = bd.experimental.Exponential(bd.conn.All2All(pre=3, post=2), g_max=0.5)
      >>> isinstance(syn, bd.synapses.SynConn), syn.comp_method, float(syn.g_max)
      (True, 'sparse', 0.5)
    """

    _weights_arg = "g_max"  # the user's name for the weights, as errors name it

    def __init__(
        self,
        conn: Any,
        out: SynOut | None = None,
        stp: SynSTP | None = None,
        comp_method: str = "sparse",
        g_max: Any = 1.0,
        name: str | None = None,
        mode: Any = None,
    ):
        super().__init__(name=name, mode=mode)
        if out is not None and not isinstance(out, SynOut):
            raise TypeError(
                f"{self.name}: out must be a SynOut (e.g. COBA, CUBA) or None, got {out!r}."
            )
        if stp is not None and not isinstance(stp, SynSTP):
            raise TypeError(
                f"{self.name}: stp must be a SynSTP (e.g. STD, STP) or None, got {stp!r}."
            )
        arg = self._weights_arg
        self.projection = Projection(conn, g_max, comp_method, self.mode, self.name, arg)
        self.conn = conn
        self.comp_method = comp_method
        self.out = out
        self.stp = stp
        self.pre_num, self.post_num = self.projection.pre_num, self.projection.post_num
        if stp is not None:
            stp.bind_pre(self.pre_num, self.name)  # sizes an STD()/STP() made without one

    @property
    def g_max(self) -> Any:
        """The weights (a TrainVar in training mode)."""
        return self.projection.weight

    def _drive(self, pre_spike: Any) -> Any:
        if self.stp is not None:
            efficacy = self.stp(pre_spike)
            syn = efficacy * (bm.as_jax(pre_spike) != 0)
            return self.projection(syn, weighted=True)
        return self.projection(pre_spike, weighted=False)

    def _output(self, g: Any, post_v: Any) -> Any:
        return g if self.out is None else self.out(g, post_v)


class Exponential(SynConn):
    r"""Synapse whose conductance jumps on a spike and decays exponentially.

    .. math::
       g \leftarrow g\, e^{-\Delta t/\tau} + \sum_{i \in \text{spiking}} w_{ij}

    The decay is exact; ``dt`` comes from :data:`brainpy_dyn.share` (the runner's
    ``dt``), not from a global read at construction.

    Args:
      conn: a connector with sizes (``bp.conn.FixedProb(0.02, pre=..., post=...)``).
      out: output model (``COBA(E=0.)``, ``CUBA()``) or ``None`` (return ``g``).
      stp: short-term plasticity model or ``None``.
      comp_method: ``'sparse'`` (event-driven, default) or ``'dense'``.
      g_max: weight (scalar, array or initializer).
      tau: decay time constant (ms).
      method: accepted for BrainPy 2.3.5 compatibility; the decay is exact.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bp
      >>> import brainpy_math as bm
      >>> syn = bp.experimental.Exponential(bp.conn.All2All(pre=2, post=1), g_max=0.5, tau=5.,
      ...                                   out=bp.experimental.COBA(E=0.))
      >>> bp.share.save(t=0., dt=0.1)
      >>> [round(float(i), 4) for i in syn(bm.asarray([True, False]), -60.)]
      [30.0]
    """

    def __init__(
        self,
        conn: Any,
        out: SynOut | None = None,
        stp: SynSTP | None = None,
        comp_method: str = "sparse",
        g_max: Any = 1.0,
        tau: float = 8.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: Any = None,
    ):
        super().__init__(conn, out, stp, comp_method, g_max, name, mode)
        self.tau = check_positive(tau, "tau", self, allow_inf=True)  # inf: no decay
        self.method = method
        self.reset_state(self.mode)

    def reset_state(self, batch_size: Any = None) -> None:
        self.g = variable_(np.zeros, (self.post_num,), batch_size)
        for child in (self.out, self.stp):
            if child is not None:
                child.reset_state(batch_size)

    def update(self, pre_spike: Any, post_v: Any = None) -> Any:
        dt = share.load("dt")
        self.g.value = self.g.value * exp_decay(dt, self.tau) + self._drive(pre_spike)
        return self._output(self.g.value, post_v)


class DualExponential(SynConn):
    r"""Synapse with separate rise and decay time constants.

    .. math::
       \frac{dh}{dt} = -\frac{h}{\tau_r}, \quad \frac{dg}{dt} = -\frac{g}{\tau_d} + h,
       \quad h \leftarrow h + A \sum_{i \in \text{spiking}} w_{ij}.

    Both equations are integrated exactly over each step. With the default
    ``A = None`` the jump is normalised so that one spike of weight ``w`` gives a
    conductance peaking at ``w``.

    Args:
      conn: a connector with sizes.
      out: output model or ``None``.
      stp: short-term plasticity model or ``None``.
      comp_method: ``'sparse'`` or ``'dense'``.
      g_max: weight.
      tau_decay: decay time constant (ms).
      tau_rise: rise time constant (ms).
      A: jump factor of ``h`` per unit weight; ``None`` normalises the peak to the weight.
      method: accepted for compatibility; the solution is exact.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> import brainpy_math as bm
      >>> syn = bd.experimental.DualExponential(bd.conn.All2All(pre=2, post=1))
      >>> bd.share.save(t=0., dt=0.1)
      >>> [round(float(syn(bm.asarray(s))[0]), 4) for s in ([True, False], [False, False])]
      [0.0, 0.1223]
    """

    def __init__(
        self,
        conn: Any,
        out: SynOut | None = None,
        stp: SynSTP | None = None,
        comp_method: str = "sparse",
        g_max: Any = 1.0,
        tau_decay: float = 10.0,
        tau_rise: float = 1.0,
        A: float | None = None,
        method: str = "exp_auto",
        name: str | None = None,
        mode: Any = None,
    ):
        super().__init__(conn, out, stp, comp_method, g_max, name, mode)
        self.tau_decay = check_positive(tau_decay, "tau_decay", self)
        self.tau_rise = check_positive(tau_rise, "tau_rise", self)
        if A is not None and (
            isinstance(A, bool) or not isinstance(A, numbers.Real) or not math.isfinite(A)
        ):
            raise ValueError(f"{self.name}: A must be a finite number or None, got A={A!r}.")
        self.A = _peak_normaliser(self.tau_rise, self.tau_decay) if A is None else float(A)
        self.method = method
        self.reset_state(self.mode)

    def reset_state(self, batch_size: Any = None) -> None:
        self.h = variable_(np.zeros, (self.post_num,), batch_size)
        self.g = variable_(np.zeros, (self.post_num,), batch_size)
        for child in (self.out, self.stp):
            if child is not None:
                child.reset_state(batch_size)

    def update(self, pre_spike: Any, post_v: Any = None) -> Any:
        dt = share.load("dt")
        td, tr = self.tau_decay, self.tau_rise
        ed, er = exp_decay(dt, td), exp_decay(dt, tr)
        h, g = self.h.value, self.g.value
        if td == tr:
            coupling = dt * ed
        else:
            coupling = (ed - er) / (1.0 / tr - 1.0 / td)
        self.g.value = g * ed + h * coupling
        self.h.value = h * er + self.A * self._drive(pre_spike)
        return self._output(self.g.value, post_v)


class Alpha(DualExponential):
    r"""Alpha synapse: a dual exponential with equal rise and decay, ``g ∝ t e^{-t/τ}``.

    Args:
      conn: a connector with sizes.
      out: output model or ``None``.
      stp: short-term plasticity model or ``None``.
      comp_method: ``'sparse'`` or ``'dense'``.
      g_max: weight.
      tau_decay: the time constant (ms).
      method: accepted for compatibility.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> import brainpy_math as bm
      >>> syn = bd.experimental.Alpha(bd.conn.All2All(pre=2, post=1))
      >>> bd.share.save(t=0., dt=0.1)
      >>> [round(float(syn(bm.asarray(s))[0]), 4) for s in ([True, False], [False, False])]
      [0.0, 0.0269]
    """

    def __init__(
        self,
        conn: Any,
        out: SynOut | None = None,
        stp: SynSTP | None = None,
        comp_method: str = "sparse",
        g_max: Any = 1.0,
        tau_decay: float = 10.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: Any = None,
    ):
        super().__init__(
            conn,
            out,
            stp,
            comp_method,
            g_max,
            tau_decay=tau_decay,
            tau_rise=tau_decay,
            method=method,
            name=name,
            mode=mode,
        )


def _peak_normaliser(tau_rise: float, tau_decay: float) -> float:
    """The jump of ``h`` that makes a unit impulse peak at ``g = 1``."""
    if tau_rise == tau_decay:
        return math.e / tau_decay  # g(t) = A t e^{-t/τ} peaks at t = τ with A τ / e
    t_peak = tau_rise * tau_decay / (tau_decay - tau_rise) * math.log(tau_decay / tau_rise)
    shape = (math.exp(-t_peak / tau_decay) - math.exp(-t_peak / tau_rise)) / (
        1.0 / tau_rise - 1.0 / tau_decay
    )
    return 1.0 / shape

"""``BioNMDA``: the second-order kinetic NMDA receptor model (pre/post form).

It follows the kinetic synapses of :mod:`brainpy_dyn._src.synapses.kinetic`: the state is
kept per presynaptic neuron and the postsynaptic conductance is ``Σ_i w_ij g_i``.
"""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.integrators.odeint import odeint
from brainpy_dyn._src.synapses._deps import check_positive, share, variable_
from brainpy_dyn._src.synapses.kinetic import _NEVER, _AMPACore, _number
from brainpy_dyn._src.synapses.outputs import MgBlock, SynOut
from brainpy_dyn._src.synapses.plasticity import SynSTP
from brainpy_dyn._src.synapses.pre_post import _PrePost

__all__ = ["BioNMDA"]


class _BioNMDACore(_AMPACore):
    """The step of :class:`BioNMDA`."""

    alpha1: float
    beta1: float
    alpha2: float
    beta2: float

    def dg(self, g: Any, t: Any, x: Any) -> Any:
        """``dg/dt`` given the intermediate variable ``x``."""
        return self.alpha1 * x * (1 - g) - self.beta1 * g

    def dx(self, x: Any, t: Any, T: Any) -> Any:
        """``dx/dt`` for the transmitter concentration ``T``."""
        return self.alpha2 * T * (1 - x) - self.beta2 * x

    def reset_state(self, batch_size: Any = None) -> None:
        self.g = variable_(np.zeros, (self.pre_num,), batch_size)
        self.x = variable_(np.zeros, (self.pre_num,), batch_size)
        self.steps_since_spike = variable_(
            lambda s: jnp.full(s, _NEVER, jnp.int32), (self.pre_num,), batch_size
        )
        self._reset_children(batch_size)

    def update(self, pre_spike: Any, post_v: Any = None) -> Any:
        dt = share.load("dt")
        spike = bm.as_jax(pre_spike) != 0
        since = self.steps_since_spike.value
        since = jnp.where(spike, 0, jnp.minimum(since + 1, _NEVER)).astype(jnp.int32)
        self.steps_since_spike.value = since
        TT = jnp.where(since < self._release_steps(dt), self.T, 0.0)
        g, x = self.integral(self.g.value, self.x.value, share.load("t", 0.0), TT, dt=dt)
        self.g.value, self.x.value = g, x
        return self._output(self._project(self.g.value, pre_spike), post_v)


class BioNMDA(_PrePost, _BioNMDACore):
    r"""Biophysical NMDA receptor synapse: second-order transmitter kinetics, Mg²⁺ block.

    BrainPy implementation of ``brainpy.synapses.BioNMDA`` (2.3.5). Per presynaptic neuron,

    .. math::
       \frac{dg}{dt} = \alpha_1 x (1 - g) - \beta_1 g, \qquad
       \frac{dx}{dt} = \alpha_2 [T] (1 - x) - \beta_2 x,

    where the transmitter concentration ``[T]`` equals ``T_0`` during the ``T_dur`` ms that
    follow a spike's arrival (``ceil(T_dur / dt)`` steps, the arrival step included) and
    0 otherwise. The output ``MgBlock(E=0., cc_Mg=1.2, alpha=0.062, beta=3.57)`` gives
    ``I_j = G_j (E − V_j) / (1 + cc_Mg/β · e^{−α V_j})`` with ``G_j = Σ_i w_ij g_i``.

    Args:
      pre: the presynaptic group (has a ``spike`` Variable).
      post: the postsynaptic group (has ``input`` and ``V``).
      conn: a two-end connector, sized or not.
      output: the output model; ``None`` means the ``MgBlock`` above.
      stp: short-term plasticity scaling ``g``, or ``None``.
      comp_method: ``'dense'`` (default) or ``'sparse'``.
      g_max: the maximum conductance.
      delay_step: extra delay in steps (``None`` = 0).
      alpha1: rate of ``g``'s opening per unit ``x`` (1/ms), ``> 0``.
      beta1: closing rate of ``g`` (1/ms), ``> 0``.
      alpha2: binding rate of ``x`` (1/(mM·ms)), ``> 0``.
      beta2: unbinding rate of ``x`` (1/ms), ``> 0``.
      T_0: transmitter concentration after a spike (mM), ``>= 0``.
      T_dur: how long the transmitter stays (ms), ``>= 0``.
      method: an :func:`brainpy_dyn.odeint` method.
      mode: the computing mode.
      name: the object name.
      stop_spike_gradient: stop gradients through the presynaptic spikes.

    Attributes:
      g: the open fraction per presynaptic neuron, shape ``(pre.num,)``.
      x: the intermediate (bound) fraction per presynaptic neuron.
      steps_since_spike: steps since each presynaptic neuron's last arriving spike.

    Raises:
      TypeError: ``pre``/``post`` is not a neuron group, or ``conn`` is not a connector.
      ValueError: a rate or concentration that is not a number in range, a bad
        ``delay_step``, ``comp_method`` or ``method``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> pre = bd.neurons.SpikeTimeGroup(1, times=[0.], indices=[0])
      >>> post = bd.neurons.LIF(1, V_rest=-65., V_th=100., V_initializer=bd.init.OneInit(-65.))
      >>> syn = bd.synapses.BioNMDA(pre, post, bd.conn.All2All(), method='euler')
      >>> runner = bd.DSRunner(bd.Network(pre, syn, post), monitors={'x': syn.x},
      ...                      progress_bar=False)
      >>> _ = runner.run(0.3)
      >>> [round(float(x), 4) for x in runner.mon['x'][:, 0]]
      [0.0, 0.1, 0.185]
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
        alpha1: float = 2.0,
        beta1: float = 0.01,
        alpha2: float = 1.0,
        beta2: float = 0.5,
        T_0: float = 1.0,
        T_dur: float = 0.5,
        method: str = "exp_auto",
        mode: Any = None,
        name: str | None = None,
        stop_spike_gradient: bool = False,
    ):
        def default() -> SynOut:
            return MgBlock(E=0.0, cc_Mg=1.2, alpha=0.062, beta=3.57)

        self._setup(pre, post, conn, output, default, stp, comp_method, g_max, name, mode)
        self.alpha1 = check_positive(alpha1, "alpha1", self)
        self.beta1 = check_positive(beta1, "beta1", self)
        self.alpha2 = check_positive(alpha2, "alpha2", self)
        self.beta2 = check_positive(beta2, "beta2", self)
        self.T_0 = self.T = _number(T_0, "T_0", self.name)
        self.T_dur = self.T_duration = _number(T_dur, "T_dur", self.name)
        self.method = method
        self.integral = odeint(JointEq(self.dg, self.dx), method=method)
        self.reset_state(self.mode)
        self._attach(pre, post, delay_step, stop_spike_gradient)

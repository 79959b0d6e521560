"""The Wang–Buzsáki interneuron, ``WangBuzsakiModel``."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.initialize.regular import OneInit
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.neurons.base import (
    SpikingGroup,
    as_value,
    build_integral,
    check_initializer,
)
from brainpy_dyn._src.neurons.hh import _vtrap

# 2.3.5's default initial state (shared, stateless instances).
_V_INIT = OneInit(-65.0)
_H_INIT = OneInit(0.6)
_N_INIT = OneInit(0.32)

__all__ = ["WangBuzsakiModel"]


# Rates in 1/ms with V in mV (before the factor phi of h and n).
def m_inf(V: jax.Array) -> jax.Array:
    """The instantaneous sodium activation ``α_m / (α_m + β_m)``."""
    alpha = 0.1 * _vtrap(V + 35.0, 10.0)
    beta = 4.0 * jnp.exp(-(V + 60.0) / 18.0)
    return alpha / (alpha + beta)


def h_rates(V: jax.Array) -> tuple[jax.Array, jax.Array]:
    """``(α_h, β_h) = (0.07 e^{-(V+58)/20}, 1 / (1 + e^{-(V+28)/10}))``."""
    return 0.07 * jnp.exp(-(V + 58.0) / 20.0), 1.0 / (1.0 + jnp.exp(-(V + 28.0) / 10.0))


def n_rates(V: jax.Array) -> tuple[jax.Array, jax.Array]:
    """``(α_n, β_n) = (0.01 (V+34) / (1 - e^{-(V+34)/10}), 0.125 e^{-(V+44)/80})``."""
    return 0.01 * _vtrap(V + 34.0, 10.0), 0.125 * jnp.exp(-(V + 44.0) / 80.0)


class WangBuzsakiModel(SpikingGroup):
    r"""Wang–Buzsáki neurons (Wang & Buzsáki, 1996): a fast-spiking interneuron.

    BrainPy implementation of ``brainpy.neurons.WangBuzsakiModel`` (2.3.5), a modified
    Hodgkin–Huxley model with an instantaneous sodium activation:

    .. math::

       C \frac{dV}{dt} &= -g_{Na} m_\infty^3(V)\,h\,(V - E_{Na}) - g_K n^4 (V - E_K)
           - g_L (V - E_L) + I(t) \\
       \frac{dx}{dt} &= \phi\,(\alpha_x(V)(1 - x) - \beta_x(V)\,x), \quad x \in \{h, n\}

    with ``m∞ = α_m / (α_m + β_m)``, ``α_m = 0.1 (V+35) / (1 - e^{-(V+35)/10})``,
    ``β_m = 4 e^{-(V+60)/18}``, ``α_h = 0.07 e^{-(V+58)/20}``,
    ``β_h = 1 / (1 + e^{-(V+28)/10})``, ``α_n = 0.01 (V+34) / (1 - e^{-(V+34)/10})``
    and ``β_n = 0.125 e^{-(V+44)/80}`` (``V`` in mV, rates in 1/ms). A spike is an
    upward crossing of ``V_th`` (``V_old < V_th <= V``); there is no reset. Defaults
    are 2.3.5's (the paper's): ``ENa=55``, ``gNa=35``, ``EK=-90``, ``gK=9``,
    ``EL=-65``, ``gL=0.1``, ``V_th=20``, ``phi=5``, ``C=1`` (mV, mS/cm², µF/cm²;
    ``I`` in µA/cm²), ``V`` starting at -65, ``h`` at 0.6 and ``n`` at 0.32. The
    neuron rests without input and fires periodically under a constant input above
    a small rheobase (below 0.2 µA/cm²), at high rates (about 60 Hz at ``I = 1``;
    exponential Euler at ``dt = 0.05`` gives about 50 Hz, ``rk4`` at ``dt = 0.01``
    about 60 Hz).

    Args:
      size: the number of neurons, or the group's shape.
      keep_size: keep ``size`` as the Variables' shape.
      ENa: sodium reversal potential (mV).
      gNa: maximal sodium conductance.
      EK: potassium reversal potential (mV).
      gK: maximal potassium conductance.
      EL: leak reversal potential (mV).
      gL: leak conductance.
      V_th: the potential whose upward crossing counts as a spike (mV).
      phi: the temperature factor of the ``h`` and ``n`` kinetics (``> 0``).
      C: membrane capacitance (``> 0``).
      V_initializer: initial ``V``.
      h_initializer: initial ``h``.
      n_initializer: initial ``n``.
      noise: additive white noise on ``V`` (see :class:`~brainpy_dyn.neurons.LIF`).
      method: the integration method (``'exp_auto'``: exponential Euler).
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      name: the group's name.
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode`` (spikes stay
        boolean: the model has no surrogate spike function).

    Attributes:
      V: membrane potential.
      h: sodium inactivation.
      n: potassium activation.
      input: the accumulated input current (if ``input_var``).
      spike: whether ``V`` crossed ``V_th`` upwards in the last step.

    Raises:
      ValueError: ``C``/``phi <= 0`` or an unknown ``method``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.WangBuzsakiModel(1)
      >>> sorted(group.vars(method='relative'))
      ['V', 'h', 'input', 'n', 'spike']
      >>> bd.share.save(t=0., dt=0.05)
      >>> group(1.), group.V.value
      (Array([False], dtype=bool), Array([-65.064644], dtype=float32))
      >>> bd.share.clear_shargs()
    """

    h: bm.Variable
    n: bm.Variable

    def __init__(
        self,
        size: int | tuple[int, ...],
        keep_size: bool = False,
        ENa: Any = 55.0,
        gNa: Any = 35.0,
        EK: Any = -90.0,
        gK: Any = 9.0,
        EL: Any = -65.0,
        gL: Any = 0.1,
        V_th: Any = 20.0,
        phi: Any = 5.0,
        C: Any = 1.0,
        V_initializer: Any = _V_INIT,
        h_initializer: Any = _H_INIT,
        n_initializer: Any = _N_INIT,
        noise: Any = None,
        method: str = "exp_auto",
        input_var: bool = True,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.ENa = self._param(ENa, "ENa")
        self.gNa = self._param(gNa, "gNa")
        self.EK = self._param(EK, "EK")
        self.gK = self._param(gK, "gK")
        self.EL = self._param(EL, "EL")
        self.gL = self._param(gL, "gL")
        self.V_th = self._param(V_th, "V_th")
        self.phi = self._param(phi, "phi", positive=True)
        self.C = self._param(C, "C", positive=True)
        self.tau_ref = None
        self.ref_var = False
        self.noise = self._noise(noise)
        self.input_var = bool(input_var)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self._h_initializer = check_initializer(h_initializer, who, "h_initializer")
        self._n_initializer = check_initializer(n_initializer, who, "n_initializer")
        self.integral = build_integral(self.derivative, method, who)
        self.reset_state(self.mode)

    def dV(self, V: jax.Array, t: Any, h: jax.Array, n: jax.Array, I_ext: Any) -> jax.Array:
        """``dV/dt = (-I_Na - I_K - I_L + I_ext) / C``."""
        I_Na = as_value(self.gNa) * m_inf(V) ** 3 * h * (V - as_value(self.ENa))
        I_K = as_value(self.gK) * n**4 * (V - as_value(self.EK))
        I_L = as_value(self.gL) * (V - as_value(self.EL))
        return (-I_Na - I_K - I_L + I_ext) / as_value(self.C)

    def dh(self, h: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``dh/dt = phi (α_h (1 - h) - β_h h)``."""
        alpha, beta = h_rates(V)
        return as_value(self.phi) * (alpha * (1.0 - h) - beta * h)

    def dn(self, n: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``dn/dt = phi (α_n (1 - n) - β_n n)``."""
        alpha, beta = n_rates(V)
        return as_value(self.phi) * (alpha * (1.0 - n) - beta * n)

    @property
    def derivative(self) -> JointEq:
        """The joint system ``(dV, dh, dn)``."""
        return JointEq(self.dV, self.dh, self.dn)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-initialise every Variable (``batch_size=None``: the mode's own layout)."""
        batch = self._batch(batch_size)
        self._state("h", self._h_initializer, batch)
        self._state("n", self._n_initializer, batch)
        self._state("V", self._V_initializer, batch)
        self._state("spike", lambda s: np.zeros(s, bool), batch)
        if self.input_var:
            fdtype = bm.get_float()
            self._state("input", lambda s: np.zeros(s, fdtype), batch)

    def update(self, x: Any = None) -> jax.Array:
        """Advance one step with input current ``x`` and return the spikes."""
        t, dt = self._time()
        I = self._take_input(x)
        V_old, h_old, n_old = self.V.value, self.h.value, self.n.value
        V, h, n = self.integral(V_old, h_old, n_old, t, I, dt=dt)
        V = self._add_noise(V, (V_old, h_old, n_old, t, I), dt)
        V_th = as_value(self.V_th)
        spike = jnp.logical_and(V_old < V_th, V >= V_th)
        self.V.value = V
        self.h.value = h
        self.n.value = n
        self.spike.value = spike
        return spike

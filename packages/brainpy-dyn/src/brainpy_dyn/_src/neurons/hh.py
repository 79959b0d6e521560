"""The Hodgkin–Huxley neuron, ``HH``."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.initialize.random_inits import Uniform
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.neurons.base import (
    SpikingGroup,
    as_value,
    build_integral,
    check_initializer,
)

__all__ = ["HH"]

# 2.3.5's default initial V; draws from brainpy_math.random.DEFAULT at each call.
_UNIFORM_V = Uniform(-70.0, -60.0)


def _vtrap(x: jax.Array, y: float) -> jax.Array:
    """``x / (1 - exp(-x / y))``, continued by its limit ``y`` at ``x = 0``."""
    z = x / y
    small = jnp.abs(z) < 1e-6
    safe = jnp.where(small, jnp.ones_like(z), z)
    return jnp.where(small, y * (1.0 + z / 2), x / -jnp.expm1(-safe))


# The classical rate functions (1/ms) with the resting potential near -65 mV.
def m_alpha(V: jax.Array) -> jax.Array:
    """``0.1 (V + 40) / (1 - exp(-(V + 40) / 10))``."""
    return 0.1 * _vtrap(V + 40.0, 10.0)


def m_beta(V: jax.Array) -> jax.Array:
    """``4 exp(-(V + 65) / 18)``."""
    return 4.0 * jnp.exp(-(V + 65.0) / 18.0)


def h_alpha(V: jax.Array) -> jax.Array:
    """``0.07 exp(-(V + 65) / 20)``."""
    return 0.07 * jnp.exp(-(V + 65.0) / 20.0)


def h_beta(V: jax.Array) -> jax.Array:
    """``1 / (1 + exp(-(V + 35) / 10))``."""
    return 1.0 / (1.0 + jnp.exp(-(V + 35.0) / 10.0))


def n_alpha(V: jax.Array) -> jax.Array:
    """``0.01 (V + 55) / (1 - exp(-(V + 55) / 10))``."""
    return 0.01 * _vtrap(V + 55.0, 10.0)


def n_beta(V: jax.Array) -> jax.Array:
    """``0.125 exp(-(V + 65) / 80)``."""
    return 0.125 * jnp.exp(-(V + 65.0) / 80.0)


_RATES = {"m": (m_alpha, m_beta), "h": (h_alpha, h_beta), "n": (n_alpha, n_beta)}


class HH(SpikingGroup):
    r"""Hodgkin–Huxley neurons (Hodgkin & Huxley, 1952).

    BrainPy implementation of ``brainpy.neurons.HH`` (2.3.5).

    .. math::

       C \frac{dV}{dt} &= -g_{Na} m^3 h (V - E_{Na}) - g_K n^4 (V - E_K)
           - g_L (V - E_L) + I(t) \\
       \frac{dx}{dt} &= \alpha_x(V)(1 - x) - \beta_x(V)\,x, \quad x \in \{m, h, n\}

    with the classical rates (``V`` in mV, rates in 1/ms):
    ``α_m = 0.1 (V+40)/(1 - e^{-(V+40)/10})``, ``β_m = 4 e^{-(V+65)/18}``,
    ``α_h = 0.07 e^{-(V+65)/20}``, ``β_h = 1/(1 + e^{-(V+35)/10})``,
    ``α_n = 0.01 (V+55)/(1 - e^{-(V+55)/10})``, ``β_n = 0.125 e^{-(V+65)/80}``.
    A spike is an upward crossing of ``V_th`` (``V_old < V_th <= V``); there is no
    reset. Defaults (2.3.5's, the squid-axon values): ``ENa=50``, ``gNa=120``,
    ``EK=-77``, ``gK=36``, ``EL=-54.387``, ``gL=0.03``, ``V_th=20``, ``C=1``
    (mV, mS/cm², µF/cm²; ``I`` in µA/cm²). With ``I = 10`` the neuron fires
    repetitively at about 68 Hz.

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
      C: membrane capacitance (``> 0``).
      V_initializer: initial ``V`` (default: uniform in [-70, -60) from
        ``brainpy_math.random``).
      m_initializer: initial ``m``; ``None``: its steady state at the initial ``V``.
      h_initializer: initial ``h``; ``None``: its steady state.
      n_initializer: initial ``n``; ``None``: its steady state.
      noise: additive white noise on ``V`` (see :class:`~brainpy_dyn.neurons.LIF`).
      method: the integration method (``'exp_auto'``: exponential Euler).
      name: the group's name.
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode`` (spikes stay
        boolean: HH has no surrogate spike function).

    Raises:
      ValueError: ``C <= 0`` or an unknown ``method``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.HH(1, V_initializer=lambda s: bd.init.OneInit(-65.)(s))
      >>> [round(float(x.value[0]), 4) for x in (group.m, group.h, group.n)]
      [0.0529, 0.5961, 0.3177]
    """

    m: bm.Variable
    h: bm.Variable
    n: bm.Variable

    def __init__(
        self,
        size: int | tuple[int, ...],
        keep_size: bool = False,
        ENa: Any = 50.0,
        gNa: Any = 120.0,
        EK: Any = -77.0,
        gK: Any = 36.0,
        EL: Any = -54.387,
        gL: Any = 0.03,
        V_th: Any = 20.0,
        C: Any = 1.0,
        V_initializer: Any = _UNIFORM_V,
        m_initializer: Any = None,
        h_initializer: Any = None,
        n_initializer: Any = None,
        noise: Any = None,
        method: str = "exp_auto",
        name: str | None = None,
        input_var: bool = True,
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
        self.C = self._param(C, "C", positive=True)
        self.tau_ref = None
        self.ref_var = False
        self.noise = self._noise(noise)
        self.input_var = bool(input_var)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self._gate_initializers = {
            "m": check_initializer(m_initializer, who, "m_initializer", True),
            "h": check_initializer(h_initializer, who, "h_initializer", True),
            "n": check_initializer(n_initializer, who, "n_initializer", True),
        }
        self.integral = build_integral(self.derivative, method, who)
        self.reset_state(self.mode)

    @staticmethod
    def steady_state(gate: str, V: Any) -> jax.Array:
        """The steady state ``α/(α+β)`` of gate ``'m'``, ``'h'`` or ``'n'`` at ``V``."""
        alpha, beta = _RATES[gate]
        V = jnp.asarray(bm.as_jax(V))
        return alpha(V) / (alpha(V) + beta(V))

    # The rate functions and steady states, as methods (2.3.5's ``bp.dyn.HH`` had them).
    def m_alpha(self, V: Any) -> jax.Array:
        """``α_m(V) = 0.1 (V + 40) / (1 - exp(-(V + 40) / 10))`` (1/ms)."""
        return m_alpha(jnp.asarray(bm.as_jax(V)))

    def m_beta(self, V: Any) -> jax.Array:
        """``β_m(V)`` (1/ms)."""
        return m_beta(jnp.asarray(bm.as_jax(V)))

    def m_inf(self, V: Any) -> jax.Array:
        """The steady state ``α_m / (α_m + β_m)``."""
        return self.steady_state("m", V)

    def h_alpha(self, V: Any) -> jax.Array:
        """``α_h(V)`` (1/ms)."""
        return h_alpha(jnp.asarray(bm.as_jax(V)))

    def h_beta(self, V: Any) -> jax.Array:
        """``β_h(V)`` (1/ms)."""
        return h_beta(jnp.asarray(bm.as_jax(V)))

    def h_inf(self, V: Any) -> jax.Array:
        """The steady state ``α_h / (α_h + β_h)``."""
        return self.steady_state("h", V)

    def n_alpha(self, V: Any) -> jax.Array:
        """``α_n(V)`` (1/ms)."""
        return n_alpha(jnp.asarray(bm.as_jax(V)))

    def n_beta(self, V: Any) -> jax.Array:
        """``β_n(V)`` (1/ms)."""
        return n_beta(jnp.asarray(bm.as_jax(V)))

    def n_inf(self, V: Any) -> jax.Array:
        """The steady state ``α_n / (α_n + β_n)``."""
        return self.steady_state("n", V)

    def dV(self, V: jax.Array, t: Any, m: Any, h: Any, n: Any, I: Any) -> jax.Array:
        """``dV/dt = (-I_Na - I_K - I_L + I) / C``."""
        I_Na = as_value(self.gNa) * m**3 * h * (V - as_value(self.ENa))
        I_K = as_value(self.gK) * n**4 * (V - as_value(self.EK))
        I_L = as_value(self.gL) * (V - as_value(self.EL))
        return (-I_Na - I_K - I_L + I) / as_value(self.C)

    @staticmethod
    def dm(m: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``dm/dt = α_m (1 - m) - β_m m``."""
        return m_alpha(V) * (1.0 - m) - m_beta(V) * m

    @staticmethod
    def dh(h: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``dh/dt = α_h (1 - h) - β_h h``."""
        return h_alpha(V) * (1.0 - h) - h_beta(V) * h

    @staticmethod
    def dn(n: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``dn/dt = α_n (1 - n) - β_n n``."""
        return n_alpha(V) * (1.0 - n) - n_beta(V) * n

    @property
    def derivative(self) -> JointEq:
        """The joint system ``(dV, dm, dh, dn)``."""
        return JointEq(self.dV, self.dm, self.dh, self.dn)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-initialise every Variable (``batch_size=None``: the mode's own layout)."""
        batch = self._batch(batch_size)
        self._state("V", self._V_initializer, batch)
        V = self.V.value
        for gate, init in self._gate_initializers.items():
            if init is None:
                value = self.steady_state(gate, V).astype(V.dtype)

                def init(shape: Any, value: jax.Array = value) -> jax.Array:
                    return jnp.broadcast_to(value, shape)

            self._state(gate, init, batch)
        if self.input_var:
            self._state("input", jnp.zeros, batch)
        self._state("spike", lambda s: jnp.zeros(s, dtype=bool), batch)

    def update(self, x: Any = None) -> jax.Array:
        """Advance one step with input current ``x`` and return the spikes."""
        t, dt = self._time()
        I = self._take_input(x)
        V_old = self.V.value
        V, m, h, n = self.integral(V_old, self.m.value, self.h.value, self.n.value, t, I, dt=dt)
        V = self._add_noise(V, (V_old, self.m.value, self.h.value, self.n.value, t, I), dt)
        V_th = as_value(self.V_th)
        spike = jnp.logical_and(V_old < V_th, V >= V_th)
        self.V.value = V
        self.m.value = m
        self.h.value = h
        self.n.value = n
        self.spike.value = spike
        return spike

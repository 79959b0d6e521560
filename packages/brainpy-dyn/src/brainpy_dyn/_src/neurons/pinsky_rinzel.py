"""The two-compartment Pinsky–Rinzel (1994) model of a CA3 pyramidal cell."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.channels.base import shared_time
from brainpy_dyn._src.initialize.regular import OneInit
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.neurons.base import (
    SpikingGroup,
    as_value,
    build_integral,
    check_initializer,
)
from brainpy_dyn._src.neurons.hh import _vtrap

__all__ = ["PinskyRinzelModel"]

_SHIFT = 60.0  # the paper's potentials are relative to -60 mV
_VS_INIT, _VD_INIT, _CA_INIT = OneInit(-64.6), OneInit(-64.5), OneInit(0.2)  # 2.3.5's defaults


def _u(V: Any) -> jax.Array:
    """The potential relative to the paper's reference (``V + 60``)."""
    return jnp.asarray(bm.as_jax(V)) + _SHIFT


class PinskyRinzelModel(SpikingGroup):
    r"""Pinsky–Rinzel model: a soma and a dendrite coupled by a conductance ``gc``.

    BrainPy implementation of ``brainpy.neurons.PinskyRinzelModel`` (2.3.5), after Pinsky
    & Rinzel (1994), *J. Comput. Neurosci.* 1:39–60, with potentials in absolute mV (the
    paper's potentials minus 60 mV):

    .. math::
       C_m \frac{dV_s}{dt} &= -g_L (V_s - E_L) - g_{Na} m_\infty^2 h (V_s - E_{Na})
          - g_K n (V_s - E_K) + \frac{g_c}{p} (V_d - V_s) + \frac{I_s}{p A} \\
       C_m \frac{dV_d}{dt} &= -g_L (V_d - E_L) - g_{Ca} s^2 (V_d - E_{Ca})
          - g_{AHP} q (V_d - E_K) - g_C c\, \chi(Ca) (V_d - E_K)
          + \frac{g_c}{1 - p} (V_s - V_d) + \frac{I_d}{(1 - p) A} \\
       \frac{dCa}{dt} &= -0.13\, g_{Ca} s^2 (V_d - E_{Ca}) - 0.075\, Ca, \qquad
       \chi(Ca) = \min(Ca / 250, 1),

    and each gate ``x ∈ {h, n, s, c, q}`` follows ``dx/dt = α_x (1 − x) − β_x x`` with the
    paper's rate functions (``q``'s of ``Ca``, ``h``/``n``'s of ``V_s``, ``s``/``c``'s of
    ``V_d``); ``m`` is instantaneous. A spike is an upward crossing of ``V_th`` by ``V_s``.

    Args:
      size: the number of cells (int or shape).
      keep_size: keep ``size`` as the variables' shape (else flatten).
      gNa: sodium conductance (mS/cm²).
      gK: delayed-rectifier potassium conductance.
      gCa: calcium conductance.
      gAHP: afterhyperpolarisation (``q``) potassium conductance.
      gC: calcium-activated (``c``) potassium conductance.
      gL: leak conductance.
      ENa: sodium reversal potential (mV).
      EK: potassium reversal potential.
      ECa: calcium reversal potential.
      EL: leak reversal potential.
      gc: soma–dendrite coupling conductance.
      V_th: the somatic spike threshold (mV).
      Cm: membrane capacitance (µF/cm²), ``> 0``.
      p: the fraction of the cell's area in the soma, in ``(0, 1)``.
      A: the cell's area: the input currents ``Is``/``Id`` are divided by it.
      Vs_initializer: the initial somatic potential.
      Vd_initializer: the initial dendritic potential.
      Ca_initializer: the initial calcium concentration.
      noise: additive noise intensity on ``Vs`` and ``Vd`` (Euler–Maruyama), or ``None``.
      method: an :func:`brainpy_dyn.odeint` method.
      name: the object name.
      mode: the computing mode.

    Attributes:
      Vs: the somatic potential (the other states are ``Vd``, ``Ca``, ``h``, ``n``, ``s``,
        ``c`` and ``q``; the gates start at their steady states).
      Is: the input current to the soma (``Id``: to the dendrite), summed over a step and
        cleared by :meth:`clear_input` (``update(tdi, x)`` adds ``x`` to ``Is``).
      spike: the somatic spikes of the last step.

    Raises:
      ValueError: a non-positive ``Cm``/``A``, ``p`` outside ``(0, 1)``, a bad initializer
        or ``method``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> cell = bd.neurons.PinskyRinzelModel(1)
      >>> runner = bd.DSRunner(cell, monitors=['spike'], inputs=('Is', 0.75),
      ...                      progress_bar=False)
      >>> _ = runner.run(50.)
      >>> int(runner.mon['spike'].sum())   # the first burst's somatic spike
      1
    """

    Vs: bm.Variable
    Vd: bm.Variable
    Ca: bm.Variable
    h: bm.Variable
    n: bm.Variable
    s: bm.Variable
    c: bm.Variable
    q: bm.Variable
    Is: bm.Variable
    Id: bm.Variable

    pass_shared = True  # 2.3.5's ``update(tdi, x)``: calls pass the shared data first

    def __init__(
        self,
        size: int | tuple[int, ...],
        keep_size: bool = False,
        gNa: Any = 30.0,
        gK: Any = 15.0,
        gCa: Any = 10.0,
        gAHP: Any = 0.8,
        gC: Any = 15.0,
        gL: Any = 0.1,
        ENa: Any = 60.0,
        EK: Any = -75.0,
        ECa: Any = 80.0,
        EL: Any = -60.0,
        gc: Any = 2.1,
        V_th: Any = 20.0,
        Cm: Any = 3.0,
        p: Any = 0.5,
        A: Any = 1.0,
        Vs_initializer: Any = _VS_INIT,
        Vd_initializer: Any = _VD_INIT,
        Ca_initializer: Any = _CA_INIT,
        noise: Any = None,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.gNa = self._param(gNa, "gNa")
        self.gK = self._param(gK, "gK")
        self.gCa = self._param(gCa, "gCa")
        self.gAHP = self._param(gAHP, "gAHP")
        self.gC = self._param(gC, "gC")
        self.gL = self._param(gL, "gL")
        self.ENa = self._param(ENa, "ENa")
        self.EK = self._param(EK, "EK")
        self.ECa = self._param(ECa, "ECa")
        self.EL = self._param(EL, "EL")
        self.gc = self._param(gc, "gc")
        self.V_th = self._param(V_th, "V_th")
        self.Cm = self._param(Cm, "Cm", positive=True)
        self.p = self._param(p, "p", positive=True)
        if not bool(jnp.all(bm.as_jax(as_value(self.p)) < 1.0)):
            raise ValueError(f"{who}: p (the soma's share of the area) must be < 1, got {p!r}.")
        self.A = self._param(A, "A", positive=True)
        self.tau_ref = None
        self.ref_var = False
        self.input_var = False
        self.noise = self._noise(noise)
        self._Vs_initializer = check_initializer(Vs_initializer, who, "Vs_initializer")
        self._Vd_initializer = check_initializer(Vd_initializer, who, "Vd_initializer")
        self._Ca_initializer = check_initializer(Ca_initializer, who, "Ca_initializer")
        self.integral = build_integral(self.derivative, method, who)
        self.reset_state(self.mode)

    # ------------------------------------------------------- rate functions (1/ms)
    def alpha_m(self, Vs: Any) -> jax.Array:
        """``0.32 (13.1 − u) / (exp((13.1 − u) / 4) − 1)``, ``u = Vs + 60``."""
        return 0.32 * _vtrap(_u(Vs) - 13.1, 4.0)

    def beta_m(self, Vs: Any) -> jax.Array:
        """``0.28 (u − 40.1) / (exp((u − 40.1) / 5) − 1)``."""
        return 0.28 * _vtrap(40.1 - _u(Vs), 5.0)

    def inf_m(self, Vs: Any) -> jax.Array:
        """The (instantaneous) sodium activation ``α_m / (α_m + β_m)``."""
        a, b = self.alpha_m(Vs), self.beta_m(Vs)
        return a / (a + b)

    def alpha_h(self, Vs: Any) -> jax.Array:
        """``0.128 exp((17 − u) / 18)``."""
        return 0.128 * jnp.exp((17.0 - _u(Vs)) / 18.0)

    def beta_h(self, Vs: Any) -> jax.Array:
        """``4 / (1 + exp((40 − u) / 5))``."""
        return 4.0 / (1.0 + jnp.exp((40.0 - _u(Vs)) / 5.0))

    def inf_h(self, Vs: Any) -> jax.Array:
        """The steady state of ``h``."""
        a, b = self.alpha_h(Vs), self.beta_h(Vs)
        return a / (a + b)

    def alpha_n(self, Vs: Any) -> jax.Array:
        """``0.016 (35.1 − u) / (exp((35.1 − u) / 5) − 1)``."""
        return 0.016 * _vtrap(_u(Vs) - 35.1, 5.0)

    def beta_n(self, Vs: Any) -> jax.Array:
        """``0.25 exp(0.5 − 0.025 u)``."""
        return 0.25 * jnp.exp(0.5 - 0.025 * _u(Vs))

    def inf_n(self, Vs: Any) -> jax.Array:
        """The steady state of ``n``."""
        a, b = self.alpha_n(Vs), self.beta_n(Vs)
        return a / (a + b)

    def alpha_s(self, Vd: Any) -> jax.Array:
        """``1.6 / (1 + exp(−0.072 (u − 65)))``, ``u = Vd + 60``."""
        return 1.6 / (1.0 + jnp.exp(-0.072 * (_u(Vd) - 65.0)))

    def beta_s(self, Vd: Any) -> jax.Array:
        """``0.02 (u − 51.1) / (exp((u − 51.1) / 5) − 1)``."""
        return 0.02 * _vtrap(51.1 - _u(Vd), 5.0)

    def inf_s(self, Vd: Any) -> jax.Array:
        """The steady state of ``s``."""
        a, b = self.alpha_s(Vd), self.beta_s(Vd)
        return a / (a + b)

    def alpha_c(self, Vd: Any) -> jax.Array:
        """``exp((u − 10)/11 − (u − 6.5)/27) / 18.975`` for ``u ≤ 50``, else ``β``'s form."""
        u = _u(Vd)
        low = jnp.exp((u - 10.0) / 11.0 - (u - 6.5) / 27.0) / 18.975
        high = 2.0 * jnp.exp((6.5 - u) / 27.0)
        return jnp.where(u <= 50.0, low, high)

    def beta_c(self, Vd: Any) -> jax.Array:
        """``2 exp((6.5 − u) / 27) − α_c`` for ``u ≤ 50``, else 0."""
        u = _u(Vd)
        return jnp.where(u <= 50.0, 2.0 * jnp.exp((6.5 - u) / 27.0) - self.alpha_c(Vd), 0.0)

    def inf_c(self, Vd: Any) -> jax.Array:
        """The steady state of ``c``."""
        a, b = self.alpha_c(Vd), self.beta_c(Vd)
        return a / (a + b)

    def alpha_q(self, Ca: Any) -> jax.Array:
        """``min(2·10⁻⁵ Ca, 0.01)``."""
        return jnp.minimum(2e-5 * jnp.asarray(bm.as_jax(Ca)), 0.01)

    def beta_q(self, Ca: Any) -> jax.Array:
        """``0.001``."""
        return jnp.full_like(jnp.asarray(bm.as_jax(Ca), float), 0.001)

    def inf_q(self, Ca: Any) -> jax.Array:
        """The steady state of ``q``."""
        a, b = self.alpha_q(Ca), self.beta_q(Ca)
        return a / (a + b)

    # ------------------------------------------------------------- derivatives
    def dVs(self, Vs: Any, t: Any, h: Any, n: Any, Vd: Any) -> jax.Array:
        """``dVs/dt`` (reads the somatic input ``Is``)."""
        I_Na = as_value(self.gNa) * self.inf_m(Vs) ** 2 * h * (Vs - as_value(self.ENa))
        I_K = as_value(self.gK) * n * (Vs - as_value(self.EK))
        I_L = as_value(self.gL) * (Vs - as_value(self.EL))
        p = as_value(self.p)
        I_ds = as_value(self.gc) / p * (Vd - Vs)
        I_in = bm.as_jax(self.Is.value) / (p * as_value(self.A))
        return (-I_Na - I_K - I_L + I_ds + I_in) / as_value(self.Cm)

    def dVd(self, Vd: Any, t: Any, s: Any, q: Any, c: Any, Ca: Any, Vs: Any) -> jax.Array:
        """``dVd/dt`` (reads the dendritic input ``Id``)."""
        EK = as_value(self.EK)
        I_Ca = as_value(self.gCa) * s * s * (Vd - as_value(self.ECa))
        I_AHP = as_value(self.gAHP) * q * (Vd - EK)
        I_C = as_value(self.gC) * c * jnp.minimum(Ca / 250.0, 1.0) * (Vd - EK)
        I_L = as_value(self.gL) * (Vd - as_value(self.EL))
        p = as_value(self.p)
        I_sd = as_value(self.gc) / (1.0 - p) * (Vs - Vd)
        I_in = bm.as_jax(self.Id.value) / ((1.0 - p) * as_value(self.A))
        return (-I_Ca - I_AHP - I_C - I_L + I_sd + I_in) / as_value(self.Cm)

    def dCa(self, Ca: Any, t: Any, s: Any, Vd: Any) -> jax.Array:
        """``dCa/dt = −0.13 I_Ca − 0.075 Ca``."""
        I_Ca = as_value(self.gCa) * s * s * (Vd - as_value(self.ECa))
        return -0.13 * I_Ca - 0.075 * Ca

    def dh(self, h: Any, t: Any, Vs: Any) -> jax.Array:
        """``dh/dt = α_h (1 − h) − β_h h``."""
        return self.alpha_h(Vs) * (1.0 - h) - self.beta_h(Vs) * h

    def dn(self, n: Any, t: Any, Vs: Any) -> jax.Array:
        """``dn/dt = α_n (1 − n) − β_n n``."""
        return self.alpha_n(Vs) * (1.0 - n) - self.beta_n(Vs) * n

    def ds(self, s: Any, t: Any, Vd: Any) -> jax.Array:
        """``ds/dt = α_s (1 − s) − β_s s``."""
        return self.alpha_s(Vd) * (1.0 - s) - self.beta_s(Vd) * s

    def dc(self, c: Any, t: Any, Vd: Any) -> jax.Array:
        """``dc/dt = α_c (1 − c) − β_c c``."""
        return self.alpha_c(Vd) * (1.0 - c) - self.beta_c(Vd) * c

    def dq(self, q: Any, t: Any, Ca: Any) -> jax.Array:
        """``dq/dt = α_q (1 − q) − β_q q``."""
        return self.alpha_q(Ca) * (1.0 - q) - self.beta_q(Ca) * q

    @property
    def derivative(self) -> JointEq:
        """The joint system ``(dVs, dVd, dCa, dh, dn, ds, dc, dq)``."""
        return JointEq(self.dVs, self.dVd, self.dCa, self.dh, self.dn, self.ds, self.dc, self.dq)

    # -------------------------------------------------------------- state, step
    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-initialise every Variable; the gates start at their steady states."""
        batch = self._batch(batch_size)
        self._state("Vs", self._Vs_initializer, batch)
        self._state("Vd", self._Vd_initializer, batch)
        self._state("Ca", self._Ca_initializer, batch)
        steady = {
            "h": self.inf_h(self.Vs.value),
            "n": self.inf_n(self.Vs.value),
            "s": self.inf_s(self.Vd.value),
            "c": self.inf_c(self.Vd.value),
            "q": self.inf_q(self.Ca.value),
        }
        for gate, value in steady.items():
            dtype = self.Vs.value.dtype

            def init(shape: Any, value: jax.Array = value, dtype: Any = dtype) -> jax.Array:
                return jnp.broadcast_to(value.astype(dtype), shape)

            self._state(gate, init, batch)
        self._state("Is", jnp.zeros, batch)
        self._state("Id", jnp.zeros, batch)
        self._state("spike", lambda s: jnp.zeros(s, dtype=bool), batch)

    def clear_input(self) -> None:
        """Zero the somatic and dendritic inputs ``Is`` and ``Id``."""
        self.Is.value = jnp.zeros_like(self.Is.value)
        self.Id.value = jnp.zeros_like(self.Id.value)

    def update(self, tdi: Any = None, x: Any = None) -> jax.Array:
        """Advance one step (``x``, when given, is added to ``Is``) and return the spikes.

        As in 2.3.5 the shared data ``tdi`` (a dict with ``t`` and ``dt``) comes first;
        ``None`` reads them from :data:`~brainpy_dyn.share`. A single argument that is not
        a dict is taken as ``x`` (``update(x)``, the style of the other neuron groups).
        """
        if x is None and tdi is not None and not isinstance(tdi, Mapping):
            tdi, x = None, tdi
        t, dt = shared_time(tdi)
        if x is not None:
            self.Is.value = self.Is.value + bm.as_jax(x)
        Vs_old = self.Vs.value
        states = (Vs_old, self.Vd.value, self.Ca.value, self.h.value, self.n.value)
        states += (self.s.value, self.c.value, self.q.value)
        Vs, Vd, Ca, h, n, s, c, q = self.integral(*states, t, dt=dt)
        Vs = self._add_noise(Vs, (Vs_old,), dt)
        Vd = self._add_noise(Vd, (states[1],), dt)
        V_th = as_value(self.V_th)
        spike = jnp.logical_and(Vs_old < V_th, Vs >= V_th)
        self.Vs.value, self.Vd.value, self.Ca.value = Vs, Vd, Ca
        self.h.value, self.n.value, self.s.value = h, n, s
        self.c.value, self.q.value = c, q
        self.spike.value = spike
        return spike

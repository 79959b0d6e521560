"""The adaptive leaky integrate-and-fire neuron of Bellec et al. (2020), ``ALIFBellec2020``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.initialize.regular import OneInit, ZeroInit
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.neurons.base import (
    SpikingGroup,
    as_value,
    build_integral,
    check_initializer,
)
from brainpy_math.surrogate import inv_square_grad

__all__ = ["ALIFBellec2020"]

_V_INIT = OneInit(-70.0)  # the default initializers (shared, stateless instances)
_A_INIT = ZeroInit()


def _check_threshold_above_rest(V_th: Any, V_rest: Any, who: str) -> None:
    """``V_th - V_rest`` is the reset jump and the surrogate's scale: it must be ``> 0``."""
    try:
        gap = np.asarray(as_value(V_th)) - np.asarray(as_value(V_rest))
    except jax.errors.TracerArrayConversionError:
        return
    if not np.all(gap > 0):
        raise ValueError(
            f"{who}: V_th must be above V_rest (V_th - V_rest is the reset jump), got "
            f"V_th={V_th!r} and V_rest={V_rest!r}."
        )


class ALIFBellec2020(SpikingGroup):
    r"""Adaptive leaky integrate-and-fire neurons with a spike-triggered threshold.

    BrainPy implementation of ``brainpy.neurons.ALIFBellec2020`` (2.3.5), the "LIF with
    spike-frequency adaptation" of Bellec et al. (2020):

    .. math::

       \tau \frac{dV}{dt} = -(V - V_{rest}) + R\,I(t), \qquad
       \tau_a \frac{da}{dt} = -a, \qquad A = V_{th} + \beta\,a

    A neuron spikes when ``V >= A`` (the threshold of the step's start); then
    ``V ← V - (V_th - V_rest)`` (reset by subtraction) and ``a ← a + 1``. Each spike
    raises the threshold by ``beta``, and the raise decays with ``tau_a``, so under a
    constant input the rate drops over seconds. Both equations are integrated together
    (exact for the step's input with the default ``method='exp_auto'``).

    Args:
      size: the number of neurons, or the group's shape.
      keep_size: keep ``size`` as the Variables' shape.
      V_rest: resting potential (mV).
      V_th: baseline threshold (mV, above ``V_rest``).
      R: membrane resistance.
      beta: threshold raise per unit of adaptation ``a`` (mV).
      tau: membrane time constant (ms, ``> 0``).
      tau_a: adaptation time constant (ms, ``> 0``).
      tau_ref: refractory period (ms, ``>= 0``), counted in steps; ``None`` for none.
        During it ``V`` is held, the neuron cannot fire, and ``a`` keeps decaying.
      noise: additive white noise on ``V`` (a number, an array, an initializer or a
        callable ``g(V, a, t, I)``), integrated with Euler–Maruyama.
      V_initializer: initial ``V``.
      a_initializer: initial ``a``.
      spike_fun: in ``TrainingMode``, the surrogate spike function applied to
        ``(V - A) / (V_th - V_rest)``.
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      method: the integration method of :func:`~brainpy_dyn.integrators.odeint`.
      name: the group's name.
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode``.
      eprop: in ``TrainingMode``, stop the gradient through the reset of ``V`` (as
        e-prop does); otherwise the reset carries the surrogate gradient.
      ref_var: keep a boolean ``refractory`` Variable (needs ``tau_ref``).

    Attributes:
      V: membrane potential.
      a: adaptation variable (the threshold is ``V_th + beta * a``).
      input: the accumulated input current (if ``input_var``).
      spike: whether each neuron fired in the last step (float in ``TrainingMode``).
      t_last_spike: time of the last spike (if ``tau_ref``).
      ref_left: refractory steps left (if ``tau_ref``).

    Raises:
      ValueError: ``tau``/``tau_a <= 0``, ``tau_ref < 0``, ``V_th <= V_rest``, a
        parameter of the wrong shape, or an unknown ``method``.
      TypeError: an initializer or ``spike_fun`` of the wrong type.

    Note:
      2.3.5 resets with ``V ← V - V_th`` and scales the surrogate by ``V_th``; that is
      the paper's rule only when ``V_rest = 0``, and with 2.3.5's defaults
      (``V_rest=-70``, ``V_th=-60``) it pushed ``V`` *up* by 60 mV at each spike. Here the
      jump is ``V_th - V_rest`` (the same when ``V_rest = 0``). 2.3.5's default
      ``a_initializer=OneInit(-50.)`` put the threshold at -140 mV, below rest, so the
      default group fired at every step; here ``a`` starts at 0. A refractory neuron
      does not fire (2.3.5 could fire it again on its held ``V``). The default
      ``spike_fun`` is :func:`~brainpy_math.surrogate.inv_square_grad` (2.3.5: a linear
      surrogate, not in this project).

    References:
      Bellec, G., Scherr, F., Subramoney, A. et al. A solution to the learning dilemma
      for recurrent networks of spiking neurons. Nat Commun 11, 3625 (2020).

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> alif = bd.neurons.ALIFBellec2020(2, V_rest=0., V_th=1., beta=0.5,
      ...                                  V_initializer=bd.init.ZeroInit())
      >>> bd.share.save(t=0., dt=1.)
      >>> alif(bm.array([0., 30.]))  # V = 30 (1 - e^(-1/20)) = 1.463 >= 1 fires
      Array([False,  True], dtype=bool)
      >>> alif.V.value.round(6), alif.a.value  # V - (V_th - V_rest), a + 1
      (Array([0.      , 0.463117], dtype=float32), Array([0., 1.], dtype=float32))
      >>> bd.share.clear_shargs()
    """

    a: bm.Variable

    def __init__(
        self,
        size: int | tuple[int, ...],
        keep_size: bool = False,
        V_rest: Any = -70.0,
        V_th: Any = -60.0,
        R: Any = 1.0,
        beta: Any = 1.6,
        tau: Any = 20.0,
        tau_a: Any = 2000.0,
        tau_ref: Any = None,
        noise: Any = None,
        V_initializer: Any = _V_INIT,
        a_initializer: Any = _A_INIT,
        spike_fun: Callable[..., Any] = inv_square_grad,
        input_var: bool = True,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
        eprop: bool = False,
        ref_var: bool = False,
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.V_rest = self._param(V_rest, "V_rest")
        self.V_th = self._param(V_th, "V_th")
        _check_threshold_above_rest(self.V_th, self.V_rest, who)
        self.R = self._param(R, "R")
        self.beta = self._param(beta, "beta")
        self.tau = self._param(tau, "tau", positive=True)
        self.tau_a = self._param(tau_a, "tau_a", positive=True)
        self._options(tau_ref, noise, spike_fun, input_var, ref_var)
        self.eprop = bool(eprop)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self._a_initializer = check_initializer(a_initializer, who, "a_initializer")
        self.integral = build_integral(JointEq(self.dV, self.da), method, who)
        self.reset_state(self.mode)

    def dV(self, V: jax.Array, t: Any, I_ext: Any) -> jax.Array:
        """``dV/dt = (-(V - V_rest) + R I_ext) / tau``."""
        drive = -(V - as_value(self.V_rest)) + as_value(self.R) * I_ext
        return jnp.asarray(drive / as_value(self.tau))

    def da(self, a: jax.Array, t: Any) -> jax.Array:
        """``da/dt = -a / tau_a``."""
        return jnp.asarray(-a / as_value(self.tau_a))

    @property
    def derivative(self) -> JointEq:
        """The joint system ``(dV, da)``."""
        return JointEq(self.dV, self.da)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-initialise every Variable (``batch_size=None``: the mode's own layout)."""
        batch = self._batch(batch_size)
        self._state("V", self._V_initializer, batch)
        self._state("a", self._a_initializer, batch)
        self._reset_common(batch)

    def update(self, x: Any = None) -> jax.Array:
        """Advance one step with input current ``x`` and return the spikes."""
        t, dt = self._time()
        I = self._take_input(x)
        V_old, a_old = self.V.value, self.a.value
        V, a = self.integral(V_old, a_old, t, I, dt=dt)
        V = self._add_noise(V, (V_old, a_old, t, I), dt)
        V, spike = self._fire_adaptive(V, V_old, a_old, t, dt)
        self.V.value = V
        self.a.value = a + spike.astype(a.dtype)
        self.spike.value = spike
        return spike

    def _fire_adaptive(
        self, V: jax.Array, V_old: jax.Array, a_old: jax.Array, t: Any, dt: Any
    ) -> tuple[jax.Array, jax.Array]:
        """Hold refractory neurons, spike where ``V >= V_th + beta a``, reset by subtraction."""
        jump = as_value(self.V_th) - as_value(self.V_rest)
        threshold = as_value(self.V_th) + as_value(self.beta) * a_old
        refractory = None
        if self.tau_ref is not None:
            refractory = self.ref_left.value > 0
            V = jnp.where(refractory, V_old, V)
        if self._training:
            spike = self.spike_fun((V - threshold) / jump)
            if refractory is not None:
                spike = jnp.where(refractory, jnp.zeros_like(spike), spike)
            s = jax.lax.stop_gradient(spike)
            V = V - jump * (s if self.eprop else spike)
            fired = s > 0
        else:
            fired = V >= threshold
            if refractory is not None:
                fired = jnp.logical_and(fired, jnp.logical_not(refractory))
            spike = fired
            V = V - jump * fired.astype(V.dtype)
        if refractory is not None:
            n_ref = jnp.round(as_value(self.tau_ref) / dt).astype(jnp.int32)
            self.ref_left.value = jnp.where(
                fired, n_ref, jnp.maximum(self.ref_left.value - 1, 0)
            ).astype(jnp.int32)
            self.t_last_spike.value = jnp.where(fired, t, self.t_last_spike.value).astype(
                self.t_last_spike.dtype
            )
            if self.ref_var:
                self.refractory.value = jnp.logical_or(refractory, fired)
        return V, spike

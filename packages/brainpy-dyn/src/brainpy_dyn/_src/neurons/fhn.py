"""The FitzHugh–Nagumo neuron, ``FHN``."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.initialize.regular import ZeroInit
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.neurons.base import (
    SpikingGroup,
    as_value,
    build_integral,
    check_initializer,
)

_ZERO = ZeroInit()  # the default initializer (one shared, stateless instance)

__all__ = ["FHN"]


class FHN(SpikingGroup):
    r"""FitzHugh–Nagumo neurons (FitzHugh, 1961; Nagumo et al., 1962).

    BrainPy implementation of ``brainpy.neurons.FHN`` (2.3.5).

    .. math::

       \frac{dV}{dt} &= V - \frac{V^3}{3} - w + I(t) \\
       \tau \frac{dw}{dt} &= V + a - b\,w

    in dimensionless units: a voltage-like variable with a cubic nonlinearity and a
    slow linear recovery variable ``w``. It is a relaxation oscillator: a constant
    input between the two Hopf points (about ``0.33 < I < 1.42`` with the defaults)
    puts the system on a limit cycle, whose peaks pass ``Vth`` for most of that range
    (e.g. ``I = 0.4`` to ``1.4``): the neuron spikes periodically. A spike is an upward
    crossing of ``Vth`` (``V_old < Vth <= V``); there is no reset. Defaults are
    2.3.5's: ``a=0.7``, ``b=0.8``, ``tau=12.5``, ``Vth=1.8``, ``V`` and ``w`` starting
    at 0. (2.3.5's parameter table quotes ``a=1, b=1, tau=10``; its constructor
    defaults, followed here, are the classical values above.)

    Args:
      size: the number of neurons, or the group's shape.
      a: the offset of the recovery equation.
      b: the self-coupling of the recovery variable.
      tau: the time constant of ``w`` (``> 0``).
      Vth: the value whose upward crossing counts as a spike (2.3.5's name).
      V_initializer: initial ``V``.
      w_initializer: initial ``w``.
      noise: additive white noise on ``V`` (see :class:`~brainpy_dyn.neurons.LIF`).
      method: the integration method (``'exp_auto'``: exponential Euler).
      keep_size: keep ``size`` as the Variables' shape.
      input_var: keep an ``input`` Variable cleared by :meth:`clear_input`.
      name: the group's name.
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode`` (spikes stay
        boolean: FHN has no surrogate spike function; 2.3.5 accepted
        ``NonBatchingMode`` only).

    Attributes:
      V: membrane potential.
      w: the recovery variable.
      input: the accumulated input current (if ``input_var``).
      spike: whether ``V`` crossed ``Vth`` upwards in the last step.

    Raises:
      ValueError: ``tau <= 0``, a parameter of the wrong shape, or an unknown ``method``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.FHN(1)
      >>> sorted(group.vars(method='relative'))
      ['V', 'input', 'spike', 'w']
      >>> bd.share.save(t=0., dt=0.1)
      >>> group(1.), group.V.value.round(6), group.w.value.round(6)
      (Array([False], dtype=bool), Array([0.105171], dtype=float32), Array([0.005582], dtype=float32))
      >>> bd.share.clear_shargs()
    """

    w: bm.Variable

    def __init__(
        self,
        size: int | tuple[int, ...],
        a: Any = 0.7,
        b: Any = 0.8,
        tau: Any = 12.5,
        Vth: Any = 1.8,
        V_initializer: Any = _ZERO,
        w_initializer: Any = _ZERO,
        noise: Any = None,
        method: str = "exp_auto",
        keep_size: bool = False,
        input_var: bool = True,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.tau = self._param(tau, "tau", positive=True)
        self.Vth = self._param(Vth, "Vth")
        self.tau_ref = None
        self.ref_var = False
        self.noise = self._noise(noise)
        self.input_var = bool(input_var)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self._w_initializer = check_initializer(w_initializer, who, "w_initializer")
        self.integral = build_integral(self.derivative, method, who)
        self.reset_state(self.mode)

    def dV(self, V: jax.Array, t: Any, w: jax.Array, I_ext: Any) -> jax.Array:
        """``dV/dt = V - V^3 / 3 - w + I_ext``."""
        return V - V * V * V / 3.0 - w + I_ext

    def dw(self, w: jax.Array, t: Any, V: jax.Array) -> jax.Array:
        """``dw/dt = (V + a - b w) / tau``."""
        return (V + as_value(self.a) - as_value(self.b) * w) / as_value(self.tau)

    @property
    def derivative(self) -> JointEq:
        """The joint system ``(dV, dw)``."""
        return JointEq(self.dV, self.dw)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-initialise every Variable (``batch_size=None``: the mode's own layout)."""
        batch = self._batch(batch_size)
        self._state("V", self._V_initializer, batch)
        self._state("w", self._w_initializer, batch)
        if self.input_var:
            fdtype = bm.get_float()
            self._state("input", lambda s: np.zeros(s, fdtype), batch)
        self._state("spike", lambda s: np.zeros(s, bool), batch)

    def update(self, x: Any = None) -> jax.Array:
        """Advance one step with input current ``x`` and return the spikes."""
        t, dt = self._time()
        I = self._take_input(x)
        V_old, w_old = self.V.value, self.w.value
        V, w = self.integral(V_old, w_old, t, I, dt=dt)
        V = self._add_noise(V, (V_old, w_old, t, I), dt)
        Vth = as_value(self.Vth)
        spike = jnp.logical_and(V_old < Vth, V >= Vth)
        self.V.value = V
        self.w.value = w
        self.spike.value = spike
        return spike

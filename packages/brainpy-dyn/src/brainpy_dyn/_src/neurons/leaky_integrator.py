"""The leaky integrator, ``LeakyIntegrator`` (a membrane without a spike mechanism)."""

from __future__ import annotations

from typing import Any

import jax
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.initialize.regular import ZeroInit
from brainpy_dyn._src.neurons.base import (
    SpikingGroup,
    as_value,
    build_integral,
    check_initializer,
)

_ZERO = ZeroInit()  # the default initializer (one shared, stateless instance)

__all__ = ["LeakyIntegrator"]


class LeakyIntegrator(SpikingGroup):
    r"""Leaky integrators: a passive membrane that never fires.

    BrainPy implementation of ``brainpy.neurons.LeakyIntegrator`` (2.3.5).

    .. math::

       \tau \frac{dV}{dt} = -(V - V_{rest}) + R\,I(t)

    There is no threshold: ``V`` relaxes towards ``V∞ = V_rest + R I`` with time
    constant ``tau``. With the default ``method='exp_auto'`` each step is the exact
    solution for the step's input, ``V' = V∞ + (V − V∞) e^{−dt/τ}``. Defaults are
    2.3.5's: ``V_rest=0``, ``R=1``, ``tau=10``, ``V`` starting at 0.

    Each step (:meth:`update`) takes the input (``input += x`` and ``I = input`` when
    ``input_var``, else ``I = x``), integrates and returns the new ``V``. As in 2.3.5
    the group has the Variables ``V`` and ``input`` only (no ``spike``).

    Args:
      size: the number of neurons, or the group's shape.
      keep_size: keep ``size`` as the Variables' shape (else they are flat).
      V_rest: resting potential (mV).
      R: membrane resistance.
      tau: membrane time constant (ms, ``> 0``).
      V_initializer: initial ``V``: an initializer, a callable ``init(shape)`` or an array.
      noise: additive white noise on ``V`` (see :class:`~brainpy_dyn.neurons.LIF`).
      input_var: keep an ``input`` Variable that accumulates inputs within a step and is
        zeroed by :meth:`clear_input`.
      name: the group's name.
      mode: ``NonBatchingMode``, ``BatchingMode`` or ``TrainingMode``.
      method: the integration method of :func:`~brainpy_dyn.integrators.odeint`.

    Attributes:
      V: membrane potential.
      input: the accumulated input current (if ``input_var``).

    Raises:
      NeuGroupSizeError: ``size`` is not a positive int or tuple of them.
      ValueError: ``tau <= 0``, a parameter of the wrong shape, or an unknown ``method``.
      TypeError: ``V_initializer`` is not an initializer.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.LeakyIntegrator(2, V_rest=-60., tau=20.,
      ...                                    V_initializer=lambda s: bm.full(s, -60.))
      >>> bd.share.save(t=0., dt=0.1)
      >>> group(bm.array([0., 10.]))    # V' = V∞ + (V - V∞) e^(-dt/tau)
      Array([-60.      , -59.950127], dtype=float32)
      >>> sorted(group.vars(method='relative'))
      ['V', 'input']
      >>> bd.share.clear_shargs()
    """

    def __init__(
        self,
        size: int | tuple[int, ...],
        keep_size: bool = False,
        V_rest: Any = 0.0,
        R: Any = 1.0,
        tau: Any = 10.0,
        V_initializer: Any = _ZERO,
        noise: Any = None,
        input_var: bool = True,
        name: str | None = None,
        mode: bm.Mode | None = None,
        method: str = "exp_auto",
    ):
        super().__init__(size, keep_size, name, mode)
        who = type(self).__name__
        self.V_rest = self._param(V_rest, "V_rest")
        self.R = self._param(R, "R")
        self.tau = self._param(tau, "tau", positive=True)
        self.tau_ref = None
        self.ref_var = False
        self.noise = self._noise(noise)
        self.input_var = bool(input_var)
        self._V_initializer = check_initializer(V_initializer, who, "V_initializer")
        self.integral = build_integral(self.derivative, method, who)
        self.reset_state(self.mode)

    def derivative(self, V: jax.Array, t: Any, I_ext: Any) -> jax.Array:
        """``dV/dt = (-V + V_rest + R I_ext) / tau``."""
        return (-V + as_value(self.V_rest) + as_value(self.R) * I_ext) / as_value(self.tau)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-initialise ``V`` and ``input`` (``batch_size=None``: the mode's own layout)."""
        batch = self._batch(batch_size)
        self._state("V", self._V_initializer, batch)
        if self.input_var:
            fdtype = bm.get_float()
            self._state("input", lambda s: np.zeros(s, fdtype), batch)

    def update(self, x: Any = None) -> jax.Array:
        """Advance one step with input current ``x`` and return the new ``V``."""
        t, dt = self._time()
        I = self._take_input(x)
        V_old = self.V.value
        V = self.integral(V_old, t, I, dt=dt)
        V = self._add_noise(V, (V_old, t, I), dt)
        self.V.value = V
        return V

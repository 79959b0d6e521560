"""The threshold-linear excitatory–inhibitory rate model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.channels.base import shared_time
from brainpy_dyn._src.initialize.regular import ZeroInit
from brainpy_dyn._src.neurons.base import as_value, check_initializer
from brainpy_dyn._src.rates.base import RateModel
from brainpy_math import random as bm_random

__all__ = ["ThresholdLinearModel"]

_ZERO = ZeroInit()


class ThresholdLinearModel(RateModel):
    r"""Threshold-linear excitatory and inhibitory rates (Chaudhuri et al., 2015).

    BrainPy implementation of ``brainpy.rates.ThresholdLinearModel`` (2.3.5):

    .. math::

       \tau_E \, d\nu_E = (-\nu_E + \beta_E [I_E]_+)\,dt + \sigma_E\, dW_E, \qquad
       \tau_I \, d\nu_I = (-\nu_I + \beta_I [I_I]_+)\,dt + \sigma_I\, dW_I

    integrated with Euler–Maruyama and kept non-negative (``ν = max(ν, 0)`` after each
    step). ``I_E`` is ``Ie`` (where ``update``'s ``x`` is added), ``I_I`` is ``Ii``.
    (2.3.5 added ``σ ξ dt`` instead of ``σ ξ √dt``, so its noise shrank with ``dt``.)

    Args:
      size: the number of E–I pairs, or their shape.
      tau_e: excitatory time constant (``> 0``).
      tau_i: inhibitory time constant (``> 0``).
      beta_e: excitatory gain.
      beta_i: inhibitory gain.
      noise_e: excitatory noise amplitude ``σ_E`` (``>= 0``).
      noise_i: inhibitory noise amplitude ``σ_I`` (``>= 0``).
      e_initializer: initial ``e``.
      i_initializer: initial ``i``.
      seed: a seed for the model's own random generator (``None``: the global one).
      keep_size: keep ``size`` as the Variables' shape.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> m = bd.rates.ThresholdLinearModel(1, tau_e=2., beta_e=1.)
      >>> bd.share.save(t=0., dt=0.1)
      >>> out = m(5.)  # ν_E = 0 + 0.1 * (0 + 5) / 2
      >>> round(float(out[0]), 4)
      0.25
      >>> bd.share.clear_shargs()
    """

    e: bm.Variable
    i: bm.Variable
    Ie: bm.Variable
    Ii: bm.Variable

    def __init__(
        self,
        size: int | Sequence[int],
        tau_e: Any = 2e-2,
        tau_i: Any = 1e-2,
        beta_e: Any = 0.066,
        beta_i: Any = 0.351,
        noise_e: Any = 0.0,
        noise_i: Any = 0.0,
        e_initializer: Any = _ZERO,
        i_initializer: Any = _ZERO,
        seed: int | None = None,
        keep_size: bool = False,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size=keep_size, name=name, mode=mode)
        who = type(self).__name__
        self.tau_e = self._param(tau_e, "tau_e", positive=True)
        self.tau_i = self._param(tau_i, "tau_i", positive=True)
        self.beta_e = self._param(beta_e, "beta_e")
        self.beta_i = self._param(beta_i, "beta_i")
        self.noise_e = self._param(noise_e, "noise_e", nonneg=True)
        self.noise_i = self._param(noise_i, "noise_i", nonneg=True)
        self._e_initializer = check_initializer(e_initializer, who, "e_initializer")
        self._i_initializer = check_initializer(i_initializer, who, "i_initializer")
        self.seed = seed
        self.rng = bm_random.DEFAULT if seed is None else bm_random.RandomState(seed)
        self.reset_state(None)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-initialise ``e``, ``i`` and clear the inputs."""
        self._state("e", self._e_initializer, batch_size)
        self._state("i", self._i_initializer, batch_size)
        self._state("Ie", self._zeros, batch_size)
        self._state("Ii", self._zeros, batch_size)

    def clear_input(self) -> None:
        """Set ``Ie`` and ``Ii`` to zero."""
        self.Ie.value = jnp.zeros_like(self.Ie.value)
        self.Ii.value = jnp.zeros_like(self.Ii.value)

    def _step(self, v: Any, I: Any, tau: Any, beta: Any, sigma: Any, dt: Any) -> jax.Array:
        v_new = v + (-v + as_value(beta) * jnp.maximum(I, 0.0)) / as_value(tau) * dt
        if not (isinstance(sigma, (int, float)) and sigma == 0):
            xi = bm.as_jax(self.rng.normal(0.0, 1.0, size=jnp.shape(v))).astype(v.dtype)
            v_new = v_new + as_value(sigma) / as_value(tau) * jnp.sqrt(dt) * xi
        return jnp.maximum(v_new, 0.0)

    def update(self, tdi: Any, x: Any = None) -> jax.Array:
        """Advance one step with excitatory input ``x`` and return ``e``."""
        _, dt = shared_time(tdi)
        if x is not None:
            self.Ie.value = self.Ie.value + bm.as_jax(x)
        e = self._step(self.e.value, self.Ie.value, self.tau_e, self.beta_e, self.noise_e, dt)
        i = self._step(self.i.value, self.Ii.value, self.tau_i, self.beta_i, self.noise_i, dt)
        self.e.value = e
        self.i.value = i
        return e

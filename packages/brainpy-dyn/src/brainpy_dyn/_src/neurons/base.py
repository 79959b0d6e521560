"""What the spiking neuron groups share: parameters, state, input, refractoriness, firing.

Refractoriness is counted in **integer steps**. When a neuron fires, its counter
``ref_left`` is set to ``round(tau_ref / dt)``; at the start of each later step a
neuron with ``ref_left > 0`` is refractory (its membrane potential is held) and the
counter drops by one. A neuron that fires at step ``k`` is therefore held for steps
``k+1 … k+n`` (``n = round(tau_ref/dt)``) and integrates again from step ``k+n+1``,
which is what BrainPy 2.3.5's test ``t - t_last_spike <= tau_ref`` means, without its
floating-point drift at long times (``t`` grows, and ``t - t_last_spike`` loses
precision, so 2.3.5's period length can change by a step late in a run). The time of
the last spike is still kept in ``t_last_spike``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.context import share
from brainpy_dyn._src.dynsys import NeuGroupNS
from brainpy_dyn._src.initialize.helpers import noise as init_noise
from brainpy_dyn._src.initialize.helpers import parameter, variable_
from brainpy_dyn._src.integrators.odeint import odeint
from brainpy_dyn._src.params import check_finite, check_positive
from brainpy_math import random as bm_random

__all__ = [
    "SpikingGroup",
    "IntegrateAndFire",
    "as_value",
    "build_integral",
    "check_finite",
    "check_initializer",
    "check_positive",
    "check_spike_fun",
]


# Parameters for which an infinite value means something (a threshold never reached).
_MAY_BE_INFINITE = frozenset({"V_th", "V_T", "V_c", "V_peak", "V_th_inf", "theta"})


def as_value(x: Any) -> Any:
    """The JAX value of a parameter (reads Variables, so ``TrainVar`` s get gradients)."""
    return bm.as_jax(x)


def build_integral(f: Callable[..., Any], method: str, who: str) -> Any:
    """``odeint(f, method)``, with errors that name the model."""
    try:
        return odeint(f, method=method)
    except (TypeError, ValueError) as e:
        raise type(e)(f"{who}: {e}") from None


def check_initializer(init: Any, who: str, name: str, allow_none: bool = False) -> Any:
    """An initializer must be callable (``init(shape)``) or an array."""
    if init is None and allow_none:
        return None
    if callable(init) or isinstance(init, (bm.Array, jax.Array)) or hasattr(init, "shape"):
        return init
    raise TypeError(
        f"{who}: {name} must be an initializer, a callable init(shape) or an array, "
        f"got {type(init).__name__}: {init!r}."
    )


def check_spike_fun(spike_fun: Any, who: str) -> Callable[..., Any]:
    if not callable(spike_fun):
        raise TypeError(f"{who}: spike_fun must be callable, got {spike_fun!r}.")
    return spike_fun


class SpikingGroup(NeuGroupNS):
    """Base of the spiking groups here: state helpers, input, refractoriness and firing.

    Subclasses set ``self.V_th``, ``self.tau_ref`` and the options (``_options``) and
    write ``reset_state`` (with ``_state``/``_reset_common``) and ``update`` in 2.3.5's
    order: take the input (``_take_input``), integrate, then ``_fire`` (hold refractory
    neurons, spike where ``V >= V_th``, reset, count the refractory steps).

    Modes: ``NonBatchingMode`` (no batch axis), ``BatchingMode`` (a leading batch axis,
    boolean spikes) and ``TrainingMode`` (a batch axis; spikes are floats from
    ``spike_fun`` so that gradients flow through a surrogate; resets and refractoriness
    do not carry gradients).
    """

    supported_modes = (bm.NonBatchingMode, bm.BatchingMode)

    # State (created by reset_state; the optional ones only when configured).
    V: bm.Variable
    input: bm.Variable
    spike: bm.Variable
    t_last_spike: bm.Variable
    ref_left: bm.Variable
    refractory: bm.Variable
    # Options every subclass sets.
    V_th: Any
    tau_ref: Any
    noise: Callable[..., Any] | None
    spike_fun: Callable[..., Any]
    input_var: bool
    ref_var: bool
    integral: Any

    def __init__(self, size: Any, keep_size: bool, name: str | None, mode: bm.Mode | None):
        super().__init__(size, keep_size=keep_size, name=name, mode=mode)

    # ------------------------------------------------------------ parameters
    def _param(self, value: Any, name: str, *, positive: bool = False) -> Any:
        """A per-neuron parameter (scalar, array of ``varshape`` or initializer)."""
        p = parameter(value, self.varshape, allow_none=False, name=name)
        if positive:
            check_positive(p, type(self).__name__, name)
        else:  # a threshold may be +inf (a neuron that never fires); nothing may be NaN
            check_finite(p, type(self).__name__, name, allow_inf=name in _MAY_BE_INFINITE)
        return p

    def _tau_ref(self, tau_ref: Any) -> Any:
        p = parameter(tau_ref, self.varshape, allow_none=True, name="tau_ref")
        if p is not None:
            check_positive(p, type(self).__name__, "tau_ref", strict=False)
        return p

    def _noise(self, noise: Any, num_vars: int = 1) -> Callable[..., Any] | None:
        return init_noise(noise, self.varshape, num_vars=num_vars)

    def _options(
        self, tau_ref: Any, noise: Any, spike_fun: Any, input_var: bool, ref_var: bool
    ) -> None:
        """Set ``tau_ref``, ``noise``, ``spike_fun``, ``input_var`` and ``ref_var``."""
        self.tau_ref = self._tau_ref(tau_ref)
        self.noise = self._noise(noise)
        self.spike_fun = check_spike_fun(spike_fun, type(self).__name__)
        self.input_var = bool(input_var)
        self.ref_var = bool(ref_var)

    @property
    def _training(self) -> bool:
        return isinstance(self.mode, bm.TrainingMode)

    # ----------------------------------------------------------------- state
    def _batch(self, batch_size: Any) -> Any:
        """``None`` → this group's mode; a ``BatchingMode`` → its ``batch_size``."""
        return bm.modes.batch_size_of(batch_size, self.mode)

    def _state(self, name: str, init: Any, batch_size: Any) -> None:
        """Create Variable ``name`` (or refill it in place when its layout allows)."""
        new = variable_(init, self.varshape, batch_size)
        cur = self.__dict__.get(name)
        if (
            isinstance(cur, bm.Variable)
            and cur.batch_axis == new.batch_axis
            and cur.dtype == new.dtype
            and cur.ndim == new.ndim
        ):
            cur.value = new.value
            return
        if cur is not None:
            object.__delattr__(self, name)
        setattr(self, name, new)

    def _reset_common(self, batch_size: Any) -> None:
        """``input``, ``spike``, ``t_last_spike``, ``ref_left`` and ``refractory``."""
        # Constant states are built with NumPy: copying them to the device compiles nothing.
        fdtype = bm.get_float()
        if self.input_var:
            self._state("input", lambda s: np.zeros(s, fdtype), batch_size)
        sp_dtype = fdtype if self._training else bool
        self._state("spike", lambda s: np.zeros(s, sp_dtype), batch_size)
        if self.tau_ref is not None:
            self._state("t_last_spike", lambda s: np.full(s, -1e7, fdtype), batch_size)
            self._state("ref_left", lambda s: np.zeros(s, np.int32), batch_size)
            if self.ref_var:
                self._state("refractory", lambda s: np.zeros(s, bool), batch_size)

    def clear_input(self) -> None:
        """Set the accumulated ``input`` to zero (when ``input_var``)."""
        if self.input_var:
            self.input.value = jnp.zeros_like(self.input.value)

    # ---------------------------------------------------------------- update
    def _take_input(self, x: Any) -> Any:
        if self.input_var:
            if x is not None:
                self.input.value = self.input.value + bm.as_jax(x)
            return self.input.value
        return 0.0 if x is None else bm.as_jax(x)

    def _add_noise(self, V: jax.Array, args: tuple[Any, ...], dt: Any) -> jax.Array:
        """Euler–Maruyama: ``V += g(...) * sqrt(dt) * N(0, 1)`` (draws from ``bm.random``)."""
        if self.noise is None:
            return V
        g = self.noise(*args)
        if isinstance(g, tuple):
            g = g[0]
        if g is None:
            return V
        xi = bm.as_jax(bm_random.normal(0.0, 1.0, size=V.shape))
        return _euler_maruyama(V, bm.as_jax(g), dt, xi)

    def _fire(
        self, V: jax.Array, V_old: jax.Array, t: Any, dt: Any, reset: Any
    ) -> tuple[jax.Array, jax.Array, jax.Array]:
        """Hold refractory neurons, detect spikes, reset.

        Returns:
          ``(V, spike, s)``: the new potential, the spike output (bool, or float in
          TrainingMode) and the spike as a float without gradient, for the resets of
          other variables.
        """
        V_th = as_value(self.V_th)
        refractory = None
        if self.tau_ref is not None:
            refractory = self.ref_left.value > 0
            V = jnp.where(refractory, V_old, V)
        # V is read by the spike, the reset and the refractory updates: computed once.
        V = bm.compute_once(V, t)
        if self._training:
            spike = self.spike_fun(V - V_th)
            s = jax.lax.stop_gradient(spike)
            V = V + (as_value(reset) - V) * s
            fired = s > 0
        else:
            V, fired, s = _threshold_reset(V, V_th, as_value(reset))
            spike = fired
        if self.tau_ref is not None:
            n_ref = jnp.round(as_value(self.tau_ref) / dt).astype(jnp.int32)
            self.ref_left.value = jnp.where(
                fired, n_ref, jnp.maximum(self.ref_left.value - 1, 0)
            ).astype(jnp.int32)
            self.t_last_spike.value = jnp.where(fired, t, self.t_last_spike.value).astype(
                self.t_last_spike.dtype
            )
            if self.ref_var:
                self.refractory.value = jnp.logical_or(refractory, fired)
        return V, spike, s

    @staticmethod
    def _time() -> tuple[Any, Any]:
        return share.load("t"), share.load("dt")


class IntegrateAndFire(SpikingGroup):
    """A one-variable integrate-and-fire group: ``V`` plus :meth:`derivative` ``(V, t, I)``.

    Subclasses set their parameters, ``self._V_initializer`` and ``self.integral``.
    """

    V_reset: Any
    _V_initializer: Any

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-initialise every Variable.

        Args:
          batch_size: the batch size: an int, or a Mode (a ``BatchingMode`` gives its
            ``batch_size``, ``NonBatchingMode`` no batch axis); ``None`` uses the group's
            own mode.
        """
        batch = self._batch(batch_size)
        self._state("V", self._V_initializer, batch)
        self._reset_common(batch)

    def update(self, x: Any = None) -> jax.Array:
        """Advance one step with input current ``x`` and return the spikes."""
        t, dt = self._time()
        I = self._take_input(x)
        V_old = self.V.value
        V = self.integral(V_old, t, I, dt=dt)
        V = self._add_noise(V, (V_old, t, I), dt)
        V, spike, _ = self._fire(V, V_old, t, dt, self._reset_potential())
        self.V.value = V
        self.spike.value = spike
        return spike

    def _reset_potential(self) -> Any:
        return self.V_reset


# Element-wise kernels of the step, each compiled as one XLA computation: inlined in a compiled
# loop, and one dispatch instead of several in a step run op by op (``DSRunner(jit=False)``).
@jax.jit
def _euler_maruyama(V: jax.Array, g: jax.Array, dt: Any, xi: jax.Array) -> jax.Array:
    """``V + g·sqrt(dt)·xi``: the noise increment of one Euler–Maruyama step."""
    return V + g * jnp.sqrt(dt) * xi.astype(V.dtype)


@jax.jit
def _threshold_reset(V: jax.Array, V_th: Any, reset: Any) -> tuple[jax.Array, jax.Array, jax.Array]:
    """Detect ``V >= V_th`` and reset the neurons that crossed.

    Returns ``(V, fired, s)``: ``fired`` as bool, ``s`` as ``V``'s dtype.
    """
    fired = V >= V_th
    return jnp.where(fired, reset, V), fired, fired.astype(V.dtype)

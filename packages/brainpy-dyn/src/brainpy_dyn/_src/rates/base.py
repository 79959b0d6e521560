"""``RateModel`` and what the two-variable rate models share: state, inputs and OU noise.

A two-variable model keeps ``x`` and ``y``, the inputs ``input`` (into ``x``) and
``input_y`` (into ``y``), and optionally two Ornstein–Uhlenbeck processes ``x_ou`` and
``y_ou`` whose values are added to the inputs at each step (BrainPy 2.3.5). A step:
add ``x`` (the argument) and the noise values to the inputs, advance the noise, then
integrate ``(x, y)`` with the inputs. The runner clears the inputs before each step
(:meth:`RateModel.clear_input`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.channels.base import batch_of, shared_time
from brainpy_dyn._src.dynsys import NeuGroup
from brainpy_dyn._src.initialize.helpers import parameter, variable_
from brainpy_dyn._src.initialize.random_inits import Uniform
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.neurons.base import build_integral, check_initializer
from brainpy_dyn._src.neurons.ou_process import OUProcess
from brainpy_dyn._src.params import check_finite, check_positive

__all__ = ["RateModel", "TwoVariableRate", "UNIFORM_005", "UNIFORM_05"]

# 2.3.5's default initial states; they draw from brainpy_math.random.DEFAULT at each call.
UNIFORM_005 = Uniform(0.0, 0.05)
UNIFORM_05 = Uniform(0.0, 0.5)

_METHOD_ALIASES = {"exp_euler_auto": "exp_auto"}

# Parameters for which an infinite value means something (a sigmoid threshold never reached).
_MAY_BE_INFINITE = frozenset({"E_theta", "I_theta"})


class RateModel(NeuGroup):
    """Base class of the rate (population) models.

    BrainPy implementation of ``brainpy.rates.RateModel`` (2.3.5): a neuron group whose
    state is a firing rate or mean activity rather than spikes. ``update(tdi, x=None)``
    takes the shared data first (2.3.5's calling style).

    Args:
      size: the number of nodes, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> model = bd.rates.ThresholdLinearModel(3)
      >>> isinstance(model, bd.rates.RateModel), model.num
      (True, 3)
    """

    supported_modes = (bm.NonBatchingMode, bm.BatchingMode)

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size=keep_size, name=name, mode=mode)

    # ---------------------------------------------------------------- helpers
    def _param(self, value: Any, name: str, *, positive: bool = False, nonneg: bool = False) -> Any:
        p = parameter(value, self.varshape, allow_none=False, name=name)
        if positive or nonneg:
            check_positive(p, type(self).__name__, name, strict=positive)
        else:
            check_finite(p, type(self).__name__, name, allow_inf=name in _MAY_BE_INFINITE)
        return p

    def _state(self, name: str, init: Any, batch_size: Any) -> None:
        """Create Variable ``name`` (or refill it in place when its layout allows)."""
        new = variable_(init, self.varshape, batch_of(batch_size, self.mode))
        cur = self.__dict__.get(name)
        if (
            isinstance(cur, bm.Variable)
            and cur.batch_axis == new.batch_axis
            and cur.ndim == new.ndim
        ):
            cur.value = new.value.astype(cur.dtype)
            return
        if cur is not None:
            object.__delattr__(self, name)
        object.__setattr__(self, name, new)

    @staticmethod
    def _zeros(shape: Any) -> np.ndarray:
        return np.zeros(shape, bm.get_float())


class TwoVariableRate(RateModel):
    """A rate model with variables ``x`` and ``y``, inputs and optional OU noise."""

    x: bm.Variable
    y: bm.Variable
    input: bm.Variable
    input_y: bm.Variable

    def _setup(
        self,
        noise: tuple[Any, Any, Any, Any, Any, Any],
        x_initializer: Any,
        y_initializer: Any,
        method: str,
    ) -> None:
        """Noise processes, initializers, state and the integrator."""
        who = type(self).__name__
        x_mean, x_sigma, x_tau, y_mean, y_sigma, y_tau = noise
        self.x_ou_mean = self._param(x_mean, "x_ou_mean")
        self.x_ou_sigma = self._param(x_sigma, "x_ou_sigma", nonneg=True)
        self.x_ou_tau = self._param(x_tau, "x_ou_tau", positive=True)
        self.y_ou_mean = self._param(y_mean, "y_ou_mean")
        self.y_ou_sigma = self._param(y_sigma, "y_ou_sigma", nonneg=True)
        self.y_ou_tau = self._param(y_tau, "y_ou_tau", positive=True)
        self.x_ou = self._ou(self.x_ou_mean, self.x_ou_sigma, self.x_ou_tau)
        self.y_ou = self._ou(self.y_ou_mean, self.y_ou_sigma, self.y_ou_tau)
        self._x_initializer = check_initializer(x_initializer, who, "x_initializer")
        self._y_initializer = check_initializer(y_initializer, who, "y_initializer")
        self.method = method
        self.integral = build_integral(self.derivative, _METHOD_ALIASES.get(method, method), who)
        self.reset_state(None)

    def _ou(self, mean: Any, sigma: Any, tau: Any) -> OUProcess | None:
        """An OU process when its mean or sigma is not zero (2.3.5 made one for ``> 0`` only)."""
        if np.all(np.asarray(bm.as_jax(mean)) == 0) and np.all(np.asarray(bm.as_jax(sigma)) == 0):
            return None
        return OUProcess(
            self.varshape, mean, sigma, tau, method="exp_euler", keep_size=True, mode=self.mode
        )

    @property
    def derivative(self) -> Any:
        """The joint system ``(dx, dy)``; subclasses define ``dx`` and ``dy``."""
        return JointEq(self.dx, self.dy)  # type: ignore[attr-defined]

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-draw ``x`` and ``y``, clear the inputs and reset the noise processes."""
        self._state("x", self._x_initializer, batch_size)
        self._state("y", self._y_initializer, batch_size)
        self._state("input", self._zeros, batch_size)
        self._state("input_y", self._zeros, batch_size)
        for ou in (self.x_ou, self.y_ou):
            if ou is not None:
                ou.reset_state(batch_size)

    def clear_input(self) -> None:
        """Set ``input`` and ``input_y`` to zero."""
        self.input.value = jnp.zeros_like(self.input.value)
        self.input_y.value = jnp.zeros_like(self.input_y.value)

    def _collect_inputs(self, x: Any) -> None:
        """Add ``x`` and the current noise values to the inputs, then advance the noise."""
        if x is not None:
            self.input.value = self.input.value + bm.as_jax(x)
        if self.x_ou is not None:
            self.input.value = self.input.value + self.x_ou.x.value
            self.x_ou.update()
        if self.y_ou is not None:
            self.input_y.value = self.input_y.value + self.y_ou.x.value
            self.y_ou.update()

    def _extra_args(self) -> dict[str, Any]:
        """Keyword arguments of the integrator besides the inputs."""
        return {}

    def update(self, tdi: Any, x: Any = None) -> jax.Array:
        """Advance one step with input ``x`` (into ``x``'s equation) and return ``x``."""
        t, dt = shared_time(tdi)
        self._collect_inputs(x)
        x_new, y_new = self.integral(
            self.x.value,
            self.y.value,
            t,
            x_ext=self.input.value,
            y_ext=self.input_y.value,
            dt=dt,
            **self._extra_args(),
        )
        self.x.value = x_new
        self.y.value = y_new
        return x_new

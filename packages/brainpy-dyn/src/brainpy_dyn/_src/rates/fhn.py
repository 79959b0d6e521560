"""FitzHugh–Nagumo rate models: ``FHN`` and ``FeedbackFHN`` (with delayed self-feedback)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.neurons.base import as_value
from brainpy_dyn._src.params import check_positive
from brainpy_dyn._src.rates.base import UNIFORM_005, TwoVariableRate

__all__ = ["FHN", "FeedbackFHN"]


class FHN(TwoVariableRate):
    r"""FitzHugh–Nagumo oscillators as a neural-mass model (Kostova et al., 2004).

    BrainPy implementation of ``brainpy.rates.FHN`` (2.3.5):

    .. math::

       \frac{dx}{dt} = -\alpha x^3 + \beta x^2 + \gamma x - y + I_x(t), \qquad
       \frac{dy}{dt} = \frac{x - \delta - \epsilon y}{\tau} + I_y(t)

    ``I_x`` is ``input`` (plus the OU noise ``x_ou`` when ``x_ou_mean`` or
    ``x_ou_sigma`` is not zero), ``I_y`` is ``input_y`` (plus ``y_ou``).

    Args:
      size: the number of nodes, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      alpha: cubic coefficient.
      beta: quadratic coefficient.
      gamma: linear coefficient.
      delta: offset of the recovery variable.
      epsilon: recovery damping.
      tau: recovery time constant (ms, ``> 0``).
      x_ou_mean: mean of the OU noise added to ``x``'s input.
      x_ou_sigma: amplitude of that noise (``>= 0``).
      x_ou_tau: its time constant (ms).
      y_ou_mean: mean of the OU noise added to ``y``'s input.
      y_ou_sigma: amplitude of that noise.
      y_ou_tau: its time constant (ms).
      x_initializer: initial ``x`` (default: uniform in [0, 0.05)).
      y_initializer: initial ``y`` (default: uniform in [0, 0.05)).
      method: the integration method.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> fhn = bd.rates.FHN(2, x_initializer=bd.init.ZeroInit(), y_initializer=bd.init.ZeroInit())
      >>> runner = bd.DSRunner(fhn, monitors=['x'], inputs=('input', 1.), progress_bar=False)
      >>> _ = runner.run(1.)
      >>> runner.mon['x'].shape
      (10, 2)
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        alpha: Any = 3.0,
        beta: Any = 4.0,
        gamma: Any = -1.5,
        delta: Any = 0.0,
        epsilon: Any = 0.5,
        tau: Any = 20.0,
        x_ou_mean: Any = 0.0,
        x_ou_sigma: Any = 0.0,
        x_ou_tau: Any = 5.0,
        y_ou_mean: Any = 0.0,
        y_ou_sigma: Any = 0.0,
        y_ou_tau: Any = 5.0,
        x_initializer: Any = UNIFORM_005,
        y_initializer: Any = UNIFORM_005,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size=keep_size, name=name, mode=mode)
        self.alpha = self._param(alpha, "alpha")
        self.beta = self._param(beta, "beta")
        self.gamma = self._param(gamma, "gamma")
        self.delta = self._param(delta, "delta")
        self.epsilon = self._param(epsilon, "epsilon")
        self.tau = self._param(tau, "tau", positive=True)
        noise = (x_ou_mean, x_ou_sigma, x_ou_tau, y_ou_mean, y_ou_sigma, y_ou_tau)
        self._setup(noise, x_initializer, y_initializer, method)

    def dx(self, x: Any, t: Any, y: Any, x_ext: Any) -> Any:
        """``dx/dt = -α x³ + β x² + γ x - y + x_ext``."""
        a, b, g = as_value(self.alpha), as_value(self.beta), as_value(self.gamma)
        return -a * x**3 + b * x**2 + g * x - y + x_ext

    def dy(self, y: Any, t: Any, x: Any, y_ext: Any = 0.0) -> Any:
        """``dy/dt = (x - δ - ε y) / τ + y_ext``."""
        return (x - as_value(self.delta) - as_value(self.epsilon) * y) / as_value(self.tau) + y_ext


class FeedbackFHN(TwoVariableRate):
    r"""FitzHugh–Nagumo oscillators with delayed self-feedback (Plant, 1981).

    BrainPy implementation of ``brainpy.rates.FeedbackFHN`` (2.3.5):

    .. math::

       \frac{dx}{dt} = x - \frac{x^3}{3} - y + I_x(t) + \mu\,[x(t - d) - v_0], \qquad
       \frac{dy}{dt} = \frac{x + a - b y + I_y(t)}{\tau}

    The delayed ``x(t - d)`` is ``x`` as it was ``round(d / dt)`` steps before the step's
    start (a per-node delay is allowed); before the first step ``x`` had its initial
    value. It is held over a step, so every method is first order in the delayed term.

    Args:
      size: the number of nodes, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      a: recovery offset.
      b: recovery damping.
      delay: the feedback delay ``d`` (ms, ``>= 0``).
      tau: recovery time constant (ms).
      mu: feedback strength.
      v0: feedback reference level.
      x_ou_mean: mean of the OU noise added to ``x``'s input.
      x_ou_sigma: amplitude of that noise.
      x_ou_tau: its time constant (ms).
      y_ou_mean: mean of the OU noise added to ``y``'s input.
      y_ou_sigma: amplitude of that noise.
      y_ou_tau: its time constant (ms).
      x_initializer: initial ``x`` (default: uniform in [0, 0.05)).
      y_initializer: initial ``y`` (default: uniform in [0, 0.05)).
      method: the integration method.
      name: the object name.
      dt: the step the delay is counted in (``None``: :func:`brainpy_math.get_dt`).
      mode: the computing mode.

    Raises:
      ValueError: a negative or non-finite ``delay``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> fhn = bd.rates.FeedbackFHN(1, delay=1., dt=0.1)
      >>> fhn.delay_steps.tolist()
      [10]
    """

    x_history: bm.Variable
    history_index: bm.Variable

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        a: Any = 0.7,
        b: Any = 0.8,
        delay: Any = 10.0,
        tau: Any = 12.5,
        mu: Any = 1.6886,
        v0: Any = -1,
        x_ou_mean: Any = 0.0,
        x_ou_sigma: Any = 0.0,
        x_ou_tau: Any = 5.0,
        y_ou_mean: Any = 0.0,
        y_ou_sigma: Any = 0.0,
        y_ou_tau: Any = 5.0,
        x_initializer: Any = UNIFORM_005,
        y_initializer: Any = UNIFORM_005,
        method: str = "exp_auto",
        name: str | None = None,
        dt: float | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(size, keep_size=keep_size, name=name, mode=mode)
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.tau = self._param(tau, "tau", positive=True)
        self.mu = self._param(mu, "mu")
        self.v0 = self._param(v0, "v0")
        self.dt = bm.get_dt() if dt is None else dt
        check_positive(self.dt, type(self).__name__, "dt")
        self.delay = self._param(delay, "delay", nonneg=True)
        steps = np.round(np.asarray(bm.as_jax(self.delay), dtype=float) / float(self.dt))
        self.delay_steps = np.broadcast_to(steps.astype(np.int32), self.varshape).copy()
        self._history_len = int(self.delay_steps.max()) + 1
        noise = (x_ou_mean, x_ou_sigma, x_ou_tau, y_ou_mean, y_ou_sigma, y_ou_tau)
        self._setup(noise, x_initializer, y_initializer, method)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Re-draw ``x`` and ``y``; the delay history becomes the initial ``x``."""
        super().reset_state(batch_size)
        x = jnp.asarray(self.x.value)
        hist = jnp.broadcast_to(x, (self._history_len, *x.shape))
        cur = self.__dict__.get("x_history")
        if isinstance(cur, bm.Variable) and cur.shape == hist.shape:
            cur.value = hist
        else:
            if cur is not None:
                object.__delattr__(self, "x_history")
            batch_axis = 1 if x.ndim > len(self.varshape) else None
            object.__setattr__(self, "x_history", bm.Variable(hist, batch_axis=batch_axis))
        if "history_index" not in self.__dict__:
            object.__setattr__(self, "history_index", bm.Variable(jnp.zeros((), jnp.int32)))
        self.history_index.value = jnp.zeros((), jnp.int32)

    def delayed_x(self) -> jax.Array:
        """``x(t - delay)``: ``x`` as it was ``delay_steps`` steps ago."""
        n = self._history_len
        rows = (self.history_index.value - jnp.asarray(self.delay_steps)) % n
        hist = self.x_history.value
        rows = jnp.broadcast_to(rows, hist.shape[1:])
        return jnp.take_along_axis(hist, rows[None], axis=0)[0]

    def dx(self, x: Any, t: Any, y: Any, x_ext: Any) -> Any:
        """``dx/dt = x - x³/3 - y + x_ext + μ (x(t - d) - v0)``."""
        feedback = as_value(self.mu) * (self.delayed_x() - as_value(self.v0))
        return x - x * x * x / 3.0 - y + x_ext + feedback

    def dy(self, y: Any, t: Any, x: Any, y_ext: Any) -> Any:
        """``dy/dt = (x + a - b y + y_ext) / τ``."""
        return (x + as_value(self.a) - as_value(self.b) * y + y_ext) / as_value(self.tau)

    def update(self, tdi: Any, x: Any = None) -> jax.Array:
        """Advance one step, then push the new ``x`` into the delay history."""
        out = super().update(tdi, x)
        n = self._history_len
        idx = (self.history_index.value + 1) % n
        self.x_history.value = self.x_history.value.at[idx].set(out)
        self.history_index.value = idx
        return out

r"""The Grünwald–Letnikov scheme with the short-memory principle."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.integrators.fde.base import FDEIntegrator, check_inits, refill, ring_index

__all__ = ["GLShortMemory"]


class GLShortMemory(FDEIntegrator):
    r"""The Grünwald–Letnikov method with a memory window of ``num_memory`` steps.

    BrainPy implementation of ``brainpy.fde.GLShortMemory`` (2.3.5),
    ``fdeint(method='short-memory')``. The Grünwald–Letnikov derivative
    ``D^α y(t_k) ≈ h^{-α} Σ_{j=0}^{k} c_j y(t_{k−j})`` with the binomial weights
    ``c_0 = 1``, ``c_j = (1 − (1 + α)/j) c_{j−1}``, applied to ``y = x − x₀`` (the Caputo
    derivative of ``x``), gives

    .. math::

       x_{k+1} = x_0 + h^\alpha f(x_k, t_k) - \sum_{j=1}^{\min(k+1, L)} c_j\,(x_{k+1-j} - x_0),

    where only the last ``L = num_memory`` states are kept (the short-memory principle,
    Podlubny 1999): a longer window is more accurate and costs more per step. The states
    are held in ``delays['<var>_delay']`` (ring slot ``_idx``, starting full of ``x₀``); the
    state given at each call is stored as ``x_k``, so a model may change it between steps.

    Note:
      BrainPy 2.3.5 applied the formula to ``x`` itself with an empty history (the
      Riemann–Liouville problem), so the first step shrank ``x₀`` by the factor ``α``
      (``x₁ = α x₀ + h^α f``); here the history is ``x₀``, which solves the Caputo problem,
      the same equation the other ``fde`` methods solve (as ``α → 1`` it is Euler's method).

    Args:
      f: the right-hand side.
      alpha: the order(s), in ``(0, 1]``.
      inits: the initial values ``x₀`` (a sequence in the order of the variables, or a dict).
      num_memory: the memory window ``L``, in steps.
      dt: the default step.
      name: the integrator's name.
      state_delays: variable name -> delay variable updated with each new state.

    Examples:
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.fde.GLShortMemory(lambda x, t: -x, alpha=0.9, inits=[1.],
      ...                                        num_memory=20)
      >>> [round(float(c), 4) for c in itg.binomial_coef[:3, 0]]   # c_1, c_2, c_3
      [-0.9, -0.045, -0.0165]
    """

    alpha_range = (0.0, 1.0, True)

    def __init__(
        self,
        f: Callable[..., Any],
        alpha: Any,
        inits: Any,
        num_memory: int,
        dt: float | None = None,
        name: str | None = None,
        state_delays: dict[str, Any] | None = None,
    ):
        super().__init__(
            f, alpha=alpha, num_memory=num_memory, dt=dt, name=name, state_delays=state_delays
        )
        values = check_inits(inits, self.variables, type(self).__name__)
        m = self.num_memory
        ratios = 1 - (1 + self.alpha[None, :]) / np.arange(1, m + 1, dtype=np.float64)[:, None]
        weights = np.cumprod(ratios, axis=0)  # row j - 1: c_j
        self._binomial_coef = bm.asarray(np.flip(weights, axis=0), dtype=bm.get_float())
        self.inits = {v: bm.Variable(val) for v, val in values.items()}
        self.delays = {
            f"{v}_delay": bm.Variable(jnp.broadcast_to(val, (m, *val.shape)).astype(val.dtype))
            for v, val in values.items()
        }
        self._idx = bm.Variable(jnp.zeros(1, dtype=bm.get_int()))
        self.set_integral(self._integral_func)

    @property
    def binomial_coef(self) -> np.ndarray:
        """The weights ``c_1 … c_L``, one column per variable."""
        return np.flip(np.asarray(bm.as_numpy(self._binomial_coef)), axis=0)

    def reset(self, inits: Any) -> None:
        """Forget the memory and restart from ``inits``."""
        values = check_inits(inits, self.variables, type(self).__name__)
        self._idx.value = jnp.zeros(1, dtype=self._idx.dtype)
        for v, val in values.items():
            refill(self.inits, v, val)
            memory = jnp.broadcast_to(val, (self.num_memory, *val.shape)).astype(val.dtype)
            refill(self.delays, f"{v}_delay", memory)

    def _integral_func(self, **kwargs: Any) -> Any:
        xs, t, dt, rhs = self._prepare(kwargs)
        devs = rhs(xs, t)
        slot = self._idx.value[0]
        rows = ring_index(slot, self.num_memory)
        coef = bm.as_jax(self._binomial_coef)
        new = []
        for i, (v, x, dev) in enumerate(zip(self.variables, xs, devs)):
            memory = self.delays[f"{v}_delay"]
            x = self._match(v, x, memory)
            states = memory.value.at[slot].set(x)
            memory.value = states
            x0 = self.inits[v].value
            trace = jnp.tensordot(coef[rows, i].astype(x.dtype), states - x0, axes=1)
            new.append(x0 + dt ** self.alpha[i] * dev - trace)
        self._idx.value = (self._idx.value + 1) % self.num_memory
        return self._finish(new, xs)

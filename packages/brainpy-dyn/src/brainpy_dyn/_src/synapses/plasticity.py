"""Short-term plasticity: the efficacy factor a presynaptic spike carries."""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.synapses._deps import (
    DynamicalSystemNS,
    check_positive,
    exp_decay,
    share,
    variable_,
)

__all__ = ["SynSTP", "STD", "STP"]


class SynSTP(DynamicalSystemNS):
    """Base class of short-term plasticity: ``update(pre_spike) -> efficacy``."""

    def __init__(self, pre_size: Any, name: str | None = None, mode: Any = None):
        super().__init__(name=name, mode=mode)
        self.pre_size = (pre_size,) if isinstance(pre_size, int) else tuple(pre_size)
        if not all(isinstance(s, int) and s > 0 for s in self.pre_size):
            raise ValueError(
                f"{type(self).__name__}: pre_size must be a positive int or tuple of ints, got {pre_size!r}."
            )


class STD(SynSTP):
    r"""Short-term depression: each spike uses a fraction ``U`` of the resources ``x``.

    .. math::
       \frac{dx}{dt} = \frac{1 - x}{\tau}, \qquad x \leftarrow x - U x \text{ on a spike}.

    ``update`` returns the efficacy ``x`` before the spike's depletion (what the
    spike transmits), integrating the recovery exactly.

    Args:
      pre_size: number (or shape) of presynaptic neurons.
      tau: recovery time constant (ms).
      U: fraction of resources used per spike.
      method: accepted for BrainPy 2.3.5 compatibility; the recovery is exact.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bp
      >>> import brainpy_math as bm
      >>> std = bp.experimental.STD(2, tau=200., U=0.5)
      >>> bp.share.save(t=0., dt=0.1)
      >>> [float(e) for e in std(bm.asarray([True, False]))]
      [1.0, 1.0]
      >>> [round(float(x), 4) for x in std.x.value]
      [0.5, 1.0]
    """

    def __init__(
        self,
        pre_size: Any,
        tau: float = 200.0,
        U: float = 0.07,
        method: str = "exp_auto",
        name: str | None = None,
        mode: Any = None,
    ):
        super().__init__(pre_size, name=name, mode=mode)
        self.tau = check_positive(tau, "tau", self)
        self.U = U
        self.method = method
        self.reset_state(self.mode)

    def reset_state(self, batch_size: Any = None) -> None:
        self.x = variable_(jnp.ones, self.pre_size, batch_size)

    def update(self, pre_spike: Any) -> Any:
        dt = share.load("dt")
        x = 1.0 - (1.0 - self.x.value) * exp_decay(dt, self.tau)
        spike = bm.as_jax(pre_spike) != 0
        self.x.value = jnp.where(spike, x - self.U * x, x)
        return x


class STP(SynSTP):
    r"""Tsodyks–Markram short-term plasticity (facilitation and depression).

    .. math::
       \frac{du}{dt} = -\frac{u}{\tau_f}, \quad \frac{dx}{dt} = \frac{1 - x}{\tau_d};
       \text{on a spike: } u \leftarrow u + U (1 - u), \; x \leftarrow x - u x.

    ``update`` returns the efficacy ``u · x`` of the spike (``u`` after facilitation,
    ``x`` before depletion). Unlike BrainPy 2.3.5, it can be constructed.

    Args:
      pre_size: number (or shape) of presynaptic neurons.
      U: utilisation increment per spike.
      tau_f: facilitation time constant (ms).
      tau_d: depression (recovery) time constant (ms).
      method: accepted for compatibility; the decay is exact.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bp
      >>> import brainpy_math as bm
      >>> stp = bp.experimental.STP(1, U=0.2)
      >>> bp.share.save(t=0., dt=0.1)
      >>> round(float(stp(bm.asarray([True]))[0]), 4)
      0.2
    """

    def __init__(
        self,
        pre_size: Any,
        U: float = 0.15,
        tau_f: float = 1500.0,
        tau_d: float = 200.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: Any = None,
    ):
        super().__init__(pre_size, name=name, mode=mode)
        self.U = U
        self.tau_f = check_positive(tau_f, "tau_f", self)
        self.tau_d = check_positive(tau_d, "tau_d", self)
        self.method = method
        self.reset_state(self.mode)

    def reset_state(self, batch_size: Any = None) -> None:
        self.u = variable_(np.zeros, self.pre_size, batch_size)
        self.x = variable_(jnp.ones, self.pre_size, batch_size)

    def update(self, pre_spike: Any) -> Any:
        dt = share.load("dt")
        u = self.u.value * exp_decay(dt, self.tau_f)
        x = 1.0 - (1.0 - self.x.value) * exp_decay(dt, self.tau_d)
        spike = bm.as_jax(pre_spike) != 0
        u = jnp.where(spike, u + self.U * (1.0 - u), u)
        efficacy = u * x
        self.u.value = u
        self.x.value = jnp.where(spike, x - efficacy, x)
        return efficacy

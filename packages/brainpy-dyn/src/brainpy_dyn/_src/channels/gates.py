"""Hodgkin–Huxley gates shared by the voltage-gated channels.

A gate ``x`` (``p``, ``q``) follows either the kinetic (Markov) form
``dx/dt = φ (α(V)(1 - x) - β(V) x)`` with rates ``f_x_alpha``/``f_x_beta``, or the
steady-state form ``dx/dt = φ (x∞(V) - x) / τ(V)`` with ``f_x_inf``/``f_x_tau``.
Its steady state, where a channel starts, is ``α/(α+β)`` or ``x∞``.
"""

from __future__ import annotations

import numbers
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.channels.base import shared_time
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.neurons.base import as_value
from brainpy_dyn._src.params import check_finite, check_positive

__all__ = ["Gated", "vtrap", "temperature_factor", "check_temperature"]


def vtrap(x: Any, y: float) -> jax.Array:
    """``x / (1 - exp(-x / y))``, continued by its limit ``y`` at ``x = 0``."""
    x = jnp.asarray(x)
    z = x / y
    small = jnp.abs(z) < 1e-6
    safe = jnp.where(small, jnp.ones_like(z), z)
    return jnp.where(small, y * (1.0 + z / 2), x / -jnp.expm1(-safe))


def temperature_factor(base: Any, T: Any, T_ref: float) -> Any:
    """``base ** ((T - T_ref) / 10)``: the Q10 factor of rates measured at ``T_ref`` °C."""
    if isinstance(base, numbers.Real) and isinstance(T, numbers.Real):
        return float(base) ** ((float(T) - T_ref) / 10.0)
    return jnp.power(jnp.asarray(bm.as_jax(base)), (jnp.asarray(bm.as_jax(T)) - T_ref) / 10.0)


def check_temperature(who: str, T: Any, **bases: Any) -> None:
    """Refuse a NaN or infinite temperature ``T`` and Q10 bases that are not finite and ``> 0``."""
    check_finite(T, who, "T")
    for name, base in bases.items():
        check_positive(base, who, name)


class Gated:
    """Mixin for channels with Hodgkin–Huxley gates.

    Subclasses set ``_gates`` (the gate names) and ``_form`` (``'markov'`` or ``'ss'``),
    define the rate functions of each gate, and call :meth:`_init_gates` in ``__init__``.
    The rate of gate ``x`` is scaled by ``phi_x`` if the channel has it, else by ``phi``.
    """

    _gates: tuple[str, ...] = ("p",)
    _form: str = "markov"

    def _phi(self, gate: str) -> Any:
        phi = getattr(self, f"phi_{gate}", None)
        return as_value(self.phi if phi is None else phi)  # type: ignore[attr-defined]

    def _rate(self, gate: str, x: Any, V: Any) -> Any:
        phi = self._phi(gate)
        if self._form == "markov":
            alpha = getattr(self, f"f_{gate}_alpha")(V)
            beta = getattr(self, f"f_{gate}_beta")(V)
            return phi * (alpha * (1.0 - x) - beta * x)
        inf = getattr(self, f"f_{gate}_inf")(V)
        tau = getattr(self, f"f_{gate}_tau")(V)
        return phi * (inf - x) / tau

    def steady_state(self, gate: str, V: Any) -> jax.Array:
        """The steady state of gate ``gate`` (``'p'`` or ``'q'``) at ``V``."""
        V = jnp.asarray(bm.as_jax(V))
        if self._form == "markov":
            alpha = getattr(self, f"f_{gate}_alpha")(V)
            beta = getattr(self, f"f_{gate}_beta")(V)
            return alpha / (alpha + beta)
        return jnp.asarray(getattr(self, f"f_{gate}_inf")(V))

    def time_constant(self, gate: str, V: Any) -> jax.Array:
        """The time constant (ms) of gate ``gate`` at ``V``, ``φ`` included."""
        V = jnp.asarray(bm.as_jax(V))
        if self._form == "markov":
            alpha = getattr(self, f"f_{gate}_alpha")(V)
            beta = getattr(self, f"f_{gate}_beta")(V)
            return 1.0 / (self._phi(gate) * (alpha + beta))
        return getattr(self, f"f_{gate}_tau")(V) / self._phi(gate)

    def dp(self, p: Any, t: Any, V: Any) -> Any:
        """``dp/dt`` at ``V``."""
        return self._rate("p", p, V)

    def dq(self, q: Any, t: Any, V: Any) -> Any:
        """``dq/dt`` at ``V``."""
        return self._rate("q", q, V)

    def _init_gates(self, method: str) -> None:
        for gate in self._gates:
            self._gate(gate)  # type: ignore[attr-defined]
        eqs = [getattr(self, f"d{gate}") for gate in self._gates]
        f = eqs[0] if len(eqs) == 1 else JointEq(*eqs)
        self.integral = self._integral(f, method)  # type: ignore[attr-defined]

    def _advance(self, tdi: Any, V: Any) -> None:
        t, dt = shared_time(tdi)
        old = [getattr(self, gate).value for gate in self._gates]
        new = self.integral(*old, t, bm.as_jax(V), dt=dt)
        if len(self._gates) == 1:
            new = (new,)
        for gate, value in zip(self._gates, new, strict=True):
            getattr(self, gate).value = value

    def _reset_gates(self, V: Any, batch_size: Any) -> None:
        for gate in self._gates:
            self._set_state(gate, self.steady_state(gate, V), batch_size)  # type: ignore[attr-defined]

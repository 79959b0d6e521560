r"""Calcium ions: fixed concentration, and the dynamics of Destexhe et al. (1993).

A calcium ion keeps the intracellular concentration ``C`` (mM) and the reversal
potential ``E`` (mV) and passes both to its calcium channels. In the dynamic ions the
reversal potential follows Nernst's equation,

.. math::

   E = \frac{R T}{2 F} \ln\frac{C_0}{C}

(``R = 8.31441`` J/(mol K), ``F = 96.489`` kC/mol, ``T`` in °C converted to kelvin,
``C_0`` the extracellular concentration).

Only the calcium-carrying channels (the ``ICa*`` currents, and any calcium channel with
``carries_calcium = True``, the default) bring calcium in; the calcium-activated currents
they hold (``IAHP_De1994``, ``ICaN_IS2008``, ``Ih_De1996``) add to the membrane current
but carry no calcium. (BrainPy 2.3.5 counted every child's
current, with a sign that, under its own convention of inward-positive currents, kept the
influx at zero.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.channels.base import batch_of, shared_time
from brainpy_dyn._src.channels.ions import Calcium
from brainpy_dyn._src.initialize.regular import OneInit
from brainpy_dyn._src.neurons.base import as_value, check_initializer

__all__ = ["CalciumFixed", "CalciumDyna", "CalciumDetailed", "CalciumFirstOrder"]

_C_REST = OneInit(2.4e-4)  # 2.3.5's default initial concentration (mM)


class CalciumFixed(Calcium):
    """A calcium ion with a fixed concentration and reversal potential.

    BrainPy implementation of ``brainpy.channels.CalciumFixed`` (2.3.5).

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the parameters' shape.
      E: the calcium reversal potential (mV).
      C: the intracellular calcium concentration (mM).
      method: the integration method of the channels.
      name: the object name.
      mode: the computing mode.
      **channels: the calcium channels, keyed by name.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ca = bd.channels.CalciumFixed(1, ICaT=bd.channels.ICaT_HM1992(1))
      >>> ca.E, ca.C
      (120.0, 0.00024)
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        E: Any = 120.0,
        C: Any = 2.4e-4,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
        **channels: Any,
    ):
        super().__init__(size, keep_size=keep_size, method=method, name=name, mode=mode, **channels)
        self.E = self._param(E, "E")
        self.C = self._param(C, "C", positive=True)

    def update(self, tdi: Any, V: Any) -> None:
        """Advance the calcium channels by one step."""
        self._update_channels(tdi, V, as_value(self.C), as_value(self.E))

    def reset_state(
        self, V: Any, C_Ca: Any = None, E_Ca: Any = None, batch_size: Any = None
    ) -> None:
        """Reset the calcium channels at ``V`` (and ``C_Ca``, ``E_Ca`` if given)."""
        C_Ca = as_value(self.C) if C_Ca is None else C_Ca
        E_Ca = as_value(self.E) if E_Ca is None else E_Ca
        self._reset_channels(V, C_Ca, E_Ca, batch_size)


class CalciumDyna(Calcium):
    """Base class of the calcium ions whose concentration changes.

    BrainPy implementation of ``brainpy.channels.CalciumDyna`` (2.3.5). Subclasses give
    :meth:`derivative`; ``E`` follows Nernst's equation.

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      C0: the extracellular calcium concentration (mM).
      T: the temperature (°C).
      C_initializer: the initial intracellular concentration (mM).
      method: the integration method.
      name: the object name.
      mode: the computing mode.
      **channels: the calcium channels, keyed by name.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ca = bd.channels.CalciumFirstOrder(1)
      >>> isinstance(ca, bd.channels.CalciumDyna), round(float(ca.E.value[0]), 2)  # Nernst
      (True, 120.25)
    """

    R = 8.31441  # gas constant, J/(mol K)
    F = 96.489  # Faraday constant, kC/mol

    C: bm.Variable
    E: bm.Variable

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        C0: Any = 2.0,
        T: Any = 36.0,
        C_initializer: Any = _C_REST,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
        **channels: Any,
    ):
        super().__init__(size, keep_size=keep_size, method=method, name=name, mode=mode, **channels)
        self.C0 = self._param(C0, "C0", positive=True)
        self.T = self._param(T, "T")
        self._C_initializer = check_initializer(C_initializer, type(self).__name__, "C_initializer")
        self._init_C(None)
        self.integral = self._integral(self.derivative, method)

    @property
    def _constant(self) -> Any:
        """``R (273.15 + T) / (2 F)``, in mV."""
        return self.R / (2 * self.F) * (273.15 + as_value(self.T))

    def _reversal_potential(self, C: Any) -> jax.Array:
        return self._constant * jnp.log(as_value(self.C0) / C)

    def _init_C(self, batch_size: Any) -> None:
        init = self._C_initializer
        shape = self.varshape
        batch = batch_of(batch_size, self.mode)
        full = shape if batch is None else (batch, *shape)
        value = init(full) if callable(init) else jnp.broadcast_to(bm.as_jax(init), full)
        self._set_state("C", value, batch_size)
        self._set_state("E", self._reversal_potential(self.C.value), batch_size)

    def derivative(self, C: Any, t: Any, V: Any) -> Any:
        """``dC/dt``; subclasses define it."""
        raise NotImplementedError(f"{type(self).__name__} must implement derivative(C, t, V).")

    def _influx_current(self, V: Any, C: Any) -> Any:
        """The current of the calcium-carrying channels at ``V`` and concentration ``C``."""
        E = self._reversal_potential(C)
        total: Any = 0.0
        for channel in self._channels():
            if getattr(channel, "carries_calcium", True):
                total = total + channel.current(V, C, E)
        return total

    def reset_state(
        self, V: Any, C_Ca: Any = None, E_Ca: Any = None, batch_size: Any = None
    ) -> None:
        """Reset ``C`` (to ``C_Ca`` if given), ``E`` and the calcium channels."""
        if C_Ca is None:
            self._init_C(batch_size)
        else:
            self._set_state("C", C_Ca, batch_size)
            self._set_state("E", self._reversal_potential(self.C.value), batch_size)
        self._reset_channels(V, self.C.value, self.E.value, batch_size)

    def update(self, tdi: Any, V: Any) -> None:
        """Advance ``C`` and the calcium channels by one step from the state at the step's start."""
        t, dt = shared_time(tdi)
        C_old, E_old = self.C.value, self.E.value
        C = self.integral(C_old, t, bm.as_jax(V), dt=dt)
        self._update_channels(tdi, V, C_old, E_old)
        self.C.value = C
        self.E.value = self._reversal_potential(C)


class CalciumDetailed(CalciumDyna):
    r"""Calcium dynamics with influx into a submembrane shell and first-order removal.

    BrainPy implementation of ``brainpy.channels.CalciumDetailed`` (2.3.5), after
    Destexhe et al. (1993):

    .. math::

       \frac{dC}{dt} = \max\left(\frac{10\, I_{Ca}}{2 F' d}, 0\right)
           + \frac{C_{rest} - C}{\tau}

    with ``I_Ca`` the inward calcium current (µA/cm²), ``F' = 96489`` C/mol, ``d`` the
    shell depth (µm) and ``C`` in mM: the factor 10 converts µA/(cm² µm) into mM/ms.
    Pumps cannot move calcium inward, hence the ``max``.

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      T: the temperature (°C).
      d: the depth of the submembrane shell (µm).
      C_rest: the resting concentration (mM).
      tau: the removal time constant (ms).
      C0: the extracellular concentration (mM).
      C_initializer: the initial concentration (mM).
      method: the integration method.
      name: the object name.
      mode: the computing mode.
      **channels: the calcium channels, keyed by name.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ca = bd.channels.CalciumDetailed(1)
      >>> round(float(ca.E.value[0]), 2)  # Nernst at 36 °C, 2 mM outside, 0.24 µM inside
      120.25
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        T: Any = 36.0,
        d: Any = 1.0,
        C_rest: Any = 2.4e-4,
        tau: Any = 5.0,
        C0: Any = 2.0,
        C_initializer: Any = _C_REST,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
        **channels: Any,
    ):
        super().__init__(size, keep_size, C0, T, C_initializer, method, name, mode, **channels)
        self.d = self._param(d, "d", positive=True)
        self.C_rest = self._param(C_rest, "C_rest")
        self.tau = self._param(tau, "tau", positive=True)

    def derivative(self, C: Any, t: Any, V: Any) -> Any:
        """``dC/dt = max(10 I_Ca / (2 F' d), 0) + (C_rest - C) / τ``."""
        I_Ca = self._influx_current(V, C)
        drive = jnp.maximum(I_Ca / (2.0 * self.F * as_value(self.d)) * 1e-2, 0.0)
        return drive + (as_value(self.C_rest) - C) / as_value(self.tau)


class CalciumFirstOrder(CalciumDyna):
    r"""First-order calcium dynamics: ``dC/dt = α max(I_Ca, 0) - β C``.

    BrainPy implementation of ``brainpy.channels.CalciumFirstOrder`` (2.3.5), with
    ``I_Ca`` the inward calcium current (µA/cm²).

    Args:
      size: the number of compartments, or their shape.
      keep_size: keep ``size`` as the Variables' shape.
      T: the temperature (°C).
      alpha: the influx factor (mM/ms per µA/cm²).
      beta: the removal rate (1/ms).
      C0: the extracellular concentration (mM).
      C_initializer: the initial concentration (mM).
      method: the integration method.
      name: the object name.
      mode: the computing mode.
      **channels: the calcium channels, keyed by name.

    Examples:
      >>> import brainpy_dyn as bd
      >>> ca = bd.channels.CalciumFirstOrder(1)
      >>> float(ca.derivative(ca.C.value, 0., -65.)[0]) < 0.  # no channel: only removal
      True
    """

    def __init__(
        self,
        size: int | Sequence[int],
        keep_size: bool = False,
        T: Any = 36.0,
        alpha: Any = 0.13,
        beta: Any = 0.075,
        C0: Any = 2.0,
        C_initializer: Any = _C_REST,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
        **channels: Any,
    ):
        super().__init__(size, keep_size, C0, T, C_initializer, method, name, mode, **channels)
        self.alpha = self._param(alpha, "alpha")
        self.beta = self._param(beta, "beta")

    def derivative(self, C: Any, t: Any, V: Any) -> Any:
        """``dC/dt = α max(I_Ca, 0) - β C``."""
        I_Ca = self._influx_current(V, C)
        return as_value(self.alpha) * jnp.maximum(I_Ca, 0.0) - as_value(self.beta) * C

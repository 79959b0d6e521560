"""Short-term plasticity: the efficacy factor a presynaptic spike carries."""

from __future__ import annotations

import functools
import math
from typing import Any

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.dynsys import takes_shared_first
from brainpy_dyn._src.params import check_range
from brainpy_dyn._src.synapses._deps import (
    DynamicalSystemNS,
    check_positive,
    exp_decay,
    share,
    variable_,
)

__all__ = ["SynLTP", "SynSTP", "STD", "STP"]


class SynSTP(DynamicalSystemNS):
    """Base class of short-term plasticity: ``update(pre_spike) -> efficacy``.

    BrainPy 2.3.5's ``bp.SynSTP`` (and ``bp.experimental.SynSTP``). The models here
    (``STD``, ``STP``) implement ``update(pre_spike)``, returning the efficacy that scales
    the synaptic variable. A subclass written for 2.3.5's ``bp.SynSTP`` implements
    ``update(tdi, pre_spike)`` (advance the state) and ``filter(g)`` (scale ``g``); calling
    it then runs ``update(shared data, pre_spike)`` and returns ``filter(1.)``.

    ``pre_size`` may be left out (``None``), as BrainPy 2.3.5's ``bp.synplast.STD()``
    was written: the synapse that receives the model then supplies its number of
    presynaptic neurons and creates the state.

    Args:
      name: the object name.
      mode: the computing mode.
      pre_size: the number (or shape) of presynaptic neurons, or ``None``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> std = bd.synapses.STD(pre_size=2, tau=200., U=0.2)
      >>> isinstance(std, bd.SynSTP)
      True
      >>> bd.share.save(t=0., dt=0.1)
      >>> import brainpy_math as bm
      >>> std(bm.asarray([True, False])).tolist()  # the efficacy before this spike
      [1.0, 1.0]
      >>> [round(float(x), 4) for x in std.x]  # neuron 0 used a fraction U of its resources
      [0.8, 1.0]
    """

    def __init__(self, name: str | None = None, mode: Any = None, pre_size: Any = None):
        super().__init__(name=name, mode=mode)
        self.pre_size: tuple[int, ...] | None = None
        if pre_size is not None:
            self.pre_size = _checked_size(pre_size, type(self).__name__)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Make a 2.3.5-style ``update(tdi, pre_spike)`` return the efficacy ``filter(1.)``.

        Calling it then gives what the synapses here expect of ``stp(pre_spike)``; which
        arguments it gets is decided by :meth:`DynamicalSystem.__call__`.
        """
        super().__init_subclass__(**kwargs)
        update = cls.__dict__.get("update")
        if update is None or not takes_shared_first(update):
            return

        @functools.wraps(update)
        def update_then_efficacy(self: SynSTP, tdi: Any, *args: Any, **kw: Any) -> Any:
            update(self, tdi, *args, **kw)
            return self.filter(1.0)

        cls.update = update_then_efficacy  # type: ignore[method-assign]

    def update(self, tdi: Any = None, pre_spike: Any = None) -> Any:
        """Advance one step; subclasses implement ``update(pre_spike)`` (or 2.3.5's form)."""
        raise NotImplementedError(f"{type(self).__name__} must implement update().")

    def filter(self, g: Any) -> Any:
        """Scale ``g`` by the efficacy (2.3.5's component interface); here ``g`` unchanged."""
        return g

    def bind_pre(self, pre_num: int, owner: str) -> None:
        """Give a model made without ``pre_size`` the ``pre_num`` of the synapse ``owner``.

        Raises:
          ValueError: the model already has a size that does not hold ``pre_num`` neurons.
        """
        if self.pre_size is None:
            self.pre_size = (int(pre_num),)
            self.reset_state(self.mode)
        elif math.prod(self.pre_size) != pre_num:
            raise ValueError(
                f"{owner}: stp {self.name} has pre_size={self.pre_size}, but the synapse has "
                f"{pre_num} presynaptic neurons."
            )

    def _check_bound(self) -> None:
        if self.pre_size is None:
            raise ValueError(
                f"{self.name}: this {type(self).__name__} has no pre_size; give it to a synapse "
                "(stp=...), which supplies the size, or create it with pre_size=."
            )


class SynLTP(DynamicalSystemNS):
    """Base class of long-term synaptic plasticity (BrainPy 2.3.5's ``bp.SynLTP``).

    A subclass holds the plastic weights (or their changes) and implements
    ``update(pre_spike, post_spike)``; a hand-written synapse keeps it as its ``ltp``
    (:class:`~brainpy_dyn.TwoEndConn`) and calls it each step.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Hebb(bd.SynLTP):
      ...     def __init__(self, w, lr=0.1):
      ...         super().__init__()
      ...         self.w, self.lr = bm.Variable(w), lr
      ...     def update(self, pre_spike, post_spike):
      ...         self.w.value += self.lr * bm.outer(pre_spike, post_spike).value
      >>> rule = Hebb(bm.zeros((2, 2)))
      >>> rule(bm.array([1., 0.]), bm.array([1., 1.]))
      >>> rule.w.value.tolist()
      [[0.10000000149011612, 0.10000000149011612], [0.0, 0.0]]
    """

    def update(self, tdi: Any = None, pre_spike: Any = None, *args: Any, **kwargs: Any) -> Any:
        """Apply one step of the rule; subclasses implement it (2.3.5: ``(tdi, pre_spike)``)."""
        raise NotImplementedError(f"{type(self).__name__} must implement update().")


def _check_fraction(value: Any, arg: str, owner: Any) -> Any:
    """A fraction of resources: a number (or array) in ``[0, 1]``."""
    check_range(value, getattr(owner, "name", type(owner).__name__), arg, 0.0, 1.0)
    return value


def _checked_size(pre_size: Any, who: str) -> tuple[int, ...]:
    size = (pre_size,) if isinstance(pre_size, int) else pre_size
    if isinstance(size, (tuple, list)) and size and all(isinstance(s, int) and s > 0 for s in size):
        return tuple(size)
    hint = ""
    if isinstance(pre_size, float):
        hint = (
            f" BrainPy 2.3.5's bp.synplast.{who} took no size and its first argument was a "
            "parameter: pass the parameters by keyword and leave pre_size out."
        )
    raise ValueError(
        f"{who}: pre_size must be a positive int or tuple of ints, got {pre_size!r}.{hint}"
    )


class STD(SynSTP):
    r"""Short-term depression: each spike uses a fraction ``U`` of the resources ``x``.

    .. math::
       \frac{dx}{dt} = \frac{1 - x}{\tau}, \qquad x \leftarrow x - U x \text{ on a spike}.

    ``update`` returns the efficacy ``x`` before the spike's depletion (what the
    spike transmits), integrating the recovery exactly.

    Args:
      pre_size: number (or shape) of presynaptic neurons; ``None`` lets the synapse
        given this model supply it.
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
        pre_size: Any = None,
        tau: float = 200.0,
        U: float = 0.07,
        method: str = "exp_auto",
        name: str | None = None,
        mode: Any = None,
    ):
        super().__init__(name=name, mode=mode, pre_size=pre_size)
        self.tau = check_positive(tau, "tau", self, allow_inf=True)  # inf: no recovery
        self.U = _check_fraction(U, "U", self)
        self.method = method
        self.reset_state(self.mode)

    def reset_state(self, batch_size: Any = None) -> None:
        if self.pre_size is not None:
            self.x = variable_(jnp.ones, self.pre_size, batch_size)

    def update(self, pre_spike: Any) -> Any:
        self._check_bound()
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
      pre_size: number (or shape) of presynaptic neurons; ``None`` lets the synapse
        given this model supply it.
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
        pre_size: Any = None,
        U: float = 0.15,
        tau_f: float = 1500.0,
        tau_d: float = 200.0,
        method: str = "exp_auto",
        name: str | None = None,
        mode: Any = None,
    ):
        super().__init__(name=name, mode=mode, pre_size=pre_size)
        self.U = _check_fraction(U, "U", self)
        self.tau_f = check_positive(tau_f, "tau_f", self, allow_inf=True)
        self.tau_d = check_positive(tau_d, "tau_d", self, allow_inf=True)
        self.method = method
        self.reset_state(self.mode)

    def reset_state(self, batch_size: Any = None) -> None:
        if self.pre_size is not None:
            self.u = variable_(np.zeros, self.pre_size, batch_size)
            self.x = variable_(jnp.ones, self.pre_size, batch_size)

    def update(self, pre_spike: Any) -> Any:
        self._check_bound()
        dt = share.load("dt")
        u = self.u.value * exp_decay(dt, self.tau_f)
        x = 1.0 - (1.0 - self.x.value) * exp_decay(dt, self.tau_d)
        spike = bm.as_jax(pre_spike) != 0
        u = jnp.where(spike, u + self.U * (1.0 - u), u)
        efficacy = u * x
        self.u.value = u
        self.x.value = jnp.where(spike, x - efficacy, x)
        return efficacy

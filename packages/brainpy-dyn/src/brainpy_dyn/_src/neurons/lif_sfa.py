"""``LIF_SFA_Bellec2020``: 2.3.5's older name and signature of :class:`ALIFBellec2020`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.neurons.alif import _A_INIT, _V_INIT, ALIFBellec2020
from brainpy_math.surrogate import inv_square_grad

__all__ = ["LIF_SFA_Bellec2020"]


class LIF_SFA_Bellec2020(ALIFBellec2020):
    r"""LIF neurons with spike-frequency adaptation (Bellec et al., 2020).

    BrainPy implementation of ``brainpy.neurons.LIF_SFA_Bellec2020`` (2.3.5): the model of
    :class:`ALIFBellec2020` with this older signature (no ``noise``, ``input_var`` or
    ``eprop``; the group keeps an ``input`` Variable):

    .. math::

       \tau \frac{dV}{dt} = -(V - V_{rest}) + R\,I(t), \qquad
       \tau_a \frac{da}{dt} = -a, \qquad A = V_{th} + \beta\,a,

    a spike where ``V >= A``, then ``V ← V - (V_th - V_rest)`` and ``a ← a + 1``.

    Args:
      size: the number of neurons, or the group's shape.
      keep_size: keep ``size`` as the Variables' shape.
      V_rest: resting potential (mV).
      V_th: baseline threshold (mV, above ``V_rest``).
      R: membrane resistance.
      beta: threshold raise per unit of adaptation ``a`` (mV).
      tau: membrane time constant (ms, ``> 0``).
      tau_a: adaptation time constant (ms, ``> 0``).
      tau_ref: refractory period (ms), or ``None``.
      V_initializer: initial ``V``.
      a_initializer: initial ``a``.
      spike_fun: in ``TrainingMode``, the surrogate spike function.
      method: the integration method of :func:`~brainpy_dyn.integrators.odeint`.
      name: the group's name.
      mode: the computing mode.

    Note:
      As for :class:`ALIFBellec2020`, ``a`` starts at 0 by default (2.3.5's
      ``OneInit(-50.)`` put the threshold below rest) and the reset subtracts
      ``V_th - V_rest``.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> group = bd.neurons.LIF_SFA_Bellec2020(2, V_rest=0., V_th=1.,
      ...                                       V_initializer=bd.init.ZeroInit())
      >>> bd.share.save(t=0., dt=1.)
      >>> group(bm.array([0., 30.]))
      Array([False,  True], dtype=bool)
      >>> group.a.value
      Array([0., 1.], dtype=float32)
      >>> bd.share.clear_shargs()
    """

    def __init__(
        self,
        size: int | tuple[int, ...],
        keep_size: bool = False,
        V_rest: Any = -70.0,
        V_th: Any = -60.0,
        R: Any = 1.0,
        beta: Any = 1.6,
        tau: Any = 20.0,
        tau_a: Any = 2000.0,
        tau_ref: Any = None,
        V_initializer: Any = _V_INIT,
        a_initializer: Any = _A_INIT,
        spike_fun: Callable[..., Any] = inv_square_grad,
        method: str = "exp_auto",
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(
            size,
            keep_size=keep_size,
            V_rest=V_rest,
            V_th=V_th,
            R=R,
            beta=beta,
            tau=tau,
            tau_a=tau_a,
            tau_ref=tau_ref,
            V_initializer=V_initializer,
            a_initializer=a_initializer,
            spike_fun=spike_fun,
            method=method,
            name=name,
            mode=mode,
        )

r"""``ExponentialEuler``: exact on the linear part of each equation, first order overall.

For each variable ``x`` the derivative is linearised around the current state,
``f(x + h) ≈ f(x) + A h`` with ``A = ∂f/∂x`` taken element by element by forward-mode
differentiation, and that linear equation is solved exactly over the step:

.. math::

   x' = x + \frac{e^{A\,dt} - 1}{A}\, f(x, t).

The other variables of a system are held at their start-of-step values. For a linear
equation such as ``dV/dt = (-V + V_rest + R I)/τ`` this is the exact solution.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax

from brainpy_dyn._src.integrators.exponential import DESCRIPTION, exp_euler_step
from brainpy_dyn._src.integrators.joint_eq import JointEq
from brainpy_dyn._src.integrators.ode.base import ODEIntegrator

__all__ = ["ExponentialEuler"]


class ExponentialEuler(ODEIntegrator):
    """The exponential Euler method, with the linear part found by automatic differentiation.

    BrainPy implementation of ``brainpy.ode.ExponentialEuler`` (2.3.5), the method behind
    ``odeint(method='exp_auto')`` (also ``'exp_euler'``, ``'exp_euler_auto'``,
    ``'exponential_euler'``). It is exact for linear equations and keeps stiff linear
    decays (membrane potentials, gating variables, synaptic conductances) stable at any
    step.

    Note:
      BrainPy 2.3.5 needed a :class:`~brainpy_dyn.integrators.JointEq` for several
      variables; here a derivative returning a tuple works as well (each variable is
      linearised in itself, the others held fixed). ``dyn_vars`` is accepted for 2.3.5
      compatibility: the Variables a derivative reads are found by themselves.

    Args:
      f: the derivative function (see :class:`ODEIntegrator`).
      var_type: the variable type.
      dt: the default step.
      name: the integrator's name.
      show_code: print the scheme.
      dyn_vars: ignored (2.3.5 compatibility).
      state_delays: variable name -> delay variable updated with the new state.
      neutral_delays: variable name -> neutral delay variable.

    Examples:
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.ode.ExponentialEuler(lambda V, t, I: (-V + I) / 10., dt=10.)
      >>> round(float(itg(0., 0., 20.)), 4)     # 20 * (1 - e^-1)
      12.6424
    """

    order = 1

    def __init__(
        self,
        f: Callable[..., Any],
        var_type: str | None = None,
        dt: float | None = None,
        name: str | None = None,
        show_code: bool = False,
        dyn_vars: Any = None,
        state_delays: dict[str, Any] | None = None,
        neutral_delays: dict[str, Any] | None = None,
    ):
        super().__init__(
            f,
            var_type=var_type,
            dt=dt,
            name=name,
            show_code=show_code,
            state_delays=state_delays,
            neutral_delays=neutral_delays,
        )
        self.dyn_vars = dyn_vars
        self.build()

    def step(self, rhs: Any, xs: tuple[jax.Array, ...], t: Any, dt: Any) -> tuple[jax.Array, ...]:
        """One exponential-Euler step of every variable."""
        return exp_euler_step(rhs, xs, t, dt, getattr(rhs, "single", None))

    def _rhs(self, params: tuple[Any, ...]) -> Any:
        rhs = super()._rhs(params)
        f = self.f
        if isinstance(f, JointEq) and len(f.variables) > 1:
            # Linearise each equation of a joint system alone: no other equation is evaluated.
            names = [*f.variables, "t", *f.arguments]

            def single(i: int, xs: Any, t: Any) -> Any:
                return f._one(f.variables[i], dict(zip(names, (*xs, t, *params))))

            rhs.single = single  # type: ignore[attr-defined]
        return rhs

    def describe(self) -> str:
        """The update rule, as text."""
        return DESCRIPTION

r"""Adaptive (embedded) Runge–Kutta integrators: a step under an error tolerance, the next ``dt``.

An embedded pair shares its stages ``k_i`` between a solution of order ``p``
(weights ``B1``, the one propagated) and one of another order (weights ``B2``); their
difference estimates the local error of a step of size ``h``,

.. math::

   e = h \sum_i (B1_i - B2_i)\, k_i ,\qquad err = \max |e|

(the largest over all elements of all variables). With ``adaptive=True`` the integrator
is called with the step as an argument and returns the next step after the new state:
``x_new, dt_new = integral(x, t, dt=dt)`` (``V, w, dt_new`` for two variables).

``x_new`` is the state at ``t + dt``, reached by steps whose estimated error is at most
``tol``: when a step of ``dt`` is too inaccurate it is rejected and ``[t, t + dt]`` is
covered by smaller steps (a :func:`jax.lax.while_loop`; usually one step suffices, since
``dt`` is the previous proposal). After each attempt the step size becomes

.. math::

   h_{new} = h \cdot \min\big(5, \max\big(0.2,\; 0.9\,(tol / err)^{1/(q+1)}\big)\big),

with ``q`` the lower order of the pair, and ``dt_new`` is the last of these proposals.

Note:
  BrainPy 2.3.5 summed ``|e|`` over the elements (so the tolerance depended on the size of
  a population), used the exponent ``1/5`` for every pair, never let ``dt`` grow and
  accepted every step whatever its error; here the maximum norm is used, the exponent
  follows the pair's order, ``dt`` grows where the error allows it and a step over ``tol``
  is redone in smaller steps. The sub-step loop is a ``while_loop``: forward-mode
  derivatives (:func:`jax.jvp`, :func:`jax.jacfwd`) go through it, reverse-mode ones do
  not (``adaptive=False`` is differentiable both ways). ``dt`` may be a number or an
  array of equal steps (2.3.5 passes one per element); ``dt_new`` has its shape.
  ``RKF12``'s estimate, ``h (k_3 - k_1) / 512``, tracks its error only for very small
  steps (tolerances below about ``1e-9``); prefer ``BogackiShampine`` or ``DormandPrince``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_dyn._src.integrators.base import IntegratorError, check_kws
from brainpy_dyn._src.integrators.ode.base import POP_VAR, ODEIntegrator
from brainpy_dyn._src.integrators.ode.explicit_rk import rk_keywords
from brainpy_dyn._src.integrators.runge_kutta import rk_combine, rk_stages

__all__ = [
    "AdaptiveRKIntegrator",
    "RKF12",
    "RKF45",
    "DormandPrince",
    "CashKarp",
    "BogackiShampine",
    "HeunEuler",
]

_SAFETY, _MIN_FACTOR, _MAX_FACTOR = 0.9, 0.2, 5.0
_MAX_ATTEMPTS = 1000  # per call; then the last attempt is accepted whatever its error


class AdaptiveRKIntegrator(ODEIntegrator):
    """An embedded Runge–Kutta pair with optional step-size control.

    BrainPy implementation of ``brainpy.ode.AdaptiveRKIntegrator`` (2.3.5). A subclass
    sets ``A``, ``B1`` (the propagated solution), ``B2`` (the embedded one), ``C``,
    ``order`` (of ``B1``) and ``embedded_order`` (of ``B2``).

    Args:
      f: the derivative function (see :class:`ODEIntegrator`).
      var_type: the variable type; ``None`` means ``'population'``.
      dt: the default step.
      name: the integrator's name.
      adaptive: ``True``: each call returns the next step after the new state(s)
        (default ``False``: a fixed-step method of order ``order``).
      tol: the local error tolerance of the step-size controller (default ``0.1``).
      show_code: print the scheme.
      state_delays: variable name -> delay variable updated with the new state.
      neutral_delays: variable name -> neutral delay variable.

    Raises:
      CodeError: an argument of ``f`` is a reserved name (as for explicit Runge–Kutta
        methods, plus ``tol``, ``error``, ``dt_new``, ``<v>_te`` when adaptive).
      IntegratorError: a non-positive ``tol``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.ode.RKF45(lambda x, t: -x, adaptive=True, tol=1e-6)
      >>> x, dt = itg(1.0, 0.0, dt=0.5)
      >>> abs(float(x) - 0.60653066) < 1e-4, float(dt) < 0.5   # exact: e^-0.5
      (True, True)
    """

    A: Sequence[Sequence[float]] = ()
    B1: Sequence[float] = ()
    B2: Sequence[float] = ()
    C: Sequence[float] = ()
    order: int = 0
    embedded_order: int = 0

    def __init__(
        self,
        f: Callable[..., Any],
        var_type: str | None = None,
        dt: float | None = None,
        name: str | None = None,
        adaptive: bool | None = None,
        tol: float | None = None,
        show_code: bool = False,
        state_delays: dict[str, Any] | None = None,
        neutral_delays: dict[str, Any] | None = None,
    ):
        super().__init__(
            f,
            var_type=POP_VAR if var_type is None else var_type,
            dt=dt,
            name=name,
            show_code=show_code,
            state_delays=state_delays,
            neutral_delays=neutral_delays,
        )
        self.adaptive = False if adaptive is None else bool(adaptive)
        self.tol = 0.1 if tol is None else tol
        if isinstance(self.tol, bool) or not isinstance(self.tol, (int, float)) or not self.tol > 0:
            raise IntegratorError(f"{self._name}: tol must be a positive number, got tol={tol!r}.")
        keywords = rk_keywords(self._variables, len(self.A))
        if self.adaptive:
            keywords["dt_new"] = "the next step"
            keywords["tol"] = "the error tolerance"
            keywords["error"] = "the local error estimate"
            for v in self._variables:
                keywords[f"{v}_te"] = "the local error estimate of a variable"
        check_kws(self.arg_names, keywords)
        self._a = tuple(tuple(float(w) for w in row) for row in self.A)
        self._b1 = tuple(float(w) for w in self.B1)
        self._b2 = tuple(float(w) for w in self.B2)
        self._c = tuple(float(c) for c in self.C)
        self._diff = tuple(w1 - w2 for w1, w2 in zip(self._b1, self._b2))
        self._exponent = 1.0 / (min(self.order, self.embedded_order) + 1)
        self.build()

    def step(self, rhs: Any, xs: tuple[jax.Array, ...], t: Any, dt: Any) -> Any:
        """One step of the pair; with ``adaptive``, sub-steps under ``tol`` and the next step."""
        if not self.adaptive:
            return rk_combine(xs, rk_stages(rhs, xs, t, dt, self._a, self._c), self._b1, dt)
        dt_arr = jnp.asarray(dt)
        dtype = jnp.result_type(*xs)
        total = jnp.max(dt_arr).astype(dtype)
        t0 = jnp.asarray(t).astype(dtype)

        def attempt(xs_: tuple[jax.Array, ...], t_: Any, h: Any) -> tuple[Any, Any]:
            ks = rk_stages(rhs, xs_, t_, h, self._a, self._c)
            new = rk_combine(xs_, ks, self._b1, h)
            errs = [
                jnp.max(jnp.abs(h * sum(w * k[v] for w, k in zip(self._diff, ks) if w != 0)))
                for v in range(len(xs_))
            ]
            return new, jnp.max(jnp.stack(errs)).astype(dtype)

        def factor(err: Any) -> Any:
            safe = jnp.where(err > 0, err, 1.0)
            f = jnp.where(err > 0, _SAFETY * (self.tol / safe) ** self._exponent, _MAX_FACTOR)
            return jnp.clip(f, _MIN_FACTOR, _MAX_FACTOR).astype(dtype)

        def accepted(err: Any, n: Any) -> Any:
            return (err <= self.tol) | ~jnp.isfinite(err) | (n >= _MAX_ATTEMPTS)

        # The first attempt, over the whole step, fixes the shapes of the loop's state.
        new0, err0 = attempt(xs, t0, total)
        new0 = tuple(n.astype(dtype) for n in new0)
        xs0 = tuple(jnp.broadcast_to(x, n.shape).astype(dtype) for x, n in zip(xs, new0))
        ok0 = accepted(err0, 1)
        state0 = (
            tuple(jnp.where(ok0, n, x) for n, x in zip(new0, xs0)),
            jnp.where(ok0, jnp.zeros((), dtype), total),  # time left to cover
            total * factor(err0),  # the next step to try
            jnp.asarray(1, jnp.int32),
        )

        def cond(state: Any) -> Any:
            return state[1] > 0

        def body(state: Any) -> Any:
            xs_, left, h, n = state
            h_try = jnp.minimum(h, left)
            new, err = attempt(xs_, t0 + (total - left), h_try)
            ok = accepted(err, n + 1)
            xs_ = tuple(jnp.where(ok, a.astype(dtype), b) for a, b in zip(new, xs_))
            # A step cut short to land on t + dt keeps the untruncated proposal.
            h_next = jnp.where(ok & (h_try < h), h, h_try * factor(err))
            return xs_, jnp.where(ok, left - h_try, left), h_next, n + 1

        xs_end, _, h_end, _ = jax.lax.while_loop(cond, body, state0)
        return xs_end, jnp.broadcast_to(h_end, dt_arr.shape).astype(
            dt_arr.dtype if jnp.issubdtype(dt_arr.dtype, jnp.inexact) else dtype
        )

    def _finish(self, new: Any, xs: tuple[jax.Array, ...]) -> Any:
        if not self.adaptive:
            return super()._finish(new, xs)
        values, dt_new = new
        out = super()._finish(values, xs)
        return (*out, dt_new) if isinstance(out, tuple) else (out, dt_new)

    def describe(self) -> str:
        """The pair's stages, both solutions and the controller, as text."""
        lines = [
            f"{type(self).__name__}: embedded Runge-Kutta {self.order}({self.embedded_order}), "
            f"{len(self._b1)} stages, adaptive={self.adaptive}, tol={self.tol:g}"
        ]
        for i, (row, ci) in enumerate(zip(self._a, self._c)):
            terms = " + ".join(f"{w:g}*k{j + 1}" for j, w in enumerate(row) if w != 0)
            lines.append(
                f"  k{i + 1} = f({'x + dt*(' + terms + ')' if terms else 'x'}, t + {ci:g}*dt)"
            )
        lines.append(
            "  x_new = x + dt*("
            + " + ".join(f"{w:g}*k{j + 1}" for j, w in enumerate(self._b1) if w)
            + ")"
        )
        if self.adaptive:
            lines.append(
                "  error = max|dt*("
                + " + ".join(f"{w:g}*k{j + 1}" for j, w in enumerate(self._diff) if w)
                + ")|"
            )
            lines.append(f"  dt_new = dt * clip(0.9*(tol/error)**{self._exponent:g}, 0.2, 5)")
        return "\n".join(lines)


def _pair(
    name: str,
    summary: str,
    a: Sequence[Sequence[float]],
    b1: Sequence[float],
    b2: Sequence[float],
    c: Sequence[float],
    order: int,
    embedded_order: int,
) -> type[AdaptiveRKIntegrator]:
    doc = f"""{summary}

    BrainPy implementation of ``brainpy.ode.{name}`` (2.3.5): {len(b1)} stages, the
    propagated solution of order {order} with an embedded one of order {embedded_order}.
    Arguments as :class:`AdaptiveRKIntegrator`.

    Examples:
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.ode.{name}(lambda x, t: -x, adaptive=True, tol=1e-3)
      >>> x, dt_new = itg(1.0, 0.0, dt=0.01)
      >>> abs(float(x) - 0.99004983) < 1e-4
      True
    """
    cls = type(
        name,
        (AdaptiveRKIntegrator,),
        {
            "A": tuple(tuple(row) for row in a),
            "B1": tuple(b1),
            "B2": tuple(b2),
            "C": tuple(c),
            "order": order,
            "embedded_order": embedded_order,
            "__doc__": doc,
        },
    )
    cls.__module__ = __name__
    cls.__qualname__ = name
    return cls


# Fehlberg (1969), RK1(2): the second-order solution is propagated (as in BrainPy 2.3.5).
RKF12 = _pair(
    "RKF12",
    "The Runge–Kutta–Fehlberg 1(2) pair.",
    ((), (1 / 2,), (1 / 256, 255 / 256)),
    (1 / 512, 255 / 256, 1 / 512),
    (1 / 256, 255 / 256, 0.0),
    (0.0, 1 / 2, 1.0),
    2,
    1,
)
# Fehlberg (1969), RK4(5): the fifth-order solution is propagated (local extrapolation).
RKF45 = _pair(
    "RKF45",
    "The Runge–Kutta–Fehlberg 4(5) pair.",
    (
        (),
        (1 / 4,),
        (3 / 32, 9 / 32),
        (1932 / 2197, -7200 / 2197, 7296 / 2197),
        (439 / 216, -8.0, 3680 / 513, -845 / 4104),
        (-8 / 27, 2.0, -3544 / 2565, 1859 / 4104, -11 / 40),
    ),
    (16 / 135, 0.0, 6656 / 12825, 28561 / 56430, -9 / 50, 2 / 55),
    (25 / 216, 0.0, 1408 / 2565, 2197 / 4104, -1 / 5, 0.0),
    (0.0, 1 / 4, 3 / 8, 12 / 13, 1.0, 1 / 2),
    5,
    4,
)
# Dormand & Prince (1980), RK5(4)7M.
DormandPrince = _pair(
    "DormandPrince",
    "The Dormand–Prince 5(4) pair.",
    (
        (),
        (1 / 5,),
        (3 / 40, 9 / 40),
        (44 / 45, -56 / 15, 32 / 9),
        (19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729),
        (9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656),
        (35 / 384, 0.0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84),
    ),
    (35 / 384, 0.0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0.0),
    (5179 / 57600, 0.0, 7571 / 16695, 393 / 640, -92097 / 339200, 187 / 2100, 1 / 40),
    (0.0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1.0, 1.0),
    5,
    4,
)
# Cash & Karp (1990): the fifth-order solution is propagated.
CashKarp = _pair(
    "CashKarp",
    "The Cash–Karp 5(4) pair.",
    (
        (),
        (1 / 5,),
        (3 / 40, 9 / 40),
        (3 / 10, -9 / 10, 6 / 5),
        (-11 / 54, 5 / 2, -70 / 27, 35 / 27),
        (1631 / 55296, 175 / 512, 575 / 13824, 44275 / 110592, 253 / 4096),
    ),
    (37 / 378, 0.0, 250 / 621, 125 / 594, 0.0, 512 / 1771),
    (2825 / 27648, 0.0, 18575 / 48384, 13525 / 55296, 277 / 14336, 1 / 4),
    (0.0, 1 / 5, 3 / 10, 3 / 5, 1.0, 7 / 8),
    5,
    4,
)
# Bogacki & Shampine (1989), RK3(2).
BogackiShampine = _pair(
    "BogackiShampine",
    "The Bogacki–Shampine 3(2) pair.",
    ((), (1 / 2,), (0.0, 3 / 4), (2 / 9, 1 / 3, 4 / 9)),
    (2 / 9, 1 / 3, 4 / 9, 0.0),
    (7 / 24, 1 / 4, 1 / 3, 1 / 8),
    (0.0, 1 / 2, 3 / 4, 1.0),
    3,
    2,
)
# Heun's method with Euler's as the embedded first-order solution.
HeunEuler = _pair(
    "HeunEuler",
    "The Heun–Euler 2(1) pair.",
    ((), (1.0,)),
    (1 / 2, 1 / 2),
    (1.0, 0.0),
    (0.0, 1.0),
    2,
    1,
)

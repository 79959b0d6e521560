r"""Euler, Heun, Milstein and exponential Euler schemes for SDEs.

Notation: one step of size ``h`` from ``x`` at ``t``; ``f = f(x, t)``, ``g = g(x, t)``,
``ΔW = √h ξ`` the Wiener increment (``g ΔW`` is summed over the noise sources for a vector
Wiener process).

=====================  ===========  =================  =========================
class                  integrals    Wiener processes   strong order
=====================  ===========  =================  =========================
:class:`Euler`         Itô, Str.    scalar, vector     1/2 (1 for additive noise)
:class:`Heun`          Str.         scalar, vector     1 for commutative noise
:class:`Milstein`      Itô, Str.    scalar, vector     1 (commutative noise)
:class:`MilsteinGradFree`  Itô, Str.  scalar           1
:class:`ExponentialEuler`  Itô      scalar, vector     1/2 (exact linear drift)
=====================  ===========  =================  =========================
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_dyn._src.integrators.constants import ITO_SDE, SCALAR_WIENER, STRA_SDE, VECTOR_WIENER
from brainpy_dyn._src.integrators.exponential import exp_euler_step
from brainpy_dyn._src.integrators.sde.base import SDECall, SDEIntegrator

__all__ = ["Euler", "Heun", "Milstein", "MilsteinGradFree", "ExponentialEuler"]


class Euler(SDEIntegrator):
    r"""The Euler–Maruyama (Itô) and Euler–Heun (Stratonovich) schemes.

    BrainPy implementation of ``brainpy.sde.Euler`` (2.3.5), ``sdeint(method='euler')``.

    Itô: ``x' = x + f h + g ΔW`` (strong order 1/2, weak order 1). Stratonovich: the
    diffusion is averaged over a predictor, ``x̄ = x + g ΔW``,
    ``x' = x + f h + ½ (g(x) + g(x̄)) ΔW``.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> ou = bd.integrators.sde.Euler(lambda x, t: -x, lambda x, t: 0.5, dt=0.1)
      >>> bm.random.seed(0)
      >>> ou(bm.zeros(3), 0.).shape
      (3,)
    """

    scheme = (
        "Ito: x_new = x + f(x, t) dt + g(x, t) dW\n"
        "Stratonovich: x_bar = x + g(x, t) dW;  "
        "x_new = x + f(x, t) dt + (g(x, t) + g(x_bar, t)) dW / 2"
    )

    def _scheme(self, c: SDECall) -> Sequence[Any]:
        f0, g0 = c.drift(c.xs, c.t), c.diffusion(c.xs, c.t)
        dws = self.wiener(g0, c.xs, c.dt)
        if self.intg_type == ITO_SDE:
            return [x + f * c.dt + self.noise(g, w) for x, f, g, w in zip(c.xs, f0, g0, dws)]
        bars = [x + self.noise(g, w) for x, g, w in zip(c.xs, g0, dws)]
        g1 = c.diffusion(bars, c.t)
        return [
            x + f * c.dt + 0.5 * (self.noise(ga, w) + self.noise(gb, w))
            for x, f, ga, gb, w in zip(c.xs, f0, g0, g1, dws)
        ]


class Heun(SDEIntegrator):
    r"""The stochastic Heun scheme (Stratonovich integrals).

    BrainPy implementation of ``brainpy.sde.Heun`` (2.3.5), ``sdeint(method='heun',
    intg_type='Stratonovich')``: a predictor ``x̃ = x + f h + g ΔW``, then the trapezoidal
    average of drift and diffusion,
    ``x' = x + ½ (f(x) + f(x̃)) h + ½ (g(x) + g(x̃)) ΔW``.

    Note:
      BrainPy 2.3.5's ``Heun`` averaged only the diffusion (the :class:`Euler` Stratonovich
      step); averaging the drift too makes the deterministic part second order. Both
      converge to the Stratonovich solution. Only ``intg_type=STRA_SDE`` is accepted, as in
      2.3.5.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.sde.Heun(lambda x, t: -x, lambda x, t: 0.1 * x,
      ...                               intg_type='Stratonovich', dt=0.1)
      >>> bm.random.seed(0)
      >>> itg(bm.ones(2), 0.).shape
      (2,)
    """

    supported_intg_types = (STRA_SDE,)
    scheme = (
        "x_tilde = x + f(x, t) dt + g(x, t) dW\n"
        "x_new = x + (f(x, t) + f(x_tilde, t + dt)) dt / 2 + (g(x, t) + g(x_tilde, t + dt)) dW / 2"
    )

    def _scheme(self, c: SDECall) -> Sequence[Any]:
        f0, g0 = c.drift(c.xs, c.t), c.diffusion(c.xs, c.t)
        dws = self.wiener(g0, c.xs, c.dt)
        guess = [x + f * c.dt + self.noise(g, w) for x, f, g, w in zip(c.xs, f0, g0, dws)]
        f1, g1 = c.drift(guess, c.t + c.dt), c.diffusion(guess, c.t + c.dt)
        return [
            x + 0.5 * (fa + fb) * c.dt + 0.5 * (self.noise(ga, w) + self.noise(gb, w))
            for x, fa, fb, ga, gb, w in zip(c.xs, f0, f1, g0, g1, dws)
        ]


def _self_derivative(
    diffusion: Callable[[Sequence[jax.Array], Any], Any], xs: tuple[jax.Array, ...], t: Any, i: int
) -> jax.Array:
    """``∂g_i/∂x_i`` element by element (a forward-mode derivative along ones)."""

    def gi(xi: jax.Array) -> jax.Array:
        return diffusion([*xs[:i], xi, *xs[i + 1 :]], t)[i]

    _, dg = jax.jvp(gi, (xs[i],), (jnp.ones_like(xs[i]),))
    return dg


class Milstein(SDEIntegrator):
    r"""The Milstein scheme, strong order 1 (derivative by automatic differentiation).

    BrainPy implementation of ``brainpy.sde.Milstein`` (2.3.5), ``sdeint(method='milstein')``:

    .. math::

       x' = x + f h + g ΔW + \tfrac12 g\,g' (ΔW^2 - h)\ \text{(Itô)},\qquad
       x' = x + f h + g ΔW + \tfrac12 g\,g' ΔW^2\ \text{(Stratonovich)},

    with ``g' = ∂g/∂x`` taken element by element by :func:`jax.jvp` (noise on each element
    driven by that element). With a vector Wiener process the correction is
    ``½ [(Σ_k g_k ΔW_k)(Σ_k g'_k ΔW_k) − h Σ_k g_k g'_k]`` (Itô; without the ``h`` term for
    Stratonovich), the Milstein term of commutative noise.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> gbm = bd.integrators.sde.Milstein(lambda x, t: 0.5 * x, lambda x, t: 0.8 * x, dt=0.01)
      >>> bm.random.seed(0)
      >>> gbm(bm.ones(4), 0.).shape
      (4,)
    """

    scheme = (
        "g' = d g(x, t) / d x (element-wise, jax.jvp)\n"
        "Ito: x_new = x + f dt + g dW + g g' (dW^2 - dt) / 2\n"
        "Stratonovich: x_new = x + f dt + g dW + g g' dW^2 / 2"
    )

    def _scheme(self, c: SDECall) -> Sequence[Any]:
        f0, g0 = c.drift(c.xs, c.t), c.diffusion(c.xs, c.t)
        dws = self.wiener(g0, c.xs, c.dt)
        ito = self.intg_type == ITO_SDE
        new = []
        for i, (x, f, g, w) in enumerate(zip(c.xs, f0, g0, dws)):
            if g is None:
                new.append(x + f * c.dt)
                continue
            dg = _self_derivative(c.diffusion, c.xs, c.t, i)
            if self.wiener_type == VECTOR_WIENER:
                square = jnp.sum(g * w, axis=-1) * jnp.sum(dg * w, axis=-1)
                if ito:
                    square = square - c.dt * jnp.sum(g * dg, axis=-1)
                correction = 0.5 * square
            else:
                correction = 0.5 * g * dg * (w * w - c.dt if ito else w * w)
            new.append(x + f * c.dt + self.noise(g, w) + correction)
        return new


class MilsteinGradFree(SDEIntegrator):
    r"""The derivative-free Milstein scheme (Runge–Kutta form), strong order 1.

    BrainPy implementation of ``brainpy.sde.MilsteinGradFree`` (2.3.5),
    ``sdeint(method='milstein2')`` (also ``'milstein_grad_free'``). ``g g'`` is replaced by a
    difference of ``g``:

    * Itô: ``x̄ = x + f h + g √h``,
      ``x' = x + f h + g ΔW + (g(x̄) − g)(ΔW² − h) / (2√h)``;
    * Stratonovich: ``x^± = x ± g √h``,
      ``x' = x + f h + g ΔW + (g(x⁺) − g(x⁻)) ΔW² / (4√h)``.

    Note:
      The Stratonovich step uses a centred difference: the one-sided difference of 2.3.5
      (with the drift in ``x̄``) leaves an ``O(h^{3/2})`` mean error per step (``ΔW²`` has
      mean ``h``), which lowers the strong order to 1/2. Scalar Wiener processes only.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.sde.MilsteinGradFree(lambda x, t: 0.5 * x, lambda x, t: 0.8 * x)
      >>> bm.random.seed(0)
      >>> itg(bm.ones(2), 0., dt=0.01).shape
      (2,)
    """

    supported_wiener_types = (SCALAR_WIENER,)
    scheme = (
        "Ito: x_bar = x + f dt + g sqrt(dt);  "
        "x_new = x + f dt + g dW + (g(x_bar) - g) (dW^2 - dt) / (2 sqrt(dt))\n"
        "Stratonovich: x_pm = x +- g sqrt(dt);  "
        "x_new = x + f dt + g dW + (g(x_p) - g(x_m)) dW^2 / (4 sqrt(dt))"
    )

    def _scheme(self, c: SDECall) -> Sequence[Any]:
        f0, g0 = c.drift(c.xs, c.t), c.diffusion(c.xs, c.t)
        dws = self.wiener(g0, c.xs, c.dt)
        sqrt_dt = jnp.sqrt(c.dt)
        if self.intg_type == ITO_SDE:
            support = [
                x + f * c.dt + (0.0 if g is None else g * sqrt_dt) for x, f, g in zip(c.xs, f0, g0)
            ]
            g_hi, g_lo, scale = c.diffusion(support, c.t), g0, 2 * sqrt_dt
        else:
            plus = [x if g is None else x + g * sqrt_dt for x, g in zip(c.xs, g0)]
            minus = [x if g is None else x - g * sqrt_dt for x, g in zip(c.xs, g0)]
            g_hi, g_lo, scale = c.diffusion(plus, c.t), c.diffusion(minus, c.t), 4 * sqrt_dt
        new = []
        for x, f, g, hi, lo, w in zip(c.xs, f0, g0, g_hi, g_lo, dws):
            if g is None:
                new.append(x + f * c.dt)
                continue
            square = w * w - c.dt if self.intg_type == ITO_SDE else w * w
            new.append(x + f * c.dt + g * w + (hi - lo) * square / scale)
        return new


class ExponentialEuler(SDEIntegrator):
    r"""Exponential Euler for the drift, Euler–Maruyama for the noise (Itô).

    BrainPy implementation of ``brainpy.sde.ExponentialEuler`` (2.3.5),
    ``sdeint(method='exp_euler')`` (also ``'exponential_euler'``, ``'exp_euler_auto'``,
    ``'exp_auto'``):

    .. math::

       x' = x + h\,\varphi(hA)\,f(x, t) + g\,ΔW,\qquad \varphi(z) = (e^z - 1)/z,

    with ``A = ∂f/∂x`` element by element (:func:`jax.jvp`): exact for a linear drift
    without noise, stable for stiff linear decays. Itô integrals only (2.3.5 raised
    ``NotImplementedError`` for Stratonovich; so does this class).

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.sde.ExponentialEuler(lambda V, t: -V / 10., lambda V, t: 0.)
      >>> round(float(itg(1., 0., dt=10.)), 4)   # e^-1: the noise is zero
      0.3679
    """

    supported_intg_types = (ITO_SDE,)
    scheme = (
        "A = d f(x, t) / d x (element-wise, jax.jvp)\n"
        "x_new = x + dt * (exp(A dt) - 1) / (A dt) * f(x, t) + g(x, t) dW"
    )

    def __init__(
        self,
        f: Callable[..., Any],
        g: Callable[..., Any],
        dt: float | None = None,
        name: str | None = None,
        show_code: bool = False,
        var_type: str | None = None,
        intg_type: str | None = None,
        wiener_type: str | None = None,
        dyn_vars: Any = None,
        state_delays: dict[str, Any] | None = None,
    ):
        if isinstance(intg_type, str) and intg_type.lower() == STRA_SDE.lower():
            raise NotImplementedError(
                f"ExponentialEuler integrates {ITO_SDE} SDEs only, got intg_type={intg_type!r}; "
                "use Heun, Euler or Milstein for Stratonovich SDEs."
            )
        super().__init__(
            f,
            g,
            dt=dt,
            name=name,
            show_code=show_code,
            var_type=var_type,
            intg_type=intg_type,
            wiener_type=wiener_type,
            state_delays=state_delays,
            dyn_vars=dyn_vars,
        )

    def _scheme(self, c: SDECall) -> Sequence[Any]:
        g0 = c.diffusion(c.xs, c.t)
        dws = self.wiener(g0, c.xs, c.dt)
        deterministic = exp_euler_step(c.drift, c.xs, c.t, c.dt)
        return [x + self.noise(g, w) for x, g, w in zip(deterministic, g0, dws)]

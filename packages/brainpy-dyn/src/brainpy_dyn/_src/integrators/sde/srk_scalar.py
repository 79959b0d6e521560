r"""Stochastic Runge–Kutta schemes of Rößler (SRI) and Kloeden–Platen for scalar noise.

An SRI scheme for the Itô SDE ``dx = f dt + g dW`` (Rößler 2010) takes ``s`` stages

.. math::

   H^{(0)}_i &= x + h \sum_j A^{(0)}_{ij} f(H^{(0)}_j) + \frac{I_{(1,0)}}{h}
               \sum_j B^{(0)}_{ij} g(H^{(1)}_j) \\
   H^{(1)}_i &= x + h \sum_j A^{(1)}_{ij} f(H^{(0)}_j) + \sqrt{h}
               \sum_j B^{(1)}_{ij} g(H^{(1)}_j) \\
   x' &= x + h \sum_i \alpha_i f(H^{(0)}_i) + \sum_i \Big(\beta^{(1)}_i I_{(1)}
        + \beta^{(2)}_i \frac{I_{(1,1)}}{\sqrt h} + \beta^{(3)}_i \frac{I_{(1,0)}}{h}
        + \beta^{(4)}_i \frac{I_{(1,1,1)}}{h}\Big) g(H^{(1)}_i)

(``f`` at ``t + c^{(0)}_i h``, ``g`` at ``t + c^{(1)}_i h``) with the iterated integrals
``I_(1) = ΔW``, ``I_(1,1) = (ΔW² − h)/2``, ``I_(1,1,1) = (ΔW³ − 3hΔW)/6`` and
``I_(1,0) = h (ΔW + ΔZ/√3)/2``, where ``ΔZ = √h ζ`` is a second normal draw independent
of ``ΔW``. Each element of a variable has its own Wiener process (scalar/diagonal noise).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import jax.numpy as jnp

from brainpy_dyn._src.integrators.constants import ITO_SDE, SCALAR_WIENER
from brainpy_dyn._src.integrators.sde.base import SDECall, SDEIntegrator

__all__ = ["SRK1W1", "SRK2W1", "KlPl"]


class _SRITableau(NamedTuple):
    c0: tuple[float, ...]
    c1: tuple[float, ...]
    a0: tuple[tuple[float, ...], ...]  # strictly lower triangular, row i has i entries
    a1: tuple[tuple[float, ...], ...]
    b0: tuple[tuple[float, ...], ...]
    b1: tuple[tuple[float, ...], ...]
    alpha: tuple[float, ...]
    beta1: tuple[float, ...]
    beta2: tuple[float, ...]
    beta3: tuple[float, ...]
    beta4: tuple[float, ...]


# Rößler (2010), SIAM J. Numer. Anal. 48(3): SRI1W1 (strong 1.5, weak 2) and SRI2W1
# (strong 1.5, deterministic order 3).
SRI1W1 = _SRITableau(
    c0=(0.0, 3 / 4, 0.0, 0.0),
    c1=(0.0, 1 / 4, 1.0, 1 / 4),
    a0=((), (3 / 4,), (0.0, 0.0), (0.0, 0.0, 0.0)),
    a1=((), (1 / 4,), (1.0, 0.0), (0.0, 0.0, 1 / 4)),
    b0=((), (3 / 2,), (0.0, 0.0), (0.0, 0.0, 0.0)),
    b1=((), (1 / 2,), (-1.0, 0.0), (-5.0, 3.0, 1 / 2)),
    alpha=(1 / 3, 2 / 3, 0.0, 0.0),
    beta1=(-1.0, 4 / 3, 2 / 3, 0.0),
    beta2=(-1.0, 4 / 3, -1 / 3, 0.0),
    beta3=(2.0, -4 / 3, -2 / 3, 0.0),
    beta4=(-2.0, 5 / 3, -2 / 3, 1.0),
)
SRI2W1 = _SRITableau(
    c0=(0.0, 1.0, 1 / 2, 0.0),
    c1=(0.0, 1 / 4, 1.0, 1 / 4),
    a0=((), (1.0,), (1 / 4, 1 / 4), (0.0, 0.0, 0.0)),
    a1=((), (1 / 4,), (1.0, 0.0), (0.0, 0.0, 1 / 4)),
    b0=((), (0.0,), (1.0, 1 / 2), (0.0, 0.0, 0.0)),
    b1=((), (-1 / 2,), (1.0, 0.0), (2.0, -1.0, 1 / 2)),
    alpha=(1 / 6, 1 / 6, 2 / 3, 0.0),
    beta1=(-1.0, 4 / 3, 2 / 3, 0.0),
    beta2=(1.0, -4 / 3, 1 / 3, 0.0),
    beta3=(2.0, -4 / 3, -2 / 3, 0.0),
    beta4=(-2.0, 5 / 3, -2 / 3, 1.0),
)
# Kloeden & Platen's derivative-free order-1.0 scheme in the same form (two stages).
KLPL = _SRITableau(
    c0=(0.0, 0.0),
    c1=(0.0, 0.0),
    a0=((), (0.0,)),
    a1=((), (1.0,)),
    b0=((), (0.0,)),
    b1=((), (1.0,)),
    alpha=(1.0, 0.0),
    beta1=(1.0, 0.0),
    beta2=(-1.0, 1.0),
    beta3=(0.0, 0.0),
    beta4=(0.0, 0.0),
)


def _combine(x: Any, terms: Sequence[tuple[float, Any]], scale: Any) -> Any:
    """``x + scale * Σ c v`` over the non-zero coefficients (``v`` may be ``None``)."""
    acc = None
    for coef, value in terms:
        if coef == 0.0 or value is None:
            continue
        acc = coef * value if acc is None else acc + coef * value
    return x if acc is None else x + scale * acc


def _describe(tab: _SRITableau, name: str) -> str:
    return (
        f"{name}: stochastic Runge-Kutta (SRI form), {len(tab.alpha)} stages\n"
        f"  c0={tab.c0}, c1={tab.c1}\n  A0={tab.a0}\n  A1={tab.a1}\n  B0={tab.b0}\n"
        f"  B1={tab.b1}\n  alpha={tab.alpha}\n  beta1={tab.beta1}\n  beta2={tab.beta2}\n"
        f"  beta3={tab.beta3}\n  beta4={tab.beta4}"
    )


class _SRIScheme(SDEIntegrator):
    """An SRI scheme given by a tableau: Itô integrals and scalar Wiener processes only."""

    supported_intg_types = (ITO_SDE,)
    supported_wiener_types = (SCALAR_WIENER,)
    tableau: _SRITableau = KLPL
    uses_area: bool = True  # whether the scheme needs I_(1,0) (a second normal draw)

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
        state_delays: dict[str, Any] | None = None,
    ):
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
        )

    def describe(self) -> str:
        """The scheme's tableau."""
        return _describe(self.tableau, type(self).__name__)

    def _scheme(self, c: SDECall) -> Sequence[Any]:
        tab, h, xs, n = self.tableau, c.dt, c.xs, len(c.xs)
        sqrt_h = jnp.sqrt(h)
        g_first = c.diffusion(xs, c.t + tab.c1[0] * h)
        dws = self.wiener(g_first, xs, h)
        dzs = self.wiener(g_first, xs, h) if self.uses_area else (None,) * n
        i10 = [
            None if w is None or z is None else 0.5 * h * (w + z / jnp.sqrt(3.0))
            for w, z in zip(dws, dzs)
        ]
        fs: list[tuple[Any, ...]] = [c.drift(xs, c.t + tab.c0[0] * h)]
        gs: list[tuple[Any, ...]] = [g_first]
        for i in range(1, len(tab.alpha)):
            h0 = [
                _combine(x, [(a, f[k]) for a, f in zip(tab.a0[i], fs)], h) for k, x in enumerate(xs)
            ]
            h0 = [
                x if a is None else _combine(x, [(b, g[k]) for b, g in zip(tab.b0[i], gs)], a / h)
                for k, (x, a) in enumerate(zip(h0, i10))
            ]
            h1 = [
                _combine(x, [(a, f[k]) for a, f in zip(tab.a1[i], fs)], h) for k, x in enumerate(xs)
            ]
            h1 = [
                _combine(x, [(b, g[k]) for b, g in zip(tab.b1[i], gs)], sqrt_h)
                for k, x in enumerate(h1)
            ]
            fs.append(c.drift(h0, c.t + tab.c0[i] * h))
            gs.append(c.diffusion(h1, c.t + tab.c1[i] * h))
        new = []
        for k, x in enumerate(xs):
            value = _combine(x, [(a, f[k]) for a, f in zip(tab.alpha, fs)], h)
            w = dws[k]
            if w is not None:
                i11 = 0.5 * (w * w - h) / sqrt_h
                i111 = (w * w * w - 3 * h * w) / (6 * h)
                area = i10[k] / h if i10[k] is not None else 0.0
                for j, g in enumerate(gs):
                    if g[k] is None:
                        continue
                    weight = (
                        tab.beta1[j] * w
                        + tab.beta2[j] * i11
                        + tab.beta3[j] * area
                        + tab.beta4[j] * i111
                    )
                    value = value + weight * g[k]
            new.append(value)
        return new


class SRK1W1(_SRIScheme):
    r"""Rößler's SRI1W1 scheme: strong order 1.5, weak order 2 (Itô, scalar noise).

    BrainPy implementation of ``brainpy.sde.SRK1W1`` (2.3.5), ``sdeint(method='srk1w1_scalar')``.
    Four stages (see the module documentation for the SRI form) with
    ``c⁰ = (0, ¾, 0, 0)``, ``c¹ = (0, ¼, 1, ¼)``, ``A⁰₂₁ = ¾``, ``B⁰₂₁ = 3/2``,
    ``A¹ = (¼; 1, 0; 0, 0, ¼)``, ``B¹ = (½; −1, 0; −5, 3, ½)``, ``α = (⅓, ⅔, 0, 0)``,
    ``β¹ = (−1, 4/3, ⅔, 0)``, ``β² = (−1, 4/3, −⅓, 0)``, ``β³ = (2, −4/3, −⅔, 0)``,
    ``β⁴ = (−2, 5/3, −⅔, 1)``.

    Raises:
      SDEMethodError: (also an ``AssertionError``, as in 2.3.5) a Stratonovich integral
        or a vector Wiener process.

    References:
      A. Rößler, "Runge–Kutta methods for the strong approximation of solutions of
      stochastic differential equations", SIAM J. Numer. Anal. 48(3): 922–952, 2010.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.sde.SRK1W1(lambda x, t: 0.5 * x, lambda x, t: 0.8 * x, dt=0.01)
      >>> bm.random.seed(0)
      >>> itg(bm.ones(3), 0.).shape
      (3,)
    """

    tableau = SRI1W1


class SRK2W1(_SRIScheme):
    r"""Rößler's SRI2W1 scheme: strong order 1.5, deterministic order 3 (Itô, scalar noise).

    BrainPy implementation of ``brainpy.sde.SRK2W1`` (2.3.5), ``sdeint(method='srk2w1_scalar')``.
    Four stages with ``c⁰ = (0, 1, ½, 0)``, ``c¹ = (0, ¼, 1, ¼)``,
    ``A⁰ = (1; ¼, ¼)``, ``B⁰₃ = (1, ½)``, ``A¹ = (¼; 1, 0; 0, 0, ¼)``,
    ``B¹ = (−½; 1, 0; 2, −1, ½)``, ``α = (⅙, ⅙, ⅔, 0)``, ``β¹ = (−1, 4/3, ⅔, 0)``,
    ``β² = (1, −4/3, ⅓, 0)``, ``β³ = (2, −4/3, −⅔, 0)``, ``β⁴ = (−2, 5/3, −⅔, 1)``.

    Raises:
      SDEMethodError: a Stratonovich integral or a vector Wiener process.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.sde.SRK2W1(lambda x, t: -x, lambda x, t: 0.3, dt=0.01)
      >>> bm.random.seed(0)
      >>> itg(bm.zeros(3), 0.).shape
      (3,)
    """

    tableau = SRI2W1


class KlPl(_SRIScheme):
    r"""Kloeden and Platen's derivative-free scheme of strong order 1 (Itô, scalar noise).

    BrainPy implementation of ``brainpy.sde.KlPl`` (2.3.5), ``sdeint(method='klpl_scalar')``:
    ``x̄ = x + f h + g √h``, ``x' = x + f h + g ΔW + (g(x̄) − g) (ΔW² − h) / (2√h)``.

    Raises:
      SDEMethodError: a Stratonovich integral or a vector Wiener process.

    References:
      P. E. Kloeden, E. Platen, Numerical Solution of Stochastic Differential Equations,
      Springer, 1992, section 11.1.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> itg = bd.integrators.sde.KlPl(lambda x, t: -x, lambda x, t: 0.3 * x, dt=0.01)
      >>> bm.random.seed(0)
      >>> itg(bm.ones(3), 0.).shape
      (3,)
    """

    tableau = KLPL
    uses_area = False

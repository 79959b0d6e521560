r"""``sdeint``: one-step integrators of stochastic differential equations.

``dx = f(x, t, ...) dt + g(x, t, ...) dW``: ``f`` is the drift, ``g`` the diffusion, both
written like an ODE derivative (variables, then ``t``, then parameters). The Wiener
increments ``dW = \sqrt{dt}\,\xi`` draw ``\xi \sim N(0, 1)`` from
:data:`brainpy_math.random.DEFAULT`, so ``bm.random.seed`` makes paths reproducible and, in a
compiled loop, each step draws fresh numbers.

Methods (``ξ`` as above, ``ΔW = √dt ξ``):

* ``'euler'`` (Itô): Euler–Maruyama, ``x' = x + f dt + g ΔW``; strong order 1/2.
* ``'heun'`` (Stratonovich): ``x̃ = x + f dt + g ΔW``,
  ``x' = x + (f(x) + f(x̃)) dt/2 + (g(x) + g(x̃)) ΔW/2``.
* ``'milstein'`` (Itô or Stratonovich): Euler–Maruyama plus
  ``½ g ∂g/∂x (ΔW² − dt)`` (Itô) or ``½ g ∂g/∂x ΔW²`` (Stratonovich); ``∂g/∂x`` is taken
  element-wise by :func:`jax.jvp` (diagonal noise); strong order 1.
* ``'milstein2'`` (= ``'milstein_grad_free'``): the same correction without derivatives,
  ``(g(x̄) − g(x)) (ΔW² − dt) / (2√dt)`` with ``x̄ = x + f dt + g √dt`` (Stratonovich:
  ``ΔW²`` instead of ``ΔW² − dt``, and ``x̄ = x + g √dt``).
* ``'exp_euler'`` (= ``'exponential_euler'``, ``'exp_auto'``; Itô): the drift by exponential
  Euler (exact for linear drifts, see ``odeint``), plus ``g ΔW``.

With ``wiener_type='scalar'`` (the default) every element of a variable has its own
independent Wiener process. With ``'vector'``, ``g`` returns an extra last axis of ``m``
noise sources per element and the noise term is ``Σ_k g[..., k] ΔW[..., k]`` (Euler and
Heun only).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.integrators.base import DiffEqError, ODEIntegrator, parse_signature
from brainpy_dyn._src.integrators.exponential import exp_euler_step

__all__ = ["SDEIntegrator", "sdeint", "get_supported_sde_methods"]

ITO, STRATONOVICH = "Ito", "Stratonovich"
SCALAR, VECTOR = "scalar", "vector"
_ALIASES = {
    "milstein_grad_free": "milstein2",
    "exponential_euler": "exp_euler",
    "exp_auto": "exp_euler",
}
# method -> the integral types it converges to
_METHODS = {
    "euler": (ITO,),
    "heun": (STRATONOVICH,),
    "milstein": (ITO, STRATONOVICH),
    "milstein2": (ITO, STRATONOVICH),
    "exp_euler": (ITO,),
}

Arrays = tuple[jax.Array, ...]


def get_supported_sde_methods() -> list[str]:
    """The names accepted by ``sdeint(method=...)``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> 'milstein' in bd.integrators.get_supported_sde_methods()
      True
    """
    return sorted({*_METHODS, *_ALIASES})


class SDEIntegrator(ODEIntegrator):
    """A numerical integrator of ``dx = f dt + g dW``; built by :func:`sdeint`.

    Called like an ODE integrator, ``integral(*variables, t, *arguments, dt=None)``, it
    returns the variables one step later, drawing the Wiener increments from
    :data:`brainpy_math.random.DEFAULT`.

    Attributes:
      g: the diffusion function.
      intg_type: ``'Ito'`` or ``'Stratonovich'``.
      wiener_type: ``'scalar'`` or ``'vector'``.
    """

    def __init__(
        self,
        f: Callable[..., Any],
        g: Callable[..., Any],
        method: str,
        dt: float | None,
        name: str | None,
        var_type: str | None,
        intg_type: str,
        wiener_type: str,
    ):
        super().__init__(f, method, _unused_ode_step, dt=dt, name=name, var_type=var_type)
        g_vars, g_args, _ = parse_signature(g, "sdeint (g)")
        if g_vars != self.variables or g_args != self.arguments:
            raise DiffEqError(
                f"sdeint: g must take the same arguments as f, "
                f"{[*self.variables, 't', *self.arguments]}, got "
                f"{[*g_vars, 't', *g_args]}."
            )
        self.g = g
        self.intg_type = intg_type
        self.wiener_type = wiener_type

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        xs, t, params, dt = self._bind(args, kwargs)
        n = len(xs)
        drift = self._rhs(self.f, params, n)
        diffusion = self._diffusion(params, n)
        g0 = diffusion(xs, t)
        dws = tuple(None if g is None else self._wiener(g, x, dt) for g, x in zip(g0, xs))
        key = _ALIASES.get(self.method, self.method)
        step = _Step(drift, diffusion, xs, t, dt, g0, dws, self.intg_type == ITO, self._noise_term)
        new = _STEPS[key](step)
        return self._result(new, xs)

    # ------------------------------------------------------------ noise
    def _diffusion(self, params: tuple[Any, ...], n: int) -> Callable[..., tuple[Any, ...]]:
        """``g`` as ``(xs, t) -> tuple of n arrays or None`` (``None``: no noise there)."""
        g = self.g

        def diffusion(xs_: Sequence[jax.Array], t_: Any) -> tuple[Any, ...]:
            out = g(*xs_, t_, *params)
            if n == 1 and not isinstance(out, (tuple, list)):
                out = (out,)
            if not isinstance(out, (tuple, list)) or len(out) != n:
                raise DiffEqError(
                    f"{self.name}: g must return {n} diffusion term(s) (None for a variable "
                    f"without noise), got {type(out).__name__}."
                )
            return tuple(None if o is None else jnp.asarray(bm.as_jax(o)) for o in out)

        return diffusion

    def _wiener(self, g: jax.Array, x: jax.Array, dt: Any) -> jax.Array:
        """Wiener increments ``√dt ξ`` shaped like ``x`` (scalar) or like ``g`` (vector)."""
        if self.wiener_type == VECTOR:
            if g.ndim != x.ndim + 1 or g.shape[:-1] != x.shape:
                raise DiffEqError(
                    f"{self.name}: with wiener_type='vector', g must have the variable's "
                    f"shape {x.shape} plus a last axis of noise sources, got {g.shape}."
                )
            shape = g.shape
        else:
            shape = x.shape
        xi = bm.as_jax(bm.random.normal(0.0, 1.0, size=shape)).astype(x.dtype)
        return jnp.sqrt(dt).astype(x.dtype) * xi

    def _noise_term(self, g: Any, dw: Any) -> Any:
        """``g dW`` (summed over the noise sources for a vector Wiener process)."""
        if g is None:
            return 0.0
        return jnp.sum(g * dw, axis=-1) if self.wiener_type == VECTOR else g * dw


def _unused_ode_step(*args: Any) -> Any:  # pragma: no cover - SDEIntegrator has its own __call__
    raise AssertionError("SDEIntegrator steps through its method table")


# ------------------------------------------------------------------ the methods
class _Step(NamedTuple):
    """What one step of every method needs."""

    drift: Callable[[Sequence[jax.Array], Any], Arrays]  # (xs, t) -> f
    diffusion: Callable[[Sequence[jax.Array], Any], tuple[Any, ...]]  # (xs, t) -> g
    xs: Arrays
    t: Any
    dt: Any
    g0: tuple[Any, ...]  # the diffusion at the start of the step
    dws: tuple[Any, ...]  # the Wiener increments
    ito: bool
    noise: Callable[[Any, Any], Any]  # (g, dW) -> g dW


def _euler(s: _Step) -> Arrays:
    f0 = s.drift(s.xs, s.t)
    return tuple(x + f * s.dt + s.noise(g, w) for x, f, g, w in zip(s.xs, f0, s.g0, s.dws))


def _exp_euler(s: _Step) -> Arrays:
    deterministic = exp_euler_step(s.drift, s.xs, s.t, s.dt)
    return tuple(x + s.noise(g, w) for x, g, w in zip(deterministic, s.g0, s.dws))


def _heun(s: _Step) -> Arrays:
    f0 = s.drift(s.xs, s.t)
    guess = tuple(x + f * s.dt + s.noise(g, w) for x, f, g, w in zip(s.xs, f0, s.g0, s.dws))
    f1, g1 = s.drift(guess, s.t + s.dt), s.diffusion(guess, s.t + s.dt)
    return tuple(
        x + 0.5 * (fa + fb) * s.dt + 0.5 * (s.noise(ga, w) + s.noise(gb, w))
        for x, fa, fb, ga, gb, w in zip(s.xs, f0, f1, s.g0, g1, s.dws)
    )


def _milstein(s: _Step) -> Arrays:
    xs, t = s.xs, s.t
    f0 = s.drift(xs, t)
    new = []
    for i, (x, f, g, w) in enumerate(zip(xs, f0, s.g0, s.dws)):
        if g is None:
            new.append(x + f * s.dt)
            continue

        def gi(xi: jax.Array, i: int = i) -> jax.Array:
            return s.diffusion([*xs[:i], xi, *xs[i + 1 :]], t)[i]

        _, dg = jax.jvp(gi, (x,), (jnp.ones_like(x),))
        square = w * w - s.dt if s.ito else w * w
        new.append(x + f * s.dt + g * w + 0.5 * g * dg * square)
    return tuple(new)


def _milstein2(s: _Step) -> Arrays:
    f0 = s.drift(s.xs, s.t)
    sqrt_dt = jnp.sqrt(s.dt)
    # Ito: the support point of Kloeden & Platen's scheme. Stratonovich: without the drift,
    # whose O(dt^1.5) bias per step (through E[dW^2] = dt) would cost the order.
    support = tuple(
        x + (f * s.dt if s.ito else 0.0) + (0.0 if g is None else g * sqrt_dt)
        for x, f, g in zip(s.xs, f0, s.g0)
    )
    g_bar = s.diffusion(support, s.t)
    new = []
    for x, f, g, gb, w in zip(s.xs, f0, s.g0, g_bar, s.dws):
        if g is None:
            new.append(x + f * s.dt)
            continue
        square = w * w - s.dt if s.ito else w * w
        new.append(x + f * s.dt + g * w + (gb - g) * square / (2 * sqrt_dt))
    return tuple(new)


_STEPS: dict[str, Callable[[_Step], Arrays]] = {
    "euler": _euler,
    "exp_euler": _exp_euler,
    "heun": _heun,
    "milstein": _milstein,
    "milstein2": _milstein2,
}


def _normalize_intg_type(intg_type: Any) -> str:
    if intg_type is None:
        return ITO
    names = {"ito": ITO, "ito_sde": ITO, "stratonovich": STRATONOVICH, "stra_sde": STRATONOVICH}
    key = str(intg_type).lower() if isinstance(intg_type, str) else None
    if key not in names:
        raise ValueError(
            f"sdeint: intg_type must be 'Ito' or 'Stratonovich', got intg_type={intg_type!r}."
        )
    return names[key]


def sdeint(
    f: Callable[..., Any] | None = None,
    g: Callable[..., Any] | None = None,
    method: str = "euler",
    dt: float | None = None,
    name: str | None = None,
    show_code: bool = False,
    var_type: str | None = None,
    intg_type: str | None = None,
    wiener_type: str | None = None,
    state_delays: Any = None,
) -> Any:
    """Build a numerical integrator of a stochastic differential equation.

    BrainPy implementation of ``brainpy.sdeint`` (2.3.5): ``dx = f dt + g dW``, with the drift
    ``f(x, t, *args)`` and the diffusion ``g(x, t, *args)`` written like ``odeint``
    derivatives (several variables: ``f(V, w, t, I)`` returns two drifts and ``g`` two
    diffusions, ``None`` for a variable without noise). The integrator is called like an
    ODE integrator and draws its Wiener increments from ``brainpy_math.random.DEFAULT``.
    See the module documentation for the methods.

    Args:
      f: the drift. Without it, ``sdeint`` returns a decorator of the drift
        (``@bd.sdeint(g=g)``).
      g: the diffusion (required).
      method: ``'euler'``, ``'heun'``, ``'milstein'``, ``'milstein2'``
        (``'milstein_grad_free'``) or ``'exp_euler'`` (``'exponential_euler'``).
      dt: the default step.
      name: the integrator's name.
      show_code: print a description of the scheme.
      var_type: accepted for 2.3.5 compatibility.
      intg_type: ``'Ito'`` (default) or ``'Stratonovich'``.
      wiener_type: ``'scalar'`` (default) or ``'vector'``.
      state_delays: not supported; must be ``None``.

    Returns:
      An :class:`~brainpy_dyn.integrators.SDEIntegrator` (or a decorator that makes one).

    Raises:
      ValueError: an unknown method, integral or Wiener type, a method that does not
        converge to the chosen integral, or a vector Wiener process with a Milstein method.
      TypeError: ``f`` or ``g`` is not callable.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> ou = bd.sdeint(lambda x, t, tau: -x / tau, lambda x, t, tau: 0.5, method='euler')
      >>> bm.random.seed(0)
      >>> x = bm.zeros(3)
      >>> for i in range(10):
      ...     x = ou(x, i * 0.1, 10., dt=0.1)
      >>> x.shape
      (3,)
    """
    if f is None:
        return functools.partial(
            sdeint,
            g=g,
            method=method,
            dt=dt,
            name=name,
            show_code=show_code,
            var_type=var_type,
            intg_type=intg_type,
            wiener_type=wiener_type,
            state_delays=state_delays,
        )
    if not callable(f):
        raise TypeError(f"sdeint: f must be a callable drift function, got {f!r}.")
    if not callable(g):
        raise TypeError(f"sdeint: g must be a callable diffusion function, got {g!r}.")
    if state_delays:
        raise NotImplementedError("sdeint: state_delays (delayed SDEs) are not supported.")
    if dt is not None and not (isinstance(dt, (int, float)) and dt > 0):
        raise ValueError(f"sdeint: dt must be a positive number, got dt={dt!r}.")
    kind = _normalize_intg_type(intg_type)
    wiener = SCALAR if wiener_type is None else wiener_type
    if wiener not in (SCALAR, VECTOR):
        raise ValueError(
            f"sdeint: wiener_type must be 'scalar' or 'vector', got wiener_type={wiener_type!r}."
        )
    key = _ALIASES.get(method, method) if isinstance(method, str) else None
    if key not in _METHODS:
        raise ValueError(
            f"sdeint: unknown method={method!r}; expected one of {get_supported_sde_methods()}."
        )
    if kind not in _METHODS[key]:
        raise ValueError(
            f"sdeint: method={method!r} integrates {' or '.join(_METHODS[key])} SDEs, got "
            f"intg_type={kind!r}; use "
            f"{'heun or milstein' if kind == STRATONOVICH else 'euler or milstein'}."
        )
    if wiener == VECTOR and key not in ("euler", "heun"):
        raise ValueError(
            f"sdeint: method={method!r} needs wiener_type='scalar' (diagonal noise), "
            "got 'vector'; use 'euler' or 'heun'."
        )
    integral = SDEIntegrator(f, g, method, dt, name, var_type, kind, wiener)
    if show_code:
        print(f"{integral.name} = {integral.__signature__}\n{method}: {kind} SDE, {wiener} noise")
    return integral

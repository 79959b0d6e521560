r"""``SDEIntegrator``: what every integrator of ``dx = f dt + g dW`` shares.

The drift ``f(x, t, *args)`` and the diffusion ``g(x, t, *args)`` are written like an ODE
derivative (variables, then ``t``, then parameters; several variables return tuples, and
``g`` returns ``None`` for a variable without noise). ``g`` is called **by name**: it may
take a subset of ``f``'s arguments, or ``**kwargs``.

Wiener processes:

* ``wiener_type='scalar'`` (default): every element of every variable has its own
  independent Wiener process (diagonal noise); ``g`` has the variable's shape (or
  broadcasts to it).
* ``wiener_type='vector'``: ``g`` returns the variable's shape plus a last axis of ``m``
  noise sources, and the noise term is ``Σ_k g[..., k] ΔW[..., k]``.

Randomness: the increments ``ΔW = √dt ξ`` draw ``ξ ~ N(0, 1)`` from
:data:`brainpy_math.random.DEFAULT`, one draw per noisy variable in the order of the
variables (the Runge–Kutta schemes then draw a second normal per variable for ``∫∫dW ds``).
``bm.random.seed`` therefore fixes the path, with or without ``bm.jit``, and inside a
compiled loop every step draws fresh numbers.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, NamedTuple

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.integrators.base import (
    DT,
    CodeError,
    DiffEqError,
    Integrator,
    IntegratorError,
    as_float_array,
    as_jax_tuple,
    default_dt,
    get_args,
    unwrap_arg,
)
from brainpy_dyn._src.integrators.constants import (
    ITO_SDE,
    SCALAR_WIENER,
    STRA_SDE,
    SUPPORTED_INTG_TYPE,
    SUPPORTED_VAR_TYPE,
    SUPPORTED_WIENER_TYPE,
    VECTOR_WIENER,
)

__all__ = ["SDEIntegrator", "SDEMethodError", "SDECall"]

Arrays = tuple[jax.Array, ...]
Maybe = tuple[Any, ...]  # arrays, or None for a variable without noise


class SDEMethodError(DiffEqError, AssertionError):
    """A numerical SDE method cannot integrate the requested kind of SDE.

    Each method converges to the Itô or the Stratonovich integral (or both) and supports a
    scalar or a vector Wiener process (or both); the message names the method, what it
    supports and what was asked. Pick another method (``bp.sde.get_supported_methods()``)
    or change ``intg_type``/``wiener_type``. (It is also an ``AssertionError``, which is
    what BrainPy 2.3.5 raised for the Runge–Kutta schemes.)

    Examples:
      >>> import brainpy_dyn as bd
      >>> try:
      ...     bd.sdeint(f=lambda x, t: -x, g=lambda x, t: 1., method='heun')  # Stratonovich only
      ... except bd.errors.DiffEqError as err:
      ...     print(type(err).__name__)
      SDEMethodError
    """


bm.set_module("brainpy_dyn.integrators.sde", SDEMethodError)


class SDECall(NamedTuple):
    """One call of an integrator: what every scheme's step needs."""

    xs: Arrays  # the variables at time t
    t: Any
    dt: Any
    drift: Callable[[Sequence[jax.Array], Any], Arrays]  # (xs, t) -> f
    diffusion: Callable[[Sequence[jax.Array], Any], Maybe]  # (xs, t) -> g (None: no noise)


def _normalize_intg_type(intg_type: Any, who: str) -> str:
    if intg_type is None:
        return ITO_SDE
    names = {"ito": ITO_SDE, "stratonovich": STRA_SDE}
    key = intg_type.lower() if isinstance(intg_type, str) else None
    if key not in names:
        raise IntegratorError(
            f"{who}: intg_type must be one of {SUPPORTED_INTG_TYPE} (ITO_SDE or STRA_SDE), "
            f"got intg_type={intg_type!r}."
        )
    return names[key]


def _diffusion_names(g: Callable[..., Any], available: list[str], who: str) -> tuple[str, ...]:
    """The names ``g`` is called with (a subset of ``available``, or all for ``**kwargs``)."""
    try:
        sig = inspect.signature(g)
    except (TypeError, ValueError) as e:
        raise DiffEqError(f"{who}: cannot read the signature of g={g!r}: {e}") from None
    names, var_kw = [], False
    for p in sig.parameters.values():
        if p.kind is inspect.Parameter.VAR_KEYWORD:
            var_kw = True
        elif p.kind is inspect.Parameter.VAR_POSITIONAL:
            raise DiffEqError(
                f"{who}: g is called by name and cannot take *{p.name}; write its arguments "
                f"as f does ({available}), got the signature {sig}."
            )
        elif p.name in available:
            names.append(p.name)
        elif p.default is inspect.Parameter.empty:
            raise DiffEqError(
                f"{who}: g must take the same arguments as f (or some of them, or **kwargs): "
                f"f gives {available}, but g{sig} also needs {p.name!r}."
            )
    return tuple(available) if var_kw else tuple(names)


class SDEIntegrator(Integrator):
    r"""Numerical integrator of a stochastic differential equation ``dx = f dt + g dW``.

    BrainPy implementation of ``brainpy.sde.SDEIntegrator`` (2.3.5), the base of the SDE
    method classes (:class:`~brainpy_dyn.integrators.sde.Euler`,
    :class:`~brainpy_dyn.integrators.sde.Heun`, :class:`~brainpy_dyn.integrators.sde.Milstein`,
    …). Calling an integrator advances the variables by one step, ``integral(*variables, t, *params,
    dt=None)``, drawing its Wiener increments from :data:`brainpy_math.random.DEFAULT`.

    Args:
      f: the drift, ``f(x, t, *params)`` (a tuple for several variables), or a
        :class:`~brainpy_dyn.integrators.JointEq`.
      g: the diffusion, written like ``f`` and called by name (``None`` entries: no noise
        on that variable); with ``wiener_type='vector'`` each entry has a last axis of noise
        sources.
      dt: the default step; ``None``: the step in force at each call
        (``share.load('dt')``: the runner's ``dt`` in a run, else
        :func:`brainpy_math.get_dt`).
      name: the integrator's name.
      show_code: print the update scheme.
      var_type: ``'scalar'``, ``'population'`` or ``'system'`` (accepted; the schemes work
        on arrays of any shape).
      intg_type: ``ITO_SDE`` (``'Ito'``, default) or ``STRA_SDE`` (``'Stratonovich'``).
      wiener_type: ``SCALAR_WIENER`` (``'scalar'``, default) or ``VECTOR_WIENER``.
      state_delays: variable name -> delay variable updated with each new state.
      dyn_vars: accepted for 2.3.5 compatibility and ignored (Variables are found).

    Attributes:
      f: the drift.
      g: the diffusion.
      intg_type: ``'Ito'`` or ``'Stratonovich'``.
      wiener_type: ``'scalar'`` or ``'vector'``.

    Raises:
      TypeError: ``f`` or ``g`` is not callable.
      DiffEqError: ``f`` has no ``t``, or ``g`` needs an argument ``f`` does not give.
      IntegratorError: an unknown ``intg_type``, ``wiener_type`` or ``var_type``.
      SDEMethodError: the method does not support the ``intg_type`` or ``wiener_type``.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> integral = bd.sdeint(f=lambda x, t: -x, g=lambda x, t: 0.5)  # Ito, scalar noise
      >>> isinstance(integral, bd.integrators.sde.SDEIntegrator), integral.intg_type
      (True, 'Ito')
      >>> bm.random.seed(0)
      >>> integral(bm.zeros(3), 0., dt=0.1).shape  # one Euler-Maruyama step
      (3,)
    """

    #: The integrals and Wiener processes a method supports, and a description of its step.
    supported_intg_types: ClassVar[tuple[str, ...]] = (ITO_SDE, STRA_SDE)
    supported_wiener_types: ClassVar[tuple[str, ...]] = (SCALAR_WIENER, VECTOR_WIENER)
    scheme: ClassVar[str] = ""

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
        dyn_vars: Any = None,
    ):
        who = type(self).__name__
        if not callable(f):
            raise TypeError(f"{who}: f must be a callable drift function, got {f!r}.")
        if not callable(g):
            raise TypeError(f"{who}: g must be a callable diffusion function, got {g!r}.")
        variables, parameters, arguments = get_args(f)
        if DT in variables or DT in parameters:
            raise CodeError(
                f"{who}: 'dt' is the integration step of every integrator call and cannot "
                f"be an argument of the drift; rename it (got {arguments})."
            )
        if var_type is not None and var_type not in SUPPORTED_VAR_TYPE:
            raise IntegratorError(
                f"{who}: var_type must be one of {SUPPORTED_VAR_TYPE} or None, "
                f"got var_type={var_type!r}."
            )
        kind = _normalize_intg_type(intg_type, who)
        wiener = SCALAR_WIENER if wiener_type is None else wiener_type
        if wiener not in SUPPORTED_WIENER_TYPE:
            raise IntegratorError(
                f"{who}: wiener_type must be one of {SUPPORTED_WIENER_TYPE} (SCALAR_WIENER or "
                f"VECTOR_WIENER), got wiener_type={wiener_type!r}."
            )
        if kind not in self.supported_intg_types:
            raise SDEMethodError(
                f"{who} integrates {' or '.join(self.supported_intg_types)} SDEs, got "
                f"intg_type={kind!r}; use "
                f"{'Heun, Euler or Milstein' if kind == STRA_SDE else 'Euler or Milstein'}."
            )
        if wiener not in self.supported_wiener_types:
            raise SDEMethodError(
                f"{who} supports wiener_type={list(self.supported_wiener_types)}, got "
                f"wiener_type={wiener!r}; use Euler, Heun, Milstein or ExponentialEuler."
            )
        self._fixed_dt = dt is not None
        super().__init__(
            variables,
            parameters,
            arguments,
            dt=bm.get_dt() if dt is None else dt,
            name=name,
            state_delays=state_delays,
        )
        del dyn_vars
        self.f = f
        self.g = g
        self.var_type = var_type
        self.intg_type = kind
        self.wiener_type = wiener
        self.show_code = show_code
        self._n_vars = len(self._variables)
        self._after_t = self._parameters[1:]
        self._g_names = _diffusion_names(g, [*self._variables, "t", *self._after_t], who)
        sig = inspect.signature(f)
        params = [
            p.replace(kind=inspect.Parameter.POSITIONAL_OR_KEYWORD) for p in sig.parameters.values()
        ]
        params.append(inspect.Parameter(DT, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None))
        self.__signature__ = inspect.Signature(params)
        self.build()

    def __repr__(self) -> str:
        fname = getattr(self.f, "__name__", type(self.f).__name__)
        gname = getattr(self.g, "__name__", type(self.g).__name__)
        return (
            f"{type(self).__name__}(f={fname}, g={gname}, intg_type={self.intg_type!r}, "
            f"wiener_type={self.wiener_type!r}, name={self._name!r})"
        )

    # ------------------------------------------------------------------ the scheme
    def build(self) -> None:
        """Make :meth:`step` the integral (and print the scheme when ``show_code``)."""
        self.set_integral(self.step)
        if self.show_code:
            print(
                f"{self._name}{self.__signature__}: {self.intg_type} SDE, "
                f"{self.wiener_type} Wiener process\n{self.describe()}"
            )

    def describe(self) -> str:
        """A readable description of the update scheme (what ``show_code`` prints)."""
        return self.scheme or type(self).__name__

    def step(self, *args: Any, **kwargs: Any) -> Any:
        """Advance the variables by one step: ``step(*variables, t, *params, dt=None)``."""
        call = self._prepare(args, kwargs)
        return self._finish(self._scheme(call), call.xs)

    def _scheme(self, c: SDECall) -> Sequence[Any]:
        """The new values of ``c.xs`` (a sequence of arrays); overridden by each method."""
        raise NotImplementedError(f"{type(self).__name__} does not define a numerical step.")

    # ---------------------------------------------------------------- machinery
    def _prepare(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> SDECall:
        try:
            bound = self.__signature__.bind(*args, **kwargs)
        except TypeError as e:
            raise DiffEqError(
                f"{self._name}: bad call ({e}); call it as integral{self.__signature__}."
            ) from None
        bound.apply_defaults()
        values = bound.arguments
        dt = values[DT]
        if dt is None:
            dt = self._dt if self._fixed_dt else default_dt()
        xs = tuple(as_float_array(values[v]) for v in self._variables)
        params = {p: unwrap_arg(values[p]) for p in self._after_t}
        return SDECall(xs, unwrap_arg(values["t"]), unwrap_arg(dt), *self._functions(params))

    def _functions(self, params: dict[str, Any]) -> tuple[Callable, Callable]:
        f, g, n, name = self.f, self.g, self._n_vars, self._name
        variables, g_names = self._variables, self._g_names
        ordered = tuple(params[p] for p in self._after_t)

        def drift(xs: Sequence[jax.Array], t: Any) -> Arrays:
            return as_jax_tuple(f(*xs, t, *ordered), n, name)

        def diffusion(xs: Sequence[jax.Array], t: Any) -> Maybe:
            scope = {**dict(zip(variables, xs)), "t": t, **params}
            out = g(**{k: scope[k] for k in g_names})
            if n == 1:
                if isinstance(out, (tuple, list)) and len(out) == 1:
                    out = out[0]
                elif isinstance(out, (tuple, list)):
                    raise DiffEqError(
                        f"{name}: g must return one diffusion array for the variable "
                        f"{variables[0]!r}, got a {type(out).__name__} of {len(out)} values."
                    )
                out = (out,)
            elif not isinstance(out, (tuple, list)) or len(out) != n:
                got = f"{len(out)} values" if isinstance(out, (tuple, list)) else type(out).__name__
                raise DiffEqError(
                    f"{name}: g must return {n} diffusion terms (None for a variable without "
                    f"noise), one per variable {variables}, got {got}."
                )
            return tuple(None if o is None else jnp.asarray(bm.as_jax(o)) for o in out)

        return drift, diffusion

    def _finish(self, new: Sequence[Any], xs: Arrays) -> Any:
        out = tuple(jnp.asarray(x_new, dtype=x.dtype) for x_new, x in zip(new, xs))
        return out[0] if len(out) == 1 else out

    # --------------------------------------------------------------- randomness
    def _check_vector(self, g: jax.Array, x: jax.Array, i: int) -> None:
        if g.ndim != x.ndim + 1 or g.shape[:-1] != x.shape:
            raise DiffEqError(
                f"{self._name}: with wiener_type='vector', the diffusion of "
                f"{self._variables[i]!r} must have the variable's shape {x.shape} plus a last "
                f"axis of noise sources, got shape {g.shape}."
            )

    def normals(self, gs: Maybe, xs: Arrays) -> Maybe:
        """One standard normal draw per noisy variable (``None`` where ``g`` is ``None``).

        Shaped like the variable (scalar Wiener) or like its diffusion (vector Wiener).
        """
        out = []
        for i, (g, x) in enumerate(zip(gs, xs)):
            if g is None:
                out.append(None)
                continue
            if self.wiener_type == VECTOR_WIENER:
                self._check_vector(g, x, i)
                shape = g.shape
            else:
                shape = x.shape
            xi = bm.as_jax(bm.random.normal(0.0, 1.0, size=shape))
            out.append(xi.astype(x.dtype))
        return tuple(out)

    def wiener(self, gs: Maybe, xs: Arrays, dt: Any) -> Maybe:
        """The Wiener increments ``ΔW = √dt ξ`` (``None`` where ``g`` is ``None``)."""
        return tuple(
            None if xi is None else jnp.sqrt(dt).astype(xi.dtype) * xi
            for xi in self.normals(gs, xs)
        )

    def noise(self, g: Any, dw: Any) -> Any:
        """``g ΔW``, summed over the noise sources for a vector Wiener process (0 without g)."""
        if g is None or dw is None:
            return 0.0
        return jnp.sum(g * dw, axis=-1) if self.wiener_type == VECTOR_WIENER else g * dw

"""What the low-dimensional analyzers share: checking their settings, grids and functions.

An analyzer studies the variables of ``target_vars`` over their ranges, holds the variables
of ``fixed_vars`` at constant values, sweeps the parameters of ``target_pars`` (bifurcation
analysis) and sets the other parameters from ``pars_update`` (or their defaults).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.analysis import constants as C
from brainpy_dyn._src.analysis.model import build_system
from brainpy_dyn._src.errors import AnalyzerError

__all__ = ["LowDimAnalyzer", "legend", "pyplot"]

DEFAULT_GRID_POINTS = 20

_OPTIONS = (
    C.x_by_y_in_fx,
    C.y_by_x_in_fx,
    C.x_by_y_in_fy,
    C.y_by_x_in_fy,
    "lim_scale",
    "perturbation",
    "escape_sympy_solver",
    "sympy_solver_timeout",
)


def pyplot() -> Any:
    """``matplotlib.pyplot``, imported on first use (the user's backend is kept)."""
    import matplotlib.pyplot as plt

    return plt


def legend() -> None:
    """Draw the legend of the current axes, if anything on them has a label."""
    ax = pyplot().gca()
    if ax.get_legend_handles_labels()[1]:
        ax.legend()


def _float_dtype() -> Any:
    return bm.get_float()


def _check_limits(who: str, arg: str, name: str, lim: Any) -> tuple[float, float]:
    try:
        lo, hi = (float(v) for v in lim)
    except (TypeError, ValueError):
        raise AnalyzerError(
            f"{who}: {arg}[{name!r}] must be a range [min, max] of two numbers, got {lim!r}."
        ) from None
    if not lo < hi:
        raise AnalyzerError(f"{who}: {arg}[{name!r}] must have min < max, got [{lo}, {hi}].")
    return lo, hi


def _check_dict(who: str, arg: str, value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise AnalyzerError(f"{who}: {arg} must be a dict, got {type(value).__name__}: {value!r}.")
    for k in value:
        if not isinstance(k, str):
            raise AnalyzerError(f"{who}: the keys of {arg} must be names (str), got {k!r}.")
    return dict(value)


def _check_names(who: str, arg: str, names: Sequence[str], allowed: Sequence[str], what: str):
    unknown = [n for n in names if n not in allowed]
    if unknown:
        raise AnalyzerError(
            f"{who}: {arg} names unknown {what} {unknown}; the model's {what} are {list(allowed)}."
        )


class LowDimAnalyzer:
    """Base of the phase-plane and bifurcation analyzers (see the module docstring).

    Args:
      model: the integrator(s) to analyse (see :func:`~brainpy_dyn.analysis.PhasePlane2D`).
      target_vars: ``{variable: [min, max]}``, the variables studied over their ranges.
      fixed_vars: ``{variable: value}``, the other variables held constant.
      target_pars: ``{parameter: [min, max]}``, the parameters swept.
      pars_update: ``{parameter: value}``, the other parameters' values.
      resolutions: the grid of each target variable and parameter: a step for all
        (float), a dict of steps or of arrays of values (a name left out gets 20 points),
        or ``None`` (20 points each).
      options: extra settings (``lim_scale``, closed-form nullclines ...).
    """

    _who = "LowDimAnalyzer"
    # How the constructor's arguments are called in error messages (fast-slow: renamed).
    _arg_names = {"target_vars": "target_vars", "target_pars": "target_pars"}

    def __init__(
        self,
        model: Any,
        target_vars: dict,
        fixed_vars: dict | None = None,
        target_pars: dict | None = None,
        pars_update: dict | None = None,
        resolutions: Any = None,
        options: dict | None = None,
    ):
        who = self._who
        tv_arg, tp_arg = self._arg_names["target_vars"], self._arg_names["target_pars"]
        self.model = build_system(model, who)
        # Fast-slow analyzers sweep their slow variables as if they were parameters.
        slow = list(getattr(self, "_slow_names", ()))
        not_vars = [v for v in slow if v not in self.model.variables]
        if not_vars:
            raise AnalyzerError(
                f"{who}: {tp_arg} names {not_vars}, which are not variables of the model "
                f"({self.model.variables})."
            )
        variables = [v for v in self.model.variables if v not in slow]
        parameters = [*self.model.parameters, *slow]

        target_vars = _check_dict(who, tv_arg, target_vars)
        if not target_vars:
            raise AnalyzerError(f"{who}: {tv_arg} must name at least one variable.")
        _check_names(who, tv_arg, list(target_vars), variables, "variables")
        self.target_vars = {k: _check_limits(who, tv_arg, k, v) for k, v in target_vars.items()}

        fixed_vars = _check_dict(who, "fixed_vars", fixed_vars)
        _check_names(who, "fixed_vars", list(fixed_vars), variables, "variables")
        both = [k for k in fixed_vars if k in self.target_vars]
        if both:
            raise AnalyzerError(f"{who}: {both} are in both {tv_arg} and fixed_vars.")
        missing = [v for v in variables if v not in self.target_vars and v not in fixed_vars]
        if missing:
            raise AnalyzerError(
                f"{who}: the model's variables {missing} are neither in {tv_arg} nor in "
                "fixed_vars; give each a range or a fixed value."
            )
        self.fixed_vars = {k: bm.as_jax(v) for k, v in fixed_vars.items()}

        target_pars = _check_dict(who, tp_arg, target_pars)
        _check_names(who, tp_arg, list(target_pars), parameters, "parameters")
        self.target_pars = {k: _check_limits(who, tp_arg, k, v) for k, v in target_pars.items()}

        pars_update = _check_dict(who, "pars_update", pars_update)
        _check_names(who, "pars_update", list(pars_update), parameters, "parameters")
        both = [k for k in pars_update if k in self.target_pars]
        if both:
            raise AnalyzerError(f"{who}: {both} are in both {tp_arg} and pars_update.")
        unset = [
            p
            for p in parameters
            if p not in self.target_pars and p not in pars_update and p not in self.model.defaults
        ]
        if unset:
            raise AnalyzerError(
                f"{who}: the model's parameters {unset} have no default value; give them "
                f"in pars_update (or sweep them with {tp_arg})."
            )
        self.pars_update = {k: bm.as_jax(v) for k, v in pars_update.items()}

        self.resolutions = self._make_grids(resolutions)

        options = _check_dict(who, "options", options)
        _check_names(who, "options", list(options), _OPTIONS, "options")
        self.options = options
        self.lim_scale = float(options.get("lim_scale", 1.05))
        self.analyzed_results: dict[str, Any] = {}

        self.target_var_names = list(self.target_vars)
        self.target_par_names = list(self.target_pars)

    # ---------------------------------------------------------------- grids
    def _make_grids(self, resolutions: Any) -> dict[str, np.ndarray]:
        who, dtype = self._who, _float_dtype()
        ranges = {**self.target_vars, **self.target_pars}

        def by_step(name: str, step: Any) -> np.ndarray:
            lo, hi = ranges[name]
            if np.ndim(step) == 0:
                step = float(step)
                if not step > 0:
                    raise AnalyzerError(
                        f"{who}: resolutions[{name!r}] must be a positive step, got {step}."
                    )
                num = int(round((hi - lo) / step)) + 1
                return np.linspace(lo, hi, max(num, 2)).astype(dtype)
            grid = np.asarray(bm.as_numpy(step), dtype=dtype).reshape(-1)
            if grid.size < 2:
                raise AnalyzerError(
                    f"{who}: resolutions[{name!r}] must hold at least 2 values, got {grid}."
                )
            return np.sort(grid)

        if resolutions is None:
            return {
                k: np.linspace(lo, hi, DEFAULT_GRID_POINTS).astype(dtype)
                for k, (lo, hi) in ranges.items()
            }
        if isinstance(resolutions, Mapping):
            unknown = [k for k in resolutions if k not in ranges]
            if unknown:
                raise AnalyzerError(
                    f"{who}: resolutions names {unknown}, which are not target variables or "
                    f"parameters ({list(ranges)})."
                )
            # A name without a grid gets the default one, as in 2.3.5.
            return {
                k: by_step(k, resolutions[k])
                if k in resolutions
                else np.linspace(*ranges[k], DEFAULT_GRID_POINTS).astype(dtype)
                for k in ranges
            }
        if isinstance(resolutions, (int, float)) and not isinstance(resolutions, bool):
            return {k: by_step(k, resolutions) for k in ranges}
        raise AnalyzerError(
            f"{who}: resolutions must be a step (float), a dict or None, got {resolutions!r}."
        )

    # ----------------------------------------------------------- functions
    def _values(self, xs: Sequence[Any], ps: Sequence[Any]) -> dict[str, Any]:
        """Every name's value: ``xs`` for the target variables, ``ps`` for the target pars."""
        values = dict(self.pars_update)
        values.update(self.fixed_vars)
        values.update(zip(self.target_var_names, xs, strict=True))
        values.update(zip(self.target_par_names, ps, strict=True))
        return values

    def _rhs(self) -> Callable[[jax.Array, jax.Array], jax.Array]:
        """``F(x, p)``: the derivatives of the target variables at ``x`` (vector), pars ``p``.

        The same function object is returned every time, so compiled solvers are reused.
        """
        cached = self.__dict__.get("_rhs_fn")
        if cached is not None:
            return cached
        names = self.target_var_names

        def F(x: jax.Array, p: jax.Array) -> jax.Array:
            values = self._values(list(x), list(p))
            return jnp.stack([jnp.reshape(self.model.derivative(v, values), ()) for v in names])

        self._rhs_fn = F
        return F

    def _evaluate_on(self, points: np.ndarray, pars: np.ndarray) -> np.ndarray:
        """``F`` at each row of ``points`` (n, d) with the pars of each row of ``pars`` (n, k)."""
        from brainpy_dyn._src.analysis.solvers import batched

        if len(points) == 0:
            return np.zeros((0, len(self.target_var_names)))
        return batched(self._rhs(), "value", points, pars)

    def _jacobians(self, points: np.ndarray, pars: np.ndarray) -> np.ndarray:
        """The Jacobians ``dF/dx`` (n, d, d) at each row of ``points`` with pars ``pars``."""
        if len(points) == 0:
            d = len(self.target_var_names)
            return np.zeros((0, d, d))
        from brainpy_dyn._src.analysis.solvers import batched

        return batched(self._rhs(), "jacobian", points, pars)

    def _time_span(self, duration: Any) -> tuple[float, float]:
        """``duration`` as ``(t_start, t_end)``: a number ``t_end`` (from 0) or a pair.

        One pair per initial point is accepted when the pairs are all the same.
        """
        try:
            d = np.asarray(duration, dtype=float)
        except (TypeError, ValueError):
            d = np.asarray(np.nan)
        if d.ndim == 2 and d.shape[1] == 2 and len(d) and np.all(d == d[:1]):
            d = d[0]
        if d.shape == ():
            span = (0.0, float(d))
        elif d.shape == (2,):
            span = (float(d[0]), float(d[1]))
        else:
            raise AnalyzerError(
                f"{self._who}: duration must be t_end or (t_start, t_end), the same for every "
                f"initial point, got {duration!r}."
            )
        if not (np.isfinite(span).all() and span[1] > span[0]):
            raise AnalyzerError(
                f"{self._who}: duration must span a positive time, got {duration!r}."
            )
        return span

    def _simulate(
        self,
        initials: Mapping[str, Any],
        duration: Any,
        dt: float | None,
        pars: Any = None,
        names: Sequence[str] | None = None,
    ) -> dict[str, np.ndarray]:
        """Integrate ``names`` (default the target variables) from ``initials`` for ``duration``.

        ``initials`` holds arrays of ``n`` starting values; ``duration`` is ``t_end`` or
        ``(t_start, t_end)``; ``pars`` maps parameter names to values (scalars or one per
        start). Returns ``{'ts': (T,), var: (T, n) ...}``, the values after each step.
        """
        dt = float(bm.get_dt() if dt is None else dt)
        if not dt > 0:
            raise AnalyzerError(f"{self._who}: dt must be positive, got {dt}.")
        t0, t1 = self._time_span(duration)
        num = int(round((t1 - t0) / dt))
        if num < 1:
            raise AnalyzerError(
                f"{self._who}: duration must span at least one step dt={dt}, got {duration}."
            )
        names = list(self.target_var_names if names is None else names)
        pars = {} if pars is None else {k: jnp.asarray(v) for k, v in dict(pars).items()}
        dtype = _float_dtype()
        init = {k: jnp.asarray(bm.as_jax(initials[k]), dtype=dtype) for k in names}

        def body(state: dict, t: jax.Array) -> tuple[dict, dict]:
            values = {**self.pars_update, **self.fixed_vars, **pars, **state}
            new = self.model.step(values, t, dt, names)
            new = {k: jnp.asarray(new[k], dtype=dtype) for k in names}
            return new, new

        ts = t0 + jnp.arange(num, dtype=dtype) * dt
        _, trace = jax.jit(lambda s: jax.lax.scan(body, s, ts))(init)
        out = {"ts": np.asarray(ts + dt)}
        out.update({k: np.asarray(v) for k, v in trace.items()})
        return out

    # ------------------------------------------------------------ plotting
    def _lim(self, name: str) -> tuple[float, float]:
        lo, hi = ({**self.target_vars, **self.target_pars})[name]
        mid, half = 0.5 * (lo + hi), 0.5 * (hi - lo) * self.lim_scale
        return mid - half, mid + half

    @staticmethod
    def _show(show: bool) -> None:
        if show:
            pyplot().show()

    # -------------------------------------------------------- fixed points
    def _fixed_points_1d(
        self, pars: np.ndarray, tol_aux: float
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The fixed points of the (single) target variable for each row of ``pars`` (P, k).

        Roots are bracketed by sign changes of ``f`` over the variable's grid and bisected;
        roots where ``f`` touches zero without changing sign are found by Newton steps from
        the grid's local minima of ``|f|``.

        Returns:
          ``(fps, pars, loss)``: the fixed points ``(m,)``, their parameters ``(m, k)`` and
          ``0.5 f^2`` there.
        """
        from brainpy_dyn._src.analysis.solvers import (
            bisect_segments,
            newton_solve,
            sign_change_brackets,
            unique_points,
        )

        x_name = self.target_var_names[0]
        xs = self.resolutions[x_name]
        lo, hi = self.target_vars[x_name]
        F = self._rhs()
        grid = jax.jit(jax.vmap(jax.vmap(lambda x, p: F(x[None], p)[0], (0, None)), (None, 0)))
        vals = np.asarray(grid(jnp.asarray(xs), jnp.asarray(pars)))  # (P, X)
        pi, xi = sign_change_brackets(vals, axis=1)
        roots, res, brk = bisect_segments(
            F, 0, xs[xi][:, None], xs[xi + 1][:, None], jnp.asarray(pars[pi])
        )
        ok = np.isfinite(res) & ((res <= 1e-2 * brk) | (0.5 * res**2 < tol_aux))
        found_x, found_p, found_loss = [roots[ok, 0]], [pi[ok]], [0.5 * res[ok] ** 2]

        # Tangent roots: interior local minima of |f| with no sign change beside them.
        a = np.abs(vals)
        sign = np.zeros(vals.shape, dtype=bool)
        sign[pi, xi] = True
        sign[pi, xi + 1] = True
        is_min = np.zeros(vals.shape, dtype=bool)
        is_min[:, 1:-1] = (a[:, 1:-1] <= a[:, :-2]) & (a[:, 1:-1] <= a[:, 2:])
        ci, cx = np.nonzero(is_min & ~sign & np.isfinite(a))
        if ci.size:
            x1, loss1 = newton_solve(F, xs[cx][:, None], jnp.asarray(pars[ci]))
            span = 1e-6 * (hi - lo)
            ok1 = (loss1 < tol_aux) & (x1[:, 0] >= lo - span) & (x1[:, 0] <= hi + span)
            found_x.append(x1[ok1, 0])
            found_p.append(ci[ok1])
            found_loss.append(loss1[ok1])
        fx = np.concatenate(found_x)
        fp = np.concatenate(found_p).astype(np.int64)
        fl = np.concatenate(found_loss)
        keep = unique_points(fx[:, None], 1e-5 * (hi - lo), np.argsort(fl, kind="stable"), fp)
        order = keep[np.lexsort((fx[keep], fp[keep]))]
        return fx[order], pars[fp[order]], fl[order]

    def _fixed_points_nd(
        self,
        candidates: np.ndarray,
        cand_pars: np.ndarray,
        groups: np.ndarray,
        tol_aux: float,
        tol_unique: float,
        tol_opt_screen: float | None = None,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Newton-solve ``F = 0`` from each candidate; keep converged, distinct points in range.

        Returns:
          ``(fps, pars, loss)``: the fixed points ``(m, d)``, their parameters and
          ``0.5 |F|^2`` there; points of one ``groups`` label are de-duplicated together.
        """
        from brainpy_dyn._src.analysis.solvers import newton_solve, unique_points

        candidates = np.asarray(candidates, dtype=_float_dtype())
        cand_pars = np.asarray(cand_pars, dtype=_float_dtype())
        d = len(self.target_var_names)
        if tol_opt_screen is not None and len(candidates):
            F0 = self._evaluate_on(candidates, cand_pars)
            screen = 0.5 * np.sum(F0**2, axis=1) < tol_opt_screen
            candidates, cand_pars, groups = candidates[screen], cand_pars[screen], groups[screen]
        x, loss = newton_solve(self._rhs(), candidates, jnp.asarray(cand_pars))
        ok = np.isfinite(loss) & (loss < tol_aux) & np.all(np.isfinite(x), axis=1)
        for j, name in enumerate(self.target_var_names):
            lo, hi = self.target_vars[name]
            span = 1e-6 * (hi - lo)
            ok &= (x[:, j] >= lo - span) & (x[:, j] <= hi + span)
        x, loss, pars, groups = x[ok], loss[ok], cand_pars[ok], np.asarray(groups)[ok]
        keep = unique_points(x, tol_unique, np.argsort(loss, kind="stable"), groups)
        order = keep[np.lexsort((*x[keep].T[::-1], groups[keep]))] if len(keep) else keep
        return x[order].reshape(-1, d), pars[order], loss[order]

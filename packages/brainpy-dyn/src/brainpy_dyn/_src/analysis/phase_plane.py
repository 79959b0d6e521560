"""Phase-plane analysis of 1-D and 2-D systems: vector fields, nullclines, fixed points."""

from __future__ import annotations

from typing import Any

import numpy as np

from brainpy_dyn._src.analysis import constants as C
from brainpy_dyn._src.analysis import plotstyle
from brainpy_dyn._src.analysis import stability as S
from brainpy_dyn._src.analysis.grid2d import TwoDimGrid, as_initials
from brainpy_dyn._src.analysis.lowdim import LowDimAnalyzer, legend, pyplot
from brainpy_dyn._src.analysis.solvers import (
    limit_cycle_period,
)
from brainpy_dyn._src.context import DotDict
from brainpy_dyn._src.errors import AnalyzerError

__all__ = ["PhasePlane1D", "PhasePlane2D"]

_SELECT = ("fx-nullcline", "fy-nullcline", "nullclines", "aux_rank")


def _even(grid: np.ndarray) -> np.ndarray:
    """An evenly spaced float64 grid for ``streamplot`` when ``grid`` is one up to rounding."""
    g = np.asarray(grid, dtype=np.float64)
    even = np.linspace(g[0], g[-1], len(g))
    step = abs(g[-1] - g[0]) / max(len(g) - 1, 1)
    return even if np.allclose(g, even, rtol=0, atol=1e-3 * step) else g


def _options_from_kwargs(who: str, kwargs: dict[str, Any]) -> Any:
    options = kwargs.pop("options", None)
    if kwargs:
        raise TypeError(f"{who}: unexpected keyword argument(s) {sorted(kwargs)}.")
    return options


def _no_target_pars(who: str, target_pars: Any) -> None:
    if target_pars:
        raise AnalyzerError(
            f"{who}: phase-plane analysis does not sweep parameters, got target_pars="
            f"{target_pars!r}; set them with pars_update, or use a Bifurcation analyzer."
        )


class PhasePlane1D(LowDimAnalyzer):
    """Phase-plane analysis of a one-variable system ``dx/dt = f(x)``.

    BrainPy implementation of ``brainpy.analysis.PhasePlane1D`` (2.3.5).

    Args:
      model: an integrator made by :func:`~brainpy_dyn.odeint` (or a list of them, or
        a derivative function ``f(x, t, *pars)``).
      target_vars: ``{name: [min, max]}`` of the one variable studied.
      fixed_vars: ``{name: value}`` of the model's other variables.
      target_pars: not supported here (must be empty); see :class:`Bifurcation1D`.
      pars_update: ``{name: value}`` of the parameters (those without a default needed).
      resolutions: the grid step (float), ``{name: step or values}`` (20 points for a name
        left out), or ``None`` (20 points).
      **kwargs: ``options={...}`` (``lim_scale``: the axis margin factor).

    Raises:
      AnalyzerError: a setting names an unknown variable or parameter, misses one, or
        ``target_vars`` does not hold exactly one variable.

    Examples:
      >>> import brainpy_dyn as bd
      >>> from brainpy_dyn.analysis import PhasePlane1D
      >>> @bd.odeint
      ... def int_x(x, t, a):
      ...     return x * (a - x)
      >>> pp = PhasePlane1D(int_x, target_vars={'x': [-1., 2.]}, pars_update={'a': 1.},
      ...                   resolutions=0.1)
      >>> pp.plot_fixed_point(with_plot=False, with_return=True).round(6).tolist()
      [0.0, 1.0]
    """

    _who = "PhasePlane1D"

    def __init__(
        self,
        model: Any,
        target_vars: dict,
        fixed_vars: dict | None = None,
        target_pars: dict | None = None,
        pars_update: dict | None = None,
        resolutions: Any = None,
        **kwargs: Any,
    ):
        _no_target_pars(self._who, target_pars)
        options = _options_from_kwargs(self._who, kwargs)
        super().__init__(model, target_vars, fixed_vars, None, pars_update, resolutions, options)
        if len(self.target_vars) != 1:
            raise AnalyzerError(
                f"{self._who}: target_vars must hold exactly one variable, got "
                f"{list(self.target_vars)}."
            )
        self.x_var = self.target_var_names[0]

    def plot_vector_field(
        self, show: bool = False, with_plot: bool = True, with_return: bool = False
    ) -> Any:
        """Draw ``dx/dt`` against ``x`` over the variable's grid.

        Args:
          show: call ``matplotlib.pyplot.show()`` at the end.
          with_plot: draw (else only compute).
          with_return: return the values of ``dx/dt`` on the grid.

        Returns:
          The array of ``dx/dt`` on the grid when ``with_return``, else ``None``.
        """
        xs = self.resolutions[self.x_var]
        dx = self._evaluate_on(xs[:, None], np.zeros((len(xs), 0)))[:, 0]
        if with_plot:
            plt = pyplot()
            label = f"d{self.x_var}dt"
            plt.plot(xs, dx, label=label)
            plt.axhline(0.0, color="grey", linewidth=0.5)
            plt.xlabel(self.x_var)
            plt.ylabel(label)
            plt.xlim(*self._lim(self.x_var))
            legend()
            self._show(show)
        return dx if with_return else None

    def plot_fixed_point(
        self, show: bool = False, with_plot: bool = True, with_return: bool = False
    ) -> Any:
        """Find the fixed points, classify their stability, and draw them.

        Args:
          show: call ``matplotlib.pyplot.show()`` at the end.
          with_plot: draw (else only compute).
          with_return: return the fixed points.

        Returns:
          The fixed points (sorted 1-D array) when ``with_return``, else ``None``.
        """
        fps, _, _ = self._fixed_points_1d(np.zeros((1, 0)), tol_aux=1e-8)
        jac = self._jacobians(fps[:, None], np.zeros((len(fps), 0)))
        types = [S.stability_analysis(j) for j in jac]
        self.analyzed_results[C.fixed_point] = fps
        if with_plot:
            plt = pyplot()
            for kind in dict.fromkeys(types):
                pts = fps[[t == kind for t in types]]
                plt.plot(
                    pts,
                    np.zeros_like(pts),
                    linestyle="",
                    label=kind,
                    **plotstyle.fixed_point_1d[kind],
                )
            legend()
            self._show(show)
        return fps if with_return else None


class PhasePlane2D(TwoDimGrid, LowDimAnalyzer):
    """Phase-plane analysis of a two-variable system: vector field, nullclines, fixed points.

    BrainPy implementation of ``brainpy.analysis.PhasePlane2D`` (2.3.5). The first variable
    of ``target_vars`` is ``x`` (horizontal axis), the second ``y``.

    Args:
      model: integrators made by :func:`~brainpy_dyn.odeint` (a list of them, or one
        whose derivative is a :class:`~brainpy_dyn.JointEq` of both equations).
      target_vars: ``{x: [min, max], y: [min, max]}``.
      fixed_vars: ``{name: value}`` of the model's other variables.
      target_pars: not supported here (must be empty); see :class:`Bifurcation2D`.
      pars_update: ``{name: value}`` of the parameters.
      resolutions: the grid step (float), ``{name: step or values}`` (20 points for a name
        left out), or ``None`` (20 points per axis).
      **kwargs: ``options={...}``: ``lim_scale``, and closed-form nullclines as functions
        ``options['y_by_x_in_fx'] = g`` (the x-nullcline is ``y = g(x)``),
        ``'x_by_y_in_fx'``, ``'y_by_x_in_fy'``, ``'x_by_y_in_fy'``.

    Raises:
      AnalyzerError: a setting names an unknown variable or parameter, misses one, or
        ``target_vars`` does not hold exactly two variables.

    Examples:
      >>> import brainpy_dyn as bd
      >>> from brainpy_dyn.analysis import PhasePlane2D
      >>> def dx(x, t, y):
      ...     return y
      >>> def dy(y, t, x):
      ...     return -x - y
      >>> pp = PhasePlane2D([bd.odeint(dx), bd.odeint(dy)],
      ...                   target_vars={'x': [-1., 1.], 'y': [-1., 1.]}, resolutions=0.1)
      >>> pp.plot_fixed_point(with_plot=False, with_return=True).round(6).tolist()
      [[0.0, 0.0]]
    """

    _who = "PhasePlane2D"

    def __init__(
        self,
        model: Any,
        target_vars: dict,
        fixed_vars: dict | None = None,
        target_pars: dict | None = None,
        pars_update: dict | None = None,
        resolutions: Any = None,
        **kwargs: Any,
    ):
        _no_target_pars(self._who, target_pars)
        options = _options_from_kwargs(self._who, kwargs)
        super().__init__(model, target_vars, fixed_vars, None, pars_update, resolutions, options)
        if len(self.target_vars) != 2:
            raise AnalyzerError(
                f"{self._who}: target_vars must hold exactly two variables, got "
                f"{list(self.target_vars)}."
            )
        self.x_var, self.y_var = self.target_var_names

    # ------------------------------------------------------------ plotting
    def plot_vector_field(
        self,
        with_plot: bool = True,
        with_return: bool = False,
        plot_method: str = "streamplot",
        plot_style: dict | None = None,
        show: bool = False,
    ) -> Any:
        """Draw the vector field ``(dx/dt, dy/dt)`` over the grid.

        Args:
          with_plot: draw (else only compute).
          with_return: return the two components on the grid.
          plot_method: ``'streamplot'`` (line width grows with the speed) or ``'quiver'``.
          plot_style: keyword arguments for ``plt.streamplot``/``plt.quiver``.
          show: call ``matplotlib.pyplot.show()`` at the end.

        Returns:
          ``(dx, dy)``, arrays of shape ``(ny, nx)``, when ``with_return``, else ``None``.

        Raises:
          AnalyzerError: unknown ``plot_method``.
        """
        if plot_method not in ("streamplot", "quiver"):
            raise AnalyzerError(
                f"{self._who}: plot_method must be 'streamplot' or 'quiver', got {plot_method!r}."
            )
        dx, dy = self._grid_values()
        if with_plot:
            plt = pyplot()
            xs, ys = self.resolutions[self.x_var], self.resolutions[self.y_var]
            u, v = np.nan_to_num(dx), np.nan_to_num(dy)
            if plot_method == "streamplot":
                style = {"density": 1.0, "color": "thistle"}
                if plot_style is None or "linewidth" not in plot_style:
                    speed = np.sqrt(u**2 + v**2)
                    top = speed.max() if speed.size and speed.max() > 0 else 1.0
                    style["linewidth"] = 0.5 + 2.0 * speed / top
                style.update(plot_style or {})
                plt.streamplot(_even(xs), _even(ys), u, v, **style)
            else:
                style = {"units": "xy", "color": "thistle"}
                style.update(plot_style or {})
                X, Y = np.meshgrid(xs, ys)
                plt.quiver(X, Y, u, v, **style)
            plt.xlabel(self.x_var)
            plt.ylabel(self.y_var)
            plt.xlim(*self._lim(self.x_var))
            plt.ylim(*self._lim(self.y_var))
            self._show(show)
        return (dx, dy) if with_return else None

    def plot_nullcline(
        self,
        with_plot: bool = True,
        with_return: bool = False,
        y_style: dict | None = None,
        x_style: dict | None = None,
        show: bool = False,
        coords: dict | None = None,
        tol_nullcline: float = 1e-7,
    ) -> Any:
        """Find and draw the nullclines ``dx/dt = 0`` and ``dy/dt = 0``.

        Each nullcline is found where its derivative changes sign between neighbouring
        grid points, refined by bisection (or taken from a closed form in ``options``).

        Args:
          with_plot: draw (else only compute).
          with_return: return the nullcline points.
          y_style: matplotlib style of the y-nullcline (``dy/dt = 0``).
          x_style: matplotlib style of the x-nullcline (``dx/dt = 0``).
          show: call ``matplotlib.pyplot.show()`` at the end.
          coords: ``{var: 'y-x'}`` solves ``var``'s nullcline for ``y`` at each grid ``x``
            (``'x-y'``: for ``x`` at each grid ``y``), with the variables' names for
            ``x``/``y``; default both ways.
          tol_nullcline: a point is kept when ``|f|`` there is below this (or far below
            ``|f|`` at the grid points around it).

        Returns:
          ``{x_var: points, y_var: points}`` (each ``(n, 2)`` of ``(x, y)``) when
          ``with_return``, else ``None``.

        Raises:
          AnalyzerError: ``coords`` names an unknown variable or is malformed.
        """
        coords = dict(coords or {})
        unknown = [k for k in coords if k not in self.target_var_names]
        if unknown:
            raise AnalyzerError(
                f"{self._who}: coords names {unknown}, not target variables "
                f"{self.target_var_names}."
            )
        vals = self._grid_values()
        pars = np.zeros((0,))
        fx = self._nullcline(0, vals, pars, coords.get(self.x_var), tol_nullcline)
        fy = self._nullcline(1, vals, pars, coords.get(self.y_var), tol_nullcline)
        self.analyzed_results[C.fx_nullcline_points] = fx
        self.analyzed_results[C.fy_nullcline_points] = fy
        if with_plot:
            plt = pyplot()
            xs = {"color": "cornflowerblue", "alpha": 0.7, "marker": ".", "linestyle": ""}
            ys = {"color": "lightcoral", "alpha": 0.7, "marker": ".", "linestyle": ""}
            xs.update(x_style or {})
            ys.update(y_style or {})
            xs.pop("fmt", None)
            ys.pop("fmt", None)
            plt.plot(fx[:, 0], fx[:, 1], label=f"{self.x_var} nullcline", **xs)
            plt.plot(fy[:, 0], fy[:, 1], label=f"{self.y_var} nullcline", **ys)
            plt.xlabel(self.x_var)
            plt.ylabel(self.y_var)
            plt.xlim(*self._lim(self.x_var))
            plt.ylim(*self._lim(self.y_var))
            legend()
            self._show(show)
        return {self.x_var: fx, self.y_var: fy} if with_return else None

    def _candidates(self, select: str, num_rank: int) -> np.ndarray:
        if select not in _SELECT:
            raise AnalyzerError(
                f"{self._who}: select_candidates must be one of {list(_SELECT)}, got {select!r}."
            )
        if select == "aux_rank":
            xs, ys = self.resolutions[self.x_var], self.resolutions[self.y_var]
            vals = self._grid_values()
            loss = 0.5 * np.sum(np.nan_to_num(vals, nan=np.inf) ** 2, axis=0).reshape(-1)
            best = np.argsort(loss, kind="stable")[: max(int(num_rank), 1)]
            X, Y = np.meshgrid(xs, ys)
            return np.stack([X.reshape(-1)[best], Y.reshape(-1)[best]], 1)
        keys = {
            "fx-nullcline": (C.fx_nullcline_points,),
            "fy-nullcline": (C.fy_nullcline_points,),
            "nullclines": (C.fx_nullcline_points, C.fy_nullcline_points),
        }[select]
        if any(k not in self.analyzed_results for k in keys):
            self.plot_nullcline(with_plot=False)
        return np.concatenate([self.analyzed_results[k] for k in keys])

    def plot_fixed_point(
        self,
        with_plot: bool = True,
        with_return: bool = False,
        show: bool = False,
        tol_unique: float = 1e-2,
        tol_aux: float = 1e-8,
        tol_opt_screen: float | None = None,
        select_candidates: str = "fx-nullcline",
        num_rank: int = 100,
    ) -> Any:
        """Find the fixed points, classify their stability from the Jacobian, and draw them.

        Newton's method (damped) starts from each candidate; the points where
        ``0.5 |F|^2 < tol_aux`` are fixed points, and those closer than ``tol_unique`` are
        merged.

        Args:
          with_plot: draw (else only compute).
          with_return: return the fixed points.
          show: call ``matplotlib.pyplot.show()`` at the end.
          tol_unique: the distance under which two fixed points are one.
          tol_aux: the largest ``0.5 |F|^2`` of a fixed point.
          tol_opt_screen: when given, only candidates with ``0.5 |F|^2`` below it are
            refined.
          select_candidates: the starting points: ``'fx-nullcline'``, ``'fy-nullcline'``,
            ``'nullclines'`` (points of the nullclines) or ``'aux_rank'`` (the
            ``num_rank`` grid points with the smallest ``|F|``).
          num_rank: the number of candidates of ``'aux_rank'``.

        Returns:
          The fixed points, shape ``(n, 2)`` of ``(x, y)``, when ``with_return``, else
          ``None``.

        Raises:
          AnalyzerError: unknown ``select_candidates``.
        """
        cand = self._candidates(select_candidates, num_rank)
        n = len(cand)
        fps, _, _ = self._fixed_points_nd(
            cand, np.zeros((n, 0)), np.zeros(n, np.int64), tol_aux, tol_unique, tol_opt_screen
        )
        jac = self._jacobians(fps, np.zeros((len(fps), 0)))
        types = [S.stability_analysis(j) for j in jac]
        self.analyzed_results[C.fixed_point] = fps
        if with_plot:
            plt = pyplot()
            for kind in dict.fromkeys(types):
                pts = fps[[t == kind for t in types]]
                plt.plot(
                    pts[:, 0], pts[:, 1], linestyle="", label=kind, **plotstyle.fixed_point_2d[kind]
                )
            legend()
            self._show(show)
        return fps if with_return else None

    def plot_trajectory(
        self,
        initials: Any,
        duration: Any,
        plot_durations: Any = None,
        axes: str = "v-v",
        dt: float | None = None,
        show: bool = False,
        with_plot: bool = True,
        with_return: bool = False,
        **kwargs: Any,
    ) -> Any:
        """Simulate the system from each initial point and draw the trajectories.

        Args:
          initials: ``{x: values, y: values}``, one point ``(x0, y0)`` or a list of points.
          duration: the simulated time: ``t_end`` (from 0) or ``(t_start, t_end)``.
          plot_durations: the part drawn: ``(start, end)`` for all, or one pair per
            initial point; default all.
          axes: ``'v-v'`` draws ``y`` against ``x``; ``'t-v'`` draws each variable against
            time.
          dt: the step (default :func:`brainpy_math.get_dt`).
          show: call ``matplotlib.pyplot.show()`` at the end.
          with_plot: draw (else only simulate).
          with_return: return the trajectories.
          **kwargs: passed to ``plt.plot``.

        Returns:
          ``{'ts': (T,), x: (T, n), y: (T, n)}`` when ``with_return``, else ``None``.

        Raises:
          AnalyzerError: malformed ``initials``, ``axes`` or ``plot_durations``.
        """
        if axes not in ("v-v", "t-v"):
            raise AnalyzerError(f"{self._who}: axes must be 'v-v' or 't-v', got {axes!r}.")
        init = as_initials(self._who, self.target_var_names, initials)
        trace = self._simulate(init, duration, dt)
        if with_plot:
            self._draw_trajectories(trace, init, plot_durations, axes, kwargs)
            self._show(show)
        return DotDict(trace) if with_return else None

    def _draw_trajectories(
        self, trace: dict, init: dict, plot_durations: Any, axes: str, style: dict
    ) -> None:
        plt = pyplot()
        ts = trace["ts"]
        n = len(init[self.x_var])
        if plot_durations is None:
            spans = [(ts[0] - 1.0, ts[-1] + 1.0)] * n
        else:
            pd = np.asarray(plot_durations, dtype=float)
            if pd.shape == (2,):
                spans = [tuple(pd)] * n
            elif pd.shape == (n, 2):
                spans = [tuple(r) for r in pd]
            else:
                raise AnalyzerError(
                    f"{self._who}: plot_durations must be (start, end) or one pair per initial "
                    f"point ({n}), got shape {pd.shape}."
                )
        for i in range(n):
            sel = (ts >= spans[i][0]) & (ts <= spans[i][1])
            start = ",".join(f"{k}={init[k][i]:.4g}" for k in self.target_var_names)
            if axes == "v-v":
                plt.plot(
                    trace[self.x_var][sel, i],
                    trace[self.y_var][sel, i],
                    label=f"trajectory,{start}",
                    **style,
                )
                plt.xlabel(self.x_var)
                plt.ylabel(self.y_var)
            else:
                for k in self.target_var_names:
                    plt.plot(ts[sel], trace[k][sel, i], label=f"{k},{start}", **style)
                plt.xlabel("time")
        legend()

    def plot_limit_cycle_by_sim(
        self,
        initials: Any,
        duration: Any,
        tol: float = 0.01,
        show: bool = False,
        dt: float | None = None,
    ) -> None:
        """Simulate from each initial point and draw the limit cycle the trajectory settles on.

        A limit cycle is found when two maxima of ``x`` near the end of the simulation are
        within ``tol`` of each other; the trajectory between them is drawn. A message is
        printed for each initial point whose trajectory does not settle on a cycle.

        Args:
          initials: ``{x: values, y: values}``, one point or a list of points.
          duration: the simulated time: ``t_end`` (from 0) or ``(t_start, t_end)``.
          tol: how close two returns to the same maximum must be.
          show: call ``matplotlib.pyplot.show()`` at the end.
          dt: the step (default :func:`brainpy_math.get_dt`).
        """
        init = as_initials(self._who, self.target_var_names, initials)
        trace = self._simulate(init, duration, dt)
        plt = pyplot()
        for i in range(len(init[self.x_var])):
            x, y = trace[self.x_var][:, i], trace[self.y_var][:, i]
            span = limit_cycle_period(x, tol)
            start = ",".join(f"{k}={init[k][i]:.4g}" for k in self.target_var_names)
            if span is None:
                print(f"{self._who}: no limit cycle found from the initial point {start}.")
                continue
            a, b = span
            plt.plot(
                x[a : b + 1],
                y[a : b + 1],
                label=f"limit cycle,{start}",
                **plotstyle.line_limit_cycle,
            )
        legend()
        self._show(show)

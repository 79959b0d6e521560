"""Bifurcation analysis of 1-D and 2-D systems over one or two parameters (codimension 1, 2)."""

from __future__ import annotations

from typing import Any

import numpy as np

from brainpy_dyn._src.analysis import plotstyle
from brainpy_dyn._src.analysis import stability as S
from brainpy_dyn._src.analysis.grid2d import TwoDimGrid
from brainpy_dyn._src.analysis.lowdim import LowDimAnalyzer, legend, pyplot
from brainpy_dyn._src.analysis.solvers import limit_cycle_period
from brainpy_dyn._src.context import DotDict
from brainpy_dyn._src.errors import AnalyzerError

__all__ = ["Bifurcation1D", "Bifurcation2D"]

_SELECT = ("aux_rank", "fx-nullcline", "fy-nullcline", "nullclines")


class _Bifurcation(LowDimAnalyzer):
    """What the bifurcation analyzers share: the parameter grid and the diagrams."""

    _num_vars = 1

    def __init__(
        self,
        model: Any,
        target_pars: dict,
        target_vars: dict,
        fixed_vars: dict | None = None,
        pars_update: dict | None = None,
        resolutions: Any = None,
        options: dict | None = None,
    ):
        who = self._who
        if not target_pars:
            raise AnalyzerError(f"{who}: target_pars must name one or two parameters to sweep.")
        super().__init__(
            model, target_vars, fixed_vars, target_pars, pars_update, resolutions, options
        )
        if len(self.target_vars) != self._num_vars:
            raise AnalyzerError(
                f"{who}: target_vars must hold exactly {self._num_vars} variable(s), got "
                f"{list(self.target_vars)}."
            )
        if len(self.target_pars) not in (1, 2):
            raise AnalyzerError(
                f"{who}: target_pars must hold one or two parameters, got {list(self.target_pars)}."
            )

    def _par_rows(self) -> np.ndarray:
        """Every combination of the target parameters' grids, shape ``(P, k)``."""
        grids = [self.resolutions[p] for p in self.target_par_names]
        mesh = np.meshgrid(*grids, indexing="ij")
        return np.stack([m.reshape(-1) for m in mesh], axis=1)

    def _draw_diagram(self, fps: np.ndarray, pars: np.ndarray, types: list[str], show: bool):
        """One figure per target variable: its fixed points against the parameter(s)."""
        plt = pyplot()
        styles = plotstyle.fixed_point_1d if self._num_vars == 1 else plotstyle.fixed_point_2d
        fps = fps.reshape(len(fps), -1)
        for j, var in enumerate(self.target_var_names):
            fig = plt.figure(var)
            if len(self.target_par_names) == 1:
                for kind in dict.fromkeys(types):
                    sel = np.asarray([t == kind for t in types])
                    plt.plot(pars[sel, 0], fps[sel, j], linestyle="", label=kind, **styles[kind])
                plt.xlabel(self.target_par_names[0])
                plt.ylabel(var)
                plt.xlim(*self._lim(self.target_par_names[0]))
                plt.ylim(*self._lim(var))
            else:
                ax = fig.axes[0] if fig.axes else fig.add_subplot(projection="3d")
                for kind in dict.fromkeys(types):
                    sel = np.asarray([t == kind for t in types])
                    style = styles[kind]
                    ax.scatter(
                        pars[sel, 0],
                        pars[sel, 1],
                        fps[sel, j],
                        c=style["color"],
                        marker=style["marker"],
                        label=kind,
                    )
                ax.set_xlabel(self.target_par_names[0])
                ax.set_ylabel(self.target_par_names[1])
                ax.set_zlabel(var)
            legend()
        self._show(show)


class Bifurcation1D(_Bifurcation):
    """Bifurcation analysis of a one-variable system over one or two parameters.

    BrainPy implementation of ``brainpy.analysis.Bifurcation1D`` (2.3.5). For each point of
    the parameter grid, the fixed points of the variable are found (sign changes of
    ``dx/dt`` over the variable's grid, refined by bisection and Newton steps) and
    classified by the sign of ``f'(x)``.

    Args:
      model: an integrator made by :func:`~brainpy_dyn.odeint` (or a list of them).
      target_pars: ``{name: [min, max]}`` of the one or two parameters swept.
      target_vars: ``{name: [min, max]}`` of the one variable studied.
      fixed_vars: ``{name: value}`` of the model's other variables.
      pars_update: ``{name: value}`` of the other parameters.
      resolutions: the grid step (float), ``{name: step or values}`` (20 points for a name
        left out), or ``None`` (20 points per variable
        and parameter).
      options: extra settings (``lim_scale``).

    Raises:
      AnalyzerError: a setting names an unknown variable or parameter, misses one, or holds
        the wrong number of them.

    Examples:
      >>> import brainpy_dyn as bd
      >>> from brainpy_dyn.analysis import Bifurcation1D
      >>> @bd.odeint
      ... def int_x(x, t, mu):
      ...     return mu - x ** 2
      >>> bif = Bifurcation1D(int_x, target_pars={'mu': [1., 4.]},
      ...                     target_vars={'x': [-3., 3.]},
      ...                     resolutions={'mu': 1., 'x': 0.1})
      >>> fps, pars, dfdx = bif.plot_bifurcation(with_plot=False, with_return=True)
      >>> fps.round(5).tolist()[:2], pars[:2, 0].tolist()
      ([-1.0, 1.0], [1.0, 1.0])
    """

    _who = "Bifurcation1D"
    _num_vars = 1

    def plot_bifurcation(
        self,
        with_plot: bool = True,
        show: bool = False,
        with_return: bool = False,
        tol_aux: float = 1e-8,
        loss_screen: float | None = None,
    ) -> Any:
        """Find the fixed points over the parameter grid and draw the bifurcation diagram.

        Args:
          with_plot: draw (else only compute): the fixed points against the parameter
            (one parameter) or a 3-D scatter over both parameters, styled by stability.
          show: call ``matplotlib.pyplot.show()`` at the end.
          with_return: return the results.
          tol_aux: the largest ``0.5 f^2`` of a fixed point found by Newton steps.
          loss_screen: when given, only fixed points with ``0.5 f^2`` below it are kept.

        Returns:
          ``(fps, pars, dfdx)`` when ``with_return``: the fixed points ``(m,)``, the
          parameters of each ``(m, k)`` and ``f'(x)`` there ``(m,)``; else ``None``.
        """
        fps, pars, loss = self._fixed_points_1d(self._par_rows(), tol_aux)
        if loss_screen is not None:
            keep = loss < loss_screen
            fps, pars = fps[keep], pars[keep]
        dfdx = self._jacobians(fps[:, None], pars).reshape(-1)
        types = [S.stability_analysis(d) for d in dfdx]
        self.analyzed_results["fixed_points"] = (fps, pars, dfdx)
        if with_plot:
            self._draw_diagram(fps, pars, types, show)
        return (fps, pars, dfdx) if with_return else None


class Bifurcation2D(TwoDimGrid, _Bifurcation):
    """Bifurcation analysis of a two-variable system over one or two parameters.

    BrainPy implementation of ``brainpy.analysis.Bifurcation2D`` (2.3.5). For each point
    of the parameter grid, the fixed points are found by damped Newton steps from
    candidate points, and classified from the Jacobian.

    Args:
      model: integrators made by :func:`~brainpy_dyn.odeint` (a list of them, or one
        whose derivative is a :class:`~brainpy_dyn.JointEq`).
      target_pars: ``{name: [min, max]}`` of the one or two parameters swept.
      target_vars: ``{x: [min, max], y: [min, max]}``.
      fixed_vars: ``{name: value}`` of the model's other variables.
      pars_update: ``{name: value}`` of the other parameters.
      resolutions: the grid step (float), ``{name: step or values}`` (20 points for a name
        left out), or ``None`` (20 points per variable
        and parameter).
      options: extra settings (``lim_scale``).

    Raises:
      AnalyzerError: a setting names an unknown variable or parameter, misses one, or holds
        the wrong number of them.

    Examples:
      >>> import brainpy_dyn as bd
      >>> from brainpy_dyn.analysis import Bifurcation2D
      >>> def dx(x, t, y, a):
      ...     return a - x
      >>> def dy(y, t, x):
      ...     return x - y
      >>> bif = Bifurcation2D([bd.odeint(dx), bd.odeint(dy)], target_pars={'a': [0., 1.]},
      ...                     target_vars={'x': [-2., 2.], 'y': [-2., 2.]},
      ...                     resolutions={'a': 0.5, 'x': 0.2, 'y': 0.2})
      >>> fps, pars, jac = bif.plot_bifurcation(with_plot=False, with_return=True)
      >>> fps.round(5).tolist()
      [[0.0, 0.0], [0.5, 0.5], [1.0, 1.0]]
    """

    _who = "Bifurcation2D"
    _num_vars = 2

    def __init__(
        self,
        model: Any,
        target_pars: dict,
        target_vars: dict,
        fixed_vars: dict | None = None,
        pars_update: dict | None = None,
        resolutions: Any = None,
        options: dict | None = None,
    ):
        super().__init__(
            model, target_pars, target_vars, fixed_vars, pars_update, resolutions, options
        )
        self.x_var, self.y_var = self.target_var_names

    def _bif_candidates(
        self, rows: np.ndarray, select: str, num_rank: int, aux_filter: float
    ) -> tuple[np.ndarray, np.ndarray]:
        """Starting points ``(n, 2)`` and their parameter-row indices ``(n,)``."""
        xs, ys = self.resolutions[self.x_var], self.resolutions[self.y_var]
        X, Y = (m.reshape(-1) for m in np.meshgrid(xs, ys))
        vals = self._grid_values_rows(rows)  # (P, 2, ny, nx)
        if select == "aux_rank":
            loss = 0.5 * np.sum(np.nan_to_num(vals, nan=np.inf) ** 2, axis=1)
            loss = loss.reshape(len(rows), -1)
            k = min(max(int(num_rank), 1), loss.shape[1])
            best = np.argsort(loss, axis=1, kind="stable")[:, :k]  # (P, k)
            cand = np.stack([X[best], Y[best]], -1).reshape(-1, 2)
            return cand, np.repeat(np.arange(len(rows)), k)
        which = {"fx-nullcline": (0,), "fy-nullcline": (1,), "nullclines": (0, 1)}[select]
        found = [self._nullcline_rows(w, vals, rows, None) for w in which]
        cand = np.concatenate([f[0] for f in found]).reshape(-1, 2)
        groups = np.concatenate([f[1] for f in found])
        if len(cand) and aux_filter is not None:
            F = self._evaluate_on(cand, rows[groups])
            keep = 0.5 * np.sum(F**2, axis=1) < aux_filter
            cand, groups = cand[keep], groups[keep]
        return cand, groups

    def plot_bifurcation(
        self,
        with_plot: bool = True,
        show: bool = False,
        with_return: bool = False,
        tol_aux: float = 1e-8,
        tol_unique: float = 1e-2,
        tol_opt_candidate: float | None = None,
        num_par_segments: int = 1,
        num_fp_segment: int = 1,
        nullcline_aux_filter: float = 1.0,
        select_candidates: str = "aux_rank",
        num_rank: int = 100,
    ) -> Any:
        """Find the fixed points over the parameter grid and draw the bifurcation diagrams.

        Args:
          with_plot: draw (else only compute): one figure per variable, its fixed points
            against the parameter (or a 3-D scatter over two parameters), by stability.
          show: call ``matplotlib.pyplot.show()`` at the end.
          with_return: return the results.
          tol_aux: the largest ``0.5 |F|^2`` of a fixed point.
          tol_unique: the distance under which two fixed points (same parameters) are one.
          tol_opt_candidate: when given, only candidates with ``0.5 |F|^2`` below it are
            refined.
          num_par_segments: split the parameter grid into this many parts solved one
            after another (less memory).
          num_fp_segment: split each part's candidates likewise.
          nullcline_aux_filter: with nullcline candidates, keep those with
            ``0.5 |F|^2`` below this.
          select_candidates: ``'aux_rank'`` (the ``num_rank`` grid points with the
            smallest ``|F|`` for each parameter point), ``'fx-nullcline'``,
            ``'fy-nullcline'`` or ``'nullclines'``.
          num_rank: the number of candidates of ``'aux_rank'``.

        Returns:
          ``(fps, pars, jacobians)`` when ``with_return``: the fixed points ``(m, 2)``, the
          parameters of each ``(m, k)`` and the Jacobians ``(m, 2, 2)``; else ``None``.

        Raises:
          AnalyzerError: unknown ``select_candidates`` or a segment count below 1.
        """
        if select_candidates not in _SELECT:
            raise AnalyzerError(
                f"{self._who}: select_candidates must be one of {list(_SELECT)}, got "
                f"{select_candidates!r}."
            )
        for name, n in (("num_par_segments", num_par_segments), ("num_fp_segment", num_fp_segment)):
            if not isinstance(n, int) or n < 1:
                raise AnalyzerError(f"{self._who}: {name} must be an int >= 1, got {n!r}.")
        rows = self._par_rows()
        out_f, out_p = [], []
        for seg in np.array_split(np.arange(len(rows)), min(num_par_segments, len(rows))):
            cand, groups = self._bif_candidates(
                rows[seg], select_candidates, num_rank, nullcline_aux_filter
            )
            groups = seg[groups] if len(groups) else groups
            for part in np.array_split(
                np.arange(len(cand)), min(num_fp_segment, max(len(cand), 1))
            ):
                fps, pars, _ = self._fixed_points_nd(
                    cand[part],
                    rows[groups[part]],
                    groups[part],
                    tol_aux,
                    tol_unique,
                    tol_opt_candidate,
                )
                out_f.append(fps)
                out_p.append(pars)
        fps = np.concatenate(out_f).reshape(-1, 2)
        pars = np.concatenate(out_p).reshape(-1, rows.shape[1])
        if num_fp_segment > 1 and len(fps):  # parts may share fixed points
            from brainpy_dyn._src.analysis.solvers import unique_points

            keep = unique_points(fps, tol_unique, groups=pars)
            fps, pars = fps[keep], pars[keep]
        jac = self._jacobians(fps, pars)
        types = [S.stability_analysis(j) for j in jac]
        self.analyzed_results["fixed_points"] = (fps, pars, jac)
        if with_plot:
            self._draw_diagram(fps, pars, types, show)
        return (fps, pars, jac) if with_return else None

    def plot_limit_cycle_by_sim(
        self,
        duration: float = 100,
        with_plot: bool = True,
        with_return: bool = False,
        plot_style: dict | None = None,
        tol: float = 0.001,
        show: bool = False,
        dt: float | None = None,
        offset: float = 1.0,
    ) -> Any:
        """Simulate from near each fixed point and draw the limit cycles' extent.

        Each fixed point of :meth:`plot_bifurcation` (computed now if needed) is moved by
        ``offset`` in every variable and simulated for ``duration`` with its parameters;
        when the trajectory settles on a cycle, the cycle's maximum and minimum of each
        variable are drawn against the parameter(s).

        Args:
          duration: the simulated time.
          with_plot: draw (else only compute).
          with_return: return the results.
          plot_style: matplotlib style of the limit-cycle points.
          tol: how close two returns to the same maximum must be.
          show: call ``matplotlib.pyplot.show()`` at the end.
          dt: the step (default :func:`brainpy_math.get_dt`).
          offset: the shift from each fixed point to its starting point.

        Returns:
          ``{'pars': (m, k), var: {'max': (m,), 'min': (m,)}}`` over the ``m`` cycles found
          when ``with_return``, else ``None``.
        """
        if "fixed_points" not in self.analyzed_results:
            self.plot_bifurcation(with_plot=False)
        fps, pars, _ = self.analyzed_results["fixed_points"]
        result: dict[str, Any] = DotDict(pars=np.zeros((0, pars.shape[1])))
        for var in self.target_var_names:
            result[var] = DotDict(max=np.zeros(0), min=np.zeros(0))
        if len(fps):
            init = {v: fps[:, j] + offset for j, v in enumerate(self.target_var_names)}
            par_values = {p: pars[:, j] for j, p in enumerate(self.target_par_names)}
            trace = self._simulate(init, duration, dt, par_values)
            found, hi, lo = [], {v: [] for v in init}, {v: [] for v in init}
            for i in range(len(fps)):
                span = limit_cycle_period(trace[self.x_var][:, i], tol)
                if span is None:
                    continue
                found.append(i)
                for v in init:
                    seg = trace[v][span[0] : span[1] + 1, i]
                    hi[v].append(seg.max())
                    lo[v].append(seg.min())
            result["pars"] = pars[found]
            for v in init:
                result[v] = DotDict(max=np.asarray(hi[v]), min=np.asarray(lo[v]))
        if with_plot and len(result["pars"]):
            plt = pyplot()
            style = {"color": "tab:red", "marker": ".", "linestyle": ""}
            style.update(plot_style or {})
            p = result["pars"]
            for v in self.target_var_names:
                fig = plt.figure(v)
                if p.shape[1] == 1:
                    plt.plot(p[:, 0], result[v]["max"], label="limit cycle (max)", **style)
                    plt.plot(p[:, 0], result[v]["min"], label="limit cycle (min)", **style)
                else:
                    ax = fig.axes[0] if fig.axes else fig.add_subplot(projection="3d")
                    ax.scatter(
                        p[:, 0],
                        p[:, 1],
                        result[v]["max"],
                        c=style["color"],
                        label="limit cycle (max)",
                    )
                    ax.scatter(
                        p[:, 0],
                        p[:, 1],
                        result[v]["min"],
                        c=style["color"],
                        label="limit cycle (min)",
                    )
                legend()
            self._show(show)
        return result if with_return else None

"""Fast-slow analysis: the bifurcations of the fast subsystem with the slow variables frozen."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from brainpy_dyn._src.analysis.bifurcation import Bifurcation1D, Bifurcation2D
from brainpy_dyn._src.analysis.grid2d import as_initials
from brainpy_dyn._src.analysis.lowdim import legend, pyplot
from brainpy_dyn._src.context import DotDict
from brainpy_dyn._src.errors import AnalyzerError

__all__ = ["FastSlow1D", "FastSlow2D"]


class _FastSlow:
    """Shared by the fast-slow analyzers: slow variables swept as bifurcation parameters."""

    _who: str
    target_var_names: list[str]
    target_par_names: list[str]

    def _setup(self, fast_vars: Any, slow_vars: Any) -> None:
        for arg, value in (("fast_vars", fast_vars), ("slow_vars", slow_vars)):
            if not isinstance(value, Mapping) or not value:
                raise AnalyzerError(
                    f"{self._who}: {arg} must be a non-empty dict {{name: [min, max]}}, got "
                    f"{value!r}."
                )
        both = [k for k in slow_vars if k in fast_vars]
        if both:
            raise AnalyzerError(f"{self._who}: {both} are in both fast_vars and slow_vars.")
        self._slow_names = list(slow_vars)

    def plot_trajectory(
        self,
        initials: Any,
        duration: Any,
        plot_durations: Any = None,
        dt: float | None = None,
        show: bool = False,
        with_plot: bool = True,
        with_return: bool = False,
    ) -> Any:
        """Simulate the whole system and draw each fast variable against the slow one(s).

        The trajectories are drawn on the bifurcation figures (one per fast variable), so
        that the fast variable can be seen to follow the branches of fixed points.

        Args:
          initials: ``{name: values}`` of every fast and slow variable, or points (rows of
            the fast then the slow variables' values).
          duration: the simulated time: ``t_end`` (from 0) or ``(t_start, t_end)``.
          plot_durations: the part drawn: ``(start, end)`` for all, or one pair per
            initial point; default all.
          dt: the step (default :func:`brainpy_math.get_dt`).
          show: call ``matplotlib.pyplot.show()`` at the end.
          with_plot: draw (else only simulate).
          with_return: return the trajectories.

        Returns:
          ``{'ts': (T,), var: (T, n) ...}`` when ``with_return``, else ``None``.
        """
        names = [*self.target_var_names, *self._slow_names]
        init = as_initials(self._who, names, initials)
        trace = self._simulate(init, duration, dt, names=names)  # type: ignore[attr-defined]
        if with_plot:
            plt = pyplot()
            ts = trace["ts"]
            n = len(init[names[0]])
            if plot_durations is None:
                spans = [(ts[0] - 1.0, ts[-1] + 1.0)] * n
            else:
                pd = np.asarray(plot_durations, dtype=float)
                if pd.shape not in ((2,), (n, 2)):
                    raise AnalyzerError(
                        f"{self._who}: plot_durations must be (start, end) or one pair per "
                        f"initial point ({n}), got shape {pd.shape}."
                    )
                spans = [tuple(pd)] * n if pd.shape == (2,) else [tuple(r) for r in pd]
            for var in self.target_var_names:
                fig = plt.figure(var)
                for i in range(n):
                    sel = (ts >= spans[i][0]) & (ts <= spans[i][1])
                    start = ",".join(f"{k}={init[k][i]:.4g}" for k in names)
                    label = f"trajectory,{start}"
                    if len(self._slow_names) == 1:
                        s = trace[self._slow_names[0]][sel, i]
                        plt.plot(s, trace[var][sel, i], label=label)
                        plt.xlabel(self._slow_names[0])
                        plt.ylabel(var)
                    else:
                        ax = fig.axes[0] if fig.axes else fig.add_subplot(projection="3d")
                        s0, s1 = (trace[k][sel, i] for k in self._slow_names)
                        ax.plot(s0, s1, trace[var][sel, i], label=label)
                legend()
            self._show(show)  # type: ignore[attr-defined]
        return DotDict(trace) if with_return else None


class FastSlow1D(_FastSlow, Bifurcation1D):
    """Fast-slow analysis of a system with one fast variable and one or two slow ones.

    BrainPy implementation of ``brainpy.analysis.FastSlow1D`` (2.3.5). The slow variables
    are frozen and swept like parameters: :meth:`plot_bifurcation` draws the fixed points
    of the fast variable against them, and :meth:`plot_trajectory` draws a simulation of
    the full system on top.

    Args:
      model: integrators made by :func:`~brainpy_dyn.odeint` of the fast and slow
        variables.
      fast_vars: ``{name: [min, max]}`` of the fast variable.
      slow_vars: ``{name: [min, max]}`` of the one or two slow variables.
      fixed_vars: ``{name: value}`` of the model's other variables.
      pars_update: ``{name: value}`` of the parameters.
      resolutions: the grid step (float), ``{name: step or values}``, or ``None``.
      options: extra settings (``lim_scale``).

    Examples:
      >>> import brainpy_dyn as bd
      >>> from brainpy_dyn.analysis import FastSlow1D
      >>> def dx(x, t, w):
      ...     return w - x
      >>> def dw(w, t, x):
      ...     return 0.01 * (1. - w)
      >>> fs = FastSlow1D([bd.odeint(dx), bd.odeint(dw)], fast_vars={'x': [-2., 2.]},
      ...                 slow_vars={'w': [0., 1.]}, resolutions={'x': 0.1, 'w': 0.5})
      >>> fps, pars, _ = fs.plot_bifurcation(with_plot=False, with_return=True)
      >>> fps.round(5).tolist()
      [0.0, 0.5, 1.0]
    """

    _who = "FastSlow1D"
    _arg_names = {"target_vars": "fast_vars", "target_pars": "slow_vars"}

    def __init__(
        self,
        model: Any,
        fast_vars: dict,
        slow_vars: dict,
        fixed_vars: dict | None = None,
        pars_update: dict | None = None,
        resolutions: Any = None,
        options: dict | None = None,
    ):
        self._setup(fast_vars, slow_vars)
        super().__init__(
            model,
            target_pars=slow_vars,
            target_vars=fast_vars,
            fixed_vars=fixed_vars,
            pars_update=pars_update,
            resolutions=resolutions,
            options=options,
        )


class FastSlow2D(_FastSlow, Bifurcation2D):
    """Fast-slow analysis of a system with two fast variables and one or two slow ones.

    BrainPy implementation of ``brainpy.analysis.FastSlow2D`` (2.3.5); see
    :class:`FastSlow1D`, with the fixed points of the two fast variables found as in
    :class:`Bifurcation2D`.

    Args:
      model: integrators made by :func:`~brainpy_dyn.odeint` of the fast and slow
        variables.
      fast_vars: ``{name: [min, max]}`` of the two fast variables.
      slow_vars: ``{name: [min, max]}`` of the one or two slow variables.
      fixed_vars: ``{name: value}`` of the model's other variables.
      pars_update: ``{name: value}`` of the parameters.
      resolutions: the grid step (float, default 0.1), ``{name: step or values}``, or
        ``None``.
      options: extra settings (``lim_scale``).

    Examples:
      >>> import brainpy_dyn as bd
      >>> from brainpy_dyn.analysis import FastSlow2D
      >>> def dx(x, t, y, w):
      ...     return w - x
      >>> def dy(y, t, x):
      ...     return x - y
      >>> def dw(w, t, x):
      ...     return 0.01 * (1. - w)
      >>> fs = FastSlow2D([bd.odeint(dx), bd.odeint(dy), bd.odeint(dw)],
      ...                 fast_vars={'x': [-2., 2.], 'y': [-2., 2.]}, slow_vars={'w': [0., 1.]},
      ...                 resolutions={'x': 0.2, 'y': 0.2, 'w': 0.5})
      >>> fps, pars, _ = fs.plot_bifurcation(with_plot=False, with_return=True)
      >>> fps.round(5).tolist()  # the fast fixed point (x, y) = (w, w)
      [[0.0, 0.0], [0.5, 0.5], [1.0, 1.0]]
    """

    _who = "FastSlow2D"
    _arg_names = {"target_vars": "fast_vars", "target_pars": "slow_vars"}

    def __init__(
        self,
        model: Any,
        fast_vars: dict,
        slow_vars: dict,
        fixed_vars: dict | None = None,
        pars_update: dict | None = None,
        resolutions: Any = 0.1,
        options: dict | None = None,
    ):
        self._setup(fast_vars, slow_vars)
        super().__init__(
            model,
            target_pars=slow_vars,
            target_vars=fast_vars,
            fixed_vars=fixed_vars,
            pars_update=pars_update,
            resolutions=resolutions,
            options=options,
        )

"""Quick plots of simulation results with matplotlib (``raster_plot``, ``line_plot``).

matplotlib is imported when a function is first called, and no backend is chosen here: the
user's (or matplotlib's default) backend is used. Both functions draw on ``ax`` (default: the
current axes) and return it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.errors import PlotValueError

__all__ = ["raster_plot", "line_plot"]


def _as_numpy(x: Any) -> np.ndarray:
    return np.asarray(x)


def _times(ts: Any, n_rows: int, owner: str, what: str) -> np.ndarray:
    if ts is None:
        raise PlotValueError(f"{owner}: ts must be the array of time points, got None.")
    ts = _as_numpy(ts)
    if ts.ndim != 1 or ts.shape[0] != n_rows:
        raise PlotValueError(
            f"{owner}: ts must be 1-d with one time per row of {what} ({n_rows}), got shape "
            f"{ts.shape}."
        )
    return ts


def _finish(
    plt: Any, ax: Any, xlabel: Any, ylabel: Any, xlim: Any, ylim: Any, title: Any, show: bool
) -> Any:
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    if xlim is not None:
        ax.set_xlim(xlim)
    if ylim is not None:
        ax.set_ylim(ylim)
    if title:
        ax.set_title(title)
    if show:
        plt.show()
    return ax


def raster_plot(
    ts: Any,
    sp_matrix: Any,
    ax: Any = None,
    marker: str = ".",
    markersize: float = 2,
    color: Any = "k",
    xlabel: str = "Time (ms)",
    ylabel: str = "Neuron index",
    xlim: tuple[float, float] | None = None,
    ylim: tuple[float, float] | None = None,
    title: str | None = None,
    show: bool = False,
    **kwargs: Any,
) -> Any:
    """Plot spikes: a dot at ``(ts[t], n)`` wherever ``sp_matrix[t, n] > 0``.

    BrainPy implementation of ``brainpy.visualize.raster_plot`` (2.3.5), which returned
    ``None``; this one returns the axes.

    Args:
      ts: the time of each row, shape ``(T,)``.
      sp_matrix: spikes, shape ``(T, N)`` (bool or numbers).
      ax: the matplotlib axes to draw on (default: the current axes).
      marker: the marker style.
      markersize: the marker size.
      color: the marker color (any matplotlib color).
      xlabel: the x label.
      ylabel: the y label.
      xlim: the x limits.
      ylim: the y limits.
      title: the title.
      show: call ``matplotlib.pyplot.show()`` at the end.
      **kwargs: passed to ``Axes.plot``.

    Returns:
      The matplotlib axes.

    Raises:
      PlotValueError: ``ts`` is ``None`` or does not match ``sp_matrix``'s rows.

    Examples:
      >>> import matplotlib
      >>> matplotlib.use('Agg')
      >>> import matplotlib.pyplot as plt
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> ax = bd.visualize.raster_plot(np.arange(3.), np.eye(3, dtype=bool), ax=plt.figure().gca())
      >>> ax.lines[0].get_xydata().tolist()
      [[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]
    """
    import matplotlib.pyplot as plt

    sp = _as_numpy(sp_matrix)
    if sp.ndim != 2:
        raise PlotValueError(
            f"raster_plot: sp_matrix must be 2-d (time, neuron), got shape {sp.shape}."
        )
    ts = _times(ts, sp.shape[0], "raster_plot", "sp_matrix")
    time_idx, neuron_idx = np.nonzero(sp > 0)
    ax = plt.gca() if ax is None else ax
    ax.plot(
        ts[time_idx],
        neuron_idx,
        linestyle="none",
        marker=marker,
        markersize=markersize,
        color=color,
        **kwargs,
    )
    return _finish(plt, ax, xlabel, ylabel, xlim, ylim, title, show)


def line_plot(
    ts: Any,
    val_matrix: Any,
    plot_ids: Sequence[int] | int | None = None,
    ax: Any = None,
    xlim: tuple[float, float] | None = None,
    ylim: tuple[float, float] | None = None,
    xlabel: str = "Time (ms)",
    ylabel: str | None = None,
    legend: str | None = None,
    title: str | None = None,
    show: bool = False,
    **kwargs: Any,
) -> Any:
    """Plot the traces ``val_matrix[:, i]`` against ``ts`` for ``i`` in ``plot_ids``.

    BrainPy implementation of ``brainpy.visualize.line_plot`` (2.3.5); returns the axes.

    Args:
      ts: the time of each row, shape ``(T,)``.
      val_matrix: values, shape ``(T,)`` or ``(T, N)``.
      plot_ids: the columns to plot (default ``[0]``).
      ax: the matplotlib axes to draw on (default: the current axes).
      xlim: the x limits.
      ylim: the y limits.
      xlabel: the x label.
      ylabel: the y label.
      legend: a label prefix; each trace is labelled ``f'{legend}-{i}'`` and a legend drawn.
      title: the title.
      show: call ``matplotlib.pyplot.show()`` at the end.
      **kwargs: passed to ``Axes.plot``.

    Returns:
      The matplotlib axes.

    Raises:
      PlotValueError: ``ts`` is ``None`` or does not match ``val_matrix``, or a plot id is
        out of range.

    Examples:
      >>> import matplotlib
      >>> matplotlib.use('Agg')
      >>> import matplotlib.pyplot as plt
      >>> import numpy as np
      >>> import brainpy_dyn as bd
      >>> ax = bd.visualize.line_plot(np.arange(4.), np.ones((4, 3)), plot_ids=[0, 2], legend='V',
      ...                             ax=plt.figure().gca())
      >>> [line.get_label() for line in ax.lines]
      ['V-0', 'V-2']
    """
    import matplotlib.pyplot as plt

    values = _as_numpy(val_matrix)
    if values.ndim == 1:
        values = values[:, None]
    if values.ndim != 2:
        raise PlotValueError(f"line_plot: val_matrix must be 1-d or 2-d, got shape {values.shape}.")
    ts = _times(ts, values.shape[0], "line_plot", "val_matrix")
    ids = [0] if plot_ids is None else ([plot_ids] if isinstance(plot_ids, int) else list(plot_ids))
    bad = [i for i in ids if not -values.shape[1] <= int(i) < values.shape[1]]
    if bad:
        raise PlotValueError(
            f"line_plot: plot_ids {bad} are out of range for {values.shape[1]} columns."
        )
    ax = plt.gca() if ax is None else ax
    for i in ids:
        label = f"{legend}-{i}" if legend else None
        ax.plot(ts, values[:, i], label=label, **kwargs)
    if legend:
        ax.legend()
    return _finish(plt, ax, xlabel, ylabel, xlim, ylim, title, show)


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
bm.set_module("brainpy_dyn.visualize", raster_plot, line_plot)

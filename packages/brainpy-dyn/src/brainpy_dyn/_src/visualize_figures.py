"""Figure helpers of ``brainpy.visualize``: a grid of panels, hidden spines, a plot style.

matplotlib is imported when a function is first called.
"""

from __future__ import annotations

from typing import Any

from brainpy_dyn._src.errors import PlotValueError

__all__ = ["get_figure", "remove_axis", "plot_style1"]

_SIDES = ("left", "right", "top", "bottom")


def get_figure(
    row_num: int, col_num: int, row_len: float = 3, col_len: float = 6
) -> tuple[Any, Any]:
    """A figure sized for ``row_num`` × ``col_num`` panels, and a grid to place them on.

    BrainPy implementation of ``brainpy.visualize.get_figure`` (2.3.5): the figure is
    ``col_num * col_len`` wide and ``row_num * row_len`` high (inches).

    Args:
      row_num: the number of rows of panels.
      col_num: the number of columns of panels.
      row_len: the height of a row (inches).
      col_len: the width of a column (inches).

    Returns:
      ``(fig, gs)``: the figure and its :class:`matplotlib.gridspec.GridSpec`; add a panel
      with ``fig.add_subplot(gs[i, j])``.

    Raises:
      PlotValueError: a count that is not a positive int or a size that is not positive.

    Examples:
      >>> import matplotlib
      >>> matplotlib.use('Agg')
      >>> import brainpy_dyn as bd
      >>> fig, gs = bd.visualize.get_figure(2, 3)
      >>> fig.get_size_inches().tolist(), (gs.nrows, gs.ncols)
      ([18.0, 6.0], (2, 3))
    """
    for arg, value in (("row_num", row_num), ("col_num", col_num)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise PlotValueError(f"get_figure: {arg} must be an int >= 1, got {value!r}.")
    for arg, value in (("row_len", row_len), ("col_len", col_len)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
            raise PlotValueError(f"get_figure: {arg} must be a positive number, got {value!r}.")
    import matplotlib.pyplot as plt
    from matplotlib.gridspec import GridSpec

    fig = plt.figure(figsize=(col_num * col_len, row_num * row_len))
    return fig, GridSpec(row_num, col_num, figure=fig)


def remove_axis(ax: Any, *pos: str) -> Any:
    """Hide the spines of ``ax`` on the sides named (``'left'``, ``'right'``, ``'top'``, ``'bottom'``).

    BrainPy implementation of ``brainpy.visualize.remove_axis`` (2.3.5). Returns ``ax``.

    Raises:
      PlotValueError: an unknown side.

    Examples:
      >>> import matplotlib
      >>> matplotlib.use('Agg')
      >>> import matplotlib.pyplot as plt
      >>> import brainpy_dyn as bd
      >>> ax = bd.visualize.remove_axis(plt.figure().gca(), 'top', 'right')
      >>> ax.spines['top'].get_visible(), ax.spines['left'].get_visible()
      (False, True)
    """
    for side in pos:
        if side not in _SIDES:
            raise PlotValueError(f"remove_axis: a side must be one of {_SIDES}, got {side!r}.")
    for side in pos:
        ax.spines[side].set_visible(False)
    return ax


def plot_style1(
    fontsize: float = 22, axes_edgecolor: str = "black", figsize: str = "5,4", lw: float = 1
) -> None:
    """Set matplotlib's defaults to BrainPy 2.3.5's "style 1": large fonts, thin lines.

    Sets the font size of text, ticks, labels and legends, the axes edge colour and line
    width, the line width of plots, and the default figure size (``figsize`` is ``'w,h'``
    in inches, or a pair), in :data:`matplotlib.rcParams`.

    Raises:
      PlotValueError: a ``figsize`` that is not two positive numbers.

    Examples:
      >>> import matplotlib
      >>> matplotlib.use('Agg')
      >>> import brainpy_dyn as bd
      >>> with matplotlib.rc_context():
      ...     bd.visualize.plot_style1(fontsize=18, figsize=(6, 4))
      ...     matplotlib.rcParams['font.size'], matplotlib.rcParams['figure.figsize']
      (18.0, [6.0, 4.0])
    """
    if isinstance(figsize, str):
        parts = figsize.split(",")
    else:
        parts = list(figsize)
    try:
        size = tuple(float(p) for p in parts)
    except (TypeError, ValueError):
        size = ()
    if len(size) != 2 or min(size) <= 0:
        raise PlotValueError(f"plot_style1: figsize must be 'width,height', got {figsize!r}.")
    import matplotlib as mpl

    mpl.rcParams.update(
        {
            "font.size": fontsize,
            "axes.titlesize": fontsize,
            "axes.labelsize": fontsize,
            "xtick.labelsize": fontsize,
            "ytick.labelsize": fontsize,
            "legend.fontsize": fontsize,
            "axes.edgecolor": axes_edgecolor,
            "axes.linewidth": lw,
            "lines.linewidth": lw,
            "figure.figsize": size,
        }
    )

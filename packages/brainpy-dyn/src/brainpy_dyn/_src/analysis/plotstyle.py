"""How the analyzers draw each type of fixed point, and how to change it.

BrainPy implementation of ``brainpy.analysis.plotstyle`` (2.3.5). Each dict maps a
fixed-point type of :mod:`~brainpy_dyn.analysis.stability` to matplotlib keyword
arguments (``color``, ``marker``, ``markersize``).

Examples:
  >>> from brainpy_dyn.analysis import plotstyle
  >>> plotstyle.fixed_point_1d['stable point']['marker']
  'x'
"""

from __future__ import annotations

from typing import Any

from brainpy_dyn._src.analysis import stability as S

__all__ = [
    "fixed_point_1d",
    "fixed_point_2d",
    "fixed_point_3d",
    "line_limit_cycle",
    "set_plot_schema",
    "set_markersize",
]

_SIZE = 10


def _style(color: str, marker: str) -> dict[str, Any]:
    return {"color": color, "markersize": _SIZE, "marker": marker}


fixed_point_1d: dict[str, dict[str, Any]] = {
    S.CENTER_MANIFOLD: _style("orangered", "D"),
    S.SADDLE_NODE: _style("tab:blue", "D"),
    S.STABLE_POINT_1D: _style("tab:red", "x"),
    S.UNSTABLE_POINT_1D: _style("tab:olive", "o"),
}

fixed_point_2d: dict[str, dict[str, Any]] = {
    S.SADDLE_NODE: _style("tab:blue", "D"),
    S.CENTER_2D: _style("lime", "o"),
    S.STABLE_NODE_2D: _style("tab:red", "x"),
    S.STABLE_FOCUS_2D: _style("tab:purple", "x"),
    S.STABLE_STAR_2D: _style("tab:olive", "x"),
    S.CENTER_MANIFOLD: _style("orangered", "o"),
    S.UNSTABLE_NODE_2D: _style("tab:orange", "o"),
    S.UNSTABLE_FOCUS_2D: _style("tab:cyan", "o"),
    S.UNSTABLE_STAR_2D: _style("tab:green", "o"),
    S.UNSTABLE_LINE_2D: _style("springgreen", "o"),
    S.STABLE_DEGENERATE_2D: _style("blueviolet", "x"),
    S.UNSTABLE_DEGENERATE_2D: _style("indigo", "o"),
}

fixed_point_3d: dict[str, dict[str, Any]] = {
    S.SADDLE_NODE: _style("tab:blue", "D"),
    S.STABLE_POINT_3D: _style("brown", "x"),
    S.UNSTABLE_POINT_3D: _style("chocolate", "o"),
    S.STABLE_NODE_3D: _style("tab:red", "x"),
    S.UNSTABLE_SADDLE_3D: _style("tab:orange", "o"),
    S.UNSTABLE_NODE_3D: _style("tab:orange", "o"),
    S.STABLE_FOCUS_3D: _style("tab:purple", "x"),
    S.UNSTABLE_FOCUS_3D: _style("tab:cyan", "o"),
    S.UNSTABLE_CENTER_3D: _style("lime", "o"),
    S.UNKNOWN_3D: _style("black", "o"),
}

line_limit_cycle: dict[str, Any] = {"linewidth": 2.0, "color": "tab:red", "linestyle": "-"}


def set_plot_schema(fixed_point: str, **schema: Any) -> None:
    """Change how one type of fixed point is drawn (in every dimension that has it).

    Args:
      fixed_point: a type name of :mod:`~brainpy_dyn.analysis.stability`, such as
        ``'stable node'``.
      **schema: matplotlib keyword arguments, such as ``color='k'``, ``marker='*'``.

    Raises:
      TypeError: ``fixed_point`` is not a string.
      KeyError: ``fixed_point`` is not a known type.

    Examples:
      >>> from brainpy_dyn.analysis import plotstyle
      >>> plotstyle.set_plot_schema('center', color='lime')
      >>> plotstyle.fixed_point_2d['center']['color']
      'lime'
    """
    if not isinstance(fixed_point, str):
        raise TypeError(
            f"set_plot_schema: fixed_point must be a type name (str), got {fixed_point!r}."
        )
    found = False
    for table in (fixed_point_1d, fixed_point_2d, fixed_point_3d):
        if fixed_point in table:
            table[fixed_point].update(schema)
            found = True
    if not found:
        known = sorted({*fixed_point_1d, *fixed_point_2d, *fixed_point_3d})
        raise KeyError(
            f"set_plot_schema: unknown fixed_point={fixed_point!r}; expected one of {known}."
        )


def set_markersize(markersize: float) -> None:
    """Set the marker size of every fixed-point type.

    Args:
      markersize: the size in points.

    Raises:
      TypeError: ``markersize`` is not a number.

    Examples:
      >>> from brainpy_dyn.analysis import plotstyle
      >>> plotstyle.set_markersize(10)
      >>> plotstyle.fixed_point_1d['saddle node']['markersize']
      10
    """
    if isinstance(markersize, bool) or not isinstance(markersize, (int, float)):
        raise TypeError(f"set_markersize: markersize must be a number, got {markersize!r}.")
    for table in (fixed_point_1d, fixed_point_2d, fixed_point_3d):
        for style in table.values():
            style["markersize"] = markersize

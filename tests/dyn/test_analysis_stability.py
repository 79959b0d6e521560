"""``analysis.stability``: fixed-point types from the trace and determinant (closed forms)."""

from __future__ import annotations

import numpy as np
import pytest

from brainpy_dyn.analysis import plotstyle, stability


@pytest.mark.parametrize(
    ("jac", "kind"),
    [
        (1.0, stability.UNSTABLE_POINT_1D),
        (-1.0, stability.STABLE_POINT_1D),
        (0.0, stability.SADDLE_NODE),
        ([[1.0, 0.0], [0.0, -1.0]], stability.SADDLE_NODE),
        ([[-1.0, 0.0], [0.0, -2.0]], stability.STABLE_NODE_2D),
        ([[1.0, 0.0], [0.0, 2.0]], stability.UNSTABLE_NODE_2D),
        ([[-1.0, -2.0], [2.0, -1.0]], stability.STABLE_FOCUS_2D),
        ([[1.0, -2.0], [2.0, 1.0]], stability.UNSTABLE_FOCUS_2D),
        ([[0.0, 1.0], [-1.0, 0.0]], stability.CENTER_2D),
        ([[-1.0, 0.0], [0.0, -1.0]], stability.STABLE_STAR_2D),
        ([[2.0, 0.0], [0.0, 2.0]], stability.UNSTABLE_STAR_2D),
        ([[-1.0, 1.0], [0.0, -1.0]], stability.STABLE_DEGENERATE_2D),
        ([[1.0, 1.0], [0.0, 1.0]], stability.UNSTABLE_DEGENERATE_2D),
        ([[1.0, 0.0], [0.0, 0.0]], stability.UNSTABLE_LINE_2D),
        ([[-1.0, 0.0], [0.0, 0.0]], stability.CENTER_MANIFOLD),
        (-np.diag([1.0, 2.0, 3.0]), stability.STABLE_NODE_3D),
        (np.diag([1.0, 2.0, 3.0]), stability.UNSTABLE_NODE_3D),
        (np.diag([1.0, -2.0, 3.0]), stability.UNSTABLE_SADDLE_3D),
        ([[-1.0, -2.0, 0.0], [2.0, -1.0, 0.0], [0.0, 0.0, -3.0]], stability.STABLE_FOCUS_3D),
        ([[1.0, -2.0, 0.0], [2.0, 1.0, 0.0], [0.0, 0.0, 3.0]], stability.UNSTABLE_FOCUS_3D),
        ([[0.0, -2.0, 0.0], [2.0, 0.0, 0.0], [0.0, 0.0, -3.0]], stability.UNSTABLE_CENTER_3D),
    ],
)
def test_types(jac, kind) -> None:
    assert stability.stability_analysis(jac) == kind


def test_type_lists_cover_every_result_and_have_styles() -> None:
    assert set(stability.get_1d_stability_types()) <= set(plotstyle.fixed_point_1d)
    assert set(stability.get_2d_stability_types()) == set(plotstyle.fixed_point_2d)
    assert set(stability.get_3d_stability_types()) == set(plotstyle.fixed_point_3d)


def test_bad_input_and_schema_changes() -> None:
    with pytest.raises(ValueError, match="derivatives"):
        stability.stability_analysis(np.ones(5))
    with pytest.raises(KeyError, match="fixed_point"):
        plotstyle.set_plot_schema("whirlpool", color="k")
    with pytest.raises(TypeError, match="markersize"):
        plotstyle.set_markersize("big")
    old = dict(plotstyle.fixed_point_2d[stability.CENTER_2D])
    try:
        plotstyle.set_plot_schema(stability.CENTER_2D, marker="*")
        assert plotstyle.fixed_point_2d[stability.CENTER_2D]["marker"] == "*"
    finally:
        plotstyle.fixed_point_2d[stability.CENTER_2D].update(old)

"""``visualize.animate_1D/animate_2D/get_figure/remove_axis/plot_style1`` (Agg backend)."""

from __future__ import annotations

import numpy as np
import pytest

from brainpy_dyn import visualize
from brainpy_dyn.errors import PlotValueError

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
plt = pytest.importorskip("matplotlib.pyplot")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_get_figure_and_remove_axis():
    fig, gs = visualize.get_figure(2, 3, row_len=2, col_len=4)
    assert tuple(fig.get_size_inches()) == (12.0, 4.0)
    ax = fig.add_subplot(gs[1, 2])
    assert visualize.remove_axis(ax, "top", "right") is ax
    assert not ax.spines["top"].get_visible() and not ax.spines["right"].get_visible()
    assert ax.spines["left"].get_visible()
    with pytest.raises(PlotValueError, match="side"):
        visualize.remove_axis(ax, "middle")
    with pytest.raises(PlotValueError, match="row_num"):
        visualize.get_figure(0, 1)


def test_plot_style1_sets_rc_params():
    with matplotlib.rc_context():
        visualize.plot_style1(fontsize=15, figsize="6,3", lw=2)
        assert matplotlib.rcParams["font.size"] == 15
        assert tuple(matplotlib.rcParams["figure.figsize"]) == (6.0, 3.0)
        assert matplotlib.rcParams["lines.linewidth"] == 2
    with pytest.raises(PlotValueError, match="figsize"):
        visualize.plot_style1(figsize="6")


def test_animate_1d_draws_each_recorded_row(tmp_path):
    ys = np.sin(np.linspace(0, 3, 40)).reshape(8, 5)
    anim = visualize.animate_1D(
        {"ys": ys, "xs": np.arange(5) * 0.5, "legend": "v"},
        static_vars={"ys": np.zeros(5), "legend": "zero"},
        dt=0.5,
        frame_step=2,
        show=False,
        save_path=str(tmp_path / "a.gif"),
    )
    assert (tmp_path / "a.gif").stat().st_size > 0
    ax = anim._fig.axes[0]
    anim._func(6)  # draw frame 6
    moving = ax.lines[-1]
    np.testing.assert_allclose(moving.get_ydata(), ys[6])
    np.testing.assert_allclose(moving.get_xdata(), np.arange(5) * 0.5)
    assert ax.get_title() == "Time: 3.00 ms"
    with pytest.raises(PlotValueError, match="2-D"):
        visualize.animate_1D(np.zeros(5), show=False)
    with pytest.raises(PlotValueError, match="frame_step"):
        visualize.animate_1D(ys, frame_step=0, show=False)


def test_animate_2d_reshapes_each_row_to_the_sheet(tmp_path):
    values = np.arange(3 * 6, dtype=float).reshape(3, 6)
    anim = visualize.animate_2D(values, (2, 3), dt=1.0, show=False, save_path=tmp_path / "b.gif")
    image = anim._fig.axes[0].images[0]
    anim._func(2)
    np.testing.assert_array_equal(image.get_array(), values[2].reshape(2, 3))
    assert image.get_clim() == (0.0, 17.0)
    with pytest.raises(PlotValueError, match="net_size"):
        visualize.animate_2D(values, (4, 4), show=False)

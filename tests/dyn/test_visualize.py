"""``visualize.raster_plot`` and ``visualize.line_plot`` (Agg backend)."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_math as bm
from brainpy_dyn import visualize
from brainpy_dyn.errors import PlotValueError

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
plt = pytest.importorskip("matplotlib.pyplot")


@pytest.fixture
def ax():
    fig, axes = plt.subplots()
    yield axes
    plt.close(fig)


def test_raster_plot_draws_one_dot_per_spike(ax):
    ts = np.array([0.1, 0.2, 0.3])
    spikes = np.array([[1, 0, 0], [0, 0, 1], [1, 1, 0]], dtype=bool)
    out = visualize.raster_plot(
        ts, spikes, ax=ax, color="red", xlim=(0, 1), ylim=(-1, 3), title="raster", markersize=3
    )
    assert out is ax
    (line,) = ax.lines
    np.testing.assert_allclose(line.get_xydata(), [[0.1, 0], [0.2, 2], [0.3, 0], [0.3, 1]])
    assert line.get_marker() == "." and line.get_linestyle() == "None"
    assert ax.get_xlabel() == "Time (ms)" and ax.get_ylabel() == "Neuron index"
    assert ax.get_title() == "raster" and ax.get_xlim() == (0, 1)


def test_raster_plot_accepts_brainpy_arrays_and_uses_current_axes(ax):
    plt.sca(ax)
    out = visualize.raster_plot(bm.asarray([0.0, 1.0]), bm.asarray([[0.0, 2.0], [0.0, 0.0]]))
    assert out is ax and ax.lines[0].get_xydata().tolist() == [[0.0, 1.0]]


def test_raster_plot_errors(ax):
    with pytest.raises(PlotValueError, match="ts must be the array of time points, got None"):
        visualize.raster_plot(None, np.zeros((2, 2)), ax=ax)
    with pytest.raises(
        PlotValueError, match=r"one time per row of sp_matrix \(2\), got shape \(3,\)"
    ):
        visualize.raster_plot(np.zeros(3), np.zeros((2, 2)), ax=ax)
    with pytest.raises(PlotValueError, match="sp_matrix must be 2-d"):
        visualize.raster_plot(np.zeros(3), np.zeros(3), ax=ax)


def test_line_plot(ax):
    ts = np.arange(4.0)
    values = np.arange(12.0).reshape(4, 3)
    out = visualize.line_plot(
        ts, values, plot_ids=[0, 2], ax=ax, legend="V", ylabel="mV", ylim=(0, 20)
    )
    assert out is ax and len(ax.lines) == 2
    np.testing.assert_allclose(ax.lines[1].get_ydata(), values[:, 2])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["V-0", "V-2"]
    assert ax.get_ylabel() == "mV"


def test_line_plot_defaults_and_errors(ax):
    visualize.line_plot(np.arange(3.0), np.ones(3), ax=ax)
    assert len(ax.lines) == 1 and ax.get_legend() is None
    with pytest.raises(PlotValueError, match="ts must be the array of time points, got None"):
        visualize.line_plot(None, np.ones(3), ax=ax)
    with pytest.raises(PlotValueError, match=r"plot_ids \[5\] are out of range for 1 columns"):
        visualize.line_plot(np.arange(3.0), np.ones(3), plot_ids=5, ax=ax)


def test_show_calls_pyplot_show(ax, monkeypatch):
    calls = []
    monkeypatch.setattr(plt, "show", lambda: calls.append(1))
    visualize.raster_plot(np.arange(2.0), np.ones((2, 1)), ax=ax, show=True)
    visualize.line_plot(np.arange(2.0), np.ones(2), ax=ax, show=True)
    assert calls == [1, 1]

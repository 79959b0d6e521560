"""``analysis.Bifurcation1D``/``Bifurcation2D``/``FastSlow1D``/``FastSlow2D`` vs closed forms."""

from __future__ import annotations

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
plt = pytest.importorskip("matplotlib.pyplot")

import brainpy_dyn as bd  # noqa: E402
from brainpy_dyn.analysis import (  # noqa: E402
    Bifurcation1D,
    Bifurcation2D,
    FastSlow1D,
    FastSlow2D,
    stability,
)
from brainpy_dyn.errors import AnalyzerError  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_pitchfork_branches_match_closed_form() -> None:
    @bd.odeint
    def int_x(x, t, mu):
        return mu * x - x**3

    bif = Bifurcation1D(
        int_x,
        target_pars={"mu": [-1.0, 1.0]},
        target_vars={"x": [-1.5, 1.5]},
        resolutions={"mu": 0.25, "x": 0.01},
    )
    fps, pars, dfdx = bif.plot_bifurcation(with_return=True)
    for mu in bif.resolutions["mu"]:
        got = np.sort(fps[pars[:, 0] == mu])
        expected = [0.0] if mu <= 0 else [-np.sqrt(mu), 0.0, np.sqrt(mu)]
        np.testing.assert_allclose(got, expected, atol=1e-5)
    np.testing.assert_allclose(dfdx, pars[:, 0] - 3 * fps**2, atol=1e-5)
    kinds = {stability.stability_analysis(d) for d in dfdx}
    assert kinds == {"stable point", "unstable point", "saddle node"}
    assert plt.fignum_exists("x")


def test_saddle_node_branches_and_two_parameters() -> None:
    @bd.odeint
    def int_x(x, t, a, b):
        return a + b - x**2

    bif = Bifurcation1D(
        int_x,
        target_pars={"a": [0.5, 1.5], "b": [0.0, 1.0]},
        target_vars={"x": [-2.0, 2.0]},
        resolutions={"a": 0.5, "b": 0.5, "x": 0.05},
    )
    fps, pars, _ = bif.plot_bifurcation(with_return=True)
    assert pars.shape == (2 * 9, 2)
    np.testing.assert_allclose(np.abs(fps), np.sqrt(pars.sum(axis=1)), atol=1e-5)


def fhn(method: str = "rk4"):
    def dV(V, t, w, Iext):
        return V - V**3 / 3 - w + Iext

    def dw(w, t, V, a=0.7, b=0.8):
        return (V + a - b * w) / 12.5

    return [bd.odeint(dV, method=method), bd.odeint(dw, method=method)]


def test_fhn_codimension_one_fixed_points_match_the_cubic() -> None:
    bif = Bifurcation2D(
        fhn(),
        target_pars={"Iext": [0.0, 1.5]},
        target_vars={"V": [-3.0, 3.0], "w": [-1.0, 3.0]},
        resolutions={"Iext": 0.5, "V": 0.1, "w": 0.1},
    )
    fps, pars, jac = bif.plot_bifurcation(with_return=True, num_rank=50)
    assert sorted(pars[:, 0].tolist()) == [0.0, 0.5, 1.0, 1.5]
    for (V, w), (Iext,), J in zip(fps, pars, jac, strict=True):
        roots = np.roots([-1 / 3, 0.0, 1 - 1 / 0.8, Iext - 0.7 / 0.8])
        V0 = roots[np.abs(roots.imag) < 1e-9].real[0]
        np.testing.assert_allclose([V, w], [V0, (V0 + 0.7) / 0.8], atol=1e-4)
        np.testing.assert_allclose(J, [[1 - V0**2, -1.0], [0.08, -0.064]], atol=1e-4)
    assert plt.fignum_exists("V") and plt.fignum_exists("w")
    cycles = bif.plot_limit_cycle_by_sim(duration=200.0, dt=0.05, with_return=True, tol=0.01)
    # Only the fixed points that lose stability (Iext = 0.5, 1.0) are surrounded by a cycle.
    assert sorted(cycles["pars"][:, 0].tolist()) == [0.5, 1.0]
    assert np.all(cycles["V"]["max"] > 1.5) and np.all(cycles["V"]["min"] < -1.5)


def test_codimension_two_and_segments() -> None:
    def dx(x, t, y, a):
        return a - x

    def dy(y, t, x, b):
        return x + b - y

    bif = Bifurcation2D(
        [bd.odeint(dx), bd.odeint(dy)],
        target_pars={"a": [0.0, 1.0], "b": [-1.0, 0.0]},
        target_vars={"x": [-2.0, 2.0], "y": [-2.0, 2.0]},
        resolutions={"a": 0.5, "b": 0.5, "x": 0.2, "y": 0.2},
    )
    fps, pars, jac = bif.plot_bifurcation(
        with_return=True, num_par_segments=2, num_fp_segment=2, select_candidates="nullclines"
    )
    assert len(fps) == 9
    np.testing.assert_allclose(fps[:, 0], pars[:, 0], atol=1e-5)
    np.testing.assert_allclose(fps[:, 1], pars[:, 0] + pars[:, 1], atol=1e-5)
    assert {stability.stability_analysis(j) for j in jac} == {"stable degenerate"}
    with pytest.raises(AnalyzerError, match="select_candidates"):
        bif.plot_bifurcation(select_candidates="random")


def test_fast_slow_follows_the_branch() -> None:
    def dx(x, t, w):
        return w - x

    def dw(w, t, x):
        return 0.05 * (1.0 - w)

    fs = FastSlow1D(
        [bd.odeint(dx, method="rk4"), bd.odeint(dw, method="rk4")],
        fast_vars={"x": [-2.0, 2.0]},
        slow_vars={"w": [-1.0, 1.0]},
        resolutions={"x": 0.1, "w": 0.25},
    )
    fps, pars, _ = fs.plot_bifurcation(with_return=True)
    np.testing.assert_allclose(fps, pars[:, 0], atol=1e-5)
    tr = fs.plot_trajectory({"x": [0.0], "w": [-1.0]}, duration=20.0, dt=0.05, with_return=True)
    w_exact = 1.0 - 2.0 * np.exp(-0.05 * tr["ts"])
    np.testing.assert_allclose(tr["w"][:, 0], w_exact, atol=1e-4)
    with pytest.raises(AnalyzerError, match="slow_vars"):
        FastSlow1D(
            [bd.odeint(dx), bd.odeint(dw)], fast_vars={"x": [-2.0, 2.0]}, slow_vars={"u": [0, 1]}
        )
    with pytest.raises(AnalyzerError, match="fast_vars"):
        FastSlow1D(
            [bd.odeint(dx), bd.odeint(dw)], fast_vars={"q": [-2.0, 2.0]}, slow_vars={"w": [0, 1]}
        )


def test_fast_slow_2d_of_fhn_with_slow_current() -> None:
    def dV(V, t, w, Iext):
        return V - V**3 / 3 - w + Iext

    def dw(w, t, V):
        return (V + 0.7 - 0.8 * w) / 12.5

    def dI(Iext, t):
        return 0.0 * Iext

    fs = FastSlow2D(
        [bd.odeint(dV), bd.odeint(dw), bd.odeint(dI)],
        fast_vars={"V": [-3.0, 3.0], "w": [-1.0, 3.0]},
        slow_vars={"Iext": [0.0, 1.0]},
        resolutions={"V": 0.1, "w": 0.1, "Iext": 0.5},
    )
    fps, pars, _ = fs.plot_bifurcation(with_return=True, num_rank=30)
    assert sorted(pars[:, 0].tolist()) == [0.0, 0.5, 1.0]
    tr = fs.plot_trajectory({"V": [1.0], "w": [0.0], "Iext": [0.5]}, duration=5.0, with_return=True)
    np.testing.assert_allclose(tr["Iext"], 0.5)


def test_bifurcation_settings_are_checked() -> None:
    with pytest.raises(AnalyzerError, match="target_pars"):
        Bifurcation2D(fhn(), target_pars={}, target_vars={"V": [-3, 3], "w": [-1, 3]})
    with pytest.raises(AnalyzerError, match="target_pars"):
        Bifurcation2D(fhn(), target_pars={"I": [0, 1]}, target_vars={"V": [-3, 3], "w": [-1, 3]})
    with pytest.raises(AnalyzerError, match="exactly 1"):
        Bifurcation1D(fhn(), target_pars={"Iext": [0, 1]}, target_vars={"V": [-3, 3], "w": [-1, 3]})
    with pytest.raises(AnalyzerError, match="resolutions"):
        Bifurcation2D(
            fhn(),
            target_pars={"Iext": [0, 1]},
            target_vars={"V": [-3, 3], "w": [-1, 3]},
            resolutions={"V": 0.1, "w": 0.1, "I": 0.1},
        )
    with pytest.raises(AnalyzerError, match=r"resolutions\['Iext'\]"):
        Bifurcation2D(
            fhn(),
            target_pars={"Iext": [0, 1]},
            target_vars={"V": [-3, 3], "w": [-1, 3]},
            resolutions={"Iext": -0.1},
        )
    with pytest.raises(AnalyzerError, match="options"):
        Bifurcation2D(
            fhn(),
            target_pars={"Iext": [0, 1]},
            target_vars={"V": [-3, 3], "w": [-1, 3]},
            options={"unknown": 1},
        )

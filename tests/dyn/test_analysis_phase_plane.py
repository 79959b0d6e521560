"""``analysis.PhasePlane1D``/``PhasePlane2D`` against closed forms (FitzHugh-Nagumo, cubics)."""

from __future__ import annotations

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
plt = pytest.importorskip("matplotlib.pyplot")

import brainpy_dyn as bd  # noqa: E402
from brainpy_dyn.analysis import PhasePlane1D, PhasePlane2D, stability  # noqa: E402
from brainpy_dyn.errors import AnalyzerError  # noqa: E402

A, B, TAU = 0.7, 0.8, 12.5


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def fhn_model():
    def dV(V, t, w, Iext=0.0):
        return V - V**3 / 3 - w + Iext

    def dw(w, t, V, a=A, b=B):
        return (V + a - b * w) / TAU

    return [bd.odeint(dV, method="rk4"), bd.odeint(dw, method="rk4")]


def fhn_fixed_point(Iext: float) -> tuple[np.ndarray, str]:
    """The one fixed point of FitzHugh-Nagumo and its type, from the cubic and the Jacobian."""
    # w = (V + a) / b on the w-nullcline, so -V^3/3 + (1 - 1/b) V + (Iext - a/b) = 0.
    roots = np.roots([-1 / 3, 0.0, 1 - 1 / B, Iext - A / B])
    V = roots[np.abs(roots.imag) < 1e-9].real
    assert V.size == 1
    V = float(V[0])
    w = (V + A) / B
    jac = np.array([[1 - V**2, -1.0], [1 / TAU, -B / TAU]])
    return np.array([V, w]), stability.stability_analysis(jac)


@pytest.mark.parametrize(
    ("Iext", "kind", "select"),
    [
        (0.0, "stable focus", "fx-nullcline"),
        (0.5, "unstable focus", "nullclines"),
        (1.5, "stable focus", "aux_rank"),
        (0.5, "unstable focus", "fy-nullcline"),
    ],
)
def test_fhn_fixed_point_and_stability(Iext: float, kind: str, select: str) -> None:
    pp = PhasePlane2D(
        fhn_model(),
        target_vars={"V": [-3.0, 3.0], "w": [-1.0, 3.0]},
        pars_update={"Iext": Iext},
        resolutions=0.05,
    )
    fps = pp.plot_fixed_point(with_return=True, select_candidates=select)
    expected, expected_kind = fhn_fixed_point(Iext)
    assert expected_kind == kind
    assert fps.shape == (1, 2)
    np.testing.assert_allclose(fps[0], expected, atol=1e-4)
    jac = pp._jacobians(fps, np.zeros((1, 0)))
    assert stability.stability_analysis(jac[0]) == kind
    labels = [t.get_text() for t in plt.gca().get_legend().get_texts()]
    assert labels == [kind]


def test_fhn_nullclines_lie_on_closed_forms() -> None:
    pp = PhasePlane2D(
        fhn_model(), target_vars={"V": [-3.0, 3.0], "w": [-1.0, 3.0]}, resolutions=0.1
    )
    nc = pp.plot_nullcline(with_return=True)
    V, w = nc["V"].T  # dV/dt = 0: w = V - V^3/3
    np.testing.assert_allclose(w, V - V**3 / 3, atol=1e-4)
    V, w = nc["w"].T  # dw/dt = 0: w = (V + a) / b
    np.testing.assert_allclose(w, (V + A) / B, atol=1e-4)
    assert len(nc["V"]) > 40 and len(nc["w"]) > 40
    only = pp.plot_nullcline(with_plot=False, with_return=True, coords={"w": "w-V"})
    grid_V = only["w"][:, 0]  # solved for w at each grid V: one point per grid V
    assert np.unique(grid_V).size == len(grid_V) >= 30
    assert np.all(np.isin(grid_V, pp.resolutions["V"]))


def test_vector_field_values_and_plot_methods() -> None:
    pp = PhasePlane2D(
        fhn_model(), target_vars={"V": [-2.0, 2.0], "w": [-1.0, 1.0]}, resolutions=0.5
    )
    dV, dw = pp.plot_vector_field(with_return=True)
    V, w = np.meshgrid(pp.resolutions["V"], pp.resolutions["w"])
    np.testing.assert_allclose(dV, V - V**3 / 3 - w, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(dw, (V + A - B * w) / TAU, rtol=1e-5, atol=1e-6)
    pp.plot_vector_field(plot_method="quiver")
    with pytest.raises(AnalyzerError, match="plot_method"):
        pp.plot_vector_field(plot_method="arrows")


def test_trajectory_matches_exponential_decay() -> None:
    def dx(x, t, y):
        return -x

    def dy(y, t, x):
        return -2.0 * y

    pp = PhasePlane2D(
        [bd.odeint(dx, method="rk4"), bd.odeint(dy, method="rk4")],
        target_vars={"x": [-1.0, 1.0], "y": [-1.0, 1.0]},
    )
    tr = pp.plot_trajectory(
        {"x": [1.0, 0.5], "y": [1.0, -1.0]}, duration=2.0, dt=0.01, with_return=True, axes="t-v"
    )
    assert tr["x"].shape == (200, 2)
    np.testing.assert_allclose(tr["ts"][-1], 2.0, rtol=1e-6)
    np.testing.assert_allclose(tr["x"][-1], np.array([1.0, 0.5]) * np.exp(-2.0), rtol=1e-4)
    np.testing.assert_allclose(tr["y"][-1], np.array([1.0, -1.0]) * np.exp(-4.0), rtol=1e-4)
    pts = pp.plot_trajectory([[0.2, 0.3]], duration=1.0, dt=0.01, with_return=True)
    np.testing.assert_allclose(pts["x"][-1, 0], 0.2 * np.exp(-1.0), rtol=1e-4)
    span = pp.plot_trajectory(
        [[0.2, 0.3]], duration=(1.0, 3.0), dt=0.01, with_return=True, plot_durations=(2.0, 3.0)
    )
    np.testing.assert_allclose(span["ts"][[0, -1]], [1.01, 3.0], rtol=1e-5)
    np.testing.assert_allclose(span["x"][-1, 0], 0.2 * np.exp(-2.0), rtol=1e-4)
    with pytest.raises(AnalyzerError, match="duration"):
        pp.plot_trajectory([[0.2, 0.3], [0.1, 0.1]], duration=[(0.0, 1.0), (0.0, 2.0)])
    with pytest.raises(AnalyzerError, match="plot_durations"):
        pp.plot_trajectory([[0.2, 0.3]], duration=1.0, plot_durations=(0.0, 1.0, 2.0))


def test_limit_cycle_found_only_when_the_fixed_point_is_unstable(capsys) -> None:
    for Iext, has_cycle in ((0.5, True), (0.0, False)):
        pp = PhasePlane2D(
            fhn_model(),
            target_vars={"V": [-3.0, 3.0], "w": [-1.0, 3.0]},
            pars_update={"Iext": Iext},
        )
        pp.plot_limit_cycle_by_sim({"V": [1.0], "w": [0.0]}, duration=300.0, dt=0.05)
        printed = capsys.readouterr().out
        assert ("no limit cycle" not in printed) == has_cycle


@pytest.mark.parametrize("Iext", [0.0, 0.2, -0.3])
def test_1d_fixed_points_of_a_cubic_match_numpy_roots(Iext: float) -> None:
    @bd.odeint
    def int_x(x, t, Iext):
        return x**3 - x + Iext

    pp = PhasePlane1D(
        int_x, target_vars={"x": [-2.0, 2.0]}, pars_update={"Iext": Iext}, resolutions=0.01
    )
    fps = pp.plot_fixed_point(with_return=True)
    roots = np.roots([1.0, 0.0, -1.0, Iext])
    expected = np.sort(roots[np.abs(roots.imag) < 1e-9].real)
    np.testing.assert_allclose(fps, expected, atol=1e-5)
    dx = pp.plot_vector_field(with_return=True)
    xs = pp.resolutions["x"]
    np.testing.assert_allclose(dx, xs**3 - xs + Iext, atol=1e-5)
    kinds = [t.get_text() for t in plt.gca().get_legend().get_texts()]
    assert set(kinds) <= {"stable point", "unstable point", "dxdt"}


def test_1d_tangent_fixed_point_without_sign_change() -> None:
    def dx(x, t):
        return x**2

    pp = PhasePlane1D(bd.odeint(dx), target_vars={"x": [-1.05, 0.95]}, resolutions=0.1)
    fps = pp.plot_fixed_point(with_plot=False, with_return=True)
    np.testing.assert_allclose(fps, [0.0], atol=1e-3)


def test_bad_settings_name_the_argument() -> None:
    model = fhn_model()
    ranges = {"V": [-3.0, 3.0], "w": [-1.0, 3.0]}
    with pytest.raises(AnalyzerError, match="target_vars"):
        PhasePlane2D(model, target_vars={"V": [-3.0, 3.0], "u": [0.0, 1.0]})
    with pytest.raises(AnalyzerError, match="fixed_vars"):
        PhasePlane1D(model, target_vars={"V": [-3.0, 3.0]})
    with pytest.raises(AnalyzerError, match="pars_update"):
        PhasePlane2D(model, target_vars=ranges, pars_update={"I": 1.0})
    partial = PhasePlane2D(model, target_vars=ranges, resolutions={"V": 0.1})
    assert len(partial.resolutions["V"]) == 61 and len(partial.resolutions["w"]) == 20
    with pytest.raises(AnalyzerError, match="resolutions"):
        PhasePlane2D(model, target_vars=ranges, resolutions={"V": 0.1, "w": 0.1, "x": 0.1})
    with pytest.raises(AnalyzerError, match="target_pars"):
        PhasePlane2D(model, target_vars=ranges, target_pars={"Iext": [0.0, 1.0]})
    with pytest.raises(AnalyzerError, match=r"target_vars\['V'\]"):
        PhasePlane2D(model, target_vars={"V": [3.0, -3.0], "w": [-1.0, 3.0]})
    with pytest.raises(AnalyzerError, match="exactly two"):
        PhasePlane2D(model, target_vars={"V": [-3.0, 3.0]}, fixed_vars={"w": 0.0})
    with pytest.raises(TypeError, match="unexpected keyword"):
        PhasePlane2D(model, target_vars=ranges, option={})
    pp = PhasePlane2D(model, target_vars=ranges)
    with pytest.raises(AnalyzerError, match="select_candidates"):
        pp.plot_fixed_point(select_candidates="grid")
    with pytest.raises(AnalyzerError, match="initials"):
        pp.plot_trajectory({"V": [0.0]}, duration=1.0)
    with pytest.raises(AnalyzerError, match="coords"):
        pp.plot_nullcline(coords={"w": "w-u"})


def test_fixed_var_and_joint_eq_model() -> None:
    def dV(V, t, w, Iext):
        return V - V**3 / 3 - w + Iext

    def dw(w, t, V):
        return (V + A - B * w) / TAU

    joint = bd.odeint(bd.JointEq(dV, dw), method="rk4")
    pp = PhasePlane1D(
        joint,
        target_vars={"V": [-3.0, 3.0]},
        fixed_vars={"w": 0.0},
        pars_update={"Iext": 0.0},
        resolutions=0.01,
    )
    fps = pp.plot_fixed_point(with_plot=False, with_return=True)
    np.testing.assert_allclose(fps, [-np.sqrt(3.0), 0.0, np.sqrt(3.0)], atol=1e-5)
    pp2 = PhasePlane2D(
        joint,
        target_vars={"V": [-3.0, 3.0], "w": [-1.0, 3.0]},
        pars_update={"Iext": 0.5},
        resolutions=0.05,
    )
    fps = pp2.plot_fixed_point(with_plot=False, with_return=True)
    np.testing.assert_allclose(fps[0], fhn_fixed_point(0.5)[0], atol=1e-4)


def test_no_fixed_point_in_range_gives_an_empty_result() -> None:
    def dx(x, t, y):
        return 1.0 + 0.0 * x

    def dy(y, t, x):
        return x - y

    pp = PhasePlane2D(
        [bd.odeint(dx), bd.odeint(dy)],
        target_vars={"x": [-1.0, 1.0], "y": [-1.0, 1.0]},
        resolutions=0.25,
    )
    fps = pp.plot_fixed_point(with_return=True, select_candidates="aux_rank")
    assert fps.shape == (0, 2)
    nc = pp.plot_nullcline(with_return=True)
    assert nc["x"].shape == (0, 2) and len(nc["y"]) > 0

"""``analysis.SlowPointFinder`` on linear systems, whose fixed point is known in closed form."""

from __future__ import annotations

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn.analysis import CONTINUOUS, DISCRETE, SlowPointFinder
from brainpy_dyn.errors import AnalyzerError

A = np.array([[-1.0, 0.5, 0.0], [0.2, -2.0, 0.1], [0.0, 0.3, -0.5]])
b = np.array([1.0, -0.5, 0.25])
X_STAR = np.linalg.solve(A, -b)  # A x + b = 0


def test_continuous_linear_system_with_bfgs() -> None:
    finder = SlowPointFinder(lambda x: jnp.asarray(A) @ x + b, f_type=CONTINUOUS, verbose=False)
    cands = np.random.default_rng(0).uniform(-2, 2, (16, 3))
    finder.find_fps_with_opt_solver(cands)
    finder.filter_loss(1e-8)
    finder.keep_unique()
    np.testing.assert_allclose(finder.fixed_points, X_STAR[None], atol=1e-3)
    jac = finder.compute_jacobians(finder.fixed_points)
    np.testing.assert_allclose(jac[0], A, atol=1e-5)
    eig = finder.decompose_eigenvalues(jac, sort_by="real", do_compute_lefts=True)[0]
    np.testing.assert_allclose(
        np.sort(eig["eig_values"].real)[::-1], eig["eig_values"].real, atol=0
    )
    np.testing.assert_allclose(
        np.sort(eig["eig_values"].real), np.sort(np.linalg.eigvals(A).real), atol=1e-5
    )
    R, L = eig["R"], eig["L"]
    np.testing.assert_allclose(L.T @ R, np.eye(3), atol=1e-5)


def test_discrete_linear_map_with_gradient_descent(capsys) -> None:
    W = 0.5 * np.eye(3) + 0.1 * A
    x_star = np.linalg.solve(np.eye(3) - W, b)  # x = W x + b
    finder = SlowPointFinder(lambda x: jnp.asarray(W) @ x + b, f_type=DISCRETE)
    cands = np.random.default_rng(1).uniform(-1, 1, (8, 3))
    opt = bm.optimizers.Adam(lr=0.05)
    finder.find_fps_with_gd_method(
        cands, tolerance=1e-10, num_batch=200, num_opt=4000, optimizer=opt
    )
    assert "Training loss" in capsys.readouterr().out
    assert finder.opt_losses[-1] < finder.opt_losses[0]
    finder.filter_loss(1e-6)
    finder.keep_unique(0.01)
    np.testing.assert_allclose(finder.fixed_points, x_star[None], atol=1e-2)
    finder.exclude_outliers(1.0)  # a single point stays
    assert len(finder.fixed_points) == 1
    np.testing.assert_array_equal(finder.selected_ids.shape, (1,))


def test_outliers_and_unique_points() -> None:
    finder = SlowPointFinder(lambda x: x, f_type=CONTINUOUS, verbose=False)
    pts = np.array([[0.0, 0.0], [0.1, 0.0], [0.0, 0.001], [5.0, 5.0]])
    finder.find_fps_with_opt_solver(pts)  # the fixed point 0 of dx/dt = x from each start
    finder._fixed_points = pts  # select among these points directly
    finder._losses = np.array([0.0, 1.0, 0.5, 0.0])
    finder.keep_unique(0.05)
    np.testing.assert_allclose(finder.fixed_points, pts[[0, 1, 3]])
    finder.exclude_outliers(0.5)
    np.testing.assert_allclose(finder.fixed_points, pts[[0, 1]])


class Leaky(bd.DynamicalSystem):
    """x <- 0.5 x + 1 and y <- 0.25 y - x: fixed point x = 2, y = -8/3."""

    def __init__(self):
        super().__init__()
        self.x = bm.Variable(jnp.zeros(2))
        self.y = bm.Variable(jnp.zeros(2))
        self.drive = bm.Variable(jnp.ones(2))

    def update(self, tdi):
        x = 0.5 * self.x.value + self.drive.value
        self.y.value = 0.25 * self.y.value - self.x.value
        self.x.value = x
        self.drive.value = self.drive.value * 0.0  # consumed input: must be restored


def test_dynamical_system_fixed_point_and_restored_state() -> None:
    cell = Leaky()
    finder = SlowPointFinder(cell, excluded_vars=[cell.drive], verbose=False)
    with pytest.raises(ValueError, match="candidates"):
        finder.find_fps_with_opt_solver(np.zeros((4, 4)))
    rng = np.random.default_rng(2)
    finder.find_fps_with_opt_solver(
        {"x": rng.uniform(-3, 3, (6, 2)), "y": rng.uniform(-3, 3, (6, 2))}
    )
    finder.filter_loss(1e-8)
    finder.keep_unique()
    fps = finder.fixed_points
    np.testing.assert_allclose(fps["x"], np.full((1, 2), 2.0), atol=1e-3)
    np.testing.assert_allclose(fps["y"], np.full((1, 2), -8 / 3), atol=1e-3)
    np.testing.assert_array_equal(np.asarray(cell.x.value), np.zeros(2))
    np.testing.assert_array_equal(np.asarray(cell.drive.value), np.ones(2))
    jac = finder.compute_jacobians(fps)
    expected = np.block([[0.5 * np.eye(2), np.zeros((2, 2))], [-np.eye(2), 0.25 * np.eye(2)]])
    np.testing.assert_allclose(jac[0], expected, atol=1e-6)
    blocks = finder.compute_jacobians(fps, stack_dict_var=False)
    np.testing.assert_allclose(blocks["y"]["x"][0], -np.eye(2), atol=1e-6)


def test_bad_settings_name_the_argument() -> None:
    with pytest.raises(AnalyzerError, match="f_type"):
        SlowPointFinder(lambda x: x, f_type="stochastic")
    with pytest.raises(AnalyzerError, match="f_cell"):
        SlowPointFinder(3.0)
    finder = SlowPointFinder(lambda x: x, verbose=False)
    with pytest.raises(AnalyzerError, match="no points yet"):
        _ = finder.fixed_points
    with pytest.raises(AnalyzerError, match="opt_solver"):
        finder.find_fps_with_opt_solver(np.zeros((2, 2)), opt_solver="Newton")
    with pytest.raises(TypeError, match="optimizer"):
        finder.find_fps_with_gd_method(np.zeros((2, 2)), optimizer="adam")
    with pytest.raises(AnalyzerError, match="num_batch"):
        finder.find_fps_with_gd_method(np.zeros((2, 2)), num_batch=0)
    with pytest.raises(AnalyzerError, match="sort_by"):
        SlowPointFinder.decompose_eigenvalues(np.eye(2)[None], sort_by="size")

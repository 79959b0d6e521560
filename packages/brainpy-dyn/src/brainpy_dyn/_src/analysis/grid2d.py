"""What the two-variable analyzers share: the grid of ``F``, nullclines, initial points."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.analysis import constants as C
from brainpy_dyn._src.analysis.solvers import bisect_segments, sign_change_brackets
from brainpy_dyn._src.errors import AnalyzerError

__all__ = ["TwoDimGrid", "as_initials"]


def as_initials(who: str, names: Sequence[str], initials: Any) -> dict[str, np.ndarray]:
    """``initials`` (a dict of values, one point, or a list of points) as ``{name: (n,)}``."""
    if isinstance(initials, Mapping):
        missing = [n for n in names if n not in initials]
        unknown = [n for n in initials if n not in names]
        if missing or unknown:
            raise AnalyzerError(
                f"{who}: initials must give each of {list(names)}; "
                f"missing {missing}, unknown {unknown}."
            )
        cols = [np.atleast_1d(np.asarray(bm.as_numpy(initials[n]), dtype=float)) for n in names]
        try:
            cols = np.broadcast_arrays(*cols)
        except ValueError:
            raise AnalyzerError(
                f"{who}: the initial values of {list(names)} must have matching lengths, "
                f"got {[c.shape for c in cols]}."
            ) from None
        return {n: c.reshape(-1) for n, c in zip(names, cols, strict=True)}
    arr = np.asarray(initials, dtype=float)
    if arr.ndim == 1:
        arr = arr[None]
    if arr.ndim != 2 or arr.shape[1] != len(names):
        raise AnalyzerError(
            f"{who}: initials must be a dict {{name: values}} or points of {len(names)} values "
            f"({list(names)}), got an array of shape {np.shape(initials)}."
        )
    return {n: arr[:, i] for i, n in enumerate(names)}


class TwoDimGrid:
    """Grid evaluation and nullclines of a two-variable analyzer (x and y target variables)."""

    _who: str
    x_var: str
    y_var: str
    resolutions: dict
    target_vars: dict
    target_var_names: list
    options: dict

    def _grid_values(self, pars: np.ndarray | None = None) -> np.ndarray:
        """``F`` on the grid: shape ``(2, ny, nx)`` (``pars``: one row of target pars)."""
        rows = np.zeros((1, 0)) if pars is None else np.asarray(pars).reshape(1, -1)
        return self._grid_values_rows(rows)[0]

    def _grid_values_rows(self, rows: np.ndarray) -> np.ndarray:
        """``F`` on the grid for each row of target pars: shape ``(P, 2, ny, nx)``."""
        xs, ys = self.resolutions[self.x_var], self.resolutions[self.y_var]
        F = self._rhs()
        point = lambda x, y, p: F(jnp.stack([x, y]), p)  # noqa: E731
        f = jax.vmap(jax.vmap(point, (0, None, None)), (None, 0, None))  # (ny, nx, 2)
        f = jax.vmap(f, (None, None, 0))
        out = jax.jit(f)(jnp.asarray(xs), jnp.asarray(ys), jnp.asarray(rows))
        return np.moveaxis(np.asarray(out), -1, 1)

    def _nullcline(
        self,
        which: int,
        vals: np.ndarray,
        pars: np.ndarray,
        coords: str | None,
        tol: float = 1e-7,
    ) -> np.ndarray:
        """Points ``(n, 2)`` where component ``which`` of ``F`` vanishes, by grid bisection."""
        pts, _ = self._nullcline_rows(
            which, vals[None], np.asarray(pars).reshape(1, -1), coords, tol
        )
        return pts

    def _nullcline_rows(
        self,
        which: int,
        vals: np.ndarray,
        rows: np.ndarray,
        coords: str | None,
        tol: float = 1e-7,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Nullcline points ``(n, 2)`` of component ``which`` and their par-row index ``(n,)``.

        ``vals`` is ``F`` on the grid for each row of ``rows``, shape ``(P, 2, ny, nx)``. The
        points are where ``F[which]`` changes sign between neighbouring grid points, refined
        by bisection; or from a closed form in ``options`` (without target pars).
        """
        xs, ys = self.resolutions[self.x_var], self.resolutions[self.y_var]
        var = self.target_var_names[which]
        closed = {
            0: (C.y_by_x_in_fx, C.x_by_y_in_fx),
            1: (C.y_by_x_in_fy, C.x_by_y_in_fy),
        }[which]
        if closed[0] in self.options or closed[1] in self.options:
            pts_all, groups = [], []
            for i, row in enumerate(rows):
                if closed[0] in self.options:
                    y = np.asarray(bm.as_numpy(self.options[closed[0]](xs, *row)), dtype=float)
                    pts = np.stack([xs, np.broadcast_to(y, xs.shape)], axis=1)
                else:
                    x = np.asarray(bm.as_numpy(self.options[closed[1]](ys, *row)), dtype=float)
                    pts = np.stack([np.broadcast_to(x, ys.shape), ys], axis=1)
                pts = self._in_box(pts)
                pts_all.append(pts)
                groups.append(np.full(len(pts), i, np.int64))
            return np.concatenate(pts_all), np.concatenate(groups)
        along = ("x", "y")  # solve along x (for each grid y) and along y (for each grid x)
        if coords is not None:
            a, _, b = str(coords).partition("-")
            names = {self.x_var: "x", self.y_var: "y"}
            if a not in names or b not in names or a == b:
                raise AnalyzerError(
                    f"{self._who}: coords[{var!r}] must be '{self.y_var}-{self.x_var}' (solve "
                    f"{self.y_var} at each {self.x_var}) or '{self.x_var}-{self.y_var}', got "
                    f"{coords!r}."
                )
            along = (names[a],)
        v = vals[:, which]  # (P, ny, nx)
        starts, ends, groups = [], [], []
        if "x" in along:
            ip, iy, ix = sign_change_brackets(v, axis=2)
            starts.append(np.stack([xs[ix], ys[iy]], 1))
            ends.append(np.stack([xs[ix + 1], ys[iy]], 1))
            groups.append(ip)
        if "y" in along:
            ip, iy, ix = sign_change_brackets(v, axis=1)
            starts.append(np.stack([xs[ix], ys[iy]], 1))
            ends.append(np.stack([xs[ix], ys[iy + 1]], 1))
            groups.append(ip)
        p0, p1, g = np.concatenate(starts), np.concatenate(ends), np.concatenate(groups)
        pts, res, brk = bisect_segments(self._rhs(), which, p0, p1, jnp.asarray(rows[g]))
        ok = np.isfinite(res) & ((res <= 1e-2 * brk) | (res <= tol))
        return pts[ok], g[ok]

    def _in_box(self, pts: np.ndarray) -> np.ndarray:
        (x0, x1), (y0, y1) = self.target_vars[self.x_var], self.target_vars[self.y_var]
        ok = (pts[:, 0] >= x0) & (pts[:, 0] <= x1) & (pts[:, 1] >= y0) & (pts[:, 1] <= y1)
        return pts[ok & np.all(np.isfinite(pts), axis=1)]

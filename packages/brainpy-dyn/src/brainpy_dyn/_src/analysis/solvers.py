"""Vectorised root finding for the analyzers: brackets, bisection, Newton, de-duplication.

Every solver works on many starting points at once with :func:`jax.vmap`, runs a fixed
number of iterations inside one compiled loop, and reports each result's residual so the
caller can keep the converged ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

__all__ = [
    "batched",
    "bisect_segments",
    "sign_change_brackets",
    "newton_solve",
    "unique_points",
    "limit_cycle_period",
]


def sign_change_brackets(values: np.ndarray, axis: int) -> tuple[np.ndarray, ...]:
    """The index tuples ``i`` where ``values`` changes sign between ``i`` and ``i + 1`` on ``axis``.

    A grid value that is exactly zero counts as a sign change on its right.
    """
    v = np.moveaxis(np.asarray(values), axis, -1)
    a, b = v[..., :-1], v[..., 1:]
    finite = np.isfinite(a) & np.isfinite(b)
    change = finite & ((np.sign(a) * np.sign(b) < 0) | (a == 0))
    idx = np.nonzero(change)
    # Back to the original axis order.
    order = list(range(v.ndim))
    order.insert(axis, order.pop(-1))
    return tuple(idx[i] for i in order)


def _compiled(key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
    """A compiled function cached on the model function ``key[0]`` under the rest of ``key``.

    The cache lives as long as the model function (one per analyzer), so an analyzer reuses
    its compiled solvers from call to call and frees them with itself.
    """
    F, rest = key[0], key[1:]
    try:
        cache = F.__dict__.setdefault("_analysis_compiled", {})
    except AttributeError:  # a callable without a __dict__: no caching
        return build()
    fn = cache.get(rest)
    if fn is None:
        fn = cache[rest] = build()
    return fn


def _padded(n: int) -> int:
    """The batch size ``n`` is padded to, so that few sizes are ever compiled."""
    return max(8, 1 << (int(n) - 1).bit_length())


def _pad(tree: Any, n: int) -> Any:
    """Pad the leading axis of every leaf to ``_padded(n)`` by repeating the first row."""
    m = _padded(n)

    def pad(x: Any) -> Any:
        x = jnp.asarray(x)
        if m == n:
            return x
        return jnp.concatenate([x, jnp.repeat(x[:1], m - n, axis=0)], axis=0)

    return jax.tree_util.tree_map(pad, tree)


def batched(F: Callable[..., Any], kind: str, *xs: Any) -> np.ndarray:
    """``F`` (``kind='value'``) or its Jacobian (``'jacobian'``) at each row of ``xs``."""
    n = jnp.shape(xs[0])[0]
    if n == 0:
        return np.zeros((0,))

    def build() -> Any:
        g = F if kind == "value" else jax.jacfwd(F)
        return jax.jit(jax.vmap(g))

    fn = _compiled((F, kind), build)
    return np.asarray(fn(*_pad(tuple(jnp.asarray(x) for x in xs), n)))[:n]


def bisect_segments(
    F: Callable[[jax.Array, jax.Array], jax.Array],
    component: int,
    starts: Any,
    ends: Any,
    args: Any,
    num_iter: int = 60,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Bisect ``s -> F(start + s (end - start), arg)[component]`` on [0, 1] for each segment.

    Args:
      F: ``F(point, arg) -> vector``; its ``component`` changes sign between each start and
        end.
      component: the entry of ``F`` whose root is sought.
      starts, ends: the segments' end points, shape ``(n, d)``.
      args: per-segment extra arguments (an array with leading axis ``n``).
      num_iter: bisection steps; 60 halvings reach float64 resolution.

    Returns:
      ``(points, residuals, bracket)``: the roots ``(n, d)``, ``|f|`` there, and
      ``min(|f(start)|, |f(end)|)`` (a root of a sign change through a pole has a residual
      above it).
    """
    starts = jnp.asarray(starts)
    n = starts.shape[0]
    if n == 0:
        return np.zeros(starts.shape), np.zeros(0), np.zeros(0)

    def build() -> Any:
        def one(p0: jax.Array, p1: jax.Array, arg: Any, k: jax.Array) -> tuple[jax.Array, ...]:
            f = lambda pt: F(pt, arg)[k]  # noqa: E731
            g = lambda s: f(p0 + s * (p1 - p0))  # noqa: E731
            g0 = g(0.0)

            def body(_: Any, lohi: tuple[jax.Array, jax.Array]) -> tuple[jax.Array, jax.Array]:
                lo, hi = lohi
                mid = 0.5 * (lo + hi)
                same = jnp.sign(g(mid)) == jnp.sign(g0)
                return jnp.where(same, mid, lo), jnp.where(same, hi, mid)

            zero = jnp.zeros((), p0.dtype)
            lo, hi = jax.lax.fori_loop(0, num_iter, body, (zero, zero + 1.0))
            s = jnp.where(g0 == 0, 0.0, 0.5 * (lo + hi))
            root = p0 + s * (p1 - p0)
            return root, jnp.abs(f(root)), jnp.minimum(jnp.abs(g0), jnp.abs(g(1.0)))

        return jax.jit(jax.vmap(one, (0, 0, 0, None)))

    fn = _compiled((F, "bisect", num_iter), build)
    out = fn(*_pad((starts, jnp.asarray(ends), jnp.asarray(args)), n), jnp.asarray(component))
    return tuple(np.asarray(o)[:n] for o in out)  # type: ignore[return-value]


def newton_solve(
    F: Callable[[jax.Array, Any], jax.Array],
    x0: Any,
    args: Any,
    num_iter: int = 40,
) -> tuple[np.ndarray, np.ndarray]:
    """Solve ``F(x, arg) = 0`` from each row of ``x0`` with damped Newton steps.

    Each step is a Levenberg-Marquardt step on ``0.5 |F|^2`` (so it also moves near a
    singular Jacobian) and is accepted only when it lowers ``|F|``; the damping adapts.

    Args:
      F: ``F(x, arg) -> residual`` with ``x`` and the residual of shape ``(d,)``.
      x0: starting points, shape ``(n, d)``.
      args: per-point extra arguments (an array with leading axis ``n``).
      num_iter: Newton steps.

    Returns:
      ``(x, loss)``: the end points ``(n, d)`` and ``0.5 |F(x)|^2`` there.
    """
    x0 = jnp.asarray(x0)
    n = x0.shape[0]
    if n == 0:
        return np.zeros(x0.shape), np.zeros(0)

    def build() -> Any:
        def one(x: jax.Array, arg: Any) -> tuple[jax.Array, jax.Array]:
            fun = lambda y: F(y, arg)  # noqa: E731
            loss = lambda y: 0.5 * jnp.sum(fun(y) ** 2)  # noqa: E731
            eye = jnp.eye(x.shape[0], dtype=x.dtype)

            def body(_: Any, state: tuple[jax.Array, ...]) -> tuple[jax.Array, ...]:
                y, lam, ly = state
                r = fun(y)
                J = jax.jacfwd(fun)(y)
                A = J.T @ J
                scale = jnp.maximum(jnp.max(jnp.abs(jnp.diag(A))), 1e-30)
                step = jnp.linalg.solve(A + lam * scale * eye, J.T @ r)
                cand = y - step
                lc = loss(cand)
                better = jnp.isfinite(lc) & (lc < ly)
                y = jnp.where(better, cand, y)
                ly = jnp.where(better, lc, ly)
                lam = jnp.clip(jnp.where(better, lam * 0.1, lam * 10.0), 1e-12, 1e6)
                return y, lam, ly

            lam0 = jnp.asarray(1e-6, x.dtype)
            y, _, ly = jax.lax.fori_loop(0, num_iter, body, (x, lam0, loss(x)))
            return y, ly

        return jax.jit(jax.vmap(one))

    fn = _compiled((F, "newton", num_iter), build)
    xs, losses = fn(*_pad((x0, jnp.asarray(args)), n))
    return np.asarray(xs)[:n], np.asarray(losses)[:n]


def unique_points(
    points: np.ndarray, tol: float, order: np.ndarray | None = None, groups: Any = None
) -> np.ndarray:
    """The indices of points kept when each point within ``tol`` of a kept one is dropped.

    Args:
      points: shape ``(n, d)``.
      tol: the distance (Euclidean) under which two points are one.
      order: the preference order (indices, best first); default the given order.
      groups: a label per point; points of different groups are never merged.

    Returns:
      The kept indices, in ascending order.
    """
    n = len(points)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    points = np.asarray(points, dtype=float).reshape(n, -1)
    order = np.arange(n) if order is None else np.asarray(order, dtype=np.int64)
    if groups is None:
        labels = np.zeros(n, dtype=np.int64)
    else:
        labels = np.unique(np.asarray(groups), return_inverse=True, axis=0)[1].reshape(-1)
    kept: list[int] = []
    for g in np.unique(labels):
        idx = order[labels[order] == g]
        chosen = np.empty((0, points.shape[1]))
        for i in idx:
            if chosen.shape[0] == 0 or np.min(np.linalg.norm(chosen - points[i], axis=1)) > tol:
                chosen = np.vstack([chosen, points[i]])
                kept.append(int(i))
    return np.sort(np.asarray(kept, dtype=np.int64))


def limit_cycle_period(trace: np.ndarray, tol: float) -> tuple[int, int] | None:
    """Find one period at the end of a periodic ``trace``: the last two matching maxima.

    Args:
      trace: a 1-D time series.
      tol: how close two maxima must be to count as the same point of the cycle.

    Returns:
      ``(start, end)`` indices of one period, or ``None`` when the end of the trace has no
      two maxima within ``tol`` of each other (no oscillation).
    """
    x = np.asarray(trace, dtype=float)
    if x.size < 3 or not np.all(np.isfinite(x)):
        return None
    peaks = np.nonzero((x[1:-1] > x[:-2]) & (x[1:-1] >= x[2:]))[0] + 1
    if peaks.size < 2:
        return None
    last = peaks[-1]
    for p in peaks[-2::-1]:
        if abs(x[p] - x[last]) <= tol:
            if np.ptp(x[p : last + 1]) <= tol:  # damped to a fixed point
                return None
            return int(p), int(last)
    return None

"""``SlowPointFinder``: fixed and slow points of high-dimensional systems.

A slow point of ``dx/dt = F(x)`` (or of the map ``x -> F(x)``) is a point where the speed
``q(x) = mean(F(x)^2)`` (or ``mean((F(x) - x)^2)``) is small; a fixed point is one where it
is zero (Sussillo & Barak, 2013, Neural Computation 25(3)). The finder minimises ``q`` from
many candidate points at once, then filters, de-duplicates and linearises the results.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import jax.scipy.optimize
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.analysis import constants as C
from brainpy_dyn._src.analysis.lowdim import pyplot
from brainpy_dyn._src.analysis.solvers import unique_points
from brainpy_dyn._src.context import share
from brainpy_dyn._src.dynsys import DynamicalSystem
from brainpy_dyn._src.errors import AnalyzerError

__all__ = ["SlowPointFinder"]


def _mse(outputs: jax.Array, targets: jax.Array) -> jax.Array:
    return jnp.mean((outputs - targets) ** 2)


class SlowPointFinder:
    """Find the fixed points and slow points of a function or of a ``DynamicalSystem``.

    BrainPy implementation of ``brainpy.analysis.SlowPointFinder`` (2.3.5). The finder
    minimises, for each candidate point ``x``, the loss ``f_loss(F(x), x)`` of a discrete
    system (``x -> F(x)``) or ``f_loss(F(x), 0)`` of a continuous one (``dx/dt = F(x)``),
    by gradient descent (:meth:`find_fps_with_gd_method`) or by BFGS
    (:meth:`find_fps_with_opt_solver`). Then :meth:`filter_loss`, :meth:`keep_unique` and
    :meth:`exclude_outliers` select the results, and :meth:`compute_jacobians` linearises
    the system there.

    Args:
      f_cell: ``F(x, *args)`` on one point ``x`` (an array), or a ``DynamicalSystem``
        whose ``update`` is ``F`` on the Variables of ``target_vars``.
      f_type: ``'discrete'`` (``x -> F(x)``, the default) or ``'continuous'``
        (``dx/dt = F(x)``).
      f_loss: ``f_loss(outputs, targets) -> scalar`` for one point (flattened); default the
        mean squared error.
      verbose: print the progress.
      args: extra arguments of a function ``f_cell``.
      inputs: the arguments of the system's ``update`` (after the shared data).
      t: the time given to the system (default 0).
      dt: the step given to the system (default :func:`brainpy_math.get_dt`).
      target_vars: ``{name: Variable}`` of the system's state searched over; default every
        Variable of the system but ``excluded_vars``, named by their relative path.
      excluded_vars: Variables (a list, or a dict's values) left out of ``target_vars``.
      f_loss_batch: ``f_loss_batch(outputs, targets) -> (n,)`` on a batch of points
        (flattened, shape ``(n, d)``); default ``f_loss`` mapped over the batch.
      fun_inputs: ``fun_inputs(shared)``, called before each ``update`` to give inputs.

    Raises:
      AnalyzerError: unknown ``f_type``, or ``f_cell`` neither callable nor a system.

    Examples:
      >>> import jax.numpy as jnp
      >>> from brainpy_dyn.analysis import SlowPointFinder
      >>> A = jnp.array([[-1.0, 0.5], [0.0, -2.0]])
      >>> finder = SlowPointFinder(lambda x: A @ x + 1.0, f_type='continuous', verbose=False)
      >>> finder.find_fps_with_opt_solver(jnp.array([[0.0, 0.0], [1.0, 1.0]]))
      >>> finder.keep_unique()
      >>> finder.fixed_points.round(4).tolist()
      [[1.25, 0.5]]
    """

    def __init__(
        self,
        f_cell: Callable[..., Any] | DynamicalSystem,
        f_type: str | None = None,
        f_loss: Callable[..., Any] | None = None,
        verbose: bool = True,
        args: tuple = (),
        inputs: Sequence[Any] | None = None,
        t: float | None = None,
        dt: float | None = None,
        target_vars: dict[str, bm.Variable] | None = None,
        excluded_vars: Sequence[bm.Variable] | dict[str, bm.Variable] | None = None,
        f_loss_batch: Callable[..., Any] | None = None,
        fun_inputs: Callable[..., Any] | None = None,
    ):
        f_type = C.DISCRETE if f_type is None else f_type
        if f_type not in (C.DISCRETE, C.CONTINUOUS):
            raise AnalyzerError(
                f"SlowPointFinder: f_type must be {C.DISCRETE!r} or {C.CONTINUOUS!r}, "
                f"got f_type={f_type!r}."
            )
        self.f_type = f_type
        self.verbose = bool(verbose)
        self.args = tuple(args)
        self.inputs = () if inputs is None else tuple(inputs)
        self.t = 0.0 if t is None else t
        self.dt = bm.get_dt() if dt is None else dt
        self.fun_inputs = fun_inputs
        self.target = f_cell
        if isinstance(f_cell, DynamicalSystem):
            self.target_vars = self._system_vars(f_cell, target_vars, excluded_vars)
            self._shapes = {k: tuple(v.shape) for k, v in self.target_vars.items()}
            self._dtypes = {k: v.dtype for k, v in self.target_vars.items()}
        elif callable(f_cell):
            if target_vars is not None or excluded_vars is not None:
                raise AnalyzerError(
                    "SlowPointFinder: target_vars and excluded_vars apply to a DynamicalSystem "
                    f"f_cell, got a function {f_cell!r}."
                )
            self.target_vars = None
            self._shapes = None
        else:
            raise AnalyzerError(
                "SlowPointFinder: f_cell must be a function F(x) or a DynamicalSystem, got "
                f"{type(f_cell).__name__}."
            )
        self._point_shape: tuple[int, ...] | None = None
        self.f_loss = _mse if f_loss is None else f_loss
        self.f_loss_batch = f_loss_batch
        self._fixed_points: np.ndarray | None = None
        self._losses: np.ndarray | None = None
        self._selected_ids: np.ndarray | None = None
        self._opt_losses: np.ndarray | None = None

    # ------------------------------------------------------------ the system
    @staticmethod
    def _system_vars(cell: DynamicalSystem, target_vars: Any, excluded: Any) -> dict:
        if target_vars is not None:
            if not isinstance(target_vars, Mapping) or not target_vars:
                raise AnalyzerError(
                    "SlowPointFinder: target_vars must be a non-empty dict {name: Variable}, "
                    f"got {target_vars!r}."
                )
            for k, v in target_vars.items():
                if not isinstance(v, bm.Variable):
                    raise AnalyzerError(
                        f"SlowPointFinder: target_vars[{k!r}] must be a Variable, got "
                        f"{type(v).__name__}."
                    )
            return dict(target_vars)
        if excluded is None:
            excluded = []
        elif isinstance(excluded, Mapping):
            excluded = list(excluded.values())
        for v in excluded:
            if not isinstance(v, bm.Variable):
                raise AnalyzerError(
                    f"SlowPointFinder: excluded_vars must hold Variables, got {type(v).__name__}."
                )
        ids = {id(v) for v in excluded}
        found = {k: v for k, v in cell.vars(method="relative").items() if id(v) not in ids}
        if not found:
            raise AnalyzerError(f"SlowPointFinder: the system {cell!r} has no Variable to search.")
        return found

    def _flatten(self, candidates: Any) -> jax.Array:
        """Candidates as ``(n, d)``: a dict of a system's Variables, or an array of points."""
        if self.target_vars is None:
            x = jnp.asarray(bm.as_jax(candidates))
            if x.ndim < 2:
                raise AnalyzerError(
                    "SlowPointFinder: candidates must be an array of points (n, ...), got "
                    f"shape {x.shape}."
                )
            if not jnp.issubdtype(x.dtype, jnp.inexact):
                x = x.astype(bm.get_float())
            self._point_shape = tuple(x.shape[1:])
            return x.reshape(x.shape[0], -1)
        if not isinstance(candidates, Mapping):
            raise AnalyzerError(
                "SlowPointFinder: candidates of a DynamicalSystem must be a dict "
                f"{{name: values}} with the names {list(self.target_vars)}, got "
                f"{type(candidates).__name__}."
            )
        missing = [k for k in self.target_vars if k not in candidates]
        unknown = [k for k in candidates if k not in self.target_vars]
        if missing or unknown:
            raise AnalyzerError(
                f"SlowPointFinder: candidates must give every target variable "
                f"{list(self.target_vars)}; missing {missing}, unknown {unknown}."
            )
        cols, n = [], None
        for k, shape in self._shapes.items():
            v = jnp.asarray(bm.as_jax(candidates[k]), dtype=self._dtypes[k])
            size = int(np.prod(shape))
            num = v.size // max(size, 1)
            if v.size != num * size or (n is not None and num != n) or v.ndim == 0:
                raise AnalyzerError(
                    f"SlowPointFinder: candidates[{k!r}] must have shape (n, *{shape}) with "
                    f"the same n for every variable, got {v.shape}."
                )
            n = num
            cols.append(v.reshape(num, size))
        return jnp.concatenate(cols, axis=1)

    def _unflatten(self, x: Any) -> Any:
        """Flat points ``(n, d)`` back to a dict (a system) or the points' shape."""
        x = np.asarray(x)
        if self.target_vars is None:
            return x.reshape(x.shape[0], *(self._point_shape or x.shape[1:]))
        out, i = {}, 0
        for k, shape in self._shapes.items():
            size = int(np.prod(shape))
            out[k] = x[:, i : i + size].reshape(x.shape[0], *shape)
            i += size
        return out

    def _step_flat(self, x: jax.Array) -> jax.Array:
        """``F`` on one flat point."""
        if self.target_vars is None:
            shape = self._point_shape or x.shape
            out = self.target(x.reshape(shape), *self.args)
            return jnp.asarray(bm.as_jax(out)).reshape(-1).astype(x.dtype)
        cell = self.target
        all_vars = list(cell.vars().values())
        saved = [v.value for v in all_vars]
        snapshot = share._snapshot()
        try:
            i = 0
            for k, shape in self._shapes.items():
                size = int(np.prod(shape))
                self.target_vars[k].value = x[i : i + size].reshape(shape).astype(self._dtypes[k])
                i += size
            share.save(t=self.t, dt=self.dt, i=0)
            if self.fun_inputs is not None:
                self.fun_inputs(share.get_shargs())
            cell(*self.inputs)
            out = [jnp.reshape(bm.as_jax(v.value), -1) for v in self.target_vars.values()]
        finally:
            for v, old in zip(all_vars, saved, strict=True):
                v.value = old
            share._restore(snapshot)
        return jnp.concatenate(out).astype(x.dtype)

    def _loss_fns(self) -> tuple[Callable, Callable]:
        """Per-point loss ``l(x)`` and batch losses ``L(X) -> (n,)``."""

        def target(x: jax.Array) -> jax.Array:
            return x if self.f_type == C.DISCRETE else jnp.zeros_like(x)

        def one(x: jax.Array) -> jax.Array:
            return jnp.asarray(self.f_loss(self._step_flat(x), target(x)))

        def batch(X: jax.Array) -> jax.Array:
            if self.f_loss_batch is None:
                return jax.vmap(one)(X)
            out = jax.vmap(self._step_flat)(X)
            return jnp.asarray(self.f_loss_batch(out, jax.vmap(target)(X)))

        return one, batch

    # --------------------------------------------------------- optimisation
    def find_fps_with_gd_method(
        self,
        candidates: Any,
        tolerance: float | dict[str, float] = 1e-5,
        num_batch: int = 100,
        num_opt: int = 10000,
        optimizer: bm.optimizers.Optimizer | None = None,
    ) -> None:
        """Minimise the loss from every candidate at once by gradient descent.

        Args:
          candidates: the starting points: an array ``(n, ...)`` for a function, a dict
            ``{name: (n, *shape)}`` for a system.
          tolerance: stop once the mean loss is below it (a dict: its smallest value).
          num_batch: the optimisation steps run in one compiled batch (the loss is
            checked and printed between batches).
          num_opt: the most optimisation steps.
          optimizer: a :mod:`brainpy_math.optimizers` optimizer; default ``Adam`` with the
            learning rate ``ExponentialDecay(0.2, 1, 0.9999)``.

        Raises:
          AnalyzerError: malformed ``candidates`` or a bad setting.
          TypeError: ``optimizer`` is not an optimizer.
        """
        if isinstance(tolerance, Mapping):
            tolerance = min(float(v) for v in tolerance.values())
        for name, n in (("num_batch", num_batch), ("num_opt", num_opt)):
            if isinstance(n, bool) or not isinstance(n, int) or n < 1:
                raise AnalyzerError(f"SlowPointFinder: {name} must be an int >= 1, got {n!r}.")
        if optimizer is None:
            lr = bm.optimizers.ExponentialDecay(0.2, 1, 0.9999)
            optimizer = bm.optimizers.Adam(lr=lr, beta1=0.9, beta2=0.999, eps=1e-8)
        elif not isinstance(optimizer, bm.optimizers.Optimizer):
            raise TypeError(
                "SlowPointFinder: optimizer must be a brainpy_math.optimizers.Optimizer, got "
                f"{type(optimizer).__name__}."
            )
        x0 = self._flatten(candidates)
        _, batch_loss = self._loss_fns()
        points = bm.TrainVar(x0)
        optimizer.register_train_vars({"fixed_points": points})
        mean_loss = lambda X: jnp.mean(batch_loss(X))  # noqa: E731

        def train(_: Any) -> jax.Array:
            loss, grads = jax.value_and_grad(mean_loss)(points.value)
            optimizer.update({"fixed_points": grads})
            return loss

        run = bm.jit(lambda: bm.for_loop(train, jnp.arange(num_batch)))
        losses, done = [], 0
        start = time.time()
        while done < num_opt:
            batch = np.asarray(run())
            losses.append(batch)
            done += num_batch
            if self.verbose:
                print(
                    f"    Batches {done - num_batch + 1}-{done} in {time.time() - start:.2f} "
                    f"sec, Training loss {batch[-1]:.10f}"
                )
                start = time.time()
            if batch[-1] < tolerance:
                if self.verbose:
                    print(
                        f"    Stop optimization as mean training loss {batch[-1]:.10f} "
                        f"is below tolerance {tolerance:.10f}."
                    )
                break
        self._opt_losses = np.concatenate(losses)
        self._fixed_points = np.asarray(points.value)
        self._losses = np.asarray(jax.jit(batch_loss)(points.value))
        self._selected_ids = np.arange(len(self._fixed_points))

    def find_fps_with_opt_solver(self, candidates: Any, opt_solver: str = "BFGS") -> None:
        """Minimise the loss from every candidate with a quasi-Newton solver (vectorised).

        Args:
          candidates: the starting points: an array ``(n, ...)`` for a function, a dict
            ``{name: (n, *shape)}`` for a system.
          opt_solver: ``'BFGS'`` (:func:`jax.scipy.optimize.minimize`).

        Raises:
          AnalyzerError: malformed ``candidates`` or an unknown ``opt_solver``.
        """
        if opt_solver != "BFGS":
            raise AnalyzerError(
                f"SlowPointFinder: opt_solver must be 'BFGS', got opt_solver={opt_solver!r}."
            )
        x0 = self._flatten(candidates)
        one, _ = self._loss_fns()
        if self.verbose:
            print(f"Optimizing with {opt_solver} to find fixed points:")

        def solve(x: jax.Array) -> Any:
            return jax.scipy.optimize.minimize(one, x, method="BFGS")

        res = jax.jit(jax.vmap(solve))(x0)
        fun = np.asarray(res.fun)
        # Keep every finite end point: BFGS often reports no success in float32 when its
        # line search stalls at a minimum; filter_loss selects the converged ones.
        ids = np.nonzero(np.isfinite(fun) & np.all(np.isfinite(np.asarray(res.x)), axis=1))[0]
        self._fixed_points = np.asarray(res.x)[ids]
        self._losses = fun[ids]
        self._selected_ids = ids
        self._opt_losses = None
        if self.verbose:
            print(f"    Found {len(ids)} finite end points out of {len(fun)} candidates.")

    # -------------------------------------------------------------- results
    def _require(self) -> None:
        if self._fixed_points is None:
            raise AnalyzerError(
                "SlowPointFinder: no points yet; call find_fps_with_gd_method or "
                "find_fps_with_opt_solver first."
            )

    @property
    def fixed_points(self) -> Any:
        """The points found, an array ``(n, ...)`` (``{name: (n, *shape)}`` for a system)."""
        self._require()
        return self._unflatten(self._fixed_points)

    @property
    def losses(self) -> np.ndarray:
        """The loss at each point found."""
        self._require()
        return self._losses

    @property
    def selected_ids(self) -> np.ndarray:
        """The index of each point found among the candidates."""
        self._require()
        return self._selected_ids

    @property
    def opt_losses(self) -> np.ndarray | None:
        """The mean loss after each gradient-descent step (``None`` after BFGS)."""
        return self._opt_losses

    def _keep(self, keep: np.ndarray, what: str) -> None:
        before = len(self._fixed_points)
        self._fixed_points = self._fixed_points[keep]
        self._losses = self._losses[keep]
        self._selected_ids = self._selected_ids[keep]
        if self.verbose:
            print(f"    Kept {len(self._fixed_points)}/{before} {what}.")

    def filter_loss(self, tolerance: float = 1e-5) -> None:
        """Keep the points whose loss is below ``tolerance``."""
        self._require()
        self._keep(np.nonzero(self._losses < tolerance)[0], f"fixed points with loss < {tolerance}")

    def keep_unique(self, tolerance: float = 2.5e-2) -> None:
        """Merge the points closer than ``tolerance`` (the one with the lower loss stays)."""
        self._require()
        order = np.argsort(self._losses, kind="stable")
        self._keep(unique_points(self._fixed_points, tolerance, order), "unique fixed points")

    def exclude_outliers(self, tolerance: float = 1.0) -> None:
        """Drop the points farther than ``tolerance`` from every other point."""
        self._require()
        x = self._fixed_points
        if len(x) <= 1:
            return
        d = np.linalg.norm(x[:, None, :] - x[None, :, :], axis=-1)
        np.fill_diagonal(d, np.inf)
        self._keep(np.nonzero(d.min(axis=1) <= tolerance)[0], "points that are not outliers")

    # ------------------------------------------------------------ linearise
    def compute_jacobians(
        self,
        points: Any,
        stack_dict_var: bool = True,
        plot: bool = False,
        num_col: int = 4,
        len_col: int = 3,
        len_row: int = 2,
    ) -> Any:
        """The Jacobian ``dF/dx`` at each point.

        Args:
          points: an array ``(n, ...)`` (a function) or ``{name: (n, *shape)}`` (a system).
          stack_dict_var: for a system, return one ``(n, d, d)`` array over all its
            variables flattened and concatenated (else ``{out: {in: block}}``).
          plot: draw each Jacobian as an image.
          num_col: the images per row of the plot.
          len_col: the width of each image (inches).
          len_row: the height of each image (inches).

        Returns:
          The Jacobians, shape ``(n, d, d)`` (or blocks by variable name).
        """
        x = self._flatten(points)
        jac = np.asarray(jax.jit(jax.vmap(jax.jacfwd(self._step_flat)))(x))
        if plot:
            plt = pyplot()
            n = len(jac)
            rows = max(1, -(-n // num_col))
            fig, axes = plt.subplots(
                rows, num_col, figsize=(num_col * len_col, rows * len_row), squeeze=False
            )
            for i, ax in enumerate(axes.reshape(-1)):
                if i < n:
                    ax.imshow(jac[i])
                    ax.set_title(f"point {i}")
                ax.axis("off")
            fig.tight_layout()
        if self.target_vars is None or stack_dict_var:
            return jac
        sizes = {k: int(np.prod(s)) for k, s in self._shapes.items()}
        starts = np.cumsum([0, *sizes.values()])
        names = list(sizes)
        return {
            a: {
                b: jac[:, starts[i] : starts[i + 1], starts[j] : starts[j + 1]]
                for j, b in enumerate(names)
            }
            for i, a in enumerate(names)
        }

    @staticmethod
    def decompose_eigenvalues(
        matrices: Any, sort_by: str = "magnitude", do_compute_lefts: bool = False
    ) -> list[dict[str, np.ndarray]]:
        """The eigenvalues and eigenvectors of each matrix, sorted.

        Args:
          matrices: shape ``(n, d, d)``.
          sort_by: ``'magnitude'`` (largest ``|λ|`` first) or ``'real'`` (largest real
            part first).
          do_compute_lefts: also compute the left eigenvectors ``L = inv(R).T``.

        Returns:
          One dict per matrix: ``'eig_values'`` ``(d,)``, ``'R'`` (right eigenvectors as
          columns) and ``'L'`` (left eigenvectors as columns, or ``None``).

        Raises:
          AnalyzerError: unknown ``sort_by``.
        """
        if sort_by not in ("magnitude", "real"):
            raise AnalyzerError(
                f"SlowPointFinder: sort_by must be 'magnitude' or 'real', got {sort_by!r}."
            )
        out = []
        for m in np.asarray(bm.as_numpy(matrices)):
            evals, R = np.linalg.eig(m)
            key = np.abs(evals) if sort_by == "magnitude" else evals.real
            order = np.argsort(-key, kind="stable")
            evals, R = evals[order], R[:, order]
            L = np.linalg.inv(R).T if do_compute_lefts else None
            out.append({"eig_values": evals, "R": R, "L": L})
        return out

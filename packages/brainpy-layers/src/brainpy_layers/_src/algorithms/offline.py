"""Offline fitting algorithms: solve readout weights from all the collected data at once.

An offline algorithm is called as ``method(targets, inputs, outputs=None)`` with 2-D
``inputs`` ``(num_sample, num_in)`` and ``targets`` ``(num_sample, num_out)`` (higher-rank
data are flattened to 2-D over the leading axes) and returns the weights
``(num_in, num_out)`` that map the inputs to the targets.
"""

from __future__ import annotations

import math
import warnings
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_layers._src.algorithms.utils import (
    L2Regularization,
    Regularization,
    as_2d,
    check_int,
    check_number,
    check_regularizer,
    gradient_descent_solve,
)
from brainpy_layers._src.train.errors import TrainerArgumentError, TrainerArgumentTypeError

__all__ = [
    "OfflineAlgorithm",
    "RegressionAlgorithm",
    "LinearRegression",
    "linear_regression",
    "RidgeRegression",
    "ridge_regression",
    "get_supported_offline_methods",
    "get_offline_method",
    "register_offline_method",
]


class OfflineAlgorithm:
    """Base class of the offline fitting algorithms.

    BrainPy implementation of ``brainpy.algorithms.OfflineAlgorithm`` (2.3.5). Subclasses
    implement :meth:`call`.

    Args:
      name: a name for the algorithm (the class name by default).

    Examples:
      >>> import jax.numpy as jnp
      >>> from brainpy_layers import algorithms
      >>> class Zero(algorithms.OfflineAlgorithm):
      ...     def call(self, targets, inputs, outputs=None):
      ...         return jnp.zeros((inputs.shape[-1], targets.shape[-1]))
      >>> Zero()(jnp.ones((5, 2)), jnp.ones((5, 3))).shape
      (3, 2)
    """

    def __init__(self, name: str | None = None):
        self.name = type(self).__name__ if name is None else str(name)

    def __call__(self, targets: Any, inputs: Any, outputs: Any = None) -> jax.Array:
        """Fit: the weights ``(num_in, num_out)`` mapping ``inputs`` to ``targets``.

        Args:
          targets: the desired outputs, ``(num_sample, num_out)`` (or more leading axes).
          inputs: the inputs, ``(num_sample, num_in)`` (or more leading axes).
          outputs: the current outputs (unused by the regressions).

        Returns:
          The weights, a JAX array of shape ``(num_in, num_out)``.

        Raises:
          TrainerArgumentError: data of rank below 2, or disagreeing sample counts.
        """
        owner = type(self).__name__
        x = as_2d(inputs, "inputs", owner)
        y = as_2d(targets, "targets", owner)
        if x.shape[0] != y.shape[0]:
            raise TrainerArgumentError(
                f"{owner}: inputs and targets must have the same number of samples, got "
                f"inputs {tuple(x.shape)} and targets {tuple(y.shape)} (flattened to 2-D)."
            )
        return self.call(y, x, outputs)

    def call(self, targets: jax.Array, inputs: jax.Array, outputs: Any = None) -> jax.Array:
        """Solve for the weights from 2-D ``targets`` and ``inputs``; subclasses implement it."""
        raise NotImplementedError(f"{type(self).__name__} must implement call().")

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class RegressionAlgorithm(OfflineAlgorithm):
    r"""Base of the regressions that minimise :math:`\tfrac12\lVert XW - Y\rVert^2 + R(W)`.

    BrainPy implementation of ``brainpy.algorithms.offline.RegressionAlgorithm`` (2.3.5).
    :meth:`gradient_descent_solve` runs plain gradient descent on that objective (from zero
    weights, in one compiled loop); subclasses choose the regularizer :math:`R` and may solve
    in closed form instead.

    Args:
      max_iter: the most gradient-descent steps, an int >= 1.
      learning_rate: the gradient-descent step size, a number > 0.
      regularizer: the penalty :math:`R`, a
        :class:`~brainpy_layers.algorithms.utils.Regularization` (none by default).
      name: a name for the algorithm.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers.algorithms import offline
      >>> x = np.array([[1., 0.], [0., 1.], [1., 1.]], np.float32)
      >>> alg = offline.RegressionAlgorithm(max_iter=2000, learning_rate=0.1)
      >>> np.round(alg.gradient_descent_solve(x @ np.array([[1.], [2.]]), x)[:, 0], 3)
      Array([1., 2.], dtype=float32)
    """

    def __init__(
        self,
        max_iter: int | None = None,
        learning_rate: float | None = None,
        regularizer: Regularization | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name)
        owner = type(self).__name__
        self.max_iter = 1000 if max_iter is None else check_int(max_iter, "max_iter", owner)
        self.learning_rate = (
            1e-3
            if learning_rate is None
            else check_number(learning_rate, "learning_rate", owner, strict=True)
        )
        self.regularizer = (
            Regularization(0.0) if regularizer is None else check_regularizer(regularizer, owner)
        )

    def gradient_descent_solve(self, targets: Any, inputs: Any, outputs: Any = None) -> jax.Array:
        """The weights ``(num_in, num_out)`` found by gradient descent."""
        owner = type(self).__name__
        x = as_2d(inputs, "inputs", owner)
        y = as_2d(targets, "targets", owner)
        return gradient_descent_solve(y, x, self.regularizer, self.learning_rate, self.max_iter)

    def predict(self, W: Any, X: Any) -> jax.Array:
        """The prediction ``X @ W`` of fitted weights ``W`` on inputs ``X``."""
        return jnp.dot(bm.as_jax(X), bm.as_jax(W))


class LinearRegression(RegressionAlgorithm):
    """Least-squares regression: the ``W`` minimising ``||X W - Y||²``.

    BrainPy implementation of ``brainpy.algorithms.LinearRegression`` (2.3.5), solved by
    :func:`jax.numpy.linalg.lstsq` (the minimum-norm solution when ``X`` is rank-deficient),
    or by gradient descent when ``gradient_descent=True``.

    Args:
      name: a name for the algorithm.
      max_iter: the most gradient-descent steps.
      learning_rate: the gradient-descent step size.
      gradient_descent: solve by gradient descent instead of ``lstsq``.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers import algorithms
      >>> x = np.array([[1., 0.], [0., 1.], [1., 1.]], np.float32)
      >>> y = x @ np.array([[2.], [-1.]], np.float32)
      >>> np.round(algorithms.LinearRegression()(y, x), 4)
      Array([[ 2.],
             [-1.]], dtype=float32)
    """

    def __init__(
        self,
        name: str | None = None,
        max_iter: int = 1000,
        learning_rate: float = 0.001,
        gradient_descent: bool = False,
    ):
        super().__init__(max_iter=max_iter, learning_rate=learning_rate, name=name)
        self.gradient_descent = bool(gradient_descent)

    def call(self, targets: jax.Array, inputs: jax.Array, outputs: Any = None) -> jax.Array:
        """Return ``lstsq(inputs, targets)`` (or the gradient-descent solution)."""
        if self.gradient_descent:
            return self.gradient_descent_solve(targets, inputs)
        return jnp.linalg.lstsq(inputs, targets)[0]


def linear_regression(targets: Any, inputs: Any, outputs: Any = None) -> jax.Array:
    """Least-squares weights ``(num_in, num_out)`` mapping ``inputs`` to ``targets``.

    The function form of :class:`LinearRegression`.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers import algorithms
      >>> x = np.array([[1., 0.], [0., 1.], [1., 1.]], np.float32)
      >>> np.round(algorithms.linear_regression(x @ np.array([[3.], [1.]]), x)[:, 0], 4)
      Array([3., 1.], dtype=float32)
    """
    return LinearRegression()(targets, inputs, outputs)


class RidgeRegression(RegressionAlgorithm):
    r"""Ridge regression (Tikhonov regularisation): :math:`W = (X^T X + \alpha I)^{-1} X^T Y`.

    BrainPy implementation of ``brainpy.algorithms.RidgeRegression`` (2.3.5).

    Args:
      alpha: the regularisation coefficient, a finite number >= 0.
      beta: the old name of ``alpha`` (deprecated; when given it wins).
      name: a name for the algorithm.
      max_iter: the most gradient-descent steps.
      learning_rate: the gradient-descent step size.
      gradient_descent: minimise :math:`\tfrac12\lVert XW-Y\rVert^2 + \tfrac\alpha2
        \lVert W\rVert^2` by gradient descent instead of the closed form.

    Raises:
      TrainerArgumentError: a negative or non-finite ``alpha``.

    Note:
      2.3.5 multiplied with the pseudo-inverse of :math:`X^T X + \alpha I`, which in
      float32 loses half the digits (and truncates the small singular values). This solves
      the same closed form: data on the CPU by the normal equations in float64; traced
      data (and data on an accelerator) as the least squares of :math:`[X; \sqrt\alpha I]`
      by a CholeskyQR factorisation (matrix products, with the accuracy of a QR
      factorisation; the SVD of :math:`X` where that breaks down). ``alpha == 0`` uses
      ``lstsq``.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers import algorithms
      >>> x = np.array([[1., 0.], [0., 1.], [1., 1.]], np.float32)
      >>> y = np.array([[1.], [2.], [3.]], np.float32)
      >>> w = algorithms.RidgeRegression(alpha=0.5)(y, x)
      >>> ref = np.linalg.solve(x.T @ x + 0.5 * np.eye(2), x.T @ y)
      >>> bool(np.allclose(w, ref, atol=1e-5))
      True
    """

    def __init__(
        self,
        alpha: float = 1e-7,
        beta: float | None = None,
        name: str | None = None,
        max_iter: int = 1000,
        learning_rate: float = 0.001,
        gradient_descent: bool = False,
    ):
        if beta is not None:
            warnings.warn(
                "RidgeRegression: beta is deprecated, use alpha.", DeprecationWarning, stacklevel=2
            )
            alpha = beta
        if (
            isinstance(alpha, bool)
            or not isinstance(alpha, (int, float))
            or not math.isfinite(alpha)
            or alpha < 0
        ):
            raise TrainerArgumentError(
                f"RidgeRegression: alpha must be a finite number >= 0, got {alpha!r}."
            )
        super().__init__(
            max_iter=max_iter,
            learning_rate=learning_rate,
            regularizer=L2Regularization(alpha),
            name=name,
        )
        self.alpha = float(alpha)
        self.gradient_descent = bool(gradient_descent)

    def call(self, targets: jax.Array, inputs: jax.Array, outputs: Any = None) -> jax.Array:
        """Return ``(XᵀX + αI)⁻¹ XᵀY`` (``lstsq`` when ``alpha`` is 0)."""
        if self.gradient_descent:
            return self.gradient_descent_solve(targets, inputs)
        if self.alpha == 0:
            return jnp.linalg.lstsq(inputs, targets)[0]
        return ridge_solve(targets, inputs, self.alpha)

    def __repr__(self) -> str:
        return f"RidgeRegression(alpha={self.alpha})"


def ridge_solve(targets: jax.Array, inputs: jax.Array, alpha: float) -> jax.Array:
    """``(XᵀX + αI)⁻¹ XᵀY``, accurate in float32 and at the speed of matrix products.

    Concrete data on the CPU (a trainer's fit) are solved on the host, in float64, by the
    normal equations: nothing to compile, and float64 holds the squared condition number
    (see :func:`_ridge_on_host`). Traced data (inside ``jit``, ``grad``, ``vmap``) and data
    on an accelerator go through one compiled function per shape (``alpha`` is traced, so a
    new value does not recompile).
    """
    dtype = jnp.result_type(inputs, targets, jnp.float32)
    if _on_host(inputs) and _on_host(targets) and not isinstance(alpha, jax.core.Tracer):
        w = _ridge_on_host(np.asarray(inputs), np.asarray(targets), float(alpha))
        if w is not None:
            return jnp.asarray(w.astype(dtype))
    x, y = jnp.asarray(inputs, dtype), jnp.asarray(targets, dtype)
    return _ridge_solve(x, y, jnp.asarray(alpha, dtype))


def _on_host(a: Any) -> bool:
    """Whether ``a`` is concrete data held by the CPU (a NumPy array or a CPU JAX array)."""
    if isinstance(a, np.ndarray):
        return True
    if isinstance(a, jax.core.Tracer) or not isinstance(a, jax.Array):
        return False
    try:
        return all(d.platform == "cpu" for d in a.devices())
    except Exception:  # pragma: no cover - arrays without concrete devices
        return False


#: the largest bound on cond(XᵀX + αI) that the float64 normal equations take (about
#: 1e-3 relative error in the worst case); beyond it the QR path keeps cond(X) instead
_HOST_MAX_COND = 1e13


def _ridge_on_host(x: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray | None:
    """Ridge by the normal equations in float64 (``None`` when they are too ill-posed).

    Float32 data have 24-bit mantissas: their Gram matrix ``XᵀX`` is exact to float64
    rounding, and ``cond(XᵀX + αI) <= trace(XᵀX) / α + 1`` bounds the error of the solve.
    """
    x64, y64 = x.astype(np.float64, copy=False), y.astype(np.float64, copy=False)
    gram = x64.T @ x64
    scale = float(np.trace(gram))
    if not (np.isfinite(scale) and alpha > 0 and scale / alpha < _HOST_MAX_COND):
        return None
    gram[np.diag_indices_from(gram)] += alpha
    try:
        w = np.linalg.solve(gram, x64.T @ y64)
    except np.linalg.LinAlgError:  # pragma: no cover - alpha > 0 keeps it regular
        return None
    return w if np.all(np.isfinite(w)) else None


_HI = jax.lax.Precision.HIGHEST


def _upper_cholesky(g: jax.Array) -> jax.Array:
    """The upper-triangular ``R`` with ``g = RᵀR`` (NaN where ``g`` is not positive definite)."""
    return jnp.linalg.cholesky(g).T


def _upper_inverse(r: jax.Array) -> jax.Array:
    eye = jnp.eye(r.shape[0], dtype=r.dtype)
    return jax.scipy.linalg.solve_triangular(r, eye, lower=False)


def _ridge_by_cholesky_qr(x: jax.Array, y: jax.Array, alpha: jax.Array) -> jax.Array:
    """Ridge as the least squares of ``A = [X; √α I]``, ``B = [Y; 0]``, by shifted CholeskyQR3.

    A QR factorisation of ``A`` keeps the condition number of ``X`` (the normal equations
    square it, which float32 cannot hold for a small ``alpha``); Householder QR of a tall
    matrix runs at a small fraction of the speed of a matrix product on CPUs, while
    CholeskyQR is made of products. Its first pass factors ``AᵀA`` plus a small shift (so
    the Cholesky factorisation exists in float32), and two passes of plain CholeskyQR on
    ``Q = A R⁻¹`` restore the accuracy of a Householder QR for condition numbers up to about
    ``1 / eps`` (Fukaya et al., SIAM J. Sci. Comput. 42, A477, 2020). Then ``W = R⁻¹ QᵀB``.
    Returns NaNs where a factorisation breaks down (the caller falls back to the SVD).
    """
    n = x.shape[1]
    eye = jnp.eye(n, dtype=x.dtype)
    gram = jnp.matmul(x.T, x, precision=_HI)
    eps = jnp.finfo(x.dtype).eps
    shift = jnp.sqrt(jnp.asarray(n, x.dtype)) * eps * jnp.sqrt(jnp.sum(gram * gram))
    r = _upper_cholesky(gram + (alpha + shift) * eye)
    inv = _upper_inverse(r)
    # Q = A R⁻¹ in two blocks: the data rows, and the √α I rows (an n×n block).
    q_top, q_bot = jnp.matmul(x, inv, precision=_HI), jnp.sqrt(alpha) * inv
    for _ in range(2):
        g = jnp.matmul(q_top.T, q_top, precision=_HI) + jnp.matmul(q_bot.T, q_bot, precision=_HI)
        step = _upper_cholesky(g)
        inv = _upper_inverse(step)
        q_top = jnp.matmul(q_top, inv, precision=_HI)
        q_bot = jnp.matmul(q_bot, inv, precision=_HI)
        r = jnp.matmul(step, r, precision=_HI)
    z = jnp.matmul(q_top.T, y, precision=_HI)  # QᵀB: the √α I rows of B are zeros
    return jax.scipy.linalg.solve_triangular(r, z, lower=False)


def _ridge_by_svd(x: jax.Array, y: jax.Array, alpha: jax.Array) -> jax.Array:
    """Ridge through the SVD ``X = U S Vᵀ``: ``W = V diag(s / (s² + α)) Uᵀ Y`` (slower)."""
    u, sv, vt = jnp.linalg.svd(x, full_matrices=False)
    return vt.T @ ((sv / (sv**2 + alpha))[:, None] * (u.T @ y))


@jax.jit
def _ridge_solve(x: jax.Array, y: jax.Array, alpha: jax.Array) -> jax.Array:
    if x.shape[0] < x.shape[1]:  # wide data: the SVD is the cheap one
        return _ridge_by_svd(x, y, alpha)
    w = _ridge_by_cholesky_qr(x, y, alpha)
    return jax.lax.cond(jnp.all(jnp.isfinite(w)), lambda: w, lambda: _ridge_by_svd(x, y, alpha))


def ridge_regression(targets: Any, inputs: Any, outputs: Any = None) -> jax.Array:
    """Ridge weights ``(num_in, num_out)``: :class:`RidgeRegression` with ``alpha=1e-7``.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers import algorithms
      >>> x = np.array([[1., 0.], [0., 1.], [1., 1.]], np.float32)
      >>> np.round(algorithms.ridge_regression(x @ np.array([[3.], [1.]]), x)[:, 0], 4)
      Array([3., 1.], dtype=float32)
    """
    return RidgeRegression(alpha=1e-7)(targets, inputs, outputs)


_METHODS: dict[str, type[OfflineAlgorithm] | OfflineAlgorithm] = {
    "linear": LinearRegression,
    "lstsq": LinearRegression,
    "ridge": RidgeRegression,
}


def get_supported_offline_methods() -> tuple[str, ...]:
    """The names that ``OfflineTrainer(fit_method=...)`` accepts.

    Examples:
      >>> from brainpy_layers import algorithms
      >>> algorithms.get_supported_offline_methods()[:3]
      ('linear', 'lstsq', 'ridge')
    """
    return tuple(_METHODS)


def register_offline_method(name: str, method: OfflineAlgorithm) -> None:
    """Make ``method`` available to ``OfflineTrainer(fit_method=name)``.

    Args:
      name: the new name (not one already registered).
      method: an :class:`OfflineAlgorithm` instance (used as it is) or subclass (built
        with the keyword arguments of a ``{'name': name, ...}`` dict).

    Raises:
      TrainerArgumentError: ``name`` is taken.
      TrainerArgumentTypeError: ``name`` is not a string or ``method`` not an offline
        algorithm.

    Examples:
      >>> from brainpy_layers import algorithms
      >>> algorithms.register_offline_method('ridge_1', algorithms.RidgeRegression(alpha=1.))
      >>> algorithms.get_offline_method('ridge_1')
      RidgeRegression(alpha=1.0)
    """
    if not isinstance(name, str):
        raise TrainerArgumentTypeError(
            f"register_offline_method: name must be a str, got {type(name).__name__}."
        )
    if name in _METHODS:
        raise TrainerArgumentError(
            f"register_offline_method: {name!r} is registered already "
            f"(registered: {list(_METHODS)})."
        )
    is_class = isinstance(method, type) and issubclass(method, OfflineAlgorithm)
    if not (is_class or isinstance(method, OfflineAlgorithm)):
        raise TrainerArgumentTypeError(
            "register_offline_method: method must be an OfflineAlgorithm instance or "
            f"subclass, got {method!r}."
        )
    _METHODS[name] = method


def get_offline_method(method: Any, owner: str = "OfflineTrainer") -> Any:
    """An offline algorithm from a name, a ``{'name': ..., **kwargs}`` dict or a callable.

    Args:
      method: ``None`` (ridge regression, ``alpha=1e-7``), a name from
        :func:`get_supported_offline_methods`, a dict ``{'name': name, **init_kwargs}``, an
        :class:`OfflineAlgorithm` or any callable ``f(targets, inputs, outputs)``.
      owner: who asks (for error messages).

    Returns:
      The callable algorithm.

    Raises:
      TrainerArgumentError: an unknown name.
      TrainerArgumentTypeError: anything else that is not callable.

    Examples:
      >>> from brainpy_layers import algorithms
      >>> algorithms.get_offline_method({'name': 'ridge', 'alpha': 0.1})
      RidgeRegression(alpha=0.1)
    """
    if method is None:
        return RidgeRegression(alpha=1e-7)
    if isinstance(method, dict):
        kwargs = dict(method)
        name = kwargs.pop("name", None)
        return _by_name(name, owner, kwargs)
    if isinstance(method, str):
        return _by_name(method, owner, {})
    if not callable(method):
        raise TrainerArgumentTypeError(
            f"{owner}: fit_method must be an OfflineAlgorithm, a callable f(targets, inputs, "
            f"outputs), a name in {list(_METHODS)} or a dict, got {type(method).__name__}."
        )
    return method


def _by_name(name: Any, owner: str, kwargs: dict[str, Any]) -> Any:
    if name not in _METHODS:
        raise TrainerArgumentError(
            f"{owner}: fit_method name must be one of {list(_METHODS)}, got {name!r}."
        )
    entry = _METHODS[name]
    if isinstance(entry, OfflineAlgorithm):
        if kwargs:
            raise TrainerArgumentError(
                f"{owner}: fit_method {name!r} is a registered instance and takes no "
                f"arguments, got {sorted(kwargs)}."
            )
        return entry
    return entry(**kwargs)


bm.set_module(
    "brainpy_layers.algorithms",
    OfflineAlgorithm,
    RegressionAlgorithm,
    LinearRegression,
    linear_regression,
    RidgeRegression,
    ridge_regression,
    get_supported_offline_methods,
    get_offline_method,
    register_offline_method,
)

# The other regressions register their names here (they subclass the classes above).
from brainpy_layers._src.algorithms import regression as _regression  # noqa: E402, F401

r"""Penalised, polynomial and logistic regressions (the offline algorithms beyond least squares).

Each minimises :math:`\tfrac12 \lVert \Phi(X) W - Y \rVert^2 + R(W)` for a feature map
:math:`\Phi` (:func:`~brainpy_layers.algorithms.utils.polynomial_features`, then for the
penalised ones :func:`~brainpy_layers.algorithms.utils.normalize`) and a penalty :math:`R`;
:meth:`predict` applies the same feature map to new inputs. The logistic regression fits a
single binary target by gradient descent or Newton's method (IRLS).
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_layers._src.algorithms import offline
from brainpy_layers._src.algorithms.utils import (
    L1L2Regularization,
    L1Regularization,
    L2Regularization,
    Sigmoid,
    as_2d,
    check_int,
    check_number,
    normalize,
    polynomial_features,
)
from brainpy_layers._src.train.errors import TrainerArgumentError

__all__ = [
    "LassoRegression",
    "ElasticNetRegression",
    "LogisticRegression",
    "PolynomialRegression",
    "PolynomialRidgeRegression",
]


def coordinate_descent_solve(
    targets: jax.Array, inputs: jax.Array, l1: float, l2: float, max_iter: int
) -> jax.Array:
    """Minimise ``½‖XW − Y‖² + l1‖W‖₁ + ½ l2‖W‖²`` exactly, one coordinate at a time.

    Each sweep sets every row ``w_j`` to its minimiser with the others fixed,
    ``S(X_jᵀ r_j, l1) / (X_jᵀX_j + l2)`` (``S`` the soft threshold, ``r_j`` the residual
    without feature ``j``), until a sweep moves no weight by more than ``1e-6`` relative
    to the largest, or ``max_iter`` sweeps.
    """
    n_feature = inputs.shape[1]
    col_sq = jnp.sum(inputs * inputs, axis=0)
    w0 = jnp.zeros((n_feature, targets.shape[1]), jnp.result_type(inputs, targets))

    def sweep(w):
        def update(j, carry):
            w, resid = carry
            xj = inputs[:, j]
            rho = xj @ resid + col_sq[j] * w[j]
            new = jnp.sign(rho) * jnp.maximum(jnp.abs(rho) - l1, 0) / (col_sq[j] + l2)
            new = jnp.where(col_sq[j] + l2 > 0, new, 0.0)
            resid = resid - jnp.outer(xj, new - w[j])
            return w.at[j].set(new), resid

        return jax.lax.fori_loop(0, n_feature, update, (w, targets - inputs @ w))[0]

    def cond(carry):
        i, old, new = carry
        change = jnp.max(jnp.abs(new - old))
        return jnp.logical_and(
            i < max_iter, change > 1e-6 * jnp.maximum(jnp.max(jnp.abs(new)), 1e-12)
        )

    def body(carry):
        i, _, w = carry
        return i + 1, w, sweep(w)

    return jax.lax.while_loop(cond, body, (0, w0 - 1.0, w0))[2]


class _PolynomialBase(offline.RegressionAlgorithm):
    """Shared feature map of the polynomial regressions."""

    normalized = True

    def __init__(
        self, degree, add_bias, max_iter, learning_rate, gradient_descent, regularizer, name
    ):
        owner = type(self).__name__
        super().__init__(
            max_iter=max_iter, learning_rate=learning_rate, regularizer=regularizer, name=name
        )
        self.degree = check_int(degree, "degree", owner)
        self.add_bias = bool(add_bias)
        self.gradient_descent = bool(gradient_descent)

    def features(self, X: Any) -> jax.Array:
        """The polynomial features of ``X`` (row-normalised for the penalised regressions)."""
        x = polynomial_features(X, degree=self.degree, add_bias=self.add_bias)
        return normalize(x) if self.normalized else x

    def predict(self, W: Any, X: Any) -> jax.Array:
        """The prediction of weights ``W`` on inputs ``X`` (mapped to the same features)."""
        x = as_2d(X, "X", type(self).__name__)
        return jnp.dot(self.features(x), bm.as_jax(W))


class LassoRegression(_PolynomialBase):
    r"""Lasso (L1-penalised) regression on polynomial features.

    BrainPy implementation of ``brainpy.algorithms.LassoRegression`` (2.3.5). Minimises
    :math:`\tfrac12\lVert \Phi W - Y\rVert^2 + \alpha\lVert W\rVert_1`, with
    :math:`\Phi` the row-normalised polynomial features of the inputs up to ``degree``.

    Args:
      alpha: the L1 strength, a number >= 0.
      degree: the polynomial degree of the features (1: the inputs themselves).
      add_bias: whether the features get a constant column.
      name: a name for the algorithm.
      max_iter: the most gradient-descent steps (or coordinate-descent sweeps).
      learning_rate: the gradient-descent step size.
      gradient_descent: solve by (sub)gradient descent, as 2.3.5 did; ``False`` solves
        exactly by coordinate descent.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers import algorithms
      >>> x = np.array([[1., 0.], [0., 1.], [1., 1.]], np.float32)
      >>> alg = algorithms.LassoRegression(alpha=0.01, degree=1, gradient_descent=False)
      >>> w = alg(x @ np.array([[1.], [2.]]), x)
      >>> alg.predict(w, x).shape
      (3, 1)
    """

    def __init__(
        self,
        alpha: float = 1.0,
        degree: int = 2,
        add_bias: bool = False,
        name: str | None = None,
        max_iter: int = 1000,
        learning_rate: float = 0.001,
        gradient_descent: bool = True,
    ):
        reg = L1Regularization(check_number(alpha, "alpha", "LassoRegression"))
        super().__init__(degree, add_bias, max_iter, learning_rate, gradient_descent, reg, name)
        self.alpha = reg.alpha

    def call(self, targets: Any, inputs: Any, outputs: Any = None) -> jax.Array:
        """The weights on the features, ``(num_feature, num_out)``."""
        x = self.features(inputs)
        if self.gradient_descent:
            return self.gradient_descent_solve(targets, x)
        return coordinate_descent_solve(targets, x, self.alpha, 0.0, self.max_iter)

    def __repr__(self) -> str:
        return f"LassoRegression(alpha={self.alpha}, degree={self.degree})"


class ElasticNetRegression(_PolynomialBase):
    r"""Elastic-net (L1 + L2 penalised) regression on polynomial features.

    BrainPy implementation of ``brainpy.algorithms.ElasticNetRegression`` (2.3.5).
    Minimises :math:`\tfrac12\lVert \Phi W - Y\rVert^2 + \alpha(\rho\lVert W\rVert_1
    + \tfrac{1-\rho}{2}\lVert W\rVert_2^2)` with :math:`\rho` = ``l1_ratio``.

    Args:
      alpha: the penalty strength, a number >= 0.
      degree: the polynomial degree of the features.
      l1_ratio: the share of the L1 term, in ``[0, 1]``.
      name: a name for the algorithm.
      add_bias: whether the features get a constant column.
      max_iter: the most gradient-descent steps (or coordinate-descent sweeps).
      learning_rate: the gradient-descent step size.
      gradient_descent: solve by (sub)gradient descent, as 2.3.5 did; ``False`` solves
        exactly by coordinate descent.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers import algorithms
      >>> x = np.array([[1., 0.], [0., 1.], [1., 1.]], np.float32)
      >>> algorithms.ElasticNetRegression(degree=2)(x[:, :1], x).shape
      (5, 1)
    """

    def __init__(
        self,
        alpha: float = 1.0,
        degree: int = 2,
        l1_ratio: float = 0.5,
        name: str | None = None,
        add_bias: bool = False,
        max_iter: int = 1000,
        learning_rate: float = 0.001,
        gradient_descent: bool = True,
    ):
        reg = L1L2Regularization(check_number(alpha, "alpha", "ElasticNetRegression"), l1_ratio)
        super().__init__(degree, add_bias, max_iter, learning_rate, gradient_descent, reg, name)
        self.alpha = reg.alpha
        self.l1_ratio = reg.l1_ratio

    def call(self, targets: Any, inputs: Any, outputs: Any = None) -> jax.Array:
        """The weights on the features, ``(num_feature, num_out)``."""
        x = self.features(inputs)
        if self.gradient_descent:
            return self.gradient_descent_solve(targets, x)
        l1 = self.alpha * self.l1_ratio
        l2 = self.alpha * (1 - self.l1_ratio)
        return coordinate_descent_solve(targets, x, l1, l2, self.max_iter)

    def __repr__(self) -> str:
        return (
            f"ElasticNetRegression(alpha={self.alpha}, degree={self.degree}, "
            f"l1_ratio={self.l1_ratio})"
        )


class PolynomialRegression(_PolynomialBase):
    """Least squares on the polynomial features of the inputs (not normalised).

    BrainPy implementation of ``brainpy.algorithms.PolynomialRegression`` (2.3.5).

    Args:
      degree: the polynomial degree of the features.
      name: a name for the algorithm.
      add_bias: whether the features get a constant column.
      max_iter: the most gradient-descent steps.
      learning_rate: the gradient-descent step size.
      gradient_descent: solve by gradient descent; ``False`` uses ``lstsq``.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers import algorithms
      >>> x = np.linspace(-1, 1, 9, dtype=np.float32)[:, None]
      >>> alg = algorithms.PolynomialRegression(degree=2, add_bias=True, gradient_descent=False)
      >>> np.round(alg(1 + 2 * x - 3 * x ** 2, x)[:, 0], 2)
      Array([ 1.,  2., -3.], dtype=float32)
    """

    normalized = False

    def __init__(
        self,
        degree: int = 2,
        name: str | None = None,
        add_bias: bool = False,
        max_iter: int = 1000,
        learning_rate: float = 0.001,
        gradient_descent: bool = True,
    ):
        super().__init__(degree, add_bias, max_iter, learning_rate, gradient_descent, None, name)

    def call(self, targets: Any, inputs: Any, outputs: Any = None) -> jax.Array:
        """The weights on the features, ``(num_feature, num_out)``."""
        x = self.features(inputs)
        if self.gradient_descent:
            return self.gradient_descent_solve(targets, x)
        return jnp.linalg.lstsq(x, targets)[0]

    def __repr__(self) -> str:
        return f"PolynomialRegression(degree={self.degree})"


class PolynomialRidgeRegression(_PolynomialBase):
    r"""Ridge regression on the row-normalised polynomial features of the inputs.

    BrainPy implementation of ``brainpy.algorithms.PolynomialRidgeRegression`` (2.3.5).
    Minimises :math:`\tfrac12\lVert \Phi W - Y\rVert^2 + \tfrac\alpha2\lVert W\rVert^2`.

    Args:
      alpha: the L2 strength, a number >= 0.
      degree: the polynomial degree of the features.
      name: a name for the algorithm.
      add_bias: whether the features get a constant column.
      max_iter: the most gradient-descent steps.
      learning_rate: the gradient-descent step size.
      gradient_descent: solve by gradient descent; ``False`` uses the closed form
        :math:`(\Phi^T\Phi + \alpha I)^{-1}\Phi^T Y`.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers import algorithms
      >>> x = np.array([[1., 0.], [0., 1.], [1., 1.]], np.float32)
      >>> algorithms.PolynomialRidgeRegression(gradient_descent=False)(x[:, :1], x).shape
      (5, 1)
    """

    def __init__(
        self,
        alpha: float = 1.0,
        degree: int = 2,
        name: str | None = None,
        add_bias: bool = False,
        max_iter: int = 1000,
        learning_rate: float = 0.001,
        gradient_descent: bool = True,
    ):
        reg = L2Regularization(check_number(alpha, "alpha", "PolynomialRidgeRegression"))
        super().__init__(degree, add_bias, max_iter, learning_rate, gradient_descent, reg, name)
        self.alpha = reg.alpha

    def call(self, targets: Any, inputs: Any, outputs: Any = None) -> jax.Array:
        """The weights on the features, ``(num_feature, num_out)``."""
        x = self.features(inputs)
        if self.gradient_descent:
            return self.gradient_descent_solve(targets, x)
        if self.alpha == 0:
            return jnp.linalg.lstsq(x, targets)[0]
        return offline.ridge_solve(targets, x, self.alpha)

    def __repr__(self) -> str:
        return f"PolynomialRidgeRegression(alpha={self.alpha}, degree={self.degree})"


class LogisticRegression(offline.RegressionAlgorithm):
    r"""Logistic regression of one binary target: :math:`p = \sigma(X w)`.

    BrainPy implementation of ``brainpy.algorithms.LogisticRegression`` (2.3.5). Minimises
    the cross-entropy :math:`-\sum_i y_i\log p_i + (1-y_i)\log(1-p_i)` by gradient descent
    (:math:`w \leftarrow w - \eta X^T(p - y)`) or, with ``gradient_descent=False``, by
    Newton's method (iteratively reweighted least squares).

    Args:
      learning_rate: the gradient-descent step size.
      gradient_descent: gradient descent (``True``) or Newton's method (``False``).
      max_iter: the most steps.
      name: a name for the algorithm.

    Raises:
      TrainerArgumentError: targets with more than one column.

    Examples:
      >>> import numpy as np
      >>> from brainpy_layers import algorithms
      >>> x = np.array([[-2., 1.], [-1., 1.], [1., 1.], [2., 1.]], np.float32)
      >>> y = np.array([[0.], [1.], [0.], [1.]], np.float32)
      >>> alg = algorithms.LogisticRegression()
      >>> alg.predict(alg(y, x), x).shape
      (4, 1)
    """

    def __init__(
        self,
        learning_rate: float = 0.1,
        gradient_descent: bool = True,
        max_iter: int = 4000,
        name: str | None = None,
    ):
        super().__init__(max_iter=max_iter, learning_rate=learning_rate, name=name)
        self.gradient_descent = bool(gradient_descent)
        self.sigmoid = Sigmoid()

    def call(self, targets: Any, inputs: Any, outputs: Any = None) -> jax.Array:
        """The weights ``(num_in, 1)``."""
        x = as_2d(inputs, "inputs", "LogisticRegression")
        y = as_2d(targets, "targets", "LogisticRegression")
        if y.shape[1] != 1:
            raise TrainerArgumentError(
                "LogisticRegression: targets must have one column (a single binary target), "
                f"got shape {tuple(y.shape)}."
            )
        y = y.astype(x.dtype)
        w0 = jnp.zeros((x.shape[1], 1), x.dtype)
        lr = self.learning_rate
        newton = not self.gradient_descent

        def step(w):
            p = jax.nn.sigmoid(x @ w)
            grad = x.T @ (p - y)
            if not newton:
                return w - lr * grad
            hess = (x * (p * (1 - p))).T @ x
            return w - jnp.linalg.pinv(hess) @ grad

        def cond(carry):
            i, old, new = carry
            moving = jnp.any(jnp.abs(new - old) > 1e-8 + 1e-5 * jnp.abs(old))
            return jnp.logical_and(i < self.max_iter, moving)

        def body(carry):
            i, _, w = carry
            return i + 1, w, step(w)

        return jax.lax.while_loop(cond, body, (0, w0 - 1.0, w0))[2]

    def predict(self, W: Any, X: Any) -> jax.Array:
        r"""The probabilities :math:`\sigma(X W)`."""
        return self.sigmoid(jnp.dot(bm.as_jax(X), bm.as_jax(W)))

    def __repr__(self) -> str:
        return f"LogisticRegression(learning_rate={self.learning_rate})"


offline._METHODS.update(
    {
        "lasso": LassoRegression,
        "logistic": LogisticRegression,
        "polynomial": PolynomialRegression,
        "polynomial_ridge": PolynomialRidgeRegression,
        "elastic_net": ElasticNetRegression,
    }
)

bm.set_module(
    "brainpy_layers.algorithms",
    LassoRegression,
    ElasticNetRegression,
    LogisticRegression,
    PolynomialRegression,
    PolynomialRidgeRegression,
)

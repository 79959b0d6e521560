r"""Building blocks of the regressions: feature maps, regularizers and the gradient-descent solver.

The regressions of :mod:`brainpy_layers.algorithms` minimise
:math:`\tfrac12 \lVert X W - Y \rVert^2 + R(W)` for a regularizer :math:`R` (a
:class:`Regularization`), by gradient descent (:func:`gradient_descent_solve`) or in closed
form. Inputs may first go through :func:`polynomial_features` and :func:`normalize`.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_layers._src.train.errors import TrainerArgumentError, TrainerArgumentTypeError

__all__ = [
    "Sigmoid",
    "Regularization",
    "L1Regularization",
    "L2Regularization",
    "L1L2Regularization",
    "polynomial_features",
    "normalize",
]


def check_number(value: Any, name: str, owner: str, *, low: float = 0.0, strict: bool = False):
    """``value`` as a float, or a :class:`TrainerArgumentError` naming ``name``."""
    ok = (
        not isinstance(value, bool)
        and isinstance(value, (int, float))
        and math.isfinite(value)
        and (value > low if strict else value >= low)
    )
    if not ok:
        cmp = ">" if strict else ">="
        raise TrainerArgumentError(
            f"{owner}: {name} must be a finite number {cmp} {low}, got {value!r}."
        )
    return float(value)


def check_int(value: Any, name: str, owner: str, *, low: int = 1) -> int:
    """``value`` as an int ``>= low``, or a :class:`TrainerArgumentError` naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise TrainerArgumentError(f"{owner}: {name} must be an int >= {low}, got {value!r}.")
    return int(value)


def as_2d(x: Any, name: str, owner: str) -> jax.Array:
    """``x`` as a 2-D float JAX array ``(samples, features)``, leading axes flattened."""
    x = jnp.asarray(bm.as_jax(x))
    if x.ndim < 2:
        raise TrainerArgumentError(
            f"{owner}: {name} must be at least 2-D (samples, features), got shape {tuple(x.shape)}."
        )
    if not jnp.issubdtype(x.dtype, jnp.inexact):
        x = x.astype(bm.float_)
    return x.reshape(-1, x.shape[-1])


class Sigmoid:
    r"""The logistic function :math:`\sigma(x) = 1 / (1 + e^{-x})` and its derivative.

    Examples:
      >>> from brainpy_layers.algorithms import utils
      >>> s = utils.Sigmoid()
      >>> float(s(0.)), float(s.grad(0.))
      (0.5, 0.25)
    """

    def __call__(self, x: Any) -> jax.Array:
        return jax.nn.sigmoid(bm.as_jax(x))

    def grad(self, x: Any) -> jax.Array:
        r""":math:`\sigma(x)(1 - \sigma(x))`."""
        s = jax.nn.sigmoid(bm.as_jax(x))
        return s * (1 - s)


class Regularization:
    """No regularization, scaled: :math:`R(w) = 0` (the base of the regularizers).

    Args:
      alpha: the strength of the penalty, a finite number >= 0.

    Examples:
      >>> from brainpy_layers.algorithms import utils
      >>> float(utils.Regularization(1.)([1., -2.]))
      0.0
    """

    def __init__(self, alpha: float = 0.0):
        self.alpha = check_number(alpha, "alpha", type(self).__name__)

    def __call__(self, x: Any) -> jax.Array:
        return jnp.zeros((), jnp.result_type(float))

    def grad(self, x: Any) -> jax.Array:
        """The (sub)gradient of the penalty at ``x``."""
        return jnp.zeros_like(jnp.asarray(bm.as_jax(x), float))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(alpha={self.alpha})"


class L1Regularization(Regularization):
    r"""The lasso penalty :math:`R(w) = \alpha \lVert w \rVert_1`.

    Examples:
      >>> from brainpy_layers.algorithms import utils
      >>> r = utils.L1Regularization(0.5)
      >>> float(r([1., -2.])), r.grad([1., -2.]).tolist()
      (1.5, [0.5, -0.5])
    """

    def __call__(self, x: Any) -> jax.Array:
        return self.alpha * jnp.sum(jnp.abs(bm.as_jax(x)))

    def grad(self, x: Any) -> jax.Array:
        return self.alpha * jnp.sign(jnp.asarray(bm.as_jax(x), float))


class L2Regularization(Regularization):
    r"""The ridge penalty :math:`R(w) = \tfrac{\alpha}{2} \lVert w \rVert_2^2`.

    Examples:
      >>> from brainpy_layers.algorithms import utils
      >>> r = utils.L2Regularization(0.5)
      >>> float(r([1., -2.])), r.grad([1., -2.]).tolist()
      (1.25, [0.5, -1.0])
    """

    def __call__(self, x: Any) -> jax.Array:
        x = bm.as_jax(x)
        return self.alpha * 0.5 * jnp.sum(jnp.square(x))

    def grad(self, x: Any) -> jax.Array:
        return self.alpha * jnp.asarray(bm.as_jax(x), float)


class L1L2Regularization(Regularization):
    r"""The elastic-net penalty :math:`\alpha(\rho \lVert w\rVert_1 + \tfrac{1-\rho}{2}\lVert w\rVert_2^2)`.

    Args:
      alpha: the strength of the penalty, a finite number >= 0.
      l1_ratio: :math:`\rho`, the share of the L1 term, in ``[0, 1]``.

    Examples:
      >>> from brainpy_layers.algorithms import utils
      >>> r = utils.L1L2Regularization(1., l1_ratio=0.5)
      >>> float(r([1., -2.]))
      2.75
    """

    def __init__(self, alpha: float = 0.0, l1_ratio: float = 0.5):
        super().__init__(alpha)
        self.l1_ratio = check_number(l1_ratio, "l1_ratio", type(self).__name__)
        if self.l1_ratio > 1:
            raise TrainerArgumentError(
                f"{type(self).__name__}: l1_ratio must lie in [0, 1], got {l1_ratio!r}."
            )

    def __call__(self, x: Any) -> jax.Array:
        x = bm.as_jax(x)
        l1 = self.l1_ratio * jnp.sum(jnp.abs(x))
        l2 = (1 - self.l1_ratio) * 0.5 * jnp.sum(jnp.square(x))
        return self.alpha * (l1 + l2)

    def grad(self, x: Any) -> jax.Array:
        x = jnp.asarray(bm.as_jax(x), float)
        return self.alpha * (self.l1_ratio * jnp.sign(x) + (1 - self.l1_ratio) * x)

    def __repr__(self) -> str:
        return f"L1L2Regularization(alpha={self.alpha}, l1_ratio={self.l1_ratio})"


def polynomial_features(X: Any, degree: int, add_bias: bool = True) -> jax.Array:
    r"""All monomials of the features of ``X`` up to ``degree``, as new features.

    The columns are the products :math:`\prod_k x_{i_k}` over the index combinations with
    replacement of sizes 1 to ``degree``, in :func:`itertools.combinations_with_replacement`
    order (size 1 first), after a leading column of ones when ``add_bias``.

    Args:
      X: the data, ``(num_sample, num_feature)``.
      degree: the highest degree, an int >= 1.
      add_bias: whether to prepend a column of ones.

    Returns:
      A ``(num_sample, num_new_feature)`` array.

    Examples:
      >>> import jax.numpy as jnp
      >>> from brainpy_layers.algorithms import utils
      >>> utils.polynomial_features(jnp.array([[2., 3.]]), degree=2)
      Array([[1., 2., 3., 4., 6., 9.]], dtype=float32)
    """
    degree = check_int(degree, "degree", "polynomial_features")
    x = jnp.asarray(bm.as_jax(X))
    if x.ndim != 2:
        raise TrainerArgumentError(
            f"polynomial_features: X must be 2-D (samples, features), got shape {tuple(x.shape)}."
        )
    if not jnp.issubdtype(x.dtype, jnp.inexact):
        x = x.astype(bm.float_)
    columns = [jnp.ones((x.shape[0],), x.dtype)] if add_bias else []
    for d in range(1, degree + 1):
        for combo in itertools.combinations_with_replacement(range(x.shape[1]), d):
            columns.append(jnp.prod(x[:, list(combo)], axis=1))
    return jnp.stack(columns, axis=1)


def normalize(X: Any, axis: int = -1, order: int = 2) -> jax.Array:
    """``X`` divided by its ``order``-norm along ``axis`` (zero-norm slices left as they are).

    With the default ``axis=-1`` every sample (row) is scaled to unit norm.

    Args:
      X: the data.
      axis: the axis along which to take the norm.
      order: the order of the norm (as in :func:`jax.numpy.linalg.norm`).

    Examples:
      >>> import jax.numpy as jnp
      >>> from brainpy_layers.algorithms import utils
      >>> utils.normalize(jnp.array([[3., 4.], [0., 0.]]))
      Array([[0.6, 0.8],
             [0. , 0. ]], dtype=float32)
    """
    x = jnp.asarray(bm.as_jax(X))
    norm = jnp.linalg.norm(x, ord=order, axis=axis, keepdims=True)
    return x / jnp.where(norm == 0, 1, norm)


def gradient_descent_solve(
    targets: jax.Array,
    inputs: jax.Array,
    regularizer: Regularization,
    learning_rate: float,
    max_iter: int,
) -> jax.Array:
    r"""Minimise :math:`\tfrac12\lVert X W - Y\rVert^2 + R(W)` by gradient descent from zero.

    Steps :math:`W \leftarrow W - \eta (X^T(XW - Y) + \nabla R(W))` until two successive
    iterates agree to ``1e-5`` relative, ``1e-8`` absolute tolerance, or ``max_iter`` steps,
    in one compiled :func:`jax.lax.while_loop`.
    """
    w0 = jnp.zeros((inputs.shape[1], targets.shape[1]), jnp.result_type(inputs, targets))

    def cond(carry):
        i, old, new = carry
        moving = jnp.any(jnp.abs(new - old) > 1e-8 + 1e-5 * jnp.abs(old))
        return jnp.logical_and(i < max_iter, moving)

    def body(carry):
        i, _, w = carry
        grad = inputs.T @ (inputs @ w - targets) + regularizer.grad(w).astype(w.dtype)
        return i + 1, w, w - learning_rate * grad

    return jax.lax.while_loop(cond, body, (0, w0 - 1.0, w0))[2]


def check_regularizer(regularizer: Any, owner: str) -> Regularization:
    """``regularizer`` if it is a :class:`Regularization`, else a type error naming ``owner``."""
    if not isinstance(regularizer, Regularization):
        raise TrainerArgumentTypeError(
            f"{owner}: regularizer must be a brainpy_layers.algorithms.utils.Regularization, "
            f"got {type(regularizer).__name__}."
        )
    return regularizer


bm.set_module(
    "brainpy_layers.algorithms.utils",
    Sigmoid,
    Regularization,
    L1Regularization,
    L2Regularization,
    L1L2Regularization,
    polynomial_features,
    normalize,
)

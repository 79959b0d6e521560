"""Regularization terms on one array (or pytree): norms, means, log-cosh and label smoothing.

Each takes arrays or pytrees of arrays (a dict of weights, say); for a pytree the term is
computed leaf by leaf and the results are added, except :func:`l2_norm`, which is the norm of
all leaves together.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy_layers._src.errors import LayerArgumentError, LayerInputShapeError
from brainpy_layers._src.losses.base import as_float, map_sum, public
from brainpy_layers._src.losses.regression import log_cosh_of

__all__ = ["l2_norm", "mean_absolute", "mean_square", "log_cosh", "smooth_labels"]


def _squares(leaf: Any, axis: Any) -> jax.Array:
    x = as_float(leaf, "l2_norm", "x")
    return jnp.sum(jnp.real(x * jnp.conj(x)), axis=axis)


@public
def l2_norm(x: Any, axis: Any = None) -> jax.Array:
    r"""The L2 norm :math:`\sqrt{\sum_i |x_i|^2}` of an array or of all leaves of a pytree.

    Args:
      x: an array, or a pytree of arrays (e.g. a model's weights).
      axis: ``None`` for the norm of every element; otherwise the axis or axes to reduce
        (as in :func:`jax.numpy.sum`), leaving one norm per remaining index. With a pytree,
        the leaves' sums of squares over ``axis`` are added before the square root, so their
        remaining shapes must broadcast.

    Returns:
      The norm: a scalar for ``axis=None``.

    Raises:
      LayerInputShapeError: with a pytree and an ``axis``, the leaves' remaining shapes do
        not broadcast.

    Note:
      BrainPy 2.3.5 applied ``axis`` to the vector of per-leaf squared norms, so for a single
      array any ``axis`` gave the total norm; here ``axis`` reduces the array's own axes,
      as in :func:`numpy.linalg.norm`.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.losses.l2_norm(jnp.array([3.0, 4.0]))
      Array(5., dtype=float32)
      >>> bl.losses.l2_norm({"w": jnp.array([[3.0], [0.0]]), "b": jnp.array([4.0])})
      Array(5., dtype=float32)
      >>> bl.losses.l2_norm(jnp.array([[3.0, 4.0], [6.0, 8.0]]), axis=1)
      Array([ 5., 10.], dtype=float32)
    """
    try:
        total = map_sum(lambda leaf: _squares(leaf, axis), "l2_norm", ("x",), x)
    except (ValueError, TypeError) as err:
        if "Incompatible shapes" not in str(err):
            raise
        raise LayerInputShapeError(
            f"l2_norm: with axis={axis!r} the leaves of x keep shapes that do not broadcast "
            f"together ({err})."
        ) from err
    return jnp.sqrt(total)


@public
def mean_absolute(outputs: Any, axis: Any = None) -> jax.Array:
    r"""The mean absolute value :math:`\operatorname{mean}(|x|)` over ``axis``.

    Args:
      outputs: an array, or a pytree of arrays (the leaves' results are added).
      axis: the axis or axes to average, as in :func:`jax.numpy.mean`; ``None`` averages
        all of them.

    Returns:
      The mean, with the axes in ``axis`` reduced.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.losses.mean_absolute(jnp.array([[1.0, -3.0], [-2.0, 2.0]]))
      Array(2., dtype=float32)
      >>> bl.losses.mean_absolute(jnp.array([[1.0, -3.0], [-2.0, 2.0]]), axis=0)
      Array([1.5, 2.5], dtype=float32)
    """

    def compute(leaf: Any) -> jax.Array:
        return jnp.mean(jnp.abs(as_float(leaf, "mean_absolute", "outputs")), axis=axis)

    return map_sum(compute, "mean_absolute", ("outputs",), outputs)


@public
def mean_square(predicts: Any, axis: Any = None) -> jax.Array:
    r"""The mean square :math:`\operatorname{mean}(x^2)` over ``axis``.

    Args:
      predicts: an array, or a pytree of arrays (the leaves' results are added).
      axis: the axis or axes to average, as in :func:`jax.numpy.mean`; ``None`` averages
        all of them.

    Returns:
      The mean square, with the axes in ``axis`` reduced.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.losses.mean_square(jnp.array([1.0, -3.0]))
      Array(5., dtype=float32)
    """

    def compute(leaf: Any) -> jax.Array:
        return jnp.mean(as_float(leaf, "mean_square", "predicts") ** 2, axis=axis)

    return map_sum(compute, "mean_square", ("predicts",), predicts)


@public
def log_cosh(errors: Any) -> jax.Array:
    r"""Element-wise :math:`\log\cosh(e)` of errors, without overflow for large ones.

    :func:`log_cosh_loss` with the error ``predicts - targets`` already taken.

    Args:
      errors: an array, or a pytree of arrays of one shape (the leaves' results are added).

    Returns:
      The values, of the shape of ``errors``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.losses.log_cosh(jnp.array([0.0, -100.0])).round(4)
      Array([ 0.    , 99.3069], dtype=float32)
    """

    def compute(leaf: Any) -> jax.Array:
        return log_cosh_of(as_float(leaf, "log_cosh", "errors"))

    return map_sum(compute, "log_cosh", ("errors",), errors)


@public
def smooth_labels(labels: Any, alpha: float | jax.Array) -> jax.Array:
    r"""Label smoothing: :math:`(1 - \alpha)\, y + \alpha / C` over the last (class) axis.

    Smoothed labels favour small logit gaps, which can calibrate a classifier better
    (Müller et al., 2019, *When does label smoothing help?*). With one-hot ``labels``,
    :func:`softmax_cross_entropy` of the smoothed labels equals
    :func:`torch.nn.functional.cross_entropy` with ``label_smoothing=alpha``.

    Args:
      labels: one-hot labels (or class probabilities) of shape ``(..., C)``.
      alpha: the smoothing factor in ``[0, 1]``; the true class gets
        ``1 - alpha + alpha / C``, every other class ``alpha / C``.

    Returns:
      The smoothed labels, of the shape of ``labels``. A pytree gives the sum over its leaves,
      as in BrainPy 2.3.5.

    Raises:
      LayerArgumentError: ``alpha`` is a number outside ``[0, 1]``.
      LayerInputShapeError: ``labels`` has no class axis.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.losses.smooth_labels(jnp.array([[0.0, 1.0, 0.0, 0.0]]), 0.2)
      Array([[0.05, 0.85, 0.05, 0.05]], dtype=float32)
    """
    if isinstance(alpha, (int, float)) and not 0.0 <= alpha <= 1.0:
        raise LayerArgumentError(f"smooth_labels: alpha must lie in [0, 1], got {alpha!r}.")

    def compute(leaf: Any) -> jax.Array:
        y = as_float(leaf, "smooth_labels", "labels")
        if y.ndim == 0:
            raise LayerInputShapeError(
                "smooth_labels: labels must have a class axis (shape (..., C)), got a scalar."
            )
        return (1.0 - alpha) * y + alpha / y.shape[-1]

    return map_sum(compute, "smooth_labels", ("labels",), labels)

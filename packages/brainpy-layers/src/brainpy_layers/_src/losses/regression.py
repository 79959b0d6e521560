"""Regression losses: absolute, squared, squared-log, Huber and log-cosh errors.

``targets`` must broadcast to the shape of the predictions without changing it, so a
``(N, 1)`` target against ``(N,)`` predictions is an error rather than a silent ``(N, N)``
outer difference. Every function is a pure JAX function (``jit``, ``grad``, ``vmap``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_layers._src.errors import LayerArgumentError
from brainpy_layers._src.losses.base import (
    as_float,
    check_broadcast,
    check_reduction,
    map_sum,
    public,
    reduce,
)

__all__ = [
    "l1_loss",
    "l1_loos",
    "l2_loss",
    "huber_loss",
    "mean_absolute_error",
    "mean_squared_error",
    "mean_squared_log_error",
    "log_cosh_loss",
]


def _elementwise(
    fn: str,
    names: tuple[str, str],
    predicts: Any,
    targets: Any,
    error: Callable[[jax.Array, jax.Array], jax.Array],
    reduction: str = "none",
    axis: Any = None,
) -> jax.Array:
    """``reduce(error(p, t))`` with both inputs checked, over pytree leaves too."""
    check_reduction(reduction, fn)

    def compute(p: Any, t: Any) -> jax.Array:
        x = as_float(p, fn, names[0])
        y = as_float(t, fn, names[1])
        check_broadcast(x, y, fn, names)
        return reduce(error(x, y), reduction, axis)

    return map_sum(compute, fn, names, predicts, targets)


@public
def l1_loss(logits: Any, targets: Any, reduction: str = "sum") -> jax.Array:
    r"""BrainPy implementation of :func:`torch.nn.functional.l1_loss`: :math:`|x - y|`.

    Args:
      logits: predictions, of any shape.
      targets: targets of the shape of ``logits`` (or broadcasting to it).
      reduction: ``'sum'`` (the default, as in BrainPy 2.3.5), ``'mean'`` (over all
        elements) or ``'none'`` (element-wise).

    Returns:
      The loss: a scalar, or an array of the shape of ``logits`` for ``'none'``.

    Raises:
      LayerArgumentError: ``reduction`` is unknown.
      LayerInputShapeError: ``targets`` do not broadcast to the shape of ``logits``.

    Note:
      BrainPy 2.3.5 (as ``l1_loos``) documented this element-wise definition but computed
      one L1 norm per sample, so its ``'mean'`` and ``'none'`` disagreed with its docstring
      and with PyTorch; this function follows the documented definition (``'sum'`` is the
      same in both). ``l1_loos`` is kept as an alias of this function.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> x, y = jnp.array([[1.0, 2.0], [3.0, 4.0]]), jnp.zeros((2, 2))
      >>> bl.losses.l1_loss(x, y)
      Array(10., dtype=float32)
      >>> bl.losses.l1_loss(x, y, reduction="mean")
      Array(2.5, dtype=float32)
    """
    return _elementwise(
        "l1_loss", ("logits", "targets"), logits, targets, lambda x, y: jnp.abs(x - y), reduction
    )


l1_loos = l1_loss  # BrainPy 2.3.5's (misspelt) name


@public
def l2_loss(predicts: Any, targets: Any) -> jax.Array:
    r"""Element-wise L2 loss :math:`\frac{1}{2}(x - y)^2`.

    The factor :math:`\frac{1}{2}` follows Bishop, *Pattern Recognition and Machine
    Learning* (2006).

    Args:
      predicts: predictions, of any shape.
      targets: targets of the shape of ``predicts`` (or broadcasting to it).

    Returns:
      The losses, of the shape of ``predicts`` (sum or average them as needed).

    Raises:
      LayerInputShapeError: ``targets`` do not broadcast to the shape of ``predicts``.

    Note:
      BrainPy 2.3.5's docstring said it returns a scalar; its code (and this function)
      returns the element-wise losses.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.losses.l2_loss(jnp.array([1.0, 3.0]), jnp.array([0.0, 0.0]))
      Array([0.5, 4.5], dtype=float32)
    """
    return _elementwise(
        "l2_loss", ("predicts", "targets"), predicts, targets, lambda x, y: 0.5 * (x - y) ** 2
    )


@public
def huber_loss(predicts: Any, targets: Any, delta: float | jax.Array = 1.0) -> jax.Array:
    r"""Element-wise Huber loss, as :func:`torch.nn.functional.huber_loss` with ``'none'``.

    .. math::
        \ell = \begin{cases} \frac{1}{2} d^2 & |d| \le \delta \\
        \delta (|d| - \frac{1}{2}\delta) & \text{otherwise,} \end{cases} \qquad d = x - y.

    Quadratic near zero and linear far from it: gradient descent on it equals clipping the
    gradient of :func:`l2_loss` to ``[-delta, delta]``.

    Args:
      predicts: predictions, of any shape.
      targets: targets of the shape of ``predicts`` (or broadcasting to it).
      delta: the positive radius of the quadratic part.

    Returns:
      The losses, of the shape of ``predicts``.

    Raises:
      LayerArgumentError: ``delta`` is not positive.
      LayerInputShapeError: ``targets`` do not broadcast to the shape of ``predicts``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.losses.huber_loss(jnp.array([0.5, 3.0]), jnp.array([0.0, 0.0]))
      Array([0.125, 2.5  ], dtype=float32)
    """
    if isinstance(delta, (int, float)) and not delta > 0:
        raise LayerArgumentError(f"huber_loss: delta must be positive, got {delta!r}.")

    def error(x: jax.Array, y: jax.Array) -> jax.Array:
        d = jnp.abs(x - y)
        return jnp.where(d <= delta, 0.5 * d**2, delta * (d - 0.5 * delta))

    return _elementwise("huber_loss", ("predicts", "targets"), predicts, targets, error)


@public
def mean_absolute_error(x: Any, y: Any, axis: Any = None, reduction: str = "mean") -> jax.Array:
    r"""Mean (or summed) absolute error :math:`|x - y|`, reduced over ``axis``.

    With ``axis=None`` this is :func:`torch.nn.functional.l1_loss` with the same
    ``reduction``.

    Args:
      x: predictions, of any shape.
      y: targets of the shape of ``x`` (or broadcasting to it).
      axis: the axis or axes to reduce, as in :func:`jax.numpy.mean`; ``None`` reduces all
        of them. Ignored by ``'none'``.
      reduction: ``'mean'``, ``'sum'`` or ``'none'`` (element-wise).

    Returns:
      The loss, with the axes in ``axis`` reduced.

    Raises:
      LayerArgumentError: ``reduction`` is unknown.
      LayerInputShapeError: ``y`` does not broadcast to the shape of ``x``.

    Note:
      BrainPy 2.3.5's docstring called ``axis`` the dimensions to *keep*; its code (and this
      function) reduces over ``axis``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> x = jnp.array([[1.0, 2.0], [3.0, 6.0]])
      >>> bl.losses.mean_absolute_error(x, jnp.zeros((2, 2)))
      Array(3., dtype=float32)
      >>> bl.losses.mean_absolute_error(x, jnp.zeros((2, 2)), axis=1)
      Array([1.5, 4.5], dtype=float32)
    """
    return _elementwise(
        "mean_absolute_error", ("x", "y"), x, y, lambda a, b: jnp.abs(a - b), reduction, axis
    )


@public
def mean_squared_error(
    predicts: Any, targets: Any, axis: Any = None, reduction: str = "mean"
) -> jax.Array:
    r"""Mean (or summed) squared error :math:`(x - y)^2`, reduced over ``axis``.

    With ``axis=None`` this is :func:`torch.nn.functional.mse_loss` with the same
    ``reduction``.

    Args:
      predicts: predictions, of any shape.
      targets: targets of the shape of ``predicts`` (or broadcasting to it).
      axis: the axis or axes to reduce, as in :func:`jax.numpy.mean`; ``None`` reduces all
        of them. Ignored by ``'none'``.
      reduction: ``'mean'``, ``'sum'`` or ``'none'`` (element-wise).

    Returns:
      The loss, with the axes in ``axis`` reduced.

    Raises:
      LayerArgumentError: ``reduction`` is unknown.
      LayerInputShapeError: ``targets`` do not broadcast to the shape of ``predicts``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.losses.mean_squared_error(jnp.array([1.0, 3.0]), jnp.array([1.0, 1.0]))
      Array(2., dtype=float32)
      >>> bl.losses.mean_squared_error(jnp.array([1.0, 3.0]), 1.0, reduction="sum")
      Array(4., dtype=float32)
    """
    return _elementwise(
        "mean_squared_error",
        ("predicts", "targets"),
        predicts,
        targets,
        lambda a, b: (a - b) ** 2,
        reduction,
        axis,
    )


@public
def mean_squared_log_error(
    predicts: Any, targets: Any, axis: Any = None, reduction: str = "mean"
) -> jax.Array:
    r"""Mean (or summed) squared logarithmic error :math:`(\log(1 + x) - \log(1 + y))^2`.

    Args:
      predicts: predictions greater than -1 (usually non-negative), of any shape.
      targets: targets greater than -1, of the shape of ``predicts`` (or broadcasting to it).
      axis: the axis or axes to reduce, as in :func:`jax.numpy.mean`; ``None`` reduces all
        of them. Ignored by ``'none'``.
      reduction: ``'mean'``, ``'sum'`` or ``'none'`` (element-wise).

    Returns:
      The loss, with the axes in ``axis`` reduced; NaN where an input is below -1.

    Raises:
      LayerArgumentError: ``reduction`` is unknown.
      LayerInputShapeError: ``targets`` do not broadcast to the shape of ``predicts``.

    Examples:
      >>> import math
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> x = jnp.array([math.e - 1.0, 0.0])
      >>> bl.losses.mean_squared_log_error(x, jnp.zeros(2), reduction="none")
      Array([1., 0.], dtype=float32)
    """
    return _elementwise(
        "mean_squared_log_error",
        ("predicts", "targets"),
        predicts,
        targets,
        lambda a, b: (jnp.log1p(a) - jnp.log1p(b)) ** 2,
        reduction,
        axis,
    )


def log_cosh_of(errors: jax.Array) -> jax.Array:
    """``log(cosh(errors))``, without overflow for large errors."""
    return jnp.logaddexp(errors, -errors) - jnp.log(2.0).astype(errors.dtype)


@public
def log_cosh_loss(predicts: Any, targets: Any) -> jax.Array:
    r"""Element-wise log-cosh loss :math:`\log\cosh(x - y)`.

    About :math:`d^2 / 2` for small errors :math:`d` and :math:`|d| - \log 2` for large
    ones: a twice-differentiable alternative to :func:`huber_loss` (Chen et al., 2019,
    *Log-cosh VAE*).

    Args:
      predicts: predictions, of any shape.
      targets: targets of the shape of ``predicts`` (or broadcasting to it).

    Returns:
      The losses, of the shape of ``predicts``.

    Raises:
      LayerInputShapeError: ``targets`` do not broadcast to the shape of ``predicts``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.losses.log_cosh_loss(jnp.array([0.0, 100.0]), 0.0).round(4)
      Array([ 0.    , 99.3069], dtype=float32)
    """
    return _elementwise(
        "log_cosh_loss", ("predicts", "targets"), predicts, targets, lambda a, b: log_cosh_of(a - b)
    )

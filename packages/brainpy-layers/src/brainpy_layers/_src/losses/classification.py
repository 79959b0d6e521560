"""Classification losses: the cross-entropy family and the logistic losses.

The class axis is the **last** axis everywhere, as in BrainPy 2.3.5 (``(N, C)`` or
``(d_1, ..., d_K, N, C)``); PyTorch puts it on axis 1. Every function here is a pure JAX
function: it works under :func:`jax.jit`, :func:`jax.grad` and :func:`jax.vmap`.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy_layers._src.errors import LayerArgumentTypeError, LayerInputShapeError
from brainpy_layers._src.losses.base import (
    as_array,
    as_float,
    check_broadcast,
    check_class_indices,
    check_reduction,
    map_sum,
    pick_classes,
    public,
    reduce,
)

__all__ = [
    "cross_entropy_loss",
    "cross_entropy_sparse",
    "cross_entropy_sigmoid",
    "nll_loss",
    "binary_logistic_loss",
    "multiclass_logistic_loss",
    "sigmoid_binary_cross_entropy",
    "softmax_cross_entropy",
]


def _class_weight(weight: Any, num_classes: int, fn: str) -> jax.Array | None:
    if weight is None:
        return None
    w = as_float(weight, fn, "weight")
    if w.shape != (num_classes,):
        raise LayerInputShapeError(
            f"{fn}: weight must have shape ({num_classes},), one entry per class, got shape "
            f"{w.shape}."
        )
    return w


def _indexed_nll(
    logp: jax.Array, targets: jax.Array, weight: jax.Array | None, reduction: str
) -> jax.Array:
    """PyTorch's ``nll_loss`` on class-last log-probabilities and integer targets."""
    picked = pick_classes(logp, targets)
    if weight is None:
        return reduce(-picked, reduction)
    w = pick_classes(jnp.broadcast_to(weight, logp.shape), targets)
    loss = -w * picked
    if reduction == "mean":
        return jnp.sum(loss) / jnp.sum(w)
    return reduce(loss, reduction)


def _cross_entropy(
    predicts: Any, targets: Any, weight: Any, reduction: str, fn: str, log_probs: bool
) -> jax.Array:
    x = as_float(predicts, fn, "predicts" if not log_probs else "input")
    t = as_array(targets, fn, "targets" if not log_probs else "target")
    t_name = "target" if log_probs else "targets"
    if x.ndim == 0:
        raise LayerInputShapeError(
            f"{fn}: {'input' if log_probs else 'predicts'} must have a class axis (shape "
            f"(..., C)), got a scalar."
        )
    num_classes = x.shape[-1]
    w = _class_weight(weight, num_classes, fn)
    logp = x if log_probs else jax.nn.log_softmax(x, axis=-1)
    if t.ndim == x.ndim - 1 or log_probs:
        check_class_indices(t, x.shape[:-1], num_classes, fn, t_name)
        return _indexed_nll(logp, t, w, reduction)
    if t.shape != x.shape:
        raise LayerInputShapeError(
            f"{fn}: {t_name} must be class indices of shape {x.shape[:-1]} or class "
            f"probabilities of shape {x.shape}, got shape {t.shape}."
        )
    probs = as_float(t, fn, t_name)
    scaled = probs * logp if w is None else probs * logp * w
    return reduce(-jnp.sum(scaled, axis=-1), reduction)


@public
def cross_entropy_loss(
    predicts: Any, targets: Any, weight: Any = None, reduction: str = "mean"
) -> jax.Array:
    r"""BrainPy implementation of :func:`torch.nn.functional.cross_entropy`, class axis last.

    Combines a log-softmax over the last axis of the logits ``predicts`` with the negative
    log-likelihood of ``targets``, which are either class indices or class probabilities:

    .. math::
        \ell_n = -w_{y_n} \log \operatorname{softmax}(x_n)_{y_n}
        \quad\text{or}\quad
        \ell_n = -\sum_c w_c\, p_{n,c} \log \operatorname{softmax}(x_n)_c .

    With class indices, ``'mean'`` is the weighted mean :math:`\sum_n \ell_n / \sum_n
    w_{y_n}`; with probabilities it is the plain mean over the entries.

    Args:
      predicts: logits of shape ``(C,)``, ``(N, C)`` or ``(d_1, ..., d_K, N, C)``.
      targets: integer class indices in ``[0, C)`` of shape ``predicts.shape[:-1]``, or
        class probabilities of the shape of ``predicts`` (one-hot labels included).
      weight: optional rescaling weight of each class, of shape ``(C,)``.
      reduction: ``'mean'``, ``'sum'`` or ``'none'`` (one loss per entry, shape
        ``predicts.shape[:-1]``).

    Returns:
      The loss: a scalar, or an array of shape ``predicts.shape[:-1]`` for ``'none'``.

    Raises:
      LayerArgumentError: ``reduction`` is unknown, or (outside ``jit``) a class index is out
        of range; under ``jit`` such an entry's loss is NaN.
      LayerArgumentTypeError: index targets are not integers.
      LayerInputShapeError: ``targets`` or ``weight`` do not fit the shape of ``predicts``.

    Note:
      The class axis is the last axis (BrainPy 2.3.5's layout); PyTorch's is axis 1. BrainPy
      2.3.5 raised ``NotImplementedError`` for any ``weight`` and took a plain mean; this
      function implements ``weight`` with PyTorch's weighted mean.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> logits = jnp.array([[2.0, 0.0], [0.0, 2.0]])
      >>> bl.losses.cross_entropy_loss(logits, jnp.array([0, 0]), reduction="none").round(4)
      Array([0.1269, 2.1269], dtype=float32)
      >>> bl.losses.cross_entropy_loss(logits, jnp.array([[1.0, 0.0], [1.0, 0.0]])).round(4)
      Array(1.1269, dtype=float32)
    """
    fn = "cross_entropy_loss"
    check_reduction(reduction, fn)

    def compute(x: Any, t: Any) -> jax.Array:
        return _cross_entropy(x, t, weight, reduction, fn, log_probs=False)

    return map_sum(compute, fn, ("predicts", "targets"), predicts, targets)


@public
def nll_loss(input: Any, target: Any, reduction: str = "mean", *, weight: Any = None) -> jax.Array:
    r"""BrainPy implementation of :func:`torch.nn.functional.nll_loss`, class axis last.

    The negative log-likelihood :math:`\ell_n = -w_{y_n} x_{n, y_n}` of integer class
    indices ``target`` under log-probabilities ``input`` (for example the output of
    :func:`jax.nn.log_softmax`); ``'mean'`` is the weighted mean
    :math:`\sum_n \ell_n / \sum_n w_{y_n}`.

    Args:
      input: log-probabilities of shape ``(C,)``, ``(N, C)`` or ``(d_1, ..., d_K, N, C)``.
      target: integer class indices in ``[0, C)`` of shape ``input.shape[:-1]``.
      reduction: ``'mean'``, ``'sum'`` or ``'none'`` (shape ``input.shape[:-1]``).
      weight: optional rescaling weight of each class, of shape ``(C,)``.

    Returns:
      The loss: a scalar, or an array of shape ``input.shape[:-1]`` for ``'none'``.

    Raises:
      LayerArgumentError: ``reduction`` is unknown, or (outside ``jit``) a class index is out
        of range; under ``jit`` such an entry's loss is NaN.
      LayerArgumentTypeError: ``target`` is not an integer array.
      LayerInputShapeError: ``target`` or ``weight`` do not fit the shape of ``input``.

    Note:
      The class axis is the last axis, as in :func:`cross_entropy_loss`; PyTorch's is axis 1
      (the two agree for ``(N, C)`` inputs). ``weight`` is keyword-only here.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> logp = jnp.log(jnp.array([[0.5, 0.5], [0.25, 0.75]]))
      >>> bl.losses.nll_loss(logp, jnp.array([0, 1]), reduction="none").round(4)
      Array([0.6931, 0.2877], dtype=float32)
      >>> bl.losses.nll_loss(logp, jnp.array([0, 1]), reduction="sum").round(4)
      Array(0.9808, dtype=float32)
    """
    fn = "nll_loss"
    check_reduction(reduction, fn)

    def compute(x: Any, t: Any) -> jax.Array:
        return _cross_entropy(x, t, weight, reduction, fn, log_probs=True)

    return map_sum(compute, fn, ("input", "target"), input, target)


def _sparse(predicts: Any, targets: Any, fn: str, names: tuple[str, str]) -> jax.Array:
    x = as_float(predicts, fn, names[0])
    if x.ndim == 0:
        raise LayerInputShapeError(
            f"{fn}: {names[0]} must have a class axis (shape (..., C)), got a scalar."
        )
    t = as_array(targets, fn, names[1])
    if t.ndim == 0 and jnp.issubdtype(t.dtype, jnp.integer):
        t = jnp.broadcast_to(t, x.shape[:-1])  # one class for every entry
    check_class_indices(t, x.shape[:-1], x.shape[-1], fn, names[1])
    return -pick_classes(jax.nn.log_softmax(x, axis=-1), t)


@public
def cross_entropy_sparse(predicts: Any, targets: Any) -> jax.Array:
    r"""Softmax cross-entropy of integer class indices, one value per entry.

    :math:`\ell = \log \sum_c e^{x_c} - x_y`, what :func:`torch.nn.functional.cross_entropy`
    gives with ``reduction='none'`` (class axis last here).

    Args:
      predicts: logits of shape ``(..., C)``.
      targets: integer class indices in ``[0, C)`` of shape ``predicts.shape[:-1]``, or one
        integer for every entry.

    Returns:
      The losses, of shape ``predicts.shape[:-1]``.

    Raises:
      LayerArgumentError: (outside ``jit``) a class index is out of range.
      LayerArgumentTypeError: ``targets`` are not integers.
      LayerInputShapeError: ``targets`` do not have the shape ``predicts.shape[:-1]``.

    Note:
      BrainPy 2.3.5 documented ``(batch, ...)`` targets but only worked with a trailing
      axis of size 1; here the documented shape works.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> logits = jnp.array([[2.0, 0.0], [0.0, 2.0]])
      >>> bl.losses.cross_entropy_sparse(logits, jnp.array([0, 0])).round(4)
      Array([0.1269, 2.1269], dtype=float32)
      >>> bl.losses.cross_entropy_sparse(logits, 1).round(4)
      Array([2.1269, 0.1269], dtype=float32)
    """
    fn = "cross_entropy_sparse"
    names = ("predicts", "targets")

    def compute(x: Any, t: Any) -> jax.Array:
        return _sparse(x, t, fn, names)

    return map_sum(compute, fn, names, predicts, targets)


@public
def multiclass_logistic_loss(label: Any, logits: Any) -> jax.Array:
    r"""Multiclass logistic loss :math:`\log \sum_c e^{x_c} - x_y` of integer labels.

    The same value as :func:`cross_entropy_sparse`, with the label first (BrainPy 2.3.5's
    argument order).

    Args:
      label: integer class index in ``[0, C)``, or an integer array of shape
        ``logits.shape[:-1]``.
      logits: scores of shape ``(C,)`` or ``(..., C)``.

    Returns:
      The loss: a scalar for ``(C,)`` logits, else an array of shape ``logits.shape[:-1]``.

    Raises:
      LayerArgumentError: (outside ``jit``) a label is out of range.
      LayerArgumentTypeError: ``label`` is not an integer.
      LayerInputShapeError: ``label`` does not have the shape ``logits.shape[:-1]``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.losses.multiclass_logistic_loss(0, jnp.array([2.0, 0.0])).round(4)
      Array(0.1269, dtype=float32)
    """
    fn = "multiclass_logistic_loss"
    names = ("logits", "label")

    def compute(x: Any, t: Any) -> jax.Array:
        return _sparse(x, t, fn, names)

    return map_sum(compute, fn, names, logits, label)


def _sigmoid_cross_entropy(logits: Any, labels: Any, fn: str, names: tuple[str, str]) -> jax.Array:
    x = as_float(logits, fn, names[0])
    t = as_float(labels, fn, names[1])
    check_broadcast(x, t, fn, names)
    # softplus(x) - x * t == -t * log(sigmoid(x)) - (1 - t) * log(1 - sigmoid(x)), stably
    return jnp.logaddexp(0.0, x) - x * t


@public
def cross_entropy_sigmoid(predicts: Any, targets: Any) -> jax.Array:
    r"""Element-wise sigmoid cross-entropy of logits and target probabilities.

    :math:`\ell = -t \log \sigma(x) - (1 - t) \log (1 - \sigma(x))`, what
    :func:`torch.nn.functional.binary_cross_entropy_with_logits` gives with
    ``reduction='none'``, computed stably for large ``|x|``.

    Args:
      predicts: logits, of any shape.
      targets: probabilities in ``[0, 1]`` of the shape of ``predicts`` (or broadcasting
        to it).

    Returns:
      The losses, of the shape of ``predicts``.

    Raises:
      LayerInputShapeError: ``targets`` do not broadcast to the shape of ``predicts``.

    Note:
      BrainPy 2.3.5's docstring promised one value per entry with the class axis reduced; its
      code (and this function) returns the element-wise losses.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.losses.cross_entropy_sigmoid(jnp.array([0.0, 100.0]), jnp.array([1.0, 0.0])).round(4)
      Array([  0.6931, 100.    ], dtype=float32)
    """
    fn = "cross_entropy_sigmoid"
    names = ("predicts", "targets")

    def compute(x: Any, t: Any) -> jax.Array:
        return _sigmoid_cross_entropy(x, t, fn, names)

    return map_sum(compute, fn, names, predicts, targets)


@public
def sigmoid_binary_cross_entropy(logits: Any, labels: Any) -> jax.Array:
    r"""Element-wise sigmoid cross-entropy for independent (multi-label) binary classes.

    The same value as :func:`cross_entropy_sigmoid`: each class is its own yes/no
    prediction, so an image may hold both a cat and a dog.

    Args:
      logits: unnormalised log-probabilities, of any shape.
      labels: the probability of each class, of the shape of ``logits`` (or broadcasting
        to it).

    Returns:
      The losses, of the shape of ``logits``.

    Raises:
      LayerInputShapeError: ``labels`` do not broadcast to the shape of ``logits``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> logits, labels = jnp.array([0.0, 2.0]), jnp.array([1.0, 1.0])
      >>> bl.losses.sigmoid_binary_cross_entropy(logits, labels).round(4)
      Array([0.6931, 0.1269], dtype=float32)
    """
    fn = "sigmoid_binary_cross_entropy"
    names = ("logits", "labels")

    def compute(x: Any, t: Any) -> jax.Array:
        return _sigmoid_cross_entropy(x, t, fn, names)

    return map_sum(compute, fn, names, logits, labels)


@public
def binary_logistic_loss(predicts: Any, targets: Any) -> jax.Array:
    r"""Binary logistic loss :math:`\operatorname{softplus}(x) - y x` of labels 0 or 1.

    For labels in ``{0, 1}`` this equals :func:`sigmoid_binary_cross_entropy`.

    Args:
      predicts: scores produced by the model (floats), of any shape.
      targets: ground-truth labels 0 or 1 (integers or floats), of the shape of
        ``predicts`` (or broadcasting to it).

    Returns:
      The losses, of the shape of ``predicts``.

    Raises:
      LayerInputShapeError: ``targets`` do not broadcast to the shape of ``predicts``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.losses.binary_logistic_loss(jnp.array([0.0, 2.0]), jnp.array([1, 0])).round(4)
      Array([0.6931, 2.1269], dtype=float32)
    """
    fn = "binary_logistic_loss"
    names = ("predicts", "targets")

    def compute(x: Any, t: Any) -> jax.Array:
        return _sigmoid_cross_entropy(x, t, fn, names)

    return map_sum(compute, fn, names, predicts, targets)


@public
def softmax_cross_entropy(logits: Any, labels: Any) -> jax.Array:
    r"""Softmax cross-entropy of logits and class probabilities, one value per entry.

    :math:`\ell = -\sum_c p_c \log \operatorname{softmax}(x)_c` over the last axis, what
    :func:`torch.nn.functional.cross_entropy` gives for probability targets with
    ``reduction='none'`` (class axis last here).

    Args:
      logits: unnormalised log-probabilities of shape ``(..., C)``.
      labels: a probability distribution over the classes for each entry (for example
        one-hot labels), of the shape of ``logits``.

    Returns:
      The losses, of shape ``logits.shape[:-1]``.

    Raises:
      LayerArgumentTypeError: ``labels`` are not floating-point (integer labels are class
        indices: use :func:`cross_entropy_sparse`).
      LayerInputShapeError: ``labels`` do not have the shape of ``logits``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> logits = jnp.array([[2.0, 0.0], [0.0, 0.0]])
      >>> bl.losses.softmax_cross_entropy(logits, jnp.array([[1.0, 0.0], [0.5, 0.5]])).round(4)
      Array([0.1269, 0.6931], dtype=float32)
    """
    fn = "softmax_cross_entropy"

    def compute(x: Any, t: Any) -> jax.Array:
        x = as_float(x, fn, "logits")
        p = as_array(t, fn, "labels")
        if not jnp.issubdtype(p.dtype, jnp.floating):
            raise LayerArgumentTypeError(
                f"{fn}: labels must be class probabilities (floats), got dtype {p.dtype}; "
                f"for integer class indices use cross_entropy_sparse."
            )
        if p.shape != x.shape or x.ndim == 0:
            raise LayerInputShapeError(
                f"{fn}: labels must have the shape of logits, {x.shape} (with a class axis), "
                f"got shape {p.shape}."
            )
        return -jnp.sum(p * jax.nn.log_softmax(x, axis=-1), axis=-1)

    return map_sum(compute, fn, ("logits", "labels"), logits, labels)

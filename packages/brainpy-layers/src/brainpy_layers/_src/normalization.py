"""Normalization layers: ``BatchNorm1d/2d/3d``, ``LayerNorm``, ``GroupNorm``, ``InstanceNorm``.

Every layer computes ``y = (x - mean) / sqrt(var + epsilon) * scale + bias`` with the biased
variance; they differ in the axes the statistics are taken over. Data are channels-last.
``BatchNorm`` keeps running statistics in :class:`brainpy_math.Variable` s and uses the batch
statistics only while the shared value ``fit`` is true (as :class:`Dropout` reads it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers._src.base import Layer, as_input, is_batching, make_param, public, read
from brainpy_layers._src.errors import (
    LayerArgumentError,
    LayerArgumentTypeError,
    LayerInputShapeError,
)

__all__ = ["BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "LayerNorm", "GroupNorm", "InstanceNorm"]

_pmean: Callable[..., jax.Array] = lax.pmean
_ZEROS = bd.init.ZeroInit()
_ONES = bd.init.OneInit()


def _is_int(value: Any) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def _check_count(value: Any, layer: str, arg: str) -> int:
    if not _is_int(value) or value < 1:
        raise LayerArgumentError(f"{layer}: {arg} must be a positive int, got {value!r}.")
    return int(value)


def _check_number(value: Any, layer: str, arg: str, low: float, high: float = np.inf) -> float:
    ok = isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool)
    if not ok or not low <= float(value) <= high or not np.isfinite(float(value)):
        bounds = f"in [{low}, {high}]" if np.isfinite(high) else f">= {low}"
        raise LayerArgumentError(
            f"{layer}: {arg} must be a finite number {bounds}, got {arg}={value!r}."
        )
    return float(value)


def _check_bool(value: Any, layer: str, arg: str) -> bool:
    if not isinstance(value, bool | np.bool_):
        raise LayerArgumentTypeError(
            f"{layer}: {arg} must be a bool, got {type(value).__name__}: {value!r}."
        )
    return bool(value)


def _normalize(x: jax.Array, mean: jax.Array, var: jax.Array, epsilon: float) -> jax.Array:
    out: jax.Array = (x - mean) * lax.rsqrt(var + jnp.asarray(epsilon, var.dtype))
    return out


def _as_float(x: jax.Array) -> jax.Array:
    return x if jnp.issubdtype(x.dtype, jnp.inexact) else x.astype(bm.dftype())


# ----------------------------------------------------------------------------------------------
# BatchNorm1d/2d/3d


class _BatchNormNd(Layer):
    """Batch normalization over the ``axis`` axes of ``(N, *spatial, C)`` data."""

    num_spatial_dims: ClassVar[int]
    num_features: int
    axis: tuple[int, ...]
    feature_axis: int
    epsilon: float
    momentum: float
    affine: bool
    axis_name: str | Sequence[str] | None
    axis_index_groups: Sequence[Sequence[int]] | None
    running_mean: bm.Variable
    running_var: bm.Variable
    bias: bm.Array | None
    scale: bm.Array | None

    def _setup(
        self,
        num_features: Any,
        axis: Any,
        epsilon: Any,
        momentum: Any,
        affine: Any,
        bias_initializer: Any,
        scale_initializer: Any,
        axis_name: Any,
        axis_index_groups: Any,
    ) -> None:
        layer = type(self).__name__
        ndim = self.num_spatial_dims + 2
        self.num_features = _check_count(num_features, layer, "num_features")
        axes = (axis,) if _is_int(axis) else axis
        if not isinstance(axes, Sequence) or isinstance(axes, str) or not axes:
            raise LayerArgumentTypeError(
                f"{layer}: axis must be an int or a non-empty sequence of ints, got "
                f"{type(axis).__name__}: {axis!r}."
            )
        if not all(_is_int(a) and -ndim <= a < ndim for a in axes):
            raise LayerArgumentError(
                f"{layer}: axis must hold axes of the {ndim}-D batched input, got {axis!r}."
            )
        self.axis = tuple(sorted({int(a) % ndim for a in axes}))
        kept = [a for a in range(ndim) if a not in self.axis]
        if len(kept) != 1:
            raise LayerArgumentError(
                f"{layer}: axis must name every axis of the {ndim}-D batched input but one, the "
                f"feature axis of num_features entries (default: all but the last), got {axis!r}."
            )
        self.feature_axis = kept[0]
        self.epsilon = _check_number(epsilon, layer, "epsilon", 0.0)
        self.momentum = _check_number(momentum, layer, "momentum", 0.0, 1.0)
        self.affine = _check_bool(affine, layer, "affine")
        self.axis_name = axis_name
        self.axis_index_groups = axis_index_groups
        self.running_mean = bm.Variable(jnp.zeros(self.num_features, bm.dftype()))
        self.running_var = bm.Variable(jnp.ones(self.num_features, bm.dftype()))
        shape = (self.num_features,)
        if self.affine:
            self.bias = make_param(
                bias_initializer,
                shape,
                self.mode,
                layer=layer,
                arg="bias_initializer",
                allow_none=False,
            )
            self.scale = make_param(
                scale_initializer,
                shape,
                self.mode,
                layer=layer,
                arg="scale_initializer",
                allow_none=False,
            )
        else:
            self.bias = self.scale = None

    def _batch_stats(self, x: jax.Array, stats_shape: list[int]) -> tuple[jax.Array, jax.Array]:
        mean = jnp.mean(x, axis=self.axis)
        if self.axis_name is not None:
            mean = _pmean(mean, self.axis_name, axis_index_groups=self.axis_index_groups)
        var = jnp.mean(jnp.square(x - mean.reshape(stats_shape)), axis=self.axis)
        if self.axis_name is not None:
            var = _pmean(var, self.axis_name, axis_index_groups=self.axis_index_groups)
        return mean, var

    def update(self, x: Any) -> jax.Array:
        """Normalize ``x`` with the batch statistics while fitting, else the running ones.

        While ``brainpy_dyn.share.load('fit')`` is true the running statistics are updated
        to ``momentum * running + (1 - momentum) * batch`` (biased batch variance).

        Raises:
          LayerInputShapeError: wrong rank, or a feature axis without ``num_features`` entries.
        """
        x = _as_float(as_input(x, type(self).__name__))
        layer = type(self).__name__
        batching = is_batching(self.mode)
        ndim = self.num_spatial_dims + 2
        want = ndim if batching else ndim - 1
        if x.ndim != want:
            layout = "(N, *spatial, C)" if batching else "(*spatial, C) (no batch axis)"
            raise LayerInputShapeError(
                f"{layer}: expected input of rank {want} {layout} in {type(self.mode).__name__}, "
                f"got shape {tuple(x.shape)}."
            )
        xb = x if batching else x[None]
        if xb.shape[self.feature_axis] != self.num_features:
            raise LayerInputShapeError(
                f"{layer}: expected num_features={self.num_features} entries on the feature axis "
                f"{self.feature_axis} of the batched input, got shape {tuple(xb.shape)}."
            )
        stats_shape = [1] * ndim
        stats_shape[self.feature_axis] = self.num_features
        fit = bd.share.load("fit", False)
        static = isinstance(fit, bool | np.bool_)
        if static and not fit:
            mean, var = self.running_mean.value, self.running_var.value
        else:
            batch_mean, batch_var = self._batch_stats(xb, stats_shape)
            m = self.momentum
            new_mean = m * self.running_mean.value + (1 - m) * lax.stop_gradient(batch_mean)
            new_var = m * self.running_var.value + (1 - m) * lax.stop_gradient(batch_var)
            if static:
                mean, var = batch_mean, batch_var
            else:
                flag = jnp.asarray(bm.as_jax(fit), dtype=bool)
                new_mean = jnp.where(flag, new_mean, self.running_mean.value)
                new_var = jnp.where(flag, new_var, self.running_var.value)
                mean = jnp.where(flag, batch_mean, self.running_mean.value)
                var = jnp.where(flag, batch_var, self.running_var.value)
            self.running_mean.value = new_mean.astype(self.running_mean.dtype)
            self.running_var.value = new_var.astype(self.running_var.dtype)
        y = _normalize(xb, mean.reshape(stats_shape), var.reshape(stats_shape), self.epsilon)
        if self.affine:
            y = y * read(self.scale).reshape(stats_shape) + read(self.bias).reshape(stats_shape)
        return y if batching else y[0]

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(num_features={self.num_features}, axis={self.axis}, "
            f"epsilon={self.epsilon}, momentum={self.momentum}, affine={self.affine}, "
            f"mode={self.mode!r})"
        )


_BN_DOC = """{n}-D batch normalization of channels-last data ``{layout}``.

    BrainPy implementation of ``brainpy.layers.BatchNorm{n}d`` (2.3.5):
    ``y = (x - mean) / sqrt(var + epsilon) * scale + bias`` per feature (channel). While the
    shared value ``fit`` is true (``brainpy_dyn.share.load('fit', False)``, as for
    :class:`Dropout`; a traced ``fit`` works too) ``mean`` and ``var`` are the statistics of
    the batch over ``axis`` (biased variance) and the running statistics become
    ``running = momentum * running + (1 - momentum) * batch``; otherwise the running
    statistics ``running_mean`` (initially 0) and ``running_var`` (initially 1) are used.

    Args:
      num_features: the number of features ``C``.
      axis: the axes the statistics are taken over, in the batched layout ``{layout}``: every
        axis but the feature axis (the last by default; ``{cf}`` normalizes channels-first
        data).
      epsilon: added to the variance.
      momentum: the weight of the **old** running statistics, in ``[0, 1]``.
      affine: whether to apply the learnable ``scale`` and ``bias``.
      bias_initializer: the initializer or array of ``bias``, shape ``(num_features,)``.
      scale_initializer: the initializer or array of ``scale``, shape ``(num_features,)``.
      axis_name: a mapped axis name (``jax.pmap``/``jax.vmap``) over which the batch
        statistics are averaged, or ``None``.
      axis_index_groups: device groups of ``axis_name`` (see :func:`jax.lax.pmean`).
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`). In ``TrainingMode``
        ``scale`` and ``bias`` are :class:`brainpy_math.TrainVar` s; without a batch axis
        (``NonBatchingMode``) the input ``{single}`` is a batch of one.
      name: the object name.

    Raises:
      LayerArgumentError: a bad ``num_features``, ``axis``, ``epsilon`` or ``momentum``.
      LayerInputShapeError: (at call) wrong rank or feature count.

    Note:
      ``momentum`` is the opposite of PyTorch's: ``BatchNorm{n}d(C, momentum=0.9)`` updates
      like ``torch.nn.BatchNorm{n}d(C, momentum=0.1)``, except that PyTorch stores the
      unbiased batch variance in ``running_var`` and this layer the biased one (BrainPy
      2.3.5's rule). The normalized output is PyTorch's in both modes.

    Examples:
{example}
    """

_BN_EXAMPLES = {
    1: """      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> import brainpy_layers as bl
      >>> bn = bl.BatchNorm1d(2, momentum=0.9, mode=bm.training_mode)
      >>> bn.scale.shape, type(bn.scale).__name__, bn.running_mean.shape
      ((2,), 'TrainVar', (2,))
      >>> x = jnp.array([[[0.0, 1.0], [2.0, 3.0]], [[4.0, 5.0], [6.0, 7.0]]])   # (N, L, C)
      >>> bd.share.save(fit=True)
      >>> bn(x)[:, :, 0].round(4)                 # batch statistics of channel 0
      Array([[-1.3416, -0.4472],
             [ 0.4472,  1.3416]], dtype=float32)
      >>> bn.running_mean.value                  # 0.9 * 0 + 0.1 * batch mean
      Array([0.3, 0.4], dtype=float32)
      >>> bd.share.save(fit=False)
      >>> bn(x).shape                            # normalized with the running statistics
      (2, 2, 2)
      >>> bd.share.clear_shargs()""",
    2: """      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> bn = bl.BatchNorm2d(8, mode=bm.batching_mode)
      >>> bn(jnp.ones((4, 5, 5, 8))).shape        # (N, H, W, C); not fitting: running stats
      (4, 5, 5, 8)
      >>> bl.BatchNorm2d(3, axis=(0, 2, 3), mode=bm.batching_mode).feature_axis  # (N, C, H, W)
      1""",
    3: """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bn = bl.BatchNorm3d(2, affine=False)    # non-batching: (D, H, W, C)
      >>> bn(jnp.ones((3, 3, 3, 2))).shape, bn.scale
      ((3, 3, 3, 2), None)""",
}

_BN_LAYOUT = {
    1: ("(N, L, C)", "(L, C)", "axis=(0, 2)"),
    2: ("(N, H, W, C)", "(H, W, C)", "axis=(0, 2, 3)"),
    3: ("(N, D, H, W, C)", "(D, H, W, C)", "axis=(0, 2, 3, 4)"),
}


def _bn_doc(n: int) -> str:
    layout, single, cf = _BN_LAYOUT[n]
    return _BN_DOC.format(n=n, layout=layout, single=single, cf=cf, example=_BN_EXAMPLES[n])


@public
class BatchNorm1d(_BatchNormNd):
    __doc__ = _bn_doc(1)
    num_spatial_dims = 1

    def __init__(
        self,
        num_features: int,
        axis: int | Sequence[int] = (0, 1),
        epsilon: float = 1e-5,
        momentum: float = 0.99,
        affine: bool = True,
        bias_initializer: Any = _ZEROS,
        scale_initializer: Any = _ONES,
        axis_name: str | Sequence[str] | None = None,
        axis_index_groups: Sequence[Sequence[int]] | None = None,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name, mode=mode)
        self._setup(
            num_features,
            axis,
            epsilon,
            momentum,
            affine,
            bias_initializer,
            scale_initializer,
            axis_name,
            axis_index_groups,
        )


@public
class BatchNorm2d(_BatchNormNd):
    __doc__ = _bn_doc(2)
    num_spatial_dims = 2

    def __init__(
        self,
        num_features: int,
        axis: int | Sequence[int] = (0, 1, 2),
        epsilon: float = 1e-5,
        momentum: float = 0.99,
        affine: bool = True,
        bias_initializer: Any = _ZEROS,
        scale_initializer: Any = _ONES,
        axis_name: str | Sequence[str] | None = None,
        axis_index_groups: Sequence[Sequence[int]] | None = None,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name, mode=mode)
        self._setup(
            num_features,
            axis,
            epsilon,
            momentum,
            affine,
            bias_initializer,
            scale_initializer,
            axis_name,
            axis_index_groups,
        )


@public
class BatchNorm3d(_BatchNormNd):
    __doc__ = _bn_doc(3)
    num_spatial_dims = 3

    def __init__(
        self,
        num_features: int,
        axis: int | Sequence[int] = (0, 1, 2, 3),
        epsilon: float = 1e-5,
        momentum: float = 0.99,
        affine: bool = True,
        bias_initializer: Any = _ZEROS,
        scale_initializer: Any = _ONES,
        axis_name: str | Sequence[str] | None = None,
        axis_index_groups: Sequence[Sequence[int]] | None = None,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name, mode=mode)
        self._setup(
            num_features,
            axis,
            epsilon,
            momentum,
            affine,
            bias_initializer,
            scale_initializer,
            axis_name,
            axis_index_groups,
        )


# ----------------------------------------------------------------------------------------------
# LayerNorm


@public
class LayerNorm(Layer):
    """Layer normalization over the trailing ``normalized_shape`` axes of each example.

    BrainPy implementation of ``brainpy.layers.LayerNorm`` (2.3.5), the computation of
    :class:`torch.nn.LayerNorm`: the mean and (biased) variance are taken over the last
    ``len(normalized_shape)`` axes, which must have the sizes ``normalized_shape``; with
    ``elementwise_affine`` the result is multiplied by ``scale`` and shifted by ``bias``, both
    of shape ``normalized_shape`` (one value per element). Any leading axes (a batch, time …)
    are kept, in every mode.

    Args:
      normalized_shape: the sizes of the trailing axes to normalize (an int: the last axis).
      epsilon: added to the variance.
      bias_initializer: the initializer or array of ``bias``, shape ``normalized_shape``.
      scale_initializer: the initializer or array of ``scale``, shape ``normalized_shape``.
      elementwise_affine: whether to apply ``scale`` and ``bias``.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`); in ``TrainingMode``
        ``scale`` and ``bias`` are :class:`brainpy_math.TrainVar` s.
      name: the object name.

    Raises:
      LayerArgumentError: a bad ``normalized_shape`` or ``epsilon``.
      LayerInputShapeError: (at call) trailing axes other than ``normalized_shape``.

    Note:
      BrainPy 2.3.5 computed the statistics over the *leading* axes instead (contrary to its
      documentation); this layer follows the documentation and PyTorch.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> ln = bl.LayerNorm(4, mode=bm.training_mode)
      >>> ln.scale.shape, sorted(ln.train_vars(method='relative'))
      ((4,), ['bias', 'scale'])
      >>> ln(jnp.array([[1.0, 2.0, 3.0, 4.0]])).round(4)
      Array([[-1.3416, -0.4472,  0.4472,  1.3416]], dtype=float32)
      >>> bl.LayerNorm((5, 5, 3))(jnp.ones((2, 5, 5, 3))).shape   # (N, H, W, C)
      (2, 5, 5, 3)
    """

    normalized_shape: tuple[int, ...]
    epsilon: float
    elementwise_affine: bool
    bias: bm.Array | None
    scale: bm.Array | None

    def __init__(
        self,
        normalized_shape: int | Sequence[int],
        epsilon: float = 1e-5,
        bias_initializer: Any = _ZEROS,
        scale_initializer: Any = _ONES,
        elementwise_affine: bool = True,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name, mode=mode)
        layer = type(self).__name__
        shape: Any = (normalized_shape,) if _is_int(normalized_shape) else normalized_shape
        if (
            not isinstance(shape, Sequence)
            or isinstance(shape, str)
            or not shape
            or not all(_is_int(s) and s >= 1 for s in shape)
        ):
            raise LayerArgumentError(
                f"{layer}: normalized_shape must be a positive int or a non-empty sequence of "
                f"positive ints, got {normalized_shape!r}."
            )
        self.normalized_shape = tuple(int(s) for s in shape)
        self.epsilon = _check_number(epsilon, layer, "epsilon", 0.0)
        self.elementwise_affine = _check_bool(elementwise_affine, layer, "elementwise_affine")
        if self.elementwise_affine:
            self.bias = make_param(
                bias_initializer,
                self.normalized_shape,
                self.mode,
                layer=layer,
                arg="bias_initializer",
                allow_none=False,
            )
            self.scale = make_param(
                scale_initializer,
                self.normalized_shape,
                self.mode,
                layer=layer,
                arg="scale_initializer",
                allow_none=False,
            )
        else:
            self.bias = self.scale = None

    def update(self, x: Any) -> jax.Array:
        """Normalize ``x`` over its trailing ``normalized_shape`` axes.

        Raises:
          LayerInputShapeError: the trailing axes of ``x`` are not ``normalized_shape``.
        """
        x = _as_float(as_input(x, type(self).__name__))
        k = len(self.normalized_shape)
        if tuple(x.shape[x.ndim - k :]) != self.normalized_shape or x.ndim < k:
            raise LayerInputShapeError(
                f"{type(self).__name__}: expected input of shape (..., "
                f"{', '.join(map(str, self.normalized_shape))}) (normalized_shape), got shape "
                f"{tuple(x.shape)}."
            )
        axes = tuple(range(x.ndim - k, x.ndim))
        mean = jnp.mean(x, axis=axes, keepdims=True)
        var = jnp.mean(jnp.square(x - mean), axis=axes, keepdims=True)
        y = _normalize(x, mean, var, self.epsilon)
        if self.elementwise_affine:
            y = y * read(self.scale) + read(self.bias)
        return y

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(normalized_shape={self.normalized_shape}, "
            f"epsilon={self.epsilon}, elementwise_affine={self.elementwise_affine}, "
            f"mode={self.mode!r})"
        )


# ----------------------------------------------------------------------------------------------
# GroupNorm, InstanceNorm


@public
class GroupNorm(Layer):
    """Group normalization: statistics per example over each group of channels.

    BrainPy implementation of ``brainpy.layers.GroupNorm`` (2.3.5), the computation of
    :class:`torch.nn.GroupNorm` on channels-last data: the ``num_channels`` channels are split
    into ``num_groups`` consecutive groups, and each example is normalized over its spatial
    axes and the channels of each group (biased variance); with ``affine`` the result is
    multiplied by ``scale`` and shifted by ``bias``, one value per channel.

    Args:
      num_groups: the number of groups; divides ``num_channels``.
      num_channels: the number of channels ``C`` (the last axis).
      epsilon: added to the variance.
      affine: whether to apply ``scale`` and ``bias``.
      bias_initializer: the initializer or array of ``bias``, shape ``(num_channels,)``.
      scale_initializer: the initializer or array of ``scale``, shape ``(num_channels,)``.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`). Inputs are
        ``(N, *spatial, C)`` in ``BatchingMode``/``TrainingMode`` (where ``scale`` and
        ``bias`` are :class:`brainpy_math.TrainVar` s) and one example ``(*spatial, C)`` in
        ``NonBatchingMode``.
      name: the object name.

    Raises:
      LayerArgumentError: non-positive counts, ``num_groups`` not dividing ``num_channels``,
        or a bad ``epsilon``.
      LayerInputShapeError: (at call) a last axis other than ``num_channels``, or no batch
        axis in a batching mode.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> gn = bl.GroupNorm(2, 4, mode=bm.batching_mode)
      >>> x = jnp.arange(16.0).reshape(2, 2, 4)                   # (N, L, C)
      >>> gn(x)[0].round(4)                                       # groups: channels 0-1, 2-3
      Array([[-1.2127, -0.7276, -1.2127, -0.7276],
             [ 0.7276,  1.2127,  0.7276,  1.2127]], dtype=float32)
      >>> bl.GroupNorm(3, 6)(jnp.ones((10, 10, 6))).shape        # non-batching: (H, W, C)
      (10, 10, 6)
    """

    num_groups: int
    num_channels: int
    epsilon: float
    affine: bool
    bias: bm.Array | None
    scale: bm.Array | None

    def __init__(
        self,
        num_groups: int,
        num_channels: int,
        epsilon: float = 1e-5,
        affine: bool = True,
        bias_initializer: Any = _ZEROS,
        scale_initializer: Any = _ONES,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name, mode=mode)
        layer = type(self).__name__
        self.num_groups = _check_count(num_groups, layer, "num_groups")
        self.num_channels = _check_count(num_channels, layer, "num_channels")
        if self.num_channels % self.num_groups:
            raise LayerArgumentError(
                f"{layer}: num_channels={self.num_channels} must be divisible by "
                f"num_groups={self.num_groups}."
            )
        self.epsilon = _check_number(epsilon, layer, "epsilon", 0.0)
        self.affine = _check_bool(affine, layer, "affine")
        shape = (self.num_channels,)
        if self.affine:
            self.bias = make_param(
                bias_initializer,
                shape,
                self.mode,
                layer=layer,
                arg="bias_initializer",
                allow_none=False,
            )
            self.scale = make_param(
                scale_initializer,
                shape,
                self.mode,
                layer=layer,
                arg="scale_initializer",
                allow_none=False,
            )
        else:
            self.bias = self.scale = None

    def update(self, x: Any) -> jax.Array:
        """Normalize ``x`` (``(N, *spatial, C)``, or ``(*spatial, C)`` when non-batching).

        Raises:
          LayerInputShapeError: the last axis is not ``num_channels`` long, or a batching-mode
            input has no axis besides the channels.
        """
        x = _as_float(as_input(x, type(self).__name__))
        layer = type(self).__name__
        batching = is_batching(self.mode)
        if x.ndim < (2 if batching else 1) or x.shape[-1] != self.num_channels:
            layout = "(N, *spatial, C)" if batching else "(*spatial, C)"
            raise LayerInputShapeError(
                f"{layer}: expected input {layout} with C=num_channels={self.num_channels} in "
                f"{type(self.mode).__name__}, got shape {tuple(x.shape)}."
            )
        xb = x if batching else x[None]
        grouped = xb.reshape(
            xb.shape[:-1] + (self.num_groups, self.num_channels // self.num_groups)
        )
        axes = tuple(range(1, grouped.ndim - 2)) + (grouped.ndim - 1,)
        mean = jnp.mean(grouped, axis=axes, keepdims=True)
        var = jnp.mean(jnp.square(grouped - mean), axis=axes, keepdims=True)
        y = _normalize(grouped, mean, var, self.epsilon).reshape(xb.shape)
        if self.affine:
            y = y * read(self.scale) + read(self.bias)
        return y if batching else y[0]

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(num_groups={self.num_groups}, "
            f"num_channels={self.num_channels}, epsilon={self.epsilon}, affine={self.affine}, "
            f"mode={self.mode!r})"
        )


@public
class InstanceNorm(GroupNorm):
    """Instance normalization: statistics per example and channel over the spatial axes.

    BrainPy implementation of ``brainpy.layers.InstanceNorm`` (2.3.5): a :class:`GroupNorm`
    with one group per channel, the computation of ``torch.nn.InstanceNorm{1,2,3}d`` (without
    running statistics) on channels-last data.

    Args:
      num_channels: the number of channels ``C`` (the last axis).
      epsilon: added to the variance.
      affine: whether to apply the per-channel ``scale`` and ``bias`` (default ``True``,
        where PyTorch's default is ``False``).
      bias_initializer: the initializer or array of ``bias``, shape ``(num_channels,)``.
      scale_initializer: the initializer or array of ``scale``, shape ``(num_channels,)``.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`); see
        :class:`GroupNorm`.
      name: the object name.

    Raises:
      LayerArgumentError: a non-positive ``num_channels`` or a bad ``epsilon``.
      LayerInputShapeError: (at call) a last axis other than ``num_channels``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> inorm = bl.InstanceNorm(2, affine=False, mode=bm.batching_mode)
      >>> inorm(jnp.array([[[1.0, 0.0], [3.0, 0.0]]])).round(4)  # (N, L, C)
      Array([[[-1.,  0.],
              [ 1.,  0.]]], dtype=float32)
    """

    def __init__(
        self,
        num_channels: int,
        epsilon: float = 1e-5,
        affine: bool = True,
        bias_initializer: Any = _ZEROS,
        scale_initializer: Any = _ONES,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        _check_count(num_channels, type(self).__name__, "num_channels")
        super().__init__(
            num_groups=num_channels,
            num_channels=num_channels,
            epsilon=epsilon,
            affine=affine,
            bias_initializer=bias_initializer,
            scale_initializer=scale_initializer,
            mode=mode,
            name=name,
        )

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(num_channels={self.num_channels}, epsilon={self.epsilon}, "
            f"affine={self.affine}, mode={self.mode!r})"
        )

"""Adaptive pooling: ``AdaptiveAvgPool1d/2d/3d`` and ``AdaptiveMaxPool1d/2d/3d``.

They pool the last 1, 2 or 3 axes other than ``channel_axis`` (``-1``), as ``MaxPool1d`` and
its siblings do, to a fixed ``target_shape`` with PyTorch's bins; a ``None`` entry keeps that
axis as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import jax
import jax.numpy as jnp
from jax import lax

import brainpy_math as bm
from brainpy_layers._src.base import Layer, as_input, public
from brainpy_layers._src.errors import LayerInputShapeError
from brainpy_layers._src.padding import replicate
from brainpy_layers._src.pooling import _SHAPES, _check_channel_axis, _pool_axes

__all__ = [
    "AdaptiveAvgPool1d",
    "AdaptiveAvgPool2d",
    "AdaptiveAvgPool3d",
    "AdaptiveMaxPool1d",
    "AdaptiveMaxPool2d",
    "AdaptiveMaxPool3d",
]


def adaptive_bins(size: int, target: int) -> list[tuple[int, int]]:
    """PyTorch's adaptive-pooling bins: ``[floor(i * size / target), ceil((i + 1) * size / target))``.

    Examples:
      >>> adaptive_bins(5, 3)
      [(0, 2), (1, 4), (3, 5)]
    """
    return [(i * size // target, -(-(i + 1) * size // target)) for i in range(target)]


def _adaptive_axis(x: jax.Array, axis: int, target: int, kind: str) -> jax.Array:
    """Pool axis ``axis`` of ``x`` to ``target`` entries."""
    size = x.shape[axis]
    reduce = jnp.mean if kind == "avg" else jnp.max
    if size % target == 0:
        shape = x.shape[:axis] + (target, size // target) + x.shape[axis + 1 :]
        out: jax.Array = reduce(x.reshape(shape), axis=axis + 1)
        return out
    pieces = [
        reduce(lax.slice_in_dim(x, start, stop, axis=axis), axis=axis, keepdims=True)
        for start, stop in adaptive_bins(size, target)
    ]
    return jnp.concatenate(pieces, axis=axis)


def _adaptive_target(value: Any, n: int, layer: str) -> tuple[int | None, ...]:
    """``target_shape`` as ``n`` entries: ints ``>= 1``, or ``None`` (keep that axis)."""
    if not isinstance(value, Sequence) or isinstance(value, str) or None not in value:
        return replicate(value, n, layer, "target_shape")
    ints = replicate(tuple(1 if v is None else v for v in value), n, layer, "target_shape")
    keep = [v is None for v in value] * (n if len(value) == 1 else 1)
    return tuple(None if k else t for k, t in zip(keep, ints, strict=True))


class _AdaptivePoolNd(Layer):
    """Adaptive pooling of the last ``n`` non-channel axes to ``target_shape``."""

    num_spatial_dims: ClassVar[int]
    _kind: ClassVar[str]
    target_shape: tuple[int | None, ...]
    channel_axis: int | None

    def __init__(
        self,
        target_shape: int | Sequence[int | None],
        channel_axis: int | None = -1,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(name=name, mode=mode)
        layer = type(self).__name__
        self.target_shape = _adaptive_target(target_shape, self.num_spatial_dims, layer)
        self.channel_axis = _check_channel_axis(channel_axis, layer)

    def update(self, x: Any) -> jax.Array:
        """Pool the last ``num_spatial_dims`` non-channel axes of ``x`` to ``target_shape``.

        Raises:
          LayerInputShapeError: ``x`` has too few axes or an empty pooled axis.
        """
        x = as_input(x, type(self).__name__)
        layer = type(self).__name__
        axes = _pool_axes(x.ndim, self.num_spatial_dims, self.channel_axis, layer)
        if any(x.shape[a] == 0 for a in axes):
            raise LayerInputShapeError(f"{layer}: cannot pool an empty axis, got {x.shape}.")
        if self._kind == "avg" and not jnp.issubdtype(x.dtype, jnp.inexact):
            x = x.astype(bm.dftype())
        out: jax.Array = x
        for axis, target in zip(axes, self.target_shape):
            if target is not None:  # None keeps the axis as it is
                out = _adaptive_axis(out, axis, target, self._kind)
        return out

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(target_shape={self.target_shape}, "
            f"channel_axis={self.channel_axis}, mode={self.mode!r})"
        )


_ADAPTIVE_DOC = """Adaptive {n}-D {what} pooling to a fixed output size.

    BrainPy implementation of ``brainpy.layers.{name}`` (2.3.5), with the bins of
    ``torch.nn.{name}``: along an axis of length ``L`` pooled to ``T`` entries, entry ``i``
    reduces the elements ``floor(i * L / T)`` to ``ceil((i + 1) * L / T) - 1``. The pooled
    axes are the last {n} axes other than ``channel_axis``; leading axes are kept, so
    ``{batched}`` and ``{single}`` both work, in every mode.

    Args:
      target_shape: the output size of the pooled axes: an int, or one int per pooled axis;
        a ``None`` entry keeps that axis's input size (as in PyTorch).
      channel_axis: the channel axis, not pooled (``None``: no channel axis).
      name: the object name.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`).

    Raises:
      LayerArgumentError: a target size below 1 or of the wrong length.
      LayerInputShapeError: (at call) an input with too few axes.

    Note:
      BrainPy 2.3.5 split an axis that ``T`` does not divide into ``L % T`` bins of
      ``L // T + 1`` elements followed by bins of ``L // T`` (no overlap), and failed when
      ``T > L``; this layer uses PyTorch's (possibly overlapping) bins instead, as later
      BrainPy releases do. Where ``T`` divides ``L`` the two agree.

    Examples:
{example}
    """

_ADAPTIVE_EXAMPLES = {
    "AdaptiveAvgPool1d": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> pool = bl.AdaptiveAvgPool1d(3)
      >>> pool(jnp.arange(5.0)[:, None])[:, 0]      # (L, C); bins [0, 2), [1, 4), [3, 5)
      Array([0.5, 2. , 3.5], dtype=float32)""",
    "AdaptiveAvgPool2d": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.AdaptiveAvgPool2d((7, 5))(jnp.ones((2, 20, 17, 3))).shape   # (N, H, W, C)
      (2, 7, 5, 3)
      >>> bl.AdaptiveAvgPool2d((None, 5))(jnp.ones((2, 20, 17, 3))).shape  # keep H
      (2, 20, 5, 3)""",
    "AdaptiveAvgPool3d": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.AdaptiveAvgPool3d(2)(jnp.ones((5, 6, 7, 3))).shape          # (D, H, W, C)
      (2, 2, 2, 3)""",
    "AdaptiveMaxPool1d": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.AdaptiveMaxPool1d(2)(jnp.array([[1.0], [5.0], [2.0], [0.0]]))[:, 0]
      Array([5., 2.], dtype=float32)""",
    "AdaptiveMaxPool2d": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.AdaptiveMaxPool2d(4)(jnp.ones((2, 9, 9, 3))).shape          # (N, H, W, C)
      (2, 4, 4, 3)""",
    "AdaptiveMaxPool3d": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.AdaptiveMaxPool3d((1, 2, 3))(jnp.ones((1, 4, 4, 4, 2))).shape
      (1, 1, 2, 3, 2)""",
}


def _adaptive_doc(kind: str, n: int) -> str:
    name = f"Adaptive{kind}Pool{n}d"
    batched, single = _SHAPES[n]
    return _ADAPTIVE_DOC.format(
        n=n,
        name=name,
        what="average" if kind == "Avg" else "max",
        batched=batched,
        single=single,
        example=_ADAPTIVE_EXAMPLES[name],
    )


@public
class AdaptiveAvgPool1d(_AdaptivePoolNd):
    __doc__ = _adaptive_doc("Avg", 1)
    num_spatial_dims = 1
    _kind = "avg"


@public
class AdaptiveAvgPool2d(_AdaptivePoolNd):
    __doc__ = _adaptive_doc("Avg", 2)
    num_spatial_dims = 2
    _kind = "avg"


@public
class AdaptiveAvgPool3d(_AdaptivePoolNd):
    __doc__ = _adaptive_doc("Avg", 3)
    num_spatial_dims = 3
    _kind = "avg"


@public
class AdaptiveMaxPool1d(_AdaptivePoolNd):
    __doc__ = _adaptive_doc("Max", 1)
    num_spatial_dims = 1
    _kind = "max"


@public
class AdaptiveMaxPool2d(_AdaptivePoolNd):
    __doc__ = _adaptive_doc("Max", 2)
    num_spatial_dims = 2
    _kind = "max"


@public
class AdaptiveMaxPool3d(_AdaptivePoolNd):
    __doc__ = _adaptive_doc("Max", 3)
    num_spatial_dims = 3
    _kind = "max"

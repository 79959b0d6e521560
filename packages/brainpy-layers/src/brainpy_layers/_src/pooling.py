"""Pooling layers: ``MaxPool``/``MinPool``/``AvgPool`` and their 1-3-D forms.

Two families, with BrainPy 2.3.5's arguments (adaptive pooling is in ``adaptive_pooling``):

* ``MaxPool``, ``MinPool``, ``AvgPool``: a window over every axis except the batch axis (in the
  batching modes) and ``channel_axis``; ``channel_axis=None`` by default, so an int
  ``kernel_size`` also spans the channels unless a channel axis is named.
* ``MaxPool1d/2d/3d``, ``AvgPool1d/2d/3d``: a window over the last 1, 2 or 3 axes other than
  ``channel_axis`` (``-1``); any leading axes (a batch, or none) are kept, so ``(N, *spatial,
  C)`` and ``(*spatial, C)`` both work in every mode.

Average pooling divides by the number of input elements under each window (padding excluded,
PyTorch's ``count_include_pad=False``); max and min pooling pad with ``-inf`` and ``+inf``.
Padding may be as wide as the window or wider (as in 2.3.5): a window that covers no input
element gives 0, for every kind.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, ClassVar

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

import brainpy_math as bm
from brainpy_layers._src.base import Layer, as_input, is_batching, public
from brainpy_layers._src.errors import (
    LayerArgumentError,
    LayerArgumentTypeError,
    LayerInputShapeError,
)
from brainpy_layers._src.padding import replicate

__all__ = [
    "MaxPool",
    "MinPool",
    "AvgPool",
    "MaxPool1d",
    "MaxPool2d",
    "MaxPool3d",
    "AvgPool1d",
    "AvgPool2d",
    "AvgPool3d",
]

SizeLike = int | Sequence[int]
"""A window size or stride: one int for every pooled axis, or one int per pooled axis."""

PoolPaddingLike = str | int | Sequence[int] | Sequence[Sequence[int]]
"""A pooling ``padding``: ``'SAME'``, ``'VALID'``, an int, one int per axis or ``(lo, hi)`` pairs."""


def _is_int(value: Any) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def _is_pair(value: Any) -> bool:
    return (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and len(value) == 2
        and all(_is_int(v) for v in value)
    )


def _check_channel_axis(value: Any, layer: str) -> int | None:
    if value is None or _is_int(value):
        return None if value is None else int(value)
    raise LayerArgumentTypeError(
        f"{layer}: channel_axis must be an int or None, got {type(value).__name__}: {value!r}."
    )


def _resolve_channel_axis(channel_axis: int | None, ndim: int, layer: str) -> int | None:
    """``channel_axis`` as a non-negative axis of an ``ndim``-D input."""
    if channel_axis is None:
        return None
    if not -ndim <= channel_axis < ndim:
        raise LayerInputShapeError(
            f"{layer}: channel_axis={channel_axis} is not an axis of an input of rank {ndim}."
        )
    return channel_axis % ndim


def _reduce_window(
    x: jax.Array,
    kind: str,
    window: Sequence[int],
    strides: Sequence[int],
    padding: str | Sequence[tuple[int, int]],
) -> jax.Array:
    """Max, min or average over sliding windows (``window`` and ``strides`` span every axis)."""
    window, strides = tuple(window), tuple(strides)
    pads: str | tuple[tuple[int, int], ...] = (
        padding if isinstance(padding, str) else tuple((int(lo), int(hi)) for lo, hi in padding)
    )
    # Padding as wide as the window leaves windows that cover no input element; they give 0.
    empty_windows = not isinstance(pads, str) and any(
        lo >= k or hi >= k for (lo, hi), k in zip(pads, window, strict=True)
    )
    if kind == "avg":
        if not jnp.issubdtype(x.dtype, jnp.inexact):
            x = x.astype(bm.dftype())
        # concrete (NumPy) init values let lax recognise the sum/max/min monoids, which keeps
        # the reduction differentiable under jit
        zero = np.zeros((), x.dtype)
        total: jax.Array = lax.reduce_window(x, zero, lax.add, window, strides, pads)
        if pads == "VALID" or all(p == (0, 0) for p in pads):
            mean: jax.Array = total / math.prod(window)
            return mean
        count = lax.reduce_window(jnp.ones_like(x), zero, lax.add, window, strides, pads)
        average: jax.Array = total / jnp.maximum(count, 1)
        return average
    if jnp.issubdtype(x.dtype, jnp.inexact):
        init = -jnp.inf if kind == "max" else jnp.inf
    else:
        info = np.iinfo(x.dtype)
        init = info.min if kind == "max" else info.max
    op = lax.max if kind == "max" else lax.min
    out: jax.Array = lax.reduce_window(x, np.asarray(init, x.dtype), op, window, strides, pads)
    if empty_windows:
        zero = np.zeros((), x.dtype)
        count = lax.reduce_window(jnp.ones_like(x), zero, lax.add, window, strides, pads)
        out = jnp.where(count > 0, out, jnp.zeros((), x.dtype))
    return out


# ----------------------------------------------------------------------------------------------
# MaxPool, MinPool, AvgPool


class _Pool(Layer):
    """A window over every non-batch axis except ``channel_axis`` (2.3.5's ``Pool``)."""

    _kind: ClassVar[str]
    kernel_size: int | tuple[int, ...]
    stride: int | tuple[int, ...]
    padding: str | tuple[tuple[int, int], ...]
    channel_axis: int | None

    def __init__(
        self,
        kernel_size: SizeLike,
        stride: SizeLike = 1,
        padding: str | Sequence[Sequence[int]] = "VALID",
        channel_axis: int | None = None,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name, mode=mode)
        layer = type(self).__name__
        self.kernel_size = self._check_size(kernel_size, "kernel_size")
        self.stride = self._check_size(stride, "stride")
        padding_: Any = padding
        if isinstance(padding_, str):
            if padding_.upper() not in ("SAME", "VALID"):
                raise LayerArgumentError(
                    f"{layer}: padding must be 'SAME', 'VALID' or a sequence of (lo, hi) "
                    f"pairs, got {padding!r}."
                )
            self.padding = padding_.upper()
        elif isinstance(padding_, Sequence) and padding_ and all(_is_pair(p) for p in padding_):
            pairs = tuple((int(lo), int(hi)) for lo, hi in padding_)
            if any(v < 0 for pair in pairs for v in pair):
                raise LayerArgumentError(f"{layer}: padding must be >= 0, got {padding!r}.")
            self.padding = pairs
        else:
            raise LayerArgumentTypeError(
                f"{layer}: padding must be 'SAME', 'VALID' or a sequence of (lo, hi) int "
                f"pairs (one per pooled axis), got {type(padding).__name__}: {padding!r}."
            )
        self.channel_axis = _check_channel_axis(channel_axis, layer)

    def _check_size(self, value: Any, arg: str) -> int | tuple[int, ...]:
        layer = type(self).__name__
        if _is_int(value):
            if value < 1:
                raise LayerArgumentError(f"{layer}: {arg} must be >= 1, got {value!r}.")
            return int(value)
        if isinstance(value, Sequence) and not isinstance(value, str) and value:
            if not all(_is_int(v) for v in value):
                raise LayerArgumentTypeError(
                    f"{layer}: {arg} must be an int or a sequence of ints, got {value!r}."
                )
            if any(v < 1 for v in value):
                raise LayerArgumentError(f"{layer}: {arg} must be >= 1 everywhere, got {value!r}.")
            return tuple(int(v) for v in value)
        raise LayerArgumentTypeError(
            f"{layer}: {arg} must be an int or a non-empty sequence of ints, got "
            f"{type(value).__name__}: {value!r}."
        )

    def _pooled_axes(self, ndim: int) -> list[int]:
        layer = type(self).__name__
        first = 1 if is_batching(self.mode) else 0
        channel = _resolve_channel_axis(self.channel_axis, ndim, layer)
        if channel is not None and channel < first:
            raise LayerInputShapeError(
                f"{layer}: channel_axis={self.channel_axis} is the batch axis of an input of "
                f"rank {ndim} in {type(self.mode).__name__}."
            )
        return [d for d in range(first, ndim) if d != channel]

    def _spread(self, value: Any, ndim: int, axes: list[int], fill: Any, arg: str) -> list[Any]:
        """One entry per input axis: ``value`` on the pooled ``axes``, ``fill`` elsewhere."""
        if _is_int(value):
            value = (value,) * len(axes)
        value = tuple(value)
        if len(value) == ndim:
            return list(value)
        if len(value) != len(axes):
            raise LayerInputShapeError(
                f"{type(self).__name__}: {arg} has {len(value)} entries, but an input of rank "
                f"{ndim} in {type(self.mode).__name__} with channel_axis={self.channel_axis} "
                f"has {len(axes)} pooled axes (give one entry per pooled axis, or {ndim})."
            )
        full = [fill] * ndim
        for axis, v in zip(axes, value):
            full[axis] = v
        return full

    def update(self, x: Any) -> jax.Array:
        """Pool ``x`` over every non-batch, non-channel axis.

        Raises:
          LayerInputShapeError: ``kernel_size``, ``stride`` or ``padding`` do not have one entry
            per pooled axis of ``x``, or ``channel_axis`` is not an axis of ``x``.
        """
        x = as_input(x, type(self).__name__)
        axes = self._pooled_axes(x.ndim)
        window = self._spread(self.kernel_size, x.ndim, axes, 1, "kernel_size")
        strides = self._spread(self.stride, x.ndim, axes, 1, "stride")
        if isinstance(self.padding, str):
            return _reduce_window(x, self._kind, window, strides, self.padding)
        pads = self._spread(self.padding, x.ndim, axes, (0, 0), "padding")
        return _reduce_window(x, self._kind, window, strides, pads)

    def __repr__(self) -> str:
        padding = self.padding if isinstance(self.padding, str) else list(self.padding)
        return (
            f"{type(self).__name__}(kernel_size={self.kernel_size}, stride={self.stride}, "
            f"padding={padding!r}, channel_axis={self.channel_axis}, mode={self.mode!r})"
        )


_POOL_DOC = """Pool the input by taking the {what} over a window.

    BrainPy implementation of ``brainpy.layers.{name}`` (2.3.5). The window spans every axis of
    the input except the batch axis (axis 0 in ``BatchingMode`` and ``TrainingMode``) and
    ``channel_axis``; the input may have any rank.

    Args:
      kernel_size: the window: an int for every pooled axis, one int per pooled axis, or one
        int per input axis.
      stride: the window stride, in the same forms as ``kernel_size``.
      padding: ``'SAME'``, ``'VALID'``, or a sequence of ``(lo, hi)`` pairs (one per pooled
        axis, or one per input axis).{pad_note}
      channel_axis: an axis that is not pooled (``None``: every non-batch axis is pooled, the
        channels included, when ``kernel_size`` is an int).
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`); it decides whether
        axis 0 is a batch axis.
      name: the object name.

    Raises:
      LayerArgumentError: a size below 1, negative padding or an unknown padding name.
      LayerArgumentTypeError: an argument of the wrong type.
      LayerInputShapeError: (at call) sizes that do not match the pooled axes of the input.

    Examples:
{example}
    """

_POOL_EXAMPLES = {
    "MaxPool": """      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> x = jnp.arange(16.0).reshape(1, 4, 4, 1)
      >>> pool = bl.MaxPool(2, stride=2, channel_axis=-1, mode=bm.batching_mode)
      >>> pool(x)[0, :, :, 0]
      Array([[ 5.,  7.],
             [13., 15.]], dtype=float32)""",
    "MinPool": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.MinPool(3, padding='SAME')(jnp.array([3.0, 1.0, 4.0, 1.0, 5.0]))  # non-batching
      Array([1., 1., 1., 1., 1.], dtype=float32)""",
    "AvgPool": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.AvgPool(2, padding='SAME')(jnp.array([1.0, 2.0, 3.0]))   # the pad is not counted
      Array([1.5, 2.5, 3. ], dtype=float32)""",
}


def _pool_doc(name: str, what: str, pad_note: str = "") -> str:
    return _POOL_DOC.format(name=name, what=what, pad_note=pad_note, example=_POOL_EXAMPLES[name])


@public
class MaxPool(_Pool):
    __doc__ = _pool_doc("MaxPool", "maximum", " Padded elements are ``-inf``.")
    _kind = "max"


@public
class MinPool(_Pool):
    __doc__ = _pool_doc("MinPool", "minimum", " Padded elements are ``+inf``.")
    _kind = "min"


@public
class AvgPool(_Pool):
    __doc__ = _pool_doc(
        "AvgPool",
        "average",
        " Each average is over the input elements under the window: padded elements are not "
        "counted.",
    )
    _kind = "avg"


# ----------------------------------------------------------------------------------------------
# MaxPool1d/2d/3d, AvgPool1d/2d/3d


def _pool_axes(ndim: int, n: int, channel_axis: int | None, layer: str) -> list[int]:
    """The last ``n`` axes of an ``ndim``-D input other than ``channel_axis``."""
    channel = _resolve_channel_axis(channel_axis, ndim, layer)
    rest = [d for d in range(ndim) if d != channel]
    if len(rest) < n:
        need = n + (channel is not None)
        raise LayerInputShapeError(
            f"{layer}: expected an input of rank >= {need} ({n} pooled axes"
            f"{' plus the channel axis' if channel is not None else ''}), got rank {ndim}."
        )
    return rest[-n:]


def _normalize_pool_padding(padding: Any, n: int, layer: str) -> str | tuple[tuple[int, int], ...]:
    """BrainPy 2.3.5's pooling ``padding`` as ``'SAME'``, ``'VALID'`` or ``n`` pairs.

    An int ``p`` pads ``p`` on both sides of every pooled axis; ``n`` ints pad each axis on
    both sides (PyTorch's meaning, unlike the convolutions' single ``(lo, hi)`` pair); one
    ``(lo, hi)`` pair or ``n`` pairs are used as given.
    """
    if isinstance(padding, str):
        if padding.upper() not in ("SAME", "VALID"):
            raise LayerArgumentError(
                f"{layer}: padding must be 'SAME', 'VALID', an int, {n} ints or {n} (lo, hi) "
                f"pairs, got {padding!r}."
            )
        return padding.upper()
    if _is_int(padding):
        pairs: tuple[tuple[int, int], ...] = ((int(padding), int(padding)),) * n
    elif isinstance(padding, Sequence) and padding and all(_is_int(p) for p in padding):
        if len(padding) != n:
            raise LayerArgumentError(
                f"{layer}: padding given as ints must have {n} entries (one per pooled axis), "
                f"got {padding!r}."
            )
        pairs = tuple((int(p), int(p)) for p in padding)
    elif isinstance(padding, Sequence) and padding and all(_is_pair(p) for p in padding):
        pairs = tuple((int(lo), int(hi)) for lo, hi in padding)
        if len(pairs) == 1:
            pairs = pairs * n
        elif len(pairs) != n:
            raise LayerArgumentError(
                f"{layer}: padding must hold 1 or {n} (lo, hi) pairs, got {padding!r}."
            )
    else:
        raise LayerArgumentTypeError(
            f"{layer}: padding must be 'SAME', 'VALID', an int, {n} ints or {n} (lo, hi) "
            f"pairs, got {type(padding).__name__}: {padding!r}."
        )
    if any(v < 0 for pair in pairs for v in pair):
        raise LayerArgumentError(f"{layer}: padding must be >= 0, got {padding!r}.")
    return pairs


class _PoolNd(Layer):
    """The window over the last ``n`` non-channel axes behind ``MaxPool{n}d``/``AvgPool{n}d``."""

    num_spatial_dims: ClassVar[int]
    _kind: ClassVar[str]
    kernel_size: tuple[int, ...]
    stride: tuple[int, ...]
    padding: str | tuple[tuple[int, int], ...]
    channel_axis: int | None

    def _setup(self, kernel_size: Any, stride: Any, padding: Any, channel_axis: Any) -> None:
        layer = type(self).__name__
        n = self.num_spatial_dims
        self.kernel_size = replicate(kernel_size, n, layer, "kernel_size")
        self.stride = self.kernel_size if stride is None else replicate(stride, n, layer, "stride")
        self.padding = _normalize_pool_padding(padding, n, layer)
        self.channel_axis = _check_channel_axis(channel_axis, layer)

    def update(self, x: Any) -> jax.Array:
        """Pool the last ``num_spatial_dims`` non-channel axes of ``x``.

        Raises:
          LayerInputShapeError: ``x`` has too few axes, or ``channel_axis`` is not one of them.
        """
        x = as_input(x, type(self).__name__)
        axes = _pool_axes(x.ndim, self.num_spatial_dims, self.channel_axis, type(self).__name__)
        window, strides = [1] * x.ndim, [1] * x.ndim
        pads: list[tuple[int, int]] = [(0, 0)] * x.ndim
        for i, axis in enumerate(axes):
            window[axis], strides[axis] = self.kernel_size[i], self.stride[i]
            if not isinstance(self.padding, str):
                pads[axis] = self.padding[i]
        padding = self.padding if isinstance(self.padding, str) else pads
        return _reduce_window(x, self._kind, window, strides, padding)

    def __repr__(self) -> str:
        padding = self.padding if isinstance(self.padding, str) else list(self.padding)
        return (
            f"{type(self).__name__}(kernel_size={self.kernel_size}, stride={self.stride}, "
            f"padding={padding!r}, channel_axis={self.channel_axis}, mode={self.mode!r})"
        )


class _MaxPoolNd(_PoolNd):
    _kind = "max"

    def __init__(
        self,
        kernel_size: SizeLike,
        stride: SizeLike | None = None,
        padding: PoolPaddingLike = "VALID",
        channel_axis: int | None = -1,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name, mode=mode)
        self._setup(kernel_size, stride, padding, channel_axis)


class _AvgPoolNd(_PoolNd):
    _kind = "avg"

    def __init__(
        self,
        kernel_size: SizeLike,
        stride: SizeLike | None = 1,
        padding: PoolPaddingLike = "VALID",
        channel_axis: int | None = -1,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name, mode=mode)
        self._setup(kernel_size, stride, padding, channel_axis)


_POOLND_DOC = """{n}-D {what} pooling over channels-last input.

    BrainPy implementation of ``brainpy.layers.{name}`` (2.3.5). The window moves over the last
    {n} axes other than ``channel_axis``; leading axes are kept, so ``{batched}`` and ``{single}``
    both work, in every mode.

    Args:
      kernel_size: the window: an int, or one int per pooled axis.
      stride: the window stride; {stride_default}
      padding: ``'SAME'``, ``'VALID'``, an int ``p`` (``p`` on both sides of every pooled
        axis), {n} ints (one per pooled axis, on both sides), or ``(lo, hi)`` pairs (one, or
        one per pooled axis). Each side must be smaller than the kernel.{pad_note}
      channel_axis: the channel axis, not pooled (``None``: no channel axis).
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`).
      name: the object name.

    Raises:
      LayerArgumentError: a size of the wrong length or value, or padding that reaches past
        the kernel.
      LayerArgumentTypeError: an argument of the wrong type.
      LayerInputShapeError: (at call) an input with too few axes.

    Note:
      {torch_note}

    Examples:
{example}
    """

_MAX_NOTE = (
    "Numeric padding gives ``torch.nn.functional.max_pool{n}d`` (padded with ``-inf``) on the\n"
    "      input moved to channels-first; ``'SAME'`` pads ``lax``'s way (the odd element at the "
    "end)."
)
_AVG_NOTE = (
    "Numeric padding gives ``torch.nn.functional.avg_pool{n}d(..., count_include_pad=False)``\n"
    "      on the input moved to channels-first: the divisor counts only input elements. Note "
    "the\n      default ``stride=1`` (2.3.5's), where PyTorch's default is ``kernel_size``."
)

_POOLND_EXAMPLES = {
    "MaxPool1d": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> pool = bl.MaxPool1d(2)                     # stride defaults to kernel_size
      >>> pool(jnp.ones((4, 10, 3))).shape          # (N, L, C)
      (4, 5, 3)
      >>> bl.MaxPool1d(3, stride=1, padding='SAME')(jnp.arange(5.0)[:, None])[:, 0]  # (L, C)
      Array([1., 2., 3., 4., 4.], dtype=float32)""",
    "MaxPool2d": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> pool = bl.MaxPool2d(3, stride=2, padding=1)
      >>> pool(jnp.ones((2, 16, 16, 8))).shape      # (N, H, W, C)
      (2, 8, 8, 8)
      >>> bl.MaxPool2d((2, 4), channel_axis=None)(jnp.ones((8, 8))).shape   # (H, W)
      (4, 2)""",
    "MaxPool3d": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.MaxPool3d(2)(jnp.ones((1, 8, 8, 8, 2))).shape   # (N, D, H, W, C)
      (1, 4, 4, 4, 2)""",
    "AvgPool1d": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> pool = bl.AvgPool1d(2)                     # stride defaults to 1
      >>> pool(jnp.array([[1.0], [3.0], [5.0]]))[:, 0]   # (L, C)
      Array([2., 4.], dtype=float32)
      >>> bl.AvgPool1d(3, stride=2, padding=1)(jnp.ones((4, 10, 3))).shape
      (4, 5, 3)""",
    "AvgPool2d": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> pool = bl.AvgPool2d(2, stride=2)
      >>> pool(jnp.ones((2, 16, 16, 8))).shape      # (N, H, W, C)
      (2, 8, 8, 8)""",
    "AvgPool3d": """      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> bl.AvgPool3d(2, stride=2, padding='SAME')(jnp.ones((1, 5, 5, 5, 2))).shape
      (1, 3, 3, 3, 2)""",
}

_SHAPES = {
    1: ("(N, L, C)", "(L, C)"),
    2: ("(N, H, W, C)", "(H, W, C)"),
    3: ("(N, D, H, W, C)", "(D, H, W, C)"),
}


def _poolnd_doc(kind: str, n: int) -> str:
    name = f"{kind}Pool{n}d"
    batched, single = _SHAPES[n]
    is_max = kind == "Max"
    return _POOLND_DOC.format(
        n=n,
        name=name,
        what="max" if is_max else "average",
        batched=batched,
        single=single,
        stride_default=(
            "an int, one int per pooled axis, or ``None`` for ``kernel_size`` (the default)."
            if is_max
            else "an int or one int per pooled axis; default 1 (``None``: ``kernel_size``)."
        ),
        pad_note=(
            " Padded elements are ``-inf``."
            if is_max
            else " Averages count only the input elements under the window."
        ),
        torch_note=(_MAX_NOTE if is_max else _AVG_NOTE).format(n=n),
        example=_POOLND_EXAMPLES[name],
    )


@public
class MaxPool1d(_MaxPoolNd):
    __doc__ = _poolnd_doc("Max", 1)
    num_spatial_dims = 1


@public
class MaxPool2d(_MaxPoolNd):
    __doc__ = _poolnd_doc("Max", 2)
    num_spatial_dims = 2


@public
class MaxPool3d(_MaxPoolNd):
    __doc__ = _poolnd_doc("Max", 3)
    num_spatial_dims = 3


@public
class AvgPool1d(_AvgPoolNd):
    __doc__ = _poolnd_doc("Avg", 1)
    num_spatial_dims = 1


@public
class AvgPool2d(_AvgPoolNd):
    __doc__ = _poolnd_doc("Avg", 2)
    num_spatial_dims = 2


@public
class AvgPool3d(_AvgPoolNd):
    __doc__ = _poolnd_doc("Avg", 3)
    num_spatial_dims = 3

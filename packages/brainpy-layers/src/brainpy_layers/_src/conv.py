"""``Conv1d``, ``Conv2d`` and ``Conv3d``: channels-last convolutions."""

from __future__ import annotations

import warnings
from typing import Any, ClassVar

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers._src.base import Layer, as_input, is_batching, make_param, public, read
from brainpy_layers._src.errors import LayerArgumentError, LayerInputShapeError
from brainpy_layers._src.padding import (
    DIMENSION_NUMBERS,
    PaddingLike,
    Pads,
    check_groups,
    check_input,
    conv_output_size,
    explicit_padding,
    normalize_padding,
    replicate,
)

__all__ = ["Conv1d", "Conv2d", "Conv3d", "check_mask"]

_XAVIER = bd.init.XavierNormal()
_ZEROS = bd.init.ZeroInit()


def check_mask(mask: Any, w_shape: tuple[int, ...], layer: str) -> jax.Array | None:
    """``mask`` as a JAX array that broadcasts with a kernel of ``w_shape``, or ``None``.

    Raises:
      LayerArgumentError: the mask does not broadcast to the kernel shape.
    """
    if mask is None:
        return None
    arr = jnp.asarray(bm.as_jax(mask))
    try:
        ok = np.broadcast_shapes(arr.shape, w_shape) == tuple(w_shape)
    except ValueError:
        ok = False
    if not ok:
        raise LayerArgumentError(
            f"{layer}: mask must broadcast to the kernel shape {tuple(w_shape)}, got shape "
            f"{tuple(arr.shape)}."
        )
    return arr


class _ConvND(Layer):
    """The n-D convolution behind :class:`Conv1d`, :class:`Conv2d` and :class:`Conv3d`."""

    num_spatial_dims: ClassVar[int]
    in_channels: int
    out_channels: int
    kernel_size: tuple[int, ...]
    stride: tuple[int, ...]
    padding: Pads
    lhs_dilation: tuple[int, ...]
    rhs_dilation: tuple[int, ...]
    groups: int
    w: bm.Array
    b: bm.Array | None
    mask: jax.Array | None

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int | tuple[int, ...],
        stride: int | tuple[int, ...] | None = None,
        strides: int | tuple[int, ...] | None = None,
        padding: PaddingLike = "SAME",
        lhs_dilation: int | tuple[int, ...] = 1,
        rhs_dilation: int | tuple[int, ...] = 1,
        groups: int = 1,
        w_initializer: Any = _XAVIER,
        b_initializer: Any = _ZEROS,
        mask: Any = None,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name, mode=mode)
        layer = type(self).__name__
        n = self.num_spatial_dims
        if isinstance(strides, str):
            raise LayerArgumentError(
                f"{layer}: strides (the 5th argument, as in BrainPy 2.3.5) must be an int or "
                f"ints, got {strides!r}; give padding by keyword (padding={strides!r})."
            )
        if strides is not None:
            if stride is not None:
                raise LayerArgumentError(
                    f"{layer}: give stride or its deprecated alias strides, not both (got "
                    f"stride={stride!r}, strides={strides!r})."
                )
            warnings.warn(
                f"{layer}: strides is deprecated; use stride.", DeprecationWarning, stacklevel=2
            )
            stride = strides
        self.groups = check_groups(
            layer, groups, in_channels=in_channels, out_channels=out_channels
        )
        self.in_channels = int(in_channels)
        self.out_channels = int(out_channels)
        self.kernel_size = replicate(kernel_size, n, layer, "kernel_size")
        self.stride = replicate(1 if stride is None else stride, n, layer, "stride")
        self.padding = normalize_padding(padding, n, layer)
        self.lhs_dilation = replicate(lhs_dilation, n, layer, "lhs_dilation")
        self.rhs_dilation = replicate(rhs_dilation, n, layer, "rhs_dilation")
        w_shape = (*self.kernel_size, self.in_channels // self.groups, self.out_channels)
        self.mask = check_mask(mask, w_shape, layer)
        self.w = make_param(
            w_initializer, w_shape, self.mode, layer=layer, arg="w_initializer", allow_none=False
        )
        self.b = make_param(
            b_initializer,
            (1,) * n + (self.out_channels,),
            self.mode,
            layer=layer,
            arg="b_initializer",
        )

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """The spatial output shape for a spatial ``input_shape`` (no batch, no channels).

        Args:
          input_shape: one size per spatial dimension.

        Returns:
          One size per spatial dimension.
        """
        pads: tuple[str | tuple[int, int], ...] = (
            (self.padding,) * self.num_spatial_dims
            if isinstance(self.padding, str)
            else self.padding
        )
        return tuple(
            conv_output_size(*args)
            for args in zip(
                input_shape,
                self.kernel_size,
                self.stride,
                pads,
                self.lhs_dilation,
                self.rhs_dilation,
            )
        )

    def update(self, x: Any) -> jax.Array:
        """Convolve ``x``, shaped ``(N, *spatial, in_channels)`` (no ``N`` when non-batching).

        Returns:
          ``(N, *out_spatial, out_channels)`` (no ``N`` when non-batching).

        Raises:
          LayerInputShapeError: wrong rank or channel count.
        """
        layer = type(self).__name__
        x = as_input(x, layer)
        batching = is_batching(self.mode)
        check_input(
            layer,
            x.shape,
            batching,
            type(self.mode).__name__,
            self.num_spatial_dims,
            self.in_channels,
        )
        spatial = x.shape[1:-1] if batching else x.shape[:-1]
        if 0 in self.output_shape(spatial):
            raise LayerInputShapeError(
                f"{layer}: the output would be empty: the spatial input {tuple(spatial)} is "
                f"smaller than the kernel {self.kernel_size} (dilation {self.rhs_dilation}) "
                f"with padding {self.padding!r}; pad the input or use padding='SAME'."
            )
        w = read(self.w)
        if self.mask is not None:
            w = w * self.mask
        dtype = jnp.result_type(x, w)
        padding = self.padding
        if isinstance(padding, str) and max(self.lhs_dilation) > 1:
            spatial = x.shape[1:-1] if batching else x.shape[:-1]
            padding = tuple(
                explicit_padding(size, k, s, padding, lhs, rhs)
                for size, k, s, lhs, rhs in zip(
                    spatial, self.kernel_size, self.stride, self.lhs_dilation, self.rhs_dilation
                )
            )
        y = lax.conv_general_dilated(
            (x if batching else x[None]).astype(dtype),
            w.astype(dtype),
            window_strides=self.stride,
            padding=padding,
            lhs_dilation=self.lhs_dilation,
            rhs_dilation=self.rhs_dilation,
            dimension_numbers=DIMENSION_NUMBERS[self.num_spatial_dims],
            feature_group_count=self.groups,
        )
        if self.b is not None:
            y = y + read(self.b)
        return y if batching else y[0]

    def __repr__(self) -> str:
        padding = self.padding if isinstance(self.padding, str) else list(self.padding)
        return (
            f"{type(self).__name__}(in_channels={self.in_channels}, "
            f"out_channels={self.out_channels}, kernel_size={self.kernel_size}, "
            f"stride={self.stride}, padding={padding}, groups={self.groups}, mode={self.mode!r})"
        )


_CONV_DOC = """{n}-D convolution over channels-last input.

    BrainPy implementation of ``brainpy.layers.Conv{n}d`` (2.3.5): ``lax.conv_general_dilated``
    with the input laid out ``{lhs}`` and the kernel ``{rhs}``.

    Args:
      in_channels: the number of input channels ``C``.
      out_channels: the number of output channels.
      kernel_size: the window size: an int, or one int per spatial dimension.
      stride: the window stride (``None``: 1).
      strides: deprecated alias of ``stride`` (2.3.5 kept both, in this order).
      padding: ``'SAME'``, ``'VALID'``, an int ``p`` (``p`` on both sides of every dimension),
        a pair ``(lo, hi)`` used for every dimension, or one pair per dimension.
      lhs_dilation: the dilation of the input (a transposed convolution when ``> 1``).
      rhs_dilation: the dilation of the kernel (PyTorch's ``dilation``).
      groups: the number of feature groups; divides ``in_channels`` and ``out_channels``.
      w_initializer: the kernel initializer or array, shape ``(*kernel_size, in_channels //
        groups, out_channels)``.
      b_initializer: the bias initializer or array, shape ``(1,) * {n} + (out_channels,)``;
        ``None`` for no bias.
      mask: an array that broadcasts to the kernel shape; the kernel is multiplied by it.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`). Without a batch
        axis (``NonBatchingMode``) the input is ``{nb}``.
      name: the object name.

    Raises:
      LayerArgumentError: a size of the wrong length or value, ``groups`` that does not
        divide the channels, or a mask that does not broadcast to the kernel.
      LayerInputShapeError: (at call) an input of the wrong rank or channel count.

    Note:
      PyTorch's ``torch.nn.Conv{n}d`` weight ``(out, in // groups, *kernel_size)`` becomes this
      kernel by moving the two channel axes last: ``w = torch_w.permute({perm})``; the
      result then equals PyTorch's for the same numeric padding (a pair ``(lo, hi)`` here is
      one pair for every dimension, not PyTorch's one value per dimension).

    Examples:
{example}
    """

_EXAMPLES = {
    1: """      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> conv = bl.Conv1d(3, 8, kernel_size=5, stride=2, mode=bm.batching_mode)
      >>> conv.w.shape, conv.b.shape
      ((5, 3, 8), (1, 8))
      >>> conv(jnp.ones((4, 32, 3))).shape          # (N, W, C), SAME: ceil(32 / 2)
      (4, 16, 8)
      >>> bl.Conv1d(3, 8, 5, padding='VALID')(jnp.ones((32, 3))).shape   # non-batching
      (28, 8)""",
    2: """      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> conv = bl.Conv2d(4, 8, kernel_size=3, padding=1, groups=2, mode=bm.batching_mode)
      >>> conv.w.shape, conv.b.shape
      ((3, 3, 2, 8), (1, 1, 8))
      >>> conv(jnp.ones((2, 16, 16, 4))).shape      # (N, H, W, C)
      (2, 16, 16, 8)
      >>> layer = bl.Conv2d(4, 8, 3, padding='VALID', rhs_dilation=2, groups=2)  # non-batching
      >>> layer(jnp.ones((16, 16, 4))).shape
      (12, 12, 8)""",
    3: """      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> conv = bl.Conv3d(2, 4, kernel_size=(3, 3, 1), mode=bm.training_mode)
      >>> conv.w.shape, type(conv.w).__name__
      ((3, 3, 1, 2, 4), 'TrainVar')
      >>> conv(jnp.ones((1, 8, 8, 8, 2))).shape     # (N, D, H, W, C)
      (1, 8, 8, 8, 4)""",
}

_LAYOUT = {
    1: ("(N, W, C)", "(W, in, out)", "(W, C)", "2, 1, 0"),
    2: ("(N, H, W, C)", "(H, W, in, out)", "(H, W, C)", "2, 3, 1, 0"),
    3: ("(N, D, H, W, C)", "(D, H, W, in, out)", "(D, H, W, C)", "2, 3, 4, 1, 0"),
}


def _doc(n: int) -> str:
    lhs, rhs, nb, perm = _LAYOUT[n]
    return _CONV_DOC.format(n=n, lhs=lhs, rhs=rhs, nb=nb, perm=perm, example=_EXAMPLES[n])


@public
class Conv1d(_ConvND):
    __doc__ = _doc(1)
    num_spatial_dims = 1


@public
class Conv2d(_ConvND):
    __doc__ = _doc(2)
    num_spatial_dims = 2


@public
class Conv3d(_ConvND):
    __doc__ = _doc(3)
    num_spatial_dims = 3

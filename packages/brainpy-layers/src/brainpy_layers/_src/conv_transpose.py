"""``ConvTranspose1d``, ``ConvTranspose2d`` and ``ConvTranspose3d``: transposed convolutions.

How the computation is laid out (and why the PyTorch weight is flipped): a transposed
convolution scatters every input element ``x[i]`` through the kernel onto the outputs
``i * stride + (K - 1 - t * dilation) - pad_lo`` (``K = dilation * (kernel - 1) + 1``).
That is ``lax.conv_general_dilated`` over the stride-dilated input (``lhs_dilation=stride``)
with the kernel used as it is stored, which is how BrainPy 2.3.5 (``lax.conv_transpose``
without ``transpose_kernel``) computed it. PyTorch scatters ``x[i]`` onto
``i * stride + t * dilation - padding``, i.e. with the kernel reversed along every spatial
axis. So a PyTorch weight moves here by permuting its axes **and flipping the spatial axes**;
:func:`weight_from_torch` does exactly that.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers._src.base import Layer, as_input, is_batching, make_param, public, read
from brainpy_layers._src.conv import check_mask
from brainpy_layers._src.errors import LayerArgumentError, LayerInputShapeError
from brainpy_layers._src.padding import (
    DIMENSION_NUMBERS,
    PaddingLike,
    Pads,
    check_groups,
    check_input,
    normalize_padding,
    replicate,
    transpose_padding,
)

__all__ = ["ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d", "weight_from_torch"]

_XAVIER_T = bd.init.XavierNormal(in_axis=-1, out_axis=-2)
_ZEROS = bd.init.ZeroInit()


@public
def weight_from_torch(weight: Any) -> np.ndarray:
    """Move a ``torch.nn.ConvTranspose{1,2,3}d`` weight into this package's kernel layout.

    PyTorch stores ``(in_channels, out_channels // groups, *kernel_size)``; the kernels here
    are ``(*kernel_size, in_channels, out_channels // groups)`` with every spatial axis
    reversed (see the module docstring): ``w = flip(torch_w.permute(2, ..., n + 1, 0, 1),
    spatial axes)``. With that kernel (and the bias as ``torch_b.reshape((1,) * n + (-1,))``)
    a layer with numeric ``padding``, ``output_padding``, ``stride``, ``dilation`` and
    ``groups`` computes exactly what PyTorch computes.

    Args:
      weight: a NumPy array (or anything ``numpy.asarray`` takes, e.g.
        ``torch_layer.weight.detach().numpy()``) in PyTorch's layout.

    Returns:
      The kernel as a NumPy array.

    Examples:
      A 1-D PyTorch weight, one input and one output channel, kernel ``[1, 2, 3]``; PyTorch
      gives ``[1, 2, 5, 4, 6]`` for the input ``[1, 2]`` with stride 2 and no padding:

      >>> import numpy as np
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> torch_w = np.array([[[1., 2., 3.]]], dtype=np.float32)   # (in, out, k)
      >>> w = bl.weight_from_torch(torch_w)
      >>> w.shape, w[:, 0, 0]
      ((3, 1, 1), array([3., 2., 1.], dtype=float32))
      >>> x = jnp.array([[1.], [2.]])                                # (W, C), non-batching
      >>> conv = bl.ConvTranspose1d(1, 1, 3, stride=2, padding=0, w_initializer=w,
      ...                           b_initializer=None)
      >>> conv(x)[:, 0]
      Array([1., 2., 5., 4., 6.], dtype=float32)
      >>> bl.ConvTranspose1d(1, 1, 3, stride=2, padding=1, output_padding=1, w_initializer=w,
      ...                    b_initializer=None)(x)[:, 0]
      Array([2., 5., 4., 6.], dtype=float32)
    """
    arr = np.asarray(weight)
    if arr.ndim < 3:
        raise LayerArgumentError(
            f"weight_from_torch: expected a weight of rank 3 to 5 (in, out // groups, "
            f"*kernel_size), got shape {arr.shape}."
        )
    n = arr.ndim - 2
    moved = np.transpose(arr, (*range(2, n + 2), 0, 1))
    return np.ascontiguousarray(np.flip(moved, axis=tuple(range(n))))


class _ConvTransposeND(Layer):
    """The n-D transposed convolution behind ``ConvTranspose{1,2,3}d``."""

    num_spatial_dims: ClassVar[int]
    in_channels: int
    out_channels: int
    kernel_size: tuple[int, ...]
    stride: tuple[int, ...]
    padding: Pads
    output_padding: tuple[int, ...]
    dilation: tuple[int, ...]
    groups: int
    precision: Any
    w: bm.Array
    b: bm.Array | None
    mask: jax.Array | None

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int | Sequence[int],
        stride: int | Sequence[int] = 1,
        padding: PaddingLike = "SAME",
        w_initializer: Any = _XAVIER_T,
        b_initializer: Any = _ZEROS,
        mask: Any = None,
        precision: Any = None,
        mode: bm.Mode | None = None,
        name: str | None = None,
        *,
        output_padding: int | Sequence[int] = 0,
        dilation: int | Sequence[int] = 1,
        groups: int = 1,
    ):
        super().__init__(name=name, mode=mode)
        layer = type(self).__name__
        n = self.num_spatial_dims
        self.groups = check_groups(
            layer, groups, in_channels=in_channels, out_channels=out_channels
        )
        self.in_channels = int(in_channels)
        self.out_channels = int(out_channels)
        self.kernel_size = replicate(kernel_size, n, layer, "kernel_size")
        self.stride = replicate(stride, n, layer, "stride")
        self.dilation = replicate(dilation, n, layer, "dilation")
        self.padding = normalize_padding(padding, n, layer)
        self.output_padding = replicate(output_padding, n, layer, "output_padding", minimum=0)
        if isinstance(self.padding, str) and any(self.output_padding):
            raise LayerArgumentError(
                f"{layer}: output_padding needs a numeric padding, got "
                f"output_padding={output_padding!r} with padding={self.padding!r}."
            )
        for op, s, d in zip(self.output_padding, self.stride, self.dilation):
            if op >= max(s, d):
                raise LayerArgumentError(
                    f"{layer}: output_padding must be smaller than stride or dilation "
                    f"(as in PyTorch), got output_padding={self.output_padding}, "
                    f"stride={self.stride}, dilation={self.dilation}."
                )
        pads: tuple[str | tuple[int, int], ...] = (
            (self.padding,) * n if isinstance(self.padding, str) else self.padding
        )
        self._lax_padding = tuple(
            transpose_padding(k, s, d, p, op)
            for k, s, d, p, op in zip(
                self.kernel_size, self.stride, self.dilation, pads, self.output_padding
            )
        )
        self.precision = precision
        w_shape = (*self.kernel_size, self.in_channels, self.out_channels // self.groups)
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

    def output_shape(self, input_shape: Sequence[int]) -> tuple[int, ...]:
        """The spatial output shape for a spatial ``input_shape`` (no batch, no channels).

        ``(in - 1) * stride + lo + hi - dilation * (kernel - 1)`` per dimension, with the
        ``lax`` padding ``(lo, hi)`` of :func:`~brainpy_layers._src.padding.transpose_padding`:
        ``in * stride`` for ``'SAME'``, ``in * stride + max(K - stride, 0)`` for ``'VALID'``
        and PyTorch's ``(in - 1) * stride - 2 * p + dilation * (kernel - 1) + output_padding
        + 1`` for a numeric ``p``.
        """
        return tuple(
            (size - 1) * s + lo + hi - d * (k - 1) + 1 if size > 0 else 0
            for size, s, (lo, hi), d, k in zip(
                input_shape, self.stride, self._lax_padding, self.dilation, self.kernel_size
            )
        )

    def _grouped_kernel(self, w: jax.Array) -> jax.Array:
        """``(*k, in, out // G)`` → the ``(*k, in // G, out)`` kernel ``lax`` expects."""
        if self.groups == 1:
            return w
        n, g = self.num_spatial_dims, self.groups
        k = self.kernel_size
        w = w.reshape(*k, g, self.in_channels // g, self.out_channels // g)
        w = jnp.moveaxis(w, n, n + 1)
        return w.reshape(*k, self.in_channels // g, self.out_channels)

    def update(self, x: Any) -> jax.Array:
        """Apply the transposed convolution to ``x``, shaped ``(N, *spatial, in_channels)``.

        Returns:
          ``(N, *out_spatial, out_channels)`` (no ``N`` when non-batching), with
          ``out_spatial = self.output_shape(spatial)``.

        Raises:
          LayerInputShapeError: wrong rank or channel count, or an input too small to give
            any output with this padding.
        """
        x = as_input(x, type(self).__name__)
        layer = type(self).__name__
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
        out = self.output_shape(spatial)
        if min(out) < 1:
            raise LayerInputShapeError(
                f"{layer}: input spatial shape {tuple(spatial)} gives the empty output shape "
                f"{out} with padding={self.padding}; use a larger input or less padding."
            )
        w = read(self.w)
        if self.mask is not None:
            w = w * self.mask
        dtype = jnp.result_type(x, w)
        y = lax.conv_general_dilated(
            (x if batching else x[None]).astype(dtype),
            self._grouped_kernel(w.astype(dtype)),
            window_strides=(1,) * self.num_spatial_dims,
            padding=self._lax_padding,
            lhs_dilation=self.stride,
            rhs_dilation=self.dilation,
            dimension_numbers=DIMENSION_NUMBERS[self.num_spatial_dims],
            feature_group_count=self.groups,
            precision=self.precision,
        )
        if self.b is not None:
            y = y + read(self.b)
        return y if batching else y[0]

    def __repr__(self) -> str:
        padding = self.padding if isinstance(self.padding, str) else list(self.padding)
        return (
            f"{type(self).__name__}(in_channels={self.in_channels}, "
            f"out_channels={self.out_channels}, kernel_size={self.kernel_size}, "
            f"stride={self.stride}, padding={padding})"
        )


_DOC = """{n}-D transposed convolution over channels-last input.

    BrainPy implementation of ``brainpy.layers.ConvTranspose{n}d`` (2.3.5), extended with
    PyTorch's ``output_padding``, ``dilation`` and ``groups`` (keyword-only). The input is
    ``{lhs}`` (``{nb}`` in ``NonBatchingMode``), the kernel ``{rhs}``.

    * numeric ``padding`` means what it means in :class:`torch.nn.ConvTranspose{n}d`: the
      output is ``(in - 1) * stride - 2 * padding + dilation * (kernel_size - 1) +
      output_padding + 1`` long, and with the weight moved by :func:`weight_from_torch` the
      numbers equal PyTorch's. A pair ``(lo, hi)`` crops ``lo`` rows at the start and
      ``hi`` at the end of every dimension.
    * ``'SAME'`` and ``'VALID'`` keep BrainPy 2.3.5's output sizes and numbers (those of
      :func:`jax.lax.conv_transpose`): ``in * stride`` and ``in * stride + max(K - stride,
      0)``, ``K = dilation * (kernel_size - 1) + 1``.

    Args:
      in_channels: the number of input channels ``C``.
      out_channels: the number of output channels.
      kernel_size: an int, or one int per spatial dimension.
      stride: the stride (the dilation of the input).
      padding: ``'SAME'``, ``'VALID'``, an int, a pair ``(lo, hi)`` for every dimension or
        one pair per dimension (see above).
      w_initializer: the kernel initializer or array, shape ``(*kernel_size, in_channels,
        out_channels // groups)``.
      b_initializer: the bias initializer or array, shape ``(1,) * {n} + (out_channels,)``;
        ``None`` for no bias.
      mask: an array that broadcasts to the kernel shape; the kernel is multiplied by it.
      precision: passed to :func:`jax.lax.conv_general_dilated`.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`).
      name: the object name.
      output_padding: rows added at the end of each output dimension (numeric padding only;
        smaller than ``stride`` or ``dilation``).
      dilation: the dilation of the kernel.
      groups: the number of feature groups; divides ``in_channels`` and ``out_channels``.
        Input channels ``[g * in / G, (g + 1) * in / G)`` feed output channels
        ``[g * out / G, (g + 1) * out / G)``.

    Raises:
      LayerArgumentError: a size of the wrong length or value, ``groups`` that does not
        divide the channels, an ``output_padding`` too large or with string padding, or a
        mask that does not broadcast to the kernel.
      LayerInputShapeError: (at call) an input of the wrong rank or channel count.

    Note:
      BrainPy 2.3.5 read an explicit ``(lo, hi)`` as padding of the stride-dilated input and
      had no ``output_padding``, ``dilation`` or ``groups``; numeric padding now follows
      PyTorch. The kernel is reversed along its spatial axes relative to PyTorch's (see
      :func:`weight_from_torch`).

    Examples:
{example}
    """

_EXAMPLES = {
    1: """      >>> import jax.numpy as jnp
      >>> import brainpy_dyn as bd
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> layer = bl.ConvTranspose1d(3, 4, 3, padding='VALID', w_initializer=bd.init.OneInit(),
      ...                            b_initializer=bd.init.OneInit(), mode=bm.batching_mode)
      >>> layer.w.shape, layer.b.shape
      ((3, 3, 4), (1, 4))
      >>> y = layer(jnp.ones((1, 8, 3)))                  # (N, W, C)
      >>> y.shape, y[0, :, 0]
      ((1, 10, 4), Array([ 4.,  7., 10., 10., 10., 10., 10., 10.,  7.,  4.], dtype=float32))
      >>> layer
      ConvTranspose1d(in_channels=3, out_channels=4, kernel_size=(3,), stride=(1,), padding=VALID)""",
    2: """      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> layer = bl.ConvTranspose2d(4, 6, kernel_size=3, stride=2, padding=1, output_padding=1,
      ...                            groups=2, mode=bm.training_mode)
      >>> layer.w.shape, layer.b.shape, type(layer.w).__name__
      ((3, 3, 4, 3), (1, 1, 6), 'TrainVar')
      >>> layer(jnp.ones((2, 8, 8, 4))).shape             # (N, H, W, C): 2 * 8
      (2, 16, 16, 6)
      >>> bl.ConvTranspose2d(4, 6, 3, stride=2, groups=2)(jnp.ones((8, 8, 4))).shape  # SAME
      (16, 16, 6)""",
    3: """      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> layer = bl.ConvTranspose3d(2, 3, (3, 3, 3), stride=(1, 2, 2), padding='VALID',
      ...                            mode=bm.batching_mode)
      >>> layer.w.shape
      (3, 3, 3, 2, 3)
      >>> layer(jnp.ones((1, 4, 4, 4, 2))).shape          # (N, D, H, W, C)
      (1, 6, 9, 9, 3)""",
}

_LAYOUT = {
    1: ("(N, W, C)", "(W, in, out // groups)", "(W, C)"),
    2: ("(N, H, W, C)", "(H, W, in, out // groups)", "(H, W, C)"),
    3: ("(N, D, H, W, C)", "(D, H, W, in, out // groups)", "(D, H, W, C)"),
}


def _doc(n: int) -> str:
    lhs, rhs, nb = _LAYOUT[n]
    return _DOC.format(n=n, lhs=lhs, rhs=rhs, nb=nb, example=_EXAMPLES[n])


@public
class ConvTranspose1d(_ConvTransposeND):
    __doc__ = _doc(1)
    num_spatial_dims = 1


@public
class ConvTranspose2d(_ConvTransposeND):
    __doc__ = _doc(2)
    num_spatial_dims = 2


@public
class ConvTranspose3d(_ConvTransposeND):
    __doc__ = _doc(3)
    num_spatial_dims = 3

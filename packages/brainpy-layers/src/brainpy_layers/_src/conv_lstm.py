"""``Conv1dLSTMCell``, ``Conv2dLSTMCell`` and ``Conv3dLSTMCell``: convolutional LSTM cells."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import jax
import jax.numpy as jnp

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers._src.base import (
    Layer,
    as_input,
    is_batching,
    is_training,
    mode_batch_size,
    public,
)
from brainpy_layers._src.conv import Conv1d, Conv2d, Conv3d, _ConvND
from brainpy_layers._src.errors import LayerArgumentError, LayerModeError
from brainpy_layers._src.padding import (
    PaddingLike,
    check_groups,
    check_input,
    conv_output_size,
    normalize_padding,
    replicate,
)
from brainpy_layers._src.rnn_cells import check_state_batch, init_state

__all__ = ["Conv1dLSTMCell", "Conv2dLSTMCell", "Conv3dLSTMCell"]

_XAVIER = bd.init.XavierNormal()
_ZEROS = bd.init.ZeroInit()
_CONVS: dict[int, type[_ConvND]] = {1: Conv1d, 2: Conv2d, 3: Conv3d}


class _ConvNDLSTMCell(Layer):
    """The n-D convolutional LSTM behind ``Conv{1,2,3}dLSTMCell``."""

    num_spatial_dims: ClassVar[int]
    input_shape: tuple[int, ...]
    in_channels: int
    out_channels: int
    train_state: bool
    input_to_hidden: _ConvND
    hidden_to_hidden: _ConvND
    h: bm.Variable
    c: bm.Variable
    h_to_train: bm.TrainVar | None
    c_to_train: bm.TrainVar | None

    def __init__(
        self,
        input_shape: int | Sequence[int],
        in_channels: int,
        out_channels: int,
        kernel_size: int | Sequence[int],
        stride: int | Sequence[int] = 1,
        padding: PaddingLike = "SAME",
        lhs_dilation: int | Sequence[int] = 1,
        rhs_dilation: int | Sequence[int] = 1,
        groups: int = 1,
        w_initializer: Any = _XAVIER,
        b_initializer: Any = _ZEROS,
        state_initializer: Any = _ZEROS,
        train_state: bool = False,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(name=name, mode=mode)
        layer = type(self).__name__
        n = self.num_spatial_dims
        self.input_shape = replicate(input_shape, n, layer, "input_shape")
        check_groups(layer, groups, in_channels=in_channels, out_channels=out_channels)
        # Check every argument before building anything, so that errors name this cell (not
        # its convolutions) and come before the (slow) random initialisation.
        kernel = replicate(kernel_size, n, layer, "kernel_size")
        strides = replicate(stride, n, layer, "stride")
        lhs = replicate(lhs_dilation, n, layer, "lhs_dilation")
        rhs = replicate(rhs_dilation, n, layer, "rhs_dilation")
        pads = normalize_padding(padding, n, layer)
        per_dim = (pads,) * n if isinstance(pads, str) else pads
        got = tuple(
            conv_output_size(*args)
            for args in zip(self.input_shape, kernel, strides, per_dim, lhs, rhs)
        )
        if got != self.input_shape:
            raise LayerArgumentError(
                f"{layer}: the convolutions must keep the spatial shape "
                f"input_shape={self.input_shape} (the state has that shape), but stride={strides}, "
                f"padding={pads!r}, lhs_dilation={lhs} and rhs_dilation={rhs} give {got}; use "
                "stride 1 and padding 'SAME'."
            )
        self.train_state = bool(train_state)
        if self.train_state and not is_training(self.mode):
            raise LayerModeError(
                f"{layer}: train_state=True needs TrainingMode (the initial h and c become "
                f"TrainVars), got mode={self.mode!r}."
            )
        self.in_channels = int(in_channels)
        self.out_channels = int(out_channels)
        conv = _CONVS[n]
        options = dict(
            kernel_size=kernel,
            stride=strides,
            padding=pads,
            lhs_dilation=lhs,
            rhs_dilation=rhs,
            groups=groups,
            w_initializer=w_initializer,
            b_initializer=b_initializer,
            mode=self.mode,
        )
        self.input_to_hidden = conv(self.in_channels, 4 * self.out_channels, **options)
        self.hidden_to_hidden = conv(self.out_channels, 4 * self.out_channels, **options)
        self._state_initializer = state_initializer
        self.h_to_train = self.c_to_train = None
        if self.train_state:
            shape = (*self.input_shape, self.out_channels)
            self.h_to_train = bm.TrainVar(init_state(state_initializer, shape, layer))
            self.c_to_train = bm.TrainVar(init_state(state_initializer, shape, layer))
        self.reset_state(self.mode)

    @property
    def state_shape(self) -> tuple[int, ...]:
        """The shape of ``h`` and ``c`` without the batch axis: ``(*input_shape, out)``."""
        return (*self.input_shape, self.out_channels)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Reset ``h`` and ``c`` to their initial values.

        Args:
          batch_size: the batch size (``None``: the mode's, 1 by default); must be ``None``
            in ``NonBatchingMode``.
        """
        layer = type(self).__name__
        batch = mode_batch_size(self.mode, batch_size, layer)
        shape = self.state_shape if batch is None else (batch, *self.state_shape)
        if self.h_to_train is not None and self.c_to_train is not None:
            h = jnp.broadcast_to(self.h_to_train.value, shape)
            c = jnp.broadcast_to(self.c_to_train.value, shape)
        else:
            h = init_state(self._state_initializer, shape, layer)
            c = init_state(self._state_initializer, shape, layer)
        if "h" in self.__dict__:
            self.h.value = h
            self.c.value = c
        else:
            axis = None if batch is None else 0
            self.h = bm.Variable(h, batch_axis=axis)
            self.c = bm.Variable(c, batch_axis=axis)

    def update(self, x: Any) -> jax.Array:
        """Advance one step with ``x`` of shape ``(N, *input_shape, in_channels)``; return ``h'``.

        Raises:
          LayerInputShapeError: wrong rank, channel count or spatial shape, or a batch size
            that differs from the state's (other than 1).
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
            self.input_shape,
        )
        if batching:
            check_state_batch(layer, x.shape[0], self.h.batch_size)
        gates = self.input_to_hidden.update(x) + self.hidden_to_hidden.update(self.h.value)
        i, g, f, o = jnp.split(gates, 4, axis=-1)
        c = jax.nn.sigmoid(f + 1.0) * self.c.value + jax.nn.sigmoid(i) * jnp.tanh(g)
        h = jax.nn.sigmoid(o) * jnp.tanh(c)
        self.c.value = c
        self.h.value = h
        return h

    def __repr__(self) -> str:
        conv = self.input_to_hidden
        return (
            f"{type(self).__name__}(input_shape={self.input_shape}, "
            f"in_channels={self.in_channels}, out_channels={self.out_channels}, "
            f"kernel_size={conv.kernel_size}, mode={self.mode!r})"
        )


_DOC = r"""{n}-D convolutional LSTM cell (Shi et al., 2015), BrainPy 2.3.5's equations.

    BrainPy implementation of ``brainpy.layers.Conv{n}dLSTMCell`` (2.3.5). Two biased
    convolutions (:class:`Conv{n}d`), ``input_to_hidden`` (``in_channels → 4 ·
    out_channels``) and ``hidden_to_hidden`` (``out_channels → 4 · out_channels``), give the
    gates, split along the channels in the order i, g, f, o:

    .. math::

       [i, g, f, o] = \mathrm{{conv}}_x(x) + \mathrm{{conv}}_h(h), \quad
       c' = \sigma(f + 1)\, c + \sigma(i) \tanh(g), \quad
       h' = \sigma(o) \tanh(c').

    Carry layout: ``h`` and ``c`` are Variables of shape ``{state}`` (batch on axis 0) in
    ``BatchingMode``/``TrainingMode`` and ``{nbstate}`` in ``NonBatchingMode``; the input
    is ``{lhs}`` (``{nb}`` without batch). :meth:`reset_state` ``(batch_size)`` rebuilds
    them; a state of batch size 1 broadcasts to the input's batch on the first step (reset
    to the data's batch size before a ``bm.for_loop``). The convolutions inherit the
    cell's mode.

    Args:
      input_shape: the spatial shape (no batch, no channels): an int or {n} ints.
      in_channels: the number of input channels.
      out_channels: the number of hidden channels.
      kernel_size: an int, or one per spatial dimension.
      stride: the convolution stride; must keep ``input_shape`` (so 1 with ``'SAME'``).
      padding: as in :class:`Conv{n}d`; must keep ``input_shape``.
      lhs_dilation: as in :class:`Conv{n}d`.
      rhs_dilation: as in :class:`Conv{n}d`.
      groups: as in :class:`Conv{n}d`; divides ``in_channels`` and ``out_channels``.
      w_initializer: the kernels of both convolutions, ``(*kernel_size, in_channels //
        groups, 4 * out_channels)`` and ``(*kernel_size, out_channels // groups, 4 *
        out_channels)``.
      b_initializer: the biases of both convolutions (``None``: no bias).
      state_initializer: the initial ``h`` and ``c``.
      train_state: learn the initial ``h`` and ``c`` (TrainVars ``h_to_train``,
        ``c_to_train`` of shape ``{nbstate}``); ``TrainingMode`` only.
      name: the object name.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`).

    Raises:
      LayerArgumentError: sizes of the wrong length or value, ``groups`` that does not
        divide the channels, or a stride/padding/dilation that changes the spatial shape.
      LayerModeError: ``train_state=True`` outside ``TrainingMode``.
      LayerInputShapeError: (at call) an input of the wrong shape.

    Examples:
{example}
    """

_EXAMPLES = {
    1: """      >>> import jax.numpy as jnp
      >>> import brainpy_dyn as bd
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> cell = bl.Conv1dLSTMCell((16,), 2, 4, kernel_size=3, mode=bm.batching_mode,
      ...                          w_initializer=bd.init.Constant(0.1))
      >>> cell.input_to_hidden.w.shape, cell.hidden_to_hidden.w.shape, cell.h.shape
      ((3, 2, 16), (3, 4, 16), (1, 16, 4))
      >>> cell.reset_state(8)
      >>> cell(jnp.ones((8, 16, 2))).shape, cell.c.shape
      ((8, 16, 4), (8, 16, 4))""",
    2: """      >>> import jax.numpy as jnp
      >>> import brainpy_dyn as bd
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> cell = bl.Conv2dLSTMCell((8, 8), 3, 2, kernel_size=3, mode=bm.training_mode,
      ...                          w_initializer=bd.init.Constant(0.1),
      ...                          b_initializer=bd.init.OneInit())
      >>> cell.input_to_hidden.w.shape, cell.input_to_hidden.b.shape, cell.h.shape
      ((3, 3, 3, 8), (1, 1, 8), (1, 8, 8, 2))
      >>> h = cell(jnp.ones((1, 8, 8, 3)))
      >>> h.shape, round(float(cell.c[0, 4, 4, 0]), 6), round(float(h[0, 4, 4, 0]), 6)
      ((1, 8, 8, 2), 0.990823, 0.750883)
      >>> cell = bl.Conv2dLSTMCell((8, 8), 3, 2, 3, w_initializer=bd.init.Constant(0.1))
      >>> cell(jnp.ones((8, 8, 3))).shape                 # non-batching
      (8, 8, 2)""",
    3: """      >>> import jax.numpy as jnp
      >>> import brainpy_dyn as bd
      >>> import brainpy_layers as bl
      >>> cell = bl.Conv3dLSTMCell((4, 4, 4), 1, 2, kernel_size=3,    # non-batching
      ...                          w_initializer=bd.init.Constant(0.1))
      >>> cell.h.shape, cell.input_to_hidden.w.shape
      ((4, 4, 4, 2), (3, 3, 3, 1, 8))
      >>> cell(jnp.ones((4, 4, 4, 1))).shape
      (4, 4, 4, 2)""",
}

_LAYOUT = {
    1: ("(N, W, C)", "(W, C)", "(N, W, out)", "(W, out)"),
    2: ("(N, H, W, C)", "(H, W, C)", "(N, H, W, out)", "(H, W, out)"),
    3: ("(N, D, H, W, C)", "(D, H, W, C)", "(N, D, H, W, out)", "(D, H, W, out)"),
}


def _doc(n: int) -> str:
    lhs, nb, state, nbstate = _LAYOUT[n]
    return _DOC.format(n=n, lhs=lhs, nb=nb, state=state, nbstate=nbstate, example=_EXAMPLES[n])


@public
class Conv1dLSTMCell(_ConvNDLSTMCell):
    __doc__ = _doc(1)
    num_spatial_dims = 1


@public
class Conv2dLSTMCell(_ConvNDLSTMCell):
    __doc__ = _doc(2)
    num_spatial_dims = 2


@public
class Conv3dLSTMCell(_ConvNDLSTMCell):
    __doc__ = _doc(3)
    num_spatial_dims = 3

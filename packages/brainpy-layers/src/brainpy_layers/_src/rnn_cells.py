"""``LSTMCell`` and ``GRUCell``: dense recurrent cells with their state in a Variable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers._src.activations import get_activation
from brainpy_layers._src.base import (
    Layer,
    as_input,
    is_batching,
    is_training,
    make_param,
    mode_batch_size,
    public,
    read,
)
from brainpy_layers._src.errors import LayerArgumentError, LayerInputShapeError, LayerModeError

__all__ = ["RNNCellBase", "LSTMCell", "GRUCell", "init_state", "check_state_batch"]

_XAVIER = bd.init.XavierNormal()
_ORTHOGONAL = bd.init.Orthogonal()  # GRUCell's default in 2.3.5
_ZEROS = bd.init.ZeroInit()


def init_state(init: Any, shape: tuple[int, ...], layer: str) -> jax.Array:
    """The value an initializer (or an array broadcastable to ``shape``) gives for a state."""
    try:
        value = bd.init.parameter(init, shape, allow_none=False, allow_scalar=False, name="state")
    except ValueError as err:
        raise LayerArgumentError(f"{layer}: state_initializer: {err}") from err
    return jnp.asarray(bm.as_jax(value))


def check_state_batch(layer: str, x_batch: int, state_batch: int | None) -> None:
    """A state of batch 1 broadcasts; any other batch must equal the input's."""
    if state_batch not in (None, 1, x_batch):
        raise LayerInputShapeError(
            f"{layer}: the input has batch size {x_batch} but the state has batch size "
            f"{state_batch}; call reset_state({x_batch}) first."
        )


class RNNCellBase(Layer):
    """What :class:`LSTMCell` and :class:`GRUCell` share: sizes, state and its reset."""

    num_in: int
    num_out: int
    train_state: bool
    state: bm.Variable
    state2train: bm.TrainVar | None
    _state_size: int

    def __init__(
        self,
        num_in: int,
        num_out: int,
        state_per_unit: int,
        state_initializer: Any,
        mode: bm.Mode | None,
        train_state: bool,
        name: str | None,
    ):
        super().__init__(name=name, mode=mode)
        layer = type(self).__name__
        sizes: tuple[tuple[str, object], ...] = (("num_in", num_in), ("num_out", num_out))
        for arg, value in sizes:
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise LayerArgumentError(f"{layer}: {arg} must be a positive int, got {value!r}.")
        self.num_in = int(num_in)
        self.num_out = int(num_out)
        self._state_size = state_per_unit * self.num_out
        self._state_initializer = state_initializer
        self.train_state = bool(train_state)
        self.state2train = None
        if self.train_state:
            if not is_training(self.mode):
                raise LayerModeError(
                    f"{layer}: train_state=True needs TrainingMode (the initial state becomes "
                    f"a TrainVar), got mode={self.mode!r}."
                )
            self.state2train = bm.TrainVar(
                init_state(state_initializer, (self._state_size,), layer)
            )

    def _build_gates(
        self, n_gates: int, Wi_init: Any, Wh_init: Any, b_init: Any, activation: Any
    ) -> None:
        """Create ``Wi (num_in, n·out)``, ``Wh (num_out, n·out)``, ``b (n·out,)``, activation."""
        layer = type(self).__name__
        self.activation = get_activation(activation, layer)
        width = n_gates * self.num_out
        self.Wi = make_param(
            Wi_init,
            (self.num_in, width),
            self.mode,
            layer=layer,
            arg="Wi_initializer",
            allow_none=False,
        )
        self.Wh = make_param(
            Wh_init,
            (self.num_out, width),
            self.mode,
            layer=layer,
            arg="Wh_initializer",
            allow_none=False,
        )
        self.b = make_param(b_init, (width,), self.mode, layer=layer, arg="b_initializer")

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Reset the state to its initial value.

        Args:
          batch_size: the batch size (``None``: the mode's, 1 by default); must be ``None``
            in ``NonBatchingMode``.
        """
        layer = type(self).__name__
        batch = mode_batch_size(self.mode, batch_size, layer)
        shape = (self._state_size,) if batch is None else (batch, self._state_size)
        if self.state2train is not None:
            value = jnp.broadcast_to(self.state2train.value, shape)
        else:
            value = init_state(self._state_initializer, shape, layer)
        if "state" in self.__dict__:
            self.state.value = value
        else:
            self.state = bm.Variable(value, batch_axis=None if batch is None else 0)

    def _check_input(self, x: jax.Array) -> None:
        layer = type(self).__name__
        batching = is_batching(self.mode)
        rank = 2 if batching else 1
        layout = f"(N, {self.num_in})" if batching else f"({self.num_in},)"
        if x.ndim != rank or x.shape[-1] != self.num_in:
            raise LayerInputShapeError(
                f"{layer}: expected input of shape {layout} (num_in={self.num_in}) in "
                f"{type(self.mode).__name__}, got shape {tuple(x.shape)}."
            )
        if batching:
            check_state_batch(layer, x.shape[0], self.state.batch_size)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(num_in={self.num_in}, num_out={self.num_out}, mode={self.mode!r})"


@public
class LSTMCell(RNNCellBase):
    r"""Long short-term memory cell, BrainPy 2.3.5's equations (gate order i, g, f, o).

    BrainPy implementation of ``brainpy.layers.LSTMCell`` (2.3.5). With
    ``[i, g, f, o] = x @ Wi + h @ Wh + b`` (split in four along the last axis):

    .. math::

       c' = \sigma(f + 1)\, c + \sigma(i)\, \mathrm{act}(g), \qquad
       h' = \sigma(o)\, \mathrm{act}(c').

    The state is one Variable ``state = [h, c]`` (concatenated on the last axis; ``h`` and
    ``c`` are views of it), of shape ``(N, 2 * num_out)`` in the batching modes and
    ``(2 * num_out,)`` in ``NonBatchingMode``. A state of batch size 1 broadcasts to the
    input's batch on the first step.

    Args:
      num_in: the number of input features.
      num_out: the number of hidden units.
      Wi_initializer: input weights, shape ``(num_in, 4 * num_out)``.
      Wh_initializer: recurrent weights, shape ``(num_out, 4 * num_out)``.
      b_initializer: bias, shape ``(4 * num_out,)``; ``None`` for none.
      state_initializer: the initial ``[h, c]``.
      activation: a name (``'tanh'``, ``'relu'`` …) or a callable.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`).
      train_state: learn the initial state (``TrainingMode`` only): a TrainVar
        ``state2train`` of shape ``(2 * num_out,)``.
      name: the object name.

    Note:
      :class:`torch.nn.LSTMCell` orders its gates i, f, g, o and has no forget bias. Its
      weights move here as ``Wi = W_ih[perm].T``, ``Wh = W_hh[perm].T`` and
      ``b = (b_ih + b_hh)[perm] - 1`` on the f block, where ``perm`` takes the row blocks
      in the order i, g, f, o; the cells then agree (with ``h``/``c`` in the same order).

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> cell = bl.LSTMCell(3, 4, mode=bm.batching_mode)
      >>> cell.Wi.shape, cell.Wh.shape, cell.b.shape, cell.state.shape
      ((3, 16), (4, 16), (16,), (1, 8))
      >>> cell.reset_state(5)
      >>> cell(jnp.ones((5, 3))).shape, cell.h.shape, cell.c.shape
      ((5, 4), (5, 4), (5, 4))
    """

    Wi: bm.Array
    Wh: bm.Array
    b: bm.Array | None
    activation: Callable[[Any], Any]

    def __init__(
        self,
        num_in: int,
        num_out: int,
        Wi_initializer: Any = _XAVIER,
        Wh_initializer: Any = _XAVIER,
        b_initializer: Any = _ZEROS,
        state_initializer: Any = _ZEROS,
        activation: str | Callable[[Any], Any] = "tanh",
        mode: bm.Mode | None = None,
        train_state: bool = False,
        name: str | None = None,
    ):
        super().__init__(num_in, num_out, 2, state_initializer, mode, train_state, name)
        self._build_gates(4, Wi_initializer, Wh_initializer, b_initializer, activation)
        self.reset_state(self.mode)

    @property
    def h(self) -> jax.Array:
        """The hidden state (the first half of ``state``)."""
        return self.state.value[..., : self.num_out]

    @h.setter
    def h(self, value: Any) -> None:
        self.state.value = self.state.value.at[..., : self.num_out].set(bm.as_jax(value))

    @property
    def c(self) -> jax.Array:
        """The memory cell (the second half of ``state``)."""
        return self.state.value[..., self.num_out :]

    @c.setter
    def c(self, value: Any) -> None:
        self.state.value = self.state.value.at[..., self.num_out :].set(bm.as_jax(value))

    def update(self, x: Any) -> jax.Array:
        """Advance one step with input ``x`` (``(N, num_in)``, or ``(num_in,)``); return ``h'``."""
        x = as_input(x, type(self).__name__)
        self._check_input(x)
        state = self.state.value
        h, c = state[..., : self.num_out], state[..., self.num_out :]
        gates = x @ read(self.Wi) + h @ read(self.Wh)
        if self.b is not None:
            gates = gates + read(self.b)
        i, g, f, o = jnp.split(gates, 4, axis=-1)
        c = jax.nn.sigmoid(f + 1.0) * c + jax.nn.sigmoid(i) * self.activation(g)
        new_h: jax.Array = jax.nn.sigmoid(o) * self.activation(c)
        self.state.value = jnp.concatenate([new_h, c], axis=-1)
        return new_h


@public
class GRUCell(RNNCellBase):
    r"""Gated recurrent unit cell, BrainPy 2.3.5's equations.

    BrainPy implementation of ``brainpy.layers.GRUCell`` (2.3.5). The weights hold the
    blocks ``[z, r, a]`` (update gate, reset gate, candidate) along the last axis:

    .. math::

       [z, r] = \sigma(x W_i^{zr} + h W_h^{zr} + b^{zr}), \quad
       a = \mathrm{act}(x W_i^{a} + (r h) W_h^{a} + b^{a}), \quad
       h' = (1 - z)\, h + z\, a.

    The state ``state`` (= ``h``) has shape ``(N, num_out)`` in the batching modes and
    ``(num_out,)`` in ``NonBatchingMode``.

    Args:
      num_in: the number of input features.
      num_out: the number of hidden units.
      Wi_initializer: input weights, shape ``(num_in, 3 * num_out)``.
      Wh_initializer: recurrent weights, shape ``(num_out, 3 * num_out)``.
      b_initializer: bias, shape ``(3 * num_out,)``; ``None`` for none.
      state_initializer: the initial ``h``.
      activation: a name (``'tanh'``, ``'relu'`` …) or a callable.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`).
      train_state: learn the initial state (``TrainingMode`` only).
      name: the object name.

    Note:
      :class:`torch.nn.GRUCell` applies the reset gate after the recurrent product
      (``r * (W_hn h + b_hn)``) and weighs the old state by ``z``; its weights do not move
      to this cell in general.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_dyn as bd
      >>> import brainpy_layers as bl
      >>> w = bd.init.Constant(0.1)
      >>> cell = bl.GRUCell(3, 4, w, w)                  # non-batching by default
      >>> cell.Wi.shape, cell.Wh.shape, cell.state.shape
      ((3, 12), (4, 12), (4,))
      >>> cell(jnp.ones(3)).shape
      (4,)
    """

    Wi: bm.Array
    Wh: bm.Array
    b: bm.Array | None
    activation: Callable[[Any], Any]

    def __init__(
        self,
        num_in: int,
        num_out: int,
        Wi_initializer: Any = _ORTHOGONAL,
        Wh_initializer: Any = _ORTHOGONAL,
        b_initializer: Any = _ZEROS,
        state_initializer: Any = _ZEROS,
        activation: str | Callable[[Any], Any] = "tanh",
        mode: bm.Mode | None = None,
        train_state: bool = False,
        name: str | None = None,
    ):
        super().__init__(num_in, num_out, 1, state_initializer, mode, train_state, name)
        self._build_gates(3, Wi_initializer, Wh_initializer, b_initializer, activation)
        self.reset_state(self.mode)

    def update(self, x: Any) -> jax.Array:
        """Advance one step with input ``x`` (``(N, num_in)``, or ``(num_in,)``); return ``h'``."""
        x = as_input(x, type(self).__name__)
        self._check_input(x)
        n2 = 2 * self.num_out
        h = self.state.value
        wi, wh = read(self.Wi), read(self.Wh)
        gx = x @ wi
        zr = gx[..., :n2] + h @ wh[:, :n2]
        a = gx[..., n2:]
        if self.b is not None:
            b = read(self.b)
            zr = zr + b[:n2]
            a = a + b[n2:]
        z, r = jnp.split(jax.nn.sigmoid(zr), 2, axis=-1)
        a = self.activation(a + (r * h) @ wh[:, n2:])
        new_h: jax.Array = (1.0 - z) * h + z * a
        self.state.value = new_h
        return new_h

"""``RNNCell``: the vanilla (Elman) recurrent cell ``h' = act(x Wi + h Wh + b)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers._src.base import as_input, public, read
from brainpy_layers._src.rnn_cells import RNNCellBase

__all__ = ["RNNCell"]

_XAVIER = bd.init.XavierNormal()
_ZEROS = bd.init.ZeroInit()


@public
class RNNCell(RNNCellBase):
    r"""The vanilla recurrent cell: ``h' = act(x @ Wi + h @ Wh + b)``.

    BrainPy implementation of ``brainpy.layers.RNNCell`` (2.3.5), the same computation as
    :class:`torch.nn.RNNCell` (whose default non-linearity is ``tanh``; here it is ``relu``,
    as in 2.3.5):

    .. math::

       h' = \mathrm{act}(x W_i + h W_h + b).

    The state ``state`` (= ``h``, the output) has shape ``(N, num_out)`` in the batching
    modes and ``(num_out,)`` in ``NonBatchingMode``. A state of batch size 1 broadcasts to
    the input's batch on the first step.

    Args:
      num_in: the number of input features.
      num_out: the number of hidden units.
      state_initializer: the initial ``h`` (an initializer or an array).
      Wi_initializer: input weights, shape ``(num_in, num_out)``.
      Wh_initializer: recurrent weights, shape ``(num_out, num_out)``.
      b_initializer: bias, shape ``(num_out,)``; ``None`` for none.
      activation: a name (``'relu'``, ``'tanh'`` …) or a callable.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`); in
        ``TrainingMode`` ``Wi``, ``Wh`` and ``b`` are :class:`brainpy_math.TrainVar` s.
      train_state: learn the initial state (``TrainingMode`` only): a TrainVar
        ``state2train`` of shape ``(num_out,)``.
      name: the object name.

    Raises:
      LayerArgumentError: a non-positive size or an initial array of the wrong shape.
      LayerArgumentTypeError: an unknown activation name.
      LayerModeError: ``train_state=True`` outside ``TrainingMode``.
      LayerInputShapeError: (at call) an input that is not ``(N, num_in)`` (or
        ``(num_in,)`` in ``NonBatchingMode``).

    Note:
      Weights of :class:`torch.nn.RNNCell` move here as ``Wi = weight_ih.T``,
      ``Wh = weight_hh.T`` and ``b = bias_ih + bias_hh``; pass
      ``activation=nonlinearity`` to match it.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> cell = bl.RNNCell(3, 4, mode=bm.batching_mode)
      >>> cell.Wi.shape, cell.Wh.shape, cell.b.shape, cell.state.shape
      ((3, 4), (4, 4), (4,), (1, 4))
      >>> cell.reset_state(5)
      >>> cell(jnp.ones((5, 3))).shape                   # (N, num_in) -> (N, num_out)
      (5, 4)
      >>> bl.RNNCell(3, 4, activation='tanh')(jnp.ones(3)).shape   # non-batching
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
        state_initializer: Any = _ZEROS,
        Wi_initializer: Any = _XAVIER,
        Wh_initializer: Any = _XAVIER,
        b_initializer: Any = _ZEROS,
        activation: str | Callable[[Any], Any] = "relu",
        mode: bm.Mode | None = None,
        train_state: bool = False,
        name: str | None = None,
    ):
        super().__init__(num_in, num_out, 1, state_initializer, mode, train_state, name)
        self._build_gates(1, Wi_initializer, Wh_initializer, b_initializer, activation)
        self.reset_state(self.mode)

    def update(self, x: Any) -> jax.Array:
        """Advance one step with input ``x`` (``(N, num_in)``, or ``(num_in,)``); return ``h'``.

        Raises:
          LayerInputShapeError: ``x`` has the wrong shape, or a batch that the state
            (of another batch size than 1) cannot take.
        """
        x = as_input(x, type(self).__name__)
        self._check_input(x)
        h = x @ read(self.Wi) + self.state.value @ read(self.Wh)
        if self.b is not None:
            h = h + read(self.b)
        new_h: jax.Array = self.activation(h)
        self.state.value = new_h
        return new_h

"""``Dense`` (alias ``Linear``): the fully connected layer ``y = x @ W + b``."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers._src.base import Layer, as_input, is_training, make_param, public, read
from brainpy_layers._src.errors import LayerArgumentError, LayerInputShapeError, LayerModeError

__all__ = ["Dense", "Linear"]

_XAVIER = bd.init.XavierNormal()
_ZEROS = bd.init.ZeroInit()


def _check_size(value: Any, layer: str, arg: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise LayerArgumentError(f"{layer}: {arg} must be a positive int, got {value!r}.")
    return int(value)


@public
class Dense(Layer):
    """A fully connected layer: ``y = x @ W + b``.

    BrainPy implementation of ``brainpy.layers.Dense`` (2.3.5), the same computation as
    :class:`torch.nn.Linear` with ``W = torch_weight.T``. The input may have any leading axes
    (a batch, time …) in every mode; its last axis must have ``num_in`` features.

    Args:
      num_in: the number of input features.
      num_out: the number of output features.
      W_initializer: the weight initializer or array, shape ``(num_in, num_out)``.
      b_initializer: the bias initializer or array, shape ``(num_out,)``; ``None`` for none.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`); in ``TrainingMode``
        ``W`` and ``b`` are :class:`brainpy_math.TrainVar` s.
      name: the object name.

    Raises:
      LayerArgumentError: a non-positive size or an initial array of the wrong shape.
      LayerInputShapeError: (at call) an input whose last axis is not ``num_in``.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> layer = bl.Dense(3, 2, mode=bm.training_mode)
      >>> layer.W.shape, layer.b.shape, list(layer.train_vars(method='relative'))
      ((3, 2), (2,), ['W', 'b'])
      >>> layer(jnp.ones((5, 3))).shape                  # (N, num_in) -> (N, num_out)
      (5, 2)
      >>> bl.Linear(3, 2, b_initializer=None)(jnp.ones(3)).shape
      (2,)
    """

    num_in: int
    num_out: int
    W: bm.Array
    b: bm.Array | None

    def __init__(
        self,
        num_in: int,
        num_out: int,
        W_initializer: Any = _XAVIER,
        b_initializer: Any = _ZEROS,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name, mode=mode)
        layer = type(self).__name__
        self.num_in = _check_size(num_in, layer, "num_in")
        self.num_out = _check_size(num_out, layer, "num_out")
        self.W = make_param(
            W_initializer,
            (self.num_in, self.num_out),
            self.mode,
            layer=layer,
            arg="W_initializer",
            allow_none=False,
        )
        self.b = make_param(
            b_initializer, (self.num_out,), self.mode, layer=layer, arg="b_initializer"
        )

    def update(self, x: Any) -> jax.Array:
        """Return ``x @ W + b`` for ``x`` of shape ``(..., num_in)``.

        Raises:
          LayerInputShapeError: the last axis of ``x`` is not ``num_in`` long.
        """
        x = as_input(x, type(self).__name__)
        if x.ndim == 0 or x.shape[-1] != self.num_in:
            raise LayerInputShapeError(
                f"{type(self).__name__}: expected input of shape (..., {self.num_in}) "
                f"(num_in={self.num_in} features on the last axis), got shape {tuple(x.shape)}."
            )
        y: jax.Array = x @ read(self.W)
        if self.b is not None:
            y = y + read(self.b)
        if self.fit_record is not None and bd.share.load("fit", False):
            self.fit_record = {"input": x, "output": y}
        return y

    def __repr__(self) -> str:
        return f"{type(self).__name__}(num_in={self.num_in}, num_out={self.num_out}, mode={self.mode!r})"

    # -- the readout protocol of the offline/online trainers (brainpy_layers.train) --------
    #: the last step's ``{'input': x, 'output': y}`` while a trainer fits (else ``None``)
    fit_record: dict[str, Any] | None = None
    #: the algorithm set by ``OfflineTrainer`` / ``OnlineTrainer``
    offline_fit_by: Any = None
    online_fit_by: Any = None

    def _fit_inputs(self, x: Any) -> jax.Array:
        """``x`` with a leading column of ones when the layer has a bias (2.3.5's layout)."""
        x = as_input(x, type(self).__name__)
        if self.b is None:
            return x
        return jnp.concatenate([jnp.ones((*x.shape[:-1], 1), x.dtype), x], axis=-1)

    def _set_weights(self, w: Any) -> None:
        if not is_training(self.mode):
            raise LayerModeError(
                f"{type(self).__name__}: only a layer built in TrainingMode can be fitted, "
                f"this one is in {self.mode!r}."
            )
        w = as_input(w, type(self).__name__)
        if self.b is not None:
            self.b.value = w[0].astype(self.b.dtype)
            w = w[1:]
        self.W.value = w.astype(self.W.dtype)

    def offline_init(self) -> None:
        """Start recording each step's input and output for an offline fit."""
        self.fit_record = {}

    def offline_fit(self, target: Any, fit_record: dict[str, Any]) -> None:
        """Solve ``W`` (and ``b``) with ``offline_fit_by(target, inputs, outputs)``.

        Args:
          target: the desired outputs, ``(..., num_out)``, aligned with the records.
          fit_record: ``{'input': (..., num_in), 'output': (..., num_out)}`` over all steps.
        """
        xs = self._fit_inputs(fit_record["input"])
        self._set_weights(self.offline_fit_by(target, xs, fit_record["output"]))

    def online_init(self) -> None:
        """Start recording, and register this layer with its online algorithm."""
        self.fit_record = {}
        self.online_fit_by.register_target(self.num_in + (self.b is not None), self.name)

    def online_fit(self, target: Any, fit_record: dict[str, Any]) -> None:
        """Add ``online_fit_by(target, input, output, name)`` to ``W`` (and ``b``).

        Args:
          target: this step's desired output, ``(batch, num_out)``.
          fit_record: this step's ``{'input': (batch, num_in), 'output': (batch, num_out)}``.
        """
        xs = self._fit_inputs(fit_record["input"])
        dw = self.online_fit_by(target, xs, fit_record["output"], self.name)
        w = read(self.W)
        if self.b is not None:
            w = jnp.concatenate([read(self.b)[None], w], axis=0)
        self._set_weights(w + dw)


@public
class Linear(Dense):
    """Same as :class:`Dense` (the PyTorch name).

    Examples:
      >>> import brainpy_layers as bl
      >>> bl.Linear(3, 2).W.shape
      (3, 2)
    """

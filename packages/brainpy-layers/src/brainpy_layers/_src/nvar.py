"""``NVAR``: nonlinear vector autoregression features (next-generation reservoir computing)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations_with_replacement
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_layers._src.base import Layer, as_input, is_batching, mode_batch_size, public
from brainpy_layers._src.errors import (
    LayerArgumentError,
    LayerArgumentTypeError,
    LayerInputShapeError,
)
from brainpy_layers._src.rnn_cells import check_state_batch

__all__ = ["NVAR"]


def _positive_int(value: object, layer: str, arg: str, low: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
        raise LayerArgumentError(f"{layer}: {arg} must be an int >= {low}, got {value!r}.")
    return int(value)


@public
class NVAR(Layer):
    r"""Nonlinear vector autoregression: polynomial features of delayed inputs.

    BrainPy implementation of ``brainpy.layers.NVAR`` (2.3.5), the feature vector of
    next-generation reservoir computing (Gauthier et al., 2021). At each call the layer
    stores the input ``x(t)`` and returns, in this order:

    1. ``1`` (with ``constant=True``);
    2. the linear part: ``x(t), x(t - s), …, x(t - (delay - 1) s)`` with ``s = stride``,
       each block holding the ``num_in`` features (``delay * num_in`` values); inputs
       from before the first call (or the last :meth:`reset_state`) are zeros;
    3. for each order ``k`` in ``order`` (in the order given), every unique monomial of
       degree ``k`` of the linear features, in the order of
       :func:`itertools.combinations_with_replacement` over their indices.

    The input has shape ``(N, num_in)`` in the batching modes and ``(num_in,)`` in
    ``NonBatchingMode``; the output has ``num_out`` features on the last axis. The past
    inputs live in ``store``, newest first, of shape ``(N, 1 + (delay - 1) * stride,
    num_in)`` (no ``N`` in ``NonBatchingMode``); a store of batch size 1 broadcasts to the
    input's batch on the first call.

    Args:
      num_in: the number of input features.
      delay: the number of inputs in the linear part (``>= 1``).
      order: the degrees of the nonlinear monomials: an int ``>= 2``, a sequence of them,
        or ``None`` for no nonlinear part.
      stride: the step, in calls, between two inputs of the linear part (``>= 1``).
      constant: put a constant ``1`` first.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`).
      name: the object name.

    Raises:
      LayerArgumentError: a size, delay, stride or order out of range.
      LayerArgumentTypeError: ``order`` or ``constant`` of the wrong type.
      LayerInputShapeError: (at call) an input of the wrong shape.

    Note:
      2.3.5 kept the past inputs in a ring buffer with the batch on axis 1; here the
      buffer is shifted each call and the batch is on axis 0, as for the other layers.
      The features are the same.

    References:
      Gauthier, D. J., Bollt, E., Griffith, A. and Barbosa, W. A. S. Next generation
      reservoir computing. Nat. Commun. 12, 5564 (2021).

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> nvar = bl.NVAR(2, delay=2, order=2, constant=True)
      >>> nvar.num_out                                   # 1 + 4 linear + 10 quadratic
      15
      >>> nvar(jnp.array([1., 2.])).tolist()            # the past is zero at first
      [1.0, 1.0, 2.0, 0.0, 0.0, 1.0, 2.0, 0.0, 0.0, 4.0, 0.0, 0.0, 0.0, 0.0, 0.0]
      >>> nvar(jnp.array([3., 4.]))[:5].tolist()        # 1, x(t), x(t-1)
      [1.0, 3.0, 4.0, 1.0, 2.0]
      >>> nvar.get_feature_names()[:7]
      ['1', 'x0(t)', 'x1(t)', 'x0(t-1)', 'x1(t-1)', 'x0(t)^2', 'x0(t) x1(t)']
    """

    num_in: int
    delay: int
    order: tuple[int, ...]
    stride: int
    constant: bool
    num_delay: int
    linear_dim: int
    nonlinear_dim: int
    num_out: int
    comb_ids: list[np.ndarray]
    store: bm.Variable

    def __init__(
        self,
        num_in: int,
        delay: int,
        order: int | Sequence[int] | None = None,
        stride: int = 1,
        constant: bool = False,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name, mode=mode)
        layer = type(self).__name__
        self.num_in = _positive_int(num_in, layer, "num_in")
        self.delay = _positive_int(delay, layer, "delay")
        self.stride = _positive_int(stride, layer, "stride")
        given: object = order
        if given is None:
            orders: tuple[Any, ...] = ()
        elif isinstance(given, Sequence) and not isinstance(given, str):
            orders = tuple(given)
        elif isinstance(given, int | np.integer) and not isinstance(given, bool):
            orders = (given,)
        else:
            raise LayerArgumentTypeError(
                f"{layer}: order must be None, an int >= 2 or a sequence of them, got {order!r}."
            )
        self.order = tuple(_positive_int(o, layer, "each order", 2) for o in orders)
        if not isinstance(constant, bool | np.bool_):
            raise LayerArgumentTypeError(f"{layer}: constant must be a bool, got {constant!r}.")
        self.constant = bool(constant)
        self.num_delay = 1 + (self.delay - 1) * self.stride
        self.linear_dim = self.delay * self.num_in
        self.comb_ids = [
            np.array(list(combinations_with_replacement(range(self.linear_dim), o)), dtype=np.int32)
            for o in self.order
        ]
        self.nonlinear_dim = sum(len(ids) for ids in self.comb_ids)
        self.num_out = int(self.constant) + self.linear_dim + self.nonlinear_dim
        self.reset_state(self.mode)

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Forget the past inputs (zeros).

        Args:
          batch_size: the batch size (``None``: the mode's, 1 by default); must be ``None``
            in ``NonBatchingMode``.
        """
        batch = mode_batch_size(self.mode, batch_size, type(self).__name__)
        shape = (self.num_delay, self.num_in)
        shape = shape if batch is None else (batch, *shape)
        value = jnp.asarray(np.zeros(shape, jnp.result_type(float)))  # no eager program
        if "store" in self.__dict__:
            self.store.value = value
        else:
            self.store = bm.Variable(value, batch_axis=None if batch is None else 0)

    def update(self, x: Any) -> jax.Array:
        """Store ``x`` (``(N, num_in)``, or ``(num_in,)``) and return its feature vector.

        Raises:
          LayerInputShapeError: ``x`` has the wrong shape, or a batch that the store (of
            another batch size than 1) cannot take.
        """
        layer = type(self).__name__
        x = as_input(x, type(self).__name__)
        batching = is_batching(self.mode)
        rank = 2 if batching else 1
        if x.ndim != rank or x.shape[-1] != self.num_in:
            layout = f"(N, {self.num_in})" if batching else f"({self.num_in},)"
            raise LayerInputShapeError(
                f"{layer}: expected input of shape {layout} (num_in={self.num_in}) in "
                f"{type(self.mode).__name__}, got shape {tuple(x.shape)}."
            )
        store = self.store.value
        x = x.astype(store.dtype)
        if batching:
            check_state_batch(layer, x.shape[0], self.store.batch_size)
            past = jnp.broadcast_to(store[:, :-1], (x.shape[0], self.num_delay - 1, self.num_in))
            store = jnp.concatenate([x[:, None], past], axis=1)
            lags = store[:, :: self.stride]
        else:
            store = jnp.concatenate([x[None], store[:-1]], axis=0)
            lags = store[:: self.stride]
        self.store.value = store
        linear = lags.reshape(*x.shape[:-1], self.linear_dim)
        parts = [jnp.ones((*x.shape[:-1], 1), dtype=x.dtype)] if self.constant else []
        parts.append(linear)
        for ids in self.comb_ids:
            parts.append(jnp.prod(linear[..., ids], axis=-1))
        out: jax.Array = jnp.concatenate(parts, axis=-1)
        return out

    def get_feature_names(self, for_plot: bool = False) -> list[str]:
        """The names of the output features, in order (as in 2.3.5).

        Args:
          for_plot: LaTeX-style names (``$x0_{t-1}$``) instead of ``x0(t-1)``.

        Returns:
          ``num_out`` strings: ``'1'``, the delayed inputs, then the monomials (a repeated
          factor is written with an exponent, ``x0(t)^2``).
        """
        linear = []
        for lag in range(self.delay):
            step = lag * self.stride
            for i in range(self.num_in):
                if for_plot:
                    linear.append(f"x{i}_t" if lag == 0 else f"x{i}_{{t-{step}}}")
                else:
                    linear.append(f"x{i}(t)" if lag == 0 else f"x{i}(t-{step})")
        nonlinear = []
        for ids in self.comb_ids:
            for combo in ids:
                uniques, counts = np.unique(combo, return_counts=True)
                nonlinear.append(
                    " ".join(
                        linear[u] if c == 1 else f"{linear[u]}^{c}"
                        for u, c in zip(uniques, counts, strict=True)
                    )
                )
        names = linear + nonlinear
        if for_plot:
            names = [f"${n}$" for n in names]
        return (["1"] if self.constant else []) + names

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(num_in={self.num_in}, delay={self.delay}, "
            f"order={self.order}, stride={self.stride}, constant={self.constant}, "
            f"mode={self.mode!r})"
        )

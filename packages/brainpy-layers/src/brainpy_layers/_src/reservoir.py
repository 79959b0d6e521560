"""``Reservoir``: an echo-state pool of leaky-integrator units with random sparse weights."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers._src.activations import get_activation
from brainpy_layers._src.base import (
    Layer,
    as_input,
    is_batching,
    make_param,
    mode_batch_size,
    public,
    read,
)
from brainpy_layers._src.errors import (
    LayerArgumentError,
    LayerArgumentTypeError,
    LayerInputShapeError,
)
from brainpy_layers._src.rnn_cells import check_state_batch

__all__ = ["Reservoir"]

_COMP_TYPES = ("dense", "sparse")
_ACTIVATION_TYPES = ("internal", "external")
_NOISE_TYPES = ("normal", "uniform")
_NORMAL_01 = bd.init.Normal(scale=0.1)
_ZEROS = bd.init.ZeroInit()


def _is_number(value: object) -> bool:
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool)


def _check_number(value: object, layer: str, arg: str, low: float, high: float = np.inf) -> float:
    ok = _is_number(value) and low <= float(value) <= high  # type: ignore[arg-type]
    if not ok or not np.isfinite(float(value)):  # type: ignore[arg-type]
        where = f"in [{low}, {high}]" if np.isfinite(high) else f">= {low}"
        raise LayerArgumentError(
            f"{layer}: {arg} must be a finite number {where}, got {arg}={value!r}."
        )
    return float(value)  # type: ignore[arg-type]


def _check_choice(value: object, layer: str, arg: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise LayerArgumentError(f"{layer}: {arg} must be one of {choices}, got {value!r}.")
    return value


def _input_shape(value: Any, layer: str) -> tuple[int, ...]:
    shape = (value,) if not isinstance(value, Sequence) else tuple(value)
    if shape and shape[0] is None:  # 2.3.5 accepts a leading batch placeholder
        shape = shape[1:]
    if not shape or any(
        isinstance(s, bool) or not isinstance(s, int | np.integer) or s < 1 for s in shape
    ):
        raise LayerArgumentError(
            f"{layer}: input_shape must be a positive int or a non-empty sequence of positive "
            f"ints (features on the last axis), got {value!r}."
        )
    return tuple(int(s) for s in shape)


@public
class Reservoir(Layer):
    r"""An echo-state reservoir: leaky-integrator units with random, sparse weights.

    BrainPy implementation of ``brainpy.layers.Reservoir`` (2.3.5), after Lukoševičius
    (2012). With input ``u``, state ``r``, leak ``a = leaky_rate`` and activation ``f``:

    * ``activation_type='internal'`` (default) leaks the activated state:

      .. math::

         r' = (1 - a)\, r + a\, f(u W_{in} + r W_{rec} + b);

    * ``activation_type='external'`` leaks the pre-activation ``x`` (held in ``state``)
      and outputs its activation:

      .. math::

         x' = (1 - a)\, x + a\, (u W_{in} + f(x) W_{rec} + b), \qquad r' = f(x').

    Each entry of ``Win`` (``rec``: of ``Wrec``) is kept with probability
    ``in_connectivity`` (``rec_connectivity``) and set to zero otherwise; the masks are
    drawn from the layer's own generator ``rng = brainpy_math.random.default_rng(seed)``.
    With ``spectral_radius``, ``Wrec`` (masked) is then scaled so that the largest
    absolute eigenvalue equals it. The weight values come from the initializers (seed them,
    or call :func:`brainpy_math.random.seed`, for a reproducible layer).

    The input has shape ``(N, *input_shape)`` in the batching modes and ``input_shape``
    in ``NonBatchingMode``; the state and output have shape
    ``(N, *input_shape[:-1], num_out)`` (without ``N`` in ``NonBatchingMode``). A state
    of batch size 1 broadcasts to the input's batch on the first step.

    Args:
      input_shape: the input shape without the batch axis (an int: the number of input
        features); a leading ``None`` is dropped.
      num_out: the number of reservoir units.
      leaky_rate: the leak ``a``, in ``[0, 1]``.
      activation: a name (``'tanh'``, ``'relu'`` …) or a callable.
      activation_type: ``'internal'`` or ``'external'`` (see above).
      Win_initializer: input weights, shape ``(input_shape[-1], num_out)``.
      Wrec_initializer: recurrent weights, shape ``(num_out, num_out)``.
      b_initializer: bias, shape ``(num_out,)``; ``None`` for none.
      in_connectivity: the fraction of kept input weights, in ``[0, 1]``.
      rec_connectivity: the fraction of kept recurrent weights, in ``[0, 1]``.
      comp_type: ``'dense'`` (masked dense matrices) or ``'sparse'``: only the kept
        weights are stored (``Win``/``Wrec`` become vectors, one value per kept
        connection, with the indices in ``in_index``/``rec_index``) and the products are
        gathers plus scatter-adds in pure JAX. Both compute the same numbers.
      spectral_radius: rescale ``Wrec`` to this spectral radius (``None``: keep it).
      noise_in: the gain of the noise added to the input.
      noise_rec: the gain of the noise added to the units' new input.
      noise_type: ``'normal'`` (standard normal) or ``'uniform'`` (in ``[-1, 1]``).
      seed: the seed of the layer's generator (masks and noise); ``None`` draws one.
      mode: the computing mode (``None``: :func:`brainpy_math.get_mode`); in
        ``TrainingMode`` ``Win``, ``Wrec`` and ``b`` are :class:`brainpy_math.TrainVar` s.
      name: the object name.

    Raises:
      LayerArgumentError: a bad size, rate, connectivity, gain, choice, initial array, or
        a ``spectral_radius`` for a ``Wrec`` whose eigenvalues are all zero.
      LayerArgumentTypeError: an unknown activation.
      LayerInputShapeError: (at call) an input of the wrong shape.

    Note:
      Differences from 2.3.5: the bias is added (2.3.5 made it but never used it);
      ``noise_type`` is honoured and ``noise_rec`` is random (2.3.5 always drew uniform
      input noise and a constant ``-1`` recurrent "noise"); ``'external'`` keeps the
      pre-activation in ``state`` as its equation says (2.3.5 leaked the activated
      value and applied ``f`` again).

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> res = bl.Reservoir(3, 100, spectral_radius=0.9, seed=0, mode=bm.batching_mode)
      >>> res.Win.shape, res.Wrec.shape, res.b.shape, res.state.shape
      ((3, 100), (100, 100), (100,), (1, 100))
      >>> res.reset_state(8)
      >>> res(jnp.ones((8, 3))).shape                    # (N, 3) -> (N, 100)
      (8, 100)
      >>> sparse = bl.Reservoir(3, 100, comp_type='sparse', seed=0)
      >>> sparse.Wrec.ndim, sparse(jnp.ones(3)).shape    # one weight per kept connection
      (1, (100,))
    """

    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    num_out: int
    leaky_rate: float
    activation: Callable[[Any], Any]
    activation_type: str
    comp_type: str
    in_connectivity: float
    rec_connectivity: float
    spectral_radius: float | None
    noise_in: float
    noise_rec: float
    noise_type: str
    rng: Any
    Win: bm.Array
    Wrec: bm.Array
    b: bm.Array | None
    in_index: tuple[jax.Array, jax.Array] | None
    rec_index: tuple[jax.Array, jax.Array] | None
    state: bm.Variable

    def __init__(
        self,
        input_shape: int | Sequence[int | None],
        num_out: int,
        leaky_rate: float = 0.3,
        activation: str | Callable[[Any], Any] = "tanh",
        activation_type: str = "internal",
        Win_initializer: Any = _NORMAL_01,
        Wrec_initializer: Any = _NORMAL_01,
        b_initializer: Any = _ZEROS,
        in_connectivity: float = 0.1,
        rec_connectivity: float = 0.1,
        comp_type: str = "dense",
        spectral_radius: float | None = None,
        noise_in: float = 0.0,
        noise_rec: float = 0.0,
        noise_type: str = "normal",
        seed: int | None = None,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(name=name, mode=mode)
        layer = type(self).__name__
        self.input_shape = _input_shape(input_shape, layer)
        size: object = num_out
        if isinstance(size, bool) or not isinstance(size, int | np.integer) or size < 1:
            raise LayerArgumentError(f"{layer}: num_out must be a positive int, got {num_out!r}.")
        self.num_out = int(size)
        self.output_shape = self.input_shape[:-1] + (self.num_out,)
        self.leaky_rate = _check_number(leaky_rate, layer, "leaky_rate", 0.0, 1.0)
        self.activation = get_activation(activation, layer)
        self.activation_type = _check_choice(
            activation_type, layer, "activation_type", _ACTIVATION_TYPES
        )
        self.comp_type = _check_choice(comp_type, layer, "comp_type", _COMP_TYPES)
        self.in_connectivity = _check_number(in_connectivity, layer, "in_connectivity", 0.0, 1.0)
        self.rec_connectivity = _check_number(rec_connectivity, layer, "rec_connectivity", 0.0, 1.0)
        if spectral_radius is not None and (
            not _is_number(spectral_radius) or not float(spectral_radius) > 0.0
        ):
            raise LayerArgumentError(
                f"{layer}: spectral_radius must be None or a positive number, got "
                f"{spectral_radius!r}."
            )
        self.spectral_radius = None if spectral_radius is None else float(spectral_radius)
        self.noise_in = _check_number(noise_in, layer, "noise_in", 0.0)
        self.noise_rec = _check_number(noise_rec, layer, "noise_rec", 0.0)
        self.noise_type = _check_choice(noise_type, layer, "noise_type", _NOISE_TYPES)
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer)):
            raise LayerArgumentTypeError(f"{layer}: seed must be None or an int, got {seed!r}.")
        self.rng = bm.random.default_rng(seed)

        in_shape = (self.input_shape[-1], self.num_out)
        win = self._dense(Win_initializer, in_shape, "Win_initializer")
        in_mask = self._mask(in_shape, self.in_connectivity)
        rec_shape = (self.num_out, self.num_out)
        wrec = self._dense(Wrec_initializer, rec_shape, "Wrec_initializer")
        rec_mask = self._mask(rec_shape, self.rec_connectivity)
        if in_mask is not None:
            win = np.where(in_mask, win, 0.0).astype(win.dtype)
        if rec_mask is not None:
            wrec = np.where(rec_mask, wrec, 0.0).astype(wrec.dtype)
        if self.spectral_radius is not None:
            current = float(np.max(np.abs(np.linalg.eigvals(wrec.astype(np.float64)))))
            if current == 0.0:
                raise LayerArgumentError(
                    f"{layer}: spectral_radius={self.spectral_radius} cannot be reached: every "
                    "eigenvalue of the (masked) Wrec is zero; raise rec_connectivity or change "
                    "Wrec_initializer."
                )
            wrec = (wrec * (self.spectral_radius / current)).astype(wrec.dtype)
        self.in_index = self.rec_index = None
        if self.comp_type == "sparse" and in_mask is not None:
            self.in_index = tuple(jnp.asarray(i) for i in np.nonzero(in_mask))  # type: ignore[assignment]
            win = win[in_mask]
        if self.comp_type == "sparse" and rec_mask is not None:
            self.rec_index = tuple(jnp.asarray(i) for i in np.nonzero(rec_mask))  # type: ignore[assignment]
            wrec = wrec[rec_mask]
        self.Win = make_param(win, win.shape, self.mode, layer=layer, arg="Win_initializer")
        self.Wrec = make_param(wrec, wrec.shape, self.mode, layer=layer, arg="Wrec_initializer")
        self.b = make_param(
            b_initializer, (self.num_out,), self.mode, layer=layer, arg="b_initializer"
        )
        self.reset_state(self.mode)

    def _dense(self, init: Any, shape: tuple[int, int], arg: str) -> np.ndarray:
        layer = type(self).__name__
        value = make_param(init, shape, bm.nonbatching_mode, layer=layer, arg=arg, allow_none=False)
        return np.array(bm.as_jax(read(value)))

    def _mask(self, shape: tuple[int, int], connectivity: float) -> np.ndarray | None:
        """Which weights are kept (``None``: all of them); 2.3.5 draws even at ``0``."""
        if connectivity >= 1.0:
            return None
        mask: np.ndarray = np.asarray(bm.as_jax(self.rng.random(shape))) <= connectivity
        return mask

    @property
    def bias(self) -> bm.Array | None:
        """The bias ``b`` (2.3.5's attribute name)."""
        return self.b

    @property
    def num_unit(self) -> int:
        """The number of reservoir units (2.3.5's attribute name of ``num_out``)."""
        return self.num_out

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Reset the state to zeros.

        Args:
          batch_size: the batch size (``None``: the mode's, 1 by default); must be ``None``
            in ``NonBatchingMode``.
        """
        batch = mode_batch_size(self.mode, batch_size, type(self).__name__)
        shape = self.output_shape if batch is None else (batch, *self.output_shape)
        value = jnp.asarray(np.zeros(shape, jnp.result_type(float)))  # no eager program
        if "state" in self.__dict__:
            self.state.value = value
        else:
            self.state = bm.Variable(value, batch_axis=None if batch is None else 0)

    def _noise(self, shape: tuple[int, ...]) -> jax.Array:
        if self.noise_type == "normal":
            return jnp.asarray(bm.as_jax(self.rng.normal(size=shape)))
        return jnp.asarray(bm.as_jax(self.rng.uniform(-1.0, 1.0, size=shape)))

    def _product(self, x: jax.Array, weight: Any, index: Any) -> jax.Array:
        w = read(weight)
        if index is None:
            dense: jax.Array = x @ w
            return dense
        pre, post = index
        out = jnp.zeros(x.shape[:-1] + (self.num_out,), dtype=jnp.result_type(x, w))
        summed: jax.Array = out.at[..., post].add(x[..., pre] * w)
        return summed

    def update(self, x: Any) -> jax.Array:
        """Advance one step with input ``x`` of shape ``(N, *input_shape)`` (or ``input_shape``).

        Returns:
          The new output ``r'``, of shape ``(N, *input_shape[:-1], num_out)``.

        Raises:
          LayerInputShapeError: ``x`` has the wrong shape, or a batch that the state (of
            another batch size than 1) cannot take.
        """
        x = as_input(x, type(self).__name__)
        layer = type(self).__name__
        batching = is_batching(self.mode)
        if batching:
            ok = x.ndim == len(self.input_shape) + 1 and tuple(x.shape[1:]) == self.input_shape
            layout = f"(N, {', '.join(map(str, self.input_shape))})"
        else:
            ok = tuple(x.shape) == self.input_shape
            layout = str(self.input_shape)
        if not ok:
            raise LayerInputShapeError(
                f"{layer}: expected input of shape {layout} (input_shape={self.input_shape}) "
                f"in {type(self.mode).__name__}, got shape {tuple(x.shape)}."
            )
        if batching:
            check_state_batch(layer, x.shape[0], self.state.batch_size)
        if self.noise_in > 0.0:
            x = x + self.noise_in * self._noise(tuple(x.shape))
        state = self.state.value
        rate = self.activation(state) if self.activation_type == "external" else state
        hidden = self._product(x, self.Win, self.in_index) + self._product(
            rate, self.Wrec, self.rec_index
        )
        if self.b is not None:
            hidden = hidden + read(self.b)
        if self.activation_type == "internal":
            hidden = self.activation(hidden)
        if self.noise_rec > 0.0:
            hidden = hidden + self.noise_rec * self._noise(tuple(hidden.shape))
        new = (1.0 - self.leaky_rate) * state + self.leaky_rate * hidden
        self.state.value = new
        out: jax.Array = self.activation(new) if self.activation_type == "external" else new
        return out

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(input_shape={self.input_shape}, num_out={self.num_out}, "
            f"leaky_rate={self.leaky_rate}, comp_type={self.comp_type!r}, mode={self.mode!r})"
        )

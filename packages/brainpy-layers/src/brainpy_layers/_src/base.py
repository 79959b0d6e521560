"""``Layer``, the base class of every layer, and the helpers that layers share.

Conventions that every layer in this package follows:

* a layer is a :class:`brainpy_dyn.DynamicalSystemNS`: ``layer(x)`` calls ``layer.update(x)``
  and the layer reads shared data (``fit`` …) from :data:`brainpy_dyn.share`;
* the computing mode (``mode=None`` takes :func:`brainpy_math.get_mode`) decides the batch
  axis: ``NonBatchingMode`` inputs have none, ``BatchingMode`` and ``TrainingMode`` inputs carry
  it on axis 0;
* in ``TrainingMode`` weights and biases are :class:`brainpy_math.TrainVar` s (found by
  ``train_vars()``); in the other modes they are plain :class:`brainpy_math.Array` s, as in
  BrainPy 2.3.5;
* ``update`` returns a :class:`jax.Array`.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers._src.errors import LayerArgumentError, LayerArgumentTypeError, LayerModeError

__all__ = [
    "Layer",
    "public",
    "is_batching",
    "is_training",
    "make_param",
    "read",
    "as_input",
    "mode_batch_size",
]


#: Show an object as a member of :mod:`brainpy_layers` in reprs, docs and pickles.
public = bm.set_module("brainpy_layers")


def is_batching(mode: bm.Mode) -> bool:
    """Whether inputs in ``mode`` carry a batch axis (``BatchingMode``, ``TrainingMode``)."""
    return isinstance(mode, bm.BatchingMode)


def is_training(mode: bm.Mode) -> bool:
    """Whether parameters in ``mode`` are trainable (``TrainingMode``)."""
    return isinstance(mode, bm.TrainingMode)


def make_param(
    init: Any,
    shape: tuple[int, ...],
    mode: bm.Mode,
    *,
    layer: str,
    arg: str,
    allow_none: bool = True,
) -> Any:
    """Make a weight or bias of ``shape`` from an initializer, an array or ``None``.

    Returns ``None`` (when ``init`` is ``None`` and that is allowed), a
    :class:`brainpy_math.TrainVar` in ``TrainingMode``, else a :class:`brainpy_math.Array`.
    A Variable given as ``init`` is kept as it is (so shared weights stay shared).

    Raises:
      LayerArgumentError: ``init`` is ``None`` where it may not be, or makes an array whose
        shape is not ``shape``.
    """
    try:
        value = bd.init.parameter(init, shape, allow_none=allow_none, allow_scalar=False, name=arg)
    except ValueError as err:
        raise LayerArgumentError(f"{layer}: {str(err).removeprefix('parameter(): ')}") from err
    if value is None:
        return None
    if tuple(np.shape(bm.as_jax(value))) != tuple(shape):
        raise LayerArgumentError(
            f"{layer}: {arg} must make an array of shape {tuple(shape)}, got shape "
            f"{tuple(np.shape(bm.as_jax(value)))}."
        )
    if isinstance(value, bm.Variable):
        return value
    if not callable(init):  # a given array (an initializer's output is not read back)
        _refuse_non_finite(value, layer, arg)
    if is_training(mode):
        return bm.TrainVar(bm.as_jax(value))
    return bm.Array(bm.as_jax(value))


def _refuse_non_finite(value: Any, layer: str, arg: str) -> None:
    """A NaN or infinite entry in a given weight array makes every output NaN: refuse it."""
    try:
        arr = np.asarray(bm.as_jax(value))
    except jax.errors.TracerArrayConversionError:
        return
    if arr.dtype.kind in "fc" and not np.all(np.isfinite(arr)):
        bad = int(np.sum(~np.isfinite(arr)))
        raise LayerArgumentError(
            f"{layer}: {arg} must be finite (no NaN or inf), got an array with {bad} such entries."
        )


def read(param: Any) -> Any:
    """The JAX value of a parameter (``None`` stays ``None``); a Variable read is recorded."""
    return param.value if isinstance(param, bm.Array) else param


def as_input(x: Any, layer: str = "a layer") -> jax.Array:
    """The JAX array behind an input (a brainpy Array, a NumPy array, a list …).

    Raises:
      LayerArgumentTypeError: the input is not numeric (a string, objects, ...).
    """
    if isinstance(x, (str, bytes)):
        raise LayerArgumentTypeError(
            f"{layer}: the input must be a numeric array, got {type(x).__name__} {x!r:.40}."
        )
    try:
        value = jnp.asarray(bm.as_jax(x))
    except TypeError as err:
        raise LayerArgumentTypeError(
            f"{layer}: the input must be a numeric array, got {type(x).__name__} ({err})."
        ) from None
    if not (jnp.issubdtype(value.dtype, jnp.number) or value.dtype == jnp.bool_):
        raise LayerArgumentTypeError(
            f"{layer}: the input must be a numeric array, got dtype {value.dtype}."
        )
    return value


def mode_batch_size(mode: bm.Mode, batch_size: Any, layer: str) -> int | None:
    """The batch size that ``reset_state(batch_size)`` asks for in ``mode``.

    The rule of :func:`brainpy_math.modes.batch_size_of`, plus the layers' check:
    ``NonBatchingMode`` accepts ``None`` (or a ``NonBatchingMode``) and returns ``None``; the
    batching modes take ``None`` as the mode's own ``batch_size`` (1 by default), a Mode as
    its ``batch_size``, or a positive int.

    Raises:
      LayerModeError: a batch size is asked of a ``NonBatchingMode`` layer.
      LayerArgumentError: ``batch_size`` is not a positive int, ``None`` or a Mode.
    """
    if isinstance(batch_size, bm.Mode):
        batch_size = bm.modes.batch_size_of(batch_size)
    if not is_batching(mode):
        if batch_size is not None:
            raise LayerModeError(
                f"{layer}: reset_state(batch_size={batch_size!r}) asks for a batch axis, but "
                f"the layer is in {type(mode).__name__} (no batch axis); pass None, or build "
                "the layer with mode=bm.batching_mode or bm.training_mode."
            )
        return None
    if batch_size is False:  # "no batch axis" is no batch size for a batching layer
        raise LayerArgumentError(
            f"{layer}: batch_size must be a positive int, None or a Mode, got False."
        )
    try:
        return bm.modes.batch_size_of(batch_size, mode, name=f"{layer}: batch_size")
    except ValueError as err:
        raise LayerArgumentError(str(err)) from None


@public
class Layer(bd.DynamicalSystemNS):
    """Base class of layers: a :class:`brainpy_dyn.DynamicalSystemNS` with ``update(x)``.

    BrainPy implementation of ``brainpy.layers.Layer`` (2.3.5). Subclasses implement
    :meth:`update`; :meth:`reset_state` resets the child layers and is a no-op for a layer
    without children (stateless layers need nothing else).

    Args:
      name: the object name (``None``: automatic ``ClassNameN``).
      mode: the computing mode; ``None`` takes the global :func:`brainpy_math.get_mode`.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_layers as bl
      >>> class Double(bl.Layer):
      ...     def update(self, x):
      ...         return 2 * x
      >>> layer = Double()
      >>> layer.reset_state()          # nothing to reset
      >>> layer(jnp.ones(2))
      Array([2., 2.], dtype=float32)
    """

    def reset_state(self, batch_size: int | bm.Mode | None = None) -> None:
        """Reset the state of the child layers; a no-op for a layer without children.

        Args:
          batch_size: the batch size (or a Mode) to reset to.
        """
        super().reset_state(batch_size)

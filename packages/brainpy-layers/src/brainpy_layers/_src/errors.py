"""The errors that brainpy_layers raises.

Every class follows the ``Layer<Kind>Error`` naming rule and also subclasses the built-in
exception that describes the same kind of failure, so ``except ValueError`` (or
``TypeError``) keeps working. Messages name the layer, the argument, what was expected and
what came; each class docstring says how to fix the problem.
"""

from __future__ import annotations

import brainpy_math as bm

__all__ = [
    "LayerError",
    "LayerArgumentError",
    "LayerArgumentTypeError",
    "LayerInputShapeError",
    "LayerModeError",
]


class LayerError(Exception):
    """Base class of every error raised by brainpy_layers.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> try:
      ...     bl.Dense(3, 2)(bm.ones((1, 4)))
      ... except bl.errors.LayerError as err:  # any error of brainpy_layers
      ...     print(type(err).__name__)
      LayerInputShapeError
    """


class LayerArgumentError(LayerError, ValueError):
    """A constructor argument has the wrong length or value.

    Typical causes: a ``kernel_size``, ``stride`` or ``padding`` with neither 1 nor ``n``
    entries for an ``n``-D layer, ``groups`` that does not divide the channel counts, a
    non-positive size, or a ``mask`` that does not broadcast with the kernel. Give one
    value per spatial dimension (or a single value for all of them) as the message says.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> try:
      ...     bl.Dense(0, 3)
      ... except ValueError as err:
      ...     print(type(err).__name__)
      LayerArgumentError
    """


class LayerArgumentTypeError(LayerError, TypeError):
    """A constructor argument has the wrong type (for example a float ``kernel_size``).

    Sizes, strides and dilations are ints or sequences of ints; ``padding`` is ``'SAME'``,
    ``'VALID'``, an int, a pair of ints or a sequence of pairs; activations are names or
    callables.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> try:
      ...     bl.Conv2d(1, 2, kernel_size='3')
      ... except TypeError as err:
      ...     print(type(err).__name__)
      LayerArgumentTypeError
    """


class LayerInputShapeError(LayerError, ValueError):
    """The input of a layer has the wrong rank, channel count or spatial shape.

    Layers are channels-last: ``(N, *spatial, C)`` in ``BatchingMode`` and
    ``TrainingMode``, ``(*spatial, C)`` (no batch axis) in ``NonBatchingMode``. Build the
    layer in the mode that matches your data (``mode=bm.batching_mode`` or inside
    ``bm.training_environment()``), or reshape the input.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> try:
      ...     bl.Dense(3, 2)(bm.ones((1, 4)))  # 4 features, not 3
      ... except ValueError as err:
      ...     print(type(err).__name__)
      LayerInputShapeError
    """


class LayerModeError(LayerError, ValueError):
    """The request does not fit the layer's computing mode.

    For example ``train_state=True`` needs ``TrainingMode``, and a ``NonBatchingMode`` cell
    has no batch axis to reset to a batch size. Build the layer in the mode you need.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> try:
      ...     bl.RNNCell(2, 3, train_state=True, mode=bm.NonBatchingMode())
      ... except ValueError as err:
      ...     print(type(err).__name__)
      LayerModeError
    """


bm.set_module(
    "brainpy_layers.errors",
    LayerError,
    LayerArgumentError,
    LayerArgumentTypeError,
    LayerInputShapeError,
    LayerModeError,
)

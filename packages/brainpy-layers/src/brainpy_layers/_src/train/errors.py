"""The errors that the trainers of :mod:`brainpy_layers.train` raise.

They subclass the layer errors of :mod:`brainpy_layers.errors` (and so the built-in
``ValueError``/``TypeError``), so ``except ValueError`` keeps working. Messages name the
trainer, the argument, what was expected and what came.
"""

from __future__ import annotations

import brainpy_math as bm
from brainpy_layers._src.errors import LayerArgumentError, LayerArgumentTypeError

__all__ = ["TrainerArgumentError", "TrainerArgumentTypeError"]


class TrainerArgumentError(LayerArgumentError):
    """A trainer or fitting-algorithm argument, or the data given to it, has a wrong value.

    Typical causes: a target that is not in ``BatchingMode``/``TrainingMode``, data whose
    inputs and targets disagree on the batch size or the number of time steps, an unknown
    metric name, or a model with nothing to train. The message says what was expected;
    build the model in ``bm.training_mode`` or fix the data as it says.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> try:
      ...     bl.train.BPTT(bl.Dense(2, 1, mode=bm.TrainingMode()), loss_fun='nope')
      ... except ValueError as err:
      ...     print(type(err).__name__)
      TrainerArgumentError
    """


class TrainerArgumentTypeError(LayerArgumentTypeError):
    """A trainer or fitting-algorithm argument has the wrong type.

    For example a ``loss_fun`` that is neither callable nor the name of a function in
    :mod:`brainpy_layers.losses`, or an ``optimizer`` that is not a
    :class:`brainpy_math.optimizers.Optimizer`.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> try:
      ...     bl.train.BPTT(bl.Dense(2, 1, mode=bm.TrainingMode()), loss_fun=1)
      ... except TypeError as err:
      ...     print(type(err).__name__)
      TrainerArgumentTypeError
    """


bm.set_module("brainpy_layers.train", TrainerArgumentError, TrainerArgumentTypeError)

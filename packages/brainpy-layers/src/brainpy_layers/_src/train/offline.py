"""``OfflineTrainer`` and ``RidgeTrainer``: fit readouts by regression over a whole run.

``fit((X, Y))`` runs the target over ``X`` once with ``fit=True`` (one compiled loop),
collecting each readout's input and output at every step; then each readout solves its
weights from all the collected steps (batch and time flattened together) with the fitting
method, for instance ridge regression.
"""

from __future__ import annotations

from typing import Any

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers._src.algorithms.offline import get_offline_method
from brainpy_layers._src.train.base import check_shared_args
from brainpy_layers._src.train.readout import ReadoutTrainer, format_targets, split_train_data

__all__ = ["OfflineTrainer", "RidgeTrainer"]


class OfflineTrainer(ReadoutTrainer):
    """Fit the readouts of a model offline, from the states of one run.

    BrainPy implementation of ``brainpy.train.OfflineTrainer`` (2.3.5), for reservoir
    computing (echo-state networks): the recurrent part stays fixed and only the readouts,
    the nodes in ``TrainingMode`` with an ``offline_fit`` method (such as
    :class:`brainpy_layers.Dense` built with ``mode=bm.training_mode``), are solved.

    Args:
      target: the model, in ``BatchingMode``/``TrainingMode``.
      fit_method: the regression: ``None`` (ridge, ``alpha=1e-7``), a name from
        :func:`brainpy_layers.algorithms.get_supported_offline_methods`, a dict
        ``{'name': ..., **kwargs}``, an :class:`~brainpy_layers.algorithms.OfflineAlgorithm`
        or a callable ``f(targets, inputs, outputs) -> weights``.
      **kwargs: the :class:`~brainpy_layers.train.DSTrainer` arguments.

    Attributes:
      train_nodes: the readouts being fitted.
      fit_method: the regression used.

    Raises:
      TrainerArgumentError: no readout in the target, or an unknown method name.
      TrainerArgumentTypeError: a ``fit_method`` that is not callable.

    Examples:
      >>> import numpy as np
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> from brainpy_layers import algorithms, train
      >>> readout = bl.Dense(2, 1, mode=bm.training_mode)
      >>> trainer = train.OfflineTrainer(readout, algorithms.LinearRegression(),
      ...                                progress_bar=False)
      >>> x = np.random.default_rng(0).normal(size=(3, 20, 2)).astype(np.float32)
      >>> y = x @ np.array([[1.], [-1.]], np.float32) + 0.5
      >>> _ = trainer.fit((x, y))
      >>> np.round(readout.W.value[:, 0], 3), np.round(readout.b.value, 3)
      (Array([ 1., -1.], dtype=float32), Array([0.5], dtype=float32))
    """

    _protocol = "offline"

    def _make_method(self, fit_method: Any, owner: str) -> Any:
        return get_offline_method(fit_method, owner)

    def _probe(self, y: Any) -> Any:
        return {n.name: dict(n.fit_record) for n in self.train_nodes}

    def fit(
        self,
        train_data: Any,
        reset_state: bool = False,
        shared_args: dict[str, Any] | None = None,
    ) -> Any:
        """Run the target over ``X`` and solve every readout's weights for ``Y``.

        Args:
          train_data: an ``(X, Y)`` pair. ``X`` is ``(batch, time, ...)`` (or a pytree of
            such arrays; ``(time, batch, ...)`` with ``data_first_axis='T'``). ``Y`` is
            ``(batch, time, num_out)`` (targets at every step) or ``(batch, num_out)``
            (the last step only); a dict ``{readout.name: array}`` with several readouts.
          reset_state: reset the target (to the batch size of ``X``) and the clock first.
          shared_args: extra shared data (``fit`` defaults to ``True``).

        Returns:
          The target's outputs over ``X`` (computed before the weights change), in the
          layout of ``X``. The monitors land in ``mon``.

        Raises:
          TrainerArgumentError: ``train_data`` is not an ``(X, Y)`` pair, or ``Y`` does not
            match ``X`` and the readouts.
        """
        owner = type(self).__name__
        shared = {"fit": True, **check_shared_args(shared_args, owner)}
        xs, ys = split_train_data(train_data, owner)
        targets, batch, n, last_only = format_targets(self, xs, ys, need_time=False)
        if reset_state:
            self.target.reset_state(batch)
            self.reset_state()
        outs, probes = self._run_fit(xs, None, shared, n)
        for node in self.train_nodes:
            record = probes[node.name]
            if last_only:
                record = {k: v[-1] for k, v in record.items()}
            node.offline_fit(targets[node.name], record)
            node.fit_record = {}
        return outs


class RidgeTrainer(OfflineTrainer):
    """An :class:`OfflineTrainer` whose readouts are solved by ridge regression.

    BrainPy implementation of ``brainpy.train.RidgeTrainer`` (2.3.5):
    ``OfflineTrainer(target, fit_method=RidgeRegression(alpha))``.

    Args:
      target: the model, in ``BatchingMode``/``TrainingMode``.
      alpha: the ridge regularisation coefficient.
      **kwargs: the :class:`~brainpy_layers.train.DSTrainer` arguments.

    Examples:
      >>> import numpy as np
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> from brainpy_layers import train
      >>> readout = bl.Dense(2, 1, b_initializer=None, mode=bm.training_mode)
      >>> trainer = train.RidgeTrainer(readout, alpha=1e-6, progress_bar=False)
      >>> x = np.random.default_rng(0).normal(size=(2, 30, 2)).astype(np.float32)
      >>> _ = trainer.fit((x, x @ np.array([[2.], [3.]], np.float32)))
      >>> np.round(readout.W.value[:, 0], 2)
      Array([2., 3.], dtype=float32)
    """

    def __init__(self, target: bd.DynamicalSystem, alpha: float = 1e-7, **kwargs: Any):
        super().__init__(target, fit_method={"name": "ridge", "alpha": alpha}, **kwargs)


bm.set_module("brainpy_layers.train", OfflineTrainer, RidgeTrainer)

"""``OnlineTrainer`` and ``ForceTrainer``: fit readouts step by step while the model runs.

``fit((X, Y))`` runs the target over ``X`` with ``fit=True`` as one compiled loop; after
each step, every readout updates its weights from that step's input, output and target
with the online method (recursive least squares for FORCE learning), so later steps
already use the new weights.
"""

from __future__ import annotations

from typing import Any

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers._src.algorithms.online import RLS, check_alpha, get_online_method
from brainpy_layers._src.train.base import check_shared_args
from brainpy_layers._src.train.readout import ReadoutTrainer, format_targets, split_train_data

__all__ = ["OnlineTrainer", "ForceTrainer"]


class OnlineTrainer(ReadoutTrainer):
    """Fit the readouts of a model online, one update per time step.

    BrainPy implementation of ``brainpy.train.OnlineTrainer`` (2.3.5). The readouts are the
    nodes in ``TrainingMode`` with an ``online_fit`` method (such as
    :class:`brainpy_layers.Dense` built with ``mode=bm.training_mode``).

    Args:
      target: the model, in ``BatchingMode``/``TrainingMode``.
      fit_method: the online rule: ``None`` (``RLS(alpha=0.1)``), a name from
        :func:`brainpy_layers.algorithms.get_supported_online_methods`, a dict
        ``{'name': ..., **kwargs}`` or an :class:`~brainpy_layers.algorithms.OnlineAlgorithm`.
      **kwargs: the :class:`~brainpy_layers.train.DSTrainer` arguments.

    Attributes:
      train_nodes: the readouts being fitted.
      fit_method: the online rule used.

    Raises:
      TrainerArgumentError: no readout in the target, or an unknown method name.
      TrainerArgumentTypeError: a ``fit_method`` that is not an OnlineAlgorithm.

    Note:
      With ``fit_method=None`` 2.3.5 used ``RLS(alpha=1e-7)``, whose tiny initial ``P``
      barely learns; this uses RLS's own default ``alpha=0.1``.

    Examples:
      >>> import numpy as np
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> from brainpy_layers import algorithms, train
      >>> readout = bl.Dense(2, 1, mode=bm.training_mode)
      >>> trainer = train.OnlineTrainer(readout, algorithms.LMS(alpha=0.05),
      ...                               progress_bar=False)
      >>> x = np.random.default_rng(0).normal(size=(1, 400, 2)).astype(np.float32)
      >>> y = x @ np.array([[1.], [-1.]], np.float32)
      >>> _ = trainer.fit((x, y))
      >>> np.round(readout.W.value[:, 0], 2)
      Array([ 1., -1.], dtype=float32)
    """

    _protocol = "online"

    def _make_method(self, fit_method: Any, owner: str) -> Any:
        return get_online_method(fit_method, owner)

    def _probe(self, y: Any) -> Any:
        for node in self.train_nodes:
            node.online_fit(y[node.name], node.fit_record)

    def fit(
        self,
        train_data: Any,
        reset_state: bool = False,
        shared_args: dict[str, Any] | None = None,
    ) -> Any:
        """Run the target over ``X``, updating every readout after each step towards ``Y``.

        Args:
          train_data: an ``(X, Y)`` pair. ``X`` is ``(batch, time, ...)`` (or a pytree of
            such arrays; ``(time, batch, ...)`` with ``data_first_axis='T'``); ``Y`` is
            ``(batch, time, num_out)``, a dict ``{readout.name: array}`` with several
            readouts.
          reset_state: reset the target (to the batch size of ``X``) and the clock first.
          shared_args: extra shared data (``fit`` defaults to ``True``).

        Returns:
          The target's outputs during the fit (each step before its update), in the layout
          of ``X``. The monitors land in ``mon``.

        Raises:
          TrainerArgumentError: ``train_data`` is not an ``(X, Y)`` pair, or ``Y`` does not
            match ``X`` and the readouts.
        """
        owner = type(self).__name__
        shared = {"fit": True, **check_shared_args(shared_args, owner)}
        xs, ys = split_train_data(train_data, owner)
        targets, batch, n, _ = format_targets(self, xs, ys, need_time=True)
        if reset_state:
            self.target.reset_state(batch)
            self.reset_state()
        outs, _ = self._run_fit(xs, targets, shared, n)
        for node in self.train_nodes:
            node.fit_record = {}
        return outs


class ForceTrainer(OnlineTrainer):
    """FORCE learning: an :class:`OnlineTrainer` with recursive least squares.

    BrainPy implementation of ``brainpy.train.ForceTrainer`` (2.3.5):
    ``OnlineTrainer(target, fit_method=RLS(alpha))``.

    Args:
      target: the model, in ``BatchingMode``/``TrainingMode``.
      alpha: the initial scale of the RLS matrix ``P`` (see
        :class:`brainpy_layers.algorithms.RLS`).
      **kwargs: the :class:`~brainpy_layers.train.DSTrainer` arguments.

    Examples:
      >>> import numpy as np
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> from brainpy_layers import train
      >>> readout = bl.Dense(3, 1, b_initializer=None, mode=bm.training_mode)
      >>> trainer = train.ForceTrainer(readout, alpha=100.0, progress_bar=False)
      >>> x = np.random.default_rng(1).normal(size=(1, 50, 3)).astype(np.float32)
      >>> _ = trainer.fit((x, x @ np.array([[1.], [2.], [-1.]], np.float32)))
      >>> np.round(readout.W.value[:, 0], 2)
      Array([ 1.,  2., -1.], dtype=float32)
    """

    def __init__(self, target: bd.DynamicalSystem, alpha: float = 1.0, **kwargs: Any):
        alpha = check_alpha(alpha, type(self).__name__)
        super().__init__(target, fit_method=RLS(alpha=alpha), **kwargs)


bm.set_module("brainpy_layers.train", OnlineTrainer, ForceTrainer)

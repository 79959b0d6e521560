"""Trainers of dynamical systems (BrainPy's ``brainpy.train``).

* :class:`BPTT` and :class:`BPFF` train by gradient descent: back-propagation through a
  whole time-unrolled run (``BPTT``) or through one step of a feedforward model (``BPFF``);
* :class:`OfflineTrainer` / :class:`RidgeTrainer` solve readout weights by regression over
  the states of one run (reservoir computing);
* :class:`OnlineTrainer` / :class:`ForceTrainer` update readout weights at every step
  (FORCE learning with recursive least squares).

All are :class:`DSTrainer` s, :class:`brainpy_dyn.DSRunner` s for models in
``BatchingMode``/``TrainingMode``, with data laid out ``(batch, time, ...)``. The fitting
algorithms are in :mod:`brainpy_layers.algorithms`.

Examples:
  >>> import numpy as np
  >>> import brainpy_math as bm
  >>> import brainpy_layers as bl
  >>> from brainpy_layers import train
  >>> readout = bl.Dense(2, 1, mode=bm.training_mode)
  >>> trainer = train.RidgeTrainer(readout, progress_bar=False)
  >>> x = np.random.default_rng(0).normal(size=(2, 10, 2)).astype(np.float32)
  >>> _ = trainer.fit((x, x.sum(-1, keepdims=True)))
  >>> trainer.predict(x).shape
  (2, 10, 1)
"""

from brainpy_layers._src.train.base import DSTrainer as DSTrainer
from brainpy_layers._src.train.bptt import BPFF as BPFF
from brainpy_layers._src.train.bptt import BPTT as BPTT
from brainpy_layers._src.train.errors import TrainerArgumentError as TrainerArgumentError
from brainpy_layers._src.train.errors import TrainerArgumentTypeError as TrainerArgumentTypeError
from brainpy_layers._src.train.offline import OfflineTrainer as OfflineTrainer
from brainpy_layers._src.train.offline import RidgeTrainer as RidgeTrainer
from brainpy_layers._src.train.online import ForceTrainer as ForceTrainer
from brainpy_layers._src.train.online import OnlineTrainer as OnlineTrainer

__all__ = [
    "BPFF",
    "BPTT",
    "DSTrainer",
    "ForceTrainer",
    "OfflineTrainer",
    "OnlineTrainer",
    "RidgeTrainer",
    "TrainerArgumentError",
    "TrainerArgumentTypeError",
]

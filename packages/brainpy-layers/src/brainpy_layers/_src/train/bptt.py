"""``BPTT`` and ``BPFF``: gradient-descent trainers (back-propagation through time).

One training step on a batch ``(x, y)``:

1. with ``reset_state=True`` the target is reset to the batch size of ``x`` and the clock
   to zero;
2. the loss is a pure function of the trainable Variables: the target runs over all time
   steps of ``x`` (the runner's step, one ``bm.for_loop`` over time; ``BPFF`` runs one step)
   and ``loss_fun(predicts, y)`` is evaluated, ``predicts`` being the stacked outputs (batch
   first, as ``x``), or ``(outputs, monitors)`` when the trainer has monitors;
3. ``bm.grad`` differentiates it with respect to the optimizer's Variables (by default every
   :class:`~brainpy_math.TrainVar` of the target) through the whole unrolled run, and the
   optimizer takes one step. The whole step is one ``bm.jit`` compiled function.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers import losses
from brainpy_layers._src.train.base import (
    DSTrainer,
    check_shared_args,
    hashable_items,
    leaves_of,
    to_jax,
)
from brainpy_layers._src.train.errors import TrainerArgumentError, TrainerArgumentTypeError

__all__ = ["BPTT", "BPFF"]

_PHASES = {"fit": "fit", "train": "fit", "test": "test", "predict": "test"}
_WHICH = ("report", "detailed")


def _default_optimizer() -> bm.optimizers.Optimizer:
    lr = bm.optimizers.ExponentialDecay(lr=0.025, decay_steps=1, decay_rate=0.99975)
    return bm.optimizers.Adam(lr=lr)


def _check_loss_fun(loss_fun: Any, owner: str) -> Callable[..., Any]:
    if isinstance(loss_fun, str):
        if loss_fun not in losses.__all__:
            raise TrainerArgumentError(
                f"{owner}: loss_fun={loss_fun!r} names no function of brainpy_layers.losses; "
                f"expected one of {losses.__all__} or a callable."
            )
        fun: Callable[..., Any] = getattr(losses, loss_fun)
        return fun
    if not callable(loss_fun):
        raise TrainerArgumentTypeError(
            f"{owner}: loss_fun must be a callable loss_fun(predicts, targets) or the name of "
            f"a function in brainpy_layers.losses, got {type(loss_fun).__name__}."
        )
    return loss_fun


def _check_int(value: Any, name: str, owner: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise TrainerArgumentError(f"{owner}: {name} must be an int >= {low}, got {value!r}.")
    return int(value)


class _BPTrainer(DSTrainer):
    """What ``BPTT`` and ``BPFF`` share: the loss, the gradient, the fit loop, the metrics."""

    #: whether data carry a time axis (``BPTT``) or not (``BPFF``)
    _temporal = True

    def __init__(
        self,
        target: bd.DynamicalSystem,
        loss_fun: str | Callable[..., Any],
        optimizer: bm.optimizers.Optimizer | None = None,
        loss_has_aux: bool = False,
        loss_auto_run: bool = True,
        logger: Any = None,
        seed: int | None = None,
        shuffle_data: bool | None = None,
        **kwargs: Any,
    ):
        super().__init__(target, **kwargs)
        owner = type(self).__name__
        if seed is not None or shuffle_data is not None:
            raise TrainerArgumentError(
                f"{owner}: seed and shuffle_data are no longer supported (as in BrainPy "
                f"2.3.1+), got seed={seed!r}, shuffle_data={shuffle_data!r}; shuffle your "
                "batches in the train_data callable instead."
            )
        self.loss_fun = _check_loss_fun(loss_fun, owner)
        if optimizer is None:
            optimizer = _default_optimizer()
        if not isinstance(optimizer, bm.optimizers.Optimizer):
            raise TrainerArgumentTypeError(
                f"{owner}: optimizer must be a brainpy_math.optimizers.Optimizer (e.g. "
                f"bm.optimizers.Adam(1e-3)), got {type(optimizer).__name__}."
            )
        self.optimizer = optimizer
        if not optimizer.vars_to_train:
            optimizer.register_train_vars(dict(self.target.train_vars().unique()))
        if not optimizer.vars_to_train:
            raise TrainerArgumentError(
                f"{owner}: nothing to train: the target has no TrainVar and the optimizer no "
                "registered Variable; build the trainable layers with mode=bm.training_mode."
            )
        self.loss_has_aux = bool(loss_has_aux)
        self.loss_auto_run = bool(loss_auto_run)
        self.logger = logger
        self.train_nodes = tuple(
            n
            for n in self.target.nodes().unique().values()
            if isinstance(getattr(n, "mode", None), bm.TrainingMode)
        )
        self._compiled: dict[Any, Any] = {}
        self._report_metrics: dict[str, dict[str, np.ndarray]] = {"fit": {}, "test": {}}
        self._detailed_metrics: dict[str, dict[str, np.ndarray]] = {"fit": {}, "test": {}}

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(target={self.target!r}, loss={self.loss_fun!r}, "
            f"optimizer={type(self.optimizer).__name__})"
        )

    # ------------------------------------------------------------- the loss
    def _forward(self, xs: Any, ts: Any, idx: Any, iters: Any, shared: dict[str, Any]) -> Any:
        """The target's outputs and monitors over ``xs`` (in the data layout)."""
        outs, mons = self._unroll(self._time_major(xs), ts, idx, iters, shared)
        return self._data_major(outs), self._data_major(mons)

    def _loss_core(self, shared: dict[str, Any]) -> Callable[..., Any]:
        def loss(xs, ys, ts, idx, iters):
            if not self.loss_auto_run:
                return self._checked(self.loss_fun(xs, ys))
            outs, mons = self._forward(xs, ts, idx, iters, shared)
            return self._checked(self.loss_fun((outs, mons) if mons else outs, ys))

        return loss

    def _checked(self, res: Any) -> Any:
        """``loss_fun``'s result, checked to be ``(loss, dict)`` with ``loss_has_aux``."""
        if self.loss_has_aux and not (
            isinstance(res, (tuple, list)) and len(res) == 2 and isinstance(res[1], dict)
        ):
            aux = res[1] if isinstance(res, (tuple, list)) and len(res) == 2 else res
            raise TrainerArgumentTypeError(
                f"{type(self).__name__}: with loss_has_aux=True, loss_fun must return "
                f"(loss, dict of metrics), got auxiliary data of type {type(aux).__name__}."
            )
        return res

    def _cached(self, kind: str, shared: dict[str, Any], make: Callable[[], Any]) -> Any:
        key = (kind, hashable_items(shared))
        fun = self._compiled.get(key)
        if fun is None:
            fun = self._compiled[key] = make()
        return fun

    def _n_steps(self, xs: Any) -> int:
        return self._num_steps_of(xs, "inputs") if self._temporal else 1

    def _host_call(self, core: Callable[..., Any], xs: Any, ys: Any) -> Any:
        n = self._n_steps(xs)
        ts, idx, iters = self._clock(n)
        out = core(to_jax(xs), to_jax(ys), ts, idx, iters)
        self._advance(n)
        return out

    def f_loss(self, shared_args: dict[str, Any] | None = None, jit: bool = True) -> Any:
        """The loss function ``f(inputs, targets)`` of one batch, from the current state.

        Args:
          shared_args: extra shared data (``fit`` defaults to ``False``).
          jit: compile it (with ``bm.jit``).

        Returns:
          A callable returning the loss (``(loss, aux)`` with ``loss_has_aux``); each call
          runs the target over the batch and moves the clock on.
        """
        shared = {"fit": False, **check_shared_args(shared_args, type(self).__name__)}
        core = self._loss_core(shared)
        if jit and self.jit:
            core = self._cached("loss", shared, lambda: bm.jit(core))
        return lambda xs, ys: self._host_call(core, xs, ys)

    def _grad_core(self, shared: dict[str, Any]) -> Any:
        return bm.grad(
            self._loss_core(shared),
            grad_vars=dict(self.optimizer.vars_to_train),
            return_value=True,
            has_aux=self.loss_has_aux,
        )

    def f_grad(self, shared_args: dict[str, Any] | None = None) -> Any:
        """The gradient function ``f(inputs, targets)`` of one batch, from the current state.

        Args:
          shared_args: extra shared data (``fit`` defaults to ``True``).

        Returns:
          A callable returning ``(grads, loss)`` (``(grads, loss, aux)`` with
          ``loss_has_aux``), ``grads`` a dict keyed as the optimizer's Variables. It does
          not update the Variables.
        """
        shared = {"fit": True, **check_shared_args(shared_args, type(self).__name__)}
        core = self._grad_core(shared)
        return lambda xs, ys: self._host_call(core, xs, ys)

    def f_train(self, shared_args: dict[str, Any] | None = None) -> Any:
        """The compiled training step ``f(inputs, targets)``: gradient, then optimizer step.

        Returns:
          A callable returning the loss (``(loss, aux)`` with ``loss_has_aux``) before
          the update.
        """
        shared = {"fit": True, **check_shared_args(shared_args, type(self).__name__)}

        def make():
            grad = self._grad_core(shared)

            def train(*args):
                grads, *rest = grad(*args)
                self.optimizer.update(grads)
                return tuple(rest) if self.loss_has_aux else rest[0]

            return bm.jit(train) if self.jit else train

        core = self._cached("train", shared, make)
        return lambda xs, ys: self._host_call(core, xs, ys)

    # ------------------------------------------------------------------ fit
    def _batches(self, data: Any, what: str) -> Iterable[Any]:
        owner = type(self).__name__
        data = data() if callable(data) else data
        if isinstance(data, (tuple, list)) and len(data) == 2:
            x, y = data
            if leaves_of(x) and all(hasattr(a, "shape") for a in leaves_of((x, y))):
                return [(x, y)]  # one (X, Y) pair of arrays: a single batch
        if not isinstance(data, Iterable):
            raise TrainerArgumentTypeError(
                f"{owner}: {what} must be an (X, Y) pair of arrays, an iterable of (x, y) "
                f"batches, or a callable returning one, got {type(data).__name__}."
            )
        return data

    def _check_batch(self, batch: Any, what: str) -> tuple[Any, Any, int]:
        owner = type(self).__name__
        if not isinstance(batch, (tuple, list)) or len(batch) != 2:
            raise TrainerArgumentError(
                f"{owner}: each batch of {what} must be an (x, y) pair, got "
                f"{type(batch).__name__}"
                + (f" of length {len(batch)}." if hasattr(batch, "__len__") else ".")
            )
        x, y = batch
        axis = 0 if self.data_first_axis == "B" or not self._temporal else 1
        nx = {np.shape(a)[axis] if np.ndim(a) > axis else None for a in leaves_of(x)}
        ny = {np.shape(a)[0] if np.ndim(a) else None for a in leaves_of(y)}
        if len(nx) != 1 or None in nx:
            raise TrainerArgumentError(
                f"{owner}: the inputs of {what} need one batch size on axis {axis}, got "
                f"{sorted(nx, key=str)}."
            )
        if self.data_first_axis == "B" and (len(ny) != 1 or ny != nx):
            raise TrainerArgumentError(
                f"{owner}: inputs and targets of {what} must have the same batch size "
                f"(axis 0), got inputs with {nx.pop()} and targets with "
                f"{sorted(ny, key=str)}."
            )
        if self._temporal:
            self._num_steps_of(x, f"the inputs of {what}")
        return x, y, int(nx.pop())

    def _write(self, line: str) -> None:
        if self.logger is not None:
            self.logger.write(line + "\n")
        elif self.progress_bar:
            print(line, file=sys.stdout)

    def fit(  # type: ignore[override]
        self,
        train_data: Any,
        test_data: Any = None,
        num_epoch: int = 100,
        num_report: int = -1,
        reset_state: bool = True,
        shared_args: dict[str, Any] | None = None,
        fun_after_report: Callable[[int, dict[str, Any], str], Any] | None = None,
        batch_size: int | None = None,
    ) -> None:
        """Train the target by gradient descent on ``train_data``.

        Args:
          train_data: the training set: an ``(X, Y)`` pair of arrays (one batch), an iterable
            of ``(x, y)`` batches, or a callable returning such an iterable (called once per
            epoch, so it can shuffle). ``x`` is ``(batch, time, ...)`` (``BPFF``:
            ``(batch, ...)``), or a pytree of such arrays; ``y`` is what ``loss_fun`` takes,
            batch first.
          test_data: the same form; its loss is evaluated (``fit=False``) after each
            epoch's training.
          num_epoch: the number of passes over ``train_data``.
          num_report: report the mean metrics every this many batches; ``-1`` once an epoch.
          reset_state: reset the target to each batch's size (and the clock) before it.
          shared_args: extra shared data (``fit`` is ``True`` in training, ``False`` in
            testing unless given).
          fun_after_report: called as ``f(index, metrics, phase)`` after each report, with
            ``phase`` ``'fit'`` or ``'test'`` and ``index`` the epoch (or batch count).
          batch_size: not supported (BrainPy 2.3.1+): give batches in ``train_data``.

        Raises:
          TrainerArgumentError: a bad count, batches whose inputs and targets disagree on
            the batch size, or a ``batch_size``.
          TrainerArgumentTypeError: data or ``fun_after_report`` of the wrong type, or a
            non-dict auxiliary loss output.
        """
        owner = type(self).__name__
        if batch_size is not None:
            raise TrainerArgumentError(
                f"{owner}.fit: batch_size is no longer supported, got {batch_size!r}; make "
                "train_data yield batches of (x, y)."
            )
        num_epoch = _check_int(num_epoch, "num_epoch", owner, 1)
        if num_report != -1:
            num_report = _check_int(num_report, "num_report", owner, 1)
        if fun_after_report is not None and not callable(fun_after_report):
            raise TrainerArgumentTypeError(
                f"{owner}.fit: fun_after_report must be callable f(idx, metrics, phase) or "
                f"None, got {type(fun_after_report).__name__}."
            )
        shared = check_shared_args(shared_args, owner)
        phases = [("fit", train_data, self.f_train({"fit": True, **shared}))]
        if test_data is not None:
            phases.append(("test", test_data, self.f_loss({"fit": False, **shared})))
        report: dict[str, dict[str, list[Any]]] = {"fit": {}, "test": {}}
        detailed: dict[str, dict[str, list[Any]]] = {"fit": {}, "test": {}}
        counts = {"fit": 0, "test": 0}
        for epoch in range(num_epoch):
            for phase, data, step in phases:
                what = "train_data" if phase == "fit" else "test_data"
                window: dict[str, list[Any]] = {}
                start = time.perf_counter()
                for batch in self._batches(data, what):
                    x, y, n = self._check_batch(batch, what)
                    if reset_state:
                        self.target.reset_state(n)
                        self.reset_state()
                    res = step(x, y)
                    metrics = self._metrics_of(res)
                    for k, v in metrics.items():
                        window.setdefault(k, []).append(v)
                        detailed[phase].setdefault(k, []).append(v)
                    counts[phase] += 1
                    if num_report > 0 and counts[phase] % num_report == 0:
                        self._report(
                            phase, counts[phase], window, report, start, fun_after_report, "steps"
                        )
                        window, start = {}, time.perf_counter()
                if num_report == -1:
                    self._report(phase, epoch, window, report, start, fun_after_report, "epoch")
                if phase == "fit":
                    self.optimizer.lr.step_epoch()
        self._report_metrics = {
            p: {k: np.asarray(v) for k, v in m.items()} for p, m in report.items()
        }
        self._detailed_metrics = {
            p: {k: np.asarray(jnp.stack([jnp.asarray(a) for a in v])) for k, v in m.items()}
            for p, m in detailed.items()
        }

    def _metrics_of(self, res: Any) -> dict[str, Any]:
        if not self.loss_has_aux:
            return {"loss": res}
        loss, aux = res
        return {"loss": loss, **aux}

    def _report(
        self,
        phase: str,
        index: int,
        window: dict[str, list[Any]],
        report: dict[str, dict[str, list[Any]]],
        start: float,
        fun_after_report: Any,
        unit: str,
    ) -> None:
        if not window:
            return
        means = {
            k: float(np.mean(np.asarray(jnp.stack([jnp.asarray(a) for a in v]))))
            for k, v in window.items()
        }
        for k, v in means.items():
            report[phase].setdefault(k, []).append(v)
        name = "Train" if phase == "fit" else "Test"
        items = ", ".join(f"{k} {v:.6g}" for k, v in means.items())
        self._write(f"{name} {index} {unit}, use {time.perf_counter() - start:.4f} s, {items}")
        if fun_after_report is not None:
            fun_after_report(index, means, phase)

    # -------------------------------------------------------------- metrics
    def get_hist_metric(
        self, phase: str = "fit", metric: str = "loss", which: str = "report"
    ) -> np.ndarray:
        """The history of a metric recorded by the last :meth:`fit`.

        Args:
          phase: ``'fit'`` (or ``'train'``) or ``'test'`` (or ``'predict'``).
          metric: ``'loss'`` or a key of the auxiliary dict of ``loss_fun``.
          which: ``'report'`` (one mean per report) or ``'detailed'`` (one value per batch).

        Returns:
          A NumPy array of the values, in order.

        Raises:
          TrainerArgumentError: an unknown ``phase``, ``which`` or ``metric``.
        """
        owner = type(self).__name__
        if phase not in _PHASES:
            raise TrainerArgumentError(
                f"{owner}.get_hist_metric: phase must be one of {list(_PHASES)}, got {phase!r}."
            )
        if which not in _WHICH:
            raise TrainerArgumentError(
                f"{owner}.get_hist_metric: which must be one of {list(_WHICH)}, got {which!r}."
            )
        table = (self._report_metrics if which == "report" else self._detailed_metrics)[
            _PHASES[phase]
        ]
        if metric not in table:
            raise TrainerArgumentError(
                f"{owner}.get_hist_metric: metric must be one of the recorded metrics "
                f"{sorted(table)} for phase {phase!r}, got {metric!r}."
            )
        return table[metric]

    @property
    def train_losses(self) -> np.ndarray:
        """The reported training losses of the last :meth:`fit`."""
        return self.get_hist_metric("fit")

    @property
    def test_losses(self) -> np.ndarray:
        """The reported test losses of the last :meth:`fit`."""
        return self.get_hist_metric("test")


class BPTT(_BPTrainer):
    """Train a dynamical system by back-propagation through time.

    BrainPy implementation of ``brainpy.train.BPTT`` (2.3.5). Each batch runs the target
    over all its time steps inside ``bm.grad``; the optimizer then steps once. The loss is
    ``loss_fun(predicts, targets)`` with ``predicts`` the outputs stacked as
    ``(batch, time, ...)`` (or ``(outputs, monitors)`` when the trainer has ``monitors``,
    monitors batch first too), so a sequence-to-one task takes ``predicts[:, -1]``.

    Args:
      target: the model, in ``BatchingMode``/``TrainingMode``; its
        :class:`~brainpy_math.TrainVar` s are trained.
      loss_fun: ``loss_fun(predicts, targets) -> scalar``, or a name from
        :mod:`brainpy_layers.losses` (``'mean_squared_error'`` …).
      optimizer: a :class:`brainpy_math.optimizers.Optimizer`; with no registered Variables
        it gets the target's ``train_vars()``. Default: ``Adam`` with
        ``ExponentialDecay(0.025, 1, 0.99975)`` as in 2.3.5.
      loss_has_aux: ``loss_fun`` returns ``(loss, {name: value})``; the values are
        recorded as metrics.
      loss_auto_run: run the target before the loss; with ``False``, ``loss_fun(inputs,
        targets)`` gets the raw data and runs the target itself.
      logger: a file-like object for the report lines (default: stdout when
        ``progress_bar`` is on, else nothing).
      seed: no longer supported (2.3.1+); must be ``None``.
      shuffle_data: no longer supported (2.3.1+); must be ``None``.
      **kwargs: the :class:`~brainpy_layers.train.DSTrainer` arguments.

    Raises:
      TrainerArgumentTypeError: a ``loss_fun`` that is neither callable nor a loss name, or
        an ``optimizer`` that is not an Optimizer.
      TrainerArgumentError: nothing to train, or ``seed``/``shuffle_data`` given.

    Examples:
      >>> import numpy as np
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> from brainpy_layers import train
      >>> bm.random.seed(0)
      >>> cell = bl.GRUCell(2, 1, mode=bm.training_mode)
      >>> trainer = train.BPTT(cell, 'mean_squared_error', bm.optimizers.Adam(0.05),
      ...                      progress_bar=False)
      >>> x = np.ones((4, 10, 2), np.float32)           # (batch, time, features)
      >>> y = np.full((4, 10, 1), 0.5, np.float32)      # a target at every step
      >>> trainer.fit((x, y), num_epoch=20)
      >>> losses = trainer.get_hist_metric('fit', 'loss')
      >>> losses.shape, bool(losses[-1] < losses[0])
      ((20,), True)
      >>> trainer.predict(x, reset_state=True).shape
      (4, 10, 1)
    """


class BPFF(_BPTrainer):
    """Train a feedforward model (one step, no time axis) by back-propagation.

    BrainPy implementation of ``brainpy.train.BPFF`` (2.3.5): like :class:`BPTT`, but each
    batch ``x`` of shape ``(batch, ...)`` goes through the target once and
    ``loss_fun(target(x), y)`` is minimised. The arguments are those of :class:`BPTT`.

    Examples:
      >>> import numpy as np
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> from brainpy_layers import train
      >>> bm.random.seed(0)
      >>> trainer = train.BPFF(bl.Dense(3, 1, mode=bm.training_mode), 'mean_squared_error',
      ...                      bm.optimizers.SGD(0.1), progress_bar=False)
      >>> x = np.eye(3, dtype=np.float32)
      >>> y = np.array([[1.], [2.], [3.]], np.float32)
      >>> trainer.fit((x, y), num_epoch=200)
      >>> np.round(trainer.predict(x)[:, 0], 2)
      Array([1., 2., 3.], dtype=float32)
    """

    _temporal = False

    def _forward(self, xs: Any, ts: Any, idx: Any, iters: Any, shared: dict[str, Any]) -> Any:
        t, i, it = jax.tree_util.tree_map(lambda a: a[0], (ts, idx, iters))
        return self.step_function(t, i, xs, it, shared_args=shared)

    def predict(  # type: ignore[override]
        self,
        inputs: Any,
        reset_state: bool = True,
        shared_args: dict[str, Any] | None = None,
        eval_time: bool = False,
    ) -> Any:
        """Run the target once on a batch ``inputs`` of shape ``(batch, ...)``.

        Args:
          inputs: the batch (an array or a pytree of arrays).
          reset_state: reset the target to the batch size first.
          shared_args: extra shared data (``fit`` defaults to ``False``).
          eval_time: also return the wall-clock seconds.

        Returns:
          The target's output (and the seconds with ``eval_time``); the monitors land in
          ``mon`` (without a time axis).
        """
        shared = {"fit": False, **check_shared_args(shared_args, type(self).__name__)}
        if reset_state:
            n = {np.shape(a)[0] for a in leaves_of(inputs) if np.ndim(a)}
            self.target.reset_state(n.pop() if len(n) == 1 else None)
            self.reset_state()

        def make():
            def run(xs, ts, idx, iters):
                return self._forward(xs, ts, idx, iters, shared)

            return bm.jit(run) if self.jit else run

        core = self._cached("predict", shared, make)
        start = time.perf_counter()
        ts, idx, iters = self._clock(1)
        out, mons = core(to_jax(inputs), ts, idx, iters)
        jax.block_until_ready(out)
        elapsed = time.perf_counter() - start
        self._advance(1)
        mon = bd.DotDict(
            {k: np.asarray(v) if self.numpy_mon_after_run else v for k, v in mons.items()}
        )
        mon["ts"] = np.asarray([self.t0], dtype=bm.get_float())
        self.mon = mon
        return (elapsed, out) if eval_time else out


bm.set_module("brainpy_layers.train", BPTT, BPFF)

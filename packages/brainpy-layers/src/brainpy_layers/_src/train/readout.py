"""What the offline and online trainers share: finding the readouts, checking the targets.

A *readout* is a node of the target in ``TrainingMode`` that implements the fitting protocol
(BrainPy 2.3.5's): ``offline_init()``/``offline_fit(target, fit_record)`` or
``online_init()``/``online_fit(target, fit_record)``, with ``fit_record`` the node's
``{'input': x, 'output': y}`` of a step, recorded while the shared ``fit`` is true.
:class:`brainpy_layers.Dense` is one.
"""

from __future__ import annotations

from typing import Any

import jax
import numpy as np

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn import DotDict
from brainpy_dyn.tools import swap_time_and_batch
from brainpy_layers._src.train.base import DSTrainer, hashable_items, leaves_of, to_jax
from brainpy_layers._src.train.errors import TrainerArgumentError

__all__ = ["ReadoutTrainer", "readout_nodes", "split_train_data", "format_targets"]


def readout_nodes(target: Any, method: str, owner: str) -> tuple[Any, ...]:
    """The nodes of ``target`` in ``TrainingMode`` that have a callable ``method``.

    Raises:
      TrainerArgumentError: there is none.
    """
    nodes = tuple(
        n
        for n in target.nodes().unique().values()
        if isinstance(getattr(n, "mode", None), bm.TrainingMode)
        and callable(getattr(n, method, None))
    )
    if not nodes:
        raise TrainerArgumentError(
            f"{owner}: the target has no trainable readout: expected a node in TrainingMode "
            f"with a {method}() method (such as brainpy_layers.Dense(..., "
            "mode=bm.training_mode)), found none."
        )
    return nodes


def split_train_data(train_data: Any, owner: str) -> tuple[Any, Any]:
    """``(X, Y)`` from ``train_data``, or raise naming it."""
    if not isinstance(train_data, (tuple, list)) or len(train_data) != 2:
        got = type(train_data).__name__
        if isinstance(train_data, (tuple, list)):
            got += f" of length {len(train_data)}"
        raise TrainerArgumentError(
            f"{owner}.fit: train_data must be an (X, Y) pair of arrays, got {got}."
        )
    return train_data[0], train_data[1]


def format_targets(
    trainer: DSTrainer, xs: Any, ys: Any, need_time: bool
) -> tuple[dict[str, Any], int, int, bool]:
    """The targets per readout, time first, checked against the inputs ``xs``.

    Args:
      trainer: the trainer (its ``train_nodes`` and ``data_first_axis``).
      xs: the inputs, ``(batch, time, ...)`` (or ``(time, batch, ...)``).
      ys: one array when there is one readout, else a dict ``{node.name: array}``; each
        ``(batch, time, num_out)`` (same layout as ``xs``), or ``(batch, num_out)`` for a
        fit on the last step only (``need_time=False``).
      need_time: whether the targets must have a time axis.

    Returns:
      ``(targets, batch_size, num_steps, last_only)`` with ``targets`` time first, or
      ``(batch, num_out)`` when ``last_only``.

    Raises:
      TrainerArgumentError: missing or unknown readout names, or shapes that disagree
        with the inputs or the readouts.
    """
    owner = type(trainer).__name__
    names = [n.name for n in trainer.train_nodes]
    if not isinstance(ys, dict):
        if len(names) != 1:
            raise TrainerArgumentError(
                f"{owner}.fit: with {len(names)} readouts the targets Y must be a dict "
                f"{{name: array}} with keys {names}, got {type(ys).__name__}."
            )
        ys = {names[0]: ys}
    if sorted(ys) != sorted(names):
        raise TrainerArgumentError(
            f"{owner}.fit: the targets Y must have one entry per readout {names}, got keys "
            f"{sorted(ys)}."
        )
    if not leaves_of(xs):
        raise TrainerArgumentError(f"{owner}.fit: the inputs X hold no array.")
    batch = trainer._batch_size_of(xs, "the inputs X")
    steps = trainer._num_steps_of(xs, "the inputs X")
    b_axis, t_axis = (0, 1) if trainer.data_first_axis == "B" else (1, 0)
    out: dict[str, Any] = {}
    last_only = False
    for node in trainer.train_nodes:
        y = to_jax(ys[node.name])
        shape = tuple(np.shape(y))
        num_out = getattr(node, "num_out", shape[-1] if shape else None)
        if len(shape) == 2 and not need_time and shape == (batch, num_out):
            out[node.name] = y
            last_only = True
            continue
        want = [0, 0, num_out]
        want[b_axis], want[t_axis] = batch, steps
        if shape != tuple(want):
            layouts = "(batch, time, num_out)" if b_axis == 0 else "(time, batch, num_out)"
            extra = "" if need_time else " or (batch, num_out) for the last step"
            raise TrainerArgumentError(
                f"{owner}.fit: the targets of readout {node.name!r} must have shape "
                f"{tuple(want)} {layouts}{extra}, matching the inputs X (batch {batch}, "
                f"{steps} steps), got shape {shape}."
            )
        out[node.name] = swap_time_and_batch(y) if b_axis == 0 else y
    return out, batch, steps, last_only


class ReadoutTrainer(DSTrainer):
    """The base of the offline and online trainers: readouts, fitting method, recorded run."""

    _protocol = ""

    def __init__(self, target: bd.DynamicalSystem, fit_method: Any = None, **kwargs: Any):
        super().__init__(target, **kwargs)
        owner = type(self).__name__
        self.train_nodes = readout_nodes(self.target, f"{self._protocol}_fit", owner)
        self.fit_method = self._make_method(fit_method, owner)
        for node in self.train_nodes:
            setattr(node, f"{self._protocol}_fit_by", self.fit_method)
            getattr(node, f"{self._protocol}_init")()
        self._compiled: dict[Any, Any] = {}

    def _make_method(self, fit_method: Any, owner: str) -> Any:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(target={self.target!r}, fit_method={self.fit_method!r})"

    def _record_fn(self, shared: dict[str, Any], with_ys: bool) -> Any:
        """A compiled run ``(xs, ts, idx, iters, ys) -> (outs, mons, probes)``.

        ``xs`` comes in the layout of the data and the outputs go back in it: the transposes
        run inside the one compiled function (each eager transpose would compile on its own).
        """
        key = (hashable_items(shared), with_ys)
        fun = self._compiled.get(key)
        if fun is None:

            def run(xs, ts, idx, iters, ys):
                outs, mons, probes = self._unroll(
                    self._time_major(xs), ts, idx, iters, shared, ys=ys, probe=self._probe
                )
                return self._data_major(outs), mons, probes

            fun = self._compiled[key] = bm.jit(run) if self.jit else run
        return fun

    def _probe(self, y: Any) -> Any:
        raise NotImplementedError

    def _run_fit(self, xs: Any, ys: Any, shared: dict[str, Any], n: int) -> tuple[Any, Any]:
        ts, idx, iters = self._clock(n)
        outs, mons, probes = self._record_fn(shared, ys is not None)(to_jax(xs), ts, idx, iters, ys)
        jax.block_until_ready((outs, mons, probes))
        t0 = self.t0
        self._advance(n)
        mon = DotDict(
            {k: np.asarray(v) if self.numpy_mon_after_run else v for k, v in mons.items()}
        )
        mon["ts"] = np.asarray(t0 + self.dt * np.arange(1, n + 1), dtype=bm.get_float())
        self.mon = self._monitors_in_data_layout(mon)
        return outs, probes

"""``DSTrainer``: the base of every trainer, a :class:`brainpy_dyn.DSRunner` for batched models.

A trainer runs its target exactly as the runner does (the same compiled step: shared data,
``clear_input``, the runner's inputs, ``target(x)``, the monitors). On top of it, this module
gives the trainers:

* ``predict(inputs, reset_state=False, ...)``: the runner's ``run`` with ``fit=False`` in the
  shared data, resetting the target to the batch size of ``inputs`` when asked;
* ``_unroll(...)``: the same steps as a plain traceable function (the loop of
  :func:`brainpy_dyn.make_loop` over the runner's :class:`brainpy_dyn.StepFunction`), so
  ``bm.grad`` can differentiate a whole run and ``bm.jit`` can compile a training step
  around it;
* the checks of the data that every trainer takes: inputs of shape ``(batch, time, ...)``
  (``data_first_axis='B'``, the default for batched models) or ``(time, batch, ...)``.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_layers._src.train.errors import TrainerArgumentError, TrainerArgumentTypeError

__all__ = ["DSTrainer", "leaves_of", "to_jax", "hashable_items"]


def _is_array(a: Any) -> bool:
    return isinstance(a, bm.Array)


def to_jax(tree: Any) -> Any:
    """``tree`` with every leaf (brainpy Array, NumPy array, list …) a JAX array."""
    return jax.tree_util.tree_map(lambda a: jnp.asarray(bm.as_jax(a)), tree, is_leaf=_is_array)


def leaves_of(tree: Any) -> list[Any]:
    """The array leaves of ``tree`` (brainpy Arrays count as leaves)."""
    return jax.tree_util.tree_leaves(tree, is_leaf=_is_array)


def hashable_items(shared: dict[str, Any]) -> tuple[Any, ...]:
    """A hashable key for a dict of shared arguments (unhashable values by identity)."""
    out = []
    for k, v in sorted(shared.items()):
        try:
            hash(v)
        except TypeError:
            v = ("id", id(v))
        out.append((k, v))
    return tuple(out)


def check_shared_args(shared_args: Any, owner: str) -> dict[str, Any]:
    """``shared_args`` as a new dict, or raise naming it."""
    if shared_args is None:
        return {}
    if not isinstance(shared_args, dict):
        raise TrainerArgumentTypeError(
            f"{owner}: shared_args must be a dict or None, got {type(shared_args).__name__}."
        )
    return dict(shared_args)


class DSTrainer(bd.DSRunner):
    """The base class of the trainers: a :class:`brainpy_dyn.DSRunner` for batched models.

    BrainPy implementation of ``brainpy.train.DSTrainer`` (2.3.5). Subclasses implement
    :meth:`fit`; :meth:`predict` runs the target over a batch of input sequences.

    Args:
      target: the model to train, a :class:`brainpy_dyn.DynamicalSystem` in
        ``BatchingMode`` or ``TrainingMode`` (as 2.3.5 requires since 2.3.1); its trainable
        parts are built with ``mode=bm.training_mode``.
      **kwargs: the :class:`brainpy_dyn.DSRunner` arguments (``monitors``, ``inputs``,
        ``dt``, ``jit``, ``progress_bar``, ``data_first_axis`` …). ``monitor_every`` must
        stay 1.

    Attributes:
      train_nodes: the nodes this trainer fits (set by the subclasses; empty here).

    Raises:
      RunnerTypeError: ``target`` is not a DynamicalSystem.
      TrainerArgumentError: the target has no batch axis, or ``monitor_every`` is not 1.

    Examples:
      >>> import jax.numpy as jnp
      >>> import brainpy_math as bm
      >>> import brainpy_layers as bl
      >>> from brainpy_layers import train
      >>> trainer = train.DSTrainer(bl.Dense(3, 2, mode=bm.batching_mode), progress_bar=False)
      >>> trainer.predict(jnp.ones((4, 5, 3))).shape      # (batch, time, features)
      (4, 5, 2)
    """

    train_nodes: tuple[Any, ...]

    def __init__(self, target: bd.DynamicalSystem, **kwargs: Any):
        super().__init__(target, **kwargs)
        owner = type(self).__name__
        if not isinstance(self.target.mode, bm.BatchingMode):
            raise TrainerArgumentError(
                f"{owner}: target must be in BatchingMode or TrainingMode (inputs carry a "
                f"batch axis), got a target in {self.target.mode!r}. Build it with "
                "mode=bm.training_mode (trainable parts) or bm.batching_mode."
            )
        if self.monitor_every != 1:
            raise TrainerArgumentError(
                f"{owner}: monitor_every must be 1 for a trainer, got {self.monitor_every}."
            )
        self.train_nodes = ()

    # ----------------------------------------------------------------- public
    def predict(
        self,
        inputs: Any,
        reset_state: bool = False,
        shared_args: dict[str, Any] | None = None,
        eval_time: bool = False,
    ) -> Any:
        """Run the target over ``inputs``, one step per time step, with ``fit=False``.

        Args:
          inputs: an array (or a pytree of arrays) of shape ``(batch, time, ...)``
            (``(time, batch, ...)`` with ``data_first_axis='T'``).
          reset_state: reset the target (to the batch size of ``inputs``) and the clock first.
          shared_args: extra shared data for each step (``fit`` defaults to ``False``).
          eval_time: also return the wall-clock seconds.

        Returns:
          The stacked outputs, in the layout of ``inputs``; the monitors land in ``mon``
          (time first, as :class:`brainpy_dyn.DSRunner` keeps them).
        """
        shared = {"fit": False, **check_shared_args(shared_args, type(self).__name__)}
        if reset_state:
            self.target.reset_state(self._batch_size_of(inputs, "inputs"))
            self.reset_state()
        return self.run(inputs=inputs, shared_args=shared, eval_time=eval_time)

    def fit(self, train_data: Any, reset_state: bool = False, shared_args: Any = None) -> Any:
        """Fit the target to ``train_data``; each trainer implements it.

        Raises:
          NotImplementedError: always, in this base class.
        """
        raise NotImplementedError(f"{type(self).__name__} must implement fit().")

    # ---------------------------------------------------------------- helpers
    def _batch_size_of(self, xs: Any, what: str) -> int:
        """The batch size of the data ``xs`` (axis 0, or 1 with ``data_first_axis='T'``).

        Raises:
          TrainerArgumentError: no array in ``xs``, or leaves disagree on the batch size.
        """
        axis = 0 if self.data_first_axis == "B" else 1
        sizes = {np.shape(a)[axis] if np.ndim(a) > axis else None for a in leaves_of(xs)}
        if len(sizes) != 1 or None in sizes:
            raise TrainerArgumentError(
                f"{type(self).__name__}: every array of {what} needs the batch axis {axis} "
                f"(data_first_axis={self.data_first_axis!r}) of one size, got sizes "
                f"{sorted(sizes, key=str)}."
            )
        return int(sizes.pop())

    def _num_steps_of(self, xs: Any, what: str) -> int:
        """The number of time steps of the data ``xs`` (the axis after or before the batch).

        Raises:
          TrainerArgumentError: leaves without a time axis, or of different lengths.
        """
        axis = 1 if self.data_first_axis == "B" else 0
        sizes = {np.shape(a)[axis] if np.ndim(a) > axis else None for a in leaves_of(xs)}
        if len(sizes) != 1 or None in sizes:
            raise TrainerArgumentError(
                f"{type(self).__name__}: every array of {what} needs a time axis {axis} "
                f"(data_first_axis={self.data_first_axis!r}) of one length, got lengths "
                f"{sorted(sizes, key=str)}."
            )
        return int(sizes.pop())

    def _time_major(self, tree: Any) -> Any:
        """``tree`` as JAX arrays with the time axis first (moved from axis 1 if needed)."""
        tree = to_jax(tree)
        if self.data_first_axis == "B":
            tree = jax.tree_util.tree_map(lambda a: jnp.moveaxis(a, 1, 0), tree)
        return tree

    def _data_major(self, tree: Any) -> Any:
        """Stacked per-step results (time first) back in the layout of the data."""
        if self.data_first_axis == "T":
            return tree
        return jax.tree_util.tree_map(
            lambda a: jnp.moveaxis(bm.as_jax(a), 0, 1) if np.ndim(a) > 1 else a,
            tree,
            is_leaf=_is_array,
        )

    def _unroll(
        self,
        xs: Any,
        ts: Any,
        idx: Any,
        iters: Any,
        shared: dict[str, Any],
        ys: Any = None,
        probe: Any = None,
    ) -> Any:
        """Run the steps over time-major ``xs`` as one ``bm.for_loop``; traceable.

        Args:
          xs: the inputs, time axis first.
          ts: the step start times (from :meth:`_clock`).
          idx: the step indices.
          iters: the values of the runner's ``'iter'`` inputs.
          shared: the shared data of each step.
          ys: per-step data for ``probe`` (time first, sliced with ``xs``).
          probe: ``probe(y)`` is called after each step with that step's slice of ``ys``;
            its results are stacked.

        Returns:
          ``(outputs, monitors)``, or ``(outputs, monitors, probes)`` with ``probe``; all
          time first.
        """
        loop = bd.make_loop(self.step_function, shared_args=shared, probe=probe, jit=self.jit)
        return loop(ts, idx, xs, iters, ys)


bm.set_module("brainpy_layers.train", DSTrainer)

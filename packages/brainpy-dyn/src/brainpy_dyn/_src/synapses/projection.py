"""Presynaptic drive: spikes through a connector's weights to the postsynaptic side.

:class:`Projection` picks the computation once, at construction, from the connector
and ``comp_method``:

* ``One2One``: ``post = syn · g_max``;
* ``All2All``: ``post = g_max · (Σ syn − syn_self)`` for a scalar weight, ``syn @ W`` else;
* ``'sparse'``: event-driven propagation through the connector's CSR table (cost grows
  with spikes × fan-out; see :mod:`brainpy_math.event`). In training mode, where
  gradients must flow to the weights, every connection is visited instead;
* ``'dense'``: ``syn @ (W · mask)``.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax.sharding import Mesh, PartitionSpec

import brainpy_math as bm
from brainpy_dyn._src.object import BrainPyObject
from brainpy_dyn._src.params import check_finite
from brainpy_dyn._src.synapses._deps import parameter
from brainpy_dyn._src.synapses.sharded_table import (
    DeviceTable,
    agreed_max,
    by_part,
    gather,
    local_part_ids,
    local_table_parts,
    local_weights,
    place,
)
from brainpy_math.event import EllTable, csr_to_ell, ell_event_matvec, split_ell_by_target

__all__ = ["Projection"]


def _connector_kind(conn: Any, comp_method: str) -> str:
    from brainpy_dyn import conn as conn_mod

    if isinstance(conn, conn_mod.One2One):
        return "one2one"
    if isinstance(conn, conn_mod.All2All):
        return "all2all"
    return comp_method


class Projection(BrainPyObject):
    """Weights and the propagation rule of one synaptic projection.

    A :class:`~brainpy_math.BrainPyObject`, so its weights (a ``TrainVar`` in training
    mode) are among the owner's ``vars()`` and ``train_vars()``.

    Args:
      conn: a two-end connector with sizes set.
      g_max: scalar weight, an array of the layout's shape, or an initializer.
      comp_method: ``'sparse'`` or ``'dense'``.
      mode: the owner's computing mode (training makes the weights trainable).
      owner: the name used in error messages.
      arg: the name of the weight argument the user passed, as errors name it.
    """

    def __init__(
        self,
        conn: Any,
        g_max: Any,
        comp_method: str,
        mode: bm.Mode,
        owner: str,
        arg: str = "g_max",
    ):
        super().__init__()
        if comp_method not in ("sparse", "dense"):
            raise ValueError(
                f"{owner}: comp_method must be 'sparse' or 'dense', got {comp_method!r}."
            )
        pre_num, post_num = getattr(conn, "pre_num", None), getattr(conn, "post_num", None)
        if pre_num is None or post_num is None:
            raise ValueError(
                f"{owner}: the connector {conn!r} has no sizes; create it with pre= and post= "
                "(e.g. bp.conn.FixedProb(0.02, pre=100, post=100))."
            )
        self.pre_num, self.post_num = int(pre_num), int(post_num)
        self.kind = _connector_kind(conn, comp_method)
        self.training = mode.is_child_of(bm.TrainingMode)
        self.owner = owner
        self.conn = conn
        if self.kind == "one2one":
            if self.pre_num != self.post_num:
                raise ValueError(
                    f"{owner}: One2One needs pre_num == post_num, got {self.pre_num} and {self.post_num}."
                )
            weight = parameter(g_max, (self.pre_num,), allow_none=False, name=arg)
        elif self.kind == "all2all":
            self.include_self = bool(getattr(conn, "include_self", True))
            weight = parameter(g_max, (self.pre_num, self.post_num), allow_none=False, name=arg)
        elif self.kind == "dense":
            self.mask = jnp.asarray(conn.require("conn_mat"), dtype=bool)
            weight = parameter(g_max, (self.pre_num, self.post_num), allow_none=False, name=arg)
        elif (deferred := self._deferred_shape(g_max)) is not None:
            indices = indptr = None  # built by shard_neurons, each process its own parts
            weight = parameter(g_max, deferred, allow_none=False, name=arg)
        else:
            indices, indptr = (np.asarray(a) for a in conn.require("pre2post"))
            weight = parameter(g_max, (indices.size,), allow_none=False, name=arg)
        check_finite(weight, owner, arg)
        self.rows = self.ell_weights = self.table_indices = None
        self.shards: tuple[Mesh, str] | None = None
        self.device_table: DeviceTable | None = None
        if self.training:
            weight = bm.TrainVar(jnp.asarray(bm.as_jax(weight), dtype=bm.get_float()))
        elif not isinstance(weight, (int, float)):
            weight = bm.as_jax(weight)
        self.weight = weight
        if self.kind == "sparse" and indices is not None:
            self._build_sparse(indices, indptr)

    def _deferred_shape(self, g_max: Any) -> tuple[int, ...] | None:
        """The weights' shape if the table waits for :meth:`shard_by_target`, else ``None``.

        In a run of several processes each process then builds only the parts of the table
        its devices hold; nothing is built until it is needed. With one scalar weight the
        shape is ``()``. Per-synapse weights wait too when the connector knows its number
        of connections without building (``FixedProb`` with ``include_self=True``,
        ``FixedPostNum``): the weight vector is made now, whole, as one process makes it
        (the same random draws in the same order), and each process keeps only its parts'
        values once split.
        """
        if self.training or jax.process_count() == 1:
            return None
        if isinstance(g_max, (int, float, np.number)) and not isinstance(g_max, bool):
            return ()
        known = getattr(self.conn, "_known_count", None)
        count = known() if known is not None else None
        return None if count is None else (int(count),)

    def _build_sparse(self, indices: np.ndarray, indptr: np.ndarray) -> None:
        """Device-side tables only: the host CSR arrays are not kept (memory at scale)."""
        if self.training:  # differentiable: one entry per connection
            lengths = np.diff(indptr)
            self.rows = bm.as_jax(np.repeat(np.arange(self.pre_num, dtype=np.int32), lengths))
            self.cols = bm.as_jax(np.asarray(indices, np.int32))
            return
        per_synapse = np.ndim(self.weight) > 0
        weights = np.asarray(bm.as_jax(self.weight)) if per_synapse else None
        table = csr_to_ell(indices, indptr, self.post_num, weights)
        self.table_indices = bm.as_jax(table.indices)
        if per_synapse:
            self.ell_weights = bm.as_jax(table.weights)

    def __call__(self, syn: Any, weighted: bool) -> jax.Array:
        """Postsynaptic drive of the presynaptic activity ``syn`` (``(..., pre_num)``)."""
        syn = bm.as_jax(syn)
        if syn.shape[-1] != self.pre_num:
            raise ValueError(
                f"{self.owner}: expected presynaptic activity with last axis {self.pre_num}, "
                f"got shape {syn.shape}."
            )
        if syn.ndim > 1:
            return jax.vmap(lambda s: self(s, weighted))(syn)
        w = bm.as_jax(self.weight)
        if self.kind == "one2one":
            return syn * w
        if self.kind == "all2all":
            if jnp.ndim(w) == 0:
                total = jnp.sum(syn, dtype=jnp.result_type(float))
                return w * (total - (0 if self.include_self else syn))
            return syn.astype(w.dtype) @ w
        if self.kind == "dense":
            if jnp.ndim(w) == 0:
                return (w * syn.astype(jnp.result_type(float))) @ self.mask.astype(
                    jnp.result_type(float)
                )
            return syn.astype(w.dtype) @ (w * self.mask)
        if self.rows is not None:  # training: differentiable, visits every connection
            contrib = syn.astype(jnp.result_type(float))[self.rows] * w
            return jax.ops.segment_sum(contrib, self.cols, num_segments=self.post_num)
        if self.device_table is not None:
            return self._sharded_matvec(syn, w, weighted)
        if self.table_indices is None:  # deferred, and used unsharded: build it whole
            self._build_sparse(*(np.asarray(a) for a in self.conn.require("pre2post")))
        weights = w if self.ell_weights is None else self.ell_weights
        return ell_event_matvec(
            syn, self.table_indices, weights, self.post_num, weighted_events=weighted
        )

    # ------------------------------------------------------------ sharding
    def can_shard_by_target(self, n_parts: int) -> bool:
        """Whether :meth:`shard_by_target` applies: event-driven, and ``n_parts | post_num``."""
        sparse = self.kind == "sparse" and self.rows is None
        return sparse and self.post_num % n_parts == 0

    def shard_by_target(self, mesh: Mesh, axis: str) -> None:
        """Split the table over the devices of ``mesh`` along ``axis``, by blocks of targets.

        Each device then propagates every spike to the targets it holds, so the drive comes
        out sharded like the postsynaptic neurons, with the same sums as on one device. In a
        run of several processes each process builds only its devices' parts (see
        :mod:`~brainpy_dyn._src.synapses.sharded_table`).
        """
        if self.shards == (mesh, axis):
            return
        n_parts = mesh.shape[axis]
        sharding = by_part(mesh, axis)
        weights = None
        # Never built whole: draw this process's parts (again, for a scalar weight, when
        # split anew; per-synapse weights placed before are joined back instead).
        pending = self.table_indices is None and (
            self.device_table is None or self.device_table.weights is None
        )
        if pending:
            parts = local_table_parts(
                self.conn, self.pre_num, self.post_num, n_parts, local_part_ids(sharding, n_parts)
            )
            width = agreed_max(max((a.shape[1] for a in parts.values()), default=1))
            if np.ndim(self.weight) > 0:  # per-synapse: keep this process's values only
                m = self.post_num // n_parts
                mine = local_weights(parts, self.weight, self.pre_num, n_parts, m)
                weights = place(mine, n_parts, width, 0, sharding, self.pre_num)
        else:
            split = split_ell_by_target(self._whole_table(), n_parts)
            parts = dict(enumerate(split.indices))
            width = split.indices.shape[2]
            if split.weights is not None:
                weights = place(dict(enumerate(split.weights)), n_parts, width, 0, sharding)
        table = place(parts, n_parts, width, self.post_num // n_parts, sharding, self.pre_num)
        self.device_table = DeviceTable(table, weights, mesh, axis)
        if self.table_indices is not None:  # else left unbuilt: never whole on a host
            self.table_indices = table
            if weights is not None:
                self.ell_weights = weights
        elif weights is not None:
            self.weight = weights  # the split weights: the whole vector is let go
        self.shards = (mesh, axis)

    def _whole_table(self) -> EllTable:
        """The unsplit table, on the host (joined back from its parts when sharded)."""
        if self.table_indices is None:  # built in parts (several processes): join them
            table = self.device_table
            indices = gather(table.indices.value)  # type: ignore[union-attr]
            weights = None if table.weights is None else gather(table.weights.value)  # type: ignore[union-attr]
        else:
            indices = gather(self.table_indices)
            weights = None if self.ell_weights is None else gather(self.ell_weights)
        if self.shards is None:
            return EllTable(indices, weights, self.post_num)
        # Part p holds targets [p*m, (p+1)*m) as local indices, padded with m. Joining the
        # parts row by row keeps each target's inputs in their order (the sums stay exact).
        n_parts = indices.shape[0]
        m = self.post_num // n_parts
        offsets = (np.arange(n_parts) * m)[:, None, None]
        indices = np.where(indices == m, self.post_num, indices + offsets).astype(np.int32)
        joined_weights = None if weights is None else np.concatenate(list(weights), axis=1)
        return EllTable(np.concatenate(list(indices), axis=1), joined_weights, self.post_num)

    def _sharded_matvec(self, syn: jax.Array, w: Any, weighted: bool) -> jax.Array:
        device_table = self.device_table
        mesh, axis = device_table.mesh, device_table.axis  # type: ignore[union-attr]
        per_part = self.post_num // mesh.shape[axis]
        per_synapse = device_table.weights is not None  # type: ignore[union-attr]
        # Read through Variables: a compiled loop takes the tables as arguments.
        table = device_table.indices.value  # type: ignore[union-attr]
        weights = device_table.weights.value if per_synapse else jnp.asarray(w)  # type: ignore[union-attr]

        def local(events: jax.Array, table: jax.Array, w: jax.Array) -> jax.Array:
            w = w[0] if per_synapse else w
            return ell_event_matvec(events, table[0], w, per_part, weighted_events=weighted)

        w_spec = PartitionSpec(axis) if per_synapse else PartitionSpec()
        return jax.shard_map(
            local,
            mesh=mesh,
            in_specs=(PartitionSpec(), PartitionSpec(axis), w_spec),
            out_specs=PartitionSpec(axis),
            check_vma=False,  # the kernel's loop carries start replicated, then vary
        )(syn, table, weights)

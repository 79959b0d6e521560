"""Spread a network over devices along the neuron axis (``jax.sharding``).

:func:`shard_neurons` places every state Variable of a network, neuron axis (the last axis)
split into equal blocks, one per device of a one-axis mesh, and splits each event-driven
projection's table by blocks of targets. The runner's compiled loop then keeps each
device on its own neurons: neuron and synapse updates are local, a step's spikes are
gathered once per projection, and every device adds their input to the targets it holds.
The sums run in the same order as on one device, so a seed gives the same spikes whatever
the number of devices.

In a run of several processes nothing is made whole on one host where it can be avoided:
the states that :func:`~brainpy_dyn.init.variable_` made are already in this layout (each
process drew only its blocks, see
:mod:`~brainpy_dyn._src.initialize.sharded_state`), and each projection's table is built
here, each process building only the parts its devices hold (see
:mod:`~brainpy_dyn._src.synapses.sharded_table`).
"""

from __future__ import annotations

from typing import Any

import jax
from jax.sharding import AxisType, Mesh, NamedSharding, PartitionSpec

from brainpy_dyn._src.dynsys import DynamicalSystem
from brainpy_dyn._src.initialize.sharded_state import NEURON_AXIS
from brainpy_dyn._src.synapses.projection import Projection

__all__ = ["shard_neurons"]


def _check_mesh(mesh: Any, axis_name: str) -> int:
    if not isinstance(mesh, Mesh):
        raise TypeError(f"shard_neurons: mesh must be a jax.sharding.Mesh or None, got {mesh!r}.")
    if axis_name not in mesh.axis_names:
        raise ValueError(
            f"shard_neurons: axis_name {axis_name!r} is not an axis of the mesh, whose axes "
            f"are {tuple(mesh.axis_names)}."
        )
    kind = dict(zip(mesh.axis_names, mesh.axis_types, strict=True))[axis_name]
    if kind != AxisType.Auto:
        raise ValueError(
            f"shard_neurons: mesh axis {axis_name!r} must have AxisType.Auto (XLA places the "
            f"computation), got {kind}. Make the mesh with "
            f"jax.make_mesh(..., axis_types=(jax.sharding.AxisType.Auto,))."
        )
    return int(mesh.shape[axis_name])


def shard_neurons(
    target: DynamicalSystem, mesh: Mesh | None = None, axis_name: str = NEURON_AXIS
) -> Mesh:
    """Shard a network's state and event-driven projections over devices by neuron.

    Each state Variable whose last axis divides evenly into the mesh's ``axis_name`` size
    is split along that axis (neuron vectors, delay buffers, batched states); the others
    (scalars, random keys, odd sizes) are replicated. Each event-driven (``'sparse'``)
    projection whose target count divides evenly is split by blocks of targets. Then run
    the network as usual, with a :class:`~brainpy_dyn.DSRunner`. In a run of several
    processes each process builds only its own parts of the tables (``FixedProb`` draws
    only the connections to its devices' targets).

    Call it after building the network, and again after ``reset_state()``, which makes new,
    unsharded values.

    Args:
      target: the network.
      mesh: a mesh with an ``axis_name`` axis of type ``AxisType.Auto``; ``None`` makes a
        one-axis mesh over all devices.
      axis_name: the mesh axis the neurons are split along.

    Returns:
      The mesh used.

    Raises:
      TypeError: ``target`` is not a DynamicalSystem, or ``mesh`` is not a Mesh.
      ValueError: ``axis_name`` is not an ``Auto`` axis of ``mesh``.

    Examples:
      >>> import jax
      >>> import brainpy_dyn as bd
      >>> net = bd.neurons.LIF(8)
      >>> mesh = bd.shard_neurons(net)
      >>> net.V.value.sharding.spec == jax.sharding.PartitionSpec("neuron") or (
      ...     jax.device_count() == 1)
      True
    """
    if not isinstance(target, DynamicalSystem):
        raise TypeError(f"shard_neurons: target must be a DynamicalSystem, got {target!r}.")
    if mesh is None:
        mesh = jax.make_mesh((jax.device_count(),), (axis_name,), axis_types=(AxisType.Auto,))
    n_parts = _check_mesh(mesh, axis_name)
    for node in target.nodes().values():
        projection = getattr(node, "projection", None)
        if isinstance(projection, Projection) and projection.can_shard_by_target(n_parts):
            projection.shard_by_target(mesh, axis_name)
    for var in target.vars().values():
        shape = var.value.shape
        split = len(shape) > 0 and shape[-1] % n_parts == 0
        spec = PartitionSpec(*([None] * (len(shape) - 1)), axis_name) if split else PartitionSpec()
        var.value = jax.device_put(var.value, NamedSharding(mesh, spec))
    return mesh

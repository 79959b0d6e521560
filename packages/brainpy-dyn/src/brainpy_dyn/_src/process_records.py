"""Records sent step by step to the host of every process (``DSRunner(memory_efficient=True)``).

With ``memory_efficient=True`` a runner sends each recorded step's monitor values to host
memory through a host callback instead of stacking them on the devices. A plain
:func:`jax.debug.callback` of a network sharded over the devices of several processes runs
once, on the first device, with the whole values: only process 0 would hold records.

:class:`ProcessRecords` places the callback inside a :func:`jax.shard_map` over the
network's mesh instead, where it runs on every device with a layout chosen here:

- ``gather=True``: every value is replicated (one all-gather of the step's row on the
  devices), every device receives it whole and each process keeps one copy: every process
  ends with the whole records, as without ``memory_efficient``.
- ``gather=False``: a value whose last (neuron) axis divides evenly among the mesh's neuron
  axis is split along it, as :func:`~brainpy_dyn.shard_neurons` splits the state; each
  device receives its block of neurons and the block's index on that axis, and each process
  keeps the block spanned by its devices, whose place in the whole goes to the runner's
  ``local_slices``. Other values (scalars, odd sizes) are kept whole.
"""

from __future__ import annotations

import threading
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax.sharding import Mesh, NamedSharding, PartitionSpec

import brainpy_math as bm

__all__ = ["ProcessRecords"]

# Callbacks of several devices may run at once; creating a record's buffer is guarded.
_LOCK = threading.Lock()


def _neuron_mesh(target: Any) -> tuple[Mesh, Any] | None:
    """The mesh of a network sharded over several processes and its neuron axis entry.

    ``None`` when no Variable of ``target`` spans the devices of several processes (on one
    process a plain host callback already sees every value).
    """
    found = None
    for var in target.vars().values():
        value = var.value
        if not isinstance(value, jax.Array) or value.is_fully_addressable:
            continue
        sharding = value.sharding
        if not isinstance(sharding, NamedSharding):
            continue
        spec = tuple(sharding.spec) + (None,) * (value.ndim - len(sharding.spec))
        if value.ndim and spec[value.ndim - 1] is not None:
            return sharding.mesh, spec[value.ndim - 1]
        found = found or (sharding.mesh, None)
    return found


def _axis_names(entry: Any) -> tuple[str, ...]:
    return (entry,) if isinstance(entry, str) else tuple(entry)


class ProcessRecords:
    """The host side of a multi-process ``memory_efficient`` run, on every process.

    Args:
      mesh: the network's mesh.
      axis: the mesh axis (or tuple of axes) that splits the neurons; ``None`` when no
        Variable is split (every value is then replicated).
      gather: keep the whole records (``True``) or this process's block of neurons.
    """

    def __init__(self, mesh: Mesh, axis: Any, gather: bool):
        self.mesh = mesh
        self.axis = axis
        self.gather = gather
        self._stores: dict[str, np.ndarray] = {}
        self._blocks: dict[str, tuple[int, int] | None] = {}
        self._n_rows = 0
        self._i0 = 0
        self._every = 1
        self._split_keys: frozenset[str] = frozenset()  # the records split by neurons
        # This process's shard indices along the neuron axis, in the order of the mesh.
        if axis is None:
            self._parts, self._local = 1, []
        else:
            names = _axis_names(axis)
            where = [mesh.axis_names.index(a) for a in names]
            sizes = [mesh.devices.shape[a] for a in where]
            self._parts = int(np.prod(sizes))
            local = set()
            for coords, device in np.ndenumerate(mesh.devices):
                if device.process_index == jax.process_index():
                    local.add(int(np.ravel_multi_index([coords[a] for a in where], sizes)))
            self._local = sorted(local)

    @classmethod
    def for_target(cls, target: Any, gather: bool) -> ProcessRecords | None:
        """The records of ``target``'s run, or ``None`` when it is not spread over processes."""
        if jax.process_count() == 1:
            return None
        found = _neuron_mesh(target)
        return None if found is None else cls(found[0], found[1], gather)

    # ---------------------------------------------------------------- traced
    def _split(self, value: Any) -> bool:
        return (
            not self.gather
            and self.axis is not None
            and value.ndim > 0
            and value.shape[-1] % self._parts == 0
        )

    def emit(self, i: Any, mons: dict[str, Any]) -> None:
        """Place the host callback of one recorded step (called while tracing the step).

        Run step by step (``jit=False``), the values are concrete: the layout and the
        callback are then compiled for the step (a callback outside ``jit`` would receive
        the global arrays, which no process holds whole).
        """
        mons = {key: bm.as_jax(value) for key, value in mons.items()}
        leaves = jax.tree_util.tree_leaves((i, mons))
        if any(isinstance(x, jax.core.Tracer) for x in leaves):
            self._place(i, mons)
        else:
            jax.jit(self._place)(i, mons)

    def _place(self, i: Any, mons: dict[str, Any]) -> None:
        split = {key: self._split(value) for key, value in mons.items()}
        for key, value in mons.items():
            if split[key]:
                self._block(value.shape[-1])  # raises now (not in a callback) if not one block
        self._split_keys = frozenset(key for key, s in split.items() if s)
        specs = {
            key: PartitionSpec(*([None] * (value.ndim - 1)), self.axis)
            if split[key]
            else PartitionSpec()
            for key, value in mons.items()
        }

        def on_each_device(i: Any, values: dict[str, Any]) -> tuple:
            part = jnp.int32(0) if self.axis is None else jax.lax.axis_index(self.axis)
            jax.debug.callback(self._receive, i, part, values)
            return ()

        # Fully manual over the mesh: the callback runs on every device, with the device's
        # block of each split value and the whole of the others (gathered on the devices).
        jax.shard_map(
            on_each_device, mesh=self.mesh, in_specs=(PartitionSpec(), specs), out_specs=()
        )(i, mons)

    # ------------------------------------------------------------------ host
    def open(self, n_rows: int, i0: int, every: int) -> None:
        """Start the records of a run of ``n_rows`` rows from step ``i0``."""
        self._stores, self._blocks = {}, {}
        self._n_rows, self._i0, self._every = n_rows, i0, every

    def _block(self, n: int) -> tuple[int, int]:
        width = n // self._parts
        lo, hi = self._local[0], self._local[-1] + 1
        if self._local != list(range(lo, hi)):
            raise ValueError(
                f"DSRunner: this process's devices hold the neuron blocks {self._local} of "
                f"the mesh, which do not form one block; use gather_monitors=True."
            )
        return lo * width, hi * width

    def _receive(self, i: Any, part: Any, values: dict[str, Any]) -> None:
        """One device's part of one recorded step (a host callback, on every device).

        ``values[key]`` is the device's block ``part`` of the neurons when ``key`` is split,
        else the whole value.
        """
        row = (int(i) + 1 - self._i0) // self._every - 1
        for key, value in values.items():
            value = np.asarray(value)
            store = self._stores.get(key)
            if store is None:
                with _LOCK:
                    store = self._stores.get(key)
                    if store is None:
                        shape, block = value.shape, None
                        if key in self._split_keys:
                            block = self._block(value.shape[-1] * self._parts)
                            shape = (*value.shape[:-1], block[1] - block[0])
                        self._blocks[key] = block
                        store = self._stores[key] = np.zeros((self._n_rows, *shape), value.dtype)
            block = self._blocks[key]
            if block is None:
                store[row] = value  # whole: each local device sends the same row
            else:
                start = int(part) * value.shape[-1] - block[0]
                store[row, ..., start : start + value.shape[-1]] = value

    def collect(self) -> tuple[dict[str, np.ndarray], dict[str, tuple[slice, ...]]]:
        """This run's records and, for each, where it lies in the whole."""
        mons, slices = self._stores, {}
        for key, store in mons.items():
            whole = [slice(0, n) for n in store.shape]
            block = self._blocks[key]
            if block is not None:
                whole[-1] = slice(*block)
            slices[key] = tuple(whole)
        self._stores, self._blocks = {}, {}
        return mons, slices

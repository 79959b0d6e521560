"""State Variables built in parts: each process of a run of several makes only its own.

In a run of several processes (``jax.distributed``) a network's state is split along the
neuron axis over every device (:func:`~brainpy_dyn.shard_neurons`). So that no process
ever draws or holds a whole state, :func:`~brainpy_dyn.init.variable_` makes each state
Variable whose last axis divides evenly into the number of devices directly in that
layout (the one ``shard_neurons`` gives by default):

* a random initializer (``Normal``, ``Uniform``) draws under :func:`jax.jit` with
  ``out_shardings`` of that layout. JAX's partitionable Threefry (its default) makes value
  ``i`` of a draw depend on the key and ``i`` only, so each device computes just its block
  and the values are those of the one-process draw, bit for bit (the generator advances
  as it does there, once per draw);
* a value made on the host (zeros, constants) goes to each device as its block only
  (:func:`jax.make_array_from_callback`).

In one process nothing changes.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Callable, Iterator
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax.sharding import AxisType, NamedSharding, PartitionSpec

import brainpy_math as bm

__all__ = ["NEURON_AXIS", "building_state", "place_state", "state_sharding"]

#: The mesh axis of the default layout (``shard_neurons``'s default ``axis_name``).
NEURON_AXIS = "neuron"

_BUILDING = contextvars.ContextVar("brainpy_dyn_building_state", default=False)


@contextlib.contextmanager
def building_state() -> Iterator[None]:
    """Within it, random initializers draw state values in the sharded layout (see above)."""
    token = _BUILDING.set(True)
    try:
        yield
    finally:
        _BUILDING.reset(token)


def state_sharding(shape: tuple[int, ...]) -> NamedSharding | None:
    """The layout a state of ``shape`` is made in, or ``None`` (made as in one process).

    Not ``None`` only while :func:`building_state` is active, in a run of several
    processes, for a last axis that divides evenly into the number of devices.
    """
    return _layout(shape) if _BUILDING.get() else None


def _layout(shape: tuple[int, ...]) -> NamedSharding | None:
    if jax.process_count() == 1 or not shape:
        return None
    n = jax.device_count()
    if shape[-1] % n:
        return None
    mesh = jax.make_mesh((n,), (NEURON_AXIS,), axis_types=(AxisType.Auto,))
    return NamedSharding(mesh, PartitionSpec(*([None] * (len(shape) - 1)), NEURON_AXIS))


def sharded_draw(
    method: str,
    params: tuple[tuple[str, Any], ...],
    shape: tuple[int, ...],
    key: Any,
    sharding: NamedSharding,
) -> jax.Array:
    """``RandomState.<method>(**params, size=shape, key=key)``, each device its block only.

    Compiled with ``out_shardings=sharding``, once per method, parameters, shape and layout.
    """
    return _sampler(method, params, shape, sharding)(np.asarray(key))


@functools.lru_cache(maxsize=64)
def _sampler(
    method: str,
    params: tuple[tuple[str, Any], ...],
    shape: tuple[int, ...],
    sharding: NamedSharding,
) -> Callable[[Any], jax.Array]:
    def draw(key: Any) -> jax.Array:
        # an explicit key: the generator's own state is neither read nor advanced
        return bm.as_jax(getattr(bm.random.DEFAULT, method)(**dict(params), size=shape, key=key))

    return jax.jit(draw, out_shardings=sharding)


def _tracing() -> bool:
    """Whether a JAX transformation is tracing here (its operations make tracers)."""
    return isinstance(jnp.zeros(()), jax.core.Tracer)


def place_state(value: Any) -> Any:
    """``value`` in the sharded layout of a state of its shape (a run of several processes).

    Only values this process holds whole (NumPy, or a JAX array of its own devices) are
    placed, outside traces; each device receives its block.
    """
    if jax.process_count() == 1 or _tracing():
        return value  # in a trace a global constant could not be closed over
    value = value.value if isinstance(value, bm.Array) else value
    shape = tuple(np.shape(value))
    sharding = _layout(shape)
    if sharding is None:
        return value
    if isinstance(value, jax.Array) and (
        isinstance(value, jax.core.Tracer) or not value.is_fully_addressable
    ):
        return value  # traced, or already global
    host = np.asarray(value)
    return jax.make_array_from_callback(shape, sharding, lambda index: host[index])

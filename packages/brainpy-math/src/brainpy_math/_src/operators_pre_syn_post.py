"""Synaptic operators: move values between presynaptic, synaptic and postsynaptic axes.

BrainPy 2.3.5 names (``brainpy.math.pre2post_sum``, ``syn2post_mean`` …). A connection
list is given either as COO pairs (``pre_ids[k] → post_ids[k]``, one entry per synapse)
or, for the event-driven operators, as the CSR pair ``pre2post = (indices, indptr)`` that
``conn.require('pre2post')`` returns. Everything is pure JAX and works under ``jit``;
``post_num`` must be a Python int (it is an output shape).
"""

from __future__ import annotations

import operator
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.array import Array, _return, as_jax
from brainpy_math._src.errors import MathError
from brainpy_math._src.event_csr import csr_matvec as _event_csr_matvec
from brainpy_math._src.public_path import set_module

__all__ = [
    "pre2post_coo_event_sum",
    "pre2post_event_prod",
    "pre2post_event_sum",
    "pre2post_max",
    "pre2post_mean",
    "pre2post_min",
    "pre2post_prod",
    "pre2post_sum",
    "pre2syn",
    "syn2post",
    "syn2post_max",
    "syn2post_mean",
    "syn2post_min",
    "syn2post_prod",
    "syn2post_softmax",
    "syn2post_sum",
]


_public = set_module("brainpy_math")


def _num(post_num: Any, who: str) -> int:
    try:
        n = operator.index(post_num)
    except TypeError:
        raise TypeError(
            f"{who}: post_num must be a Python int (the number of postsynaptic neurons), "
            f"got {type(post_num).__name__}."
        ) from None
    if n < 0:
        raise ValueError(f"{who}: post_num must be >= 0, got {n}.")
    return n


def _ids(ids: Any, name: str, who: str) -> jax.Array:
    ids = jnp.asarray(as_jax(ids))
    if ids.ndim != 1 or not jnp.issubdtype(ids.dtype, jnp.integer):
        raise ValueError(
            f"{who}: {name} must be a 1-D integer array, got shape {ids.shape} and "
            f"dtype {ids.dtype}."
        )
    return ids


def _syn(syn_values: Any, post_ids: Any, who: str) -> tuple[jax.Array, jax.Array]:
    values = jnp.asarray(as_jax(syn_values))
    ids = _ids(post_ids, "post_ids", who)
    if values.ndim == 0 or values.shape[0] != ids.shape[0]:
        raise ValueError(
            f"{who}: syn_values must have one row per synapse ({ids.shape[0]} = "
            f"len(post_ids)), got shape {values.shape}."
        )
    if values.dtype == jnp.bool_:
        values = values.astype(jnp.int32)
    return values, ids


def _float(x: jax.Array) -> jax.Array:
    return x.astype(jnp.promote_types(x.dtype, jnp.float32))


# ----------------------------------------------------------------------------- syn → post


@_public
def syn2post_sum(
    syn_values: Any, post_ids: Any, post_num: int, indices_are_sorted: bool = False
) -> Array:
    """Sum the synaptic values that target each postsynaptic neuron.

    Equivalent to ``out = zeros(post_num); np.add.at(out, post_ids, syn_values)``.
    ``syn2post`` is the same function. Boolean values count as 0/1 (``int32``).

    Args:
      syn_values: one value (or row) per synapse.
      post_ids: the postsynaptic neuron of each synapse (1-D ints).
      post_num: the number of postsynaptic neurons.
      indices_are_sorted: a hint that ``post_ids`` is sorted (passed to XLA).

    Returns:
      An Array with ``post_num`` rows; neurons without synapses get 0.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.syn2post_sum(bm.array([1., 2., 3.]), bm.array([0, 2, 0]), 3)
      Array([4., 0., 2.], dtype=float32)
    """
    n = _num(post_num, "syn2post_sum")
    values, ids = _syn(syn_values, post_ids, "syn2post_sum")
    return _return(jax.ops.segment_sum(values, ids, n, indices_are_sorted=indices_are_sorted))


syn2post = syn2post_sum


@_public
def syn2post_prod(
    syn_values: Any, post_ids: Any, post_num: int, indices_are_sorted: bool = False
) -> Array:
    """Multiply the synaptic values that target each postsynaptic neuron.

    Neurons without synapses get 1 (the empty product), as in :func:`jax.ops.segment_prod`.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.syn2post_prod(bm.array([2., 3., 4.]), bm.array([0, 0, 2]), 3)
      Array([6., 1., 4.], dtype=float32)
    """
    n = _num(post_num, "syn2post_prod")
    values, ids = _syn(syn_values, post_ids, "syn2post_prod")
    return _return(jax.ops.segment_prod(values, ids, n, indices_are_sorted=indices_are_sorted))


@_public
def syn2post_max(
    syn_values: Any, post_ids: Any, post_num: int, indices_are_sorted: bool = False
) -> Array:
    """The largest synaptic value that targets each postsynaptic neuron.

    Neurons without synapses get ``-inf`` (the lowest integer for integer values), as
    in :func:`jax.ops.segment_max` and BrainPy 2.3.5.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.syn2post_max(bm.array([1., 5., 3.]), bm.array([0, 0, 2]), 3)
      Array([  5., -inf,   3.], dtype=float32)
    """
    n = _num(post_num, "syn2post_max")
    values, ids = _syn(syn_values, post_ids, "syn2post_max")
    return _return(jax.ops.segment_max(values, ids, n, indices_are_sorted=indices_are_sorted))


@_public
def syn2post_min(
    syn_values: Any, post_ids: Any, post_num: int, indices_are_sorted: bool = False
) -> Array:
    """The smallest synaptic value that targets each postsynaptic neuron.

    Neurons without synapses get ``+inf`` (the largest integer for integer values).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.syn2post_min(bm.array([1., 5., 3.]), bm.array([0, 0, 2]), 3)
      Array([ 1., inf,  3.], dtype=float32)
    """
    n = _num(post_num, "syn2post_min")
    values, ids = _syn(syn_values, post_ids, "syn2post_min")
    return _return(jax.ops.segment_min(values, ids, n, indices_are_sorted=indices_are_sorted))


@_public
def syn2post_mean(
    syn_values: Any, post_ids: Any, post_num: int, indices_are_sorted: bool = False
) -> Array:
    """The mean synaptic value per postsynaptic neuron (0 for neurons without synapses).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.syn2post_mean(bm.array([1., 5., 3.]), bm.array([0, 0, 2]), 3)
      Array([3., 0., 3.], dtype=float32)
    """
    n = _num(post_num, "syn2post_mean")
    values, ids = _syn(syn_values, post_ids, "syn2post_mean")
    values = _float(values)
    total = jax.ops.segment_sum(values, ids, n, indices_are_sorted=indices_are_sorted)
    count = jax.ops.segment_sum(
        jnp.ones_like(values), ids, n, indices_are_sorted=indices_are_sorted
    )
    return _return(jnp.where(count > 0, total / jnp.maximum(count, 1), 0))


@_public
def syn2post_softmax(
    syn_values: Any, post_ids: Any, post_num: int, indices_are_sorted: bool = False
) -> Array:
    """Softmax of the synaptic values over the synapses of each postsynaptic neuron.

    Returns one value per synapse: ``exp(v_k) / sum(exp(v_j) for j with the same
    post_ids)``, computed after subtracting each neuron's maximum (so it does not
    overflow). The values of each neuron's synapses sum to 1.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.syn2post_softmax(bm.array([0., 0., 7.]), bm.array([0, 0, 1]), 2)
      Array([0.5, 0.5, 1. ], dtype=float32)
    """
    n = _num(post_num, "syn2post_softmax")
    values, ids = _syn(syn_values, post_ids, "syn2post_softmax")
    values = _float(values)
    top = jax.ops.segment_max(values, ids, n, indices_are_sorted=indices_are_sorted)
    e = jnp.exp(values - top[ids])
    norm = jax.ops.segment_sum(e, ids, n, indices_are_sorted=indices_are_sorted)
    return _return(jnp.nan_to_num(e / norm[ids]))


# ----------------------------------------------------------------------------- pre → syn/post


@_public
def pre2syn(pre_values: Any, pre_ids: Any) -> Array:
    """Give every synapse the value of its presynaptic neuron: ``pre_values[pre_ids]``.

    A scalar ``pre_values`` is repeated ``len(pre_ids)`` times.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.pre2syn(bm.array([10., 20.]), bm.array([1, 1, 0]))
      Array([20., 20., 10.], dtype=float32)
    """
    ids = _ids(pre_ids, "pre_ids", "pre2syn")
    values = jnp.asarray(as_jax(pre_values))
    if values.ndim == 0:
        return _return(jnp.broadcast_to(values, ids.shape))
    return _return(values[ids])


def _pre_syn(pre_values: Any, post_ids: Any, pre_ids: Any, who: str):
    post = _ids(post_ids, "post_ids", who)
    values = jnp.asarray(as_jax(pre_values))
    if values.ndim == 0:
        return _float(jnp.broadcast_to(values, post.shape)), post
    if pre_ids is None:
        raise MathError(
            f"{who}: pre_ids is needed when pre_values is an array (one value per "
            f"presynaptic neuron, shape {values.shape}); pass the presynaptic id of "
            "each synapse, or a scalar pre_values."
        )
    pre = _ids(pre_ids, "pre_ids", who)
    if pre.shape != post.shape:
        raise ValueError(
            f"{who}: pre_ids and post_ids must have the same length (one pair per "
            f"synapse), got {pre.shape[0]} and {post.shape[0]}."
        )
    return _float(values[pre]), post


def _connected(post: jax.Array, n: int) -> jax.Array:
    return jax.ops.segment_sum(jnp.ones(post.shape, jnp.int32), post, n) > 0


@_public
def pre2post_sum(pre_values: Any, post_num: int, post_ids: Any, pre_ids: Any = None) -> Array:
    """Sum presynaptic values over each postsynaptic neuron's synapses.

    Equivalent to ``np.add.at(out, post_ids, pre_values[pre_ids])`` with
    ``out = zeros(post_num)``; a scalar ``pre_values`` is added once per synapse.

    Args:
      pre_values: one value per presynaptic neuron, or a scalar.
      post_num: the number of postsynaptic neurons.
      post_ids: the postsynaptic neuron of each synapse.
      pre_ids: the presynaptic neuron of each synapse (needed for array ``pre_values``).

    Returns:
      A float Array of length ``post_num``.

    Raises:
      MathError: ``pre_values`` is an array and ``pre_ids`` is missing.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.pre2post_sum(bm.array([1., 2.]), 3, bm.array([0, 2, 2]), bm.array([0, 0, 1]))
      Array([1., 0., 3.], dtype=float32)
    """
    n = _num(post_num, "pre2post_sum")
    values, post = _pre_syn(pre_values, post_ids, pre_ids, "pre2post_sum")
    return _return(jax.ops.segment_sum(values, post, n))


@_public
def pre2post_prod(pre_values: Any, post_num: int, post_ids: Any, pre_ids: Any = None) -> Array:
    """Multiply presynaptic values over each postsynaptic neuron's synapses.

    Neurons without synapses get 1 (the empty product).

    Note:
      BrainPy 2.3.5 started from zeros, so it returned 0 everywhere; this is fixed.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.pre2post_prod(bm.array([2., 3.]), 3, bm.array([0, 0, 2]), bm.array([0, 1, 1]))
      Array([6., 1., 3.], dtype=float32)
    """
    n = _num(post_num, "pre2post_prod")
    values, post = _pre_syn(pre_values, post_ids, pre_ids, "pre2post_prod")
    return _return(jax.ops.segment_prod(values, post, n))


@_public
def pre2post_max(pre_values: Any, post_num: int, post_ids: Any, pre_ids: Any = None) -> Array:
    """The largest presynaptic value over each postsynaptic neuron's synapses.

    Neurons without synapses get 0, as in BrainPy 2.3.5.

    Note:
      BrainPy 2.3.5 started from zeros, so a neuron whose inputs were all negative got
      0; here it gets the true maximum.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.pre2post_max(bm.array([-2., -3.]), 3, bm.array([0, 0, 2]), bm.array([0, 1, 1]))
      Array([-2.,  0., -3.], dtype=float32)
    """
    n = _num(post_num, "pre2post_max")
    values, post = _pre_syn(pre_values, post_ids, pre_ids, "pre2post_max")
    out = jax.ops.segment_max(values, post, n)
    return _return(jnp.where(_connected(post, n), out, 0))


@_public
def pre2post_min(pre_values: Any, post_num: int, post_ids: Any, pre_ids: Any = None) -> Array:
    """The smallest presynaptic value over each postsynaptic neuron's synapses.

    Neurons without synapses get 0, as in BrainPy 2.3.5 (which also clipped every
    result at 0 from above; here a positive minimum is kept).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.pre2post_min(bm.array([2., 3.]), 3, bm.array([0, 0, 2]), bm.array([0, 1, 1]))
      Array([2., 0., 3.], dtype=float32)
    """
    n = _num(post_num, "pre2post_min")
    values, post = _pre_syn(pre_values, post_ids, pre_ids, "pre2post_min")
    out = jax.ops.segment_min(values, post, n)
    return _return(jnp.where(_connected(post, n), out, 0))


@_public
def pre2post_mean(pre_values: Any, post_num: int, post_ids: Any, pre_ids: Any = None) -> Array:
    """The mean presynaptic value over each postsynaptic neuron's synapses (0 if none).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.pre2post_mean(bm.array([2., 4.]), 3, bm.array([0, 0, 2]), bm.array([0, 1, 1]))
      Array([3., 0., 4.], dtype=float32)
    """
    n = _num(post_num, "pre2post_mean")
    values, post = _pre_syn(pre_values, post_ids, pre_ids, "pre2post_mean")
    return syn2post_mean(values, post, n)


# ----------------------------------------------------------------------------- event-driven


def _csr(pre2post: Any, who: str) -> tuple[Any, Any]:
    """Check ``(indices, indptr)`` without copying it (the event kernel caches by identity)."""
    if not isinstance(pre2post, (tuple, list)) or len(pre2post) != 2:
        raise TypeError(
            f"{who}: pre2post must be the pair (indices, indptr) of a CSR connection, got "
            f"{type(pre2post).__name__}."
        )
    pair = tuple(as_jax(x) for x in pre2post)
    for name, x in zip(("indices", "indptr"), pair, strict=True):
        if jnp.ndim(x) != 1 or not jnp.issubdtype(jnp.result_type(x), jnp.integer):
            raise ValueError(
                f"{who}: pre2post {name} must be a 1-D integer array, got shape "
                f"{jnp.shape(x)} and dtype {jnp.result_type(x)}."
            )
    return pair


def _events(events: Any, who: str) -> jax.Array:
    events = jnp.asarray(as_jax(events))
    if events.ndim != 1:
        raise ValueError(
            f"{who}: events must be 1-D (one per presynaptic neuron), got {events.shape}."
        )
    return events


@_public
def pre2post_event_sum(events: Any, pre2post: Any, post_num: int, values: Any = 1.0) -> Array:
    """Event-driven sum: each spiking presynaptic neuron adds its weights to its targets.

    Equivalent to ``for i in spiking: for j in range(indptr[i], indptr[i+1]):
    out[indices[j]] += values[j]`` (or ``+= values`` for a scalar). Any non-zero event
    counts as one spike. With concrete ``indices``/``indptr`` the cost grows with
    spikes × fan-out (it runs :func:`brainpy_math.event.csr_matvec`).

    Args:
      events: spikes, one per presynaptic neuron.
      pre2post: ``(indices, indptr)``, the CSR connection (rows are presynaptic neurons).
      post_num: the number of postsynaptic neurons.
      values: a scalar weight or one weight per connection.

    Returns:
      A float Array of length ``post_num``.

    Examples:
      >>> import brainpy_math as bm
      >>> import numpy as np
      >>> pre2post = (np.array([1, 2, 0]), np.array([0, 2, 3]))  # 0→1, 0→2, 1→0
      >>> bm.pre2post_event_sum(np.array([True, False]), pre2post, 3, 0.5)
      Array([0. , 0.5, 0.5], dtype=float32)
    """
    who = "pre2post_event_sum"
    n = _num(post_num, who)
    events = _events(events, who)
    indices, indptr = _csr(pre2post, who)
    return _event_csr_matvec(
        as_jax(values), indices, indptr, events, shape=(events.shape[0], n), transpose=True
    )


def _rows_of(indptr: jax.Array, nnz: int) -> jax.Array:
    return jnp.searchsorted(indptr, jnp.arange(nnz), side="right") - 1


@_public
def pre2post_coo_event_sum(
    events: Any, pre_ids: Any, post_ids: Any, post_num: int, values: Any = 1.0
) -> Array:
    """Event-driven sum with the connection as COO pairs ``pre_ids[k] → post_ids[k]``.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.pre2post_coo_event_sum(bm.array([True, False]), bm.array([0, 0, 1]),
      ...                           bm.array([1, 2, 0]), 3, 0.5)
      Array([0. , 0.5, 0.5], dtype=float32)
    """
    who = "pre2post_coo_event_sum"
    n = _num(post_num, who)
    events = _events(events, who)
    pre, post = _ids(pre_ids, "pre_ids", who), _ids(post_ids, "post_ids", who)
    if pre.shape != post.shape:
        raise ValueError(
            f"{who}: pre_ids and post_ids must have the same length, got {pre.shape[0]} and "
            f"{post.shape[0]}."
        )
    w = _float(jnp.broadcast_to(jnp.asarray(as_jax(values)), pre.shape))
    return _return(jax.ops.segment_sum(jnp.where(events[pre] != 0, w, 0), post, n))


@_public
def pre2post_event_prod(events: Any, pre2post: Any, post_num: int, values: Any = 1.0) -> Array:
    """Event-driven product: each spike multiplies its targets by its connection weights.

    Targets that receive no spike get 1.

    Examples:
      >>> import brainpy_math as bm
      >>> import numpy as np
      >>> pre2post = (np.array([1, 2, 1]), np.array([0, 2, 3]))  # 0→1, 0→2, 1→1
      >>> bm.pre2post_event_prod(np.array([1, 1]), pre2post, 3, np.array([2., 3., 4.]))
      Array([1., 8., 3.], dtype=float32)
    """
    who = "pre2post_event_prod"
    n = _num(post_num, who)
    events = _events(events, who)
    indices, indptr = (jnp.asarray(x) for x in _csr(pre2post, who))
    w = _float(jnp.broadcast_to(jnp.asarray(as_jax(values)), indices.shape))
    rows = _rows_of(indptr, indices.shape[0])
    return _return(jax.ops.segment_prod(jnp.where(events[rows] != 0, w, 1), indices, n))

"""Electrical synapses: ``GapJunction`` couples the membrane potentials of two groups."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

import brainpy_math as bm
from brainpy_dyn._src.initialize.helpers import parameter
from brainpy_dyn._src.params import check_finite
from brainpy_dyn._src.syn_conn import TwoEndConn

__all__ = ["GapJunction"]

_METHODS = ("dense", "sparse")


class GapJunction(TwoEndConn):
    r"""Gap junction: an ohmic current between connected neurons, in both directions.

    BrainPy implementation of ``brainpy.synapses.GapJunction`` (2.3.5). For each
    connection ``i → j`` with conductance ``g_ij``,

    .. math::
       I^{post}_j \mathrel{+}= \sum_i g_{ij} (V^{pre}_i - V^{post}_j), \qquad
       I^{pre}_i \mathrel{+}= \sum_j g_{ij} (V^{post}_j - V^{pre}_i),

    added to ``post.input`` and ``pre.input`` every step (the currents read the
    potentials at the start of the step).

    Args:
      pre: the presynaptic group (has ``V`` and ``input``).
      post: the postsynaptic group (has ``V`` and ``input``).
      conn: a two-end connector, a ``(pre.num, post.num)`` matrix or a dict with ``'i'``
        and ``'j'``.
      comp_method: ``'dense'`` (a ``(pre.num, post.num)`` matrix) or ``'sparse'`` (one
        value per connection, in the connector's ``pre_ids``/``post_ids`` order).
      g_max: the conductance: a scalar, or an array of the ``comp_method``'s shape
        (``(pre.num, post.num)`` or ``(num_connections,)``), or an initializer.
      name: the object name.

    Raises:
      ValueError: ``comp_method`` is neither ``'dense'`` nor ``'sparse'``, ``pre`` or
        ``post`` lacks ``V``/``input``, or ``g_max`` has the wrong shape.

    Examples:
      >>> import brainpy_dyn as bd
      >>> pre = bd.neurons.LIF(1, V_initializer=bd.init.OneInit(-50.))
      >>> post = bd.neurons.LIF(2, V_initializer=bd.init.OneInit(-70.))
      >>> gj = bd.synapses.GapJunction(pre, post, bd.conn.All2All(), g_max=0.5)
      >>> gj({'t': 0., 'dt': 0.1})
      >>> post.input.value.tolist(), pre.input.value.tolist()
      ([10.0, 10.0], [-20.0])
    """

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        comp_method: str = "dense",
        g_max: Any = 1.0,
        name: str | None = None,
    ):
        super().__init__(pre=pre, post=post, conn=conn, name=name)
        if comp_method not in _METHODS:
            raise ValueError(
                f"{self.name}: comp_method must be 'dense' or 'sparse', got {comp_method!r}."
            )
        for arg, group in (("pre", pre), ("post", post)):
            for var in ("V", "input"):
                if not isinstance(getattr(group, var, None), bm.Variable):
                    raise ValueError(
                        f"{self.name}: {arg} must have a Variable {var!r} (a neuron group "
                        f"with a membrane potential), got {group!r}."
                    )
        self.comp_method = comp_method
        if comp_method == "dense":
            self.conn_mat = jnp.asarray(bm.as_numpy(self.conn.require("conn_mat")), float)
            shape: tuple[int, ...] = tuple(self.conn_mat.shape)
        else:
            pre_ids, post_ids = self.conn.require("pre_ids", "post_ids")
            self.pre_ids = jnp.asarray(bm.as_numpy(pre_ids), jnp.int32)
            self.post_ids = jnp.asarray(bm.as_numpy(post_ids), jnp.int32)
            shape = tuple(self.pre_ids.shape)
        weights = parameter(g_max, shape, allow_none=False, name="g_max")
        check_finite(weights, self.name, "g_max")
        if jnp.ndim(bm.as_jax(weights)) not in (0,) and tuple(jnp.shape(weights)) != shape:
            raise ValueError(
                f"{self.name}: g_max must be a scalar or have the shape {shape} "
                f"({comp_method!r} connections), got shape {tuple(jnp.shape(weights))}."
            )
        self.weights = weights

    def reset_state(self, batch_size: Any = None) -> None:
        """A gap junction holds no state."""

    def update(self, tdi: Any = None) -> None:
        """Add this step's coupling currents to ``post.input`` and ``pre.input``."""
        v_pre = bm.as_jax(self.pre.V.value).reshape(-1)
        v_post = bm.as_jax(self.post.V.value).reshape(-1)
        w = bm.as_jax(self.weights)
        if self.comp_method == "dense":
            diff = (v_pre[:, None] - v_post[None, :]) * (self.conn_mat * w)
            to_post, to_pre = diff.sum(axis=0), -diff.sum(axis=1)
        else:
            diff = (v_pre[self.pre_ids] - v_post[self.post_ids]) * w
            to_post = jax.ops.segment_sum(diff, self.post_ids, self.post.num)
            to_pre = jax.ops.segment_sum(-diff, self.pre_ids, self.pre.num)
        for group, current in ((self.post, to_post), (self.pre, to_pre)):
            target = group.input
            target.value = target.value + current.reshape(target.shape).astype(target.dtype)

"""BrainPy 2.3.5's base classes of hand-written synapses: ``SynConn`` and ``TwoEndConn``.

A 2.3.5 script writes its own synapse by subclassing ``bp.TwoEndConn`` (or ``bp.SynConn``),
calling ``super().__init__(pre=pre, post=post, conn=conn)`` and then using ``self.pre``,
``self.post`` and ``self.conn`` (a connector sized to the two groups) in ``update``. These
bases keep that style working. ``update`` uses the old calling convention of
:class:`~brainpy_dyn.DynamicalSystem` (the shared data first).

The ready-made synapses of :mod:`brainpy_dyn.synapses` do not derive from these bases;
``bp.experimental.SynConn`` is a different class (the connector-first form).
"""

from __future__ import annotations

from typing import Any

import jax
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.connect.base import TwoEndConnector
from brainpy_dyn._src.connect.custom import IJConn, MatConn
from brainpy_dyn._src.dynsys import DynamicalSystem, NeuGroup

__all__ = ["SynConn", "TwoEndConn"]


def _sized_connector(conn: Any, pre: NeuGroup, post: NeuGroup, who: str) -> Any:
    """``conn`` as a connector between ``pre`` and ``post`` (``None`` stays ``None``)."""
    if conn is None:
        return None
    if isinstance(conn, TwoEndConnector):
        if getattr(conn, "pre_num", None) is None:
            return conn(pre.size, post.size)
        if (conn.pre_num, conn.post_num) != (pre.num, post.num):
            raise ValueError(
                f"{who}: conn connects {conn.pre_num} to {conn.post_num} neurons, but pre has "
                f"{pre.num} and post {post.num}."
            )
        return conn
    if isinstance(conn, (bm.Array, np.ndarray, jax.Array)):
        if tuple(conn.shape) != (pre.num, post.num):
            raise ValueError(
                f"{who}: a connection matrix must have the shape (pre.num, post.num) = "
                f"{(pre.num, post.num)}, got {tuple(conn.shape)}."
            )
        return MatConn(np.asarray(bm.as_numpy(conn)), pre=pre.size, post=post.size)
    if isinstance(conn, dict):
        if "i" not in conn or "j" not in conn:
            raise ValueError(
                f"{who}: a dict conn must have the keys 'i' (pre indices) and 'j' (post "
                f"indices), got {sorted(conn)}."
            )
        return IJConn(conn["i"], conn["j"], pre=pre.size, post=post.size)
    raise TypeError(
        f"{who}: conn must be a two-end connector, a (pre.num, post.num) matrix, a dict with "
        f"'i' and 'j', or None, got {type(conn).__name__}: {conn!r}."
    )


class SynConn(DynamicalSystem):
    """Base class of synapses between two neuron groups (BrainPy 2.3.5's ``bp.SynConn``).

    Args:
      pre: the presynaptic :class:`~brainpy_dyn.NeuGroup`.
      post: the postsynaptic :class:`~brainpy_dyn.NeuGroup`.
      conn: a two-end connector (sized here to ``pre`` and ``post``), a boolean
        ``(pre.num, post.num)`` matrix, a dict ``{'i': pre_ids, 'j': post_ids}``, or ``None``.
      name: the object name.
      mode: the computing mode.

    Examples:
      >>> import brainpy_dyn as bd
      >>> class Gap(bd.SynConn):
      ...     def update(self, tdi):
      ...         return self.conn.require('conn_mat').sum()
      >>> g = bd.NeuGroup(3)
      >>> syn = Gap(g, g, bd.conn.All2All(include_self=False))
      >>> syn.conn.pre_num, int(syn())
      (3, 6)
    """

    def __init__(
        self,
        pre: NeuGroup,
        post: NeuGroup,
        conn: Any = None,
        name: str | None = None,
        mode: bm.Mode | None = None,
    ):
        super().__init__(name=name, mode=mode)
        who = self.name
        for arg, group in (("pre", pre), ("post", post)):
            if not isinstance(group, NeuGroup):
                raise TypeError(f"{who}: {arg} must be a NeuGroup, got {type(group).__name__}.")
        self.pre = pre
        self.post = post
        self.conn = _sized_connector(conn, pre, post, who)

    def check_pre_attrs(self, *attrs: str) -> None:
        """Raise a ``ValueError`` naming the first of ``attrs`` that ``pre`` lacks."""
        self._check_attrs(self.pre, "pre", attrs)

    def check_post_attrs(self, *attrs: str) -> None:
        """Raise a ``ValueError`` naming the first of ``attrs`` that ``post`` lacks."""
        self._check_attrs(self.post, "post", attrs)

    def _check_attrs(self, group: Any, which: str, attrs: tuple[str, ...]) -> None:
        for attr in attrs:
            if not isinstance(attr, str):
                raise TypeError(f"{self.name}: attribute names must be str, got {attr!r}.")
            if not hasattr(group, attr):
                raise ValueError(
                    f"{self.name}: the {which}synaptic group {group.name} needs the attribute "
                    f"{attr!r}, which it does not have."
                )

    def update(self, tdi: Any, pre_spike: Any = None) -> Any:
        """Advance the synapse one step; subclasses implement it."""
        raise NotImplementedError(f"{type(self).__name__} must implement update(tdi, ...).")

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(name={self.name!r}, mode={self.mode!r}, "
            f"pre={self.pre!r}, post={self.post!r})"
        )


class TwoEndConn(SynConn):
    """A :class:`SynConn` with an output, short-term and long-term plasticity slots.

    BrainPy 2.3.5's ``bp.TwoEndConn``. ``output``, ``stp`` and ``ltp`` are kept as
    attributes (``None`` when not given) for the subclass's ``update`` to use; a given one
    must be a :class:`~brainpy_dyn.DynamicalSystem` (such as ``bp.synouts.COBA()`` or
    ``bp.synplast.STD()``) and is a child node of the synapse.

    Args:
      pre: the presynaptic group.
      post: the postsynaptic group.
      conn: the connection (see :class:`SynConn`).
      output: the synaptic output, or ``None``.
      stp: the short-term plasticity, or ``None``.
      ltp: the long-term plasticity, or ``None``.
      mode: the computing mode.
      name: the object name.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Current(bd.TwoEndConn):
      ...     def __init__(self, pre, post, conn):
      ...         super().__init__(pre=pre, post=post, conn=conn)
      ...         self.w = bm.Variable(bm.ones(self.conn.require('conn_mat').shape))
      ...     def update(self, tdi):
      ...         self.post.input += bm.as_jax(self.pre.spike) @ self.w.value
      >>> syn = Current(bd.neurons.LIF(2), bd.neurons.LIF(3), bd.conn.All2All())
      >>> [k.split('.')[-1] for k in syn.vars(level=0)]
      ['w']
    """

    def __init__(
        self,
        pre: NeuGroup,
        post: NeuGroup,
        conn: Any = None,
        output: Any = None,
        stp: Any = None,
        ltp: Any = None,
        mode: bm.Mode | None = None,
        name: str | None = None,
    ):
        super().__init__(pre=pre, post=post, conn=conn, name=name, mode=mode)
        for arg, value in (("output", output), ("stp", stp), ("ltp", ltp)):
            if value is not None and not isinstance(value, DynamicalSystem):
                raise TypeError(
                    f"{self.name}: {arg} must be a DynamicalSystem (a synaptic output or "
                    f"plasticity model) or None, got {type(value).__name__}: {value!r}."
                )
        self.output = output
        self.stp = stp
        self.ltp = ltp


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
bm.set_module("brainpy_dyn", SynConn, TwoEndConn)

"""Synaptic outputs: how a conductance becomes a current."""

from __future__ import annotations

from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.dynsys import takes_shared_first
from brainpy_dyn._src.params import check_finite, check_positive
from brainpy_dyn._src.synapses._deps import DynamicalSystemNS

__all__ = ["SynOut", "COBA", "CUBA", "MgBlock"]


class SynOut(DynamicalSystemNS):
    """Base class of synaptic outputs: ``update(post_g, post_v) -> current``.

    BrainPy 2.3.5's ``bp.SynOut`` (and ``bp.experimental.SynOut``). A hand-written synapse
    registers itself as the output's master (:meth:`register_master`), which resolves a
    ``target_var`` given by name to the master's postsynaptic Variable, and passes its
    currents through :meth:`filter`.

    The outputs here (``COBA``, ``CUBA``, ``MgBlock``) implement ``update(post_g, post_v)``,
    which calling the output runs. A subclass written for 2.3.5's ``bp.SynOut`` that keeps
    the base :meth:`update` (a per-step hook taking the shared data ``tdi``) and overrides
    :meth:`filter` instead (or overrides ``update(tdi)``) is called as ``filter(post_g)``.

    Args:
      name: the object name.
      target_var: the Variable (or the name of the postsynaptic group's Variable) that
        :meth:`filter` adds the current to; ``None`` for none.
      mode: the computing mode (a Mode given as the second positional argument, as
        ``bp.experimental.SynOut(name, mode)`` took it, is taken as ``mode``).

    Raises:
      TypeError: ``target_var`` is not a name, a Variable or ``None``.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> class Syn(bd.TwoEndConn):
      ...     def __init__(self, pre, post):
      ...         super().__init__(pre, post, bd.conn.All2All(), output=bd.synouts.CUBA())
      ...         self.output.register_master(self)
      ...     def update(self, tdi):
      ...         self.output.filter(bm.ones(self.post.num))
      >>> post = bd.neurons.LIF(2)
      >>> Syn(bd.neurons.LIF(1), post)({'t': 0., 'dt': 0.1})
      >>> post.input.value.tolist()
      [1.0, 1.0]
    """

    master: Any = None
    target_var: Any = None

    def __init__(
        self,
        name: str | None = None,
        target_var: str | bm.Variable | None = None,
        mode: bm.Mode | None = None,
    ):
        if _is_mode(target_var) and mode is None:  # bp.experimental.SynOut(name, mode)
            target_var, mode = None, target_var
        if target_var is not None and not isinstance(target_var, (str, bm.Variable)):
            raise TypeError(
                f"{type(self).__name__}: target_var must be the name of a Variable of the "
                f"postsynaptic group, a Variable or None, got {type(target_var).__name__}: "
                f"{target_var!r}."
            )
        super().__init__(name=name, mode=mode)
        self.target_var = target_var

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Run :meth:`update` (``filter(post_g)`` for a 2.3.5 ``filter``-only subclass)."""
        if not takes_shared_first(type(self).update):
            return super().__call__(*args, **kwargs)
        if args and isinstance(args[0], dict):  # the shared data of 2.3.5's calling style
            args = args[1:]
        post_g = kwargs["post_g"] if "post_g" in kwargs else args[0]
        self._deliver = False  # the caller (a synapse) delivers the current it gets back
        try:
            return self.filter(post_g)
        finally:
            del self._deliver

    def register_master(self, master: Any) -> None:
        """Attach this output to the synapse ``master`` (once).

        A ``target_var`` given by name becomes ``master.post``'s Variable of that name.

        Raises:
          TypeError: ``master`` has no ``post`` group.
          ValueError: another master is registered already, or ``master.post`` has no
            Variable named ``target_var``.
        """
        if not hasattr(master, "post"):
            raise TypeError(
                f"{self.name}: the master must be a synapse with a 'post' group, got {master!r}."
            )
        if self.master is not None and self.master is not master:
            raise ValueError(
                f"{self.name}: already registered to {self.master.name}; an output serves "
                "one synapse."
            )
        self.master = master
        if isinstance(self.target_var, str):
            var = getattr(master.post, self.target_var, None)
            if not isinstance(var, bm.Variable):
                raise ValueError(
                    f"{self.name}: the postsynaptic group {master.post.name} has no Variable "
                    f"{self.target_var!r} (target_var)."
                )
            self.target_var = var

    def filter(self, g: Any) -> Any:
        """Deliver ``g``: add it to ``target_var`` when there is one; return ``g``.

        Called through the output (``output(g)``, by a synapse that delivers the current
        itself) it only returns ``g``.

        Raises:
          ValueError: ``target_var`` is still a name (no master registered).
        """
        target = self.target_var
        if target is None or not getattr(self, "_deliver", True):
            return g
        if isinstance(target, str):
            raise ValueError(
                f"{self.name}: target_var={target!r} is a name; call register_master(synapse) "
                "first, or give a Variable."
            )
        target.value = target.value + bm.as_jax(g).astype(target.dtype)
        return g

    def update(self, tdi: Any = None) -> None:
        """The per-step hook of 2.3.5's outputs (``tdi``: the shared data); does nothing.

        Subclasses that compute a current override it as ``update(post_g, post_v)``.
        """

    def reset_state(self, batch_size: int | None = None) -> None:
        """Outputs hold no state."""


def _is_mode(value: Any) -> bool:
    """Whether ``value`` is a computing mode (an instance or a Mode class)."""
    return isinstance(value, bm.Mode) or (isinstance(value, type) and issubclass(value, bm.Mode))


class COBA(SynOut):
    """Conductance-based output: ``I = g · (E − V)``.

    Args:
      E: reversal potential (mV).
      target_var: where a pre/post synapse adds the current: the name of a Variable of the
        postsynaptic group, a Variable, or ``None`` (the synapse only returns the current).
      membrane_var: the postsynaptic membrane potential a pre/post synapse reads.
      name: the object name.

    Examples:
      >>> import brainpy_dyn as bp
      >>> float(bp.experimental.COBA(E=0.)(0.5, -60.))
      30.0
    """

    def __init__(
        self,
        E: float = 0.0,
        target_var: str | bm.Variable | None = "input",
        membrane_var: str = "V",
        name: str | None = None,
    ):
        super().__init__(name=name)
        check_finite(E, self.name, "E")
        self.E = E
        self.target_var, self.membrane_var = target_var, membrane_var

    def update(self, post_g: Any, post_v: Any = None) -> Any:
        if post_v is None:
            raise ValueError(
                f"{self.name}: a conductance-based output needs the postsynaptic potential "
                "post_v, got None."
            )
        return post_g * (self.E - bm.as_jax(post_v))


class CUBA(SynOut):
    """Current-based output: ``I = g`` (the membrane potential is ignored).

    Args:
      target_var: where a pre/post synapse adds the current: the name of a Variable of the
        postsynaptic group, a Variable, or ``None`` (the synapse only returns the current).
      name: the object name.

    Examples:
      >>> import brainpy_dyn as bp
      >>> float(bp.experimental.CUBA()(0.5, -60.))
      0.5
    """

    def __init__(self, target_var: str | bm.Variable | None = "input", name: str | None = None):
        super().__init__(name=name)
        self.target_var = target_var

    def update(self, post_g: Any, post_v: Any = None) -> Any:
        return post_g


class MgBlock(SynOut):
    """NMDA-style output with magnesium block.

    ``I = g · (E − V) / (1 + cc_Mg / beta · exp(−alpha · V))``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> out = bd.synapses.MgBlock(E=0., cc_Mg=1.2)
      >>> round(float(out(1., -65.)), 4)  # 65 / (1 + 1.2 / 3.57 * exp(0.062 * 65))
      3.2645
    """

    def __init__(
        self,
        E: float = 0.0,
        cc_Mg: float = 1.2,
        alpha: float = 0.062,
        beta: float = 3.57,
        target_var: str | bm.Variable | None = "input",
        membrane_var: str = "V",
        name: str | None = None,
    ):
        super().__init__(name=name)
        check_finite(E, self.name, "E")
        check_positive(cc_Mg, self.name, "cc_Mg", strict=False)
        check_finite(alpha, self.name, "alpha")
        check_positive(beta, self.name, "beta")
        self.E, self.cc_Mg, self.alpha, self.beta = E, cc_Mg, alpha, beta
        self.target_var, self.membrane_var = target_var, membrane_var

    def update(self, post_g: Any, post_v: Any = None) -> Any:
        v = bm.as_jax(post_v)
        return post_g * (self.E - v) / (1 + self.cc_Mg / self.beta * bm.exp(-self.alpha * v))

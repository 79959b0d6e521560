"""Synaptic outputs: how a conductance becomes a current."""

from __future__ import annotations

from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.params import check_finite, check_positive
from brainpy_dyn._src.synapses._deps import DynamicalSystemNS

__all__ = ["SynOut", "COBA", "CUBA", "MgBlock"]


class SynOut(DynamicalSystemNS):
    """Base class of synaptic outputs: ``update(post_g, post_v) -> current``.

    BrainPy 2.3.5's ``bp.SynOut``. A hand-written synapse registers itself as the output's
    master (:meth:`register_master`), which resolves a ``target_var`` given by name to the
    master's postsynaptic Variable, and passes its currents through :meth:`filter`.

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

        Raises:
          ValueError: ``target_var`` is still a name (no master registered).
        """
        target = self.target_var
        if target is None:
            return g
        if isinstance(target, str):
            raise ValueError(
                f"{self.name}: target_var={target!r} is a name; call register_master(synapse) "
                "first, or give a Variable."
            )
        target.value = target.value + bm.as_jax(g).astype(target.dtype)
        return g

    def update(self, post_g: Any, post_v: Any = None) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def reset_state(self, batch_size: int | None = None) -> None:
        """Outputs hold no state."""


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

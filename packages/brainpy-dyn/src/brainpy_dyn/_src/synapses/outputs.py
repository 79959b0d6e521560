"""Synaptic outputs: how a conductance becomes a current."""

from __future__ import annotations

from typing import Any

import brainpy_math as bm
from brainpy_dyn._src.synapses._deps import DynamicalSystemNS

__all__ = ["SynOut", "COBA", "CUBA", "MgBlock"]


class SynOut(DynamicalSystemNS):
    """Base class of synaptic outputs: ``update(post_g, post_v) -> current``."""

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
        self.E, self.cc_Mg, self.alpha, self.beta = E, cc_Mg, alpha, beta
        self.target_var, self.membrane_var = target_var, membrane_var

    def update(self, post_g: Any, post_v: Any = None) -> Any:
        v = bm.as_jax(post_v)
        return post_g * (self.E - v) / (1 + self.cc_Mg / self.beta * bm.exp(-self.alpha * v))

"""The private JAX APIs brainpy_math uses, in one place (STYLE rule 12)."""

from __future__ import annotations

__all__ = ["backends_are_initialized"]


def backends_are_initialized() -> bool:
    """Whether JAX has created its backends (after which XLA_FLAGS no longer apply).

    Answers ``True`` when JAX does not expose the check, so callers stay on the safe side.
    """
    try:
        from jax._src import xla_bridge

        return bool(xla_bridge.backends_are_initialized())
    except (ImportError, AttributeError):
        return True

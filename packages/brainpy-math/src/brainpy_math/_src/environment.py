"""The global environment: time step, computing mode and numeric precision."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.modes import Mode, NonBatchingMode, TrainingMode, training_mode

__all__ = [
    "get_dt",
    "set_dt",
    "get_mode",
    "set_mode",
    "environment",
    "training_environment",
    "batching_environment",
    "set_environment",
    "enable_x64",
    "disable_x64",
    "set_x64",
    "is_x64",
    "get_float",
    "set_float",
    "get_int",
    "set_int",
    "get_complex",
    "ditype",
    "dftype",
]

_ENV: dict[str, Any] = {"dt": 0.1, "mode": NonBatchingMode(), "float": None, "int": None}


def get_dt() -> float:
    """The global numerical integration step, in ms (default 0.1).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.get_dt()
      0.1
    """
    return _ENV["dt"]


def set_dt(dt: float) -> None:
    """Set the global integration step; ``dt`` must be a positive finite number."""
    if (
        isinstance(dt, bool)
        or not isinstance(dt, (int, float))
        or not (0 < float(dt) < float("inf"))
    ):
        raise ValueError(f"set_dt: dt must be a positive finite number, got {dt!r}.")
    _ENV["dt"] = float(dt)


def get_mode() -> Mode:
    """The global default computing mode (``NonBatchingMode`` unless changed)."""
    return _ENV["mode"]


def set_mode(mode: Mode) -> None:
    """Set the global computing mode (a :class:`Mode` instance)."""
    if isinstance(mode, type) and issubclass(mode, Mode):
        mode = mode()
    if not isinstance(mode, Mode):
        raise TypeError(f"set_mode: mode must be a Mode instance, got {mode!r}.")
    _ENV["mode"] = mode


def is_x64() -> bool:
    """Whether 64-bit floats and ints are enabled."""
    return bool(jax.config.read("jax_enable_x64"))


def set_x64(enable: bool) -> None:
    """Enable or disable 64-bit precision (``jax_enable_x64``)."""
    jax.config.update("jax_enable_x64", bool(enable))


def enable_x64() -> None:
    """Use float64/int64 by default."""
    set_x64(True)


def disable_x64() -> None:
    """Use float32/int32 by default (the default)."""
    set_x64(False)


def get_float() -> Any:
    """The default float dtype: float64 under x64, else float32 (or what set_float chose)."""
    return _ENV["float"] or (jnp.float64 if is_x64() else jnp.float32)


def set_float(dtype: Any) -> None:
    """Set the default float dtype (``None`` follows the x64 switch)."""
    _ENV["float"] = dtype


def get_int() -> Any:
    """The default int dtype: int64 under x64, else int32 (or what set_int chose)."""
    return _ENV["int"] or (jnp.int64 if is_x64() else jnp.int32)


def set_int(dtype: Any) -> None:
    """Set the default int dtype (``None`` follows the x64 switch)."""
    _ENV["int"] = dtype


def get_complex() -> Any:
    """The default complex dtype: complex128 under x64, else complex64."""
    return jnp.complex128 if is_x64() else jnp.complex64


ditype = get_int
dftype = get_float


def set_environment(
    mode: Mode | None = None, dt: float | None = None, x64: bool | None = None
) -> None:
    """Set several global settings at once."""
    if mode is not None:
        set_mode(mode)
    if dt is not None:
        set_dt(dt)
    if x64 is not None:
        set_x64(x64)


@contextlib.contextmanager
def environment(
    mode: Mode | None = None,
    dt: float | None = None,
    x64: bool | None = None,
    float_: Any = None,
    int_: Any = None,
) -> Iterator[None]:
    """Temporarily change the global settings; they are restored on exit.

    Examples:
      >>> import brainpy_math as bm
      >>> with bm.environment(dt=0.05, mode=bm.training_mode):
      ...     bm.get_dt(), bm.get_mode()
      (0.05, TrainingMode(batch_size=1))
      >>> bm.get_dt()
      0.1
    """
    saved = dict(_ENV)
    saved_x64 = is_x64()
    try:
        set_environment(mode, dt, x64)
        if float_ is not None:
            set_float(float_)
        if int_ is not None:
            set_int(int_)
        yield
    finally:
        _ENV.update(saved)
        if x64 is not None:
            set_x64(saved_x64)


def training_environment(dt: float | None = None, x64: bool | None = None, batch_size: int = 1):
    """:func:`environment` with a :class:`TrainingMode`."""
    mode = training_mode if batch_size == 1 else TrainingMode(batch_size)
    return environment(mode=mode, dt=dt, x64=x64)


def batching_environment(dt: float | None = None, x64: bool | None = None, batch_size: int = 1):
    """:func:`environment` with a :class:`BatchingMode`."""
    from brainpy_math._src.modes import BatchingMode

    return environment(mode=BatchingMode(batch_size), dt=dt, x64=x64)

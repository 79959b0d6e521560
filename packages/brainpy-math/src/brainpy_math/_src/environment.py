"""The global environment: time step, computing mode and numeric precision."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.modes import (
    BatchingMode,
    Mode,
    NonBatchingMode,
    TrainingMode,
    training_mode,
)
from brainpy_math._src.public_path import set_module

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
    "set_complex",
    "get_bool",
    "set_bool",
    "ditype",
    "dftype",
]

_ENV: dict[str, Any] = {
    "dt": 0.1,
    "mode": NonBatchingMode(),
    "float": None,
    "int": None,
    "complex": None,
    "bool": None,
}


def get_dt() -> float:
    """The global numerical integration step, in ms (default 0.1).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.get_dt()
      0.1
    """
    return _ENV["dt"]


def _check_dt(dt: Any, where: str) -> float:
    if (
        isinstance(dt, bool)
        or not isinstance(dt, (int, float))
        or not (0 < float(dt) < float("inf"))
    ):
        raise ValueError(f"{where}: dt must be a positive finite number, got {dt!r}.")
    return float(dt)


def set_dt(dt: float) -> None:
    """Set the global integration step; ``dt`` must be a positive finite number.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.set_dt(0.05)
      >>> bm.get_dt()
      0.05
      >>> bm.set_dt(0.1)  # back to the default
    """
    _ENV["dt"] = _check_dt(dt, "set_dt")


def get_mode() -> Mode:
    """The global default computing mode (``NonBatchingMode`` unless changed).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.get_mode()
      NonBatchingMode
    """
    return _ENV["mode"]


def set_mode(mode: Mode) -> None:
    """Set the global computing mode (a :class:`Mode` instance).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.set_mode(bm.TrainingMode(batch_size=4))
      >>> bm.get_mode()
      TrainingMode(batch_size=4)
      >>> bm.set_mode(bm.NonBatchingMode())  # back to the default
    """
    if isinstance(mode, type) and issubclass(mode, Mode):
        mode = mode()
    if not isinstance(mode, Mode):
        raise TypeError(f"set_mode: mode must be a Mode instance, got {mode!r}.")
    _ENV["mode"] = mode


def is_x64() -> bool:
    """Whether 64-bit floats and ints are enabled.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.is_x64()
      False
    """
    return bool(jax.config.read("jax_enable_x64"))


def set_x64(enable: bool) -> None:
    """Enable or disable 64-bit precision (``jax_enable_x64``).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.set_x64(True)
      >>> bm.zeros(2).dtype
      dtype('float64')
      >>> bm.set_x64(False)
      >>> bm.zeros(2).dtype
      dtype('float32')
    """
    jax.config.update("jax_enable_x64", bool(enable))


def enable_x64() -> None:
    """Use float64/int64 by default.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.enable_x64()
      >>> bm.get_float(), bm.get_int()
      (<class 'jax.numpy.float64'>, <class 'jax.numpy.int64'>)
      >>> bm.disable_x64()
    """
    set_x64(True)


def disable_x64() -> None:
    """Use float32/int32 by default (the default).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.enable_x64()
      >>> bm.disable_x64()
      >>> bm.is_x64(), bm.arange(2).dtype
      (False, dtype('int32'))
    """
    set_x64(False)


def get_float() -> Any:
    """The default float dtype: float64 under x64, else float32 (or what set_float chose).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.get_float()
      <class 'jax.numpy.float32'>
    """
    return _ENV["float"] or (jnp.float64 if is_x64() else jnp.float32)


def set_float(dtype: Any) -> None:
    """Set the default float dtype (``None`` follows the x64 switch).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.set_float(bm.float16)
      >>> bm.get_float()
      <class 'jax.numpy.float16'>
      >>> bm.set_float(None)  # back to the default (follows the x64 switch)
    """
    _ENV["float"] = _check_dtype(dtype, "set_float", "floating")


def get_int() -> Any:
    """The default int dtype: int64 under x64, else int32 (or what set_int chose).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.get_int()
      <class 'jax.numpy.int32'>
    """
    return _ENV["int"] or (jnp.int64 if is_x64() else jnp.int32)


def set_int(dtype: Any) -> None:
    """Set the default int dtype (``None`` follows the x64 switch).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.set_int(bm.int16)
      >>> bm.get_int()
      <class 'jax.numpy.int16'>
      >>> bm.set_int(None)
    """
    _ENV["int"] = _check_dtype(dtype, "set_int", "integer")


def _check_dtype(dtype: Any, where: str, kind: str) -> Any:
    """``dtype`` if it is ``None`` or a dtype of ``kind``; a clear error otherwise."""
    if dtype is None:
        return None
    try:
        resolved = jnp.dtype(dtype)
    except TypeError as err:
        raise TypeError(f"{where}: dtype must be a {kind} dtype, got {dtype!r}.") from err
    expected = jnp.bool_ if kind == "bool" else getattr(jnp, kind)
    if not jnp.issubdtype(resolved, expected):
        raise TypeError(f"{where}: dtype must be a {kind} dtype, got {dtype!r} ({resolved}).")
    return dtype


def get_complex() -> Any:
    """The default complex dtype: complex128 under x64, else complex64 (or what set_complex chose).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.get_complex()
      <class 'jax.numpy.complex64'>
    """
    return _ENV["complex"] or (jnp.complex128 if is_x64() else jnp.complex64)


def set_complex(dtype: Any) -> None:
    """Set the default complex dtype (``None`` follows the x64 switch).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.set_complex(bm.complex128); bm.get_complex()
      <class 'jax.numpy.complex128'>
      >>> bm.set_complex(None)
    """
    _ENV["complex"] = _check_dtype(dtype, "set_complex", "complexfloating")


def get_bool() -> Any:
    """The default bool dtype (``bool_`` unless :func:`set_bool` chose another).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.get_bool()
      <class 'jax.numpy.bool'>
    """
    return _ENV["bool"] or jnp.bool_


def set_bool(dtype: Any) -> None:
    """Set the default bool dtype (``None`` restores ``bool_``).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.set_bool(bm.bool_)
      >>> bm.get_bool()
      <class 'jax.numpy.bool'>
      >>> bm.set_bool(None)
    """
    _ENV["bool"] = _check_dtype(dtype, "set_bool", "bool")


ditype = get_int
dftype = get_float


def set_environment(
    mode: Mode | None = None,
    dt: float | None = None,
    x64: bool | None = None,
    complex_: Any = None,
    float_: Any = None,
    int_: Any = None,
    bool_: Any = None,
) -> None:
    """Set several global settings at once (``None`` leaves a setting as it is).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.set_environment(dt=0.2)
      >>> bm.get_dt()
      0.2
      >>> bm.set_environment(dt=0.1)
    """
    if mode is not None:
        set_mode(mode)
    if dt is not None:
        set_dt(dt)
    if x64 is not None:
        set_x64(x64)
    if complex_ is not None:
        set_complex(complex_)
    if float_ is not None:
        set_float(float_)
    if int_ is not None:
        set_int(int_)
    if bool_ is not None:
        set_bool(bool_)


class environment:
    """Global settings that hold inside a ``with`` block (or a decorated function).

    On exit every setting is restored, even after an error. The same object can be entered
    again (also nested); :meth:`clone` copies its settings.

    Args:
      mode: the computing mode.
      dt: the numerical integration step.
      x64: enable 64-bit precision.
      complex_: the default complex dtype.
      float_: the default float dtype.
      int_: the default int dtype.
      bool_: the default bool dtype.

    Examples:
      >>> import brainpy_math as bm
      >>> with bm.environment(dt=0.05, mode=bm.training_mode):
      ...     bm.get_dt(), bm.get_mode()
      (0.05, TrainingMode(batch_size=1))
      >>> bm.get_dt()
      0.1
      >>> @bm.environment(dt=0.5)
      ... def step_size():
      ...     return bm.get_dt()
      >>> step_size(), bm.get_dt()
      (0.5, 0.1)
    """

    def __init__(
        self,
        mode: Mode | None = None,
        dt: float | None = None,
        x64: bool | None = None,
        complex_: Any = None,
        float_: Any = None,
        int_: Any = None,
        bool_: Any = None,
    ):
        if mode is not None and not (
            isinstance(mode, Mode) or (isinstance(mode, type) and issubclass(mode, Mode))
        ):
            raise TypeError(f"environment: mode must be a Mode instance, got {mode!r}.")
        if dt is not None:
            _check_dt(dt, "environment")
        self.mode = mode
        self.dt = dt
        self.x64 = x64
        self.complex_ = complex_
        self.float_ = float_
        self.int_ = int_
        self.bool_ = bool_
        self._saved: list[tuple[dict[str, Any], bool]] = []

    def __enter__(self) -> environment:
        self._saved.append((dict(_ENV), is_x64()))
        try:
            set_environment(
                self.mode, self.dt, self.x64, self.complex_, self.float_, self.int_, self.bool_
            )
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc: Any) -> None:
        saved, saved_x64 = self._saved.pop()
        _ENV.clear()
        _ENV.update(saved)
        if self.x64 is not None:
            set_x64(saved_x64)

    def __call__(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """Use as a decorator: ``func`` runs inside this environment."""

        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            with self.clone():
                return func(*args, **kwargs)

        return run

    def clone(self) -> environment:
        """A new environment with the same settings."""
        return type(self)(**self._settings())

    def _settings(self) -> dict[str, Any]:
        return dict(
            mode=self.mode,
            dt=self.dt,
            x64=self.x64,
            complex_=self.complex_,
            float_=self.float_,
            int_=self.int_,
            bool_=self.bool_,
        )

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._settings() == self._settings()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        given = ", ".join(f"{k}={v!r}" for k, v in self._settings().items() if v is not None)
        return f"{type(self).__name__}({given})"


class training_environment(environment):
    """An :class:`environment` with a :class:`TrainingMode` (``batch_size`` samples).

    Examples:
      >>> import brainpy_math as bm
      >>> with bm.training_environment():
      ...     bm.get_mode()
      TrainingMode(batch_size=1)
    """

    def __init__(
        self,
        dt: float | None = None,
        x64: bool | None = None,
        complex_: Any = None,
        float_: Any = None,
        int_: Any = None,
        bool_: Any = None,
        batch_size: int = 1,
    ):
        mode = training_mode if batch_size == 1 else TrainingMode(batch_size)
        super().__init__(mode, dt, x64, complex_, float_, int_, bool_)
        self.batch_size = batch_size

    def clone(self) -> training_environment:
        """A new environment with the same settings."""
        settings = self._settings()
        del settings["mode"]
        return type(self)(**settings, batch_size=self.batch_size)


class batching_environment(environment):
    """An :class:`environment` with a :class:`BatchingMode` (``batch_size`` samples).

    Examples:
      >>> import brainpy_math as bm
      >>> with bm.batching_environment(batch_size=4):
      ...     bm.get_mode()
      BatchingMode(batch_size=4)
    """

    def __init__(
        self,
        dt: float | None = None,
        x64: bool | None = None,
        complex_: Any = None,
        float_: Any = None,
        int_: Any = None,
        bool_: Any = None,
        batch_size: int = 1,
    ):
        super().__init__(BatchingMode(batch_size), dt, x64, complex_, float_, int_, bool_)
        self.batch_size = batch_size

    def clone(self) -> batching_environment:
        """A new environment with the same settings."""
        settings = self._settings()
        del settings["mode"]
        return type(self)(**settings, batch_size=self.batch_size)


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
set_module(
    "brainpy_math",
    environment,
    training_environment,
    batching_environment,
    set_environment,
    get_bool,
    set_bool,
    set_complex,
)

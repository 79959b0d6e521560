"""Device selection from BrainPy 2.3.5: ``set_platform``, ``get_platform``, ``set_host_device_count``."""

from __future__ import annotations

import os
import re

import jax

from brainpy_math._src._compat import backends_are_initialized
from brainpy_math._src.public_path import set_module

__all__ = ["get_platform", "set_host_device_count", "set_platform"]

_PLATFORMS = ("cpu", "gpu", "tpu")
_COUNT_FLAG = re.compile(r"--xla_force_host_platform_device_count=\S*")


def set_platform(platform: str) -> None:
    """Choose the device kind computations run on: ``'cpu'``, ``'gpu'`` or ``'tpu'``.

    Called before JAX starts, it restricts JAX to that platform (``jax_platforms``).
    Called later, it makes the first device of that platform the default device.

    Raises:
      ValueError: ``platform`` is not one of the three, or no such device exists.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.set_platform(bm.get_platform())  # keep the current one
    """
    if platform not in _PLATFORMS:
        raise ValueError(f"set_platform: platform must be one of {_PLATFORMS}, got {platform!r}.")
    if not backends_are_initialized():
        jax.config.update("jax_platforms", platform)
        return
    try:
        device = jax.devices(platform)[0]
    except RuntimeError as e:
        raise ValueError(
            f"set_platform: no {platform!r} device is available (JAX has {jax.devices()})."
        ) from e
    jax.config.update("jax_default_device", device)


def get_platform() -> str:
    """The platform computations run on by default: ``'cpu'``, ``'gpu'`` or ``'tpu'``.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.get_platform() in ('cpu', 'gpu', 'tpu')
      True
    """
    device = jax.config.jax_default_device
    if device is not None and not isinstance(device, str):
        return device.platform
    return jax.default_backend()


def set_host_device_count(n: int) -> None:
    """Split the CPU into ``n`` XLA devices (for ``pmap``/sharding tests on one machine).

    Sets ``--xla_force_host_platform_device_count=n`` in ``XLA_FLAGS`` (replacing an
    earlier value, keeping other flags). XLA reads the flag once, when JAX starts, so
    call this before any JAX computation.

    Importing ``brainpy_math`` (or ``brainpy``) starts nothing: call this right after the
    imports, as BrainPy 2.3.5 scripts do.

    Examples:
      Not run as a doctest (the test process has started JAX already)::

        import brainpy.math as bm
        bm.set_host_device_count(4)
        import jax
        jax.device_count()  # 4

    Raises:
      ValueError: ``n`` is not a positive int.
      RuntimeError: JAX has already started; set ``XLA_FLAGS`` in the environment
        before starting Python instead.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"set_host_device_count: n must be a positive int, got {n!r}.")
    if backends_are_initialized():
        raise RuntimeError(
            f"set_host_device_count({n}): JAX has already started, so XLA would ignore the "
            "flag. Call it before any JAX computation, or start Python with "
            f"XLA_FLAGS=--xla_force_host_platform_device_count={n}."
        )
    flags = _COUNT_FLAG.sub("", os.environ.get("XLA_FLAGS", "")).split()
    flags.append(f"--xla_force_host_platform_device_count={n}")
    os.environ["XLA_FLAGS"] = " ".join(flags)


set_module("brainpy_math", get_platform, set_host_device_count, set_platform)

"""Run-time configuration helpers: ``show_config`` and the GPU memory switches."""

from __future__ import annotations

import os
import platform
import sys
from typing import Any

from brainpy_math._src.public_path import set_module

__all__ = [
    "show_config",
    "disable_gpu_memory_preallocation",
    "enable_gpu_memory_preallocation",
]


def _config() -> dict[str, Any]:
    import jax
    import numpy as np

    from brainpy_math._version import __version__

    info: dict[str, Any] = {
        "brainpy_math": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "numpy": np.__version__,
        "jax": jax.__version__,
    }
    try:
        import jaxlib

        info["jaxlib"] = jaxlib.__version__
    except ImportError:  # pragma: no cover - jax always ships jaxlib
        pass
    info["backend"] = jax.default_backend()
    info["devices"] = [str(d) for d in jax.devices()]
    info["x64"] = bool(jax.config.read("jax_enable_x64"))
    for key in ("XLA_PYTHON_CLIENT_PREALLOCATE", "XLA_PYTHON_CLIENT_ALLOCATOR", "XLA_FLAGS"):
        if key in os.environ:
            info[key] = os.environ[key]
    return info


def show_config(mode: str = "stdout") -> dict[str, Any] | None:
    """Print (or return) the versions, platform and devices brainpy_math runs with.

    Args:
      mode: ``'stdout'`` prints the report; ``'dicts'`` returns it as a dict.

    Examples:
      >>> import brainpy_math as bm
      >>> info = bm.show_config(mode='dicts')
      >>> 'jax' in info and 'devices' in info
      True
    """
    if mode not in ("stdout", "dicts"):
        raise ValueError(f"show_config: mode must be 'stdout' or 'dicts', got {mode!r}.")
    info = _config()
    if mode == "dicts":
        return info
    width = max(map(len, info))
    for key, value in info.items():
        print(f"{key:<{width}} : {value}")
    return None


def disable_gpu_memory_preallocation(release_memory: bool = True) -> None:
    """Make XLA allocate GPU memory on demand instead of taking most of it at start.

    Sets ``XLA_PYTHON_CLIENT_PREALLOCATE=false`` (and, with ``release_memory``,
    ``XLA_PYTHON_CLIENT_ALLOCATOR=platform``, which frees memory as soon as it is unused).
    XLA reads these once, when the GPU backend starts: call this before the first
    computation.

    Examples:
      >>> import os
      >>> import brainpy_math as bm
      >>> bm.disable_gpu_memory_preallocation()
      >>> os.environ['XLA_PYTHON_CLIENT_PREALLOCATE'], os.environ['XLA_PYTHON_CLIENT_ALLOCATOR']
      ('false', 'platform')
    """
    os.environ["XLA_PYTHON_CLIENT_PREALLOCATE"] = "false"
    if release_memory:
        os.environ["XLA_PYTHON_CLIENT_ALLOCATOR"] = "platform"


def enable_gpu_memory_preallocation() -> None:
    """Undo :func:`disable_gpu_memory_preallocation` (XLA's default: preallocate).

    Examples:
      >>> import os
      >>> import brainpy_math as bm
      >>> bm.enable_gpu_memory_preallocation()
      >>> os.environ['XLA_PYTHON_CLIENT_PREALLOCATE'], 'XLA_PYTHON_CLIENT_ALLOCATOR' in os.environ
      ('true', False)
    """
    os.environ["XLA_PYTHON_CLIENT_PREALLOCATE"] = "true"
    os.environ.pop("XLA_PYTHON_CLIENT_ALLOCATOR", None)


set_module(
    "brainpy_math",
    show_config,
    disable_gpu_memory_preallocation,
    enable_gpu_memory_preallocation,
)

"""``clear_buffer_memory``: free the device memory that live JAX arrays hold."""

from __future__ import annotations

import gc

import jax
import numpy as np

__all__ = ["clear_buffer_memory"]


def clear_buffer_memory(
    platform: str | None = None, array: bool = True, compilation: bool = False
) -> None:
    """Delete every live JAX array (on ``platform``), and optionally the compiled programs.

    BrainPy implementation of ``brainpy.math.clear_buffer_memory`` (2.3.5): between
    simulations in one process (a parameter sweep, a test suite) it returns the device
    memory of arrays that are still referenced but no longer needed. Any array or
    Variable created before the call is deleted: reading it afterwards raises
    ``RuntimeError: Array has been deleted``. Create the next model after the call.

    Unlike 2.3.5, the key of the global random state ``brainpy_math.random.DEFAULT``
    survives (it is copied to the host and back), so drawing random numbers keeps working
    and continues the same stream.

    Args:
      platform: ``'cpu'``, ``'gpu'``, ``'tpu'`` …; ``None`` clears the default backend.
      array: delete the live arrays.
      compilation: also clear JAX's caches of compiled programs (:func:`jax.clear_caches`).

    Examples:
      Not run as a doctest, since it would delete the arrays of the other examples:

      >>> import brainpy_math as bm
      >>> x = bm.ones(1000)
      >>> bm.clear_buffer_memory()  # doctest: +SKIP
      >>> x.value.is_deleted()  # doctest: +SKIP
      True
      >>> bm.random.normal(size=2).shape  # the global random state still works
      (2,)
    """
    from brainpy_math._src.random.state import DEFAULT

    if array:
        key = np.asarray(DEFAULT._value)
        gc.collect()  # arrays only waiting for the collector need not be deleted by hand
        for live in jax.live_arrays(platform):
            if not live.is_deleted():
                live.delete()
        DEFAULT._value = jax.device_put(key)
    if compilation:
        jax.clear_caches()

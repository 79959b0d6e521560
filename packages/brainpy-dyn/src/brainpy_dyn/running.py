"""Run a model over many parameter sets (BrainPy 2.3.5's ``brainpy.running``).

:func:`jax_vectorize_map` and :func:`jax_parallelize_map` batch a JAX function over the rows
of its arguments on one device (``vmap``) or over devices (``pmap``); :func:`process_pool`,
:func:`process_pool_lock`, :func:`cpu_ordered_parallel` and :func:`cpu_unordered_parallel`
run a Python function in worker processes.

Examples:
  >>> import numpy as np
  >>> from brainpy_dyn import running
  >>> running.jax_vectorize_map(lambda x: x + 1, [np.arange(3.)], num_parallel=2)
  array([1., 2., 3.], dtype=float32)
"""

from brainpy_dyn._src.running import cpu_ordered_parallel as cpu_ordered_parallel
from brainpy_dyn._src.running import cpu_unordered_parallel as cpu_unordered_parallel
from brainpy_dyn._src.running import jax_parallelize_map as jax_parallelize_map
from brainpy_dyn._src.running import jax_vectorize_map as jax_vectorize_map
from brainpy_dyn._src.running import process_pool as process_pool
from brainpy_dyn._src.running import process_pool_lock as process_pool_lock
from brainpy_math import set_module as _set_module

__all__ = [
    "cpu_ordered_parallel",
    "cpu_unordered_parallel",
    "jax_parallelize_map",
    "jax_vectorize_map",
    "process_pool",
    "process_pool_lock",
]

_set_module(
    __name__,
    cpu_ordered_parallel,
    cpu_unordered_parallel,
    jax_parallelize_map,
    jax_vectorize_map,
    process_pool,
    process_pool_lock,
)

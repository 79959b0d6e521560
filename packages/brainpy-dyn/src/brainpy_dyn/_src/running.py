"""Run one function over many parameter sets: vectorised, over devices, or over processes.

``jax_vectorize_map`` and ``jax_parallelize_map`` batch a JAX function over the leading axis
of its arguments, ``num_parallel`` sets at a time (by :func:`jax.vmap` on one device, by
:func:`jax.pmap` over devices), and concatenate the results. ``process_pool``,
``process_pool_lock``, ``cpu_ordered_parallel`` and ``cpu_unordered_parallel`` run a Python
function in worker processes of the standard :mod:`multiprocessing` module.

Worker processes receive the function by pickling, so it must be importable by name (a
function defined at the top level of a module, not a lambda or a closure); where the start
method is ``spawn`` (macOS, Windows) the calling script needs the usual
``if __name__ == '__main__':`` guard.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import jax
import numpy as np

import brainpy_math as bm

__all__ = [
    "jax_vectorize_map",
    "jax_parallelize_map",
    "process_pool",
    "process_pool_lock",
    "cpu_ordered_parallel",
    "cpu_unordered_parallel",
]


# ------------------------------------------------------------------------------ JAX maps


def _split_arguments(arguments: Any, fn: str) -> tuple[list[Any], list[str] | None, int]:
    """The leaves (as JAX arrays), the keyword names (``None``: positional), the length."""
    if isinstance(arguments, dict):
        keys: list[str] | None = list(arguments)
        values = list(arguments.values())
    elif isinstance(arguments, (list, tuple)):
        keys, values = None, list(arguments)
    else:
        raise TypeError(
            f"{fn}: arguments must be a dict or a sequence of arrays, got {type(arguments).__name__}."
        )
    if not values:
        raise ValueError(f"{fn}: arguments is empty; give at least one array of parameters.")
    # Held on the host: chunks go to the device one by one, and clear_buffer may free them.
    values = [jax.tree_util.tree_map(lambda a: np.asarray(bm.as_jax(a)), v) for v in values]
    lengths = {leaf.shape[0] if leaf.ndim else None for leaf in jax.tree_util.tree_leaves(values)}
    if None in lengths or len(lengths) != 1:
        shapes = [tuple(leaf.shape) for leaf in jax.tree_util.tree_leaves(values)]
        raise ValueError(
            f"{fn}: every argument must have the same leading length (the number of parameter "
            f"sets), got shapes {shapes}."
        )
    return values, keys, lengths.pop()


def _check_num_parallel(num_parallel: Any, fn: str) -> int:
    if isinstance(num_parallel, bool) or not isinstance(num_parallel, (int, np.integer)):
        raise TypeError(f"{fn}: num_parallel must be an int >= 1, got {num_parallel!r}.")
    if num_parallel < 1:
        raise ValueError(f"{fn}: num_parallel must be an int >= 1, got {num_parallel!r}.")
    return int(num_parallel)


def _chunked_map(mapped: Callable, values, keys, total: int, size: int, clear_buffer: bool):
    def call(*chunk):
        return mapped(**dict(zip(keys, chunk))) if keys is not None else mapped(*chunk)

    outputs = []
    for start in range(0, total, size):
        stop = min(start + size, total)

        def take(a, start=start, stop=stop):
            part = a[start:stop]
            if stop - start < size:  # pad the last chunk to the compiled size, drop it after
                pad = np.repeat(part[-1:], size - (stop - start), axis=0)
                part = np.concatenate([part, pad], axis=0)
            return part

        chunk = [jax.tree_util.tree_map(take, v) for v in values]
        out = call(*chunk)
        out = jax.tree_util.tree_map(lambda o, n=stop - start: np.asarray(o)[:n], out)
        outputs.append(out)
        if clear_buffer:
            bm.clear_buffer_memory()
    return jax.tree_util.tree_map(lambda *parts: np.concatenate(parts, axis=0), *outputs)


def _as_pure(func: Callable, fn: str) -> Callable:
    if not callable(func):
        raise TypeError(f"{fn}: func must be callable, got {type(func).__name__}.")

    def pure(*args, **kwargs):
        return jax.tree_util.tree_map(
            lambda x: bm.as_jax(x) if isinstance(x, bm.Array) else x,
            func(*args, **kwargs),
            is_leaf=lambda x: isinstance(x, bm.Array),
        )

    return pure


def jax_vectorize_map(
    func: Callable,
    arguments: dict[str, Any] | Sequence[Any],
    num_parallel: int,
    clear_buffer: bool = False,
) -> Any:
    """Map ``func`` over parameter sets, ``num_parallel`` at a time with :func:`jax.vmap`.

    BrainPy implementation of ``brainpy.running.jax_vectorize_map`` (2.3.5). Every argument
    holds one parameter set per row (the leading axis); ``func`` gets one row of each, by
    position (a sequence) or by keyword (a dict), and is compiled once for a chunk of
    ``num_parallel`` rows (the last chunk is padded to that size).

    Args:
      func: a JAX-traceable function of one parameter set; it returns a pytree of arrays.
      arguments: a dict ``{name: array}`` or a sequence of arrays, all of one leading length.
      num_parallel: how many parameter sets run together.
      clear_buffer: free the device buffers after each chunk
        (:func:`brainpy_math.clear_buffer_memory`; the results are copied to NumPy first).

    Returns:
      ``func``'s pytree with NumPy arrays whose leading axis runs over all parameter sets.

    Raises:
      TypeError: ``func`` not callable, or ``arguments`` neither a dict nor a sequence.
      ValueError: arguments of different leading lengths, or ``num_parallel < 1``.

    Examples:
      >>> import numpy as np
      >>> from brainpy_dyn import running
      >>> running.jax_vectorize_map(lambda a, b: a * b, [np.arange(5.), np.ones(5) * 2], 2)
      array([0., 2., 4., 6., 8.], dtype=float32)
    """
    fn = "jax_vectorize_map"
    num_parallel = _check_num_parallel(num_parallel, fn)
    values, keys, total = _split_arguments(arguments, fn)
    mapped = jax.jit(jax.vmap(_as_pure(func, fn)))
    return _chunked_map(mapped, values, keys, total, num_parallel, clear_buffer)


def jax_parallelize_map(
    func: Callable,
    arguments: dict[str, Any] | Sequence[Any],
    num_parallel: int,
    clear_buffer: bool = False,
) -> Any:
    """Map ``func`` over parameter sets, ``num_parallel`` at a time on as many devices.

    BrainPy implementation of ``brainpy.running.jax_parallelize_map`` (2.3.5): as
    :func:`jax_vectorize_map` but with :func:`jax.pmap`, one parameter set per device;
    ``num_parallel`` may not exceed :func:`jax.local_device_count` (on a CPU, set
    ``XLA_FLAGS=--xla_force_host_platform_device_count=N`` before JAX starts to get ``N``).

    Args:
      func: a JAX-traceable function of one parameter set; it returns a pytree of arrays.
      arguments: a dict ``{name: array}`` or a sequence of arrays, all of one leading length.
      num_parallel: how many parameter sets (devices) run together.
      clear_buffer: free the device buffers after each chunk.

    Returns:
      ``func``'s pytree with NumPy arrays whose leading axis runs over all parameter sets.

    Raises:
      ValueError: ``num_parallel`` above the number of devices, or as for
        :func:`jax_vectorize_map`.

    Examples:
      >>> import numpy as np
      >>> from brainpy_dyn import running
      >>> running.jax_parallelize_map(lambda a: a ** 2, {'a': np.arange(3.)}, 1)
      array([0., 1., 4.], dtype=float32)
    """
    fn = "jax_parallelize_map"
    num_parallel = _check_num_parallel(num_parallel, fn)
    if num_parallel > jax.local_device_count():
        raise ValueError(
            f"{fn}: num_parallel ({num_parallel}) exceeds the {jax.local_device_count()} local "
            "device(s); use jax_vectorize_map, or on a CPU start with "
            "XLA_FLAGS=--xla_force_host_platform_device_count=N."
        )
    values, keys, total = _split_arguments(arguments, fn)
    mapped = jax.pmap(_as_pure(func, fn))
    return _chunked_map(mapped, values, keys, total, num_parallel, clear_buffer)


# ------------------------------------------------------------------------------ processes


def _check_picklable(func: Any, fn: str) -> None:
    if not callable(func):
        raise TypeError(f"{fn}: func must be callable, got {type(func).__name__}.")
    try:
        pickle.dumps(func)
    except Exception as err:
        raise TypeError(
            f"{fn}: func must be picklable to reach the worker processes (a function defined "
            f"at the top level of a module, not a lambda or a closure); {func!r} is not: {err}"
        ) from err


def _check_processes(num_process: Any, fn: str, *, allow_none: bool) -> int:
    cpus = os.cpu_count() or 1
    if num_process is None and allow_none:
        return cpus
    if isinstance(num_process, bool) or not isinstance(num_process, (int, float, np.number)):
        raise TypeError(
            f"{fn}: num_process must be an int >= 1"
            + (", a fraction of the CPU cores in (0, 1] or None" if allow_none else "")
            + f", got {num_process!r}."
        )
    if isinstance(num_process, (float, np.floating)) and allow_none:
        if not 0 < num_process <= 1:
            raise ValueError(
                f"{fn}: a float num_process is a fraction of the {cpus} CPU cores and must lie "
                f"in (0, 1], got {num_process!r}."
            )
        return max(1, int(cpus * num_process))
    if num_process < 1 or int(num_process) != num_process:
        raise ValueError(f"{fn}: num_process must be an int >= 1, got {num_process!r}.")
    return int(num_process)


@contextmanager
def _quiet_fork() -> Iterator[None]:
    """Silence JAX's warning at ``os.fork`` while worker processes start.

    The start method is the platform's (fork on Linux, as in 2.3.5). JAX warns at every fork
    of a process that has started it; the workers here run plain Python functions and start
    their own JAX if they need one.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r"os\.fork\(\) was called", category=RuntimeWarning
        )
        yield


def _pool(num_process: int) -> Any:
    """A ``multiprocessing.Pool`` of ``num_process`` workers."""
    with _quiet_fork():
        return multiprocessing.Pool(processes=num_process)


def _pool_calls(func, all_params, num_process, fn, lock=None):
    _check_picklable(func, fn)
    num_process = _check_processes(num_process, fn, allow_none=False)
    if isinstance(all_params, dict):
        # One dict of equally long sequences: the i-th call takes the i-th value of each.
        keys = list(all_params)
        all_params = [dict(zip(keys, vals)) for vals in zip(*all_params.values())]
    calls = []
    for i, params in enumerate(all_params):
        if isinstance(params, dict):
            calls.append(((), dict(params)))
        elif isinstance(params, (list, tuple)):
            calls.append((tuple(params), {}))
        else:
            raise TypeError(
                f"{fn}: each parameter set must be a tuple/list (positional) or a dict "
                f"(keywords), got {type(params).__name__} at index {i}."
            )
    with _pool(num_process) as pool:
        if lock is not None:
            calls = [(args, {**kwargs, "lock": lock}) for args, kwargs in calls]
        pending = [pool.apply_async(func, args, kwargs) for args, kwargs in calls]
        return [p.get() for p in pending]


def process_pool(func: Callable, all_params: Sequence | dict, num_process: int) -> list[Any]:
    """Call ``func`` once per parameter set in a pool of ``num_process`` processes.

    BrainPy implementation of ``brainpy.running.process_pool`` (2.3.5).

    Args:
      func: a picklable function (defined at the top level of a module).
      all_params: the parameter sets: a sequence whose items are tuples/lists (positional
        arguments) or dicts (keyword arguments), or a dict of equally long sequences.
      num_process: the number of worker processes.

    Returns:
      The results, in the order of ``all_params``.

    Raises:
      TypeError: ``func`` not picklable, or a parameter set of another type.

    Examples:
      >>> from brainpy_dyn import running
      >>> running.process_pool(pow, [(2, 3), (3, 2)], num_process=2)  # doctest: +SKIP
      [8, 9]
    """
    return _pool_calls(func, all_params, num_process, "process_pool")


def process_pool_lock(func: Callable, all_params: Sequence | dict, num_process: int) -> list[Any]:
    """As :func:`process_pool`, with a shared lock passed to every call as ``lock=``.

    BrainPy implementation of ``brainpy.running.process_pool_lock`` (2.3.5): ``func`` takes
    a keyword argument ``lock`` (a :class:`multiprocessing.Manager` lock) to guard what the
    processes share, such as one output file.

    Args:
      func: a picklable function with a ``lock`` keyword argument.
      all_params: the parameter sets, as for :func:`process_pool`.
      num_process: the number of worker processes.

    Returns:
      The results, in the order of ``all_params``.

    Examples:
      >>> from brainpy_dyn import running
      >>> def save(x, lock):  # doctest: +SKIP
      ...     with lock:
      ...         print(x)
      >>> running.process_pool_lock(save, [(1,), (2,)], 2)  # doctest: +SKIP
    """
    with _quiet_fork():
        manager = multiprocessing.Manager()
    with manager:
        return _pool_calls(func, all_params, num_process, "process_pool_lock", lock=manager.Lock())


class _Star:
    """A picklable ``args -> func(*args)`` or ``values -> func(**dict(zip(keys, values)))``."""

    def __init__(self, func: Callable, keys: list[str] | None):
        self.func, self.keys = func, keys

    def __call__(self, values: tuple) -> Any:
        if self.keys is None:
            return self.func(*values)
        return self.func(**dict(zip(self.keys, values)))


def _cpu_parallel(func, arguments, num_process, num_task, tqdm_kwargs, ordered, fn):
    from tqdm.auto import tqdm

    _check_picklable(func, fn)
    num_process = _check_processes(num_process, fn, allow_none=True)
    if isinstance(arguments, dict):
        keys: list[str] | None = list(arguments)
        columns: list[Iterable] = list(arguments.values())
    elif isinstance(arguments, (list, tuple)):
        keys, columns = None, list(arguments)
    else:
        raise TypeError(
            f"{fn}: arguments must be a sequence of iterables (one per positional argument) or "
            f"a dict of iterables (one per keyword), got {type(arguments).__name__}."
        )
    for i, col in enumerate(columns):
        if not isinstance(col, Iterable):
            name = keys[i] if keys is not None else f"arguments[{i}]"
            raise TypeError(
                f"{fn}: {name} must be an iterable of values, got {type(col).__name__}."
            )
    if num_task is None:
        sizes = [len(c) for c in columns if hasattr(c, "__len__")]
        num_task = min(sizes) if sizes else None
    with _pool(num_process) as pool:
        mapper = pool.imap if ordered else pool.imap_unordered
        results = mapper(_Star(func, keys), zip(*columns))
        return list(tqdm(results, total=num_task, **tqdm_kwargs))


def cpu_ordered_parallel(
    func: Callable,
    arguments: Sequence[Iterable] | dict[str, Iterable],
    num_process: int | float | None = None,
    num_task: int | None = None,
    **tqdm_kwargs: Any,
) -> list[Any]:
    """Run ``func`` over the zipped ``arguments`` in worker processes; results in order.

    BrainPy implementation of ``brainpy.running.cpu_ordered_parallel`` (2.3.5), with a tqdm
    progress bar.

    Args:
      func: a picklable function (defined at the top level of a module).
      arguments: one iterable per positional argument (a sequence) or per keyword (a dict);
        the i-th call takes the i-th value of each.
      num_process: the number of processes: an int, a fraction of the CPU cores in ``(0, 1]``,
        or ``None`` for all cores.
      num_task: the number of calls, for the progress bar (by default the shortest length).
      **tqdm_kwargs: keyword arguments of the :class:`tqdm.tqdm` bar (``disable=True``
        hides it).

    Returns:
      The results, in the order of the arguments.

    Examples:
      >>> from brainpy_dyn import running
      >>> running.cpu_ordered_parallel(pow, [[2, 3], [3, 2]], 2, disable=True)  # doctest: +SKIP
      [8, 9]
    """
    return _cpu_parallel(
        func, arguments, num_process, num_task, tqdm_kwargs, True, "cpu_ordered_parallel"
    )


def cpu_unordered_parallel(
    func: Callable,
    arguments: Sequence[Iterable] | dict[str, Iterable],
    num_process: int | float | None = None,
    num_task: int | None = None,
    **tqdm_kwargs: Any,
) -> list[Any]:
    """As :func:`cpu_ordered_parallel`, but results come in the order the calls finish.

    BrainPy implementation of ``brainpy.running.cpu_unordered_parallel`` (2.3.5).

    Args:
      func: a picklable function (defined at the top level of a module).
      arguments: one iterable per positional argument (a sequence) or per keyword (a dict).
      num_process: an int, a fraction of the CPU cores in ``(0, 1]``, or ``None`` (all).
      num_task: the number of calls, for the progress bar.
      **tqdm_kwargs: keyword arguments of the :class:`tqdm.tqdm` bar.

    Returns:
      The results, in the order they finished.

    Examples:
      >>> from brainpy_dyn import running
      >>> sorted(running.cpu_unordered_parallel(abs, [[-1, -2]], 2))  # doctest: +SKIP
      [1, 2]
    """
    return _cpu_parallel(
        func, arguments, num_process, num_task, tqdm_kwargs, False, "cpu_unordered_parallel"
    )

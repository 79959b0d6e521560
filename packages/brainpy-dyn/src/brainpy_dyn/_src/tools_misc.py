"""Small helpers of 2.3.5's ``brainpy.tools``: sizes, names, seeds, docs, progress, Numba."""

from __future__ import annotations

import _thread
import functools
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm

__all__ = [
    "swap_time_and_batch",
    "size2num",
    "to_size",
    "replicate",
    "repr_context",
    "repr_object",
    "format_seed",
    "copy_doc",
    "not_customized",
    "init_progress_bar",
    "timeout",
    "get_unique_name",
    "check_name_uniqueness",
    "clear_name_cache",
    "numba_jit",
    "numba_seed",
    "numba_range",
]

T = TypeVar("T")


def size2num(size: Any) -> int:
    """The number of elements of a size (an int or a tuple of ints).

    Examples:
      >>> from brainpy_dyn import tools
      >>> tools.size2num((10, 20)), tools.size2num(7)
      (200, 7)
    """
    if isinstance(size, (int, np.integer)) and not isinstance(size, bool):
        return int(size)
    if isinstance(size, (tuple, list)) and all(isinstance(s, (int, np.integer)) for s in size):
        return int(np.prod(size, dtype=np.int64))
    raise ValueError(f"size2num: size must be an int or a tuple of ints, got {size!r}.")


def to_size(x: Any) -> tuple[int, ...] | None:
    """A size as a tuple: ``None`` stays, an int ``n`` gives ``(n,)``.

    Examples:
      >>> from brainpy_dyn import tools
      >>> tools.to_size(5), tools.to_size([2, 3]), tools.to_size(None)
      ((5,), (2, 3), None)
    """
    if x is None:
        return None
    if isinstance(x, (int, np.integer)) and not isinstance(x, bool):
        return (int(x),)
    if isinstance(x, (tuple, list)) and all(isinstance(s, (int, np.integer)) for s in x):
        return tuple(int(s) for s in x)
    raise ValueError(f"to_size: x must be None, an int or a sequence of ints, got {x!r}.")


def replicate(element: T | Sequence[T], num_replicate: int, name: str) -> tuple[T, ...]:
    """``element`` repeated ``num_replicate`` times, or a sequence of that length as a tuple.

    Examples:
      >>> from brainpy_dyn import tools
      >>> tools.replicate(3, 2, 'kernel_size'), tools.replicate((1, 2), 2, 'stride')
      ((3, 3), (1, 2))
    """
    if isinstance(element, (str, bytes)) or not isinstance(element, Sequence):
        return (element,) * num_replicate
    if len(element) == 1:
        return tuple(element) * num_replicate
    if len(element) != num_replicate:
        raise TypeError(
            f"{name} must be a scalar or a sequence of length 1 or {num_replicate}, "
            f"got {element!r}."
        )
    return tuple(element)


def repr_context(repr_str: str, indent: str) -> str:
    r"""``repr_str`` with every line after the first indented by ``indent``.

    Examples:
      >>> from brainpy_dyn import tools
      >>> print(tools.repr_context('A(\nb=1)', '  '))
      A(
        b=1)
    """
    return ("\n" + indent).join(repr_str.split("\n"))


def repr_object(x: Any) -> str:
    """A short text for ``x`` in reprs.

    A BrainPy object's name, a function's name, an array's shape and dtype, else ``repr(x)``.

    Examples:
      >>> import numpy as np
      >>> from brainpy_dyn import tools
      >>> tools.repr_object(np.zeros((2, 3))), tools.repr_object(abs)
      ('ndarray(shape=(2, 3), dtype=float64)', 'abs')
    """
    if isinstance(x, bm.BrainPyObject):
        return x.name
    if callable(x) and hasattr(x, "__name__") and not isinstance(x, type):
        return x.__name__
    if hasattr(x, "shape") and hasattr(x, "dtype"):
        return f"{type(x).__name__}(shape={tuple(x.shape)}, dtype={x.dtype})"
    return repr(x)


def format_seed(seed: int | None = None) -> int:
    """A random seed: ``seed`` itself, or a fresh one drawn from the OS entropy when ``None``.

    Examples:
      >>> from brainpy_dyn import tools
      >>> tools.format_seed(42)
      42
    """
    if seed is None:
        return int(np.random.SeedSequence().generate_state(1)[0] % 1_000_000)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"format_seed: seed must be an int or None, got {seed!r}.")
    return int(seed)


def copy_doc(source_f: Callable) -> Callable[[T], T]:
    """A decorator that gives the decorated function the docstring of ``source_f``.

    Examples:
      >>> from brainpy_dyn import tools
      >>> @tools.copy_doc(abs)
      ... def my_abs(x):
      ...     return abs(x)
      >>> my_abs.__doc__ == abs.__doc__
      True
    """

    def copy(target: T) -> T:
        target.__doc__ = source_f.__doc__
        return target

    return copy


def not_customized(fun: Callable) -> Callable:
    """Mark a method as the base class's default, not customised by a subclass.

    Sets ``fun.not_customized = True`` (and ``not_implemented``, the attribute 2.3.5 read);
    code can then tell whether a subclass overrode it.

    Examples:
      >>> from brainpy_dyn import tools
      >>> @tools.not_customized
      ... def reset_state(self, batch_size=None):
      ...     pass
      >>> reset_state.not_customized
      True
    """
    fun.not_customized = True  # type: ignore[attr-defined]
    fun.not_implemented = True  # type: ignore[attr-defined]
    return fun


def init_progress_bar(duration: float, dt: float, report: float = 0.01, message: str | None = None):
    """A tqdm progress bar over the ``duration / dt`` steps of a simulation.

    Args:
      duration: the simulated time.
      dt: the time step.
      report: how often to refresh, as a fraction of the run (sets ``miniters``).
      message: the bar's description.

    Examples:
      >>> from brainpy_dyn import tools
      >>> bar = tools.init_progress_bar(10., 0.1)
      >>> bar.total
      100
      >>> bar.close()
    """
    from tqdm.auto import tqdm

    total = int(round(duration / dt))
    return tqdm(
        total=total, desc=message, miniters=max(1, int(total * report)), leave=True, disable=None
    )


def timeout(s: float) -> Callable[[Callable], Callable]:
    """A decorator that stops the decorated call after ``s`` seconds with a TimeoutError.

    Only calls made from the main thread can be interrupted.

    Examples:
      >>> import time
      >>> from brainpy_dyn import tools
      >>> @tools.timeout(0.05)
      ... def slow():
      ...     time.sleep(1)
      >>> slow()
      Traceback (most recent call last):
      ...
      TimeoutError: slow did not finish within 0.05 s.
    """

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is not threading.main_thread():
                raise RuntimeError(
                    f"timeout: {fn.__name__} can only be timed out on the main thread."
                )
            fired = threading.Event()

            def interrupt() -> None:
                fired.set()
                _thread.interrupt_main()

            timer = threading.Timer(s, interrupt)
            timer.start()
            try:
                return fn(*args, **kwargs)
            except KeyboardInterrupt:
                if fired.is_set():
                    raise TimeoutError(f"{fn.__name__} did not finish within {s} s.") from None
                raise
            finally:
                timer.cancel()

        return wrapper

    return decorate


_NAME_CLASSES: dict[str, type] = {}


def get_unique_name(type_: str) -> str:
    """A fresh object name ``f'{type_}{n}'`` that no live BrainPy object holds.

    Examples:
      >>> from brainpy_dyn import tools
      >>> tools.get_unique_name('LIF').startswith('LIF')
      True
    """
    if not isinstance(type_, str) or not type_.isidentifier():
        raise ValueError(f"get_unique_name: type_ must be an identifier string, got {type_!r}.")
    cls = _NAME_CLASSES.get(type_)
    if cls is None:
        cls = _NAME_CLASSES[type_] = type(type_, (bm.BrainPyObject,), {})
    return cls().name


def check_name_uniqueness(name: str, obj: Any) -> None:
    """Check that ``name`` is a valid object name that no other live object holds.

    Raises:
      ValueError: the name is not a non-empty string without dots, or it is taken.

    Examples:
      >>> import brainpy_math as bm
      >>> from brainpy_dyn import tools
      >>> a = bm.BrainPyObject(name='unique_a')
      >>> tools.check_name_uniqueness('unique_b', None)
      >>> tools.check_name_uniqueness('unique_a', None)
      Traceback (most recent call last):
      ...
      brainpy_math.errors.ObjectNameError: BrainPyObject: name 'unique_a' is already used by another live object (BrainPyObject); names must be unique. Pick another name or pass name=None for an automatic one.
    """
    if isinstance(obj, bm.BrainPyObject) and getattr(obj, "name", None) == name:
        return
    bm.BrainPyObject(name=name)  # registers and releases at once: raises if the name is taken


def clear_name_cache(ignore_warn: bool = False) -> None:
    """Forget every registered object name (names can be reused after it).

    Examples:
      >>> from brainpy_dyn import tools
      >>> tools.clear_name_cache(ignore_warn=True)
    """
    bm.clear_name_cache()


def numba_jit(f: Callable | None = None, **kwargs: Any) -> Any:
    """Return ``f`` unchanged: there is no Numba here (2.3.5 did the same without Numba).

    The decorated function runs as plain Python; for compiled code write it with
    ``jax.numpy`` and use :func:`brainpy_math.jit`. Works as ``@numba_jit`` and as
    ``@numba_jit(parallel=True)`` (keywords ignored).

    Examples:
      >>> from brainpy_dyn import tools
      >>> @tools.numba_jit(nopython=True)
      ... def add(a, b):
      ...     return a + b
      >>> add(1, 2)
      3
    """
    if f is None:
        return lambda fn: fn
    return f


def numba_seed(seed: int) -> None:
    """Seed NumPy's global generator, which :func:`numba_jit` functions (plain Python) use.

    Examples:
      >>> from brainpy_dyn import tools
      >>> tools.numba_seed(0)
    """
    np.random.seed(format_seed(seed))  # noqa: NPY002 - the global generator is the point


class numba_range:
    """``range`` (Numba's ``prange`` without Numba), for loops in :func:`numba_jit` code.

    Examples:
      >>> from brainpy_dyn import tools
      >>> list(tools.numba_range(3))
      [0, 1, 2]
    """

    def __new__(cls, *args: int) -> range:  # type: ignore[misc]
        return range(*args)


bm.set_module(
    "brainpy_dyn.tools",
    size2num,
    to_size,
    replicate,
    repr_context,
    repr_object,
    format_seed,
    copy_doc,
    not_customized,
    init_progress_bar,
    timeout,
    get_unique_name,
    check_name_uniqueness,
    clear_name_cache,
    numba_jit,
    numba_seed,
    numba_range,
)


def swap_time_and_batch(a: Any) -> jax.Array:
    """``a`` with its axes 0 and 1 swapped: batch first <-> time first.

    Concrete arrays on the CPU are transposed by NumPy: an eager ``jnp.moveaxis`` compiles a
    program for every new shape, which costs more than the copy. Traced and device arrays
    are moved by JAX.

    Examples:
      >>> import numpy as np
      >>> from brainpy_dyn import tools
      >>> tools.swap_time_and_batch(np.zeros((2, 5, 3))).shape
      (5, 2, 3)
    """
    a = bm.as_jax(a)
    if isinstance(a, np.ndarray):
        return jnp.asarray(np.swapaxes(a, 0, 1))
    if isinstance(a, jax.Array) and not isinstance(a, jax.core.Tracer):
        try:
            on_cpu = all(d.platform == "cpu" for d in a.devices())
        except Exception:  # pragma: no cover - arrays without concrete devices
            on_cpu = False
        if on_cpu:
            return jnp.asarray(np.swapaxes(np.asarray(a), 0, 1))
    return jnp.moveaxis(a, 1, 0)

"""``AsyncManager``: run checkpoint writes in a background thread.

BrainPy implementation of ``brainpy.checkpoints.AsyncManager`` (2.3.5, after
Flax's). The tree is always serialised synchronously, in the caller, before the
write is handed to the worker; only the file I/O (write, ``fsync``, rename)
runs in the background. Writes to one path never interleave (a per-path lock),
and an error raised by a background save is re-raised by the next
:meth:`AsyncManager.wait_previous_save` (which every save calls first), so it is
never lost. A failed save that nobody waited for is reported when the interpreter
exits: after the pending saves have finished, each failure is printed to stderr,
naming its checkpoint, and the process exits with status 1.

For heavy asynchronous or multi-host checkpointing use Orbax.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import logging
import os
import sys
import threading
import warnings
from collections.abc import Callable
from typing import Any

from brainpy_checkpoints._src._public import set_module

__all__ = ["AsyncManager"]


def _is_positive_int(value: object) -> bool:
    return type(value) is int and value >= 1


# Every save submitted and not yet waited for, whatever manager ran it (a manager may be
# garbage collected while its save runs).
_UNOBSERVED: set[concurrent.futures.Future[Any]] = set()
_UNOBSERVED_LOCK = threading.Lock()


def _report_unobserved_failures() -> None:
    """At exit: report the failed saves that nobody waited for, and exit with status 1.

    The executors' threads are joined before ``atexit`` functions run, so every
    pending save has finished by now.
    """
    with _UNOBSERVED_LOCK:
        futures = list(_UNOBSERVED)
        _UNOBSERVED.clear()
    concurrent.futures.wait(futures)
    failures = [f.exception() for f in futures if not f.cancelled() and f.exception()]
    if not failures:
        return
    for error in failures:
        print(
            "brainpy_checkpoints: an asynchronous checkpoint save failed and nobody waited "
            f"for it: {type(error).__name__}: {error}",
            file=sys.stderr,
        )
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(1)  # the only way to set the exit status from an atexit function


atexit.register(_report_unobserved_failures)


@set_module
class AsyncManager:
    """Runs checkpoint writes in a background thread pool.

    Pass one to :func:`save_pytree` or :func:`save` as ``async_manager``: each
    save first waits for the previous one (raising its error, if it failed), then
    returns while its file is being written. Pending writes finish before the
    interpreter exits (the worker threads are joined at exit), and a failed write
    nobody waited for is then printed to stderr and makes the exit status 1. Call
    :meth:`wait_previous_save` before loading a file that is being written.

    Args:
      max_workers: threads of the executor (default 1, as in 2.3.5).

    Attributes:
      executor: the :class:`concurrent.futures.ThreadPoolExecutor`.
      save_future: the future of the latest save, or ``None``.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> path = os.path.join(tempfile.mkdtemp(), 'state.bp')
      >>> with bc.AsyncManager() as manager:
      ...     _ = bc.save_pytree(path, {'w': np.arange(3)}, async_manager=manager, verbose=False)
      ...     # ... keep computing while the file is written ...
      >>> bc.load_pytree(path)['w']
      array([0, 1, 2])
    """

    def __init__(self, max_workers: int = 1):
        if not _is_positive_int(max_workers):
            raise ValueError(f"AsyncManager: max_workers must be an int >= 1, got {max_workers!r}.")
        self.executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=max_workers, thread_name_prefix="brainpy_checkpoints"
        )
        self.save_future: concurrent.futures.Future[Any] | None = None
        self._pending: list[concurrent.futures.Future[Any]] = []
        self._lock = threading.Lock()

    def _wait(self, warn: bool) -> None:
        with self._lock:
            pending = list(self._pending)
        if warn and any(not future.done() for future in pending):
            warnings.warn(
                "The previous asynchronous checkpoint save has not finished yet; waiting "
                "for it to complete before continuing.",
                UserWarning,
                stacklevel=3,
            )
        concurrent.futures.wait(pending)
        with self._lock:
            self._pending = [future for future in self._pending if future not in pending]
        with _UNOBSERVED_LOCK:
            _UNOBSERVED.difference_update(pending)
        errors = [error for future in pending if (error := future.exception()) is not None]
        if errors:
            for other in errors[1:]:
                errors[0].add_note(f"another save failed too: {type(other).__name__}: {other}")
            raise errors[0]

    def wait_previous_save(self) -> None:
        """Block until every save submitted so far has finished.

        Emits a :class:`UserWarning` first if one is still running (as in 2.3.5),
        and re-raises the exception of a save that failed.
        """
        self._wait(warn=True)

    def save_async(self, task: Callable[[], Any]) -> concurrent.futures.Future[Any]:
        """Run ``task`` (a function of no arguments) in the background.

        Returns:
          Its :class:`concurrent.futures.Future`, also kept as ``save_future``.
        """
        future = self.executor.submit(task)
        with _UNOBSERVED_LOCK:
            _UNOBSERVED.add(future)
        with self._lock:
            self._pending.append(future)
            self.save_future = future
        return future

    def close(self) -> None:
        """Wait for every pending save (without warning) and stop the threads."""
        try:
            self._wait(warn=False)
        finally:
            self.executor.shutdown(wait=True)

    def __enter__(self) -> AsyncManager:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

"""``AsyncManager``: run checkpoint writes in a background thread.

BrainPy implementation of ``brainpy.checkpoints.AsyncManager`` (2.3.5, after
Flax's). The tree is always serialised synchronously, in the caller, before the
write is handed to the worker; only the file I/O (write, ``fsync``, rename)
runs in the background. Writes to one path never interleave (a per-path lock),
and an error raised by a background save is re-raised by the next
:meth:`AsyncManager.wait_previous_save`, so it is never lost.

For heavy asynchronous or multi-host checkpointing use Orbax.
"""

from __future__ import annotations

import concurrent.futures
import threading
import warnings
from collections.abc import Callable
from typing import Any

from brainpy_checkpoints._src._public import set_module

__all__ = ["AsyncManager"]


def _is_positive_int(value: object) -> bool:
    return type(value) is int and value >= 1


@set_module
class AsyncManager:
    """Runs checkpoint writes in a background thread pool.

    Pass one to :func:`save_pytree` or :func:`save` as ``async_manager``: each
    save first waits for the previous one, then returns while its file is being
    written. Pending writes finish before the interpreter exits (the worker
    threads are joined at exit); call :meth:`wait_previous_save` before loading a
    file that is being written.

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
        for future in pending:
            error = future.exception()
            if error is not None:
                raise error

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

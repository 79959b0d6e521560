"""Atomic, durable file writes.

A checkpoint is written to a uniquely named temporary file in the destination
folder, flushed and ``fsync``-ed, renamed over the final name with
:func:`os.replace` (atomic on POSIX and Windows), and then the folder itself is
``fsync``-ed so the rename survives a power cut. A save killed at any instant
therefore leaves either the previous file or the new one under the final name,
never a partial file.

Temporary names look like ``.{name}.{host}-{pid}-{random}.tmp``: hidden, with a
suffix that no checkpoint name has, so neither :func:`brainpy_checkpoints.load`
nor :func:`brainpy_checkpoints.load_pytree` can mistake one for a checkpoint.
A temporary file left by a killed save is removed by the next save of the same
name (or, for the directory API, of the same prefix) on the same host, once the
process that wrote it is gone.

Within one process, writes to the same path are serialised by a lock, so two
asynchronous saves never interleave and the later one wins. Across processes
each writer has its own temporary file and the last rename wins; for
coordinated multi-host checkpointing use Orbax.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import socket
import stat
import threading
from collections.abc import Callable, Iterable

from brainpy_checkpoints._src.errors import CheckpointExistsError, CheckpointWriteError

__all__ = [
    "is_temp_name",
    "path_lock",
    "remove_stale_temps",
    "special_file_kind",
    "write_atomic",
]

_MAX_WRITE = 1 << 30  # bytes per os.write call (Linux caps one call near 2 GiB)
_LOCKS = tuple(threading.Lock() for _ in range(64))
_HOST = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]
_TEMP_RE = re.compile(r"\.(?P<stem>.+)\.(?P<host>[0-9a-f]{8})-(?P<pid>\d+)-[0-9a-f]{8}\.tmp")


def path_lock(path: str) -> threading.Lock:
    """Return the in-process lock that guards writes to ``path``."""
    return _LOCKS[hash(os.path.abspath(path)) % len(_LOCKS)]


def _stem(basename: str) -> str:
    if len(basename) <= 200:
        return basename
    return basename[:180] + hashlib.sha1(basename.encode()).hexdigest()[:12]


def temp_name(basename: str) -> str:
    """Return a fresh temporary file name for a file called ``basename``."""
    return f".{_stem(basename)}.{_HOST}-{os.getpid()}-{secrets.token_hex(4)}.tmp"


def is_temp_name(name: str) -> bool:
    """Whether ``name`` is a temporary file name made by :func:`temp_name`."""
    return _TEMP_RE.fullmatch(name) is not None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it exists, but belongs to someone else
        return True
    return True


def remove_stale_temps(directory: str, stem_matches: Callable[[str], bool]) -> list[str]:
    """Delete temporary files of dead writers on this host whose stem matches.

    Args:
      directory: the folder to clean.
      stem_matches: selects the final names whose temporary files to consider.

    Returns:
      The names removed.
    """
    if os.name != "posix":  # os.kill(pid, 0) is not a liveness probe elsewhere
        return []
    removed = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return []
    for entry in entries:
        match = _TEMP_RE.fullmatch(entry.name)
        if match is None or match["host"] != _HOST or not stem_matches(match["stem"]):
            continue
        pid = int(match["pid"])
        if pid == os.getpid() or _pid_alive(pid):
            continue
        try:
            os.unlink(entry.path)
            removed.append(entry.name)
        except OSError:
            pass
    return removed


def _write_all(fd: int, parts: Iterable[bytes | memoryview]) -> None:
    for part in parts:
        view = memoryview(part).cast("B")
        while len(view):
            written = os.write(fd, view[:_MAX_WRITE])
            view = view[written:]


def fsync_directory(directory: str) -> None:
    """``fsync`` a folder so that renames in it are durable (POSIX only)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse fsync on folders
        pass
    finally:
        os.close(fd)


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _commit(tmp: str, path: str, overwrite: bool) -> None:
    if overwrite:
        os.replace(tmp, path)
        return
    try:  # link() fails atomically if the name exists: no check-then-rename race
        os.link(tmp, path)
    except FileExistsError:
        raise CheckpointExistsError(
            "a file exists under this name and overwrite=False; pass overwrite=True to replace it.",
            filename=path,
        ) from None
    except OSError:  # no hard links on this file system
        if os.path.lexists(path):
            raise CheckpointExistsError(
                "a file exists under this name and overwrite=False; pass overwrite=True "
                "to replace it.",
                filename=path,
            ) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


_CAUSES = {
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EISDIR: "the name is a folder",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EEXIST: "a part of the path exists and is not a folder",
}


def _write_error(path: str, err: OSError) -> CheckpointWriteError:
    """The error for a write the operating system refused, naming ``path`` and the cause."""
    cause = _CAUSES.get(err.errno or 0) or err.strerror or type(err).__name__
    return CheckpointWriteError(
        f"cannot write the checkpoint: {cause} ({err.strerror or err}); "
        "the previous file under this name, if any, is unchanged.",
        filename=path,
        errno=err.errno,
    )


def special_file_kind(path: str) -> str | None:
    """What ``path`` is when it is a FIFO, device or socket (``'a FIFO (named pipe)'``), else ``None``."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return None


def _check_replaceable(path: str) -> None:
    """Refuse to replace a FIFO, device or socket with a checkpoint file."""
    kind = special_file_kind(path)
    if kind is not None:
        raise CheckpointWriteError(
            f"cannot write the checkpoint: the name is {kind}, not a regular file; "
            "choose another file name.",
            filename=path,
            errno=errno.EINVAL,
        )


def write_atomic(
    path: str,
    parts: Iterable[bytes | memoryview],
    overwrite: bool = True,
    stale_stems: Callable[[str], bool] | None = None,
) -> None:
    """Write ``parts`` to ``path`` atomically and durably.

    Args:
      path: the final file name; its folder is created if needed.
      parts: bytes-like objects whose concatenation is the content.
      overwrite: replace an existing file; if false, an existing file makes the
        write fail (checked atomically at the rename).
      stale_stems: which temporary files of dead writers to remove first
        (default: those of ``path`` itself).

    Raises:
      CheckpointExistsError: ``overwrite`` is false and ``path`` exists.
      CheckpointWriteError: the operating system refused a step (the message names
        ``path`` and the cause); the temporary file is removed and ``path`` is
        unchanged.
    """
    path = os.path.abspath(path)
    try:
        _write_atomic(path, parts, overwrite, stale_stems)
    except (CheckpointWriteError, CheckpointExistsError):
        raise  # already named and explained (both are OSErrors)
    except OSError as err:
        raise _write_error(path, err) from err


def _write_atomic(
    path: str,
    parts: Iterable[bytes | memoryview],
    overwrite: bool,
    stale_stems: Callable[[str], bool] | None,
) -> None:
    directory, basename = os.path.split(path)
    os.makedirs(directory, exist_ok=True)
    _check_replaceable(path)
    if stale_stems is None:
        stem = _stem(basename)
        stale_stems = stem.__eq__
    with path_lock(path):
        if not overwrite and os.path.lexists(path):
            raise CheckpointExistsError(
                "a file exists under this name and overwrite=False; pass overwrite=True "
                "to replace it.",
                filename=path,
            )
        remove_stale_temps(directory, stale_stems)
        tmp = os.path.join(directory, temp_name(basename))
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags | getattr(os, "O_CLOEXEC", 0), 0o666)
        try:
            try:
                _write_all(fd, parts)
                os.fsync(fd)
            finally:
                os.close(fd)
            _commit(tmp, path, overwrite)
        except BaseException:
            _unlink_quietly(tmp)
            raise
        fsync_directory(directory)

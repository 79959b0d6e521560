"""Saves the operating system refuses: named errors, intact previous files, no lost async saves.

Real failures where this machine allows them (a full and a read-only tmpfs need root and
``mount``), and the same failures injected into ``os.write``/``os.open`` everywhere.
"""

from __future__ import annotations

import concurrent.futures
import errno
import os
import shutil
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import brainpy_checkpoints as bc
from brainpy_checkpoints._src import atomic_io

TREE = {"w": np.ones(4)}


def _mount_tmpfs(path, options: str) -> bool:
    if shutil.which("mount") is None or os.geteuid() != 0:
        return False
    path.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True
    )
    return done.returncode == 0


@pytest.fixture
def tmpfs(tmp_path):
    """Mounts small tmpfs folders on request; unmounts them after the test."""
    mounted = []

    def mount(name: str, options: str):
        path = tmp_path / name
        if not _mount_tmpfs(path, options):
            pytest.skip("mounting a tmpfs is not permitted here (the injected tests cover it)")
        mounted.append(path)
        return path

    yield mount
    for path in mounted:
        subprocess.run(["umount", str(path)], check=False)


def test_the_error_family():
    assert issubclass(bc.CheckpointWriteError, bc.CheckpointError)
    assert issubclass(bc.CheckpointWriteError, OSError)


def test_a_path_below_a_file(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(bc.CheckpointWriteError) as info:
        bc.save_pytree(tmp_path / "file" / "net", TREE, verbose=False)
    message = str(info.value)
    assert str(tmp_path / "file" / "net.bp") in message and "not a folder" in message
    assert ".tmp" not in message
    assert info.value.errno in (errno.ENOTDIR, errno.EEXIST)


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "no space left"), (errno.EROFS, "read-only"), (errno.EACCES, "permission")],
)
def test_injected_write_failures_keep_the_previous_file(tmp_path, monkeypatch, code, words):
    path = bc.save_pytree(tmp_path / "net", {"w": np.zeros(4)}, verbose=False)
    real_write = os.write

    def failing_write(fd, data):
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).endswith(".tmp"):
            raise OSError(code, os.strerror(code))
        return real_write(fd, data)

    monkeypatch.setattr(atomic_io.os, "write", failing_write)
    with pytest.raises(bc.CheckpointWriteError, match=words) as info:
        bc.save_pytree(path, TREE, verbose=False)
    monkeypatch.undo()
    assert info.value.errno == code and info.value.filename == path
    assert "previous file" in str(info.value)
    np.testing.assert_array_equal(bc.load_pytree(path)["w"], np.zeros(4))
    assert [p.name for p in tmp_path.iterdir()] == ["net.bp"]  # no temporary file left


def test_a_full_file_system(tmp_path, tmpfs):
    folder = tmpfs("small", "size=64k")
    path = bc.save_pytree(folder / "net", {"w": np.zeros(4)}, verbose=False)
    with pytest.raises(bc.CheckpointWriteError, match="no space left") as info:
        bc.save_pytree(path, {"w": np.zeros(100_000)}, verbose=False)
    assert info.value.errno == errno.ENOSPC and info.value.filename == path
    np.testing.assert_array_equal(bc.load_pytree(path)["w"], np.zeros(4))
    assert sorted(p.name for p in folder.iterdir()) == ["net.bp"]


def test_a_read_only_file_system(tmp_path, tmpfs):
    folder = tmpfs("ro", "ro,size=64k")
    with pytest.raises(bc.CheckpointWriteError, match="read-only") as info:
        bc.save_pytree(folder / "net", TREE, verbose=False)
    assert info.value.errno == errno.EROFS and str(folder / "net.bp") in str(info.value)


def test_a_fifo_is_neither_overwritten_nor_read(tmp_path):
    fifo = tmp_path / "pipe.bp"
    os.mkfifo(fifo)
    with pytest.raises(bc.CheckpointWriteError, match="FIFO"):
        bc.save_pytree(fifo, TREE, verbose=False)
    with pytest.raises(bc.CheckpointNotFoundError, match="FIFO"):
        bc.load_pytree(fifo)  # would block forever if it were opened
    assert fifo.is_fifo()


def test_a_device_is_reported_as_such():
    with pytest.raises(bc.CheckpointNotFoundError, match="character device"):
        bc.load_pytree("/dev/null")


def test_a_failed_async_save_is_raised_by_the_next_save(tmp_path):
    (tmp_path / "file").write_text("")
    manager = bc.AsyncManager()
    bc.save_pytree(tmp_path / "file" / "a", TREE, async_manager=manager, verbose=False)
    concurrent.futures.wait([manager.save_future])  # finished (failed): the next save says so
    with pytest.raises(bc.CheckpointWriteError, match="not a folder"):
        bc.save_pytree(tmp_path / "b", TREE, async_manager=manager, verbose=False)
    manager.close()


def _child(tmp_path, body: str) -> subprocess.CompletedProcess[str]:
    code = "import numpy as np, brainpy_checkpoints as bc\n" + textwrap.dedent(body)
    return subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=120
    )


def test_a_failed_async_save_nobody_waited_for_fails_the_process(tmp_path):
    (tmp_path / "file").write_text("")
    done = _child(
        tmp_path,
        """
        import sys
        manager = bc.AsyncManager()
        bc.save_pytree(sys.argv[1] + "/file/net", {"w": np.ones(3)}, async_manager=manager,
                       verbose=False)
        print("script done")
        """,
    )
    assert done.returncode == 1, done
    assert "script done" in done.stdout
    assert "file/net.bp" in done.stderr and "nobody waited" in done.stderr


def test_pending_async_saves_finish_before_exit(tmp_path):
    done = _child(
        tmp_path,
        """
        import sys
        manager = bc.AsyncManager()
        for step in range(3):
            bc.save(sys.argv[1], {"w": np.full(200_000, step)}, step, async_manager=manager)
        """,
    )
    assert done.returncode == 0, done.stderr
    assert bc.load(tmp_path)["w"][0] == 2

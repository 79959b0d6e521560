"""AsyncManager: snapshot at call time, reliable waiting, errors surface, no interleaving."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

import brainpy_checkpoints as bc
from brainpy_checkpoints._src import atomic_io, directory, pytree_io


@pytest.fixture
def gate(monkeypatch):
    """Hold every background write until the returned event is set."""
    event = threading.Event()
    real = atomic_io.write_atomic

    def gated(*args, **kwargs):
        assert event.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(pytree_io, "write_atomic", gated)
    monkeypatch.setattr(directory, "write_atomic", gated)
    return event


def test_save_is_serialised_before_dispatch(tmp_path, gate):
    tree = {"w": np.zeros(1 << 16), "small": np.zeros(3), "n": [1]}
    with bc.AsyncManager() as manager:
        path = bc.save_pytree(tmp_path / "a", tree, async_manager=manager, verbose=False)
        assert not (tmp_path / "a.bp").exists()  # still held back
        tree["w"][:] = 7  # mutating the tree after the call changes nothing
        tree["small"][:] = 7
        tree["n"].append(2)
        gate.set()
    out = bc.load_pytree(path)
    assert not out["w"].any() and not out["small"].any() and out["n"] == {"0": 1}


def test_wait_previous_save_warns_while_running_then_blocks(tmp_path, gate):
    manager = bc.AsyncManager()
    bc.save_pytree(tmp_path / "b", {"v": 1}, async_manager=manager, verbose=False)
    threading.Timer(0.2, gate.set).start()
    start = time.perf_counter()
    with pytest.warns(UserWarning, match="has not finished"):
        manager.wait_previous_save()
    assert time.perf_counter() - start >= 0.15
    assert bc.load_pytree(tmp_path / "b") == {"v": 1}
    manager.wait_previous_save()  # nothing pending: no warning (warnings are errors here)
    manager.close()


def test_save_pytree_waits_for_the_previous_save(tmp_path, gate):
    manager = bc.AsyncManager()
    bc.save_pytree(tmp_path / "c", {"v": 1}, async_manager=manager, verbose=False)
    threading.Timer(0.1, gate.set).start()
    with pytest.warns(UserWarning):
        bc.save_pytree(tmp_path / "c", {"v": 2}, async_manager=manager, verbose=False)
    manager.close()
    assert bc.load_pytree(tmp_path / "c") == {"v": 2}


def test_background_errors_are_raised_by_the_next_wait(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk on fire")

    monkeypatch.setattr(pytree_io, "write_atomic", broken)
    manager = bc.AsyncManager()
    path = bc.save_pytree(tmp_path / "d", {"v": 1}, async_manager=manager, verbose=False)
    assert path.endswith("d.bp")
    manager.save_future.exception(timeout=10)  # let it fail
    with pytest.raises(OSError, match="disk on fire"):
        manager.wait_previous_save()
    manager.wait_previous_save()  # reported once
    manager.close()


def test_writes_to_one_file_never_interleave(tmp_path, monkeypatch):
    active: dict[str, int] = {}
    peak = [0]
    lock = threading.Lock()
    real = atomic_io._write_all

    def tracking(fd, parts):
        with lock:
            active["n"] = active.get("n", 0) + 1
            peak[0] = max(peak[0], active["n"])
        time.sleep(0.01)
        try:
            return real(fd, parts)
        finally:
            with lock:
                active["n"] -= 1

    monkeypatch.setattr(atomic_io, "_write_all", tracking)
    path = str(tmp_path / "same.bp")
    manager = bc.AsyncManager(max_workers=4)
    for k in range(12):
        parts = pytree_io.encode_target({"k": np.full(1000, k)}, True, path)
        manager.save_async(lambda parts=parts: atomic_io.write_atomic(path, parts))
    manager.close()
    assert peak[0] == 1
    out = bc.load_pytree(path)
    assert len(set(out["k"].tolist())) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["same.bp"]


def test_directory_save_runs_write_and_cleanup_in_the_background(tmp_path):
    with bc.AsyncManager() as manager:
        for step in range(4):
            if manager.save_future is not None:  # finished before the next save: no warning
                manager.save_future.result(timeout=30)
            bc.save(tmp_path, {"v": step}, step, keep=2, async_manager=manager)
    assert [s for s, _ in bc.checkpoint_steps(tmp_path)] == [2, 3]
    assert bc.load(tmp_path) == {"v": 3}


def test_max_workers_is_validated():
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="max_workers"):
            bc.AsyncManager(max_workers=bad)

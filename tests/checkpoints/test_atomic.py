"""Atomic, durable saves: temporary files, fsync order, stale files, SIGKILL at any moment."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading

import numpy as np
import pytest

import brainpy_checkpoints as bc
from brainpy_checkpoints._src import atomic_io

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fsync of folders are POSIX")

# The child saves step k (every array filled with k) again and again, printing
# "start k" / "done k". With a phase given, it stops at that moment of the save of
# step 2 (printing "at <phase>") and waits to be killed.
CHILD = r"""
import os, sys, time
import numpy as np
import brainpy_checkpoints as bc
from brainpy_checkpoints._src import atomic_io

mode, where, phase, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
state = {"k": 0, "writes": 0}

def pause(name):
    if state["k"] == 2 and phase == name:
        print("at", name, flush=True)
        time.sleep(60)

real_write, real_fsync, real_replace, real_link = os.write, os.fsync, os.replace, os.link
def write(fd, data):
    state["writes"] += 1
    if state["writes"] == 3:
        pause("write")
    return real_write(fd, data)
def fsync(fd):
    pause("fsync")
    return real_fsync(fd)
def replace(a, b):
    pause("replace")
    return real_replace(a, b)
def link(a, b):  # the commit of overwrite=False saves
    pause("replace")
    return real_link(a, b)
real_dir = atomic_io.fsync_directory
def fsync_directory(d):
    pause("dirsync")
    return real_dir(d)
os.write, os.fsync, os.replace, os.link = write, fsync, replace, link
atomic_io.fsync_directory = fsync_directory

k = 1
while True:
    state["k"], state["writes"] = k, 0
    tree = {f"a{i}": np.full(n, k, np.float64) for i in range(4)}
    tree["step"] = k
    print("start", k, flush=True)
    if mode == "file":
        bc.save_pytree(where, tree, verbose=False)
    else:
        bc.save(where, tree, step=k, keep=2)
    print("done", k, flush=True)
    k += 1
"""


def _spawn(package_path, mode, where, phase, n=1 << 18):
    env = dict(os.environ, PYTHONPATH=package_path)
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, str(where), phase, str(n)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    return proc, watchdog


def _wait_for(proc, text):
    lines = []
    while True:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"child ended before {text!r}: {lines[-6:]} {proc.stderr.read()}")
        lines.append(line.strip())
        if line.strip() == text:
            return lines
        if len(lines) > 200:
            raise AssertionError(f"child never reached {text!r}: {lines[-6:]}")


def _kill(proc, watchdog):
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    watchdog.cancel()
    proc.stdout.close()
    proc.stderr.close()


def _steps_of(tree):
    values = {int(tree[f"a{i}"][0]) for i in range(4)} | {int(tree["step"])}
    assert all(np.all(tree[f"a{i}"] == tree["step"]) for i in range(4))
    return values


def _initial(n=1 << 18):
    tree = {f"a{i}": np.zeros(n) for i in range(4)}
    tree["step"] = 0
    return tree


@pytest.mark.parametrize(
    ("phase", "expected"), [("write", 1), ("fsync", 1), ("replace", 1), ("dirsync", 2)]
)
def test_sigkill_during_a_file_save_leaves_a_loadable_file(tmp_path, package_path, phase, expected):
    target = tmp_path / "state.bp"
    bc.save_pytree(target, _initial(), verbose=False)
    proc, watchdog = _spawn(package_path, "file", target, phase)
    try:
        _wait_for(proc, f"at {phase}")
    finally:
        _kill(proc, watchdog)
    assert _steps_of(bc.load_pytree(target)) == {expected}
    leftovers = [name for name in os.listdir(tmp_path) if atomic_io.is_temp_name(name)]
    assert len(leftovers) == (0 if phase == "dirsync" else 1)
    assert all(name.startswith(".state.bp.") for name in leftovers)
    # The next save of the same file removes the dead writer's temporary file.
    bc.save_pytree(target, _initial(), verbose=False)
    assert os.listdir(tmp_path) == ["state.bp"]


@pytest.mark.parametrize(
    ("phase", "expected"), [("write", 1), ("fsync", 1), ("replace", 1), ("dirsync", 2)]
)
def test_sigkill_during_a_directory_save_keeps_the_latest_complete_step(
    tmp_path, package_path, phase, expected
):
    proc, watchdog = _spawn(package_path, "dir", tmp_path, phase)
    try:
        _wait_for(proc, f"at {phase}")
    finally:
        _kill(proc, watchdog)
    assert _steps_of(bc.load(tmp_path)) == {expected}
    assert any(atomic_io.is_temp_name(n) for n in os.listdir(tmp_path)) is (phase != "dirsync")
    bc.save(tmp_path, _initial(), step=3, keep=5)
    assert not any(atomic_io.is_temp_name(n) for n in os.listdir(tmp_path))


def test_sigkill_at_random_moments(tmp_path, package_path):
    target = tmp_path / "state.bp"
    bc.save_pytree(target, _initial(1 << 17), verbose=False)
    rng = random.Random(7)
    for _ in range(4):
        proc, watchdog = _spawn(package_path, "file", target, "none", n=1 << 17)
        try:
            lines = _wait_for(proc, "start 3")
            threading.Event().wait(rng.uniform(0, 0.05))
        finally:
            _kill(proc, watchdog)
        done = [int(line.split()[1]) for line in lines if line.startswith("done")]
        (step,) = _steps_of(bc.load_pytree(target))
        assert step >= max(done)  # never older than the last completed save
        assert step >= 2


def test_an_error_during_a_save_keeps_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = bc.save_pytree(tmp_path / "x", {"v": np.arange(3)}, verbose=False)

    def failing_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="No space"):
        bc.save_pytree(tmp_path / "x", {"v": np.arange(5)}, verbose=False)
    monkeypatch.undo()
    assert bc.load_pytree(path)["v"].tolist() == [0, 1, 2]
    assert os.listdir(tmp_path) == ["x.bp"]


def test_write_fsync_replace_then_folder_fsync(tmp_path, monkeypatch):
    calls = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        calls.append(("fsync", "dir" if os.path.isdir(f"/proc/self/fd/{fd}") else "file"))
        return real_fsync(fd)

    def replace(src, dst):
        calls.append(("replace", os.path.basename(dst)))
        assert atomic_io.is_temp_name(os.path.basename(src))
        assert os.path.dirname(src) == os.path.dirname(dst)
        return real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    bc.save_pytree(tmp_path / "o", {"v": 1}, verbose=False)
    if sys.platform.startswith("linux"):
        assert calls == [("fsync", "file"), ("replace", "o.bp"), ("fsync", "dir")]


def test_temp_names_cannot_be_taken_for_checkpoints(tmp_path):
    name = atomic_io.temp_name("checkpoint_5")
    assert name.startswith(".checkpoint_5.") and name.endswith(".tmp")
    assert atomic_io.is_temp_name(name) and not atomic_io.is_temp_name("checkpoint_5")
    assert atomic_io.temp_name("checkpoint_5") != name
    long_name = atomic_io.temp_name("n" * 255)
    assert len(long_name) < 255
    bc.save(tmp_path, {"v": 1}, step=4)
    (tmp_path / name).write_bytes(b"partial")
    (tmp_path / "checkpoint_tmp").write_bytes(b"2.3.5 temp")
    assert bc.load(tmp_path) == {"v": 1}


def test_stale_temps_of_dead_writers_only_are_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead_pid = int(dead.stdout)
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        host = atomic_io._HOST
        names = {
            "dead": f".f.bp.{host}-{dead_pid}-0123abcd.tmp",
            "alive": f".f.bp.{host}-{alive.pid}-0123abcd.tmp",
            "other_host": f".f.bp.00000000-{dead_pid}-0123abcd.tmp",
            "other_file": f".g.bp.{host}-{dead_pid}-0123abcd.tmp",
            "mine": f".f.bp.{host}-{os.getpid()}-0123abcd.tmp",
        }
        for name in names.values():
            (tmp_path / name).write_bytes(b"x")
        bc.save_pytree(tmp_path / "f", {"v": 1}, verbose=False)
        left = set(os.listdir(tmp_path))
        assert names["dead"] not in left
        assert {names[k] for k in ("alive", "other_host", "other_file", "mine")} <= left
    finally:
        alive.kill()
        alive.wait()


def test_overwrite_false_is_checked_at_the_rename(tmp_path, monkeypatch):
    # Someone creates the file while we write: the link-based commit refuses it.
    target = tmp_path / "race.bp"
    real_fsync = os.fsync

    def fsync(fd):
        if not target.exists():
            target.write_bytes(b"theirs")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(bc.CheckpointExistsError):
        bc.save_pytree(target, {"v": 1}, overwrite=False, verbose=False)
    assert target.read_bytes() == b"theirs"
    assert os.listdir(tmp_path) == ["race.bp"]

"""Throughput of brainpy_checkpoints against plain file I/O and a Flax-style path.

Saves and loads a tree of float32 arrays (1 GiB by default) three ways, in one
run, in the same folder, interleaved, and prints the median of a few repeats:

* ``plain``: the raw array bytes written with ``open``/``write`` + ``fsync`` and
  read back with ``readinto`` into preallocated arrays: the I/O floor;
* ``brainpy_checkpoints``: ``save_pytree`` (temporary file, ``fsync``, rename,
  folder ``fsync``) and ``load_pytree`` (validated, writable arrays);
* ``flax-style``: ``msgpack.packb`` of the ext-encoded tree (the way
  ``flax.serialization.to_bytes`` and BrainPy 2.3.5 build the file), written with
  ``open``/``write`` + ``fsync``; read with ``read()`` + ``msgpack.unpackb`` whose
  ext hook calls ``np.frombuffer`` (read-only arrays, as 2.3.5 returned).

Loading includes allocating the arrays (page faults of fresh memory), for every
method alike; each timed load is preceded by an untimed touch of that much memory,
so that no method pays for pages a virtual machine handed back to its host. Reads normally hit the page cache (the file was just written). With ``--cold``,
each file is evicted from the cache first (``posix_fadvise(DONTNEED)`` after the
``fsync``), so reads come from the disk.

Usage::

    python benchmarks/checkpoints_bench.py [--size 1G] [--array-size 64M]
        [--repeats 3] [--dir .bench/checkpoints] [--cold]

``--size`` also reads the environment variable ``BRAINPY_CKPT_BENCH_SIZE``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time

import msgpack
import numpy as np

try:
    import brainpy_checkpoints as bc
except ImportError:  # run from a checkout without installing
    sys.path.insert(
        0, os.path.join(os.path.dirname(__file__), "..", "packages", "brainpy-checkpoints", "src")
    )
    import brainpy_checkpoints as bc

GiB = 1 << 30


def parse_size(text: str) -> int:
    text = text.strip().upper().removesuffix("B").removesuffix("I")
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(text[-1:], 1)
    return int(float(text.rstrip("KMG")) * scale)


def make_tree(total: int, per_array: int) -> dict:
    rng = np.random.default_rng(0)
    tree, left, i = {}, total, 0
    while left > 0:
        n = min(per_array, left) // 4
        tree[f"layer{i}"] = {"w": rng.random(n, dtype=np.float32), "step": i}
        left -= n * 4
        i += 1
    return tree


def evict(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


# --------------------------------------------------------------------- plain I/O
def plain_save(path: str, tree: dict) -> None:
    with open(path, "wb", buffering=0) as f:
        for node in tree.values():
            view = memoryview(node["w"].view(np.uint8))
            while len(view):
                view = view[f.write(view) :]
        os.fsync(f.fileno())


def plain_load(path: str, tree: dict) -> dict:
    out = {}
    with open(path, "rb", buffering=0) as f:
        for key, node in tree.items():
            arr = np.empty_like(node["w"])
            view = memoryview(arr.view(np.uint8))
            while len(view):
                view = view[f.readinto(view) :]
            out[key] = arr
    return out


# ------------------------------------------------------------------- flax-style
def _ext_pack(x):
    if isinstance(x, np.ndarray):
        payload = msgpack.packb((x.shape, x.dtype.name, x.tobytes("C")), use_bin_type=True)
        return msgpack.ExtType(1, payload)
    return x


def _ext_unpack(code, data):
    if code == 1:
        shape, name, buffer = msgpack.unpackb(data, raw=False)
        return np.frombuffer(buffer, dtype=name).reshape(shape)
    return msgpack.ExtType(code, data)


def flax_save(path: str, tree: dict) -> None:
    data = msgpack.packb(tree, default=_ext_pack, strict_types=True)
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def flax_load(path: str, tree: dict) -> dict:
    with open(path, "rb") as f:
        data = f.read()
    return msgpack.unpackb(data, ext_hook=_ext_unpack, raw=False)


# ---------------------------------------------------------------- brainpy_checkpoints
def ours_save(path: str, tree: dict) -> None:
    bc.save_pytree(path, tree, verbose=False)


def ours_load(path: str, tree: dict) -> dict:
    return bc.load_pytree(path)


METHODS = {
    "plain": (plain_save, plain_load, "plain.bin"),
    "brainpy_checkpoints": (ours_save, ours_load, "ours.bp"),
    "flax-style": (flax_save, flax_load, "flax.msgpack"),
}


def run(size: int, per_array: int, repeats: int, folder: str, cold: bool) -> dict:
    tree = make_tree(size, per_array)
    nbytes = sum(node["w"].nbytes for node in tree.values())
    # On virtual machines, memory freed a while ago (say by the Flax-style path) can
    # cost several times more to fault in again than memory freed just now. To keep
    # that out of the comparison, each timed load is preceded by touching and freeing
    # as much memory as the load will allocate (untimed, the same for every method).
    np.ones(4 * nbytes, np.uint8)
    os.makedirs(folder, exist_ok=True)
    times = {name: {"save": [], "load": []} for name in METHODS}
    cpu = {name: {"save": [], "load": []} for name in METHODS}
    names = list(METHODS)
    # Round 0 warms the allocator and the page cache and is not counted; the
    # order of the methods rotates from round to round.
    for round_ in range(repeats + 1):
        for name in names[round_ % 3 :] + names[: round_ % 3]:
            save, load, filename = METHODS[name]
            path = os.path.join(folder, filename)
            start, start_cpu = time.perf_counter(), time.process_time()
            save(path, tree)
            saved, saved_cpu = time.perf_counter() - start, time.process_time() - start_cpu
            if cold:
                evict(path)
            np.ones(nbytes + (nbytes if name == "flax-style" else 0), np.uint8)
            start, start_cpu = time.perf_counter(), time.process_time()
            loaded = load(path, tree)
            loaded_in, loaded_cpu = time.perf_counter() - start, time.process_time() - start_cpu
            if round_:
                times[name]["save"].append(saved)
                times[name]["load"].append(loaded_in)
                cpu[name]["save"].append(saved_cpu)
                cpu[name]["load"].append(loaded_cpu)
            first = next(iter(tree))
            got = loaded[first]["w"] if name != "plain" else loaded[first]
            assert np.array_equal(got, tree[first]["w"]), name
            del loaded, got
            os.unlink(path)
    print(
        f"tree: {len(tree)} float32 arrays, {nbytes / GiB:.3f} GiB; folder {folder}; "
        f"{'cold (evicted)' if cold else 'page-cache'} reads; {repeats} timed rounds after a "
        "warm-up; median [best] seconds (GiB/s of the median)"
    )
    medians, bests = {}, {}
    for name in METHODS:
        medians[name] = {op: statistics.median(times[name][op]) for op in ("save", "load")}
        bests[name] = {op: min(times[name][op]) for op in ("save", "load")}
        cells = [
            f"{op} {medians[name][op]:7.3f} [{bests[name][op]:6.3f}] "
            f"({nbytes / GiB / medians[name][op]:5.2f} GiB/s)"
            for op in ("save", "load")
        ]
        print(f"  {name:20s} " + "   ".join(cells))
    # CPU seconds (user + system) of this process: robust to other load on the machine,
    # blind to time spent waiting for the disk (fsync).
    cpu_medians = {
        name: {op: statistics.median(cpu[name][op]) for op in ("save", "load")} for name in METHODS
    }
    print(
        "  median CPU seconds: "
        + "   ".join(
            f"{name} save {cpu_medians[name]['save']:.3f} load {cpu_medians[name]['load']:.3f}"
            for name in METHODS
        )
    )
    for label, stats in (("median", medians), ("best", bests), ("CPU", cpu_medians)):
        ours = stats["brainpy_checkpoints"]
        for other in ("plain", "flax-style"):
            ref = stats[other]
            print(
                f"  throughput ratio brainpy_checkpoints / {other:10s} ({label:6s}): "
                f"save {ref['save'] / ours['save']:.2f}   load {ref['load'] / ours['load']:.2f}"
            )
    return medians


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default=os.environ.get("BRAINPY_CKPT_BENCH_SIZE", "1G"))
    parser.add_argument("--array-size", default="64M")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--dir",
        default=os.path.join(
            os.path.dirname(os.path.abspath(__file__)), "..", ".bench", "checkpoints"
        ),
    )
    parser.add_argument(
        "--cold", action="store_true", help="evict files from the page cache before reading"
    )
    parser.add_argument(
        "--keep-dir", action="store_true", help="do not delete the folder afterwards"
    )
    args = parser.parse_args(argv)
    folder = os.path.abspath(args.dir)
    try:
        run(parse_size(args.size), parse_size(args.array_size), args.repeats, folder, args.cold)
    finally:
        if not args.keep_dir:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

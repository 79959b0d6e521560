"""Checkpoints of sharded state, written by every process of a multi-process run.

``save_sharded(directory, tree)`` writes a *folder*: each process writes the shards of the
tree's arrays that it holds (one copy of each block: replicas are skipped) to its own file
``process_<i>-<version>.bp`` (the msgpack format of :func:`save_pytree`), then process 0
writes ``index.json`` (the arrays' paths, shapes and dtypes, and the names of the files of
this version). ``load_sharded(directory, target)`` puts the blocks back into arrays laid out
like ``target``'s: on any number of processes and devices, not only the ones that saved it,
each process assembling only the blocks its devices hold.

**Atomic as a whole, also when overwriting.** ``index.json`` is the single switch between
versions: a reader reads the files it names and nothing else. A save

1. writes the new version's files under fresh names (``<version>`` is a random token drawn
   by process 0), each one ``fsync``-ed; the files of the current version are not touched;
2. once every process has written its file, process 0 replaces ``index.json`` with
   :func:`os.replace` of a complete, ``fsync``-ed temporary file, then ``fsync``-s the folder;
3. only then removes the files that the index no longer names (the old version, and what
   an interrupted save left behind).

A save killed at any instant therefore leaves under ``directory`` the complete old
checkpoint (up to step 2) or the complete new one (from step 2 on), never neither; the
files an interrupted save leaves are ignored by :func:`load_sharded` and removed by the next
save. The first save of a folder is written into a temporary folder next to it, renamed into
place once complete. Why an index rather than a symbolic link to versioned folders: the
folder stays a plain folder at a stable path (nothing to resolve, no link support needed from
Windows or a network file system), the switch is one file replaced atomically by the same
code as every other checkpoint of this package, and files of the user's in the folder are
never removed (only this format's files are).

One save of a folder at a time: two runs saving into the same folder at once are not
supported. On one process the same functions work (one file). Across hosts, ``directory``
must be on a file system that every process sees.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
from typing import Any

import numpy as np

from brainpy_checkpoints._src._public import set_module
from brainpy_checkpoints._src.atomic_io import _TEMP_RE, fsync_directory, write_atomic
from brainpy_checkpoints._src.errors import (
    CheckpointExistsError,
    CheckpointNotFoundError,
    CheckpointStructureError,
    CheckpointWriteError,
    CorruptCheckpointError,
)
from brainpy_checkpoints._src.pytree_io import load_pytree, save_pytree

__all__ = ["load_sharded", "save_sharded"]

FORMAT = "brainpy-sharded-checkpoint/1"

# JAX is imported when these functions run, not with the package (which works without it).
jax: Any = None
multihost_utils: Any = None


def _import_jax() -> None:
    global jax, multihost_utils
    if jax is None:
        import jax as _jax
        from jax.experimental import multihost_utils as _multihost_utils

        jax, multihost_utils = _jax, _multihost_utils


INDEX = "index.json"


def _is_variable(x: Any) -> bool:
    return hasattr(x, "value") and type(x).__name__ in ("Variable", "TrainVar", "RandomState")


def _leaves(tree: Any) -> tuple[list[tuple[str, Any]], Any]:
    """``[(path, array)]`` of ``tree`` (Variables stand for their values), and its structure."""
    flat, treedef = jax.tree_util.tree_flatten_with_path(tree, is_leaf=_is_variable)
    out = []
    for path, leaf in flat:
        value = leaf.value if _is_variable(leaf) else leaf
        if hasattr(value, "value") and not isinstance(value, (jax.Array, np.ndarray)):
            value = value.value  # brainpy_math.Array
        if not isinstance(value, jax.Array):
            value = np.asarray(value)  # Python and NumPy scalars: 0-d arrays
            if value.dtype.kind not in "biufc":
                raise TypeError(
                    f"sharded checkpoints hold numeric arrays and numbers, got "
                    f"{type(leaf).__name__} of dtype {value.dtype} at {jax.tree_util.keystr(path)}."
                )
        out.append((jax.tree_util.keystr(path), value))
    return out, treedef


def _blocks(value: Any) -> list[tuple[np.ndarray, np.ndarray]]:
    """``[(index (ndim, 2) of starts and stops, data)]`` of the blocks this process writes."""
    if isinstance(value, jax.Array):
        out = []
        for shard in value.addressable_shards:
            if shard.replica_id != 0:
                continue  # another device holds the same block: one copy is written
            ranges = [range(n)[i] for i, n in zip(shard.index, value.shape, strict=True)]
            index = np.array([[r.start, r.stop] for r in ranges], dtype=np.int64)
            out.append((index.reshape(value.ndim, 2), np.asarray(shard.data)))
        return out
    if jax.process_index() != 0:
        return []
    data = np.asarray(value)
    return [(np.array([[0, n] for n in data.shape], dtype=np.int64).reshape(data.ndim, 2), data)]


def _sync(name: str) -> None:
    if jax.process_count() > 1:
        multihost_utils.sync_global_devices(name)


_FILE_RE = re.compile(r"process_(\d+)(-[0-9a-f]{12})?\.bp")
_SIBLING_RE = r"\.tmp-[0-9a-f]{12}"


def _is_own_file(name: str) -> bool:
    """Whether ``name`` is a process file of this format, or a temporary file of one."""
    temp = _TEMP_RE.fullmatch(name)
    if temp is not None:
        return temp["stem"] == INDEX or _FILE_RE.fullmatch(temp["stem"]) is not None
    return _FILE_RE.fullmatch(name) is not None


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _remove_leftovers(directory: str, keep: set[str]) -> list[str]:
    """Remove what older versions and interrupted saves left (never the user's files).

    In ``directory``: the process files not in ``keep`` and the temporary files of the
    index and of process files; next to it: the temporary folders of interrupted first
    saves. Run by process 0 after the index names the new version (every process has
    finished writing, so none of these is still being written). Failures are ignored:
    the next save tries again, and a reader never looks at these files.
    """
    removed = []
    try:
        names = os.listdir(directory)
    except OSError:
        names = []
    for name in names:
        if name not in keep and _is_own_file(name):
            try:
                os.unlink(os.path.join(directory, name))
                removed.append(name)
            except OSError:
                pass
    parent, base = os.path.split(directory)
    sibling = re.compile(re.escape(base) + _SIBLING_RE)
    try:
        names = os.listdir(parent)
    except OSError:
        names = []
    for name in names:
        if sibling.fullmatch(name):
            shutil.rmtree(os.path.join(parent, name), ignore_errors=True)
            removed.append(name)
    return removed


@set_module
def save_sharded(directory: str | os.PathLike[str], target: Any, overwrite: bool = True) -> str:
    """Save a pytree of (possibly sharded) arrays from every process, atomically as a whole.

    Every process of the run must call it with the same tree (a sharded network's
    ``state_dict()``, say). Each writes the blocks its devices hold to a file of its own;
    once every file is complete, process 0 replaces the folder's ``index.json``, which
    names the files of the new version, and then removes the old version's files. Killed
    at any point, the save leaves the whole old checkpoint or the whole new one in
    ``directory``, never a mixture nor nothing (see the module's description).

    Args:
      directory: the checkpoint's folder.
      target: the pytree (dicts, lists, tuples of arrays or Variables).
      overwrite: replace an existing checkpoint; if false, an existing ``directory``
        raises :class:`~brainpy_checkpoints.CheckpointExistsError` (before anything is
        written).

    Returns:
      The absolute path of the folder.

    Raises:
      CheckpointExistsError: ``overwrite=False`` and ``directory`` exists.
      CheckpointWriteError: ``directory`` is a file, or the operating system refused a
        write; the checkpoint that was there is unchanged.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as ckpt
      >>> folder = os.path.join(tempfile.mkdtemp(), 'state')
      >>> path = ckpt.save_sharded(folder, {'v': np.arange(4.0)})
      >>> _ = ckpt.save_sharded(folder, {'v': np.arange(4.0) + 1})  # replaces it whole
      >>> len(os.listdir(path))  # the index and one file per process
      2
      >>> ckpt.load_sharded(folder, {'v': np.zeros(4)})['v']
      array([1., 2., 3., 4.])
    """
    _import_jax()
    directory = os.path.abspath(os.fspath(directory))
    if not overwrite and os.path.lexists(directory):
        raise CheckpointExistsError(
            f"save_sharded: {directory!r} exists and overwrite=False.", filename=directory
        )
    if os.path.lexists(directory) and not os.path.isdir(directory):
        raise CheckpointWriteError(
            f"save_sharded: directory must be a folder (or a name not in use), but "
            f"{directory!r} is a file; nothing was written.",
            filename=directory,
        )
    leaves, _ = _leaves(target)
    # Process 0 draws the version and decides whether this is the folder's first save.
    # (Two 24-bit halves: the broadcast goes through JAX, whose integers may be 32-bit.)
    bits = secrets.randbits(48)
    decision = np.array([bits >> 24, bits & 0xFFFFFF, not os.path.isdir(directory)], np.int32)
    if jax.process_count() > 1:
        decision = np.asarray(multihost_utils.broadcast_one_to_all(decision))
    token, first = (int(decision[0]) << 24) | int(decision[1]), bool(decision[2])
    version = f"{token:012x}"
    # A first save is written into a temporary folder renamed into place when complete; an
    # overwrite writes the new version's files next to the current ones, under new names.
    folder = f"{directory}.tmp-{version}" if first else directory
    if jax.process_index() == 0 and first:
        os.makedirs(folder)
    _sync(f"brainpy_checkpoints.save_sharded:mkdir:{version}")
    files = [f"process_{p}-{version}.bp" for p in range(jax.process_count())]
    mine = {"process": np.int64(jax.process_index())}
    for i, (_, value) in enumerate(leaves):
        for k, (index, data) in enumerate(_blocks(value)):
            mine[f"{i}/{k}/index"] = index
            mine[f"{i}/{k}/data"] = data
    own = os.path.join(folder, files[jax.process_index()])
    try:
        save_pytree(own, mine, verbose=False)  # fsync-ed before it returns
    except BaseException:
        # No index names this version yet (process 0 writes it after every file is
        # complete): the checkpoint in place is intact, and so is the rest of the folder.
        _unlink_quietly(own)
        if first and jax.process_count() == 1:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    _sync(f"brainpy_checkpoints.save_sharded:written:{version}")
    if jax.process_index() == 0:
        index = {
            "format": FORMAT,
            "version": version,
            "processes": jax.process_count(),
            "files": files,
            "leaves": [
                {"path": path, "shape": list(np.shape(v)), "dtype": np.dtype(v.dtype).name}
                for path, v in leaves
            ],
        }
        # The switch: before this rename the old index (and its files) is in place, after
        # it the new one; write_atomic fsyncs the file, renames it and fsyncs the folder.
        write_atomic(os.path.join(folder, INDEX), [json.dumps(index, indent=1).encode()])
        if first:
            os.rename(folder, directory)
            fsync_directory(os.path.dirname(directory))
        _remove_leftovers(directory, {INDEX, *files})
    _sync(f"brainpy_checkpoints.save_sharded:done:{version}")
    return directory


def _read_index(directory: str) -> dict[str, Any]:
    path = os.path.join(directory, INDEX)
    if not os.path.isfile(path):
        raise CheckpointNotFoundError(
            f"load_sharded: no sharded checkpoint at {directory!r} (no {INDEX}).",
            filename=directory,
        )
    try:
        with open(path, encoding="utf-8") as f:
            index = json.load(f)
    except (OSError, ValueError) as err:
        raise CorruptCheckpointError(
            f"load_sharded: cannot read {path!r}: {err}", filename=path
        ) from err
    if not isinstance(index, dict) or index.get("format") != FORMAT:
        raise CorruptCheckpointError(
            f"load_sharded: {path!r} is not a {FORMAT} index.", filename=path
        )
    return index


def _saved_blocks(directory: str, index: dict[str, Any]) -> list[list[tuple[np.ndarray, Any]]]:
    """Per leaf, the saved ``(index, data)`` blocks of every process's file."""
    blocks: list[list[tuple[np.ndarray, Any]]] = [[] for _ in index["leaves"]]
    for name in index["files"]:
        path = os.path.join(directory, name)
        if not os.path.isfile(path):
            raise CorruptCheckpointError(
                f"load_sharded: {INDEX} names {name!r}, which is missing from {directory!r}.",
                filename=path,
            )
        content = load_pytree(path)
        for key, value in content.items():
            if not key.endswith("/index"):
                continue
            i = int(key.split("/", 1)[0])
            blocks[i].append((np.asarray(value), content[key[: -len("index")] + "data"]))
    return blocks


def _read_version(directory: str, retries: int = 3) -> tuple[dict[str, Any], list]:
    """The index and the blocks of one version, read while no save replaces it.

    A save that replaces the checkpoint while this reads it removes the old version's
    files after its switch: a file named by the index read first may then be gone. The
    index is read again and, when it changed, the new version is read instead.
    """
    for attempt in range(retries):
        index = _read_index(directory)
        try:
            return index, _saved_blocks(directory, index)
        except (CorruptCheckpointError, CheckpointNotFoundError):
            if attempt + 1 == retries or _read_index(directory) == index:
                raise
    raise AssertionError("unreachable")


def _assemble(
    blocks: list[tuple[np.ndarray, Any]], shape: tuple[int, ...], dtype: Any, want: tuple
) -> np.ndarray:
    """The part ``want`` (a tuple of slices) of an array, from its saved blocks."""
    ranges = [range(n)[s] for s, n in zip(want, shape, strict=True)]
    out = np.empty([len(r) for r in ranges], dtype=dtype)
    filled = 0
    for index, data in blocks:
        lo = [max(int(a), r.start) for (a, _), r in zip(index, ranges, strict=True)]
        hi = [min(int(b), r.stop) for (_, b), r in zip(index, ranges, strict=True)]
        if any(h <= low for low, h in zip(lo, hi, strict=True)) and out.size:
            continue
        src = tuple(slice(low - int(a), h - int(a)) for low, h, (a, _) in zip(lo, hi, index))
        dst = tuple(slice(low - r.start, h - r.start) for low, h, r in zip(lo, hi, ranges))
        out[dst] = np.asarray(data)[src]
        filled += int(np.prod([h - low for low, h in zip(lo, hi, strict=True)]))
    if filled != out.size:
        raise CorruptCheckpointError(
            f"load_sharded: the saved blocks cover {filled} of the {out.size} values asked for."
        )
    return out


@set_module
def load_sharded(directory: str | os.PathLike[str], target: Any) -> Any:
    """Load a checkpoint of :func:`save_sharded` into arrays laid out like ``target``'s.

    Each array of ``target`` gives the shape, dtype and sharding of the result: a
    sharded ``jax.Array`` (of this run's devices, over any number of processes) comes
    back sharded the same way, each process reading only the blocks its devices hold;
    anything else comes back as a NumPy array. Arrays are matched with the saved ones
    by position, so a model rebuilt with other automatic names loads fine. Only the
    files that the folder's ``index.json`` names are read: what an interrupted save left
    there is ignored (and removed by the next save).

    Args:
      directory: the checkpoint's folder.
      target: a pytree like the one saved (a network's ``state_dict()``).

    Returns:
      A pytree with ``target``'s structure (Variables replaced by arrays), ready for
      ``load_state_dict``.

    Raises:
      CheckpointNotFoundError: no checkpoint in ``directory``.
      CheckpointStructureError: ``target`` has another number of arrays, or an array
        of another shape or dtype (the message names its path).
      CorruptCheckpointError: a file is unreadable or a block is missing.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as ckpt
      >>> folder = os.path.join(tempfile.mkdtemp(), 'state')
      >>> _ = ckpt.save_sharded(folder, {'w': np.ones((2, 3), np.float32), 'b': np.arange(3.)})
      >>> state = ckpt.load_sharded(folder, {'w': np.zeros((2, 3), np.float32), 'b': np.zeros(3)})
      >>> state['w'].sum().item(), state['b'].tolist()
      (6.0, [0.0, 1.0, 2.0])
    """
    _import_jax()
    directory = os.path.abspath(os.fspath(directory))
    index, blocks = _read_version(directory)
    leaves, treedef = _leaves(target)
    saved = index["leaves"]
    if len(saved) != len(leaves):
        raise CheckpointStructureError(
            f"load_sharded: the checkpoint holds {len(saved)} arrays, target has {len(leaves)}.",
            filename=directory,
        )
    for (path, value), entry in zip(leaves, saved, strict=True):
        shape, dtype = tuple(np.shape(value)), np.dtype(value.dtype).name
        if shape != tuple(entry["shape"]) or dtype != entry["dtype"]:
            raise CheckpointStructureError(
                f"load_sharded: target{path} has shape {shape} and dtype {dtype}, the "
                f"checkpoint's array {entry['path']} has shape {tuple(entry['shape'])} and "
                f"dtype {entry['dtype']}.",
                filename=directory,
            )
    out = []
    for (_, value), pieces in zip(leaves, blocks, strict=True):
        shape, dtype = tuple(np.shape(value)), np.dtype(value.dtype)
        if isinstance(value, jax.Array):
            out.append(
                jax.make_array_from_callback(
                    shape,
                    value.sharding,
                    lambda want, p=pieces, s=shape, d=dtype: _assemble(p, s, d, want),
                )
            )
        else:
            out.append(_assemble(pieces, shape, dtype, tuple(slice(None) for _ in shape)))
    return jax.tree_util.tree_unflatten(treedef, out)

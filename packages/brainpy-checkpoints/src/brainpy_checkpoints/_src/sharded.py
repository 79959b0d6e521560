"""Checkpoints of sharded state, written by every process of a multi-process run.

``save_sharded(directory, tree)`` writes a *folder*: each process writes the shards of the
tree's arrays that it holds (one copy of each block: replicas are skipped) to its own file
``process_<i>.bp`` (the msgpack format of :func:`save_pytree`), then process 0 writes
``index.json`` (the arrays' paths, shapes and dtypes, and the files). Everything is written
into a temporary folder that process 0 renames to ``directory`` once all files are complete,
so a checkpoint is there whole or not at all. ``load_sharded(directory, target)`` puts the
blocks back into arrays laid out like ``target``'s: on any number of processes and devices,
not only the ones that saved it, each process assembling only the blocks its devices hold.

On one process the same functions work (one file). Across hosts, ``directory`` must be on a
file system that every process sees.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from typing import Any

import numpy as np

from brainpy_checkpoints._src._public import set_module
from brainpy_checkpoints._src.atomic_io import fsync_directory, write_atomic
from brainpy_checkpoints._src.errors import (
    CheckpointExistsError,
    CheckpointNotFoundError,
    CheckpointStructureError,
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


@set_module
def save_sharded(directory: str | os.PathLike[str], target: Any, overwrite: bool = True) -> str:
    """Save a pytree of (possibly sharded) arrays from every process, atomically as a whole.

    Every process of the run must call it with the same tree (a sharded network's
    ``state_dict()``, say). Each writes the blocks its devices hold; process 0 writes the
    index and, once every file is complete, renames the temporary folder to ``directory``.

    Args:
      directory: the checkpoint's folder.
      target: the pytree (dicts, lists, tuples of arrays or Variables).
      overwrite: replace an existing checkpoint; if false, an existing ``directory``
        raises :class:`~brainpy_checkpoints.CheckpointExistsError` (before anything is
        written).

    Returns:
      The absolute path of the folder.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as ckpt
      >>> folder = os.path.join(tempfile.mkdtemp(), 'state')
      >>> path = ckpt.save_sharded(folder, {'v': np.arange(4.0)})
      >>> sorted(os.listdir(path))
      ['index.json', 'process_0.bp']
      >>> ckpt.load_sharded(folder, {'v': np.zeros(4)})['v']
      array([0., 1., 2., 3.])
    """
    _import_jax()
    directory = os.path.abspath(os.fspath(directory))
    if not overwrite and os.path.exists(directory):
        raise CheckpointExistsError(
            f"save_sharded: {directory!r} exists and overwrite=False.", filename=directory
        )
    leaves, _ = _leaves(target)
    # One temporary folder for all: its name comes from process 0.
    token = secrets.randbits(48)
    if jax.process_count() > 1:
        token = int(multihost_utils.broadcast_one_to_all(np.int64(token)))
    temp = f"{directory}.tmp-{token:012x}"
    if jax.process_index() == 0:
        os.makedirs(temp)
    _sync(f"brainpy_checkpoints.save_sharded:mkdir:{token}")
    mine = {"process": np.int64(jax.process_index())}
    for i, (_, value) in enumerate(leaves):
        for k, (index, data) in enumerate(_blocks(value)):
            mine[f"{i}/{k}/index"] = index
            mine[f"{i}/{k}/data"] = data
    save_pytree(os.path.join(temp, f"process_{jax.process_index()}.bp"), mine, verbose=False)
    _sync(f"brainpy_checkpoints.save_sharded:written:{token}")
    if jax.process_index() == 0:
        index = {
            "format": FORMAT,
            "processes": jax.process_count(),
            "files": [f"process_{p}.bp" for p in range(jax.process_count())],
            "leaves": [
                {"path": path, "shape": list(np.shape(v)), "dtype": np.dtype(v.dtype).name}
                for path, v in leaves
            ],
        }
        write_atomic(os.path.join(temp, INDEX), [json.dumps(index, indent=1).encode()])
        old = None
        if os.path.exists(directory):
            old = f"{directory}.old-{token:012x}"
            os.rename(directory, old)
        os.rename(temp, directory)
        fsync_directory(os.path.dirname(directory))
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    _sync(f"brainpy_checkpoints.save_sharded:done:{token}")
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
        content = load_pytree(os.path.join(directory, name))
        for key, value in content.items():
            if not key.endswith("/index"):
                continue
            i = int(key.split("/", 1)[0])
            blocks[i].append((np.asarray(value), content[key[: -len("index")] + "data"]))
    return blocks


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
    by position, so a model rebuilt with other automatic names loads fine.

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
    index = _read_index(directory)
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
    blocks = _saved_blocks(directory, index)
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

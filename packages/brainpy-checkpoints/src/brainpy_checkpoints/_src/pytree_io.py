"""``save_pytree``/``load_pytree``: one pytree in one file.

BrainPy implementation of ``brainpy.checkpoints.save_pytree``/``load_pytree``
(2.3.5), with the same file format and signatures, and these differences:

* The save is atomic and durable (temporary file, ``fsync``, rename, ``fsync``
  of the folder); 2.3.5 wrote the final file in place.
* ``save_pytree`` returns the file name it wrote (2.3.5 returned ``None``).
* ``load_pytree`` finds ``name`` as well as ``name + '.bp'``, validates the
  bytes, raises :class:`~brainpy_checkpoints.CheckpointError` subclasses that
  name the file, returns writable arrays, and can restore into a ``target``.
  It prints nothing unless ``verbose=True`` (2.3.5 always printed).
"""

from __future__ import annotations

import logging
import os
import warnings
from typing import TYPE_CHECKING, Any

from brainpy_checkpoints._src._public import set_module
from brainpy_checkpoints._src.atomic_io import special_file_kind, write_atomic
from brainpy_checkpoints._src.errors import (
    CheckpointError,
    CheckpointExistsError,
    CheckpointNotFoundError,
)
from brainpy_checkpoints._src.msgpack_decode import decode_bytes, decode_file
from brainpy_checkpoints._src.msgpack_format import encode
from brainpy_checkpoints._src.state_dict import from_state_dict, to_state_dict

if TYPE_CHECKING:
    from brainpy_checkpoints._src.async_manager import AsyncManager

__all__ = ["load_pytree", "msgpack_restore", "msgpack_serialize", "read_checkpoint", "save_pytree"]

logger = logging.getLogger("brainpy_checkpoints")

SUFFIX = ".bp"


def encode_target(
    target: Any, snapshot: bool, filename: Any, checksum: bool = True
) -> list[bytes | memoryview]:
    """Convert ``target`` to its state dict and encode it (errors name ``filename``).

    Files get the checksum entry (when the state is a dict); ``checksum=False`` gives
    exactly the bytes BrainPy 2.3.5 would write.
    """
    try:
        parts, _ = encode(to_state_dict(target), snapshot=snapshot, checksum=checksum)
    except CheckpointError as err:
        raise err.with_filename(filename) from None
    return parts


@set_module
def save_pytree(
    filename: str | os.PathLike[str],
    target: Any,
    overwrite: bool = True,
    async_manager: AsyncManager | None = None,
    verbose: bool = True,
) -> str:
    """Save a pytree into one file, atomically.

    BrainPy implementation of ``brainpy.checkpoints.save_pytree`` (2.3.5), with the
    same format, so files move both ways between this package and BrainPy 2.3.5.

    The tree is converted with :func:`to_state_dict` (Variables become their
    values) and encoded before this function returns, also with an
    ``async_manager``: changing the tree afterwards does not change what is
    written. The bytes go to a temporary file in the same folder, which is
    ``fsync``-ed and renamed over ``filename``, so an interrupted save leaves the
    previous file intact.

    A tree whose state is a dict (models, ``vars()``, lists and tuples too) ends with
    one more root entry, ``'__brainpy_checkpoint_crc32__'``: a CRC-32 of the file's
    bytes that every load checks, so a corrupted file raises
    :class:`CorruptCheckpointError` instead of loading wrong values. BrainPy 2.3.5
    reads such files (it shows the entry as one more key, and ignores it when
    restoring into a target).

    Args:
      filename: the file to write. ``.bp`` is appended when the name does not end
        with it (``net`` → ``net.bp``, ``net.msgpack`` → ``net.msgpack.bp``), as
        in 2.3.5. Missing folders are created.
      target: the pytree to save: dicts, lists, tuples, namedtuples, Variables,
        NumPy/JAX arrays, NumPy scalars and Python scalars.
      overwrite: replace an existing file. If false and the file exists,
        :class:`CheckpointExistsError` is raised.
      async_manager: an :class:`AsyncManager`: the previous save it runs is
        waited for, then the write runs in its worker thread.
      verbose: print ``Saving checkpoint into {filename}``.

    Returns:
      The name of the file written (with ``.bp``).

    Raises:
      CheckpointExistsError: ``overwrite=False`` and the file exists.
      CheckpointSerializationError: a leaf cannot be stored (the message names
        its path).
      CheckpointWriteError: the operating system refused the write (read-only or
        full file system, a path below a file, ...); the previous file is intact.

    Note:
      For checkpoints of sharded arrays across hosts, or heavy asynchronous
      checkpointing, use `Orbax <https://orbax.readthedocs.io>`_; this package
      is a small, single-host msgpack tool.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> folder = tempfile.mkdtemp()
      >>> path = bc.save_pytree(os.path.join(folder, 'net'), {'w': np.ones(3)}, verbose=False)
      >>> os.path.basename(path)
      'net.bp'
      >>> bc.load_pytree(path)
      {'w': array([1., 1., 1.])}
    """
    filename = os.fspath(filename)
    if os.path.splitext(filename)[1] != SUFFIX:
        filename += SUFFIX
    if verbose:
        print(f"Saving checkpoint into {filename}")
    else:
        logger.debug("Saving checkpoint into %s", filename)
    if async_manager is not None:
        async_manager.wait_previous_save()
    if not overwrite and os.path.lexists(filename):
        raise CheckpointExistsError(
            "a file exists under this name and overwrite=False; pass overwrite=True to replace it.",
            filename=filename,
        )
    parts = encode_target(target, async_manager is not None, filename)
    if async_manager is None:
        write_atomic(filename, parts, overwrite=overwrite)
    else:
        async_manager.save_async(lambda: write_atomic(filename, parts, overwrite=overwrite))
    return filename


def _resolve(filename: str) -> str:
    if os.path.isfile(filename):
        return filename
    with_suffix = filename + SUFFIX
    if not filename.endswith(SUFFIX) and os.path.isfile(with_suffix):
        return with_suffix
    kind = special_file_kind(filename)
    if kind is not None:
        raise CheckpointNotFoundError(f"this is {kind}, not a checkpoint file.", filename=filename)
    if os.path.isdir(filename):
        raise CheckpointNotFoundError(
            "this is a folder, not a checkpoint file; load checkpoint folders with "
            "brainpy_checkpoints.load(ckpt_dir).",
            filename=filename,
        )
    tried = "" if filename.endswith(SUFFIX) else f" (nor {with_suffix})"
    raise CheckpointNotFoundError(f"checkpoint not found{tried}.", filename=filename)


def read_checkpoint(path: str, verbose: bool = False) -> Any:
    """Read, verify and decode the checkpoint file ``path`` (no ``.bp`` lookup).

    With ``verbose``, says so when the file carries no checksum (a file of BrainPy 2.3.5,
    or of a tree whose root is not a dict), which is then loaded without that check.
    """
    kind = special_file_kind(path)
    if kind is not None:
        raise CheckpointNotFoundError(f"this is {kind}, not a checkpoint file.", filename=path)
    try:
        with open(path, "rb", buffering=0) as file:
            size = os.fstat(file.fileno()).st_size
            state, checked = decode_file(file, size, path)
    except FileNotFoundError:
        raise CheckpointNotFoundError("checkpoint not found.", filename=path) from None
    except IsADirectoryError:
        raise CheckpointNotFoundError(
            "this is a folder, not a checkpoint file.", filename=path
        ) from None
    except PermissionError as err:
        raise CheckpointNotFoundError(
            f"cannot read the checkpoint: permission denied ({err.strerror}).", filename=path
        ) from None
    if not checked:
        message = "%s has no checksum (a BrainPy 2.3.5 file?): loaded without an integrity check"
        if verbose:
            print(message % path)
        else:
            logger.debug(message, path)
    return state


@set_module
def load_pytree(
    filename: str | os.PathLike[str],
    target: Any = None,
    parallel: bool = True,
    verbose: bool = False,
) -> Any:
    """Load a pytree saved by :func:`save_pytree` (or by BrainPy 2.3.5).

    BrainPy implementation of ``brainpy.checkpoints.load_pytree`` (2.3.5). The file
    is validated while it is read: nothing is unpickled, and no length in the
    file can make the reader allocate more than the file holds.

    Args:
      filename: the file. If it does not exist, ``filename + '.bp'`` is tried.
      target: optional template. Without it, the stored tree is returned as it
        is: dicts with ``str`` keys, lists and tuples as ``{'0': …}`` dicts,
        writable NumPy arrays and NumPy scalars (as in 2.3.5). With it, the
        result has the target's structure (lists, tuples, namedtuples, dict
        subclasses), keys, shapes and dtypes are checked, and Variables in the
        target (any object with ``__jax_array__`` and a settable ``value``) are
        updated in place, all or nothing.
      parallel: accepted for 2.3.5 compatibility and ignored: the file is read
        sequentially with ``readinto``, straight into the arrays, which is as
        fast as the disk or page cache allows.
      verbose: print ``Loading checkpoint from {filename}`` (2.3.5 always
        printed it; the default here is silent).

    Returns:
      The restored tree. Arrays are NumPy arrays of the stored dtype
      (``float64`` stays ``float64`` whatever JAX's x64 setting), writable, and can
      be assigned straight to Variables.

    Raises:
      CheckpointNotFoundError: neither ``filename`` nor ``filename + '.bp'`` is a file.
      CorruptCheckpointError: the file is truncated, corrupt or inconsistent.
      CheckpointStructureError: the stored tree does not fit ``target``; the
        message names the tree path and both values.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> path = os.path.join(tempfile.mkdtemp(), 'state.bp')
      >>> _ = bc.save_pytree(path, {'layer': {'w': np.zeros((2, 2), np.float32)}}, verbose=False)
      >>> target = {'layer': {'w': np.ones((2, 3), np.float32)}}
      >>> bc.load_pytree(path, target)  # doctest: +ELLIPSIS
      Traceback (most recent call last):
      ...
      brainpy_checkpoints.CheckpointStructureError: .../state.bp: at ['layer']['w']: expected an array of shape (2, 3) and dtype float32 (target), got an array of shape (2, 2) and dtype float32 (state)
    """
    if isinstance(target, bool):  # 2.3.5's signature was load_pytree(filename, parallel)
        warnings.warn(
            "load_pytree(filename, <bool>): the second positional argument is now `target`; "
            "pass parallel= by keyword. The bool is taken as `parallel`.",
            DeprecationWarning,
            stacklevel=2,
        )
        target = None
    path = _resolve(os.fspath(filename))
    if verbose:
        print(f"Loading checkpoint from {path}")
    else:
        logger.debug("Loading checkpoint from %s", path)
    state = read_checkpoint(path, verbose)
    if target is None:
        return state
    try:
        return from_state_dict(target, state)
    except CheckpointError as err:
        raise err.with_filename(path) from None


@set_module
def msgpack_serialize(pytree: Any) -> bytes:
    """Return the msgpack bytes of ``pytree``, exactly as BrainPy 2.3.5 encodes them.

    BrainPy implementation of ``flax.serialization.to_bytes``. Unlike the files of
    :func:`save_pytree`, the bytes carry no checksum entry.

    Examples:
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> bc.msgpack_serialize({'a': np.ones(3, np.float32)}).hex(' ')
      '81 a1 61 c7 19 01 93 91 03 a7 66 6c 6f 61 74 33 32 c4 0c 00 00 80 3f 00 00 80 3f 00 00 80 3f'
    """
    return b"".join(encode_target(pytree, False, None, checksum=False))


@set_module
def msgpack_restore(encoded: bytes | bytearray | memoryview, target: Any = None) -> Any:
    """Decode checkpoint bytes, with the validation of :func:`load_pytree`.

    Args:
      encoded: the bytes of a checkpoint file.
      target: optional template, as for :func:`load_pytree`.

    Returns:
      The restored tree.

    Raises:
      CorruptCheckpointError: the bytes are not a valid checkpoint.
      CheckpointStructureError: the tree does not fit ``target``.

    Examples:
      >>> import brainpy_checkpoints as bc
      >>> bc.msgpack_restore(bc.msgpack_serialize({'step': 10, 'lr': [0.1, 0.01]}))
      {'step': 10, 'lr': {'0': 0.1, '1': 0.01}}
    """
    state, _ = decode_bytes(encoded)
    return state if target is None else from_state_dict(target, state)

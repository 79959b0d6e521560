"""The error catalogue of brainpy_checkpoints.

Every error raised because a checkpoint cannot be written or read is a
:class:`CheckpointError`. The base class subclasses :class:`ValueError`, which is
what BrainPy 2.3.5 raised for a missing checkpoint, so ``except ValueError`` keeps
working. Each subclass is raised for one kind of failure, carries the file it is
about in :attr:`CheckpointError.filename`, and says in its docstring how to fix it:

=================================  =================================================
error                              raised when
=================================  =================================================
:class:`CheckpointNotFoundError`   the file (or the requested step) does not exist
:class:`CorruptCheckpointError`    the bytes are truncated, corrupt, declare sizes that
                                   do not add up or exceed the file, or name an
                                   unknown dtype or extension type
:class:`CheckpointStructureError`  the file decodes, but does not fit ``target``
                                   (keys, shapes, dtypes or leaf types differ)
:class:`CheckpointExistsError`     a save would replace a file with
                                   ``overwrite=False``, or a newer step exists
:class:`CheckpointSerializationError`  ``save`` met a leaf it cannot store
:class:`CheckpointWriteError`      the operating system refused the write (read-only
                                   or full file system, a path below a file, no
                                   permission, a FIFO or device under the name)
=================================  =================================================

Decoding never unpickles anything, and never allocates more than a small multiple of the
file's size.

BrainPy 2.3.5's names for these errors are base classes of the ones raised, with 2.3.5's
constructors, so ``except`` clauses written for 2.3.5 catch what this package raises:
:class:`InvalidCheckpointError` (of :class:`CheckpointExistsError`),
:class:`MPACheckpointingRequiredError` (of :class:`CheckpointSerializationError`),
:class:`MPARestoreDataCorruptedError` (of :class:`CorruptCheckpointError`) and
:class:`MPARestoreTargetRequiredError` and :class:`MPARestoreTypeNotMatchError` (both of
:class:`CheckpointStructureError`).
"""

from __future__ import annotations

from typing import Any

from brainpy_checkpoints._src._public import set_module

__all__ = [
    "CheckpointError",
    "CheckpointExistsError",
    "CheckpointNotFoundError",
    "CheckpointSerializationError",
    "CheckpointStructureError",
    "CheckpointWriteError",
    "CorruptCheckpointError",
    "InvalidCheckpointError",
    "MPACheckpointingRequiredError",
    "MPARestoreDataCorruptedError",
    "MPARestoreTargetRequiredError",
    "MPARestoreTypeNotMatchError",
]


@set_module
class CheckpointError(ValueError):
    """Base class of every error about writing or reading a checkpoint.

    Args:
      message: what went wrong: the argument, what was expected and what came.
      filename: the file concerned; when given, the message starts with it.
      path: the position in the pytree concerned (for example ``['layer']['w']``).

    Attributes:
      filename: the file concerned, or ``None``.
      path: the pytree path concerned, or ``None``.

    Examples:
      >>> import os, tempfile
      >>> import brainpy_checkpoints as bc
      >>> try:
      ...     bc.load_pytree(os.path.join(tempfile.mkdtemp(), 'missing.bp'))
      ... except bc.CheckpointError as err:  # every error of this package
      ...     print(type(err).__name__, '-', str(err).split(': ', 1)[1])
      CheckpointNotFoundError - checkpoint not found.
    """

    def __init__(self, message: str, *, filename: Any = None, path: str | None = None):
        self.filename = None if filename is None else str(filename)
        self.path = path
        self.reason = message
        if self.filename is not None:
            message = f"{self.filename}: {message}"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""

    def with_filename(self, filename: Any) -> CheckpointError:
        """Return a copy of this error whose message names ``filename``."""
        return type(self)(self.reason, filename=filename, path=self.path)


class _Legacy(CheckpointError):
    """A 2.3.5 error class: built from 2.3.5's arguments, not from a message.

    The classes this package raises derive from it and take ``(message, filename=, path=)``
    again; pickling and :meth:`with_filename` follow whichever constructor built the error.
    """

    def _legacy_init(self, message: str, filename: Any, *args: Any) -> None:
        CheckpointError.__init__(self, message)
        self.filename = None if filename is None else str(filename)
        self._legacy_args = args

    def with_filename(self, filename: Any) -> CheckpointError:
        """Return this error (built from 2.3.5's arguments, it names its file already)."""
        if "_legacy_args" in self.__dict__:
            return self
        return super().with_filename(filename)

    def __reduce__(self) -> Any:
        if "_legacy_args" in self.__dict__:
            return type(self), self._legacy_args
        return super().__reduce__()


@set_module
class InvalidCheckpointError(_Legacy):
    """A save would not be the newest step of its directory (2.3.5's name).

    :func:`~brainpy_checkpoints.save` raises :class:`CheckpointExistsError`, a subclass,
    when a checkpoint of the same or a newer step exists and ``overwrite=False``: pass
    ``overwrite=True`` or save a larger step.

    Args:
      path: the checkpoint file or folder.
      step: the step that was to be saved.

    Examples:
      >>> import brainpy_checkpoints as bc
      >>> err = bc.InvalidCheckpointError('ckpts/checkpoint_3', 3)
      >>> str(err)
      'cannot save step 3 at ckpts/checkpoint_3: a checkpoint of the same or a newer step exists.'
      >>> issubclass(bc.CheckpointExistsError, bc.InvalidCheckpointError)
      True
    """

    def __init__(self, path: Any, step: Any):
        self.step = step
        self._legacy_init(
            f"cannot save step {step} at {path}: a checkpoint of the same or a newer step exists.",
            path,
            path,
            step,
        )


@set_module
class MPACheckpointingRequiredError(_Legacy):
    """A value cannot be stored in a checkpoint (2.3.5's name).

    2.3.5 raised it for multi-process arrays, which need an asynchronous manager; this
    package raises :class:`CheckpointSerializationError`, a subclass, for any value it
    cannot store.

    Args:
      path: the checkpoint file.
      step: the step being saved.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> try:  # code written for BrainPy 2.3.5 catches the old name
      ...     bc.save_pytree(os.path.join(tempfile.mkdtemp(), 'f.bp'), {'f': object()}, verbose=False)
      ... except bc.MPACheckpointingRequiredError as err:
      ...     print(type(err).__name__)
      CheckpointSerializationError
    """

    def __init__(self, path: Any, step: Any):
        self.step = step
        self._legacy_init(
            f"cannot save step {step} at {path}: the target holds a multi-process array, "
            "which a single-file checkpoint cannot store.",
            path,
            path,
            step,
        )


@set_module
class MPARestoreDataCorruptedError(_Legacy):
    """The stored data of a checkpoint is incomplete or corrupt (2.3.5's name).

    This package raises :class:`CorruptCheckpointError`, a subclass.

    Args:
      step: the step being restored.
      path: the file or folder whose data is incomplete.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> path = bc.save_pytree(os.path.join(tempfile.mkdtemp(), 'net.bp'),
      ...                       {'w': np.ones(2, np.float32)}, verbose=False)
      >>> with open(path, 'r+b') as f:
      ...     _ = f.truncate(20)
      >>> try:  # code written for BrainPy 2.3.5 catches the old name
      ...     bc.load_pytree(path)
      ... except bc.MPARestoreDataCorruptedError as err:
      ...     print(type(err).__name__)
      CorruptCheckpointError
    """

    def __init__(self, step: Any, path: Any):
        self.step = step
        self._legacy_init(
            f"cannot restore step {step} from {path}: the stored array data is incomplete "
            "(was the save interrupted?).",
            path,
            step,
            path,
        )


@set_module
class MPARestoreTargetRequiredError(_Legacy):
    """Restoring needs a ``target`` that matches the stored tree (2.3.5's name).

    This package raises :class:`CheckpointStructureError`, a subclass, when the file does
    not fit the ``target`` given.

    Args:
      path: the checkpoint file.
      step: the step being restored.
      key: the position in the tree concerned, or ``None``.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> path = bc.save_pytree(os.path.join(tempfile.mkdtemp(), 'net.bp'),
      ...                       {'w': np.ones(2, np.float32)}, verbose=False)
      >>> try:  # code written for BrainPy 2.3.5 catches the old name
      ...     bc.load_pytree(path, target={'w': np.zeros(3, np.float32)})
      ... except bc.MPARestoreTargetRequiredError as err:
      ...     print(type(err).__name__)
      CheckpointStructureError
    """

    def __init__(self, path: Any, step: Any, key: Any = None):
        self.step, self.key = step, key
        where = f" (at {key})" if key else ""
        self._legacy_init(
            f"cannot restore step {step} from {path}: a multi-process array needs a target "
            f"that holds a pre-created array{where}.",
            path,
            path,
            step,
            key,
        )


@set_module
class MPARestoreTypeNotMatchError(_Legacy):
    """The ``target``'s array type does not match the stored one (2.3.5's name).

    This package raises :class:`CheckpointStructureError`, a subclass, when the file does
    not fit the ``target`` given.

    Args:
      step: the step being restored.
      gda_path: the stored array concerned.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> path = bc.save_pytree(os.path.join(tempfile.mkdtemp(), 'net.bp'),
      ...                       {'w': np.ones(2, np.float32)}, verbose=False)
      >>> try:  # code written for BrainPy 2.3.5 catches the old name
      ...     bc.load_pytree(path, target={'w': np.zeros(2, np.int32)})
      ... except bc.MPARestoreTypeNotMatchError as err:
      ...     print(type(err).__name__)
      CheckpointStructureError
    """

    def __init__(self, step: Any, gda_path: Any):
        self.step = step
        self._legacy_init(
            f"cannot restore step {step} from {gda_path}: the target's array type does not "
            "match the stored array's.",
            gda_path,
            step,
            gda_path,
        )


@set_module
class CheckpointNotFoundError(CheckpointError, FileNotFoundError):
    """The checkpoint file, directory entry or requested step does not exist.

    Check the path (``save_pytree`` appends ``.bp`` when the name lacks it; the
    directory API names files ``{prefix}{step}``). It is also a
    :class:`FileNotFoundError`.

    Examples:
      >>> import os, tempfile
      >>> import brainpy_checkpoints as bc
      >>> try:
      ...     bc.load_pytree(os.path.join(tempfile.mkdtemp(), 'missing.bp'))
      ... except FileNotFoundError as err:
      ...     print(type(err).__name__, '-', str(err).split(': ', 1)[1])
      CheckpointNotFoundError - checkpoint not found.
    """


@set_module
class CorruptCheckpointError(MPARestoreDataCorruptedError):
    """The file is not a valid checkpoint.

    Raised for an empty, truncated or bit-flipped file (files written by
    :func:`~brainpy_checkpoints.save_pytree` and :func:`~brainpy_checkpoints.save`
    carry a CRC-32 of their bytes, checked on every load), trailing bytes, an array
    payload whose ``prod(shape) * itemsize`` differs from its byte count, a dtype
    or msgpack extension type this package does not know, negative dimensions, any
    length that points beyond the end of the file, or a file whose decoding would take
    far more memory than its size justifies (a container bomb). The file cannot be repaired
    by this package: load an earlier checkpoint. A file written by this package is
    never left in this state by an interrupted save (saves are atomic).

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> path = bc.save_pytree(os.path.join(tempfile.mkdtemp(), 'net.bp'),
      ...                       {'w': np.ones(2, np.float32)}, verbose=False)
      >>> with open(path, 'r+b') as f:  # cut the file short
      ...     _ = f.truncate(20)
      >>> try:
      ...     bc.load_pytree(path)
      ... except bc.CorruptCheckpointError as err:
      ...     print(type(err).__name__)
      CorruptCheckpointError
    """

    __init__ = CheckpointError.__init__


@set_module
class CheckpointStructureError(MPARestoreTargetRequiredError, MPARestoreTypeNotMatchError):
    r"""The checkpoint decodes, but its tree does not fit the ``target`` given.

    The message names the position in the tree (for example ``['layer']['w']``)
    and both the expected (target) and the found (file) value: missing or
    unexpected keys, a different sequence length, shape, dtype or leaf type. Load
    without ``target`` to inspect the stored tree, or build a target that matches
    it. When restoring into Variables nothing is modified unless the whole tree fits.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> path = bc.save_pytree(os.path.join(tempfile.mkdtemp(), 'net.bp'),
      ...                       {'w': np.ones(2, np.float32)}, verbose=False)
      >>> try:
      ...     bc.load_pytree(path, target={'w': np.zeros(3, np.float32)})
      ... except bc.CheckpointStructureError as err:
      ...     print(str(err).split(': ', 1)[1].replace(', got', ',\ngot'))
      at ['w']: expected an array of shape (3,) and dtype float32 (target),
      got an array of shape (2,) and dtype float32 (state)
    """

    __init__ = CheckpointError.__init__


@set_module
class CheckpointExistsError(InvalidCheckpointError, FileExistsError):
    """A save would replace a checkpoint that ``overwrite=False`` protects.

    Raised by :func:`~brainpy_checkpoints.save_pytree` when the file exists, and
    by :func:`~brainpy_checkpoints.save` when a checkpoint of the same or a newer
    step is in the directory. Pass ``overwrite=True`` or choose another name or
    step. (BrainPy 2.3.5 raised ``InvalidCheckpointPath``/``InvalidCheckpointError``
    here.) It is also a :class:`FileExistsError`.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> path = bc.save_pytree(os.path.join(tempfile.mkdtemp(), 'net.bp'), {'w': np.ones(2)},
      ...                       verbose=False)
      >>> try:
      ...     bc.save_pytree(path, {'w': np.zeros(2)}, overwrite=False, verbose=False)
      ... except FileExistsError as err:
      ...     print(type(err).__name__, '-', str(err).split('; ')[1])
      CheckpointExistsError - pass overwrite=True to replace it.
    """

    __init__ = CheckpointError.__init__


@set_module
class CheckpointSerializationError(MPACheckpointingRequiredError, TypeError):
    """A leaf of the tree cannot be stored in a checkpoint.

    Storable leaves are NumPy and JAX arrays of boolean, integer, floating
    (``bfloat16`` and the ``ml_dtypes`` float8 types included) or complex dtype,
    NumPy scalars, and Python ``int`` (64-bit range), ``float``, ``complex``,
    ``bool``, ``str``, ``bytes`` and ``None``. Convert other objects first, or
    teach the package about their class with
    :func:`~brainpy_checkpoints.register_serialization_state`. It is also a
    :class:`TypeError` (what BrainPy 2.3.5 raised: ``can not serialize``).

    Examples:
      >>> import os, tempfile
      >>> import brainpy_checkpoints as bc
      >>> try:
      ...     bc.save_pytree(os.path.join(tempfile.mkdtemp(), 'net.bp'), {'f': object()},
      ...                    verbose=False)
      ... except TypeError as err:
      ...     print(type(err).__name__, '-', str(err).split(': ', 2)[2].split(';')[0])
      CheckpointSerializationError - objects of type object cannot be stored
    """

    __init__ = CheckpointError.__init__


@set_module
class CheckpointWriteError(CheckpointError, OSError):
    """The operating system refused to write a checkpoint; nothing was replaced.

    The message names the checkpoint (not the hidden temporary file) and the cause: a
    read-only file system, no space left, a part of the path that is a file rather
    than a folder, missing permission, or a FIFO, device or socket under the name.
    The previous file under that name, if any, is untouched. It is also an
    :class:`OSError` whose ``errno`` is the operating system's.

    Examples:
      >>> import os, tempfile
      >>> import brainpy_checkpoints as bc
      >>> folder = tempfile.mkdtemp()
      >>> open(os.path.join(folder, 'results'), 'w').close()  # a file, not a folder
      >>> try:
      ...     bc.save_pytree(os.path.join(folder, 'results', 'net.bp'), {'w': 1}, verbose=False)
      ... except OSError as err:
      ...     print(type(err).__name__, '-', str(err).split(': ', 2)[2].split(' (')[0])
      CheckpointWriteError - a part of the path exists and is not a folder
    """

    def __init__(
        self,
        message: str,
        *,
        filename: Any = None,
        path: str | None = None,
        errno: int | None = None,
    ):
        super().__init__(message, filename=filename, path=path)
        self.errno = errno

    def with_filename(self, filename: Any) -> CheckpointWriteError:
        """Return a copy of this error whose message names ``filename``."""
        return type(self)(self.reason, filename=filename, path=self.path, errno=self.errno)

    def __reduce__(self) -> Any:
        return _rebuild_write_error, (self.reason, self.filename, self.path, self.errno)


def _rebuild_write_error(
    reason: str, filename: Any, path: str | None, errno: int | None
) -> CheckpointWriteError:
    return CheckpointWriteError(reason, filename=filename, path=path, errno=errno)

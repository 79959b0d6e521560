"""Directory checkpoints: ``save``/``load`` of numbered steps with keep-N.

BrainPy implementation of ``brainpy.checkpoints.save``/``load`` (2.3.5, after
Flax's ``save_checkpoint``/``restore_checkpoint``). Step ``s`` is stored in the
file ``{ckpt_dir}/{prefix}{s}`` (no ``.bp`` suffix), in the format of
:func:`~brainpy_checkpoints.save_pytree`. A folder may hold several steps; only
file names that are exactly ``prefix`` followed by a number (``7``, ``-1``,
``2.5``, ``1e-05``) count as checkpoints, ordered by that number, so temporary
files, 2.3.5's ``{prefix}tmp`` and anything else in the folder are ignored.
"""

from __future__ import annotations

import logging
import math
import numbers
import os
import re
import warnings
from typing import TYPE_CHECKING, Any

from brainpy_checkpoints._src._public import set_module
from brainpy_checkpoints._src.atomic_io import write_atomic
from brainpy_checkpoints._src.errors import CheckpointExistsError, CheckpointNotFoundError
from brainpy_checkpoints._src.pytree_io import encode_target, load_pytree

if TYPE_CHECKING:
    from brainpy_checkpoints._src.async_manager import AsyncManager

__all__ = ["checkpoint_steps", "load", "save"]

logger = logging.getLogger("brainpy_checkpoints")

_STEP = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"


def _step_pattern(prefix: str) -> re.Pattern[str]:
    return re.compile(re.escape(prefix) + f"({_STEP})")


def _checked_step(step: object) -> float:
    if isinstance(step, bool) or not isinstance(step, numbers.Real):
        raise TypeError(
            f"save: step must be an int or a float, got {type(step).__name__} {step!r}."
        )
    if not math.isfinite(step):
        raise ValueError(f"save: step must be finite, got {step!r}.")
    return step  # type: ignore[return-value]  # any numbers.Real; str() names the file


def _checked_keep(keep: object, keep_every_n_steps: object) -> None:
    if isinstance(keep, bool) or not isinstance(keep, int) or keep < 1:
        raise ValueError(f"save: keep must be an int >= 1, got {keep!r}.")
    if keep_every_n_steps is not None and (
        isinstance(keep_every_n_steps, bool)
        or not isinstance(keep_every_n_steps, (int, float, numbers.Real))
        or not float(keep_every_n_steps) > 0
    ):
        raise ValueError(
            "save: keep_every_n_steps must be None or a positive number, "
            f"got {keep_every_n_steps!r}."
        )


@set_module
def checkpoint_steps(
    ckpt_dir: str | os.PathLike[str], prefix: str = "checkpoint_"
) -> list[tuple[float, str]]:
    """List the checkpoints of a folder written by :func:`save`, oldest first.

    Only files named exactly ``prefix`` followed by a number count; temporary
    files and anything else are ignored, as in :func:`load`'s search.

    Args:
      ckpt_dir: the folder (a missing folder has no checkpoints).
      prefix: the file name prefix.

    Returns:
      ``(step as a float, full path)`` pairs sorted by step (then by name).

    Examples:
      >>> import tempfile
      >>> import brainpy_checkpoints as bc
      >>> folder = tempfile.mkdtemp()
      >>> for step in (-1, 2.5, 10):
      ...     _ = bc.save(folder, {'step': step}, step, keep=5)
      >>> [step for step, _ in bc.checkpoint_steps(folder)]
      [-1.0, 2.5, 10.0]
    """
    # A prefix may hold a sub-folder ("run1/ckpt_"), as 2.3.5's glob allowed.
    folder = os.path.join(os.fspath(ckpt_dir), os.path.dirname(prefix))
    pattern = _step_pattern(os.path.basename(prefix))
    found = []
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is not None and entry.is_file():
            found.append((float(match[1]), entry.name, entry.path))
    found.sort()
    return [(step, path) for step, _, path in found]


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _prune(
    ckpt_dir: str,
    prefix: str,
    step: float,
    keep: int,
    overwrite: bool,
    keep_every_n_steps: float | None,
) -> None:
    entries = checkpoint_steps(ckpt_dir, prefix)
    if overwrite:
        for value, path in entries:
            if value > step:
                _remove(path)
        entries = [(value, path) for value, path in entries if value <= step]
    if len(entries) <= keep:
        return
    last_kept = -math.inf
    for value, path in entries[:-keep]:  # oldest first
        if keep_every_n_steps is not None and value - last_kept >= keep_every_n_steps:
            last_kept = value
            continue
        _remove(path)


@set_module
def save(
    ckpt_dir: str | os.PathLike[str],
    target: Any,
    step: int | float,
    prefix: str = "checkpoint_",
    keep: int = 1,
    overwrite: bool = False,
    keep_every_n_steps: int | float | None = None,
    async_manager: AsyncManager | None = None,
) -> str:
    """Save a pytree as step ``step`` of a checkpoint folder, keeping the newest ones.

    BrainPy implementation of ``brainpy.checkpoints.save`` (2.3.5). The file
    ``{ckpt_dir}/{prefix}{step}`` is written atomically (see
    :func:`save_pytree`); then older checkpoints beyond the newest ``keep`` are
    deleted.

    Args:
      ckpt_dir: the folder; created if needed.
      target: the pytree to save.
      step: the training step or time: an int or a finite float (negative allowed).
      prefix: the file name prefix.
      keep: how many of the newest checkpoints to keep (>= 1).
      overwrite: allow a step that is not newer than every saved one: the file
        of the same step is replaced and *newer* checkpoints are deleted. If
        false, such a step raises :class:`CheckpointExistsError`.
      keep_every_n_steps: also keep, among the older checkpoints, one at least
        every this many steps (walking from the oldest), so a long run keeps
        e.g. steps 0, 1000, 2000 … besides the newest ``keep``.
      async_manager: an :class:`AsyncManager`; the write and the cleanup run in
        its worker thread after the previous save finished.

    Returns:
      The path of the checkpoint file.

    Raises:
      CheckpointExistsError: ``overwrite=False`` and a checkpoint of the same or
        a newer step exists.
      CheckpointSerializationError: a leaf cannot be stored.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> folder = tempfile.mkdtemp()
      >>> for step in range(4):
      ...     _ = bc.save(folder, {'w': np.full(2, step)}, step, keep=2)
      >>> [os.path.basename(p) for _, p in bc.checkpoint_steps(folder)]
      ['checkpoint_2', 'checkpoint_3']
      >>> bc.load(folder)['w']
      array([3, 3])
    """
    ckpt_dir = os.fspath(ckpt_dir)
    step = _checked_step(step)
    _checked_keep(keep, keep_every_n_steps)
    if async_manager is not None:
        async_manager.wait_previous_save()
    path = os.path.join(ckpt_dir, f"{prefix}{step}")
    if not overwrite:
        newer = [(value, p) for value, p in checkpoint_steps(ckpt_dir, prefix) if value >= step]
        if newer:
            raise CheckpointExistsError(
                f"cannot save step {step}: the checkpoint {os.path.basename(newer[-1][1])!r} "
                "is of the same or a newer step; pass overwrite=True to replace it (newer "
                "checkpoints are then deleted) or save a larger step.",
                filename=path,
            )
    parts = encode_target(target, async_manager is not None, path)
    pattern = _step_pattern(os.path.basename(prefix))

    def write() -> None:
        write_atomic(
            path, parts, overwrite=overwrite, stale_stems=lambda s: bool(pattern.fullmatch(s))
        )
        _prune(ckpt_dir, prefix, float(step), keep, overwrite, keep_every_n_steps)

    if async_manager is None:
        write()
    else:
        async_manager.save_async(write)
    return path


@set_module
def load(
    ckpt_dir: str | os.PathLike[str],
    step: int | float | None = None,
    prefix: str = "checkpoint_",
    target: Any = None,
    parallel: bool = True,
    gda_manager: Any = None,
    allow_partial_mpa_restoration: bool = False,
) -> Any:
    """Load a checkpoint from a folder written by :func:`save` (the latest by default).

    BrainPy implementation of ``brainpy.checkpoints.load`` (2.3.5).

    Args:
      ckpt_dir: the folder, or directly a checkpoint file.
      step: the step to load; ``None`` loads the newest.
      prefix: the file name prefix.
      target: optional template, as for :func:`load_pytree` (Variables in it are
        updated in place). Returned unchanged when there is nothing to load.
      parallel: accepted for 2.3.5 compatibility; ignored.
      gda_manager: 2.3.5's multi-host array manager; must be ``None`` (use Orbax
        for multi-host checkpoints).
      allow_partial_mpa_restoration: accepted for 2.3.5 compatibility; ignored.

    Returns:
      The restored tree; or ``target`` when ``ckpt_dir`` does not exist or holds
      no checkpoint (the latter with a :class:`UserWarning`).

    Raises:
      CheckpointNotFoundError: ``step`` was given and its file does not exist.
      CorruptCheckpointError: the checkpoint file is corrupt.
      CheckpointStructureError: the stored tree does not fit ``target``.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> folder = tempfile.mkdtemp()
      >>> _ = bc.save(folder, {'w': np.zeros(2)}, step=1, keep=3)
      >>> _ = bc.save(folder, {'w': np.ones(2)}, step=2, keep=3)
      >>> bc.load(folder, step=1)['w']
      array([0., 0.])
      >>> bc.load(os.path.join(folder, 'missing'), target='unchanged')
      'unchanged'
    """
    del parallel, allow_partial_mpa_restoration
    if gda_manager is not None:
        raise NotImplementedError(
            "load: gda_manager is not supported; use Orbax for multi-host checkpoints."
        )
    ckpt_dir = os.fspath(ckpt_dir)
    if step is not None:
        path = os.path.join(ckpt_dir, f"{prefix}{step}")
        if not os.path.isfile(path):
            available = [os.path.basename(p) for _, p in checkpoint_steps(ckpt_dir, prefix)]
            raise CheckpointNotFoundError(
                f"no checkpoint for step={step!r} with prefix={prefix!r}; the folder holds "
                f"{available or 'none'}.",
                filename=path,
            )
    elif os.path.isfile(ckpt_dir):
        path = ckpt_dir
    elif not os.path.exists(ckpt_dir):
        logger.info("Found no checkpoint folder at %s; returning the target.", ckpt_dir)
        return target
    else:
        entries = checkpoint_steps(ckpt_dir, prefix)
        if not entries:
            warnings.warn(
                f"Found no checkpoint files in {ckpt_dir} with prefix {prefix!r}; "
                "returning the target unchanged.",
                UserWarning,
                stacklevel=2,
            )
            return target
        path = entries[-1][1]
    return load_pytree(path, target=target)

"""``save_states``/``load_states``: the Variable values of an object in one file.

The file holds one array per Variable, keyed by the Variable's absolute key
(``'{node name}.{attr}'``, as ``obj.vars()`` gives it). The suffix picks the format:

* ``.npz``: NumPy (always available; ``compressed=True`` uses ``savez_compressed``);
* ``.h5``/``.hdf5``: HDF5 (needs ``h5py``);
* ``.mat``: MATLAB (needs ``scipy``).

Pickle files (BrainPy 2.3.5 also wrote ``.pkl``) are refused: loading a pickle runs arbitrary
code. Loading checks every key, shape and dtype before writing any Variable.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import jax.numpy as jnp
import numpy as np

from brainpy_math._src.errors import StateDictError
from brainpy_math._src.variable import Variable

if TYPE_CHECKING:
    from brainpy_math._src.object_base import BrainPyObject

__all__ = ["save_states", "load_states"]

_FORMATS = {".npz": "npz", ".h5": "h5", ".hdf5": "h5", ".mat": "mat"}


def _format(filename: Any, where: str) -> str:
    if not isinstance(filename, (str, os.PathLike)):
        raise TypeError(f"{where}: filename must be a str or path, got {type(filename).__name__}.")
    suffix = os.path.splitext(os.fspath(filename))[1].lower()
    if suffix not in _FORMATS:
        raise ValueError(
            f"{where}: cannot tell the format of {os.fspath(filename)!r}: the suffix must be one "
            f"of {sorted(_FORMATS)}, got {suffix or 'none'!r} (pickle files are not supported)."
        )
    return _FORMATS[suffix]


def _optional(module: str, where: str, suffix: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise ImportError(f"{where}: {suffix} files need the {module!r} package.") from err


def _selected(obj: BrainPyObject, variables: Any) -> dict[str, Variable]:
    if variables is None:
        return dict(obj.vars(method="absolute").items())
    if isinstance(variables, Mapping):
        items = dict(variables)
    elif isinstance(variables, (list, tuple)):
        names = {id(v): k for k, v in obj.vars(method="absolute").items()}
        items = {names.get(id(v), f"var{i}"): v for i, v in enumerate(variables)}
    else:
        raise TypeError(
            "save_states: variables must be a dict or a list of Variables, "
            f"got {type(variables).__name__}."
        )
    for key, var in items.items():
        if not isinstance(var, Variable):
            raise TypeError(f"save_states: {key!r} must be a Variable, got {type(var).__name__}.")
    return items


def save_states(obj: BrainPyObject, filename: str, variables: Any = None, **setting: Any) -> None:
    """Write the values of ``obj``'s Variables (or of ``variables``) to ``filename``.

    Examples:
      >>> import os, tempfile
      >>> import brainpy_math as bm
      >>> class Cell(bm.BrainPyObject):
      ...     def __init__(self):
      ...         super().__init__(name='cell_io')
      ...         self.v = bm.Variable(bm.arange(3.))
      >>> cell = Cell()
      >>> path = os.path.join(tempfile.mkdtemp(), 'cell.npz')
      >>> cell.save_states(path)
      >>> cell.v.value = bm.zeros(3)
      >>> cell.load_states(path)
      >>> cell.v.value
      Array([0., 1., 2.], dtype=float32)
    """
    kind = _format(filename, "save_states")
    arrays = {key: np.asarray(var.value) for key, var in _selected(obj, variables).items()}
    path = os.fspath(filename)
    if kind == "npz":
        compressed = setting.pop("compressed", False)
        writer = np.savez_compressed if compressed else np.savez
        with open(path, "wb") as f:
            writer(f, **arrays)
    elif kind == "h5":
        h5py = _optional("h5py", "save_states", ".h5")
        with h5py.File(path, "w") as f:
            for key, value in arrays.items():
                f.create_dataset(key, data=value, **setting)
    else:
        io = _optional("scipy.io", "save_states", ".mat")
        io.savemat(path, arrays, **setting)


def _read(filename: str, kind: str) -> dict[str, np.ndarray]:
    path = os.fspath(filename)
    if not os.path.exists(path):
        raise FileNotFoundError(f"load_states: no such file: {path!r}.")
    if kind == "npz":
        with np.load(path, allow_pickle=False) as data:
            return {key: data[key] for key in data.files}
    if kind == "h5":
        h5py = _optional("h5py", "load_states", ".h5")
        with h5py.File(path, "r") as f:
            return {key: np.asarray(f[key]) for key in f.keys()}
    io = _optional("scipy.io", "load_states", ".mat")
    raw = io.loadmat(path)
    return {k: v for k, v in raw.items() if not k.startswith("__")}


def load_states(obj: BrainPyObject, filename: str, verbose: bool = False) -> None:
    """Put the values saved by :func:`save_states` back into ``obj``'s Variables.

    Raises:
      StateDictError: a Variable has no entry in the file, the file has an entry that
        matches no Variable, or a shape or dtype differs. Nothing is written then.
    """
    kind = _format(filename, "load_states")
    data = _read(filename, kind)
    variables = dict(obj.vars(method="absolute").items())
    missing = [k for k in variables if k not in data]
    unexpected = [k for k in data if k not in variables]
    if missing or unexpected:
        raise StateDictError(
            f"load_states: {os.fspath(filename)!r} does not match the model: missing "
            f"{missing}, unexpected {unexpected}."
        )
    updates = []
    for key, var in variables.items():
        value = data[key]
        if kind == "mat" and value.shape != var.shape and value.size == var.size:
            value = value.reshape(var.shape)  # MATLAB stores vectors as 2-D
        value = jnp.asarray(value)
        if value.shape != var.shape or value.dtype != var.dtype:
            raise StateDictError(
                f"load_states: {key!r} has shape {value.shape} and dtype {value.dtype}, "
                f"expected {var.shape} and {var.dtype}."
            )
        updates.append((key, var, value))
    for key, var, value in updates:
        if verbose:
            print(f"load_states: {key} <- {value.shape} {value.dtype}")
        var.value = value

"""A model's Variables in NumPy, HDF5, pickle and MATLAB files (``brainpy.checkpoints.io``).

Each ``save_as_*`` writes ``{name: array}`` for a mapping of names to Variables (what a
model's ``vars()`` returns) into one file; each ``load_by_*`` reads such a file back into
the Variables of a model (anything with a ``vars()`` method) or of a mapping, matched by name.

Loading checks the whole file against the target first (every Variable present, with a
shape and dtype it can take) and assigns only then, so a failed load leaves the model as
it was. Saving writes a temporary file and renames it over the final name, so a failed or
interrupted save leaves the previous file intact. Pickle files are read by an unpickler
that builds NumPy arrays and plain containers only, never arbitrary objects.

HDF5 needs ``h5py`` and MATLAB files need ``scipy`` (``pip install brainpy-checkpoints[io]``).
"""

from __future__ import annotations

import io
import os
import pickle
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from brainpy_checkpoints._src.atomic_io import write_atomic
from brainpy_checkpoints._src.errors import (
    CheckpointNotFoundError,
    CheckpointStructureError,
    CorruptCheckpointError,
)

__all__ = [
    "load_by_h5",
    "load_by_mat",
    "load_by_npz",
    "load_by_pkl",
    "save_as_h5",
    "save_as_mat",
    "save_as_npz",
    "save_as_pkl",
]

PathLike = str | os.PathLike[str]


# --------------------------------------------------------------------------- shared steps
def _check_suffix(filename: PathLike, suffixes: tuple[str, ...], who: str) -> str:
    name = os.fspath(filename)
    if not name.endswith(suffixes):
        raise ValueError(f"{who}: filename must end with {' or '.join(suffixes)}, got {name!r}.")
    return name


def _optional(module: str, who: str) -> Any:
    try:
        return __import__(module)
    except ImportError as err:
        raise ImportError(
            f"{who} needs the {module!r} package: pip install {module} "
            "(or pip install 'brainpy-checkpoints[io]')."
        ) from err


def _arrays(variables: Any, who: str) -> dict[str, np.ndarray]:
    """``{name: NumPy array}`` for a mapping of names to Variables or arrays."""
    if not isinstance(variables, Mapping):
        raise TypeError(
            f"{who}: variables must be a mapping of names to Variables (such as "
            f"model.vars()), got {type(variables).__name__}."
        )
    arrays = {}
    for key, var in variables.items():
        if not isinstance(key, str):
            raise TypeError(f"{who}: variable names must be strings, got {key!r}.")
        arrays[key] = np.asarray(getattr(var, "value", var))
    return arrays


def _targets(target: Any, who: str) -> Mapping[str, Any]:
    """The Variables to load into: ``target.vars()``, or ``target`` if it is a mapping."""
    found = target.vars() if callable(getattr(target, "vars", None)) else target
    if not isinstance(found, Mapping) or not all(hasattr(v, "value") for v in found.values()):
        raise TypeError(
            f"{who}: target must be a model (an object with a vars() method) or a mapping "
            f"of names to Variables, got {type(target).__name__}."
        )
    return found


def _assign(
    filename: str,
    target: Any,
    stored: Mapping[str, Any],
    verbose: bool,
    who: str,
    fit: Callable[[np.ndarray, tuple[int, ...], np.dtype], np.ndarray] | None = None,
) -> None:
    """Check every Variable of ``target`` against ``stored``, then assign them all."""
    variables = _targets(target, who)
    missing = sorted(set(variables) - set(stored))
    if missing:
        raise CheckpointStructureError(
            f"{who}: the file has no value for {len(missing)} variable(s) of the target: "
            f"{', '.join(missing)}.",
            filename=filename,
        )
    values = {}
    for name, var in variables.items():
        shape = tuple(np.shape(var.value))
        dtype = np.dtype(var.value.dtype)
        data = np.asarray(stored[name])
        if fit is not None:
            data = fit(data, shape, dtype)
        if data.shape != shape:
            raise CheckpointStructureError(
                f"{who}: variable {name!r} has shape {shape}, the file holds shape {data.shape}.",
                filename=filename,
            )
        if not np.can_cast(data.dtype, dtype, casting="same_kind"):
            raise CheckpointStructureError(
                f"{who}: variable {name!r} has dtype {dtype}, the file holds {data.dtype}.",
                filename=filename,
            )
        values[name] = data.astype(dtype, copy=False)
    for name, var in variables.items():
        if verbose:
            print(f"Loading {name} ...")
        var.value = values[name]


def _read(filename: str, who: str, reader: Callable[[str], Any]) -> Any:
    if not os.path.isfile(filename):
        raise CheckpointNotFoundError(f"{who}: no such file.", filename=filename)
    try:
        return reader(filename)
    except Exception as err:  # h5py, SciPy and pickle fail in many ways on a bad file
        raise CorruptCheckpointError(
            f"{who}: the file cannot be read: {err}", filename=filename
        ) from err


# --------------------------------------------------------------------------- NumPy
def save_as_npz(filename: PathLike, variables: Mapping[str, Any], compressed: bool = False) -> None:
    """Save Variables into a NumPy ``.npz`` file, one array per name.

    Args:
      filename: the file; must end with ``.npz``.
      variables: names to Variables (or arrays), such as ``model.vars()``.
      compressed: compress the arrays (:func:`numpy.savez_compressed`).

    Raises:
      ValueError: ``filename`` does not end with ``.npz``.
      TypeError: ``variables`` is not a mapping of names.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> path = os.path.join(tempfile.mkdtemp(), "model.npz")
      >>> bc.io.save_as_npz(path, {"w": np.ones(3, np.float32)})
      >>> np.load(path)["w"]
      array([1., 1., 1.], dtype=float32)
    """
    name = _check_suffix(filename, (".npz",), "save_as_npz")
    arrays = _arrays(variables, "save_as_npz")
    buffer = io.BytesIO()
    (np.savez_compressed if compressed else np.savez)(buffer, **arrays)
    write_atomic(name, [buffer.getbuffer()])


def load_by_npz(filename: PathLike, target: Any, verbose: bool = False) -> None:
    """Load a ``.npz`` file written by :func:`save_as_npz` into ``target``'s Variables.

    Args:
      filename: the file; must end with ``.npz``.
      target: a model (its ``vars()`` are loaded) or a mapping of names to Variables.
      verbose: print each name as it is loaded.

    Raises:
      ValueError: ``filename`` does not end with ``.npz``.
      CheckpointNotFoundError: the file does not exist.
      CheckpointStructureError: a Variable is missing from the file, or its shape or dtype
        does not fit; nothing was assigned.
      CorruptCheckpointError: the file is not a readable ``.npz`` file.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_math as bm
      >>> import brainpy_checkpoints as bc
      >>> path = os.path.join(tempfile.mkdtemp(), "model.npz")
      >>> bc.io.save_as_npz(path, {"w": bm.Variable(bm.ones(2))})
      >>> w = bm.Variable(bm.zeros(2))
      >>> bc.io.load_by_npz(path, {"w": w})
      >>> w.value
      Array([1., 1.], dtype=float32)
    """
    name = _check_suffix(filename, (".npz",), "load_by_npz")

    def read(path: str) -> dict[str, np.ndarray]:
        with np.load(path, allow_pickle=False) as data:
            return {key: data[key] for key in data.files}

    _assign(name, target, _read(name, "load_by_npz", read), verbose, "load_by_npz")


# --------------------------------------------------------------------------- HDF5
def save_as_h5(filename: PathLike, variables: Mapping[str, Any]) -> None:
    """Save Variables into an HDF5 file (``h5py``), one dataset per name.

    Args:
      filename: the file; must end with ``.h5`` or ``.hdf5``.
      variables: names to Variables (or arrays), such as ``model.vars()``.

    Raises:
      ValueError: ``filename`` has another suffix.
      ImportError: ``h5py`` is not installed.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> path = os.path.join(tempfile.mkdtemp(), "model.h5")
      >>> bc.io.save_as_h5(path, {"w": np.arange(3.0)})
      >>> import h5py
      >>> h5py.File(path, "r")["w"][()]
      array([0., 1., 2.])
    """
    name = _check_suffix(filename, (".h5", ".hdf5"), "save_as_h5")
    h5py = _optional("h5py", "save_as_h5")
    arrays = _arrays(variables, "save_as_h5")
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as file:
        for key, value in arrays.items():
            # "/" separates HDF5 groups; names keep it out of the way as a dataset name.
            file.create_dataset(key.replace("/", "\N{DIVISION SLASH}"), data=value)
    write_atomic(name, [buffer.getbuffer()])


def load_by_h5(filename: PathLike, target: Any, verbose: bool = False) -> None:
    """Load an HDF5 file written by :func:`save_as_h5` into ``target``'s Variables.

    Args:
      filename: the file; must end with ``.h5`` or ``.hdf5``.
      target: a model (its ``vars()`` are loaded) or a mapping of names to Variables.
      verbose: print each name as it is loaded.

    Raises:
      ValueError: ``filename`` has another suffix.
      ImportError: ``h5py`` is not installed.
      CheckpointNotFoundError: the file does not exist.
      CheckpointStructureError: a Variable is missing from the file, or does not fit it;
        nothing was assigned.
      CorruptCheckpointError: the file is not a readable HDF5 file.

    Examples:
      >>> import os, tempfile
      >>> import brainpy_math as bm
      >>> import brainpy_checkpoints as bc
      >>> path = os.path.join(tempfile.mkdtemp(), "model.h5")
      >>> bc.io.save_as_h5(path, {"w": bm.Variable(bm.ones(2))})
      >>> w = bm.Variable(bm.zeros(2))
      >>> bc.io.load_by_h5(path, {"w": w})
      >>> w.value
      Array([1., 1.], dtype=float32)
    """
    name = _check_suffix(filename, (".h5", ".hdf5"), "load_by_h5")
    h5py = _optional("h5py", "load_by_h5")

    def read(path: str) -> dict[str, np.ndarray]:
        with h5py.File(path, "r") as file:
            return {
                key.replace("\N{DIVISION SLASH}", "/"): np.asarray(file[key][()])
                for key in file.keys()
            }

    _assign(name, target, _read(name, "load_by_h5", read), verbose, "load_by_h5")


# --------------------------------------------------------------------------- pickle
_ALLOWED = {
    ("numpy", "ndarray"),
    ("numpy", "dtype"),
    ("numpy._core.multiarray", "_reconstruct"),
    ("numpy._core.multiarray", "scalar"),
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy.core.multiarray", "scalar"),
    ("numpy._core.numeric", "_frombuffer"),
    ("numpy.core.numeric", "_frombuffer"),
    ("collections", "OrderedDict"),
}


class _ArrayUnpickler(pickle.Unpickler):
    """An unpickler that builds NumPy arrays and plain containers, nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED or (module == "numpy.dtypes" and name.endswith("DType")):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(
            f"the file refers to {module}.{name}; only NumPy arrays and plain containers "
            "are read back from a variables pickle"
        )


def save_as_pkl(filename: PathLike, variables: Mapping[str, Any]) -> None:
    """Save Variables into a pickle file, as a dict of NumPy arrays.

    Args:
      filename: the file; must end with ``.pkl`` or ``.pickle``.
      variables: names to Variables (or arrays), such as ``model.vars()``.

    Raises:
      ValueError: ``filename`` has another suffix.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> folder = tempfile.mkdtemp()
      >>> bc.io.save_as_pkl(os.path.join(folder, "model.pkl"), {"w": np.zeros(2)})
      >>> os.listdir(folder)
      ['model.pkl']
    """
    name = _check_suffix(filename, (".pkl", ".pickle"), "save_as_pkl")
    data = pickle.dumps(_arrays(variables, "save_as_pkl"), protocol=pickle.HIGHEST_PROTOCOL)
    write_atomic(name, [data])


def load_by_pkl(filename: PathLike, target: Any, verbose: bool = False) -> None:
    """Load a pickle file written by :func:`save_as_pkl` into ``target``'s Variables.

    Only NumPy arrays and plain containers are unpickled: a file that refers to any
    other class or function is refused before anything runs.

    Args:
      filename: the file; must end with ``.pkl`` or ``.pickle``.
      target: a model (its ``vars()`` are loaded) or a mapping of names to Variables.
      verbose: print each name as it is loaded.

    Raises:
      ValueError: ``filename`` has another suffix.
      CheckpointNotFoundError: the file does not exist.
      CheckpointStructureError: a Variable is missing from the file, or does not fit it;
        nothing was assigned.
      CorruptCheckpointError: the file is not a pickle of a dict of arrays.

    Examples:
      >>> import os, tempfile
      >>> import brainpy_math as bm
      >>> import brainpy_checkpoints as bc
      >>> path = os.path.join(tempfile.mkdtemp(), "model.pkl")
      >>> bc.io.save_as_pkl(path, {"w": bm.Variable(bm.ones(2))})
      >>> w = bm.Variable(bm.zeros(2))
      >>> bc.io.load_by_pkl(path, {"w": w})
      >>> w.value
      Array([1., 1.], dtype=float32)
    """
    name = _check_suffix(filename, (".pkl", ".pickle"), "load_by_pkl")

    def read(path: str) -> Any:
        with open(path, "rb") as file:
            data = _ArrayUnpickler(file).load()
        if not isinstance(data, Mapping):
            raise ValueError(f"expected a dict of arrays, found {type(data).__name__}")
        return data

    _assign(name, target, _read(name, "load_by_pkl", read), verbose, "load_by_pkl")


# --------------------------------------------------------------------------- MATLAB
def save_as_mat(filename: PathLike, variables: Mapping[str, Any]) -> None:
    """Save Variables into a MATLAB ``.mat`` file (``scipy.io.savemat``).

    Args:
      filename: the file; must end with ``.mat``.
      variables: names to Variables (or arrays), such as ``model.vars()``.

    Raises:
      ValueError: ``filename`` does not end with ``.mat``.
      ImportError: ``scipy`` is not installed.

    Examples:
      >>> import os, tempfile
      >>> import numpy as np
      >>> import brainpy_checkpoints as bc
      >>> path = os.path.join(tempfile.mkdtemp(), "model.mat")
      >>> bc.io.save_as_mat(path, {"w": np.ones((2, 2))})
      >>> from scipy.io import loadmat
      >>> loadmat(path)["w"]
      array([[1., 1.],
             [1., 1.]])
    """
    name = _check_suffix(filename, (".mat",), "save_as_mat")
    _optional("scipy", "save_as_mat")
    from scipy.io import savemat

    buffer = io.BytesIO()
    savemat(buffer, _arrays(variables, "save_as_mat"))
    write_atomic(name, [buffer.getbuffer()])


def _fit_mat(data: np.ndarray, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
    """Undo what MATLAB's format changes: at least two axes per array, booleans as uint8."""
    if data.shape != shape and data.size == int(np.prod(shape)) and data.ndim == 2:
        data = data.reshape(shape)
    if dtype == np.bool_ and data.dtype == np.uint8 and np.all(data <= 1):
        data = data.astype(np.bool_)
    return data


def load_by_mat(filename: PathLike, target: Any, verbose: bool = False) -> None:
    """Load a ``.mat`` file written by :func:`save_as_mat` into ``target``'s Variables.

    MATLAB keeps at least two axes per array and stores booleans as ``uint8``; a Variable
    gets its own shape and boolean dtype back.

    Args:
      filename: the file; must end with ``.mat``.
      target: a model (its ``vars()`` are loaded) or a mapping of names to Variables.
      verbose: print each name as it is loaded.

    Raises:
      ValueError: ``filename`` does not end with ``.mat``.
      ImportError: ``scipy`` is not installed.
      CheckpointNotFoundError: the file does not exist.
      CheckpointStructureError: a Variable is missing from the file, or does not fit it;
        nothing was assigned.
      CorruptCheckpointError: the file is not a readable MATLAB file.

    Examples:
      >>> import os, tempfile
      >>> import brainpy_math as bm
      >>> import brainpy_checkpoints as bc
      >>> path = os.path.join(tempfile.mkdtemp(), "model.mat")
      >>> bc.io.save_as_mat(path, {"w": bm.Variable(bm.ones(2))})
      >>> w = bm.Variable(bm.zeros(2))
      >>> bc.io.load_by_mat(path, {"w": w})
      >>> w.value
      Array([1., 1.], dtype=float32)
    """
    name = _check_suffix(filename, (".mat",), "load_by_mat")
    _optional("scipy", "load_by_mat")
    from scipy.io import loadmat

    def read(path: str) -> dict[str, np.ndarray]:
        return {k: v for k, v in loadmat(path).items() if not k.startswith("__")}

    _assign(name, target, _read(name, "load_by_mat", read), verbose, "load_by_mat", _fit_mat)

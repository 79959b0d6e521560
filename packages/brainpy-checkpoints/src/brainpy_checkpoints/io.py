"""A model's Variables in NumPy, HDF5, pickle and MATLAB files (BrainPy 2.3.5's ``checkpoints.io``).

``save_as_npz``/``load_by_npz``, ``save_as_h5``/``load_by_h5`` (needs ``h5py``),
``save_as_pkl``/``load_by_pkl`` and ``save_as_mat``/``load_by_mat`` (needs ``scipy``): see
:mod:`brainpy_checkpoints._src.variable_files` for what they share. For whole pytrees with
validation and keep-N directories, use :func:`brainpy_checkpoints.save_pytree` and
:func:`brainpy_checkpoints.save`.
"""

from brainpy_checkpoints._src.variable_files import load_by_h5 as load_by_h5
from brainpy_checkpoints._src.variable_files import load_by_mat as load_by_mat
from brainpy_checkpoints._src.variable_files import load_by_npz as load_by_npz
from brainpy_checkpoints._src.variable_files import load_by_pkl as load_by_pkl
from brainpy_checkpoints._src.variable_files import save_as_h5 as save_as_h5
from brainpy_checkpoints._src.variable_files import save_as_mat as save_as_mat
from brainpy_checkpoints._src.variable_files import save_as_npz as save_as_npz
from brainpy_checkpoints._src.variable_files import save_as_pkl as save_as_pkl

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

for _name in __all__:  # reprs and the API docs show the public path, never _src
    globals()[_name].__module__ = __name__
del _name

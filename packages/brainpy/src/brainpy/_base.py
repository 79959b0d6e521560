"""BrainPy 2.3.5's ``brainpy.base``: the object system and the Variable files, in one module.

``brainpy.base`` is this module (the meta package's import hook files it under that name). It
holds the same objects as ``brainpy_math.object_base`` (``BrainPyObject``, its 2.3 name
``Base``, the collectors and function objects) and the functions of
``brainpy_checkpoints.io`` that write a model's Variables to a file and read them back
(``save_as_npz``/``load_by_npz``, ``save_as_h5``/``load_by_h5``, ``save_as_pkl``/``load_by_pkl``,
``save_as_mat``/``load_by_mat``), as 2.3.5's ``brainpy.base`` did.

Examples:
  >>> import brainpy as bp
  >>> bp.base.BrainPyObject is bp.math.BrainPyObject
  True
  >>> bp.base.save_as_npz is bp.checkpoints.io.save_as_npz
  True
"""

from brainpy_checkpoints.io import load_by_h5 as load_by_h5
from brainpy_checkpoints.io import load_by_mat as load_by_mat
from brainpy_checkpoints.io import load_by_npz as load_by_npz
from brainpy_checkpoints.io import load_by_pkl as load_by_pkl
from brainpy_checkpoints.io import save_as_h5 as save_as_h5
from brainpy_checkpoints.io import save_as_mat as save_as_mat
from brainpy_checkpoints.io import save_as_npz as save_as_npz
from brainpy_checkpoints.io import save_as_pkl as save_as_pkl
from brainpy_math.object_base import ArrayCollector as ArrayCollector
from brainpy_math.object_base import Base as Base
from brainpy_math.object_base import BrainPyObject as BrainPyObject
from brainpy_math.object_base import Collector as Collector
from brainpy_math.object_base import FunAsObject as FunAsObject
from brainpy_math.object_base import ObjectTransform as ObjectTransform
from brainpy_math.object_base import Partial as Partial
from brainpy_math.object_base import TensorCollector as TensorCollector
from brainpy_math.object_base import dyn_dict as dyn_dict
from brainpy_math.object_base import dyn_seq as dyn_seq

__all__ = [
    "ArrayCollector",
    "Base",
    "BrainPyObject",
    "Collector",
    "FunAsObject",
    "ObjectTransform",
    "Partial",
    "TensorCollector",
    "dyn_dict",
    "dyn_seq",
    "load_by_h5",
    "load_by_mat",
    "load_by_npz",
    "load_by_pkl",
    "save_as_h5",
    "save_as_mat",
    "save_as_npz",
    "save_as_pkl",
]

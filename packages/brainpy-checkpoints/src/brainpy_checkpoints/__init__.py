"""brainpy_checkpoints: atomic, validated msgpack checkpoints of JAX pytrees.

Files use BrainPy 2.3.5's layout (``brainpy.checkpoints``), so they move both
ways between this package and BrainPy 2.3.5:

* :func:`save_pytree`/:func:`load_pytree`: one pytree in one ``.bp`` file;
* :func:`save`/:func:`load`: numbered steps in a folder, keeping the newest;
* :func:`save_sharded`/:func:`load_sharded`: sharded arrays from every process of a
  multi-process run, one file per process, restorable on another process count;
* :class:`AsyncManager`: writes in a background thread;
* :func:`to_state_dict`/:func:`from_state_dict`/:func:`register_serialization_state`:
  how objects (``brainpy_math.Variable`` included, by duck typing) become storable
  trees and back;
* the :class:`CheckpointError` family of errors (with BrainPy 2.3.5's names as bases);
* :mod:`brainpy_checkpoints.io`: a model's Variables in ``.npz``, HDF5, pickle and
  ``.mat`` files (BrainPy 2.3.5's ``checkpoints.io``).

For sharded arrays across hosts or heavy asynchronous checkpointing, use Orbax.
"""

from brainpy_checkpoints import io as io
from brainpy_checkpoints._src.async_manager import AsyncManager as AsyncManager
from brainpy_checkpoints._src.directory import checkpoint_steps as checkpoint_steps
from brainpy_checkpoints._src.directory import load as load
from brainpy_checkpoints._src.directory import save as save
from brainpy_checkpoints._src.errors import CheckpointError as CheckpointError
from brainpy_checkpoints._src.errors import CheckpointExistsError as CheckpointExistsError
from brainpy_checkpoints._src.errors import CheckpointNotFoundError as CheckpointNotFoundError
from brainpy_checkpoints._src.errors import (
    CheckpointSerializationError as CheckpointSerializationError,
)
from brainpy_checkpoints._src.errors import CheckpointStructureError as CheckpointStructureError
from brainpy_checkpoints._src.errors import CheckpointWriteError as CheckpointWriteError
from brainpy_checkpoints._src.errors import CorruptCheckpointError as CorruptCheckpointError
from brainpy_checkpoints._src.errors import InvalidCheckpointError as InvalidCheckpointError
from brainpy_checkpoints._src.errors import (
    MPACheckpointingRequiredError as MPACheckpointingRequiredError,
)
from brainpy_checkpoints._src.errors import (
    MPARestoreDataCorruptedError as MPARestoreDataCorruptedError,
)
from brainpy_checkpoints._src.errors import (
    MPARestoreTargetRequiredError as MPARestoreTargetRequiredError,
)
from brainpy_checkpoints._src.errors import (
    MPARestoreTypeNotMatchError as MPARestoreTypeNotMatchError,
)
from brainpy_checkpoints._src.pytree_io import load_pytree as load_pytree
from brainpy_checkpoints._src.pytree_io import msgpack_restore as msgpack_restore
from brainpy_checkpoints._src.pytree_io import msgpack_serialize as msgpack_serialize
from brainpy_checkpoints._src.pytree_io import save_pytree as save_pytree
from brainpy_checkpoints._src.sharded import load_sharded as load_sharded
from brainpy_checkpoints._src.sharded import save_sharded as save_sharded
from brainpy_checkpoints._src.state_dict import from_state_dict as from_state_dict
from brainpy_checkpoints._src.state_dict import (
    register_serialization_state as register_serialization_state,
)
from brainpy_checkpoints._src.state_dict import to_state_dict as to_state_dict
from brainpy_checkpoints._version import __version__ as __version__

__all__ = [
    "AsyncManager",
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
    "checkpoint_steps",
    "from_state_dict",
    "io",
    "load",
    "load_pytree",
    "load_sharded",
    "msgpack_restore",
    "msgpack_serialize",
    "register_serialization_state",
    "save",
    "save_pytree",
    "save_sharded",
    "to_state_dict",
]

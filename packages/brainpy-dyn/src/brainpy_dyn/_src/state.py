"""State dicts of object trees live in brainpy_math (the object system); re-exported here."""

from brainpy_math._src.object_state import StateLoadResult as StateLoadResult
from brainpy_math._src.object_state import load_state_dict as load_state_dict
from brainpy_math._src.object_state import state_dict as state_dict

__all__ = ["StateLoadResult", "state_dict", "load_state_dict"]

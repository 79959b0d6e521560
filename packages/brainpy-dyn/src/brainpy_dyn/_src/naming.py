"""Unique object names live in brainpy_math (the object system); re-exported here."""

from brainpy_math._src.naming import clear_name_cache as clear_name_cache
from brainpy_math._src.naming import release_name as release_name
from brainpy_math._src.naming import unique_name as unique_name

__all__ = ["unique_name", "release_name", "clear_name_cache"]

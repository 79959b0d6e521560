"""Unique object names live in brainpy_math (the object system); re-exported here."""

from brainpy_math import clear_name_cache as clear_name_cache

__all__ = ["clear_name_cache"]

"""Implementation of :mod:`brainpy_math.random` (see ``state.py`` for the design notes)."""

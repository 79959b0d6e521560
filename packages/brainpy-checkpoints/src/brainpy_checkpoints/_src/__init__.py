"""Implementation of :mod:`brainpy_checkpoints`; import from the public package instead."""

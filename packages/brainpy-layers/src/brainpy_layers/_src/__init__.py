"""Implementation of brainpy_layers; import from the public ``brainpy_layers`` module."""

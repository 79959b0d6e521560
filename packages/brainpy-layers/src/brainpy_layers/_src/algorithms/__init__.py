"""The fitting algorithms of :mod:`brainpy_layers.algorithms`, one family per module."""

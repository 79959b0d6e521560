"""The trainers of :mod:`brainpy_layers.train`, one concept per module."""

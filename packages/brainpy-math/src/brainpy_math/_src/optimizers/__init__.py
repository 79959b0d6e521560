"""Gradient-descent optimizers and learning-rate schedulers (``brainpy_math.optimizers``)."""

"""Loss and regularization functions (``brainpy_layers.losses``, BrainPy's ``brainpy.losses``)."""

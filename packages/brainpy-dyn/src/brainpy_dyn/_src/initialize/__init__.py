"""Initializers (``brainpy_dyn.init``): the code behind the public ``init`` module."""

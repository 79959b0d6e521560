"""Connectors (``brainpy_dyn.conn``): the code behind the public ``conn`` module."""

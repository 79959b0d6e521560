"""Neuron groups (``brainpy_dyn.neurons``): the code behind the public module."""

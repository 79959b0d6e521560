"""Ion channels and the conductance-based neuron group they build (``brainpy_dyn.channels``)."""

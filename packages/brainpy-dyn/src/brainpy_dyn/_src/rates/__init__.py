"""Rate (population) models (``brainpy_dyn.rates``)."""

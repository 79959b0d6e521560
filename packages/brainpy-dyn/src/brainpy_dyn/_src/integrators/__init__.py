"""ODE integrators (``brainpy_dyn.integrators``): the code behind the public module."""

"""ODE integrator classes (``brainpy_dyn.integrators.ode``): the code behind the public module."""

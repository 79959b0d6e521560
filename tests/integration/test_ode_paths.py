"""BrainPy 2.3.5's import paths of the ODE integrators, through the ``brainpy`` meta package."""

from __future__ import annotations

import importlib

import brainpy as bp
import brainpy_dyn as bd


def test_ode_module_is_one_object_under_every_name():
    assert bp.ode is bp.integrators.ode is bd.integrators.ode
    assert importlib.import_module("brainpy.integrators.ode") is bp.ode
    from brainpy.integrators.ode import get_supported_methods

    assert get_supported_methods is bp.ode.get_supported_methods


def test_integrator_classes_and_errors_are_the_same_objects():
    assert bp.Integrator is bp.integrators.Integrator
    assert issubclass(bp.ode.ODEIntegrator, bp.Integrator)
    assert bp.odeint is bp.ode.odeint
    assert bp.errors.CodeError is bp.integrators.CodeError
    assert issubclass(bp.errors.CodeError, bp.errors.DiffEqError)
    assert isinstance(bp.odeint(lambda x, t: -x, method="rkdp"), bp.ode.DormandPrince)


def test_private_235_paths_of_the_integrator_modules():
    explicit_rk = importlib.import_module("brainpy._src.integrators.ode.explicit_rk")
    adaptive_rk = importlib.import_module("brainpy._src.integrators.ode.adaptive_rk")
    exponential = importlib.import_module("brainpy._src.integrators.ode.exponential")
    assert explicit_rk.RK4 is bp.ode.RK4
    assert adaptive_rk.CashKarp is bp.ode.CashKarp
    assert exponential.ExponentialEuler is bp.ode.ExponentialEuler

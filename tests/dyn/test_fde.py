"""``bp.fde``: the Caputo and Grünwald-Letnikov schemes against the Mittag-Leffler solution,
their memory layout, resets, registry, and the fractional neurons."""

from __future__ import annotations

import math

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn.integrators import DiffEqError, IntegratorError, fde

METHODS = (fde.CaputoEuler, fde.CaputoL1Schema, fde.GLShortMemory)


def mittag_leffler(alpha: float, z: float, terms: int = 120) -> float:
    """E_alpha(z) = sum_k z^k / Gamma(alpha k + 1), by its series (|z| small here)."""
    return float(sum(z**k / math.gamma(alpha * k + 1) for k in range(terms)))


def solve(cls, alpha: float, lam: float, n: int, T: float, memory: int | None = None):
    """Integrate D^alpha x = lam x, x(0) = 1, over [0, T] in n steps inside bm.for_loop."""
    dt = T / n
    itg = cls(lambda x, t: lam * x, alpha=alpha, num_memory=memory or n, inits=[1.0])
    x = bm.Variable(bm.ones(1))

    def step(i):
        x.value = itg(x.value, i * dt, dt=dt)
        return x.value

    return np.asarray(bm.for_loop(step, bm.arange(n)))[:, 0]


@pytest.mark.parametrize("cls", METHODS)
@pytest.mark.parametrize("alpha", [0.6, 0.9])
def test_linear_equation_converges_to_mittag_leffler(cls, alpha):
    lam, T = -1.0, 1.5
    exact = mittag_leffler(alpha, lam * T**alpha)
    errors = [abs(solve(cls, alpha, lam, n, T)[-1] - exact) for n in (50, 200)]
    assert errors[1] < 2e-3, errors
    order = np.log(errors[0] / errors[1]) / np.log(4)
    assert 0.8 < order < 1.3, errors  # first order schemes


@pytest.mark.parametrize("cls", [fde.CaputoL1Schema, fde.GLShortMemory])
def test_alpha_one_is_the_euler_method(cls):
    got = solve(cls, 1.0, -2.0, 10, 1.0)
    np.testing.assert_allclose(got, (1 - 0.2) ** np.arange(1, 11), rtol=1e-5)


def test_l1_memory_trace_layout():
    """coef row j holds b_(M-j); the ring read of a buffer written from slot 0 gives the
    L1 memory trace sum_i ((N-i)^(1-a) - (N-1-i)^(1-a)) diff_i."""
    alpha, m = 0.9, 10
    itg = fde.CaputoL1Schema(lambda a, t: a, alpha=alpha, num_memory=m, inits=[1.0])
    rng = np.random.default_rng(0)
    for n in range(2, 9):
        diff = rng.random((n - 1, 1)).astype(np.float32)
        want = sum(
            ((n - i) ** (1 - alpha) - (n - i - 1) ** (1 - alpha)) * diff[i] for i in range(n - 1)
        )
        itg.idx[0] = n - 1
        itg.diff_states["a_diff"].value = bm.zeros((m, 1))
        itg.diff_states["a_diff"][: n - 1] = bm.asarray(diff)
        rows = ((m - np.asarray(itg.idx)) + np.arange(m)) % m
        got = np.asarray(itg.coef[rows, 0] @ itg.diff_states["a_diff"])
        np.testing.assert_allclose(got, want, rtol=1e-5)


def test_short_memory_forgets_and_hists_and_reset():
    itg = fde.CaputoL1Schema(lambda x, t: -x, alpha=0.8, num_memory=5, inits=[2.0])
    x = 2.0
    states = [np.full(1, 2.0, np.float32)]
    for i in range(12):  # more steps than memory: the oldest differences drop out
        x = itg(x, i * 0.1, dt=0.1)
        states.append(np.asarray(x))
    h = itg.hists("x")
    assert h.shape == (6, 1)
    # the last num_memory + 1 states given to the integrator (x_n is the last input)
    np.testing.assert_allclose(h[:, 0], np.concatenate(states[-7:-1]), rtol=1e-5)
    assert set(itg.hists()) == {"x"}
    itg.reset([np.ones(3)])  # a new shape is fine
    assert itg.diff_states["x_diff"].shape == (5, 3)
    assert int(itg.idx[0]) == 4
    with pytest.raises(ValueError, match="must be one of the variables"):
        itg.hists("y")


def test_gl_binomial_coefficients_and_short_memory_runs():
    itg = fde.GLShortMemory(
        lambda x, y, t: (-x, -y), alpha=[0.5, 0.9], inits=[1.0, 2.0], num_memory=4
    )
    c = itg.binomial_coef
    for k, a in enumerate((0.5, 0.9)):
        want = [1.0]
        for j in range(1, 5):
            want.append(want[-1] * (1 - (1 + a) / j))
        np.testing.assert_allclose(c[:, k], want[1:], rtol=1e-6)
    x, y = 1.0, 2.0
    for i in range(10):
        x, y = itg(x, y, i * 0.1, dt=0.1)
    assert 0 < float(x[0]) < 1 and 0 < float(y[0]) < 2


def test_bad_arguments():
    f = lambda x, t: -x  # noqa: E731
    with pytest.raises(IntegratorError, match=r"alpha must lie in \(0, 1\)"):
        fde.CaputoEuler(f, alpha=1.0, num_memory=5, inits=[1.0])
    with pytest.raises(IntegratorError, match=r"alpha must lie in \(0, 1\]"):
        fde.CaputoL1Schema(f, alpha=1.2, num_memory=5, inits=[1.0])
    with pytest.raises(DiffEqError, match="one order for every variable or one per variable"):
        fde.CaputoL1Schema(f, alpha=[0.5, 0.6], num_memory=5, inits=[1.0])
    with pytest.raises(IntegratorError, match="num_memory must be a positive int"):
        fde.GLShortMemory(f, alpha=0.5, inits=[1.0], num_memory=0)
    with pytest.raises(DiffEqError, match="one initial value per variable"):
        fde.CaputoL1Schema(f, alpha=0.5, num_memory=5, inits=[1.0, 2.0])
    itg = fde.CaputoL1Schema(f, alpha=0.5, num_memory=5, inits=[np.ones(3)])
    with pytest.raises(DiffEqError, match="built for inits of shape"):
        itg(np.ones(4), 0.0, dt=0.1)


def test_fdeint_registry_and_decorator():
    assert fde.get_default_fdeint() == "l1"
    assert isinstance(bd.fdeint(0.5, 10, [1.0], lambda x, t: -x), fde.CaputoL1Schema)
    assert isinstance(bd.fdeint(0.5, 10, [1.0], lambda x, t: -x, method="euler"), fde.CaputoEuler)

    @bd.integrators.fdeint(0.5, 10, {"x": 1.0}, method="short-memory")
    def decay(x, t):
        return -x

    assert isinstance(decay, fde.GLShortMemory)
    with pytest.raises(ValueError, match="unknown method='rk4'"):
        bd.fdeint(0.5, 10, [1.0], lambda x, t: -x, method="rk4")
    with pytest.raises(ValueError, match="is taken"):
        fde.register_fde_integrator("l1", fde.CaputoEuler)
    with pytest.raises(ValueError, match="subclass of FDEIntegrator"):
        fde.register_fde_integrator("something", dict)


def test_fractional_izhikevich_with_alpha_one_is_the_euler_izhikevich():
    frac = bd.neurons.FractionalIzhikevich(2, alpha=1.0, num_memory=50)
    classic = bd.neurons.Izhikevich(
        2,
        V_initializer=bd.init.OneInit(-65.0),
        u_initializer=bd.init.OneInit(-13.0),
        method="euler",
    )
    mons = []
    for model in (frac, classic):
        runner = bd.DSRunner(
            model, monitors=["V", "spike"], inputs=("input", 10.0), progress_bar=False
        )
        runner.run(50.0)
        mons.append(runner.mon)
    np.testing.assert_allclose(mons[0]["V"], mons[1]["V"], rtol=1e-4, atol=1e-3)
    assert mons[0]["spike"].sum() > 0


def test_fractional_fhr_runs_resets_and_takes_the_shared_data():
    fhr = bd.neurons.FractionalFHR(3, alpha=0.95, num_memory=100)
    assert {"V", "w", "y", "spike", "input"} <= set(fhr.vars(method="relative"))
    runner = bd.DSRunner(fhr, monitors=["V", "spike"], inputs=("input", 0.5), progress_bar=False)
    runner.run(5.0)
    assert runner.mon["V"].shape == (50, 3)
    assert np.all(np.isfinite(runner.mon["V"]))
    fhr.reset_state()
    np.testing.assert_allclose(np.asarray(fhr.V.value), 2.5)
    assert int(fhr.integral.idx[0]) == 99

"""``IntegratorRunner``: monitors against a hand loop, args and per-step args, continued runs,
SDE and FDE integrators, and its errors."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm

A, B, TAU = 0.7, 0.8, 12.5


def fhn():
    dV = lambda V, t, w, Iext: V - V * V * V / 3 - w + Iext  # noqa: E731
    dw = lambda w, t, V: (V + A - B * w) / TAU  # noqa: E731
    return bd.odeint(bd.JointEq(dV, dw), method="rk4", dt=0.1)


def hand_loop(integral, inits, n, dt, t0=0.0, **per_step):
    values = [np.asarray(v, np.float32) for v in inits]
    out = []
    for i in range(n):
        kwargs = {k: (v[i] if np.ndim(v) else v) for k, v in per_step.items()}
        new = integral(*values, t0 + i * dt, dt=dt, **kwargs)
        values = [np.asarray(v) for v in (new if isinstance(new, tuple) else (new,))]
        out.append(values)
    return [np.stack([row[k] for row in out]) for k in range(len(inits))]


def test_monitors_match_a_hand_loop_with_constant_and_per_step_args():
    integral = fhn()
    runner = bd.IntegratorRunner(
        integral, monitors=["V", "w"], inits=[1.0, 1.0], progress_bar=False
    )
    runner.run(10.0, args={"Iext": 0.5})
    V, w = hand_loop(integral, [[1.0], [1.0]], 100, 0.1, Iext=0.5)
    np.testing.assert_allclose(runner.mon.V, V, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(runner.mon["w"], w, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(runner.mon.ts, 0.1 * np.arange(1, 101), rtol=1e-5)

    Iext = np.linspace(0.0, 1.0, 50).astype(np.float32)
    again = bd.IntegratorRunner(integral, monitors=["V"], inits=[1.0, 1.0], progress_bar=False)
    again.run(5.0, dyn_args={"Iext": Iext})
    V, _ = hand_loop(integral, [[1.0], [1.0]], 50, 0.1, Iext=Iext)
    np.testing.assert_allclose(again.mon.V, V, rtol=1e-5, atol=1e-6)
    assert set(again.mon) == {"V", "ts"}


def test_runs_continue_in_time_and_state_and_start_t_moves_the_clock():
    integral = fhn()
    runner = bd.IntegratorRunner(
        integral, inits={"V": 1.0, "w": 1.0}, monitors=["V"], args={"Iext": 1.0}, progress_bar=False
    )
    runner.run(2.0)
    first = runner.mon.V.copy()
    runner.run(3.0)
    assert runner.mon.V.shape == (30, 1)
    np.testing.assert_allclose(runner.mon.ts[0], 2.1, rtol=1e-6)
    V, _ = hand_loop(integral, [[1.0], [1.0]], 50, 0.1, Iext=1.0)
    np.testing.assert_allclose(np.concatenate([first, runner.mon.V]), V, rtol=1e-5, atol=1e-6)
    runner.run(1.0, start_t=100.0)
    np.testing.assert_allclose(runner.mon.ts[-1], 101.0, rtol=1e-6)


def test_inits_broadcast_and_jit_false_gives_the_same_records():
    lorenz = bd.odeint(lambda x, y, t: (y, -x), method="rk4", dt=0.01)
    records = []
    for jit in (True, False):
        runner = bd.IntegratorRunner(
            lorenz, inits=[1.0, (0.0, 1.0)], monitors=["x", "y"], jit=jit, progress_bar=False
        )
        runner.run(0.5)
        records.append((runner.mon.x, runner.mon.y))
    assert records[0][0].shape == (50, 2)
    np.testing.assert_allclose(records[0][0], records[1][0], rtol=1e-6)
    # x'' = -x: x = cos t (y0 = 0), x = cos t + sin t (y0 = 1)
    t = 0.01 * np.arange(1, 51)
    np.testing.assert_allclose(records[0][0][:, 0], np.cos(t), atol=1e-5)
    np.testing.assert_allclose(records[0][0][:, 1], np.cos(t) + np.sin(t), atol=1e-5)


def test_sde_paths_are_reproducible_and_equal_a_hand_loop():
    ou = bd.sdeint(lambda x, t: -x, lambda x, t: 0.5, method="euler", dt=0.01)
    runner = bd.IntegratorRunner(ou, inits=[np.zeros(4)], monitors=["x"], progress_bar=False)
    bm.random.seed(2)
    runner.run(0.3)
    got = runner.mon.x
    bm.random.seed(2)
    (want,) = hand_loop(ou, [np.zeros(4)], 30, 0.01)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    assert np.unique(got[-1]).size == 4


def test_fde_memory_is_carried_through_the_compiled_loop():
    def make():
        return bd.fdeint(0.8, 100, [1.0], lambda x, t: -x, method="l1")

    runner = bd.IntegratorRunner(make(), inits=[1.0], dt=0.01, monitors=["x"], progress_bar=False)
    runner.run(0.5)
    (want,) = hand_loop(make(), [[1.0]], 50, 0.01)
    np.testing.assert_allclose(runner.mon.x, want, rtol=1e-5)


def test_fun_monitors_and_indexed_monitors():
    integral = fhn()
    runner = bd.IntegratorRunner(
        integral,
        inits=[(1.0, 2.0), 1.0],
        monitors={"V1": ("V", 1)},
        fun_monitors={"t_start": lambda t, dt: t},
        args={"Iext": 0.0},
        progress_bar=False,
    )
    runner.run(1.0)
    assert runner.mon.V1.shape == (10,)
    np.testing.assert_allclose(runner.mon.t_start, 0.1 * np.arange(10), atol=1e-6)


def test_errors_name_what_was_expected():
    integral = fhn()
    runner = bd.IntegratorRunner(integral, inits=[1.0, 1.0], progress_bar=False)
    with pytest.raises(ValueError, match=r"needs the argument\(s\) \['Iext'\]"):
        runner.run(1.0)
    with pytest.raises(ValueError, match="must have one row per step"):
        runner.run(1.0, dyn_args={"Iext": np.zeros(9)})
    with pytest.raises(ValueError, match="does not take"):
        runner.run(1.0, args={"I": 1.0})
    with pytest.raises(ValueError, match="one initial value per variable"):
        bd.IntegratorRunner(integral, inits=[1.0])
    with pytest.raises(KeyError, match="names no variable"):
        bd.IntegratorRunner(integral, inits=[1.0, 1.0], monitors=["u"])
    with pytest.raises(TypeError, match="target must be an integrator"):
        bd.IntegratorRunner(lambda x, t: x, inits=[1.0])
    with pytest.raises(ValueError, match="duration must be a positive"):
        runner.run(-1.0, args={"Iext": 0.0})


def test_inits_none_starts_from_the_delay_history_and_zero():
    # x' = -x(t - 1) + y, y' = 1, with the history x(t <= 0) = 2: 2.3.5's inits=None.
    delay = bm.TimeDelay(bm.asarray([2.0]), 1.0, before_t0=2.0, dt=0.1)
    dx = lambda x, t, y: -delay(t - 1.0) + y  # noqa: E731
    dy = lambda y, t: bm.ones_like(y)  # noqa: E731
    integral = bd.odeint(bd.JointEq(dx, dy), method="euler", dt=0.1, state_delays={"x": delay})
    runner = bd.IntegratorRunner(integral, monitors=["x", "y"], progress_bar=False)
    runner.run(0.5)
    y = 0.1 * np.arange(1, 6)
    np.testing.assert_allclose(runner.mon.y[:, 0], y, rtol=1e-6)
    # Euler: x_{k+1} = x_k + 0.1 * (-2 + y_k), from x_0 = 2 (the history), y_0 = 0.
    x = [2.0]
    for k in range(5):
        x.append(x[-1] + 0.1 * (-2.0 + 0.1 * k))
    np.testing.assert_allclose(runner.mon.x[:, 0], x[1:], rtol=1e-5)

"""``StepFunction`` and ``make_loop``: one step by hand, the loop, and what runners build on them."""

from __future__ import annotations

import copy

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn.errors import InputShapeError, InputValueError, RunnerTypeError, RunnerValueError

DT = 0.1


@pytest.fixture(autouse=True)
def clean_share():
    bd.share.clear_shargs()
    yield
    bd.share.clear_shargs()


class Leak(bd.DynamicalSystemNS):
    """x <- 0.5 x + input (+ ext) each step; records the t, i and fit it saw."""

    def __init__(self, n=2):
        super().__init__()
        self.x = bm.Variable(bm.zeros(n))
        self.input = bm.Variable(bm.zeros(n))
        self.t_seen = bm.Variable(bm.zeros(()))
        self.i_seen = bm.Variable(bm.zeros((), dtype=bm.int32))
        self.fit_seen = bm.Variable(bm.zeros((), dtype=bool))

    def update(self, ext=None):
        drive = self.input.value if ext is None else self.input.value + ext
        self.x.value = 0.5 * self.x.value + drive
        self.t_seen.value = jnp.asarray(bd.share.load("t"), jnp.float32)
        self.i_seen.value = jnp.asarray(bd.share.load("i"), jnp.int32)
        self.fit_seen.value = jnp.asarray(bd.share.load("fit", False))
        return self.x.value

    def clear_input(self):
        self.input.value = bm.zeros(self.input.shape)


def inputs_for(n_steps):
    drive = np.arange(n_steps * 2, dtype=np.float32).reshape(n_steps, 2)
    return [("input", 1.0), ("input", drive, "iter"), ("input", lambda sh: sh.t, "func", "*")]


MONITORS = {"x": "x", "t_end": lambda sh: sh.t, "i": "i_seen"}


def test_a_step_by_hand_equals_a_runner_step():
    by_runner, by_hand = Leak(), Leak()
    runner = bd.DSRunner(
        by_runner, inputs=inputs_for(4), monitors=MONITORS, dt=DT, progress_bar=False
    )
    runner.run(4 * DT)
    step = bd.StepFunction(by_hand, inputs=inputs_for(4), monitors=MONITORS, dt=DT)
    records = []
    for i in range(4):
        out, mons = step(i * DT, i, shared_args={"fit": False})
        np.testing.assert_allclose(out, mons["x"])
        records.append(mons)
    for key in MONITORS:
        np.testing.assert_allclose(
            runner.mon[key], np.stack([np.asarray(r[key]) for r in records]), rtol=1e-6
        )
    np.testing.assert_allclose(by_runner.x.value, by_hand.x.value, rtol=1e-6)
    # Step 3 by hand: x = 0.5 x + ((1 + drive[3]) * t), t = 0.3 (the func input multiplies).
    assert float(records[-1]["t_end"]) == pytest.approx(0.4)


def test_the_step_puts_share_back_even_when_the_target_raises():
    class Boom(Leak):
        def update(self, ext=None):
            assert bd.share.load("t") == 0.5 and bd.share.load("extra") == 3
            raise RuntimeError("boom")

    bd.share.save(t=-1.0, mine=7)
    step = bd.StepFunction(Boom(), dt=DT, shared_args={"extra": 3})
    with pytest.raises(RuntimeError, match="boom"):
        step(0.5, 5)
    assert bd.share.load("t") == -1.0 and bd.share.load("mine") == 7
    assert "extra" not in bd.share and "i" not in bd.share


def test_t_and_i_may_be_left_out_and_record_false_skips_the_monitors():
    model = Leak()
    calls = []
    step = bd.StepFunction(model, monitors={"seen": lambda sh: calls.append(dict(sh)) or 0.0})
    bd.share.save(t=2.0, i=9)
    out, mons = step(None, None, x=bm.ones(2), record=False)
    np.testing.assert_allclose(out, [1.0, 1.0])
    assert mons == {} and calls == []
    assert float(model.t_seen.value) == 2.0 and int(model.i_seen.value) == 9
    step(None, None, x=bm.ones(2))
    assert calls and "t" not in calls[0] and calls[0]["dt"] == bm.get_dt()


def test_iter_inputs_are_indexed_by_i_or_given():
    model = Leak()
    drive = np.array([[1.0, 2.0], [3.0, 4.0]], np.float32)
    step = bd.StepFunction(model, inputs=[("input", drive, "iter", "=")], dt=DT)
    step(0.1, 1)
    np.testing.assert_allclose(model.x.value, [3.0, 4.0])
    step(0.0, 0, iter_values=(np.array([10.0, 10.0], np.float32),))
    np.testing.assert_allclose(model.x.value, [11.5, 12.0])
    with pytest.raises(InputShapeError, match="steps 2 to 2"):
        step(0.2, 2)
    from_iterator = bd.StepFunction(model, inputs=[("input", iter([1.0, 2.0]), "iter")])
    with pytest.raises(InputValueError, match="iter_values"):
        from_iterator(0.0, 0)


def test_monitor_callback_receives_the_values_instead():
    model = Leak()
    got = []
    step = bd.StepFunction(
        model,
        inputs=[("input", 1.0)],
        monitors=["x"],
        monitor_callback=lambda i, values: got.append((int(i), np.asarray(values["x"]))),
    )
    _, mons = step(0.0, 4)
    assert mons == {}
    assert got[0][0] == 4
    np.testing.assert_allclose(got[0][1], [1.0, 1.0])


@pytest.mark.parametrize("every", [1, 3])
def test_the_loop_equals_the_runner(every):
    n = 10
    xs = np.linspace(0.0, 1.0, n * 2, dtype=np.float32).reshape(n, 2)
    by_runner, by_loop = Leak(), Leak()
    runner = bd.DSRunner(
        by_runner,
        inputs=inputs_for(n),
        monitors=MONITORS,
        dt=DT,
        progress_bar=False,
        monitor_every=every,
    )
    outs_runner = runner.run(inputs=xs)
    step = bd.StepFunction(by_loop, inputs=inputs_for(n), monitors=MONITORS, dt=DT)
    loop = bd.make_loop(step, shared_args={"fit": False}, monitor_every=every)
    ts, idx, iters = step.clock(n)
    outs, mons = loop(ts, idx, xs, iters)
    assert np.shape(outs)[0] == n // every
    np.testing.assert_allclose(outs, outs_runner, rtol=1e-6)
    for key in MONITORS:
        np.testing.assert_allclose(mons[key], runner.mon[key], rtol=1e-6)
    np.testing.assert_allclose(by_runner.x.value, by_loop.x.value, rtol=1e-6)
    np.testing.assert_allclose(runner.mon.ts, np.asarray(mons["t_end"]), rtol=1e-6)


def test_the_loop_continues_the_clock_and_equals_steps_by_hand():
    by_loop, by_hand = Leak(), Leak()
    step = bd.StepFunction(by_loop, inputs=[("input", 1.0)], monitors=["i_seen"], dt=0.5)
    loop = bd.make_loop(step)
    ts, idx, _ = step.clock(3, t0=1.0, i0=2)
    np.testing.assert_allclose(ts, [1.0, 1.5, 2.0])
    np.testing.assert_array_equal(idx, [2, 3, 4])
    outs, mons = loop(ts, idx)
    np.testing.assert_array_equal(mons["i_seen"], [2, 3, 4])
    hand = bd.StepFunction(by_hand, inputs=[("input", 1.0)], dt=0.5)
    for t, i in zip(ts, idx):
        out, _ = hand(t, i)
    np.testing.assert_allclose(outs[-1], out)


def test_probe_runs_after_every_step_and_is_recorded():
    model = Leak()
    step = bd.StepFunction(model, dt=DT)
    loop = bd.make_loop(step, probe=lambda y: model.x.value * y)
    ys = np.array([1.0, 2.0, 3.0], np.float32)
    outs, mons, probes = loop(*step.clock(3)[:2], np.ones((3, 2), np.float32), (), ys)
    np.testing.assert_allclose(probes, np.asarray(outs) * ys[:, None])
    assert mons == {}


def test_progress_is_called_between_chunks_and_changes_nothing():
    n = 450
    plain, chunked = Leak(), Leak()
    seen = []
    results = []
    for model, progress in ((plain, None), (chunked, lambda i: seen.append(int(i)))):
        step = bd.StepFunction(model, inputs=[("input", 0.1)], monitors=["x", "i_seen"], dt=DT)
        loop = bd.make_loop(step, progress=progress, numpy_monitors=True)
        results.append(loop(*step.clock(n)[:2]))
    (outs_a, mons_a), (outs_b, mons_b) = results
    np.testing.assert_allclose(outs_a, outs_b)
    assert isinstance(mons_b["x"], np.ndarray) and mons_b["x"].shape == (n, 2)
    np.testing.assert_array_equal(mons_a["i_seen"], mons_b["i_seen"])
    # 450 rows: 112 chunks of 4 steps (the last 2 steps run after them), one call per chunk.
    assert seen == list(range(3, 448, 4))


def test_the_loop_is_traceable():
    model = Leak()
    step = bd.StepFunction(model, dt=DT)
    loop = bd.make_loop(step)

    @bm.jit
    def run(xs):
        ts, idx, _ = step.clock(xs.shape[0], t0=jnp.float32(0.0), i0=jnp.int32(0))
        return loop(ts, idx, xs)[0]

    out = run(jnp.ones((4, 2)))
    np.testing.assert_allclose(out[:, 0], [1.0, 1.5, 1.75, 1.875])
    np.testing.assert_allclose(model.x.value, [1.875, 1.875])


def test_loop_over_time_and_trainers_runners_use_the_step():
    model = Leak()
    runner = bd.DSRunner(model, monitors=["x"], progress_bar=False)
    assert isinstance(runner.step_function, bd.StepFunction)
    assert runner.step_function.target is model and runner.step_function.dt == runner.dt
    looped, by_hand = Leak(), Leak()
    xs = np.arange(6, dtype=np.float32).reshape(3, 2)
    out = bd.LoopOverTime(looped, dt=DT, shared_arg={"fit": True})(xs)
    step = bd.StepFunction(by_hand, dt=DT, shared_args={"fit": True})
    outs, _ = bd.make_loop(step)(*step.clock(3)[:2], xs)
    np.testing.assert_allclose(out, outs)
    assert bool(looped.fit_seen.value) and bool(by_hand.fit_seen.value)


def test_bad_arguments_are_named():
    with pytest.raises(RunnerTypeError, match="target must be a DynamicalSystem"):
        bd.StepFunction(lambda: None)
    with pytest.raises(RunnerValueError, match="dt must be a positive"):
        bd.StepFunction(Leak(), dt=0.0)
    with pytest.raises(RunnerValueError, match="other than 't', 'i' and 'dt'"):
        bd.StepFunction(Leak(), shared_args={"t": 1.0})
    with pytest.raises(RunnerTypeError, match="fun_inputs must be callable"):
        bd.StepFunction(Leak(), fun_inputs=3)
    step = bd.StepFunction(Leak())
    with pytest.raises(RunnerValueError, match="monitor_every must be an int >= 1"):
        bd.make_loop(step, monitor_every=0)
    with pytest.raises(RunnerTypeError, match="probe must be callable"):
        bd.make_loop(step, probe=1)
    with pytest.raises(RunnerValueError, match="at least one array"):
        bd.make_loop(step)(None, None)


def test_a_copied_loop_runs_the_copied_target():
    model = Leak()
    looped = bd.LoopOverTime(model, out_vars=model.x, dt=DT)
    twin = copy.deepcopy(looped)
    xs = np.ones((3, 2), np.float32)
    out, xs_seen = twin(xs)
    np.testing.assert_allclose(model.x.value, [0.0, 0.0])
    np.testing.assert_allclose(twin.target.x.value, out[-1])
    np.testing.assert_allclose(xs_seen, out)
    runner = bd.DSRunner(Leak(), inputs=[("input", 1.0)], monitors=["x"], progress_bar=False)
    runner.run(0.2)
    runner_twin = copy.deepcopy(runner)
    runner_twin.run(0.2)
    np.testing.assert_allclose(runner.target.x.value, [1.5, 1.5])
    np.testing.assert_allclose(runner_twin.target.x.value, [1.875, 1.875])

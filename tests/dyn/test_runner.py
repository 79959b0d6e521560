"""``DSRunner``: steps, shared data, monitors, inputs, jit parity, continuation, options."""

from __future__ import annotations

import io

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn.errors import (
    InputKeyError,
    InputShapeError,
    InputValueError,
    MonitorKeyError,
    MonitorValueError,
    RunnerTypeError,
    RunnerValueError,
)

DT = 0.1


@pytest.fixture(autouse=True)
def clean_share():
    bd.share.clear_shargs()
    yield
    bd.share.clear_shargs()


class Integrator(bd.DynamicalSystemNS):
    """x += input * dt each step; also records the t and i it saw."""

    def __init__(self, n=2):
        super().__init__()
        self.x = bm.Variable(bm.zeros(n))
        self.input = bm.Variable(bm.zeros(n))
        self.t_seen = bm.Variable(bm.zeros(()))
        self.i_seen = bm.Variable(bm.zeros((), dtype=bm.int32))

    def update(self, ext=None):
        dt = bd.share.load("dt")
        drive = self.input.value if ext is None else self.input.value + ext
        self.x.value = self.x.value + drive * dt
        self.t_seen.value = jnp.asarray(bd.share.load("t"), jnp.float32)
        self.i_seen.value = jnp.asarray(bd.share.load("i"), jnp.int32)
        return self.x.value

    def reset_state(self, batch_size=None):
        self.x.value = bm.zeros(self.x.shape)

    def clear_input(self):
        self.input.value = bm.zeros(self.input.shape)


class Net(bd.DynamicalSystemNS):
    def __init__(self):
        super().__init__()
        self.E = Integrator()
        self.cells = [Integrator(3)]

    def update(self):
        self.E()
        self.cells[0]()


def runner_for(model, **kwargs):
    kwargs.setdefault("progress_bar", False)
    return bd.DSRunner(model, **kwargs)


# ---------------------------------------------------------------- stepping
def test_run_point_three_runs_exactly_three_steps_with_i_from_zero():
    model = Integrator()
    runner = runner_for(model, inputs=[("input", 1.0)], monitors=["x", "t_seen", "i_seen"])
    out = runner.run(0.3)
    assert out.shape == (3, 2)
    np.testing.assert_allclose(runner.mon["x"][:, 0], [0.1, 0.2, 0.3], rtol=1e-6)
    np.testing.assert_allclose(runner.mon["t_seen"], [0.0, 0.1, 0.2], atol=1e-7)
    np.testing.assert_array_equal(runner.mon["i_seen"], [0, 1, 2])
    np.testing.assert_allclose(runner.mon.ts, [0.1, 0.2, 0.3], rtol=1e-6)
    assert runner.mon.ts is runner.mon["ts"]
    assert isinstance(runner.mon["x"], np.ndarray)
    assert (runner.i0, round(runner.t0, 9)) == (3, 0.3)


def test_second_run_continues_time_and_step_index():
    model = Integrator()
    runner = runner_for(model, monitors=["t_seen", "i_seen"], t0=1.0)
    runner.run(0.2)
    runner.run(0.3)
    np.testing.assert_allclose(runner.mon["t_seen"], [1.2, 1.3, 1.4], rtol=1e-6)
    np.testing.assert_array_equal(runner.mon["i_seen"], [2, 3, 4])
    np.testing.assert_allclose(runner.mon.ts, [1.3, 1.4, 1.5], rtol=1e-6)
    runner.reset_state()
    runner.run(0.1)
    np.testing.assert_array_equal(runner.mon["i_seen"], [0])
    np.testing.assert_allclose(runner.mon["t_seen"], [1.0])


def test_share_is_restored_after_each_step():
    bd.share.save(user=5.0)
    model = Integrator()
    runner_for(model).run(0.2)
    assert set(bd.share.keys()) == {"dt", "user"} and bd.share.load("user") == 5.0


@pytest.mark.parametrize("jit", [True, False])
def test_jit_and_no_jit_agree(jit):
    def build():
        net = Net()
        return net, runner_for(
            net,
            jit=jit,
            inputs=[("E.input", 2.0), ("cells.0.input", np.arange(3.0), "fix", "+")],
            monitors={"Ex": net.E.x, "c": "cells.0.x", "i": "E.i_seen"},
        )

    net, runner = build()
    runner.run(0.5)
    np.testing.assert_allclose(runner.mon["Ex"][-1], [1.0, 1.0], rtol=1e-6)
    np.testing.assert_allclose(runner.mon["c"][-1], [0.0, 0.5, 1.0], rtol=1e-6)
    np.testing.assert_array_equal(runner.mon["i"], np.arange(5))


def test_jit_false_equals_jit_true_exactly():
    results = []
    for jit in (True, False):
        model = Integrator()
        runner = runner_for(model, jit=jit, inputs=[("input", 0.7, "fix", "+")], monitors=["x"])
        runner.run(0.4)
        results.append(runner.mon["x"])
    np.testing.assert_allclose(results[0], results[1], rtol=1e-6)


def test_reset_state_option_and_eval_time():
    model = Integrator()
    runner = runner_for(model, inputs=[("input", 1.0)], monitors=["x"])
    runner.run(0.2)
    seconds, out = runner.run(0.2, reset_state=True, eval_time=True)
    assert isinstance(seconds, float) and seconds >= 0.0
    np.testing.assert_allclose(out[:, 0], [0.1, 0.2], rtol=1e-6)
    assert runner.i0 == 2
    assert runner.predict.__func__ is runner.run.__func__


def test_per_step_inputs_and_data_first_axis():
    model = Integrator()
    xs = np.ones((4, 2), np.float32) * np.arange(4.0)[:, None]
    runner = runner_for(model, monitors=["x"])
    out = runner.run(inputs=xs)
    np.testing.assert_allclose(out[:, 0], np.cumsum(np.arange(4.0)) * DT, rtol=1e-6)
    with pytest.raises(RunnerValueError, match="gives 3 steps at dt=0.1, but inputs have 4"):
        runner.run(0.3, inputs=xs)
    batch_first = runner_for(Integrator(), data_first_axis="B")
    out = batch_first.run(inputs=xs.T.copy())  # (2, 4): batch axis first
    assert out.shape == (2, 4)


def test_shared_args_reach_models_and_monitors():
    class Fit(bd.DynamicalSystemNS):
        def __init__(self):
            super().__init__()
            self.flag = bm.Variable(bm.zeros(()))

        def update(self):
            self.flag.value = jnp.where(bd.share.load("fit"), 1.0, 0.0) + bd.share.load("extra")

    model = Fit()
    runner = runner_for(
        model, monitors={"flag": "flag", "t_end": lambda s: s.t, "fit": lambda s: s.fit}
    )
    runner.run(0.2, shared_args={"fit": True, "extra": 2.0})
    np.testing.assert_allclose(runner.mon["flag"], [3.0, 3.0])
    np.testing.assert_allclose(runner.mon["t_end"], [0.1, 0.2], rtol=1e-6)
    np.testing.assert_array_equal(runner.mon["fit"], [True, True])


def test_old_style_target_gets_shared_dict():
    class Old(bd.DynamicalSystem):
        def __init__(self):
            super().__init__()
            self.t = bm.Variable(bm.zeros(()))

        def update(self, tdi):
            self.t.value = jnp.asarray(tdi.t + tdi["dt"], jnp.float32)

    runner = runner_for(Old(), monitors=["t"])
    runner.run(0.3)
    np.testing.assert_allclose(runner.mon["t"], runner.mon.ts, rtol=1e-6)


# ---------------------------------------------------------------- monitors
def test_monitor_forms():
    net = Net()
    runner = runner_for(
        net,
        inputs=[("E.input", 1.0)],
        monitors=[
            "E.x",
            ("cells.0.x", 1),
            ("first", net.E.x),
            (f"{net.E.name}.x", np.array([0])),  # an absolute vars() key
        ],
        fun_monitors={"double": lambda s: net.E.x.value * 2},
    )
    runner.run(0.2)
    assert set(runner.mon) == {"E.x", "cells.0.x", "first", f"{net.E.name}.x", "double", "ts"}
    assert runner.mon["cells.0.x"].shape == (2,)
    assert runner.mon[f"{net.E.name}.x"].shape == (2, 1)
    np.testing.assert_allclose(runner.mon["double"], 2 * runner.mon["E.x"])
    dict_runner = runner_for(
        net, monitors={"a": (net.E.x, 0), "b": ("E.x", slice(0, 1)), "c": "E.x"}
    )
    dict_runner.run(0.1)
    assert dict_runner.mon["a"].shape == (1,) and dict_runner.mon["b"].shape == (1, 1)


def test_unknown_monitor_name_lists_candidates():
    with pytest.raises(MonitorKeyError) as info:
        runner_for(Net(), monitors=["E.spike"])
    message = str(info.value)
    assert "'E.spike'" in message and "monitor 'E.spike'" in message
    assert "'E.x'" in message and "'cells.0.input'" in message


def test_bad_monitors():
    with pytest.raises(MonitorValueError, match="index must be an int"):
        runner_for(Integrator(), monitors=[("x", 0.5)])
    with pytest.raises(MonitorValueError, match="'ts' is reserved"):
        runner_for(Integrator(), monitors={"ts": "x"})
    with pytest.raises(MonitorValueError, match="must be a Variable"):
        runner_for(Integrator(), monitors={"x": 3})
    with pytest.raises(MonitorValueError, match="None, a list or a dict"):
        runner_for(Integrator(), monitors="x")


def test_monitor_every_records_every_n_steps():
    model = Integrator()
    runner = runner_for(model, inputs=[("input", 1.0)], monitors=["x", "i_seen"], monitor_every=3)
    out = runner.run(1.0)  # 10 steps: records after steps 3, 6, 9; step 10 runs unrecorded
    np.testing.assert_array_equal(runner.mon["i_seen"], [2, 5, 8])
    np.testing.assert_allclose(runner.mon["x"][:, 0], [0.3, 0.6, 0.9], rtol=1e-5)
    np.testing.assert_allclose(runner.mon.ts, [0.3, 0.6, 0.9], rtol=1e-6)
    assert out.shape == (3, 2)
    np.testing.assert_allclose(model.x.value, [1.0, 1.0], rtol=1e-5)
    assert runner.i0 == 10
    no_jit = runner_for(
        Integrator(), inputs=[("input", 1.0)], monitors=["x"], monitor_every=3, jit=False
    )
    no_jit.run(1.0)
    np.testing.assert_allclose(no_jit.mon["x"], runner.mon["x"], rtol=1e-6)


def test_memory_efficient_matches():
    results = []
    for memory_efficient in (False, True):
        runner = runner_for(
            Integrator(),
            inputs=[("input", 1.0)],
            monitors=["x"],
            memory_efficient=memory_efficient,
            monitor_every=2,
        )
        runner.run(0.6)
        results.append(runner.mon["x"])
    np.testing.assert_allclose(results[0], results[1])
    assert results[1].shape == (3, 2)


def test_numpy_mon_after_run_false_keeps_jax_arrays():
    runner = runner_for(Integrator(), monitors=["x"], numpy_mon_after_run=False)
    runner.run(0.1)
    assert not isinstance(runner.mon["x"], np.ndarray)


# ------------------------------------------------------------------ inputs
@pytest.mark.parametrize(
    "op, start, expected",
    [("+", 1.0, 3.0), ("-", 1.0, -1.0), ("*", 1.5, 3.0), ("/", 3.0, 1.5), ("=", 9.0, 2.0)],
)
@pytest.mark.parametrize("kind", ["fix", "iter", "func"])
def test_input_types_and_ops(kind, op, start, expected):
    class Hold(bd.DynamicalSystemNS):
        def __init__(self):
            super().__init__()
            self.input = bm.Variable(bm.zeros(2))
            self.seen = bm.Variable(bm.zeros(2))

        def clear_input(self):
            self.input.value = jnp.full(2, start, jnp.float32)

        def update(self):
            self.seen.value = self.input.value

    value = {"fix": 2.0, "iter": np.full((3, 2), 2.0), "func": lambda s: jnp.full(2, 2.0)}[kind]
    runner = runner_for(Hold(), inputs=[("input", value, kind, op)], monitors=["seen"])
    runner.run(0.3)
    np.testing.assert_allclose(runner.mon["seen"], np.full((3, 2), expected))


@pytest.mark.parametrize(
    "inputs", [["input", 2.0], ("input", 2.0), ["input", 2.0, "fix", "="], [("input", 2.0)]]
)
def test_one_input_given_flat_as_in_2_3_5(inputs):
    model = Integrator()
    runner = runner_for(model, inputs=inputs, monitors=["x"])
    runner.run(0.3)
    np.testing.assert_allclose(runner.mon["x"][:, 0], [0.2, 0.4, 0.6], rtol=1e-6)


def test_iter_inputs_follow_the_absolute_step():
    model = Integrator(1)
    runner = runner_for(
        model, inputs=[(model.input, np.arange(5.0)[:, None], "iter", "=")], monitors=["x"]
    )
    runner.run(0.2)
    runner.run(0.3)
    np.testing.assert_allclose(runner.mon["x"][:, 0], np.cumsum(np.arange(5.0))[2:] * DT, rtol=1e-6)
    with pytest.raises(InputShapeError, match="has 5 steps, but this run needs steps 5 to 5"):
        runner.run(0.1)


def test_iter_inputs_may_be_python_iterators():
    model = Integrator(1)
    values = (float(k) for k in range(5))  # a generator: each run takes its next items
    runner = runner_for(model, inputs=[(model.input, values, "iter", "=")], monitors=["x"])
    runner.run(0.2)
    runner.run(0.3)
    np.testing.assert_allclose(runner.mon["x"][:, 0], np.cumsum(np.arange(5.0))[2:] * DT, rtol=1e-6)
    with pytest.raises(
        InputShapeError, match="iterator ran out after 0 items, but this run needs 1"
    ):
        runner.run(0.1)
    bad = iter([np.ones(1), np.ones(3)])
    runner = runner_for(Integrator(1), inputs=[("input", bad, "iter")], monitors=["x"])
    with pytest.raises(InputShapeError, match=r"item 1 of the iterator has shape \(3,\)"):
        runner.run(0.2)


def test_func_input_sees_start_of_step_time_and_callable_inputs():
    model = Integrator(1)
    runner = runner_for(
        model, inputs=[("input", lambda s: jnp.ones(1) * s.t, "func", "=")], monitors=["x"]
    )
    runner.run(0.3)
    np.testing.assert_allclose(runner.mon["x"][:, 0], np.cumsum([0.0, 0.1, 0.2]) * DT, atol=1e-7)

    def drive(shared):
        model.input.value += 1.0

    runner = runner_for(model, inputs=drive, monitors=["x"])
    runner.run(0.1, reset_state=True)
    np.testing.assert_allclose(runner.mon["x"][:, 0], [0.1], rtol=1e-6)


def test_input_errors_name_the_input():
    model = Integrator(2)
    with pytest.raises(InputShapeError, match=r"input 0 \('input'\).*shape \(3,\).*\(2,\)"):
        runner_for(model, inputs=[("input", np.ones(3))])
    with pytest.raises(InputShapeError, match=r"input 0 .*per-step value has shape \(3,\)"):
        runner_for(model, inputs=[("input", np.ones((4, 3)), "iter")])
    with pytest.raises(InputValueError, match=r"input 0 \('input'\): type must be one of"):
        runner_for(model, inputs=[("input", 1.0, "const")])
    with pytest.raises(InputValueError, match=r"input 1 \('x'\): op must be one of .* got '\^'"):
        runner_for(model, inputs=[("input", 1.0), ("x", 1.0, "fix", "^")])
    with pytest.raises(InputKeyError, match=r"input 0 names no Variable 'inpt'.*'input'"):
        runner_for(model, inputs=[("inpt", 1.0)])
    with pytest.raises(InputValueError, match="needs a callable"):
        runner_for(model, inputs=[("input", 1.0, "func")])
    runner = runner_for(model, inputs=[("input", lambda s: jnp.ones(3), "func")])
    with pytest.raises(InputShapeError, match="function result has shape"):
        runner.run(0.1)


# ----------------------------------------------------------------- options
def test_constructor_validation():
    with pytest.raises(RunnerTypeError, match="target must be a DynamicalSystem, got int"):
        bd.DSRunner(3)
    with pytest.raises(RunnerValueError, match="dt must be a positive finite float, got -0.1"):
        runner_for(Integrator(), dt=-0.1)
    with pytest.raises(RunnerValueError, match="monitor_every must be an int >= 1"):
        runner_for(Integrator(), monitor_every=0)
    runner = runner_for(Integrator(), dt=1)  # an int dt is accepted and converted
    assert runner.dt == 1.0 and isinstance(runner.dt, float)
    with pytest.raises(RunnerValueError, match="duration must be a positive finite number"):
        runner.run(-1.0)
    with pytest.raises(RunnerValueError, match="no step to run"):
        runner.run(0.4)
    with pytest.raises(RunnerValueError, match="give a duration or per-step inputs"):
        runner.run()


def test_runner_dt_is_what_models_read():
    model = Integrator(1)
    runner = runner_for(model, inputs=[("input", 1.0)], monitors=["x"], dt=0.5)
    runner.run(1.0)
    np.testing.assert_allclose(runner.mon["x"][:, 0], [0.5, 1.0])
    np.testing.assert_allclose(runner.mon.ts, [0.5, 1.0])


def test_progress_bar_runs_and_closes():
    stream = io.StringIO()
    model = Integrator()
    runner = bd.DSRunner(model, monitors=["x"], progress_bar={"file": stream, "mininterval": 0})
    runner.run(2.0)
    text = stream.getvalue()
    assert "Predict 20 steps: " in text and "20/20" in text
    assert runner._bar is None
    bd.DSRunner(model, jit=False, progress_bar={"file": io.StringIO()}).run(0.3)


def test_progress_bar_options_may_replace_the_description():
    stream = io.StringIO()
    options = {"file": stream, "mininterval": 0, "desc": "my model"}
    bd.DSRunner(Integrator(), progress_bar=options).run(1.0)
    assert "my model" in stream.getvalue() and "Predict" not in stream.getvalue()


def test_compiled_loop_is_reused_across_runs():
    model = Integrator()
    runner = runner_for(model, monitors=["x"])
    runner.run(0.3)
    loops = dict(runner._loops)
    runner.run(0.3)
    assert runner._loops == loops


class BatchedLeak(bd.DynamicalSystemNS):
    """x <- 0.5 x + input, with a batch axis."""

    def __init__(self, n=3):
        super().__init__(mode=bm.batching_mode)
        self.n = n
        self.x = bm.Variable(bm.zeros((1, n)), batch_axis=0)

    def reset_state(self, batch_size=None):
        self.x.value = bm.zeros((batch_size or 1, self.n))

    def update(self, inp):
        self.x.value = 0.5 * self.x.value + inp
        return self.x.value


def test_batching_runner_monitors_are_batch_first_like_2_3_5():
    model = BatchedLeak()
    model.reset_state(2)
    runner = bd.DSRunner(model, monitors=["x"], progress_bar=False, dt=DT)
    assert runner.data_first_axis == "B"
    xs = np.stack([np.ones((4, 3)), 2 * np.ones((4, 3))]).astype(np.float32)  # (batch, time, n)
    out = runner.run(inputs=xs)
    assert out.shape == (2, 4, 3)
    assert runner.mon["x"].shape == (2, 4, 3)  # batch, time, neurons
    assert runner.mon.ts.shape == (4,)
    expected = np.array([1.0, 1.5, 1.75, 1.875])
    np.testing.assert_allclose(runner.mon["x"][0, :, 0], expected)
    np.testing.assert_allclose(runner.mon["x"][1, :, 0], 2 * expected)
    np.testing.assert_allclose(out, runner.mon["x"])
    model.reset_state(2)
    time_first = bd.DSRunner(model, monitors=["x"], progress_bar=False, dt=DT, data_first_axis="T")
    time_first.run(inputs=np.swapaxes(xs, 0, 1))
    assert time_first.mon["x"].shape == (4, 2, 3)

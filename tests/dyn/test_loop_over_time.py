"""``LoopOverTime``: a one-step system run over the time axis of its input."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn.errors import RunnerTypeError, RunnerValueError

DT = 0.1


class Clock(bd.DynamicalSystemNS):
    """Stateless: returns ``x`` plus the shared ``t`` and ``i`` it saw."""

    def update(self, x):
        return {"x": x, "t": bd.share.load("t"), "i": bd.share.load("i")}


class Acc(bd.DynamicalSystemNS):
    """Accumulates its input: ``x += inp * dt``."""

    def __init__(self, n=2):
        super().__init__()
        self.x = bm.Variable(bm.zeros(n))

    def update(self, inp):
        self.x.value = self.x + inp * bd.share.load("dt")
        return self.x.value

    def reset_state(self, batch_size=None):
        self.x.value = jnp.zeros_like(self.x.value)


def test_lif_matches_dsrunner():
    n, current = 200, 25.0
    xs = np.full((n, 3), current, dtype=np.float32)
    ref = bd.neurons.LIF(3, tau_ref=2.0)
    runner = bd.DSRunner(ref, monitors=["V", "spike"], dt=DT, progress_bar=False)
    runner.run(inputs=xs)

    lif = bd.neurons.LIF(3, tau_ref=2.0)
    loop = bd.LoopOverTime(lif, out_vars={"V": lif.V, "spike": lif.spike}, dt=DT)
    _, mons = loop(xs)
    assert mons["V"].shape == (n, 3)
    assert int(np.asarray(mons["spike"]).sum()) > 0
    np.testing.assert_array_equal(np.asarray(mons["V"]), np.asarray(runner.mon["V"]))
    np.testing.assert_array_equal(np.asarray(mons["spike"]), np.asarray(runner.mon["spike"]))


def test_batch_major_equals_time_major():
    rng = np.random.default_rng(0)
    xs = rng.normal(size=(7, 4, 2)).astype(np.float32)  # (time, batch, n)
    a, b = Acc((4, 2)), Acc((4, 2))
    out_t = bd.LoopOverTime(a, dt=DT)(xs)
    out_b = bd.LoopOverTime(b, dt=DT, data_first_axis="B")(np.moveaxis(xs, 0, 1))
    assert out_t.shape == (7, 4, 2) and out_b.shape == (4, 7, 2)
    np.testing.assert_array_equal(np.asarray(out_t), np.moveaxis(np.asarray(out_b), 0, 1))


def test_out_vars_single_and_list():
    acc = Acc()
    out, xv = bd.LoopOverTime(acc, out_vars=acc.x, dt=0.5)(np.ones((3, 2), np.float32))
    np.testing.assert_allclose(np.asarray(xv)[:, 0], [0.5, 1.0, 1.5])
    np.testing.assert_array_equal(np.asarray(out), np.asarray(xv))
    acc2 = Acc()
    _, (xl,) = bd.LoopOverTime(acc2, out_vars=[acc2.x], dt=0.5)(np.ones((2, 2), np.float32))
    np.testing.assert_allclose(np.asarray(xl)[:, 1], [0.5, 1.0])


def test_counters_continue_and_reset():
    loop = bd.LoopOverTime(Clock(), dt=DT, t0=1.0, i0=3)
    first = loop(np.zeros((4, 1), np.float32))
    second = loop(np.zeros((2, 1), np.float32))
    np.testing.assert_array_equal(np.asarray(first["i"]), [3, 4, 5, 6])
    np.testing.assert_array_equal(np.asarray(second["i"]), [7, 8])
    np.testing.assert_allclose(np.asarray(first["t"]), [1.0, 1.1, 1.2, 1.3], rtol=1e-6)
    np.testing.assert_allclose(np.asarray(second["t"]), [1.4, 1.5], rtol=1e-6)
    assert int(loop.i0.value) == 9
    np.testing.assert_allclose(float(loop.t0.value), 1.6, rtol=1e-6)
    loop.reset_state()
    assert int(loop.i0.value) == 3 and float(loop.t0.value) == 1.0
    np.testing.assert_array_equal(np.asarray(loop(np.zeros((1, 1)))["i"]), [3])


def test_share_restored_and_shared_arg():
    seen = {}

    class Peek(bd.DynamicalSystemNS):
        def update(self, x):
            seen["fit"] = bd.share.load("fit")
            return x

    bd.share.save(t=-1.0)
    try:
        bd.LoopOverTime(Peek(), shared_arg={"fit": True})(np.zeros((2, 1)))
        assert bd.share.load("t") == -1.0
        assert "i" not in bd.share
    finally:
        bd.share.clear_shargs()
    assert seen["fit"] is True


def test_reset_state_resets_target():
    acc = Acc()
    loop = bd.LoopOverTime(acc, dt=DT)
    loop(np.ones((3, 2), np.float32))
    assert float(acc.x.value[0]) > 0
    loop.reset_state()
    np.testing.assert_array_equal(np.asarray(acc.x.value), [0.0, 0.0])


def test_jit():
    xs = np.linspace(0, 1, 10, dtype=np.float32).reshape(5, 2)
    eager = bd.LoopOverTime(Acc(), dt=DT)
    compiled_loop = bd.LoopOverTime(Acc(), dt=DT)

    @bm.jit
    def run(x):
        return compiled_loop(x)

    for _ in range(2):
        np.testing.assert_allclose(np.asarray(run(xs)), np.asarray(eager(xs)), rtol=1e-6)
    assert int(compiled_loop.i0.value) == 10
    np.testing.assert_allclose(float(compiled_loop.t0.value), 1.0, rtol=1e-6)


def test_no_state_folds_time_into_batch():
    calls = []

    class Double(bd.DynamicalSystemNS):
        def update(self, x):
            calls.append(x.shape)
            return x * 2.0

    xs = np.arange(24, dtype=np.float32).reshape(3, 4, 2)
    loop = bd.LoopOverTime(Double(), no_state=True)
    out = loop(xs)
    assert calls == [(12, 2)]
    np.testing.assert_array_equal(np.asarray(out), xs * 2)
    assert int(loop.i0.value) == 3
    out_b = bd.LoopOverTime(Double(), no_state=True, data_first_axis="B")(xs)
    np.testing.assert_array_equal(np.asarray(out_b), xs * 2)


def test_pytree_input():
    out = bd.LoopOverTime(Clock())((np.ones((3, 2)), np.zeros((3, 1))))
    assert out["x"][0].shape == (3, 2) and out["x"][1].shape == (3, 1)


def test_errors():
    with pytest.raises(RunnerValueError, match="data_first_axis"):
        bd.LoopOverTime(Clock(), data_first_axis="X")
    with pytest.raises(RunnerTypeError, match="target"):
        bd.LoopOverTime(lambda x: x)
    with pytest.raises(RunnerTypeError, match="out_vars"):
        bd.LoopOverTime(Clock(), out_vars=[1.0])
    with pytest.raises(RunnerValueError, match="dt"):
        bd.LoopOverTime(Clock(), dt=-1.0)
    with pytest.raises(RunnerValueError, match="shared_arg"):
        bd.LoopOverTime(Clock(), shared_arg={"t": 1.0})
    with pytest.raises(RunnerValueError, match="time axis"):
        bd.LoopOverTime(Clock())(np.float32(1.0))
    with pytest.raises(RunnerValueError, match="time axis"):
        bd.LoopOverTime(Clock(), data_first_axis="B")(np.ones(3))
    with pytest.raises(RunnerValueError, match="time axis"):
        bd.LoopOverTime(Clock(), no_state=True)(np.ones(3))
    with pytest.raises(RunnerValueError, match="same non-empty time axis"):
        bd.LoopOverTime(Clock())((np.ones(3), np.ones(4)))
    acc = Acc()
    with pytest.raises(RunnerValueError, match="out_vars"):
        bd.LoopOverTime(acc, out_vars=acc.x, no_state=True)(np.ones((2, 2, 2)))


def test_grad_matches_handwritten_scan():
    tau, n_steps = 5.0, 12
    rng = np.random.default_rng(1)
    xs = jnp.asarray(rng.normal(size=(n_steps, 3)), dtype=jnp.float32)
    target = jnp.linspace(-1.0, 1.0, 3)

    li = bd.neurons.LeakyIntegrator(3, tau=tau)
    loop = bd.LoopOverTime(li, dt=DT)

    def loss(x):
        li.reset_state()
        loop.reset_state()
        return jnp.sum((loop(x) - target) ** 2)

    decay = np.exp(-DT / tau).astype(np.float32)

    def ref_loss(x):
        def step(v, inp):
            v = inp + (v - inp) * decay
            return v, v

        _, vs = jax.lax.scan(step, jnp.zeros(3), x)
        return jnp.sum((vs - target) ** 2)

    np.testing.assert_allclose(float(loss(xs)), float(ref_loss(xs)), rtol=1e-5)
    grads = bm.grad(loss, argnums=0)(xs)
    np.testing.assert_allclose(
        np.asarray(grads), np.asarray(jax.grad(ref_loss)(xs)), rtol=1e-4, atol=1e-6
    )

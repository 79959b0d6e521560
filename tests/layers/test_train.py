"""brainpy_layers.train: BPTT/BPFF, the offline and online readout trainers."""

from __future__ import annotations

import io

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_layers as bl
import brainpy_math as bm
from brainpy_layers import algorithms, train


class TinyRNN(bd.DynamicalSystemNS):
    """``h' = tanh(x Wi + bi + h Wh)``, ``y = h Wo + bo``, built from Dense layers."""

    def __init__(self, n_in=2, n_hid=4, n_out=1, mode=bm.training_mode):
        super().__init__(mode=mode)
        self.n_hid = n_hid
        self.i2h = bl.Dense(n_in, n_hid, mode=mode)
        self.h2h = bl.Dense(n_hid, n_hid, b_initializer=None, mode=mode)
        self.out = bl.Dense(n_hid, n_out, mode=mode)
        self.h = bm.Variable(jnp.zeros((1, n_hid)), batch_axis=0)

    def reset_state(self, batch_size=None):
        self.h.value = jnp.zeros((batch_size or 1, self.n_hid))

    def update(self, x):
        self.h.value = jnp.tanh(self.i2h(x) + self.h2h(self.h.value))
        return self.out(self.h.value)


def _hand_loss(params, x, y):
    """The same unrolled run and mean squared error, written with jax.lax.scan."""

    def step(h, xt):
        h = jnp.tanh(xt @ params["Wi"] + params["bi"] + h @ params["Wh"])
        return h, h @ params["Wo"] + params["bo"]

    h0 = jnp.zeros((x.shape[0], params["Wh"].shape[0]))
    _, outs = jax.lax.scan(step, h0, jnp.moveaxis(x, 1, 0))
    return jnp.mean((jnp.moveaxis(outs, 0, 1) - y) ** 2)


def _data(batch=3, steps=6, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(batch, steps, 2)).astype(np.float32)
    y = np.sin(np.cumsum(x[..., :1], axis=1)).astype(np.float32)
    return x, y


# ------------------------------------------------------------------------------- BPTT
def test_bptt_first_gradient_equals_jax_grad_of_the_unrolled_loss():
    bm.random.seed(1)
    net = TinyRNN()
    trainer = train.BPTT(net, "mean_squared_error", bm.optimizers.SGD(0.1), progress_bar=False)
    x, y = _data()
    net.reset_state(x.shape[0])
    grads, loss = trainer.f_grad()(x, y)
    params = {
        "Wi": net.i2h.W.value,
        "bi": net.i2h.b.value,
        "Wh": net.h2h.W.value,
        "Wo": net.out.W.value,
        "bo": net.out.b.value,
    }
    ref_loss, ref = jax.value_and_grad(_hand_loss)(params, jnp.asarray(x), jnp.asarray(y))
    np.testing.assert_allclose(loss, ref_loss, rtol=1e-6)
    owner = {
        id(net.i2h.W): "Wi",
        id(net.i2h.b): "bi",
        id(net.h2h.W): "Wh",
        id(net.out.W): "Wo",
        id(net.out.b): "bo",
    }
    assert len(grads) == 5
    for key, g in grads.items():
        name = owner[id(trainer.optimizer.vars_to_train[key])]
        np.testing.assert_allclose(g, ref[name], rtol=1e-5, atol=1e-7, err_msg=name)


def test_bptt_one_fit_step_is_one_sgd_step_on_that_gradient():
    bm.random.seed(2)
    net = TinyRNN()
    trainer = train.BPTT(net, "mean_squared_error", bm.optimizers.SGD(0.5), progress_bar=False)
    x, y = _data()
    w0 = {k: np.asarray(v.value) for k, v in trainer.optimizer.vars_to_train.items()}
    net.reset_state(x.shape[0])
    grads, _ = trainer.f_grad()(x, y)
    trainer.fit((x, y), num_epoch=1)
    for k, v in trainer.optimizer.vars_to_train.items():
        np.testing.assert_allclose(
            v.value, w0[k] - 0.5 * np.asarray(grads[k]), rtol=1e-5, atol=1e-6
        )


def test_bptt_reduces_the_loss_of_a_recurrent_model():
    bm.random.seed(0)
    net = TinyRNN(n_hid=8)
    trainer = train.BPTT(net, "mean_squared_error", bm.optimizers.Adam(0.02), progress_bar=False)
    x, y = _data(batch=8, steps=10)
    trainer.fit((x, y), num_epoch=60)
    losses = trainer.get_hist_metric("fit", "loss")
    assert losses.shape == (60,)
    assert losses[-1] < 0.5 * losses[0]
    np.testing.assert_array_equal(trainer.train_losses, losses)


def test_bptt_with_a_gru_cell_and_the_default_optimizer():
    bm.random.seed(0)
    cell = bl.GRUCell(2, 3, mode=bm.training_mode)
    trainer = train.BPTT(cell, lambda p, t: jnp.mean((p[..., :1] - t) ** 2), progress_bar=False)
    assert isinstance(trainer.optimizer, bm.optimizers.Adam)
    x, y = _data(batch=4, steps=8)
    trainer.fit((x, y), num_epoch=15)
    losses = trainer.get_hist_metric()
    assert losses[-1] < losses[0]


def test_fit_with_a_callable_data_source_and_reports():
    bm.random.seed(3)
    net = TinyRNN()
    x, y = _data(batch=6, steps=5)
    calls = []

    def batches():
        calls.append(1)
        for i in range(0, 6, 2):  # three batches of two
            yield x[i : i + 2], y[i : i + 2]

    reports = []
    log = io.StringIO()
    trainer = train.BPTT(net, "mean_squared_error", bm.optimizers.Adam(0.01), logger=log)
    trainer.fit(
        batches,
        test_data=lambda: [(x[:3], y[:3])],
        num_epoch=4,
        num_report=2,
        fun_after_report=lambda i, m, phase: reports.append((i, phase, sorted(m))),
    )
    assert len(calls) == 4  # called once per epoch
    assert trainer.get_hist_metric("fit", which="detailed").shape == (12,)
    assert trainer.get_hist_metric("fit").shape == (6,)  # every 2 of 12 batches
    assert trainer.get_hist_metric("test", which="detailed").shape == (4,)
    assert trainer.get_hist_metric("predict").shape == (2,)  # test batches 2 and 4
    assert reports[0] == (2, "fit", ["loss"])
    assert ("Train 2 steps" in log.getvalue()) and ("Test 2 steps" in log.getvalue())


def test_fit_with_arrays_and_an_iterable_of_batches_agree():
    x, y = _data(batch=4, steps=5)
    results = []
    for data in ((x, y), [(x, y)]):
        bm.random.seed(4)
        trainer = train.BPTT(
            TinyRNN(), "mean_squared_error", bm.optimizers.SGD(0.1), progress_bar=False
        )
        trainer.fit(data, num_epoch=3)
        results.append(trainer.get_hist_metric())
    np.testing.assert_allclose(results[0], results[1], rtol=1e-6)


def test_loss_with_aux_metrics_and_monitors():
    bm.random.seed(5)
    net = TinyRNN()

    def loss_fun(predicts, targets):
        outs, mons = predicts
        assert mons["h"].shape == (3, 6, 4)  # monitors batch first, like the outputs
        loss = jnp.mean((outs - targets) ** 2)
        return loss, {"mean_h": jnp.mean(mons["h"])}

    trainer = train.BPTT(
        net,
        loss_fun,
        bm.optimizers.Adam(0.01),
        loss_has_aux=True,
        monitors={"h": net.h},
        progress_bar=False,
    )
    x, y = _data()
    trainer.fit((x, y), num_epoch=3)
    assert trainer.get_hist_metric(metric="mean_h").shape == (3,)
    out = trainer.predict(x, reset_state=True)
    assert out.shape == (3, 6, 1)
    assert trainer.mon["h"].shape == (3, 6, 4)  # batch first, as in 2.3.5 (data_first_axis='B')


def test_predict_continues_or_resets_and_bpff_predicts_once():
    bm.random.seed(6)
    net = TinyRNN()
    trainer = train.BPTT(net, "mean_squared_error", progress_bar=False)
    x, _ = _data(batch=5, steps=7)
    a = trainer.predict(x, reset_state=True)
    b = trainer.predict(x, reset_state=True)
    np.testing.assert_allclose(a, b, rtol=1e-6)
    assert a.shape == (5, 7, 1)
    ff = train.BPFF(bl.Dense(3, 2, mode=bm.training_mode), "mean_squared_error", progress_bar=False)
    assert ff.predict(np.ones((4, 3), np.float32)).shape == (4, 2)


def test_bpff_fits_a_linear_map():
    bm.random.seed(7)
    layer = bl.Dense(3, 2, mode=bm.training_mode)
    trainer = train.BPFF(layer, "mean_squared_error", bm.optimizers.Adam(0.05), progress_bar=False)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 3)).astype(np.float32)
    y = x @ rng.normal(size=(3, 2)).astype(np.float32)
    trainer.fit((x, y), num_epoch=300)
    assert trainer.get_hist_metric()[-1] < 1e-3


# ----------------------------------------------------------------------- BPTT errors
def test_bptt_argument_errors_name_the_argument():
    net = TinyRNN()
    with pytest.raises(TypeError, match="loss_fun must be a callable.*got int"):
        train.BPTT(net, 3)
    with pytest.raises(ValueError, match="loss_fun='nope' names no function"):
        train.BPTT(net, "nope")
    with pytest.raises(
        TypeError, match="optimizer must be a brainpy_math.optimizers.Optimizer.*got str"
    ):
        train.BPTT(net, "mean_squared_error", optimizer="adam")
    with pytest.raises(ValueError, match="shuffle_data"):
        train.BPTT(net, "mean_squared_error", shuffle_data=True)
    with pytest.raises(ValueError, match="BatchingMode or TrainingMode.*NonBatchingMode"):
        train.BPTT(bl.Dense(2, 1, mode=bm.nonbatching_mode), "mean_squared_error")
    with pytest.raises(ValueError, match="nothing to train"):
        train.BPTT(bl.Dense(2, 1, mode=bm.batching_mode), "mean_squared_error")
    assert issubclass(train.TrainerArgumentError, bl.errors.LayerError)


def test_fit_data_errors():
    trainer = train.BPTT(TinyRNN(), "mean_squared_error", progress_bar=False)
    x, y = _data(batch=4)
    with pytest.raises(ValueError, match="same batch size.*inputs with 4 and targets with \\[3\\]"):
        trainer.fit((x, y[:3]), num_epoch=1)
    with pytest.raises(TypeError, match="train_data must be .* got int"):
        trainer.fit(5, num_epoch=1)
    with pytest.raises(ValueError, match="each batch of train_data must be an \\(x, y\\) pair"):
        trainer.fit([(x, y, y)], num_epoch=1)
    with pytest.raises(ValueError, match="num_epoch must be an int >= 1, got 0"):
        trainer.fit((x, y), num_epoch=0)
    with pytest.raises(ValueError, match="batch_size is no longer supported"):
        trainer.fit((x, y), batch_size=2)
    with pytest.raises(TypeError, match="fun_after_report must be callable"):
        trainer.fit((x, y), num_epoch=1, fun_after_report=1)
    trainer.fit((x, y), num_epoch=1)
    with pytest.raises(
        ValueError, match="metric must be one of the recorded metrics \\['loss'\\].*got 'acc'"
    ):
        trainer.get_hist_metric(metric="acc")
    with pytest.raises(ValueError, match="phase must be one of .* got 'valid'"):
        trainer.get_hist_metric(phase="valid")
    with pytest.raises(ValueError, match="which must be one of"):
        trainer.get_hist_metric(which="all")


def test_aux_must_be_a_dict():
    trainer = train.BPTT(
        TinyRNN(),
        lambda p, t: (jnp.mean((p - t) ** 2), 1.0),
        loss_has_aux=True,
        progress_bar=False,
    )
    x, y = _data()
    with pytest.raises(TypeError, match="auxiliary data of type float"):
        trainer.fit((x, y), num_epoch=1)


# ------------------------------------------------------------------- offline trainers
class Reservoir(bd.DynamicalSystemNS):
    """A fixed random tanh reservoir (an echo-state network) with a trainable readout."""

    def __init__(self, n_in=1, n=100, seed=0):
        super().__init__(mode=bm.batching_mode)
        rng = np.random.default_rng(seed)
        w = rng.normal(size=(n, n)) / np.sqrt(n)
        w *= 0.9 / np.max(np.abs(np.linalg.eigvals(w)))  # spectral radius 0.9
        self.w_rec = jnp.asarray(w, jnp.float32)
        self.w_in = jnp.asarray(rng.uniform(-1, 1, size=(n_in, n)), jnp.float32)
        self.n = n
        self.h = bm.Variable(jnp.zeros((1, n)), batch_axis=0)
        self.readout = bl.Dense(n, 1, mode=bm.training_mode)

    def reset_state(self, batch_size=None):
        self.h.value = jnp.zeros((batch_size or 1, self.n))

    def update(self, x):
        self.h.value = jnp.tanh(x @ self.w_in + self.h.value @ self.w_rec)
        return self.readout(self.h.value)


def _sine(steps=600):
    t = np.arange(steps + 1) * 0.1
    s = np.sin(t).astype(np.float32)[None, :, None]
    return s[:, :-1], s[:, 1:]  # predict one step ahead


def test_ridge_trainer_echo_state_network_predicts_a_sine_one_step_ahead():
    esn = Reservoir()
    trainer = train.RidgeTrainer(esn, alpha=1e-6, progress_bar=False)
    x, y = _sine()
    trainer.fit((x, y), reset_state=True)
    pred = trainer.predict(x, reset_state=True)
    assert pred.shape == (1, 600, 1)
    err = np.sqrt(np.mean((np.asarray(pred)[:, 100:] - y[:, 100:]) ** 2))
    assert err < 1e-2


def test_offline_fit_equals_the_closed_form_on_the_recorded_states():
    esn = Reservoir(n=20, seed=1)
    trainer = train.OfflineTrainer(esn, algorithms.RidgeRegression(alpha=0.1), progress_bar=False)
    x, y = _sine(50)
    states = trainer.predict(x, reset_state=True)  # warm the compiled run; states below
    del states
    esn.reset_state(1)
    hs = []
    for t in range(50):  # the reservoir states by hand, step by step
        esn.h.value = jnp.tanh(x[:, t] @ esn.w_in + esn.h.value @ esn.w_rec)
        hs.append(np.asarray(esn.h.value[0], np.float64))
    hs = np.stack(hs)
    trainer.fit((x, y), reset_state=True)
    xb = np.concatenate([np.ones((50, 1)), hs], axis=1)  # bias first, as 2.3.5
    ref = np.linalg.solve(xb.T @ xb + 0.1 * np.eye(21), xb.T @ y[0].astype(np.float64))
    np.testing.assert_allclose(esn.readout.b.value, ref[0], rtol=1e-3, atol=1e-4)
    np.testing.assert_allclose(esn.readout.W.value, ref[1:], rtol=1e-3, atol=1e-4)


def test_offline_fit_on_the_last_step_only_and_with_a_named_dict():
    layer = bl.Dense(2, 1, mode=bm.training_mode)
    trainer = train.OfflineTrainer(layer, fit_method="lstsq", progress_bar=False)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(8, 3, 2)).astype(np.float32)
    y_last = x[:, -1] @ np.array([[2.0], [1.0]], np.float32) - 1.0
    trainer.fit((x, {layer.name: y_last}))
    np.testing.assert_allclose(layer.W.value[:, 0], [2.0, 1.0], atol=1e-4)
    np.testing.assert_allclose(layer.b.value, [-1.0], atol=1e-4)


def test_offline_trainer_errors():
    with pytest.raises(ValueError, match="no trainable readout.*offline_fit"):
        train.OfflineTrainer(bl.Dense(2, 1, mode=bm.batching_mode))
    layer = bl.Dense(2, 1, mode=bm.training_mode)
    with pytest.raises(ValueError, match="fit_method name must be one of .* got 'svd'"):
        train.OfflineTrainer(layer, fit_method="svd")
    with pytest.raises(TypeError, match="fit_method must be .* got int"):
        train.OfflineTrainer(layer, fit_method=3)
    trainer = train.RidgeTrainer(layer, progress_bar=False)
    x = np.ones((4, 5, 2), np.float32)
    with pytest.raises(
        ValueError, match="train_data must be an \\(X, Y\\) pair .* got list of length 3"
    ):
        trainer.fit([x, x, x])
    with pytest.raises(ValueError, match="must have shape \\(4, 5, 1\\).*got shape \\(3, 5, 1\\)"):
        trainer.fit((x, np.ones((3, 5, 1), np.float32)))
    with pytest.raises(ValueError, match="one entry per readout"):
        trainer.fit((x, {"other": np.ones((4, 5, 1), np.float32)}))


# -------------------------------------------------------------------- online trainers
def _numpy_rls(xs, ys, alpha, w0, b0):
    """A NumPy transcription of RLS for one sample per step, bias row first."""
    w = np.concatenate([b0[None], w0]).astype(np.float64)
    p = np.eye(w.shape[0]) * alpha
    outs = []
    for x, y in zip(xs, ys):
        x = np.concatenate([[1.0], x])
        out = x @ w
        outs.append(out)
        k = p @ x
        c = 1.0 / (1.0 + x @ k)
        p = p - c * np.outer(k, k)
        w = w - c * np.outer(k, out - y)
    return np.array(outs), w


def test_force_trainer_matches_numpy_rls_step_by_step_and_converges():
    bm.random.seed(8)
    layer = bl.Dense(3, 2, mode=bm.training_mode)
    w0, b0 = np.asarray(layer.W.value), np.asarray(layer.b.value)
    trainer = train.ForceTrainer(layer, alpha=10.0, progress_bar=False)
    rng = np.random.default_rng(0)
    xs = rng.normal(size=(1, 60, 3)).astype(np.float32)
    true_w = rng.normal(size=(3, 2)).astype(np.float32)
    ys = xs @ true_w + 0.25
    outs = trainer.fit((xs, ys))
    ref_outs, ref_w = _numpy_rls(xs[0].astype(np.float64), ys[0].astype(np.float64), 10.0, w0, b0)
    np.testing.assert_allclose(np.asarray(outs)[0], ref_outs, rtol=1e-3, atol=1e-4)
    np.testing.assert_allclose(layer.b.value, ref_w[0], rtol=1e-3, atol=1e-4)
    np.testing.assert_allclose(layer.W.value, ref_w[1:], rtol=1e-3, atol=1e-4)
    np.testing.assert_allclose(layer.W.value, true_w, atol=1e-2)
    np.testing.assert_allclose(layer.b.value, [0.25, 0.25], atol=1e-2)


def test_online_trainer_with_lms_and_a_reservoir():
    esn = Reservoir(n=50, seed=2)
    trainer = train.OnlineTrainer(esn, fit_method={"name": "rls", "alpha": 1.0}, progress_bar=False)
    assert isinstance(trainer.fit_method, algorithms.RLS)
    x, y = _sine(800)
    outs = np.asarray(trainer.fit((x, y), reset_state=True))
    late = np.sqrt(np.mean((outs[:, 600:] - y[:, 600:]) ** 2))
    assert late < 5e-2
    lms = train.OnlineTrainer(bl.Dense(2, 1, mode=bm.training_mode), "lms", progress_bar=False)
    assert isinstance(lms.fit_method, algorithms.LMS)


def test_online_trainer_errors():
    with pytest.raises(ValueError, match="no trainable readout.*online_fit"):
        train.ForceTrainer(bl.Dense(2, 1, mode=bm.batching_mode))
    with pytest.raises(TypeError, match="fit_method must be an OnlineAlgorithm.*got function"):
        train.OnlineTrainer(bl.Dense(2, 1, mode=bm.training_mode), fit_method=lambda *a: 0)
    trainer = train.ForceTrainer(bl.Dense(2, 1, mode=bm.training_mode), progress_bar=False)
    x = np.ones((2, 5, 2), np.float32)
    with pytest.raises(ValueError, match="must have shape \\(2, 5, 1\\).*got shape \\(2, 1\\)"):
        trainer.fit((x, np.ones((2, 1), np.float32)))


def test_trainer_monitors_are_batch_first_like_2_3_5():
    """In a batching mode with data_first_axis='B' records come back (batch, time, ...)."""
    esn = Reservoir(n=8, seed=2)
    trainer = train.RidgeTrainer(esn, alpha=1e-3, monitors={"h": esn.h}, progress_bar=False)
    x, y = _sine(12)
    x3 = np.concatenate([x, 0.5 * x, -x], axis=0)  # 3 batches of 12 steps
    y3 = np.concatenate([y, 0.5 * y, -y], axis=0)
    trainer.fit((x3, y3), reset_state=True)
    assert trainer.mon["h"].shape == (3, 12, 8)
    assert trainer.mon["ts"].shape == (12,)
    pred = trainer.predict(x3, reset_state=True)
    assert trainer.mon["h"].shape == (3, 12, 8)
    # row b of the record is batch b's trajectory: recompute batch 1 step by step
    esn.reset_state(1)
    for t in range(12):
        esn.h.value = jnp.tanh(x3[1:2, t] @ esn.w_in + esn.h.value @ esn.w_rec)
    np.testing.assert_allclose(trainer.mon["h"][1, -1], np.asarray(esn.h.value[0]), rtol=1e-5)
    assert pred.shape == (3, 12, 1)
    time_first = train.RidgeTrainer(
        Reservoir(n=8, seed=2), monitors=["h"], data_first_axis="T", progress_bar=False
    )
    time_first.predict(np.swapaxes(x3, 0, 1), reset_state=True)
    assert time_first.mon["h"].shape == (12, 3, 8)


# ------------------------------------------------------------ synapse weights in training
class SynapseNet(bd.DynamicalSystemNS):
    """Input spikes through a sparse exponential synapse; the output is its conductance."""

    def __init__(self):
        super().__init__(mode=bm.training_mode)
        conn = bd.conn.FixedProb(0.5, seed=3, pre=5, post=3)
        self.syn = bd.experimental.Exponential(
            conn, g_max=bd.init.Normal(0.0, 0.5), tau=2.0, mode=bm.training_mode
        )

    def update(self, x):
        return self.syn(x)


def test_bptt_finds_synapse_weights_through_train_vars_alone():
    bm.random.seed(8)
    net = SynapseNet()
    weight = net.syn.projection.weight
    assert isinstance(weight, bm.TrainVar)
    assert [id(v) for v in net.train_vars().unique().values()] == [id(weight)]
    rng = np.random.default_rng(0)
    x = (rng.random((2, 6, 5)) < 0.5).astype(np.float32)
    y = rng.normal(size=(2, 6, 3)).astype(np.float32)
    trainer = train.BPTT(net, "mean_squared_error", bm.optimizers.SGD(0.2), progress_bar=False)
    assert [id(v) for v in trainer.optimizer.vars_to_train.values()] == [id(weight)]
    pre_ids, post_ids = (np.asarray(a) for a in net.syn.conn.require("pre_ids", "post_ids"))
    decay = np.exp(-bm.get_dt() / 2.0)

    def hand_loss(w):
        dense = jnp.zeros((5, 3)).at[pre_ids, post_ids].set(w)

        def step(g, xt):
            g = g * decay + xt @ dense
            return g, g

        _, gs = jax.lax.scan(step, jnp.zeros((2, 3)), jnp.moveaxis(jnp.asarray(x), 1, 0))
        return jnp.mean((jnp.moveaxis(gs, 0, 1) - y) ** 2)

    w0 = np.asarray(weight.value)
    ref = np.asarray(jax.grad(hand_loss)(jnp.asarray(w0)))
    assert np.abs(ref).max() > 0
    bd.share.save(dt=bm.get_dt())
    trainer.fit((x, y), num_epoch=1, reset_state=True)
    np.testing.assert_allclose(weight.value, w0 - 0.2 * ref, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("alpha", [float("nan"), float("inf"), 0.0, -1.0, "1"])
def test_force_trainer_names_itself_for_a_bad_alpha(alpha):
    readout = bl.Dense(2, 1, mode=bm.training_mode)
    with pytest.raises(train.TrainerArgumentError, match=r"^ForceTrainer: alpha must be"):
        train.ForceTrainer(readout, alpha=alpha, progress_bar=False)

"""Reservoir and NVAR against NumPy / itertools transcriptions of their equations."""

from __future__ import annotations

from itertools import combinations_with_replacement

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_layers as bl
import brainpy_math as bm
from brainpy_layers.errors import (
    LayerArgumentError,
    LayerArgumentTypeError,
    LayerInputShapeError,
    LayerModeError,
)

RNG = np.random.default_rng(11)
MODES = [bm.nonbatching_mode, bm.batching_mode, bm.training_mode]
BATCH, STEPS = 2, 4


def _dense(layer, weight, index, shape):
    """The dense matrix behind ``Win``/``Wrec`` (``'sparse'`` stores one value per link)."""
    value = np.asarray(weight.value, np.float64)
    if index is None:
        return value
    dense = np.zeros(shape)
    dense[np.asarray(index[0]), np.asarray(index[1])] = value
    return dense


def _numpy_reservoir(xs, state, win, wrec, b, rate, kind):
    """Leaky echo-state update, 'internal' or 'external', in float64."""
    outs = []
    for x in xs:
        if kind == "internal":
            state = (1 - rate) * state + rate * np.tanh(x @ win + state @ wrec + b)
            outs.append(state)
        else:
            state = (1 - rate) * state + rate * (x @ win + np.tanh(state) @ wrec + b)
            outs.append(np.tanh(state))
    return np.stack(outs), state


def _make_reservoir(mode, kind, comp_type, **kw):
    # new seeded initializers for every layer: each one is a generator of its own
    return bl.Reservoir(
        3,
        6,
        leaky_rate=0.4,
        activation_type=kind,
        Win_initializer=bd.init.Normal(scale=0.5, seed=1),
        Wrec_initializer=bd.init.Normal(scale=0.5, seed=2),
        b_initializer=bd.init.Normal(scale=0.3, seed=3),
        in_connectivity=0.6,
        rec_connectivity=0.5,
        comp_type=comp_type,
        spectral_radius=0.9,
        seed=4,
        mode=mode,
        **kw,
    )


@pytest.mark.parametrize("comp_type", ["dense", "sparse"])
@pytest.mark.parametrize("kind", ["internal", "external"])
def test_reservoir_update_matches_numpy(kind, comp_type):
    xs = RNG.normal(size=(STEPS, BATCH, 3)).astype(np.float32)
    s0 = RNG.normal(size=(BATCH, 6)).astype(np.float32) * 0.5
    reference = None
    for mode in MODES:
        for compiled in (False, True):
            layer = _make_reservoir(mode, kind, comp_type)
            win = _dense(layer, layer.Win, layer.in_index, (3, 6))
            wrec = _dense(layer, layer.Wrec, layer.rec_index, (6, 6))
            if reference is None:  # same seeds, same layer in every mode
                reference = win, wrec
            np.testing.assert_array_equal(win, reference[0])
            np.testing.assert_array_equal(wrec, reference[1])
            want, want_state = _numpy_reservoir(
                xs.astype(np.float64), s0, win, wrec, np.asarray(layer.b.value), 0.4, kind
            )
            if isinstance(mode, bm.BatchingMode):
                layer.reset_state(BATCH)
                layer.state.value = s0
                inputs = xs
            else:
                layer.state.value = s0[0]
                inputs, want, want_state = xs[:, 0], want[:, 0], want_state[0]
            step = bm.jit(layer.update) if compiled else layer
            got = np.stack([np.asarray(step(x)) for x in inputs])
            message = f"{mode}, jit={compiled}"
            np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5, err_msg=message)
            np.testing.assert_allclose(layer.state.value, want_state, rtol=1e-4, atol=1e-5)
            assert bool(layer.train_vars()) == isinstance(mode, bm.TrainingMode), message


def test_sparse_and_dense_agree():
    dense = _make_reservoir(bm.batching_mode, "internal", "dense")
    sparse = _make_reservoir(bm.batching_mode, "internal", "sparse")
    assert sparse.Win.ndim == 1 and sparse.Wrec.ndim == 1
    np.testing.assert_array_equal(
        _dense(sparse, sparse.Wrec, sparse.rec_index, (6, 6)), np.asarray(dense.Wrec.value)
    )
    x = RNG.normal(size=(5, 3)).astype(np.float32)
    dense.reset_state(5)
    sparse.reset_state(5)
    for _ in range(3):
        np.testing.assert_allclose(sparse(x), dense(x), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("comp_type", ["dense", "sparse"])
def test_spectral_radius_after_rescaling(comp_type):
    layer = bl.Reservoir(4, 80, rec_connectivity=0.2, spectral_radius=1.25, comp_type=comp_type)
    wrec = _dense(layer, layer.Wrec, layer.rec_index, (80, 80))
    assert np.max(np.abs(np.linalg.eigvals(wrec))) == pytest.approx(1.25, rel=1e-4)


def test_connectivity_fractions():
    layer = bl.Reservoir(50, 200, in_connectivity=0.2, rec_connectivity=0.1, seed=0)
    assert np.mean(np.asarray(layer.Win.value) != 0) == pytest.approx(0.2, abs=0.02)
    assert np.mean(np.asarray(layer.Wrec.value) != 0) == pytest.approx(0.1, abs=0.01)
    sparse = bl.Reservoir(50, 200, in_connectivity=0.2, rec_connectivity=0.1, seed=0,
                          comp_type="sparse")  # fmt: skip
    assert sparse.Win.shape == (int(np.sum(np.asarray(layer.Win.value) != 0)),)
    assert sparse.Wrec.shape == (int(np.sum(np.asarray(layer.Wrec.value) != 0)),)
    full = bl.Reservoir(5, 10, in_connectivity=1.0, rec_connectivity=1.0, comp_type="sparse")
    assert full.in_index is None and full.Win.shape == (5, 10)  # nothing to leave out
    assert np.all(np.asarray(full.Wrec.value) != 0)
    empty = bl.Reservoir(5, 10, in_connectivity=0.0, rec_connectivity=0.0)
    assert not np.any(np.asarray(empty.Win.value)) and not np.any(np.asarray(empty.Wrec.value))


def test_seed_makes_masks_and_noise_reproducible():
    a, b = bl.Reservoir(4, 30, seed=5), bl.Reservoir(4, 30, seed=5)  # unseeded weights
    np.testing.assert_array_equal(np.asarray(a.Wrec.value) != 0, np.asarray(b.Wrec.value) != 0)
    np.testing.assert_array_equal(np.asarray(a.Win.value) != 0, np.asarray(b.Win.value) != 0)
    c = bl.Reservoir(4, 30, seed=6)
    assert np.any((np.asarray(a.Wrec.value) != 0) != (np.asarray(c.Wrec.value) != 0))

    def noisy(seed):
        return bl.Reservoir(
            2, 20, Win_initializer=bd.init.Normal(seed=0), Wrec_initializer=bd.init.Normal(seed=1),
            noise_in=0.5, noise_rec=0.5, seed=seed,
        )  # fmt: skip

    x = np.ones(2, np.float32)
    one, two, other = noisy(9), noisy(9), noisy(10)
    step = bm.jit(one.update)
    ys = [np.asarray(step(x)) for _ in range(2)]
    zs = [np.asarray(two(x)) for _ in range(2)]
    np.testing.assert_allclose(ys, zs, rtol=1e-5, atol=1e-6)  # jit or not, same draws
    assert not np.allclose(np.asarray(other(x)), ys[0])


@pytest.mark.parametrize("noise_type", ["normal", "uniform"])
def test_noise_type(noise_type):
    zeros = bd.init.ZeroInit()
    layer = bl.Reservoir(
        1, 4000, leaky_rate=1.0, activation="identity", Win_initializer=zeros,
        Wrec_initializer=zeros, b_initializer=None, noise_rec=2.0, noise_type=noise_type, seed=0,
    )  # fmt: skip
    y = np.asarray(layer(np.zeros(1, np.float32)))  # pure noise: 2 * xi
    if noise_type == "uniform":
        assert (
            y.min() >= -2.0 and y.max() <= 2.0 and np.std(y) == pytest.approx(2 / 3**0.5, rel=0.05)
        )
    else:
        assert np.std(y) == pytest.approx(2.0, rel=0.05) and np.abs(y).max() > 2.0


def test_reservoir_shapes_and_reset_state():
    layer = bl.Reservoir((None, 5, 3), 7, mode=bm.batching_mode)
    assert layer.input_shape == (5, 3) and layer.output_shape == (5, 7)
    assert layer.state.shape == (1, 5, 7) and layer.state.batch_axis == 0
    assert layer(np.ones((4, 5, 3), np.float32)).shape == (4, 5, 7)  # batch 1 broadcasts
    layer.reset_state(3)
    assert layer.state.shape == (3, 5, 7) and not np.any(np.asarray(layer.state.value))
    with pytest.raises(LayerInputShapeError, match=r"batch size 4 but the state has batch size 3"):
        layer(np.ones((4, 5, 3), np.float32))
    single = bl.Reservoir(3, 7)
    assert single.state.shape == (7,) and single.num_unit == 7 and single.bias is single.b
    assert repr(single).startswith("Reservoir(input_shape=(3,), num_out=7")
    with pytest.raises(LayerModeError, match=r"^Reservoir: reset_state\(batch_size=2\) asks for"):
        single.reset_state(2)


@pytest.mark.parametrize(
    ("kwargs", "error", "pattern"),
    [
        ({"input_shape": 0}, LayerArgumentError, r"input_shape must be a positive int.*got 0"),
        ({"num_out": -1}, LayerArgumentError, r"num_out must be a positive int, got -1"),
        ({"leaky_rate": 1.5}, LayerArgumentError, r"leaky_rate must be a finite number in \[0.0, 1.0\]"),
        ({"activation": "nope"}, LayerArgumentTypeError, r"activation must be a callable"),
        ({"activation_type": "x"}, LayerArgumentError, r"activation_type must be one of"),
        ({"in_connectivity": -0.1}, LayerArgumentError, r"in_connectivity must be a finite number in"),
        ({"rec_connectivity": "a"}, LayerArgumentError, r"rec_connectivity must be a finite number"),
        ({"comp_type": "jit"}, LayerArgumentError, r"comp_type must be one of \('dense', 'sp"),
        ({"spectral_radius": 0}, LayerArgumentError, r"spectral_radius must be None or a pos"),
        ({"noise_in": -1}, LayerArgumentError, r"noise_in must be a finite number >= 0.0, got noise_in=-1"),
        ({"noise_type": "cauchy"}, LayerArgumentError, r"noise_type must be one of"),
        ({"seed": 1.5}, LayerArgumentTypeError, r"seed must be None or an int, got 1.5"),
        ({"Win_initializer": np.ones((2, 2))}, LayerArgumentError, r"Win_initializer has shape"),
        ({"rec_connectivity": 0.0, "spectral_radius": 1.0}, LayerArgumentError,
         r"spectral_radius=1.0 cannot be reached"),
    ],
)  # fmt: skip
def test_reservoir_argument_errors(kwargs, error, pattern):
    args = {"input_shape": 3, "num_out": 5, **kwargs}
    with pytest.raises(error, match="^Reservoir: .*" + pattern):
        bl.Reservoir(**args)


def test_reservoir_input_errors():
    with pytest.raises(LayerInputShapeError, match=r"^Reservoir: expected input of shape \(N, 3\)"):
        bl.Reservoir(3, 5, mode=bm.batching_mode)(np.ones(3, np.float32))
    with pytest.raises(LayerInputShapeError, match=r"expected input of shape \(3,\).*got shape"):
        bl.Reservoir(3, 5)(np.ones(4, np.float32))


# ------------------------------------------------------------------------------- NVAR


def _numpy_nvar(history, delay, orders, stride, constant):
    """The NVAR features of one sample, from its inputs so far (oldest first)."""
    t = len(history) - 1
    linear = []
    for k in range(delay):
        i = t - k * stride
        linear.extend(history[i] if i >= 0 else np.zeros_like(history[0]))
    feats = [1.0] if constant else []
    feats += linear
    for order in orders:
        for combo in combinations_with_replacement(range(len(linear)), order):
            feats.append(np.prod([linear[i] for i in combo]))
    return np.array(feats)


@pytest.mark.parametrize(
    ("delay", "order", "stride", "constant"),
    [(1, None, 1, False), (2, 2, 1, True), (3, [2, 3], 2, False), (2, (3,), 3, True)],
)
def test_nvar_matches_itertools(delay, order, stride, constant):
    orders = () if order is None else (order,) if isinstance(order, int) else tuple(order)
    xs = RNG.normal(size=(7, BATCH, 2)).astype(np.float32)
    want = np.stack(
        [
            np.stack(
                [
                    _numpy_nvar(list(xs[: t + 1, n]), delay, orders, stride, constant)
                    for n in range(BATCH)
                ]
            )  # fmt: skip
            for t in range(len(xs))
        ]
    )
    for mode in MODES:
        for compiled in (False, True):
            layer = bl.NVAR(2, delay, order, stride, constant, mode=mode)
            assert layer.num_out == want.shape[-1]
            assert len(layer.get_feature_names()) == layer.num_out
            batching = isinstance(mode, bm.BatchingMode)
            if batching:
                layer.reset_state(BATCH)
            inputs, expected = (xs, want) if batching else (xs[:, 0], want[:, 0])
            step = bm.jit(layer.update) if compiled else layer
            got = np.stack([np.asarray(step(x)) for x in inputs])
            message = f"{mode}, jit={compiled}"
            np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5, err_msg=message)
            assert not layer.train_vars(), message


def test_nvar_reset_state_and_batch_broadcast():
    layer = bl.NVAR(2, delay=3, order=2, stride=2, mode=bm.batching_mode)
    assert layer.num_delay == 5 and layer.store.shape == (1, 5, 2)
    assert layer.linear_dim == 6 and layer.nonlinear_dim == 21 and layer.num_out == 27
    assert layer(np.ones((4, 2), np.float32)).shape == (4, 27)  # batch 1 broadcasts
    assert layer.store.shape == (4, 5, 2)
    layer.reset_state(3)
    assert layer.store.shape == (3, 5, 2) and not np.any(np.asarray(layer.store.value))
    with pytest.raises(LayerInputShapeError, match=r"batch size 4 but the state has batch size 3"):
        layer(np.ones((4, 2), np.float32))
    single = bl.NVAR(2, delay=2)
    single(np.ones(2, np.float32))
    single.reset_state()
    np.testing.assert_array_equal(single(np.full(2, 3.0, np.float32)), [3, 3, 0, 0])
    with pytest.raises(LayerModeError, match=r"^NVAR: reset_state\(batch_size=2\) asks for"):
        single.reset_state(2)


def test_nvar_feature_names():
    layer = bl.NVAR(2, delay=2, order=2, stride=3, constant=True)
    names = layer.get_feature_names()
    assert names[:5] == ["1", "x0(t)", "x1(t)", "x0(t-3)", "x1(t-3)"]
    assert names[5:8] == ["x0(t)^2", "x0(t) x1(t)", "x0(t) x0(t-3)"]
    assert names[-1] == "x1(t-3)^2"
    plot = layer.get_feature_names(for_plot=True)
    assert plot[:4] == ["1", "$x0_t$", "$x1_t$", "$x0_{t-3}$"]
    assert repr(layer).startswith("NVAR(num_in=2, delay=2, order=(2,), stride=3, constant=True")


@pytest.mark.parametrize(
    ("kwargs", "error", "pattern"),
    [
        ({"num_in": 0}, LayerArgumentError, r"num_in must be an int >= 1, got 0"),
        ({"delay": 0}, LayerArgumentError, r"delay must be an int >= 1, got 0"),
        ({"stride": 1.5}, LayerArgumentError, r"stride must be an int >= 1, got 1.5"),
        ({"order": 1}, LayerArgumentError, r"each order must be an int >= 2, got 1"),
        ({"order": [2, "3"]}, LayerArgumentError, r"each order must be an int >= 2, got '3'"),
        ({"order": 2.0}, LayerArgumentTypeError, r"order must be None, an int >= 2 or a seq"),
        ({"constant": 1}, LayerArgumentTypeError, r"constant must be a bool, got 1"),
    ],
)
def test_nvar_argument_errors(kwargs, error, pattern):
    args = {"num_in": 2, "delay": 2, **kwargs}
    with pytest.raises(error, match="^NVAR: " + pattern):
        bl.NVAR(**args)


def test_nvar_input_errors():
    with pytest.raises(LayerInputShapeError, match=r"^NVAR: expected input of shape \(N, 2\)"):
        bl.NVAR(2, 1, mode=bm.batching_mode)(np.ones(2, np.float32))
    with pytest.raises(LayerInputShapeError, match=r"expected input of shape \(2,\).*got shape"):
        bl.NVAR(2, 1)(np.ones((1, 2), np.float32))

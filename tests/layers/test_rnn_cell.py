"""RNNCell against torch.nn.RNNCell; Activation, Identity and the BatchNorm{1,2,3}D spellings."""

from __future__ import annotations

import jax
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

RNG = np.random.default_rng(7)
MODES = [bm.nonbatching_mode, bm.batching_mode, bm.training_mode]
N_IN, N_OUT, BATCH, STEPS = 3, 4, 2, 4


@pytest.mark.parametrize("nonlinearity", ["relu", "tanh"])
def test_rnn_cell_matches_torch_in_every_mode(torch, nonlinearity):
    ref = torch.nn.RNNCell(N_IN, N_OUT, nonlinearity=nonlinearity)
    xs = RNG.normal(size=(STEPS, BATCH, N_IN)).astype(np.float32)
    h0 = RNG.normal(size=(BATCH, N_OUT)).astype(np.float32)
    h, want = torch.from_numpy(h0), []
    with torch.no_grad():
        for x in xs:
            h = ref(torch.from_numpy(x), h)
            want.append(h.numpy())
    want_hs = np.stack(want)
    wi = ref.weight_ih.detach().numpy().T
    wh = ref.weight_hh.detach().numpy().T
    b = (ref.bias_ih + ref.bias_hh).detach().numpy()
    for mode in MODES:
        for compiled in (False, True):
            cell = bl.RNNCell(N_IN, N_OUT, bd.init.ZeroInit(), wi, wh, b, nonlinearity, mode=mode)
            batching = isinstance(mode, bm.BatchingMode)
            if batching:
                cell.reset_state(BATCH)
                cell.state.value = h0
                inputs, expected = xs, want_hs
            else:
                cell.state.value = h0[0]
                inputs, expected = xs[:, 0], want_hs[:, 0]
            step = bm.jit(cell.update) if compiled else cell
            got = np.stack([np.asarray(step(x)) for x in inputs])
            message = f"{mode}, jit={compiled}"
            np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5, err_msg=message)
            np.testing.assert_allclose(cell.state.value, expected[-1], rtol=1e-5, atol=1e-5)
            assert bool(cell.train_vars()) == isinstance(mode, bm.TrainingMode), message


def test_rnn_cell_defaults_follow_2_3_5():
    cell = bl.RNNCell(2, 3)
    assert cell.activation is jax.nn.relu  # 2.3.5's default activation
    assert cell.state.shape == (3,) and cell.state.batch_axis is None
    np.testing.assert_array_equal(cell.state.value, np.zeros(3))
    assert cell.Wi.shape == (2, 3) and cell.Wh.shape == (3, 3) and cell.b.shape == (3,)
    assert repr(cell).startswith("RNNCell(num_in=2, num_out=3")
    assert bl.RNNCell(2, 3, b_initializer=None).b is None


def test_rnn_cell_reset_state_and_batch_broadcast():
    ones = bd.init.OneInit()
    cell = bl.RNNCell(2, 3, state_initializer=ones, mode=bm.batching_mode)
    assert cell.state.shape == (1, 3) and cell.state.batch_axis == 0
    assert cell(np.ones((5, 2), np.float32)).shape == (5, 3)  # batch 1 broadcasts
    assert cell.state.shape == (5, 3)
    cell.reset_state(4)
    np.testing.assert_array_equal(cell.state.value, np.ones((4, 3)))
    cell.reset_state(bm.BatchingMode(batch_size=6))
    assert cell.state.shape == (6, 3)
    with pytest.raises(LayerInputShapeError, match=r"batch size 2 but the state has batch size 6"):
        cell(np.ones((2, 2), np.float32))


def test_rnn_cell_train_state():
    cell = bl.RNNCell(2, 3, train_state=True, mode=bm.training_mode)
    assert cell.state2train.shape == (3,)
    assert f"{cell.name}.state2train" in cell.train_vars()
    cell.state2train.value = np.arange(3, dtype=np.float32)
    cell.reset_state(2)
    np.testing.assert_array_equal(cell.state.value, [[0, 1, 2], [0, 1, 2]])
    with pytest.raises(LayerModeError, match=r"^RNNCell: train_state=True needs TrainingMode"):
        bl.RNNCell(2, 3, train_state=True, mode=bm.batching_mode)


def test_rnn_cell_errors():
    with pytest.raises(
        LayerArgumentError, match=r"^RNNCell: num_out must be a positive int, got 0"
    ):
        bl.RNNCell(2, 0)
    with pytest.raises(LayerArgumentError, match=r"^RNNCell: Wh_initializer has shape \(2, 3\)"):
        bl.RNNCell(2, 3, Wh_initializer=np.ones((2, 3), np.float32))
    with pytest.raises(LayerArgumentTypeError, match=r"^RNNCell: activation must be a callable"):
        bl.RNNCell(2, 3, activation="nope")
    cell = bl.RNNCell(2, 3, mode=bm.batching_mode)
    with pytest.raises(LayerInputShapeError, match=r"^RNNCell: expected input of shape \(N, 2\)"):
        cell(np.ones(2, np.float32))
    with pytest.raises(LayerInputShapeError, match=r"expected input of shape \(2,\).*got shape"):
        bl.RNNCell(2, 3)(np.ones(3, np.float32))
    with pytest.raises(LayerModeError, match=r"^RNNCell: reset_state\(batch_size=2\) asks for"):
        bl.RNNCell(2, 3).reset_state(2)


# ----------------------------------------------------------------- Activation, Identity


def test_activation_and_identity(check_modes):
    x = RNG.normal(size=(2, 5)).astype(np.float32)
    check_modes(
        lambda mode: bl.Activation(jax.nn.leaky_relu, mode=mode, negative_slope=0.2),
        x,
        np.where(x > 0, x, 0.2 * x),
        params=False,
    )
    check_modes(lambda mode: bl.Activation("tanh", mode=mode), x, np.tanh(x), params=False)
    check_modes(lambda mode: bl.Identity(mode=mode), x, x, params=False)
    assert repr(bl.Activation(jax.nn.relu)).startswith("Activation(activate_fun=relu")
    with pytest.raises(LayerArgumentTypeError, match=r"^Activation: activation must be a callable"):
        bl.Activation("nope")


# ------------------------------------------------------------- BatchNorm{1,2,3}D spellings


@pytest.mark.parametrize("n", [1, 2, 3])
def test_batch_norm_capital_d_spellings(n):
    alias = getattr(bl, f"BatchNorm{n}D")
    base = getattr(bl, f"BatchNorm{n}d")
    assert issubclass(alias, base) and alias.__module__ == "brainpy_layers"
    x = RNG.normal(size=(4, *(3,) * n, 2)).astype(np.float32)
    bd.share.save(fit=True)
    a, b = alias(2, mode=bm.training_mode), base(2, mode=bm.training_mode)
    np.testing.assert_allclose(a(x), b(x), rtol=1e-6)
    np.testing.assert_allclose(a.running_mean.value, b.running_mean.value, rtol=1e-6)
    with pytest.raises(ValueError, match=rf"^BatchNorm{n}D"):
        alias(2, mode=bm.training_mode)(np.ones((4, 2), np.float32))


# ------------------------------------------------------ None in adaptive pooling targets


@pytest.mark.parametrize(
    ("name", "target", "shape"),
    [
        ("AdaptiveAvgPool1d", (None,), (2, 7, 3)),
        ("AdaptiveAvgPool2d", (None, 5), (2, 9, 7, 3)),
        ("AdaptiveMaxPool2d", (4, None), (2, 9, 7, 3)),
        ("AdaptiveMaxPool3d", (2, None, 3), (2, 5, 4, 7, 3)),
        ("AdaptiveAvgPool3d", (None,), (2, 5, 4, 7, 3)),
    ],
)
def test_adaptive_pool_none_keeps_the_axis(torch, layout, check_modes, name, target, shape):
    x = RNG.normal(size=shape).astype(np.float32)
    full = target * (len(shape) - 2) if len(target) == 1 else target
    if all(t is None for t in full):  # nothing is pooled (torch 1-D pools reject None)
        want = x
    else:
        with torch.no_grad():
            y = getattr(torch.nn, name)(full)(torch.from_numpy(layout.first(x)))
            want = layout.last(y.numpy())
    check_modes(
        lambda mode: getattr(bl, name)(target, mode=mode), x, np.asarray(want), params=False
    )
    assert getattr(bl, name)(target).target_shape == full


def test_adaptive_pool_target_errors():
    with pytest.raises(LayerArgumentError, match=r"^AdaptiveAvgPool2d: target_shape must be"):
        bl.AdaptiveAvgPool2d((None, 2, 3))
    with pytest.raises(LayerArgumentTypeError, match=r"^AdaptiveMaxPool1d: target_shape must be"):
        bl.AdaptiveMaxPool1d(None)

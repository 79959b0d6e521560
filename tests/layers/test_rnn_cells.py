"""LSTMCell against torch.nn.LSTMCell (converted weights); GRUCell against its equations."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_layers as bl
import brainpy_math as bm
from brainpy_layers.errors import LayerInputShapeError, LayerModeError

RNG = np.random.default_rng(3)
MODES = [bm.nonbatching_mode, bm.batching_mode, bm.training_mode]
N_IN, N_OUT, BATCH, STEPS = 3, 4, 2, 3


def _run(cell, xs, state, compiled):
    """Set the state, run the steps; return the h of every step and the final state."""
    cell.state.value = state
    step = bm.jit(cell.update) if compiled else cell
    hs = [np.asarray(step(x)) for x in xs]
    return np.stack(hs), np.asarray(cell.state.value)


def _check_every_mode(make, xs, state0, expected_hs, expected_state):
    for mode in MODES:
        for compiled in (False, True):
            cell = make(mode)
            if isinstance(mode, bm.BatchingMode):
                cell.reset_state(BATCH)
                hs, state = _run(cell, xs, state0, compiled)
                want_hs, want_state = expected_hs, expected_state
            else:
                hs, state = _run(cell, xs[:, 0], state0[0], compiled)
                want_hs, want_state = expected_hs[:, 0], expected_state[0]
            message = f"{mode}, jit={compiled}"
            np.testing.assert_allclose(hs, want_hs, rtol=1e-5, atol=1e-5, err_msg=message)
            np.testing.assert_allclose(state, want_state, rtol=1e-5, atol=1e-5, err_msg=message)
            assert bool(cell.train_vars()) == isinstance(mode, bm.TrainingMode)


def _torch_lstm_to_here(ref, hidden):
    """torch (gates i, f, g, o; no forget bias) → here (gates i, g, f, o; forget bias +1)."""
    perm = np.concatenate([np.arange(hidden) + k * hidden for k in (0, 2, 1, 3)])
    wi = ref.weight_ih.detach().numpy()[perm].T
    wh = ref.weight_hh.detach().numpy()[perm].T
    b = (ref.bias_ih + ref.bias_hh).detach().numpy()[perm]
    b[2 * hidden : 3 * hidden] -= 1.0
    return wi, wh, b


def test_lstm_matches_torch_in_every_mode(torch):
    ref = torch.nn.LSTMCell(N_IN, N_OUT)
    xs = RNG.normal(size=(STEPS, BATCH, N_IN)).astype(np.float32)
    h0 = RNG.normal(size=(BATCH, N_OUT)).astype(np.float32)
    c0 = RNG.normal(size=(BATCH, N_OUT)).astype(np.float32)
    h, c, hs = torch.from_numpy(h0), torch.from_numpy(c0), []
    with torch.no_grad():
        for x in xs:
            h, c = ref(torch.from_numpy(x), (h, c))
            hs.append(h.numpy())
    expected_state = np.concatenate([h.numpy(), c.numpy()], axis=-1)
    wi, wh, b = _torch_lstm_to_here(ref, N_OUT)

    def make(mode):
        return bl.LSTMCell(N_IN, N_OUT, wi, wh, b, mode=mode)

    state0 = np.concatenate([h0, c0], axis=-1)
    _check_every_mode(make, xs, state0, np.stack(hs), expected_state)


def _gru_reference(torch, xs, h, wi, wh, b):
    """BrainPy 2.3.5's GRU equations, written with torch operations."""
    wi, wh, b = (torch.from_numpy(a) for a in (wi, wh, b))
    h, n2, hs = torch.from_numpy(h), 2 * N_OUT, []
    for x in xs:
        x = torch.from_numpy(x)
        zr = torch.sigmoid(x @ wi[:, :n2] + h @ wh[:, :n2] + b[:n2])
        z, r = zr[..., :N_OUT], zr[..., N_OUT:]
        a = torch.tanh(x @ wi[:, n2:] + (r * h) @ wh[:, n2:] + b[n2:])
        h = (1 - z) * h + z * a
        hs.append(h.numpy())
    return np.stack(hs), h.numpy()


def test_gru_follows_its_equations_in_every_mode(torch):
    wi = RNG.normal(size=(N_IN, 3 * N_OUT)).astype(np.float32) * 0.5
    wh = RNG.normal(size=(N_OUT, 3 * N_OUT)).astype(np.float32) * 0.5
    b = RNG.normal(size=(3 * N_OUT,)).astype(np.float32)
    xs = RNG.normal(size=(STEPS, BATCH, N_IN)).astype(np.float32)
    h0 = RNG.normal(size=(BATCH, N_OUT)).astype(np.float32)
    expected_hs, expected_h = _gru_reference(torch, xs, h0, wi, wh, b)

    def make(mode):
        return bl.GRUCell(N_IN, N_OUT, wi, wh, b, mode=mode)

    _check_every_mode(make, xs, h0, expected_hs, expected_h)


def test_state_views_and_reset():
    ones = bd.init.OneInit()
    cell = bl.LSTMCell(2, 3, ones, ones, state_initializer=ones, mode=bm.batching_mode)
    assert cell.state.shape == (1, 6)
    cell.reset_state(4)
    assert cell.state.shape == (4, 6) and cell.state.batch_axis == 0
    cell.h = np.zeros((4, 3), np.float32)
    np.testing.assert_array_equal(cell.state.value, np.repeat([[0, 0, 0, 1, 1, 1]], 4, 0))
    np.testing.assert_array_equal(cell.c, np.ones((4, 3)))
    cell.reset_state(1)  # a state of batch 1 broadcasts to the input's batch
    assert cell(np.ones((5, 2), np.float32)).shape == (5, 3)
    assert cell.state.shape == (5, 6)


def test_train_state():
    ones = bd.init.OneInit()
    cell = bl.GRUCell(2, 3, ones, ones, train_state=True, mode=bm.training_mode)
    assert cell.state2train.shape == (3,)
    assert f"{cell.name}.state2train" in cell.train_vars()
    cell.state2train.value = np.arange(3, dtype=np.float32)
    cell.reset_state(2)
    np.testing.assert_array_equal(cell.state.value, [[0, 1, 2], [0, 1, 2]])
    with pytest.raises(LayerModeError, match=r"^LSTMCell: train_state=True needs TrainingMode"):
        bl.LSTMCell(2, 3, ones, ones, train_state=True, mode=bm.batching_mode)


def test_activation_by_name_or_callable():
    ones = bd.init.OneInit()
    a = bl.GRUCell(2, 3, ones, ones, activation="relu")
    b = bl.GRUCell(2, 3, ones, ones, activation=lambda x: np.maximum(x, 0))
    x = np.ones(2, np.float32)
    np.testing.assert_allclose(a(x), b(x))
    with pytest.raises(TypeError, match=r"^GRUCell: activation must be a callable or one of"):
        bl.GRUCell(2, 3, ones, ones, activation="nope")


def test_errors():
    ones = bd.init.OneInit()
    cell = bl.LSTMCell(2, 3, ones, ones, mode=bm.batching_mode)
    with pytest.raises(LayerInputShapeError, match=r"^LSTMCell: expected input of shape \(N, 2\)"):
        cell(np.ones(2, np.float32))
    cell.reset_state(3)
    with pytest.raises(LayerInputShapeError, match=r"batch size 4 but the state has batch size 3"):
        cell(np.ones((4, 2), np.float32))
    with pytest.raises(LayerModeError, match=r"^GRUCell: reset_state\(batch_size=2\) asks for"):
        bl.GRUCell(2, 3, ones, ones).reset_state(2)

"""Conv{1,2,3}dLSTMCell: 2.3.5's equations (checked with torch convolutions), modes, training."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from jax import lax

import brainpy_dyn as bd
import brainpy_layers as bl
import brainpy_math as bm
from brainpy_layers.errors import LayerArgumentError, LayerInputShapeError, LayerModeError

RNG = np.random.default_rng(4)
CLASSES = {1: bl.Conv1dLSTMCell, 2: bl.Conv2dLSTMCell, 3: bl.Conv3dLSTMCell}
MODES = [bm.nonbatching_mode, bm.batching_mode, bm.training_mode]
CIN, COUT, BATCH, STEPS = 2, 2, 2, 3

# n: (input_shape, kernel, padding, rhs_dilation, groups, torch padding)
CONFIGS = {
    1: ((6,), 3, "SAME", 1, 2, 1),
    2: ((5, 4), (3, 5), "SAME", (2, 1), 1, (2, 2)),
    3: ((3, 4, 3), 3, 1, 1, 1, 1),
}


def _random_params(n, kernel, groups):
    k = (kernel,) * n if isinstance(kernel, int) else kernel
    params = {}
    for part, cin in (("input_to_hidden", CIN), ("hidden_to_hidden", COUT)):
        w = RNG.normal(size=(*k, cin // groups, 4 * COUT)).astype(np.float32) * 0.3
        b = RNG.normal(size=(1,) * n + (4 * COUT,)).astype(np.float32) * 0.3
        params[part] = (w, b)
    return params


def _set_params(cell, params):
    for part, (w, b) in params.items():
        conv = getattr(cell, part)
        conv.w.value = w
        conv.b.value = b


def _torch_reference(torch, n, params, xs, h, c, padding, dilation, groups):
    """2.3.5's equations with ``torch.nn.functional.conv{n}d`` (channels-first inside)."""
    conv = getattr(torch.nn.functional, f"conv{n}d")

    def first(a):
        return torch.from_numpy(np.ascontiguousarray(np.moveaxis(a, -1, 1)))

    def torch_params(part):
        w, b = params[part]
        return torch.from_numpy(np.ascontiguousarray(np.moveaxis(w, (n, n + 1), (1, 0)))), (
            torch.from_numpy(b.reshape(-1))
        )

    (wx, bx), (wh, bh) = torch_params("input_to_hidden"), torch_params("hidden_to_hidden")
    h, c, hs = first(h), first(c), []
    for x in xs:
        gates = conv(first(x), wx, bx, 1, padding, dilation, groups)
        gates = gates + conv(h, wh, bh, 1, padding, dilation, groups)
        i, g, f, o = gates.chunk(4, dim=1)
        c = torch.sigmoid(f + 1) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        hs.append(np.moveaxis(h.numpy(), 1, -1))
    return np.stack(hs), np.moveaxis(c.numpy(), 1, -1)


@pytest.mark.parametrize("n", [1, 2, 3])
def test_equations_in_every_mode_and_jit(torch, n):
    shape, kernel, padding, dilation, groups, torch_padding = CONFIGS[n]
    params = _random_params(n, kernel, groups)
    xs = RNG.normal(size=(STEPS, BATCH, *shape, CIN)).astype(np.float32)
    h0 = RNG.normal(size=(BATCH, *shape, COUT)).astype(np.float32)
    c0 = RNG.normal(size=(BATCH, *shape, COUT)).astype(np.float32)
    expected_hs, expected_c = _torch_reference(
        torch, n, params, xs, h0, c0, torch_padding, dilation, groups
    )
    for mode in MODES:
        for compiled in (False, True):
            cell = CLASSES[n](
                shape,
                CIN,
                COUT,
                kernel,
                padding=padding,
                rhs_dilation=dilation,
                groups=groups,
                mode=mode,
                w_initializer=bd.init.ZeroInit(),
            )
            _set_params(cell, params)
            batching = isinstance(mode, bm.BatchingMode)
            if batching:
                cell.reset_state(BATCH)
            pick = (lambda a: a) if batching else (lambda a: a[:, 0])
            cell.h.value = h0 if batching else h0[0]
            cell.c.value = c0 if batching else c0[0]
            step = bm.jit(cell.update) if compiled else cell
            hs = np.stack([np.asarray(step(x)) for x in pick(xs)])
            message = f"{mode}, jit={compiled}"
            np.testing.assert_allclose(hs, pick(expected_hs), rtol=1e-5, atol=1e-5, err_msg=message)
            want_c = expected_c if batching else expected_c[0]
            np.testing.assert_allclose(cell.c.value, want_c, rtol=1e-5, atol=1e-5, err_msg=message)
            np.testing.assert_array_equal(cell.h.value, hs[-1])


def test_spec_numbers():
    """w=0.1, b=1, 3x3 SAME, 3 input channels, ones input, zero state (2.3.5, verified)."""
    cell = bl.Conv2dLSTMCell(
        (5, 5),
        3,
        2,
        3,
        w_initializer=bd.init.Constant(0.1),
        b_initializer=bd.init.OneInit(),
        mode=bm.training_mode,
    )
    h = np.asarray(cell(np.ones((1, 5, 5, 3), np.float32)))
    np.testing.assert_allclose(cell.c.value[0, 1:4, 1:4], 0.9908226, rtol=1e-6)
    np.testing.assert_allclose(h[0, 1:4, 1:4], 0.7508833, rtol=1e-6)


def test_layout_modes_and_inner_convs():
    zeros = bd.init.ZeroInit()
    cell = bl.Conv2dLSTMCell((4, 5), 3, 2, 3, w_initializer=zeros, mode=bm.training_mode)
    assert cell.input_to_hidden.mode == bm.training_mode == cell.hidden_to_hidden.mode
    assert cell.input_to_hidden.w.shape == (3, 3, 3, 8)
    assert cell.hidden_to_hidden.w.shape == (3, 3, 2, 8)
    assert cell.input_to_hidden.b.shape == (1, 1, 8)
    assert (cell.h.shape, cell.h.batch_axis, cell.state_shape) == ((1, 4, 5, 2), 0, (4, 5, 2))
    assert set(cell.train_vars(method="relative")) == {
        "input_to_hidden.w",
        "input_to_hidden.b",
        "hidden_to_hidden.w",
        "hidden_to_hidden.b",
    }
    assert not any(isinstance(v, bm.TrainVar) for v in (cell.h, cell.c))
    cell.reset_state(6)
    assert cell.h.shape == cell.c.shape == (6, 4, 5, 2)
    # Built under the global mode, the default NonBatching one included.
    plain = bl.Conv1dLSTMCell(7, 1, 2, 3, w_initializer=zeros)
    assert plain.mode == bm.nonbatching_mode == plain.input_to_hidden.mode
    assert plain.h.shape == (7, 2) and plain.h.batch_axis is None
    assert plain(np.ones((7, 1), np.float32)).shape == (7, 2)
    with bm.environment(mode=bm.training_mode):
        trained = bl.Conv3dLSTMCell((2, 2, 2), 1, 2, 1, w_initializer=zeros)
    assert isinstance(trained.hidden_to_hidden.w, bm.TrainVar)
    assert trained(np.ones((3, 2, 2, 2, 1), np.float32)).shape == (3, 2, 2, 2, 2)


def test_jit_round_trip_keeps_the_carry():
    ones = bd.init.Constant(0.05)
    eager = bl.Conv1dLSTMCell(6, 2, 3, 3, w_initializer=ones, mode=bm.batching_mode)
    compiled = bl.Conv1dLSTMCell(6, 2, 3, 3, w_initializer=ones, mode=bm.batching_mode)
    step = bm.jit(compiled.update)
    for t in range(3):
        x = np.full((1, 6, 2), t + 1.0, np.float32)
        np.testing.assert_allclose(step(x), eager(x), rtol=1e-6)
    np.testing.assert_allclose(compiled.c.value, eager.c.value, rtol=1e-6)


def _functional_loss(params, xs, target, h0, c0):
    """The same model written with jax.lax only: scan over time, mean squared error."""
    dn = ("NHWC", "HWIO", "NHWC")

    def conv(x, w, b):
        return lax.conv_general_dilated(x, w, (1, 1), "SAME", dimension_numbers=dn) + b

    def step(carry, x):
        h, c = carry
        gates = conv(x, params["wx"], params["bx"]) + conv(h, params["wh"], params["bh"])
        i, g, f, o = jnp.split(gates, 4, axis=-1)
        c = jax.nn.sigmoid(f + 1.0) * c + jax.nn.sigmoid(i) * jnp.tanh(g)
        h = jax.nn.sigmoid(o) * jnp.tanh(c)
        return (h, c), h

    batch = xs.shape[1]
    h = jnp.broadcast_to(params["h0"], (batch, *h0.shape))
    c = jnp.broadcast_to(params["c0"], (batch, *c0.shape))
    _, hs = lax.scan(step, (h, c), xs)
    return jnp.mean((hs - target) ** 2)


def test_gradients_through_for_loop_equal_jax():
    shape, steps, batch = (5, 4), 4, 2
    xs = RNG.normal(size=(steps, batch, *shape, 2)).astype(np.float32)
    target = RNG.normal(size=(steps, batch, *shape, 3)).astype(np.float32)

    def normal(shape, dtype=None):  # a cheap random initializer (NumPy, no compilation)
        return (RNG.normal(size=shape) * 0.3).astype(np.float32)

    cell = bl.Conv2dLSTMCell(
        shape,
        2,
        3,
        3,
        w_initializer=normal,
        b_initializer=normal,
        state_initializer=normal,
        train_state=True,
        mode=bm.training_mode,
    )
    train_vars = dict(cell.train_vars())

    def loss(xs, target):
        cell.reset_state(batch)
        hs = bm.for_loop(cell, xs)
        return bm.as_jax(((hs - target) ** 2).mean())

    grad_fn = bm.grad(loss, grad_vars=train_vars, return_value=True)
    grads, value = grad_fn(xs, target)
    compiled_grads = bm.jit(lambda xs, t: grad_fn(xs, t)[0])(xs, target)

    ix, hh = cell.input_to_hidden, cell.hidden_to_hidden
    params = {
        "wx": ix.w.value,
        "bx": ix.b.value,
        "wh": hh.w.value,
        "bh": hh.b.value,
        "h0": cell.h_to_train.value,
        "c0": cell.c_to_train.value,
    }
    ref_value, ref_grads = jax.value_and_grad(_functional_loss)(
        params, xs, target, params["h0"], params["c0"]
    )
    names = {
        "wx": f"{ix.name}.w",
        "bx": f"{ix.name}.b",
        "wh": f"{hh.name}.w",
        "bh": f"{hh.name}.b",
        "h0": f"{cell.name}.h_to_train",
        "c0": f"{cell.name}.c_to_train",
    }
    assert set(names.values()) == set(grads)
    np.testing.assert_allclose(value, ref_value, rtol=1e-6)
    for key, name in names.items():
        assert np.isfinite(grads[name]).all() and np.abs(grads[name]).sum() > 0
        np.testing.assert_allclose(grads[name], ref_grads[key], rtol=1e-5, atol=1e-7)
        np.testing.assert_allclose(compiled_grads[name], ref_grads[key], rtol=1e-5, atol=1e-7)


def test_errors():
    zeros = bd.init.ZeroInit()
    with pytest.raises(LayerArgumentError, match=r"^Conv2dLSTMCell: the convolutions must keep"):
        bl.Conv2dLSTMCell((8, 8), 3, 2, 3, stride=2, w_initializer=zeros)
    with pytest.raises(LayerArgumentError, match=r"^Conv2dLSTMCell: out_channels=3 must be div"):
        bl.Conv2dLSTMCell((8, 8), 4, 3, 3, groups=2)
    with pytest.raises(LayerArgumentError, match=r"^Conv3dLSTMCell: input_shape must be .* 3"):
        bl.Conv3dLSTMCell((8, 8), 4, 3, 3)
    with pytest.raises(LayerArgumentError, match=r"^Conv1dLSTMCell: kernel_size must be"):
        bl.Conv1dLSTMCell(8, 4, 3, (3, 3))
    with pytest.raises(LayerModeError, match=r"^Conv1dLSTMCell: train_state=True needs Training"):
        bl.Conv1dLSTMCell(8, 4, 3, 3, train_state=True, w_initializer=zeros)
    cell = bl.Conv2dLSTMCell((4, 4), 3, 2, 3, w_initializer=zeros, mode=bm.batching_mode)
    with pytest.raises(
        LayerInputShapeError, match=r"spatial shape \(4, 4\) .* got shape \(1, 4, 5"
    ):
        cell(np.ones((1, 4, 5, 3), np.float32))
    with pytest.raises(LayerInputShapeError, match=r"^Conv2dLSTMCell: expected input of rank 4"):
        cell(np.ones((4, 4, 3), np.float32))
    cell.reset_state(2)
    with pytest.raises(LayerInputShapeError, match=r"call reset_state\(3\) first"):
        cell(np.ones((3, 4, 4, 3), np.float32))

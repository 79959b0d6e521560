"""ConvTranspose{1,2,3}d: PyTorch's numbers for numeric padding, BrainPy 2.3.5's for SAME/VALID."""

from __future__ import annotations

import numpy as np
import pytest
from jax import lax

import brainpy_dyn as bd
import brainpy_layers as bl
import brainpy_math as bm
from brainpy_layers.errors import LayerArgumentError, LayerInputShapeError

CLASSES = {1: bl.ConvTranspose1d, 2: bl.ConvTranspose2d, 3: bl.ConvTranspose3d}
SPATIAL = {1: (7,), 2: (5, 4), 3: (4, 3, 3)}
DN = {1: ("NWC", "WIO", "NWC"), 2: ("NHWC", "HWIO", "NHWC"), 3: ("NDHWC", "DHWIO", "NDHWC")}
RNG = np.random.default_rng(0)

# (kernel, stride, padding, output_padding, dilation, groups, bias); per-dimension values are
# cut to the layer's rank. Together they cover every option, negative lax padding included
# (padding > dilation * (kernel - 1)).
GRID = [
    ((3, 2, 3), 1, 0, 0, 1, 1, True),
    ((3, 3, 2), (2, 1, 2), 1, (1, 0, 1), 1, 2, False),
    (3, 3, 2, 1, 2, 1, True),
    ((2, 3, 3), 2, 0, 1, 1, 2, True),
    (2, 1, 1, 1, 2, 1, False),
    (2, 2, 2, 0, 1, 1, True),
    (3, 2, [(1, 2), (0, 1), (2, 0)], 1, 1, 2, True),
]


def _cut(value, n):
    return value[:n] if isinstance(value, tuple | list) else value


def _torch_reference(torch, n, x, cin, cout, kernel, stride, padding, op, dilation, groups, bias):
    """PyTorch's output; a per-dimension (lo, hi) crop is applied to an unpadded result."""
    conv = getattr(torch.nn, f"ConvTranspose{n}d")
    crop = None
    if isinstance(padding, list):
        crop, padding = padding, 0
    layer = conv(
        cin,
        cout,
        kernel,
        stride=stride,
        padding=padding,
        output_padding=op,
        dilation=dilation,
        groups=groups,
        bias=bias,
    )
    with torch.no_grad():
        y = layer(torch.from_numpy(np.ascontiguousarray(np.moveaxis(x, -1, 1)))).numpy()
    y = np.moveaxis(y, 1, -1)
    if crop is not None:
        # Crop (lo, hi) from PyTorch's unpadded output; output_padding rows stay at the end.
        index = [slice(None)] + [
            slice(lo, size - hi) for (lo, hi), size in zip(crop, y.shape[1:-1])
        ]
        y = y[tuple(index)]
    w = layer.weight.detach().numpy()
    b = None if layer.bias is None else layer.bias.detach().numpy()
    return y, w, b


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("config", GRID, ids=[f"cfg{i}" for i in range(len(GRID))])
def test_matches_torch(torch, n, config):
    kernel, stride, padding, op, dilation, groups, bias = (_cut(v, n) for v in config)
    cin, cout = 4, 6
    x = RNG.normal(size=(2, *SPATIAL[n], cin)).astype(np.float32)
    expected, torch_w, torch_b = _torch_reference(
        torch, n, x, cin, cout, kernel, stride, padding, op, dilation, groups, bias
    )
    b = None if torch_b is None else torch_b.reshape((1,) * n + (-1,))
    layer = CLASSES[n](
        cin,
        cout,
        kernel,
        stride=stride,
        padding=padding,
        output_padding=op,
        dilation=dilation,
        groups=groups,
        w_initializer=bl.weight_from_torch(torch_w),
        b_initializer=b,
        mode=bm.batching_mode,
    )
    got = np.asarray(layer(x))
    assert got.shape == expected.shape
    assert layer.output_shape(SPATIAL[n]) == expected.shape[1:-1]
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("n", [1, 2, 3])
def test_every_mode_and_jit(torch, check_modes, n):
    cin, cout, kernel, stride, padding, op, dilation, groups = 4, 2, 3, 2, 1, 1, 1, 2
    x = RNG.normal(size=(2, *SPATIAL[n], cin)).astype(np.float32)
    expected, torch_w, torch_b = _torch_reference(
        torch, n, x, cin, cout, kernel, stride, padding, op, dilation, groups, True
    )
    w, b = bl.weight_from_torch(torch_w), torch_b.reshape((1,) * n + (-1,))

    def make(mode):
        return CLASSES[n](
            cin,
            cout,
            kernel,
            stride,
            padding,
            w_initializer=w,
            b_initializer=b,
            mode=mode,
            output_padding=op,
            groups=groups,
        )

    check_modes(make, x, expected)


def test_gradients_match_torch(torch):
    cin, cout = 4, 2
    x = RNG.normal(size=(2, 5, 4, cin)).astype(np.float32)
    r = RNG.normal(size=(2, 10, 8, cout)).astype(np.float32)
    ref = torch.nn.ConvTranspose2d(
        cin, cout, 3, stride=2, padding=2, output_padding=1, dilation=2, groups=2
    )
    xt = torch.from_numpy(np.ascontiguousarray(np.moveaxis(x, -1, 1))).requires_grad_(True)
    (ref(xt) * torch.from_numpy(np.ascontiguousarray(np.moveaxis(r, -1, 1)))).sum().backward()

    layer = bl.ConvTranspose2d(
        cin,
        cout,
        3,
        2,
        2,
        output_padding=1,
        dilation=2,
        groups=2,
        w_initializer=bl.weight_from_torch(ref.weight.detach().numpy()),
        b_initializer=ref.bias.detach().numpy().reshape(1, 1, -1),
        mode=bm.training_mode,
    )
    loss = bm.grad(lambda x: (layer(x) * r).sum(), grad_vars=dict(layer.train_vars()), argnums=0)
    (grads, gx) = loss(x)
    name = layer.name
    np.testing.assert_allclose(gx, np.moveaxis(xt.grad.numpy(), 1, -1), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(
        grads[f"{name}.w"], bl.weight_from_torch(ref.weight.grad.numpy()), rtol=1e-4, atol=1e-4
    )
    np.testing.assert_allclose(
        grads[f"{name}.b"].ravel(), ref.bias.grad.numpy(), rtol=1e-5, atol=1e-5
    )


# ------------------------------------------------------------------ SAME / VALID (2.3.5)
@pytest.mark.parametrize("padding", ["SAME", "VALID"])
@pytest.mark.parametrize(
    "n,kernel,stride,dilation",
    [
        (1, 3, 1, 1),
        (1, 2, 3, 1),
        (1, 4, 2, 1),
        (2, 3, 2, 2),
        (2, 4, 2, 1),
        (3, 2, 3, 1),
        (3, 3, 1, 2),
    ],
)
def test_same_valid_keep_2_3_5(n, padding, kernel, stride, dilation):
    """Sizes follow 2.3.5's formulas and numbers equal ``lax.conv_transpose`` (2.3.5's call)."""
    x = RNG.normal(size=(2, *SPATIAL[n], 3)).astype(np.float32)
    w = RNG.normal(size=(kernel,) * n + (3, 2)).astype(np.float32)
    layer = CLASSES[n](
        3,
        2,
        kernel,
        stride,
        padding,
        w_initializer=w,
        b_initializer=None,
        dilation=dilation,
        mode=bm.batching_mode,
    )
    got = np.asarray(layer(x))
    k = dilation * (kernel - 1) + 1
    sizes = [s * stride + (0 if padding == "SAME" else max(k - stride, 0)) for s in SPATIAL[n]]
    assert got.shape == (2, *sizes, 2)
    expected = lax.conv_transpose(
        x, w, (stride,) * n, padding, rhs_dilation=(dilation,) * n, dimension_numbers=DN[n]
    )
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


def test_reference_numbers_of_2_3_5():
    ones = bd.init.OneInit()
    layer = bl.ConvTranspose1d(
        3, 4, 3, padding="VALID", w_initializer=ones, b_initializer=ones, mode=bm.batching_mode
    )
    y = np.asarray(layer(np.ones((1, 8, 3), np.float32)))
    np.testing.assert_array_equal(y[0], np.repeat([[4, 7, 10, 10, 10, 10, 10, 10, 7, 4]], 4, 0).T)
    same = bl.ConvTranspose1d(
        1, 1, 3, w_initializer=ones, b_initializer=None, mode=bm.batching_mode
    )
    np.testing.assert_array_equal(same(np.ones((1, 3, 1), np.float32))[0, :, 0], [2, 3, 2])
    assert repr(layer) == (
        "ConvTranspose1d(in_channels=3, out_channels=4, kernel_size=(3,), stride=(1,), "
        "padding=VALID)"
    )


def test_3d_is_truly_3d():
    layer = bl.ConvTranspose3d(
        2, 3, (3, 2, 1), stride=(1, 2, 3), mode=bm.batching_mode, w_initializer=bd.init.OneInit()
    )
    assert layer.w.shape == (3, 2, 1, 2, 3)
    assert layer(np.ones((1, 4, 4, 4, 2), np.float32)).shape == (1, 4, 8, 12, 3)


def test_global_mode_and_masks():
    with bm.environment(mode=bm.training_mode):
        layer = bl.ConvTranspose2d(
            2,
            2,
            3,
            mask=np.zeros((3, 3, 1, 1)),
            w_initializer=bd.init.OneInit(),
            b_initializer=None,
        )
    assert isinstance(layer.mode, bm.TrainingMode)
    assert isinstance(layer.w, bm.TrainVar)
    assert not np.asarray(layer(np.ones((1, 4, 4, 2), np.float32))).any()
    default = bl.ConvTranspose2d(2, 2, 3, w_initializer=bd.init.OneInit())
    assert isinstance(default.mode, bm.NonBatchingMode) and not isinstance(default.w, bm.Variable)


# ------------------------------------------------------------------ errors
def test_wrong_input_rank_names_layer_and_shapes():
    zeros = bd.init.ZeroInit()
    layer = bl.ConvTranspose2d(3, 2, 3, w_initializer=zeros, mode=bm.batching_mode)
    with pytest.raises(LayerInputShapeError) as info:
        layer(np.ones((3, 8, 8), np.float32))
    assert str(info.value) == (
        "ConvTranspose2d: expected input of rank 4 (N, H, W, C) in BatchingMode, got shape "
        "(3, 8, 8)."
    )
    with pytest.raises(LayerInputShapeError, match=r"rank 3 \(H, W, C\) in NonBatchingMode"):
        bl.ConvTranspose2d(3, 2, 3, w_initializer=zeros)(np.ones((1, 8, 8, 3), np.float32))
    with pytest.raises(LayerInputShapeError, match=r"expected 3 input channels .* \(8, 8, 4\)"):
        bl.ConvTranspose2d(3, 2, 3, w_initializer=zeros)(np.ones((8, 8, 4), np.float32))
    with pytest.raises(LayerInputShapeError, match="empty output"):
        bl.ConvTranspose1d(1, 1, 2, padding=3, w_initializer=zeros)(np.ones((1, 1), np.float32))


@pytest.mark.parametrize(
    "kwargs,match",
    [
        (dict(kernel_size=(3, 3, 3)), r"kernel_size must be .* 1 or 2 ints .* length 3"),
        (dict(kernel_size=3, stride=(1, 2, 1)), r"stride must be .* 1 or 2 ints"),
        (dict(kernel_size=3, dilation=(1, 1, 1)), r"dilation must be .* 1 or 2 ints"),
        (dict(kernel_size=3, padding=[(1, 1)] * 3), r"padding must hold 1 or 2 \(lo, hi\) pairs"),
        (dict(kernel_size=3, padding="FULL"), r"padding must be 'SAME', 'VALID'"),
        (dict(kernel_size=3, groups=4), r"in_channels=6 must be divisible by groups=4"),
        (dict(kernel_size=3, stride=2, padding=1, output_padding=2), "output_padding must be"),
        (dict(kernel_size=3, stride=2, output_padding=1), "output_padding needs a numeric"),
        (dict(kernel_size=3, mask=np.ones((2, 3))), r"mask must broadcast to the kernel shape"),
        (dict(kernel_size=0), r"kernel_size must be >= 1"),
    ],
)
def test_bad_arguments(kwargs, match):
    with pytest.raises(LayerArgumentError, match=f"^ConvTranspose2d: {match}"):
        bl.ConvTranspose2d(6, 2, mode=bm.batching_mode, **kwargs)


def test_bad_argument_types():
    with pytest.raises(TypeError, match=r"ConvTranspose1d: kernel_size must be an int"):
        bl.ConvTranspose1d(1, 1, 2.5)
    with pytest.raises(TypeError, match=r"ConvTranspose1d: padding must be"):
        bl.ConvTranspose1d(1, 1, 2, padding=1.5)
    with pytest.raises(LayerArgumentError, match="weight_from_torch: expected a weight of rank"):
        bl.weight_from_torch(np.ones((2, 2)))

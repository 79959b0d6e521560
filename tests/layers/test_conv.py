"""Conv{1,2,3}d against torch.nn.Conv{1,2,3}d, and SAME/VALID against the size formulas."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest
from jax import lax

import brainpy_dyn as bd
import brainpy_layers as bl
import brainpy_math as bm
from brainpy_layers.errors import LayerArgumentError, LayerInputShapeError

CLASSES = {1: bl.Conv1d, 2: bl.Conv2d, 3: bl.Conv3d}
SPATIAL = {1: (9,), 2: (7, 6), 3: (5, 4, 5)}
RNG = np.random.default_rng(1)

# (kernel, stride, padding, dilation, groups, bias), cut to the layer's rank.
GRID = [
    ((3, 2, 3), 1, 0, 1, 1, True),
    (3, (2, 1, 2), 1, 1, 2, False),
    ((2, 3, 3), 2, 2, 2, 1, True),
    (3, 1, [(0, 2), (1, 0), (2, 1)], (2, 1, 1), 2, True),
    (1, 3, (1, 2), 1, 1, False),
]


def _cut(value, n):
    """Per-dimension values (3-tuples, lists of pairs) cut to ``n``; pairs and ints kept."""
    if isinstance(value, list) or (isinstance(value, tuple) and len(value) == 3):
        return value[:n]
    return value


def _torch_conv(torch, n, x, w_torch, b_torch, stride, padding, dilation, groups):
    """``torch.nn.functional.conv{n}d`` on channels-last data, with (lo, hi) pairs padded first."""
    xt = torch.from_numpy(np.ascontiguousarray(np.moveaxis(x, -1, 1)))
    if not isinstance(padding, int):
        pairs = [padding] * n if isinstance(padding, tuple) else padding
        flat = [v for pair in reversed(pairs) for v in pair]  # F.pad starts at the last axis
        xt, padding = torch.nn.functional.pad(xt, flat), 0
    conv = getattr(torch.nn.functional, f"conv{n}d")
    bias = None if b_torch is None else torch.from_numpy(b_torch)
    y = conv(xt, torch.from_numpy(w_torch), bias, stride, padding, dilation, groups)
    return np.moveaxis(y.numpy(), 1, -1)


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("config", GRID, ids=[f"cfg{i}" for i in range(len(GRID))])
def test_matches_torch(torch, n, config):
    kernel, stride, padding, dilation, groups, bias = (_cut(v, n) for v in config)
    cin, cout = 4, 6
    k = (kernel,) * n if isinstance(kernel, int) else kernel
    x = RNG.normal(size=(2, *SPATIAL[n], cin)).astype(np.float32)
    w_torch = RNG.normal(size=(cout, cin // groups, *k)).astype(np.float32)
    b_torch = RNG.normal(size=(cout,)).astype(np.float32) if bias else None
    expected = _torch_conv(torch, n, x, w_torch, b_torch, stride, padding, dilation, groups)
    w = np.transpose(w_torch, (*range(2, n + 2), 1, 0))
    b = None if b_torch is None else b_torch.reshape((1,) * n + (-1,))
    layer = CLASSES[n](
        cin,
        cout,
        kernel,
        stride,
        padding=padding,
        rhs_dilation=dilation,
        groups=groups,
        w_initializer=w,
        b_initializer=b,
        mode=bm.batching_mode,
    )
    got = np.asarray(layer(x))
    assert got.shape == expected.shape
    assert layer.output_shape(SPATIAL[n]) == expected.shape[1:-1]
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("n", [1, 2, 3])
def test_every_mode_and_jit(torch, check_modes, n):
    cin, cout, groups = 4, 2, 2
    x = RNG.normal(size=(2, *SPATIAL[n], cin)).astype(np.float32)
    w_torch = RNG.normal(size=(cout, cin // groups, *(3,) * n)).astype(np.float32)
    b_torch = RNG.normal(size=(cout,)).astype(np.float32)
    expected = _torch_conv(torch, n, x, w_torch, b_torch, 2, 1, 1, groups)
    w = np.transpose(w_torch, (*range(2, n + 2), 1, 0))

    def make(mode):
        return CLASSES[n](
            cin,
            cout,
            3,
            2,
            padding=1,
            groups=groups,
            w_initializer=w,
            b_initializer=b_torch.reshape((1,) * n + (-1,)),
            mode=mode,
        )

    check_modes(make, x, expected)


@pytest.mark.parametrize("padding", ["SAME", "VALID"])
@pytest.mark.parametrize(
    "n,kernel,stride,lhs,rhs", [(1, 3, 2, 1, 1), (1, 4, 1, 2, 1), (2, 2, 3, 1, 2), (3, 3, 2, 2, 1)]
)
def test_same_valid_sizes_follow_the_formulas(n, padding, kernel, stride, lhs, rhs):
    x = RNG.normal(size=(1, *SPATIAL[n], 2)).astype(np.float32)
    w = RNG.normal(size=(kernel,) * n + (2, 3)).astype(np.float32)
    layer = CLASSES[n](
        2,
        3,
        kernel,
        stride,
        padding=padding,
        lhs_dilation=lhs,
        rhs_dilation=rhs,
        w_initializer=w,
        b_initializer=None,
        mode=bm.batching_mode,
    )
    got = np.asarray(layer(x))
    sizes = []
    for size in SPATIAL[n]:
        dilated, k = (size - 1) * lhs + 1, (kernel - 1) * rhs + 1
        if padding == "SAME":
            sizes.append(math.ceil(dilated / stride))
        else:
            sizes.append(math.ceil((dilated - k + 1) / stride))
    assert got.shape == (1, *sizes, 3)
    assert layer.output_shape(SPATIAL[n]) == tuple(sizes)
    dn = {1: "NWC", 2: "NHWC", 3: "NDHWC"}[n]
    # Reference: dilate the input by hand, then let lax apply the string padding to it.
    dilated = np.zeros((1, *((s - 1) * lhs + 1 for s in SPATIAL[n]), 2), np.float32)
    dilated[(slice(None), *(slice(None, None, lhs),) * n)] = x
    expected = lax.conv_general_dilated(
        dilated,
        w,
        (stride,) * n,
        padding,
        rhs_dilation=(rhs,) * n,
        dimension_numbers=(dn, dn[1:-1] + "IO", dn),
    )
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


def test_same_equals_torch_same_at_stride_one(torch):
    x = RNG.normal(size=(1, 7, 6, 2)).astype(np.float32)
    w_torch = RNG.normal(size=(3, 2, 3, 5)).astype(np.float32)
    expected = torch.nn.functional.conv2d(
        torch.from_numpy(np.ascontiguousarray(np.moveaxis(x, -1, 1))),
        torch.from_numpy(w_torch),
        padding="same",
    ).numpy()
    layer = bl.Conv2d(
        2,
        3,
        (3, 5),
        w_initializer=np.transpose(w_torch, (2, 3, 1, 0)),
        b_initializer=None,
        mode=bm.batching_mode,
    )
    np.testing.assert_allclose(layer(x), np.moveaxis(expected, 1, -1), rtol=1e-5, atol=1e-5)


def test_strides_is_a_deprecated_alias():
    ones = bd.init.OneInit()
    with pytest.warns(DeprecationWarning, match="Conv2d: strides is deprecated; use stride"):
        layer = bl.Conv2d(1, 1, 3, strides=2, w_initializer=ones)
    assert layer.stride == (2, 2)
    with pytest.raises(LayerArgumentError, match="Conv2d: give stride or its deprecated alias"):
        bl.Conv2d(1, 1, 3, stride=2, strides=2, w_initializer=ones)


def test_mask_multiplies_the_kernel():
    mask = np.zeros((3, 1, 1), np.float32)
    mask[1] = 1.0
    layer = bl.Conv1d(1, 1, 3, mask=mask, w_initializer=bd.init.OneInit(), b_initializer=None)
    x = np.arange(5, dtype=np.float32)[:, None]
    np.testing.assert_array_equal(layer(x)[:, 0], np.arange(5))


def test_global_mode():
    ones = bd.init.OneInit()
    assert isinstance(bl.Conv1d(1, 1, 3, w_initializer=ones).mode, bm.NonBatchingMode)
    with bm.training_environment():
        layer = bl.Conv3d(1, 2, 1, w_initializer=ones)
    assert isinstance(layer.w, bm.TrainVar) and isinstance(layer.b, bm.TrainVar)
    assert layer(np.ones((2, 3, 3, 3, 1), np.float32)).shape == (2, 3, 3, 3, 2)
    assert set(layer.train_vars(method="relative")) == {"w", "b"}


def test_errors():
    ones = bd.init.OneInit()
    with pytest.raises(LayerInputShapeError, match=r"^Conv1d: expected input of rank 2 \(W, C\)"):
        bl.Conv1d(2, 2, 3, w_initializer=ones)(np.ones((4, 5, 2), np.float32))
    with pytest.raises(LayerInputShapeError, match=r"^Conv3d: expected 2 input channels"):
        bl.Conv3d(2, 2, 1, w_initializer=ones, mode=bm.batching_mode)(np.ones((1, 2, 2, 2, 3)))
    with pytest.raises(LayerArgumentError, match=r"^Conv2d: out_channels=3 must be divisible"):
        bl.Conv2d(2, 3, 3, groups=2)
    with pytest.raises(LayerArgumentError, match=r"^Conv2d: kernel_size must be .* length 3"):
        bl.Conv2d(2, 2, (3, 3, 3))
    with pytest.raises(LayerArgumentError, match=r"^Conv3d: rhs_dilation must be .* length 2"):
        bl.Conv3d(2, 2, 3, rhs_dilation=(1, 2))
    with pytest.raises(LayerArgumentError, match=r"^Conv1d: padding must be >= 0"):
        bl.Conv1d(2, 2, 3, padding=-1)
    with pytest.raises(LayerArgumentError, match=r"^Conv1d: w_initializer has shape \(3, 2, 3\)"):
        bl.Conv1d(2, 2, 3, w_initializer=np.ones((3, 2, 3)))


def test_strides_is_the_fifth_parameter_as_in_2_3_5():
    params = list(inspect.signature(bl.Conv2D).parameters)
    assert params[3:6] == ["stride", "strides", "padding"]
    ones = bd.init.OneInit()
    with pytest.warns(DeprecationWarning, match="strides is deprecated"):
        layer = bl.Conv2D(1, 1, 3, None, 2, "VALID", w_initializer=ones, b_initializer=None)
    assert layer.stride == (2, 2)
    # a 7x7 image of ones, 3x3 window of ones, stride 2, VALID: 3x3 outputs of 9
    np.testing.assert_allclose(layer(np.ones((7, 7, 1), np.float32)), np.full((3, 3, 1), 9.0))
    assert bl.Conv1D(1, 1, 3, 2, w_initializer=ones).stride == (2,)
    with pytest.raises(LayerArgumentError, match="give padding by keyword"):
        bl.Conv2D(1, 1, 3, 1, "SAME")

"""Pooling layers: PyTorch's numbers for numeric padding and adaptive bins, a NumPy reference
written from the definition for BrainPy 2.3.5's 'SAME' padding, asymmetric padding and the
generic ``MaxPool``/``MinPool``/``AvgPool`` (which PyTorch has no counterpart for)."""

from __future__ import annotations

import inspect
import math

import jax
import numpy as np
import pytest

import brainpy_layers as bl
import brainpy_math as bm
from brainpy_layers.errors import LayerArgumentError, LayerArgumentTypeError, LayerInputShapeError

RNG = np.random.default_rng(0)
SPATIAL = {1: (11,), 2: (7, 9), 3: (5, 6, 7)}
MAX = {1: bl.MaxPool1d, 2: bl.MaxPool2d, 3: bl.MaxPool3d}
AVG = {1: bl.AvgPool1d, 2: bl.AvgPool2d, 3: bl.AvgPool3d}
ADAPTIVE = {
    ("avg", 1): bl.AdaptiveAvgPool1d,
    ("avg", 2): bl.AdaptiveAvgPool2d,
    ("avg", 3): bl.AdaptiveAvgPool3d,
    ("max", 1): bl.AdaptiveMaxPool1d,
    ("max", 2): bl.AdaptiveMaxPool2d,
    ("max", 3): bl.AdaptiveMaxPool3d,
}


def _data(*shape):
    return RNG.normal(size=shape).astype(np.float32)


def _cut(value, n):
    return tuple(value[:n]) if isinstance(value, tuple) else value


def same_pads(size, kernel, stride):
    """'SAME' from its definition: ceil(size / stride) outputs, the odd padded row at the end."""
    total = max((math.ceil(size / stride) - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def np_pool(x, axes, kernel, stride, pads, kind):
    """Reference pooling: ``kind`` ('max', 'min', 'avg') of the input elements under each window.

    ``axes`` are the pooled axes of ``x``; ``kernel``, ``stride``, ``pads`` give one entry per
    pooled axis. Padded positions hold NaN and are ignored, so averages count input elements.
    """
    widths = [(0, 0)] * x.ndim
    for axis, pad in zip(axes, pads):
        widths[axis] = pad
    xp = np.pad(x.astype(np.float64), widths, constant_values=np.nan)
    counts = [(xp.shape[a] - k) // s + 1 for a, k, s in zip(axes, kernel, stride)]
    out_shape = list(x.shape)
    for axis, count in zip(axes, counts):
        out_shape[axis] = count
    out = np.empty(out_shape)
    reduce = {"max": np.nanmax, "min": np.nanmin, "avg": np.nanmean}[kind]
    for index in np.ndindex(*counts):
        window = [slice(None)] * x.ndim
        target = [slice(None)] * x.ndim
        for axis, i, k, s in zip(axes, index, kernel, stride):
            window[axis] = slice(i * s, i * s + k)
            target[axis] = i
        out[tuple(target)] = reduce(xp[tuple(window)], axis=tuple(axes))
    return out


def _torch_pool(torch, kind, n, x, kernel, stride, padding):
    """PyTorch on channels-last ``x`` (moved to channels-first and back)."""
    xt = torch.from_numpy(np.ascontiguousarray(np.moveaxis(x, -1, 1)))
    if kind == "max":
        y = getattr(torch.nn.functional, f"max_pool{n}d")(xt, kernel, stride, padding)
    else:
        y = getattr(torch.nn.functional, f"avg_pool{n}d")(
            xt, kernel, stride, padding, count_include_pad=False
        )
    return np.moveaxis(y.numpy(), 1, -1)


# (kernel, stride, padding) with per-dimension values cut to the layer's rank; PyTorch
# requires padding <= kernel / 2.
TORCH_GRID = [
    (2, None, 0),
    (3, 1, 1),
    (3, 2, 1),
    ((3, 2, 4), (2, 1, 3), (1, 0, 2)),
    ((2, 4, 3), 3, (0, 2, 1)),
    (4, (1, 3, 2), 2),
]


@pytest.mark.parametrize("kind", ["max", "avg"])
@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("config", TORCH_GRID, ids=[f"cfg{i}" for i in range(len(TORCH_GRID))])
def test_numeric_padding_matches_torch(torch, kind, n, config):
    kernel, stride, padding = (_cut(v, n) for v in config)
    if kind == "avg" and stride is None:
        stride = kernel  # AvgPool's default stride is 1; PyTorch's is kernel_size
    x = _data(3, *SPATIAL[n], 4)
    expected = _torch_pool(torch, kind, n, x, kernel, stride, padding)
    layer = (MAX if kind == "max" else AVG)[n](
        kernel, stride=stride, padding=padding, mode=bm.batching_mode
    )
    got = np.asarray(layer(x))
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-6)
    # the same layer pools one unbatched example (*spatial, C) the same way
    np.testing.assert_allclose(np.asarray(layer(x[0])), expected[0], rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("kind", ["max", "avg"])
@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize(
    "config",
    [(3, 1), (3, 2), ((2, 3, 4), (2, 2, 3)), (4, 3), (1, 2)],
    ids=["k3s1", "k3s2", "mixed", "k4s3", "k1s2"],
)
def test_same_padding_matches_numpy_reference(kind, n, config):
    """'SAME' is 2.3.5's (lax's) padding, which PyTorch has no form for."""
    kernel, stride = (_cut(v, n) for v in config)
    x = _data(2, *SPATIAL[n], 3)
    layer = (MAX if kind == "max" else AVG)[n](kernel, stride=stride, padding="same")
    ks, ss = (layer.kernel_size, layer.stride)
    pads = [same_pads(size, k, s) for size, k, s in zip(SPATIAL[n], ks, ss)]
    expected = np_pool(x, list(range(1, n + 1)), ks, ss, pads, kind)
    got = np.asarray(layer(x))
    assert got.shape == expected.shape
    assert got.shape[1:-1] == tuple(math.ceil(s / t) for s, t in zip(SPATIAL[n], ss))
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("kind", ["max", "avg"])
def test_asymmetric_pairs_and_valid_match_numpy_reference(kind):
    x = _data(2, 8, 7, 3)
    cls = MAX[2] if kind == "max" else AVG[2]
    pads = [(2, 0), (1, 2)]
    layer = cls((3, 3), stride=(2, 1), padding=pads)
    expected = np_pool(x, [1, 2], (3, 3), (2, 1), pads, kind)
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-6, atol=1e-6)
    layer = cls((3, 2), stride=2, padding="VALID")
    expected = np_pool(x, [1, 2], (3, 2), (2, 2), [(0, 0), (0, 0)], kind)
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-6, atol=1e-6)


def test_channel_axis_options():
    x = _data(5, 8, 6)  # (C, H, W): channels first, one example
    expected = np_pool(x, [1, 2], (2, 2), (2, 2), [(0, 0)] * 2, "max")
    np.testing.assert_allclose(np.asarray(bl.MaxPool2d(2, channel_axis=0)(x)), expected)
    expected = np_pool(x, [1, 2], (2, 2), (2, 2), [(0, 0)] * 2, "avg")
    got = np.asarray(bl.AvgPool2d(2, 2, channel_axis=-3)(x))
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-6)
    # channel_axis=None: the last n axes are pooled; leading axes are kept
    got = np.asarray(bl.MaxPool1d(3, channel_axis=None)(x))
    np.testing.assert_allclose(got, np_pool(x, [2], (3,), (3,), [(0, 0)], "max"))


def test_defaults_of_stride():
    x = _data(1, 8, 1)
    assert bl.MaxPool1d(2)(x).shape == (1, 4, 1)  # stride = kernel_size
    assert bl.AvgPool1d(2)(x).shape == (1, 7, 1)  # stride = 1 (2.3.5's default)
    assert bl.MaxPool(2)(x[0, :, 0]).shape == (7,)  # stride = 1


# -- the generic MaxPool, MinPool, AvgPool --------------------------------------------------


@pytest.mark.parametrize("kind", ["max", "min", "avg"])
def test_generic_pool_matches_numpy_reference(kind):
    cls = {"max": bl.MaxPool, "min": bl.MinPool, "avg": bl.AvgPool}[kind]
    x = _data(2, 7, 6, 3)
    # batching, channel axis named: the window spans H and W
    layer = cls((3, 2), stride=(2, 1), padding="SAME", channel_axis=-1, mode=bm.batching_mode)
    pads = [same_pads(7, 3, 2), same_pads(6, 2, 1)]
    expected = np_pool(x, [1, 2], (3, 2), (2, 1), pads, kind)
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-6, atol=1e-6)
    # batching, channel_axis=None and an int kernel: the channels are pooled too
    layer = cls(2, mode=bm.batching_mode)
    expected = np_pool(x, [1, 2, 3], (2, 2, 2), (1, 1, 1), [(0, 0)] * 3, kind)
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-6, atol=1e-6)
    # non-batching, explicit pairs per pooled axis
    layer = cls(3, stride=2, padding=[(1, 1), (0, 2)], channel_axis=-1)
    expected = np_pool(x[0], [0, 1], (3, 3), (2, 2), [(1, 1), (0, 2)], kind)
    np.testing.assert_allclose(np.asarray(layer(x[0])), expected, rtol=1e-6, atol=1e-6)
    # a window over every input axis, given in full
    layer = cls((1, 2, 3, 1), stride=(1, 2, 1, 1), mode=bm.batching_mode)
    expected = np_pool(x, [0, 1, 2, 3], (1, 2, 3, 1), (1, 2, 1, 1), [(0, 0)] * 4, kind)
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-6, atol=1e-6)


def test_integer_input():
    x = np.arange(12, dtype=np.int32).reshape(1, 12, 1)
    assert np.asarray(bl.MaxPool1d(3, padding=1)(x)).dtype == np.int32
    np.testing.assert_array_equal(bl.MinPool(4, 4)(x[0, :, 0]), [0, 4, 8])
    np.testing.assert_allclose(bl.AvgPool1d(4, 4)(x)[0, :, 0], [1.5, 5.5, 9.5])


# -- adaptive pooling -----------------------------------------------------------------------

ADAPTIVE_GRID = {
    1: [(13,), 4, 13, 1, 20],
    2: [(10, 7), (4, 3), (10, 7), (3, 10), 1],
    3: [(7, 5, 6), (3, 2, 4), 2, (8, 5, 1)],
}


def _adaptive_cases():
    for n, (spatial, *targets) in ADAPTIVE_GRID.items():
        for kind in ("avg", "max"):
            for target in targets:
                yield pytest.param(n, kind, spatial, target, id=f"{kind}{n}d-{target}")


@pytest.mark.parametrize(("n", "kind", "spatial", "target"), list(_adaptive_cases()))
def test_adaptive_matches_torch(torch, n, kind, spatial, target):
    """Sizes that the target does not divide, and targets larger than the input."""
    x = _data(2, *spatial, 3)
    fn = getattr(torch.nn.functional, f"adaptive_{kind}_pool{n}d")
    expected = np.moveaxis(
        fn(torch.from_numpy(np.moveaxis(x, -1, 1).copy()), target).numpy(), 1, -1
    )
    layer = ADAPTIVE[(kind, n)](target)
    got = np.asarray(layer(x))
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(np.asarray(layer(x[0])), expected[0], rtol=1e-6, atol=1e-6)


def test_adaptive_channel_axis_zero_is_channels_first(torch):
    """``channel_axis=0`` on ``(C, H, W)`` pools H and W (2.3.5 ignored a zero channel axis)."""
    x = _data(4, 9, 11)
    expected = torch.nn.functional.adaptive_max_pool2d(torch.from_numpy(x)[None], (4, 5))[0]
    got = bl.AdaptiveMaxPool2d((4, 5), channel_axis=0)(x)
    np.testing.assert_allclose(np.asarray(got), expected.numpy())


def test_adaptive_bins_from_definition():
    from brainpy_layers._src.adaptive_pooling import adaptive_bins

    for size in range(1, 12):
        for target in range(1, 15):
            bins = adaptive_bins(size, target)
            assert len(bins) == target
            for i, (start, stop) in enumerate(bins):
                assert start == math.floor(i * size / target)
                assert stop == math.ceil((i + 1) * size / target)
                assert 0 <= start < stop <= size


# -- modes, jit, gradients ------------------------------------------------------------------

MODE_CASES = {
    "MaxPool2d": lambda mode: bl.MaxPool2d(3, 2, padding=1, mode=mode),
    "AvgPool3d": lambda mode: bl.AvgPool3d(2, 1, padding="SAME", mode=mode),
    "AdaptiveAvgPool1d": lambda mode: bl.AdaptiveAvgPool1d(4, mode=mode),
    "MaxPool": lambda mode: bl.MaxPool(2, 2, channel_axis=-1, mode=mode),
}


@pytest.mark.parametrize("name", list(MODE_CASES))
def test_every_mode_and_jit(check_modes, name):
    make = MODE_CASES[name]
    n = {"MaxPool2d": 2, "AvgPool3d": 3, "AdaptiveAvgPool1d": 1, "MaxPool": 2}[name]
    x = _data(2, *SPATIAL[n], 3)
    expected = np.asarray(make(bm.batching_mode)(x))
    check_modes(make, x, expected, params=False)


@pytest.mark.parametrize("kind", ["max", "avg", "adaptive"])
def test_gradient_matches_torch(torch, kind):
    x = _data(2, 7, 8, 3)
    r = _data(*(2, 4, 4, 3) if kind != "adaptive" else (2, 3, 5, 3))
    xt = torch.from_numpy(np.moveaxis(x, -1, 1).copy()).requires_grad_(True)
    if kind == "max":
        layer = bl.MaxPool2d(3, 2, padding=1)
        yt = torch.nn.functional.max_pool2d(xt, 3, 2, 1)
    elif kind == "avg":
        layer = bl.AvgPool2d(3, 2, padding=1)
        yt = torch.nn.functional.avg_pool2d(xt, 3, 2, 1, count_include_pad=False)
    else:
        layer = bl.AdaptiveAvgPool2d((3, 5))
        yt = torch.nn.functional.adaptive_avg_pool2d(xt, (3, 5))
    (yt * torch.from_numpy(np.moveaxis(r, -1, 1).copy())).sum().backward()
    expected = np.moveaxis(xt.grad.numpy(), 1, -1)
    got = jax.grad(lambda v: (layer(v) * r).sum())(x)
    np.testing.assert_allclose(np.asarray(got), expected, rtol=1e-5, atol=1e-6)
    got = bm.jit(jax.grad(lambda v: (layer(v) * r).sum()))(x)
    np.testing.assert_allclose(np.asarray(got), expected, rtol=1e-5, atol=1e-6)


# -- signatures and errors ------------------------------------------------------------------

SIGNATURES = {
    bl.MaxPool: [
        ("kernel_size", inspect.Parameter.empty),
        ("stride", 1),
        ("padding", "VALID"),
        ("channel_axis", None),
        ("mode", None),
        ("name", None),
    ],
    bl.MaxPool2d: [
        ("kernel_size", inspect.Parameter.empty),
        ("stride", None),
        ("padding", "VALID"),
        ("channel_axis", -1),
        ("mode", None),
        ("name", None),
    ],
    bl.AvgPool3d: [
        ("kernel_size", inspect.Parameter.empty),
        ("stride", 1),
        ("padding", "VALID"),
        ("channel_axis", -1),
        ("mode", None),
        ("name", None),
    ],
    bl.AdaptiveMaxPool1d: [
        ("target_shape", inspect.Parameter.empty),
        ("channel_axis", -1),
        ("name", None),
        ("mode", None),
    ],
}


@pytest.mark.parametrize("cls", list(SIGNATURES), ids=lambda c: c.__name__)
def test_signature_is_brainpy_235(cls):
    params = list(inspect.signature(cls).parameters.values())
    assert [(p.name, p.default) for p in params] == SIGNATURES[cls]


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (lambda: bl.MaxPool2d(2.0), LayerArgumentTypeError, "kernel_size"),
        (lambda: bl.MaxPool2d((2, 2, 2)), LayerArgumentError, "kernel_size"),
        (lambda: bl.AvgPool1d(3, padding="full"), LayerArgumentError, "padding"),
        (lambda: bl.AvgPool2d(3, padding=(1, 1, 1)), LayerArgumentError, "padding"),
        (lambda: bl.MaxPool1d(2, channel_axis=1.0), LayerArgumentTypeError, "channel_axis"),
        (lambda: bl.MaxPool(0), LayerArgumentError, "kernel_size"),
        (lambda: bl.AvgPool(2, padding=[1, 1]), LayerArgumentTypeError, "padding"),
        (lambda: bl.AdaptiveAvgPool2d((2, 2, 2)), LayerArgumentError, "target_shape"),
        (lambda: bl.AdaptiveAvgPool2d(0), LayerArgumentError, "target_shape"),
    ],
)
def test_bad_arguments(make, error, match):
    with pytest.raises(error, match=match):
        make()


@pytest.mark.parametrize("cls", [bl.MaxPool2d, bl.AvgPool2d])
def test_padding_as_wide_as_the_window_pads(cls):
    """2.3.5 pads by any amount; windows that cover no input element give 0."""
    x = np.arange(2 * 4 * 6 * 3, dtype=np.float32).reshape(2, 4, 6, 3) + 1.0
    out = np.asarray(cls(2, 2, channel_axis=-1, padding=(2, 1))(x))
    assert out.shape == (2, 4, 4, 3)  # (4 + 2*2 - 2) // 2 + 1, (6 + 2 - 2) // 2 + 1
    padded = np.full((2, 8, 8, 3), np.nan, np.float32)
    padded[:, 2:6, 1:7] = x
    windows = padded.reshape(2, 4, 2, 4, 2, 3)
    if cls is bl.MaxPool2d:
        expected = np.nanmax(np.where(np.isnan(windows), -np.inf, windows), axis=(2, 4))
    else:
        counts = (~np.isnan(windows)).sum(axis=(2, 4))
        expected = np.nansum(windows, axis=(2, 4)) / np.maximum(counts, 1)
    expected = np.where(np.isfinite(expected), expected, 0.0)
    np.testing.assert_allclose(out, expected, rtol=1e-6)
    assert (out[:, 0] == 0).all() and (out[:, -1] == 0).all()  # rows of padding only


def test_bad_inputs():
    with pytest.raises(LayerInputShapeError, match=r"rank >= 3"):
        bl.MaxPool2d(2)(np.ones((4, 3)))
    with pytest.raises(LayerInputShapeError, match=r"channel_axis=4"):
        bl.AdaptiveMaxPool1d(2, channel_axis=4)(np.ones((4, 3)))
    with pytest.raises(LayerInputShapeError, match=r"kernel_size has 2 entries"):
        bl.MaxPool((2, 2), mode=bm.batching_mode)(np.ones((2, 4, 4, 4)))
    with pytest.raises(LayerInputShapeError, match=r"batch axis"):
        bl.MaxPool(2, channel_axis=0, mode=bm.batching_mode)(np.ones((2, 4, 4)))

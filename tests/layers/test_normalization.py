"""Normalization layers against PyTorch: BatchNorm (fit and eval, running statistics with the
momentum convention converted), LayerNorm, GroupNorm, InstanceNorm, with and without affine
parameters, under bm.jit, and gradients."""

from __future__ import annotations

import inspect

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_dyn as bd
import brainpy_layers as bl
import brainpy_math as bm
from brainpy_layers.errors import LayerArgumentError, LayerArgumentTypeError, LayerInputShapeError

RNG = np.random.default_rng(1)
SPATIAL = {1: (6,), 2: (4, 5), 3: (3, 4, 2)}
BN = {1: bl.BatchNorm1d, 2: bl.BatchNorm2d, 3: bl.BatchNorm3d}


def _data(*shape, loc=0.0, scale=1.0):
    return (loc + scale * RNG.normal(size=shape)).astype(np.float32)


def _first(x):
    return np.ascontiguousarray(np.moveaxis(x, -1, 1))


def _last(y):
    return np.moveaxis(y, 1, -1)


def _affine(torch, torch_layer, shape):
    """Random affine parameters written into ``torch_layer``; returned as (scale, bias)."""
    scale, bias = _data(*shape, loc=1.0, scale=0.5), _data(*shape)
    with torch.no_grad():
        torch_layer.weight.copy_(torch.from_numpy(scale))
        torch_layer.bias.copy_(torch.from_numpy(bias))
    return scale, bias


# -- BatchNorm ------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("affine", [True, False])
@pytest.mark.parametrize("momentum", [0.99, 0.7])
def test_batchnorm_fit_matches_torch(torch, n, affine, momentum):
    c, eps = 3, 1e-3
    ref = getattr(torch.nn, f"BatchNorm{n}d")(c, eps=eps, momentum=1 - momentum, affine=affine)
    ref.train()
    kwargs = {}
    if affine:
        scale, bias = _affine(torch, ref, (c,))
        kwargs = dict(scale_initializer=scale, bias_initializer=bias)
    layer = BN[n](c, epsilon=eps, momentum=momentum, affine=affine, mode=bm.training_mode, **kwargs)
    bd.share.save(fit=True)
    want_var = np.ones(c)
    for step in range(3):
        x = _data(4, *SPATIAL[n], c, loc=step, scale=1 + step)
        xt = torch.from_numpy(_first(x))
        with torch.no_grad():
            expected = _last(ref(xt).numpy())
        np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-4, atol=1e-5)
        # running mean: PyTorch's with momentum 1 - m
        np.testing.assert_allclose(
            np.asarray(layer.running_mean.value), ref.running_mean.numpy(), rtol=1e-5, atol=1e-6
        )
        # running var: the same rule, but on the biased batch variance (PyTorch: unbiased)
        dims = [0] + list(range(2, n + 2))
        biased = xt.var(dim=dims, unbiased=False).numpy()
        want_var = momentum * want_var + (1 - momentum) * biased
        np.testing.assert_allclose(
            np.asarray(layer.running_var.value), want_var, rtol=1e-5, atol=1e-6
        )


def test_batchnorm_momentum_conversion_against_torch_running_var(torch):
    """One step from running_var=1: ours = m + (1-m)·biased; PyTorch = m + (1-m)·unbiased."""
    x = _data(5, 7, 2)
    ref = torch.nn.BatchNorm1d(2, momentum=0.25)
    ref(torch.from_numpy(_first(x)))
    layer = bl.BatchNorm1d(2, momentum=0.75, mode=bm.batching_mode)
    bd.share.save(fit=True)
    layer(x)
    n = 5 * 7
    unbiased_part = (ref.running_var.numpy() - 0.75) * (n - 1) / n
    np.testing.assert_allclose(np.asarray(layer.running_var.value) - 0.75, unbiased_part, rtol=1e-5)


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("affine", [True, False])
def test_batchnorm_eval_uses_given_running_stats(torch, check_modes, n, affine):
    c = 4
    ref = getattr(torch.nn, f"BatchNorm{n}d")(c, eps=1e-5, affine=affine).eval()
    mean, var = _data(c), _data(c, loc=2.0, scale=0.3) ** 2
    ref.running_mean.copy_(torch.from_numpy(mean))
    ref.running_var.copy_(torch.from_numpy(var))
    kwargs = {}
    if affine:
        scale, bias = _affine(torch, ref, (c,))
        kwargs = dict(scale_initializer=scale, bias_initializer=bias)
    x = _data(3, *SPATIAL[n], c)
    with torch.no_grad():
        expected = _last(ref(torch.from_numpy(_first(x))).numpy())

    def make(mode):
        layer = BN[n](c, affine=affine, mode=mode, **kwargs)
        layer.running_mean.value = jnp.asarray(mean)
        layer.running_var.value = jnp.asarray(var)
        return layer

    bd.share.save(fit=False)
    check_modes(make, x, expected, rtol=1e-5, atol=1e-5, params=affine)
    bd.share.clear_shargs()  # no fit flag at all: the running statistics too
    layer = make(bm.batching_mode)
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(np.asarray(layer.running_mean.value), mean)
    assert not layer.train_vars() or affine


def test_batchnorm_fit_under_jit_and_traced_flag():
    x = _data(8, 5, 3, loc=2.0)
    eager = bl.BatchNorm1d(3, momentum=0.5, mode=bm.batching_mode)
    compiled = bl.BatchNorm1d(3, momentum=0.5, mode=bm.batching_mode)
    bd.share.save(fit=True)
    f = bm.jit(compiled.update)
    for _ in range(2):
        np.testing.assert_allclose(np.asarray(f(x)), np.asarray(eager(x)), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(compiled.running_mean.value, eager.running_mean.value, rtol=1e-6)
    np.testing.assert_allclose(compiled.running_var.value, eager.running_var.value, rtol=1e-6)

    layer = bl.BatchNorm1d(3, momentum=0.5, mode=bm.batching_mode)
    g = bm.jit(lambda v, fit: (bd.share.save(fit=fit), layer(v))[1])
    y_eval = np.asarray(g(x, jnp.asarray(False)))
    np.testing.assert_allclose(y_eval, x / np.sqrt(1 + 1e-5), rtol=1e-5)  # stats 0 and 1
    np.testing.assert_array_equal(np.asarray(layer.running_mean.value), np.zeros(3))
    y_fit = np.asarray(g(x, jnp.asarray(True)))
    np.testing.assert_allclose(y_fit.mean(axis=(0, 1)), 0.0, atol=1e-5)
    np.testing.assert_allclose(layer.running_mean.value, 0.5 * x.mean(axis=(0, 1)), rtol=1e-5)


def test_batchnorm_nonbatching_is_a_batch_of_one(torch):
    x = _data(6, 2)
    layer = bl.BatchNorm1d(2, affine=False)  # NonBatchingMode: (L, C)
    bd.share.save(fit=True)
    ref = torch.nn.BatchNorm1d(2, affine=False, momentum=0.01)
    with torch.no_grad():
        expected = _last(ref(torch.from_numpy(_first(x[None]))).numpy())[0]
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(layer.running_mean.value, ref.running_mean.numpy(), rtol=1e-5)


def test_batchnorm_channels_first_axis(torch):
    x = _data(3, 4, 5, 6)  # (N, C, H, W)
    layer = bl.BatchNorm2d(4, axis=(0, -2, -1, 0), affine=False, mode=bm.batching_mode)
    assert layer.axis == (0, 2, 3) and layer.feature_axis == 1
    bd.share.save(fit=True)
    ref = torch.nn.BatchNorm2d(4, affine=False)
    with torch.no_grad():
        expected = ref(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-4, atol=1e-5)


def test_batchnorm_axis_name_under_vmap():
    """With ``axis_name`` the statistics of a vmapped batch are those of the whole batch."""
    x = _data(4, 2, 5, 3, loc=1.0)  # 4 shards of (2, 5, 3)
    whole = bl.BatchNorm1d(3, momentum=0.5, mode=bm.batching_mode)
    shard = bl.BatchNorm1d(3, momentum=0.5, axis_name="shards", mode=bm.batching_mode)
    bd.share.save(fit=True)
    expected = np.asarray(whole(x.reshape(8, 5, 3))).reshape(4, 2, 5, 3)
    got = jax.vmap(shard.update, axis_name="shards")(x)
    np.testing.assert_allclose(np.asarray(got), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(shard.running_mean.value, whole.running_mean.value, rtol=1e-5)
    np.testing.assert_allclose(shard.running_var.value, whole.running_var.value, rtol=1e-5)


def test_batchnorm_gradients_match_torch(torch):
    c = 3
    x, r = _data(4, 5, 6, c), _data(4, 5, 6, c)
    ref = torch.nn.BatchNorm2d(c, eps=1e-5).train()
    scale, bias = _affine(torch, ref, (c,))
    xt = torch.from_numpy(_first(x)).requires_grad_(True)
    (ref(xt) * torch.from_numpy(_first(r))).sum().backward()
    layer = bl.BatchNorm2d(c, scale_initializer=scale, bias_initializer=bias, mode=bm.training_mode)
    bd.share.save(fit=True)
    params = dict(layer.train_vars(method="relative"))
    assert sorted(params) == ["bias", "scale"]
    grads, gx = bm.grad(lambda v: (layer(v) * r).sum(), grad_vars=params, argnums=0)(x)
    np.testing.assert_allclose(np.asarray(gx), _last(xt.grad.numpy()), rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(np.asarray(grads["scale"]), ref.weight.grad.numpy(), rtol=1e-4)
    np.testing.assert_allclose(np.asarray(grads["bias"]), ref.bias.grad.numpy(), rtol=1e-4)


# -- LayerNorm ------------------------------------------------------------------------------


@pytest.mark.parametrize("normalized_shape", [6, (5, 6), (4, 5, 6)], ids=["1", "2", "3"])
@pytest.mark.parametrize("affine", [True, False])
def test_layernorm_matches_torch(torch, check_modes, normalized_shape, affine):
    x = _data(3, 4, 5, 6, loc=1.0, scale=2.0)
    ref = torch.nn.LayerNorm(normalized_shape, eps=1e-5, elementwise_affine=affine)
    kwargs = {}
    if affine:
        shape = tuple(ref.weight.shape)
        scale, bias = _affine(torch, ref, shape)
        kwargs = dict(scale_initializer=scale, bias_initializer=bias)
    with torch.no_grad():
        expected = ref(torch.from_numpy(x)).numpy()

    def make(mode):
        return bl.LayerNorm(normalized_shape, elementwise_affine=affine, mode=mode, **kwargs)

    check_modes(make, x, expected, rtol=1e-5, atol=1e-5, params=affine)


def test_layernorm_gradient_matches_torch(torch):
    x, r = _data(4, 7, loc=3.0), _data(4, 7)
    ref = torch.nn.LayerNorm(7)
    scale, bias = _affine(torch, ref, (7,))
    xt = torch.from_numpy(x).requires_grad_(True)
    (ref(xt) * torch.from_numpy(r)).sum().backward()
    layer = bl.LayerNorm(7, scale_initializer=scale, bias_initializer=bias, mode=bm.training_mode)
    grads, gx = bm.grad(
        lambda v: (layer(v) * r).sum(), grad_vars=dict(layer.train_vars()), argnums=0
    )(x)
    np.testing.assert_allclose(np.asarray(gx), xt.grad.numpy(), rtol=1e-4, atol=1e-5)
    got = {k.split(".")[-1]: np.asarray(v) for k, v in grads.items()}
    np.testing.assert_allclose(got["scale"], ref.weight.grad.numpy(), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(got["bias"], ref.bias.grad.numpy(), rtol=1e-4, atol=1e-5)


# -- GroupNorm, InstanceNorm ----------------------------------------------------------------


@pytest.mark.parametrize("spatial", [(), (7,), (4, 5), (3, 4, 2)], ids=["0d", "1d", "2d", "3d"])
@pytest.mark.parametrize("groups", [1, 2, 6])
@pytest.mark.parametrize("affine", [True, False])
def test_groupnorm_matches_torch(torch, check_modes, spatial, groups, affine):
    c = 6
    x = _data(3, *spatial, c, loc=-1.0, scale=3.0)
    ref = torch.nn.GroupNorm(groups, c, eps=1e-5, affine=affine)
    kwargs = {}
    bias = np.zeros(c, np.float32)
    if affine:
        scale, bias = _affine(torch, ref, (c,))
        kwargs = dict(scale_initializer=scale, bias_initializer=bias)
    with torch.no_grad():
        expected = _last(ref(torch.from_numpy(_first(x))).numpy())
    if not spatial and groups == c:
        # One element per group: x - mean is exactly 0, so the output is exactly the bias;
        # PyTorch's own rounding error, divided by sqrt(epsilon), is no reference there.
        expected = np.broadcast_to(bias, x.shape)

    def make(mode):
        return bl.GroupNorm(groups, c, affine=affine, mode=mode, **kwargs)

    check_modes(make, x, expected, rtol=1e-4, atol=1e-5, params=affine)


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("affine", [True, False])
def test_instancenorm_matches_torch(torch, check_modes, n, affine):
    c = 3
    x = _data(2, *SPATIAL[n], c, loc=0.5, scale=2.0)
    ref = getattr(torch.nn, f"InstanceNorm{n}d")(c, eps=1e-5, affine=affine)
    kwargs = {}
    if affine:
        scale, bias = _affine(torch, ref, (c,))
        kwargs = dict(scale_initializer=scale, bias_initializer=bias)
    with torch.no_grad():
        expected = _last(ref(torch.from_numpy(_first(x))).numpy())

    def make(mode):
        return bl.InstanceNorm(c, affine=affine, mode=mode, **kwargs)

    check_modes(make, x, expected, rtol=1e-4, atol=1e-5, params=affine)


# -- signatures and errors ------------------------------------------------------------------

_E = inspect.Parameter.empty
_BN_TAIL = [
    ("epsilon", 1e-5),
    ("momentum", 0.99),
    ("affine", True),
    ("bias_initializer", "ZeroInit"),
    ("scale_initializer", "OneInit"),
    ("axis_name", None),
    ("axis_index_groups", None),
    ("mode", None),
    ("name", None),
]
SIGNATURES = {
    bl.BatchNorm1d: [("num_features", _E), ("axis", (0, 1)), *_BN_TAIL],
    bl.BatchNorm2d: [("num_features", _E), ("axis", (0, 1, 2)), *_BN_TAIL],
    bl.BatchNorm3d: [("num_features", _E), ("axis", (0, 1, 2, 3)), *_BN_TAIL],
    bl.LayerNorm: [
        ("normalized_shape", _E),
        ("epsilon", 1e-5),
        ("bias_initializer", "ZeroInit"),
        ("scale_initializer", "OneInit"),
        ("elementwise_affine", True),
        ("mode", None),
        ("name", None),
    ],
    bl.GroupNorm: [
        ("num_groups", _E),
        ("num_channels", _E),
        ("epsilon", 1e-5),
        ("affine", True),
        ("bias_initializer", "ZeroInit"),
        ("scale_initializer", "OneInit"),
        ("mode", None),
        ("name", None),
    ],
    bl.InstanceNorm: [
        ("num_channels", _E),
        ("epsilon", 1e-5),
        ("affine", True),
        ("bias_initializer", "ZeroInit"),
        ("scale_initializer", "OneInit"),
        ("mode", None),
        ("name", None),
    ],
}


@pytest.mark.parametrize("cls", list(SIGNATURES), ids=lambda c: c.__name__)
def test_signature_is_brainpy_235(cls):
    got = []
    for p in inspect.signature(cls).parameters.values():
        default = p.default
        if isinstance(default, bd.init.Initializer):
            default = type(default).__name__
        got.append((p.name, default))
    assert got == SIGNATURES[cls]


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (lambda: bl.BatchNorm2d(0), LayerArgumentError, "num_features"),
        (lambda: bl.BatchNorm2d(3, axis=(0, 1)), LayerArgumentError, "axis must name"),
        (lambda: bl.BatchNorm1d(3, axis=(0, 3)), LayerArgumentError, "axis must hold"),
        (lambda: bl.BatchNorm1d(3, axis="0"), LayerArgumentTypeError, "axis"),
        (lambda: bl.BatchNorm1d(3, momentum=1.5), LayerArgumentError, "momentum"),
        (lambda: bl.BatchNorm1d(3, epsilon=-1.0), LayerArgumentError, "epsilon"),
        (lambda: bl.BatchNorm1d(3, affine=1), LayerArgumentTypeError, "affine"),
        (lambda: bl.BatchNorm1d(3, scale_initializer=np.ones(4)), LayerArgumentError, "scale"),
        (lambda: bl.LayerNorm((3, 0)), LayerArgumentError, "normalized_shape"),
        (lambda: bl.GroupNorm(4, 6), LayerArgumentError, "divisible by num_groups"),
        (lambda: bl.GroupNorm(0, 6), LayerArgumentError, "num_groups"),
        (lambda: bl.InstanceNorm(0), LayerArgumentError, "num_channels"),
    ],
)
def test_bad_arguments(make, error, match):
    with pytest.raises(error, match=match):
        make()


def test_bad_inputs():
    with pytest.raises(LayerInputShapeError, match=r"rank 4 \(N, \*spatial, C\)"):
        bl.BatchNorm2d(3, mode=bm.batching_mode)(np.ones((4, 4, 3)))
    with pytest.raises(LayerInputShapeError, match=r"num_features=3"):
        bl.BatchNorm1d(3, mode=bm.batching_mode)(np.ones((4, 4, 2)))
    with pytest.raises(LayerInputShapeError, match=r"normalized_shape"):
        bl.LayerNorm((4, 3))(np.ones((4, 2, 3)))
    with pytest.raises(LayerInputShapeError, match=r"num_channels=6"):
        bl.GroupNorm(2, 6, mode=bm.batching_mode)(np.ones((4, 5)))

"""brainpy_layers.losses against PyTorch (CPU) and NumPy: values, gradients, jit, errors."""

from __future__ import annotations

import inspect
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_layers import errors, losses

REDUCTIONS = ["mean", "sum", "none"]
RTOL, ATOL = 1e-5, 1e-6


def rng(seed: int = 0) -> np.random.Generator:
    return np.random.default_rng(seed)


def logits_and_labels(shape: tuple[int, ...], seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    r = rng(seed)
    x = r.normal(size=shape).astype(np.float32) * 2
    y = r.integers(0, shape[-1], size=shape[:-1]).astype(np.int32)
    return x, y


def probabilities(shape: tuple[int, ...], seed: int = 1) -> np.ndarray:
    p = rng(seed).random(shape).astype(np.float32) + 0.1
    return p / p.sum(-1, keepdims=True)


def close(got: Any, want: Any, rtol: float = RTOL, atol: float = ATOL) -> None:
    want = want.detach().numpy() if hasattr(want, "detach") else np.asarray(want)
    got = np.asarray(got)
    assert got.shape == want.shape, (got.shape, want.shape)
    np.testing.assert_allclose(got, want, rtol=rtol, atol=atol)


def torch_class_last(torch: Any, fn: Any, x: np.ndarray, y: np.ndarray, **kw: Any) -> Any:
    """Call a PyTorch loss (class axis 1) on class-last data: flatten to ``(M, C)``."""
    c = x.shape[-1]
    tx = torch.tensor(x.reshape(-1, c)) if x.ndim > 1 else torch.tensor(x)
    ty = torch.tensor(y.reshape((-1,) + y.shape[x.ndim - 1 :]) if x.ndim > 1 else y)
    if not np.issubdtype(y.dtype, np.floating):
        ty = ty.long()
    out = fn(tx, ty, **kw)
    if kw.get("reduction") == "none":
        out = out.reshape(x.shape[:-1])
    return out


# ------------------------------------------------------------------------------ cross entropy


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("shape", [(6, 4), (2, 3, 5), (4,)])
def test_cross_entropy_index_targets_match_torch(torch, reduction, weighted, shape):
    x, y = logits_and_labels(shape)
    w = rng(2).random(shape[-1]).astype(np.float32) + 0.5 if weighted else None
    got = losses.cross_entropy_loss(x, y, weight=w, reduction=reduction)
    kw = {"weight": torch.tensor(w)} if weighted else {}
    want = torch_class_last(
        torch, torch.nn.functional.cross_entropy, x, y, reduction=reduction, **kw
    )
    close(got, want)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
def test_cross_entropy_probability_targets_match_torch(torch, reduction, weighted):
    x, _ = logits_and_labels((5, 3))
    p = probabilities((5, 3))
    w = np.array([0.5, 1.0, 2.0], np.float32) if weighted else None
    got = losses.cross_entropy_loss(x, p, weight=w, reduction=reduction)
    kw = {"weight": torch.tensor(w)} if weighted else {}
    want = torch.nn.functional.cross_entropy(
        torch.tensor(x), torch.tensor(p), reduction=reduction, **kw
    )
    close(got, want)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
def test_nll_loss_matches_torch(torch, reduction, weighted):
    x, y = logits_and_labels((2, 4, 3))
    logp = np.asarray(jax.nn.log_softmax(x, axis=-1))
    w = np.array([0.2, 1.0, 3.0], np.float32) if weighted else None
    got = losses.nll_loss(logp, y, reduction, weight=w)
    kw = {"weight": torch.tensor(w)} if weighted else {}
    want = torch_class_last(torch, torch.nn.functional.nll_loss, logp, y, reduction=reduction, **kw)
    close(got, want)


@pytest.mark.parametrize("targets", ["indices", "probabilities"])
def test_cross_entropy_gradient_matches_torch_autograd(torch, targets):
    x, y = logits_and_labels((5, 4), seed=3)
    t = y if targets == "indices" else probabilities((5, 4))
    w = np.array([0.5, 1.0, 1.5, 2.0], np.float32)
    got = jax.grad(lambda z: losses.cross_entropy_loss(z, t, weight=w))(jnp.asarray(x))
    tx = torch.tensor(x, requires_grad=True)
    tt = torch.tensor(t).long() if targets == "indices" else torch.tensor(t)
    torch.nn.functional.cross_entropy(tx, tt, weight=torch.tensor(w)).backward()
    close(got, tx.grad)


def test_sparse_and_multiclass_logistic_match_torch(torch):
    x, y = logits_and_labels((3, 4, 5))
    want = torch_class_last(torch, torch.nn.functional.cross_entropy, x, y, reduction="none")
    close(losses.cross_entropy_sparse(x, y), want)
    close(losses.multiclass_logistic_loss(y, x), want)
    one_class = torch_class_last(
        torch, torch.nn.functional.cross_entropy, x, np.full(y.shape, 2), reduction="none"
    )
    close(losses.cross_entropy_sparse(x, 2), one_class)
    close(losses.multiclass_logistic_loss(2, x[0, 0]), one_class[0, 0])


def test_sigmoid_family_matches_torch(torch):
    x = np.array([[-80.0, -2.0, 0.0], [0.5, 3.0, 90.0]], np.float32)
    p = rng(4).random(x.shape).astype(np.float32)
    want = torch.nn.functional.binary_cross_entropy_with_logits(
        torch.tensor(x), torch.tensor(p), reduction="none"
    )
    close(losses.cross_entropy_sigmoid(x, p), want)
    close(losses.sigmoid_binary_cross_entropy(x, p), want)
    labels = (p > 0.5).astype(np.int32)
    want01 = torch.nn.functional.binary_cross_entropy_with_logits(
        torch.tensor(x), torch.tensor(labels, dtype=torch.float32), reduction="none"
    )
    close(losses.binary_logistic_loss(x, labels), want01)


def test_softmax_cross_entropy_matches_torch(torch):
    x, _ = logits_and_labels((2, 3, 4))
    p = probabilities((2, 3, 4))
    want = torch.nn.functional.cross_entropy(
        torch.tensor(x.reshape(-1, 4)), torch.tensor(p.reshape(-1, 4)), reduction="none"
    ).reshape(2, 3)
    close(losses.softmax_cross_entropy(x, p), want)


@pytest.mark.parametrize("alpha", [0.0, 0.1, 0.5])
def test_smooth_labels_give_torch_label_smoothing(torch, alpha):
    x, y = logits_and_labels((6, 5))
    one_hot = np.eye(5, dtype=np.float32)[y]
    smoothed = losses.smooth_labels(one_hot, alpha)
    np.testing.assert_allclose(np.asarray(smoothed), (1 - alpha) * one_hot + alpha / 5, rtol=1e-6)
    want = torch.nn.functional.cross_entropy(
        torch.tensor(x), torch.tensor(y).long(), label_smoothing=alpha
    )
    close(jnp.mean(losses.softmax_cross_entropy(x, smoothed)), want)


# ------------------------------------------------------------------------------ regression


def regression_data(shape: tuple[int, ...] = (4, 3)) -> tuple[np.ndarray, np.ndarray]:
    r = rng(5)
    return r.normal(size=shape).astype(np.float32), r.normal(size=shape).astype(np.float32)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_l1_and_squared_errors_match_torch(torch, reduction):
    x, y = regression_data()
    tx, ty = torch.tensor(x), torch.tensor(y)
    l1 = torch.nn.functional.l1_loss(tx, ty, reduction=reduction)
    mse = torch.nn.functional.mse_loss(tx, ty, reduction=reduction)
    close(losses.l1_loss(x, y, reduction=reduction), l1)
    close(losses.l1_loos(x, y, reduction=reduction), l1)
    close(losses.mean_absolute_error(x, y, reduction=reduction), l1)
    close(losses.mean_squared_error(x, y, reduction=reduction), mse)


def test_l1_loss_keeps_the_sum_default_and_the_typo_alias():
    x, y = regression_data()
    assert losses.l1_loos is losses.l1_loss
    assert inspect.signature(losses.l1_loss).parameters["reduction"].default == "sum"
    close(losses.l1_loss(x, y), np.abs(x - y).sum())


@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize("axis", [0, 1, (0, 1), -1])
def test_errors_reduce_over_axis_like_numpy(reduction, axis):
    x, y = regression_data((4, 3))
    np_reduce = np.mean if reduction == "mean" else np.sum
    close(losses.mean_absolute_error(x, y, axis, reduction), np_reduce(np.abs(x - y), axis), 1e-5)
    close(losses.mean_squared_error(x, y, axis, reduction), np_reduce((x - y) ** 2, axis), 1e-5)
    xp, yp = np.abs(x), np.abs(y)
    msle = np_reduce((np.log1p(xp) - np.log1p(yp)) ** 2, axis)
    close(losses.mean_squared_log_error(xp, yp, axis, reduction), msle, 1e-5)


def test_squared_log_error_unreduced_matches_numpy():
    x, y = (np.abs(a) for a in regression_data())
    want = (np.log1p(x) - np.log1p(y)) ** 2
    close(losses.mean_squared_log_error(x, y, reduction="none"), want, 1e-5)


def test_mse_gradient_matches_torch_autograd(torch):
    x, y = regression_data()
    for reduction in ("mean", "sum"):
        got = jax.grad(lambda z, r=reduction: losses.mean_squared_error(z, y, reduction=r))(
            jnp.asarray(x)
        )
        tx = torch.tensor(x, requires_grad=True)
        torch.nn.functional.mse_loss(tx, torch.tensor(y), reduction=reduction).backward()
        close(got, tx.grad)


@pytest.mark.parametrize("delta", [0.5, 1.0, 2.0])
def test_huber_matches_torch_huber_and_smooth_l1(torch, delta):
    x, y = regression_data((5, 4))
    x = x * 3
    got = losses.huber_loss(x, y, delta=delta)
    tx, ty = torch.tensor(x), torch.tensor(y)
    close(got, torch.nn.functional.huber_loss(tx, ty, reduction="none", delta=delta))
    smooth = torch.nn.functional.smooth_l1_loss(tx, ty, reduction="none", beta=delta)
    close(np.asarray(got) / delta, smooth)


def test_l2_and_log_cosh_losses_match_numpy():
    x, y = regression_data()
    close(losses.l2_loss(x, y), 0.5 * (x - y) ** 2)
    big = np.array([-200.0, -3.0, 0.0, 1e-3, 4.0, 200.0], np.float32)
    want = np.abs(big) + np.log1p(np.exp(-2 * np.abs(big))) - np.log(2.0)  # stable log(cosh)
    close(losses.log_cosh_loss(big, np.zeros_like(big)), want, 1e-5)
    close(losses.log_cosh(big), want, 1e-5)
    assert float(jax.grad(lambda e: losses.log_cosh(e).sum())(jnp.zeros(3))[0]) == 0.0


# ------------------------------------------------------------------------------ regularization


def test_regularization_terms_match_numpy():
    x = rng(6).normal(size=(4, 3)).astype(np.float32)
    close(losses.l2_norm(x), np.linalg.norm(x), 1e-5)
    close(losses.l2_norm(x, axis=1), np.linalg.norm(x, axis=1), 1e-5)
    tree = {"w": x, "b": x[0]}
    close(losses.l2_norm(tree), np.sqrt((x**2).sum() + (x[0] ** 2).sum()), 1e-5)
    close(losses.mean_absolute(x), np.abs(x).mean(), 1e-5)
    close(losses.mean_absolute(x, axis=0), np.abs(x).mean(0), 1e-5)
    close(losses.mean_square(x, axis=1), (x**2).mean(1), 1e-5)
    close(losses.mean_square(tree), (x**2).mean() + (x[0] ** 2).mean(), 1e-5)
    z = (x + 1j * x[::-1]).astype(np.complex64)
    close(losses.l2_norm(z), np.linalg.norm(z), 1e-5)


# ------------------------------------------------------------------------------ inputs, jit


def _calls() -> dict[str, tuple[Any, tuple[Any, ...], dict[str, Any]]]:
    x, y = logits_and_labels((4, 3))
    p = probabilities((4, 3))
    a, b = regression_data((4, 3))
    return {
        "cross_entropy_loss": (losses.cross_entropy_loss, (x, y), {"weight": np.ones(3)}),
        "cross_entropy_loss_probs": (losses.cross_entropy_loss, (x, p), {"reduction": "sum"}),
        "nll_loss": (losses.nll_loss, (x, y), {}),
        "cross_entropy_sparse": (losses.cross_entropy_sparse, (x, y), {}),
        "cross_entropy_sigmoid": (losses.cross_entropy_sigmoid, (x, p), {}),
        "multiclass_logistic_loss": (losses.multiclass_logistic_loss, (y, x), {}),
        "sigmoid_binary_cross_entropy": (losses.sigmoid_binary_cross_entropy, (x, p), {}),
        "binary_logistic_loss": (losses.binary_logistic_loss, (x, p), {}),
        "softmax_cross_entropy": (losses.softmax_cross_entropy, (x, p), {}),
        "l1_loss": (losses.l1_loss, (a, b), {"reduction": "mean"}),
        "l2_loss": (losses.l2_loss, (a, b), {}),
        "huber_loss": (losses.huber_loss, (a, b), {"delta": 0.5}),
        "mean_absolute_error": (losses.mean_absolute_error, (a, b), {"axis": 0}),
        "mean_squared_error": (losses.mean_squared_error, (a, b), {}),
        "mean_squared_log_error": (losses.mean_squared_log_error, (abs(a), abs(b)), {}),
        "log_cosh_loss": (losses.log_cosh_loss, (a, b), {}),
        "l2_norm": (losses.l2_norm, (a,), {}),
        "mean_absolute": (losses.mean_absolute, (a,), {"axis": 1}),
        "mean_square": (losses.mean_square, (a,), {}),
        "log_cosh": (losses.log_cosh, (a,), {}),
        "smooth_labels": (losses.smooth_labels, (p,), {"alpha": 0.1}),
        "ctc_loss": (
            losses.ctc_loss,
            (
                np.stack([x, x[::-1]]),
                np.zeros((2, 4)),
                np.array([[1, 2], [2, 0]]),
                np.array([[0.0, 0.0], [0.0, 1.0]]),
            ),
            {},
        ),
    }


CALLS = _calls()


@pytest.mark.parametrize("name", sorted(CALLS))
def test_same_result_under_jit_and_from_brainpy_arrays(name):
    fn, args, kw = CALLS[name]
    eager = fn(*args, **kw)
    assert isinstance(eager, jax.Array)
    close(jax.jit(lambda *a: fn(*a, **kw))(*args), eager)
    wrapped = [bm.Variable(jnp.asarray(a)) if i == 0 else bm.asarray(a) for i, a in enumerate(args)]
    from_arrays = fn(*wrapped, **kw)
    assert isinstance(from_arrays, jax.Array)
    close(from_arrays, eager)


def test_every_public_function_is_covered_and_documented():
    covered = {n.removesuffix("_probs") for n in CALLS}
    assert set(losses.__all__) == covered | {"l1_loos", "ctc_loss_with_forward_probs"}
    for name in losses.__all__:
        fn = getattr(losses, name)
        assert fn.__module__ == "brainpy_layers.losses", name
        assert fn.__doc__ and ">>>" in fn.__doc__, name


def test_pytree_inputs_add_the_leaf_losses():
    a, b = regression_data()
    tree_x, tree_y = {"u": a, "v": [a[0], b]}, {"u": b, "v": [b[0], a]}
    want = sum(float(losses.mean_squared_error(p, q)) for p, q in [(a, b), (a[0], b[0]), (b, a)])
    close(losses.mean_squared_error(tree_x, tree_y), np.float32(want), 1e-5)
    close(losses.mean_squared_error([[1.0, 2.0]], [[0.0, 0.0]]), np.float32(2.5))  # lists: arrays


def test_out_of_range_class_index_under_jit_gives_nan():
    x, _ = logits_and_labels((3, 4))
    bad = jnp.array([0, 4, -1])
    out = jax.jit(lambda t: losses.cross_entropy_loss(x, t, reduction="none"))(bad)
    assert np.isfinite(out[0]) and np.isnan(out[1]) and np.isnan(out[2])


# ------------------------------------------------------------------------------ errors


REDUCING = ["cross_entropy_loss", "nll_loss", "l1_loss", "mean_absolute_error"]
REDUCING += ["mean_squared_error", "mean_squared_log_error"]


@pytest.mark.parametrize("name", REDUCING)
def test_unknown_reduction_is_named(name):
    fn, args, _ = CALLS[name]
    with pytest.raises(errors.LayerArgumentError, match=r"reduction must be .*got 'avg'"):
        fn(*args, reduction="avg")
    with pytest.raises(ValueError, match=f"{name}: reduction"):
        fn(*args, reduction=None)


@pytest.mark.parametrize(
    "call",
    [
        lambda: losses.mean_squared_error(np.ones(3), np.ones(4)),
        lambda: losses.l1_loss(np.ones(3), np.ones((3, 1))),
        lambda: losses.huber_loss(np.ones((2, 3)), np.ones(2)),
        lambda: losses.cross_entropy_sigmoid(np.ones((2, 3)), np.ones((3, 3))),
        lambda: losses.softmax_cross_entropy(np.ones((2, 3)), np.ones((2, 4))),
        lambda: losses.cross_entropy_loss(np.ones((2, 3)), np.zeros(3, np.int32)),
        lambda: losses.cross_entropy_loss(np.ones((2, 3)), np.ones((2, 4))),
        lambda: losses.cross_entropy_loss(np.ones((2, 3)), np.zeros(2, np.int32), np.ones(2)),
        lambda: losses.cross_entropy_sparse(np.ones((2, 3)), np.zeros((2, 1), np.int32)),
        lambda: losses.mean_squared_error({"a": np.ones(2)}, {"b": np.ones(2)}),
    ],
    ids=["mse", "l1", "huber", "sigmoid", "softmax", "ce-index", "ce-probs", "ce-weight"]
    + ["sparse", "pytree"],
)
def test_shape_mismatch_names_argument_expected_and_got(call):
    with pytest.raises(errors.LayerInputShapeError, match=r"must (have|be) .*got"):
        call()


def test_wrong_target_dtypes_and_values():
    x = np.ones((2, 3), np.float32)
    with pytest.raises(errors.LayerArgumentTypeError, match="targets .* integers, got dtype float"):
        losses.cross_entropy_loss(x, np.array([0.0, 1.0]))
    with pytest.raises(errors.LayerArgumentTypeError, match="target .* integers, got dtype float"):
        losses.nll_loss(x, np.zeros((2, 3)))
    with pytest.raises(errors.LayerArgumentTypeError, match="labels must be class probabilities"):
        losses.softmax_cross_entropy(x, np.zeros((2, 3), np.int32))
    with pytest.raises(
        errors.LayerArgumentError, match=r"targets must be class indices in \[0, 2\], got 3"
    ):
        losses.cross_entropy_loss(x, np.array([0, 3]))
    with pytest.raises(errors.LayerArgumentError, match=r"label must be .* \[0, 2\], got -1"):
        losses.multiclass_logistic_loss(-1, x[0])
    with pytest.raises(errors.LayerArgumentError, match="delta must be positive, got 0"):
        losses.huber_loss(x, x, delta=0)
    with pytest.raises(errors.LayerArgumentError, match=r"alpha must lie in \[0, 1\], got 1.5"):
        losses.smooth_labels(x, 1.5)
    with pytest.raises(errors.LayerArgumentTypeError, match="predicts must be an array"):
        losses.mean_squared_error("abc", x)
    with pytest.raises(errors.LayerArgumentTypeError, match="targets is a pytree"):
        losses.mean_squared_error(x, {"a": x})

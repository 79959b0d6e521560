"""Threshold-crossing spikes of two inputs, and the deprecated ``bm.spike_with_*`` functions."""

from __future__ import annotations

import inspect

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm

S = bm.surrogate
XS = np.linspace(-2.0, 2.0, 21)
NEW, OLD = np.meshgrid(XS, XS, indexing="ij")
NEW, OLD = NEW.ravel(), OLD.ravel()


def _inv_square(x, alpha):
    return 1 / (alpha * np.abs(x) + 1) ** 2


def _relu(x, alpha, width):
    return alpha * np.maximum(width - np.abs(x), 0)


CASES = {
    "inv_square_grad2": ({"alpha": 100.0}, {"alpha": 2.5}, _inv_square),
    "relu_grad2": ({"alpha": 0.3, "width": 1.0}, {"alpha": 1.5, "width": 1.5}, _relu),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_signature_matches_235(name):
    params = list(inspect.signature(getattr(S, name)).parameters.values())
    assert [p.name for p in params[:2]] == ["x_new", "x_old"]
    assert {p.name: p.default for p in params[2:]} == CASES[name][0]


@pytest.mark.parametrize("name", sorted(CASES))
def test_spikes_only_on_an_upward_crossing(name):
    out = getattr(S, name)(jnp.asarray(NEW, jnp.float32), jnp.asarray(OLD, jnp.float32))
    assert out.dtype == jnp.float32
    np.testing.assert_array_equal(np.asarray(out), ((NEW >= 0) & (OLD < 0)).astype(np.float32))


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("which", [0, 1])
def test_gradients_follow_the_product_rule(name, which):
    fn, slope = getattr(S, name), CASES[name][2]
    p = CASES[name][which]
    args = {} if which == 0 else p
    grad = jax.jit(jax.vmap(jax.grad(lambda a, b: fn(a, b, **args), argnums=(0, 1))))
    g_new, g_old = grad(jnp.asarray(NEW, jnp.float32), jnp.asarray(OLD, jnp.float32))
    np.testing.assert_allclose(np.asarray(g_new), slope(NEW, **p) * (OLD < 0), rtol=2e-5, atol=1e-7)
    np.testing.assert_allclose(
        np.asarray(g_old), -slope(OLD, **p) * (NEW >= 0), rtol=2e-5, atol=1e-7
    )
    # the same through the one-input spikes: H(new) * H(-old) (equal wherever old != 0)
    one = {"inv_square_grad2": S.inv_square_grad, "relu_grad2": S.relu_grad}[name]

    def product(a, b):
        return one(a, *p.values()) * one(-b, *p.values())

    ref_new, ref_old = jax.vmap(jax.grad(product, argnums=(0, 1)))(
        jnp.asarray(NEW, jnp.float32), jnp.asarray(OLD, jnp.float32)
    )
    keep = OLD != 0
    np.testing.assert_allclose(np.asarray(g_new)[keep], np.asarray(ref_new)[keep], rtol=1e-6)
    np.testing.assert_allclose(np.asarray(g_old)[keep], np.asarray(ref_old)[keep], rtol=1e-6)


def test_inputs_broadcast_and_dtypes_promote():
    out = S.relu_grad2(
        jnp.asarray([[0.5], [-0.5]], jnp.float32), jnp.asarray([-1.0, 1.0], jnp.float32)
    )
    np.testing.assert_array_equal(np.asarray(out), [[1.0, 0.0], [0.0, 0.0]])
    y, pullback = jax.vjp(
        S.inv_square_grad2, jnp.asarray([0.5], jnp.float16), jnp.asarray([-0.5], jnp.float32)
    )
    assert y.dtype == jnp.float32
    g_new, g_old = pullback(jnp.ones_like(y))
    assert g_new.dtype == jnp.float16 and g_old.dtype == jnp.float32
    assert S.inv_square_grad2(jnp.asarray([1, 1]), jnp.asarray([-1, 1])).dtype == bm.get_float()


def test_bad_parameters_are_named():
    with pytest.raises(ValueError, match="relu_grad2: width must be a positive number"):
        S.relu_grad2(0.0, 0.0, 0.3, -1.0)
    with pytest.raises(TypeError, match="inv_square_grad2: x_old must be real"):
        S.inv_square_grad2(0.0, jnp.asarray(1j))


# --------------------------------------------------------------------------- legacy names
LEGACY = {
    # name: (2.3.5 signature, the replacement called with the old defaults)
    "spike_with_sigmoid_grad": (["x", "scale"], [100.0], lambda x: S.inv_square_grad(x, 100.0)),
    "spike_with_linear_grad": (["x", "scale"], [None], lambda x: S.relu_grad(x, 0.3, 1.0)),
    "spike_with_gaussian_grad": (
        ["x", "sigma", "scale"],
        [None, None],
        lambda x: S.gaussian_grad(x, 0.5, 0.5),
    ),
    "spike_with_mg_grad": (
        ["x", "h", "s", "sigma", "scale"],
        [None] * 4,
        lambda x: S.multi_gaussian_grad(x, 0.15, 6.0, 0.5, 0.5),
    ),
    "spike2_with_sigmoid_grad": (
        ["x_new", "x_old", "scale"],
        [None],
        lambda a, b: S.inv_square_grad2(a, b, 100.0),
    ),
    "spike2_with_linear_grad": (
        ["x_new", "x_old", "scale"],
        [10.0],
        lambda a, b: S.relu_grad2(a, b, 10.0, 1.0),
    ),
}


def _legacy(name):
    with pytest.warns(DeprecationWarning, match=f"brainpy_math.{name} is deprecated"):
        return getattr(bm, name)


@pytest.mark.parametrize("name", sorted(LEGACY))
def test_legacy_names_warn_and_match_their_replacement(name):
    fn = _legacy(name)
    names, defaults, replacement = LEGACY[name]
    params = list(inspect.signature(fn).parameters.values())
    assert [p.name for p in params] == names
    assert [p.default for p in params[len(names) - len(defaults) :]] == defaults
    assert name not in bm.__all__
    x = jnp.asarray(XS, jnp.float32)
    args = (x,) if names[1] != "x_old" else (x, -x[::-1])
    grad_fn = jax.vmap(jax.grad(lambda *a: fn(*a), argnums=tuple(range(len(args)))))
    grad_new = jax.vmap(jax.grad(lambda *a: replacement(*a), argnums=tuple(range(len(args)))))
    np.testing.assert_array_equal(np.asarray(fn(*args)), np.asarray(replacement(*args)))
    for got, want in zip(grad_fn(*args), grad_new(*args)):
        np.testing.assert_array_equal(np.asarray(got), np.asarray(want))


def test_legacy_scale_is_the_strength():
    f = _legacy("spike_with_linear_grad")
    g = jax.grad(lambda v: f(v, 2.0))(0.25)
    assert float(g) == pytest.approx(2.0 * 0.75)
    f2 = _legacy("spike2_with_sigmoid_grad")
    a = jnp.full(4, 2.0)
    # the 2.3.5 identity: spike2(a + 0.1, a) and spike(a + 0.1) * spike(-a) have equal gradients
    f1 = _legacy("spike_with_sigmoid_grad")
    g1 = jax.grad(lambda v: (f1(v + 0.1, 100.0) * f1(-v, 100.0)).sum())(a)
    g2 = jax.grad(lambda v: f2(v + 0.1, v, 100.0).sum())(a)
    np.testing.assert_array_equal(np.asarray(g1), np.asarray(g2))
    np.testing.assert_allclose(np.asarray(g2), -1 / 201.0**2, rtol=1e-6)

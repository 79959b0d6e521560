"""One-input surrogate spike functions: the step forward, the closed-form slope backward.

Every slope and smooth function below is written out in NumPy (float64) from the published
formulas, independently of the implementation, and checked on a grid of inputs under
``jit``, ``vmap``, ``grad``, ``jvp`` and ``vjp``, for the defaults and for other parameters.
"""

from __future__ import annotations

import inspect
import math

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm

S = bm.surrogate
GRID = np.linspace(-3.0, 3.0, 61)


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def _normal(x, mu, sigma):
    return np.exp(-((x - mu) ** 2) / (2 * sigma**2)) / (np.sqrt(2 * np.pi) * sigma)


def _erf(z):
    return np.vectorize(math.erf)(z)


def _squarewave(x, n, t):
    w = 2 * np.pi / t
    slope = 4 / t * sum(np.cos((2 * i - 1) * w * x) for i in range(1, n + 1))
    smooth = 0.5 + 2 / np.pi * sum(
        np.sin((2 * i - 1) * w * x) / (2 * i - 1) for i in range(1, n + 1)
    )
    return slope, smooth


# name -> (2.3.5 signature after x, slope(x, **p), smooth(x, **p) or None)
CLOSED_FORMS = {
    "sigmoid": (
        {"alpha": 4.0, "origin": False},
        lambda x, alpha: alpha * _sig(alpha * x) * (1 - _sig(alpha * x)),
        lambda x, alpha: _sig(alpha * x),
    ),
    "piecewise_quadratic": (
        {"alpha": 1.0, "origin": False},
        lambda x, alpha: np.where(np.abs(x) > 1 / alpha, 0.0, alpha - alpha**2 * np.abs(x)),
        lambda x, alpha: np.where(
            x < -1 / alpha,
            0.0,
            np.where(x > 1 / alpha, 1.0, -0.5 * alpha**2 * np.abs(x) * x + alpha * x + 0.5),
        ),
    ),
    "piecewise_exp": (
        {"alpha": 1.0, "origin": False},
        lambda x, alpha: alpha / 2 * np.exp(-alpha * np.abs(x)),
        lambda x, alpha: np.where(
            x < 0, np.exp(alpha * np.minimum(x, 0)) / 2, 1 - np.exp(-alpha * np.maximum(x, 0)) / 2
        ),
    ),
    "soft_sign": (
        {"alpha": 1.0, "origin": False},
        lambda x, alpha: alpha / (2 * (1 + np.abs(alpha * x)) ** 2),
        lambda x, alpha: 0.5 * (x / (1 / alpha + np.abs(x)) + 1),
    ),
    "arctan": (
        {"alpha": 1.0, "origin": False},
        lambda x, alpha: alpha / (2 * (1 + (np.pi / 2 * alpha * x) ** 2)),
        lambda x, alpha: np.arctan(np.pi / 2 * alpha * x) / np.pi + 0.5,
    ),
    "nonzero_sign_log": (
        {"alpha": 1.0, "origin": False},
        lambda x, alpha: 1 / (1 / alpha + np.abs(x)),
        lambda x, alpha: np.where(x < 0, -1.0, 1.0) * np.log(np.abs(alpha * x) + 1),
    ),
    "erf": (
        {"alpha": 1.0, "origin": False},
        lambda x, alpha: alpha / np.sqrt(np.pi) * np.exp(-(alpha**2) * x**2),
        lambda x, alpha: 0.5 * (1 + _erf(alpha * x)),
    ),
    "piecewise_leaky_relu": (
        {"c": 0.01, "w": 1.0, "origin": False},
        lambda x, c, w: np.where(np.abs(x) <= w, 1 / w, c),
        lambda x, c, w: np.where(
            x < -w, c * x + c * w, np.where(x > w, c * x - c * w + 1, x / (2 * w) + 0.5)
        ),
    ),
    "squarewave_fourier_series": (
        {"n": 2, "t_period": 8.0, "origin": False},
        lambda x, n, t_period: _squarewave(x, n, t_period)[0],
        lambda x, n, t_period: _squarewave(x, n, t_period)[1],
    ),
    "s2nn": (
        {"alpha": 4.0, "beta": 1.0, "epsilon": 1e-8, "origin": False},
        lambda x, alpha, beta, epsilon: np.where(
            x < 0, alpha * _sig(alpha * x) * (1 - _sig(alpha * x)), beta / (np.abs(x) + 1)
        ),
        lambda x, alpha, beta, epsilon: np.where(
            x < 0, _sig(alpha * x), beta * np.log(np.abs(x + 1) + epsilon) + 0.5
        ),
    ),
    "q_pseudo_spike": (
        {"alpha": 2.0, "origin": False},
        lambda x, alpha: (1 + 2 * np.abs(x) / (alpha - 1)) ** (-alpha),
        lambda x, alpha: np.where(
            x < 0,
            0.5 * (1 + 2 * np.abs(x) / (alpha - 1)) ** (1 - alpha),
            1 - 0.5 * (1 + 2 * np.abs(x) / (alpha - 1)) ** (1 - alpha),
        ),
    ),
    "leaky_relu": (
        {"alpha": 0.1, "beta": 1.0, "origin": False},
        lambda x, alpha, beta: np.where(x < 0, alpha, beta) + 0 * x,
        lambda x, alpha, beta: np.where(x < 0, alpha * x, beta * x),
    ),
    "log_tailed_relu": (
        {"alpha": 0.0, "origin": False},
        lambda x, alpha: np.where(x > 1, 1 / np.maximum(x, 1), np.where(x > 0, 1.0, alpha)),
        lambda x, alpha: np.where(
            x > 1, 1 + np.log(np.maximum(x, 1)), np.where(x > 0, x, alpha * x)
        ),
    ),
    "relu_grad": (
        {"alpha": 0.3, "width": 1.0},
        lambda x, alpha, width: np.maximum(alpha * (width - np.abs(x)), 0.0),
        None,
    ),
    "gaussian_grad": (
        {"sigma": 0.5, "alpha": 0.5},
        lambda x, sigma, alpha: alpha * _normal(x, 0, sigma),
        None,
    ),
    "multi_gaussian_grad": (
        {"h": 0.15, "s": 6.0, "sigma": 0.5, "scale": 0.5},
        lambda x, h, s, sigma, scale: (
            scale
            * (
                (1 + h) * _normal(x, 0, sigma)
                - h * _normal(x, sigma, s * sigma)
                - h * _normal(x, -sigma, s * sigma)
            )
        ),
        None,
    ),
    "inv_square_grad": (
        {"alpha": 100.0},
        lambda x, alpha: 1 / (alpha * np.abs(x) + 1) ** 2,
        None,
    ),
    "slayer_grad": (
        {"alpha": 1.0},
        lambda x, alpha: np.exp(-alpha * np.abs(x)),
        None,
    ),
}

# Other parameter values (everything but ``origin``) for each function.
OTHER_PARAMS = {
    "sigmoid": {"alpha": 1.5},
    "piecewise_quadratic": {"alpha": 0.7},
    "piecewise_exp": {"alpha": 2.5},
    "soft_sign": {"alpha": 3.0},
    "arctan": {"alpha": 0.4},
    "nonzero_sign_log": {"alpha": 5.0},
    "erf": {"alpha": 2.0},
    "piecewise_leaky_relu": {"c": 0.2, "w": 0.5},
    "squarewave_fourier_series": {"n": 5, "t_period": 3.0},
    "s2nn": {"alpha": 8.0, "beta": 2.0, "epsilon": 1e-6},
    "q_pseudo_spike": {"alpha": 3.5},
    "leaky_relu": {"alpha": -0.3, "beta": 2.0},
    "log_tailed_relu": {"alpha": 0.25},
    "relu_grad": {"alpha": 0.8, "width": 2.0},
    "gaussian_grad": {"sigma": 1.2, "alpha": 2.0},
    "multi_gaussian_grad": {"h": 0.4, "s": 3.0, "sigma": 0.8, "scale": 1.5},
    "inv_square_grad": {"alpha": 2.0},
    "slayer_grad": {"alpha": 0.3},
}
NAMES = sorted(CLOSED_FORMS)
SMOOTH = [n for n in NAMES if CLOSED_FORMS[n][2] is not None]


def _close(actual, expected, rtol=2e-5):
    """float32 results against float64 closed forms: relative, plus float32 rounding of the peak."""
    atol = 1e-6 * max(1.0, float(np.max(np.abs(expected))))
    np.testing.assert_allclose(np.asarray(actual), expected, rtol=rtol, atol=atol)


def _params(name, which):
    defaults = {k: v for k, v in CLOSED_FORMS[name][0].items() if k != "origin"}
    return defaults if which == "defaults" else OTHER_PARAMS[name]


def test_public_names_are_the_235_ones():
    assert sorted(S.__all__) == sorted([*NAMES, "inv_square_grad2", "relu_grad2"])
    for name in S.__all__:
        assert getattr(S, name).__module__ == "brainpy_math.surrogate"


@pytest.mark.parametrize("name", NAMES)
def test_signature_matches_235(name):
    params = list(inspect.signature(getattr(S, name)).parameters.values())
    assert params[0].name == "x"
    assert {p.name: p.default for p in params[1:]} == CLOSED_FORMS[name][0]


@pytest.mark.parametrize("name", NAMES)
def test_forward_is_the_heaviside_step(name):
    fn = getattr(S, name)
    out = fn(jnp.asarray(GRID, jnp.float32))
    assert out.dtype == jnp.float32 and out.shape == GRID.shape
    np.testing.assert_array_equal(np.asarray(out), (GRID >= 0).astype(np.float32))
    assert float(fn(0.0)) == 1.0 and float(fn(-1e-30)) == 0.0


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("which", ["defaults", "other"])
def test_gradient_is_the_closed_form_under_jit_vmap_grad(name, which):
    fn, slope = getattr(S, name), CLOSED_FORMS[name][1]
    p = _params(name, which)
    args = {} if which == "defaults" else p
    grads = jax.jit(jax.vmap(jax.grad(lambda v: fn(v, **args))))(jnp.asarray(GRID, jnp.float32))
    _close(grads, slope(GRID, **p))


@pytest.mark.parametrize("name", NAMES)
def test_positional_parameters_and_vjp_and_jvp(name):
    fn, slope = getattr(S, name), CLOSED_FORMS[name][1]
    p = OTHER_PARAMS[name]
    x = jnp.asarray(GRID, jnp.float32)
    expected = slope(GRID, **p)

    @jax.jit
    def both(v):
        y, pullback = jax.vjp(lambda u: fn(u, *p.values()), v)
        _, tangent = jax.jvp(lambda u: fn(u, **p), (v,), (2 * jnp.ones_like(v),))
        return y, pullback(jnp.ones_like(v))[0], tangent

    y, cotangent, tangent = both(x)
    np.testing.assert_array_equal(np.asarray(y), (GRID >= 0).astype(np.float32))
    _close(cotangent, expected)
    _close(tangent, 2 * expected)


@pytest.mark.parametrize("name", SMOOTH)
@pytest.mark.parametrize("which", ["defaults", "other"])
def test_origin_returns_the_smooth_function_with_the_same_gradient(name, which):
    fn, slope, smooth = getattr(S, name), CLOSED_FORMS[name][1], CLOSED_FORMS[name][2]
    p = _params(name, which)
    x = jnp.asarray(GRID, jnp.float32)
    out, grads = jax.jit(
        lambda v: (
            fn(v, origin=True, **p),
            jax.vmap(jax.grad(lambda u: fn(u, origin=True, **p)))(v),
        )
    )(x)
    assert out.dtype == jnp.float32
    _close(out, smooth(GRID, **p), rtol=1e-5)
    _close(grads, slope(GRID, **p))


@pytest.mark.parametrize("name", SMOOTH)
def test_slope_is_the_derivative_of_the_smooth_function(name):
    # Central differences of the closed-form g, away from the kinks of the piecewise ones.
    _, slope, smooth = CLOSED_FORMS[name]
    p = OTHER_PARAMS[name]
    x = np.array([-2.37, -1.61, -0.83, -0.29, -0.11, 0.13, 0.31, 0.77, 1.43, 2.21])
    h = 1e-6
    numeric = (smooth(x + h, **p) - smooth(x - h, **p)) / (2 * h)
    if name == "piecewise_leaky_relu":
        # As documented in 2.3.5: the gradient in the window |x| <= w is 1 / w, twice the
        # slope 1 / (2 w) of g there; outside it is c, the slope of g.
        numeric = np.where(np.abs(x) <= p["w"], 2 * numeric, numeric)
    np.testing.assert_allclose(numeric, slope(x, **p), rtol=1e-5, atol=1e-7)
    grads = jax.jit(jax.vmap(jax.grad(lambda v: getattr(S, name)(v, **p))))(
        jnp.asarray(x, jnp.float32)
    )
    np.testing.assert_allclose(np.asarray(grads), numeric, rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("name", ["sigmoid", "gaussian_grad", "relu_grad", "inv_square_grad"])
def test_array_parameters_broadcast_and_may_be_traced(name):
    fn, slope = getattr(S, name), CLOSED_FORMS[name][1]
    key = next(iter(OTHER_PARAMS[name]))
    values = np.array([0.5, 1.0, 2.0, 3.0])
    # an array parameter broadcast against a scalar input
    g = jax.jit(jax.grad(lambda v: fn(v, **{key: jnp.asarray(values, jnp.float32)}).sum()))(0.3)
    expected = slope(np.full(4, 0.3), **{**_params(name, "defaults"), key: values})
    np.testing.assert_allclose(float(g), expected.sum(), rtol=2e-5)
    # a traced parameter, swept with vmap
    sweep = jax.jit(jax.vmap(lambda a: jax.grad(lambda v: fn(v, **{key: a}))(0.3)))(
        jnp.asarray(values, jnp.float32)
    )
    np.testing.assert_allclose(np.asarray(sweep), expected, rtol=2e-5)


def test_parameters_get_no_gradient():
    g = jax.grad(lambda a: S.sigmoid(0.2, a, origin=True))(2.0)
    assert float(g) == 0.0


@pytest.mark.parametrize("dtype", [jnp.float16, jnp.bfloat16, jnp.float32])
def test_floating_dtypes_are_kept(dtype):
    x = jnp.asarray([-1.0, 0.0, 0.5], dtype)

    def all_of_them(v):
        outs = {}
        for name in NAMES:
            y, pullback = jax.vjp(getattr(S, name), v)
            outs[name] = (y, pullback(jnp.ones_like(y))[0])
        return outs

    for name, (y, g) in jax.jit(all_of_them)(x).items():
        assert y.dtype == dtype and g.dtype == dtype, name
        np.testing.assert_array_equal(np.asarray(y, np.float32), [0.0, 1.0, 1.0])
    assert S.sigmoid(x, jnp.asarray(2.0, jnp.float32), origin=True).dtype == dtype


def test_integer_and_bool_inputs_give_default_floats():
    assert S.inv_square_grad(jnp.array([-2, 0, 3])).dtype == bm.get_float()
    np.testing.assert_array_equal(np.asarray(S.arctan([-2, 0, 3])), [0.0, 1.0, 1.0])
    assert S.sigmoid(np.array([True, False])).dtype == bm.get_float()


def test_brainpy_arrays_variables_and_vector_grad():
    xs = bm.arange(-3, 3, 0.5)
    alpha = bm.Variable(jnp.asarray(2.0))
    assert isinstance(S.erf(xs, alpha), jax.Array)
    grads = bm.vector_grad(lambda v: S.erf(v, alpha))(xs)
    np.testing.assert_allclose(
        np.asarray(grads), CLOSED_FORMS["erf"][1](np.asarray(xs), 2.0), rtol=2e-5, atol=1e-7
    )


def test_second_derivative_is_the_slope_derivative():
    # d/dx of the sigmoid slope alpha s (1 - s) is alpha^2 s (1 - s) (1 - 2 s).
    alpha, x = 2.0, 0.4
    s = _sig(alpha * x)
    h = jax.grad(jax.grad(lambda v: S.sigmoid(v, alpha)))(x)
    np.testing.assert_allclose(float(h), alpha**2 * s * (1 - s) * (1 - 2 * s), rtol=1e-5)


def test_inside_a_scan_loop():
    def body(v, i):
        spike = S.piecewise_exp(v - 1.0)
        return v * 0.9 + 0.3 - spike, spike

    def total(v0):
        _, spikes = jax.lax.scan(body, v0, jnp.arange(20))
        return spikes.sum()

    g = jax.jit(jax.grad(total))(jnp.asarray([0.5, 1.5]))
    assert np.all(np.isfinite(np.asarray(g))) and np.any(np.asarray(g) != 0)


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: S.sigmoid(1.0, -1.0), ValueError, ["sigmoid", "alpha", "positive", "-1.0"]),
        (lambda: S.sigmoid(1.0, alpha=0.0), ValueError, ["alpha", "positive"]),
        (lambda: S.q_pseudo_spike(1.0, 1.0), ValueError, ["q_pseudo_spike", "alpha", "> 1"]),
        (lambda: S.gaussian_grad(1.0, sigma=np.array([1.0, -2.0])), ValueError, ["sigma", "-2.0"]),
        (lambda: S.relu_grad(1.0, width=float("nan")), ValueError, ["relu_grad", "width"]),
        (
            lambda: S.leaky_relu(1.0, beta=float("inf")),
            ValueError,
            ["leaky_relu", "beta", "finite"],
        ),
        (lambda: S.arctan(1.0, "2"), TypeError, ["arctan", "alpha", "str"]),
        (lambda: S.erf(1.0, True), TypeError, ["erf", "alpha", "bool"]),
        (
            lambda: S.soft_sign(1.0, jnp.asarray(1 + 1j)),
            TypeError,
            ["soft_sign", "alpha", "complex"],
        ),
        (lambda: S.sigmoid(1.0, origin=1), TypeError, ["sigmoid", "origin", "True or False"]),
        (
            lambda: S.squarewave_fourier_series(1.0, n=2.0),
            TypeError,
            ["squarewave_fourier_series", "n", "int"],
        ),
        (lambda: S.squarewave_fourier_series(1.0, n=0), ValueError, ["n", ">= 1"]),
        (lambda: S.slayer_grad(jnp.asarray([1j])), TypeError, ["slayer_grad", "x", "real"]),
        (lambda: S.inv_square_grad(1.0, beta=2.0), TypeError, ["beta"]),
    ],
)
def test_bad_arguments_are_named(call, error, words):
    with pytest.raises(error) as info:
        call()
    for word in words:
        assert word in str(info.value)


def test_none_means_the_default():
    x = jnp.asarray(GRID, jnp.float32)
    g_none = jax.vmap(jax.grad(lambda v: S.multi_gaussian_grad(v, None, None, None, None)))(x)
    g_default = jax.vmap(jax.grad(S.multi_gaussian_grad))(x)
    np.testing.assert_array_equal(np.asarray(g_none), np.asarray(g_default))


def test_float64_under_x64(run_python):
    code = """
import jax, jax.numpy as jnp, numpy as np
import brainpy_math as bm
bm.enable_x64()
xs = bm.arange(-3, 3, 0.005)
assert bm.surrogate.sigmoid(xs).dtype == jnp.float64
g = bm.vector_grad(lambda v: bm.surrogate.inv_square_grad(v, 3.0))(xs)
assert g.dtype == jnp.float64
np.testing.assert_allclose(np.asarray(g), 1 / (3 * np.abs(np.asarray(xs)) + 1) ** 2, rtol=1e-13)
a, b = xs[:-1], xs[1:]
g2 = bm.vector_grad(bm.surrogate.relu_grad2)(a, b)
assert g2.dtype == jnp.float64 and g2.shape == a.shape
assert bm.surrogate.erf(jnp.asarray([1.0], jnp.float32)).dtype == jnp.float32
print("ok")
"""
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"

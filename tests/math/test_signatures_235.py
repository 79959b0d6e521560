"""2.3.5's positional orders of the autograd transforms, ifelse and the CSR products."""

import inspect

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm


@pytest.mark.parametrize("name", ["grad", "vector_grad", "jacobian", "jacrev", "jacfwd", "hessian"])
def test_transforms_take_dyn_vars_and_child_objs_third_and_fourth(name):
    params = list(inspect.signature(getattr(bm, name)).parameters)
    assert params[:5] == ["func", "grad_vars", "dyn_vars", "child_objs", "argnums"]
    assert getattr(bm, name) is getattr(bm.object_transform, name)


def test_grad_with_grad_vars_and_dyn_vars_given_positionally():
    w = bm.TrainVar(jnp.asarray([1.0, 2.0]))
    b = bm.Variable(jnp.asarray(0.5))

    def loss(x):
        return ((w.value * x).sum() + b.value) ** 2

    x = jnp.asarray([3.0, 4.0])
    g = bm.grad(loss, w, [w, b])(x)  # 2.3.5: grad(func, grad_vars, dyn_vars)
    np.testing.assert_allclose(g, 2 * (11.0 + 0.5) * np.asarray(x), rtol=1e-6)
    gw, gx = bm.grad(loss, w, None, None, 0)(x)  # argnums fifth
    np.testing.assert_allclose(gx, 2 * 11.5 * np.asarray([1.0, 2.0]), rtol=1e-6)
    np.testing.assert_allclose(gw, g, rtol=1e-6)


def test_jacobian_and_vector_grad_with_positional_argnums():
    f = bm.jacobian(lambda x: x**2, None, None, None, 0)
    np.testing.assert_allclose(f(jnp.asarray([1.0, 3.0])), np.diag([2.0, 6.0]))
    v = bm.vector_grad(lambda x: x**3, None, None, None, 0)
    np.testing.assert_allclose(v(jnp.asarray([1.0, 2.0])), [3.0, 12.0])
    h = bm.hessian(lambda x: (x**3).sum(), None, None, None, 0)
    np.testing.assert_allclose(h(jnp.asarray([1.0, 2.0])), np.diag([6.0, 12.0]))


def test_ifelse_accepts_child_objs():
    params = list(inspect.signature(bm.ifelse).parameters)
    assert params == ["conditions", "branches", "operands", "dyn_vars", "child_objs", "show_code"]
    out = bm.ifelse([False, True], [lambda x: x, lambda x: 2 * x, lambda x: 3 * x], 5.0, None, None)
    assert float(out) == 10.0


# A = [[0, 2, 3], [4, 0, 0]]
VALUES, INDICES, INDPTR = np.array([2.0, 3.0, 4.0]), np.array([1, 2, 0]), np.array([0, 2, 3])


def test_csr_matvec_takes_values_first_and_shape_positionally():
    assert list(inspect.signature(bm.csr_matvec).parameters)[:6] == [
        "values",
        "indices",
        "indptr",
        "vector",
        "shape",
        "transpose",
    ]
    vec = np.array([1.0, 2.0])
    want = np.array([[0, 2, 3], [4, 0, 0]], np.float32).T @ vec
    np.testing.assert_allclose(bm.csr_matvec(VALUES, INDICES, INDPTR, vec, (2, 3), True), want)
    got = bm.operators.csr_matvec(
        values=VALUES, indices=INDICES, indptr=INDPTR, vector=vec, shape=(2, 3), transpose=True
    )
    np.testing.assert_allclose(got, want)
    # the earlier keyword name still works, but not together with values
    got = bm.csr_matvec(
        data=VALUES, indices=INDICES, indptr=INDPTR, vector=vec, shape=(2, 3), transpose=True
    )
    np.testing.assert_allclose(got, want)
    with pytest.raises(TypeError, match="values was given twice"):
        bm.csr_matvec(VALUES, INDICES, INDPTR, vec, (2, 3), True, data=VALUES)


def test_event_csr_matvec_takes_values_first_and_shape_positionally():
    assert list(inspect.signature(bm.event_csr_matvec).parameters) == [
        "values",
        "indices",
        "indptr",
        "events",
        "shape",
        "transpose",
    ]
    events = np.array([True, False])
    np.testing.assert_allclose(
        bm.event_csr_matvec(0.5, INDICES, INDPTR, events, (2, 3), True), [0.0, 0.5, 0.5]
    )
    np.testing.assert_allclose(
        bm.operators.event_csr_matvec(
            values=VALUES,
            indices=INDICES,
            indptr=INDPTR,
            events=events,
            shape=(2, 3),
            transpose=True,
        ),
        [0.0, 2.0, 3.0],
    )
    np.testing.assert_allclose(
        bm.event.csr_matvec(
            data=1.0, indices=INDICES, indptr=INDPTR, events=events, shape=(2, 3), transpose=True
        ),
        [0.0, 1.0, 1.0],
    )


def test_surrogates_take_2_3_5_keywords():
    x = jnp.asarray([-1.0, 0.0, 0.5])
    np.testing.assert_array_equal(bm.surrogate.arctan(x, alpha=2.0), [0.0, 1.0, 1.0])
    np.testing.assert_array_equal(bm.surrogate.sigmoid(x, alpha=4.0), [0.0, 1.0, 1.0])
    with pytest.warns(DeprecationWarning, match="spike_with_sigmoid_grad"):
        spike = bm.spike_with_sigmoid_grad
    np.testing.assert_array_equal(spike(x, 100.0), [0.0, 1.0, 1.0])


def test_numpy_1_keywords_of_2_3_5():
    x = np.arange(5.0)
    np.testing.assert_array_equal(bm.clip(x, a_min=1.0, a_max=3.0), np.clip(x, 1.0, 3.0))
    np.testing.assert_array_equal(bm.clip(x, 1.0, 3.0), np.clip(x, 1.0, 3.0))
    np.testing.assert_array_equal(bm.clip(x, max=2.0), np.clip(x, None, 2.0))
    with pytest.raises(TypeError, match="a_min"):
        bm.clip(x, a_min=1.0, min=2.0)
    assert bm.reshape(x[:4], newshape=(2, 2)).shape == (2, 2)
    assert bm.reshape(x[:4], (4, 1)).shape == (4, 1)
    assert bm.reshape(x[:4], shape=(1, 4)).shape == (1, 4)
    for name in ("percentile", "nanpercentile"):
        got = getattr(bm, name)(x, [10.0, 90.0], interpolation="lower")
        np.testing.assert_allclose(got, getattr(np, name)(x, [10.0, 90.0], method="lower"))
    for name in ("quantile", "nanquantile"):
        got = getattr(bm, name)(x, 0.3, interpolation="higher")
        np.testing.assert_allclose(got, getattr(np, name)(x, 0.3, method="higher"))
    assert bm.compat_numpy.clip is bm.clip


def test_identity_is_the_activation_and_compat_numpy_keeps_the_matrix():
    x = jnp.asarray([1.0, -2.0])
    assert bm.identity is bm.activations.identity
    np.testing.assert_array_equal(bm.identity(x), x)
    np.testing.assert_array_equal(bm.compat_numpy.identity(2), np.eye(2))


def test_for_loop_remat_keeps_values_and_gradients():
    v = bm.Variable(jnp.zeros(2))
    w = bm.TrainVar(jnp.asarray([1.0, 2.0]))

    def body(x):
        v.value = 0.9 * v.value + w.value * x
        return v.value

    def loss(remat):
        v.value = jnp.zeros(2)
        return bm.for_loop(body, jnp.ones((3, 2)), remat=remat).sum()

    # v_t = w (1 + 0.9 + ... + 0.9^t): the sum over t=0..2 is w (1 + 1.9 + 2.71) = 5.61 w
    for remat in (False, True):
        np.testing.assert_allclose(loss(remat), 5.61 * 3.0, rtol=1e-6)
        np.testing.assert_allclose(bm.grad(lambda r=remat: loss(r), w)(), [5.61, 5.61], rtol=1e-6)
        grad = bm.jit(bm.grad(lambda r=remat: loss(r), w))
        np.testing.assert_allclose(grad(), [5.61, 5.61], rtol=1e-6)


def test_call_based_schedulers_take_last_call():
    sch = bm.optimizers.ExponentialDecay(1.0, 10, 0.5, -1, 19)  # resumes at update 20
    np.testing.assert_allclose(float(sch()), 0.5**2, rtol=1e-6)
    sch.step_call()
    np.testing.assert_allclose(float(sch()), 0.5**2.1, rtol=1e-6)
    piece = bm.optimizers.PiecewiseConstant([2, 4], [1.0, 0.5, 0.25], last_call=1)
    assert float(piece()) == 0.5
    for cls, args in (
        (bm.optimizers.InverseTimeDecay, (1.0, 10, 0.5, False)),
        (bm.optimizers.PolynomialDecay, (1.0, 10, 0.0, 1.0)),
    ):
        assert list(inspect.signature(cls).parameters)[-2:] == ["last_epoch", "last_call"]
        np.testing.assert_allclose(float(cls(*args, -1, 4)()), float(cls(*args)(5)), rtol=1e-6)
    with pytest.raises(ValueError, match="last_call"):
        bm.optimizers.ExponentialDecay(1.0, 10, 0.5, last_call=-2)
    assert float(bm.optimizers.make_schedule(scalar_or_schedule=0.2)()) == pytest.approx(0.2)


@pytest.mark.parametrize("tol", [None, 1e-2, 0.5])
@pytest.mark.parametrize(
    "a",
    [np.diag([1.0, 1e-3, 0.0]), np.arange(24.0).reshape(2, 3, 4), np.zeros((2, 2)), np.ones(3)],
)
def test_matrix_rank_tol_is_numpys_absolute_threshold(a, tol):
    np.testing.assert_array_equal(bm.linalg.matrix_rank(a, tol), np.linalg.matrix_rank(a, tol))


def test_matrix_rank_rtol_and_both_refused():
    a = np.diag([1.0, 0.3, 0.01])
    assert int(bm.linalg.matrix_rank(a, rtol=0.1)) == np.linalg.matrix_rank(a, rtol=0.1) == 2
    with pytest.raises(TypeError, match="not both"):
        bm.linalg.matrix_rank(a, 0.1, rtol=0.1)


def test_histograms_take_density_before_weights_as_numpy():
    x, y = np.array([0.0, 1.0, 1.0, 3.0]), np.array([0.0, 2.0, 1.0, 3.0])
    for ours, ref in [
        (bm.histogram(x, 3, (0.0, 3.0), True), np.histogram(x, 3, (0.0, 3.0), True)),
        (bm.histogram2d(x, y, 2, None, True), np.histogram2d(x, y, 2, None, True)),
        (
            bm.histogramdd(np.stack([x, y], 1), 2, None, True),
            np.histogramdd(np.stack([x, y], 1), 2, None, True),
        ),
    ]:
        np.testing.assert_allclose(ours[0], ref[0], rtol=1e-6)
    counts, _ = bm.histogram(x, 2, weights=np.array([1.0, 2.0, 3.0, 4.0]))
    np.testing.assert_allclose(counts, np.histogram(x, 2, weights=[1.0, 2.0, 3.0, 4.0])[0])

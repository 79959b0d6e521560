"""XLACustomOp: a host (NumPy) operator under eager calls, jit, loops, vmap and jvp."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm


def _event_sum(outs, ins):
    """Sum ``value`` into the targets of every neuron that spiked (CSR connectivity)."""
    events, indices, indptr, _, value = ins
    (out,) = outs
    for i in np.flatnonzero(events):
        np.add.at(out, indices[indptr[i] : indptr[i + 1]], value[()])


EVENT_SUM = bm.XLACustomOp(
    name="event_sum", cpu_func=_event_sum, eval_shape=lambda e, i, p, post, v: [post]
)
INDICES = np.array([0, 2, 1, 2, 0, 1, 2])
INDPTR = np.array([0, 2, 4, 4, 7])


def _reference(events, value):
    dense = np.zeros((4, 3))
    for i in range(4):
        dense[i, INDICES[INDPTR[i] : INDPTR[i + 1]]] += 1
    return value * (np.asarray(events, float) @ dense)


def test_public_names():
    assert bm.operators.XLACustomOp is bm.XLACustomOp
    assert "XLACustomOp" in bm.__all__


def test_eager_and_jit_match_a_dense_reference():
    events = np.array([True, False, True, True])
    post = bm.zeros(3)
    (got,) = EVENT_SUM(events, INDICES, INDPTR, post, 0.5)
    assert isinstance(got, bm.Array) and got.dtype == jnp.float32
    np.testing.assert_allclose(np.asarray(got), _reference(events, 0.5))
    jitted = bm.jit(lambda e: EVENT_SUM(e, INDICES, INDPTR, post, 2.0)[0])
    np.testing.assert_allclose(np.asarray(jitted(events)), _reference(events, 2.0))


def test_inside_for_loop_and_vmap():
    rng = np.random.default_rng(0)
    spikes = rng.random((6, 4)) < 0.5
    post = bm.zeros(3)
    acc = bm.Variable(bm.zeros(3))

    def step(e):
        acc.value = acc.value + EVENT_SUM(e, INDICES, INDPTR, post, 1.0)[0]
        return acc.value

    bm.for_loop(step, spikes)
    want = sum(_reference(e, 1.0) for e in spikes)
    np.testing.assert_allclose(np.asarray(acc.value), want)
    batched = jax.vmap(lambda e: EVENT_SUM(e, INDICES, INDPTR, post.value, 1.0)[0].value)(spikes)
    np.testing.assert_allclose(np.asarray(batched), np.stack([_reference(e, 1.0) for e in spikes]))


def test_single_result_con_compute_and_shape_objects():
    add = bm.XLACustomOp(
        con_compute=lambda a, b: a + b,
        eval_shape=lambda a, b: jax.ShapeDtypeStruct(a.shape, a.dtype),
        multiple_results=False,
    )
    np.testing.assert_array_equal(np.asarray(add(bm.ones(2), 3.0)), [4.0, 4.0])
    split = bm.XLACustomOp(
        cpu_func=lambda outs, ins: (outs[0].__setitem__(..., ins[0].sum()), outs[1].fill(7)),
        eval_shape=lambda x: (
            jax.core.ShapedArray((), x.dtype),
            jax.ShapeDtypeStruct((2,), "int32"),
        ),
    )
    total, sevens = split(np.arange(4.0, dtype=np.float32))
    assert float(total) == 6.0
    np.testing.assert_array_equal(np.asarray(sevens), [7, 7])


def test_custom_rules_for_vmap_and_jvp():
    def double(outs, ins):
        outs[0][:] = 2 * ins[0]

    calls = []

    def batch_rule(args, dims):
        calls.append(dims)
        return [2 * jnp.moveaxis(args[0], dims[0], 0)], [0]

    op = bm.XLACustomOp(
        cpu_func=double,
        eval_shape=lambda x: [x],
        batching_translation=batch_rule,
        jvp_translation=lambda primals, tangents: ([2 * primals[0]], [2 * tangents[0]]),
    )
    xs = jnp.arange(6.0).reshape(2, 3)
    np.testing.assert_array_equal(np.asarray(jax.vmap(lambda x: op(x)[0].value)(xs)), 2 * xs)
    assert calls == [[0]]
    grad = jax.grad(lambda x: op(x)[0].value.sum())(jnp.ones(3))
    np.testing.assert_array_equal(np.asarray(grad), [2.0, 2.0, 2.0])


def test_errors():
    op = bm.XLACustomOp(cpu_func=lambda outs, ins: None, eval_shape=lambda x: [x], name="noop")
    with pytest.raises(NotImplementedError, match="'noop' cannot be differentiated"):
        jax.grad(lambda x: op(x)[0].value.sum())(jnp.ones(3))
    with pytest.raises(ValueError, match="eval_shape must be a function"):
        bm.XLACustomOp(cpu_func=lambda outs, ins: None)
    with pytest.raises(ValueError, match=r"give cpu_func\(outs, ins\) or con_compute"):
        bm.XLACustomOp(eval_shape=lambda x: [x])
    with pytest.raises(NotImplementedError, match="gpu_func .* cannot run without Numba"):
        bm.XLACustomOp(eval_shape=lambda x: [x], gpu_func=object())
    with pytest.raises(NotImplementedError, match="transpose_translation is not supported"):
        bm.XLACustomOp(
            eval_shape=lambda x: [x], cpu_func=lambda o, i: None, transpose_translation=print
        )
    bad = bm.XLACustomOp(eval_shape=lambda x: ["nope"], cpu_func=lambda o, i: None)
    with pytest.raises(TypeError, match="must return objects with a shape and a dtype"):
        bad(bm.ones(2))
    wrong = bm.XLACustomOp(eval_shape=lambda x: [x], con_compute=lambda x: np.ones(5))
    with pytest.raises(
        Exception, match=r"eval_shape promised \[\(2,\)\]"
    ):  # the callback fails at run time
        jax.block_until_ready(wrong(bm.ones(2))[0].value)

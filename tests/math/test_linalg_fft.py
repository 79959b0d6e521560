"""``bm.linalg`` and ``bm.fft``: complete, Array in/out, NumPy as oracle."""

from __future__ import annotations

import types

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
import brainpy_math.fft
import brainpy_math.linalg


def spd(n, seed=0):
    rng = np.random.default_rng(seed)
    m = rng.normal(size=(n, n)).astype(np.float32)
    return (m @ m.T + n * np.eye(n)).astype(np.float32)


def signal(shape, seed=0, dtype=np.float32):
    return np.random.default_rng(seed).normal(size=shape).astype(dtype)


def assert_close(result, expected, rtol=1e-4, atol=1e-4):
    expected = np.asarray(expected)
    if expected.ndim > 0:
        assert type(result) is bm.Array, type(result)
        result = result.value
    else:
        assert isinstance(result, jax.Array) and not isinstance(result, bm.Array)
    assert result.shape == expected.shape
    np.testing.assert_allclose(np.asarray(result), expected, rtol=rtol, atol=atol)


@pytest.mark.parametrize(
    "public,source",
    [(brainpy_math.linalg, jnp.linalg), (brainpy_math.fft, jnp.fft)],
    ids=["linalg", "fft"],
)
def test_namespace_is_complete(public, source):
    names = [n for n in dir(source) if not n.startswith("_")]
    names = [n for n in names if not isinstance(getattr(source, n), types.ModuleType)]
    assert sorted(public.__all__) == sorted(names)
    for n in names:
        f = getattr(public, n)
        assert f is not getattr(source, n) and f.__module__ == public.__name__ and f.__name__ == n
    assert getattr(bm, public.__name__.rpartition(".")[2]) is public


def test_linalg_matches_numpy():
    a = spd(3)
    b = signal((3, 2), 1)
    m = signal((4, 3), 2)
    A = bm.Array(a)
    assert_close(bm.linalg.norm(A), np.linalg.norm(a))
    assert_close(bm.linalg.norm(A, axis=0), np.linalg.norm(a, axis=0))
    assert_close(bm.linalg.norm(A, ord=1), np.linalg.norm(a, ord=1))
    assert_close(bm.linalg.inv(A), np.linalg.inv(a))
    assert_close(bm.linalg.det(A), np.linalg.det(a), rtol=1e-3)
    assert_close(bm.linalg.solve(A, bm.Array(b)), np.linalg.solve(a, b))
    assert_close(bm.linalg.cholesky(A), np.linalg.cholesky(a))
    assert_close(bm.linalg.pinv(bm.Array(m)), np.linalg.pinv(m))
    assert_close(bm.linalg.matrix_power(A, 3), np.linalg.matrix_power(a, 3), rtol=1e-3)
    assert_close(bm.linalg.matrix_rank(bm.Array(m)), np.linalg.matrix_rank(m))
    assert_close(bm.linalg.eigvalsh(A), np.linalg.eigvalsh(a))
    assert_close(bm.linalg.multi_dot([A, bm.Array(b), bm.Array(b.T)]), a @ b @ b.T, rtol=1e-3)

    w, v = bm.linalg.eigh(A)
    assert type(w) is bm.Array and type(v) is bm.Array
    np.testing.assert_allclose(np.asarray(v @ bm.diag(w) @ v.T), a, rtol=1e-4, atol=1e-4)

    res = bm.linalg.svd(bm.Array(m), full_matrices=False)
    assert hasattr(res, "_fields") and type(res.S) is bm.Array
    np.testing.assert_allclose(np.asarray(res.S), np.linalg.svd(m, compute_uv=False), rtol=1e-4)
    np.testing.assert_allclose(np.asarray((res.U * res.S) @ res.Vh), m, rtol=1e-4, atol=1e-5)

    q, r = bm.linalg.qr(bm.Array(m))
    np.testing.assert_allclose(np.asarray(q @ r), m, rtol=1e-4, atol=1e-5)
    sign, logdet = bm.linalg.slogdet(A)
    exp_sign, exp_logdet = np.linalg.slogdet(a)
    assert_close(sign, exp_sign)
    assert_close(logdet, exp_logdet)


def test_fft_matches_numpy():
    x = signal((8,))
    y = signal((4, 6), 1)
    X = bm.Array(x)
    assert_close(bm.fft.fft(X), np.fft.fft(x))
    assert_close(bm.fft.ifft(bm.fft.fft(X)), x.astype(np.complex64))
    assert_close(bm.fft.rfft(X), np.fft.rfft(x))
    assert_close(bm.fft.irfft(bm.fft.rfft(X), n=8), x)
    assert_close(bm.fft.fft2(bm.Array(y)), np.fft.fft2(y))
    assert_close(bm.fft.rfftn(bm.Array(y)), np.fft.rfftn(y))
    assert_close(bm.fft.fft(X, n=4), np.fft.fft(x, n=4))
    assert_close(bm.fft.fftfreq(8, d=0.5), np.fft.fftfreq(8, d=0.5))
    assert_close(bm.fft.rfftfreq(8), np.fft.rfftfreq(8))
    assert_close(bm.fft.fftshift(X), np.fft.fftshift(x))
    assert_close(bm.fft.ifftshift(bm.Array(y), axes=1), np.fft.ifftshift(y, axes=1))
    assert_close(bm.fft.hfft(bm.Array(x[:5].astype(np.complex64))), np.fft.hfft(x[:5]))


def test_out_and_errors():
    a = spd(2)
    out = bm.Array(np.zeros((2, 2), np.float32))
    assert bm.linalg.inv(a, out=out) is None
    np.testing.assert_allclose(np.asarray(out), np.linalg.inv(a), rtol=1e-5)
    v = bm.Variable(jnp.zeros(4, jnp.complex64))
    bm.fft.fft(bm.ones(4), out=v)
    np.testing.assert_allclose(np.asarray(v), np.fft.fft(np.ones(4)))
    with pytest.raises(TypeError, match=r"^fft.fft: out must be a brainpy Array or Variable"):
        bm.fft.fft(bm.ones(4), out=np.zeros(4, np.complex64))
    with pytest.raises(TypeError, match="same_kind"):
        bm.fft.fft(bm.ones(4), out=bm.zeros(4))  # complex into float


def test_under_jit_and_vmap():
    mats = np.stack([spd(3, s) for s in range(4)])

    def f(m):
        return bm.linalg.det(m) + bm.sum(bm.abs(bm.fft.rfft(m[0])))

    expected = np.array(
        [np.linalg.det(m) + np.abs(np.fft.rfft(m[0])).sum() for m in mats], np.float32
    )
    np.testing.assert_allclose(np.asarray(jax.jit(jax.vmap(f))(mats)), expected, rtol=1e-3)
    inv = jax.jit(bm.linalg.inv)(mats)
    assert type(inv) is bm.Array
    np.testing.assert_allclose(np.asarray(inv), np.linalg.inv(mats), rtol=1e-4, atol=1e-5)

"""Samplers that :mod:`jax.random` lacks, written here with JAX operations.

von Mises (Best and Fisher's rejection method), Zipf (Devroye's rejection method, as in
NumPy), logarithmic series (Kemp's method, as in NumPy) and hypergeometric (sequential
draws without replacement). Rejection runs in a ``lax.while_loop`` until every entry has
been accepted, so each entry is an exact draw.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from brainpy_math._src.random._utils import (
    ArrayLike,
    KeyedSampler,
    Size,
    as_param,
    check_param,
    concrete,
    finish,
    float_dtype,
    int_dtype,
    nonneg,
    normalize_size,
    rejection_sample,
    result_shape,
)

__all__ = ["SpecialSampling"]


def _integral_nonneg(a: np.ndarray) -> np.ndarray:
    return np.asarray((a >= 0) & (np.floor(a) == a))


def _greater_than_one(a: np.ndarray) -> np.ndarray:
    return a > 1


def _log_series_p(a: np.ndarray) -> np.ndarray:
    return (a >= 0) & (a < 1)


class SpecialSampling(KeyedSampler):
    """von Mises, Zipf, logarithmic-series and hypergeometric samplers."""

    __slots__ = ()

    def vonmises(self, mu: ArrayLike, kappa: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Von Mises (circular normal) samples in [-pi, pi): :func:`numpy.random.vonmises`.

        Best and Fisher's (1979) rejection method, with the constants written so that
        nothing cancels in float32: small ``kappa`` tends to the uniform distribution and
        large ``kappa`` keeps full precision around ``mu``.

        Args:
          mu: the centre (radians).
          kappa: the concentration (non-negative; 0 gives the uniform distribution).
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator (which then does not
            advance).

        Raises:
          ValueError: a negative ``kappa`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.vonmises(0., 4., size=(2, 50))
          >>> x.shape, bool((abs(x.value) <= 3.1416).all())
          ((2, 50), True)
        """
        fn = "vonmises"
        size = normalize_size(size, fn)
        check_param(fn, "kappa", kappa, nonneg, "non-negative")
        shape = result_shape(fn, size, mu, kappa)
        dtype = float_dtype()
        out = _vonmises(self._key(key, fn), as_param(mu), as_param(kappa), shape, dtype)
        return finish(out)

    def zipf(self, a: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Zipf samples (``P(k) = k**-a / zeta(a)``, ``k >= 1``): :func:`numpy.random.zipf`.

        Devroye's rejection method, as in NumPy.

        Note:
          As NumPy conditions on values that fit an int64, the samples here are
          conditioned on fitting the default int dtype (int32 unless x64 is enabled,
          where the difference matters only for ``a`` close to 1). The proposal is
          computed in the default float dtype, so without x64 values above ``2**24`` are
          rounded to float32 resolution.

        Args:
          a: the exponent (greater than 1).
          size: the output shape; ``None`` gives the shape of ``a``.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: ``a <= 1`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.zipf(2., size=100)
          >>> x.shape, x.dtype, int(x.value.min()) >= 1
          ((100,), dtype('int32'), True)
        """
        fn = "zipf"
        size = normalize_size(size, fn)
        check_param(fn, "a", a, _greater_than_one, "greater than 1")
        shape = result_shape(fn, size, a)
        out = _zipf(self._key(key, fn), as_param(a), shape, float_dtype(), int_dtype())
        return finish(out)

    def logseries(self, p: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Logarithmic-series samples (``k >= 1``): :func:`numpy.random.logseries`.

        Kemp's (1981) method, as in NumPy.

        Args:
          p: the shape parameter, in [0, 1).
          size: the output shape; ``None`` gives the shape of ``p``.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: ``p`` outside [0, 1) (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.logseries(0.6, size=(2, 3))
          >>> x.shape, x.dtype
          ((2, 3), dtype('int32'))
        """
        fn = "logseries"
        size = normalize_size(size, fn)
        check_param(fn, "p", p, _log_series_p, "in [0, 1)")
        shape = result_shape(fn, size, p)
        out = _logseries(self._key(key, fn), as_param(p), shape, float_dtype(), int_dtype())
        return finish(out)

    def hypergeometric(
        self,
        ngood: ArrayLike,
        nbad: ArrayLike,
        nsample: ArrayLike,
        size: Size = None,
        key: Any = None,
    ) -> Any:
        """Hypergeometric samples: BrainPy implementation of :func:`numpy.random.hypergeometric`.

        The number of good items among ``nsample`` drawn without replacement from an urn
        of ``ngood`` good and ``nbad`` bad items, simulated draw by draw (each draw is good
        with probability ``good left / items left``). The loop runs
        ``max(min(nsample, ngood + nbad - nsample))`` steps, vectorised over the output,
        so the cost grows with the sample size.

        Args:
          ngood: the number of good items (a non-negative integer).
          nbad: the number of bad items (a non-negative integer).
          nsample: the number of draws, at most ``ngood + nbad``.
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: negative or non-integer counts or ``nsample > ngood + nbad`` (when
            concrete), or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.hypergeometric(7, 3, 5, size=100)
          >>> x.shape, 2 <= int(x.value.min()) and int(x.value.max()) <= 5
          ((100,), True)
        """
        fn = "hypergeometric"
        size = normalize_size(size, fn)
        for name, value in (("ngood", ngood), ("nbad", nbad), ("nsample", nsample)):
            check_param(fn, name, value, _integral_nonneg, "a non-negative integer")
        good_np, bad_np, sample_np = (concrete(v) for v in (ngood, nbad, nsample))
        if good_np is not None and bad_np is not None and sample_np is not None:
            if not np.all(sample_np <= good_np + bad_np):
                raise ValueError(
                    f"{fn}: nsample must be at most ngood + nbad, got ngood={ngood!r}, "
                    f"nbad={nbad!r}, nsample={nsample!r}."
                )
        shape = result_shape(fn, size, ngood, nbad, nsample)
        itype = int_dtype()
        counts = [as_param(v, itype) for v in (ngood, nbad, nsample)]
        out = _hypergeometric(self._key(key, fn), *counts, shape, float_dtype())
        return finish(out)


@functools.partial(jax.jit, static_argnums=(3, 4))
def _vonmises(
    key: jax.Array, mu: jax.Array, kappa: jax.Array, shape: tuple[int, ...], dtype: Any
) -> Any:
    mu = jnp.broadcast_to(mu, shape)
    k = jnp.broadcast_to(jnp.maximum(kappa, 1e-20), shape)
    # Best-Fisher constants: rho = (tau - sqrt(2 tau)) / (2 k) with tau = 1 + sqrt(1 + 4k^2),
    # rewritten as rho = 2k / d and 1 - rho = (1 + 1 / (q + 2k) + sqrt(2 tau)) / d, where
    # q = sqrt(1 + 4k^2) and d = tau + sqrt(2 tau); then s - 1 = (1 - rho)^2 / (2 rho).
    q = jnp.hypot(1.0, 2 * k)
    tau = 1 + q
    d = tau + jnp.sqrt(2 * tau)
    rho = 2 * k / d
    s_m1 = jnp.square((1 + 1 / (q + 2 * k) + jnp.sqrt(2 * tau)) / d) / (2 * rho)
    ks = k * s_m1

    def propose(sub: jax.Array) -> tuple[jax.Array, jax.Array]:
        ku, kv = jax.random.split(sub)
        half_angle = (math.pi / 2) * jax.random.uniform(ku, shape, dtype)
        v = jax.random.uniform(kv, shape, dtype)
        h = 2 * jnp.square(jnp.sin(half_angle))  # 1 - z, with z = cos(pi u)
        g = 2 * jnp.square(jnp.cos(half_angle))  # 1 + z
        denom = s_m1 + g  # s + z
        y = ks * ((2 + s_m1) / denom)  # kappa * (s - w), w = (1 + s z) / (s + z)
        ok = (y * (2 - y) >= v) | (jnp.log(y / v) + 1 - y >= 0)
        one_minus_w = s_m1 * (h / denom)
        theta = 2 * jnp.arcsin(jnp.sqrt(jnp.clip(one_minus_w / 2, 0.0, 1.0)))  # acos(w)
        return theta, ok

    k_rej, k_sign = jax.random.split(key)
    theta = rejection_sample(k_rej, shape, dtype, propose)
    theta = jnp.where(jax.random.bernoulli(k_sign, 0.5, shape), theta, -theta)
    return jnp.mod(mu + theta + math.pi, 2 * math.pi) - math.pi


@functools.partial(jax.jit, static_argnums=(2, 3, 4))
def _zipf(key: jax.Array, a: jax.Array, shape: tuple[int, ...], dtype: Any, itype: Any) -> Any:
    am1 = jnp.broadcast_to(a - 1, shape)
    b_m1 = jnp.expm1(am1 * math.log(2.0))  # 2**(a-1) - 1
    limit = jnp.asarray(np.iinfo(itype).max, dtype)

    def propose(sub: jax.Array) -> tuple[jax.Array, jax.Array]:
        ku, kv = jax.random.split(sub)
        u = 1 - jax.random.uniform(ku, shape, dtype)  # (0, 1]
        v = jax.random.uniform(kv, shape, dtype)
        x = jnp.floor(jnp.exp(-jnp.log(u) / am1))
        t_m1 = jnp.expm1(am1 * jnp.log1p(1 / x))  # (1 + 1/x)**(a-1) - 1
        # NumPy's test v x (t - 1) / (b - 1) <= t / b, multiplied out.
        ok = (x >= 1) & (x < limit) & (v * x * t_m1 * (b_m1 + 1) <= (t_m1 + 1) * b_m1)
        return x, ok

    return rejection_sample(key, shape, dtype, propose).astype(itype)


@functools.partial(jax.jit, static_argnums=(2, 3, 4))
def _logseries(key: jax.Array, p: jax.Array, shape: tuple[int, ...], dtype: Any, itype: Any) -> Any:
    p = jnp.broadcast_to(p, shape)
    r = jnp.log1p(-p)
    tiny = jnp.finfo(dtype).tiny  # type: ignore[no-untyped-call]
    limit = jnp.asarray(np.iinfo(itype).max, dtype)

    def propose(sub: jax.Array) -> tuple[jax.Array, jax.Array]:
        kv, ku = jax.random.split(sub)
        v = jax.random.uniform(kv, shape, dtype, minval=tiny)  # (0, 1)
        u = jax.random.uniform(ku, shape, dtype)
        q = -jnp.expm1(r * u)
        tail = jnp.floor(1 + jnp.log(v) / jnp.log(q))
        x = jnp.where(v >= p, 1.0, jnp.where(v <= q * q, tail, jnp.where(v >= q, 1.0, 2.0)))
        return x, (x >= 1) & (x < limit)

    return rejection_sample(key, shape, dtype, propose).astype(itype)


@functools.partial(jax.jit, static_argnums=(4, 5))
def _hypergeometric(
    key: jax.Array,
    ngood: jax.Array,
    nbad: jax.Array,
    nsample: jax.Array,
    shape: tuple[int, ...],
    dtype: Any,
) -> Any:
    good = jnp.broadcast_to(ngood, shape)
    total = good + jnp.broadcast_to(nbad, shape)
    draws = jnp.broadcast_to(nsample, shape)
    flip = 2 * draws > total  # draw the complement instead: fewer steps
    steps = jnp.where(flip, total - draws, draws)

    def step(i: Any, hits: jax.Array) -> Any:
        u = jax.random.uniform(jax.random.fold_in(key, i), shape, dtype)
        good_left = (good - hits).astype(dtype)
        left = (total - i).astype(dtype)
        return hits + ((i < steps) & (u * left < good_left)).astype(hits.dtype)

    upper = jnp.max(steps, initial=0)
    hits = lax.fori_loop(0, upper, step, jnp.zeros(shape, good.dtype))
    return jnp.where(flip, good - hits, hits)

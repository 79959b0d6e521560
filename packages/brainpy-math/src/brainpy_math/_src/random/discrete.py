"""Counting samplers: Bernoulli, binomial, Poisson, geometric, multinomial, categorical."""

from __future__ import annotations

import functools
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy_math._src.array import as_jax
from brainpy_math._src.random._utils import (
    ArrayLike,
    KeyedSampler,
    Size,
    as_param,
    check_param,
    check_shape_rank,
    finish,
    float_dtype,
    gamma_draw,
    int_dtype,
    nonneg,
    normalize_size,
    positive,
    probability,
    result_shape,
    shaped,
)
from brainpy_math._src.random.uniform import _check_probabilities

__all__ = ["DiscreteSampling"]


@functools.partial(jax.jit, static_argnums=(3, 4))
def _multinomial(
    key: jax.Array, n: jax.Array, p: jax.Array, shape: tuple[int, ...], itype: Any
) -> Any:
    # jax.random.multinomial is not compiled by itself (it loops over the categories).
    return jax.random.multinomial(key, n, p, shape=shape, dtype=p.dtype).astype(itype)


def _open_closed_unit(a: np.ndarray) -> np.ndarray:
    return (a > 0) & (a <= 1)


class DiscreteSampling(KeyedSampler):
    """Samplers of counts; results have the default int dtype (``bernoulli``: bool)."""

    __slots__ = ()

    def bernoulli(self, p: ArrayLike = 0.5, size: Size = None, key: Any = None) -> Any:
        """Bernoulli trials: :func:`jax.random.bernoulli` with NumPy-style ``size``.

        Args:
          p: the probability of ``True``, in [0, 1].
          size: the output shape; ``None`` gives the shape of ``p``.
          key: a PRNG key to draw with instead of this generator (which then does not
            advance).

        Returns:
          Booleans (as in BrainPy 2.3.5 and JAX).

        Raises:
          ValueError: ``p`` outside [0, 1] (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.bernoulli(0.3, size=(2, 4))
          >>> x.shape, x.dtype
          ((2, 4), dtype('bool'))
          >>> rng.bernoulli(1.5)
          Traceback (most recent call last):
          ...
          ValueError: bernoulli: p must be in [0, 1], got 1.5.
        """
        fn = "bernoulli"
        size = normalize_size(size, fn)
        check_param(fn, "p", p, probability, "in [0, 1]")
        shape = result_shape(fn, size, p)
        return finish(jax.random.bernoulli(self._key(key, fn), as_param(p), shape))

    def binomial(self, n: ArrayLike, p: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Binomial counts: BrainPy implementation of :func:`numpy.random.binomial`.

        Args:
          n: the number of trials (non-negative).
          p: the success probability of each trial, in [0, 1].
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a negative ``n`` or ``p`` outside [0, 1] (when concrete), or a bad
            ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.binomial(10, 0.5, size=(3,))
          >>> x.shape, x.dtype
          ((3,), dtype('int32'))
        """
        fn = "binomial"
        size = normalize_size(size, fn)
        check_param(fn, "n", n, nonneg, "non-negative")
        check_param(fn, "p", p, probability, "in [0, 1]")
        shape = result_shape(fn, size, n, p)
        n_ = jnp.floor(as_param(n))
        z = jax.random.binomial(self._key(key, fn), n_, as_param(p), shape, float_dtype())
        return finish(z.astype(int_dtype()))

    def poisson(self, lam: ArrayLike = 1.0, size: Size = None, key: Any = None) -> Any:
        """Poisson counts: BrainPy implementation of :func:`numpy.random.poisson`.

        Args:
          lam: the expected count (non-negative).
          size: the output shape; ``None`` gives the shape of ``lam``.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a negative ``lam`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.poisson(bm.array([1., 5., 20.]))
          >>> x.shape, x.dtype
          ((3,), dtype('int32'))
        """
        fn = "poisson"
        size = normalize_size(size, fn)
        check_param(fn, "lam", lam, nonneg, "non-negative")
        shape = result_shape(fn, size, lam)
        return finish(jax.random.poisson(self._key(key, fn), as_param(lam), shape, int_dtype()))

    def geometric(self, p: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Trials up to the first success (from 1): BrainPy :func:`numpy.random.geometric`.

        Args:
          p: the success probability, in (0, 1].
          size: the output shape; ``None`` gives the shape of ``p``.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: ``p`` outside (0, 1] (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.geometric(0.25, size=100)
          >>> x.shape, int(x.value.min()) >= 1
          ((100,), True)
        """
        fn = "geometric"
        size = normalize_size(size, fn)
        check_param(fn, "p", p, _open_closed_unit, "in (0, 1]")
        shape = result_shape(fn, size, p)
        return finish(jax.random.geometric(self._key(key, fn), as_param(p), shape, int_dtype()))

    def negative_binomial(
        self, n: ArrayLike, p: ArrayLike, size: Size = None, key: Any = None
    ) -> Any:
        """Failures before the ``n``-th success: :func:`numpy.random.negative_binomial`.

        Drawn exactly as a gamma-Poisson mixture (as NumPy does):
        ``Poisson(Gamma(n, (1 - p) / p))``.

        Args:
          n: the number of successes (positive; need not be an integer).
          p: the success probability, in (0, 1].
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a non-positive ``n`` or ``p`` outside (0, 1] (when concrete), or a
            bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.negative_binomial(3, 0.4, size=(2, 2))
          >>> x.shape, x.dtype
          ((2, 2), dtype('int32'))
        """
        fn = "negative_binomial"
        size = normalize_size(size, fn)
        check_param(fn, "n", n, positive, "positive")
        check_param(fn, "p", p, _open_closed_unit, "in (0, 1]")
        shape = result_shape(fn, size, n, p)
        k_gamma, k_pois = jax.random.split(self._key(key, fn))
        p_ = as_param(p)
        rate = gamma_draw(k_gamma, as_param(n), shape, float_dtype()) * ((1 - p_) / p_)
        return finish(jax.random.poisson(k_pois, rate, shape, int_dtype()))

    def multinomial(
        self, n: ArrayLike, pvals: ArrayLike, size: Size = None, key: Any = None
    ) -> Any:
        """Multinomial counts: BrainPy implementation of :func:`numpy.random.multinomial`.

        Args:
          n: the number of trials (non-negative).
          pvals: the probabilities of the ``k`` outcomes, shape ``(k,)`` (or ``(..., k)``
            for a batch); they must sum to 1.
          size: the batch shape; ``None`` gives the broadcast shape of ``n`` and
            ``pvals[..., 0]``.
          key: a PRNG key to draw with instead of this generator.

        Returns:
          Counts of shape ``size + (k,)``, summing to ``n`` along the last axis.

        Raises:
          ValueError: a negative ``n`` or bad ``pvals`` (when concrete), or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.multinomial(20, [0.2, 0.3, 0.5], size=4)
          >>> x.shape, x.value.sum(-1).tolist()
          ((4, 3), [20, 20, 20, 20])
        """
        fn = "multinomial"
        size = normalize_size(size, fn)
        check_param(fn, "n", n, nonneg, "non-negative")
        pvals = jnp.asarray(check_shape_rank(fn, "pvals", pvals, 1), float_dtype())
        _check_probabilities(fn, "pvals", pvals)
        batch = result_shape(fn, size, n, shaped(pvals.shape[:-1]))
        shape = batch + pvals.shape[-1:]
        n_ = jnp.floor(as_param(n))
        return finish(_multinomial(self._key(key, fn), n_, pvals, shape, int_dtype()))

    def categorical(
        self, logits: ArrayLike, axis: int = -1, size: Size = None, key: Any = None
    ) -> Any:
        """Category indices from unnormalised log-probabilities: :func:`jax.random.categorical`.

        Args:
          logits: log-probabilities (up to a constant) along ``axis``.
          axis: the axis of the categories.
          size: the output shape; ``None`` gives ``logits``'s shape without ``axis``.
          key: a PRNG key to draw with instead of this generator.

        Returns:
          Indices along ``axis``, of the default int dtype.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.categorical(bm.log(bm.array([0.2, 0.8])), size=(3, 2)).shape
          (3, 2)
        """
        fn = "categorical"
        size = normalize_size(size, fn)
        logits = check_shape_rank(fn, "logits", as_jax(logits), 1)
        logits = jnp.asarray(logits, float_dtype())
        if not -logits.ndim <= axis < logits.ndim:
            raise ValueError(
                f"{fn}: axis {axis} is out of range for logits of shape {logits.shape}."
            )
        axis %= logits.ndim
        rest = logits.shape[:axis] + logits.shape[axis + 1 :]
        shape = result_shape(fn, size, shaped(rest))
        z = jax.random.categorical(self._key(key, fn), logits, axis, shape)
        return finish(z.astype(int_dtype()))

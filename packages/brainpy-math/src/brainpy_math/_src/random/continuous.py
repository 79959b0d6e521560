"""Gamma-family samplers: exponential, gamma, beta, chi-square, F, t, Dirichlet."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

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
    loc_scale,
    nonneg,
    normalize_size,
    positive,
    result_shape,
    shaped,
)

__all__ = ["ContinuousSampling"]


class ContinuousSampling(KeyedSampler):
    """Samplers of the gamma family (JAX's gamma sampler underneath).

    Gamma, chi-square, noncentral chi-square, F and t all draw through
    :func:`~brainpy_math._src.random._utils.gamma_draw`, so they share one compiled gamma
    kernel per output shape; beta, Dirichlet and log-gamma use JAX's log-space samplers,
    which stay accurate for small shape parameters.
    """

    __slots__ = ()

    def standard_exponential(self, size: Size = None, key: Any = None) -> Any:
        """Exponential samples with scale 1: :func:`numpy.random.standard_exponential`.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.standard_exponential(4).shape
          (4,)
        """
        fn = "standard_exponential"
        shape = normalize_size(size, fn) or ()
        return finish(jax.random.exponential(self._key(key, fn), shape, float_dtype()))

    def exponential(self, scale: ArrayLike = 1.0, size: Size = None, key: Any = None) -> Any:
        """Exponential samples: BrainPy implementation of :func:`numpy.random.exponential`.

        Args:
          scale: the mean ``1 / rate`` (non-negative).
          size: the output shape; ``None`` gives the shape of ``scale``.
          key: a PRNG key to draw with instead of this generator (which then does not
            advance).

        Raises:
          ValueError: a negative ``scale`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.exponential(2., size=(3, 2))
          >>> x.shape, x.dtype
          ((3, 2), dtype('float32'))
        """
        fn = "exponential"
        size = normalize_size(size, fn)
        check_param(fn, "scale", scale, nonneg, "non-negative")
        shape = result_shape(fn, size, scale)
        z = jax.random.exponential(self._key(key, fn), shape, float_dtype())
        return finish(loc_scale(z, 0, scale))

    def standard_gamma(self, shape: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Gamma samples with scale 1: :func:`numpy.random.standard_gamma`.

        Args:
          shape: the shape parameter ``k`` (non-negative).
          size: the output shape; ``None`` gives the shape of ``shape``.
          key: a PRNG key to draw with instead of this generator.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.standard_gamma(bm.array([0.5, 1., 2.])).shape
          (3,)
        """
        return self.gamma(shape, 1.0, size, key=key)

    def gamma(
        self, shape: ArrayLike, scale: ArrayLike = 1.0, size: Size = None, key: Any = None
    ) -> Any:
        """Gamma samples: BrainPy implementation of :func:`numpy.random.gamma`.

        Args:
          shape: the shape parameter ``k`` (non-negative).
          scale: the scale ``theta`` (non-negative); the mean is ``k * theta``.
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a negative ``shape`` or ``scale`` (when concrete), or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.gamma(2., 0.5, size=(2, 2)).shape
          (2, 2)
        """
        fn = "gamma"
        size = normalize_size(size, fn)
        check_param(fn, "shape", shape, nonneg, "non-negative")
        check_param(fn, "scale", scale, nonneg, "non-negative")
        out_shape = result_shape(fn, size, shape, scale)
        z = gamma_draw(self._key(key, fn), as_param(shape), out_shape, float_dtype())
        return finish(loc_scale(z, 0, scale))

    def beta(self, a: ArrayLike, b: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Beta samples: BrainPy implementation of :func:`numpy.random.beta`.

        Args:
          a: the first shape parameter (positive).
          b: the second shape parameter (positive).
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a non-positive ``a`` or ``b`` (when concrete), or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.beta(2., 3., size=5).shape
          (5,)
        """
        fn = "beta"
        size = normalize_size(size, fn)
        check_param(fn, "a", a, positive, "positive")
        check_param(fn, "b", b, positive, "positive")
        shape = result_shape(fn, size, a, b)
        z = jax.random.beta(self._key(key, fn), as_param(a), as_param(b), shape, float_dtype())
        return finish(z)

    def chisquare(self, df: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Chi-square samples: BrainPy implementation of :func:`numpy.random.chisquare`.

        Drawn as ``2 * Gamma(df / 2)``.

        Args:
          df: the degrees of freedom (positive).
          size: the output shape; ``None`` gives the shape of ``df``.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a non-positive ``df`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.chisquare(3., size=(4,)).shape
          (4,)
        """
        fn = "chisquare"
        size = normalize_size(size, fn)
        check_param(fn, "df", df, positive, "positive")
        shape = result_shape(fn, size, df)
        return finish(2 * gamma_draw(self._key(key, fn), as_param(df) / 2, shape, float_dtype()))

    def noncentral_chisquare(
        self, df: ArrayLike, nonc: ArrayLike, size: Size = None, key: Any = None
    ) -> Any:
        """Noncentral chi-square samples: :func:`numpy.random.noncentral_chisquare`.

        Drawn exactly as a Poisson mixture: ``N ~ Poisson(nonc / 2)``, then a chi-square
        with ``df + 2 N`` degrees of freedom.

        Args:
          df: the degrees of freedom (positive).
          nonc: the non-centrality (non-negative).
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a non-positive ``df`` or negative ``nonc`` (when concrete), or a bad
            ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.noncentral_chisquare(3., 2., size=6).shape
          (6,)
        """
        fn = "noncentral_chisquare"
        size = normalize_size(size, fn)
        check_param(fn, "df", df, positive, "positive")
        check_param(fn, "nonc", nonc, nonneg, "non-negative")
        shape = result_shape(fn, size, df, nonc)
        k_pois, k_gamma = jax.random.split(self._key(key, fn))
        dtype = float_dtype()
        n = jax.random.poisson(k_pois, as_param(nonc) / 2, shape, int_dtype())
        half_df = as_param(df) / 2 + n.astype(dtype)
        return finish(2 * gamma_draw(k_gamma, half_df, shape, dtype))

    def f(self, dfnum: ArrayLike, dfden: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """F-distribution samples: BrainPy implementation of :func:`numpy.random.f`.

        Drawn as ``(X1 / dfnum) / (X2 / dfden)`` with independent chi-squares ``X1, X2``.

        Args:
          dfnum: the numerator degrees of freedom (positive).
          dfden: the denominator degrees of freedom (positive).
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a non-positive degree of freedom (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.f(5., 10., size=3).shape
          (3,)
        """
        fn = "f"
        size = normalize_size(size, fn)
        check_param(fn, "dfnum", dfnum, positive, "positive")
        check_param(fn, "dfden", dfden, positive, "positive")
        shape = result_shape(fn, size, dfnum, dfden)
        k_num, k_den = jax.random.split(self._key(key, fn))
        dtype = float_dtype()
        num = gamma_draw(k_num, as_param(dfnum) / 2, shape, dtype) / as_param(dfnum)
        den = gamma_draw(k_den, as_param(dfden) / 2, shape, dtype) / as_param(dfden)
        return finish(num / den)

    def noncentral_f(
        self,
        dfnum: ArrayLike,
        dfden: ArrayLike,
        nonc: ArrayLike,
        size: Size = None,
        key: Any = None,
    ) -> Any:
        """Noncentral F samples: BrainPy implementation of :func:`numpy.random.noncentral_f`.

        Drawn as ``(X1 / dfnum) / (X2 / dfden)`` with ``X1`` a noncentral chi-square of
        ``dfnum`` degrees of freedom and non-centrality ``nonc`` (a Poisson mixture of
        chi-squares, ``N ~ Poisson(nonc / 2)``), ``X2`` an independent chi-square.

        Args:
          dfnum: the numerator degrees of freedom (positive).
          dfden: the denominator degrees of freedom (positive).
          nonc: the non-centrality (non-negative).
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a non-positive degree of freedom or a negative ``nonc`` (when
            concrete), or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.noncentral_f(3., 20., 3., size=100).shape
          (100,)
        """
        fn = "noncentral_f"
        size = normalize_size(size, fn)
        check_param(fn, "dfnum", dfnum, positive, "positive")
        check_param(fn, "dfden", dfden, positive, "positive")
        check_param(fn, "nonc", nonc, nonneg, "non-negative")
        shape = result_shape(fn, size, dfnum, dfden, nonc)
        k_pois, k_num, k_den = jax.random.split(self._key(key, fn), 3)
        dtype = float_dtype()
        n = jax.random.poisson(k_pois, as_param(nonc) / 2, shape, int_dtype())
        num = 2 * gamma_draw(k_num, as_param(dfnum) / 2 + n.astype(dtype), shape, dtype)
        den = 2 * gamma_draw(k_den, as_param(dfden) / 2, shape, dtype)
        return finish((num / as_param(dfnum)) / (den / as_param(dfden)))

    def standard_t(self, df: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Student's t samples: BrainPy implementation of :func:`numpy.random.standard_t`.

        Drawn as ``Z / sqrt(X / df)`` with ``Z`` standard normal and ``X`` chi-square.

        Args:
          df: the degrees of freedom (positive).
          size: the output shape; ``None`` gives the shape of ``df``.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a non-positive ``df`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.standard_t(4., size=(2, 3)).shape
          (2, 3)
        """
        fn = "standard_t"
        size = normalize_size(size, fn)
        check_param(fn, "df", df, positive, "positive")
        shape = result_shape(fn, size, df)
        k_norm, k_chi = jax.random.split(self._key(key, fn))
        dtype = float_dtype()
        df_ = as_param(df)
        chi2_over_df = 2 * gamma_draw(k_chi, df_ / 2, shape, dtype) / df_
        return finish(jax.random.normal(k_norm, shape, dtype) * jax.lax.rsqrt(chi2_over_df))

    def t(self, df: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Student's t samples: the same as :meth:`standard_t`.

        Examples:
          >>> import brainpy_math as bm
          >>> bm.random.seed(0)
          >>> bm.random.t(4., size=(2, 3)).shape
          (2, 3)
        """
        return self.standard_t(df, size, key=key)

    def loggamma(self, a: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Logarithms of gamma samples, accurate for small ``a``: :func:`jax.random.loggamma`.

        Args:
          a: the shape parameter (positive).
          size: the output shape; ``None`` gives the shape of ``a``.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a non-positive ``a`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.loggamma(0.01, size=4).shape
          (4,)
        """
        fn = "loggamma"
        size = normalize_size(size, fn)
        check_param(fn, "a", a, positive, "positive")
        shape = result_shape(fn, size, a)
        return finish(jax.random.loggamma(self._key(key, fn), as_param(a), shape, float_dtype()))

    def dirichlet(self, alpha: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Dirichlet samples: BrainPy implementation of :func:`numpy.random.dirichlet`.

        Args:
          alpha: the concentrations, shape ``(k,)`` (or ``(..., k)`` for a batch), all
            positive.
          size: the batch shape; ``None`` gives ``alpha.shape[:-1]``.
          key: a PRNG key to draw with instead of this generator.

        Returns:
          Samples of shape ``size + (k,)``; each sums to 1 along the last axis.

        Raises:
          ValueError: a 0-d or non-positive ``alpha`` (when concrete), or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.dirichlet(bm.array([1., 2., 3.]), size=4)
          >>> x.shape, bool(bm.allclose(x.value.sum(-1), 1., atol=1e-5))
          ((4, 3), True)
        """
        fn = "dirichlet"
        size = normalize_size(size, fn)
        alpha = check_shape_rank(fn, "alpha", alpha, 1)
        check_param(fn, "alpha", alpha, positive, "positive")
        batch = result_shape(fn, size, shaped(alpha.shape[:-1]))
        alpha = jnp.asarray(alpha, float_dtype())
        return finish(jax.random.dirichlet(self._key(key, fn), alpha, batch, float_dtype()))

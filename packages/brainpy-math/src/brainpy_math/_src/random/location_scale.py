"""Samplers transformed from uniform or exponential draws: Gumbel, Laplace, Pareto and more."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy_math._src.random._utils import (
    ArrayLike,
    KeyedSampler,
    Size,
    as_param,
    check_param,
    concrete,
    finish,
    float_dtype,
    loc_scale,
    nonneg,
    normalize_size,
    positive,
    result_shape,
)

__all__ = ["LocationScaleSampling"]


class LocationScaleSampling(KeyedSampler):
    """Location-scale families and other closed-form transforms."""

    __slots__ = ()

    def _loc_scale(self, fn: str, draw: Any, loc: Any, scale: Any, size: Size, key: Any) -> Any:
        size = normalize_size(size, fn)
        check_param(fn, "scale", scale, nonneg, "non-negative")
        shape = result_shape(fn, size, loc, scale)
        z = draw(self._key(key, fn), shape, float_dtype())
        return finish(loc_scale(z, loc, scale))

    def standard_cauchy(self, size: Size = None, key: Any = None) -> Any:
        """Standard Cauchy samples: BrainPy implementation of :func:`numpy.random.standard_cauchy`.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.standard_cauchy((2, 2)).shape
          (2, 2)
        """
        shape = normalize_size(size, "standard_cauchy") or ()
        return finish(jax.random.cauchy(self._key(key, "standard_cauchy"), shape, float_dtype()))

    def gumbel(
        self, loc: ArrayLike = 0.0, scale: ArrayLike = 1.0, size: Size = None, key: Any = None
    ) -> Any:
        """Gumbel samples: BrainPy implementation of :func:`numpy.random.gumbel`.

        Args:
          loc: the mode.
          scale: the scale (non-negative).
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator (which then does not
            advance).

        Raises:
          ValueError: a negative ``scale`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.gumbel(1., 2., size=3).shape
          (3,)
        """
        return self._loc_scale("gumbel", jax.random.gumbel, loc, scale, size, key)

    def laplace(
        self, loc: ArrayLike = 0.0, scale: ArrayLike = 1.0, size: Size = None, key: Any = None
    ) -> Any:
        """Laplace samples: BrainPy implementation of :func:`numpy.random.laplace`.

        Args:
          loc: the centre.
          scale: the scale (non-negative).
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a negative ``scale`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.laplace(0., 1., size=(2, 3)).shape
          (2, 3)
        """
        return self._loc_scale("laplace", jax.random.laplace, loc, scale, size, key)

    def logistic(
        self, loc: ArrayLike = 0.0, scale: ArrayLike = 1.0, size: Size = None, key: Any = None
    ) -> Any:
        """Logistic samples: BrainPy implementation of :func:`numpy.random.logistic`.

        Args:
          loc: the centre.
          scale: the scale (non-negative).
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a negative ``scale`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.logistic(size=4).shape
          (4,)
        """
        return self._loc_scale("logistic", jax.random.logistic, loc, scale, size, key)

    def rayleigh(self, scale: ArrayLike = 1.0, size: Size = None, key: Any = None) -> Any:
        """Rayleigh samples: BrainPy implementation of :func:`numpy.random.rayleigh`.

        Args:
          scale: the mode (non-negative).
          size: the output shape; ``None`` gives the shape of ``scale``.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a negative ``scale`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.rayleigh(2., size=3).shape
          (3,)
        """
        fn = "rayleigh"
        size = normalize_size(size, fn)
        check_param(fn, "scale", scale, nonneg, "non-negative")
        shape = result_shape(fn, size, scale)
        z = jax.random.rayleigh(self._key(key, fn), 1.0, shape, float_dtype())
        return finish(loc_scale(z, 0, scale))

    def maxwell(self, size: Size = None, key: Any = None) -> Any:
        """Samples of the standard Maxwell-Boltzmann distribution: :func:`jax.random.maxwell`.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.maxwell(5).shape
          (5,)
        """
        shape = normalize_size(size, "maxwell") or ()
        return finish(jax.random.maxwell(self._key(key, "maxwell"), shape, float_dtype()))

    def pareto(self, a: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Pareto II (Lomax) samples: BrainPy implementation of :func:`numpy.random.pareto`.

        Note:
          As in NumPy, the support starts at 0: this is the classical Pareto distribution
          with minimum 1, shifted by -1 (``jax.random.pareto`` starts at 1). Computed as
          ``expm1(E / a)`` with ``E`` standard exponential.

        Args:
          a: the shape (positive).
          size: the output shape; ``None`` gives the shape of ``a``.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a non-positive ``a`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.pareto(3., size=100)
          >>> x.shape, bool((x.value >= 0).all())
          ((100,), True)
        """
        fn = "pareto"
        size = normalize_size(size, fn)
        check_param(fn, "a", a, positive, "positive")
        shape = result_shape(fn, size, a)
        e = jax.random.exponential(self._key(key, fn), shape, float_dtype())
        return finish(jnp.expm1(e / as_param(a)))

    def power(self, a: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Power-distribution samples on [0, 1]: :func:`numpy.random.power`.

        The density is ``a * x ** (a - 1)``; drawn as ``U ** (1 / a)``.

        Args:
          a: the exponent (positive).
          size: the output shape; ``None`` gives the shape of ``a``.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a non-positive ``a`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.power(5., size=(2, 2)).shape
          (2, 2)
        """
        fn = "power"
        size = normalize_size(size, fn)
        check_param(fn, "a", a, positive, "positive")
        shape = result_shape(fn, size, a)
        u = jax.random.uniform(self._key(key, fn), shape, float_dtype())
        return finish(jnp.power(u, 1 / as_param(a)))

    def weibull(self, a: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Weibull samples with scale 1: :func:`numpy.random.weibull`.

        Drawn as ``E ** (1 / a)`` with ``E`` standard exponential (0 when ``a == 0``).

        Args:
          a: the shape (non-negative).
          size: the output shape; ``None`` gives the shape of ``a``.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a negative ``a`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.weibull(1.5, size=3).shape
          (3,)
        """
        return self._weibull("weibull", a, 1.0, size, key)

    def weibull_min(
        self,
        a: ArrayLike,
        scale: ArrayLike = 1.0,
        size: Size = None,
        key: Any = None,
    ) -> Any:
        """Weibull samples with a scale: like :data:`scipy.stats.weibull_min`.

        Drawn as ``scale * E ** (1 / a)`` with ``E`` standard exponential.

        Args:
          a: the shape, or concentration (non-negative).
          scale: the scale (non-negative).
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a negative ``a`` or ``scale`` (when concrete), or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.weibull_min(2., 3., size=(4,)).shape
          (4,)
        """
        return self._weibull("weibull_min", a, scale, size, key)

    def _weibull(self, fn: str, a: Any, scale: Any, size: Size, key: Any) -> Any:
        size = normalize_size(size, fn)
        check_param(fn, "a", a, nonneg, "non-negative")
        check_param(fn, "scale", scale, nonneg, "non-negative")
        shape = result_shape(fn, size, a, scale)
        a = as_param(a)
        e = jax.random.exponential(self._key(key, fn), shape, float_dtype())
        z = jnp.where(a == 0, 0.0, jnp.power(e, 1 / jnp.where(a == 0, 1.0, a)))
        return finish(loc_scale(z, 0, scale))

    def triangular(
        self,
        left: ArrayLike | Size = None,
        mode: ArrayLike | None = None,
        right: ArrayLike | None = None,
        size: Size = None,
        key: Any = None,
    ) -> Any:
        """Triangular samples on [left, right]: :func:`numpy.random.triangular`.

        BrainPy 2.3.5 took only a shape, ``triangular(size)``: without ``mode`` and
        ``right``, the one positional argument (or ``size=``) is the shape and the samples
        follow the standard triangular distribution ``triangular(-1, 0, 1)``. (2.3.5 drew
        random signs, -1 or 1, there, which is not a triangular distribution.)

        Args:
          left: the lower limit; the shape in the size-only form.
          mode: the peak, ``left <= mode <= right``.
          right: the upper limit, ``left < right``.
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: limits out of order (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.triangular(0., 1., 4., size=100)
          >>> x.shape, bool(((x.value >= 0) & (x.value <= 4)).all())
          ((100,), True)
          >>> rng.triangular((2, 2)).shape
          (2, 2)
        """
        fn = "triangular"
        if mode is None and right is None:  # BrainPy 2.3.5's triangular(size)
            if left is not None and size is not None:
                raise ValueError(
                    f"{fn}: give the limits left, mode and right, or only a shape; got "
                    f"left={left!r} and size={size!r} without mode and right."
                )
            size = left if size is None else size
            left, mode, right = -1.0, 0.0, 1.0
        elif mode is None or right is None or left is None:
            raise ValueError(
                f"{fn}: left, mode and right must all be given, got left={left!r}, "
                f"mode={mode!r}, right={right!r}."
            )
        size = normalize_size(size, fn)
        lo, mo, hi = (concrete(v) for v in (left, mode, right))
        if lo is not None and mo is not None and hi is not None:
            with np.errstate(invalid="ignore"):
                ok = np.all(lo <= mo) and np.all(mo <= hi) and np.all(lo < hi)
            if not ok:
                raise ValueError(
                    f"{fn}: the limits must satisfy left <= mode <= right and left < right, got "
                    f"left={left!r}, mode={mode!r}, right={right!r}."
                )
        shape = result_shape(fn, size, left, mode, right)
        z = jax.random.triangular(
            self._key(key, fn),
            as_param(left),
            as_param(mode),
            as_param(right),
            shape,
            float_dtype(),
        )
        return finish(z)

    def wald(self, mean: ArrayLike, scale: ArrayLike, size: Size = None, key: Any = None) -> Any:
        """Wald (inverse Gaussian) samples: BrainPy implementation of :func:`numpy.random.wald`.

        Drawn by the transformation method of Michael, Schucany and Haas (1976), written
        without the cancellation of its textbook form.

        Args:
          mean: the mean (positive).
          scale: the shape parameter ``lambda`` (positive); the variance is
            ``mean ** 3 / scale``.
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a non-positive ``mean`` or ``scale`` (when concrete), or a bad
            ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.wald(1., 2., size=(2, 3)).shape
          (2, 3)
        """
        fn = "wald"
        size = normalize_size(size, fn)
        check_param(fn, "mean", mean, positive, "positive")
        check_param(fn, "scale", scale, positive, "positive")
        shape = result_shape(fn, size, mean, scale)
        mu, lam = as_param(mean), as_param(scale)
        k_norm, k_unif = jax.random.split(self._key(key, fn))
        dtype = float_dtype()
        y = mu * jnp.square(jax.random.normal(k_norm, shape, dtype))
        # mu + mu / (2 lam) * (y - sqrt(4 lam y + y^2)), with the difference rationalised.
        root = y + jnp.sqrt(y * (4 * lam + y))
        x = mu - 2 * mu * y / jnp.where(y > 0, root, 1.0)
        u = jax.random.uniform(k_unif, shape, dtype)
        return finish(jnp.where(u * (mu + x) <= mu, x, mu * mu / x))

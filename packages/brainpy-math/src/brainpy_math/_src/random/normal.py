"""Normal-family samplers (methods of ``RandomState``)."""

from __future__ import annotations

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
    concrete,
    draw_normal,
    finish,
    float_dtype,
    int_operand,
    loc_scale,
    loc_scale_operands,
    nonneg,
    normalize_size,
    positive,
    result_shape,
    shaped,
)

__all__ = ["NormalSampling"]

_MVN_METHODS = ("cholesky", "eigh", "svd")


def _draw_truncated_normal(
    key: jax.Array, shape: tuple[int, ...], dtype: Any, lower: Any, upper: Any, scale: Any, loc: Any
) -> jax.Array:
    """``clip(truncated_normal(key, lower, upper), lower, upper) * scale + loc``.

    One program with the key split (see ``KeyedSampler._draw``): drawn eagerly, the split,
    the sampler, the clip and the affine map compiled one program each.
    """
    z = jax.random.truncated_normal(key, lower, upper, shape, dtype)
    return jnp.clip(z, lower, upper) * scale + loc


class NormalSampling(KeyedSampler):
    """Gaussian samples and the distributions built directly on them."""

    __slots__ = ()

    def standard_normal(self, size: Size = None, key: Any = None) -> Any:
        """Standard normal samples: BrainPy implementation of :func:`numpy.random.standard_normal`.

        Args:
          size: the output shape; ``None`` gives one value.
          key: a PRNG key to draw with instead of this generator (which then does not
            advance).

        Returns:
          Samples of the default float dtype.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.standard_normal((2, 5)).shape
          (2, 5)
        """
        shape = normalize_size(size, "standard_normal") or ()
        return self._draw(key, "standard_normal", draw_normal, shape, float_dtype(), None, None)

    def randn(self, *dn: int, key: Any = None) -> Any:
        """Standard normal samples of shape ``dn``: :func:`numpy.random.randn`.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.randn(3, 4).shape
          (3, 4)
        """
        shape = normalize_size(dn, "randn") or ()
        return self._draw(key, "randn", draw_normal, shape, float_dtype(), None, None)

    def randn_like(self, input: ArrayLike, *, dtype: Any = None, key: Any = None) -> Any:
        """Standard normal samples shaped like ``input``: like :func:`torch.randn_like`.

        Args:
          input: an array whose shape the result takes.
          dtype: a float dtype; default: ``input``'s when it is a float array, else the
            default float.
          key: a PRNG key to draw with instead of this generator.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.randn_like(bm.zeros((3,))).shape
          (3,)
        """
        input = jnp.asarray(as_jax(input))
        like = input.dtype
        if dtype is None:
            dtype = like if jnp.issubdtype(like, jnp.floating) else float_dtype()
        else:
            dtype = jax.dtypes.canonicalize_dtype(dtype)
            if not jnp.issubdtype(dtype, jnp.floating):
                raise ValueError(f"randn_like: dtype must be a float dtype, got {dtype!r}.")
        shape = input.shape
        return finish(jax.random.normal(self._key(key, "randn_like"), shape, dtype))

    def normal(
        self, loc: ArrayLike = 0.0, scale: ArrayLike = 1.0, size: Size = None, key: Any = None
    ) -> Any:
        """Gaussian samples: BrainPy implementation of :func:`numpy.random.normal`.

        ``jax.random.normal(key, shape) * scale + loc`` (the product and sum are skipped
        for the defaults, so ``normal(size=s, key=k)`` equals ``jax.random.normal(k, s)``).

        Args:
          loc: the mean.
          scale: the standard deviation (non-negative).
          size: the output shape; ``None`` gives the broadcast shape of ``loc`` and
            ``scale``.
          key: a PRNG key to draw with instead of this generator.

        Returns:
          Samples of the default float dtype.

        Raises:
          ValueError: a negative ``scale`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.normal(bm.zeros(3), 2.)
          >>> x.shape, x.dtype
          ((3,), dtype('float32'))
          >>> rng.normal(0., -1.)
          Traceback (most recent call last):
          ...
          ValueError: normal: scale must be non-negative, got -1.0.
        """
        fn = "normal"
        size = normalize_size(size, fn)
        check_param(fn, "scale", scale, nonneg, "non-negative")
        shape = result_shape(fn, size, loc, scale)
        dtype = float_dtype()
        return self._draw(
            key, fn, draw_normal, shape, dtype, *loc_scale_operands(loc, scale, dtype)
        )

    def lognormal(
        self, mean: ArrayLike = 0.0, sigma: ArrayLike = 1.0, size: Size = None, key: Any = None
    ) -> Any:
        """Log-normal samples, ``exp(normal(mean, sigma))``: :func:`numpy.random.lognormal`.

        Args:
          mean: the mean of the underlying normal distribution.
          sigma: its standard deviation (non-negative).
          size: the output shape; ``None`` gives the broadcast parameter shape.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          ValueError: a negative ``sigma`` (when concrete) or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.lognormal(0., 0.5, size=100)
          >>> x.shape, bool((x.value > 0).all())
          ((100,), True)
        """
        fn = "lognormal"
        size = normalize_size(size, fn)
        check_param(fn, "sigma", sigma, nonneg, "non-negative")
        shape = result_shape(fn, size, mean, sigma)
        z = jax.random.normal(self._key(key, fn), shape, float_dtype())
        return finish(jnp.exp(loc_scale(z, mean, sigma)))

    def truncated_normal(
        self,
        lower: ArrayLike,
        upper: ArrayLike,
        size: Size = None,
        scale: ArrayLike | None = None,
        key: Any = None,
        *,
        loc: ArrayLike = 0.0,
    ) -> Any:
        """Standard normal samples truncated to [lower, upper], then scaled (2.3.5's meaning).

        ``z`` follows the standard normal distribution conditioned on ``lower <= z <= upper``
        (:func:`jax.random.truncated_normal`); the result is ``loc + scale * z``, so it lies
        in ``[loc + scale * lower, loc + scale * upper]``. This is BrainPy 2.3.5's
        signature and meaning (bounds in standard deviations, ``scale`` applied after);
        ``loc`` is an addition of this package.

        Args:
          lower: the lower bound, in standard deviations.
          upper: the upper bound (greater than ``lower``).
          size: the output shape; ``None`` gives the broadcast parameter shape.
          scale: the factor applied to the truncated standard normal (positive); ``None``
            is 1.
          key: a PRNG key (or an integer seed) to draw with instead of this generator.
          loc: the shift added after scaling.

        Raises:
          ValueError: ``lower >= upper`` or ``scale <= 0`` (when concrete), or a bad
            ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.truncated_normal(-1., 2., size=1000, scale=2.)
          >>> x.shape, bool(((x.value >= -2.) & (x.value <= 4.)).all())
          ((1000,), True)
        """
        fn = "truncated_normal"
        size = normalize_size(size, fn)
        scale = 1.0 if scale is None else scale
        check_param(fn, "scale", scale, positive, "positive")
        lo, hi = concrete(lower), concrete(upper)
        if lo is not None and hi is not None:
            with np.errstate(invalid="ignore"):
                ok = np.all(lo < hi)
            if not ok:
                raise ValueError(
                    f"{fn}: lower must be smaller than upper, got lower={lower!r} and "
                    f"upper={upper!r}."
                )
        shape = result_shape(fn, size, lower, upper, loc, scale)
        dtype = float_dtype()
        operands = (as_param(lower), as_param(upper), as_param(scale), as_param(loc))
        return self._draw(key, fn, _draw_truncated_normal, shape, dtype, *operands)

    def multivariate_normal(
        self,
        mean: ArrayLike,
        cov: ArrayLike,
        size: Size = None,
        method: str = "cholesky",
        key: Any = None,
    ) -> Any:
        """Multivariate normal samples: :func:`numpy.random.multivariate_normal`.

        Computed by :func:`jax.random.multivariate_normal`. Unlike NumPy, ``cov`` is not
        checked to be positive semi-definite (``method`` factorises it as given); batches
        of means and covariances (leading axes) are accepted.

        Args:
          mean: the mean vector, shape ``(..., k)``.
          cov: the covariance matrix, shape ``(..., k, k)``.
          size: the batch shape of the draws; ``None`` gives the broadcast batch shape of
            ``mean`` and ``cov`` (one draw for a single distribution).
          method: ``"cholesky"``, ``"eigh"`` or ``"svd"`` (the last two also work for
            singular ``cov``).
          key: a PRNG key to draw with instead of this generator.

        Returns:
          Samples of shape ``size + (k,)``.

        Raises:
          ValueError: shapes that do not fit, an unknown ``method``, or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.multivariate_normal(bm.zeros(2), bm.eye(2), size=(5,)).shape
          (5, 2)
        """
        fn = "multivariate_normal"
        size = normalize_size(size, fn)
        if method not in _MVN_METHODS:
            raise ValueError(f"{fn}: method must be one of {_MVN_METHODS}, got {method!r}.")
        mean, cov = as_param(mean), as_param(cov)
        if mean.ndim < 1 or cov.ndim < 2 or cov.shape[-2:] != (mean.shape[-1],) * 2:
            raise ValueError(
                f"{fn}: mean must have shape (..., k) and cov shape (..., k, k), got shapes "
                f"{mean.shape} and {cov.shape}."
            )
        batch = result_shape(fn, size, shaped(mean.shape[:-1]), shaped(cov.shape[:-2]))
        z = jax.random.multivariate_normal(
            self._key(key, fn), mean, cov, batch, float_dtype(), method
        )
        return finish(z)

    def orthogonal(self, n: int, size: Size = None, key: Any = None) -> Any:
        """Random orthogonal ``n × n`` matrices (Haar measure): :func:`jax.random.orthogonal`.

        Args:
          n: the matrix size.
          size: the batch shape; ``None`` gives one matrix.
          key: a PRNG key to draw with instead of this generator.

        Returns:
          Matrices of shape ``size + (n, n)``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> q = rng.orthogonal(3)
          >>> q.shape, bool(bm.allclose(q.value @ q.value.T, bm.eye(3), atol=1e-5))
          ((3, 3), True)
        """
        fn = "orthogonal"
        n = int_operand(fn, "n", n)
        if n < 1:
            raise ValueError(f"{fn}: n must be a positive int, got {n}.")
        shape = normalize_size(size, fn) or ()
        return finish(jax.random.orthogonal(self._key(key, fn), n, shape, float_dtype()))

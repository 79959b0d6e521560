"""Uniform floats and integers, choices and permutations (methods of ``RandomState``)."""

from __future__ import annotations

import operator
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy_math._src.array import Array, as_jax
from brainpy_math._src.random._utils import (
    ArrayLike,
    KeyedSampler,
    Size,
    concrete,
    draw_uniform,
    finish,
    float_dtype,
    int_dtype,
    is_number,
    normalize_size,
    result_shape,
)

__all__ = ["UniformSampling"]


def _integer_dtype(fn: str, dtype: Any) -> Any:
    """``dtype`` made canonical (``int`` → int32 unless x64), checked to be an integer type."""
    try:
        canonical = jax.dtypes.canonicalize_dtype(dtype)
    except TypeError:
        raise ValueError(f"{fn}: dtype must be an integer dtype, got {dtype!r}.") from None
    if not jnp.issubdtype(canonical, jnp.integer):
        raise ValueError(f"{fn}: dtype must be an integer dtype, got {dtype!r}.")
    return canonical


def _check_less(fn: str, low: Any, high: Any, strict: bool = True) -> None:
    lo, hi = concrete(low), concrete(high)
    if lo is None or hi is None:
        return
    with np.errstate(invalid="ignore"):
        ok = np.broadcast_to(
            lo < hi if strict else lo <= hi, np.broadcast_shapes(lo.shape, hi.shape)
        )
    if not ok.all():
        rel = "smaller than" if strict else "at most"
        raise ValueError(f"{fn}: low must be {rel} high, got low={low!r} and high={high!r}.")


def _bound(x: Any) -> Any:
    """A list or tuple bound as a NumPy array (NumPy accepts ``randint([1, 2], [5, 6])``)."""
    return np.asarray(x) if isinstance(x, (list, tuple)) else x


def _sample_dtype(fn: str, like: Any, dtype: Any, kind: type) -> Any:
    """The dtype of a ``*_like`` sample: ``dtype``, else ``like``'s when of ``kind``."""
    if dtype is None:
        like_dtype = jnp.asarray(as_jax(like)).dtype
        return like_dtype if jnp.issubdtype(like_dtype, kind) else None
    canonical = jax.dtypes.canonicalize_dtype(dtype)
    if not jnp.issubdtype(canonical, kind):
        raise ValueError(f"{fn}: dtype must be a {kind.__name__} dtype, got {dtype!r}.")
    return canonical


class UniformSampling(KeyedSampler):
    """Uniform samples: floats in an interval, integers, choices, permutations."""

    __slots__ = ()

    def random(self, size: Size = None, key: Any = None) -> Any:
        """Uniform floats in [0, 1): BrainPy implementation of :func:`numpy.random.random`.

        Args:
          size: the output shape; ``None`` gives one value.
          key: a PRNG key to draw with instead of this generator (which then does not
            advance).

        Returns:
          An ``Array`` of shape ``size`` (a 0-d JAX value when ``size`` is ``None``), of the
          default float dtype.

        Raises:
          ValueError: ``size`` is not ``None``, an int or a tuple of non-negative ints.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.random((2, 3))
          >>> x.shape, x.dtype, bool(((x.value >= 0) & (x.value < 1)).all())
          ((2, 3), dtype('float32'), True)
        """
        shape = normalize_size(size, "random") or ()
        return self._draw(key, "random", draw_uniform, shape, float_dtype(), None, None)

    def random_sample(self, size: Size = None, key: Any = None) -> Any:
        """Uniform floats in [0, 1): the same as :meth:`random`.

        Examples:
          >>> import brainpy_math as bm
          >>> bm.random.seed(0)
          >>> x = bm.random.random_sample((2, 3))
          >>> x.shape, bool(((x >= 0) & (x < 1)).all())
          ((2, 3), True)
        """
        return self.random(size, key=key)

    def ranf(self, size: Size = None, key: Any = None) -> Any:
        """Uniform floats in [0, 1): the same as :meth:`random`.

        Examples:
          >>> import brainpy_math as bm
          >>> bm.random.seed(0)
          >>> x = bm.random.ranf(4)
          >>> x.shape, bool(((x >= 0) & (x < 1)).all())
          ((4,), True)
        """
        return self.random(size, key=key)

    def sample(self, size: Size = None, key: Any = None) -> Any:
        """Uniform floats in [0, 1): the same as :meth:`random`.

        Examples:
          >>> import brainpy_math as bm
          >>> bm.random.seed(0)
          >>> x = bm.random.sample(4)
          >>> x.shape, bool(((x >= 0) & (x < 1)).all())
          ((4,), True)
        """
        return self.random(size, key=key)

    def rand(self, *dn: int, key: Any = None) -> Any:
        """Uniform floats in [0, 1) of shape ``dn``: :func:`numpy.random.rand`.

        Args:
          *dn: the dimensions of the result; none gives one value.
          key: a PRNG key to draw with instead of this generator.

        Returns:
          An ``Array`` of shape ``dn`` (a 0-d JAX value without dimensions).

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.rand(3, 2).shape
          (3, 2)
        """
        shape = normalize_size(dn, "rand") or ()
        return self._draw(key, "rand", draw_uniform, shape, float_dtype(), None, None)

    def uniform(
        self, low: ArrayLike = 0.0, high: ArrayLike = 1.0, size: Size = None, key: Any = None
    ) -> Any:
        """Uniform floats in [low, high): BrainPy implementation of :func:`numpy.random.uniform`.

        Computed by :func:`jax.random.uniform` with ``minval=low, maxval=high``.

        Args:
          low: the lower bound (included); broadcasts with ``high``.
          high: the upper bound (excluded).
          size: the output shape; ``None`` gives the broadcast shape of ``low`` and ``high``.
          key: a PRNG key to draw with instead of this generator.

        Returns:
          Samples of the default float dtype.

        Raises:
          ValueError: ``low > high`` (when both are concrete), or a bad ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.uniform(-1., bm.array([1., 2., 3.]))
          >>> x.shape, bool((x.value >= -1.).all())
          ((3,), True)
        """
        fn = "uniform"
        size = normalize_size(size, fn)
        _check_less(fn, low, high, strict=False)
        shape = result_shape(fn, size, low, high)
        dtype = float_dtype()
        if is_number(low, 0) and is_number(high, 1):
            return self._draw(key, fn, draw_uniform, shape, dtype, None, None)
        lo, hi = jnp.asarray(as_jax(low), dtype), jnp.asarray(as_jax(high), dtype)
        return self._draw(key, fn, draw_uniform, shape, dtype, lo, hi)

    def randint(
        self,
        low: ArrayLike,
        high: ArrayLike | None = None,
        size: Size = None,
        dtype: Any = int,
        key: Any = None,
    ) -> Any:
        """Integers in [low, high): BrainPy implementation of :func:`numpy.random.randint`.

        Args:
          low: the lowest integer; with ``high=None``, the results are in [0, low).
          high: one above the highest integer.
          size: the output shape; ``None`` gives the broadcast shape of the bounds.
          dtype: an integer dtype; ``int`` is the default int (int32 unless x64).
          key: a PRNG key to draw with instead of this generator.

        Returns:
          Integers of ``dtype``.

        Raises:
          ValueError: ``low >= high`` (when concrete), a non-integer ``dtype`` or a bad
            ``size``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.randint(0, 10, size=(4,))
          >>> x.shape, x.dtype, bool(((x.value >= 0) & (x.value < 10)).all())
          ((4,), dtype('int32'), True)
        """
        fn = "randint"
        low, high = _bound(low), _bound(high)
        if high is None:
            low, high = 0, low
        size = normalize_size(size, fn)
        dtype = _integer_dtype(fn, dtype)
        _check_less(fn, low, high)
        shape = result_shape(fn, size, low, high)
        sub = self._key(key, fn)
        return finish(jax.random.randint(sub, shape, as_jax(low), as_jax(high), dtype))

    def random_integers(
        self, low: ArrayLike, high: ArrayLike | None = None, size: Size = None, key: Any = None
    ) -> Any:
        """Integers in [low, high], both included: :func:`numpy.random.random_integers`.

        Args:
          low: the lowest integer; with ``high=None`` the results are in [1, low].
          high: the highest integer.
          size: the output shape.
          key: a PRNG key to draw with instead of this generator.

        Returns:
          Integers of the default int dtype.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.random_integers(6, size=1000)
          >>> int(x.value.min()), int(x.value.max())
          (1, 6)
        """
        low, high = _bound(low), _bound(high)
        if high is None:
            low, high = 1, low
        high = as_jax(high) + 1 if not isinstance(high, int) else high + 1
        return self.randint(low, high, size, key=key)

    def choice(
        self,
        a: ArrayLike,
        size: Size = None,
        replace: bool = True,
        p: ArrayLike | None = None,
        key: Any = None,
    ) -> Any:
        """Random elements of ``a``: BrainPy implementation of :func:`numpy.random.choice`.

        Computed by :func:`jax.random.choice`.

        Args:
          a: an array to draw from (along its first axis), or an int ``n`` for
            ``arange(n)``.
          size: the number (shape) of draws; ``None`` gives one element.
          replace: draw with replacement.
          p: the probability of each entry of ``a`` (default uniform).
          key: a PRNG key to draw with instead of this generator.

        Returns:
          The chosen elements, of shape ``size + a.shape[1:]``.

        Raises:
          ValueError: ``a`` is empty or a non-positive int, ``p`` has the wrong length,
            negative entries or does not sum to 1, or more draws than elements are asked
            without replacement.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.choice(5, size=(2, 3), p=[0.1, 0.2, 0.3, 0.2, 0.2]).shape
          (2, 3)
          >>> x = rng.choice(bm.arange(10), 10, replace=False)
          >>> sorted(x.value.tolist()) == list(range(10))
          True
        """
        fn = "choice"
        shape = normalize_size(size, fn) or ()
        pool: Any = as_jax(a)
        if np.ndim(pool) == 0:
            try:
                n = operator.index(pool)
            except TypeError:
                raise ValueError(f"{fn}: a must be an int or an array, got {pool!r}.") from None
            if n <= 0:
                raise ValueError(f"{fn}: a must be a positive int, got {n}.")
        else:
            pool = jnp.asarray(pool)
            n = pool.shape[0]
            if n == 0:
                raise ValueError(f"{fn}: a must not be empty, got shape {pool.shape}.")
        if not replace and int(np.prod(shape)) > n:
            raise ValueError(
                f"{fn}: cannot take {int(np.prod(shape))} samples from a population of {n} "
                "without replacement (replace=False)."
            )
        if p is not None:
            p = jnp.asarray(as_jax(p), float_dtype())
            if p.shape != (n,):
                raise ValueError(f"{fn}: p must have shape ({n},) like a, got shape {p.shape}.")
            _check_probabilities(fn, "p", p)
        sub = self._key(key, fn)
        return finish(jax.random.choice(sub, pool, shape, replace, p))

    def permutation(
        self, x: ArrayLike, axis: int = 0, independent: bool = False, key: Any = None
    ) -> Any:
        """A permuted copy: BrainPy implementation of :func:`numpy.random.permutation`.

        Args:
          x: an array to permute along ``axis``, or an int ``n`` for a permutation of
            ``arange(n)``.
          axis: the axis to permute.
          independent: permute each slice along ``axis`` independently (the other axes are
            kept together otherwise), as in :func:`jax.random.permutation`.
          key: a PRNG key to draw with instead of this generator.

        Returns:
          The permuted array (``x`` itself is not changed).

        Raises:
          ValueError: ``x`` is a negative int or a 0-d array.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> sorted(rng.permutation(5).value.tolist())
          [0, 1, 2, 3, 4]
          >>> rng.permutation(bm.ones((4, 2)), axis=1).shape
          (4, 2)
        """
        fn = "permutation"
        target: Any = as_jax(x)
        if np.ndim(target) == 0:
            try:
                n = operator.index(target)
            except TypeError:
                raise ValueError(
                    f"{fn}: x must be an int or an array with at least one dimension, "
                    f"got {target!r}."
                ) from None
            if n < 0:
                raise ValueError(f"{fn}: x must be a non-negative int, got {n}.")
            target = n
        else:
            target = jnp.asarray(target)
        return finish(jax.random.permutation(self._key(key, fn), target, axis, independent))

    def shuffle(self, x: Array, axis: int = 0, key: Any = None) -> None:
        """Shuffle a brainpy Array in place: BrainPy version of :func:`numpy.random.shuffle`.

        JAX arrays are immutable, so ``x`` must be a brainpy ``Array`` or ``Variable``;
        its value is replaced by a permutation along ``axis``. Shuffle a Variable (not a
        plain Array) inside ``jit`` and loops, so that the new value is carried out.

        Args:
          x: the brainpy Array or Variable to shuffle.
          axis: the axis along which to shuffle.
          key: a PRNG key to draw with instead of this generator.

        Raises:
          TypeError: ``x`` is not a brainpy Array.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> v = bm.Variable(bm.arange(5))
          >>> rng.shuffle(v)
          >>> sorted(v.value.tolist())
          [0, 1, 2, 3, 4]
        """
        if not isinstance(x, Array):
            raise TypeError(
                "shuffle: x must be a brainpy Array or Variable (shuffled in place), got "
                f"{type(x).__name__}; use permutation() for a shuffled copy."
            )
        x.value = jax.random.permutation(self._key(key, "shuffle"), x.value, axis)

    def rand_like(self, input: ArrayLike, *, dtype: Any = None, key: Any = None) -> Any:
        """Uniform floats in [0, 1) shaped like ``input``: like :func:`torch.rand_like`.

        Args:
          input: an array whose shape the result takes.
          dtype: a float dtype; default: ``input``'s when it is a float array, else the
            default float.
          key: a PRNG key to draw with instead of this generator.

        Returns:
          Samples of the shape of ``input``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> rng.rand_like(bm.zeros((2, 2))).shape
          (2, 2)
        """
        dtype = _sample_dtype("rand_like", input, dtype, jnp.floating) or float_dtype()
        shape = np.shape(as_jax(input))
        return finish(jax.random.uniform(self._key(key, "rand_like"), shape, dtype))

    def randint_like(
        self,
        input: ArrayLike,
        low: ArrayLike = 0,
        high: ArrayLike | None = None,
        *,
        dtype: Any = None,
        key: Any = None,
    ) -> Any:
        """Integers in [low, high) shaped like ``input``: like :func:`torch.randint_like`.

        Args:
          input: an array whose shape the result takes.
          low: the lowest integer; with ``high=None`` the results are in [0, low).
          high: one above the highest integer.
          dtype: an integer dtype; default: ``input``'s when it is an integer array, else
            the default int.
          key: a PRNG key to draw with instead of this generator.

        Returns:
          Integers of the shape of ``input``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> x = rng.randint_like(bm.zeros(6, dtype=bm.int32), 3)
          >>> x.shape, x.dtype
          ((6,), dtype('int32'))
        """
        dtype = _sample_dtype("randint_like", input, dtype, jnp.integer) or int_dtype()
        return self.randint(low, high, np.shape(as_jax(input)), dtype, key=key)


def _check_probabilities(fn: str, name: str, p: jax.Array) -> None:
    """Concrete probabilities along the last axis must be >= 0 and sum to 1."""
    arr = concrete(p)
    if arr is None:
        return
    if not (arr >= 0).all():
        raise ValueError(f"{fn}: {name} must be non-negative, got an entry {arr[~(arr >= 0)][0]}.")
    tol = max(np.sqrt(np.finfo(np.float64).eps), np.sqrt(np.finfo(arr.dtype).eps))
    total = np.atleast_1d(arr.astype(np.float64).sum(axis=-1))
    bad = ~(np.abs(total - 1) <= tol)
    if bad.any():
        raise ValueError(f"{fn}: {name} must sum to 1, got a sum of {total[bad][0]!r}.")

"""Random initializers: the seed convention, ``Normal`` and ``Uniform``."""

from __future__ import annotations

import math
from typing import Any

import jax
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.initialize.base import (
    InterLayerInitializer,
    Shape,
    as_array,
    check_number,
    public,
    to_float_dtype,
    to_shape,
)
from brainpy_dyn._src.initialize.sharded_state import sharded_draw, state_sharding

__all__ = ["RandomInitializer", "Normal", "Uniform"]


class RandomInitializer(InterLayerInitializer):
    """Base of the random initializers: where the random numbers come from.

    With ``seed=None`` every call draws from the global generator
    ``brainpy_math.random.DEFAULT`` (looked up at call time, not cloned), so
    ``brainpy_math.random.seed(s)`` makes the draws reproducible. With a seed the
    initializer owns a generator ``brainpy_math.random.default_rng(seed)``: a new
    initializer with the same seed repeats the same draws, and successive calls of one
    initializer give fresh numbers, as in 2.3.5.
    """

    def __init__(self, seed: int | None = None):
        self.seed = seed
        self._own_rng = None if seed is None else bm.random.default_rng(seed)

    @property
    def rng(self) -> Any:
        """The generator the next call draws from."""
        return bm.random.DEFAULT if self._own_rng is None else self._own_rng

    def _sample(self, method: str, shape: tuple[int, ...], **params: Any) -> Any:
        """``self.rng.<method>(**params, size=shape)``, compiling one sampler for many shapes.

        With JAX's partitionable Threefry (its default), value ``i`` of a draw depends only
        on the key and ``i``: a draw of ``n`` values is the first ``n`` values of any longer
        draw, bit for bit. A draw of up to 64K values is therefore taken as the prefix of a
        draw of the next power of two (at least 4096): the groups of a network, of different
        sizes, then share one compiled sampler, which is most of the time of building them.

        The same property lets a state of a run of several processes be drawn in its
        sharded layout, each device computing only its block
        (:mod:`~brainpy_dyn._src.initialize.sharded_state`).
        """
        n = math.prod(shape)
        sharding = state_sharding(shape) if _prefix_draws_exact() else None
        if sharding is not None and not isinstance(bm.as_jax(self.rng.value), jax.core.Tracer):
            # a state of a run of several processes: each device draws its block only
            key = self.rng.split_key()
            return sharded_draw(method, tuple(sorted(params.items())), shape, key, sharding)
        if not 0 < n <= _BUCKET_MAX or not _prefix_draws_exact():
            return getattr(self.rng, method)(**params, size=shape)
        bucket = max(_BUCKET_MIN, 1 << (n - 1).bit_length())
        flat = bm.as_jax(getattr(self.rng, method)(**params, size=(bucket,)))
        if isinstance(flat, jax.core.Tracer):
            return flat[:n].reshape(shape)
        return bm.as_jax(np.asarray(flat)[:n].reshape(shape))  # host slice: nothing compiled


_BUCKET_MIN, _BUCKET_MAX = 1 << 12, 1 << 16


def _prefix_draws_exact() -> bool:
    """Whether a draw's first ``n`` values equal the draw of ``n`` values (see ``_sample``)."""
    config = jax.config
    return bool(
        config.jax_threefry_partitionable  # type: ignore[attr-defined]
        and config.jax_default_prng_impl == "threefry2x32"  # type: ignore[attr-defined]
    )


@public
class Normal(RandomInitializer):
    """Initialize with samples of a normal distribution.

    BrainPy implementation of ``brainpy.init.Normal`` (2.3.5): draws
    ``normal(loc=mean, scale=scale, size=shape)``.

    Args:
      mean: the mean of the distribution.
      scale: the standard deviation (``>= 0``).
      seed: ``None`` draws from ``brainpy_math.random.DEFAULT``; an int gives the
        initializer its own generator (see ``RandomInitializer``).

    Raises:
      ValueError: ``mean`` or ``scale`` is not a finite number, or ``scale < 0``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> w = bd.init.Normal(-55., 2., seed=0)((2, 3))
      >>> w.shape, str(w.dtype)
      ((2, 3), 'float32')
      >>> bool(bd.init.Normal(seed=1)(5).value.std() > 0)
      True
    """

    def __init__(self, mean: float = 0.0, scale: float = 1.0, seed: int | None = None):
        self.mean = check_number(mean, "Normal", "mean")
        self.scale = check_number(scale, "Normal", "scale")
        if self.scale < 0:
            raise ValueError(f"Normal: scale must be >= 0, got {scale!r}.")
        super().__init__(seed)

    def _arguments(self) -> dict[str, Any]:
        return {"mean": self.mean, "scale": self.scale, "seed": self.seed}

    def __call__(self, shape: Shape, dtype: Any = None) -> bm.Array:
        shape = to_shape(shape, "Normal")
        x = self._sample("normal", shape, loc=self.mean, scale=self.scale)
        return as_array(x, shape, to_float_dtype(dtype))


@public
class Uniform(RandomInitializer):
    """Initialize with samples of a uniform distribution on ``[min_val, max_val)``.

    BrainPy implementation of ``brainpy.init.Uniform`` (2.3.5).

    Args:
      min_val: the lower bound.
      max_val: the upper bound (``>= min_val``).
      seed: ``None`` draws from ``brainpy_math.random.DEFAULT``; an int gives the
        initializer its own generator (see ``RandomInitializer``).

    Raises:
      ValueError: a bound is not a finite number, or ``min_val > max_val``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> w = bd.init.Uniform(-1., 1., seed=0)(1000)
      >>> bool((w.value >= -1.).all() and (w.value < 1.).all())
      True
    """

    def __init__(self, min_val: float = 0.0, max_val: float = 1.0, seed: int | None = None):
        self.min_val = check_number(min_val, "Uniform", "min_val")
        self.max_val = check_number(max_val, "Uniform", "max_val")
        if self.min_val > self.max_val:
            raise ValueError(
                f"Uniform: min_val must be <= max_val, got min_val={min_val!r}, "
                f"max_val={max_val!r}."
            )
        super().__init__(seed)

    def _arguments(self) -> dict[str, Any]:
        return {"min_val": self.min_val, "max_val": self.max_val, "seed": self.seed}

    def __call__(self, shape: Shape, dtype: Any = None) -> bm.Array:
        shape = to_shape(shape, "Uniform")
        x = self._sample("uniform", shape, low=self.min_val, high=self.max_val)
        return as_array(x, shape, to_float_dtype(dtype))

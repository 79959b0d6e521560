"""``RandomState``, the global generator ``DEFAULT``, ``seed`` and ``default_rng``.

Design notes:

* A ``RandomState`` is a :class:`~brainpy_math.Variable` whose value is a *raw* JAX PRNG
  key: the ``uint32[2]`` array that :func:`jax.random.PRNGKey` returns (threefry), as in
  BrainPy 2.3.5. A raw key is an ordinary array, so the generator survives every
  transformation, ``Variable`` shape/dtype checks, and checkpoints (msgpack stores it as
  a plain ``uint32`` ndarray). JAX's typed keys (:func:`jax.random.key`) would need a
  special dtype everywhere; they are accepted as input and converted.
* Each draw splits the key: ``key, sub = split(key)``; the generator keeps ``key`` and the
  draw uses ``sub`` (2.3.5's order). Because the key is a Variable, ``bm.jit``,
  ``bm.for_loop`` and the other transformations carry it in and out, so the key advances
  by itself inside compiled code and compiled loops.
* Every sampler takes ``key=``: a key to draw with instead, and then the generator does
  not advance.
"""

from __future__ import annotations

import operator
import secrets
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy_math._src.array import as_jax, to_jax
from brainpy_math._src.public_path import set_module
from brainpy_math._src.random._utils import check_key, concrete
from brainpy_math._src.random.continuous import ContinuousSampling
from brainpy_math._src.random.discrete import DiscreteSampling
from brainpy_math._src.random.location_scale import LocationScaleSampling
from brainpy_math._src.random.normal import NormalSampling
from brainpy_math._src.random.special import SpecialSampling
from brainpy_math._src.random.uniform import UniformSampling
from brainpy_math._src.state_trace import TRACE_STACK
from brainpy_math._src.variable import Variable, _flatten_var, _unflatten_var_for

__all__ = ["RandomState", "Generator", "DEFAULT", "seed", "default_rng", "split_key", "split_keys"]

_MODULE = "brainpy_math.random"
_SEED_LIMIT = 2**64


def _threefry() -> bool:
    return jax.config.jax_default_prng_impl == "threefry2x32"  # type: ignore[attr-defined,no-any-return]


def _int_key(seed: int, fn: str) -> np.ndarray:
    """The raw threefry key of an integer seed in [0, 2**64), as a NumPy array.

    This is ``[seed >> 32, seed & 0xFFFFFFFF]``, what ``jax.random.PRNGKey(seed)`` returns
    under x64 (and, for seeds below 2**32, always); building it here keeps large seeds
    distinct without x64 and needs no JAX backend.
    """
    if not 0 <= seed < _SEED_LIMIT:
        raise ValueError(f"{fn}: seed must be an int in [0, 2**64), got {seed}.")
    return np.array([seed >> 32, seed & 0xFFFFFFFF], dtype=np.uint32)


def _key_from_int(seed: int, fn: str) -> jax.Array:
    """The raw key of a concrete integer seed in [0, 2**64)."""
    host = _int_key(seed, fn)  # checks the range for every implementation
    return to_jax(host) if _threefry() else jax.random.PRNGKey(seed)


def _host_key(seed_or_key: Any, fn: str) -> np.ndarray | None:
    """The key of ``None`` or a concrete int seed, kept in NumPy; ``None`` for anything else.

    Only threefry keys can be made without JAX; other implementations, keys and traced
    seeds go through :func:`_make_key`.
    """
    if not _threefry() or isinstance(seed_or_key, (bool, np.bool_)):
        return None
    if seed_or_key is None:
        # NumPy's *global* generator on purpose: ``seed()`` then makes this reproducible.
        return _int_key(int(np.random.randint(0, 2**63, dtype=np.int64)), fn)  # noqa: NPY002
    if isinstance(seed_or_key, (int, np.integer)):
        return _int_key(operator.index(seed_or_key), fn)
    return None


def _make_key(seed_or_key: Any, fn: str) -> jax.Array:
    """A raw key from ``None`` (NumPy's global RNG), an int seed, or a key."""
    if seed_or_key is None:
        # NumPy's *global* generator on purpose: ``seed()`` then makes this reproducible.
        return _key_from_int(int(np.random.randint(0, 2**63, dtype=np.int64)), fn)  # noqa: NPY002
    if isinstance(seed_or_key, (bool, np.bool_)):
        raise ValueError(
            f"{fn}: seed_or_key must be an int seed or a PRNG key, got {seed_or_key!r}."
        )
    if isinstance(seed_or_key, (int, np.integer)):
        return _key_from_int(operator.index(seed_or_key), fn)
    value = as_jax(seed_or_key)
    if not hasattr(value, "dtype"):
        raise ValueError(
            f"{fn}: seed_or_key must be an int seed or a PRNG key, got "
            f"{type(seed_or_key).__name__}: {seed_or_key!r}."
        )
    value = jnp.asarray(value) if isinstance(value, np.ndarray) else value
    if jnp.issubdtype(value.dtype, jax.dtypes.prng_key):
        return jax.random.key_data(check_key(value, fn))
    if value.ndim == 0 and jnp.issubdtype(value.dtype, jnp.integer):
        known = concrete(value)
        if known is not None:
            return _key_from_int(int(known), fn)
        return jax.random.PRNGKey(value)  # a traced seed
    key: jax.Array = check_key(value, fn)
    return key


def _seed_argument(fn: str, seed_or_key: Any, seed: Any) -> Any:
    """``seed_or_key``, or BrainPy 2.3.5's older keyword ``seed=`` (not both)."""
    if seed is None:
        return seed_or_key
    if seed_or_key is not None:
        raise ValueError(
            f"{fn}: give seed_or_key or seed, not both; got seed_or_key={seed_or_key!r} and "
            f"seed={seed!r}."
        )
    return seed


def _entropy_seed() -> int:
    """A fresh seed in [0, 2**32) from the operating system."""
    return secrets.randbits(32)


@jax.jit
def _split_in_two(key: jax.Array) -> tuple[jax.Array, jax.Array]:
    """``jax.random.split(key)`` as a pair, compiled once (eagerly, three programs)."""
    keys = jax.random.split(key)
    return keys[0], keys[1]


class RandomState(
    UniformSampling,
    NormalSampling,
    ContinuousSampling,
    LocationScaleSampling,
    DiscreteSampling,
    SpecialSampling,
    Variable,
):
    """A random number generator: a :class:`~brainpy_math.Variable` holding a PRNG key.

    The value is a raw JAX key (``uint32[2]``, as made by :func:`jax.random.PRNGKey`).
    Every draw advances it (``key, sub = jax.random.split(key)``; the draw uses ``sub``).
    Because it is a Variable, ``bm.jit``, ``bm.for_loop`` and the other transformations
    carry the key through compiled code, so each call and each loop step draws new
    numbers. The samplers follow NumPy's names and signatures (``size=`` for the shape);
    each also takes ``key=`` to draw with an explicit key without advancing the generator.

    ``Generator`` is another name of this class (``bm.random.Generator is
    bm.random.RandomState``), as in BrainPy 2.3.5.

    Args:
      seed_or_key: an int seed in [0, 2**64), a PRNG key (raw ``uint32`` or typed), or
        ``None`` for a seed drawn from NumPy's global generator (so that
        :func:`brainpy_math.random.seed` makes it reproducible).
      seed: BrainPy 2.3.5's older name of ``seed_or_key``.

    Raises:
      ValueError: a negative or too large seed, or an array that is not a key.

    Examples:
      >>> import brainpy_math as bm
      >>> rng = bm.random.RandomState(42)
      >>> rng
      RandomState([ 0, 42], dtype=uint32)
      >>> x = rng.normal(0., 1., size=(2, 3))
      >>> x.shape, x.dtype
      ((2, 3), dtype('float32'))
      >>> bool((bm.random.RandomState(42).normal(size=(2, 3)) == x).all())
      True
    """

    # ``_device_key`` holds the key; ``_host_key`` a NumPy key not yet on the device. A
    # generator made or seeded from an int (the global one at import, ``seed(0)`` at the top
    # of a script) keeps its key in NumPy until first used, so it starts no JAX backend.
    __slots__ = ("_device_key", "_host_key")

    def __init__(self, seed_or_key: Any = None, seed: int | None = None):
        seed_or_key = _seed_argument("RandomState", seed_or_key, seed)
        host = _host_key(seed_or_key, "RandomState")
        if host is None:
            self._host_key = None
            super().__init__(_make_key(seed_or_key, "RandomState"))
            return
        self._device_key = None
        self._host_key = host
        self._batch_axis = None
        if TRACE_STACK:
            TRACE_STACK[-1].created(self)

    @property  # type: ignore[override]
    def _value(self) -> jax.Array:
        key = getattr(self, "_device_key", None)
        if key is None:
            # The first use may come while a transformation traces (a draw inside
            # ``bm.jit`` or ``bm.for_loop``): the key must still become a concrete array,
            # never a tracer of that trace, or it would leak out of it. Later, the
            # transformations carry it in and out like any other Variable.
            with jax.ensure_compile_time_eval():
                key = self._device_key = to_jax(self._host_key)
            self._host_key = None
        return key

    @_value.setter
    def _value(self, key: Any) -> None:
        self._device_key = key
        self._host_key = None

    def seed(self, seed_or_key: Any = None, seed: int | None = None) -> None:
        """Reset the key from a seed or a key (see the class for the accepted values).

        ``seed=`` is BrainPy 2.3.5's older name of ``seed_or_key``.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> a = rng.random(3)
          >>> rng.seed(0)
          >>> bool((rng.random(3) == a).all())
          True
        """
        seed_or_key = _seed_argument("RandomState.seed", seed_or_key, seed)
        # Inside a transformation the new key must be recorded as a write; outside, an
        # int seed waits in NumPy like the key of a new generator.
        host = None if TRACE_STACK else _host_key(seed_or_key, "RandomState.seed")
        if host is None:
            self.value = _make_key(seed_or_key, "RandomState.seed")
        else:
            self._device_key = None
            self._host_key = host

    def split_key(self) -> jax.Array:
        """Advance the generator and return a new, independent key.

        Returns:
          A raw key (``uint32[2]``); the generator keeps the other half of the split.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> k1, k2 = rng.split_key(), rng.split_key()
          >>> k1.shape, bool((k1 == k2).all())
          ((2,), False)
        """
        self.value, sub = _split_in_two(self.value)
        return sub

    def split_keys(self, n: int) -> jax.Array:
        """Advance the generator once and return ``n`` new keys, stacked.

        Args:
          n: the number of keys.

        Returns:
          A ``uint32[n, 2]`` array of raw keys.

        Examples:
          >>> import brainpy_math as bm
          >>> bm.random.RandomState(0).split_keys(4).shape
          (4, 2)
        """
        try:
            n = operator.index(n)
        except TypeError:
            raise ValueError(f"split_keys: n must be a non-negative int, got {n!r}.") from None
        if n < 0:
            raise ValueError(f"split_keys: n must be a non-negative int, got {n}.")
        keys = jax.random.split(self.value, n + 1)
        self.value = keys[0]
        out: jax.Array = keys[1:]
        return out

    def clone(self) -> RandomState:
        """A new generator whose key is split off this one (both advance independently).

        Cloning advances this generator once, so the clone and the original never draw
        the same numbers.

        Examples:
          >>> import brainpy_math as bm
          >>> rng = bm.random.RandomState(0)
          >>> other = rng.clone()
          >>> bool((other.random(3) == rng.random(3)).all())
          False
        """
        return type(self)(self.split_key())


set_module(_MODULE, RandomState)
set_module(
    _MODULE,
    RandomState.__init__,
    RandomState.seed,
    RandomState.split_key,
    RandomState.split_keys,
    RandomState.clone,
)
jax.tree_util.register_pytree_node(
    RandomState,
    _flatten_var,
    _unflatten_var_for(RandomState),  # type: ignore[no-untyped-call]
)

#: The global generator behind the module-level functions (``bm.random.normal`` …),
#: seeded from the operating system's entropy at import (NumPy's global stream is not
#: touched); :func:`seed` re-seeds it.
DEFAULT = RandomState(_entropy_seed())

#: BrainPy 2.3.5's other name of :class:`RandomState` (the same class).
Generator = RandomState


def seed(seed: int | Any | None = None) -> None:
    """Seed the global generator ``DEFAULT`` **and** NumPy's global generator.

    Seeding NumPy as well (BrainPy 2.3.5's behaviour) makes code that draws with
    :mod:`numpy.random`, such as connectivity builders, reproducible too. Generators made
    later by ``RandomState()`` without a seed draw their seed from NumPy, so they become
    reproducible as well.

    Args:
      seed: an int in [0, 2**32) (NumPy's range), or ``None`` for fresh entropy from the
        operating system. A traced int (inside ``jit``) seeds ``DEFAULT`` only.

    Raises:
      ValueError: ``seed`` is not an int in [0, 2**32).

    Examples:
      >>> import brainpy_math as bm
      >>> import numpy as np
      >>> bm.random.seed(123)
      >>> a, na = bm.random.normal(size=3), np.random.rand()
      >>> bm.random.seed(123)
      >>> bool((bm.random.normal(size=3) == a).all()), np.random.rand() == na
      (True, True)
    """
    if seed is None:
        seed = _entropy_seed()
    value = as_jax(seed)
    if isinstance(value, (bool, np.bool_)) or not (
        isinstance(value, (int, np.integer))
        or (
            hasattr(value, "dtype")
            and np.ndim(value) == 0
            and jnp.issubdtype(value.dtype, jnp.integer)
        )
    ):
        raise ValueError(f"seed: seed must be an int in [0, 2**32) or None, got {seed!r}.")
    known = concrete(value)
    if known is None:  # traced: NumPy cannot be seeded with it
        DEFAULT.seed(value)
        return
    number = int(known)
    if not 0 <= number < 2**32:
        raise ValueError(f"seed: seed must be an int in [0, 2**32) or None, got {seed!r}.")
    np.random.seed(number)  # noqa: NPY002 - seeding NumPy's global generator is the point
    DEFAULT.seed(number)


def default_rng(seed_or_key: Any = None, clone: bool = True, *, seed: Any = None) -> RandomState:
    """A generator: ``DEFAULT`` (or a clone of it), or a new one from a seed or key.

    Args:
      seed_or_key: ``None`` for the global generator; an int seed or a key for a new
        :class:`RandomState`.
      clone: with no seed, return a clone of ``DEFAULT`` (an independent generator split
        off it) rather than ``DEFAULT`` itself.
      seed: another name of ``seed_or_key``.

    Returns:
      A :class:`RandomState`.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.random.default_rng(clone=False) is bm.random.DEFAULT
      True
      >>> rng = bm.random.default_rng(7)
      >>> rng
      RandomState([0, 7], dtype=uint32)
    """
    seed_or_key = _seed_argument("default_rng", seed_or_key, seed)
    if seed_or_key is None:
        return DEFAULT.clone() if clone else DEFAULT
    return RandomState(seed_or_key)


def split_key() -> jax.Array:
    """Advance the global generator and return a new key (``DEFAULT.split_key()``).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.random.split_key().shape
      (2,)
    """
    return DEFAULT.split_key()


def split_keys(n: int) -> jax.Array:
    """Advance the global generator and return ``n`` new keys (``DEFAULT.split_keys(n)``).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.random.split_keys(3).shape
      (3, 2)
    """
    return DEFAULT.split_keys(n)


set_module(_MODULE, seed, default_rng, split_key, split_keys)

"""Argument checks and result conventions shared by every sampler.

NumPy conventions, as the samplers apply them:

* ``size=None`` draws one value per element of the broadcast parameters (a 0-d result
  for scalar parameters); ``size`` given must be a shape that the parameters broadcast to.
* Real-valued samples have the default float dtype (``bm.get_float()``, float32 unless
  x64 is enabled); counts have the default int dtype (``bm.get_int()``).
* A result with ``ndim > 0`` is a brainpy :class:`~brainpy_math.Array`, a 0-d result a JAX
  scalar, as everywhere in brainpy_math.

Parameter checks run only on concrete values: inside ``jit`` a traced parameter cannot be
inspected, and an out-of-range value then gives NaN where JAX's sampler gives NaN.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias

import jax
import jax.numpy as jnp
import numpy as np

from brainpy_math._src.array import Array, _return, as_jax, to_jax
from brainpy_math._src.environment import get_float, get_int

__all__ = [
    "ArrayLike",
    "KeyedSampler",
    "Size",
    "as_param",
    "check_key",
    "check_param",
    "check_shape_rank",
    "concrete",
    "draw_normal",
    "draw_uniform",
    "finish",
    "float_dtype",
    "gamma_draw",
    "int_dtype",
    "int_operand",
    "is_number",
    "loc_scale",
    "loc_scale_operands",
    "nonneg",
    "normalize_size",
    "positive",
    "probability",
    "rejection_sample",
    "result_shape",
    "shaped",
]

#: What the samplers accept as a parameter: scalars, NumPy/JAX arrays, brainpy Arrays.
ArrayLike: TypeAlias = "jax.typing.ArrayLike | Array"
#: NumPy's ``size``: ``None``, an int, or a sequence of ints.
Size: TypeAlias = "int | Sequence[int] | None"


def float_dtype() -> Any:
    """The dtype of real-valued samples (the environment's default float)."""
    return jnp.dtype(get_float())


def int_dtype() -> Any:
    """The dtype of counts and indices (the environment's default int)."""
    return jnp.dtype(get_int())


def concrete(x: Any) -> np.ndarray | None:
    """``x`` as a NumPy array, or ``None`` when it is traced (unknown until run time)."""
    x = as_jax(x)
    if isinstance(x, jax.core.Tracer):
        return None
    try:
        return np.asarray(x)
    except (jax.errors.ConcretizationTypeError, jax.errors.TracerArrayConversionError):
        return None


def _describe(value: Any, bad: np.ndarray) -> str:
    arr = concrete(value)
    if arr is None:
        return repr(value)
    if arr.ndim == 0:
        return repr(arr.item() if isinstance(value, (Array, np.ndarray, jax.Array)) else value)
    first = arr[bad][0] if bad.any() else arr.flat[0]
    return f"an array of shape {arr.shape} containing {first!r}"


def check_param(
    fn: str,
    name: str,
    value: Any,
    valid: Callable[[np.ndarray], np.ndarray],
    expected: str,
) -> None:
    """Raise ``ValueError`` when a concrete ``value`` fails ``valid`` anywhere.

    ``valid`` maps the NumPy value to a boolean array; NaN must map to ``False``.
    """
    arr = concrete(value)
    if arr is None:
        return
    with np.errstate(invalid="ignore"):
        ok = np.asarray(valid(arr), dtype=bool)
    if not ok.all():
        raise ValueError(f"{fn}: {name} must be {expected}, got {_describe(value, ~ok)}.")


def normalize_size(size: Any, fn: str) -> tuple[int, ...] | None:
    """NumPy's ``size``: ``None``, an int, or a sequence of non-negative ints."""
    if size is None:
        return None
    if isinstance(size, (bool, np.bool_)):
        raise ValueError(f"{fn}: size must be None, an int or a tuple of ints, got {size!r}.")
    dims: tuple[int, ...]
    try:
        dims = (operator.index(size),)
    except TypeError:
        if not isinstance(size, (tuple, list)):
            raise ValueError(
                f"{fn}: size must be None, an int or a tuple of ints, got {size!r}."
            ) from None
        try:
            dims = tuple(operator.index(d) for d in size if not isinstance(d, bool))
        except TypeError:
            dims = ()
        if len(dims) != len(size):
            raise ValueError(
                f"{fn}: size must be None, an int or a tuple of ints, got {size!r}."
            ) from None
    if any(d < 0 for d in dims):
        raise ValueError(f"{fn}: size must not contain negative dimensions, got {size!r}.")
    return dims


def as_param(x: Any, dtype: Any = None) -> jax.Array:
    """A parameter as a JAX array (of the sample float dtype unless told otherwise)."""
    dtype = float_dtype() if dtype is None else dtype
    if isinstance(x, (int, float, np.generic)):  # no compiled conversion for a scalar
        return to_jax(np.asarray(x, dtype=dtype))
    return jnp.asarray(as_jax(x), dtype=dtype)


def int_operand(fn: str, name: str, value: Any) -> int:
    """A parameter that must be a concrete Python-style int (a static dimension)."""
    try:
        return operator.index(as_jax(value))
    except TypeError:
        raise ValueError(f"{fn}: {name} must be an int, got {value!r}.") from None


def result_shape(fn: str, size: tuple[int, ...] | None, *params: Any) -> tuple[int, ...]:
    """The shape of the sample: ``size``, or the broadcast shape of the parameters.

    With ``size`` given, the parameters must broadcast to it (NumPy's rule).
    """
    shapes = [tuple(np.shape(as_jax(p))) for p in params]
    try:
        broadcast = tuple(np.broadcast_shapes(*shapes)) if shapes else ()
    except ValueError:
        raise ValueError(
            f"{fn}: the parameters cannot be broadcast together, got shapes {shapes}."
        ) from None
    if size is None:
        return broadcast
    try:
        ok = tuple(np.broadcast_shapes(size, broadcast)) == size
    except ValueError:
        ok = False
    if not ok:
        raise ValueError(
            f"{fn}: size={size} is not compatible with the parameter shapes {shapes}; "
            "each parameter must broadcast to size."
        )
    return size


def gamma_draw(key: jax.Array, a: Any, shape: tuple[int, ...], dtype: Any) -> jax.Array:
    """``jax.random.gamma`` with ``a`` broadcast to ``shape`` first.

    Every gamma-based sampler goes through here, so that they all reuse one compiled gamma
    kernel per output shape and dtype (compiling it is the expensive part).
    """
    a = jnp.broadcast_to(jnp.asarray(a, dtype), shape)
    out: jax.Array = jax.random.gamma(key, a, shape, dtype)
    return out


def shaped(shape: tuple[int, ...]) -> np.ndarray:
    """A zero-memory stand-in of ``shape``, for :func:`result_shape` (a batch shape)."""
    return np.broadcast_to(np.zeros((), np.int8), shape)


def finish(x: jax.Array) -> Any:
    """The public result: an ``Array`` when ``ndim > 0``, else the raw 0-d JAX value."""
    return _return(x)


def nonneg(a: np.ndarray) -> np.ndarray:
    return a >= 0


def positive(a: np.ndarray) -> np.ndarray:
    return a > 0


def probability(a: np.ndarray) -> np.ndarray:
    return (a >= 0) & (a <= 1)


def check_shape_rank(fn: str, name: str, value: Any, min_ndim: int) -> jax.Array:
    arr = jnp.asarray(as_jax(value))
    if arr.ndim < min_ndim:
        raise ValueError(
            f"{fn}: {name} must have at least {min_ndim} dimension(s), got shape {arr.shape}."
        )
    return arr


@functools.cache
def _raw_key_shape(impl: Any) -> tuple[int, ...]:
    return tuple(jax.random.PRNGKey(0).shape)


def _key_shape() -> tuple[int, ...]:
    """The shape of a raw key of the default PRNG implementation ((2,) for threefry)."""
    return _raw_key_shape(jax.config.jax_default_prng_impl)  # type: ignore[attr-defined]


def check_key(key: Any, fn: str) -> Any:
    """An explicit ``key=``: a raw ``uint32`` PRNG key, a typed JAX key, or an integer seed.

    An integer seed (a Python or NumPy int, or a 0-d integer array, traced ones included)
    stands for ``jax.random.PRNGKey(seed)``, as in BrainPy 2.3.5.
    """
    key = as_jax(key)
    if isinstance(key, (bool, np.bool_)):
        raise ValueError(f"{fn}: key must be a PRNG key or an integer seed, got {key!r}.")
    if isinstance(key, (int, np.integer)):
        seed = int(key)
        if 0 <= seed < 2**64 and jax.config.jax_default_prng_impl == "threefry2x32":  # type: ignore[attr-defined]
            # PRNGKey(seed) under x64, built without truncating large seeds under x32.
            return to_jax(np.array([seed >> 32, seed & 0xFFFFFFFF], dtype=np.uint32))
        return jax.random.PRNGKey(seed)
    dtype = getattr(key, "dtype", None)
    if dtype is not None and jnp.issubdtype(dtype, jnp.integer) and key.ndim == 0:
        return jax.random.PRNGKey(key)
    if dtype is not None and jnp.issubdtype(dtype, jax.dtypes.prng_key):
        if key.ndim != 0:
            raise ValueError(
                f"{fn}: key must be a single PRNG key, got a key array of shape {key.shape}."
            )
        return key
    if dtype != jnp.uint32 or tuple(key.shape) != _key_shape():
        raise ValueError(
            f"{fn}: key must be a PRNG key (a uint32 array of shape {_key_shape()} as made by "
            f"jax.random.PRNGKey, or a jax.random.key) or an integer seed, got "
            f"{type(key).__name__} of shape {getattr(key, 'shape', ())} and dtype {dtype}."
        )
    return key


def draw_normal(key: jax.Array, shape: tuple[int, ...], dtype: Any, loc: Any, scale: Any) -> Any:
    """``normal(key, shape) * scale + loc``; a ``None`` ``loc`` or ``scale`` is skipped."""
    z = jax.random.normal(key, shape, dtype)
    if scale is not None:
        z = z * scale
    if loc is not None:
        z = z + loc
    return z


def draw_uniform(key: jax.Array, shape: tuple[int, ...], dtype: Any, low: Any, high: Any) -> Any:
    """``uniform(key, shape)`` on [0, 1), or on ``[low, high)`` when both are given."""
    if low is None:
        return jax.random.uniform(key, shape, dtype)
    return jax.random.uniform(key, shape, dtype, low, high)


@functools.partial(jax.jit, static_argnames=("draw", "shape", "dtype"))
def _split_and_draw(
    state: jax.Array, operands: tuple[Any, ...], *, draw: Callable[..., Any], shape: Any, dtype: Any
) -> tuple[jax.Array, Any]:
    """Split ``state`` as ``RandomState.split_key`` does and draw with the new subkey."""
    keys = jax.random.split(state)
    return keys[0], draw(keys[1], shape, dtype, *operands)


class KeyedSampler:
    """Base of the sampler mixins: where a draw gets its key from."""

    __slots__ = ()

    def split_key(self) -> jax.Array:
        raise NotImplementedError

    def _key(self, key: Any, fn: str) -> jax.Array:
        """The explicit ``key`` (checked), or a fresh subkey split off this generator."""
        if key is None:
            return self.split_key()
        checked: jax.Array = check_key(key, fn)
        return checked

    def _draw(
        self,
        key: Any,
        fn: str,
        draw: Callable[..., Any],
        shape: tuple[int, ...],
        dtype: Any,
        *operands: Any,
    ) -> Any:
        """``finish(draw(subkey, shape, dtype, *operands))`` with this generator's next subkey.

        The result equals ``draw(self._key(key, fn), ...)``, but outside a transformation
        the split and the draw run as one compiled program, cached per ``draw``, shape and
        dtype: a fresh shape compiles once instead of once per operation, which is most of
        the time of building a network's random initial state. ``draw`` must be a
        module-level function (it is part of the cache key).
        """
        if key is not None:
            return finish(draw(check_key(key, fn), shape, dtype, *operands))
        state, x = _split_and_draw(
            self.value,  # type: ignore[attr-defined]
            operands,
            draw=draw,
            shape=shape,
            dtype=jnp.dtype(dtype),
        )
        self.value = state  # type: ignore[attr-defined]
        return finish(x)


def rejection_sample(
    key: jax.Array,
    shape: tuple[int, ...],
    dtype: Any,
    propose: Callable[[jax.Array], tuple[jax.Array, jax.Array]],
) -> jax.Array:
    """Elementwise rejection sampling.

    ``propose(key)`` returns a candidate of ``shape`` and a boolean mask of accepted
    entries; rounds repeat, with fresh keys, until every entry has been accepted once. The
    first accepted candidate of each entry is kept, so each entry is an exact draw.
    """
    Carry = tuple[jax.Array, jax.Array, jax.Array]

    def unfinished(carry: Carry) -> jax.Array:
        return ~jnp.all(carry[2])

    def round_(carry: Carry) -> Carry:
        k, out, done = carry
        k, sub = jax.random.split(k)
        cand, ok = propose(sub)
        out = jnp.where(done, out, cand.astype(dtype))
        return k, out, done | ok

    init = (key, jnp.zeros(shape, dtype), jnp.zeros(shape, bool))
    out: jax.Array = jax.lax.while_loop(unfinished, round_, init)[1]
    return out


def is_number(value: Any, number: float) -> bool:
    """Whether ``value`` is the plain Python number ``number`` (no arithmetic needed)."""
    return type(value) in (int, float) and value == number


def loc_scale_operands(loc: Any, scale: Any, dtype: Any) -> tuple[Any, Any]:
    """``loc`` and ``scale`` as operands of :func:`draw_normal`: ``None`` for the defaults."""
    return (
        None if is_number(loc, 0) else as_param(loc, dtype),
        None if is_number(scale, 1) else as_param(scale, dtype),
    )


def loc_scale(z: jax.Array, loc: Any, scale: Any) -> jax.Array:
    """``z * scale + loc``, skipping the identity operations of the defaults 1 and 0.

    Skipping them keeps a draw with default parameters bit-identical to the bare
    :mod:`jax.random` sampler.
    """
    z = jnp.asarray(z)
    if not is_number(scale, 1):
        z = z * as_param(scale, z.dtype)
    if not is_number(loc, 0):
        z = z + as_param(loc, z.dtype)
    return z

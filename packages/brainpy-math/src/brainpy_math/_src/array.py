"""``Array``: a mutable box around a JAX array, with NumPy and PyTorch methods.

Contract that the rest of brainpy_math relies on (keep it when extending):

* the raw ``jax.Array`` lives in ``self._value``; every method reads it through the
  ``value`` property and writes it through the ``value`` setter, never through
  ``_value`` directly, because :class:`~brainpy_math.Variable` overrides the property
  to record reads and writes while a transformation traces;
* results of arithmetic and methods are wrapped by :func:`_return` (``ndim > 0`` →
  ``Array``, 0-d → raw JAX scalar), as BrainPy 2.3.5 did;
* ``Array`` is a JAX pytree with one leaf, its value.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

__all__ = ["Array", "Tensor", "as_jax", "_return"]


def as_jax(x: Any) -> Any:
    """Return the JAX value behind ``x`` (the value of an Array), or ``x`` itself."""
    return x.value if isinstance(x, Array) else x


def _return(x: Any) -> Any:
    """Wrap a result: ``ndim > 0`` JAX arrays become :class:`Array`, the rest pass."""
    if isinstance(x, jax.Array) and x.ndim > 0:
        return Array(x)
    return x


class Array:
    """A mutable array backed by a JAX array.

    Args:
      value: anything ``jax.numpy.asarray`` accepts, or another ``Array``.
      dtype: optional dtype to cast to.

    Examples:
      >>> import brainpy_math as bm
      >>> a = bm.Array([1., 2., 3.])
      >>> (a * 2).value
      Array([2., 4., 6.], dtype=float32)
    """

    __slots__ = ("_value",)
    # Let NumPy defer to our reflected operators (``np_array + Array``).
    __array_priority__ = 100

    def __init__(self, value: Any, dtype: Any = None):
        value = as_jax(value)
        if dtype is not None or not isinstance(value, jax.Array):
            value = jnp.asarray(value, dtype=dtype)
        self._value = value

    # ------------------------------------------------------------------ value
    @property
    def value(self) -> jax.Array:
        """The JAX array held by this object."""
        return self._value

    @value.setter
    def value(self, new_value: Any) -> None:
        self._value = jnp.asarray(as_jax(new_value))

    def update(self, new_value: Any) -> None:
        """Replace the value (same as ``self.value = new_value``)."""
        self.value = new_value

    # --------------------------------------------------------- basic metadata
    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.value.shape)

    @property
    def dtype(self) -> np.dtype:
        return self.value.dtype

    @property
    def ndim(self) -> int:
        return self.value.ndim

    @property
    def size(self) -> int:
        return self.value.size

    # ---------------------------------------------------------------- interop
    def __jax_array__(self) -> jax.Array:
        return self.value

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        arr = np.asarray(self.value, dtype=dtype)
        return arr.copy() if copy else arr

    def __repr__(self) -> str:
        body = repr(self.value)
        prefix = type(self).__name__
        # ``Array([1., 2.], dtype=float32)`` → ``Variable([1., 2.], dtype=float32)``
        return prefix + body[body.index("(") :] if "(" in body else f"{prefix}({body})"

    def __len__(self) -> int:
        return len(self.value)

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __getitem__(self, index: Any) -> Any:
        return self.value[_index(index)]

    def __setitem__(self, index: Any, new: Any) -> None:
        self.value = self.value.at[_index(index)].set(as_jax(new))

    def __bool__(self) -> bool:
        return bool(self.value)

    def __float__(self) -> float:
        return float(self.value)

    def __int__(self) -> int:
        return int(self.value)

    def __index__(self) -> int:
        return int(self.value)

    def __hash__(self) -> int:
        return id(self)

    # ------------------------------------------------------------- arithmetic
    def __add__(self, o):
        return _return(self.value + as_jax(o))

    def __radd__(self, o):
        return _return(as_jax(o) + self.value)

    def __iadd__(self, o):
        self.value = self.value + as_jax(o)
        return self

    def __sub__(self, o):
        return _return(self.value - as_jax(o))

    def __rsub__(self, o):
        return _return(as_jax(o) - self.value)

    def __isub__(self, o):
        self.value = self.value - as_jax(o)
        return self

    def __mul__(self, o):
        return _return(self.value * as_jax(o))

    def __rmul__(self, o):
        return _return(as_jax(o) * self.value)

    def __imul__(self, o):
        self.value = self.value * as_jax(o)
        return self

    def __truediv__(self, o):
        return _return(self.value / as_jax(o))

    def __rtruediv__(self, o):
        return _return(as_jax(o) / self.value)

    def __itruediv__(self, o):
        self.value = self.value / as_jax(o)
        return self

    def __neg__(self):
        return _return(-self.value)

    def __lt__(self, o):
        return _return(self.value < as_jax(o))

    def __le__(self, o):
        return _return(self.value <= as_jax(o))

    def __gt__(self, o):
        return _return(self.value > as_jax(o))

    def __ge__(self, o):
        return _return(self.value >= as_jax(o))

    def __eq__(self, o):  # type: ignore[override]
        return _return(self.value == as_jax(o))

    def __ne__(self, o):  # type: ignore[override]
        return _return(self.value != as_jax(o))

    def astype(self, dtype: Any) -> Array:
        return Array(self.value.astype(dtype))

    def to_numpy(self) -> np.ndarray:
        return np.asarray(self.value)

    def numpy(self) -> np.ndarray:
        return np.asarray(self.value)


def _index(index: Any) -> Any:
    if isinstance(index, tuple):
        return tuple(as_jax(i) for i in index)
    return as_jax(index)


Tensor = Array


def _flatten(x: Array):
    return (x._value,), None


def _unflatten_for(cls):
    def unflatten(aux, children):
        obj = object.__new__(cls)
        obj._value = children[0]
        return obj

    return unflatten


jax.tree_util.register_pytree_node(Array, _flatten, _unflatten_for(Array))

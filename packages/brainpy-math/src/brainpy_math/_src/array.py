"""``Array``: a mutable box around a JAX array, with NumPy and PyTorch methods.

Contract that the rest of brainpy_math relies on (keep it when extending):

* the raw ``jax.Array`` lives in ``self._value``; every method reads it through the
  ``value`` property and writes it through the ``value`` setter, never through
  ``_value`` directly, because :class:`~brainpy_math.Variable` overrides the property
  to record reads and writes while a transformation traces;
* results of arithmetic and methods are wrapped by :func:`_return` (``ndim > 0`` →
  ``Array``, 0-d → raw JAX scalar), as BrainPy 2.3.5 did;
* in-place operations (``+=``, ``fill``, ``sin_`` …) and ``out=`` arguments go through
  :func:`store`, which keeps the shape and dtype of the target like NumPy does;
* ``Array`` is a JAX pytree with one leaf, its value.

The operators live in :mod:`~brainpy_math._src.array_operators`, the NumPy methods in
:mod:`~brainpy_math._src.array_numpy` and the PyTorch methods in
:mod:`~brainpy_math._src.array_torch`; this module holds the class itself.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax.core import Tracer

from brainpy_math._src.array_numpy import NumpyMethods
from brainpy_math._src.array_operators import Operators
from brainpy_math._src.array_torch import TorchMethods
from brainpy_math._src.errors import TracerLeakError
from brainpy_math._src.public_path import set_module

__all__ = ["Array", "Tensor", "as_jax", "unwrap", "operand", "store", "_return"]


def as_jax(x: Any) -> Any:
    """Return the JAX value behind ``x`` (the value of an Array), or ``x`` itself."""
    return x.value if isinstance(x, Array) else x


def unwrap(x: Any) -> Any:
    """The JAX values behind Arrays, inside (nested) tuples, lists and dicts too."""
    if isinstance(x, Array):
        return x.value
    tx = type(x)
    if tx is tuple or tx is list:
        return tx([unwrap(i) for i in x])
    if tx is dict:
        return {k: unwrap(v) for k, v in x.items()}
    return x


def to_jax(value: Any, dtype: Any = None) -> Any:
    """``value`` as a JAX array (of ``dtype`` when given); JAX arrays and tracers pass through.

    A NumPy array that already has the (canonical) dtype is copied to the device with
    :func:`jax.device_put`, which runs no compiled program: ``jnp.asarray`` would compile
    one for each new shape, a cost that adds up while a model is built.
    """
    if isinstance(value, np.ndarray) and value.dtype != object:
        if dtype is None or value.dtype == jax.dtypes.canonicalize_dtype(dtype):
            # Copy on the host first: for some dtypes (bool) the device array may share
            # the buffer it is given, whatever ``may_alias`` says.
            return jax.device_put(np.array(value))
    elif dtype is None and isinstance(value, jax.Array):
        return value
    return jnp.asarray(value, dtype=dtype)


def operand(x: Any) -> Any:
    """Like :func:`unwrap`, and (nested) lists and tuples become JAX arrays, as in NumPy."""
    if isinstance(x, Array):
        return x.value
    tx = type(x)
    if tx is list or tx is tuple:
        return jnp.asarray(unwrap(x))
    return x


def _new(value: Any) -> Array:
    # Build an Array around a JAX array without the checks of ``__init__``.
    obj = object.__new__(Array)
    obj._value = value
    return obj


def _return(x: Any) -> Any:
    """Wrap a result: ``ndim > 0`` JAX arrays become :class:`Array`, the rest pass."""
    if isinstance(x, jax.Array) and x.ndim > 0:
        return _new(x)
    return x


def store(target: Any, result: Any, name: str) -> None:
    """Write ``result`` into the brainpy Array ``target``, keeping its shape and dtype.

    This is what in-place operators and ``out=`` do, with NumPy's rules: ``result``
    is broadcast to the target's shape, and cast to its dtype when NumPy's
    ``same_kind`` casting allows it.

    Raises:
      TypeError: ``target`` is not a brainpy Array or Variable, or the cast is unsafe.
      ValueError: ``result`` does not broadcast to the target's shape.
    """
    if not isinstance(target, Array):
        raise TypeError(
            f"{name}: out must be a brainpy Array or Variable, got {type(target).__name__}."
        )
    result = unwrap(result)
    if not isinstance(result, jax.Array):
        result = jnp.asarray(result)
    shape, dtype = target.shape, target.dtype
    if result.shape != shape:
        try:
            ok = np.broadcast_shapes(result.shape, shape) == shape
        except ValueError:
            ok = False
        if not ok:
            raise ValueError(
                f"{name}: a result of shape {tuple(result.shape)} cannot be stored into an "
                f"array of shape {shape}."
            )
        result = jnp.broadcast_to(result, shape)
    if result.dtype != dtype:
        if not np.can_cast(result.dtype, dtype, casting="same_kind"):
            raise TypeError(
                f"{name}: cannot store a result of dtype {result.dtype} into an array of "
                f"dtype {dtype} (NumPy's 'same_kind' casting rule); cast first with .astype()."
            )
        result = result.astype(dtype)
    elif result.weak_type and not target.value.weak_type:
        # Keep the target's (strong) dtype: a weak type would change later promotions.
        result = result.astype(dtype)
    target.value = result


class Array(Operators, NumpyMethods, TorchMethods):
    """A mutable array backed by a JAX array.

    Arithmetic, comparisons and methods return a new ``Array`` (or a JAX scalar for
    0-d results); in-place operators, ``fill``, ``sort`` and the PyTorch-style ``_``
    methods replace the value, keeping shape and dtype. Indexing returns raw JAX
    arrays. ``Tensor`` is the same class, and so is ``ndarray`` in ``brainpy_math``.

    Args:
      value: anything ``jax.numpy.asarray`` accepts, or another ``Array``.
      dtype: optional dtype to cast to.

    Note:
      An ``Array`` created outside ``jit``/``for_loop``/``grad`` cannot be updated
      inside them (:class:`~brainpy_math.errors.TracerLeakError`): use a
      :class:`~brainpy_math.Variable`, whose value the transformations carry in and
      out. With ``out=``, methods and functions return ``None``, as BrainPy did.

    Examples:
      >>> import brainpy_math as bm
      >>> a = bm.Array([1., 2., 3.])
      >>> a * 2
      Array([2., 4., 6.], dtype=float32)
      >>> a.sum()
      Array(6., dtype=float32)
      >>> a += 1
      >>> a
      Array([2., 3., 4.], dtype=float32)
    """

    __slots__ = ("_value",)
    # Let NumPy defer to our reflected operators (``np_array + Array``).
    __array_priority__ = 100

    def __init__(self, value: Any, dtype: Any = None) -> None:
        self._value = to_jax(unwrap(value), dtype)

    # ------------------------------------------------------------------ value
    @property
    def value(self) -> jax.Array:
        """The JAX array held by this object."""
        return self._value

    @value.setter
    def value(self, new_value: Any) -> None:
        new_value = to_jax(as_jax(new_value))
        if isinstance(new_value, Tracer) and not isinstance(self._value, Tracer):
            raise TracerLeakError(
                f"An {type(self).__name__} created outside a transformation (jit, for_loop, "
                "grad, vmap, ...) cannot be updated inside it: the traced value would leak "
                "out of the trace. Make it a brainpy_math.Variable instead, for example "
                "`x = bm.Variable(x)`."
            )
        self._value = new_value

    def update(self, new_value: Any) -> None:
        """Replace the value (same as ``self.value = new_value``)."""
        self.value = new_value

    # --------------------------------------------------------- basic metadata
    @property
    def shape(self) -> tuple[int, ...]:
        """The shape of the value."""
        return tuple(self.value.shape)

    @property
    def dtype(self) -> np.dtype:
        """The dtype of the value."""
        return self.value.dtype

    @property
    def ndim(self) -> int:
        """The number of dimensions."""
        return self.value.ndim

    @property
    def size(self) -> int:
        """The number of elements (a property, as in NumPy; see :meth:`numel`)."""
        return self.value.size

    @property
    def itemsize(self) -> int:
        """The size of one element in bytes."""
        return self.value.itemsize

    @property
    def nbytes(self) -> int:
        """The size of the value in bytes."""
        return self.value.nbytes

    @property
    def T(self) -> Any:
        """The transpose (axes reversed)."""
        return _return(self.value.T)

    @property
    def mT(self) -> Any:
        """The transpose of the last two axes (matrix transpose)."""
        return _return(self.value.mT)

    @property
    def real(self) -> Any:
        """The real part."""
        return _return(self.value.real)

    @property
    def imag(self) -> Any:
        """The imaginary part."""
        return _return(self.value.imag)

    @property
    def at(self) -> Any:
        """JAX's functional index-update helper, so ``a.at[i].set(v)`` returns a JAX array."""
        return self.value.at

    # ---------------------------------------------------------------- interop
    @property
    def device(self) -> Any:
        """The device holding the value (a property, as ``jax.Array.device``)."""
        return self.value.device

    def devices(self) -> set[Any]:
        """The set of devices holding the value."""
        return self.value.devices()

    @property
    def sharding(self) -> Any:
        """The sharding of the value."""
        return self.value.sharding

    def block_until_ready(self) -> Array:
        """Wait until the value is computed, and return ``self``."""
        self.value.block_until_ready()
        return self

    def __jax_array__(self) -> jax.Array:
        return self.value

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        arr = np.asarray(self.value, dtype=dtype)
        return arr.copy() if copy else arr

    def to_numpy(self, dtype: Any = None) -> np.ndarray:
        """The value as a NumPy array, cast to ``dtype`` if given."""
        return np.asarray(self.value, dtype=dtype)

    def numpy(self, dtype: Any = None) -> np.ndarray:
        """The value as a NumPy array (same as :meth:`to_numpy`)."""
        return np.asarray(self.value, dtype=dtype)

    def to_jax(self, dtype: Any = None) -> jax.Array:
        """The value as a JAX array, cast to ``dtype`` if given."""
        value = self.value
        return value if dtype is None else jnp.asarray(value, dtype=dtype)

    def as_variable(self) -> Any:
        """A new :class:`~brainpy_math.Variable` holding this value."""
        from brainpy_math._src.variable import Variable

        return Variable(self.value)

    # --------------------------------------------------------- python protocol
    def __repr__(self) -> str:
        body = repr(self.value)
        prefix = type(self).__name__
        # ``Array([1., 2.], dtype=float32)`` → ``Variable([1., 2.], dtype=float32)``
        if "(" not in body:
            return f"{prefix}({body})"
        head, _, rest = body.partition("(")
        if "\n" in rest and len(prefix) != len(head):
            rest = rest.replace("\n" + " " * (len(head) + 1), "\n" + " " * (len(prefix) + 1))
        return f"{prefix}({rest}"

    def __format__(self, format_spec: str) -> str:
        return format(self.value, format_spec)

    def __len__(self) -> int:
        return len(self.value)

    def __iter__(self) -> Iterator[Any]:
        value = self.value
        for i in range(len(value)):
            yield value[i]

    def __contains__(self, item: Any) -> bool:
        return bool((self.value == unwrap(item)).any())

    def __getitem__(self, index: Any) -> Any:
        return self.value[_index(index)]

    def __setitem__(self, index: Any, new: Any) -> None:
        self.value = self.value.at[_index(index)].set(unwrap(new))

    def __bool__(self) -> bool:
        return bool(self.value)

    def __float__(self) -> float:
        return float(self.value)

    def __int__(self) -> int:
        return int(self.value)

    def __complex__(self) -> complex:
        return complex(self.value)

    def __index__(self) -> int:
        return self.value.__index__()

    def __hash__(self) -> int:
        return id(self)

    # ----------------------------------------------------------- pickle / copy
    def _slot_values(self) -> dict[str, Any]:
        state = {}
        for cls in type(self).__mro__:
            for name in cls.__dict__.get("__slots__", ()):
                if name != "__weakref__" and hasattr(self, name):
                    state[name] = getattr(self, name)
        return state

    def __getstate__(self) -> dict[str, Any]:
        # A NumPy array pickles the same way whatever the JAX version.
        state = self._slot_values()
        state["_value"] = np.asarray(state["_value"])
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            if name == "_value":
                value = jnp.asarray(value)
            object.__setattr__(self, name, value)

    def __copy__(self) -> Array:
        new = object.__new__(type(self))
        for name, value in self._slot_values().items():
            object.__setattr__(new, name, value)
        return new

    def __deepcopy__(self, memo: dict[int, Any]) -> Array:
        # JAX arrays are immutable: the copy may share the value itself.
        new = object.__new__(type(self))
        memo[id(self)] = new
        for name, value in self._slot_values().items():
            if name != "_value":
                value = copy.deepcopy(value, memo)
            object.__setattr__(new, name, value)
        return new


def _index(index: Any) -> Any:
    if isinstance(index, tuple):
        return tuple(i.value if isinstance(i, Array) else i for i in index)
    return unwrap(index)


set_module("brainpy_math", Array)
Tensor = Array


def _flatten(x: Array) -> tuple[tuple[Any], None]:
    return (x._value,), None


def _unflatten_for(cls: type) -> Any:
    def unflatten(aux: Any, children: Any) -> Any:
        obj = object.__new__(cls)
        obj._value = children[0]
        return obj

    return unflatten


jax.tree_util.register_pytree_node(Array, _flatten, _unflatten_for(Array))

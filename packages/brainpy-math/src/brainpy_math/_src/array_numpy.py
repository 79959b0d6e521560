"""NumPy methods of :class:`~brainpy_math.Array` (``sum``, ``reshape``, ``sort`` …).

Each method computes with the matching :mod:`jax.numpy` function and follows the
signature of the :class:`numpy.ndarray` method. Methods that NumPy gives an ``out``
argument accept a brainpy Array or Variable there (and then return ``None``, as
BrainPy's functions do). ``fill``, ``sort``, ``put``, ``resize`` and
``byteswap(inplace=True)`` work in place, as in NumPy.
"""

from __future__ import annotations

import math
from typing import Any

import jax.numpy as jnp

# ``array.py`` imports this module while it is being initialised (see array_operators).
from brainpy_math._src import array as _core

__all__ = ["NumpyMethods"]


def _finish(result: Any, out: Any, name: str) -> Any:
    if out is None:
        return _core._return(result)
    _core.store(out, result, name)
    return None


def _shape_args(shape: tuple[Any, ...]) -> tuple[int, ...]:
    # ``f(2, 3)`` and ``f((2, 3))`` both mean the shape ``(2, 3)``.
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        return tuple(shape[0])
    return tuple(shape)


class NumpyMethods:
    """The :class:`numpy.ndarray` methods (mixed into ``Array``)."""

    __slots__ = ()

    # ------------------------------------------------------------ reductions
    def all(
        self, axis: Any = None, out: Any = None, keepdims: bool = False, *, where: Any = None
    ) -> Any:
        """Whether all elements along ``axis`` are true (:meth:`numpy.ndarray.all`)."""
        r = jnp.all(self.value, axis=axis, keepdims=keepdims, where=_core.operand(where))
        return _finish(r, out, "Array.all")

    def any(
        self, axis: Any = None, out: Any = None, keepdims: bool = False, *, where: Any = None
    ) -> Any:
        """Whether any element along ``axis`` is true (:meth:`numpy.ndarray.any`)."""
        r = jnp.any(self.value, axis=axis, keepdims=keepdims, where=_core.operand(where))
        return _finish(r, out, "Array.any")

    def sum(
        self, axis: Any = None, dtype: Any = None, out: Any = None, keepdims: bool = False,
        initial: Any = None, where: Any = None,
    ) -> Any:  # fmt: skip
        """The sum along ``axis`` (:meth:`numpy.ndarray.sum`).

        Examples:
          >>> import brainpy_math as bm
          >>> bm.Array([[1, 2], [3, 4]]).sum(axis=0)
          Array([4, 6], dtype=int32)
        """
        r = jnp.sum(
            self.value,
            axis=axis,
            dtype=dtype,
            keepdims=keepdims,
            initial=initial,
            where=_core.operand(where),
        )
        return _finish(r, out, "Array.sum")

    def prod(
        self, axis: Any = None, dtype: Any = None, out: Any = None, keepdims: bool = False,
        initial: Any = None, where: Any = None,
    ) -> Any:  # fmt: skip
        """The product along ``axis`` (:meth:`numpy.ndarray.prod`)."""
        r = jnp.prod(
            self.value,
            axis=axis,
            dtype=dtype,
            keepdims=keepdims,
            initial=initial,
            where=_core.operand(where),
        )
        return _finish(r, out, "Array.prod")

    def max(
        self, axis: Any = None, out: Any = None, keepdims: bool = False, initial: Any = None,
        where: Any = None,
    ) -> Any:  # fmt: skip
        """The maximum along ``axis`` (:meth:`numpy.ndarray.max`)."""
        r = jnp.max(
            self.value, axis=axis, keepdims=keepdims, initial=initial, where=_core.operand(where)
        )
        return _finish(r, out, "Array.max")

    def min(
        self, axis: Any = None, out: Any = None, keepdims: bool = False, initial: Any = None,
        where: Any = None,
    ) -> Any:  # fmt: skip
        """The minimum along ``axis`` (:meth:`numpy.ndarray.min`)."""
        r = jnp.min(
            self.value, axis=axis, keepdims=keepdims, initial=initial, where=_core.operand(where)
        )
        return _finish(r, out, "Array.min")

    def mean(
        self, axis: Any = None, dtype: Any = None, out: Any = None, keepdims: bool = False,
        *, where: Any = None,
    ) -> Any:  # fmt: skip
        """The mean along ``axis`` (:meth:`numpy.ndarray.mean`)."""
        r = jnp.mean(
            self.value, axis=axis, dtype=dtype, keepdims=keepdims, where=_core.operand(where)
        )
        return _finish(r, out, "Array.mean")

    def std(
        self, axis: Any = None, dtype: Any = None, out: Any = None, ddof: int = 0,
        keepdims: bool = False, *, where: Any = None,
    ) -> Any:  # fmt: skip
        """The standard deviation along ``axis`` (:meth:`numpy.ndarray.std`)."""
        r = jnp.std(
            self.value,
            axis=axis,
            dtype=dtype,
            ddof=ddof,
            keepdims=keepdims,
            where=_core.operand(where),
        )
        return _finish(r, out, "Array.std")

    def var(
        self, axis: Any = None, dtype: Any = None, out: Any = None, ddof: int = 0,
        keepdims: bool = False, *, where: Any = None,
    ) -> Any:  # fmt: skip
        """The variance along ``axis`` (:meth:`numpy.ndarray.var`)."""
        r = jnp.var(
            self.value,
            axis=axis,
            dtype=dtype,
            ddof=ddof,
            keepdims=keepdims,
            where=_core.operand(where),
        )
        return _finish(r, out, "Array.var")

    def ptp(self, axis: Any = None, out: Any = None, keepdims: bool = False) -> Any:
        """Maximum minus minimum along ``axis`` (:func:`numpy.ptp`)."""
        return _finish(jnp.ptp(self.value, axis=axis, keepdims=keepdims), out, "Array.ptp")

    def argmax(self, axis: int | None = None, out: Any = None, *, keepdims: bool = False) -> Any:
        """Indices of the maxima along ``axis`` (:meth:`numpy.ndarray.argmax`)."""
        return _finish(jnp.argmax(self.value, axis=axis, keepdims=keepdims), out, "Array.argmax")

    def argmin(self, axis: int | None = None, out: Any = None, *, keepdims: bool = False) -> Any:
        """Indices of the minima along ``axis`` (:meth:`numpy.ndarray.argmin`)."""
        return _finish(jnp.argmin(self.value, axis=axis, keepdims=keepdims), out, "Array.argmin")

    def cumsum(self, axis: int | None = None, dtype: Any = None, out: Any = None) -> Any:
        """Cumulative sum along ``axis`` (flattened when ``None``)."""
        return _finish(jnp.cumsum(self.value, axis=axis, dtype=dtype), out, "Array.cumsum")

    def cumprod(self, axis: int | None = None, dtype: Any = None, out: Any = None) -> Any:
        """Cumulative product along ``axis`` (flattened when ``None``)."""
        return _finish(jnp.cumprod(self.value, axis=axis, dtype=dtype), out, "Array.cumprod")

    def trace(
        self, offset: int = 0, axis1: int = 0, axis2: int = 1, dtype: Any = None, out: Any = None
    ) -> Any:
        """Sum along diagonals (:meth:`numpy.ndarray.trace`)."""
        return _finish(jnp.trace(self.value, offset, axis1, axis2, dtype=dtype), out, "Array.trace")

    # ------------------------------------------------------------- elementwise
    def clip(self, min: Any = None, max: Any = None, out: Any = None) -> Any:
        """Values limited to ``[min, max]`` (:meth:`numpy.ndarray.clip`)."""
        r = jnp.clip(self.value, _core.operand(min), _core.operand(max))
        return _finish(r, out, "Array.clip")

    def round(self, decimals: int = 0, out: Any = None) -> Any:
        """Values rounded to ``decimals`` (half to even, as NumPy)."""
        return _finish(jnp.round(self.value, decimals=decimals), out, "Array.round")

    def conj(self) -> Any:
        """The complex conjugate."""
        return _core._return(jnp.conj(self.value))

    def conjugate(self) -> Any:
        """The complex conjugate."""
        return _core._return(jnp.conjugate(self.value))

    def astype(self, dtype: Any) -> Any:
        """A copy cast to ``dtype`` (``None`` keeps the dtype)."""
        value = self.value
        return _core._return(value if dtype is None else value.astype(dtype))

    def copy(self) -> Any:
        """A copy of the array."""
        return _core._return(jnp.array(self.value, copy=True))

    def byteswap(self, inplace: bool = False) -> Any:
        """Swap the bytes of each element; with ``inplace=True`` replace the value."""
        r = self.value.byteswap()
        if inplace:
            self.value = r
            return self
        return _core._return(r)

    # ------------------------------------------------------------------ shape
    def reshape(self, *shape: Any, order: str = "C") -> Any:
        """The same data with a new shape: ``a.reshape(2, 3)`` or ``a.reshape((2, 3))``."""
        return _core._return(jnp.reshape(self.value, _shape_args(shape), order=order))

    def resize(self, *new_shape: Any) -> None:
        """Change shape and size in place, padding with zeros (:meth:`numpy.ndarray.resize`).

        Note:
          A :class:`~brainpy_math.Variable` refuses a change of shape.
        """
        shape = _shape_args(new_shape)
        flat = jnp.ravel(self.value)
        n = math.prod(shape)
        if n <= flat.size:
            flat = flat[:n]
        else:
            flat = jnp.concatenate([flat, jnp.zeros(n - flat.size, flat.dtype)])
        self.value = flat.reshape(shape)

    def transpose(self, *axes: Any) -> Any:
        """Axes permuted: ``a.transpose(1, 0)``, ``a.transpose((1, 0))``; reversed by default."""
        perm = _shape_args(axes) if axes and axes != (None,) else None
        return _core._return(jnp.transpose(self.value, perm))

    def swapaxes(self, axis1: int, axis2: int) -> Any:
        """Axes ``axis1`` and ``axis2`` interchanged."""
        return _core._return(jnp.swapaxes(self.value, axis1, axis2))

    def squeeze(self, axis: Any = None) -> Any:
        """Axes of length one removed."""
        return _core._return(jnp.squeeze(self.value, axis=axis))

    def flatten(self, order: str = "C") -> Any:
        """A 1-D copy."""
        return _core._return(jnp.ravel(self.value, order=order))

    def ravel(self, order: str = "C") -> Any:
        """A 1-D version."""
        return _core._return(jnp.ravel(self.value, order=order))

    def repeat(self, repeats: Any, axis: int | None = None) -> Any:
        """Elements repeated (:func:`numpy.repeat`)."""
        return _core._return(jnp.repeat(self.value, _core.unwrap(repeats), axis=axis))

    def tile(self, reps: Any) -> Any:
        """The array tiled ``reps`` times (:func:`numpy.tile`)."""
        return _core._return(jnp.tile(self.value, _core.unwrap(reps)))

    def split(self, indices_or_sections: Any, axis: int = 0) -> list[Any]:
        """A list of sub-arrays (:func:`numpy.split`)."""
        parts = jnp.split(self.value, _core.unwrap(indices_or_sections), axis=axis)
        return [_core._return(p) for p in parts]

    def diagonal(self, offset: int = 0, axis1: int = 0, axis2: int = 1) -> Any:
        """Return the diagonals (:meth:`numpy.ndarray.diagonal`)."""
        return _core._return(jnp.diagonal(self.value, offset, axis1, axis2))

    # ---------------------------------------------------------- select / sort
    def take(self, indices: Any, axis: int | None = None, out: Any = None, mode: Any = None) -> Any:
        """Elements at ``indices`` along ``axis`` (:func:`numpy.take`)."""
        r = jnp.take(self.value, _core.operand(indices), axis=axis, mode=mode)
        return _finish(r, out, "Array.take")

    def choose(self, choices: Any, out: Any = None, mode: str = "raise") -> Any:
        """Elements chosen from ``choices`` by this index array (:func:`numpy.choose`)."""
        r = jnp.choose(self.value, _core.unwrap(choices), mode=mode)
        return _finish(r, out, "Array.choose")

    def compress(self, condition: Any, axis: int | None = None, out: Any = None) -> Any:
        """Slices where ``condition`` is true (:func:`numpy.compress`)."""
        r = jnp.compress(_core.operand(condition), self.value, axis=axis)
        return _finish(r, out, "Array.compress")

    def nonzero(self) -> tuple[Any, ...]:
        """The indices of non-zero elements, one array per axis."""
        return tuple(_core._return(i) for i in jnp.nonzero(self.value))

    def searchsorted(self, v: Any, side: str = "left", sorter: Any = None) -> Any:
        """Insertion indices of ``v`` that keep this sorted array sorted."""
        r = jnp.searchsorted(self.value, _core.operand(v), side=side, sorter=_core.operand(sorter))
        return _core._return(r)

    def argsort(self, axis: int | None = -1, kind: Any = None, order: Any = None) -> Any:
        """Indices that sort the array along ``axis`` (a stable sort)."""
        if order is not None:
            raise TypeError("Array.argsort: order= (structured arrays) is not supported.")
        return _core._return(jnp.argsort(self.value, axis=axis))

    def argpartition(self, kth: int, axis: int = -1) -> Any:
        """Indices that partition the array around its ``kth`` element."""
        return _core._return(jnp.argpartition(self.value, kth, axis=axis))

    def sort(self, axis: int | None = -1, kind: Any = None, order: Any = None) -> None:
        """Sort in place along ``axis``, as :meth:`numpy.ndarray.sort` (returns ``None``).

        Examples:
          >>> import brainpy_math as bm
          >>> a = bm.Array([3, 1, 2])
          >>> a.sort()
          >>> a
          Array([1, 2, 3], dtype=int32)
        """
        if order is not None:
            raise TypeError("Array.sort: order= (structured arrays) is not supported.")
        value = self.value
        if axis is None:
            value = jnp.ravel(value)
            axis = -1
        self.value = jnp.sort(value, axis=axis)

    # --------------------------------------------------------------- in place
    def fill(self, value: Any) -> None:
        """Set every element to the scalar ``value``, in place (returns ``None``)."""
        old = self.value
        self.value = jnp.full(old.shape, _core.operand(value), old.dtype)

    def put(self, indices: Any, values: Any, mode: str | None = None) -> None:
        """Set the elements at flat ``indices`` to ``values``, in place (:meth:`numpy.ndarray.put`)."""
        self.value = jnp.put(
            self.value, _core.operand(indices), _core.operand(values), mode, inplace=False
        )

    # ------------------------------------------------------------- conversion
    def dot(self, b: Any, out: Any = None) -> Any:
        """Dot product with ``b`` (:func:`numpy.dot`)."""
        return _finish(jnp.dot(self.value, _core.operand(b)), out, "Array.dot")

    def item(self, *args: Any) -> Any:
        """An element as a Python scalar."""
        return self.value.item(*args)

    def tolist(self) -> Any:
        """The value as (nested) Python lists of Python scalars."""
        return self.value.tolist()

    def tobytes(self, order: str = "C") -> bytes:
        """The raw bytes of the value."""
        return self.value.tobytes(order=order)

"""Python operators of :class:`~brainpy_math.Array`, as NumPy defines them.

Binary operators accept Arrays, JAX and NumPy arrays, scalars, and (nested) lists or
tuples, which are converted as ``numpy`` would. Results follow JAX's type promotion.
In-place operators (``+=`` …) replace the value of the Array, which keeps its
identity, shape and dtype: a result that NumPy would refuse to cast back
(``int_array += 1.5``) raises ``TypeError``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

# ``array.py`` imports this module while it is being initialised; its helpers are
# therefore looked up through the module object when an operator runs.
from brainpy_math._src import array as _core

__all__ = ["Operators"]


def _binary(op: Callable[[Any, Any], Any], name: str) -> Callable[[Any, Any], Any]:
    def method(self: Any, other: Any) -> Any:
        return _core._return(op(self.value, _core.operand(other)))

    method.__name__ = method.__qualname__ = name
    return method


def _reflected(op: Callable[[Any, Any], Any], name: str) -> Callable[[Any, Any], Any]:
    def method(self: Any, other: Any) -> Any:
        return _core._return(op(_core.operand(other), self.value))

    method.__name__ = method.__qualname__ = name
    return method


def _inplace(op: Callable[[Any, Any], Any], name: str) -> Callable[[Any, Any], Any]:
    where = f"Array.{name}"

    def method(self: Any, other: Any) -> Any:
        _core.store(self, op(self.value, _core.operand(other)), where)
        return self

    method.__name__ = method.__qualname__ = name
    return method


def _unary(op: Callable[[Any], Any], name: str) -> Callable[[Any], Any]:
    def method(self: Any) -> Any:
        return _core._return(op(self.value))

    method.__name__ = method.__qualname__ = name
    return method


class Operators:
    """Arithmetic, bitwise and comparison operators (mixed into ``Array``)."""

    __slots__ = ()

    # comparisons (element-wise, as NumPy)
    __eq__ = _binary(operator.eq, "__eq__")  # type: ignore[assignment]
    __ne__ = _binary(operator.ne, "__ne__")  # type: ignore[assignment]
    __lt__ = _binary(operator.lt, "__lt__")
    __le__ = _binary(operator.le, "__le__")
    __gt__ = _binary(operator.gt, "__gt__")
    __ge__ = _binary(operator.ge, "__ge__")

    # unary
    __neg__ = _unary(operator.neg, "__neg__")
    __pos__ = _unary(operator.pos, "__pos__")
    __abs__ = _unary(operator.abs, "__abs__")
    __invert__ = _unary(operator.invert, "__invert__")

    # arithmetic
    __add__ = _binary(operator.add, "__add__")
    __radd__ = _reflected(operator.add, "__radd__")
    __iadd__ = _inplace(operator.add, "__iadd__")
    __sub__ = _binary(operator.sub, "__sub__")
    __rsub__ = _reflected(operator.sub, "__rsub__")
    __isub__ = _inplace(operator.sub, "__isub__")
    __mul__ = _binary(operator.mul, "__mul__")
    __rmul__ = _reflected(operator.mul, "__rmul__")
    __imul__ = _inplace(operator.mul, "__imul__")
    __truediv__ = _binary(operator.truediv, "__truediv__")
    __rtruediv__ = _reflected(operator.truediv, "__rtruediv__")
    __itruediv__ = _inplace(operator.truediv, "__itruediv__")
    __floordiv__ = _binary(operator.floordiv, "__floordiv__")
    __rfloordiv__ = _reflected(operator.floordiv, "__rfloordiv__")
    __ifloordiv__ = _inplace(operator.floordiv, "__ifloordiv__")
    __mod__ = _binary(operator.mod, "__mod__")
    __rmod__ = _reflected(operator.mod, "__rmod__")
    __imod__ = _inplace(operator.mod, "__imod__")
    __pow__ = _binary(operator.pow, "__pow__")
    __rpow__ = _reflected(operator.pow, "__rpow__")
    __ipow__ = _inplace(operator.pow, "__ipow__")
    __matmul__ = _binary(operator.matmul, "__matmul__")
    __rmatmul__ = _reflected(operator.matmul, "__rmatmul__")
    __imatmul__ = _inplace(operator.matmul, "__imatmul__")

    # bitwise
    __and__ = _binary(operator.and_, "__and__")
    __rand__ = _reflected(operator.and_, "__rand__")
    __iand__ = _inplace(operator.and_, "__iand__")
    __or__ = _binary(operator.or_, "__or__")
    __ror__ = _reflected(operator.or_, "__ror__")
    __ior__ = _inplace(operator.or_, "__ior__")
    __xor__ = _binary(operator.xor, "__xor__")
    __rxor__ = _reflected(operator.xor, "__rxor__")
    __ixor__ = _inplace(operator.xor, "__ixor__")
    __lshift__ = _binary(operator.lshift, "__lshift__")
    __rlshift__ = _reflected(operator.lshift, "__rlshift__")
    __ilshift__ = _inplace(operator.lshift, "__ilshift__")
    __rshift__ = _binary(operator.rshift, "__rshift__")
    __rrshift__ = _reflected(operator.rshift, "__rrshift__")
    __irshift__ = _inplace(operator.rshift, "__irshift__")

    def __divmod__(self: Any, other: Any) -> tuple[Any, Any]:
        q, r = divmod(self.value, _core.operand(other))
        return _core._return(q), _core._return(r)

    def __rdivmod__(self: Any, other: Any) -> tuple[Any, Any]:
        q, r = divmod(_core.operand(other), self.value)
        return _core._return(q), _core._return(r)

    def __round__(self: Any, ndigits: int | None = None) -> Any:
        return _core._return(round(self.value, ndigits))

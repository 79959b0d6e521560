"""PyTorch-style methods of :class:`~brainpy_math.Array` (``view``, ``expand``, ``sin_`` …).

BrainPy 2.3.5 gave its ``Array`` (``Tensor``) the PyTorch methods below. Methods with
a trailing underscore work in place, like PyTorch's: they replace the value, keep
shape and dtype, and return the Array itself. Methods taking ``out=`` store the
result into that brainpy Array or Variable and return ``None``.

Note:
  ``size`` stays NumPy's property (the number of elements), as in BrainPy 2.3.5; use
  ``shape`` for PyTorch's ``size()``. Random in-place fillers (``uniform_``,
  ``normal_`` …) are not provided: draw with :mod:`brainpy_math.random` and assign.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

# ``array.py`` imports this module while it is being initialised (see array_operators).
from brainpy_math._src import array as _core

__all__ = ["TorchMethods"]


def _finish(result: Any, out: Any, name: str) -> Any:
    if out is None:
        return _core._return(result)
    _core.store(out, result, name)
    return None


def _elementwise(fun: Callable[[Any], Any], name: str) -> Callable[..., Any]:
    def method(self: Any, *, out: Any = None) -> Any:
        return _finish(fun(self.value), out, f"Array.{name}")

    method.__name__ = method.__qualname__ = name
    method.__doc__ = (
        f"Element-wise :func:`torch.{name}`, computed by :func:`jax.numpy.{fun.__name__}`."
    )
    return method


def _elementwise_(fun: Callable[[Any], Any], name: str) -> Callable[[Any], Any]:
    def method(self: Any) -> Any:
        _core.store(self, fun(self.value), f"Array.{name}")
        return self

    method.__name__ = method.__qualname__ = name
    method.__doc__ = f"In-place :meth:`torch.Tensor.{name}`: replace the value, return ``self``."
    return method


def _sizes(sizes: tuple[Any, ...]) -> tuple[Any, ...]:
    if len(sizes) == 1 and isinstance(sizes[0], (tuple, list)):
        return tuple(sizes[0])
    return tuple(sizes)


def _is_int(x: Any) -> bool:
    return isinstance(x, (int, np.integer)) and not isinstance(x, (bool, np.bool_))


class TorchMethods:
    """PyTorch-style methods (mixed into ``Array``)."""

    __slots__ = ()

    # ------------------------------------------------------------------ shape
    def view(self, *args: Any, dtype: Any = None) -> Any:
        """A reshaped array (``view(2, 3)``, ``view((2, -1))``) or a bit reinterpretation.

        ``view(dtype)`` (or ``view(dtype=...)``) reinterprets the bits as
        :meth:`numpy.ndarray.view` does; with shape arguments it is ``reshape`` as in
        :meth:`torch.Tensor.view`.

        Examples:
          >>> import brainpy_math as bm
          >>> bm.arange(6).view(2, -1).shape
          (2, 3)
          >>> bm.Array([1.0]).view('int32')
          Array([1065353216], dtype=int32)
        """
        if args and dtype is not None:
            raise ValueError("Array.view: give either a shape or a dtype, not both.")
        if not args:
            if dtype is None:
                return _core._return(self.value)
            return _core._return(self.value.view(dtype))
        if _is_int(args[0]) or isinstance(args[0], (tuple, list)):
            return _core._return(jnp.reshape(self.value, _sizes(args)))
        if len(args) > 1:
            raise ValueError(f"Array.view: expected a shape or one dtype, got {args!r}.")
        return _core._return(self.value.view(args[0]))

    def unsqueeze(self, dim: int) -> Any:
        """A new axis of length one at ``dim`` (:meth:`torch.Tensor.unsqueeze`)."""
        return _core._new(jnp.expand_dims(self.value, dim))

    def expand_dims(self, axis: int | tuple[int, ...]) -> Any:
        """New axes of length one at ``axis`` (:func:`numpy.expand_dims`)."""
        return _core._new(jnp.expand_dims(self.value, axis))

    def expand(self, *sizes: Any) -> Any:
        """Broadcast to a larger shape, as :meth:`torch.Tensor.expand`.

        ``-1`` keeps the size of an existing axis; new axes can only be added in front
        and need a non-negative size; an existing axis can change size only from 1.

        Raises:
          ValueError: the sizes are incompatible with the shape.

        Examples:
          >>> import brainpy_math as bm
          >>> bm.ones((6, 1, 1)).expand(1, 6, 4, -1).shape
          (1, 6, 4, 1)
          >>> bm.ones(3).expand(2, 4)
          Traceback (most recent call last):
          ...
          ValueError: Array.expand: cannot expand the existing axis 0 of size 3 to size 4; only axes of size 1 can change (shape (3,), sizes (2, 4)).
        """
        sizes = _sizes(sizes)
        shape = self.shape
        n_new = len(sizes) - len(shape)
        if n_new < 0:
            raise ValueError(
                f"Array.expand: the number of sizes ({len(sizes)}) must be at least the number "
                f"of dimensions ({len(shape)}); got sizes {sizes} for shape {shape}."
            )
        target = []
        for i, s in enumerate(sizes):
            s = int(s)
            if i < n_new:
                if s < 0:
                    raise ValueError(
                        f"Array.expand: the new leading axis {i} needs a size >= 0, got {s} "
                        f"(sizes {sizes}, shape {shape})."
                    )
                target.append(s)
                continue
            old = shape[i - n_new]
            if s == -1 or s == old:
                target.append(old)
            elif old == 1 and s >= 0:
                target.append(s)
            else:
                raise ValueError(
                    f"Array.expand: cannot expand the existing axis {i - n_new} of size {old} "
                    f"to size {s}; only axes of size 1 can change (shape {shape}, sizes {sizes})."
                )
        return _core._new(jnp.broadcast_to(self.value, tuple(target)))

    def expand_as(self, other: Any) -> Any:
        """Broadcast to the shape of ``other`` (:meth:`torch.Tensor.expand_as`)."""
        return self.expand(*np.shape(_core.unwrap(other)))

    # ------------------------------------------------------------ arithmetic
    def pow(self, exponent: Any) -> Any:
        """``self ** exponent`` (:meth:`torch.Tensor.pow`)."""
        return _core._return(self.value ** _core.operand(exponent))

    def outer(self, other: Any) -> Any:
        """Outer product with ``other`` (:func:`torch.outer`)."""
        return _core._return(jnp.outer(self.value, _core.operand(other)))

    def addr(
        self, vec1: Any, vec2: Any, *, beta: Any = 1.0, alpha: Any = 1.0, out: Any = None
    ) -> Any:
        """``beta * self + alpha * outer(vec1, vec2)`` (:meth:`torch.Tensor.addr`)."""
        r = beta * self.value + alpha * jnp.outer(_core.operand(vec1), _core.operand(vec2))
        return _finish(r, out, "Array.addr")

    def addr_(self, vec1: Any, vec2: Any, *, beta: Any = 1.0, alpha: Any = 1.0) -> Any:
        """In-place :meth:`addr`; returns ``self``."""
        r = beta * self.value + alpha * jnp.outer(_core.operand(vec1), _core.operand(vec2))
        _core.store(self, r, "Array.addr_")
        return self

    abs = _elementwise(jnp.abs, "abs")
    abs_ = _elementwise_(jnp.abs, "abs_")
    absolute = _elementwise(jnp.abs, "absolute")
    absolute_ = _elementwise_(jnp.abs, "absolute_")
    sin = _elementwise(jnp.sin, "sin")
    sin_ = _elementwise_(jnp.sin, "sin_")
    cos = _elementwise(jnp.cos, "cos")
    cos_ = _elementwise_(jnp.cos, "cos_")
    tan = _elementwise(jnp.tan, "tan")
    tan_ = _elementwise_(jnp.tan, "tan_")
    sinh = _elementwise(jnp.sinh, "sinh")
    sinh_ = _elementwise_(jnp.sinh, "sinh_")
    cosh = _elementwise(jnp.cosh, "cosh")
    cosh_ = _elementwise_(jnp.cosh, "cosh_")
    tanh = _elementwise(jnp.tanh, "tanh")
    tanh_ = _elementwise_(jnp.tanh, "tanh_")
    arcsin = asin = _elementwise(jnp.arcsin, "arcsin")
    arcsin_ = asin_ = _elementwise_(jnp.arcsin, "arcsin_")
    arccos = acos = _elementwise(jnp.arccos, "arccos")
    arccos_ = acos_ = _elementwise_(jnp.arccos, "arccos_")
    arctan = atan = _elementwise(jnp.arctan, "arctan")
    arctan_ = atan_ = _elementwise_(jnp.arctan, "arctan_")
    arcsinh = asinh = _elementwise(jnp.arcsinh, "arcsinh")
    arcsinh_ = asinh_ = _elementwise_(jnp.arcsinh, "arcsinh_")
    arccosh = acosh = _elementwise(jnp.arccosh, "arccosh")
    arccosh_ = acosh_ = _elementwise_(jnp.arccosh, "arccosh_")
    arctanh = atanh = _elementwise(jnp.arctanh, "arctanh")
    arctanh_ = atanh_ = _elementwise_(jnp.arctanh, "arctanh_")

    def clamp(
        self, min: Any = None, max: Any = None, *, out: Any = None,
        min_value: Any = None, max_value: Any = None,
    ) -> Any:  # fmt: skip
        """Values limited to ``[min, max]`` (:func:`torch.clamp`).

        ``min_value``/``max_value`` are BrainPy's keyword names for the same bounds.
        """
        lo = _core.operand(min if min is not None else min_value)
        hi = _core.operand(max if max is not None else max_value)
        return _finish(jnp.clip(self.value, lo, hi), out, "Array.clamp")

    def clamp_(
        self, min: Any = None, max: Any = None, *, min_value: Any = None, max_value: Any = None
    ) -> Any:
        """In-place :meth:`clamp`; returns ``self``."""
        lo = _core.operand(min if min is not None else min_value)
        hi = _core.operand(max if max is not None else max_value)
        _core.store(self, jnp.clip(self.value, lo, hi), "Array.clamp_")
        return self

    def clip_(
        self, min: Any = None, max: Any = None, *, min_value: Any = None, max_value: Any = None
    ) -> Any:
        """In-place :meth:`clip` (alias of :meth:`clamp_`); returns ``self``."""
        return self.clamp_(min, max, min_value=min_value, max_value=max_value)

    def cov_with(
        self, y: Any = None, rowvar: bool = True, bias: bool = False, ddof: int | None = None,
        fweights: Any = None, aweights: Any = None,
    ) -> Any:  # fmt: skip
        """Covariance of this array (and ``y``) (:func:`numpy.cov`)."""
        r = jnp.cov(
            self.value, _core.operand(y), rowvar=rowvar, bias=bias, ddof=ddof,
            fweights=_core.operand(fweights), aweights=_core.operand(aweights),
        )  # fmt: skip
        return _core._return(r)

    # --------------------------------------------------------------- in place
    def zero_(self) -> Any:
        """Fill with zeros in place; returns ``self``."""
        old = self.value
        self.value = jnp.zeros(old.shape, old.dtype)
        return self

    def fill_(self, value: Any) -> Any:
        """Fill with ``value`` in place; returns ``self`` (:meth:`torch.Tensor.fill_`)."""
        old = self.value
        self.value = jnp.full(old.shape, _core.operand(value), old.dtype)
        return self

    def copy_(self, src: Any) -> Any:
        """Copy ``src`` in, broadcast to the shape and cast to the dtype; returns ``self``."""
        old = self.value
        self.value = jnp.broadcast_to(jnp.asarray(_core.operand(src), old.dtype), old.shape)
        return self

    def clone(self) -> Any:
        """A copy (:meth:`torch.Tensor.clone`)."""
        return _core._return(jnp.array(self.value, copy=True))

    def detach(self) -> Any:
        """The value cut from automatic differentiation (:func:`jax.lax.stop_gradient`)."""
        return _core._return(jax.lax.stop_gradient(self.value))

    def cpu(self) -> Any:
        """The array on the CPU: ``self`` if it is there already, else a copy there."""
        value = self.value
        if all(d.platform == "cpu" for d in value.devices()):
            return self
        return _core._new(jax.device_put(value, jax.devices("cpu")[0]))

    # ------------------------------------------------------------- metadata
    def numel(self) -> int:
        """The number of elements (:meth:`torch.Tensor.numel`)."""
        return self.value.size

    def nelement(self) -> int:
        """The number of elements (:meth:`torch.Tensor.nelement`)."""
        return self.value.size

    def dim(self) -> int:
        """The number of dimensions (:meth:`torch.Tensor.dim`)."""
        return self.value.ndim

    # ---------------------------------------------------- dtype conversions
    def type(self, dtype: Any = None) -> Any:
        """Cast to ``dtype``; without it, return the dtype."""
        value = self.value
        return value.dtype if dtype is None else _core._return(value.astype(dtype))

    def bool(self) -> Any:
        """Cast to ``bool``."""
        return _core._return(self.value.astype(jnp.bool_))

    def int(self) -> Any:
        """Cast to ``int32``."""
        return _core._return(self.value.astype(jnp.int32))

    def long(self) -> Any:
        """Cast to ``int64`` (``int32`` unless 64-bit mode is on)."""
        return _core._return(self.value.astype(jax.dtypes.canonicalize_dtype(jnp.int64)))

    def half(self) -> Any:
        """Cast to ``float16``."""
        return _core._return(self.value.astype(jnp.float16))

    def float(self) -> Any:
        """Cast to ``float32``."""
        return _core._return(self.value.astype(jnp.float32))

    def double(self) -> Any:
        """Cast to ``float64`` (``float32`` unless 64-bit mode is on)."""
        return _core._return(self.value.astype(jax.dtypes.canonicalize_dtype(jnp.float64)))

"""Helpers that models use to turn user arguments into parameters and Variables."""

from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.initialize.base import Shape, is_int, public, to_shape
from brainpy_dyn._src.initialize.sharded_state import building_state, place_state

__all__ = ["parameter", "variable", "variable_", "noise"]


def _shape_of(x: Any) -> tuple[int, ...]:
    return tuple(np.shape(bm.as_jax(x)))


def _is_function(x: Any) -> bool:
    """Whether ``x`` is to be called with a shape (arrays are not, even if callable)."""
    return callable(x) and not isinstance(x, bm.Array | jax.Array | np.ndarray)


def _scalar_dtype(x: Any) -> Any:
    """The default dtype of a scalar's kind (not JAX's weak type)."""
    if isinstance(x, np.generic):
        return x.dtype
    if isinstance(x, bool):
        return jnp.bool_
    if isinstance(x, numbers.Integral):
        return bm.get_int()
    if isinstance(x, numbers.Real):
        return bm.get_float()
    return bm.get_complex()


def _broadcasts(shape: tuple[int, ...], sizes: tuple[int, ...]) -> bool:
    try:
        return np.broadcast_shapes(shape, sizes) == sizes
    except ValueError:
        return False


@public
def parameter(
    param: Any,
    size: Shape,
    allow_none: bool = True,
    allow_scalar: bool = True,
    *,
    name: str = "param",
) -> Any:
    """Turn a user-given parameter into a value that models can use.

    BrainPy implementation of ``brainpy.init.parameter`` (2.3.5).

    * ``None`` is returned as is if ``allow_none``.
    * A Python or NumPy scalar is returned as is if ``allow_scalar``.
    * An initializer or any other callable is called as ``param(size)``.
    * A :class:`brainpy_math.Variable` (a ``TrainVar`` too) or ``Array`` is returned as is
      (so a trainable parameter keeps its identity); a NumPy or JAX array, or a list,
      is wrapped in a :class:`brainpy_math.Array`.

    An array (given or made by the callable) must broadcast to ``size``; with
    ``allow_scalar=False`` it is broadcast to exactly ``size`` (scalars included),
    except Variables, which must already have shape ``size``.

    Args:
      param: the parameter: ``None``, a number, an array or a callable.
      size: the shape the parameter is for (usually a group's ``varshape``).
      allow_none: whether ``None`` is accepted.
      allow_scalar: whether scalars (and arrays smaller than ``size`` that broadcast)
        may be returned without expanding them to ``size``.
      name: the argument name used in error messages (not in 2.3.5).

    Returns:
      ``None``, the scalar, a :class:`brainpy_math.Array` or the given Variable.

    Raises:
      ValueError: ``param`` is ``None`` but ``allow_none`` is false, has an unknown
        type, or its shape does not broadcast to ``size``. The message names ``name``.

    Examples:
      >>> import brainpy_dyn as bd
      >>> bd.init.parameter(10., (3,))
      10.0
      >>> bd.init.parameter(bd.init.Constant(2.), (3,)).value
      Array([2., 2., 2.], dtype=float32)
      >>> bd.init.parameter(10., (2,), allow_scalar=False).value
      Array([10., 10.], dtype=float32)
      >>> bd.init.parameter([1., 2.], (3,), name='tau')
      Traceback (most recent call last):
      ...
      ValueError: parameter(): tau has shape (2,), which does not broadcast to size (3,).
    """
    size = to_shape(size, "parameter()", "size")
    if param is None:
        if allow_none:
            return None
        raise ValueError(
            f"parameter(): {name} must be a number, an array or an initializer, got None."
        )
    if isinstance(param, int | float | complex | np.number | np.bool_):
        if allow_scalar:
            return param
        return bm.Array(jnp.full(size, param, dtype=_scalar_dtype(param)))
    if _is_function(param):
        param = param(size)
        if isinstance(param, numbers.Number):
            param = jnp.asarray(param)
    if isinstance(param, bm.Variable):
        if _shape_of(param) == size or (allow_scalar and _broadcasts(_shape_of(param), size)):
            return param
        raise ValueError(
            f"parameter(): {name} is a Variable of shape {_shape_of(param)}; it must have "
            f"shape {size}."
        )
    if isinstance(param, list | tuple):
        param = np.asarray(param)
    if not isinstance(param, bm.Array | jax.Array | np.ndarray):
        raise ValueError(
            f"parameter(): {name} must be None, a number, an array or a callable, got "
            f"{type(param).__name__}: {param!r}."
        )
    shape = _shape_of(param)
    if not _broadcasts(shape, size):
        raise ValueError(
            f"parameter(): {name} has shape {shape}, which does not broadcast to size {size}."
        )
    if not allow_scalar and shape != size:
        return bm.Array(jnp.broadcast_to(bm.as_jax(param), size))
    return param if isinstance(param, bm.Array) else bm.Array(param)


def _batch_size(batch_size_or_mode: Any) -> int | None:
    """The batch size a ``batch_size_or_mode`` argument asks for (``None``: no batch axis)."""
    return bm.modes.batch_size_of(batch_size_or_mode, name="variable_(): batch_size_or_mode")


@public
def variable_(
    init: Any,
    size: Shape | None = None,
    batch_size_or_mode: int | bm.Mode | None = None,
    batch_axis: int = 0,
) -> bm.Variable:
    """Make a :class:`brainpy_math.Variable`, with a batch axis when asked for.

    BrainPy implementation of ``brainpy.init.variable_`` (2.3.5).

    ``batch_size_or_mode`` decides the batch axis (:func:`brainpy_math.modes.batch_size_of`):
    ``None``, ``False`` or a ``NonBatchingMode`` give none; an int ``b`` gives a batch axis
    of size ``b``; a ``BatchingMode`` (``TrainingMode`` too) gives a batch axis of its
    ``batch_size`` (1 for ``bm.batching_mode``, as in 2.3.5). The batch
    axis is inserted at ``batch_axis`` and recorded in the Variable (its size may
    change on later assignments).

    Args:
      init: a callable (an initializer, ``brainpy_math.zeros`` …) called with the full
        shape, or an array of shape ``size`` (repeated along the batch axis).
      size: the shape without the batch axis; required when ``init`` is callable.
      batch_size_or_mode: see above.
      batch_axis: where the batch axis goes.

    Returns:
      A new :class:`brainpy_math.Variable`.

    Raises:
      ValueError: ``size`` is missing for a callable, an array ``init`` does not have
        shape ``size``, or ``batch_size_or_mode``/``batch_axis`` is invalid.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> bd.init.variable_(bm.zeros, (4,)).shape
      (4,)
      >>> v = bd.init.variable_(bd.init.OneInit(), (4,), 8)
      >>> v.shape, v.batch_axis
      ((8, 4), 0)
      >>> bd.init.variable_(bm.zeros, (4,), bm.batching_mode).shape
      (1, 4)
      >>> bd.init.variable_(bm.zeros, (4,), bm.nonbatching_mode).shape
      (4,)
    """
    batch = _batch_size(batch_size_or_mode)
    if size is not None:
        size = to_shape(size, "variable_()", "size")
    if not is_int(batch_axis):
        raise ValueError(f"variable_(): batch_axis must be an int, got {batch_axis!r}.")
    is_fn = _is_function(init)
    if is_fn:
        if size is None:
            raise ValueError("variable_(): size must be given when init is a callable.")
        base_shape = size
    else:
        base_shape = _shape_of(init)
        if size is not None and base_shape != size:
            raise ValueError(
                f"variable_(): init has shape {base_shape}, but size={size} was given."
            )
    if batch is None:
        if is_fn:
            with building_state():
                return bm.Variable(bm.as_jax(place_state(init(base_shape))))
        return bm.Variable(bm.as_jax(place_state(bm.as_jax(init))))
    ndim = len(base_shape) + 1
    if not -ndim <= batch_axis < ndim:
        raise ValueError(
            f"variable_(): batch_axis={batch_axis} is out of range for a batched value with "
            f"{ndim} dimensions."
        )
    axis = int(batch_axis) % ndim
    if is_fn:
        with building_state():
            value = init((*base_shape[:axis], batch, *base_shape[axis:]))
    else:
        value = jnp.repeat(jnp.expand_dims(jnp.asarray(bm.as_jax(init)), axis), batch, axis=axis)
    return bm.Variable(bm.as_jax(place_state(bm.as_jax(value))), batch_axis=axis)


@public
def variable(
    init: Any,
    batch_size_or_mode: int | bm.Mode | None = None,
    size: Shape | None = None,
    batch_axis: int = 0,
) -> bm.Variable:
    """:func:`variable_` with the 2.3.5 argument order ``(init, batch_size_or_mode, size)``.

    Examples:
      >>> import brainpy_math as bm
      >>> import brainpy_dyn as bd
      >>> bd.init.variable(bm.zeros, 2, (3,)).shape
      (2, 3)
    """
    return variable_(init, size, batch_size_or_mode, batch_axis)


@public
def noise(
    noises: Any, size: Shape, num_vars: int = 1, noise_idx: int = 0
) -> Callable[..., Any] | None:
    """Turn a noise argument into the diffusion function of an SDE.

    BrainPy implementation of ``brainpy.init.noise`` (2.3.5): ``None`` stays ``None``
    (no noise), a callable is returned as is, and anything else goes through
    :func:`parameter` and becomes a function returning it. With ``num_vars > 1`` that
    function returns a tuple with the noise at ``noise_idx`` and ``None`` elsewhere.

    Examples:
      >>> import brainpy_dyn as bd
      >>> f = bd.init.noise(0.5, (3,), num_vars=2, noise_idx=1)
      >>> f(0., 0.)
      (None, 0.5)
    """
    if noises is None:
        return None
    if _is_function(noises):
        fn: Callable[..., Any] = noises
        return fn
    value = parameter(noises, size, allow_none=False, name="noises")
    if num_vars > 1:
        if not 0 <= noise_idx < num_vars:
            raise ValueError(f"noise(): noise_idx must be in [0, {num_vars}), got {noise_idx}.")
        value = tuple(value if i == noise_idx else None for i in range(num_vars))

    def diffusion(*args: Any, **kwargs: Any) -> Any:
        return value

    return diffusion

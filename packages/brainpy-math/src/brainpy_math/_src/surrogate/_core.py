"""The machinery behind every surrogate spike function: a step forward, a chosen slope backward.

A spike function ``f`` built by :func:`make_spike` returns the Heaviside step
``H(x) = [x >= 0]`` (or, with ``origin=True``, a smooth function ``g`` whose step limit is
``H``), and its derivative, for :func:`jax.grad`, :func:`jax.jvp`, :func:`jax.vjp` and every
transformation built on them, is ``g'(x)``: the *surrogate gradient*. It is written as a
:func:`jax.custom_jvp` rule, so forward and reverse mode, ``jit``, ``vmap``, ``scan`` and
higher-order derivatives all work. The shape parameters (``alpha``, ``sigma`` …) may be numbers
or arrays (broadcast against ``x``) and may be traced, e.g. swept with ``vmap``; they receive no
gradient, as in BrainPy 2.3.5.

:func:`make_spike2` builds the two-input form, ``H(x_new) * (1 - H(x_old))`` (a threshold
crossing between two steps), whose derivatives follow from the product rule with the slope in
place of the step's derivative.
"""

from __future__ import annotations

import functools
import numbers
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy_math._src.array import as_jax
from brainpy_math._src.environment import get_float

__all__ = [
    "as_input",
    "check_count",
    "check_origin",
    "heaviside",
    "make_spike",
    "make_spike2",
    "param",
]

# rule name -> (test on a NumPy array, what the error says is expected)
_RULES: dict[str, tuple[Callable[[np.ndarray], Any], str]] = {
    "positive": (lambda v: v > 0, "a positive number"),
    "nonnegative": (lambda v: v >= 0, "a number >= 0"),
    "real": (np.isfinite, "a finite real number"),
    "above_one": (lambda v: v > 1, "a number > 1"),
}


def heaviside(x: jax.Array) -> jax.Array:
    """``1`` where ``x >= 0``, else ``0``, in the (floating) dtype of ``x``."""
    return (x >= 0).astype(x.dtype)


def as_input(who: str, x: Any, name: str = "x") -> jax.Array:
    """``x`` as a floating JAX array: Arrays and Variables unwrapped, others promoted.

    Floating inputs keep their dtype (``float16``, ``bfloat16``, ``float32``, ``float64``);
    booleans and integers become the default float dtype (:func:`brainpy_math.get_float`).
    """
    x = jnp.asarray(as_jax(x))
    if jnp.issubdtype(x.dtype, jnp.floating):
        return x
    if jnp.issubdtype(x.dtype, jnp.complexfloating):
        raise TypeError(f"{who}: {name} must be real, got an array of dtype {x.dtype}.")
    return x.astype(get_float())


def _is_real_dtype(dtype: Any) -> bool:
    return bool(jnp.issubdtype(dtype, jnp.floating) or jnp.issubdtype(dtype, jnp.integer))


def param(who: str, name: str, value: Any, default: float, rule: str) -> Any:
    """Check one shape parameter (``None`` means its default) and return it ready for JAX.

    Python numbers stay Python numbers (weakly typed: they do not change the dtype of ``x``).
    Concrete values are checked against ``rule`` (see ``_RULES``); traced values cannot be
    inspected and pass as they are.

    Raises:
      TypeError: ``value`` is not a real number or an array of them.
      ValueError: ``value`` breaks ``rule``; the message names the function and the argument.
    """
    if value is None:
        return default
    value = as_jax(value)
    if isinstance(value, bool) or isinstance(value, np.bool_):
        raise TypeError(f"{who}: {name} must be a real number, got the bool {value!r}.")
    if isinstance(value, numbers.Real):
        array = np.asarray(value)
    elif hasattr(value, "dtype") and hasattr(value, "shape"):
        if not _is_real_dtype(value.dtype):
            raise TypeError(
                f"{who}: {name} must be a real number or an array of them, "
                f"got an array of dtype {value.dtype}."
            )
        if isinstance(value, jax.core.Tracer):
            return value
        array = np.asarray(value)
    else:
        raise TypeError(
            f"{who}: {name} must be a real number or an array of them, "
            f"got {type(value).__name__}: {value!r}."
        )
    test, expected = _RULES[rule]
    if not np.all(test(array)):
        shown = (
            value
            if array.ndim == 0
            else f"an array with {array.ravel()[~test(array).ravel()][0]!r}"
        )
        raise ValueError(f"{who}: {name} must be {expected}, got {name}={shown}.")
    return value


def check_count(who: str, name: str, value: Any, default: int) -> int:
    """A static positive integer (a number of terms), ``None`` meaning ``default``."""
    if value is None:
        return default
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(
            f"{who}: {name} must be a Python int (it fixes the number of terms), "
            f"got {type(value).__name__}: {value!r}."
        )
    if value < 1:
        raise ValueError(f"{who}: {name} must be an int >= 1, got {name}={value!r}.")
    return int(value)


def check_origin(who: str, origin: Any) -> bool:
    """``origin`` as a Python bool (it selects the compiled forward function)."""
    if origin is None:
        return False
    if not isinstance(origin, (bool, np.bool_)):
        raise TypeError(
            f"{who}: origin must be True or False, got {type(origin).__name__}: {origin!r}."
        )
    return bool(origin)


def _broadcast(x: jax.Array, params: tuple[Any, ...]) -> jax.Array:
    """``x`` broadcast against array-valued parameters (one output value per element)."""
    shapes = [np.shape(p) for p in params if not isinstance(p, numbers.Number)]
    if not shapes:
        return x
    shape = jnp.broadcast_shapes(x.shape, *shapes)
    return x if shape == x.shape else jnp.broadcast_to(x, shape)


Slope = Callable[..., jax.Array]


def make_spike(slope: Slope, smooth: Slope | None = None) -> Callable[..., jax.Array]:
    """Build ``spike(x, *params, origin=False, static=())`` with the surrogate gradient ``slope``.

    Args:
      slope: ``slope(x, *params, *static) -> g'(x)``, element-wise.
      smooth: ``smooth(x, *params, *static) -> g(x)``, the function whose derivative ``slope``
        is; returned instead of the step when ``origin=True``.

    Returns:
      ``spike(x, *params, origin=False, static=())``; ``x`` must be a floating JAX array,
      ``static`` a tuple of hashable Python values (numbers of terms).
    """

    def primal(
        statics: tuple[bool, tuple[Any, ...]], x: jax.Array, params: tuple[Any, ...]
    ) -> jax.Array:
        origin, extra = statics
        if origin:
            return smooth(x, *params, *extra).astype(x.dtype)  # type: ignore[misc]
        return heaviside(x)

    @functools.partial(jax.custom_jvp, nondiff_argnums=(0,))
    def core(statics: tuple[bool, tuple[Any, ...]], x: jax.Array, *params: Any) -> jax.Array:
        return primal(statics, x, params)

    @core.defjvp
    def core_jvp(statics: tuple[bool, tuple[Any, ...]], primals: Any, tangents: Any) -> Any:
        x, *params = primals
        y = primal(statics, x, tuple(params))
        dy = slope(x, *params, *statics[1]) * tangents[0]
        return y, dy.astype(y.dtype)

    def spike(
        x: jax.Array, *params: Any, origin: bool = False, static: tuple[Any, ...] = ()
    ) -> jax.Array:
        if origin and smooth is None:
            raise ValueError("this surrogate has no smooth function (origin=True)")
        return core((origin, static), _broadcast(x, params), *params)

    return spike


def make_spike2(slope: Slope) -> Callable[..., jax.Array]:
    """Build ``spike2(x_new, x_old, *params)``: ``H(x_new) * (1 - H(x_old))`` with slope ``slope``.

    The derivatives are those of the product with ``slope`` for the step's derivative:
    ``d/dx_new = slope(x_new) * [x_old < 0]`` and ``d/dx_old = -slope(x_old) * [x_new >= 0]``.
    """

    def primal(x_new: jax.Array, x_old: jax.Array) -> jax.Array:
        return ((x_new >= 0) & (x_old < 0)).astype(x_new.dtype)

    @jax.custom_jvp
    def core(x_new: jax.Array, x_old: jax.Array, *params: Any) -> jax.Array:
        return primal(x_new, x_old)

    @core.defjvp
    def core_jvp(primals: Any, tangents: Any) -> Any:
        x_new, x_old, *params = primals
        dx_new, dx_old = tangents[0], tangents[1]
        y = primal(x_new, x_old)
        fire_new = (x_new >= 0).astype(y.dtype)
        quiet_old = (x_old < 0).astype(y.dtype)
        dy = slope(x_new, *params) * quiet_old * dx_new - slope(x_old, *params) * fire_new * dx_old
        return y, dy.astype(y.dtype)

    def spike2(x_new: jax.Array, x_old: jax.Array, *params: Any) -> jax.Array:
        dtype = jnp.result_type(x_new, x_old)
        x_new = _broadcast(
            jnp.broadcast_to(x_new, jnp.broadcast_shapes(x_new.shape, x_old.shape)), params
        )
        x_old = jnp.broadcast_to(x_old, x_new.shape)
        return core(x_new.astype(dtype), x_old.astype(dtype), *params)

    return spike2

"""``vmap``: vectorise a function that reads Variables."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import jax

from brainpy_math._src.errors import MathError
from brainpy_math._src.transforms._state import (
    checked_trace,
    discover,
    read_values,
    swapped_in,
    write_back,
)
from brainpy_math._src.transforms.loops import _unwrap, _wrap

__all__ = ["vmap"]


def vmap(
    func: Callable | None = None,
    in_axes: Any = 0,
    out_axes: Any = 0,
    axis_name: Any = None,
    axis_size: int | None = None,
    spmd_axis_name: Any = None,
    dyn_vars: Any = None,
    child_objs: Any = None,
) -> Any:
    """Vectorise ``func`` over an axis of its arguments, like :func:`jax.vmap`.

    Variables read inside are shared by every batch element. A Variable may be
    written only with a value that does not depend on the mapped axis (for example
    the key of a random generator); a batched write is a :class:`MathError`, because
    a Variable has one value, not one per element.

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.Variable(bm.arange(3.))
      >>> bm.vmap(lambda x: (w.value * x).sum())(bm.ones((2, 3)).value)
      Array([3., 3.], dtype=float32)
    """
    del dyn_vars, child_objs

    def make(f):
        if not callable(f):
            raise TypeError(f"vmap: func must be callable, got {type(f).__name__}.")

        @functools.wraps(f)
        def call(*args):
            args = _unwrap(args)
            probe = jax.vmap(
                lambda *a: (f(*a), None)[1],
                in_axes=in_axes,
                axis_name=axis_name,
                axis_size=axis_size,
                spmd_axis_name=spmd_axis_name,
            )
            trace = discover(lambda: jax.eval_shape(probe, *args))
            state, written = trace.variables, trace.written

            def pure(values, *a):
                with swapped_in(state, values), checked_trace(state, "vmap"):
                    out = _unwrap(f(*a))
                    return out, [v._value for v in written]

            mapped = jax.vmap(
                pure,
                in_axes=(None,)
                + (in_axes if isinstance(in_axes, tuple) else (in_axes,) * len(args)),
                out_axes=(out_axes, [None] * len(written)),
                axis_name=axis_name,
                axis_size=axis_size,
                spmd_axis_name=spmd_axis_name,
            )
            try:
                out, new = mapped(read_values(state), *args)
            except ValueError as err:
                if written and "out_axes" in str(err):
                    raise MathError(
                        f"vmap: {type(f).__name__} {getattr(f, '__name__', '')!s} writes "
                        f"{len(written)} Variable(s) (shapes {[v.shape for v in written]}) with "
                        "values that depend on the mapped axis; a Variable holds one value, so "
                        "return the batched value instead of storing it."
                    ) from err
                raise
            write_back(written, new)
            return _wrap(out)

        return call

    return make if func is None else make(func)

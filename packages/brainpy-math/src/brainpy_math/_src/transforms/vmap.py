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
    written only with a value that does not depend on the mapped axis; a batched write
    is a :class:`MathError`, because a Variable has one value, not one per element.
    Random generators (:class:`brainpy_math.random.RandomState`) are the exception:
    each element draws from its own key, split from the generator's key, and the
    generator advances once per call.

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
            # Random generators give every batch element a key of its own (split from
            # the generator's key, which advances once); the rest of the state is shared.
            rngs = [v for v in trace.written if _is_rng(v)]
            rng_ids = {id(v) for v in rngs}
            shared = [v for v in trace.variables if id(v) not in rng_ids]
            written = [v for v in trace.written if id(v) not in rng_ids]
            state = shared + rngs
            axes = in_axes if isinstance(in_axes, tuple) else (in_axes,) * len(args)

            def pure(values, keys, *a):
                with swapped_in(state, list(values) + list(keys)), checked_trace(state, "vmap"):
                    out = _unwrap(f(*a))
                    return out, [v._value for v in written]

            mapped = jax.vmap(
                pure,
                in_axes=(None, 0, *axes),
                out_axes=(out_axes, [None] * len(written)),
                axis_name=axis_name,
                axis_size=axis_size,
                spmd_axis_name=spmd_axis_name,
            )
            keys = []
            if rngs:
                n = axis_size if axis_size is not None else _batch_size(args, axes)
                for rng in rngs:
                    split = jax.random.split(rng.value, n + 1)
                    write_back([rng], [split[0]])
                    keys.append(split[1:])
            try:
                out, new = mapped(read_values(shared), keys, *args)
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


def _is_rng(var: Any) -> bool:
    from brainpy_math._src.random.state import RandomState

    return isinstance(var, RandomState)


def _batch_size(args: tuple, axes: tuple) -> int:
    for arg, axis in zip(args, axes):
        if axis is None:
            continue
        for leaf in jax.tree_util.tree_leaves(arg):
            if hasattr(leaf, "shape"):
                return int(leaf.shape[axis])
    raise ValueError("vmap: cannot tell the batch size (no mapped argument); pass axis_size=.")

"""``for_loop`` and ``while_loop``: loops compiled to one ``lax.scan``/``while_loop``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from brainpy_math._src.array import Array
from brainpy_math._src.errors import MathError
from brainpy_math._src.state_trace import TRACE_STACK
from brainpy_math._src.transforms._state import (
    FunctionCache,
    checked_trace,
    discover,
    leaf_signature,
    read_values,
    swapped_in,
    weak_callable,
    write_back,
)

__all__ = ["for_loop", "while_loop"]

_FOR_CACHE = FunctionCache()
_WHILE_CACHE = FunctionCache()


def _is_array(x: Any) -> bool:
    return isinstance(x, Array)


def _unwrap(tree: Any) -> Any:
    """Replace Arrays (and Variables) in ``tree`` by their JAX values."""
    return jax.tree_util.tree_map(
        lambda x: x.value if isinstance(x, Array) else x, tree, is_leaf=_is_array
    )


def _signature(fun: Any, tree: Any, *extra: Any) -> Any:
    leaves, treedef = jax.tree_util.tree_flatten(tree)
    return (fun, treedef, tuple(map(leaf_signature, leaves)), *extra)


def for_loop(
    body_fun: Callable,
    operands: Any,
    dyn_vars: Any = None,
    out_vars: Any = None,
    child_objs: Any = None,
    reverse: bool = False,
    unroll: int = 1,
    remat: bool = False,
    jit: bool | None = None,
    progress_bar: bool = False,
    unroll_kwargs: Any = None,
) -> Any:
    """Run ``body_fun`` over the leading axis of ``operands`` as one ``lax.scan``.

    Variables that the body reads or writes are found automatically and carried
    through the loop; their final values are written back when it ends. Nothing
    returns to Python between steps.

    Args:
      body_fun: called once per step with the step's slice of ``operands``
        (unpacked as positional arguments when ``operands`` is a tuple or list).
      operands: arrays (or a pytree of arrays) sliced along axis 0.
      dyn_vars: accepted for BrainPy 2.3.5 compatibility; Variables are found
        automatically.
      out_vars: Variables whose value after each step is returned instead of the
        body's result (2.3.5 behaviour).
      child_objs: accepted for compatibility and ignored.
      reverse: run the steps backwards.
      unroll: passed to :func:`jax.lax.scan`.
      remat: wrap the body in :func:`jax.checkpoint` (saves memory under ``grad``).
      jit: ``False`` runs the steps one by one in Python (for debugging).
      progress_bar: accepted for compatibility; runners provide progress bars.
      unroll_kwargs: accepted for compatibility and ignored.

    Returns:
      The body's per-step outputs stacked along a new leading axis.

    Examples:
      >>> import brainpy_math as bm
      >>> v = bm.Variable(bm.zeros(()))
      >>> def step(x):
      ...     v.value = v.value * 0.5 + x
      ...     return v.value
      >>> bm.for_loop(step, bm.ones(4)).value
      Array([1.   , 1.5  , 1.75 , 1.875], dtype=float32)
    """
    del dyn_vars, child_objs, progress_bar, unroll_kwargs
    if not callable(body_fun):
        raise TypeError(f"for_loop: body_fun must be callable, got {type(body_fun).__name__}.")
    operands = _unwrap(operands)
    leaves = jax.tree_util.tree_leaves(operands)
    if not leaves:
        raise ValueError("for_loop: operands must hold at least one array to loop over, got none.")
    lengths = {jnp.shape(x)[0] if jnp.ndim(x) else None for x in leaves}
    if None in lengths or len(lengths) != 1:
        raise ValueError(
            "for_loop: every operand must have the same leading (time) axis, got shapes "
            f"{[jnp.shape(x) for x in leaves]}."
        )
    unpack = isinstance(operands, (tuple, list))
    # The compiled entry outlives this call: it reaches the body only through a weak
    # reference, so caching never keeps a model alive.
    get_body = weak_callable(body_fun)

    def call(x):
        body = get_body()
        out = body(*x) if unpack else body(x)
        if out_vars is None:
            return out
        return jax.tree_util.tree_map(lambda v: v.value, out_vars, is_leaf=_is_array)

    key = _signature(
        getattr(body_fun, "__func__", None),
        operands,
        reverse,
        unroll,
        remat,
        None if out_vars is None else id(out_vars),
    )
    steps = len(leaves[0])
    if jit is False and steps and not TRACE_STACK:
        return _wrap(_run_in_python(call, operands, steps, reverse))
    entry = _FOR_CACHE.get(body_fun, key)
    if entry is None:
        entry = _build_for(call, operands, reverse, unroll, remat)
        _FOR_CACHE.put(body_fun, key, entry)
    state, written, run, jitted = entry
    values = read_values(state)
    if jit is False:
        with jax.disable_jit():
            new, out = run(values, operands)
    elif TRACE_STACK:
        new, out = run(values, operands)
    else:
        new, out = jitted(values, operands)
    write_back(written, new)
    return _wrap(out)


def _run_in_python(call: Callable, operands: Any, steps: int, reverse: bool) -> Any:
    """``jit=False``: every step in Python on concrete values, as a debugger sees them.

    The body is called without any trace, so prints and breakpoints in it see arrays; what it
    calls keeps its own compilation (``jax.random``'s samplers, a ``bm.jit`` inside), as in
    BrainPy 2.3.5. The operands are sliced on the host and the outputs stacked there, so no
    step compiles a program of its own (``lax.scan`` under ``disable_jit`` compiled a slice
    per step, so time and memory grew with the step count). Variables are read and written
    directly.
    """
    host = jax.tree_util.tree_map(np.asarray, operands)
    outs = []
    for i in range(steps - 1, -1, -1) if reverse else range(steps):
        x = jax.tree_util.tree_map(lambda a, i=i: jax.device_put(a[i]), host)
        outs.append(jax.tree_util.tree_map(np.asarray, _unwrap(call(x))))
    if reverse:
        outs.reverse()
    return jax.tree_util.tree_map(lambda *xs: jax.device_put(np.stack(xs)), *outs)


def _wrap(tree: Any) -> Any:
    return jax.tree_util.tree_map(
        lambda x: Array(x) if isinstance(x, jax.Array) and x.ndim > 0 else x, tree
    )


def _build_for(call, operands, reverse, unroll, remat):
    first = jax.tree_util.tree_map(lambda x: jax.ShapeDtypeStruct(x.shape[1:], x.dtype), operands)
    trace = discover(lambda: jax.eval_shape(lambda x: (call(x), None)[1], first))
    state, written = trace.variables, trace.written

    def pure_step(values, carry, x):
        # A pure function of every Variable value it uses: what remat (jax.checkpoint) may
        # wrap (a Variable value captured by closure would be baked into its trace).
        with swapped_in(state, values), swapped_in(written, carry):
            out = call(x)
            return [v._value for v in written], _unwrap(out)

    body = jax.checkpoint(pure_step) if remat else pure_step

    def run(values, xs):
        def step(carry, x):
            with checked_trace(state, "for_loop"):
                return body(values, carry, x)

        with swapped_in(state, values):
            first = [v._value for v in written]
        return lax.scan(step, first, xs, reverse=reverse, unroll=unroll)

    return state, written, run, jax.jit(run)


def while_loop(
    body_fun: Callable,
    cond_fun: Callable,
    operands: Any,
    dyn_vars: Any = None,
    child_objs: Any = None,
) -> Any:
    """Repeat ``body_fun`` while ``cond_fun`` is true, compiled as ``lax.while_loop``.

    Args:
      body_fun: ``body_fun(*operands) -> new operands`` (same structure); it may
        update Variables.
      cond_fun: ``cond_fun(*operands) -> bool scalar``; it may read Variables but
        not write them.
      operands: the initial loop values (a tuple is unpacked into the calls).
      dyn_vars: accepted for BrainPy 2.3.5 compatibility and ignored.
      child_objs: accepted for compatibility and ignored.

    Returns:
      The final operands.

    Examples:
      >>> import brainpy_math as bm
      >>> n = bm.Variable(bm.zeros((), dtype=bm.int32))
      >>> def body(x):
      ...     n.value += 1
      ...     return x * 2.
      >>> bm.while_loop(body, lambda x: x < 100., 1.), n.value
      (Array(128., dtype=float32, weak_type=True), Array(7, dtype=int32))
    """
    del dyn_vars, child_objs
    operands = _unwrap(operands)
    unpack = isinstance(operands, tuple)

    def as_args(x):
        return x if unpack else (x,)

    key = _signature((getattr(body_fun, "__func__", None), cond_fun), operands)
    entry = _WHILE_CACHE.get(body_fun, key)
    if entry is None:
        get_body = weak_callable(body_fun)
        abstract = jax.tree_util.tree_map(
            lambda x: jax.ShapeDtypeStruct(jnp.shape(x), jnp.result_type(x)), operands
        )
        cond_trace = discover(lambda: jax.eval_shape(lambda x: cond_fun(*as_args(x)), abstract))
        if cond_trace.written:
            raise MathError(
                "while_loop: cond_fun must not write Variables, but it wrote "
                f"{len(cond_trace.written)} of shapes {[v.shape for v in cond_trace.written]}."
            )
        body_trace = discover(lambda: jax.eval_shape(lambda x: get_body()(*as_args(x)), abstract))
        written = body_trace.written
        ids = {id(v) for v in written}
        state = written + [
            v for v in cond_trace.variables + body_trace.variables if id(v) not in ids
        ]
        state = list({id(v): v for v in state}.values())

        def run(values, init):
            with swapped_in(state, values):

                def cond(carry):
                    vals, x = carry
                    with swapped_in(written, vals), checked_trace(state, "while_loop"):
                        return jnp.asarray(_unwrap(cond_fun(*as_args(x))), dtype=bool)

                def body(carry):
                    vals, x = carry
                    with swapped_in(written, vals), checked_trace(state, "while_loop"):
                        new_x = _unwrap(get_body()(*as_args(x)))
                        return [v._value for v in written], new_x

                return lax.while_loop(cond, body, ([v._value for v in written], init))

        entry = (state, written, run, jax.jit(run))
        _WHILE_CACHE.put(body_fun, key, entry)
    state, written, run, jitted = entry
    new, out = (run if TRACE_STACK else jitted)(read_values(state), operands)
    write_back(written, new)
    return _wrap(out)

"""``cond``: a compiled if/else whose branches may update Variables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
from jax import lax

from brainpy_math._src.transforms._state import (
    checked_trace,
    discover,
    read_values,
    swapped_in,
    write_back,
)
from brainpy_math._src.transforms.loops import _unwrap, _wrap

__all__ = ["cond"]


def cond(
    pred: Any,
    true_fun: Callable | Any,
    false_fun: Callable | Any,
    operands: Any = (),
    dyn_vars: Any = None,
    child_objs: Any = None,
) -> Any:
    """Call ``true_fun(*operands)`` if ``pred`` else ``false_fun(*operands)``.

    Compiled with :func:`jax.lax.cond`; Variables written by either branch are
    carried through (a branch that does not write one leaves it unchanged). A branch
    that is not callable is returned as a constant.

    Args:
      pred: a boolean scalar.
      true_fun: function (or value) for the true branch.
      false_fun: function (or value) for the false branch.
      operands: the branch arguments; a tuple or list is unpacked.
      dyn_vars: accepted for BrainPy 2.3.5 compatibility and ignored.
      child_objs: accepted for compatibility and ignored.

    Returns:
      The output of the branch taken.

    Examples:
      >>> import brainpy_math as bm
      >>> a = bm.Variable(bm.zeros(2))
      >>> def up(x):
      ...     a.value += x
      ...     return 1
      >>> bm.cond(True, up, lambda x: 0, 3.), a.value
      (Array(1, dtype=int32, weak_type=True), Array([3., 3.], dtype=float32))
    """
    del dyn_vars, child_objs
    operands = _unwrap(operands)
    if not isinstance(operands, (tuple, list)):
        operands = (operands,)
    branches = [f if callable(f) else (lambda *a, _v=f: _v) for f in (true_fun, false_fun)]
    abstract = jax.tree_util.tree_map(
        lambda x: jax.ShapeDtypeStruct(jnp.shape(x), jnp.result_type(x)), tuple(operands)
    )
    traces = [discover(lambda f=f: jax.eval_shape(lambda x: f(*x), abstract)) for f in branches]
    state = list({id(v): v for t in traces for v in t.variables}.values())
    written = list({id(v): v for t in traces for v in t.written}.values())

    def wrap_branch(f):
        def branch(values, x):
            with swapped_in(state, values), checked_trace(state, "cond"):
                out = _unwrap(f(*x))
                return [v._value for v in written], out

        return branch

    pred = jnp.asarray(_unwrap(pred))
    if pred.shape != ():
        raise ValueError(
            f"cond: pred must be a boolean scalar, got an array of shape {pred.shape}."
        )
    new, out = lax.cond(
        pred,
        wrap_branch(branches[0]),
        wrap_branch(branches[1]),
        read_values(state),
        tuple(operands),
    )
    write_back(written, new)
    return _wrap(out)

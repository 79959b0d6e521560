"""BrainPy 2.3.5's older control-flow builders: ``make_loop``, ``make_while``, ``make_cond``, ``ifelse``.

They are thin layers over :func:`~brainpy_math.for_loop`, :func:`~brainpy_math.while_loop`
and :func:`~brainpy_math.cond`, so Variables are found automatically; ``dyn_vars`` is
accepted for compatibility and ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.array import Array
from brainpy_math._src.transforms.control import cond
from brainpy_math._src.transforms.loops import _unwrap, for_loop, while_loop

__all__ = ["ifelse", "make_cond", "make_loop", "make_while"]


def _callable(fun: Any, name: str, who: str) -> None:
    if not callable(fun):
        raise TypeError(f"{who}: {name} must be callable, got {type(fun).__name__}.")


def make_loop(
    body_fun: Callable,
    dyn_vars: Any = None,
    out_vars: Any = None,
    has_return: bool = False,
) -> Callable[..., Any]:
    """Build a function that runs ``body_fun(x)`` for each ``x`` of its input (one ``lax.scan``).

    Args:
      body_fun: called with one slice of ``xs`` per step; it may update Variables.
      dyn_vars: accepted for BrainPy 2.3.5 compatibility and ignored.
      out_vars: a Variable or pytree of Variables whose value after each step is
        recorded.
      has_return: ``body_fun`` returns a value to record as well.

    Returns:
      ``loop(xs=None, length=None)``. ``xs`` is sliced along axis 0 (a pytree is
      passed whole to ``body_fun``); with ``xs=None``, ``body_fun(None)`` runs
      ``length`` times. It returns the history of ``out_vars`` (stacked along a new
      axis 0), or ``(history, results)`` when ``has_return``.

    Examples:
      >>> import brainpy_math as bm
      >>> a = bm.Variable(bm.zeros(1))
      >>> def f(x):
      ...     a.value += x
      >>> loop = bm.make_loop(f, out_vars=a)
      >>> loop(bm.arange(1., 4.)).value
      Array([[1.],
             [3.],
             [6.]], dtype=float32)
    """
    del dyn_vars
    _callable(body_fun, "body_fun", "make_loop")

    def step(d: dict) -> Any:
        result = body_fun(d["x"])
        history = jax.tree_util.tree_map(
            lambda v: v.value, out_vars, is_leaf=lambda v: isinstance(v, Array)
        )
        return (history, result) if has_return else history

    def step_without_input(d: dict) -> Any:
        return step({"x": None})

    def loop(xs: Any = None, length: int | None = None) -> Any:
        if xs is None:
            if length is None:
                raise ValueError(
                    "make_loop: give xs (the inputs to loop over) or length, got neither."
                )
            return for_loop(step_without_input, {"n": jnp.arange(int(length))})
        return for_loop(step, {"x": _unwrap(xs)})

    return loop


def make_while(cond_fun: Callable, body_fun: Callable, dyn_vars: Any = None) -> Callable[..., None]:
    """Build a function that runs ``body_fun(x)`` while ``cond_fun(x)`` is true.

    Args:
      cond_fun: ``cond_fun(x) -> bool scalar``; reads Variables, writes none.
      body_fun: ``body_fun(x)``; updates Variables, its return value is ignored.
      dyn_vars: accepted for BrainPy 2.3.5 compatibility and ignored.

    Returns:
      ``loop(x=None)``: runs the loop (one ``lax.while_loop``) with the constant input
      ``x`` and returns ``None``; the Variables hold the final state.

    Examples:
      >>> import brainpy_math as bm
      >>> a = bm.Variable(bm.zeros(1))
      >>> def body(x):
      ...     a.value += x
      >>> loop = bm.make_while(lambda x: a[0] < 10, body)
      >>> loop(3.)
      >>> a.value
      Array([12.], dtype=float32)
    """
    del dyn_vars
    _callable(cond_fun, "cond_fun", "make_while")
    _callable(body_fun, "body_fun", "make_while")

    def body(d: dict) -> dict:
        body_fun(d["x"])
        return d

    def test(d: dict) -> Any:
        return cond_fun(d["x"])

    def loop(x: Any = None) -> None:
        while_loop(body, test, {"x": _unwrap(x)})

    return loop


def make_cond(true_fun: Callable, false_fun: Callable, dyn_vars: Any = None) -> Callable[..., Any]:
    """Build ``call(pred, x=None)``: ``true_fun(x)`` if ``pred`` else ``false_fun(x)``.

    Compiled with :func:`jax.lax.cond`; both branches may update Variables.

    Examples:
      >>> import brainpy_math as bm
      >>> a, b = bm.Variable(bm.zeros(2)), bm.Variable(bm.ones(2))
      >>> def up(x):
      ...     a.value += 1
      >>> def down(x):
      ...     b.value -= 1
      >>> branch = bm.make_cond(up, down)
      >>> branch(True); branch(False)
      >>> a.value, b.value
      (Array([1., 1.], dtype=float32), Array([0., 0.], dtype=float32))
    """
    del dyn_vars
    _callable(true_fun, "true_fun", "make_cond")
    _callable(false_fun, "false_fun", "make_cond")

    def call(pred: Any, x: Any = None) -> Any:
        return cond(pred, true_fun, false_fun, (x,))

    return call


def ifelse(
    conditions: Any,
    branches: Sequence[Any],
    operands: Any = None,
    dyn_vars: Any = None,
    child_objs: Any = None,
    show_code: bool = False,
) -> Any:
    """A compiled if/elif/else chain over branches (nested :func:`jax.lax.cond`).

    ``if c0: b0 elif c1: b1 … else: bN``: the first true condition picks its branch; when none is true, the last branch
    runs. Each branch is called with ``operands`` as its one argument, or is a
    constant (a number or array) returned as is. Branches may update Variables.

    Args:
      conditions: a boolean scalar or a sequence of them.
      branches: ``len(conditions) + 1`` functions or constants.
      operands: the argument every branch receives.
      dyn_vars: accepted for BrainPy 2.3.5 compatibility and ignored.
      child_objs: accepted for BrainPy 2.3.5 compatibility and ignored.
      show_code: accepted for compatibility and ignored (2.3.5 printed generated code).

    Returns:
      The result of the branch taken.

    Raises:
      ValueError: ``branches`` is not a sequence of ``len(conditions) + 1`` items.

    Examples:
      >>> import brainpy_math as bm
      >>> def f(a):
      ...     return bm.ifelse([a > 10, a > 5, a > 2, a > 0], [1, 2, 3, 4, 5])
      >>> [int(f(a)) for a in (11, 6, 3, 1, -1)]
      [1, 2, 3, 4, 5]
    """
    del dyn_vars, child_objs, show_code
    if not isinstance(conditions, (tuple, list)):
        conditions = [conditions]
    if not isinstance(branches, (tuple, list)):
        raise ValueError(
            f"ifelse: branches must be a tuple or list, got {type(branches).__name__}."
        )
    if len(branches) != len(conditions) + 1:
        raise ValueError(
            "ifelse: branches must have one more item than conditions (the last is the "
            f"else branch), got len(conditions)={len(conditions)} and "
            f"len(branches)={len(branches)}."
        )

    def chain(i: int) -> Any:
        if i == len(conditions):
            return branches[i]
        rest = chain(i + 1)
        other = rest if callable(rest) else (lambda _: rest)
        return lambda ops: cond(conditions[i], branches[i], other, (ops,))

    first = chain(0)
    return first(operands) if callable(first) else first

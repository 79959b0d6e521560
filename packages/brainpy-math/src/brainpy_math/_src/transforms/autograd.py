"""``grad``, ``value_and_grad`` and ``vector_grad`` with respect to Variables."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.transforms._state import (
    LRUCache,
    checked_trace,
    discover,
    flatten_with_variables,
    leaf_signature,
    read_values,
    swapped_in,
    write_back,
)
from brainpy_math._src.transforms.loops import _unwrap

__all__ = ["grad", "value_and_grad", "vector_grad"]


class _GradFunction:
    """The callable that :func:`grad` and friends return."""

    def __init__(self, fun, grad_vars, argnums, has_aux, return_value, vector, jax_kwargs):
        if not callable(fun):
            raise TypeError(f"grad: func must be callable, got {type(fun).__name__}.")
        self.fun = fun
        self.var_leaves, self.var_tree = flatten_with_variables(_plain_containers(grad_vars))
        bad = [type(v).__name__ for v in self.var_leaves if not hasattr(v, "_batch_axis")]
        if bad:
            raise TypeError(f"grad: grad_vars must hold only Variables, got leaves of type {bad}.")
        self.has_vars = bool(self.var_leaves)
        if argnums is None and not self.has_vars:
            argnums = 0
        self.single_arg = isinstance(argnums, int)
        self.argnums = (
            () if argnums is None else ((argnums,) if self.single_arg else tuple(argnums))
        )
        self.has_aux = bool(has_aux)
        self.return_value = return_value
        self.vector = vector
        self.jax_kwargs = jax_kwargs
        self._cache = LRUCache(64)
        functools.update_wrapper(self, fun, updated=())

    def _state(self, args, kwargs):
        leaves, treedef = jax.tree_util.tree_flatten((args, kwargs))
        key = (treedef, tuple(map(leaf_signature, leaves)))
        entry = self._cache.get(key)
        if entry is None:
            trace = discover(
                lambda: jax.eval_shape(lambda a, k: (self.fun(*a, **k), None)[1], args, kwargs)
            )
            ids = {id(v) for v in self.var_leaves}
            others = [v for v in trace.variables if id(v) not in ids]
            entry = (others, trace.written)
            self._cache.put(key, entry)
        return entry

    # The name in error messages and the trace check; subclasses (jacobians) override it.
    who = "grad"

    def _staged(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        """Check a call and stage it as a pure function of the values to differentiate.

        Returns ``(pure, var_values, diff_args, other_values, written)``: ``pure(var_values,
        diff_args, other_values)`` runs the function with those values swapped into its
        Variables and returns ``(out, (out, aux, new values of the written Variables))``.
        """
        args = _unwrap(args)
        kwargs = _unwrap(kwargs)
        for i in self.argnums:
            if not -len(args) <= i < len(args):
                raise ValueError(
                    f"{self.who}: argnums={i} is out of range for a call with {len(args)} "
                    "positional argument(s)."
                )
        others, written = self._state(args, kwargs)
        grad_vars = self.var_leaves
        state = grad_vars + others
        argnums = tuple(i % len(args) for i in self.argnums)

        def pure(var_values, diff_args, other_values):
            full = list(args)
            for i, x in zip(argnums, diff_args, strict=True):
                full[i] = x
            with swapped_in(state, list(var_values) + list(other_values)):
                with checked_trace(state, self.who):
                    out = _unwrap(self.fun(*full, **kwargs))
                aux = None
                if self.has_aux:
                    out, aux = out
                new = [v._value for v in written]
            return out, (out, aux, new)

        diff_args = tuple(args[i] for i in argnums)
        return pure, read_values(grad_vars), diff_args, read_values(others), written

    def _returned(self, result: Any, value: Any, aux: Any) -> Any:
        """``result``, with the function's value and aux output as asked for."""
        if self.return_value and self.has_aux:
            return result, value, aux
        if self.return_value:
            return result, value
        if self.has_aux:
            return result, aux
        return result

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        pure, var_values, diff_args, other_values, written = self._staged(args, kwargs)
        if self.vector:
            primal, vjp_fun, (value, aux, new) = jax.vjp(
                lambda vv, da: pure(vv, da, other_values), var_values, diff_args, has_aux=True
            )
            var_grads, arg_grads = vjp_fun(jax.tree_util.tree_map(jnp.ones_like, primal))
        else:
            transform = jax.grad(pure, argnums=(0, 1), has_aux=True, **self.jax_kwargs)
            (var_grads, arg_grads), (value, aux, new) = transform(
                var_values, diff_args, other_values
            )
        write_back(written, new)

        grads: Any
        arg_part = arg_grads[0] if self.single_arg else tuple(arg_grads)
        var_part = jax.tree_util.tree_unflatten(self.var_tree, list(var_grads))
        if self.has_vars and self.argnums:
            grads = (var_part, arg_part)
        elif self.has_vars:
            grads = var_part
        else:
            grads = arg_part
        return self._returned(grads, value, aux)


def _plain_containers(tree: Any) -> Any:
    """Dict subclasses (such as ``model.train_vars()``) as plain dicts, recursively."""
    if isinstance(tree, Mapping):
        return {k: _plain_containers(v) for k, v in tree.items()}
    if type(tree) in (list, tuple):
        return type(tree)(_plain_containers(v) for v in tree)
    return tree


def grad(
    func: Callable | None = None,
    grad_vars: Any = None,
    dyn_vars: Any = None,
    child_objs: Any = None,
    argnums: int | Sequence[int] | None = None,
    holomorphic: bool = False,
    allow_int: bool = False,
    reduce_axes: Sequence[Any] = (),
    has_aux: bool | None = None,
    return_value: bool = False,
) -> Any:
    """Gradient of a scalar function with respect to Variables and/or arguments.

    Args:
      func: returns a scalar (or ``(scalar, aux)`` with ``has_aux=True``).
      grad_vars: a Variable, or a pytree (list, tuple, dict) of Variables, to
        differentiate with respect to.
      dyn_vars: accepted for BrainPy 2.3.5 compatibility and ignored (the Variables
        ``func`` uses are found by tracing).
      child_objs: accepted for compatibility and ignored.
      argnums: positions of arguments to differentiate. Defaults to 0 when
        ``grad_vars`` is not given.
      holomorphic: passed to :func:`jax.grad`.
      allow_int: passed to :func:`jax.grad`.
      reduce_axes: accepted for compatibility (removed from JAX) and ignored.
      has_aux: ``func`` returns ``(loss, aux)``.
      return_value: also return the loss.

    Returns:
      A function returning the gradients: those of ``grad_vars`` (same structure),
      of the arguments, or the pair ``(var_grads, arg_grads)`` when both are asked
      for; followed by the value and/or aux when requested.

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.TrainVar(bm.ones(3))
      >>> f = bm.grad(lambda x: (w.value * x).sum(), grad_vars=w, argnums=0)
      >>> gw, gx = f(bm.arange(3.).value)
      >>> gw, gx
      (Array([0., 1., 2.], dtype=float32), Array([1., 1., 1.], dtype=float32))
    """
    del reduce_axes, dyn_vars, child_objs
    options = dict(holomorphic=holomorphic, allow_int=allow_int)

    def make(f):
        return _GradFunction(f, grad_vars, argnums, has_aux, return_value, False, options)

    return make if func is None else make(func)


def value_and_grad(func: Callable | None = None, *args: Any, **kwargs: Any) -> Any:
    """Like :func:`grad` with ``return_value=True``, but returns ``(value, grads)``.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.value_and_grad(lambda x: (x ** 2).sum())(bm.ones(2).value)
      (Array(2., dtype=float32), Array([2., 2.], dtype=float32))
    """
    kwargs["return_value"] = True

    def make(f):
        g = grad(f, *args, **kwargs)

        @functools.wraps(f)
        def call(*a, **k):
            out = g(*a, **k)
            if g.has_aux:
                grads, value, aux = out
                return (value, aux), grads
            grads, value = out
            return value, grads

        return call

    return make if func is None else make(func)


def vector_grad(
    func: Callable | None = None,
    grad_vars: Any = None,
    dyn_vars: Any = None,
    child_objs: Any = None,
    argnums: int | Sequence[int] | None = None,
    return_value: bool = False,
    has_aux: bool | None = None,
) -> Any:
    """Gradient of a non-scalar function: the VJP with a cotangent of ones.

    For element-wise functions this is the element-wise derivative.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.vector_grad(lambda x: x ** 2)(bm.arange(3.).value)
      Array([0., 2., 4.], dtype=float32)
    """
    del dyn_vars, child_objs

    def make(f):
        return _GradFunction(f, grad_vars, argnums, has_aux, return_value, True, {})

    return make if func is None else make(func)

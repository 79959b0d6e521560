"""``jacobian``/``jacrev``, ``jacfwd`` and ``hessian`` with respect to Variables and arguments.

They find the Variables a function reads the way :func:`brainpy_math.grad` does (once
per call signature, abstractly), differentiate with respect to ``grad_vars`` and/or the
arguments in ``argnums``, and write back the Variables the function wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jax

from brainpy_math._src.public_path import set_module
from brainpy_math._src.transforms._state import (
    write_back,
)
from brainpy_math._src.transforms.autograd import _GradFunction

__all__ = ["hessian", "jacfwd", "jacobian", "jacrev"]


class _JacFunction(_GradFunction):
    """The callable that :func:`jacrev`, :func:`jacfwd` and :func:`hessian` return."""

    def __init__(self, fun, grad_vars, argnums, has_aux, return_value, mode, options):
        super().__init__(fun, grad_vars, argnums, has_aux, return_value, False, options)
        self.mode = mode
        self.who = mode

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        pure, var_values, diff_args, other_values, written = self._staged(args, kwargs)
        transform = {"jacrev": jax.jacrev, "jacfwd": jax.jacfwd, "hessian": jax.hessian}[self.mode]
        jac, (value, aux, new) = transform(pure, argnums=(0, 1), has_aux=True, **self.jax_kwargs)(
            list(var_values), diff_args, other_values
        )
        write_back(written, new)
        if self.mode == "hessian":
            result = self._hessian(jac)
        else:  # one (var_jacobians, arg_jacobians) pair per output leaf
            is_pair = lambda x: isinstance(x, tuple) and len(x) == 2 and isinstance(x[0], list)  # noqa: E731
            result = jax.tree_util.tree_map(self._jacobian, jac, is_leaf=is_pair)
        return self._returned(result, value, aux)

    def _args(self, part: Sequence[Any]) -> Any:
        return part[0] if self.single_arg else tuple(part)

    def _vars(self, part: Sequence[Any]) -> Any:
        return jax.tree_util.tree_unflatten(self.var_tree, list(part))

    def _jacobian(self, pair: tuple[list[Any], tuple[Any, ...]]) -> Any:
        var_jac, arg_jac = pair
        if self.has_vars and self.argnums:
            return self._vars(var_jac), self._args(arg_jac)
        return self._vars(var_jac) if self.has_vars else self._args(arg_jac)

    def _hessian(self, hess: tuple[list[Any], tuple[Any, ...]]) -> Any:
        # hess = (per Variable, per argument) first derivatives, each replaced by the pair
        # (derivatives by the Variables, derivatives by the arguments).
        by_var, by_arg = hess
        vv, va = [h[0] for h in by_var], [h[1] for h in by_var]
        av, aa = [h[0] for h in by_arg], [h[1] for h in by_arg]

        def block(rows, outer, inner):
            return outer([inner(r) for r in rows])

        vars_, args_ = self._vars, self._args
        if self.has_vars and self.argnums:
            return (
                (block(vv, vars_, vars_), block(va, vars_, args_)),
                (block(av, args_, vars_), block(aa, args_, args_)),
            )
        if self.has_vars:
            return block(vv, vars_, vars_)
        return block(aa, args_, args_)


def _make(mode, func, grad_vars, argnums, has_aux, return_value, options):
    def make(f):
        return _JacFunction(f, grad_vars, argnums, has_aux, return_value, mode, options)

    return make if func is None else make(func)


def jacrev(
    func: Callable | None = None,
    grad_vars: Any = None,
    dyn_vars: Any = None,
    child_objs: Any = None,
    argnums: int | Sequence[int] | None = None,
    has_aux: bool | None = None,
    return_value: bool = False,
    holomorphic: bool = False,
    allow_int: bool = False,
) -> Any:
    """Reverse-mode Jacobian (:func:`jax.jacrev`) with respect to Variables and/or arguments.

    ``jacobian`` is the same function.

    Args:
      func: the function; it may read and write Variables.
      grad_vars: a Variable or a pytree of Variables to differentiate with respect to.
      dyn_vars: accepted for BrainPy 2.3.5 compatibility and ignored (Variables are found).
      child_objs: accepted for compatibility and ignored.
      argnums: positions of arguments to differentiate; 0 when ``grad_vars`` is not given.
      has_aux: ``func`` returns ``(output, aux)``.
      return_value: also return the output.
      holomorphic: passed to :func:`jax.jacrev`.
      allow_int: passed to :func:`jax.jacrev`.

    Returns:
      A function returning the Jacobian(s), each of shape ``out.shape + in.shape``:
      those of ``grad_vars`` (same structure), of the arguments, or the pair
      ``(var_jacobians, arg_jacobians)``; followed by the output and/or aux when asked.

    Examples:
      >>> import brainpy_math as bm
      >>> w = bm.TrainVar(bm.array([1., 2.]))
      >>> f = bm.jacrev(lambda x: w.value * x, grad_vars=w, argnums=0)
      >>> jw, jx = f(bm.array([3., 4.]).value)
      >>> jw
      Array([[3., 0.],
             [0., 4.]], dtype=float32)
    """
    del dyn_vars, child_objs
    options = dict(holomorphic=holomorphic, allow_int=allow_int)
    return _make("jacrev", func, grad_vars, argnums, has_aux, return_value, options)


jacobian = jacrev


def jacfwd(
    func: Callable | None = None,
    grad_vars: Any = None,
    dyn_vars: Any = None,
    child_objs: Any = None,
    argnums: int | Sequence[int] | None = None,
    has_aux: bool | None = None,
    return_value: bool = False,
    holomorphic: bool = False,
) -> Any:
    """Forward-mode Jacobian (:func:`jax.jacfwd`); arguments and results as :func:`jacrev`.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.jacfwd(lambda x: x ** 2)(bm.array([1., 2.]).value)
      Array([[2., 0.],
             [0., 4.]], dtype=float32)
    """
    del dyn_vars, child_objs
    options = dict(holomorphic=holomorphic)
    return _make("jacfwd", func, grad_vars, argnums, has_aux, return_value, options)


def hessian(
    func: Callable | None = None,
    grad_vars: Any = None,
    dyn_vars: Any = None,
    child_objs: Any = None,
    argnums: int | Sequence[int] | None = None,
    return_value: bool = False,
    holomorphic: bool = False,
    has_aux: bool | None = None,
) -> Any:
    """Hessian (:func:`jax.hessian`) of a scalar function.

    With only arguments (or only Variables) it returns what :func:`jax.hessian` returns
    for them: one array for a single argument or Variable, nested tuples (or the
    ``grad_vars`` structure, nested) otherwise. With both it returns the blocks
    ``((d2/dv2, d2/dv dx), (d2/dx dv, d2/dx2))``.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.hessian(lambda x: (x ** 3).sum())(bm.array([1., 2.]).value)
      Array([[ 6.,  0.],
             [ 0., 12.]], dtype=float32)
    """
    del dyn_vars, child_objs
    options = dict(holomorphic=holomorphic)
    return _make("hessian", func, grad_vars, argnums, has_aux, return_value, options)


set_module("brainpy_math", hessian, jacfwd, jacrev)

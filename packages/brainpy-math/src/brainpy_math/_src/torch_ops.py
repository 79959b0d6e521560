"""PyTorch-compatible element-wise operators (``torch.abs`` … ``torch.atanh``, ``add``, …).

Each function takes ``input`` (and, for binary ops, ``other``/``tensor1``/``tensor2``) as a
brainpy ``Array``/``Variable``, a JAX or NumPy array or a Python scalar, and computes the plain
``jax.numpy`` expression, so it compiles to the same program as the bare expression.

Type promotion follows ``jax.numpy``, which agrees with PyTorch for the cases tested (integer
and boolean inputs of transcendental functions give the default float dtype, ``float32``;
``int32`` with ``float16`` gives ``float16``; a Python scalar does not widen an array's dtype)
with one documented exception: PyTorch lets a 0-d tensor take part in promotion only like a
Python scalar, while JAX treats a 0-d array like any other array (``float16`` tensor plus
``float32`` 0-d tensor is ``float16`` in PyTorch and ``float32`` here). Without
``jax_enable_x64`` JAX has no 64-bit types, so where PyTorch gives its default integer
``int64`` (a boolean tensor plus a Python int) the result here is ``int32``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.compat_utils import as_array, as_operand, finish, is_float_scalar, public
from brainpy_math._src.wrapping import attach_ufunc_methods

__all__ = [
    "abs",
    "absolute",
    "acos",
    "arccos",
    "acosh",
    "arccosh",
    "add",
    "addcdiv",
    "addcmul",
    "angle",
    "asin",
    "arcsin",
    "asinh",
    "atan",
    "arctan",
    "atan2",
    "atanh",
]

_OUT_DOC = (
    "out: optional brainpy ``Array`` or ``Variable`` that receives the result; the call "
    "then returns ``None``."
)

_UNARY_TEMPLATE = """BrainPy implementation of :func:`torch.{torch_name}`.

{summary}

Args:
  input: the input (brainpy ``Array``/``Variable``, JAX or NumPy array, or Python scalar).
  {out_doc}

Returns:
  {returns} A result with ``ndim > 0`` is a brainpy ``Array``; a 0-d result is a JAX scalar.

Note:
  Computed by :func:`jax.numpy.{jnp_name}`. {note}

Examples:
  >>> import brainpy_math as bm
  >>> bm.{name}(bm.Array({example_in}))
  {example_out}
"""

_FLOAT_NOTE = (
    "Integer and boolean inputs give the default float dtype (``float32``; ``float64`` "
    "with ``jax_enable_x64``), as PyTorch gives its default dtype. Values outside the "
    "domain give ``nan``, as in PyTorch."
)


def _unary(
    name: str,
    fun: Callable[[Any], Any],
    *,
    torch_name: str,
    jnp_name: str,
    summary: str,
    returns: str,
    note: str,
    example_in: str,
    example_out: str,
) -> Callable[..., Any]:
    def op(input: Any, *, out: Any = None) -> Any:
        return finish(fun(as_operand(input)), out, name)

    op.__name__ = op.__qualname__ = name
    op.__doc__ = _UNARY_TEMPLATE.format(
        name=name,
        torch_name=torch_name,
        jnp_name=jnp_name,
        summary=summary,
        returns=returns,
        note=note,
        out_doc=_OUT_DOC,
        example_in=example_in,
        example_out=example_out,
    )
    return public(op)


def _abs_doc(alias: str) -> dict[str, str]:
    return dict(
        torch_name=alias,
        jnp_name="abs",
        summary="Computes the absolute value of each element of ``input``.",
        returns="The absolute values; a complex input gives its real magnitude dtype.",
        note=(
            "PyTorch rejects boolean inputs; here a boolean input is returned unchanged. "
            + ("" if alias == "abs" else "Alias of :func:`abs`.")
        ),
        example_in="[-1., 0., 2.5]",
        example_out="Array([1. , 0. , 2.5], dtype=float32)",
    )


abs = _unary("abs", jnp.abs, **_abs_doc("abs"))
absolute = _unary("absolute", jnp.abs, **_abs_doc("absolute"))


def _trig(name: str, torch_name: str, jnp_name: str, what: str, ex_in: str, ex_out: str):
    alias = "" if name == torch_name else f" Alias of :func:`{torch_name}`."
    return _unary(
        name,
        getattr(jnp, jnp_name),
        torch_name=torch_name,
        jnp_name=jnp_name,
        summary=f"Computes the {what} of each element of ``input``.",
        returns=f"The {what} (in radians where it is an angle).",
        note=_FLOAT_NOTE + alias,
        example_in=ex_in,
        example_out=ex_out,
    )


_ACOS = ("[-1., 0., 1.]", "Array([3.1415927, 1.5707964, 0.       ], dtype=float32)")
_ACOSH = ("[1., 2.]", "Array([0.      , 1.316958], dtype=float32)")
_ASIN = ("[-1., 0., 1.]", "Array([-1.5707964,  0.       ,  1.5707964], dtype=float32)")
_ASINH = ("[0., 1.]", "Array([0.        , 0.88137364], dtype=float32)")
_ATAN = ("[0., 1.]", "Array([0.       , 0.7853981], dtype=float32)")
_ATANH = ("[0., 0.5]", "Array([0.        , 0.54930615], dtype=float32)")

acos = _trig("acos", "acos", "arccos", "inverse cosine", *_ACOS)
arccos = _trig("arccos", "acos", "arccos", "inverse cosine", *_ACOS)
acosh = _trig("acosh", "acosh", "arccosh", "inverse hyperbolic cosine", *_ACOSH)
arccosh = _trig("arccosh", "acosh", "arccosh", "inverse hyperbolic cosine", *_ACOSH)
asin = _trig("asin", "asin", "arcsin", "inverse sine", *_ASIN)
arcsin = _trig("arcsin", "asin", "arcsin", "inverse sine", *_ASIN)
asinh = _trig("asinh", "asinh", "arcsinh", "inverse hyperbolic sine", *_ASINH)
atan = _trig("atan", "atan", "arctan", "inverse tangent", *_ATAN)
arctan = _trig("arctan", "atan", "arctan", "inverse tangent", *_ATAN)
atanh = _trig("atanh", "atanh", "arctanh", "inverse hyperbolic tangent", *_ATANH)


@jax.jit
def _real_angle(x: jax.Array) -> jax.Array:
    # PyTorch: pi for negative values, 0 otherwise (also for -0.0), nan stays nan.
    phase = jnp.where(x < 0, jnp.asarray(math.pi, x.dtype), jnp.zeros((), x.dtype))
    return jnp.where(jnp.isnan(x), x, phase)


def _angle(x: Any) -> Any:
    x = as_array(x)
    if jnp.issubdtype(x.dtype, jnp.complexfloating):
        return jnp.angle(x)
    if not jnp.issubdtype(x.dtype, jnp.floating):
        x = x.astype(jnp.result_type(float))
    return _real_angle(x)


angle = _unary(
    "angle",
    _angle,
    torch_name="angle",
    jnp_name="angle",
    summary="Computes the element-wise angle (argument, in radians) of ``input``.",
    returns="The angles in ``(-pi, pi]``, with a real dtype.",
    note=(
        "For complex inputs this is ``jnp.angle``. For real inputs it follows PyTorch: ``pi`` "
        "for negative values, ``0`` otherwise (``-0.0`` included, where ``jnp.angle`` gives "
        "``pi``), ``nan`` for ``nan``. " + _FLOAT_NOTE.split(". Values")[0] + "."
    ),
    example_in="[-2., 0., 3.]",
    example_out="Array([3.1415927, 0.       , 0.       ], dtype=float32)",
)


def _check_scalar(value: Any, argname: str, fname: str, *operands: Any) -> None:
    """PyTorch's rule: an integral result takes no float factor, a real one no complex."""
    dtype = jnp.result_type(*operands)
    v = as_operand(value)
    if jnp.issubdtype(dtype, jnp.integer) or dtype == jnp.bool_:
        if is_float_scalar(v):
            raise TypeError(
                f"{fname}: {argname} must be an integer for integer or boolean inputs (as in "
                f"PyTorch), got {argname}={value!r}; cast the inputs to a float dtype first."
            )
    elif not jnp.issubdtype(dtype, jnp.complexfloating):
        if isinstance(v, complex) or (
            hasattr(v, "dtype") and jnp.issubdtype(v.dtype, jnp.complexfloating)
        ):
            raise TypeError(
                f"{fname}: {argname} must be real for real inputs (as in PyTorch), got "
                f"{argname}={value!r}."
            )


def _is_one(value: Any) -> bool:
    return type(value) is int and value == 1


@public
def add(input: Any, other: Any, *, alpha: Any = 1, out: Any = None) -> Any:
    """BrainPy implementation of :func:`torch.add`.

    Computes ``input + alpha * other`` element-wise, with broadcasting.

    Args:
      input: the first operand.
      other: the operand that is scaled by ``alpha`` and added.
      alpha: the multiplier of ``other`` (keyword only, as in PyTorch).
      out: optional brainpy ``Array`` or ``Variable`` that receives the result; the call then
        returns ``None``.

    Returns:
      The sum, with the promoted dtype of ``input`` and ``other``.

    Raises:
      TypeError: if ``alpha`` is a float while both inputs are integer or boolean, or complex
        while they are real (PyTorch raises for these too).

    Note:
      This replaces the NumPy-style ``add`` in ``brainpy_math`` (no ``dtype``/``where``), as in
      BrainPy 2.3.5. Promotion is JAX's; see the module notes for the 0-d tensor difference.
      PyTorch requires ``input`` to be a tensor; here a Python scalar is accepted.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.add(bm.Array([1., 2.]), bm.Array([10., 20.]), alpha=0.5)
      Array([ 6., 12.], dtype=float32)
    """
    x, y = as_operand(input), as_operand(other)
    _check_scalar(alpha, "alpha", "add", x, y)
    if not _is_one(alpha):
        y = jnp.multiply(as_operand(alpha), y)
    return finish(jnp.add(x, y), out, "add")


# ``bm.add`` replaces NumPy's ``add`` but keeps its ufunc methods (``bm.add.reduce`` …).
attach_ufunc_methods(add, jnp.add, "add")


@public
def addcmul(
    input: Any,
    tensor1: Any,
    tensor2: Any,
    *,
    value: Any = 1,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`torch.addcmul`.

    Computes ``input + value * tensor1 * tensor2`` element-wise, with broadcasting.

    Args:
      input: the tensor that is added to.
      tensor1: the first factor.
      tensor2: the second factor.
      value: the multiplier of ``tensor1 * tensor2`` (keyword only).
      out: optional brainpy ``Array`` or ``Variable`` that receives the result; the call then
        returns ``None``.

    Returns:
      The result, with the promoted dtype of the three inputs.

    Raises:
      TypeError: if ``value`` is a float while all inputs are integer or boolean, or complex
        while they are real.

    Note:
      For integer inputs PyTorch silently truncates a float ``value`` to an integer; here
      that is an error, as it is for ``alpha`` in :func:`torch.add`.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.addcmul(bm.Array([1., 2.]), bm.Array([1., 2.]), bm.Array([3., 4.]), value=0.5)
      Array([2.5, 6. ], dtype=float32)
    """
    x, t1, t2 = as_operand(input), as_operand(tensor1), as_operand(tensor2)
    _check_scalar(value, "value", "addcmul", x, t1, t2)
    if not _is_one(value):
        t1 = jnp.multiply(as_operand(value), t1)
    return finish(jnp.add(x, jnp.multiply(t1, t2)), out, "addcmul")


@public
def addcdiv(
    input: Any,
    tensor1: Any,
    tensor2: Any,
    *,
    value: Any = 1,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`torch.addcdiv`.

    Computes ``input + value * tensor1 / tensor2`` element-wise, with broadcasting.

    Args:
      input: the tensor that is added to.
      tensor1: the numerator.
      tensor2: the denominator.
      value: the multiplier of ``tensor1 / tensor2`` (keyword only).
      out: optional brainpy ``Array`` or ``Variable`` that receives the result; the call then
        returns ``None``.

    Returns:
      The result; the division is a true division, so integer inputs give a float result.

    Raises:
      TypeError: if ``value`` is complex while all inputs are real.

    Note:
      PyTorch raises for integer ``tensor1`` and ``tensor2`` ("integer division with addcdiv
      is no longer supported") and announces true division as the future behaviour; here the
      division is always a true division, as in BrainPy 2.3.5.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.addcdiv(bm.Array([1., 2.]), bm.Array([1., 2.]), bm.Array([4., 4.]), value=2.)
      Array([1.5, 3. ], dtype=float32)
    """
    x, t1, t2 = as_operand(input), as_operand(tensor1), as_operand(tensor2)
    _check_scalar(value, "value", "addcdiv", x, t1, t2, 1.0)
    if not _is_one(value):
        t1 = jnp.multiply(as_operand(value), t1)
    return finish(jnp.add(x, jnp.true_divide(t1, t2)), out, "addcdiv")


@public
def atan2(input: Any, other: Any, *, out: Any = None) -> Any:
    """BrainPy implementation of :func:`torch.atan2`.

    Computes the element-wise arctangent of ``input / other``, choosing the quadrant from the
    signs of both, with broadcasting.

    Args:
      input: the y coordinates.
      other: the x coordinates.
      out: optional brainpy ``Array`` or ``Variable`` that receives the result; the call then
        returns ``None``.

    Returns:
      The angles in ``[-pi, pi]``.

    Note:
      BrainPy 2.3.5's ``atan2`` took a single argument and always failed; this one takes two,
      as PyTorch's does. Integer inputs give the default float dtype.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.atan2(bm.Array([1., -1.]), bm.Array([-1., -1.]))
      Array([ 2.3561945, -2.3561945], dtype=float32)
    """
    return finish(jnp.arctan2(as_operand(input), as_operand(other)), out, "atan2")

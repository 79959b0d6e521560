"""Functions of the NumPy namespace that need more than a plain wrapper.

See :mod:`brainpy_math._src.numpy_ops`, which merges them into the generated namespace.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

import jax.numpy as jnp

from brainpy_math._src.array import Array, _new, unwrap
from brainpy_math._src.public_path import set_module
from brainpy_math._src.wrapping import wrap_inplace, wrap_jax_function, wrap_ufunc

__all__ = ["EXTRAS"]

#: name -> function, merged over the generated namespace.
EXTRAS: dict[str, Any] = {"ndarray": Array}


def _set_public(fun: Callable[..., Any]) -> Callable[..., Any]:
    EXTRAS[fun.__name__] = fun
    return set_module("brainpy_math")(fun)


@_set_public
def asarray(
    a: Any, dtype: Any = None, order: str | None = None, *, copy: bool | None = None
) -> Array:
    """BrainPy implementation of :func:`numpy.asarray`: always returns an :class:`Array`.

    Arrays and Variables may appear inside (nested) lists and tuples.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.asarray([bm.ones(2), bm.zeros(2)])
      Array([[1., 1.],
             [0., 0.]], dtype=float32)
      >>> bm.asarray(3.)
      Array(3., dtype=float32, weak_type=True)
    """
    return _new(jnp.asarray(unwrap(a), dtype=dtype, order=order, copy=copy))


@_set_public
def array(
    object: Any, dtype: Any = None, copy: bool = True, order: str | None = "K", ndmin: int = 0
) -> Array:
    """BrainPy implementation of :func:`numpy.array`: always returns a new :class:`Array`.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.array([1, 2], ndmin=2)
      Array([[1, 2]], dtype=int32)
    """
    return _new(jnp.array(unwrap(object), dtype=dtype, copy=copy, order=order, ndmin=ndmin))


@_set_public
def asanyarray(a: Any, dtype: Any = None, order: str | None = None) -> Array:
    """BrainPy implementation of :func:`numpy.asanyarray` (same as :func:`asarray`).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.asanyarray([1, 2])
      Array([1, 2], dtype=int32)
    """
    return _new(jnp.asarray(unwrap(a), dtype=dtype, order=order))


@_set_public
def ascontiguousarray(a: Any, dtype: Any = None) -> Array:
    """BrainPy implementation of :func:`numpy.ascontiguousarray` (at least 1-D).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.ascontiguousarray([[1, 2], [3, 4]])
      Array([[1, 2],
             [3, 4]], dtype=int32)
      >>> bm.ascontiguousarray(bm.float32(3.)).shape  # at least 1-D
      (1,)
    """
    return _new(jnp.atleast_1d(jnp.asarray(unwrap(a), dtype=dtype)))


@_set_public
def asfarray(a: Any, dtype: Any = None) -> Array:
    """An :class:`Array` of a floating dtype (``numpy.asfarray``, removed in NumPy 2).

    Non-floating inputs and dtypes become the default float type.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.asfarray([1, 2])
      Array([1., 2.], dtype=float32)
    """
    if dtype is None or not jnp.issubdtype(dtype, jnp.inexact):
        dtype = jnp.result_type(float)
    return _new(jnp.asarray(unwrap(a), dtype=dtype))


@_set_public
def copyto(dst: Array, src: Any, casting: str = "same_kind", where: Any = True) -> None:
    """BrainPy implementation of :func:`numpy.copyto`: ``dst`` must be a brainpy Array.

    ``src`` is broadcast to ``dst``'s shape and cast to its dtype (under ``casting``);
    only elements where ``where`` is true are copied.

    Raises:
      TypeError: ``dst`` is not a brainpy Array or Variable, or the cast is not allowed.

    Examples:
      >>> import brainpy_math as bm
      >>> x = bm.zeros(3)
      >>> bm.copyto(x, 2., where=bm.Array([True, False, True]))
      >>> x
      Array([2., 0., 2.], dtype=float32)
    """
    if not isinstance(dst, Array):
        raise TypeError(
            f"copyto: dst must be a brainpy Array or Variable, got {type(dst).__name__}."
        )
    src = jnp.asarray(unwrap(src))
    old = dst.value
    if not jnp.can_cast(src.dtype, old.dtype, casting=casting):
        raise TypeError(
            f"copyto: cannot cast from {src.dtype} to {old.dtype} with casting={casting!r}."
        )
    src = jnp.broadcast_to(src.astype(old.dtype), old.shape)
    dst.value = jnp.where(unwrap(where), src, old)


@_set_public
def fix(x: Any, out: Any = None) -> Any:
    """BrainPy implementation of :func:`numpy.fix`: round towards zero.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.fix(bm.Array([-1.7, 1.7]))
      Array([-1.,  1.], dtype=float32)
    """
    return _trunc(x, out=out)


@_set_public
def row_stack(tup: Any, *, dtype: Any = None) -> Any:
    """Stack arrays row-wise (``numpy.row_stack``, the old name of :func:`numpy.vstack`).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.row_stack([bm.zeros(2), bm.ones(2)])
      Array([[0., 0.],
             [1., 1.]], dtype=float32)
    """
    return _vstack(tup, dtype=dtype)


def _call_unwrapped(fun: Callable[..., Any]) -> Callable[..., Any]:
    # Callables handed to JAX get JAX values back even if they return Arrays.
    def call(*args: Any, **kwargs: Any) -> Any:
        return unwrap(fun(*args, **kwargs))

    return call


@_set_public
def vectorize(
    pyfunc: Callable[..., Any], *, excluded: Any = frozenset(), signature: str | None = None
) -> Any:
    """BrainPy implementation of :func:`numpy.vectorize` (through :func:`jax.numpy.vectorize`).

    The returned function accepts Arrays and returns Arrays.

    Examples:
      >>> import brainpy_math as bm
      >>> f = bm.vectorize(lambda a, b: a + 2 * b)
      >>> f(bm.ones(3), 1.)
      Array([3., 3., 3.], dtype=float32)
    """
    fun = jnp.vectorize(_call_unwrapped(pyfunc), excluded=excluded, signature=signature)
    return wrap_jax_function(fun, getattr(pyfunc, "__name__", "vectorized"), "brainpy_math")


@_set_public
def frompyfunc(func: Callable[..., Any], /, nin: int, nout: int, *, identity: Any = None) -> Any:
    """BrainPy implementation of :func:`numpy.frompyfunc`: a ufunc taking and giving Arrays.

    Examples:
      >>> import brainpy_math as bm
      >>> hypot = bm.frompyfunc(lambda a, b: (a * a + b * b) ** 0.5, nin=2, nout=1)
      >>> hypot(bm.Array([3., 5.]), bm.Array([4., 12.]))
      Array([ 5., 13.], dtype=float32)
      >>> hypot.reduce(bm.Array([3., 4., 12.]))  # a ufunc: reduce, accumulate, outer...
      Array(13., dtype=float32)
    """
    ufunc = jnp.frompyfunc(_call_unwrapped(func), nin, nout, identity=identity)
    return wrap_ufunc(ufunc, getattr(func, "__name__", "ufunc"), "brainpy_math")


_clip = wrap_jax_function(jnp.clip, "clip")
_reshape = wrap_jax_function(jnp.reshape, "reshape")


def _one_of(old: Any, new: Any, old_name: str, new_name: str, who: str) -> Any:
    """The value given under NumPy 1's name ``old_name`` or NumPy 2's ``new_name``."""
    if old is not None and new is not None:
        raise TypeError(f"{who}: give {new_name} or its NumPy 1 name {old_name}, not both.")
    return new if old is None else old


@_set_public
def clip(
    a: Any = None,
    a_min: Any = None,
    a_max: Any = None,
    out: Any = None,
    *,
    min: Any = None,
    max: Any = None,
    arr: Any = None,
) -> Any:
    """BrainPy implementation of :func:`numpy.clip`: limit the values to ``[a_min, a_max]``.

    Takes NumPy 1's (and BrainPy 2.3.5's) ``a``, ``a_min``, ``a_max`` as well as NumPy 2's
    (and ``jax.numpy``'s) ``min``, ``max`` and ``arr``.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.clip(bm.arange(5), a_min=1, a_max=3)
      Array([1, 1, 2, 3, 3], dtype=int32)
      >>> bm.clip(bm.arange(5), max=2)
      Array([0, 1, 2, 2, 2], dtype=int32)
    """
    a = _one_of(a, arr, "a", "arr", "clip")
    lo = _one_of(a_min, min, "a_min", "min", "clip")
    hi = _one_of(a_max, max, "a_max", "max", "clip")
    return _clip(a, lo, hi, out=out)


@_set_public
def reshape(
    a: Any,
    newshape: Any = None,
    order: str = "C",
    *,
    shape: Any = None,
    copy: bool | None = None,
    out: Any = None,
) -> Any:
    """BrainPy implementation of :func:`numpy.reshape` (``newshape``, 2.3.5's name, or ``shape``).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.reshape(bm.arange(4), newshape=(2, 2))
      Array([[0, 1],
             [2, 3]], dtype=int32)
    """
    shape = _one_of(newshape, shape, "newshape", "shape", "reshape")
    if shape is None:
        raise TypeError("reshape: the new shape (newshape or shape) is missing.")
    return _reshape(a, shape, order, copy=copy, out=out)


def _with_interpolation(name: str) -> Callable[..., Any]:
    """``name`` of :mod:`jax.numpy` that also takes NumPy 1's ``interpolation=`` (2.3.5's)."""
    base = wrap_jax_function(getattr(jnp, name), name)

    def fun(
        a: Any,
        q: Any,
        axis: Any = None,
        out: Any = None,
        overwrite_input: bool = False,
        method: str = "linear",
        keepdims: bool = False,
        *,
        interpolation: str | None = None,
        weights: Any = None,
    ) -> Any:
        if interpolation is not None:
            if method != "linear" and method != interpolation:
                raise TypeError(
                    f"{name}: give method or its NumPy 1 name interpolation, not both "
                    f"(got method={method!r}, interpolation={interpolation!r})."
                )
            method = interpolation
        options = {} if weights is None else {"weights": weights}
        if isinstance(q, (list, tuple)):  # NumPy takes a list of quantiles
            q = jnp.asarray(unwrap(q))
        return base(
            a,
            q,
            axis=axis,
            overwrite_input=overwrite_input,
            method=method,
            keepdims=keepdims,
            out=out,
            **options,
        )

    fun.__name__ = fun.__qualname__ = name
    fun.__doc__ = (
        f"BrainPy implementation of :func:`numpy.{name}` (through :func:`jax.numpy.{name}`); "
        "NumPy 1's ``interpolation=`` (BrainPy 2.3.5's) is another name for ``method=``."
    )
    return _set_public(fun)


for _name in ("percentile", "nanpercentile", "quantile", "nanquantile"):
    _with_interpolation(_name)

_QUANTILE_EXAMPLES = {
    "percentile": """
      >>> import brainpy_math as bm
      >>> bm.percentile(bm.arange(5.), 50)
      Array(2., dtype=float32)
      >>> bm.percentile(bm.arange(5.), 30, interpolation='lower')  # NumPy 1's method=
      Array(1., dtype=float32)
    """,
    "nanpercentile": """
      >>> import brainpy_math as bm
      >>> bm.nanpercentile(bm.Array([1., bm.nan, 3.]), [0, 100])  # NaNs are ignored
      Array([1., 3.], dtype=float32)
    """,
    "quantile": """
      >>> import brainpy_math as bm
      >>> bm.quantile(bm.Array([[1., 2.], [3., 4.]]), 0.5, axis=0)
      Array([2., 3.], dtype=float32)
    """,
    "nanquantile": """
      >>> import brainpy_math as bm
      >>> bm.nanquantile(bm.Array([1., bm.nan, 3.]), 0.5)
      Array(2., dtype=float32)
    """,
}
for _name, _text in _QUANTILE_EXAMPLES.items():
    _example = textwrap.indent(textwrap.dedent(_text).strip(), "  ")
    EXTRAS[_name].__doc__ += f"\n\nExamples:\n{_example}\n"

_trunc = wrap_jax_function(jnp.trunc, "trunc")
_vstack = wrap_jax_function(jnp.vstack, "vstack")

_INPLACE_EXAMPLES = {
    "put": """
      >>> import brainpy_math as bm
      >>> a = bm.zeros(4)
      >>> bm.put(a, bm.Array([0, 2]), bm.Array([5., 7.]))
      >>> a
      Array([5., 0., 7., 0.], dtype=float32)
      >>> bm.put(bm.zeros(3), 1, 9., inplace=False)
      Array([0., 9., 0.], dtype=float32)
    """,
    "place": """
      >>> import brainpy_math as bm
      >>> a = bm.zeros(4)
      >>> bm.place(a, bm.Array([True, False, True, False]), bm.Array([1., 2.]))
      >>> a
      Array([1., 0., 2., 0.], dtype=float32)
    """,
    "put_along_axis": """
      >>> import brainpy_math as bm
      >>> a = bm.zeros((2, 3))
      >>> bm.put_along_axis(a, bm.Array([[2], [0]]), 1., axis=1)
      >>> a
      Array([[0., 0., 1.],
             [1., 0., 0.]], dtype=float32)
    """,
    "fill_diagonal": """
      >>> import brainpy_math as bm
      >>> a = bm.zeros((3, 3))
      >>> bm.fill_diagonal(a, 2.)
      >>> a
      Array([[2., 0., 0.],
             [0., 2., 0.],
             [0., 0., 2.]], dtype=float32)
    """,
}
for _name in ("put", "place", "put_along_axis", "fill_diagonal"):
    EXTRAS[_name] = wrap_inplace(getattr(jnp, _name), _name)
    _example = textwrap.indent(textwrap.dedent(_INPLACE_EXAMPLES[_name]).strip(), "  ")
    EXTRAS[_name].__doc__ += f"\n\nExamples:\n{_example}\n"

# ``__module__`` is the public one, so pytest's doctest finder needs to be told.
__test__ = {
    n: f for n, f in EXTRAS.items() if not isinstance(f, type) and ">>>" in (f.__doc__ or "")
}


# jax.numpy takes ``weights`` before ``density``; NumPy (and BrainPy 2.3.5) the other way round,
# so a call passing ``density`` positionally would land on ``weights``.
_histogram = wrap_jax_function(jnp.histogram, "histogram")
_histogram2d = wrap_jax_function(jnp.histogram2d, "histogram2d")
_histogramdd = wrap_jax_function(jnp.histogramdd, "histogramdd")


def _float_counts(result: Any) -> Any:
    """``result`` with its counts as floats of the default width, as NumPy's are floats.

    jax.numpy counts without weights in integers; NumPy's histogram2d/histogramdd return
    float64 whatever the weights. Complex weights keep complex counts.
    """
    counts = result[0]
    if jnp.issubdtype(counts.dtype, jnp.complexfloating):
        return result
    return (counts.astype(jnp.result_type(float)), *result[1:])


@_set_public
def histogram(
    a: Any, bins: Any = 10, range: Any = None, density: bool | None = None, weights: Any = None
) -> Any:
    """BrainPy implementation of :func:`numpy.histogram`, in NumPy's parameter order.

    Examples:
      >>> import brainpy_math as bm
      >>> counts, edges = bm.histogram(bm.array([0., 1., 1., 3.]), 3, (0., 3.), True)
      >>> counts
      Array([0.25, 0.5 , 0.25], dtype=float32)
    """
    return _histogram(a, bins=bins, range=range, weights=weights, density=density)


@_set_public
def histogram2d(
    x: Any,
    y: Any,
    bins: Any = 10,
    range: Any = None,
    density: bool | None = None,
    weights: Any = None,
) -> Any:
    """BrainPy implementation of :func:`numpy.histogram2d`, in NumPy's parameter order.

    Note:
      The counts are floats, as NumPy's are, but of the default float width: float32
      (float64 once x64 is enabled) where NumPy gives float64. The edges keep the float
      dtype of the data (float32 unless x64 is enabled) where NumPy's are float64.

    Examples:
      >>> import brainpy_math as bm
      >>> counts, x_edges, y_edges = bm.histogram2d(bm.array([0., 1.]), bm.array([0., 1.]), 2)
      >>> counts
      Array([[1., 0.],
             [0., 1.]], dtype=float32)
    """
    result = _histogram2d(x, y, bins=bins, range=range, weights=weights, density=density)
    return _float_counts(result)


@_set_public
def histogramdd(
    sample: Any, bins: Any = 10, range: Any = None, density: bool | None = None, weights: Any = None
) -> Any:
    """BrainPy implementation of :func:`numpy.histogramdd`, in NumPy's parameter order.

    Note:
      The counts are floats, as NumPy's are, but of the default float width: float32
      (float64 once x64 is enabled) where NumPy gives float64. The edges keep the float
      dtype of the data (float32 unless x64 is enabled) where NumPy's are float64.

    Examples:
      >>> import brainpy_math as bm
      >>> counts, edges = bm.histogramdd(bm.array([[0., 0.], [1., 1.]]), 2, density=True)
      >>> counts
      Array([[2., 0.],
             [0., 2.]], dtype=float32)
    """
    result = _histogramdd(sample, bins=bins, range=range, weights=weights, density=density)
    return _float_counts(result)

"""NumPy names of BrainPy 2.3.5's namespace that current JAX (or NumPy 2) no longer has.

``in1d``, ``trapz``, ``product``, ``cumproduct``, ``round_``, ``sometrue``, ``alltrue``,
``msort``, ``asscalar``, the matrix constructors and a few NumPy utilities (``savetxt``,
``loadtxt``, ``typename`` …) keep working for 2.3.5 scripts. Each follows the NumPy function of
the same name; aliases (``product`` of ``prod`` …) are the very same functions.
"""

from __future__ import annotations

import ast
import importlib
import sys
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy_math._src.array import Array, _new, _return, unwrap
from brainpy_math._src.numpy_ops import all as _all
from brainpy_math._src.numpy_ops import any as _any
from brainpy_math._src.numpy_ops import cumprod, prod, round
from brainpy_math._src.public_path import set_module

__all__ = [
    "add_docstring",
    "add_newdoc",
    "add_newdoc_ufunc",
    "alltrue",
    "array2string",
    "asmatrix",
    "asscalar",
    "common_type",
    "cumproduct",
    "disp",
    "genfromtxt",
    "in1d",
    "info",
    "issubclass_",
    "issubsctype",
    "loadtxt",
    "mat",
    "matrix",
    "msort",
    "product",
    "putmask",
    "round_",
    "safe_eval",
    "savetxt",
    "savez_compressed",
    "sometrue",
    "trapz",
    "typename",
]

#: NumPy 1 aliases that NumPy 2 and JAX removed: the same functions as their targets.
product = prod
cumproduct = cumprod
round_ = round
sometrue = _any
alltrue = _all


def _np(x: Any) -> np.ndarray:
    return np.asarray(unwrap(x))


def in1d(
    ar1: Any, ar2: Any, assume_unique: bool = False, invert: bool = False, *, kind: Any = None
) -> Array:
    """Whether each element of flattened ``ar1`` is in ``ar2`` (:func:`numpy.in1d`).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.in1d(bm.asarray([[1, 2], [3, 4]]), [2, 4])
      Array([False,  True, False,  True], dtype=bool)
    """
    flat = jnp.ravel(jnp.asarray(unwrap(ar1)))
    test = jnp.asarray(unwrap(ar2))
    return _new(jnp.isin(flat, test, assume_unique=assume_unique, invert=invert, method="auto"))


def putmask(a: Array, mask: Any, values: Any) -> None:
    """Set ``a[mask] = values`` in place, repeating ``values`` cyclically (:func:`numpy.putmask`).

    Args:
      a: an :class:`~brainpy_math.Array` (JAX arrays are immutable).
      mask: a boolean array of ``a``'s shape.
      values: the values; the ``i``-th element of ``a`` (flat order) gets
        ``values.flat[i % values.size]``.

    Examples:
      >>> import brainpy_math as bm
      >>> x = bm.arange(6)
      >>> bm.putmask(x, x > 2, bm.asarray([-1, -2]))
      >>> x
      Array([ 0,  1,  2, -2, -1, -2], dtype=int32)
    """
    if not isinstance(a, Array):
        raise TypeError(
            f"putmask: a must be a brainpy_math.Array (updated in place), got {type(a).__name__}."
        )
    arr = a.value
    mask_arr = jnp.asarray(unwrap(mask))
    if mask_arr.shape != arr.shape:
        raise ValueError(
            f"putmask: mask must have the shape of a {arr.shape}, got {mask_arr.shape}."
        )
    vals = jnp.ravel(jnp.asarray(unwrap(values), dtype=arr.dtype))
    if vals.size == 0:
        return
    cyc = vals[jnp.arange(arr.size) % vals.size]
    a.value = jnp.where(mask_arr.ravel(), cyc, arr.ravel()).reshape(arr.shape)


def trapz(y: Any, x: Any = None, dx: float = 1.0, axis: int = -1) -> Any:
    """Integrate ``y`` along ``axis`` with the trapezoidal rule (:func:`numpy.trapz`).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.trapz(bm.asarray([1., 2., 3.])).item()
      4.0
    """
    x = None if x is None else jnp.asarray(unwrap(x))
    return _return(jnp.trapezoid(jnp.asarray(unwrap(y)), x=x, dx=dx, axis=axis))


def msort(a: Any) -> Array:
    """A copy of ``a`` sorted along its first axis (:func:`numpy.msort`).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.msort(bm.Array([[3, 1], [1, 2]]))
      Array([[1, 1],
             [3, 2]], dtype=int32)
    """
    return _new(jnp.sort(jnp.asarray(unwrap(a)), axis=0))


def asscalar(a: Any) -> Any:
    """The single element of ``a`` as a Python scalar (``a.item()``).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.asscalar(bm.Array([2.5]))
      2.5
    """
    return jnp.asarray(unwrap(a)).item()


def matrix(data: Any, dtype: Any = None) -> Array:
    """``data`` as a 2-D :class:`~brainpy_math.Array` (an array, not a ``numpy.matrix``).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.matrix([1, 2])
      Array([[1, 2]], dtype=int32)
    """
    arr = jnp.asarray(unwrap(data), dtype=dtype)
    if arr.ndim > 2:
        raise ValueError(f"matrix: data must have at most 2 dimensions, got shape {arr.shape}.")
    return _new(jnp.atleast_2d(arr))


asmatrix = matrix
mat = matrix


def common_type(*arrays: Any) -> type:
    """The inexact scalar type common to ``arrays`` (:func:`numpy.common_type`), JAX-canonical.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.common_type(bm.arange(2), bm.ones(2, dtype=bm.float16))
      <class 'numpy.float32'>
    """
    dtypes = [np.empty(0, dtype=jnp.asarray(unwrap(a)).dtype) for a in arrays]
    return jax.dtypes.canonicalize_dtype(np.common_type(*dtypes)).type


def issubclass_(arg1: Any, arg2: Any) -> bool:
    """``issubclass(arg1, arg2)``, but ``False`` instead of a ``TypeError``.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.issubclass_(bm.Variable, bm.Array), bm.issubclass_(1, bm.Array)
      (True, False)
    """
    try:
        return issubclass(arg1, arg2)
    except TypeError:
        return False


def _scalar_type(x: Any) -> type:
    if isinstance(x, (Array, jax.Array, np.ndarray)):
        return np.dtype(x.dtype).type
    if isinstance(x, type) and issubclass(x, np.generic):
        return x  # abstract types such as np.floating are kept as they are
    return np.dtype(x).type


def issubsctype(arg1: Any, arg2: Any) -> bool:
    """Whether the scalar type of ``arg1`` is a subclass of that of ``arg2``.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.issubsctype(bm.float32, bm.floating), bm.issubsctype(bm.zeros(1), bm.integer)
      (True, False)
    """
    return issubclass(_scalar_type(arg1), _scalar_type(arg2))


def safe_eval(source: str) -> Any:
    """Evaluate a Python literal safely (:func:`ast.literal_eval`).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.safe_eval('[1, 2.5]')
      [1, 2.5]
    """
    return ast.literal_eval(source)


def typename(char: str) -> str:
    """The description of a NumPy type code (:func:`numpy.typename`).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.typename('d')
      'double precision'
    """
    return np.typename(char)


def info(object: Any = None, maxwidth: int = 76, output: Any = None, toplevel: str = "numpy"):
    """Print help about ``object`` (:func:`numpy.info`); Arrays show as NumPy arrays.

    Examples:
      >>> import io
      >>> import brainpy_math as bm
      >>> out = io.StringIO()
      >>> bm.info(bm.zeros((2, 3)), output=out)
      >>> 'shape:  (2, 3)' in out.getvalue()
      True
    """
    if isinstance(object, Array):
        object = np.asarray(object.value)
    return np.info(object, maxwidth=maxwidth, output=output, toplevel=toplevel)


def disp(mesg: Any, device: Any = None, linefeed: bool = True) -> None:
    """Write ``mesg`` to ``device`` (``sys.stdout`` by default), with a newline if asked.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.disp('spikes: 3')
      spikes: 3
    """
    stream = sys.stdout if device is None else device
    stream.write(f"{mesg}\n" if linefeed else f"{mesg}")
    stream.flush()


def array2string(
    a: Any,
    max_line_width: int | None = None,
    precision: int | None = None,
    suppress_small: bool | None = None,
    separator: str = " ",
    prefix: str = "",
    style: Any = None,
    formatter: Any = None,
    threshold: int | None = None,
    edgeitems: int | None = None,
    sign: str | None = None,
    floatmode: str | None = None,
    suffix: str = "",
    legacy: Any = None,
) -> str:
    """:func:`numpy.array2string` of ``a`` (``style`` was removed by NumPy and is ignored).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.array2string(bm.Array([1., 2.5]), separator=', ')
      '[1. , 2.5]'
    """
    del style
    return np.array2string(
        _np(a),
        max_line_width,
        precision,
        suppress_small,
        separator,
        prefix,
        formatter=formatter,
        threshold=threshold,
        edgeitems=edgeitems,
        sign=sign,
        floatmode=floatmode,
        suffix=suffix,
        legacy=legacy,
    )


def savetxt(
    fname: Any,
    X: Any,
    fmt: Any = "%.18e",
    delimiter: str = " ",
    newline: str = "\n",
    header: str = "",
    footer: str = "",
    comments: str = "# ",
    encoding: str | None = None,
) -> None:
    r"""Save a 1-D or 2-D array to a text file (:func:`numpy.savetxt`).

    Examples:
      >>> import io
      >>> import brainpy_math as bm
      >>> f = io.StringIO()
      >>> bm.savetxt(f, bm.Array([[1., 2.], [3., 4.]]), fmt='%.1f')
      >>> f.getvalue()
      '1.0 2.0\n3.0 4.0\n'
    """
    np.savetxt(fname, _np(X), fmt, delimiter, newline, header, footer, comments, encoding)


def loadtxt(*args: Any, **kwargs: Any) -> Array:
    r"""Load an array from a text file (:func:`numpy.loadtxt`), as an Array.

    Examples:
      >>> import io
      >>> import brainpy_math as bm
      >>> bm.loadtxt(io.StringIO('1 2\n3 4'))
      Array([[1., 2.],
             [3., 4.]], dtype=float32)
    """
    return _new(jnp.asarray(np.loadtxt(*args, **kwargs)))


def genfromtxt(*args: Any, **kwargs: Any) -> Array:
    r"""Load an array from a text file with missing values (:func:`numpy.genfromtxt`).

    Examples:
      >>> import io
      >>> import brainpy_math as bm
      >>> bm.genfromtxt(io.StringIO('1,2\n3,'), delimiter=',')  # a missing value is nan
      Array([[ 1.,  2.],
             [ 3., nan]], dtype=float32)
    """
    return _new(jnp.asarray(np.genfromtxt(*args, **kwargs)))


def savez_compressed(file: Any, *args: Any, **kwds: Any) -> None:
    """Save arrays into one compressed ``.npz`` file (:func:`numpy.savez_compressed`).

    Examples:
      >>> import io
      >>> import numpy as np
      >>> import brainpy_math as bm
      >>> f = io.BytesIO()
      >>> bm.savez_compressed(f, w=bm.ones(2))
      >>> _ = f.seek(0)
      >>> np.load(f)['w']
      array([1., 1.], dtype=float32)
    """
    np.savez_compressed(file, *[_np(a) for a in args], **{k: _np(v) for k, v in kwds.items()})


def add_docstring(obj: Any, docstring: str) -> None:
    """Set the docstring of ``obj`` (a function or class; NumPy's C-level helper).

    Examples:
      >>> import brainpy_math as bm
      >>> def rate(spikes):
      ...     return spikes.mean()
      >>> bm.add_docstring(rate, 'The mean firing rate.')
      >>> rate.__doc__
      'The mean firing rate.'
    """
    try:
        obj.__doc__ = docstring
    except (AttributeError, TypeError) as err:
        raise TypeError(f"add_docstring: cannot set the docstring of {obj!r}.") from err


def add_newdoc(place: str, obj: Any, doc: Any, warn_on_python: bool = True) -> None:
    """Set the docstring of ``place.obj`` (``doc`` a string; tuples for methods are ignored).

    Examples:
      >>> import types, sys
      >>> import brainpy_math as bm
      >>> mod = types.ModuleType('my_models')
      >>> mod.rate = lambda spikes: spikes.mean()
      >>> sys.modules['my_models'] = mod
      >>> bm.add_newdoc('my_models', 'rate', '  The mean firing rate.  ')
      >>> mod.rate.__doc__
      'The mean firing rate.'
      >>> del sys.modules['my_models']
    """
    del warn_on_python
    if not isinstance(doc, str):
        return
    target = getattr(importlib.import_module(place), obj)
    add_docstring(target, doc.strip())


def add_newdoc_ufunc(ufunc: Any, new_docstring: str) -> None:
    """Set the docstring of a ufunc-like callable.

    Examples:
      >>> import brainpy_math as bm
      >>> double = bm.frompyfunc(lambda x: 2 * x, nin=1, nout=1)
      >>> bm.add_newdoc_ufunc(double, 'Twice the input.')
      >>> double.__doc__
      'Twice the input.'
    """
    add_docstring(ufunc, new_docstring)


set_module(
    "brainpy_math",
    in1d,
    putmask,
    trapz,
    msort,
    asscalar,
    matrix,
    common_type,
    issubclass_,
    issubsctype,
    safe_eval,
    typename,
    info,
    disp,
    array2string,
    savetxt,
    loadtxt,
    genfromtxt,
    savez_compressed,
    add_docstring,
    add_newdoc,
    add_newdoc_ufunc,
)

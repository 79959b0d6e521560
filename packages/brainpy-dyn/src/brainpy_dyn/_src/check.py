"""Argument checks for model code: types, numbers, shapes, and errors raised from compiled code.

Each ``is_*`` function returns the checked value (so it can be used inline) or raises an
error that names the argument, what was expected and what came: :class:`TypeError` for a
wrong kind of value, :class:`ValueError` for a value out of range. ``allow_none`` lets
``None`` through unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

import brainpy_math as bm

__all__ = [
    "is_checking",
    "turn_on",
    "turn_off",
    "is_shape_consistency",
    "is_shape_broadcastable",
    "check_shape_except_batch",
    "check_shape",
    "is_dict_data",
    "is_callable",
    "is_initializer",
    "is_connector",
    "is_float",
    "is_integer",
    "is_string",
    "is_sequence",
    "is_instance",
    "is_subclass",
    "is_elem_or_seq_or_dict",
    "is_all_vars",
    "is_all_objs",
    "serialize_kwargs",
    "jit_error_checking",
]

_CHECKING = [True]


def is_checking() -> bool:
    """Whether the optional checks of model code are on (they are by default).

    Examples:
      >>> from brainpy_dyn import check
      >>> check.is_checking()
      True
    """
    return _CHECKING[0]


def turn_on() -> None:
    """Turn the optional checks on.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.turn_off(); check.is_checking()
      False
      >>> check.turn_on(); check.is_checking()
      True
    """
    _CHECKING[0] = True


def turn_off() -> None:
    """Turn the optional checks off (models skip checks that cost time).

    Examples:
      >>> from brainpy_dyn import check
      >>> check.turn_off()
      >>> check.is_checking()
      False
      >>> check.turn_on()  # back to the default
    """
    _CHECKING[0] = False


def _label(name: str | None, default: str = "value") -> str:
    return repr(name) if name else default


# ------------------------------------------------------------------------------ shapes


def _as_shapes(shapes: Any, fn: str) -> list[tuple[int, ...]]:
    if not isinstance(shapes, (list, tuple)) or not shapes:
        raise TypeError(f"{fn}: shapes must be a non-empty sequence of shapes, got {shapes!r}.")
    out = []
    for s in shapes:
        s = (s,) if isinstance(s, (int, np.integer)) else s
        if not isinstance(s, (list, tuple)) or not all(isinstance(d, (int, np.integer)) for d in s):
            raise TypeError(f"{fn}: each shape must be a tuple of ints, got {s!r}.")
        out.append(tuple(int(d) for d in s))
    return out


def _free_axes(free_axes: Any, ndim: int, fn: str) -> list[int]:
    if free_axes is None:
        return []
    axes = [free_axes] if isinstance(free_axes, (int, np.integer)) else list(free_axes)
    out = []
    for a in axes:
        if not -ndim <= a < ndim:
            raise ValueError(
                f"{fn}: free axis {a} is out of range for shapes of {ndim} dimensions."
            )
        out.append(int(a) % ndim)
    return out


def is_shape_consistency(shapes, free_axes=None, return_format_shapes=False):
    """Check that the shapes have one rank and agree on every axis except ``free_axes``.

    Args:
      shapes: a sequence of shapes.
      free_axes: the axes (an int or ints, negative counts from the end) that may differ.
      return_format_shapes: also return the shapes as tuples.

    Returns:
      ``None``, or the list of shapes when ``return_format_shapes``.

    Raises:
      ValueError: ranks that differ, or a fixed axis on which the shapes differ.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.is_shape_consistency([(2, 3), (2, 5)], free_axes=-1)
      >>> check.is_shape_consistency([(2, 3), (4, 3)], free_axes=1)
      Traceback (most recent call last):
      ...
      ValueError: is_shape_consistency: shapes differ on axis 0 (not free): [(2, 3), (4, 3)].
    """
    fn = "is_shape_consistency"
    shapes = _as_shapes(shapes, fn)
    ranks = {len(s) for s in shapes}
    if len(ranks) != 1:
        raise ValueError(f"{fn}: shapes must have one number of dimensions, got {shapes}.")
    ndim = ranks.pop()
    free = _free_axes(free_axes, ndim, fn)
    for axis in range(ndim):
        if axis not in free and len({s[axis] for s in shapes}) != 1:
            raise ValueError(f"{fn}: shapes differ on axis {axis} (not free): {shapes}.")
    return shapes if return_format_shapes else None


def is_shape_broadcastable(shapes, free_axes=(), return_format_shapes=False):
    """Check that the shapes broadcast together (NumPy rules) outside ``free_axes``.

    Shapes of lower rank are padded with leading ones first; ``free_axes`` index the padded
    shapes.

    Args:
      shapes: a sequence of shapes.
      free_axes: axes left unchecked.
      return_format_shapes: also return the padded shapes.

    Returns:
      The broadcast shape, or ``(broadcast_shape, padded_shapes)`` when
      ``return_format_shapes`` (free axes of the broadcast shape are ``None``).

    Raises:
      ValueError: shapes that do not broadcast.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.is_shape_broadcastable([(3, 1), (4,)])
      (3, 4)
    """
    fn = "is_shape_broadcastable"
    shapes = _as_shapes(shapes, fn)
    ndim = max(len(s) for s in shapes)
    padded = [(1,) * (ndim - len(s)) + s for s in shapes]
    free = _free_axes(free_axes, ndim, fn) if ndim else []
    result: list[int | None] = []
    for axis in range(ndim):
        if axis in free:
            result.append(None)
            continue
        sizes = {s[axis] for s in padded} - {1}
        if len(sizes) > 1:
            raise ValueError(
                f"{fn}: shapes do not broadcast on axis {axis} (sizes {sorted(sizes)}): {shapes}."
            )
        result.append(sizes.pop() if sizes else 1)
    out = tuple(result)
    return (out, padded) if return_format_shapes else out


def check_shape_except_batch(shape1, shape2, batch_idx=0, mode="raise"):
    """Whether two shapes agree on every axis except the batch axis ``batch_idx``.

    Args:
      shape1: a shape.
      shape2: another shape.
      batch_idx: the batch axis (ignored in the comparison).
      mode: ``'raise'`` (raise on a mismatch), ``'bool'`` (return the answer).

    Returns:
      ``True`` / ``False`` in ``'bool'`` mode; ``None`` in ``'raise'`` mode.

    Raises:
      ValueError: the shapes differ (in ``'raise'`` mode), or an unknown ``mode``.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.check_shape_except_batch((8, 3), (2, 3), mode='bool')
      True
    """
    fn = "check_shape_except_batch"
    if mode not in ("raise", "bool"):
        raise ValueError(f"{fn}: mode must be 'raise' or 'bool', got {mode!r}.")
    s1, s2 = _as_shapes([shape1, shape2], fn)
    same = len(s1) == len(s2)
    if same:
        b = batch_idx % len(s1) if s1 else 0
        same = all(d1 == d2 for i, (d1, d2) in enumerate(zip(s1, s2)) if i != b)
    if mode == "bool":
        return same
    if not same:
        raise ValueError(
            f"{fn}: shapes {s1} and {s2} must agree except on the batch axis {batch_idx}."
        )
    return None


def check_shape(all_shapes, free_axes: Sequence[int] | int = -1):
    """Split shapes into free axes (may differ) and fixed axes (must broadcast together).

    Shapes of lower rank are padded with leading ones.

    Args:
      all_shapes: a sequence of shapes.
      free_axes: the free axes (negative counts from the end of the padded shapes).

    Returns:
      ``(free_shapes, fixed_shape)``: for every shape the list of its sizes on the free
      axes, and the broadcast sizes of the fixed axes.

    Raises:
      ValueError: a fixed axis on which the shapes do not broadcast.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.check_shape([(10, 3), (1, 5)], free_axes=-1)
      ([[3], [5]], [10])
    """
    fn = "check_shape"
    shapes = _as_shapes(all_shapes, fn)
    ndim = max(len(s) for s in shapes)
    padded = [(1,) * (ndim - len(s)) + s for s in shapes]
    free = _free_axes(free_axes, ndim, fn)
    free_shapes = [[s[a] for a in free] for s in padded]
    fixed = []
    for axis in range(ndim):
        if axis in free:
            continue
        sizes = {s[axis] for s in padded} - {1}
        if len(sizes) > 1:
            raise ValueError(
                f"{fn}: shapes do not broadcast on the fixed axis {axis} "
                f"(sizes {sorted(sizes)}): {shapes}."
            )
        fixed.append(sizes.pop() if sizes else 1)
    return free_shapes, fixed


# ------------------------------------------------------------------------------ values


def is_dict_data(
    a_dict: dict,
    key_type: type | tuple[type, ...] | None = None,
    val_type: type | tuple[type, ...] | None = None,
    name: str | None = None,
    allow_none: bool = True,
) -> dict | None:
    """Check a dict and the types of its keys and values; return it.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.is_dict_data({'a': 1.}, key_type=str, val_type=float)
      {'a': 1.0}
    """
    label = _label(name, "the dict")
    if a_dict is None and allow_none:
        return None
    if not isinstance(a_dict, dict):
        raise TypeError(f"{label} must be a dict, got {type(a_dict).__name__}.")
    for key, val in a_dict.items():
        if key_type is not None and not isinstance(key, key_type):
            raise TypeError(
                f"{label}: keys must be {key_type}, got {type(key).__name__} ({key!r})."
            )
        if val_type is not None and not isinstance(val, val_type):
            raise TypeError(
                f"{label}: values must be {val_type}, got {type(val).__name__} for key {key!r}."
            )
    return a_dict


def is_callable(fun: Callable, name: str | None = None, allow_none: bool = False):
    """Check that ``fun`` is callable; return it.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.is_callable(abs) is abs
      True
    """
    if fun is None and allow_none:
        return None
    if not callable(fun):
        raise TypeError(f"{_label(name)} must be callable, got {type(fun).__name__}.")
    return fun


def is_initializer(initializer: Any, name: str | None = None, allow_none: bool = False):
    """Check an initializer (an Initializer, a callable, an array or a number); return it.

    Examples:
      >>> import brainpy_dyn as bd
      >>> from brainpy_dyn import check
      >>> init = bd.init.Normal()
      >>> check.is_initializer(init) is init
      True
    """
    if initializer is None:
        if allow_none:
            return None
        raise ValueError(f"{_label(name, 'initializer')} must be given, got None.")
    ok = (
        callable(initializer)
        or isinstance(initializer, (bm.Array, jax.Array, np.ndarray, np.number))
        or (isinstance(initializer, (int, float)) and not isinstance(initializer, bool))
    )
    if not ok:
        raise TypeError(
            f"{_label(name, 'initializer')} must be an Initializer, a callable f(shape), an "
            f"array or a number, got {type(initializer).__name__}."
        )
    return initializer


def is_connector(connector: Any, name: str | None = None, allow_none: bool = False):
    """Check a connection (a Connector, a connection matrix or a callable); return it.

    Examples:
      >>> import brainpy_dyn as bd
      >>> from brainpy_dyn import check
      >>> conn = bd.conn.All2All()
      >>> check.is_connector(conn) is conn
      True
    """
    from brainpy_dyn.conn import Connector

    if connector is None:
        if allow_none:
            return None
        raise ValueError(f"{_label(name, 'connector')} must be given, got None.")
    if not (
        isinstance(connector, (Connector, bm.Array, jax.Array, np.ndarray)) or callable(connector)
    ):
        raise TypeError(
            f"{_label(name, 'connector')} must be a Connector, a connection matrix or a "
            f"callable, got {type(connector).__name__}."
        )
    return connector


def _bounds(value, label, min_bound, max_bound):
    if min_bound is not None and value < min_bound:
        raise ValueError(f"{label} must be >= {min_bound}, got {value!r}.")
    if max_bound is not None and value > max_bound:
        raise ValueError(f"{label} must be <= {max_bound}, got {value!r}.")


def is_float(
    value: float,
    name: str | None = None,
    min_bound: float | None = None,
    max_bound: float | None = None,
    allow_none: bool = False,
    allow_int: bool = True,
) -> float:
    """Check a real number (an int too when ``allow_int``) within the bounds; return it.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.is_float(0.5, 'p', min_bound=0., max_bound=1.)
      0.5
      >>> check.is_float(2., 'p', max_bound=1.)
      Traceback (most recent call last):
      ...
      ValueError: 'p' must be <= 1.0, got 2.0.
    """
    label = _label(name)
    if value is None and allow_none:
        return value
    kinds: tuple[type, ...] = (float, np.floating) + ((int, np.integer) if allow_int else ())
    scalar_array = isinstance(value, (jax.Array, bm.Array, np.ndarray)) and np.ndim(value) == 0
    if scalar_array:
        dtype = bm.as_jax(value).dtype
        ok = jnp.issubdtype(dtype, jnp.floating) or (
            allow_int and jnp.issubdtype(dtype, jnp.integer)
        )
    else:
        ok = isinstance(value, kinds) and not isinstance(value, bool)
    if not ok:
        what = "a float or an int" if allow_int else "a float"
        raise TypeError(f"{label} must be {what}, got {type(value).__name__} ({value!r}).")
    if not isinstance(value, jax.core.Tracer):
        _bounds(value, label, min_bound, max_bound)
    return value


def is_integer(value: int, name=None, min_bound=None, max_bound=None, allow_none=False):
    """Check an int (or a 0-d integer array) within the bounds; return it.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.is_integer(3, 'n', min_bound=1)
      3
    """
    label = _label(name)
    if value is None and allow_none:
        return value
    if isinstance(value, (jax.Array, bm.Array, np.ndarray)):
        ok = np.ndim(value) == 0 and jnp.issubdtype(bm.as_jax(value).dtype, jnp.integer)
    else:
        ok = isinstance(value, (int, np.integer)) and not isinstance(value, bool)
    if not ok:
        raise TypeError(f"{label} must be an int, got {type(value).__name__} ({value!r}).")
    if not isinstance(value, jax.core.Tracer):
        _bounds(value, label, min_bound, max_bound)
    return value


def is_string(
    value: str, name: str | None = None, candidates: Sequence[str] | None = None, allow_none=False
):
    """Check a string (one of ``candidates`` when given); return it.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.is_string('exp', 'method', candidates=('exp', 'euler'))
      'exp'
    """
    label = _label(name)
    if value is None and allow_none:
        return value
    if not isinstance(value, str):
        raise TypeError(f"{label} must be a str, got {type(value).__name__}.")
    if candidates is not None and value not in candidates:
        raise ValueError(f"{label} must be one of {list(candidates)}, got {value!r}.")
    return value


def is_sequence(
    value: Sequence,
    name: str | None = None,
    elem_type: type | Sequence[type] | None = None,
    allow_none: bool = True,
):
    """Check a list or tuple whose elements are of ``elem_type``; return it.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.is_sequence([1, 2], 'sizes', elem_type=int)
      [1, 2]
    """
    label = _label(name)
    if value is None and allow_none:
        return value
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"{label} must be a list or a tuple, got {type(value).__name__}.")
    if elem_type is not None:
        types = tuple(elem_type) if isinstance(elem_type, (list, tuple)) else elem_type
        for i, elem in enumerate(value):
            if not isinstance(elem, types):
                raise TypeError(
                    f"{label}: elements must be {types}, got {type(elem).__name__} at index {i}."
                )
    return value


def _types(supported_types):
    return (
        tuple(supported_types) if isinstance(supported_types, (list, tuple)) else (supported_types,)
    )


def is_instance(instance: Any, supported_types: type | Sequence[type], name: str = ""):
    """Check that ``instance`` is an instance of one of ``supported_types``; return it.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.is_instance(1., (int, float), 'x')
      1.0
    """
    types = _types(supported_types)
    if not isinstance(instance, types):
        names = [t.__name__ for t in types]
        raise TypeError(
            f"{_label(name)} must be an instance of {names}, got {type(instance).__name__}."
        )
    return instance


def is_subclass(instance: Any, supported_types: type | Sequence[type], name: str = "") -> None:
    """Check that ``instance`` is a class derived from one of ``supported_types``.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.is_subclass(bool, int, 'kind')
    """
    types = _types(supported_types)
    if not (isinstance(instance, type) and issubclass(instance, types)):
        names = [t.__name__ for t in types]
        raise TypeError(f"{_label(name)} must be a subclass of {names}, got {instance!r}.")


def is_elem_or_seq_or_dict(targets: Any, element_type: type, out_as: str = "tuple"):
    """Gather ``targets`` (one element, a sequence or a dict of them) as a tuple, list or dict.

    Args:
      targets: an ``element_type`` instance, a list/tuple of them, or a dict of them.
      element_type: the type every element must have.
      out_as: ``'tuple'``, ``'list'`` or ``'dict'`` (keyed by position ``'0'``, ``'1'`` …
        or by ``name`` for objects that have one, when the input is not a dict).

    Examples:
      >>> from brainpy_dyn import check
      >>> check.is_elem_or_seq_or_dict(1, int)
      (1,)
      >>> check.is_elem_or_seq_or_dict({'a': 1}, int, out_as='list')
      [1]
    """
    fn = "is_elem_or_seq_or_dict"
    if out_as not in ("tuple", "list", "dict"):
        raise ValueError(f"{fn}: out_as must be 'tuple', 'list' or 'dict', got {out_as!r}.")
    if isinstance(targets, element_type):
        items = {_key(targets, 0): targets}
    elif isinstance(targets, (list, tuple)):
        items = {_key(t, i): t for i, t in enumerate(targets)}
    elif isinstance(targets, dict):
        items = dict(targets)
    else:
        raise TypeError(
            f"{fn}: targets must be a {element_type.__name__}, or a sequence or dict of them, "
            f"got {type(targets).__name__}."
        )
    for key, val in items.items():
        if not isinstance(val, element_type):
            raise TypeError(
                f"{fn}: every element must be a {element_type.__name__}, got "
                f"{type(val).__name__} at {key!r}."
            )
    if out_as == "dict":
        return items
    return tuple(items.values()) if out_as == "tuple" else list(items.values())


def _key(obj: Any, index: int) -> str:
    name = getattr(obj, "name", None)
    return name if isinstance(name, str) else str(index)


def is_all_vars(dyn_vars: Any, out_as: str = "tuple"):
    """Gather brainpy :class:`~brainpy_math.Variable` s (one, a sequence or a dict).

    Examples:
      >>> import brainpy_math as bm
      >>> from brainpy_dyn import check
      >>> v = bm.Variable(bm.zeros(2))
      >>> check.is_all_vars(v)[0] is v
      True
    """
    return is_elem_or_seq_or_dict(dyn_vars, bm.Variable, out_as)


def is_all_objs(targets: Any, out_as: str = "tuple"):
    """Gather :class:`~brainpy_math.BrainPyObject` s (one, a sequence or a dict).

    Examples:
      >>> import brainpy_math as bm
      >>> from brainpy_dyn import check
      >>> len(check.is_all_objs([bm.BrainPyObject(), bm.BrainPyObject()]))
      2
    """
    return is_elem_or_seq_or_dict(targets, bm.BrainPyObject, out_as)


def serialize_kwargs(shared_kwargs: dict | None) -> str:
    """A string key for a dict of static keyword arguments (for caching compiled functions).

    Keys must be strings and values hashable (numbers, strings, tuples …); the key does not
    depend on the order of the items.

    Examples:
      >>> from brainpy_dyn import check
      >>> check.serialize_kwargs({'fit': True, 'dt': 0.1}) == check.serialize_kwargs(
      ...     {'dt': 0.1, 'fit': True})
      True
    """
    if shared_kwargs is None:
        shared_kwargs = {}
    is_dict_data(shared_kwargs, key_type=str, name="shared_kwargs", allow_none=False)
    for key, val in shared_kwargs.items():
        try:
            hash(val)
        except TypeError:
            raise TypeError(
                f"serialize_kwargs: the value of {key!r} must be hashable (a static argument), "
                f"got {type(val).__name__}."
            ) from None
    return str(sorted(shared_kwargs.items()))


def jit_error_checking(pred: Any, err_fun: Callable, err_arg: Any = None) -> None:
    """Raise ``err_fun(err_arg)`` when ``pred`` is true, also inside ``jit``.

    With a concrete ``pred`` the error is raised at once. Under a JAX transformation the
    check runs on the host when the compiled code executes (through
    :func:`jax.debug.callback`); JAX then re-raises it wrapped in its runtime error.
    ``err_fun`` may also raise itself instead of returning an exception.

    Args:
      pred: a boolean (or boolean scalar array): raise when true.
      err_fun: ``err_fun(err_arg)`` (or ``err_fun()`` when ``err_arg`` is ``None``) returns
        or raises the exception.
      err_arg: the argument of ``err_fun`` (arrays arrive concrete).

    Examples:
      >>> import jax.numpy as jnp
      >>> from brainpy_dyn import check
      >>> def err(x):
      ...     return ValueError(f'negative input: {x}')
      >>> check.jit_error_checking(jnp.array(-1.) < 0, err, -1.)
      Traceback (most recent call last):
      ...
      ValueError: negative input: -1.0
    """
    is_callable(err_fun, "err_fun")

    def raise_error(arg=None):
        error = err_fun() if err_arg is None else err_fun(arg)
        if isinstance(error, BaseException):
            raise error
        raise ValueError(str(error))

    try:
        concrete = bool(pred)
    except (jax.errors.ConcretizationTypeError, jax.errors.TracerBoolConversionError):
        concrete = None
    if concrete is not None:
        if concrete:
            raise_error(err_arg)
        return

    def host_check(p, arg):
        if bool(p):
            raise_error(arg)

    jax.debug.callback(host_check, pred, err_arg, ordered=True)

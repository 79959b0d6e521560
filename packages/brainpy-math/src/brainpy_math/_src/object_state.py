"""Saving and loading the Variables of an object tree as a (nested) dict of arrays.

Key layout (BrainPy 2.3.5's, so state dicts move both ways between the two):

* :func:`state_dict` returns ``{node_name: {f'{node_name}.{attr}': array}}`` with one entry per
  node of ``obj.nodes()`` (``obj`` included), holding that node's own Variables (keys as in
  ``node.vars(level=0)``). A Variable held by two nodes (a Delay's ``target``) appears under
  both. Values are the Variables' JAX arrays, so ``brainpy_checkpoints.save_pytree`` can
  write them directly.
* :meth:`~brainpy_math.BrainPyObject.load_state_dict` accepts that nested layout, the same with short inner keys
  (``{node_name: {attr: array}}``), and the flat layout ``{f'{node_name}.{attr}': array}``.
  Keys are reported in the flat form ``'{node_name}.{attr}'``.

Automatic node names (``LIF3``) depend on how many objects a process created before, so a
model rebuilt elsewhere may carry other names. When no name of a nested state dict matches,
nodes are matched by position instead, provided the structure is the same: as many nodes,
in the same order, each with the same Variable attributes.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import jax.numpy as jnp

from brainpy_math._src.errors import StateDictError
from brainpy_math._src.interop import as_jax
from brainpy_math._src.public_path import set_module
from brainpy_math._src.variable import Variable

if TYPE_CHECKING:
    from brainpy_math._src.object_base import BrainPyObject

__all__ = ["StateLoadResult", "state_dict", "load_state_dict"]


class StateLoadResult(NamedTuple):
    """What :meth:`~brainpy_math.BrainPyObject.load_state_dict` could not match.

    Attributes:
      missing_keys: Variables of the model absent from the state dict (left unchanged).
      unexpected_keys: entries of the state dict that match no Variable (ignored).

    Examples:
      >>> import brainpy_math as bm
      >>> class Model(bm.BrainPyObject):
      ...     def __init__(self, name=None):
      ...         super().__init__(name=name)
      ...         self.w = bm.Variable(bm.zeros(2))
      ...         self.b = bm.Variable(bm.zeros(1))
      >>> model = Model(name='net')
      >>> model.load_state_dict({'net': {'net.w': bm.ones(2), 'net.gain': bm.ones(1)}}, warn=False)
      StateLoadResult(missing_keys=['net.b'], unexpected_keys=['net.gain'])
      >>> model.w
      Variable([1., 1.], dtype=float32)
    """

    missing_keys: list[str]
    unexpected_keys: list[str]


def _own_vars(node: BrainPyObject) -> dict[str, Variable]:
    return dict(node.vars(method="absolute", level=0).items())


def state_dict(obj: BrainPyObject) -> dict[str, dict[str, Any]]:
    """The values of ``obj``'s Variables, ``{node_name: {'node_name.attr': array}}``.

    Examples:
      >>> import brainpy_math as bm
      >>> class Cell(bm.BrainPyObject):
      ...     def __init__(self):
      ...         super().__init__(name='c1')
      ...         self.v = bm.Variable(bm.ones(2))
      >>> Cell().state_dict()
      {'c1': {'c1.v': Array([1., 1.], dtype=float32)}}
    """
    return {
        name: {key: var.value for key, var in _own_vars(node).items()}
        for name, node in obj.nodes(method="absolute").items()
    }


def _flatten(state: Mapping[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in state.items():
        if isinstance(value, Mapping):
            for inner, v in value.items():
                full = inner if str(inner).startswith(f"{key}.") else f"{key}.{inner}"
                flat[full] = v
        else:
            flat[str(key)] = value
    return flat


def _match_by_position(obj: BrainPyObject, state: Mapping[str, Any]) -> dict[str, Any] | None:
    """Rename a nested state dict's keys to ``obj``'s node names when the structures agree."""
    nodes = list(obj.nodes(method="absolute").items())
    saved = list(state.items())
    if len(nodes) != len(saved) or not all(isinstance(v, Mapping) for _, v in saved):
        return None
    renamed: dict[str, Any] = {}
    for (name, node), (saved_name, values) in zip(nodes, saved):
        attrs = [key.split(".", 1)[1] for key in _own_vars(node)]
        prefix = f"{saved_name}."
        saved_attrs = [
            str(k)[len(prefix) :] if str(k).startswith(prefix) else str(k) for k in values
        ]
        if attrs != saved_attrs:
            return None
        for attr, value in zip(saved_attrs, values.values()):
            renamed[f"{name}.{attr}"] = value
    return renamed


def _convert(key: str, var: Variable, value: Any) -> Any:
    """``value`` as a device array that ``var`` accepts, or a StateDictError."""
    try:
        arr = jnp.asarray(as_jax(value))
    except (TypeError, ValueError) as err:
        raise StateDictError(
            f"load_state_dict: {key!r} must be an array, got {type(value).__name__}: {err}"
        ) from err
    old = var.value
    if arr.ndim != old.ndim or any(
        a != b for i, (a, b) in enumerate(zip(arr.shape, old.shape)) if i != var.batch_axis
    ):
        raise StateDictError(
            f"load_state_dict: {key!r} has shape {tuple(arr.shape)}, expected "
            f"{tuple(old.shape)} (the shape of the Variable)."
        )
    if arr.dtype != old.dtype:
        raise StateDictError(
            f"load_state_dict: {key!r} has dtype {arr.dtype}, expected {old.dtype} "
            "(the dtype of the Variable)."
        )
    return arr


def load_state_dict(
    obj: BrainPyObject, state_dict: Mapping[str, Any], warn: bool = True, compatible: str = "v2"
) -> StateLoadResult:
    """Put the values of ``state_dict`` into ``obj``'s Variables.

    Every value is checked (shape, the batch axis excepted, and dtype after conversion with
    :func:`jax.numpy.asarray`) before any Variable is written, so a failing load changes
    nothing. Loaded values are device arrays: writable and usable like any other state.

    Args:
      obj: the object tree to load into.
      state_dict: a nested or flat state dict (see the module docstring); NumPy arrays, such
        as ``brainpy_checkpoints.load_pytree`` returns, are fine.
      warn: warn (``UserWarning``) when keys are missing or unexpected.
      compatible: the layout version; only ``'v2'`` exists.

    Returns:
      A :class:`StateLoadResult` with the missing and the unexpected keys.

    Raises:
      StateDictError: ``compatible`` is unknown, ``state_dict`` is not a mapping, or a value
        has the wrong shape or dtype.

    Examples:
      >>> import numpy as np
      >>> import brainpy_math as bm
      >>> class Cell(bm.BrainPyObject):
      ...     def __init__(self):
      ...         super().__init__(name='c2')
      ...         self.v = bm.Variable(bm.zeros(2))
      >>> cell = Cell()
      >>> cell.load_state_dict({'c2': {'c2.v': np.ones(2, np.float32)}})
      StateLoadResult(missing_keys=[], unexpected_keys=[])
      >>> cell.v.value
      Array([1., 1.], dtype=float32)
    """
    if compatible != "v2":
        raise StateDictError(f"load_state_dict: compatible must be 'v2', got {compatible!r}.")
    if not isinstance(state_dict, Mapping):
        raise StateDictError(
            f"load_state_dict: state_dict must be a mapping, got {type(state_dict).__name__}."
        )
    given = _flatten(state_dict)
    expected: dict[str, Variable] = {}
    for node in obj.nodes(method="absolute").values():
        expected.update(_own_vars(node))
    if given and not set(given) & set(expected):
        given = _match_by_position(obj, state_dict) or given
    missing = [k for k in expected if k not in given]
    unexpected = [k for k in given if k not in expected]
    updates = [
        (expected[k], _convert(k, expected[k], v)) for k, v in given.items() if k in expected
    ]
    for var, arr in updates:
        var.value = arr
    if warn and (missing or unexpected):
        warnings.warn(
            f"load_state_dict: missing keys {missing}, unexpected keys {unexpected}.",
            UserWarning,
            stacklevel=3,
        )
    return StateLoadResult(missing, unexpected)


# Show the public path in reprs, docs and pickles (CONTRIBUTING.md, convention 5).
set_module("brainpy_math", StateLoadResult, state_dict, load_state_dict)

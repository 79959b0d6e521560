"""Turning ``DSRunner(inputs=...)`` into checked per-step input operations.

An input is ``(target, value, type='fix', op='+')``:

* ``target``: a Variable, or its name (attribute path such as ``'E.input'``);
* ``type='fix'``: ``value`` is the same every step (it must broadcast to the Variable);
* ``type='iter'``: ``value[i]`` is used at step ``i`` (time axis first; ``i`` is the absolute
  step index, so a second run continues along the array). ``value`` may also be a Python
  iterator (a generator, ``iter(list)`` …): each run then takes its next ``n`` items, one per
  step;
* ``type='func'``: ``value(shared)`` is called every step with the shared data (``t``, ``i``,
  ``dt`` …) and its result used;
* ``op``: ``'+'``, ``'-'``, ``'*'``, ``'/'`` combine with the Variable's value, ``'='`` replaces
  it. Results are cast to the Variable's dtype.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.errors import InputKeyError, InputShapeError, InputValueError
from brainpy_dyn._src.object import BrainPyObject
from brainpy_dyn._src.runner_monitors import find_variable

__all__ = ["InputSpec", "build_inputs", "apply_input", "check_iter_length", "iter_steps"]

_TYPES = ("fix", "iter", "func")
_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "=": lambda a, b: jnp.broadcast_to(b, jnp.shape(a)),
}


class InputSpec(NamedTuple):
    """One checked input: where it goes, what it is and how it combines."""

    key: str
    var: bm.Variable
    value: Any
    type: str
    op: str


def _broadcasts(shape: tuple[int, ...], to: tuple[int, ...]) -> bool:
    try:
        return np.broadcast_shapes(shape, to) == tuple(to)
    except ValueError:
        return False


def _shape_error(key: str, shape: tuple, var: bm.Variable, what: str = "value") -> InputShapeError:
    return InputShapeError(
        f"DSRunner: input {key}: the {what} has shape {tuple(shape)}, which does not broadcast "
        f"to the Variable's shape {var.shape}."
    )


def _normalize(inputs: Any) -> list:
    if inputs is None:
        return []
    if (
        isinstance(inputs, (tuple, list))
        and 2 <= len(inputs) <= 4
        and isinstance(inputs[0], (str, bm.Variable))
    ):  # one input given flat, ('V', 1.) or ['V', 1.] (2.3.5 accepted both)
        return [tuple(inputs)]
    if isinstance(inputs, (list, tuple)):
        return list(inputs)
    raise InputValueError(
        f"DSRunner: inputs must be a list of (target, value, type, op) tuples, got "
        f"{type(inputs).__name__}: {inputs!r}."
    )


def build_inputs(target: BrainPyObject, inputs: Any) -> list[InputSpec]:
    """Check and convert the runner's ``inputs``.

    Raises:
      InputKeyError: a target name matches no Variable (the message lists them).
      InputValueError: a malformed item, or an unknown ``type`` or ``op``.
      InputShapeError: a value that does not broadcast to its Variable.
    """
    specs = []
    for pos, item in enumerate(_normalize(inputs)):
        if not isinstance(item, (tuple, list)) or not 2 <= len(item) <= 4:
            raise InputValueError(
                f"DSRunner: input {pos} must be a (target, value[, type[, op]]) tuple, got {item!r}."
            )
        var, value, kind, op = (*item, *("fix", "+")[len(item) - 2 :])
        name = var if isinstance(var, str) else getattr(var, "shape", var)
        key = f"{pos} ({name!r})" if isinstance(var, str) else f"{pos} (Variable of shape {name})"
        if isinstance(var, str):
            var = find_variable(target, var, InputKeyError, f"input {pos}")
        elif not isinstance(var, bm.Variable):
            raise InputValueError(
                f"DSRunner: input {pos}: the target must be a Variable or a name, got "
                f"{type(var).__name__}: {var!r}."
            )
        if kind not in _TYPES:
            raise InputValueError(
                f"DSRunner: input {key}: type must be one of {_TYPES}, got {kind!r}."
            )
        if op not in _OPS:
            raise InputValueError(
                f"DSRunner: input {key}: op must be one of {tuple(_OPS)}, got {op!r}."
            )
        if kind == "func":
            if not callable(value):
                raise InputValueError(
                    f"DSRunner: input {key}: a 'func' input needs a callable, got {value!r}."
                )
        elif kind == "iter" and isinstance(value, Iterator):
            pass  # drawn from, one item per step, by each run (iter_steps)
        else:
            try:
                value = jnp.asarray(bm.as_jax(value))
            except (TypeError, ValueError) as err:
                raise InputValueError(
                    f"DSRunner: input {key}: the value is not an array: {err}"
                ) from err
            if kind == "iter":
                if value.ndim == 0:
                    raise InputShapeError(
                        f"DSRunner: input {key}: an 'iter' value needs a leading time axis, got a scalar."
                    )
                if not _broadcasts(value.shape[1:], var.shape):
                    raise _shape_error(key, value.shape[1:], var, "per-step value")
            elif not _broadcasts(value.shape, var.shape):
                raise _shape_error(key, value.shape, var)
            value = value.astype(var.dtype)
        specs.append(InputSpec(key, var, value, kind, op))
    return specs


def apply_input(spec: InputSpec, value: Any) -> None:
    """Combine ``value`` into ``spec.var`` with ``spec.op`` (cast to the Variable's dtype)."""
    if spec.type == "func":
        value = bm.as_jax(value)
        if not _broadcasts(jnp.shape(value), spec.var.shape):
            raise _shape_error(spec.key, jnp.shape(value), spec.var, "function result")
    new = _OPS[spec.op](spec.var.value, value)
    spec.var.value = jnp.asarray(new).astype(spec.var.dtype)


def iter_steps(spec: InputSpec, i0: int, n: int) -> Any:
    """The values of an ``'iter'`` input for steps ``i0 .. i0 + n - 1``, time axis first.

    Raises:
      InputShapeError: an array too short for these steps, an iterator that runs out, or an
        item that does not broadcast to the Variable.
    """
    if not isinstance(spec.value, Iterator):
        check_iter_length(spec, i0, n)
        return spec.value[i0 : i0 + n]
    items = []
    for step in range(n):
        try:
            item = np.asarray(bm.as_jax(next(spec.value)))
        except StopIteration:
            raise InputShapeError(
                f"DSRunner: input {spec.key}: the iterator ran out after {step} items, but this "
                f"run needs {n} (one per step)."
            ) from None
        if not _broadcasts(item.shape, spec.var.shape):
            raise _shape_error(spec.key, item.shape, spec.var, f"item {step} of the iterator")
        items.append(np.broadcast_to(item, spec.var.shape))
    return np.stack(items).astype(spec.var.dtype)


def check_iter_length(spec: InputSpec, i0: int, n: int) -> None:
    """Raise InputShapeError when an 'iter' input does not cover steps ``i0 .. i0 + n - 1``."""
    if spec.value.shape[0] < i0 + n:
        raise InputShapeError(
            f"DSRunner: input {spec.key}: the 'iter' value has {spec.value.shape[0]} steps, but "
            f"this run needs steps {i0} to {i0 + n - 1} (indexed by the absolute step i)."
        )

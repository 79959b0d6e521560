"""Type aliases for annotations (BrainPy 2.3.5's ``brainpy.types``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Union

import jax
import numpy as np

import brainpy_math as bm
from brainpy_dyn._src.initialize.base import Initializer as _Initializer

__all__ = [
    "Array",
    "ArrayType",
    "Initializer",
    "Monitor",
    "Output",
    "Parameter",
    "PyTree",
    "Shape",
    "Sharding",
]

ArrayType = Union[bm.Array, bm.Variable, jax.Array, np.ndarray]  # noqa: UP007 - a runtime alias
"""An array of any kind the package accepts: a brainpy Array or Variable, JAX or NumPy."""

Array = ArrayType
"""2.3's name of :data:`ArrayType`."""

Parameter = Union[float, int, ArrayType, _Initializer, Callable[..., Any]]  # noqa: UP007
"""A model parameter: a number, an array, an initializer or a callable ``f(shape)``."""

Initializer = Union[_Initializer, Callable[..., Any]]  # noqa: UP007
"""An initializer object, or any callable ``f(shape, dtype=None)``."""

PyTree = Any
"""A JAX pytree (nested lists, tuples, dicts and arrays)."""

Shape = Union[int, Sequence[int]]  # noqa: UP007
"""A shape: one int, or a sequence of ints."""

Output = Union[ArrayType, dict[str, ArrayType], Sequence[ArrayType]]  # noqa: UP007
"""What a model step returns: an array, or a dict or sequence of arrays."""

Monitor = Union[Sequence[str], dict[str, Any]]  # noqa: UP007
"""The ``monitors`` of a runner: names, or a dict of names to Variables or callables."""

Sharding = Union[Sequence[str], jax.sharding.Sharding, None]  # noqa: UP007
"""How an array is laid out over devices: axis names or a :class:`jax.sharding.Sharding`."""

"""2.3.5's ``brainpy._src.math.object_transform.autograd`` (same objects, plus ``_jacfwd``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import jax

from brainpy_math._src.array import Array
from brainpy_math._src.transforms.autograd import grad as grad
from brainpy_math._src.transforms.autograd import value_and_grad as value_and_grad
from brainpy_math._src.transforms.autograd import vector_grad as vector_grad
from brainpy_math._src.transforms.jacobian import hessian as hessian
from brainpy_math._src.transforms.jacobian import jacfwd as jacfwd
from brainpy_math._src.transforms.jacobian import jacobian as jacobian
from brainpy_math._src.transforms.jacobian import jacrev as jacrev

__all__ = ["grad", "hessian", "jacfwd", "jacobian", "jacrev", "value_and_grad", "vector_grad"]


def _plain(tree: Any) -> Any:
    return jax.tree_util.tree_map(
        lambda x: x.value if isinstance(x, Array) else x,
        tree,
        is_leaf=lambda x: isinstance(x, Array),
    )


def _jacfwd(
    fun: Callable,
    argnums: int | Sequence[int] = 0,
    holomorphic: bool = False,
    has_aux: bool = False,
) -> Callable:
    """2.3.5's private forward-mode Jacobian of a pure function (:func:`jax.jacfwd`)."""

    def plain(*args: Any, **kwargs: Any) -> Any:
        return _plain(fun(*args, **kwargs))

    jac = jax.jacfwd(plain, argnums=argnums, holomorphic=holomorphic, has_aux=has_aux)

    def call(*args: Any, **kwargs: Any) -> Any:
        return jac(*_plain(args), **_plain(kwargs))

    return call

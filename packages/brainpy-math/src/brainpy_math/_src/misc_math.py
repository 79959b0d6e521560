"""Small array helpers from BrainPy 2.3.5: ``remove_diag`` and ``clip_by_norm``."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy_math._src.array import Array, _return, as_jax
from brainpy_math._src.public_path import set_module

__all__ = ["clip_by_norm", "remove_diag"]


def remove_diag(arr: Any) -> Array:
    """Drop the diagonal of a matrix: ``(n, m)`` becomes ``(n, m - 1)``.

    Row ``i`` keeps every element except ``arr[i, i]``, in order. Useful for
    all-to-all connection matrices without self-connections.

    Args:
      arr: a 2-D array with ``n <= m`` (so that every row has a diagonal element).

    Returns:
      An Array of shape ``(n, m - 1)``.

    Raises:
      ValueError: ``arr`` is not 2-D, or has more rows than columns.

    Examples:
      >>> import brainpy_math as bm
      >>> bm.remove_diag(bm.arange(9).reshape(3, 3))
      Array([[1, 2],
             [3, 5],
             [6, 7]], dtype=int32)
    """
    x = jnp.asarray(as_jax(arr))
    if x.ndim != 2:
        raise ValueError(f"remove_diag: arr must be a 2-D matrix, got shape {x.shape}.")
    n, m = x.shape
    if n > m:
        raise ValueError(
            f"remove_diag: arr must have no more rows than columns (each row loses its "
            f"diagonal element), got shape {x.shape}."
        )
    # Column j of the result is column j of arr left of the diagonal, j + 1 right of it.
    cols = jnp.arange(m - 1)[None, :]
    cols = cols + (cols >= jnp.arange(n)[:, None])
    return _return(jnp.take_along_axis(x, cols, axis=1))


def clip_by_norm(t: Any, clip_norm: Any, axis: int | tuple[int, ...] | None = None) -> Any:
    """Rescale ``t`` so that its L2 norm is at most ``clip_norm`` (TensorFlow's ``clip_by_norm``).

    Computes ``t * clip_norm / max(norm(t, axis), clip_norm)``: unchanged where the
    norm is already at most ``clip_norm``. ``t`` may be a pytree of arrays; each leaf
    is clipped on its own.

    Args:
      t: an array, or a pytree of arrays.
      clip_norm: the largest norm allowed (a positive scalar).
      axis: the axes the norm is taken over; ``None`` uses all of them.

    Returns:
      ``t`` clipped, with the same structure (arrays as Arrays).

    Examples:
      >>> import brainpy_math as bm
      >>> bm.clip_by_norm(bm.array([3., 4.]), 1.)
      Array([0.6, 0.8], dtype=float32)
      >>> bm.clip_by_norm(bm.array([[3., 4.], [0.3, 0.4]]), 1., axis=1)
      Array([[0.6, 0.8],
             [0.3, 0.4]], dtype=float32)
    """

    def clip(leaf: Any) -> Any:
        x = jnp.asarray(as_jax(leaf))
        norm = jnp.sqrt(jnp.sum(x * x, axis=axis, keepdims=True))
        return _return(x * clip_norm / jnp.maximum(norm, clip_norm))

    return jax.tree_util.tree_map(clip, t, is_leaf=lambda x: isinstance(x, Array))


set_module("brainpy_math", clip_by_norm, remove_diag)

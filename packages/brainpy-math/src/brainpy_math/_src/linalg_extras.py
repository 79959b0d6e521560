"""Functions of the linear-algebra namespace that keep NumPy's parameters.

See :mod:`brainpy_math.linalg`, which merges them over the generated namespace.
"""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp

from brainpy_math._src.array import unwrap
from brainpy_math._src.public_path import set_module
from brainpy_math._src.wrapping import wrap_result

__all__ = ["matrix_rank"]


@set_module("brainpy_math.linalg")
def matrix_rank(A: Any, tol: Any = None, hermitian: bool = False, *, rtol: Any = None) -> Any:
    """BrainPy implementation of :func:`numpy.linalg.matrix_rank`, with NumPy's ``tol``.

    The rank is the number of singular values above the threshold: ``tol`` itself when it is
    given (an absolute threshold, as in NumPy and BrainPy 2.3.5; ``jax.numpy`` reads its
    second positional argument as a relative one), otherwise ``rtol * S.max()`` with ``rtol``
    defaulting to ``max(M, N) * eps``. Stacks of matrices give one rank each.

    Examples:
      >>> import brainpy_math as bm
      >>> a = bm.array([[1., 0.], [0., 1e-3]])
      >>> int(bm.linalg.matrix_rank(a)), int(bm.linalg.matrix_rank(a, 1e-2))
      (2, 1)
    """
    if tol is not None and rtol is not None:
        raise TypeError("matrix_rank: give tol (absolute) or rtol (relative), not both.")
    A = jnp.asarray(unwrap(A))
    if A.ndim < 2:
        return wrap_result(jnp.asarray(jnp.any(A != 0), dtype=jnp.int32))
    S = jnp.linalg.svd(A, compute_uv=False, hermitian=hermitian)
    if tol is None:
        if rtol is None:
            rtol = max(A.shape[-2:]) * jnp.finfo(S.dtype).eps
        threshold = jnp.max(S, axis=-1, keepdims=True) * jnp.asarray(unwrap(rtol))[..., None]
    else:
        threshold = jnp.asarray(unwrap(tol))[..., None]
    return wrap_result(jnp.sum(S > threshold, axis=-1))

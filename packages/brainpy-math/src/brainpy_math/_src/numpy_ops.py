"""The NumPy-compatible namespace, generated from :mod:`jax.numpy`.

Every public function of ``jax.numpy`` gets a wrapper of the same name (see
:mod:`brainpy_math._src.wrapping`); dtypes, constants and classes are re-exported
unchanged.
"""

from __future__ import annotations

import jax.numpy as jnp

from brainpy_math._src.wrapping import build_namespace

# ``ndarray`` stays ``jax.Array``; ``Array`` is our own class.
_NUMPY = build_namespace(jnp, "brainpy_math", skip=frozenset({"ndarray"}))
NUMPY_NAMES = sorted(_NUMPY)
globals().update(_NUMPY)
__all__ = list(NUMPY_NAMES)

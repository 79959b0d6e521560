"""The NumPy-compatible namespace, generated from :mod:`jax.numpy`.

Every public function of ``jax.numpy`` gets a wrapper of the same name (see
:mod:`brainpy_math._src.wrapping`); dtypes, ``finfo``/``iinfo``, constants and index
tricks (``r_``, ``s_``, ``mgrid`` …) are re-exported unchanged. A few names need
more than a plain wrapper:

* ``ndarray`` is :class:`~brainpy_math.Array`, as in BrainPy 2.3.5;
* ``array``, ``asarray`` (and ``asanyarray``, ``ascontiguousarray``, ``asfarray``)
  always return an ``Array``, 0-d included;
* ``put``, ``place``, ``put_along_axis``, ``fill_diagonal`` and ``ufunc.at`` work in
  place on a brainpy Array, as NumPy's do on an ``ndarray``;
* ``vectorize`` and ``frompyfunc`` return functions that take and give Arrays;
* ``copyto``, ``fix`` and ``row_stack``, which ``jax.numpy`` lacks, are provided.
"""

from __future__ import annotations

import jax.numpy as jnp

from brainpy_math._src.numpy_extras import EXTRAS
from brainpy_math._src.wrapping import build_namespace

_NUMPY = build_namespace(jnp, "brainpy_math", skip=frozenset(EXTRAS))
_NUMPY.update(EXTRAS)
NUMPY_NAMES = sorted(_NUMPY)
globals().update(_NUMPY)
__all__ = list(NUMPY_NAMES)

"""Discrete Fourier transforms: every function of :mod:`jax.numpy.fft`, on Arrays.

Examples:
  >>> import brainpy_math as bm
  >>> bm.fft.fft(bm.Array([1., 0., 0., 0.]))
  Array([1.+0.j, 1.+0.j, 1.+0.j, 1.+0.j], dtype=complex64)
  >>> bm.fft.rfftfreq(4)
  Array([0.  , 0.25, 0.5 ], dtype=float32)
"""

import jax.numpy as jnp

from brainpy_math._src.wrapping import build_namespace

_NAMESPACE = build_namespace(jnp.fft, module="brainpy_math.fft")
globals().update(_NAMESPACE)
__all__ = sorted(_NAMESPACE)

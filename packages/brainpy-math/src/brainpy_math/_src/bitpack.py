"""Spike vectors as packed bits: 32 elements per ``uint32`` word.

A boolean spike vector takes one byte per neuron; packed, it takes one bit. The CPU event
kernel visits the set bits of the packed words (:mod:`brainpy_math._src.event_ell`), and a
runner records spike monitors packed, so a run's records take an eighth of the memory while
it runs and are unpacked once on the host at its end.

Bit ``b`` of word ``w`` holds element ``32·w + b`` of the last axis, on every platform.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy_math._src.array import as_jax

__all__ = ["pack_bits", "unpack_bits"]


def pack_bits(x: Any) -> jax.Array:
    """Pack the last axis of ``x`` into ``uint32`` words; any non-zero element is a 1 bit.

    Args:
      x: an array of at least one dimension (spikes as bool or numbers).

    Returns:
      ``uint32`` words of shape ``(*x.shape[:-1], ceil(n / 32))``, ``n = x.shape[-1]``;
      the bits past ``n`` in the last word are 0.

    Raises:
      ValueError: ``x`` is a scalar.

    Examples:
      >>> import numpy as np
      >>> from brainpy_math.event import pack_bits
      >>> pack_bits(np.array([True, False, True])).tolist()  # bits 0 and 2
      [5]
    """
    x = as_jax(x)
    if x.ndim < 1:
        raise ValueError(f"pack_bits: x must have at least one dimension, got shape {x.shape}.")
    n = x.shape[-1]
    n_words = -(-n // 32)
    bits = x != 0
    if n_words * 32 != n:
        bits = jnp.pad(bits, [(0, 0)] * (x.ndim - 1) + [(0, n_words * 32 - n)])
    bits = bits.reshape(*x.shape[:-1], n_words, 32).astype(jnp.uint32)
    return jnp.sum(bits << jnp.arange(32, dtype=jnp.uint32), axis=-1, dtype=jnp.uint32)


def unpack_bits(words: Any, n: int) -> Any:
    """The first ``n`` bits of the last axis of ``words`` as bools: undoes :func:`pack_bits`.

    A NumPy array is unpacked on the host with :func:`numpy.unpackbits` and gives a
    C-contiguous NumPy array; anything else is unpacked with JAX and gives a JAX array.

    Args:
      words: ``uint32`` words, 32 elements each along the last axis.
      n: the number of elements to keep, at most ``32 × words.shape[-1]``.

    Returns:
      A bool array of shape ``(*words.shape[:-1], n)``.

    Raises:
      ValueError: ``words`` is not ``uint32``, or ``n`` is negative or too large.

    Examples:
      >>> import numpy as np
      >>> from brainpy_math.event import pack_bits, unpack_bits
      >>> spikes = np.array([[True, False, True], [False, True, False]])
      >>> bool((unpack_bits(np.asarray(pack_bits(spikes)), 3) == spikes).all())
      True
    """
    dtype = words.dtype if hasattr(words, "dtype") else np.asarray(words).dtype
    if dtype != np.uint32:
        raise ValueError(f"unpack_bits: words must be uint32, got {dtype}.")
    shape = np.shape(words)
    if not (isinstance(n, (int, np.integer)) and 0 <= n <= 32 * (shape[-1] if shape else 0)):
        raise ValueError(
            f"unpack_bits: n must be an int in [0, {32 * (shape[-1] if shape else 0)}] for "
            f"words of shape {shape}, got {n!r}."
        )
    if isinstance(words, np.ndarray):
        as_bytes = np.ascontiguousarray(words, dtype="<u4").view(np.uint8)
        return np.unpackbits(as_bytes, axis=-1, count=int(n), bitorder="little").view(bool)
    words = as_jax(words)
    bits = (words[..., None] >> jnp.arange(32, dtype=jnp.uint32)) & jnp.uint32(1)
    return bits.astype(bool).reshape(*shape[:-1], shape[-1] * 32)[..., :n]

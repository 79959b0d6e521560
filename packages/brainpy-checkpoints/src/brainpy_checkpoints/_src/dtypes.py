"""The dtypes a checkpoint may hold, and the byte layout of stored arrays.

Arrays are stored by dtype *name* (``numpy.dtype.name``, for example
``'float32'`` or ``'bfloat16'``) and little-endian, C-order bytes, as BrainPy
2.3.5 wrote them on little-endian machines. Only the names in
:func:`supported_dtype_names` are accepted when reading, so a file cannot make
the reader build object, structured or string arrays.
"""

from __future__ import annotations

import functools

import numpy as np

__all__ = [
    "dtype_from_name",
    "native",
    "storage_array",
    "supported_dtype_names",
]

_NUMPY_NAMES = (
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
)

# Extended floating and integer types that JAX uses, provided by ml_dtypes (a
# dependency of jax); each is taken only if the installed ml_dtypes has it.
_ML_DTYPES_NAMES = (
    "bfloat16",
    "float8_e3m4",
    "float8_e4m3",
    "float8_e4m3b11fnuz",
    "float8_e4m3fn",
    "float8_e4m3fnuz",
    "float8_e5m2",
    "float8_e5m2fnuz",
    "float8_e8m0fnu",
    "int4",
    "uint4",
)


@functools.cache
def _table() -> dict[str, np.dtype]:
    table = {name: np.dtype(name).newbyteorder("<") for name in _NUMPY_NAMES}
    try:
        import ml_dtypes
    except ImportError:  # pragma: no cover - jax always installs ml_dtypes
        return table
    for name in _ML_DTYPES_NAMES:
        scalar_type = getattr(ml_dtypes, name, None)
        if scalar_type is not None:
            table[name] = np.dtype(scalar_type)
    return table


def supported_dtype_names() -> frozenset[str]:
    """Return the dtype names a checkpoint may store."""
    return frozenset(_table())


def dtype_from_name(name: str) -> np.dtype | None:
    """Return the little-endian dtype stored under ``name``, or ``None`` if unknown."""
    return _table().get(name)


def _checked_dtype(dtype: np.dtype, where: str) -> np.dtype:
    stored = _table().get(dtype.name)
    if stored is None or stored.kind != dtype.kind or stored.itemsize != dtype.itemsize:
        from brainpy_checkpoints._src.errors import CheckpointSerializationError

        raise CheckpointSerializationError(
            f"cannot store the array at {where}: dtype {dtype!s} is not supported; "
            f"expected one of {', '.join(sorted(_table()))}.",
            path=where,
        )
    return stored


def storage_array(array: np.ndarray, where: str, copy: bool) -> np.ndarray:
    """Return ``array`` as the C-contiguous, little-endian array to store.

    Args:
      array: the array to store.
      where: the tree path of the array, for error messages.
      copy: if true, the result never shares memory with ``array`` (a snapshot
        that later changes to ``array`` cannot alter).

    Returns:
      An array with the same shape and the dtype that is stored under
      ``array.dtype.name``; it is ``array`` itself when no conversion is needed
      and ``copy`` is false.
    """
    stored = _checked_dtype(array.dtype, where)
    if array.dtype != stored or not array.flags.c_contiguous:
        # astype converts a big-endian (or strided) array to the little-endian
        # C-order layout in one pass; the dtype name is unchanged.
        return array.astype(stored, order="C", copy=True)
    if copy:
        return np.array(array, order="C", copy=True)
    return array


def native(array: np.ndarray) -> np.ndarray:
    """Return ``array`` in the machine's byte order (a no-op on little-endian hosts)."""
    if array.dtype.isnative:
        return array
    return array.astype(array.dtype.newbyteorder("="))

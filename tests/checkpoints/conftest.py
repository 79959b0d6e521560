"""Fixtures of the brainpy_checkpoints tests.

``reference_bytes`` is an independent model of BrainPy 2.3.5's writer, built from
the documented layout of BrainPy 2.3.5's checkpoints (``msgpack_format``'s docstring): the state
dict packed by ``msgpack.packb(..., strict_types=True)`` with an extension hook
(ext 1 = ndarray, ext 3 = NumPy scalar or Python complex, payload
``packb((shape, dtype name, C-order bytes), use_bin_type=True)``) after arrays of
more than ``MAX_CHUNK_SIZE`` bytes were split into chunk dicts.
"""

from __future__ import annotations

import os
import zlib
from typing import Any

import msgpack
import numpy as np
import pytest

import brainpy_checkpoints as bc
from brainpy_checkpoints._src import msgpack_format


class VariableLike:
    """The protocol of ``brainpy_math.Variable`` that the package relies on."""

    def __init__(self, value: Any):
        self._value = np.asarray(value)

    @property
    def value(self) -> Any:
        return self._value

    @value.setter
    def value(self, new: Any) -> None:
        new = np.asarray(new)
        if new.shape != self._value.shape or new.dtype != self._value.dtype:
            raise ValueError(f"bad assignment {new.shape} {new.dtype}")
        self._value = new

    def __jax_array__(self) -> Any:
        import jax.numpy as jnp

        return jnp.asarray(self._value)


def _payload(x: np.ndarray) -> bytes:
    x = x.astype(x.dtype.newbyteorder("<")) if x.dtype.byteorder == ">" else x
    return msgpack.packb((x.shape, x.dtype.name, x.tobytes("C")), use_bin_type=True)


def _ext(x: Any) -> Any:
    if isinstance(x, np.ndarray):
        return msgpack.ExtType(1, _payload(x))
    if isinstance(x, (np.generic, complex)):
        return msgpack.ExtType(3, _payload(np.asarray(x)))
    import jax

    if isinstance(x, jax.Array):
        return msgpack.ExtType(1, _payload(np.asarray(x)))
    return x


def _chunk(tree: Any, limit: int) -> Any:
    if isinstance(tree, dict):
        return {k: _chunk(v, limit) for k, v in tree.items()}
    if isinstance(tree, np.ndarray) and tree.size * tree.dtype.itemsize > limit:
        flat = tree.reshape(-1)
        per = max(1, int(limit / tree.dtype.itemsize))
        chunks = [flat[i : i + per] for i in range(0, flat.size, per)]
        return {
            "__msgpack_chunked_array__": True,
            "shape": {str(i): d for i, d in enumerate(tree.shape)},
            "chunks": {str(i): c for i, c in enumerate(chunks)},
        }
    return tree


def reference_packb(tree: Any) -> bytes:
    """BrainPy 2.3.5's bytes for ``tree`` (by the documented layout)."""
    state = bc.to_state_dict(tree)
    return msgpack.packb(
        _chunk(state, msgpack_format.MAX_CHUNK_SIZE), default=_ext, strict_types=True
    )


def reference_sealed(tree: Any) -> bytes:
    """The bytes ``save_pytree`` writes for a dict ``tree``: 2.3.5's, plus the checksum entry.

    Built from the documented layout: the root map gets one more, last entry whose key is
    ``CHECKSUM_KEY`` and whose value is ``0xce`` + the big-endian CRC-32 (zlib) of every
    byte before those five.
    """
    state = bc.to_state_dict(tree)
    body = msgpack.packb(
        {**_chunk(state, msgpack_format.MAX_CHUNK_SIZE), msgpack_format.CHECKSUM_KEY: None},
        default=_ext,
        strict_types=True,
    )[:-1]  # drop the nil placeholder
    return body + b"\xce" + zlib.crc32(body).to_bytes(4, "big")


def reference_unpackb(data: bytes) -> Any:
    """Read bytes the way BrainPy 2.3.5 did (msgpack.unpackb + ext hook)."""

    def hook(code: int, payload: bytes) -> Any:
        shape, name, buf = msgpack.unpackb(payload, raw=False)
        arr = np.frombuffer(buf, dtype=bc._src.dtypes.dtype_from_name(name)).reshape(shape)
        return arr[()] if code == 3 else arr

    def unchunk(node: Any) -> Any:
        if isinstance(node, dict):
            if "__msgpack_chunked_array__" in node:
                flat = np.concatenate(list(node["chunks"].values()))
                return flat.reshape(tuple(node["shape"].values()))
            return {k: unchunk(v) for k, v in node.items()}
        return node

    return unchunk(msgpack.unpackb(data, ext_hook=hook, raw=False))


@pytest.fixture
def variable_like() -> type[VariableLike]:
    return VariableLike


@pytest.fixture
def package_path() -> str:
    """The folder to put on PYTHONPATH so a child process imports this package."""
    return os.path.dirname(os.path.dirname(bc.__file__))


def assert_tree_equal(a: Any, b: Any) -> None:
    """Exact equality of nested dicts/lists of arrays and scalars, dtypes included."""
    assert type(a) is type(b), (type(a), type(b))
    if isinstance(a, dict):
        assert list(a) == list(b)
        for key in a:
            assert_tree_equal(a[key], b[key])
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            assert_tree_equal(x, y)
    elif isinstance(a, (np.ndarray, np.generic)):
        assert a.dtype == b.dtype and a.shape == b.shape
        assert a.tobytes() == b.tobytes()
    else:
        assert a == b or (a != a and b != b)


@pytest.fixture
def ref_packb() -> Any:
    return reference_packb


@pytest.fixture
def ref_sealed() -> Any:
    return reference_sealed


@pytest.fixture
def ref_unpackb() -> Any:
    return reference_unpackb


@pytest.fixture
def tree_equal() -> Any:
    return assert_tree_equal

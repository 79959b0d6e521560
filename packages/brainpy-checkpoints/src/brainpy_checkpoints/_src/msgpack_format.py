"""Encoding of state trees in BrainPy 2.3.5's msgpack layout.

The layout (the one of ``flax.serialization``, which 2.3.5 adapted) is::

    file       := one msgpack object, packed with use_bin_type=True
    dict       := msgpack map with str keys (lists/tuples were turned into
                  {'0': …, '1': …} maps by the state dict)
    ndarray    := ext 1 (payload)           numpy or jax array
    np scalar  := ext 3 (payload)           payload of the 0-d array; Python
                                            complex is stored this way too
    payload    := msgpack array [shape (array of ints), dtype name (str),
                  C-order little-endian bytes (bin)]
    big array  := {'__msgpack_chunked_array__': True,
                   'shape': {'0': d0, …},
                   'chunks': {'0': ext 1 of a flat chunk, …}}
                  for arrays of more than MAX_CHUNK_SIZE bytes
    others     := native msgpack (int, float64, bool, str, bin, nil)
    checksum   := a last entry of the root map, written by save_pytree/save:
                  CHECKSUM_KEY -> uint32 (always 0xce + 4 big-endian bytes), the
                  CRC-32 (zlib's) of every byte of the file before those 5.

The checksum entry is a plain map entry, so BrainPy 2.3.5 reads these files (it
returns the entry as one more key, and ignores it when restoring into a target);
files without it (2.3.5's, or a tree whose root is not a dict) load unchecked.

For example, ``{'a': np.ones(3, np.float32)}`` is
``81 a1 61 c7 19 01 | 93 91 03 a7 'float32' c4 0c <12 bytes>``.

The encoder produces exactly the bytes of ``msgpack.packb(tree, strict_types=True)``
with 2.3.5's extension hook, but never builds them as one object: it returns a
list of parts where each large array is a zero-copy ``memoryview`` of its data,
so a save writes the array buffers straight from memory.
"""

from __future__ import annotations

import struct
import sys
import zlib
from typing import Any

import msgpack
import numpy as np

from brainpy_checkpoints._src.dtypes import storage_array
from brainpy_checkpoints._src.errors import CheckpointSerializationError

__all__ = [
    "CHECKSUM_KEY",
    "CHUNKED_ARRAY_MARKER",
    "EXT_NATIVE_COMPLEX",
    "EXT_NDARRAY",
    "EXT_NPSCALAR",
    "MAX_CHUNK_SIZE",
    "MAX_DEPTH",
    "encode",
    "ext_header",
]

#: Arrays of more bytes than this are split into flat chunks of at most this
#: many bytes (2**30, as in BrainPy 2.3.5). Read at call time, so tests may
#: monkeypatch it.
MAX_CHUNK_SIZE = 2**30

#: msgpack extension type codes.
EXT_NDARRAY = 1
EXT_NATIVE_COMPLEX = 2
EXT_NPSCALAR = 3

CHUNKED_ARRAY_MARKER = "__msgpack_chunked_array__"

#: The key of the checksum entry that ends the root map of a saved file.
CHECKSUM_KEY = "__brainpy_checkpoint_crc32__"

#: Deepest nesting of maps and arrays written or read.
MAX_DEPTH = 256

# Arrays up to this many bytes are copied into the header buffer; larger ones
# are written from their own memory.
_INLINE_BYTES = 1 << 16

_NATIVE = (int, float, bool, str, bytes, type(None))
_FIXEXT = {1: 0xD4, 2: 0xD5, 4: 0xD6, 8: 0xD7, 16: 0xD8}


def ext_header(code: int, length: int) -> bytes:
    """Return the msgpack header of an extension object of ``length`` payload bytes."""
    fix = _FIXEXT.get(length)
    if fix is not None:
        return bytes((fix, code))
    if length < 1 << 8:
        return struct.pack(">BBb", 0xC7, length, code)
    if length < 1 << 16:
        return struct.pack(">BHb", 0xC8, length, code)
    return struct.pack(">BIb", 0xC9, length, code)


def bin_header(length: int) -> bytes:
    """Return the msgpack header of a bin object of ``length`` bytes."""
    if length < 1 << 8:
        return struct.pack(">BB", 0xC4, length)
    if length < 1 << 16:
        return struct.pack(">BH", 0xC5, length)
    return struct.pack(">BI", 0xC6, length)


def map_header(n: int) -> bytes:
    """Return the msgpack header of a map of ``n`` entries."""
    if n < 16:
        return bytes((0x80 | n,))
    if n < 1 << 16:
        return struct.pack(">BH", 0xDE, n)
    return struct.pack(">BI", 0xDF, n)


def array_header(n: int) -> bytes:
    """Return the msgpack header of an array of ``n`` items."""
    if n < 16:
        return bytes((0x90 | n,))
    if n < 1 << 16:
        return struct.pack(">BH", 0xDC, n)
    return struct.pack(">BI", 0xDD, n)


def _key_repr(path: list[str]) -> str:
    return "".join(f"[{key!r}]" for key in path) or "the root"


class _Encoder:
    """Collects the bytes of one file as a list of parts."""

    def __init__(self, snapshot: bool):
        self.snapshot = snapshot
        self.parts: list[bytes | memoryview] = []
        self.buffer = bytearray()
        self.path: list[str] = []

    def fail(self, message: str) -> CheckpointSerializationError:
        where = _key_repr(self.path)
        return CheckpointSerializationError(
            f"cannot store the value at {where}: {message}", path=where
        )

    def finish(self) -> list[bytes | memoryview]:
        if self.buffer:
            self.parts.append(bytes(self.buffer))
            self.buffer = bytearray()
        return self.parts

    def put_view(self, view: memoryview) -> None:
        self.finish()
        self.parts.append(view)

    # -------------------------------------------------------------- dispatch
    def value(self, obj: Any) -> None:
        kind = type(obj)
        if kind in _NATIVE:
            try:
                self.buffer += msgpack.packb(obj, use_bin_type=True)
            except OverflowError:
                raise self.fail(f"the int {obj} does not fit in 64 bits.") from None
            except UnicodeEncodeError:
                raise self.fail(f"the string {obj!r:.40} is not valid Unicode.") from None
        elif isinstance(obj, dict):
            self.mapping(obj)
        elif isinstance(obj, np.ndarray):
            self.array(obj)
        elif isinstance(obj, np.generic) or kind is complex:
            self.scalar(obj)
        elif isinstance(obj, (list, tuple)):
            self.sequence(obj)
        elif isinstance(obj, (bytearray, memoryview)):
            self.buffer += msgpack.packb(bytes(obj), use_bin_type=True)
        else:
            self.other(obj)

    def other(self, obj: Any) -> None:
        jax = sys.modules.get("jax")
        if jax is not None and isinstance(obj, jax.Array):
            try:
                host = np.asarray(obj)
            except TypeError as err:  # typed PRNG keys, tracers
                hint = " Store jax.random.key_data(key) instead." if "key" in str(obj.dtype) else ""
                raise self.fail(f"{err}{hint}") from None
            self.array(host)
            return
        if hasattr(type(obj), "__jax_array__"):  # e.g. a brainpy Array left in a custom state
            self.array(np.asarray(obj.__jax_array__()))
            return
        raise self.fail(
            f"objects of type {type(obj).__qualname__} cannot be stored; convert it to an "
            "array or a dict, or register it with register_serialization_state."
        )

    def mapping(self, obj: dict[Any, Any], extra: int = 0) -> None:
        if len(self.path) >= MAX_DEPTH:
            raise self.fail(f"the tree is nested deeper than {MAX_DEPTH} levels.")
        self.buffer += map_header(len(obj) + extra)
        for key, item in obj.items():
            if type(key) is not str:
                raise self.fail(f"dict keys must be str, got {type(key).__name__} {key!r}.")
            try:
                self.buffer += msgpack.packb(key)
            except UnicodeEncodeError:
                raise self.fail(f"the key {key!r:.40} is not valid Unicode.") from None
            self.path.append(key)
            self.value(item)
            self.path.pop()

    def sealed_mapping(self, obj: dict[Any, Any]) -> None:
        """The root map, with the checksum entry last (see the module docstring)."""
        if CHECKSUM_KEY in obj:
            raise self.fail(f"the key {CHECKSUM_KEY!r} is reserved for the file's checksum.")
        self.mapping(obj, extra=1)
        self.buffer += msgpack.packb(CHECKSUM_KEY)
        crc = 0
        for part in self.finish():
            crc = zlib.crc32(part, crc)
        self.buffer += struct.pack(">BI", 0xCE, crc)

    def sequence(self, obj: list[Any] | tuple[Any, ...]) -> None:
        if len(self.path) >= MAX_DEPTH:
            raise self.fail(f"the tree is nested deeper than {MAX_DEPTH} levels.")
        self.buffer += array_header(len(obj))
        for i, item in enumerate(obj):
            self.path.append(str(i))
            self.value(item)
            self.path.pop()

    # ---------------------------------------------------------------- arrays
    def scalar(self, obj: Any) -> None:
        self.ext(EXT_NPSCALAR, storage_array(np.asarray(obj), _key_repr(self.path), copy=False))

    def array(self, arr: np.ndarray) -> None:
        where = _key_repr(self.path)
        arr = storage_array(arr, where, copy=self.snapshot)
        if arr.nbytes > MAX_CHUNK_SIZE:
            self.chunked(arr)
        else:
            self.ext(EXT_NDARRAY, arr)

    def chunked(self, arr: np.ndarray) -> None:
        flat = arr.reshape(-1)
        per_chunk = max(1, MAX_CHUNK_SIZE // arr.dtype.itemsize)
        starts = range(0, flat.size, per_chunk)
        self.buffer += map_header(3)
        self.buffer += msgpack.packb(CHUNKED_ARRAY_MARKER) + msgpack.packb(True)
        self.buffer += msgpack.packb("shape") + map_header(arr.ndim)
        for i, dim in enumerate(arr.shape):
            self.buffer += msgpack.packb(str(i)) + msgpack.packb(dim)
        self.buffer += msgpack.packb("chunks") + map_header(len(starts))
        for i, start in enumerate(starts):
            self.buffer += msgpack.packb(str(i))
            self.ext(EXT_NDARRAY, flat[start : start + per_chunk])

    def ext(self, code: int, arr: np.ndarray) -> None:
        nbytes = arr.nbytes
        head = b"".join(
            (
                b"\x93",
                msgpack.packb(list(arr.shape)),
                msgpack.packb(arr.dtype.name),
                bin_header(nbytes),
            )
        )
        self.buffer += ext_header(code, len(head) + nbytes)
        self.buffer += head
        if nbytes <= _INLINE_BYTES:
            self.buffer += arr.tobytes()
        else:
            self.put_view(arr.reshape(-1).view(np.uint8).data)


def encode(
    state: Any, snapshot: bool = False, checksum: bool = False
) -> tuple[list[bytes | memoryview], int]:
    """Encode a state tree into the parts of a checkpoint file.

    Args:
      state: the tree returned by :func:`~brainpy_checkpoints.to_state_dict`.
      snapshot: copy array data that could change later (for asynchronous
        saves); otherwise large parts are views of the arrays' memory.
      checksum: end a root map with the checksum entry (trees whose root is not a
        dict are written without one).

    Returns:
      ``(parts, size)``: bytes-like parts whose concatenation is the file, and
      its total size in bytes.

    Raises:
      CheckpointSerializationError: a leaf cannot be stored; the message names
        its path.
    """
    encoder = _Encoder(snapshot)
    if checksum and isinstance(state, dict):
        encoder.sealed_mapping(state)
    else:
        encoder.value(state)
    parts = encoder.finish()
    return parts, sum(part.nbytes if isinstance(part, memoryview) else len(part) for part in parts)

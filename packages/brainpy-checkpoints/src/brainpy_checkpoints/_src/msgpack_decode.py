"""Validating decoder of the msgpack checkpoint layout.

A small msgpack reader written for checkpoints rather than
``msgpack.unpackb(..., ext_hook=...)``, for two reasons:

* **Safety.** Every length read from the file (map and array sizes, string,
  bin and extension lengths) is checked against the bytes left in the file
  before anything is allocated, array payloads must satisfy
  ``prod(shape) * itemsize == len(bytes)``, dtypes come from a fixed list, and
  nesting is bounded. Any violation raises :class:`CorruptCheckpointError`;
  nothing is ever unpickled.
* **Speed.** Array bytes are read with ``readinto`` straight into a freshly
  allocated, writable NumPy array: one copy from the operating system, as with
  plain file I/O, instead of three (file → bytes → ext payload → bin).

* **Integrity.** A file whose root map ends with the checksum entry (see
  :mod:`.msgpack_format`) is checked against the CRC-32 of its bytes, computed while
  the bytes are read; any mismatch, or a damaged checksum entry, is corruption.
* **Bounded memory.** Every container, string and array is charged (about what
  CPython spends on it) against a budget of ``MEMORY_FACTOR`` times the file size
  plus ``MEMORY_FLOOR`` bytes; a file past it (a "map of millions of empty maps"
  bomb) is refused long before it can exhaust memory.

It reads what ``msgpack.unpackb(data, raw=False)`` reads (all formats of the
msgpack spec except the timestamp extension, which checkpoints never contain),
with ``strict_map_key``: map keys must be strings.
"""

from __future__ import annotations

import math
import struct
import zlib
from typing import Any, BinaryIO

import msgpack
import numpy as np

from brainpy_checkpoints._src.dtypes import dtype_from_name, native
from brainpy_checkpoints._src.errors import CheckpointError, CorruptCheckpointError
from brainpy_checkpoints._src.msgpack_format import (
    CHECKSUM_KEY,
    CHUNKED_ARRAY_MARKER,
    EXT_NATIVE_COMPLEX,
    EXT_NDARRAY,
    EXT_NPSCALAR,
    MAX_DEPTH,
)

__all__ = ["MEMORY_FACTOR", "MEMORY_FLOOR", "decode_bytes", "decode_file"]

#: Decoding may allocate at most ``MEMORY_FACTOR * file size + MEMORY_FLOOR`` bytes
#: (arrays count their data; a real checkpoint stays far below the factor, a file of
#: Python scalars in a dict near 8).
MEMORY_FACTOR = 16
MEMORY_FLOOR = 16 << 20

_CHUNK = 1 << 18  # bytes read ahead for headers and small values
_MAX_NDIM = 64  # numpy's limit
_SMALL_PAYLOAD = 1 << 12  # array payloads up to this size are parsed in one piece

_UNPACKERS = {
    0xCA: struct.Struct(">f"),
    0xCB: struct.Struct(">d"),
    0xCC: struct.Struct(">B"),
    0xCD: struct.Struct(">H"),
    0xCE: struct.Struct(">I"),
    0xCF: struct.Struct(">Q"),
    0xD0: struct.Struct(">b"),
    0xD1: struct.Struct(">h"),
    0xD2: struct.Struct(">i"),
    0xD3: struct.Struct(">q"),
}
_LEN8, _LEN16, _LEN32 = struct.Struct(">B"), struct.Struct(">H"), struct.Struct(">I")
_FIXEXT_SIZES = {0xD4: 1, 0xD5: 2, 0xD6: 4, 0xD7: 8, 0xD8: 16}
_CHECKSUM_BYTES = 5  # 0xce + a big-endian uint32
# What CPython spends, roughly, on each kind of object the decoder makes.
_COST_VALUE = 32
_COST_DICT, _COST_DICT_ITEM = 64, 48
_COST_LIST, _COST_LIST_ITEM = 56, 8
_COST_STR, _COST_BYTES, _COST_ARRAY = 49, 33, 112


class _Truncated(Exception):
    pass


class _Source:
    """Sequential reader over a file (or a bytes object) of known size."""

    __slots__ = ("_file", "_buf", "_pos", "_base", "size", "_crc", "_hashed")

    def __init__(self, file: BinaryIO | None, size: int, data: Any = b""):
        self._file = file
        self._buf: bytes | memoryview = data
        self._pos = 0
        self._base = 0  # offset of _buf[0] in the file
        self.size = size
        # The CRC-32 of the file's bytes before the checksum's own 5, fed as they are
        # read from the file (a source in memory computes it when asked).
        self._crc = 0
        self._hashed = 0

    def _absorb(self, data: Any) -> None:
        """Feed bytes just read from the file (they follow the ones fed before)."""
        end = self.size - _CHECKSUM_BYTES
        if self._hashed < end:
            n = min(len(data), end - self._hashed)
            self._crc = zlib.crc32(data[:n] if n < len(data) else data, self._crc)
        self._hashed += len(data)

    def crc_before_checksum(self) -> int:
        """The CRC-32 of every byte of the file but the last five."""
        if self._file is None:
            return zlib.crc32(self._buf[: self.size - _CHECKSUM_BYTES])
        return self._crc

    def tell(self) -> int:
        return self._base + self._pos

    def remaining(self) -> int:
        return self.size - self._base - self._pos

    def _fill(self, n: int) -> None:
        """Make at least ``n`` bytes available after the read position."""
        if n > self.remaining() or self._file is None:
            raise _Truncated
        kept = self._buf[self._pos :]
        want = min(max(n - len(kept), _CHUNK), self.size - self._base - len(self._buf))
        pieces = [kept]
        got = len(kept)
        while got < n:
            piece = self._file.read(want)
            if not piece:
                raise _Truncated
            self._absorb(piece)
            pieces.append(piece)
            got += len(piece)
            want -= len(piece)
        self._base += self._pos
        self._buf = b"".join(pieces)
        self._pos = 0

    def byte(self) -> int:
        pos = self._pos
        if pos >= len(self._buf):
            self._fill(1)
            pos = 0
        self._pos = pos + 1
        return self._buf[pos]

    def unread(self) -> None:
        """Step back over the byte just read by :meth:`byte`."""
        self._pos -= 1

    def unpack(self, fmt: struct.Struct) -> Any:
        if self._pos + fmt.size > len(self._buf):
            self._fill(fmt.size)
        value = fmt.unpack_from(self._buf, self._pos)[0]
        self._pos += fmt.size
        return value

    def take(self, n: int) -> bytes:
        if self._pos + n > len(self._buf):
            self._fill(n)
        start = self._pos
        self._pos = start + n
        return bytes(self._buf[start : start + n])

    def readinto(self, out: memoryview) -> None:
        n = len(out)
        if n > self.remaining():
            raise _Truncated
        have = min(n, len(self._buf) - self._pos)
        out[:have] = self._buf[self._pos : self._pos + have]
        self._pos += have
        rest = n - have
        if rest == 0:
            return
        if rest < _CHUNK:
            self._fill(rest)
            out[have:] = self._buf[:rest]
            self._pos = rest
            return
        # A large payload: read it straight into the array's memory.
        self._base += len(self._buf)
        self._buf = b""
        self._pos = 0
        view = out[have:]
        while len(view):
            got = self._file.readinto(view)  # type: ignore[union-attr]
            if not got:
                raise _Truncated
            self._absorb(view[:got])
            view = view[got:]
        self._base += rest


class _Decoder:
    def __init__(self, source: _Source):
        self.src = source
        self.depth = 0
        self.budget = MEMORY_FACTOR * source.size + MEMORY_FLOOR
        self.checked = False  # whether the file's checksum was verified

    def spend(self, nbytes: int) -> None:
        """Charge an allocation against the file's memory budget."""
        self.budget -= nbytes
        if self.budget < 0:
            raise self.corrupt(
                f"decoding would take more than {MEMORY_FACTOR} times the file's "
                f"{self.src.size} bytes of memory (a hostile or corrupt file)"
            )

    def corrupt(self, message: str) -> CorruptCheckpointError:
        return CorruptCheckpointError(f"{message} (at byte {self.src.tell()} of {self.src.size}).")

    def count(self, n: int, min_bytes_each: int) -> int:
        if n * min_bytes_each > self.src.remaining():
            raise self.corrupt(
                f"a length of {n} exceeds the {self.src.remaining()} bytes left in the file "
                "(truncated or corrupt)"
            )
        return n

    # ------------------------------------------------------------------ values
    def value(self) -> Any:
        src = self.src
        self.spend(_COST_VALUE)
        c = src.byte()
        if c < 0x80:
            return c
        if c < 0x90:
            return self.mapping(c & 0x0F)
        if c < 0xA0:
            return self.sequence(c & 0x0F)
        if c < 0xC0:
            return self.text(c & 0x1F)
        if c >= 0xE0:
            return c - 0x100
        if c == 0xC0:
            return None
        if c == 0xC2:
            return False
        if c == 0xC3:
            return True
        fmt = _UNPACKERS.get(c)
        if fmt is not None:
            return src.unpack(fmt)
        if c in (0xD9, 0xDA, 0xDB):
            return self.text(src.unpack((_LEN8, _LEN16, _LEN32)[c - 0xD9]))
        if c in (0xC4, 0xC5, 0xC6):
            n = self.count(src.unpack((_LEN8, _LEN16, _LEN32)[c - 0xC4]), 1)
            self.spend(_COST_BYTES + n)
            return src.take(n)
        if c in (0xDC, 0xDD):
            return self.sequence(src.unpack(_LEN16 if c == 0xDC else _LEN32))
        if c in (0xDE, 0xDF):
            return self.mapping(src.unpack(_LEN16 if c == 0xDE else _LEN32))
        size = _FIXEXT_SIZES.get(c)
        if size is not None:
            return self.ext(src.unpack(_LEN8), size)
        if c in (0xC7, 0xC8, 0xC9):
            size = src.unpack((_LEN8, _LEN16, _LEN32)[c - 0xC7])
            return self.ext(src.unpack(_LEN8), size)
        raise self.corrupt(f"byte 0x{c:02x} does not start a msgpack object")

    def text(self, n: int) -> str:
        self.spend(_COST_STR + n)
        raw = self.src.take(self.count(n, 1))
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise self.corrupt("a string is not valid UTF-8") from None

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.corrupt(f"objects are nested deeper than {MAX_DEPTH} levels")

    def sequence(self, n: int) -> list[Any]:
        self.count(n, 1)
        self.spend(_COST_LIST + _COST_LIST_ITEM * n)
        self.enter()
        items = [self.value() for _ in range(n)]
        self.depth -= 1
        return items

    def mapping(self, n: int) -> Any:
        self.count(n, 2)
        self.spend(_COST_DICT + _COST_DICT_ITEM * n)
        self.enter()
        out: dict[str, Any] = {}
        src = self.src
        for i in range(n):
            c = src.byte()
            if 0xA0 <= c < 0xC0:  # fixstr: nearly every key
                key = self.text(c & 0x1F)
            else:
                src.unread()
                key = self.value()
            if type(key) is not str:
                raise self.corrupt(f"a map key is {type(key).__name__}, expected str")
            if key in out:
                raise self.corrupt(f"the map key {key!r} appears twice")
            if self.depth == 1 and i == n - 1 and _is_checksum_key(key):
                self.verify_checksum(key)
                break
            out[key] = self.value()
        self.depth -= 1
        if CHUNKED_ARRAY_MARKER in out:
            return self.unchunk(out)
        return out

    def verify_checksum(self, key: str) -> None:
        """Check the root map's last entry, ``key``, against the file's CRC-32."""
        src = self.src
        if key != CHECKSUM_KEY:
            raise self.corrupt(f"the checksum entry is damaged (its key reads {key!r})")
        if src.tell() != src.size - _CHECKSUM_BYTES or src.byte() != 0xCE:
            raise self.corrupt("the checksum entry is damaged (not 5 bytes at the end)")
        stored = src.unpack(_LEN32)
        actual = src.crc_before_checksum()
        if stored != actual:
            raise self.corrupt(
                f"the checksum does not match (stored {stored:08x}, computed {actual:08x}): "
                "the file was modified or damaged after it was saved"
            )
        self.checked = True

    # ---------------------------------------------------------------- extensions
    def ext(self, code: int, size: int) -> Any:
        self.count(size, 1)
        end = self.src.tell() + size
        result: Any
        if code in (EXT_NDARRAY, EXT_NPSCALAR):
            result = self.ndarray(end)
            if code == EXT_NPSCALAR:
                if result.ndim != 0:
                    raise self.corrupt(f"a NumPy scalar has shape {result.shape}, expected ()")
                result = result[()]
        elif code == EXT_NATIVE_COMPLEX:
            parts = self.value()
            if (
                type(parts) is not list
                or len(parts) != 2
                or not all(type(p) in (int, float) for p in parts)
            ):
                raise self.corrupt("a complex number is not [real, imag]")
            result = complex(parts[0], parts[1])
        else:
            raise self.corrupt(f"unknown msgpack extension type {code}")
        if self.src.tell() != end:
            raise self.corrupt(f"an extension object does not span its declared {size} bytes")
        return result

    def array_dtype(self, shape: Any, name: Any, nbytes: int) -> np.dtype:
        """Validate an array header; return the dtype to read ``nbytes`` into."""
        if (
            type(shape) is not list
            or len(shape) > _MAX_NDIM
            or not all(type(d) is int and 0 <= d < 1 << 62 for d in shape)
        ):
            raise self.corrupt(
                f"an array shape must be a list of at most {_MAX_NDIM} "
                f"non-negative ints, got {shape!r:.80}"
            )
        dtype = dtype_from_name(name) if type(name) is str else None
        if dtype is None:
            raise self.corrupt(f"unknown array dtype {name!r:.40}")
        expected = math.prod(shape) * dtype.itemsize
        if expected != nbytes:
            raise self.corrupt(
                f"an array of shape {tuple(shape)} and dtype {name} needs {expected} bytes, "
                f"the file holds {nbytes}"
            )
        return dtype

    def ndarray(self, end: int) -> np.ndarray:
        size = end - self.src.tell()
        if size <= _SMALL_PAYLOAD:
            return self.small_ndarray(self.src.take(size))
        src = self.src
        if src.byte() != 0x93:
            raise self.corrupt("an array payload is not a [shape, dtype, bytes] triple")
        shape = self.value()
        name = self.value()
        c = src.byte()
        if c not in (0xC4, 0xC5, 0xC6):
            raise self.corrupt("the data of an array is not a msgpack bin")
        nbytes = src.unpack((_LEN8, _LEN16, _LEN32)[c - 0xC4])
        if src.tell() + nbytes != end:
            raise self.corrupt(f"an array of {nbytes} bytes does not fill its extension object")
        dtype = self.array_dtype(shape, name, nbytes)
        self.spend(_COST_ARRAY + nbytes)
        try:
            out = np.empty(tuple(shape), dtype)
        except (ValueError, OverflowError):  # e.g. a zero dim next to a huge one
            raise self.corrupt(f"cannot allocate an array of shape {tuple(shape)}") from None
        try:
            src.readinto(out.reshape(-1).view(np.uint8).data)
        except _Truncated:
            raise self.corrupt("the file ends inside an array") from None
        return self.finish(out)

    def finish(self, out: np.ndarray) -> np.ndarray:
        if out.dtype == np.bool_ and out.size and out.view(np.uint8).max() > 1:
            raise self.corrupt("a boolean array holds bytes other than 0 and 1")
        return native(out)

    def small_ndarray(self, payload: bytes) -> np.ndarray:
        # A payload of a few KiB is parsed by msgpack's C unpacker: bounded by its
        # size, it cannot allocate much, and it is much faster than the loop above.
        try:  # unpackb bounds every length by len(payload)
            triple = msgpack.unpackb(payload, raw=False)
        except (ValueError, msgpack.UnpackException) as exc:
            raise self.corrupt(f"an array payload is malformed ({type(exc).__name__})") from None
        if type(triple) is not list or len(triple) != 3 or type(triple[2]) is not bytes:
            raise self.corrupt("an array payload is not a [shape, dtype, bytes] triple")
        shape, name, data = triple
        dtype = self.array_dtype(shape, name, len(data))
        self.spend(_COST_ARRAY + 2 * len(data))  # the payload's bytes, then the copy
        try:
            out = np.frombuffer(data, dtype).reshape(shape)
        except (ValueError, OverflowError):
            raise self.corrupt(f"cannot allocate an array of shape {tuple(shape)}") from None
        return self.finish(out.copy())

    def unchunk(self, node: dict[str, Any]) -> np.ndarray:
        shape_map = node.get("shape")
        chunk_map = node.get("chunks")
        if (
            set(node) != {CHUNKED_ARRAY_MARKER, "shape", "chunks"}
            or node[CHUNKED_ARRAY_MARKER] is not True
            or type(shape_map) is not dict
            or type(chunk_map) is not dict
            or list(shape_map) != [str(i) for i in range(len(shape_map))]
            or list(chunk_map) != [str(i) for i in range(len(chunk_map))]
        ):
            raise self.corrupt("a chunked array is not {marker, 'shape', 'chunks'} with keys '0'..")
        shape = tuple(shape_map.values())
        chunks = list(chunk_map.values())
        if len(shape) > _MAX_NDIM or not all(type(d) is int and 0 <= d < 1 << 62 for d in shape):
            raise self.corrupt(f"a chunked array has the invalid shape {shape!r:.80}")
        if not chunks or not all(
            isinstance(c, np.ndarray) and c.ndim == 1 and c.dtype == chunks[0].dtype for c in chunks
        ):
            raise self.corrupt("the chunks of a chunked array are not flat arrays of one dtype")
        total = sum(c.size for c in chunks)
        if total != math.prod(shape):
            raise self.corrupt(f"chunks of {total} elements cannot fill the shape {shape}")
        self.spend(_COST_ARRAY + total * chunks[0].dtype.itemsize)
        out = np.empty(total, chunks[0].dtype)
        start = 0
        for chunk in chunks:
            out[start : start + chunk.size] = chunk
            start += chunk.size
        return out.reshape(shape)


def _is_checksum_key(key: str) -> bool:
    """``key`` is the checksum key, or one a few flipped bits away from it."""
    return len(key) == len(CHECKSUM_KEY) and (
        key == CHECKSUM_KEY or sum(a != b for a, b in zip(key, CHECKSUM_KEY)) <= 2
    )


def _decode(source: _Source, filename: Any) -> tuple[Any, bool]:
    decoder = _Decoder(source)
    try:
        if source.size == 0:
            raise decoder.corrupt("the file is empty")
        result = decoder.value()
        if source.remaining():
            raise decoder.corrupt(f"{source.remaining()} bytes follow the end of the checkpoint")
        return result, decoder.checked
    except _Truncated:
        err: CheckpointError = CorruptCheckpointError(
            f"the file ends before the checkpoint does (truncated at {source.size} bytes).",
            filename=filename,
        )
    except CheckpointError as exc:
        err = exc.with_filename(filename) if filename is not None else exc
    except (
        ValueError,
        TypeError,
        IndexError,
        KeyError,
        OverflowError,
        RecursionError,
        struct.error,
    ) as exc:
        # A safety net: whatever the bytes, the caller sees one error type. (A
        # MemoryError is not caught: sizes are checked against the file first, so
        # it means the machine cannot hold this file, not that the file is bad.)
        err = CorruptCheckpointError(f"cannot decode: {exc!r}", filename=filename)
    raise err


def decode_file(file: BinaryIO, size: int, filename: Any) -> tuple[Any, bool]:
    """Decode the checkpoint in an open binary file of ``size`` bytes.

    Returns:
      ``(tree, checked)``: the tree, and whether it carried a checksum (verified).
    """
    return _decode(_Source(file, size), filename)


def decode_bytes(data: bytes | bytearray | memoryview, filename: Any = None) -> tuple[Any, bool]:
    """Decode a checkpoint held in memory; returns ``(tree, checked)`` as :func:`decode_file`."""
    view = memoryview(data).cast("B")
    return _decode(_Source(None, len(view), view), filename)

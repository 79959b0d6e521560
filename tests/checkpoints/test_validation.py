"""Validated loading: missing, truncated, bit-flipped and forged files each raise one error type."""

from __future__ import annotations

import random
import resource
import struct
import tracemalloc

import msgpack
import numpy as np
import pytest

import brainpy_checkpoints as bc


def h(text: str) -> bytes:
    return bytes.fromhex(text)


def ext1(payload: bytes, declared: int | None = None) -> bytes:
    n = len(payload) if declared is None else declared
    return h("c9") + struct.pack(">I", n) + b"\x01" + payload


def payload(shape, name="float32", data=b"", bin_len=None) -> bytes:
    n = len(data) if bin_len is None else bin_len
    return (
        b"\x93" + msgpack.packb(shape) + msgpack.packb(name) + h("c6") + struct.pack(">I", n) + data
    )


def doc(value: bytes) -> bytes:
    return h("81 a1 61") + value


SAMPLE_TREE = {
    "w": np.arange(24, dtype=np.float32).reshape(4, 6),
    "b": [np.int8(3), 2.5, "text", None, True, b"\x01\x02"],
    "c": {"z": np.zeros((0, 2)), "k": np.array(1 + 2j), "big": np.arange(300, dtype=np.int16)},
    "large": np.arange(3000, dtype=np.float32),  # read by the streaming path
}


def _header_positions(data: bytes) -> list[int]:
    """Byte positions outside the raw data of the large array (where flips matter most)."""
    raw = SAMPLE_TREE["large"].tobytes()
    start = data.find(raw)
    return [i for i in range(len(data)) if not start + 8 <= i < start + len(raw)]


def test_error_classes_form_one_family():
    for cls in (
        bc.CheckpointNotFoundError,
        bc.CorruptCheckpointError,
        bc.CheckpointStructureError,
        bc.CheckpointExistsError,
        bc.CheckpointSerializationError,
    ):
        assert issubclass(cls, bc.CheckpointError)
        assert cls.__doc__ and cls.__module__ == "brainpy_checkpoints"
    assert issubclass(bc.CheckpointError, ValueError)
    assert issubclass(bc.CheckpointNotFoundError, FileNotFoundError)


def test_errors_pickle_with_their_message(tmp_path):
    import pickle

    err = bc.CorruptCheckpointError("bad bytes.", filename=tmp_path / "x.bp")
    back = pickle.loads(pickle.dumps(err))
    assert str(back) == str(err) and back.filename == err.filename


def test_missing_file_names_both_names_tried(tmp_path):
    with pytest.raises(bc.CheckpointNotFoundError) as info:
        bc.load_pytree(tmp_path / "nothing")
    message = str(info.value)
    assert str(tmp_path / "nothing") in message and "nothing.bp" in message
    assert isinstance(info.value, ValueError) and isinstance(info.value, FileNotFoundError)


def test_empty_file(tmp_path):
    (tmp_path / "e.bp").write_bytes(b"")
    with pytest.raises(bc.CorruptCheckpointError, match="empty") as info:
        bc.load_pytree(tmp_path / "e.bp")
    assert str(info.value).startswith(str(tmp_path / "e.bp"))


def test_truncation_at_every_offset_is_a_clean_error(tmp_path):
    small_tree = {k: v for k, v in SAMPLE_TREE.items() if k != "large"}
    data = bc.msgpack_serialize(small_tree)
    assert bc.msgpack_restore(data)  # the full file decodes
    for cut in range(len(data)):
        with pytest.raises(bc.CorruptCheckpointError):
            bc.msgpack_restore(data[:cut])
    path = tmp_path / "t.bp"
    for cut in range(0, len(data), 7):  # the same through the file reader
        path.write_bytes(data[:cut])
        with pytest.raises(bc.CorruptCheckpointError) as info:
            bc.load_pytree(path, target=small_tree)
        assert str(path) in str(info.value)


def test_truncating_a_large_file_inside_arrays(tmp_path):
    tree = {f"a{i}": np.full(100_000 + i, i, np.float64) for i in range(4)}
    data = bc.msgpack_serialize(tree)
    path = tmp_path / "big.bp"
    rng = random.Random(0)
    for cut in sorted(rng.sample(range(len(data)), 40)) + [len(data) - 1]:
        path.write_bytes(data[:cut])
        with pytest.raises(bc.CorruptCheckpointError, match="ends|exceeds"):
            bc.load_pytree(path)


def test_trailing_bytes_are_rejected():
    data = bc.msgpack_serialize({"a": 1})
    with pytest.raises(bc.CorruptCheckpointError, match="follow the end"):
        bc.msgpack_restore(data + b"\xc0")


def test_random_bit_flips_never_escape_as_other_errors(tmp_path):
    data = bytearray(bc.msgpack_serialize(SAMPLE_TREE))
    positions = _header_positions(data)
    rng = random.Random(1234)
    outcomes = {"error": 0, "decoded": 0}
    tracemalloc.start()
    try:
        for trial in range(600):
            corrupt = bytearray(data)
            for _ in range(rng.randint(1, 3)):
                i = rng.choice(positions)
                if trial % 3:
                    corrupt[i] ^= 1 << rng.randrange(8)
                else:
                    corrupt[i] = rng.randrange(256)
            try:
                bc.msgpack_restore(bytes(corrupt))
                outcomes["decoded"] += 1
            except bc.CheckpointError as err:
                assert isinstance(err, bc.CorruptCheckpointError)
                outcomes["error"] += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert outcomes["error"] > 50 and outcomes["decoded"] > 50, outcomes
    assert peak < 4 * 1024 * 1024  # never anything near a huge allocation


def test_bit_flips_through_the_file_reader(tmp_path):
    data = bytearray(bc.msgpack_serialize(SAMPLE_TREE))
    positions = _header_positions(data)
    rng = random.Random(99)
    path = tmp_path / "flip.bp"
    for _ in range(100):
        corrupt = bytearray(data)
        corrupt[rng.choice(positions)] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(corrupt))
        try:
            bc.load_pytree(path)
        except bc.CorruptCheckpointError as err:
            assert str(path) in str(err)


FORGED = {
    "ext32 longer than the file": doc(h("c9 ff ff ff ff 01") + b"\x93"),
    "shape of 2**40 floats": doc(ext1(payload([2**40], bin_len=2**32 - 1), declared=100)),
    "huge bin length": doc(ext1(payload([4], bin_len=2**32 - 1))),
    "shape product overflow": doc(ext1(payload([2**31, 2**31], data=b"\x00" * 16))),
    "dims above 2**62": doc(ext1(payload([2**63, 0], data=b""))),
    "zero next to huge dim": doc(ext1(payload([0, 2**61], data=b""))),
    "negative dim": doc(ext1(payload([-4], data=b"\x00" * 16))),
    "65 dims": doc(ext1(payload([1] * 65, data=b"\x00" * 4))),
    "shape not a list": doc(ext1(payload(3, data=b"\x00" * 12))),
    "bool dim": doc(ext1(payload([True], data=b"\x00" * 4))),
    "bytes short by one": doc(ext1(payload([3], data=b"\x00" * 11))),
    "bytes long by one": doc(ext1(payload([3], data=b"\x00" * 13))),
    "ext longer than payload": doc(ext1(payload([1], data=b"\x00" * 4), declared=30) + b"\xc0" * 30),
    "dtype object": doc(ext1(payload([1], "object", b"\x00" * 8))),
    "dtype float128": doc(ext1(payload([1], "float128", b"\x00" * 16))),
    "dtype not a str": doc(ext1(payload([1], 5, b"\x00" * 4))),
    "dtype unicode": doc(ext1(payload([1], "str32", b"\x00" * 4))),
    "not a triple": doc(h("c7 03 01 92 90 90")),
    "data not bin": doc(ext1(b"\x93\x91\x01\xa5int32\xa4abcd")),
    "unknown ext code": doc(h("c7 01 09 00")),
    "timestamp ext": doc(h("d6 ff 00 00 00 00")),
    "scalar with a shape": doc(h("c9 00 00 00 0f 03") + payload([2], "int8", b"ab")),
    "bad native complex": doc(h("c7 02 02 91 01")),
    "map32 with 2**32-1 entries": h("df ff ff ff ff a1 61 c0"),
    "array32 with 2**32-1 items": doc(h("dd ff ff ff ff c0")),
    "str32 of 4 GiB": doc(h("db ff ff ff ff 61")),
    "bin32 of 4 GiB": doc(h("c6 ff ff ff ff 61")),
    "reserved byte c1": doc(h("c1")),
    "int key": h("81 01 c0"),
    "bytes key": h("81 c4 01 61 c0"),
    "duplicate key": h("82 a1 61 c0 a1 61 c3"),
    "invalid utf-8": h("81 a2 ff fe c0"),
    "deep nesting": b"\x91" * 10_000 + b"\xc0",
    "bool byte 2": doc(ext1(payload([3], "bool", b"\x01\x02\x00"))),
    "chunk marker only": doc(h("81") + msgpack.packb("__msgpack_chunked_array__") + h("c3")),
    "chunks of two dtypes": doc(
        msgpack.packb({"__msgpack_chunked_array__": True, "shape": {"0": 2}, "chunks": {"0": 0, "1": 0}})
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(FORGED))
def test_forged_files_raise_corrupt_errors_with_small_memory(tmp_path, name):
    path = tmp_path / "forged.bp"
    path.write_bytes(FORGED[name])
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    try:
        with pytest.raises(bc.CorruptCheckpointError) as info:
            bc.load_pytree(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, peak
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 64 * 1024  # KiB
    assert str(info.value).startswith(str(path) + ": ")
    assert "byte" in str(info.value) or "truncated" in str(info.value)


def test_tracemalloc_sees_array_allocations(tmp_path):
    # Makes the memory bound above meaningful: a real 8 MiB array shows up in the peak.
    path = bc.save_pytree(tmp_path / "m", {"x": np.zeros(1 << 20)}, verbose=False)
    tracemalloc.start()
    try:
        bc.load_pytree(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak >= 8 * 1024 * 1024


def test_chunked_layout_is_validated():
    good = {
        "__msgpack_chunked_array__": True,
        "shape": {"0": 4},
        "chunks": {"0": np.zeros(2), "1": np.zeros(2)},
    }
    bad_total = dict(good, shape={"0": 5})
    bad_dtype = dict(good, chunks={"0": np.zeros(2), "1": np.zeros(2, np.float32)})
    bad_ndim = dict(good, chunks={"0": np.zeros((1, 2)), "1": np.zeros(2)})
    extra_key = dict(good, extra=1)
    bad_keys = dict(good, chunks={"1": np.zeros(2), "0": np.zeros(2)})
    bad_marker = dict(good, __msgpack_chunked_array__=1)
    assert bc.msgpack_restore(bc.msgpack_serialize({"a": good}))["a"].shape == (4,)
    for node in (bad_total, bad_dtype, bad_ndim, extra_key, bad_keys, bad_marker):
        with pytest.raises(bc.CorruptCheckpointError, match="chunk"):
            bc.msgpack_restore(bc.msgpack_serialize({"a": node}))


def test_structure_errors_name_the_file(tmp_path):
    path = bc.save_pytree(tmp_path / "s", {"layer": {"w": np.zeros(3)}}, verbose=False)
    with pytest.raises(bc.CheckpointStructureError) as info:
        bc.load_pytree(path, target={"layer": {"w": np.zeros(3), "b": np.zeros(1)}})
    message = str(info.value)
    assert message.startswith(f"{path}: at ['layer']: ")
    assert "['b']" in message and info.value.path == "['layer']"


def test_no_pickle_is_involved(tmp_path):
    # An object array would need pickle; it cannot be stored, and a file that names
    # an object dtype is refused before any byte is interpreted.
    with pytest.raises(bc.CheckpointSerializationError):
        bc.msgpack_serialize({"o": np.array([{}], dtype=object)})
    with pytest.raises(bc.CorruptCheckpointError, match="unknown array dtype 'object'"):
        bc.msgpack_restore(FORGED["dtype object"])


BIG = b"\x00" * 8000  # payloads above the small-payload fast path take the streaming reader
FORGED_LARGE = {
    "not a triple": ext1(b"\x92" + payload([2000], data=BIG)[1:]),
    "data not bin": ext1(payload([2000], data=BIG).replace(b"\xc6", b"\xdb", 1)),
    "bytes short by 4": ext1(payload([2001], data=BIG)),
    "ext longer than payload": ext1(payload([2000], data=BIG), declared=8100) + b"\xc0" * 100,
    "unknown dtype": ext1(payload([1000], "float128", BIG)),
    "negative dim": ext1(payload([-2000], data=BIG)),
    "zero next to huge dim": ext1(payload([0, 2**61], data=b"")) + b"",
    "bool byte 7": ext1(payload([8000], "bool", b"\x01" * 7999 + b"\x07")),
    "scalar with a shape": h("c9") + struct.pack(">I", len(payload([2000], data=BIG))) + b"\x03"
    + payload([2000], data=BIG),
}  # fmt: skip


@pytest.mark.parametrize("name", list(FORGED_LARGE))
def test_forged_large_payloads(tmp_path, name):
    path = tmp_path / "forged.bp"
    path.write_bytes(doc(FORGED_LARGE[name]))
    with pytest.raises(bc.CorruptCheckpointError, match="byte"):
        bc.load_pytree(path)

"""Byte-level compatibility with BrainPy 2.3.5 files, written out by hand from the spec."""

from __future__ import annotations

import struct

import ml_dtypes
import numpy as np
import pytest

import brainpy_checkpoints as bc


def h(text: str) -> bytes:
    return bytes.fromhex(text.replace("|", " "))


def s(text: str) -> bytes:
    """A msgpack fixstr."""
    return bytes([0xA0 | len(text)]) + text.encode()


F32_ONE = struct.pack("<f", 1.0)

CASES = [
    # The spec's example: {'a': ones(3, float32)} -> fixmap(1) 'a' ext8(25, code 1)
    #   payload: fixarray(3) | fixarray(1) 3 | fixstr 'float32' | bin8(12) <12 bytes>
    (
        {"a": np.ones(3, np.float32)},
        h("81 a1 61 c7 19 01 | 93 91 03 a7") + b"float32" + h("c4 0c") + F32_ONE * 3,
    ),
    # A list becomes a {'0','1'} map; Python ints and floats are native (float as float64).
    (
        {"l": [1, 2.5]},
        h("81 a1 6c 82 a1 30 01 a1 31 cb") + struct.pack(">d", 2.5),
    ),
    # A float32 NumPy scalar: payload of 16 bytes, so msgpack uses fixext16 (d8), code 3.
    (
        {"s": np.float32(1.0)},
        h("81") + s("s") + h("d8 03 | 93 90") + s("float32") + h("c4 04") + F32_ONE,
    ),
    # Python complex is stored as a complex128 NumPy scalar (ext 3), as 2.3.5 did.
    (
        {"c": 1 + 2j},
        h("81") + s("c") + h("c7 1f 03 | 93 90") + s("complex128") + h("c4 10")
        + struct.pack("<dd", 1.0, 2.0),
    ),
    # bfloat16 by name; shape (2,).
    (
        {"b": np.ones(2, ml_dtypes.bfloat16)},
        h("81") + s("b") + h("c7 12 01 | 93 91 02") + s("bfloat16") + h("c4 04 80 3f 80 3f"),
    ),
    # A 0-d int64 array is ext 1 with an empty shape; None/True/str are native.
    (
        {"z": np.array(7, np.int64), "n": None, "t": True, "u": "hé"},
        h("84") + s("z") + h("c7 12 01 | 93 90") + s("int64") + h("c4 08")
        + struct.pack("<q", 7) + s("n") + h("c0") + s("t") + h("c3") + s("u") + h("a3 68 c3 a9"),
    ),
    # A tuple of two arrays, one empty with shape (0, 2) and one bool.
    (
        ((np.zeros((0, 2), np.uint16), np.array([True, False]))),
        h("82 a1 30 c7 0d 01 | 93 92 00 02") + s("uint16") + h("c4 00")
        + h("a1 31 c7 0c 01 | 93 91 02") + s("bool") + h("c4 02 01 00"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("tree", "expected"), CASES, ids=range(len(CASES)))
def test_written_bytes_equal_the_235_layout(tmp_path, tree, expected, ref_packb, ref_sealed):
    assert ref_packb(tree) == expected  # the test's own model agrees with the hand bytes
    assert bc.msgpack_serialize(tree) == expected
    path = bc.save_pytree(tmp_path / "x", tree, verbose=False)
    with open(path, "rb") as f:
        written = f.read()
    # A file is 2.3.5's bytes with one more root entry, the checksum, at the end.
    assert written == ref_sealed(tree)
    assert written[0] == expected[0] + 1 and written[1 : len(expected)] == expected[1:]
    assert written[len(expected) :][-5] == 0xCE


@pytest.mark.parametrize(("tree", "expected"), CASES, ids=range(len(CASES)))
def test_reading_235_bytes_restores_the_tree(tmp_path, tree, expected, tree_equal):
    path = tmp_path / "from_235.bp"
    path.write_bytes(expected)
    state = bc.load_pytree(path)
    tree_equal(state, bc.to_state_dict(_numpy_scalars_for_python_complex(tree)))
    restored = bc.load_pytree(path, target=tree)
    tree_equal(restored, tree)


def _numpy_scalars_for_python_complex(tree):
    if isinstance(tree, dict):
        return {k: _numpy_scalars_for_python_complex(v) for k, v in tree.items()}
    if isinstance(tree, complex):
        return np.complex128(tree)
    return tree


def test_files_we_write_read_back_with_a_235_style_reader(tmp_path, ref_unpackb, tree_equal):
    tree = {"w": np.arange(12, dtype=np.float64).reshape(3, 4), "k": {"s": np.int32(5)}}
    tree_equal(ref_unpackb(bc.msgpack_serialize(tree)), tree)
    # A saved file: 2.3.5 sees the checksum as one more root key holding an int.
    path = bc.save_pytree(tmp_path / "x", tree, verbose=False)
    with open(path, "rb") as f:
        state = ref_unpackb(f.read())
    crc = state.pop("__brainpy_checkpoint_crc32__")
    assert type(crc) is int and 0 <= crc < 2**32
    tree_equal(state, tree)


def test_native_complex_ext2_is_read():
    payload = h("92 cb") + struct.pack(">d", 1.5) + h("cb") + struct.pack(">d", -2.0)
    data = h("81") + s("c") + h("c7") + bytes([len(payload), 2]) + payload
    assert bc.msgpack_restore(data) == {"c": 1.5 - 2j}


def test_all_msgpack_int_float_and_length_formats_are_read():
    import msgpack

    tree = {
        "ints": [0, 127, 128, 255, 256, 65535, 65536, 2**32, 2**64 - 1, -1, -32, -33, -129,
                 -32769, -(2**31) - 1, -(2**63)],
        "s": ["x" * 31, "y" * 32, "z" * 300, "w" * 70000],
        "bin": [b"", b"a" * 300, b"b" * 70000],
        "seq": [list(range(20)), list(range(70000))],
        "map": {str(i): i for i in range(20)},
        "bigmap": {str(i): i for i in range(70000)},
    }  # fmt: skip
    data = msgpack.packb(tree, use_bin_type=True)
    back = bc.msgpack_restore(data)
    assert back == tree
    single = msgpack.packb({"f": 1.5}, use_single_float=True)
    assert bc.msgpack_restore(single) == {"f": 1.5}

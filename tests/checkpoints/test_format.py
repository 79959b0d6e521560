"""The msgpack layout: round trips over dtypes, shapes and nesting; chunking; headers."""

from __future__ import annotations

import collections

import jax
import jax.numpy as jnp
import ml_dtypes
import msgpack
import numpy as np
import pytest

import brainpy_checkpoints as bc
from brainpy_checkpoints._src import msgpack_format

DTYPES = [
    np.bool_,
    np.int8, np.int16, np.int32, np.int64,
    np.uint8, np.uint16, np.uint32, np.uint64,
    np.float16, np.float32, np.float64,
    np.complex64, np.complex128,
    ml_dtypes.bfloat16,
]  # fmt: skip
SHAPES = [(), (0,), (1,), (5,), (2, 3), (2, 0, 3), (2, 3, 4)]


def _sample(dtype, shape, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=shape) * 100
    if np.dtype(dtype).kind == "c":
        x = x + 1j * rng.normal(size=shape)
    return np.asarray(x).astype(dtype)


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_array_round_trip_keeps_dtype_shape_and_bytes(dtype, shape, ref_packb, tree_equal):
    tree = {"x": _sample(dtype, shape)}
    data = bc.msgpack_serialize(tree)
    assert data == ref_packb(tree)
    back = bc.msgpack_restore(data)
    tree_equal(back, tree)
    assert back["x"].flags.writeable and back["x"].flags.owndata


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_numpy_scalars_are_ext3_and_come_back_as_scalars(dtype, ref_packb, tree_equal):
    tree = {"s": _sample(dtype, ())[()]}
    assert isinstance(tree["s"], np.generic)
    data = bc.msgpack_serialize(tree)
    assert data == ref_packb(tree)
    assert data[4] == 3 or data[5] == 3  # fixext (d4-d8, code) or ext8 (c7, len, code)
    tree_equal(bc.msgpack_restore(data), tree)


def test_nested_dicts_lists_tuples_and_python_scalars(tmp_path, ref_sealed):
    tree = {
        "params": {"w": np.ones((2, 3), np.float32), "b": [np.zeros(3), (1, 2.5)]},
        "meta": ["name", None, True, False, -7, 2**63, b"\x00raw", 1.5],
        "empty": {},
        "empty_list": [],
    }
    path = bc.save_pytree(tmp_path / "t", tree, verbose=False)
    with open(path, "rb") as f:
        assert f.read() == ref_sealed(tree)
    back = bc.load_pytree(path)
    assert back["meta"] == {
        "0": "name", "1": None, "2": True, "3": False, "4": -7, "5": 2**63,
        "6": b"\x00raw", "7": 1.5,
    }  # fmt: skip
    assert back["params"]["b"]["1"] == {"0": 1, "1": 2.5}
    assert back["empty"] == {} and back["empty_list"] == {}
    restored = bc.load_pytree(path, target=tree)
    assert isinstance(restored["params"]["b"], list)
    assert isinstance(restored["params"]["b"][1], tuple)
    np.testing.assert_array_equal(restored["params"]["w"], tree["params"]["w"])


def test_python_complex_is_stored_as_numpy_scalar_like_235(ref_packb):
    data = bc.msgpack_serialize({"c": 1 + 2j})
    assert data == ref_packb({"c": 1 + 2j})
    back = bc.msgpack_restore(data)["c"]
    assert isinstance(back, np.complex128) and back == 1 + 2j
    assert bc.msgpack_restore(data, target={"c": 0j}) == {"c": 1 + 2j}


def test_namedtuple_is_a_dict_of_fields():
    Point = collections.namedtuple("Point", "x y")
    tree = Point(np.arange(2), 3)
    back = bc.msgpack_restore(bc.msgpack_serialize(tree))
    assert list(back) == ["x", "y"]
    restored = bc.msgpack_restore(bc.msgpack_serialize(tree), target=Point(np.zeros(2, int), 0))
    assert isinstance(restored, Point) and restored.y == 3


@pytest.mark.parametrize("dtype", [">f4", ">i8", ">c16", ">u2", ">f8"])
def test_big_endian_input_is_stored_little_endian_under_the_plain_name(dtype):
    x = np.arange(6).astype(dtype).reshape(2, 3)
    data = bc.msgpack_serialize({"x": x})
    little = x.astype(x.dtype.newbyteorder("<"))
    assert data == bc.msgpack_serialize({"x": little})
    assert np.dtype(dtype).name.encode() in data
    back = bc.msgpack_restore(data)["x"]
    assert back.dtype.isnative and back.dtype == little.dtype
    np.testing.assert_array_equal(back, x)


def test_non_contiguous_arrays_are_stored_in_c_order():
    x = np.arange(24, dtype=np.int32).reshape(4, 6)
    for view in (x.T, x[:, ::2], x[::-1]):
        back = bc.msgpack_restore(bc.msgpack_serialize({"v": view}))["v"]
        np.testing.assert_array_equal(back, view)


def test_jax_arrays_are_saved_as_numpy_and_bfloat16_survives():
    tree = {"a": jnp.arange(4.0), "b": jnp.ones((2, 2), jnp.bfloat16), "k": jax.random.PRNGKey(3)}
    back = bc.msgpack_restore(bc.msgpack_serialize(tree))
    assert all(isinstance(v, np.ndarray) for v in back.values())
    assert back["b"].dtype == jnp.bfloat16
    np.testing.assert_array_equal(back["k"], np.asarray(tree["k"]))


def test_float64_stays_float64_whatever_the_x64_setting():
    x = np.linspace(0, 1, 7)
    data = bc.msgpack_serialize({"x": x})
    assert bc.msgpack_restore(data)["x"].dtype == np.float64
    with jax.enable_x64(True):
        y = jnp.linspace(0, 1, 7, dtype=jnp.float64)
        data64 = bc.msgpack_serialize({"x": y})
        assert bc.msgpack_restore(data64)["x"].dtype == np.float64
    back = bc.msgpack_restore(data64, target={"x": np.zeros(7)})
    assert back["x"].dtype == np.float64


def test_chunked_arrays_use_the_235_layout(monkeypatch, ref_packb, tree_equal):
    monkeypatch.setattr(msgpack_format, "MAX_CHUNK_SIZE", 64)
    x = np.arange(100, dtype=np.float32).reshape(4, 25)  # 400 bytes: 7 chunks of <= 16 elements
    tree = {"big": x, "small": np.arange(16, dtype=np.float32)}  # exactly 64 bytes: not chunked
    data = bc.msgpack_serialize(tree)
    assert data == ref_packb(tree)
    raw = msgpack.unpackb(data, ext_hook=lambda code, payload: code, raw=False)
    assert raw["small"] == 1
    assert raw["big"]["__msgpack_chunked_array__"] is True
    assert raw["big"]["shape"] == {"0": 4, "1": 25}
    assert list(raw["big"]["chunks"]) == [str(i) for i in range(7)]
    back = bc.msgpack_restore(data)
    tree_equal(back, tree)
    assert back["big"].flags.writeable
    monkeypatch.setattr(msgpack_format, "MAX_CHUNK_SIZE", 2**30)  # decoding needs no setting
    tree_equal(bc.msgpack_restore(data), tree)


def test_chunking_handles_itemsize_larger_than_the_chunk(monkeypatch, ref_packb, tree_equal):
    monkeypatch.setattr(msgpack_format, "MAX_CHUNK_SIZE", 12)
    tree = {"c": np.arange(3, dtype=np.complex128) * (1 + 1j)}  # 16-byte items, 1 per chunk
    data = bc.msgpack_serialize(tree)
    assert data == ref_packb(tree)
    tree_equal(bc.msgpack_restore(data), tree)


@pytest.mark.parametrize("length", [0, 1, 2, 3, 4, 8, 15, 16, 17, 255, 256, 65535, 65536, 70000])
def test_headers_match_msgpack(length):
    payload = b"\x00" * length
    ext = msgpack.packb(msgpack.ExtType(1, payload))
    assert ext == msgpack_format.ext_header(1, length) + payload
    assert msgpack.packb(payload, use_bin_type=True) == msgpack_format.bin_header(length) + payload
    items = list(range(length % 70))
    assert msgpack.packb(items)[: len(msgpack_format.array_header(len(items)))] == (
        msgpack_format.array_header(len(items))
    )
    mapping = {str(i): 0 for i in range(length)}
    assert msgpack.packb(mapping).startswith(msgpack_format.map_header(length))


def test_large_arrays_are_written_from_their_own_memory():
    x = np.ones(1 << 16, np.float64)  # 512 KiB: above the inline threshold
    parts, size = msgpack_format.encode({"x": x})
    assert any(isinstance(p, memoryview) and np.shares_memory(np.asarray(p), x) for p in parts)
    snap, _ = msgpack_format.encode({"x": x}, snapshot=True)
    assert not any(isinstance(p, memoryview) and np.shares_memory(np.asarray(p), x) for p in snap)
    assert size == len(b"".join(parts)) == len(b"".join(snap))


@pytest.mark.parametrize(
    ("leaf", "match"),
    [
        (object(), "objects of type object"),
        (np.array(["a", "b"]), "dtype <U1 is not supported"),
        (np.array([1, None], dtype=object), "dtype object is not supported"),
        (np.zeros(2, dtype=[("a", "i4")]), "is not supported"),
        (2**64, "does not fit in 64 bits"),
        (jax.random.key(0), "key_data"),
    ],
)
def test_unstorable_leaves_raise_a_serialization_error_naming_the_path(tmp_path, leaf, match):
    with pytest.raises(bc.CheckpointSerializationError, match=match) as info:
        bc.save_pytree(tmp_path / "bad", {"layer": [1, {"w": leaf}]}, verbose=False)
    assert "['layer']['1']['w']" in str(info.value)
    assert str(tmp_path / "bad.bp") in str(info.value)
    assert isinstance(info.value, TypeError) and isinstance(info.value, ValueError)
    assert not (tmp_path / "bad.bp").exists()
    assert list(tmp_path.iterdir()) == []


def test_colliding_str_keys_are_refused():
    with pytest.raises(bc.CheckpointSerializationError, match="same str"):
        bc.msgpack_serialize({1: 0, "1": 0})


def test_too_deep_trees_are_refused():
    tree: dict = {}
    node = tree
    for _ in range(msgpack_format.MAX_DEPTH + 1):
        node["a"] = {}
        node = node["a"]
    with pytest.raises(bc.CheckpointSerializationError, match="nested deeper"):
        msgpack_format.encode(tree)


def test_invalid_unicode_is_refused_with_the_path():
    with pytest.raises(bc.CheckpointSerializationError, match=r"\['a'\].*not valid Unicode"):
        bc.msgpack_serialize({"a": "\ud800"})
    with pytest.raises(bc.CheckpointSerializationError, match="key"):
        bc.msgpack_serialize({"\ud800": 1})

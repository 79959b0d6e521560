"""Saved files carry a CRC-32 that every load checks; decoding memory is bounded by the file.

Fault injection: every single-bit flip of a small saved file, a container bomb under a
measured memory bound, and files without a checksum (BrainPy 2.3.5's) still loading.
"""

from __future__ import annotations

import tracemalloc

import msgpack
import numpy as np
import pytest

import brainpy_checkpoints as bc
from brainpy_checkpoints._src import msgpack_decode
from brainpy_checkpoints._src.msgpack_format import CHECKSUM_KEY

TREE = {
    "w": np.arange(6, dtype=np.float32).reshape(2, 3),
    "b": np.array([1, -2], np.int64),
    "meta": {"step": 7, "lr": 0.5, "name": "net"},
    "s": np.float64(2.5),
}


@pytest.fixture
def saved(tmp_path):
    path = bc.save_pytree(tmp_path / "net", TREE, verbose=False)
    with open(path, "rb") as f:
        return path, f.read()


def test_a_saved_file_loads_with_its_checksum_verified_and_removed(saved, tree_equal):
    path, data = saved
    assert CHECKSUM_KEY.encode() in data[-40:]
    back = bc.load_pytree(path)
    assert CHECKSUM_KEY not in back
    tree_equal(back, bc.to_state_dict(TREE))
    tree_equal(bc.load_pytree(path, target=TREE), TREE)
    assert msgpack_decode.decode_bytes(data)[1] is True


@pytest.mark.parametrize("with_target", [False, True])
def test_every_single_bit_flip_is_detected(tmp_path, saved, with_target):
    _, data = saved
    path = tmp_path / "flipped.bp"
    undetected = []
    for i in range(len(data)):
        for bit in range(8):
            corrupt = bytearray(data)
            corrupt[i] ^= 1 << bit
            path.write_bytes(bytes(corrupt))
            try:
                bc.load_pytree(path, target=TREE if with_target else None)
            except bc.CorruptCheckpointError as err:
                assert str(path) in str(err)
            else:
                undetected.append((i, bit))
    assert undetected == [], f"{len(undetected)} of {8 * len(data)} flips loaded silently"


def test_a_flipped_array_byte_names_the_checksum(tmp_path, saved):
    _, data = saved
    corrupt = bytearray(data)
    corrupt[data.index(np.float32(5).tobytes())] ^= 0x10  # inside the array's data
    path = tmp_path / "x.bp"
    path.write_bytes(bytes(corrupt))
    with pytest.raises(bc.CorruptCheckpointError, match="checksum does not match"):
        bc.load_pytree(path)


def test_large_arrays_are_checked_through_the_streaming_reader(tmp_path):
    tree = {"big": np.random.default_rng(0).normal(size=300_000), "small": np.ones(3)}
    path = bc.save_pytree(tmp_path / "big", tree, verbose=False)
    np.testing.assert_array_equal(bc.load_pytree(path)["big"], tree["big"])
    data = bytearray(_read(path))
    data[len(data) // 2] ^= 0x01
    _write(path, data)
    with pytest.raises(bc.CorruptCheckpointError, match="checksum"):
        bc.load_pytree(path)


def test_directory_checkpoints_carry_the_checksum(tmp_path):
    path = bc.save(tmp_path, {"w": np.ones(4)}, step=3)
    data = bytearray(_read(path))
    data[-8] ^= 0x04
    _write(path, data)
    with pytest.raises(bc.CorruptCheckpointError, match="checksum"):
        bc.load(tmp_path)


def test_235_files_without_a_checksum_load_and_verbose_says_so(tmp_path, capsys, ref_packb):
    path = tmp_path / "old.bp"
    path.write_bytes(ref_packb(TREE))
    back = bc.load_pytree(path, verbose=True)
    np.testing.assert_array_equal(back["w"], TREE["w"])
    out = capsys.readouterr().out
    assert "no checksum" in out and str(path) in out
    bc.load_pytree(path)  # silent without verbose
    assert capsys.readouterr().out == ""


def test_non_dict_roots_are_saved_without_a_checksum(tmp_path, ref_packb):
    path = bc.save_pytree(tmp_path / "a", np.arange(3), verbose=False)
    assert _read(path) == ref_packb(np.arange(3))
    np.testing.assert_array_equal(bc.load_pytree(path), np.arange(3))


def test_the_checksum_key_is_reserved():
    with pytest.raises(bc.CheckpointSerializationError, match="reserved"):
        bc.save_pytree("unused", {CHECKSUM_KEY: 1}, verbose=False)


def test_a_checksum_entry_that_is_not_last_in_a_nested_map_is_an_ordinary_key(tmp_path):
    tree = {"inner": {CHECKSUM_KEY: np.int32(1)}}
    path = bc.save_pytree(tmp_path / "n", tree, verbose=False)
    assert bc.load_pytree(path)["inner"][CHECKSUM_KEY] == 1


def _bomb(n: int) -> bytes:
    """An array of ``n`` empty maps: one byte each in the file, about 100 in Python."""
    return b"\xdd" + n.to_bytes(4, "big") + b"\x80" * n


def test_a_container_bomb_is_refused_within_its_memory_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(msgpack_decode, "MEMORY_FLOOR", 1 << 20)  # a small floor: a fast test
    data = _bomb(1_000_000)
    path = tmp_path / "bomb.bp"
    path.write_bytes(data)
    bound = msgpack_decode.MEMORY_FACTOR * len(data) + msgpack_decode.MEMORY_FLOOR
    tracemalloc.start()
    try:
        with pytest.raises(bc.CorruptCheckpointError, match="memory"):
            bc.load_pytree(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1.25 * bound, (peak, bound)  # the charges track what CPython spends


def test_a_map_bomb_is_refused_too():
    n = 300_000
    data = (
        b"\xdf"
        + n.to_bytes(4, "big")
        + b"".join(msgpack.packb(f"{i:x}") + b"\x80" for i in range(n))
    )
    with pytest.raises(bc.CorruptCheckpointError, match="memory"):
        msgpack_decode.decode_bytes(data)


def test_real_files_stay_far_below_the_memory_bound(tmp_path):
    # Many small Python scalars in dicts: the heaviest legitimate shape per file byte.
    tree = {f"k{i}": {"a": float(i), "b": i, "c": "x"} for i in range(20_000)}
    path = bc.save_pytree(tmp_path / "scalars", tree, verbose=False)
    assert bc.load_pytree(path)["k19999"]["b"] == 19999


def _read(path):
    with open(path, "rb") as f:
        return f.read()


def _write(path, data):
    with open(path, "wb") as f:
        f.write(bytes(data))

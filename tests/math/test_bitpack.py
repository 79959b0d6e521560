"""pack_bits / unpack_bits against NumPy's packbits (little bit order, uint32 words)."""

import jax.numpy as jnp
import numpy as np
import pytest

from brainpy_math.event import pack_bits, unpack_bits


def numpy_words(x):
    """NumPy oracle: bit b of word w is element 32w + b of the last axis."""
    bits = np.asarray(x) != 0
    n = bits.shape[-1]
    pad = -n % 32
    bits = np.pad(bits, [(0, 0)] * (bits.ndim - 1) + [(0, pad)])
    packed = np.packbits(bits, axis=-1, bitorder="little")
    return packed.view("<u4")


@pytest.mark.parametrize("shape", [(1,), (31,), (32,), (33,), (100,), (3, 65), (2, 4, 64)])
@pytest.mark.parametrize("dtype", [bool, np.float32, np.int32])
def test_pack_bits_matches_numpy(shape, dtype):
    rng = np.random.default_rng(sum(shape))
    x = (rng.random(shape) < 0.3).astype(dtype) * (3 if dtype is not bool else 1)
    words = pack_bits(x)
    assert words.dtype == jnp.uint32
    np.testing.assert_array_equal(np.asarray(words), numpy_words(x))


@pytest.mark.parametrize("shape", [(5,), (33,), (3, 100), (2, 3, 64)])
def test_unpack_bits_undoes_pack_bits_on_host_and_device(shape):
    rng = np.random.default_rng(7)
    x = rng.random(shape) < 0.5
    words = pack_bits(x)
    host = unpack_bits(np.asarray(words), shape[-1])
    assert isinstance(host, np.ndarray) and host.dtype == bool and host.flags.c_contiguous
    np.testing.assert_array_equal(host, x)
    device = unpack_bits(words, shape[-1])
    assert not isinstance(device, np.ndarray) and device.dtype == jnp.bool_
    np.testing.assert_array_equal(np.asarray(device), x)


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="at least one dimension"):
        pack_bits(np.array(True))
    with pytest.raises(ValueError, match="must be uint32"):
        unpack_bits(np.zeros(2, np.int32), 3)
    with pytest.raises(ValueError, match=r"n must be an int in \[0, 64\]"):
        unpack_bits(np.zeros(2, np.uint32), 65)

"""Computing modes and the one rule from a ``batch_size`` argument to a batch size."""

from __future__ import annotations

import numpy as np
import pytest

import brainpy_math as bm

batch_size_of = bm.modes.batch_size_of


@pytest.mark.parametrize(
    ("batch_size", "mode", "expected"),
    [
        (8, None, 8),
        (np.int64(3), None, 3),
        (bm.batching_mode, None, 1),
        (bm.training_mode, None, 1),
        (bm.BatchingMode(4), None, 4),
        (bm.TrainingMode(5), bm.nonbatching_mode, 5),
        (bm.nonbatching_mode, bm.batching_mode, None),
        (False, bm.batching_mode, None),
        (None, None, None),
        (None, bm.nonbatching_mode, None),
        (None, bm.BatchingMode(6), 6),
        (2, bm.BatchingMode(6), 2),
    ],
)
def test_batch_size_of(batch_size, mode, expected):
    assert batch_size_of(batch_size, mode) == expected


@pytest.mark.parametrize(
    ("batch_size", "match"), [(0, "must be >= 1"), (True, "got True"), ("big", "got 'big'")]
)
def test_bad_batch_sizes_are_named(batch_size, match):
    with pytest.raises(ValueError, match=f"reset_state: batch_size .*{match}"):
        batch_size_of(batch_size, name="reset_state: batch_size")

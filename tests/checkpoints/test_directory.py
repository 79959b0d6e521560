"""Directory checkpoints: naming, keep-N, keep_every_n_steps, overwrite, latest-step search."""

from __future__ import annotations

import inspect
import os

import numpy as np
import pytest

import brainpy_checkpoints as bc


def _names(folder):
    return sorted(n for n in os.listdir(folder) if not n.startswith("."))


def _steps(folder, prefix="checkpoint_"):
    return [step for step, _ in bc.checkpoint_steps(folder, prefix)]


def test_signatures_match_235():
    assert list(inspect.signature(bc.save).parameters) == [
        "ckpt_dir", "target", "step", "prefix", "keep", "overwrite", "keep_every_n_steps",
        "async_manager",
    ]  # fmt: skip
    assert list(inspect.signature(bc.load).parameters)[:5] == [
        "ckpt_dir", "step", "prefix", "target", "parallel",
    ]  # fmt: skip


def test_path_is_prefix_and_step_without_suffix(tmp_path):
    path = bc.save(tmp_path / "ckpts", {"v": 1}, step=7)
    assert path == os.path.join(tmp_path / "ckpts", "checkpoint_7")
    assert bc.load(tmp_path / "ckpts") == {"v": 1}
    assert bc.load(tmp_path / "ckpts", step=7) == {"v": 1}
    assert bc.load(path) == {"v": 1}  # a plain file path is loaded directly


def test_keep_only_the_newest(tmp_path):
    for step in range(6):
        bc.save(tmp_path, {"v": step}, step, keep=3)
    assert _names(tmp_path) == ["checkpoint_3", "checkpoint_4", "checkpoint_5"]
    assert bc.load(tmp_path) == {"v": 5}


def test_steps_sort_numerically_including_negative_and_float(tmp_path):
    for step in (-10, -2.5, 0, 1e-05, 2, 9, 10, 100):
        bc.save(tmp_path, {"v": str(step)}, step, keep=100)
    assert _steps(tmp_path) == [-10, -2.5, 0, 1e-05, 2, 9, 10, 100]
    assert bc.load(tmp_path) == {"v": "100"}
    assert bc.load(tmp_path, step=-2.5) == {"v": "-2.5"}


def test_keep_every_n_steps(tmp_path):
    for step in range(23):
        bc.save(tmp_path, {"v": step}, step, keep=2, keep_every_n_steps=5)
    assert _steps(tmp_path) == [0, 5, 10, 15, 20, 21, 22]


def test_overwrite_false_refuses_old_or_equal_steps(tmp_path):
    bc.save(tmp_path, {"v": 1}, 5, keep=5)
    for step in (5, 3):
        with pytest.raises(bc.CheckpointExistsError, match="checkpoint_5") as info:
            bc.save(tmp_path, {"v": 2}, step, keep=5)
        assert f"step {step}" in str(info.value)
    assert bc.load(tmp_path) == {"v": 1}
    assert _names(tmp_path) == ["checkpoint_5"]


def test_overwrite_true_replaces_and_deletes_newer(tmp_path):
    for step in (1, 2, 3, 4):
        bc.save(tmp_path, {"v": step}, step, keep=10)
    bc.save(tmp_path, {"v": "again"}, 2, keep=10, overwrite=True)
    assert _names(tmp_path) == ["checkpoint_1", "checkpoint_2"]
    assert bc.load(tmp_path) == {"v": "again"}


def test_load_missing_dir_returns_target_and_empty_dir_warns(tmp_path):
    target = {"v": np.zeros(2)}
    assert bc.load(tmp_path / "nowhere", target=target) is target
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not a checkpoint")
    with pytest.warns(UserWarning, match="no checkpoint files"):
        assert bc.load(tmp_path / "empty", target=target) is target


def test_load_a_missing_step_lists_what_exists(tmp_path):
    bc.save(tmp_path, {"v": 1}, 3)
    with pytest.raises(bc.CheckpointNotFoundError, match=r"step=4.*checkpoint_3"):
        bc.load(tmp_path, step=4)


def test_only_exact_prefix_number_names_count(tmp_path):
    bc.save(tmp_path, {"v": "real"}, 2)
    for name in ("checkpoint_tmp", "checkpoint_9_gda", "checkpoint_x9", "checkpoint_10.bp",
                 ".checkpoint_12.abcdef01-1-12345678.tmp", "other_50"):  # fmt: skip
        (tmp_path / name).write_bytes(b"junk")
    (tmp_path / "checkpoint_11").mkdir()  # a folder with a checkpoint-like name
    assert bc.load(tmp_path) == {"v": "real"}
    assert _steps(tmp_path) == [2]


def test_prefixes_are_independent(tmp_path):
    bc.save(tmp_path, {"v": "a"}, 1, prefix="a_")
    bc.save(tmp_path, {"v": "b"}, 2, prefix="b_")
    bc.save(tmp_path, {"v": "a3"}, 3, prefix="a_")
    assert bc.load(tmp_path, prefix="a_") == {"v": "a3"}
    assert bc.load(tmp_path, prefix="b_") == {"v": "b"}
    assert _names(tmp_path) == ["a_3", "b_2"]


def test_restores_variables_in_place_through_load(tmp_path, variable_like):
    var = variable_like(np.arange(3, dtype=np.float32))
    bc.save(tmp_path, {"v": var}, 1)
    fresh = variable_like(np.zeros(3, np.float32))
    out = bc.load(tmp_path, target={"v": fresh})
    assert out["v"] is fresh and fresh.value.tolist() == [0, 1, 2]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"step": "3"}, "step must be an int or a float"),
        ({"step": True}, "step must be an int or a float"),
        ({"step": float("nan")}, "finite"),
        ({"step": 1, "keep": 0}, "keep must be an int >= 1"),
        ({"step": 1, "keep_every_n_steps": 0}, "keep_every_n_steps"),
    ],
)
def test_bad_arguments_are_named(tmp_path, kwargs, match):
    with pytest.raises((TypeError, ValueError), match=match):
        bc.save(tmp_path, {"v": 1}, **kwargs)
    assert os.listdir(tmp_path) == []


def test_gda_manager_points_to_orbax(tmp_path):
    with pytest.raises(NotImplementedError, match="Orbax"):
        bc.load(tmp_path, gda_manager=object())


def test_a_prefix_may_name_a_sub_folder(tmp_path):
    for step in range(3):
        bc.save(tmp_path, {"v": step}, step, prefix="run1/ckpt_", keep=2)
    assert _names(tmp_path / "run1") == ["ckpt_1", "ckpt_2"]
    assert bc.load(tmp_path, prefix="run1/ckpt_") == {"v": 2}

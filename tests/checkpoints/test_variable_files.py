"""brainpy_checkpoints.io: Variables in .npz, HDF5, pickle and .mat files.

Only brainpy_checkpoints is installed in this session, so the Variables here are stand-ins
with the same protocol (a ``value`` that can be read and assigned); tests/integration
runs the same functions on real brainpy models.
"""

from __future__ import annotations

import os
import pickle

import numpy as np
import pytest

import brainpy_checkpoints as bc
from brainpy_checkpoints import io as bio


class Var:
    """A stand-in for brainpy_math.Variable: a value that keeps its shape and dtype."""

    def __init__(self, value):
        self._value = np.asarray(value)

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, new):
        new = np.asarray(new)
        assert new.shape == self._value.shape and new.dtype == self._value.dtype
        self._value = new.copy()


class Model:
    def __init__(self, **variables):
        self._vars = variables

    def vars(self):
        return dict(self._vars)


def make_model(seed: int) -> Model:
    rng = np.random.default_rng(seed)
    shared = Var(rng.normal(size=3).astype(np.float32))
    return Model(
        **{
            "E.V": Var(rng.normal(size=(4,)).astype(np.float32)),
            "E.spike": Var(rng.random(4) < 0.5),
            "w": Var(rng.normal(size=(3, 4)).astype(np.float32)),
            "cube": Var(rng.normal(size=(2, 3, 4))),
            "count": Var(np.int32(seed)),
            "a": shared,
            "a_alias": shared,  # one Variable under two names, as model.vars() can list it
        }
    )


def values(model: Model) -> dict[str, np.ndarray]:
    return {k: v.value.copy() for k, v in model.vars().items()}


FORMATS = [
    ("npz", ".npz", bio.save_as_npz, bio.load_by_npz),
    (
        "npz-compressed",
        ".npz",
        lambda f, v: bio.save_as_npz(f, v, compressed=True),
        bio.load_by_npz,
    ),
    ("h5", ".h5", bio.save_as_h5, bio.load_by_h5),
    ("hdf5", ".hdf5", bio.save_as_h5, bio.load_by_h5),
    ("pkl", ".pkl", bio.save_as_pkl, bio.load_by_pkl),
    ("pickle", ".pickle", bio.save_as_pkl, bio.load_by_pkl),
    ("mat", ".mat", bio.save_as_mat, bio.load_by_mat),
]
IDS = [f[0] for f in FORMATS]


@pytest.mark.parametrize("kind, suffix, save, load", FORMATS, ids=IDS)
def test_round_trip_restores_every_value_shape_and_dtype(tmp_path, kind, suffix, save, load):
    source, target = make_model(1), make_model(2)
    path = str(tmp_path / f"model{suffix}")
    save(path, source.vars())
    load(path, target)
    expected, got = values(source), values(target)
    for name in expected:
        assert got[name].dtype == expected[name].dtype, name
        np.testing.assert_array_equal(got[name], expected[name], err_msg=name)


@pytest.mark.parametrize("kind, suffix, save, load", FORMATS, ids=IDS)
def test_a_mapping_of_variables_is_a_target_too(tmp_path, kind, suffix, save, load):
    path = str(tmp_path / f"m{suffix}")
    save(path, {"x": np.arange(3.0)})
    x = Var(np.zeros(3))
    load(path, {"x": x})
    np.testing.assert_array_equal(x.value, np.arange(3.0))


@pytest.mark.parametrize("kind, suffix, save, load", FORMATS, ids=IDS)
def test_wrong_suffix_is_refused_on_save_and_load(tmp_path, kind, suffix, save, load):
    bad = str(tmp_path / f"model{suffix}2")
    with pytest.raises(ValueError, match="filename must end with"):
        save(bad, make_model(0).vars())
    with pytest.raises(ValueError, match="filename must end with"):
        load(bad, make_model(0))
    assert not os.path.exists(bad)


@pytest.mark.parametrize("kind, suffix, save, load", FORMATS, ids=IDS)
def test_a_missing_variable_fails_before_anything_is_assigned(tmp_path, kind, suffix, save, load):
    path = str(tmp_path / f"model{suffix}")
    partial = {k: v for k, v in make_model(1).vars().items() if k != "w"}
    save(path, partial)
    target = make_model(2)
    before = values(target)
    with pytest.raises(bc.CheckpointStructureError, match="'?w'?") as info:
        load(path, target)
    assert "1 variable(s)" in str(info.value) and path in str(info.value)
    after = values(target)
    for name in before:  # not even the variables the file holds were assigned
        np.testing.assert_array_equal(after[name], before[name])


@pytest.mark.parametrize("kind, suffix, save, load", FORMATS, ids=IDS)
def test_a_shape_that_does_not_fit_names_the_variable(tmp_path, kind, suffix, save, load):
    path = str(tmp_path / f"model{suffix}")
    save(path, {"w": np.zeros((5, 4), np.float32)})
    target = Model(w=Var(np.ones((3, 4), np.float32)))
    with pytest.raises(bc.CheckpointStructureError, match=r"'w' has shape \(3, 4\)"):
        load(path, target)
    np.testing.assert_array_equal(target.vars()["w"].value, np.ones((3, 4)))


def test_a_dtype_of_another_kind_is_refused(tmp_path):
    path = str(tmp_path / "m.npz")
    bio.save_as_npz(path, {"n": np.array([1.5, 2.5])})
    with pytest.raises(bc.CheckpointStructureError, match="'n' has dtype int32"):
        bio.load_by_npz(path, {"n": Var(np.zeros(2, np.int32))})


@pytest.mark.parametrize("kind, suffix, save, load", FORMATS, ids=IDS)
def test_missing_and_corrupt_files(tmp_path, kind, suffix, save, load):
    with pytest.raises(bc.CheckpointNotFoundError):
        load(str(tmp_path / f"absent{suffix}"), make_model(0))
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(b"this is not a checkpoint")
    with pytest.raises(bc.CorruptCheckpointError, match="cannot be read"):
        load(str(path), make_model(0))


@pytest.mark.parametrize("kind, suffix, save, load", FORMATS, ids=IDS)
def test_a_failed_save_keeps_the_previous_file(tmp_path, kind, suffix, save, load):
    path = str(tmp_path / f"model{suffix}")
    save(path, make_model(1).vars())
    before = (tmp_path / f"model{suffix}").read_bytes()
    with pytest.raises(TypeError, match="variables must be a mapping"):
        save(path, [1, 2, 3])
    assert (tmp_path / f"model{suffix}").read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == [f"model{suffix}"]  # no temporary file left


def test_a_pickle_that_names_anything_but_arrays_is_refused_unrun(tmp_path):
    marker = tmp_path / "the-payload-ran"

    class Payload:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))  # would run at unpickling time

    path = tmp_path / "evil.pkl"
    path.write_bytes(pickle.dumps({"w": Payload()}))
    with pytest.raises(bc.CorruptCheckpointError, match="only NumPy arrays"):
        bio.load_by_pkl(str(path), {"w": Var(np.zeros(1))})
    assert not marker.exists()


def test_a_pickle_of_something_else_than_a_dict_is_refused(tmp_path):
    path = tmp_path / "list.pkl"
    path.write_bytes(pickle.dumps([np.zeros(2)]))
    with pytest.raises(bc.CorruptCheckpointError, match="expected a dict of arrays"):
        bio.load_by_pkl(str(path), {"w": Var(np.zeros(2))})


def test_names_with_slashes_survive_hdf5(tmp_path):
    path = str(tmp_path / "m.h5")
    bio.save_as_h5(path, {"net/E.V": np.ones(2)})
    v = Var(np.zeros(2))
    bio.load_by_h5(path, {"net/E.V": v})
    np.testing.assert_array_equal(v.value, np.ones(2))


def test_verbose_prints_each_loaded_name(tmp_path, capsys):
    path = str(tmp_path / "m.npz")
    bio.save_as_npz(path, {"a": np.zeros(1), "b": np.ones(1)})
    bio.load_by_npz(path, {"a": Var(np.ones(1)), "b": Var(np.zeros(1))}, verbose=True)
    assert capsys.readouterr().out.splitlines() == ["Loading a ...", "Loading b ..."]


@pytest.mark.parametrize(
    "bad, match",
    [
        (object(), "target must be a model"),
        ({"a": np.zeros(1)}, "target must be a model"),  # plain arrays cannot be assigned
    ],
)
def test_bad_targets_are_named(tmp_path, bad, match):
    path = str(tmp_path / "m.npz")
    bio.save_as_npz(path, {"a": np.zeros(1)})
    with pytest.raises(TypeError, match=match):
        bio.load_by_npz(path, bad)


def test_non_string_names_are_refused(tmp_path):
    with pytest.raises(TypeError, match="variable names must be strings"):
        bio.save_as_npz(str(tmp_path / "m.npz"), {1: np.zeros(1)})

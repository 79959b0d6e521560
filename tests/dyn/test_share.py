"""``share``: the global store of per-step shared data."""

from __future__ import annotations

import pytest

import brainpy_dyn as bd
import brainpy_math as bm
from brainpy_dyn.errors import ShareKeyError, ShareTypeError, ShareValueError


@pytest.fixture(autouse=True)
def clean_share():
    bd.share.clear_shargs()
    yield
    bd.share.clear_shargs()


def test_is_a_plain_singleton_not_a_dynamical_system():
    assert isinstance(bd.share, bd.ShareContext)
    assert not isinstance(bd.share, bd.DynamicalSystem)
    from brainpy_dyn._src.context import share

    assert share is bd.share


def test_save_any_number_of_positional_pairs():
    bd.share.save("a", 1, "b", 2, "c", 3)
    assert [bd.share.load(k) for k in "abc"] == [1, 2, 3]


def test_save_keywords_and_mixed():
    bd.share.save("x", 1.5, y=2.5)
    assert bd.share.load("x") == 1.5 and bd.share.load("y") == 2.5


@pytest.mark.parametrize("args", [("a",), ("a", 1, "b")])
def test_save_odd_positional_count_is_a_value_error(args):
    with pytest.raises(ShareValueError, match=f"got {len(args)} argument"):
        bd.share.save(*args)
    assert isinstance(ShareValueError("x"), ValueError)


def test_save_non_string_name():
    with pytest.raises(ShareTypeError, match="must be a str"):
        bd.share.save(1, 2)


@pytest.mark.parametrize("default", [None, 0, False, "", (), 0.0])
def test_load_accepts_any_default_including_none(default):
    assert bd.share.load("nothing", default) is default
    assert bd.share.load("nothing", default=default) is default


def test_load_missing_without_default_names_key_and_known_keys():
    bd.share.save(t=0.0, i=0)
    with pytest.raises(ShareKeyError) as info:
        bd.share.load("spikes")
    message = str(info.value)
    assert "'spikes'" in message
    assert "['dt', 'i', 't']" in message
    assert isinstance(info.value, KeyError)


def test_getitem_setitem_contains_keys():
    bd.share["t"] = 3.0
    assert bd.share["t"] == 3.0
    assert "t" in bd.share and "dt" in bd.share and "nope" not in bd.share
    assert set(bd.share.keys()) == {"dt", "t"}
    with pytest.raises(ShareKeyError, match="'u'"):
        bd.share["u"]
    del bd.share["t"]
    assert "t" not in bd.share


def test_dt_falls_back_to_global_and_set_dt():
    assert bd.share.dt == bm.get_dt() == bd.share.load("dt")
    with bm.environment(dt=0.05):
        assert bd.share.load("dt") == 0.05
    bd.share.set_dt(0.2)
    assert bd.share.dt == 0.2 and bd.share["dt"] == 0.2
    bd.share.dt = 0.3
    assert bd.share.load("dt") == 0.3
    bd.share.clear_shargs("dt")
    assert bd.share.dt == bm.get_dt()


@pytest.mark.parametrize("bad", [0, -0.1, float("inf"), float("nan"), True])
def test_bad_dt(bad):
    with pytest.raises(ShareValueError, match="dt must be a positive"):
        bd.share.set_dt(bad)


def test_get_shargs_is_a_copy_with_dt():
    bd.share.save(t=1.0)
    shargs = bd.share.get_shargs()
    assert shargs == {"dt": bm.get_dt(), "t": 1.0}
    assert shargs.t == 1.0
    shargs["t"] = 2.0
    assert bd.share.load("t") == 1.0


def test_clear_shargs_by_name_and_all():
    bd.share.save(a=1, b=2, c=3)
    bd.share.clear_shargs("a", "missing")
    assert set(bd.share.keys()) == {"dt", "b", "c"}
    bd.share.clear_shargs()
    assert set(bd.share.keys()) == {"dt"}


def test_a_delay_is_saved_as_a_plain_value():
    delay = bd.Delay(bm.Variable(bm.zeros(3)), entries={"d": 0.2})
    bd.share.save("delay", delay)
    assert bd.share.load("delay") is delay
    bd.share.update()
    bd.share.reset_state()


def test_dotdict_attribute_access():
    d = bd.DotDict(a=1)
    d.b = 2
    assert d == {"a": 1, "b": 2}
    del d.a
    with pytest.raises(AttributeError, match="'a'"):
        _ = d.a

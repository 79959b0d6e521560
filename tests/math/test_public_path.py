"""``set_module``: the one helper that gives private objects their public module."""

from __future__ import annotations

import pickle

import pytest

import brainpy_math as bm


def test_sets_the_objects_and_returns_a_decorator():
    class A:
        pass

    def f():
        pass

    decorate = bm.set_module("somewhere.public", A, f)
    assert A.__module__ == f.__module__ == "somewhere.public"

    @decorate
    def g():
        pass

    assert g.__module__ == "somewhere.public"
    assert bm.set_module.__module__ == "brainpy_math"


def test_brainpy_math_objects_show_their_public_module():
    assert bm.Variable.__module__ == "brainpy_math"
    assert bm.random.seed.__module__ == "brainpy_math.random"
    assert bm.modes.batch_size_of.__module__ == "brainpy_math.modes"
    assert pickle.loads(pickle.dumps(bm.Variable)) is bm.Variable


@pytest.mark.parametrize("module", ["", None, 3])
def test_module_must_be_a_name(module):
    with pytest.raises(TypeError, match="module must be a non-empty str"):
        bm.set_module(module)

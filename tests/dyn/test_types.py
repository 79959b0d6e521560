"""brainpy_dyn.types: 2.3.5's annotation aliases cover what the package accepts."""

from __future__ import annotations

import typing

import jax.numpy as jnp
import numpy as np

import brainpy_math as bm
from brainpy_dyn import init, types


def test_aliases_accept_the_package_types():
    arrays = typing.get_args(types.ArrayType)
    for value in (bm.zeros(2), bm.Variable(bm.zeros(2)), jnp.zeros(2), np.zeros(2)):
        assert isinstance(value, arrays)
    assert types.Array is types.ArrayType
    initializer_types = [t for t in typing.get_args(types.Initializer) if isinstance(t, type)]
    assert any(issubclass(init.Normal, t) for t in initializer_types)
    assert set(typing.get_args(types.Shape)) >= {int}
    assert sorted(types.__all__) == types.__all__

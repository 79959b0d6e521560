"""``bm.for_loop(..., jit=False)``: the steps in Python on concrete values, for debugging.

It must compute what the compiled loop computes, let the body see real arrays (prints,
breakpoints), and cost the same for every step: no program compiled per step, so time and
memory do not grow with the number of steps.
"""

from __future__ import annotations

import logging

import jax
import numpy as np
import pytest

import brainpy_math as bm


def _loop(jit: bool, reverse: bool = False, seen: list | None = None):
    bm.random.seed(5)
    v = bm.Variable(bm.zeros(3))

    def step(i, x):
        if seen is not None:
            seen.append(isinstance(v.value, jax.core.Tracer) or isinstance(i, jax.core.Tracer))
        v.value = v.value * 0.5 + x + bm.random.uniform(size=3)
        return v.value, i * 2

    xs = bm.arange(12.0).reshape(4, 3)
    out = bm.for_loop(step, (bm.arange(4), xs), jit=jit, reverse=reverse)
    return out, v.value


@pytest.mark.parametrize("reverse", [False, True])
def test_eager_loop_equals_the_compiled_loop(reverse):
    (a, ai), va = _loop(True, reverse)
    (b, bi), vb = _loop(False, reverse)
    np.testing.assert_allclose(np.asarray(a), np.asarray(b), rtol=1e-6)
    np.testing.assert_array_equal(np.asarray(ai), np.asarray(bi))
    np.testing.assert_allclose(np.asarray(va), np.asarray(vb), rtol=1e-6)
    assert a.shape == (4, 3) and bi.dtype == ai.dtype


def test_the_body_sees_concrete_values():
    seen = []
    _loop(False, seen=seen)
    assert seen == [False] * 4


def test_no_program_is_compiled_per_step(caplog):
    v = bm.Variable(bm.zeros(5))

    def step(x):
        v.value = v.value + x * 2.0 - 1.0
        return v.value.sum()

    bm.for_loop(step, bm.ones(3), jit=False)  # warm up the ops of one step
    with jax.log_compiles(True), caplog.at_level(logging.WARNING):
        caplog.clear()
        bm.for_loop(step, bm.ones(50), jit=False)
    compiles = [r for r in caplog.records if "ompil" in r.getMessage()]
    assert len(compiles) <= 2, [r.getMessage()[:120] for r in compiles]
    np.testing.assert_allclose(np.asarray(v.value), np.full(5, 53.0))

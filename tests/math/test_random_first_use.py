"""A fresh process whose first random draw happens inside a transformation.

The global key waits in NumPy until first used (so importing starts no JAX backend). Its first
use may come while ``bm.jit``, ``bm.for_loop`` or another transformation traces: the key must
still be made as a concrete array, threaded through the transformation, and draw the numbers it
would have drawn had it been made before. Each case runs in two fresh interpreters (see the
``first_draw`` fixture): lazy and eager must agree exactly, and later eager draws must work.
"""

from __future__ import annotations

import jax
import numpy as np
import pytest

CASES = {
    "jit": "first = bm.jit(lambda: bm.random.normal(size=4))()",
    "for_loop": (
        "v = bm.Variable(bm.zeros(4))\n"
        "def step(i):\n"
        "    v.value = v.value + bm.random.normal(size=4)\n"
        "    return v.value\n"
        "first = bm.for_loop(step, bm.arange(50))"
    ),
    "while_loop": (
        "v = bm.Variable(bm.zeros(4))\n"
        "def body(i):\n"
        "    v.value = v.value + bm.random.uniform(size=4)\n"
        "    return i + 1\n"
        "bm.while_loop(body, lambda i: i < 20, 0)\n"
        "first = v.value"
    ),
    "cond": ("first = bm.cond(True, lambda: bm.random.normal(size=4), lambda: bm.zeros(4))"),
    "jit_of_cond": (
        "f = bm.jit(lambda p: bm.cond(p, lambda: bm.random.normal(size=4),\n"
        "                             lambda: bm.random.uniform(size=4)))\n"
        "first = [f(True), f(False)]"
    ),
    "grad": ("g = bm.grad(lambda x: (x * bm.random.normal(size=4)).sum())\nfirst = g(bm.ones(4))"),
    "vmap": "first = bm.vmap(lambda x: x + bm.random.normal(size=4))(bm.zeros((3, 1)))",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_first_draw_inside_a_transformation(first_draw, case):
    runs = first_draw("", CASES[case])
    np.testing.assert_array_equal(runs["lazy"]["first"], runs["eager"]["first"])
    np.testing.assert_array_equal(runs["lazy"]["later"], runs["eager"]["later"])
    # Each call or step drew new numbers (the key advanced inside the transformation).
    first = np.asarray(runs["lazy"]["first"])
    assert len(np.unique(first)) > first.size // 2


def test_first_draw_inside_jit_is_the_seeded_stream(first_draw):
    # bm.random.seed(7): the key is jax.random.PRNGKey(7); a draw splits it and uses the second half.
    runs = first_draw("", "first = bm.jit(lambda: bm.random.normal(size=4))()")
    key, sub = jax.random.split(jax.random.PRNGKey(7))
    np.testing.assert_array_equal(runs["lazy"]["first"], jax.random.normal(sub, (4,)))
    _, sub = jax.random.split(key)
    np.testing.assert_array_equal(runs["lazy"]["later"], jax.random.uniform(sub, (4,)))


def test_100k_step_for_loop_in_a_fresh_process_equals_a_hand_written_scan(first_draw):
    code = (
        "v = bm.Variable(bm.zeros(4))\n"
        "def step(i):\n"
        "    v.value = v.value * 0.9 + bm.random.normal(size=4) * 0.1\n"
        "    return v.value\n"
        "first = bm.for_loop(step, bm.arange(100_000))[::997]"
    )
    runs = first_draw("", code)

    def raw(carry, _):
        key, x = carry
        key, sub = jax.random.split(key)
        x = x * 0.9 + jax.random.normal(sub, (4,)) * 0.1
        return (key, x), x

    (key, _), xs = jax.lax.scan(raw, (jax.random.PRNGKey(7), jax.numpy.zeros(4)), None, 100_000)
    np.testing.assert_array_equal(runs["lazy"]["first"], np.asarray(xs)[::997])
    _, sub = jax.random.split(key)
    np.testing.assert_array_equal(runs["lazy"]["later"], jax.random.uniform(sub, (4,)))


def test_unseeded_process_draws_first_inside_jit(run_python):
    # No bm.random.seed at all: the key comes from the operating system's entropy at import.
    done = run_python(
        "import brainpy_math as bm\n"
        "v = bm.Variable(bm.zeros(3))\n"
        "def step(i):\n"
        "    v.value = v.value + bm.random.normal(size=3)\n"
        "bm.for_loop(step, bm.arange(1000))\n"
        "a = bm.jit(lambda: bm.random.uniform(size=2))()\n"
        "b = bm.random.uniform(size=2)\n"
        "print(bool((a != b).all()), bool(bm.isfinite(v.value).all()))"
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["True", "True"]


def test_seeding_starts_no_backend_and_the_seed_holds_inside_jit(run_python):
    done = run_python(
        "from jax._src import xla_bridge\n"
        "import brainpy_math as bm\n"
        "bm.random.seed(7)\n"
        "rng = bm.random.RandomState(3)\n"
        "rng.seed(4)\n"
        "print(xla_bridge.backends_are_initialized())\n"
        "import jax\n"
        "a = bm.jit(lambda: rng.normal(size=2))()\n"
        "key = jax.random.split(jax.random.PRNGKey(4))[1]\n"
        "print(bool((a == jax.random.normal(key, (2,))).all()))"
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["False", "True"]

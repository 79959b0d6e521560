"""brainpy_dyn.running: vmap/pmap maps over parameter sets and the process pools."""

from __future__ import annotations

import operator

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_dyn import running


def _lif_rate(tau, current):
    """Spikes of a leaky integrate-and-fire neuron in 100 steps (a small real model)."""

    def step(carry, _):
        v, n = carry
        v = v + (-v + current) / tau * 0.1
        spike = v >= 1.0
        return (jnp.where(spike, 0.0, v), n + spike), None

    return jax.lax.scan(step, (jnp.zeros(()), jnp.zeros((), jnp.int32)), None, length=100)[0][1]


def _np_lif(tau, current):
    v, n = 0.0, 0
    for _ in range(100):
        v = np.float32(v + (-v + current) / tau * np.float32(0.1))
        if v >= 1.0:
            v, n = 0.0, n + 1
    return n


@pytest.mark.parametrize("num_parallel", [1, 3, 7, 10])
def test_vectorize_map_equals_a_loop_for_any_chunk_size(num_parallel):
    taus = np.linspace(1, 5, 7, dtype=np.float32)
    currents = np.linspace(1.5, 4, 7, dtype=np.float32)
    out = running.jax_vectorize_map(_lif_rate, [taus, currents], num_parallel=num_parallel)
    assert isinstance(out, np.ndarray) and out.shape == (7,)
    np.testing.assert_array_equal(out, [_np_lif(t, c) for t, c in zip(taus, currents)])
    by_name = running.jax_vectorize_map(
        _lif_rate, {"current": currents, "tau": taus}, num_parallel, clear_buffer=True
    )
    np.testing.assert_array_equal(by_name, out)


def test_vectorize_map_pytrees_and_brainpy_arrays():
    x = bm.asarray(np.arange(5.0, dtype=np.float32))

    def f(a):
        return {"sq": a**2, "pair": (a, bm.asarray(-a))}

    out = running.jax_vectorize_map(f, [x], 2)
    np.testing.assert_allclose(out["sq"], np.arange(5.0) ** 2)
    np.testing.assert_allclose(out["pair"][1], -np.arange(5.0))


def test_parallelize_map_on_the_local_devices():
    n = jax.local_device_count()
    out = running.jax_parallelize_map(lambda a: a * 3, {"a": np.arange(5.0)}, n)
    np.testing.assert_allclose(out, np.arange(5.0) * 3)
    with pytest.raises(ValueError, match=f"num_parallel \\({n + 1}\\) exceeds the {n} local"):
        running.jax_parallelize_map(lambda a: a, [np.arange(3.0)], n + 1)


def test_map_argument_errors():
    with pytest.raises(ValueError, match="same leading length.*\\[\\(3,\\), \\(4,\\)\\]"):
        running.jax_vectorize_map(operator.add, [np.ones(3), np.ones(4)], 2)
    with pytest.raises(TypeError, match="arguments must be a dict or a sequence"):
        running.jax_vectorize_map(abs, np.ones(3), 2)
    with pytest.raises(ValueError, match="num_parallel must be an int >= 1, got 0"):
        running.jax_vectorize_map(abs, [np.ones(3)], 0)


def _with_lock(a, b=0, lock=None):
    with lock:
        return a * 10 + b


def test_process_pool_positional_keyword_and_dict_of_columns():
    assert running.process_pool(pow, [(2, 3), [3, 2], (5, 0)], 2) == [8, 9, 1]
    assert running.process_pool(divmod, [(7, 2), (9, 4)], 2) == [(3, 1), (2, 1)]
    assert running.process_pool(_with_lock, [{"a": 1, "b": 2, "lock": _NoLock()}], 1) == [12]
    assert running.process_pool_lock(_with_lock, [(1, 2), {"a": 3}], 2) == [12, 30]
    assert running.process_pool_lock(_with_lock, {"a": [1, 2], "b": [5, 6]}, 2) == [15, 26]


class _NoLock:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_cpu_parallel_ordered_and_unordered():
    ordered = running.cpu_ordered_parallel(pow, [[2, 3, 4], [2, 2, 2]], 2, disable=True)
    assert ordered == [4, 9, 16]
    by_key = running.cpu_ordered_parallel(
        _with_lock, {"a": range(4), "lock": [_NoLock()] * 4}, 0.5, disable=True
    )
    assert by_key == [0, 10, 20, 30]
    unordered = running.cpu_unordered_parallel(abs, [[-3, -1, -2]], num_process=2, disable=True)
    assert sorted(unordered) == [1, 2, 3]


def test_process_errors_name_the_problem():
    with pytest.raises(TypeError, match="func must be picklable.*not a lambda"):
        running.process_pool(lambda x: x, [(1,)], 1)
    with pytest.raises(
        TypeError, match="each parameter set must be a tuple/list.*got int at index 0"
    ):
        running.process_pool(abs, [1], 1)
    with pytest.raises(ValueError, match="fraction of the .* CPU cores and must lie in \\(0, 1\\]"):
        running.cpu_ordered_parallel(abs, [[1]], 1.5)
    with pytest.raises(TypeError, match="arguments\\[0\\] must be an iterable of values, got int"):
        running.cpu_ordered_parallel(abs, [1], 1)

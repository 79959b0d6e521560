"""``DSRunner(jit=False)``: the model's own code runs step by step on concrete arrays.

This is how users debug a model (prints, breakpoints), so nothing of theirs may be traced, and
the result must be the compiled run's.
"""

from __future__ import annotations

import jax
import numpy as np

import brainpy_dyn as bd
import brainpy_math as bm


class SeenLIF(bd.neurons.LIF):
    """A LIF that records what its derivative and update are called with."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seen = []

    def derivative(self, V, t, I_ext=0.0):
        self.seen.append(("derivative", type(V)))
        return super().derivative(V, t, I_ext)

    def update(self, x=None):
        self.seen.append(("update", type(self.V.value)))
        return super().update(x)


def run(jit: bool, steps: int = 40) -> tuple[SeenLIF, dict]:
    bm.random.seed(11)
    group = SeenLIF(30, noise=2.0, V_initializer=bd.init.Uniform(10.0, 19.5))
    runner = bd.DSRunner(
        group, monitors=["V", "spike"], inputs=("input", 30.0), jit=jit, progress_bar=False
    )
    runner.run(steps * bm.get_dt())
    return group, runner.mon


def test_user_code_sees_concrete_arrays_every_step():
    group, _ = run(jit=False)
    updates = [kind for name, kind in group.seen if name == "update"]
    assert len(updates) == 40
    assert not any(issubclass(kind, jax.core.Tracer) for kind in updates), updates
    assert any(name == "derivative" for name, _ in group.seen)


def test_noisy_lif_without_jit_equals_the_compiled_run():
    _, eager = run(jit=False)
    _, compiled = run(jit=True)
    assert eager["spike"].any()
    np.testing.assert_array_equal(eager["spike"], compiled["spike"])
    np.testing.assert_allclose(eager["V"], compiled["V"], rtol=1e-5, atol=1e-4)

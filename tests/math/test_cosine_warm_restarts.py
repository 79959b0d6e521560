"""bm.optimizers.CosineAnnealingWarmRestarts against torch's scheduler and inside an optimizer."""

from __future__ import annotations

import jax.numpy as jnp
import numpy as np
import pytest

import brainpy_math as bm
from brainpy_math import optimizers as optim


@pytest.mark.parametrize(
    "T_0, T_mult, eta_min", [(3, 1, 0.0), (2, 2, 0.01), (1, 3, 0.1), (4, 2, 0.0), (5, 1, 0.2)]
)
def test_matches_torch_epoch_by_epoch(T_0, T_mult, eta_min):
    torch = pytest.importorskip("torch")
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=0.5)
    tsch = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(
        opt, T_0=T_0, T_mult=T_mult, eta_min=eta_min
    )
    ref = []
    for _ in range(40):
        ref.append(opt.param_groups[0]["lr"])
        opt.step()
        tsch.step()
    sch = optim.CosineAnnealingWarmRestarts(
        0.5, num_call_per_epoch=3, T_0=T_0, T_mult=T_mult, eta_min=eta_min
    )
    calls = jnp.arange(120)
    np.testing.assert_allclose(sch(calls), np.repeat(ref, 3), atol=1e-6)
    np.testing.assert_array_equal(sch.current_epoch(calls), np.repeat(np.arange(40), 3))


def test_counts_optimizer_updates_inside_jit():
    w = bm.Variable(jnp.zeros(1))
    sch = optim.CosineAnnealingWarmRestarts(1.0, num_call_per_epoch=2, T_0=2)
    opt = optim.SGD(sch, {"w": w})
    step = bm.jit(lambda: opt.update({"w": jnp.ones(1)}))
    for _ in range(6):
        step()
    # Updates 0-1: epoch 0 (lr 1), 2-3: epoch 1 (lr 0.5), 4-5: epoch 2 = restart (lr 1).
    np.testing.assert_allclose(w.value, [-(1 + 1 + 0.5 + 0.5 + 1 + 1)], rtol=1e-6)
    assert int(sch.last_call.value) == 6 and int(sch.current_epoch()) == 3
    resumed = optim.CosineAnnealingWarmRestarts(1.0, 2, T_0=2, last_call=1)
    assert int(resumed.current_epoch()) == 1 and float(resumed()) == pytest.approx(0.5)


def test_bad_arguments():
    with pytest.raises(ValueError, match="num_call_per_epoch must be a positive int"):
        optim.CosineAnnealingWarmRestarts(0.1, 0, T_0=2)
    with pytest.raises(ValueError, match="T_mult must be a positive int, got T_mult=0"):
        optim.CosineAnnealingWarmRestarts(0.1, 5, T_0=2, T_mult=0)
    with pytest.raises(ValueError, match="last_call must be an int >= -1, got -2"):
        optim.CosineAnnealingWarmRestarts(0.1, 5, T_0=2, last_call=-2)
